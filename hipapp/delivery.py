"""Compressed, conditional and cached responses: one WSGI middleware around the app.

Content is immutable for the life of an app, so a rendered page can be kept and served
again; every response gets an ETag (so revisits cost a 304) and text is gzip-compressed
for clients that accept it.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

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


def wants_gzip(accept_encoding: str) -> bool:
    """Whether the client accepts gzip (and did not refuse it with q=0)."""
    for part in accept_encoding.lower().split(","):
        name, _, params = part.strip().partition(";")
        if name.strip() in ("gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


class Delivery:
    """Wrap a WSGI app with gzip, ETags and an LRU cache of successful GET responses."""

    def __init__(
        self, app: WSGIApplication, *, cache: Callable[[], bool], size: int = 2048
    ) -> None:
        self.app = app
        self.cache_enabled = cache
        self.size = size
        self.lock = threading.Lock()
        self.cache: OrderedDict[tuple[str, bool], tuple[int, list[tuple[str, str]], bytes]] = (
            OrderedDict()
        )

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        request = Request(environ)
        gz = wants_gzip(request.headers.get("Accept-Encoding", ""))
        key = (request.full_path, gz)
        cacheable = request.method in ("GET", "HEAD") and self.cache_enabled()
        with self.lock:
            hit = self.cache.get(key) if cacheable else None
            if hit is not None:
                self.cache.move_to_end(key)
        if hit is None:
            hit = self.render(environ, gz)
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
        self, environ: WSGIEnvironment, gz: bool
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        """Run the app once and finish its response: compress, then tag."""
        response = Response.from_app(self.app, environ, buffered=True)
        if response.status_code == 200 and response.mimetype in COMPRESSIBLE:
            response.vary.add("Accept-Encoding")
            body = response.get_data()
            if gz and len(body) >= MIN_SIZE and "Content-Encoding" not in response.headers:
                # Compressed once, then served from the cache: the best ratio costs nothing later.
                response.set_data(gzip.compress(body, compresslevel=9, mtime=0))
                response.headers["Content-Encoding"] = "gzip"
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
