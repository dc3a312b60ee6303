"""Names a package offers but loads from its modules only when first asked for (PEP 562).

A package whose ``__init__`` imported every module would make each command pay for
all of them; the command line and the first frame need only a few.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping


def loaded_on_use(
    package: str, module_of: Mapping[str, str], namespace: MutableMapping[str, object]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``: each name in ``module_of`` is
    imported from ``package.<module>`` on first use and kept in ``namespace``."""

    def getattr_(name: str) -> object:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *module_of})

    return getattr_, dir_
