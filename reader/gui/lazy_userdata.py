"""The user's store, opened when the window first needs it instead of before the first page.

Opening it cost the start ~20 ms on a new profile (importing the store's modules, creating and checking the SQLite
file, marking the edition as read), and nothing the first page shows needs it: the bookmark star, the history, the
checklists' ticks and the panels all come after. `LazyUserData` stands in for the `UserData` until then: the first
attribute used opens the store, and from then on every attribute is the store's own. This module imports nothing
of the store itself, so that a start does not either.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from pathlib import Path

    from reader.core.userdata import UserData


class LazyUserData:
    """A `UserData` opened by `opener` at the first use of any of its attributes."""

    def __init__(self, opener: Callable[[], UserData]) -> None:
        object.__setattr__(self, "_opener", opener)
        object.__setattr__(self, "_store", None)
        object.__setattr__(self, "_waiting", [])  # called once the store is open

    def opened(self) -> bool:
        return self._store is not None

    def store(self) -> UserData:
        """The store, opened now if it was not yet."""
        if self._store is None:
            object.__setattr__(self, "_store", self._opener())
            waiting = list(self._waiting)
            self._waiting.clear()
            for callback in waiting:
                callback()
        return cast("UserData", self._store)

    def wait(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the store opens; one already waiting is not added again."""
        if callback not in self._waiting:
            self._waiting.append(callback)

    def close(self) -> None:
        """Close the store; one that was never opened has nothing to close (and is not opened for it)."""
        if self._store is not None:
            self._store.close()

    def __getattr__(self, name: str) -> Any:  # only for what the stand-in itself does not have
        return getattr(self.store(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.store(), name, value)


def open_store(profile_dir: Path, corpus_id: str) -> UserData:
    """The profile's store, opened now (a window built without one: tests)."""
    from reader.core.userdata import UserData

    return UserData.open(profile_dir, corpus_id=corpus_id)


def lazily(opener: Callable[[], UserData]) -> UserData:
    """A stand-in that the window uses as its `UserData`."""
    return cast("UserData", LazyUserData(opener))


def when_open(userdata: UserData, callback: Callable[[], None]) -> bool:
    """True when `userdata` is open (a real store, or a stand-in that opened); else `callback` waits for it."""
    if isinstance(userdata, LazyUserData) and not userdata.opened():
        userdata.wait(callback)
        return False
    return True
