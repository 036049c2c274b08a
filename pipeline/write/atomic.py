"""Atomic file writes: a temp file in the same folder, fsync, then rename.

A reader (or a resumed run after ``kill -9``) sees either the old file or the whole new one,
never a partial file. The file gets the permissions any Unix tool gives a new file (0644
under umask 022), not the 0600 of ``mkstemp``.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

# Temp names are '.<name>.<8 random>.tmp': the name is cut so the whole fits in 255 bytes.
TEMP_NAME_BYTES = 255 - len(".") - len(".") - 8 - len(".tmp") - 8  # 8 spare for mkstemp


def _process_umask() -> int:
    """Read once at import, while no other thread can create a file in between."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


UMASK = _process_umask()


@contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """A binary handle whose content replaces ``path`` only when the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{_shortened(path.name)}.", suffix=".tmp",
                               dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _shortened(name: str) -> str:
    raw = os.fsencode(name)
    return name if len(raw) <= TEMP_NAME_BYTES else os.fsdecode(raw[:TEMP_NAME_BYTES])


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_open(path) as handle:
        handle.write(data)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
