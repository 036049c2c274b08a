"""Numbers across languages inside aligned beads.

Inside each bead, a Chinese number matches an English one of the same value (and of the
same family: a date only matches a date, a multiple a multiple). Multiples match within
one, because 增加一倍 "increase by one time" is "doubled". What is left is read as a garbled
number (``number_mismatch``: one edit apart, OCR 10.41 vs 100.41) or as a number on one side
only (``number_missing``), unless the translation completed a date: 新华社二日电 becomes
"January 2nd", and the month has nothing to match, which is no error.
"""
from __future__ import annotations

import math
from collections import defaultdict

from pipeline.extract.quantity import digits_of
from pipeline.record import Document, Number
from pipeline.settings import LinkSettings

DATE_PARTS = ("year", "month")  # what a translation adds to a day the Chinese gives alone
DATE_GAP = 3  # characters between a date part and its day: "January 2nd", "2nd, 1950"


def _family(number: Number) -> str:
    if number.kind == "date":
        return f"date:{number.unit}"
    if number.unit == "times":
        return "times"
    return "quantity"


def same_value(a: Number, b: Number) -> bool:
    """Equal values of one family; a range agrees with either of its ends; "an increase of
    100%" agrees with 增加一倍."""
    fa, fb = _family(a), _family(b)
    if {fa, fb} == {"times", "quantity"}:
        times, other = (a, b) if fa == "times" else (b, a)
        return (other.unit == "%" and other.value >= 100
                and math.isclose(other.value / 100, times.value))
    if fa != fb:
        return False
    if fa == "times":
        return abs(a.value - b.value) <= 1
    close = lambda x, y: math.isclose(x, y, rel_tol=1e-6)
    if (a.high is None) != (b.high is None):
        single, ranged = (a, b) if a.high is None else (b, a)
        return close(single.value, ranged.value) or close(single.value, ranged.high)
    return close(a.value, b.value) and (a.high is None or close(a.high, b.high))


def garbled(a: Number, b: Number, max_edits: int) -> bool:
    """One number misread: same family and unit, digit strings ``max_edits`` edits apart."""
    if _family(a) != _family(b) or a.unit != b.unit:
        return False
    x, y = digits_of(a.value), digits_of(b.value)
    return min(len(x), len(y)) >= 3 and _edits(x, y) <= max_edits


def _edits(x: str, y: str) -> int:
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        current = [i]
        for j, cy in enumerate(y, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (cx != cy)))
        previous = current
    return previous[-1]


def match_numbers(doc: Document, settings: LinkSettings) -> dict:
    """Set ``bead`` and ``match`` on every number, flag beads, return the counts.

    Passes, most certain first:
    1. equal values inside a bead;
    2. the other end of a range: 一月到八月份 has two numbers, "January to August" one;
    3. equal values in a bead one away, or two away for numbers of three or more significant
       digits, which do not recur by chance (an alignment boundary off by a sentence or two;
       counted as ``cross_bead``);
    4. inside a bead, a garbled number (one edit apart: OCR 10.41 vs 100.41), or, in it or a
       bead one away, one number read as two (五十万另七千 as "500,000 and 7,000"); both
       are counted as ``mismatch``.
    """
    src, tgt = doc.src_lang, doc.tgt_lang
    numbers = doc.numbers
    by_sentence = defaultdict(list)
    for i, number in enumerate(numbers):
        number.bead, number.match = None, None
        by_sentence[number.lang, number.sentence].append(i)
    sides = []
    for b, bead in enumerate(doc.beads):
        left = [i for s in bead.src for i in by_sentence[src, s]]
        right = [i for s in bead.tgt for i in by_sentence[tgt, s]]
        for i in left + right:
            numbers[i].bead = b
        sides.append((left, right))
    for left, right in sides:
        _pair_up(numbers, left, right, same_value)
        _second_ends(numbers, left, right)
        _second_ends(numbers, right, left)
    for b, (left, _) in enumerate(sides):
        for other in (b + 1, b - 1, b + 2, b - 2):
            if 0 <= other < len(sides):
                reach = abs(other - b)
                _pair_up(numbers, [i for i in left if reach == 1 or _distinctive(numbers[i])],
                         sides[other][1], same_value)
    for b, (left, right) in enumerate(sides):
        _pair_up(numbers, left, right, lambda x, y: garbled(x, y, settings.mismatch_edits))
        for other in (b, b + 1, b - 1):
            if 0 <= other < len(sides):
                _split(numbers, left, sides[other][1])
    completed = completed_dates(numbers)
    for b, (left, right) in enumerate(sides):
        wrong = [i for i in left + right if numbers[i].match is not None
                 and not same_value(numbers[i], numbers[numbers[i].match])]
        _flag(doc.beads[b].flags, "number_mismatch", len(wrong))
        _flag(doc.beads[b].flags, "number_missing",
              sum(numbers[i].match is None and i not in completed for i in left + right))
    return _counts(numbers, src, tgt, completed)


