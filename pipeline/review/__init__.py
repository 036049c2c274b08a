"""Review in the browser: check and correct alignments, decisions kept in a journal.

``edits`` holds the pure bead operations, ``journal`` the append-only corrections file and
its replay (``apply_corrections`` for the batch runner and the exports), ``documents`` the
safe paths and the document list, ``view`` what the page shows, ``server`` the thin
Starlette app, ``export`` the reviewed JSON and TMX, and ``static/`` the page itself.
"""
