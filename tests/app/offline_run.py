"""A full durf run that may not touch the network, checked by the interpreter itself.

Run by ``tests/core/test_privacy.py`` as ``python -m tests.app.offline_run HOME EXPORT``.
Before durf is imported, an audit hook (PEP 578) watches every socket the process
makes and every name lookup. Then the command line runs (check, status, affirm
add, export, import) and the real app runs under Pilot through several screens,
a breath, a saved setting and an export. Any network use is printed as a line
``network: ...`` and the exit status is 1.
"""

from __future__ import annotations

import socket
import sys

FORBIDDEN_FAMILIES = {socket.AF_INET, socket.AF_INET6}
LOOKUPS = {
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
}
SOCKET_USE = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}
network_use: list[str] = []


def reaches_out(event: str, args: tuple[object, ...]) -> bool:
    """Whether an audit event is a name lookup, or a socket to another machine."""
    if event in LOOKUPS:
        return True
    if event == "socket.__new__":
        return args[1] in FORBIDDEN_FAMILIES
    return event in SOCKET_USE and getattr(args[0], "family", None) in FORBIDDEN_FAMILIES


def watch(event: str, args: tuple[object, ...]) -> None:
    """Note and stop anything that would reach another machine; local sockets are fine."""
    if reaches_out(event, args):
        network_use.append(f"{event}{args!r}")
        raise RuntimeError(f"durf used the network: {network_use[-1]}")


sys.addaudithook(watch)


def run_commands(home: str, export: str) -> None:
    """The commands that never open the app."""
    from durf.__main__ import main

    for command in (
        ["check"],
        ["where"],
        ["status"],
        ["affirm", "add", "Ik mag er zijn"],
        ["export", "--out", f"{home}/journal.md"],
        ["import", export],
        ["export"],
    ):
        status = main(["--home", home, *command])
        if status != 0:
            raise SystemExit(f"durf {' '.join(command)} ended with {status}")


async def run_the_app(home: str) -> None:
    """A few screens, one breath, a saved setting and an export, as a user would."""
    from pathlib import Path

    from durf.app import DurfApp
    from tests.app.conftest import settle

    app = DurfApp(Path(home))
    async with app.run_test(headless=True, size=(100, 30)) as pilot:
        await settle(pilot)
        for open_screen in (
            app.action_open_progress,
            app.action_open_history,
            app.action_start_affirmations,
            app.action_open_settings,
            app.action_open_help,
            app.action_open_about,
        ):
            open_screen()
            await pilot.pause()
            await app.action_go_home()
            await pilot.pause()
        app.start_breathing_now(app.practice.breathing.current_pattern(), 1)
        await pilot.pause()
        await app.action_go_home()
        if not app.attempt(lambda: app.practice.data.change_settings(theme="nord", sound_cue=True)):
            raise SystemExit("the app did not save its settings")
        app.practice.data.export_to(Path(home) / "journal.csv", "csv")
        await pilot.pause()


def reach_out() -> None:
    """The control: what this run must catch, so that a silent hook cannot pass."""
    import contextlib

    with contextlib.suppress(OSError, RuntimeError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with contextlib.suppress(OSError, RuntimeError):
        socket.getaddrinfo("example.org", 443)


if __name__ == "__main__":
    import asyncio

    home, export = sys.argv[1], sys.argv[2]
    try:
        if home == "--control":
            reach_out()
        else:
            run_commands(home, export)
            asyncio.run(run_the_app(home))
    finally:
        for use in network_use:
            print(f"network: {use}", flush=True)
    sys.exit(1 if network_use else 0)
