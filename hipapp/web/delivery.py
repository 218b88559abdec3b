"""Compressed, conditional and cached responses: one WSGI middleware around the app.

Content is immutable for the life of an app, so a rendered page can be kept and served
again; every response gets an ETag (so revisits cost a 304) and text is compressed for
clients that accept it: brotli where they take it (every current browser, over HTTPS),
gzip otherwise.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import brotli
from werkzeug.wrappers import Request, Response

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

COMPRESSIBLE = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "image/svg+xml",
    "text/plain",
    "text/csv",
}
MIN_SIZE = 512  # smaller bodies gain nothing from compression


ENCODINGS = ("br", "gzip")  # in order of preference when a client rates them equally


def pick_encoding(accept_encoding: str) -> str | None:
    """The best encoding an ``Accept-Encoding`` header allows: "br", "gzip" or None.

    Weights follow RFC 9110: ``q=0`` refuses a coding, ``*`` stands for any coding not
    named, and a malformed weight counts as a refusal rather than an error.
    """
    weights: dict[str, float] = {}
    for part in accept_encoding.lower().split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if name:
            weights[name] = weight
    ranked = [(weights.get(name, weights.get("*", 0.0)), name) for name in ENCODINGS]
    best = max(ranked, key=lambda pair: pair[0])  # the first of equals: brotli
    return best[1] if best[0] > 0 else None


def compress(body: bytes, encoding: str, *, best: bool = True) -> bytes:
    """Compress a body; ``best`` when the result is cached and served many times.

    Brotli's best ratio costs ~50x gzip's CPU (~20 ms for the player's page), paid once per
    page and encoding; under --debug nothing is cached, so each reload gets a fast level.
    """
    if encoding == "br":
        packed: bytes = brotli.compress(body, quality=11 if best else 5)
        return packed
    return gzip.compress(body, compresslevel=9 if best else 6, mtime=0)


class Delivery:
    """Wrap a WSGI app with compression, ETags and an LRU cache of successful GETs."""

    def __init__(
        self, app: WSGIApplication, *, cache: Callable[[], bool], size: int = 2048
    ) -> None:
        self.app = app
        self.cache_enabled = cache
        self.size = size
        self.lock = threading.Lock()
        self.cache: OrderedDict[
            tuple[str, str, str | None], tuple[int, list[tuple[str, str]], bytes]
        ] = OrderedDict()

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        request = Request(environ)
        encoding = pick_encoding(request.headers.get("Accept-Encoding", ""))
        # Pages that name the server's own address (the share page and its QR code, when
        # site.yaml has no url:) differ by Host: one forged Host must not become the page
        # every later visitor is served. The app refuses a malformed Host (400, never cached).
        host = str(environ.get("HTTP_HOST") or environ.get("SERVER_NAME") or "").lower()
        key = (host, request.full_path, encoding)
        cacheable = request.method in ("GET", "HEAD") and self.cache_enabled()
        with self.lock:
            hit = self.cache.get(key) if cacheable else None
            if hit is not None:
                self.cache.move_to_end(key)
        if hit is None:
            # HEAD shares GET's cache entry, so render the GET: werkzeug drops the body when
            # it answers a HEAD, and the headers (length, ETag) are the GET's, as they must be.
            as_get = {**environ, "REQUEST_METHOD": "GET"} if request.method == "HEAD" else environ
            hit = self.render(as_get, encoding, best=cacheable)
            if cacheable and hit[0] == 200:
                with self.lock:
                    self.cache[key] = hit
                    if len(self.cache) > self.size:
                        self.cache.popitem(last=False)
        status, headers, body = hit
        response = Response(body, status, headers)
        response.make_conditional(request)
        return response(environ, start_response)

    def render(
        self, environ: WSGIEnvironment, encoding: str | None, *, best: bool = True
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        """Run the app once and finish its response: compress, then tag."""
        response = Response.from_app(self.app, environ, buffered=True)
        if response.status_code == 200 and response.mimetype in COMPRESSIBLE:
            response.vary.add("Accept-Encoding")
            body = response.get_data()
            if encoding and len(body) >= MIN_SIZE and "Content-Encoding" not in response.headers:
                response.set_data(compress(body, encoding, best=best))
                response.headers["Content-Encoding"] = encoding
        if response.status_code == 200 and not response.get_etag()[0]:
            response.add_etag()
        return response.status_code, response.headers.to_wsgi_list(), response.get_data()


def install(app: Any) -> None:
    """Put the middleware around a Flask app; caching is off while debugging.

    The static export sets DELIVERY to False: it writes each page once, so compressing,
    tagging and caching it in memory would be work thrown away.
    """
    if app.config.get("DELIVERY", True):
        app.wsgi_app = Delivery(app.wsgi_app, cache=lambda: not app.debug)
