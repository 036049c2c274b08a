"""Review edits: small pure functions over a list of beads, each returning a new list.

A bead here is the JSON bead's core, ``{"src", "tgt", "score", "flags", "reviewed"}``. Every
edit keeps the two promises the TMX and the JSON rely on: beads are monotone (ids rise
through the list on each side) and every sentence lies in exactly one bead. Edits that
would break them raise ``EditError`` before anything is written.

A bead a reviewer forms by hand (merge, split, move, unalign) is ``reviewed`` with
``HUMAN_SCORE``: the person vouches for it. Its flags keep only ``unaligned`` when one side
is empty; number warnings were for the reviewer, who saw them highlighted live.
"""
from __future__ import annotations

from collections.abc import Callable

from pipeline.errors import EditError, ReviewError

HUMAN_SCORE = 1.0
CHOICES = {"side": ("src", "tgt"), "direction": ("prev", "next")}
TEXTS = ("text",)  # arguments that are a sentence's new text, not an integer
MAX_TEXT = 5000  # characters of one mended sentence

Beads = list[dict]


def formed_bead(src: list[int], tgt: list[int]) -> dict:
    """A bead made by a reviewer's edit."""
    flags = [] if src and tgt else ["unaligned"]
    return {"src": list(src), "tgt": list(tgt), "score": HUMAN_SCORE, "flags": flags,
            "reviewed": True}


def check_beads(beads: Beads, n_src: int, n_tgt: int) -> None:
    """Raise ``EditError`` unless the beads are monotone and cover each sentence once."""
    for side, count in (("src", n_src), ("tgt", n_tgt)):
        ids = [i for bead in beads for i in bead[side]]
        if ids != list(range(count)):
            raise EditError(f"the {side} sentences would not be covered once each, in "
                            f"order (0..{count - 1})")
    if any(not bead["src"] and not bead["tgt"] for bead in beads):
        raise EditError("a bead would hold no sentence")


def merge(beads: Beads, bead: int) -> Beads:
    """Join a bead with the next one (the aligner cut a translation in two)."""
    _check_index(beads, bead)
    if bead == len(beads) - 1:
        raise EditError(f"bead {bead} is the last one: there is no next bead to merge with")
    first, second = beads[bead], beads[bead + 1]
    joined = formed_bead(first["src"] + second["src"], first["tgt"] + second["tgt"])
    return beads[:bead] + [joined] + beads[bead + 2:]


def split(beads: Beads, bead: int, src_at: int, tgt_at: int) -> Beads:
    """Cut a bead in two: its first ``src_at`` source and ``tgt_at`` target sentences stay."""
    _check_index(beads, bead)
    src, tgt = beads[bead]["src"], beads[bead]["tgt"]
    for name, at, ids in (("src_at", src_at, src), ("tgt_at", tgt_at, tgt)):
        if not 0 <= at <= len(ids):
            raise EditError(f"{name}={at} is outside bead {bead} (0..{len(ids)})")
    first, second = (src[:src_at], tgt[:tgt_at]), (src[src_at:], tgt[tgt_at:])
    if not any(first) or not any(second):
        raise EditError(f"splitting bead {bead} there leaves one part without sentences")
    return beads[:bead] + [formed_bead(*first), formed_bead(*second)] + beads[bead + 1:]


def move(beads: Beads, side: str, sentence: int, direction: str) -> Beads:
    """Move a sentence at the edge of its bead into the previous or the next bead."""
    index = bead_of(beads, side, sentence)
    ids = beads[index][side]
    other = index - 1 if direction == "prev" else index + 1
    edge = ids[0] if direction == "prev" else ids[-1]
    if sentence != edge:
        raise EditError(f"{side} sentence {sentence} is not the "
                        f"{'first' if direction == 'prev' else 'last'} of bead {index}; "
                        f"only an edge sentence can move to the {direction} bead")
    if not 0 <= other < len(beads):
        raise EditError(f"bead {index} has no {direction} bead")
    rest = _with_side(beads[index], side, [i for i in ids if i != sentence])
    neighbour = beads[other]
    grown = (neighbour[side] + [sentence] if direction == "prev"
             else [sentence] + neighbour[side])
    moved = _with_side(neighbour, side, grown)
    pair = [moved, rest] if direction == "prev" else [rest, moved]
    low = min(index, other)
    return beads[:low] + _non_empty(pair) + beads[low + 2:]


