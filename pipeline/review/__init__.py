"""Review in the browser: check and correct alignments, decisions kept in a journal.

    duiqi review OUT_DIR [--port 8765] [--user NAME]   # http://127.0.0.1:8765/
    duiqi apply-corrections OUT_DIR [--dest DIR]       # default DIR: OUT_DIR/reviewed

Every edit is appended at once to ``OUT_DIR/corrections.jsonl``; the pipeline's JSON is
never rewritten, and reopening a document replays the journal over it. On the page: j/k next
and previous flagged bead, c confirm, m merge with the next bead, click sentences then s
split before them, [ and ] move one to the previous or next bead, x unalign, e mend the
selected sentence's text, u undo, r redo. Beside each document an alignment map (one dot a
bead) jumps to a bead on a click; the list searches every bead by text, flag, date and fact.

``edits`` holds the pure bead operations, ``journal`` the journal and its replay
(``apply_corrections`` for the batch runner and the exports), ``documents`` the safe paths
and the document list, ``view`` what the page shows, ``server`` the thin Starlette app,
``export`` the reviewed JSON and TMX (error codes R001–R040 are in ``pipeline.errors``),
``texts`` the mended sentence texts, ``search`` the search, ``routes`` the search and
``/report`` endpoints, and ``static/`` the page itself (plain HTML, CSS and JS, no build
step).
"""