def completed_dates(numbers: list[Number]) -> set[int]:
    """Indexes of unmatched years and months that stand next to a matched day of the same
    sentence: the translation completed a date (a dateline's 二日 → "January 2nd")."""
    days = [n for n in numbers if n.unit == "day" and n.match is not None]
    return {index for index, number in enumerate(numbers)
            if number.match is None and number.unit in DATE_PARTS
            and any(day.lang == number.lang and day.sentence == number.sentence
                    and (0 <= day.start - number.end <= DATE_GAP
                         or 0 <= number.start - day.end <= DATE_GAP) for day in days)}


def _counts(numbers: list[Number], src: str, tgt: str, completed: set[int]) -> dict:
    counts = {src: 0, f"{src}_matched": 0, tgt: 0, f"{tgt}_matched": 0, "cross_bead": 0,
              "mismatch": 0, "missing": 0}
    for index, number in enumerate(numbers):
        if number.bead is None:
            continue
        counts[number.lang] += 1
        if number.match is None:
            counts["missing"] += index not in completed
            continue
        partner = numbers[number.match]
        if not same_value(number, partner):
            counts["mismatch"] += number.lang == src
        else:
            counts[f"{number.lang}_matched"] += 1
            counts["cross_bead"] += number.lang == src and partner.bead != number.bead
    return counts


def _distinctive(number: Number) -> bool:
    return len(digits_of(number.value)) >= 3


def _pair_up(numbers: list[Number], left: list[int], right: list[int], agree) -> None:
    """Greedy in text order over the unmatched; among agreeing candidates prefer the same
    unit, then the first."""
    for i in left:
        if numbers[i].match is not None:
            continue
        candidates = [j for j in right
                      if numbers[j].match is None and agree(numbers[i], numbers[j])]
        if candidates:
            j = min(candidates, key=lambda j: (numbers[j].unit != numbers[i].unit, j))
            numbers[i].match, numbers[j].match = j, i


def _second_ends(numbers: list[Number], singles: list[int], ranges: list[int]) -> None:
    """A range already matched at one end takes the single number equal to its other end."""
    for i in singles:
        if numbers[i].match is not None:
            continue
        for j in ranges:
            partner = numbers[j].match
            if (numbers[j].high is not None and partner is not None
                    and same_value(numbers[i], numbers[j])
                    and not math.isclose(numbers[i].value, numbers[partner].value)):
                numbers[i].match = j
                break


def _split(numbers: list[Number], left: list[int], right: list[int]) -> None:
    """One number translated as two that add up to it: 五十万另七千 -> 500,000 and 7,000."""
    free = lambda ids: [i for i in ids if numbers[i].match is None]
    for i in free(left):
        for a, j in enumerate(free(right)):
            for k in free(right)[a + 1:]:
                if (numbers[j].unit == numbers[k].unit == numbers[i].unit and numbers[i].unit
                        and math.isclose(numbers[j].value + numbers[k].value, numbers[i].value)):
                    numbers[i].match, numbers[j].match, numbers[k].match = j, i, i
                    break
            if numbers[i].match is not None:
                break


def _flag(flags: list[str], flag: str, count: int) -> None:
    if count and flag not in flags:
        flags.append(flag)
