"""The question before removing a corpus or one old edition from the library: what goes, and whether the user's
bookmarks, history and ticks of that corpus go too (they stay unless the box is ticked)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget


class RemoveDialog(QDialog):
    """Window-modal; `accepted` means remove. `forget` says whether the user data goes as well (a whole corpus
    only: an old edition shares the corpus's data with the editions that stay)."""

    def __init__(self, parent: QWidget, title: str, edition_date: str | None, bookmarks: int) -> None:
        super().__init__(parent)
        self.setObjectName("removeDialog")
        self.setWindowTitle(self.tr("Verwijderen uit de bibliotheek"))
        if edition_date is None:
            text = self.tr("\u2018%1\u2019 met al zijn edities uit de bibliotheek verwijderen?").replace("%1", title)
        else:
            text = self.tr("De editie van %2 van \u2018%1\u2019 verwijderen? De nieuwere editie blijft.")
            text = text.replace("%1", title).replace("%2", edition_date)
        self.question = QLabel(text, self)
        self.question.setWordWrap(True)
        self.question.setObjectName("removeQuestion")
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        self.forget_box: QCheckBox | None = None
        if edition_date is None:
            keep = self.tr("Uw bladwijzers (%1), geschiedenis en afgevinkte punten blijven bewaard; ze zijn terug als "
                           "u deze richtlijnen opnieuw installeert.").replace("%1", str(bookmarks))
            note = QLabel(keep, self)
            note.setWordWrap(True)
            layout.addWidget(note)
            self.forget_box = QCheckBox(self.tr("Ook mijn bladwijzers, geschiedenis en afgevinkte punten wissen"), self)
            self.forget_box.setObjectName("forgetUserData")
            layout.addWidget(self.forget_box)
        buttons = QDialogButtonBox(self)
        self.remove_button = QPushButton(self.tr("Verwijderen"), self)
        self.remove_button.setObjectName("confirmRemove")
        self.cancel_button = QPushButton(self.tr("Annuleren"), self)
        self.cancel_button.setObjectName("cancelRemove")
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setDefault(True)  # Enter does not remove by accident
        self.cancel_button.setFocus()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def forget(self) -> bool:
        return self.forget_box is not None and self.forget_box.isChecked()
