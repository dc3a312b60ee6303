"""durf's benchmark suite: start-up, quit, CPU, memory, the breathing pacer, the state file.

Run it from the repository root with the project's Python::

    .venv/bin/python -m tests.bench            # full run, about 4 minutes
    .venv/bin/python -m tests.bench --quick    # smoke check, about a minute

It is not part of ``pytest`` (``norecursedirs`` skips this folder, and no file
here is named ``test_*``): timings need a quiet machine and minutes, not a CI
assertion. Targets are printed as pass/miss; they never fail the run.

Modules:

* ``pty_runner`` - one app in a pseudo-terminal, emulated with pyte: time to the
  first frame, CPU, output and peak memory, quit until the terminal is back; and
  ``watch_screen``, which notes when something read off the screen changes.
* ``procfs`` - the ``/proc`` readings (process tree, CPU clocks, VmHWM).
* ``apps`` - the commands (durf, ``durf breathe``, a bare Textual yardstick) and
  the throw-away home folders they run in.
* ``pacer_bench`` - the phase line of ``durf breathe`` against the pattern's
  schedule over 60 s: ``pacer_max_error_ms`` and ``pacer_drift_ms``.
* ``state_bench`` - load and save of state files with 1k-100k realistic records.
* ``report`` - targets, machine description, JSON and Markdown.
"""
