"""The navigation policy: what happens when the page wants to go somewhere. A pure function of plain values."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit

from reader.core.links import EXTERNAL_SCHEMES, parse_reader_url


class Decision(Enum):
    SHOW = "show"  # one of our own URLs: load it in the view
    ASK_EXTERNAL = "ask-external"  # a web/mail link the user clicked: confirm, then the system browser
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


def decide(request: NavigationRequest) -> Decision:
    if parse_reader_url(request.url) is not None:
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
