"""Where hipapp's own files live: the bundled content, the static files, the templates."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT = ROOT / "content"
STATIC = ROOT / "static"
TEMPLATES = ROOT / "templates"
SW_SOURCE = STATIC / "sw.js"
SW_PREVIEW = STATIC / "sw-preview.js"  # /sw.js under --debug
# Built bundles and kept work; HIPAPP_GEN_DIR moves it (the tests keep the checkout clean).
GEN = STATIC / "gen"
LOCALES = Path(__file__).resolve().parent / "locales"  # messages.pot and <lang>/LC_MESSAGES/
