"""Targets, the machine description, the JSON document and the Markdown tables.

Targets are goals, not assertions: a miss is printed next to the figure and
never changes the exit status. The ratios are what to watch across machines;
the raw milliseconds are there to tell a slow machine from a slow durf.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from tests.bench import procfs
from tests.bench.pty_runner import RunResult

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Target:
    """One goal: JSON key (and size, for the per-size state figures) and its limit."""

    key: str
    limit: float
    what: str
    unit: str = ""
    size: str | None = None
    absolute: bool = False
    """Compare |value| with the limit (for signed figures such as a drift)."""

    @property
    def label(self) -> str:
        return f"{self.key} @{self.size}" if self.size else self.key


TARGETS = [
    Target("ttff_home_ratio", 1.10, "first frame of home, durf / bare", "×"),
    Target("ttff_breathe_ratio", 1.10, "first frame of `durf breathe`, durf / bare", "×"),
    Target(
        "ttff_large_home_ratio",
        1.05,
        "first frame of home with 100k records, / an empty home",
        "×",
    ),
    Target("quit_ratio", 1.05, "quit key to terminal restored, durf / bare", "×"),
    Target("idle_cpu_pct", 0.2, "CPU on the idle home screen, % of one core", " %"),
    Target("breathe_cpu_pct", 2.0, "CPU while breathing, % of one core", " %"),
    Target("rss_ratio", 1.3, "peak resident memory, durf / bare", "×"),
    Target("state_load_ms", 20.0, "load 10k records", " ms", "10000"),
    Target("state_save_ms", 10.0, "save 10k records", " ms", "10000"),
    Target("state_load_ms", 200.0, "load 100k records", " ms", "100000"),
    Target("state_save_ms", 80.0, "save 100k records", " ms", "100000"),
    Target(
        "export_beyond_version_ms",
        450.0,
        "`durf export --format json` of 100k records, less `durf --version`",
        " ms",
    ),
    Target("pacer_max_error_ms", 50.0, "worst phase change error, early or late, over 60 s", " ms"),
    Target(
        "pacer_drift_ms",
        20.0,
        "last change's error minus the first's (0: no drift)",
        " ms",
        absolute=True,
    ),
]


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _git(*args: str) -> str | None:
    """Read-only git queries, to tie a result to the code it measured."""
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO_ROOT), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def machine_info(scratch: Path) -> dict[str, Any]:
    """What the figures depend on: cores, CPU, versions, and the disk for saves."""
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = None
    status = _git("status", "--porcelain", "--untracked-files=no")
    return {
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "cpu_model": procfs.cpu_model(),
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "python": platform.python_version(),
        "textual": _version("textual"),
        "durf": _version("durf"),
        "pyte": _version("pyte"),
        "git_commit": _git("rev-parse", "--short", "HEAD"),
        "git_dirty": None if status is None else bool(status),
        "scratch_filesystem": procfs.filesystem_of(scratch),
        # Other work on the machine is the main source of noise; worth knowing.
        "load_average_at_start": _load_average(),
    }


def _load_average() -> list[float] | None:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def summarise(values: Sequence[float], digits: int) -> dict[str, Any]:
    """Median, min, max and every value of one figure over the runs."""
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "runs": [round(value, digits) for value in values],
    }


RAW_FIGURES = [  # (RunResult attribute, digits)
    ("ttff_ms", 1),
    ("quit_ms", 1),
    ("exit_ms", 1),
    ("cpu_pct", 3),
    ("cpu_pct_ticks", 3),
    ("out_bytes_per_s", 1),
    ("out_frames_per_s", 2),
    ("peak_rss_kb", 0),
]


def raw_summary(runs: Sequence[RunResult]) -> dict[str, Any]:
    """Per-command summaries of every figure the runs produced."""
    summary: dict[str, Any] = {"n": len(runs)}
    for name, digits in RAW_FIGURES:
        values = [getattr(run, name) for run in runs if getattr(run, name) is not None]
        if values:
            summary[name] = summarise(values, digits)
    return summary


def _median(raw: dict[str, Any], command: str, figure: str) -> float | None:
    return raw.get(command, {}).get(figure, {}).get("median")


def _ratio(raw: dict[str, Any], command: str, figure: str, under: str = "bare") -> float | None:
    top, bottom = _median(raw, command, figure), _median(raw, under, figure)
    if top is None or not bottom:
        return None
    return round(top / bottom, 3)


def build_document(
    *,
    started: datetime,
    machine: dict[str, Any],
    config: dict[str, Any],
    raw: dict[str, Any],
    state: dict[str, Any],
    pacer: dict[str, Any] | None = None,
    export: dict[str, Any] | None = None,
    notes: list[str],
) -> dict[str, Any]:
    """The JSON document: the headline keys at the top level, details below."""
    doc: dict[str, Any] = {"date": started.isoformat(timespec="seconds"), "machine": machine}
    complete_pacer = pacer if pacer and not pacer.get("missed_s") else {}
    figures = {
        "ttff_home_ratio": _ratio(raw, "durf", "ttff_ms"),
        "ttff_breathe_ratio": _ratio(raw, "durf breathe", "ttff_ms"),
        "ttff_large_home_ratio": _ratio(raw, "durf 100k", "ttff_ms", under="durf"),
        "export_beyond_version_ms": (export or {}).get("beyond_version_ms"),
        "quit_ratio": _ratio(raw, "durf", "quit_ms"),
        "idle_cpu_pct": _median(raw, "durf", "cpu_pct"),
        "breathe_cpu_pct": _median(raw, "durf breathe", "cpu_pct"),
        "rss_ratio": _ratio(raw, "durf", "peak_rss_kb"),
        # None when a scheduled change was never seen: then the maximum would lie.
        "pacer_max_error_ms": complete_pacer.get("max_abs_error_ms"),
        "pacer_drift_ms": complete_pacer.get("drift_ms"),
    }
    doc.update({key: value for key, value in figures.items() if value is not None})
    if state:
        doc["state_load_ms"] = {size: entry["load_ms"] for size, entry in state.items()}
        doc["state_save_ms"] = {size: entry["save_ms"] for size, entry in state.items()}
    doc["targets"] = {
        target.label: {"limit": target.limit, "pass": _passes(doc, target)} for target in TARGETS
    }
    doc["load_average_at_end"] = _load_average()
    doc["config"] = config
    doc["raw"] = raw
    doc["pacer"] = pacer or {}
    doc["state"] = state
    doc["export"] = export or {}
    doc["notes"] = notes
    return doc


def _value(doc: dict[str, Any], target: Target) -> float | None:
    value = doc.get(target.key)
    if target.size is not None:
        value = value.get(target.size) if isinstance(value, dict) else None
    return value


def _passes(doc: dict[str, Any], target: Target) -> bool | None:
    value = _value(doc, target)
    if value is None:
        return None
    return (abs(value) if target.absolute else value) <= target.limit


def write_json(doc: dict[str, Any], path: Path) -> None:
    """Write ``doc`` atomically (a ``.tmp`` beside it, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


# -- Markdown ---------------------------------------------------------------------


def _number(value: float, unit: str) -> str:
    if unit == "×":
        return f"{value:.2f}×"
    if unit == " %":
        return f"{value:.3f} %"
    return f"{value:.1f}{unit}"


def _loads(values: list[float] | None) -> str:
    return "/".join(f"{value:.2f}" for value in values) if values else "?"


def header_lines(doc: dict[str, Any]) -> list[str]:
    m, c = doc["machine"], doc["config"]
    cpu = f" ({m['cpu_model']})" if m.get("cpu_model") else ""
    git = ""
    if m.get("git_commit"):
        git = f", git {m['git_commit']}{' + uncommitted changes' if m.get('git_dirty') else ''}"
    return [
        f"- date: {doc['date']}",
        f"- machine: {m['cores']} cores{cpu}, {m['system']}, saves on {m['scratch_filesystem']}, "
        f"load average {_loads(m.get('load_average_at_start'))} at start, "
        f"{_loads(doc.get('load_average_at_end'))} at end",
        f"- versions: Python {m['python']}, Textual {m['textual']}, durf {m['durf']}{git}",
        f"- runs: {c['runs']} per command (+{c['warmup']} warm-up), alternating "
        f"{' / '.join(c['commands'])}, pty {c['cols']}x{c['rows']}, "
        f"CPU window {c['cpu_window_s']:g} s after {c['settle_s']:g} s settle; "
        f"pacer: one run of {c.get('pacer_seconds', 0):g} s; state: median of {c['state_runs']}",
        f"- command: `{c['command_line']}` ({c.get('wall_s', '?')} s wall)",
    ]


def targets_table(doc: dict[str, Any], missing: dict[str, str]) -> list[str]:
    """The headline table: figure, target, pass/miss (or why it was not measured)."""
    lines = ["| figure | value | target | result | what |", "|---|---:|---:|---|---|"]
    for target in TARGETS:
        value = _value(doc, target)
        limit = _number(target.limit, target.unit)
        if value is None:
            why = missing.get(target.label) or missing.get(target.key) or "not measured"
            lines.append(f"| {target.label} | — | ≤ {limit} | {why} | {target.what} |")
            continue
        mark = "pass ✅" if _passes(doc, target) else "**miss** ❌"
        shown = _number(value, target.unit)
        bound = f"\\|x\\| ≤ {limit}" if target.absolute else f"≤ {limit}"
        lines.append(f"| {target.label} | {shown} | {bound} | {mark} | {target.what} |")
    return lines


def raw_table(raw: dict[str, Any]) -> list[str]:
    """Medians per command, with min-max, so a slow machine shows as such."""

    def cell(summary: dict[str, Any], figure: str, scale: float = 1, fmt: str = ".1f") -> str:
        entry = summary.get(figure)
        if not entry:
            return "—"
        lo, mid, hi = (entry[k] / scale for k in ("min", "median", "max"))
        return f"{mid:{fmt}} ({lo:{fmt}}–{hi:{fmt}})"

    lines = [
        "| command | first frame ms | quit → restored ms | quit → exit ms "
        "| CPU % (ns clock) | CPU % (ticks) | output KiB/s | frames/s | peak RSS MiB | runs |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for command, summary in raw.items():
        lines.append(
            f"| {command} | {cell(summary, 'ttff_ms')} | {cell(summary, 'quit_ms')} "
            f"| {cell(summary, 'exit_ms')} | {cell(summary, 'cpu_pct', fmt='.3f')} "
            f"| {cell(summary, 'cpu_pct_ticks', fmt='.2f')} "
            f"| {cell(summary, 'out_bytes_per_s', scale=1024)} "
            f"| {cell(summary, 'out_frames_per_s')} "
            f"| {cell(summary, 'peak_rss_kb', scale=1024)} | {summary['n']} |"
        )
    return lines


def pacer_lines(pacer: dict[str, Any]) -> list[str]:
    """The phase changes of the pacer run, scheduled against seen, and what it cost."""
    lines = [
        f"One run of `durf breathe --pattern {pacer['pattern']}`, watched "
        f"{pacer['duration_s']:g} s after its first frame ({pacer['anchor_ttff_ms']:.0f} ms "
        f"after spawn); error = seen - scheduled. Median {pacer.get('median_error_ms', '?')} ms, "
        f"spread (max - min) {pacer.get('spread_ms', '?')} ms, least-squares drift "
        f"{pacer.get('drift_fit_ms_per_min', '?')} ms/min; CPU {pacer['cpu_pct']} % of a core, "
        f"{pacer['out_bytes_per_s'] / 1024:.1f} KiB/s in {pacer['out_frames_per_s']} frames/s "
        f"over the whole watch.",
        "",
        "| scheduled s | " + " | ".join(f"{s:g}" for s in pacer["scheduled_s"]) + " |",
        "|---|" + "---:|" * len(pacer["scheduled_s"]),
        "| error ms | " + " | ".join(f"{e:+.1f}" for e in pacer["errors_ms"]) + " |",
    ]
    if pacer.get("missed_s"):
        lines.append(f"\nNot seen at all: changes at {pacer['missed_s']} s.")
    if pacer.get("unexpected"):
        lines.append(f"\nUnexpected phase changes (s, phase): {pacer['unexpected']}.")
    return lines


def state_table(state: dict[str, Any]) -> list[str]:
    lines = [
        "| records | file KiB | load ms | save ms | of which serialise ms | load ms, GC off "
        "| status read ms | `durf status` ms | dashboard ms | dashboard, walk kept ms "
        "| history list ms |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, entry in state.items():
        lines.append(
            f"| {size} | {entry['file_kb']:.0f} | {entry['load_ms']:.1f} "
            f"| {entry['save_ms']:.1f} | {entry['serialise_ms']:.1f} "
            f"| {entry['load_no_gc_ms']:.1f} | {entry.get('status_ms', float('nan')):.2f} "
            f"| {entry.get('status_command_ms', float('nan')):.0f} "
            f"| {entry.get('dashboard_ms', float('nan')):.1f} "
            f"| {entry.get('dashboard_kept_ms', float('nan')):.2f} "
            f"| {entry.get('history_view_ms', float('nan')):.1f} |"
        )
    return lines


def markdown(doc: dict[str, Any], missing: dict[str, str]) -> str:
    """The whole report as Markdown: header, targets, raw medians, state, notes."""
    parts = ["# durf benchmark", "", *header_lines(doc), "", *targets_table(doc, missing)]
    if doc["raw"]:
        parts += ["", "Raw medians per command (min–max):", "", *raw_table(doc["raw"])]
    if doc["pacer"]:
        parts += ["", "Pacer:", "", *pacer_lines(doc["pacer"])]
    if doc["state"]:
        parts += ["", "State file (median per size):", "", *state_table(doc["state"])]
    if doc.get("export"):
        e = doc["export"]
        parts += [
            "",
            f"Export: `durf export --format json` of {e['records']} records, whole command, "
            f"median {e['export_ms']} ms; `durf --version` {e['version_ms']} ms; the difference, "
            f"pair by pair, {e['beyond_version_ms']} ms (runs: {e['beyond_runs_ms']}).",
        ]
    if doc["notes"]:
        parts += ["", "Notes:", "", *(f"- {note}" for note in doc["notes"])]
    return "\n".join(parts) + "\n"


def command_line() -> str:
    """How this run was started, for the report header."""
    python = Path(sys.executable)
    if python.is_relative_to(REPO_ROOT):
        python = python.relative_to(REPO_ROOT)
    return " ".join([str(python), "-m", "tests.bench", *sys.argv[1:]])
