"""Who may reach ``durf serve``: only a page that knows the secret, on this computer.

Every request, whatever its path (the page, the websocket, the static files, a
favicon), is checked here before anything of durf answers it:

- the first part of the path must be the secret token, compared in constant
  time, so another user on this computer cannot guess it byte by byte;
- the Host must be a loopback name, so a web page that re-points its own domain
  at 127.0.0.1 (DNS rebinding) is refused even before the token is looked at;
- a websocket must come from a page of this server (its Origin), so another web
  page open in the same browser cannot drive durf.

A refused request gets one short, fixed 403 that says nothing of durf.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Awaitable, Callable

from aiohttp import web

FORBIDDEN_TEXT = "403: Forbidden"
"""The whole body of every refusal: nothing that tells what is behind it."""

_LOOPBACK_HOST = re.compile(r"(?:127\.0\.0\.1|localhost|\[::1\])(?::[0-9]{1,5})?", re.IGNORECASE)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_loopback_host(host: str | None) -> bool:
    """Whether a Host header names this computer's loopback address (any port)."""
    return host is not None and _LOOPBACK_HOST.fullmatch(host) is not None


def first_segment(raw_path: str) -> str:
    """The first part of a raw request path: ``/abc/ws`` gives ``abc``; ``/`` gives ``""``."""
    return raw_path.split("?", 1)[0].split("/", 2)[1] if raw_path.startswith("/") else ""


def token_matches(raw_path: str, token: str) -> bool:
    """Whether the path starts with the token, compared in constant time.

    The path is compared as it came in (still percent-encoded), so there is one
    spelling of the right path and no decoding step to reason about.
    """
    offered = first_segment(raw_path).encode("utf-8", "backslashreplace")
    return hmac.compare_digest(offered, token.encode("ascii"))


def same_origin(origin: str | None, host: str) -> bool:
    """Whether a websocket's Origin is the page this server gave out on ``host``.

    Compared with the Host the browser asked for, so an SSH tunnel on another
    local port still works, while any other site's page is refused. A missing
    Origin is refused too: every browser sends one with a websocket.
    """
    return origin is not None and origin.lower() == f"http://{host}".lower()


def is_websocket(request: web.BaseRequest) -> bool:
    """Whether the request asks to become a websocket."""
    return request.headers.get("Upgrade", "").lower() == "websocket"


def allowed(request: web.BaseRequest, token: str) -> bool:
    """Whether ``request`` may reach durf at all."""
    host = request.headers.get("Host")
    if not is_loopback_host(host):
        return False
    if not token_matches(request.raw_path, token):
        return False
    return not is_websocket(request) or same_origin(request.headers.get("Origin"), host or "")


def forbidden() -> web.Response:
    """The one refusal every unwanted request gets."""
    return web.Response(status=403, text=FORBIDDEN_TEXT)


def guard(token: str) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
    """An aiohttp middleware that lets only ``allowed`` requests through to durf."""

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not allowed(request, token):
            return forbidden()
        return await handler(request)

    return check


async def add_safety_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Headers on every response that keep the page and its address to itself.

    The content policy lets the page load only from this server: textual-serve's
    page asks for a web font from elsewhere, which would tell a third party that
    you use durf. ``no-referrer`` keeps the address (with its token) from being
    sent anywhere; the page may not be framed by another site.
    """
    host = request.headers.get("Host", "")
    websocket_source = f" ws://{host}" if is_loopback_host(host) else ""
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        f"connect-src 'self'{websocket_source}; frame-ancestors 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cache-Control"] = "no-store"
