"""Shared test setup: offscreen Qt, no sandbox as root, and user data redirected away from the real home."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from reader.core.search import SearchDoc, SearchIndex
    from reader.core.userdata import UserData

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
# The library folders too: tests never see (or change) editions installed on this machine.
os.environ["RICHTLIJNENLEZER_USER_EDITIONS"] = str(_SESSION_TMP / "user-editions")
os.environ["RICHTLIJNENLEZER_MACHINE_DIR"] = str(_SESSION_TMP / "machine")
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
    from reader import paths
    from reader.core.edition import build_edition

    out = tmp_path_factory.mktemp("editions") / "content"
    build_edition(CONTENT, out, icons_dir=paths.icons_dir())
    return out


@pytest.fixture(scope="session")
def nerds_edition(tmp_path_factory: pytest.TempPathFactory, nerds_2026: Path) -> Path:
    """The edition of NeRDS 2026-03, built once per test session."""
    from reader import paths
    from reader.core.edition import build_edition

    out = tmp_path_factory.mktemp("editions") / "nerds-2026-03"
    build_edition(nerds_2026, out, icons_dir=paths.icons_dir())
    return out


# --- the user-data store ------------------------------------------------------------------------------------------


class FakeClock:
    """A clock for stores that must record repeatable times: it starts at `start` and moves one second per call, so
    every stored time is distinct and in call order."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def open_store(tmp_path: Path) -> Iterator[Callable[..., UserData]]:
    """Factory: `open_store(name="profile", clock=None, corpus_id="corpus-a")` -> the UserData of profile
    tmp_path/name working on that corpus (the real clock unless one is given). Every store it opened is closed after
    the test (closing twice is harmless), so a test may close one itself and open the same profile again, as a
    restart does."""
    from reader.core.userdata import UserData

    opened: list[UserData] = []

    def open_(name: str = "profile", clock: Callable[[], float] | None = None, corpus_id: str = "corpus-a") -> UserData:
        data = UserData.open(tmp_path / name, corpus_id=corpus_id, **({} if clock is None else {"clock": clock}))
        opened.append(data)
        return data

    yield open_
    for data in opened:
        data.close()


@pytest.fixture
def store(open_store: Callable[..., UserData]) -> UserData:
    """A fresh user-data store in tmp_path/"profile" with the real clock, closed after the test."""
    return open_store()


# --- search indexes -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def search_index_of(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Sequence[SearchDoc]], SearchIndex]]:
    """Factory: `search_index_of(docs)` -> a SearchIndex built from `docs` in a folder of its own, open until the end
    of the session (module fixtures build their corpus once through it)."""
    from reader.core.search import SearchIndex, build_index

    opened: list[SearchIndex] = []

    def make(docs: Sequence[SearchDoc]) -> SearchIndex:
        folder = tmp_path_factory.mktemp("index") / "index"
        build_index(folder, list(docs))
        index = SearchIndex.open(folder)
        opened.append(index)
        return index

    yield make
    for index in opened:
        index.close()
