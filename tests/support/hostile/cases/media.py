"""Media: only real images of sane size are published, and SVGs run nothing."""

from __future__ import annotations

from ..samples import (
    APPLE_DOUBLE,
    AVIF,
    BIG_PNG,
    BOMB_GIF,
    BOMB_PNG,
    GIF,
    JPEG,
    PNG,
    SECRET_PNG,
    SVG,
    TRUNCATED_PNG,
    WEBP,
    fm,
    raster,
    svg,
)
from ..tree import Fifo, Link
from .base import CARD_X, ROUTINE_R, E, add

# ---------------------------------------------------------------------------------------
# Media: only real images of sane size are published; SVGs must not run or load anything.

ONLY_IMAGES = r"only images.*(SVG|PNG).*move"
for name in [
    "x.html",
    "x.htm",
    "x.js",
    "x.mjs",
    "x.css",
    "x.txt",
    "x.json",
    "x.xml",
    "x.pdf",
    "x.mp4",
    "x.php",
    "x.wasm",
    "x.zip",
    "x.svgz",
    "x.webmanifest",
    "x.svg.html",
    "README",
    "Thumbs.db",
]:
    add(
        f"media-not-an-image-{name}",
        "media-type",
        "media",
        {f"content/media/{name}": "<script>alert(1)</script>\n"},
        E(f"media/{name}", 0, ONLY_IMAGES),
    )
add(
    "media-html-and-js-pair",
    "media-type",
    "media",
    {
        "content/media/x.html": '<script src="x.js"></script>',
        "content/media/x.js": "fetch('/history/')",
    },
    E("media/x.html", 0, ONLY_IMAGES),
    E("media/x.js", 0, ONLY_IMAGES),
)
add(
    "media-ok-every-image-type",
    "media-type",
    "media",
    {
        "content/media/a.svg": SVG,
        "content/media/b.png": PNG,
        "content/media/c.jpg": JPEG,
        "content/media/d.jpeg": JPEG,
        "content/media/e.webp": WEBP,
        "content/media/f.avif": AVIF,
        "content/media/g.gif": GIF,
        "content/media/H.PNG": PNG,
        "content/media/poses/i.svg": SVG,
    },
    exported=("media/a.svg", "media/f.avif", "media/H.PNG", "media/poses/i.svg"),
)
add(
    "media-ok-hidden-files-stay-home",
    "media-type",
    "media",
    {
        "content/media/a.png": PNG,
        "content/media/.DS_Store": b"\x00\x00\x00\x01Bud1",
        "content/media/._a.png": APPLE_DOUBLE,
    },
    exported=("media/a.png",),
    not_exported=("media/.DS_Store", "media/._a.png"),
)

