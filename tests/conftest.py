"""Shared test setup: offscreen Qt, no sandbox as root, and user data redirected away from the real home."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before anything imports Qt: no display is needed, and Chromium refuses its sandbox as root.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
# Tests assert the Dutch interface: the reader follows the system language, so pin a neutral one.
os.environ["LC_ALL"] = os.environ["LANG"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)
# Tests never touch the real profile or cache.
_SESSION_TMP = Path(tempfile.mkdtemp(prefix="rl-tests-"))
os.environ["RICHTLIJNENLEZER_PROFILE"] = str(_SESSION_TMP / "profile")
os.environ["RICHTLIJNENLEZER_CACHE"] = str(_SESSION_TMP / "cache")
os.environ["XDG_DATA_HOME"] = str(_SESSION_TMP / "xdg-data")
os.environ["XDG_CONFIG_HOME"] = str(_SESSION_TMP / "xdg-config")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
NERDS_2026 = SHARED / "corpora" / "nerds-2026-03"
NERDS_2025 = SHARED / "corpora" / "nerds-2025-12"
CONTENT = REPO_ROOT / "content"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def nerds_2026() -> Path:
    if not NERDS_2026.is_dir():
        pytest.fail(f"the NeRDS corpus is missing at {NERDS_2026} (CI lays ../shared beside the clone)")
    return NERDS_2026


@pytest.fixture(scope="session")
def nerds_2025() -> Path:
    if not NERDS_2025.is_dir():
        pytest.fail(f"the NeRDS corpus is missing at {NERDS_2025}")
    return NERDS_2025


@pytest.fixture(scope="session")
def content_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The edition of the bundled content/, built once per test session."""
    from reader.core.edition import build_edition

    out = tmp_path_factory.mktemp("editions") / "content"
    build_edition(CONTENT, out)
    return out


@pytest.fixture(scope="session")
def nerds_edition(tmp_path_factory: pytest.TempPathFactory, nerds_2026: Path) -> Path:
    """The edition of NeRDS 2026-03, built once per test session."""
    from reader.core.edition import build_edition

    out = tmp_path_factory.mktemp("editions") / "nerds-2026-03"
    build_edition(nerds_2026, out)
    return out

