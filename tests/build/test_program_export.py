"""The static export carries every program page, the QR code and the history page."""

from __future__ import annotations

from pathlib import Path

from hipapp.build.export import build
from hipapp.paths import DEFAULT_CONTENT
from ..support.exports import Exported


def test_export_has_every_program_page(bundled_export: Exported) -> None:
    out, written = bundled_export("https://studio.example/hips/")
    files = set(written)
    program = "programs/four-weeks"
    expected = {
        f"{program}/index.html",
        f"{program}/today/index.html",
        f"{program}/share/index.html",
        f"{program}/qr.svg",
        "history/index.html",
    }
    expected |= {f"{program}/day/{n}/index.html" for n in range(1, 29)}
    # Every day has a player: workouts, and the gentle desk break on rest days.
    expected |= {f"{program}/day/{n}/play/index.html" for n in range(1, 29)}
    assert expected <= files
    assert not any(f.startswith(f"{program}/day/29") for f in files)
    share = (out / program / "share/index.html").read_text("utf-8")
    assert 'value="https://studio.example/hips/programs/four-weeks/today/"' in share
    assert "No public address is set" not in share
    assert (out / program / "qr.svg").read_text("utf-8").startswith("<?xml")


def test_export_without_a_public_url_warns_on_the_share_page(bundled_export: Exported) -> None:
    out, _ = bundled_export()
    share = (out / "programs/four-weeks/share/index.html").read_text("utf-8")
    assert "No public address is set" in share
