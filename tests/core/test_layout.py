"""The shape of reader/core: packages with a public `__init__`, small modules, no paths looked up inside.

- Code outside a core package (other core packages, reader/gui, reader/commands, reader/*.py) imports only the
  package (`from reader.core.search import SearchIndex`), never one of its inner modules.
- No file under reader/ is longer than MAX_LINES: one module, one job.
- reader/core never imports reader.paths: it gets every directory as an argument.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
READER = REPO / "reader"
CORE = READER / "core"
MAX_LINES = 600


def _packages() -> set[str]:
    return {p.parent.name for p in CORE.glob("*/__init__.py")}


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in `path`, `from X import y` also as `X.y` (y may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
    return found


def test_core_packages_exist() -> None:
    assert {"corpus", "render", "search", "edition", "userdata"} <= _packages()


def test_no_code_outside_a_core_package_imports_its_inner_modules() -> None:
    packages = _packages()
    inner = {
        f"reader.core.{pkg}.{p.stem}"
        for pkg in packages
        for p in (CORE / pkg).glob("*.py")
        if p.name != "__init__.py"
    }
    offenders = []
    for path in sorted(READER.rglob("*.py")):
        rel = path.relative_to(CORE).parts if path.is_relative_to(CORE) else ()
        own = rel[0] if len(rel) > 1 and rel[0] in packages else None
        for line, name in _imports(path):
            target = ".".join(name.split(".")[:4])
            if target in inner and target.split(".")[2] != own:
                offenders.append(f"{path.relative_to(REPO)}:{line}: {name}")
    assert offenders == []


def test_no_reader_file_is_longer_than_the_limit() -> None:
    long = {
        str(p.relative_to(REPO)): n
        for p in sorted(READER.rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_core_never_imports_reader_paths() -> None:
    offenders = [
        f"{p.relative_to(REPO)}:{line}: {name}"
        for p in sorted(CORE.rglob("*.py"))
        for line, name in _imports(p)
        if name == "reader.paths" or name.startswith("reader.paths.")
    ]
    assert offenders == []
