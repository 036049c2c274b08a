"""What happened to one document: small enough to keep one per document of a large corpus."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Outcome:
    """Enough for the report, without the document itself."""

    doc_id: str
    status: str  # ok | failed
    format: str | None = None
    error_code: str | None = None
    error: str | None = None
    issues: list[dict] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    # A failure of the machine (no space, a time limit, a dead worker), not of the input:
    # it leaves no marker, so the next run tries the document again.
    retry: bool = False
