"""Security and caching headers, shared by the Flask app and the static export."""

from __future__ import annotations

DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)
CSP = "; ".join(DIRECTIVES)
# The same policy as a <meta> tag, for static hosts that cannot send headers (GitHub
# Pages). Browsers ignore frame-ancestors there, with a console error, so it is left out.
META_CSP = "; ".join(d for d in DIRECTIVES if not d.startswith("frame-ancestors"))

SECURITY = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), screen-wake-lock=(self)",
}

# Media files are served with a policy of their own: opened directly, an SVG is a document
# of the site's origin, so it gets a sandbox (no script, no same-origin access) and may load
# nothing but inline images and styles. hipapp.content.svg refuses what would need more.
MEDIA_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'"

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def cache_control(path: str) -> str:
    """Hashed bundles never change; everything else is revalidated on each visit."""
    return IMMUTABLE if "/static/gen/" in path else REVALIDATE


def netlify_headers(base_path: str = "/") -> str:
    """A ``_headers`` file (Netlify, Cloudflare Pages) carrying the same headers."""
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    lines = [f"{base}*"] + [f"  {k}: {v}" for k, v in SECURITY.items()]
    lines += [
        f"  Cache-Control: {REVALIDATE}",
        f"{base}static/gen/*",
        f"  Cache-Control: {IMMUTABLE}",
        # Both rules match a picture; hosts join the two policies, and a browser enforces both.
        f"{base}media/*",
        f"  Content-Security-Policy: {MEDIA_CSP}",
    ]
    return "\n".join(lines) + "\n"
