"""The ``durf`` command: where ``python -m durf`` and the ``durf`` script begin.

Everything else lives in ``durf.cli``; this stays thin so that the entry point
named in pyproject.toml never moves.
"""

from __future__ import annotations

import sys

from durf.cli.dispatch import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
