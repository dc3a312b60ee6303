"""How long loading and saving the state file takes with a long history.

The history only grows: someone practising a few times a day for three years
has thousands of sessions. The file is written once through a real ``Store``,
then timed with the calls the app makes:

* load: ``Store(home).load()`` on a new ``Store`` each time, so nothing is cached
  in memory (the file itself is in the OS page cache, as on a second start).
* save: ``store.update(lambda s: s)`` on a loaded store, which is what every change
  in the app costs: file lock, a stat to spot other writers, serialising the whole
  state, write + fsync of a temp file, the ``.bak`` hard link, ``os.replace`` and
  the fsync of the folder. A cheaper "pure serialise" figure is kept beside it to
  show how much of a save is Python and how much is the disk.

Records are random but seeded, so every run times the same file.
"""

from __future__ import annotations

import gc
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from durf.core.history import history_view
from durf.core.progress import dashboard, practice_of
from durf.core.state import Ladder, SessionRecord, State, Step, StepReflection
from durf.core.status import glance, status_line
from durf.core.store import Store
from durf.core.weeks import Week

try:
    from zoneinfo import ZoneInfo

    ZONE: Any = ZoneInfo("Europe/Amsterdam")
except Exception:  # no tz database: a fixed offset is just as valid a timestamp
    ZONE = UTC

SHOWN_AT_MOST = 500
"""As many history lines as the history screen builds without a week chosen."""
AREAS = ["throat", "chest", "belly", "jaw", "shoulders", "hands", "stomach"]
SENTENCES = [
    "Ik vind het spannend om dit te zeggen.",
    "Ik wil graag dat je me ziet zoals ik ben.",
    "I feel nervous saying this, and I say it anyway.",
    "Ik ben bang dat het té veel is, maar het is echt.",
]
REFLECTIONS = [  # about 100 characters each, with the accents Dutch writing has
    "Het ging beter dan verwacht; mijn collega reageerde rustig en ik voelde me één stap lichter.",
    "Ik heb mijn idee in de vergadering gedeeld. Spannend, maar niemand lachte. Fijn!",
    "Ik durfde te zeggen dat ik het niet begreep. Dat voelde kwetsbaar maar ook geëmancipeerd.",
    "Told my sister how I felt about the move; café afterwards, both a bit teary but closer now.",
]
AFFIRMATION_SETS = ["dare-to-be-seen", "worthy-as-i-am", "my-voice-matters"]


def _details(kind: str, rng: random.Random) -> dict[str, Any]:
    """Details shaped like what each exercise records."""
    if kind == "breathe":
        before = rng.randint(3, 9)
        return {
            "tension_before": before,
            "tension_after": max(0, before - rng.randint(0, 4)),
            "areas": rng.sample(AREAS, rng.randint(1, 3)),
            "pattern": "calm-long-exhale",
            "breaths": rng.randint(4, 12),
            "sentence": rng.choice(SENTENCES),
        }
    if kind == "affirm":
        before = rng.randint(2, 7)
        return {
            "source": f"set:{rng.choice(AFFIRMATION_SETS)}",
            "mode": rng.choice(["read", "recall"]),
            "shown": rng.randint(5, 10),
            "belief": {
                "key": f"{rng.choice(AFFIRMATION_SETS)}/1",
                "text": "Ik mag om hulp vragen.",
                "before": before,
                "after": min(10, before + rng.randint(0, 3)),
            },
        }
    if kind == "step":
        return {
            "step": f"five-steps/{rng.randint(1, 5)}",
            "fear_before": rng.randint(3, 9),
            "reflection": rng.choice(REFLECTIONS),
        }
    return {"parts": rng.sample(["breathe", "affirm", "step"], rng.randint(2, 3))}


def make_state(count: int, seed: int = 2024) -> State:
    """A state with ``count`` sessions spread over about three years, oldest first."""
    rng = random.Random(seed)
    end = datetime(2026, 5, 1, 21, 0, tzinfo=ZONE)
    span = timedelta(days=3 * 365).total_seconds()
    offsets = sorted(rng.uniform(0, span) for _ in range(count))
    kinds = ["breathe", "affirm", "step", "session"]
    history = []
    for offset in offsets:
        kind = rng.choices(kinds, weights=[45, 25, 20, 10])[0]
        started = end - timedelta(seconds=span - offset)
        stopped_early = rng.random() < 0.1
        ended = None if rng.random() < 0.02 else started + timedelta(seconds=rng.randint(60, 900))
        history.append(
            SessionRecord(
                id=uuid.UUID(int=rng.getrandbits(128), version=4).hex,
                exercise=kind,
                started_at=started,
                ended_at=ended,
                completed=ended is not None and not stopped_early,
                details=_details(kind, rng),
            )
        )
    return State(history=history, steps=_steps(rng, end), ladders=_ladders(end))


STEP_WEEKS = 156
"""Three years of small steps, one a week: what ``durf status`` reads before stopping."""
LADDER_IDS = [f"ladder-{number}" for number in range(6)]


def _ladders(end: datetime) -> list[Ladder]:
    return [
        Ladder(id=ladder_id, desire=rng_desire, created_at=end - timedelta(days=3 * 365))
        for ladder_id, rng_desire in zip(LADDER_IDS, SENTENCES + SENTENCES[:2], strict=True)
    ]


