"""Packaging fixtures: the scripts under packaging/ are not a package, so tests load them by file path."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load_packaging_script(name: str) -> ModuleType:
    """packaging/<name>.py as a module of its own (named packaging_<name>, so it never shadows a real module)."""
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def icu_trim() -> ModuleType:
    return load_packaging_script("icu_trim")


@pytest.fixture(scope="session")
def bundle_filter() -> ModuleType:
    return load_packaging_script("bundle_filter")


@pytest.fixture(scope="session")
def prune() -> ModuleType:
    return load_packaging_script("prune")


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    return load_packaging_script("build")
