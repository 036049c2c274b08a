"""The review app's routes beyond the document API: search, and the report beside it.

``GET /api/search?q=&lang=&flag=&from=&to=&fact=`` answers beads (see ``search``);
``GET /report`` serves ``OUT_DIR/report.html`` as written by ``duiqi report``, whose links
then open documents and beads on this same server.
"""
from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

from pipeline.errors import ReviewError
from pipeline.report import REPORT_NAME
from pipeline.review.documents import Library
from pipeline.review.journal import read_journal
from pipeline.review.search import Query, search


def extra_routes(library: Library, out_dir: Path) -> list[Route]:
    async def search_beads(request: Request) -> JSONResponse:
        params = request.query_params
        query = Query(params.get("q", "").strip(), params.get("lang") or None,
                      params.get("flag") or None, params.get("from") or None,
                      params.get("to") or None, params.get("fact", "").strip())
        return JSONResponse(search(library, read_journal(out_dir), query))

    async def report(request: Request) -> FileResponse:
        path = Path(out_dir) / REPORT_NAME
        if not path.is_file():
            raise ReviewError("R040", out_dir=out_dir)
        return FileResponse(path, media_type="text/html")

    return [Route("/api/search", search_beads), Route("/report", report)]
