"""Manifest, icons, service worker and precache list, without a browser."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from flask.testing import FlaskClient
from PIL import Image

from hipapp import create_app
from hipapp.build.export import build
from hipapp.paths import DEFAULT_CONTENT
from hipapp.web.sitemap import site_urls

from ..conftest import Write
from ..support.exports import Exported
from ..support.pwa_helpers import as_file, precache_list, version_of

# In the export but deliberately not precached, and why:
NOT_PRECACHED = {
    "sw.js",  # the browser fetches the worker itself to look for updates
    # (a large site's sw-parts/ too: the worker's own list; tests/pwa/test_worker_parts.py)
    "_headers",  # the static host's configuration, never served
    ".nojekyll",  # tells GitHub Pages to publish the folder as it is, never served
    ".hipapp-build",  # the build's marker, for the next build: "this folder is hipapp's"
    "404.html",  # the host's error page; offline, unknown pages get offline/
    "robots.txt",  # for crawlers, never needed offline
}


def png_size(body: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(body)) as image:
        assert image.format == "PNG"
        return image.size


def test_manifest_is_served_with_its_type_and_relative_urls(client: FlaskClient) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.content_type == "application/manifest+json"
    data = json.loads(response.get_data(as_text=True))
    assert {k: data[k] for k in ("id", "start_url", "scope", "display")} == {
        "id": "/",
        "start_url": "./?launch=app",
        "scope": "./",
        "display": "standalone",
    }
    assert data["name"] == "Hip Mobility Studio" and data["short_name"] == "Hips"
    assert data["theme_color"] == "#1f6f5c" and data["background_color"] == "#ffffff"
    assert data["description"].startswith("Gentle hip mobility")
    assert [s["url"] for s in data["shortcuts"]] == [
        "routines/daily-hips/",
        "routines/desk-break/",
        "routines/hip-strength/",
    ]
    images = data["icons"] + data["screenshots"]
    for entry in images:
        body = client.get("/" + entry["src"]).data
        assert "x".join(map(str, png_size(body))) == entry["sizes"], entry["src"]
        assert entry["type"] == "image/png"
    maskable = [i["sizes"] for i in data["icons"] if i["purpose"] == "maskable"]
    assert maskable == ["192x192", "512x512"]


def test_manifest_id_comes_from_the_base_url_or_is_left_out(
    small_content: Path, tmp_path: Path
) -> None:
    build(small_content, tmp_path / "a", base_url="https://example.org/hips/")
    assert json.loads((tmp_path / "a" / "manifest.webmanifest").read_text())["id"] == "/hips/"
    build(small_content, tmp_path / "b")
    assert "id" not in json.loads((tmp_path / "b" / "manifest.webmanifest").read_text())


def test_apple_touch_icon_and_ios_tags_on_every_page(client: FlaskClient) -> None:
    html = client.get("/routines/daily-hips/").get_data(as_text=True)
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in html
    assert '<link rel="apple-touch-icon" href="../../icons/apple-touch-icon.png">' in html
    assert '<meta name="apple-mobile-web-app-capable" content="yes">' in html
    assert '<meta name="mobile-web-app-capable" content="yes">' in html
    assert '<meta name="apple-mobile-web-app-title" content="Hips">' in html
    assert '<meta name="apple-mobile-web-app-status-bar-style" content="default">' in html
    icon = client.get("/icons/apple-touch-icon.png")
    assert icon.content_type == "image/png"
    with Image.open(io.BytesIO(icon.data)) as image:
        # iOS shows transparency as black: the icon must be opaque.
        assert (image.size, image.mode) == ((180, 180), "RGB")


def test_unknown_icon_is_a_404(client: FlaskClient) -> None:
    assert client.get("/icons/icon-1000.png").status_code == 404
    assert client.get("/icons/../sw.js.png").status_code == 404


def test_icons_use_a_raster_logo(small_content: Path, write: Write) -> None:
    logo = Image.new("RGB", (300, 100), (200, 30, 30))
    out = io.BytesIO()
    logo.save(out, format="PNG")
    write("media/logo.png", data=out.getvalue())
    write("site.yaml", "name: Red Studio\ntheme_color: '#000000'\nlogo: logo.png\n")
    app = create_app(small_content)
    body = app.test_client().get("/icons/icon-512.png").data
    with Image.open(io.BytesIO(body)) as image:
        rgb = image.convert("RGB")
        assert rgb.getpixel((256, 256)) == (200, 30, 30)  # the logo, centred
        assert rgb.getpixel((5, 5)) == (0, 0, 0)  # on the theme colour
    assert app.extensions["hipapp.warnings"] == []


def test_a_new_logo_with_the_same_name_is_drawn_afresh(small_content: Path, write: Write) -> None:
    """Icons are kept between builds; replacing the logo file must not serve the old ones."""

    def centre_of_icon(colour: tuple[int, int, int]) -> tuple[int, int, int]:
        out = io.BytesIO()
        Image.new("RGB", (300, 100), colour).save(out, format="PNG")
        write("media/logo.png", data=out.getvalue())
        body = create_app(small_content).test_client().get("/icons/icon-512.png").data
        with Image.open(io.BytesIO(body)) as image:
            pixel: tuple[int, int, int] = image.convert("RGB").getpixel((256, 256))
            return pixel

    write("site.yaml", "name: Red Studio\ntheme_color: '#000000'\nlogo: logo.png\n")
    assert centre_of_icon((200, 30, 30)) == (200, 30, 30)
    assert centre_of_icon((30, 30, 200)) == (30, 30, 200)
    assert centre_of_icon((200, 30, 30)) == (200, 30, 30)


def test_svg_logo_falls_back_to_initials_with_a_warning(small_content: Path, write: Write) -> None:
    write("media/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    write("site.yaml", "name: Blue Studio\ntheme_color: '#1a4fa0'\nlogo: logo.svg\n")
    app = create_app(small_content)
    assert [str(w) for w in app.extensions["hipapp.warnings"]] == [
        "content/site.yaml:3: warning: logo: app icons are drawn from PNG, JPEG, WebP or GIF "
        'logos; "logo.svg" is not one, so they show the initials instead'
    ]
    body = app.test_client().get("/icons/icon-192.png").data
    with Image.open(io.BytesIO(body)) as image:
        colours = {c for _, c in image.convert("RGB").getcolors(192 * 192) or []}
        assert (0x1A, 0x4F, 0xA0) in colours and (255, 255, 255) in colours  # white initials


def test_service_worker_is_served_uncached_with_its_precache_header(
    client: FlaskClient,
) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.content_type == "text/javascript; charset=utf-8"
    assert response.headers["Cache-Control"] == "no-cache"
    source = response.get_data(as_text=True)
    assert re.fullmatch(r"[0-9a-f]{16}", version_of(source))
    urls = precache_list(source)
    assert urls[0] == "./" and "offline/" in urls and "sw.js" not in urls
    assert all(not u.startswith("/") and "://" not in u for u in urls)  # relative: subpaths
    assert len(urls) == len(set(urls))
    # No import anywhere: one file.
    assert not re.search(r"^\s*import\b|importScripts", source, re.M)


def test_version_changes_with_any_precached_byte(small_content: Path, write: Write) -> None:
    def version() -> str:
        return version_of(create_app(small_content).test_client().get("/sw.js").text)

    first = version()
    assert version() == first  # deterministic: rebuilding alone offers no update
    write("exercises/stretch.md", Path(small_content / "exercises/stretch.md").read_text() + "x")
    second = version()
    assert second != first
    write("media/new.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    assert version() != second


def served_files(files: list[str]) -> list[str]:
    """The export's files less the .gz/.br twins, which a host serves in their place."""
    return [f for f in files if not f.endswith((".gz", ".br"))]


