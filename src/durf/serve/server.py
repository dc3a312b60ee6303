"""The web server behind ``durf serve``: textual-serve's page, script and app
service, behind durf's guard, on a socket bound to loopback only.

textual-serve's own ``Server`` routes its page at ``/`` for anyone who asks; here
the routes carry the secret token as their first path segment, and the router
matches that segment by shape only, so the guard's constant-time comparison is
the one place the secret is compared. Each tab's durf is started without a
shell (its home may hold spaces or quotes) in a session of its own, so Ctrl+C
at the terminal reaches only the server, which then closes every tab's durf as
a closed terminal would: with SIGHUP, after which durf saves what it holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import shlex
import signal
import socket
from collections.abc import Callable
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from durf.serve.guard import add_safety_headers, guard

STOP_GRACE = 15.0
"""Seconds a tab's durf gets to save and exit after SIGHUP before it is killed."""

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
"""Ctrl+C, a polite kill, or the server's own terminal closing: all stop it cleanly."""


class TabProcess(AppService):
    """The durf process behind one browser tab."""

    def __init__(self, argv: list[str], **kwargs: object) -> None:
        super().__init__(shlex.join(argv), **kwargs)  # type: ignore[arg-type]
        self.argv = argv
        self._stopping: asyncio.Task[None] | None = None

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        # No shell between us and durf: the signals below reach durf itself, and
        # a home like "/tmp/my 'home'" needs no quoting at all.
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        """The durf process's id, once started."""
        return self._process.pid if self._process is not None else None

    @property
    def ended(self) -> asyncio.Task[None] | None:
        """Done when durf's output has ended: it exited, or was stopped."""
        return self._task

    async def on_data(self, payload: bytes) -> None:
        """Pass durf's screen on; once the tab is gone, drop it but keep reading.

        durf must be able to write its last frames while it saves and exits:
        a pipe nobody reads would block it there.
        """
        with contextlib.suppress(ConnectionError, RuntimeError):
            await super().on_data(payload)

    async def on_meta(self, data: bytes) -> None:
        """Like ``on_data``: a closed tab never stops the reading."""
        with contextlib.suppress(ConnectionError, RuntimeError):
            await super().on_meta(data)

    async def stop(self) -> None:
        """End durf as a closed terminal does, and wait until it has saved and exited.

        Safe to call more than once and from several places at a time.
        """
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._hang_up())
        await asyncio.shield(self._stopping)

    async def _hang_up(self) -> None:
        process = self._process
        if process is not None and process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGHUP)
            try:
                await asyncio.wait_for(process.wait(), STOP_GRACE)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
        if self._task is not None:
            await self._task


PAGE_WORDS = {
    "<html>": '<html lang="{language}">',
    '<div class="message">Session ended.</div>': '<div class="message">{ended}</div>',
    '<button type="button" onClick="refresh()">Restart</button>': (
        '<button type="button" onClick="refresh()">{again}</button>'
    ),
}
"""textual-serve's page speaks English only: its words, and what durf says instead."""


class DurfServer(Server):
    """textual-serve's ``Server``, with durf's routes, guard and tab processes."""

    def __init__(
        self, token: str, argv: list[str], page_words: dict[str, str] | None = None
    ) -> None:
        """``page_words`` fills ``PAGE_WORDS``: ``language``, ``ended`` and ``again``."""
        super().__init__(shlex.join(argv), host="127.0.0.1", title="durf")
        self.token = token
        self.argv = argv
        self.page_words = page_words
        self.tabs: set[TabProcess] = set()
        self.stopping = False

    def make_app(self) -> web.Application:
        """The aiohttp application: every route under the token, every request guarded."""
        app = web.Application(middlewares=[guard(self.token)])
        app.on_response_prepare.append(add_safety_headers)
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/{token}/", self.handle_page),
                web.get("/{token}/ws", self.handle_websocket),
                web.get("/{token}/static/{path:.+}", self.handle_static),
            ]
        )
        return app

    async def handle_page(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's page, pointed at this server as the browser reached it."""
        host = request.headers["Host"]  # the guard let it through: a loopback name
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"ws://{host}/{self.token}/ws",
            "config": {"static": {"url": f"/{self.token}/static/"}},
            "application": {"name": "durf"},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        if self.page_words is not None and response.text is not None:
            page = response.text
            for theirs, ours in PAGE_WORDS.items():
                page = page.replace(theirs, ours.format_map(escaped(self.page_words)))
            response.text = page
        return response

    async def handle_static(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's scripts, styles and fonts; nothing outside their folder."""
        root = Path(self.statics_path).resolve()
        wanted = (root / request.match_info["path"]).resolve()
        if not wanted.is_relative_to(root) or not wanted.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(wanted)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """One tab: start its durf, pass keys and screen both ways until either side ends."""
        if self.stopping:
            raise web.HTTPServiceUnavailable()
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        tab = TabProcess(
            self.argv,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.tabs.add(tab)
        try:
            await tab.start(
                to_int(request.query.get("width", "80"), 80),
                to_int(request.query.get("height", "24"), 24),
            )
            keys = asyncio.ensure_future(self._process_messages(websocket, tab))
            assert tab.ended is not None
            await asyncio.wait({keys, tab.ended}, return_when=asyncio.FIRST_COMPLETED)
            keys.cancel()
        finally:
            await tab.stop()
            self.tabs.discard(tab)
            await websocket.close()
        return websocket

    async def stop_tabs(self) -> None:
        """End every tab's durf (each saves what it holds) and wait for all of them."""
        self.stopping = True
        await asyncio.gather(*(tab.stop() for tab in list(self.tabs)))


def escaped(words: dict[str, str]) -> dict[str, str]:
    """``words`` made safe to put in HTML."""
    return {key: html.escape(value) for key, value in words.items()}


def serve(
    sock: socket.socket,
    server: DurfServer,
    on_ready: Callable[[], None],
    on_stopping: Callable[[], None],
) -> None:
    """Serve on ``sock`` until Ctrl+C, SIGTERM or SIGHUP; then stop every tab's durf."""
    asyncio.run(_serve(sock, server, on_ready, on_stopping))


async def _serve(
    sock: socket.socket,
    server: DurfServer,
    on_ready: Callable[[], None],
    on_stopping: Callable[[], None],
) -> None:
    # textual-serve logs "Application failed to start" for a tab closed before
    # its durf had drawn anything: nothing failed, and this terminal is the
    # user's. A durf that does fail still has its own error printed here.
    logging.getLogger("textual-serve").disabled = True
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in STOP_SIGNALS:
        loop.add_signal_handler(number, stop.set)
    runner = web.AppRunner(server.make_app(), access_log=None, shutdown_timeout=5.0)
    await runner.setup()
    try:
        await web.SockSite(runner, sock).start()
        on_ready()
        await stop.wait()
        on_stopping()
        await server.stop_tabs()
    finally:
        await runner.cleanup()
