"""Reading tabs in the one window: the tabs as state (model.py, pure Python), the bar above the page (bar.py), what
switching, opening and closing do to the window (controller.py), the arriving tab's history kept until it is needed
(deferred.py), the first page of a start (start.py) and the page that catches a link opened in a new tab
(catcher.py)."""
