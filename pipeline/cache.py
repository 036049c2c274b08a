"""The user's cache folder: one owner for where duiqi keeps what it may rebuild at any time.

Parsed models and dictionaries live here, keyed by the versions that made them, so a second
run skips the parse. Everything in it is disposable: a missing, stale or unreadable entry is
rebuilt, and a folder that cannot be written only costs the time of the parse.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

CACHE_ENV = "DUIQI_CACHE_DIR"  # overrides the platform's user cache folder


def cache_dir() -> Path:
    """``$DUIQI_CACHE_DIR``, else the platform's user cache folder (XDG on Linux)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    import platformdirs

    return platformdirs.user_cache_path("duiqi")


def build_atomically(path: Path, build: Callable[[Path], None]) -> None:
    """Let ``build`` write a temp file beside ``path``, then rename it into place: concurrent
    first runs each build a whole file and the last rename wins, so no reader sees half of
    one. Raises OSError when the folder cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        build(Path(temp))
        os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)
