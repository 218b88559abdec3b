"""A recording speechSynthesis for browser tests: every utterance, with its lang and voice.

``speech_script(voices)`` is an init script. The device then lists ``voices`` (each
``{"name", "lang", "localService"}``), sends ``voiceschanged`` once the page has loaded,
as Chrome does, and keeps what the player says in ``window.__said`` instead of speaking.
"""

from __future__ import annotations

import json
import time
from typing import Any

from playwright.sync_api import Page

_SCRIPT = """
(() => {
  const voices = %s;
  const said = window.__said = [];
  // A plain class: a real utterance takes only the browser's own SpeechSynthesisVoice.
  class Utterance {
    constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.volume = 1; }
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {configurable: true, value: Utterance});
  const synth = window.speechSynthesis;
  let listed = false;
  // __asked counts the lists handed out: once it is above 0, the page has chosen a voice.
  window.__asked = 0;
  synth.getVoices = () => (listed ? (window.__asked++, voices) : []);
  synth.speak = (u) => said.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name});
  synth.cancel = () => {};
  window.addEventListener('load', () => {
    listed = true;
    synth.dispatchEvent(new Event('voiceschanged'));
  });
})();
"""


def voice(name: str, lang: str, local: bool = True) -> dict[str, Any]:
    return {"name": name, "lang": lang, "localService": local, "default": False}


def speech_script(voices: list[dict[str, Any]]) -> str:
    return _SCRIPT % json.dumps(voices)


def wait_for_voice_choice(page: Page) -> None:
    """Until the page has read the device's voice list (the player does once its late
    bundle is in): a Start tap before then speaks with the browser's pick for the lang."""
    deadline = time.monotonic() + 120
    while not page.evaluate("window.__asked > 0"):
        assert time.monotonic() < deadline, "the page never asked for the device's voices"
        page.wait_for_timeout(50)


def said(page: Page) -> list[dict[str, Any]]:
    """What the page has spoken, silent unlock utterance left out."""
    spoken: list[dict[str, Any]] = page.evaluate("window.__said")
    return [u for u in spoken if u["text"].strip()]