def unalign(beads: Beads, side: str, sentence: int) -> Beads:
    """Take an edge sentence out of its bead into a bead of its own, with no translation."""
    index = bead_of(beads, side, sentence)
    bead = beads[index]
    ids, other_side = bead[side], "tgt" if side == "src" else "src"
    if ids == [sentence] and not bead[other_side]:
        raise EditError(f"{side} sentence {sentence} is already unaligned")
    if sentence not in (ids[0], ids[-1]):
        raise EditError(f"{side} sentence {sentence} is inside bead {index}; split the bead "
                        f"first, then unalign it from the edge")
    alone = formed_bead([sentence], []) if side == "src" else formed_bead([], [sentence])
    rest = _with_side(bead, side, [i for i in ids if i != sentence])
    pair = [alone, rest] if sentence == ids[0] else [rest, alone]
    return beads[:index] + _non_empty(pair) + beads[index + 1:]


def confirm(beads: Beads, bead: int) -> Beads:
    """Mark a bead right as the aligner made it: score and flags stay as evidence."""
    _check_index(beads, bead)
    if beads[bead]["reviewed"]:
        raise EditError(f"bead {bead} is already reviewed")
    return beads[:bead] + [{**beads[bead], "reviewed": True}] + beads[bead + 1:]


def mend_text(beads: Beads, side: str, sentence: int, text: str) -> Beads:
    """Mend a sentence's text (an OCR error): the beads stay as they are, the new text is
    read from the journal by ``pipeline.review.texts``; this step only makes it undoable."""
    bead_of(beads, side, sentence)
    return list(beads)


# The operations a journal entry may name, with the argument names each one takes.
OPERATIONS: dict[str, tuple[Callable[..., Beads], tuple[str, ...]]] = {
    "merge": (merge, ("bead",)),
    "split": (split, ("bead", "src_at", "tgt_at")),
    "move": (move, ("side", "sentence", "direction")),
    "unalign": (unalign, ("side", "sentence")),
    "confirm": (confirm, ("bead",)),
    "text": (mend_text, ("side", "sentence", "text")),
}
UNDO, REDO = "undo", "redo"  # history moves; they take no arguments
KNOWN_OPERATIONS = sorted([*OPERATIONS, UNDO, REDO])


def check_request(op: object, args: object) -> None:
    """Raise ``ReviewError`` (4xx) when an operation or its arguments are malformed."""
    if op not in OPERATIONS and op not in (UNDO, REDO):
        raise ReviewError("R006", op=op, known=", ".join(KNOWN_OPERATIONS))
    if not isinstance(args, dict):
        raise ReviewError("R005", detail="'args' must be an object")
    expected = OPERATIONS[op][1] if op in OPERATIONS else ()
    if sorted(args) != sorted(expected):
        raise ReviewError("R005", detail=f"{op} takes the arguments {list(expected)}, "
                                         f"got {sorted(args)}")
    for name in expected:
        value = args[name]
        if name in CHOICES and value not in CHOICES[name]:
            raise ReviewError("R005", detail=f"'{name}' must be one of {list(CHOICES[name])}, "
                                             f"got {value!r}")
        if name in TEXTS:
            _check_text(value)
        elif name not in CHOICES and (not isinstance(value, int) or isinstance(value, bool)):
            raise ReviewError("R005", detail=f"'{name}' must be an integer, got {value!r}")


def _check_text(value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ReviewError("R005", detail="'text' must be the sentence's new text, not empty")
    if len(value) > MAX_TEXT or any(c in value for c in "\n\r\x00"):
        raise ReviewError("R005", detail=f"'text' must be one line of at most {MAX_TEXT} "
                                         "characters")


def apply_edit(beads: Beads, op: str, args: dict) -> Beads:
    """The beads after one edit (not undo or redo); raises ``EditError`` if it is invalid."""
    function, names = OPERATIONS[op]
    return function(beads, *(args[name] for name in names))


def bead_of(beads: Beads, side: str, sentence: int) -> int:
    """Index of the bead holding a sentence of one side."""
    for index, bead in enumerate(beads):
        if sentence in bead[side]:
            return index
    raise EditError(f"no bead holds {side} sentence {sentence}")


def _with_side(bead: dict, side: str, ids: list[int]) -> dict:
    changed = {**bead, side: ids}
    return formed_bead(changed["src"], changed["tgt"])


def _non_empty(beads: Beads) -> Beads:
    return [bead for bead in beads if bead["src"] or bead["tgt"]]


def _check_index(beads: Beads, bead: int) -> None:
    if not 0 <= bead < len(beads):
        raise EditError(f"bead {bead} does not exist (0..{len(beads) - 1})")
