"""Names a package exports but imports on first use (PEP 562), so that opening an edition at start-up does not pay
for code only a build or a bookmark file needs, and a build does not pay for the search engine. Shared by the core
packages that have such names."""

from __future__ import annotations

import importlib
from typing import Any, Callable, Iterable, Mapping


def lazy_exports(package: str, module: str, names: Iterable[str]) -> Callable[[str], Any]:
    """A module-level `__getattr__` for `package` that imports `names` from `module` when first asked for, and
    keeps each in the package's namespace so later look-ups are plain attribute reads."""
    return lazy_modules(package, {module: names})


def lazy_modules(package: str, modules: Mapping[str, Iterable[str]]) -> Callable[[str], Any]:
    """`lazy_exports` for names from several modules: {module: names}."""
    home = {name: module for module, names in modules.items() for name in names}

    def lazy_attribute(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(importlib.import_module(package), name, value)
        return value

    return lazy_attribute
