"""The review web app: a thin Starlette layer over the journal, documents and view modules.

Routes: ``/`` the page, ``/static/*`` its CSS and JS, ``GET /api/documents`` the list,
``GET /api/documents/<doc_id>`` one document, ``POST /api/documents/<doc_id>`` one edit
(``{"version", "op", "args"}``). Errors answer ``{"error": {"code", "message"}}`` with a
4xx status. It serves on the loopback interface only and accepts only loopback host names
(no DNS rebinding) and JSON edits (a cross-site form cannot post one without CORS).
"""
from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pipeline.review.documents import Library, progress, sort_and_filter, summarise
from pipeline.errors import ReviewError
from pipeline.review.journal import read_journal, record_edit, review_state, utc_now
from pipeline.review.routes import extra_routes
from pipeline.review.view import document_view

MAX_BODY = 64 * 1024  # bytes: an edit is a few hundred; more is a mistake or an attack
MAX_MESSAGE = 500  # characters of an error message: never echo megabytes of a request
LOOPBACK = "127.0.0.1"
LOOPBACK_NAMES = [LOOPBACK, "localhost"]
STATIC = Path(__file__).resolve().parent / "static"


def create_app(out_dir: Path, user: str, clock: Callable[[], str] = utc_now) -> Starlette:
    """The app for one output folder; edits are journalled as ``user`` at ``clock()``."""
    library = Library(out_dir)

    async def index(request: Request) -> FileResponse:
        return FileResponse(STATIC / "index.html")

    async def documents(request: Request) -> JSONResponse:
        records = [library.record(doc_id) for doc_id in library.doc_ids()]
        journal = read_journal(out_dir)
        summaries = [summarise(r, review_state(r, journal)) for r in records if r["bilingual"]]
        shown = sort_and_filter(summaries, request.query_params.get("sort", "worst"),
                                request.query_params.get("flag") or None)
        return JSONResponse({"documents": shown, "progress": progress(summaries)})

    async def document(request: Request) -> JSONResponse:
        record = library.record(request.path_params["doc_id"])
        return JSONResponse(document_view(record, review_state(record, read_journal(out_dir))))

    async def edit(request: Request) -> JSONResponse:
        record = library.record(request.path_params["doc_id"])
        body = await _json_body(request)
        state = record_edit(record, out_dir, body.get("version"), body.get("op"),
                            body.get("args", {}), user, clock())
        return JSONResponse(document_view(record, state))

    async def review_error(request: Request, exc: ReviewError) -> JSONResponse:
        message = exc.message if len(exc.message) <= MAX_MESSAGE else (
            exc.message[:MAX_MESSAGE] + "…")
        return JSONResponse({"error": {"code": exc.code, "message": message}},
                            status_code=exc.status)

    return Starlette(
        routes=[
            Route("/", index),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
            Route("/api/documents", documents),
            Route("/api/documents/{doc_id:path}", document, methods=["GET"]),
            Route("/api/documents/{doc_id:path}", edit, methods=["POST"]),
            *extra_routes(library, out_dir),
        ],
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_NAMES)],
        exception_handlers={ReviewError: review_error},
    )


async def _json_body(request: Request) -> dict:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise ReviewError("R007")
    try:
        body = json.loads(await _limited_body(request))
    except RecursionError as exc:
        raise ReviewError("R004", detail="nested too deeply") from exc
    except (ValueError, UnicodeDecodeError) as exc:  # JSON errors, 5,000-digit integers
        raise ReviewError("R004", detail=str(exc)[:200]) from exc
    if not isinstance(body, dict):
        raise ReviewError("R005", detail="the body must be an object "
                                         "{\"version\", \"op\", \"args\"}")
    return body


async def _limited_body(request: Request) -> bytes:
    """The body, refused (413) past ``MAX_BODY`` whatever Content-Length claims."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise ReviewError("R030", limit=MAX_BODY)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise ReviewError("R030", limit=MAX_BODY)
    return bytes(body)


def bind_loopback(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (port 0: any free port), made before the address is
    printed, so the printed address is the one that answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((LOOPBACK, port))
    sock.listen()  # connections queue from now on, even before uvicorn accepts them
    return sock


def address(sock: socket.socket) -> str:
    host, port = sock.getsockname()
    return f"http://{host}:{port}/"


def make_server(app: Starlette):
    """A uvicorn server for the app (run it with ``server.run(sockets=[sock])``)."""
    import uvicorn

    return uvicorn.Server(uvicorn.Config(app, log_level="warning"))