@pytest.mark.parametrize("base_url", [None, "https://example.org/hips/"])
def test_precache_is_exactly_the_export(
    small_content: Path, tmp_path: Path, base_url: str | None
) -> None:
    out = tmp_path / "site"
    files = served_files(build(small_content, out, base_url=base_url))
    urls = precache_list((out / "sw.js").read_text())
    precached = [as_file(u) for u in urls]
    assert len(precached) == len(set(precached)), "cached twice"
    assert set(precached) == set(files) - NOT_PRECACHED
    assert set(files) >= NOT_PRECACHED
    # The exported worker is the one Flask serves.
    served = create_app(small_content).test_client().get("/sw.js").text
    assert precache_list(served) == urls


def test_bundled_content_precache_is_exactly_the_export(bundled_export: Exported) -> None:
    out, written = bundled_export()
    files = served_files(written)
    precached = {as_file(u) for u in precache_list((out / "sw.js").read_text())}
    assert precached == set(files) - NOT_PRECACHED
    assert {"offline/index.html", "programs/four-weeks/index.html", "about/index.html"} <= precached


def test_every_route_without_arguments_is_a_site_url() -> None:
    app = create_app(DEFAULT_CONTENT)
    listed = {endpoint for endpoint, _ in site_urls(app)}
    rules = {r.endpoint for r in app.url_map.iter_rules() if not r.arguments}
    assert rules - {"static"} <= listed
    assert {
        "site.exercise",
        "site.routine",
        "site.play",
        "programs.overview",
        "programs.day",
        "programs.play",
        "site.page",
    } <= listed
    assert {"site.media", "pwa.icon", "static"} <= listed


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_every_link_in_the_export_is_in_the_export(bundled_export: Exported) -> None:
    """What the pages link to is what the export (and so the precache) holds."""
    out, written = bundled_export()
    files = set(written)
    missing = set()
    for name in files:
        if not name.endswith(".html") or name == "404.html":
            continue
        parser = _Links()
        parser.feed((out / name).read_text(encoding="utf-8"))
        page = "https://site.test/" + name.removesuffix("index.html")
        for link in parser.links:
            target = urlsplit(urljoin(page, link))
            if target.netloc != "site.test":
                continue
            path = target.path.removeprefix("/")
            if as_file(path) not in files:
                missing.add(f"{name} -> {link}")
    assert missing == set()


def test_offline_page(client: FlaskClient) -> None:
    response = client.get("/offline/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h1>You're offline</h1>" in html
    assert '<a class="button primary" href="../">See all routines</a>' in html
    assert '<p id="offline-retry" hidden>' in html
