"""The library in the window: switching corpus in one window (switcher.py, with the window-wide back/forward trail
of trail.py), the library page (page.py, its rows from rows.py) and removing with confirmation (remove.py).

trail.py and rows.py are pure Python (no Qt): the decisions are tested without a display.
"""
