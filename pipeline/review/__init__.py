"""Review in the browser: check and correct alignments, decisions kept in a journal.

    duiqi review OUT_DIR [--port 8765] [--user NAME]   # http://127.0.0.1:8765/
    duiqi apply-corrections OUT_DIR [--dest DIR]       # default DIR: OUT_DIR/reviewed

Every edit is appended at once to ``OUT_DIR/corrections.jsonl``; the pipeline's JSON is
never rewritten, and reopening a document replays the journal over it. On the page: j/k next
and previous flagged bead, c confirm, m merge with the next bead, click sentences then s
split before them, [ and ] move one to the previous or next bead, x unalign, u undo,
r redo.

``edits`` holds the pure bead operations, ``journal`` the journal and its replay
(``apply_corrections`` for the batch runner and the exports), ``documents`` the safe paths
and the document list, ``view`` what the page shows, ``server`` the thin Starlette app,
``export`` the reviewed JSON and TMX (error codes R001–R023 are in ``pipeline.errors``), and ``static/`` the
page itself (plain HTML, CSS and JS, no build step).
"""