SVG_BAD: list[tuple[str, str, int, str]] = [
    ("script", svg("<script>alert(1)</script>"), 2, r"<script>"),
    (
        "script-prefixed",
        svg('<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>'),
        2,
        r"script",
    ),
    ("script-uppercase", svg("<SCRIPT>alert(1)</SCRIPT>"), 2, r"script"),
    ("script-cdata", svg("<script><![CDATA[alert(1)]]></script>"), 2, r"script"),
    ("onload-on-root", svg(open_tag=' onload="alert(1)"'), 1, r"onload"),
    (
        "onclick-on-child",
        svg("<g>", '<rect width="5" height="5" onclick="alert(1)"/>', "</g>"),
        3,
        r"onclick",
    ),
    ("onload-uppercase", svg('<rect width="5" height="5" ONLOAD="alert(1)"/>'), 2, r"(?i)onload"),
    (
        "onbegin-animation",
        svg('<animate attributeName="x" dur="1s" onbegin="alert(1)"/>'),
        2,
        r"onbegin",
    ),
    (
        "foreign-object",
        svg(
            "<foreignObject>",
            '<body xmlns="http://www.w3.org/1999/xhtml">hi</body>',
            "</foreignObject>",
        ),
        2,
        r"foreignObject",
    ),
    (
        "xhtml-script",
        svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
        2,
        r"script",
    ),
    ("iframe", svg('<iframe src="https://evil.example/"/>'), 2, r"iframe"),
    ("javascript-link", svg('<a href="javascript:alert(1)"><text>x</text></a>'), 2, r"javascript:"),
    (
        "javascript-xlink",
        svg('<a xlink:href=" JavaScript:alert(1)"><text>x</text></a>'),
        2,
        r"(?i)javascript:",
    ),
    (
        "set-href-to-javascript",
        svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
        2,
        r"javascript:",
    ),
    (
        "external-image",
        svg('<image href="https://evil.example/x.png" width="5" height="5"/>'),
        2,
        r"evil\.example",
    ),
    ("external-use", svg('<use xlink:href="//evil.example/s.svg#a"/>'), 2, r"evil\.example"),
    (
        "data-html",
        svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a>'),
        2,
        r"data:text/html",
    ),
    (
        "data-svg-image",
        svg('<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" width="5" height="5"/>'),
        2,
        r"data:image/svg\+xml",
    ),
    (
        "style-url",
        svg('<rect width="5" height="5" style="fill: url(https://evil.example/p)"/>'),
        2,
        r"evil\.example",
    ),
    (
        "style-import",
        svg("<style>@import url(https://evil.example/x.css);</style>"),
        2,
        r"evil\.example",
    ),
    (
        "stylesheet-instruction",
        '<?xml-stylesheet href="https://evil.example/x.css"?>\n' + SVG,
        1,
        r"evil\.example",
    ),
    (
        "entity-bomb",
        '<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY a "lol">\n'
        '<!ENTITY b "&a;&a;&a;&a;">\n]>\n' + svg("<text>&b;</text>"),
        2,
        r"DOCTYPE|ENTITY",
    ),
    (
        "external-entity",
        '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n' + svg("<text>&x;</text>"),
        1,
        r"DOCTYPE|ENTITY",
    ),
    ("not-xml", "<svg><g></svg>\n", 1, r"not a valid SVG"),
    ("empty", "", 1, r"not a valid SVG"),
    ("html-root", "<html><body><script>alert(1)</script></body></html>\n", 1, r"<svg>"),
]
for name, text, line, message in SVG_BAD:
    add(
        f"media-svg-{name}",
        "media-svg",
        "media",
        {"content/media/x.svg": text},
        E("media/x.svg", line, message),
    )
add(
    "media-svg-script-as-card-image",
    "media-svg",
    "media",
    {
        "content/media/pose.svg": svg("<script>alert(1)</script>"),
        f"content/{CARD_X}": fm("title: X", "hold: 20s", "image: pose.svg"),
    },
    E("media/pose.svg", 2, r"<script>"),
)

SVG_OK = {
    "title-and-desc": svg("<title>A pose</title>", "<desc>Kneeling.</desc>"),
    "local-references": svg(
        '<defs><path id="a" d="M0 0h5v5z"/></defs>',
        '<use href="#a"/>',
        '<a href="#top"><text>x</text></a>',
    ),
    "png-data-image": svg(
        '<image width="5" height="5" href="data:image/png;base64,iVBORw0KGgo="/>'
    ),
    "style-element": svg(
        "<style>.a { fill: #c2410c }</style>", '<rect class="a" width="5" height="5"/>'
    ),
    "inkscape": '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    "<!-- Created with Inkscape -->\n"
    + svg(
        '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'
        ' id="v"/>',
        open_tag=' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
        ' inkscape:version="1.3"',
    ),
    "illustrator-doctype": '<?xml version="1.0" encoding="utf-8"?>\n'
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"'
    ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' + SVG,
    "relative-image": svg('<image href="b.png" width="5" height="5"/>'),
}
for name, text in SVG_OK.items():
    add(
        f"media-svg-ok-{name}",
        "media-svg",
        "media",
        {"content/media/x.svg": text, "content/media/b.png": PNG},
        exported=("media/x.svg",),
    )

