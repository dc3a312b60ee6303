"""A home with a long history: its first frame, and ``durf export`` of all of it.

Someone who has practised for years opens durf to the same first frame as on
the first day: the home screen draws from a quick look at the head of the file,
and the whole state is read after that frame. ``LARGE_RECORDS`` records are
written once through a real ``Store``; each app run gets its own copy, so no run
can change what the next one reads.

The export figure is the whole ``durf export --format json`` command, interpreter
start included, less ``durf --version`` (Python, durf's imports and argparse): what
is left is reading, validating and writing 100,000 records. The two commands
alternate, and the figure is the median of each pair's difference.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench import apps
from tests.bench.state_bench import make_state

LARGE_RECORDS = 100_000


def write_large_home(scratch: Path, records: int = LARGE_RECORDS) -> Path:
    """A home folder holding a state of ``records`` sessions; returns its state file."""
    from durf.core.store import Store

    home = scratch / f"large-home-{records}"
    state = make_state(records)
    Store(home).update(lambda _old: state)
    return home / "state.json"


def copy_into(env: dict[str, str], state_file: Path) -> None:
    """Give a run's fresh, empty home a copy of ``state_file`` before it starts."""
    home = Path(env["DURF_HOME"])
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.copyfile(state_file, home / "state.json")
    os.chmod(home / "state.json", 0o600)


def _timed(argv: list[str], out: Path, env: dict[str, str]) -> float:
    """Wall time of one whole command, its standard output into ``out``, in ms."""
    with out.open("wb") as sink:
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=sink, stderr=subprocess.PIPE, env=env, check=False)
        elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr.decode(errors='replace')}")
    return elapsed


def bench_export(
    state_file: Path, runs: int, scratch: Path, log: Callable[[str], None] = print
) -> dict[str, Any]:
    """``durf export --format json`` of the large home against ``durf --version``, alternating."""
    log(f"export: {LARGE_RECORDS} records, {runs} runs each, alternating with durf --version ...")
    home = state_file.parent
    out = scratch / "export.json"
    export = [*apps.durf_argv("--home", str(home), "export", "--format", "json")]
    version = [*apps.durf_argv("--version")]
    exports: list[float] = []
    versions: list[float] = []
    with apps.private_env(scratch) as env:
        for round_number in range(-1, runs):  # one warm-up pair fills the bytecode cache
            spent = _timed(export, out, env)
            if out.read_bytes() != state_file.read_bytes():
                raise RuntimeError("the JSON export is not the state file's bytes")
            baseline = _timed(version, scratch / "version.txt", env)
            if round_number >= 0:
                exports.append(spent)
                versions.append(baseline)
    beyond = [spent - baseline for spent, baseline in zip(exports, versions, strict=True)]
    summary = {
        "records": LARGE_RECORDS,
        "export_ms": round(statistics.median(exports), 1),
        "version_ms": round(statistics.median(versions), 1),
        "beyond_version_ms": round(statistics.median(beyond), 1),
        "beyond_runs_ms": [round(value, 1) for value in beyond],
    }
    log(
        f"export: {summary['export_ms']} ms, --version {summary['version_ms']} ms, "
        f"beyond {summary['beyond_version_ms']} ms"
    )
    return summary
