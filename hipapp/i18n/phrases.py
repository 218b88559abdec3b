"""The phrases a studio may reword in site.yaml, by stable key.

``phrases: { get_ready: "Ready, set" }`` replaces the message "Get ready" wherever the
app shows or speaks it, in any language. The keys are the public names (they stay when a
message's English wording changes); the values are the catalogue's msgids.
"""

from __future__ import annotations

from collections.abc import Mapping

PHRASES: Mapping[str, str] = {
    # The player: what it shows above the countdown and says aloud. A spoken cue that
    # begins with one of these ("Get ready: Bridge", "Left side, 30 seconds") is built
    # from the studio's words too.
    "first_up": "First up",
    "get_ready": "Get ready",
    "left_side": "Left side",
    "right_side": "Right side",
    "switch_sides": "Switch sides",
    "hold": "Hold",
    "halfway": "Halfway",
    "paused": "Paused",
    "rest": "Rest",
    "session_complete": "Session complete",
    "how_did_it_feel": "How did each exercise feel?",  # the ratings at the end of a session
    # Buttons and pages.
    "start": "Start",
    "start_routine": "Start routine",
    "done": "Done",
    "rest_day": "Rest day",
    "todays_session": "Today's session",
    "send_to_my_studio": "Send to my studio",
    "contact_the_studio": "Contact the studio",
}


def overrides(phrases: Mapping[str, str]) -> dict[str, str]:
    """The studio's phrases by msgid; unknown keys are left out (``check`` reports them)."""
    return {PHRASES[key]: text for key, text in phrases.items() if key in PHRASES}