NOT_IMAGE = r"not .*image.*(export|save)"
RASTER_BAD: list[tuple[str, str, bytes, str]] = [
    ("text-as-png", "x.png", b"not a png at all\n", NOT_IMAGE),
    ("empty-png", "x.png", b"", NOT_IMAGE),
    ("truncated-png", "x.png", TRUNCATED_PNG, r"damaged|incomplete|truncated"),
    ("text-as-jpeg", "x.jpg", b"GIF? no, text\n", NOT_IMAGE),
    ("html-as-png", "x.png", b"<html><script>alert(1)</script></html>", NOT_IMAGE),
    ("svg-as-png", "x.png", SVG.encode(), NOT_IMAGE),
    ("png-as-svg", "x.svg", PNG, r"not a valid SVG"),
    ("text-as-webp", "x.webp", b"RIFF....WEBPnope", NOT_IMAGE),
    ("text-as-avif", "x.avif", b"\x00\x00\x00\x18ftypavifnope", NOT_IMAGE),
    ("bomb-png", "x.png", BOMB_PNG, r"30,?000 ?[x\u00d7] ?30,?000.*(smaller|scale)"),
    ("big-png", "x.png", BIG_PNG, r"10,?000 ?[x\u00d7] ?10,?000.*(smaller|scale)"),
    ("bomb-gif", "x.gif", BOMB_GIF, r"65,?535 ?[x\u00d7] ?65,?535.*(smaller|scale)"),
]
for name, file, data, message in RASTER_BAD:
    add(
        f"media-raster-{name}",
        "media-raster",
        "media",
        {f"content/media/{file}": data},
        E(f"media/{file}", 0 if "svg" not in file else 1, message),
    )
for name, file, data in [
    ("jpeg-named-png", "x.png", JPEG),
    ("png-named-jpg", "x.jpg", PNG),
    ("wide-strip", "x.png", None),
]:
    add(
        f"media-raster-ok-{name}",
        "media-raster",
        "media",
        {f"content/media/{file}": data if data is not None else raster("PNG", (4000, 2))},
        exported=(f"media/{file}",),
    )

LOGO = {"content/site.yaml": "name: Studio\nlogo: logo.png\n"}
for name, data, message in [
    ("fake-png", b"I am not a PNG", NOT_IMAGE),
    ("bomb-png", BOMB_PNG, r"30,?000 ?[x\u00d7] ?30,?000"),
    ("truncated-png", TRUNCATED_PNG, r"damaged|incomplete|truncated"),
    ("html", b"<script>alert(1)</script>", NOT_IMAGE),
]:
    add(
        f"media-logo-{name}",
        "media-logo",
        "media",
        {**LOGO, "content/media/logo.png": data},
        E("media/logo.png", 0, message),
    )
add(
    "media-logo-svg-with-script",
    "media-logo",
    "media",
    {
        "content/site.yaml": "name: Studio\nlogo: logo.svg\n",
        "content/media/logo.svg": svg("<script>alert(1)</script>"),
    },
    E("media/logo.svg", 2, r"<script>"),
)
add(
    "media-logo-outside-media",
    "media-logo",
    "media",
    {"content/site.yaml": "name: Studio\nlogo: ../../secret.txt\n"},
    E("site.yaml", 2, r"no file"),
)
add(
    "media-logo-ok-png",
    "media-logo",
    "media",
    {**LOGO, "content/media/logo.png": raster("PNG", (64, 64))},
    exported=("media/logo.png", "icons/icon-512.png"),
)
add(
    "media-logo-ok-svg",
    "media-logo",
    "media",
    {"content/site.yaml": "name: Studio\nlogo: logo.svg\n", "content/media/logo.svg": SVG},
    exported=("media/logo.svg",),
)

