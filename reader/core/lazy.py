"""Names a package exports but imports on first use (PEP 562), so that opening an edition at start-up does not pay
for code only a build or a bookmark file needs. Shared by the core packages that have such names."""

from __future__ import annotations

import importlib
from typing import Any, Callable, Iterable


def lazy_exports(package: str, module: str, names: Iterable[str]) -> Callable[[str], Any]:
    """A module-level `__getattr__` for `package` that imports `names` from `module` when first asked for, and
    keeps each in the package's namespace so later look-ups are plain attribute reads."""
    wanted = frozenset(names)

    def lazy_attribute(name: str) -> Any:
        if name not in wanted:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(importlib.import_module(package), name, value)
        return value

    return lazy_attribute
