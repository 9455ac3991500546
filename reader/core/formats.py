"""Format versions of what the reader writes to disk. Bump one when its layout or meaning changes.

Kept apart from the modules that write them so that checking an edition (at every start) never has to import the
Markdown or Whoosh machinery behind them.
"""

# Layout of an edition directory (manifest.json, pages.json, nav.json, pages/, assets/).
EDITION_FORMAT_VERSION = 1

# Layout and analysis of the search index in an edition's index/ (reader/core/search.py).
INDEX_FORMAT_VERSION = 9