def _steps(rng: random.Random, end: datetime) -> list[Step]:
    """One step a week for three years, with reflections on the done ones, ending this week."""
    this_week = Week.of(datetime.now(ZONE).date())
    steps = []
    for weeks_ago in range(STEP_WEEKS, -1, -1):
        status = "planned" if weeks_ago == 0 else rng.choice(["done", "smaller", "not_this_time"])
        created = end - timedelta(weeks=weeks_ago)
        steps.append(
            Step(
                id=uuid.UUID(int=rng.getrandbits(128), version=4).hex,
                ladder_id=rng.choice(LADDER_IDS),
                week=str(this_week.shifted(-weeks_ago)),
                what=rng.choice(SENTENCES),
                with_whom="Sam",
                day=rng.randint(1, 7),
                scariness=rng.randint(2, 9),
                guide={"thoughts": rng.choice(REFLECTIONS), "fear": rng.choice(REFLECTIONS)},
                status=status,
                created_at=created,
                reflection=StepReflection(
                    what_happened=rng.choice(REFLECTIONS),
                    learned=rng.choice(REFLECTIONS),
                    scariness_after=rng.randint(0, 8),
                    written_at=created,
                )
                if status == "done"
                else None,
            )
        )
    return steps


def _median_ms(action: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    """Run ``action`` once untimed (warm-up), then ``runs`` times; median and all, in ms."""
    action()
    times = []
    for _ in range(runs):
        gc.collect()  # start each run from the same heap, not mid-way through a collection
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), times


def _write(home: Path, state: State) -> None:
    """Write ``state`` the way the app does, through a ``Store``."""
    Store(home).update(lambda _old: state)


def bench_size(count: int, runs: int, scratch: Path) -> dict[str, Any]:
    """Time load, save and pure serialising for a state of ``count`` records.

    Only as many states are alive as in the app (none while loading, one while
    saving): Python's cyclic GC walks every live object, so a spare 100k-record
    state left lying around would make each load look slower than it is.
    """
    home = Path(tempfile.mkdtemp(prefix=f"state-{count}-", dir=scratch))
    _write(home, make_state(count))  # the generated state is gone once this returns
    file_bytes = (home / "state.json").stat().st_size

    def load() -> None:
        loaded = Store(home).load()
        if len(loaded.history) != count:
            raise AssertionError(f"loaded {len(loaded.history)} records, wrote {count}")

    load_ms, load_runs = _median_ms(load, runs)
    # The same without the cyclic GC, to show how much of a load is collection
    # passes over the freshly made records (a hint for durf, not a target).
    gc.disable()
    try:
        load_no_gc_ms, _ = _median_ms(load, runs)
    finally:
        gc.enable()

    store = Store(home)
    store.load()
    save_ms, save_runs = _median_ms(lambda: store.update(lambda current: current), runs)
    dump_ms, _ = _median_ms(lambda: store.state.model_dump_json(indent=1), runs)
    status_ms, _ = _median_ms(lambda: status_line(glance(home), datetime.now(ZONE).date()), runs)
    # The dashboard as the app computes it: the whole walk over the history (at
    # start, and once per new session), and with that walk kept (every other change).
    today = store.state.history[-1].started_at.date()
    dashboard_ms, _ = _median_ms(lambda: dashboard(store.state, today), runs)
    walk = practice_of(store.state.history, today)
    dashboard_kept_ms, _ = _median_ms(lambda: dashboard(store.state, today, practice=walk), runs)
    history_ms, _ = _median_ms(lambda: history_view(store.state, limit=SHOWN_AT_MOST), runs)
    command_ms = _status_command_ms(home, runs)
    return {
        "records": count,
        "file_kb": round(file_bytes / 1024, 1),
        "load_ms": round(load_ms, 1),
        "save_ms": round(save_ms, 1),
        "serialise_ms": round(dump_ms, 1),
        "load_no_gc_ms": round(load_no_gc_ms, 1),
        "status_ms": round(status_ms, 2),
        "status_command_ms": round(command_ms, 1),
        "dashboard_ms": round(dashboard_ms, 1),
        "dashboard_kept_ms": round(dashboard_kept_ms, 2),
        "history_view_ms": round(history_ms, 1),
        "load_runs_ms": [round(value, 2) for value in load_runs],
        "save_runs_ms": [round(value, 2) for value in save_runs],
    }


def _status_command_ms(home: Path, runs: int) -> float:
    """Wall time of the whole ``durf status`` command, interpreter start included."""
    command = [sys.executable, "-m", "durf", "--home", str(home), "status"]

    def run() -> None:
        finished = subprocess.run(command, capture_output=True, check=False)
        if finished.returncode != 0 or b"Week" not in finished.stdout:
            raise AssertionError(f"durf status failed: {finished.stderr!r}")

    median, _ = _median_ms(run, runs)
    return median


def bench_state(
    sizes: Sequence[int], runs: int, scratch: Path, log: Callable[[str], None] = print
) -> dict[str, dict[str, Any]]:
    """Run ``bench_size`` for each size; keyed by the size as a string, as in the JSON."""
    results = {}
    for count in sizes:
        log(f"state: {count} records ...")
        results[str(count)] = bench_size(count, runs, scratch)
    return results