OUTSIDE = r"outside the content folder.*cop"
add(
    "media-link-to-outside-file",
    "media-link",
    "media",
    {"outside.png": PNG, "content/media/x.png": Link("../../outside.png")},
    E("media/x.png", 0, OUTSIDE),
)
add(
    "media-link-to-system-file",
    "media-link",
    "media",
    {"content/media/passwd.png": Link("/etc/passwd")},
    E("media/passwd.png", 0, OUTSIDE),
)
add(
    "media-link-to-secret",
    "media-link",
    "media",
    {"content/media/secret.png": Link("../../secret.txt")},
    E("media/secret.png", 0, OUTSIDE),
)
add(
    "media-link-to-outside-folder",
    "media-link",
    "media",
    {
        "photos/a.png": PNG,
        "photos/secret.png": SECRET_PNG,
        "content/media/photos": Link("../../photos"),
    },
    E("media/photos", 0, OUTSIDE),
)
add(
    "media-folder-is-a-link-outside",
    "media-link",
    "media",
    {"photos/a.png": PNG, "content/media": Link("../photos")},
    E("media", 0, OUTSIDE),
)
add(
    "media-dangling-link",
    "media-link",
    "media",
    {"content/media/x.png": Link("gone.png")},
    E("media/x.png", 0, r"link to a file that does not exist"),
)
add(
    "media-link-loop",
    "media-link",
    "media",
    {"content/media/x.png": Link("x.png")},
    E("media/x.png", 0, r"link"),
)
add(
    "media-pipe",
    "media-link",
    "media",
    {"content/media/x.png": Fifo()},
    E("media/x.png", 0, r"not a file"),
)
add(
    "media-link-ok-inside",
    "media-link",
    "media",
    {"content/media/real.png": PNG, "content/media/alias.png": Link("real.png")},
    exported=("media/real.png", "media/alias.png"),
)

NAMES = [
    ("space", "my pose.png"),
    ("umlaut", "übung.png"),
    ("hash", "a#b.png"),
    ("percent", "50%.png"),
    ("question-mark", "a?b.png"),
    ("ampersand", "a&b.png"),
    ("apostrophe", "it's.png"),
    ("double-quote", 'say "hi".png'),
    ("plus", "a+b.png"),
    ("brackets", "[x].png"),
    ("colon", "a:b.png"),
    ("backslash", "a\\b.png"),
    ("subfolder-with-space", "my poses/a.png"),
]
for name, file in NAMES:
    add(
        f"media-name-{name}",
        "media-name",
        "media",
        {
            f"content/media/{file}": PNG,
            f"content/{CARD_X}": fm(
                "title: X", "hold: 20s", f"image: '{file.replace(chr(39), chr(39) * 2)}'"
            ),
            f"content/{ROUTINE_R}": fm("title: R", "steps: [x]"),
        },
        exported=(f"media/{file}",),
    )
for name, src, file in [
    ("percent-encoded-space", "my%20pose.png", "my pose.png"),
    ("angle-brackets-space", "<my pose.png>", "my pose.png"),
    ("percent-encoded-hash", "a%23b.png", "a#b.png"),
    ("percent-encoded-umlaut", "%C3%BCbung.png", "übung.png"),
]:
    add(
        f"media-body-image-{name}",
        "media-name",
        "media",
        {
            f"content/media/{file}": PNG,
            f"content/{CARD_X}": fm("title: X", "hold: 20s", body=f"![pose]({src})\n"),
        },
        exported=(f"media/{file}",),
    )
add(
    "media-name-newline",
    "media-name",
    "media",
    {"content/media/a\nb.png": PNG},
    E("media/a\\nb.png", 0, r"rename"),
)
add(
    "media-name-tab",
    "media-name",
    "media",
    {"content/media/a\tb.png": PNG},
    E("media/a\\tb.png", 0, r"rename"),
)
