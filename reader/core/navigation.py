"""The navigation policy: what happens when the page wants to go somewhere. A pure function of plain values."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from reader.core.edition import opens_in_view
from reader.core.links import EXTERNAL_SCHEMES, parse_reader_url


class Decision(Enum):
    SHOW = "show"  # one of our own URLs: load it in the view
    ASK_EXTERNAL = "ask-external"  # a web/mail link the user clicked: confirm, then the system browser
    ATTACHMENT = "attachment"  # a corpus file the user clicked that the view does not show (PDF, office, archive)
    REFUSE = "refuse"


# Kinds of navigation, mirrored from QWebEnginePage.NavigationType so that the policy needs no Qt.
LINK_CLICKED = "link-clicked"
TYPED = "typed"  # load() from the app itself
BACK_FORWARD = "back-forward"
RELOAD = "reload"
FORM = "form"
REDIRECT = "redirect"
OTHER = "other"


@dataclass(frozen=True)
class NavigationRequest:
    url: str
    kind: str
    main_frame: bool = True


# Corpus files that are images when a page shows them but active documents when the view opens them: an SVG
# document fetches and preconnects like a web page (the preconnect bypasses the request interceptor).
_NO_DOCUMENT_SUFFIXES = (".svg", ".svgz")


def decide(request: NavigationRequest) -> Decision:
    target = parse_reader_url(request.url)
    if target is not None:
        # As the server resolves it: `x.svg/` and `x.svg/.` name the same file as `x.svg`.
        if target.kind == "asset" and PurePosixPath(target.path).suffix.lower() in _NO_DOCUMENT_SUFFIXES:
            return Decision.REFUSE
        if target.kind == "asset" and not opens_in_view(target.path):
            # Never loaded in the view (Chromium would only start a download, and no plugin shows a PDF):
            # a click offers to open or save it; nothing else may go there.
            clicked = request.kind == LINK_CLICKED and request.main_frame
            return Decision.ATTACHMENT if clicked else Decision.REFUSE
        # Forms are sanitized away; a form or redirect arriving anyway did not come from the reader.
        return Decision.REFUSE if request.kind in (FORM, REDIRECT) else Decision.SHOW
    if request.url == "about:blank":
        return Decision.SHOW if request.kind == TYPED else Decision.REFUSE
    try:
        scheme = urlsplit(request.url).scheme.lower()
    except ValueError:
        return Decision.REFUSE
    if scheme in EXTERNAL_SCHEMES and request.kind == LINK_CLICKED and request.main_frame:
        return Decision.ASK_EXTERNAL
    return Decision.REFUSE
