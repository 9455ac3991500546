"""The store changes the Bladwijzers tab makes, each one undoable.

A change is made first and put on the undo stack only when it succeeded, so a failure (read-only profile, disk full)
never lands on the stack. This class holds no widgets: the panel gives it three callbacks, to report a failure, to
bring rows in line with the store, and to say that something stored changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack

from reader.core.userdata import Bookmark, UserData, UserDataError
from reader.gui.sidebar.bookmarks.model import Key
from reader.gui.sidebar.bookmarks.undo import StoreCommand

SectionHash = Callable[[str, str], "str | None"]


class BookmarkEdits:
    """Undoable changes to the bookmarks in `userdata`, pushed on `undo_stack`.

    `report(err)` says why a change failed; `update_view(keys)` brings the rows of these bookmarks (page id, anchor)
    in line with the store, or the whole tree when `keys` is None; `changed()` tells that something stored changed.
    """

    def __init__(
        self,
        userdata: UserData,
        undo_stack: QUndoStack,
        *,
        report: Callable[[UserDataError], None],
        update_view: Callable[[list[Key] | None], None],
        changed: Callable[[], None],
    ) -> None:
        self.userdata = userdata
        self.undo_stack = undo_stack
        self._report = report
        self._update_view = update_view
        self._changed = changed

    def apply(self, kind: str, do: Callable[[], None], undo: Callable[[], None], keys: list[Key] | None = None) -> bool:
        """Make a change now and put it on the undo stack (named by `kind`, see command_text); on failure say why
        and push nothing. With `keys` (the bookmarks it touches) only their rows are updated, else the tree is
        rebuilt."""
        try:
            do()
        except UserDataError as err:
            self._report(err)
            self._update_view(keys)
            return False
        self.undo_stack.push(StoreCommand(kind, lambda: self._guarded(do, keys), lambda: self._guarded(undo, keys)))
        self._update_view(keys)
        self._changed()
        return True

    def _guarded(self, fn: Callable[[], None], keys: list[Key] | None = None) -> None:
        """Run an undo or redo: it may fail too (the profile became read-only), and then the message bar says so."""
        try:
            fn()
        except UserDataError as err:
            self._report(err)
        self._update_view(keys)
        self._changed()

    def _by_key(self, old: Bookmark, fn: Callable[[Bookmark], object]) -> None:
        """Apply `fn` to the stored bookmark with `old`'s page and anchor (its id may change across undo)."""
        current = self.userdata.find_bookmark(old.page_id, old.anchor)
        if current is None:
            raise UserDataError("userdata-bookmark-gone")
        fn(current)

    def _mover(self, folder: str) -> Callable[[Bookmark], object]:
        """A change for _by_key that moves the bookmark into `folder` (bound now, not when a loop has moved on)."""
        return lambda b: self.userdata.move_bookmark(b.id, folder)

    # -- bookmarks

    def add_bookmark(self, page_id: str, anchor: str, title: str, *, section_hash: str | None,
                     folder: str | None) -> Bookmark | None:
        """Store a new bookmark and push its undo; None if it could not be saved. The caller shows the new row,
        because it also selects it."""
        holder: dict[str, Bookmark] = {}

        def do() -> None:
            holder["b"] = self.userdata.add_bookmark(page_id, anchor, title=title or None, folder=folder,
                                                     section_hash=section_hash)

        def undo() -> None:
            self.userdata.delete_bookmark(holder["b"].id)

        def redo() -> None:
            holder["b"] = self.userdata.restore_bookmark(holder["b"])

        try:
            do()
        except UserDataError as err:
            self._report(err)
            return None
        keys = [(holder["b"].page_id, holder["b"].anchor)]
        self.undo_stack.push(StoreCommand("add", lambda: self._guarded(redo, keys), lambda: self._guarded(undo, keys)))
        return holder["b"]

    def rename_bookmark(self, bookmark_id: int, title: str) -> bool:
        old = self.userdata.get_bookmark(bookmark_id)
        title = title.strip()
        if old is None or not title or title == old.title:
            return False
        return self.apply("rename",
                          lambda: self._by_key(old, lambda b: self.userdata.rename_bookmark(b.id, title)),
                          lambda: self._by_key(old, lambda b: self.userdata.rename_bookmark(b.id, old.title)),
                          [old.key])

    def set_note(self, bookmark_id: int, note: str) -> bool:
        old = self.userdata.get_bookmark(bookmark_id)
        if old is None or note == old.note:
            return False
        return self.apply("note",
                          lambda: self._by_key(old, lambda b: self.userdata.set_note(b.id, note)),
                          lambda: self._by_key(old, lambda b: self.userdata.set_note(b.id, old.note)),
                          [old.key])

    def accept_change(self, bookmark_id: int, section_hash: SectionHash | None) -> bool:
        """The user has read the changed section: store its current hash (from `section_hash`), so the "gewijzigd"
        mark goes away."""
        old = self.userdata.get_bookmark(bookmark_id)
        current = section_hash(old.page_id, old.anchor) if old is not None and section_hash else None
        if old is None or not current or current == old.section_hash:
            return False
        previous = old.section_hash or ""
        return self.apply("seen",
                          lambda: self._by_key(old, lambda b: self.userdata.update_bookmark(b.id,
                                                                                            section_hash=current)),
                          lambda: self._by_key(old, lambda b: self.userdata.update_bookmark(b.id,
                                                                                            section_hash=previous)),
                          [old.key])

    def move_bookmarks(self, bookmark_ids: list[int], folder: str) -> bool:
        olds = [b for b in (self.userdata.get_bookmark(i) for i in bookmark_ids) if b is not None and
                b.folder != folder]
        if not olds:
            return False

        def do() -> None:
            for old in olds:
                self._by_key(old, self._mover(folder))

        def undo() -> None:
            for old in olds:
                self._by_key(old, self._mover(old.folder))

        return self.apply("move", do, undo, [b.key for b in olds])

    def delete_bookmarks(self, bookmark_ids: list[int]) -> list[Bookmark]:
        """Delete these bookmarks; returns the deleted ones, none when nothing was deleted."""
        deleted: list[Bookmark] = [b for b in (self.userdata.get_bookmark(i) for i in bookmark_ids) if b]
        if not deleted:
            return []

        def do() -> None:
            for b in deleted:
                current = self.userdata.find_bookmark(b.page_id, b.anchor)
                if current is not None:
                    self.userdata.delete_bookmark(current.id)

        def undo() -> None:
            for b in deleted:
                self.userdata.restore_bookmark(b)

        return deleted if self.apply("delete", do, undo, [b.key for b in deleted]) else []

    # -- folders

    def add_folder(self, name: str) -> str | None:
        """Create a folder (not put on the undo stack); returns its stored name, None if it could not be saved."""
        try:
            return self.userdata.add_folder(name)
        except UserDataError as err:
            self._report(err)
            return None
        finally:
            self._update_view(None)

    def rename_folder(self, old: str, new: str) -> bool:
        new = new.strip()
        if not new or new == old:
            return False
        existing = set(self.userdata.folders())
        members = [b for b in self.userdata.bookmarks(folder=old)]

        def undo() -> None:
            # A rename onto an existing folder merged the two: move exactly the old members back.
            if new not in existing:
                self.userdata.rename_folder(new, old)
            else:
                self.userdata.add_folder(old)
                for b in members:
                    self._by_key(b, lambda c: self.userdata.move_bookmark(c.id, old))

        def do() -> None:
            self.userdata.rename_folder(old, new)

        return self.apply("rename_folder", do, undo)

    def delete_folder(self, name: str) -> bool:
        members = self.userdata.bookmarks(folder=name)

        def undo() -> None:
            self.userdata.add_folder(name)
            for b in members:
                self._by_key(b, lambda c: self.userdata.move_bookmark(c.id, name))

        def do() -> None:
            self.userdata.delete_folder(name)

        return self.apply("delete_folder", do, undo)
