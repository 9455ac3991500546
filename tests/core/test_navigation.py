import pytest

from reader.core import navigation as nav
from reader.core.navigation import Decision, NavigationRequest, decide


@pytest.mark.parametrize("kind", [nav.LINK_CLICKED, nav.TYPED, nav.BACK_FORWARD, nav.RELOAD])
def test_internal_pages_are_shown(kind):
    assert decide(NavigationRequest("rl://edition.invalid/page/index#x", kind)) is Decision.SHOW


def test_clicked_web_links_ask_first_and_nothing_else_leaves():
    assert decide(NavigationRequest("https://example.org/", nav.LINK_CLICKED)) is Decision.ASK_EXTERNAL
    assert decide(NavigationRequest("mailto:x@y.nl", nav.LINK_CLICKED)) is Decision.ASK_EXTERNAL
    # not clicked by the user: a redirect, a typed load, a subframe
    assert decide(NavigationRequest("https://example.org/", nav.REDIRECT)) is Decision.REFUSE
    assert decide(NavigationRequest("https://example.org/", nav.TYPED)) is Decision.REFUSE
    assert decide(NavigationRequest("https://example.org/", nav.LINK_CLICKED, main_frame=False)) is Decision.REFUSE


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>x</script>", "ftp://x/", "rl://evil/page/x"]
)
def test_everything_else_is_refused(url):
    assert decide(NavigationRequest(url, nav.LINK_CLICKED)) is Decision.REFUSE


def test_forms_to_internal_pages_are_refused():
    assert decide(NavigationRequest("rl://edition.invalid/page/index", nav.FORM)) is Decision.REFUSE
