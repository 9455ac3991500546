"""`reader/core` never imports Qt: checked statically (every import statement) and at run time (sys.modules)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORE = REPO / "reader" / "core"
QT_PACKAGES = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "qtpy")


def _core_modules() -> list[Path]:
    modules = sorted(CORE.rglob("*.py"))
    assert len(modules) > 5
    return modules


def test_no_core_module_has_a_qt_import_statement():
    offenders = []
    for path in _core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__"
            ):
                names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            for name in names:
                if name.split(".")[0] in QT_PACKAGES:
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno}: {name}")
    assert offenders == []


def test_importing_all_of_core_and_check_loads_no_qt():
    names = [
        "reader.core." + path.relative_to(CORE).with_suffix("").as_posix().replace("/", ".")
        for path in _core_modules()
        if path.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r} + ['reader.commands.check']:\n"
        "    importlib.import_module(name)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r}]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr
