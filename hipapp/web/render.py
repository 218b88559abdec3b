"""One URL's body as the app serves it, without a server or a test client.

The export writes every page this way, and the server hashes every page this way for
the worker's list: a large library has thousands, so each is dispatched straight into
the app, without the middleware (web/delivery.py: its cache is for visitors' requests)
or the after-request hooks (headers, which neither a file nor a hash keeps).
"""

from __future__ import annotations

import io
import sys
from typing import Any
from urllib.parse import unquote_to_bytes

from flask import Flask
from flask.ctx import RequestContext
from werkzeug.exceptions import HTTPException


def served(app: Flask, path: str) -> tuple[str, bytes]:
    """The status line ("200 OK", "404 NOT FOUND") and body ``app`` serves at ``path``.

    The body is empty unless the status is 200.
    """
    # WSGI's PATH_INFO is the decoded path, its bytes as latin-1 (PEP 3333), as a server
    # would pass it: "/media/my%20pose.png" arrives as "/media/my pose.png".
    decoded = unquote_to_bytes(path).decode("latin-1")
    environ = dict(_ENVIRON, PATH_INFO=decoded, **{"wsgi.input": io.BytesIO()})
    with app.request_context(environ):
        try:
            response = app.make_response(app.preprocess_request() or app.dispatch_request())
        except HTTPException as exc:
            return f"{exc.code} {exc.name.upper()}", b""
    # Files from send_file stream straight through; read them like any other body.
    response.direct_passthrough = False
    try:
        return response.status, response.get_data() if response.status_code == 200 else b""
    finally:
        response.close()


def site_request(app: Flask) -> RequestContext:
    """A request for the site's root, to build URLs outside a visitor's request.

    What ``app.test_request_context()`` gives, without importing the test client.
    """
    return app.request_context(dict(_ENVIRON, PATH_INFO="/", **{"wsgi.input": io.BytesIO()}))


_ENVIRON: dict[str, Any] = {
    "REQUEST_METHOD": "GET",
    "SCRIPT_NAME": "",
    "QUERY_STRING": "",
    "SERVER_NAME": "localhost",
    "SERVER_PORT": "80",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "HTTP_HOST": "localhost",
    "wsgi.version": (1, 0),
    "wsgi.url_scheme": "http",
    "wsgi.errors": sys.stderr,
    "wsgi.multithread": False,
    "wsgi.multiprocess": False,
    "wsgi.run_once": False,
}
