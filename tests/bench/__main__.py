"""Run durf's benchmarks: ``.venv/bin/python -m tests.bench`` from the repository root.

First ``durf export`` of a 100k-record home is timed (``large_home``). Then the
commands alternate (durf, bare, durf breathe, durf 100k, durf, ...) so that whatever
else the machine is doing slows each of them alike. Then one
``durf breathe`` is watched for 60 s on its own (the pacer), then the state file
is timed. Prints a Markdown report and writes the JSON (default
``tests/bench/results/latest.json``). A full run takes about 6 minutes.

Exit status: 0 when every run worked (missed targets included: they are goals),
1 when an app failed to show its first frame, hung, or crashed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.bench import apps, large_home, pacer_bench, report, state_bench
from tests.bench.pty_runner import RunResult, parse_keys, run_in_pty, watch_screen

DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "latest.json"
FULL_SIZES = (1000, 10000, 100000)
QUICK_SIZES = (1000, 10000)
COLS, ROWS = 100, 30


class BenchFailure(Exception):
    """A run that cannot be measured; the message says which and why."""

    def __init__(self, message: str, screen: str = "") -> None:
        super().__init__(message)
        self.screen = screen


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench",
        description="Benchmark durf against a bare Textual app (see tests/bench/__init__.py).",
    )
    parser.add_argument("--runs", type=int, help="measured runs per command (default 7)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke check: 3 runs, 2 s CPU window, state sizes 1k and 10k only",
    )
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write JSON")
    parser.add_argument("--markdown", type=Path, help="also write the Markdown report here")
    parser.add_argument("--warmup", type=int, default=1, help="discarded rounds first (1)")
    parser.add_argument("--cpu-window", type=float, help="seconds of CPU sampling (5, quick 2)")
    parser.add_argument(
        "--settle", type=float, default=1.0, help="seconds after the first frame before sampling"
    )
    parser.add_argument(
        "--breathe-marker",
        default=apps.BREATHE_MARKER,
        help=f"text that marks the first frame of `durf breathe` ({apps.BREATHE_MARKER!r})",
    )
    parser.add_argument(
        "--breathe-keys",
        default="",
        help="keys typed after the first frame of `durf breathe` (none needed now), "
        "comma-separated: enter, escape, tab, space, ctrl+x or a character",
    )
    parser.add_argument(
        "--pacer-seconds", type=float, help="how long the pacer run is watched (60, quick 15)"
    )
    parser.add_argument("--skip-apps", action="store_true", help="only the state file")
    parser.add_argument("--skip-state", action="store_true", help="only the apps")
    parser.add_argument(
        "--skip-large", action="store_true", help="no 100k-record home (first frame, export)"
    )
    args = parser.parse_args(argv)
    args.runs = args.runs or (3 if args.quick else 7)
    args.cpu_window = args.cpu_window if args.cpu_window is not None else (2 if args.quick else 5)
    if args.pacer_seconds is None:
        args.pacer_seconds = 15.0 if args.quick else 60.0
    if args.runs < 1 or args.warmup < 0 or args.cpu_window < 0 or args.pacer_seconds < 0:
        parser.error("--runs must be at least 1; --warmup, --cpu-window, --pacer-seconds >= 0")
    return args


def log(message: str) -> None:
    """Progress goes to stderr, so stdout is only the report."""
    print(message, file=sys.stderr, flush=True)


def describe(run: RunResult) -> str:
    parts = [f"frame {run.ttff_ms:.0f} ms" if run.ttff_ms is not None else "no frame"]
    if run.quit_ms is not None:
        parts.append(f"quit {run.quit_ms:.0f} ms")
    if run.cpu_pct is not None:
        parts.append(f"cpu {run.cpu_pct:.3f} %")
    if run.out_frames_per_s:
        parts.append(f"{run.out_frames_per_s:.1f} frames/s")
    if run.peak_rss_kb:
        parts.append(f"rss {run.peak_rss_kb / 1024:.1f} MiB")
    return ", ".join(parts)


def run_apps(
    commands: list[apps.Command], args: argparse.Namespace, scratch: Path
) -> dict[str, list[RunResult]]:
    """Alternate the commands round by round; any failed run stops the benchmark."""
    results: dict[str, list[RunResult]] = {command.name: [] for command in commands}
    for round_number in range(-args.warmup, args.runs):
        tag = "warm-up" if round_number < 0 else f"run {round_number + 1}/{args.runs}"
        for command in commands:
            with apps.private_env(scratch) as env:
                if command.state_file is not None:
                    large_home.copy_into(env, command.state_file)
                run = run_in_pty(
                    command.argv,
                    marker=command.marker,
                    env=env,
                    cols=COLS,
                    rows=ROWS,
                    cwd=str(scratch),
                    settle=args.settle,
                    # The warm-up only fills caches; no need to sample it.
                    cpu_window=args.cpu_window if round_number >= 0 else 0.0,
                    keys_after_frame=command.keys,
                )
            if not run.ok:
                raise BenchFailure(f"{command.name} ({tag}): {run.error}", run.screen)
            log(f"[{tag}] {command.name}: {describe(run)}")
            if round_number >= 0:
                results[command.name].append(run)
    return results


def run_pacer(args: argparse.Namespace, scratch: Path) -> dict[str, Any]:
    """Watch one ``durf breathe`` for ``--pacer-seconds``, alone, and match its phase changes."""
    # Half a second past the window, so a change due at its very end can still be seen late.
    watch_for = args.pacer_seconds + 0.5
    log(f"pacer: watching `durf breathe` for {watch_for:g} s ...")
    with apps.private_env(scratch) as env:
        watch = watch_screen(
            apps.breathe_argv(pacer_bench.PATTERN_ID),
            read=pacer_bench.read_phase,
            duration=watch_for,
            env=env,
            cols=COLS,
            rows=ROWS,
            cwd=str(scratch),
        )
    if not watch.ok:
        raise BenchFailure(f"pacer run: {watch.error}", watch.screen)
    if watch.first_value != "in":
        raise BenchFailure(f"pacer run: first phase shown was {watch.first_value!r}, not 'in'")
    summary = pacer_bench.summarise(watch, args.pacer_seconds)
    log(
        f"pacer: errors {summary['errors_ms']} ms, missed {summary['missed_s']}, "
        f"cpu {summary['cpu_pct']} %"
    )
    return summary


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # The pty reader thread must get the GIL quickly while the main thread emulates
    # the screen, or its timestamps would lag by up to the default 5 ms.
    sys.setswitchinterval(0.0005)
    started = datetime.now().astimezone()
    clock_started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="durf-bench-"))
    notes: list[str] = []
    missing: dict[str, str] = {}
    raw: dict[str, Any] = {}
    pacer: dict[str, Any] = {}
    state: dict[str, Any] = {}
    export: dict[str, Any] = {}
    sizes = QUICK_SIZES if args.quick else FULL_SIZES
    state_runs = max(5, args.runs)
    try:
        machine = report.machine_info(scratch)
        commands: list[apps.Command] = []
        if not args.skip_apps:
            bare = apps.write_bare_app(scratch)
            commands = [
                apps.Command("durf", apps.durf_argv(), apps.HOME_MARKER),
                apps.Command("bare", (sys.executable, str(bare)), apps.BARE_MARKER),
            ]
            has_breathe = apps.breathe_exists(scratch)
            if has_breathe:
                keys = tuple(parse_keys(args.breathe_keys))
                argv = apps.breathe_argv(pacer_bench.PATTERN_ID)
                commands.append(apps.Command("durf breathe", argv, args.breathe_marker, keys))
            else:
                for key in ("ttff_breathe_ratio", "breathe_cpu_pct", "pacer_max_error_ms"):
                    missing[key] = "no `durf breathe` (`durf breathe --help` failed)"
                missing["pacer_drift_ms"] = missing["pacer_max_error_ms"]
            large = None if args.skip_large else large_home.write_large_home(scratch)
            if large is None:
                missing["ttff_large_home_ratio"] = "skipped (--skip-large)"
                missing["export_beyond_version_ms"] = "skipped (--skip-large)"
            else:
                name = f"durf {large_home.LARGE_RECORDS // 1000}k"
                commands.append(apps.Command(name, apps.durf_argv(), apps.HOME_MARKER, (), large))
                export = large_home.bench_export(large, args.runs, scratch, log)
            log(f"apps: {' / '.join(c.name for c in commands)}, {args.runs} runs each")
            runs = run_apps(commands, args, scratch)
            raw = {name: report.raw_summary(results) for name, results in runs.items()}
            breathing = raw.get("durf breathe", {}).get("out_bytes_per_s", {})
            if breathing and breathing["median"] == 0:
                notes.append(
                    "`durf breathe` wrote nothing to the terminal during the CPU window: the "
                    "animation was probably not running (see --breathe-keys)."
                )
            if has_breathe and args.pacer_seconds > 0:
                pacer = run_pacer(args, scratch)
                if pacer["missed_s"]:
                    missing["pacer_max_error_ms"] = missing["pacer_drift_ms"] = (
                        f"changes at {pacer['missed_s']} s never seen"
                    )
                notes.append(
                    "Pacer: time zero is the first frame showing `Breathe in`; durf's stopwatch "
                    "starts at mount, a few ms earlier, so errors lean early and |error| is "
                    "slightly conservative. Drift (last - first error) does not depend on it."
                )
            elif has_breathe:
                missing["pacer_max_error_ms"] = missing["pacer_drift_ms"] = "skipped"
            notes.append(
                "Bytecode is cached in a private PYTHONPYCACHEPREFIX that the warm-up fills, "
                "as an installed durf has its .pyc files (PYTHONDONTWRITEBYTECODE is dropped)."
            )
            notes.append(
                "CPU % uses per-thread run time in ns (/proc/PID/task/*/schedstat); "
                "utime+stime is 10 ms ticks, i.e. 0.2 % of a core per 5 s window, "
                "too coarse for the idle target. Both are in `raw`."
            )
        else:
            for target in report.TARGETS:
                if not target.key.startswith("state_"):
                    missing[target.key] = "skipped (--skip-apps)"
        if not args.skip_state:
            state = state_bench.bench_state(sizes, state_runs, scratch, log)
            notes.append(
                "state_save_ms is a real `Store.update(lambda s: s)`: lock, stat, serialise, "
                "write + fsync, .bak link, rename, fsync of the folder, on "
                f"{machine['scratch_filesystem']}. `serialise_ms` is model_dump_json alone."
            )
        for size in FULL_SIZES:
            if str(size) not in state:
                why = "skipped (--skip-state)" if args.skip_state else "skipped (--quick)"
                missing[f"state_load_ms @{size}"] = missing[f"state_save_ms @{size}"] = why
    except BenchFailure as failure:
        log(f"\nbenchmark failed: {failure}")
        if failure.screen:
            log("last emulated screen:\n" + "-" * 40 + f"\n{failure.screen}\n" + "-" * 40)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    config = {
        "command_line": report.command_line(),
        "runs": args.runs,
        "warmup": args.warmup,
        "commands": [command.name for command in commands],
        "cols": COLS,
        "rows": ROWS,
        "cpu_window_s": args.cpu_window,
        "settle_s": args.settle,
        "state_sizes": list(sizes) if not args.skip_state else [],
        "state_runs": state_runs,
        "pacer_seconds": args.pacer_seconds,
        "breathe_argv_tail": list(apps.breathe_argv(pacer_bench.PATTERN_ID)[1:]),
        "quick": args.quick,
        "wall_s": round(time.perf_counter() - clock_started, 1),
    }
    doc = report.build_document(
        started=started,
        machine=machine,
        config=config,
        raw=raw,
        state=state,
        pacer=pacer,
        export=export,
        notes=notes,
    )
    text = report.markdown(doc, missing)
    print(text)
    report.write_json(doc, args.json)
    print(f"JSON written to {args.json}")
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(text, encoding="utf-8")
        print(f"Markdown written to {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
