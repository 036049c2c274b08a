"""English numbers in running text, normalised to the same values and units as Chinese.

Digits (6,000; 0.71; 1.9 million), number words (twenty-four; one hundred and twenty) and
mixtures (900 thousand), percentages (37%, 37 percent, "half of the farmers", "two-thirds
of"), multiples (doubled, tenfold,
nearly twofold), ranges (four or five catties; 70% to 80%), modifiers (more than, nearly,
about, at least, or more) and calendar dates (December 30th, the 28th, 1955) as kind
``date``. "One" alone is an article more often than a count and is kept only before a
measuring unit, as 一 is in ``numbers_zh``.
"""
from __future__ import annotations

import re

from pipeline.extract.quantity import Quantity
from pipeline.extract.units import EN_UNITS, ZH_MEASURES

SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1e3, "myriad": 1e4, "million": 1e6, "billion": 1e9,
          "trillion": 1e12}
MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December"
    .split())}
# Only verb forms: "double" alone is mostly an adjective (double-wheeled ploughs), "twice"
# mostly how often ("twice a month"); both are multiples before what they multiply
# ("double that of last spring", "twice as much as").
MULTIPLE_VERBS = {"doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}
MULTIPLE_WORDS = {"double": 2, "twice": 2, "triple": 3, "treble": 3}

_SMALL = "|".join(sorted(SMALL, key=len, reverse=True))
_ONES = "|".join(list(SMALL)[1:10])
_UNDER_100 = rf"(?:(?:{'|'.join(TENS)})(?:-(?:{_ONES}))?|{_SMALL})(?:\b|(?=fold))"
# "one hundred and twenty", never "ten eight" (ten eight-foot lathes is two numbers).
_WORDS = rf"{_UNDER_100}(?:\s+hundred\b(?:\s+and)?(?:\s+{_UNDER_100})?)?"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "45 ten thousand mu": 万 translated word by word is a scale of its own after digits.
_SCALE = (r"(?:(?<=\d)(?<!1[6-9]\d\d)(?<!20\d\d)\s+ten\s+thousand\b)?"
          r"(?:\s+(?:hundred|thousand|million|billion|trillion))*")
# "two and a half times", "one and a half million": a half added to a whole number
_CORE = rf"(?:{_DIGITS}|{_WORDS})(?:\s+and\s+a\s+half\b)?{_SCALE}"
_PERCENT = r"\s*(?:%|percent\b|per cent\b)"
_MONTH = "|".join(MONTHS)

NUMBER_RE = re.compile(
    rf"(?P<month>\b(?:{_MONTH})\b)(?:\s+to\s+(?P<month2>{_MONTH})\b"
    rf"|\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:\s*[–—-]\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)?)?"  # March 2 – 9
    rf"|\b(?P<verb>{'|'.join(MULTIPLE_VERBS)})\b"
    rf"|\b(?P<mult>{'|'.join(MULTIPLE_WORDS)})(?=\s+(?:that|those)\s+(?:of|in)\b"
    rf"|\s+the\s+(?:[a-z]+\s+){{1,2}}(?:of|in)\b"
    rf"|\s+as\s+(?:much|many|high|large|great|fast)\b)"
    rf"|\bNo\.\s*\d+\b|\b\d{{1,2}}:\d\d\b"  # names (No. 5 blast furnace) and clock times
    rf"|(?:^|(?<=[:;]\s))\d{{1,2}}\.(?=\s|$)"  # list markers: "experiences: 1."
    rf"|(?<![\w.,-])(?P<low>{_CORE})(?P<ordinal>st|nd|rd|th)?(?P<lowpct>{_PERCENT})?"
    rf"(?:(?P<conn>\s+to\s+|\s+or\s+|\s*[–—]\s*|-(?=\d))(?P<high>{_CORE})(?P<highpct>{_PERCENT})?)?"
    rf"(?P<fold>[- ]?fold\b|\s+times\b)?(?![\w-]*\d)", re.IGNORECASE)

DAY_LEADS = {"the", "to", "and", "from", "through", "till", "until", "on"}
PREFIX_COMPARATORS = {"more than": "more_than", "over": "more_than", "above": "more_than",
                      "exceeding": "more_than", "exceed": "more_than", "exceeds": "more_than",
                      "exceeded": "more_than", "upwards of": "more_than",
                      "in excess of": "more_than", "no less than": "at_least",
                      "not less than": "at_least", "nearly": "nearly", "almost": "nearly",
                      "close to": "nearly", "about": "about", "approximately": "about",
                      "around": "about", "roughly": "about", "some": "about",
                      "at least": "at_least", "less than": "less_than",
                      "fewer than": "less_than", "under": "less_than", "below": "less_than",
                      "up to": "at_most", "not more than": "less_than",
                      "no more than": "less_than", "not exceeding": "less_than",
                      "not over": "less_than", "not exceed": "less_than",
                      "not to exceed": "less_than"}
SUFFIX_COMPARATORS = {"or more": "at_least", "or above": "at_least", "and above": "at_least",
                      "and more": "at_least",
                      "or so": "about"}
INCREASE_RE = re.compile(
    r"\b(?:increas\w*|rais\w*|rise|rose|risen|grow\w*|grew)\b[^,;]{0,40}?\bby\s+$",
    re.IGNORECASE)
_UNIT_KEYS = sorted(EN_UNITS, key=len, reverse=True)
# "45 people's communes" counts communes: a possessive is no unit.
UNIT_RE = re.compile(rf"^(?:-|\s+)(?P<unit>{'|'.join(re.escape(u) for u in _UNIT_KEYS)})\b"
                     rf"(?!['’]s\b)", re.IGNORECASE)


def words_value(text: str) -> float:
    """Value of number words and digits with scales: 'one hundred and twenty', '1.9 million'."""
    total, current = 0.0, 0.0
    text = re.sub(r"(?<=\d)\s+ten\s+thousand\b", " myriad", text.lower().replace(",", ""))
    for token in re.split(r"[\s-]+", text):
        if token in ("", "and", "a"):
            continue  # "one hundred and twenty", "two and a half"
        if token == "half":
            current += 0.5
        elif token in SMALL:
            current += SMALL[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0.0
        else:
            current += float(token)
    return float(f"{total + current:.12g}")  # 2.3 hundred million, not 229999999.99999997


# "more than half of the farmers" is 50% of them (一半, 半数); "the first half of the year",
# "half an hour" and "one and a half" are no share.
HALF_RE = re.compile(
    r"(?<!first )(?<!second )(?<!latter )(?<!former )(?<!last )(?<!a )(?<![\w-])half"
    r"(?=\s+of\s+(?:the|all|them|these|those|its|their)\b(?![^,;.]{0,30}?\b(?:year|month|"
    r"period|century|day|season|quarter|decade)s?\b))", re.IGNORECASE)


# "two-thirds of the cooperatives", "a quarter of the land", "reduced by one-fifth": a
# fraction is a percentage, as 三分之二 is; "a quarter of the year" is a time.
FRACTION_RE = re.compile(
    r"(?P<by>\bby\s+)?(?<![\w-])(?P<n>one|two|three|four|a)[- ](?P<d>third|quarter|fourth|fifth|"
    r"tenth)s?\b(?(by)(?!\s+of\b)|(?=\s+of\s+(?!(?:the|a|this|that)\s+(?:year|month|century|"
    r"day|period)\b)))", re.IGNORECASE)
DENOMINATORS = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}


def find_english_numbers(text: str) -> list[Quantity]:
    """Every quantity, percentage, multiple and date in one sentence, in text order."""
    shares: list[Quantity] = []
    for match in HALF_RE.finditer(text):
        comparator, start = _prefix(text, match.start())
        shares.append(Quantity(start, match.end(), 50.0, "%", "percent", None, comparator))
    for match in FRACTION_RE.finditer(text):
        share = SMALL.get(match.group("n").lower(), 1) / DENOMINATORS[match.group("d").lower()]
        comparator, start = _prefix(text, match.start("n"))
        shares.append(Quantity(start, match.end(), round(100 * share, 2), "%", "percent", None,
                               comparator))
    found = [q for match in NUMBER_RE.finditer(text) for q in _read_match(text, match)
             if not any(q.start < s.end and s.start < q.end for s in shares)]
    return sorted(found + shares, key=lambda q: q.start)


def _read_match(text: str, match: re.Match) -> list[Quantity]:
    if match.group("month"):
        return _read_month(text, match)
    if match.group("verb") or match.group("mult"):
        word = (match.group("verb") or match.group("mult")).lower()
        value = MULTIPLE_VERBS.get(word) or MULTIPLE_WORDS[word]
        comparator, start = _prefix(text, match.start())  # "have more than doubled"
        return [Quantity(start, match.end(), value, "times", "multiple", None, comparator)]
    low_text, high_text = match.group("low"), match.group("high")
    if low_text is None:
        return []
    if re.match(r"[- ]year plan|\s*FYP", text[match.end("low"):], re.IGNORECASE):
        return []  # the Five-Year Plan is a period's name, as 五年计划 is
    if match.group("ordinal"):
        return _read_ordinal(text, match)
    if high_text and (_looks_like_year(low_text, None) != _looks_like_year(high_text, None)
                      or _change_not_range(text, match)):
        # "from 34 in 1951 to 612", "16 million tons in 1965 to 28 million": a year, then the
        # end of a change; "from 12% to 20%", "increased by 20,000 to 150,000": the two ends
        # of a change; never a range.
        low_piece = NUMBER_RE.match(text, match.start(), match.end("lowpct") if
                                    match.group("lowpct") else match.end("low"))
        high_piece = NUMBER_RE.match(text, match.start("high"))
        lows, highs = (_read_match(text, piece) if piece is not None else []
                       for piece in (low_piece, high_piece))
        if len(lows) == len(highs) == 1 and lows[0].unit is None and lows[0].kind == "level" \
                and highs[0].kind in ("level", "percent"):
            # "from 120 to 180 thousand tons": the start is counted in the unit and the
            # scale of the end
            lows[0].unit, lows[0].kind = highs[0].unit, highs[0].kind
            lows[0].value *= _shared_scale(match.group("low"), match.group("high"))
        return lows + highs
    low = words_value(low_text)
    high = words_value(high_text) if high_text else None
    if high is not None:
        low *= _shared_scale(low_text, high_text)  # "2 to 3 billion": both ends in billions
    if high is not None and high <= low:
        return []  # "from 18 to 2": a change, not a range (and the pieces read alone)
    start, end = match.start(), match.end()
    unit, kind = None, "level"
    if match.group("lowpct") or match.group("highpct"):
        unit, kind = "%", "percent"
    elif match.group("fold"):
        unit, kind = "times", "multiple"
    else:
        odd = re.match(r"(?:-|\s+)odd\b", text[end:])  # "3,000-odd households": 余
        end += odd.end() if odd else 0
        unit_match = UNIT_RE.match(text[end:])
        if unit_match:
            unit = EN_UNITS[unit_match.group("unit").lower()]
            end += unit_match.end()
            if unit in ("year", "month", "day", "hour", "minute", "second"):
                kind = "duration"
        elif _looks_like_year(low_text, high_text):
            unit, kind = "year", "date"
    if kind == "multiple" and INCREASE_RE.search(_before_comparator(text, start)):
        kind = "increase_by"
    if low_text.lower() == "one" and not high_text and unit not in ZH_MEASURES | {"%", "times"}:
        return []
    comparator, start = _prefix(text, start)
    comparator = comparator or ("more_than" if kind == "level" and re.match(
        r"(?:-|\s+)odd\b", text[match.end():]) else None)
    suffix = next((s for s in SUFFIX_COMPARATORS if text[end:].lower().startswith(" " + s)), None)
    if suffix:
        comparator, end = SUFFIX_COMPARATORS[suffix], end + 1 + len(suffix)
    if re.match(r"-type\b", text[match.end():]):
        return []  # 1330-type: a model name
    return [Quantity(start, end, low, unit, kind, high, comparator)]


def _read_month(text: str, match: re.Match) -> list[Quantity]:
    name = match.group("month")
    before = text[:match.start()].rstrip()
    if name == "May" and not match.group("day") and (not before or before[-1] in ".:;\"“") \
            or name.islower():
        return []  # the modal verb opening a sentence, or "march" the verb
    month = MONTHS[name.capitalize()]
    if match.group("month2"):  # January to November, as 一到十一月份
        return [Quantity(match.start(), match.end(), month, "month", "date",
                         MONTHS[match.group("month2")])]
    out = [Quantity(match.start("month"), match.end("month"), month, "month", "date")]
    if match.group("day"):
        day2 = match.group("day2")
        out.append(Quantity(match.start("day"), match.end(), float(match.group("day")), "day",
                            "date", float(day2) if day2 else None))
    return out


def _read_ordinal(text: str, match: re.Match) -> list[Quantity]:
    """'the 28th', '16th to 25th', 'Shenyang, 2nd' are days of the month; 'the 3rd
    National Conference' is an ordinal."""
    value = words_value(match.group("low"))
    before = text[:match.start()].rstrip()
    previous = before.split(" ")[-1].lower()
    following = text[match.end():].lstrip()
    if (not re.fullmatch(r"\d{1,2}", match.group("low")) or value > 31
            or not (previous in DAY_LEADS or before.endswith(","))
            or following[:1].isupper()):
        return []
    return [Quantity(match.start(), match.end(), value, "day", "date")]


def _shared_scale(low_text: str, high_text: str) -> float:
    """The scale the upper end lends a bare lower one ("2 to 3 billion": 1e9), else 1."""
    scale = re.search(r"(?:\s+(?:hundred|thousand|million|billion|trillion))+$", high_text)
    if scale and not re.search(r"(?:hundred|thousand|million|billion|trillion)$", low_text,
                               re.IGNORECASE):  # "four or five thousand" too
        return words_value("1" + scale.group(0))
    return 1.0


def _change_not_range(text: str, match: re.Match) -> bool:
    """"from 12% to 20%" and "by 20,000 to 150,000" (the change and the new level, the upper
    one far above the lower) name two quantities."""
    if not re.fullmatch(r"\s+to\s+", match.group("conn")):
        return False
    before = _before_comparator(text, match.start()).lower()
    if re.search(r"\bfrom\s+$", before):
        return not _looks_like_year(match.group("low"), match.group("high"))
    low, high = words_value(match.group("low")), words_value(match.group("high"))
    return bool(re.search(r"\bby\s+$", before)) and high > 3 * low


def _looks_like_year(low_text: str, high_text: str | None) -> bool:
    """1956, or a span of years such as 1953-1957."""
    year = re.compile(r"1[6-9]\d\d|20\d\d")
    return bool(year.fullmatch(low_text)) and (high_text is None or bool(year.fullmatch(high_text)))


def _before_comparator(text: str, start: int) -> str:
    before = text[:start]
    for phrase in PREFIX_COMPARATORS:
        if before.lower().endswith(phrase + " "):
            return before[:-len(phrase) - 1]
    return before


def _prefix(text: str, start: int) -> tuple[str | None, int]:
    before = text[:start].lower()
    for phrase in sorted(PREFIX_COMPARATORS, key=len, reverse=True):
        if re.search(rf"\b{phrase} $", before):
            return PREFIX_COMPARATORS[phrase], start - len(phrase) - 1
    return None, start
