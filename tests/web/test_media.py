"""Media as the server and the export deliver them: their own policy, odd names, any folder."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from click.testing import CliRunner

from hipapp import create_app
from hipapp.build.export import build
from hipapp.cli import main
from hipapp.web.headers import CSP, MEDIA_CSP

from ..conftest import CARD, ROUTINE, Write
from ..support.hostile.samples import PNG, SVG


def test_media_are_served_with_a_sandbox_of_their_own(small_content: Path, write: Write) -> None:
    write("media/pose.svg", SVG)
    write("media/photo.png", data=PNG)
    client = create_app(small_content).test_client()
    for name, kind in (("pose.svg", "image/svg+xml"), ("photo.png", "image/png")):
        response = client.get(f"/media/{name}")
        assert response.status_code == 200
        assert response.mimetype == kind
        assert response.headers["Content-Security-Policy"] == MEDIA_CSP
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get("/").headers["Content-Security-Policy"] == CSP


def test_the_export_gives_media_their_sandbox(small_content: Path, tmp_path: Path) -> None:
    build(small_content, tmp_path / "site", base_url="https://example.org/hips/")
    text = (tmp_path / "site" / "_headers").read_text()
    assert f"/hips/media/*\n  Content-Security-Policy: {MEDIA_CSP}\n" in text
    rules = text.split("\n", 1)[1]  # after the line that opens hipapp's block
    assert rules.startswith("/hips/*\n  Content-Security-Policy: default-src 'self'")


NAMES = ["my pose.png", "übung.png", "a#b.png", "50%.png"]


@pytest.mark.parametrize("name", NAMES)
def test_names_that_need_encoding_reach_the_player(write: Write, name: str) -> None:
    card = CARD.format(title="Stretch").replace("sets: 2\n", f"sets: 2\nimage: '{name}'\n")
    write("exercises/stretch.md", card)
    write(f"media/{name}", data=PNG)
    root = write("routines/daily.md", ROUTINE)
    client = create_app(root).test_client()
    page = client.get("/routines/daily/play/").get_data(as_text=True)
    data = json.loads(re.search(r'id="player-data">(.*?)</script>', page)[1])  # type: ignore[index]
    image = data["cards"]["stretch"]["image"]
    assert image.startswith("../../../media/") and "#" not in image and " " not in image
    served = client.get(urlsplit(urljoin("http://localhost/routines/daily/play/", image)).path)
    assert served.status_code == 200
    assert served.get_data() == PNG


def test_a_relative_content_folder_serves_its_images(
    small_content: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Flask resolves a relative folder against the package: every image was a 404."""
    write("media/pose.svg", SVG)
    monkeypatch.chdir(small_content.parent)
    client = create_app("content").test_client()
    assert client.get("/media/pose.svg").status_code == 200
    assert client.get("/sw.js").status_code == 200  # it precaches the images
    result = CliRunner().invoke(main, ["build", "--content", "content", "--out", "site"])
    assert result.exit_code == 0, result.output
    assert (small_content.parent / "site/media/pose.svg").read_text() == SVG
