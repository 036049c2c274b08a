"""Chinese numbers in running text, normalised to values, units and modifiers.

Covers the writing of the period: Chinese numerals with ○/〇 for zero and 另 for 零,
· or 点 as decimal point, 廿 and 卅, 两, 万 and 亿 (cn2an knows none of the first four, so
the numeral reader is written here); digit strings (一九五五, 一○六·二九); Arabic and
full-width digits with full-width commas (6，000瓩); 百分之, ％; 倍; ranges (二十或三十亿,
八、九亩, 七十到八十); modifiers before (将近, 约, 不到) and after (多, 余, 左右, 以上).
Calendar dates (一九五五年, 十二月, 二十八日) come out with kind ``date``.

A bare 一 is kept only before a measuring unit: 一个, 一定, 统一 and the like are words,
not quantities, and their English is an article or nothing.
"""
from __future__ import annotations

import re

from pipeline.extract.quantity import Quantity
from pipeline.extract.units import (ZH_CLASSIFIERS, ZH_MEASURES, ZH_TIME_UNITS, ZH_UNITS,
                                    longest_prefix)

DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "另": 0, "一": 1, "二": 2, "两": 2, "三": 3,
          "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 1e4, "亿": 1e8}
ABBREVIATED_TENS = {"廿": "二十", "卅": "三十"}
ZH_DIGIT_CHARS = "".join(DIGITS) + "廿卅"
NUMERAL_CHARS = ZH_DIGIT_CHARS + "十百千万亿"
FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

# 101，2％: OCR read a decimal point as a comma when one or two digits follow it.
_ARABIC = r"\d+[,，]\d{1,2}(?=[%％])|\d+(?:[,，]\d{3})*(?:[.·]\d+)?"
_CHINESE = rf"(?!另)[{NUMERAL_CHARS}]+(?:[点·][{''.join(DIGITS)}]+)?"
# 多/余 inside a numeral, before its 万/亿: 二十多万, 二亿五千多万.
_NUMERAL = rf"(?:{_ARABIC}|{_CHINESE})(?:[多余][万亿]+)?[万亿]*"
_CONNECTOR = r"(?:或|到|至|、|—|－|～|~)"  # not '-': 1950-01-03 is a date, not a range
NUMERAL_RE = re.compile(
    rf"(?P<pct>百分之)?(?P<low>{_NUMERAL})"
    rf"(?:(?P<conn>{_CONNECTOR})(?:百分之)?(?P<high>{_NUMERAL}))?")

_ONE_TO_NINE = "一二三四五六七八九"
APPROXIMATE_RE = re.compile(
    rf"(十?)([{_ONE_TO_NINE}])([两{_ONE_TO_NINE[1:]}])([十百千万亿]*)")
# A one-character prefix only counts when it is not the end of a word (节约, 最近).
NOT_BEFORE = {"约": "节签条契制预邀公合和", "近": "最附将接邻靠亲"}
PREFIX_COMPARATORS = {"将近": "nearly", "接近": "nearly", "近": "nearly", "大约": "about",
                      "约": "about", "不到": "less_than", "不足": "less_than",
                      "超过": "more_than", "至少": "at_least",
                      # a negated bound: 一般不超过五人 is at most five, 不少于 at least
                      "不超过": "less_than", "不多于": "less_than", "不高于": "less_than",
                      "不少于": "at_least", "不低于": "at_least"}
SUFFIX_COMPARATORS = {"左右": "about", "上下": "about", "以上": "more_than",
                      "以下": "less_than", "多": "more_than", "余": "more_than"}
# Words made of numeral characters that are not quantities.
LEXICAL = ("十分", "万分", "万一", "千百万", "千万", "万能", "千方百计", "百般", "一律", "一点一点",
           "三三两两", "一五一十", "七上八下", "乱七八糟", "九九")
INCREASE_VERBS = ("增加", "提高", "增长", "增产", "扩大", "上升", "超过")


def chinese_numeral_value(numeral: str) -> float:
    """Value of a numeral such as 三十二万零五百九十三, 一九五五, 一○六·二九 or 1,2万.

    Raises ValueError when the characters do not form a numeral.
    """
    text = numeral.translate(FULL_WIDTH).replace("，", ",")
    for short, full in ABBREVIATED_TENS.items():
        text = text.replace(short, full)
    multiplier = 1.0
    # 1,2万 and 一○六·二九亿 / 三点五万: a trailing 万/亿 scales a digit or decimal numeral.
    while text and text[-1] in BIG_UNITS and any(c.isdigit() or c in "·点" for c in text):
        multiplier *= BIG_UNITS[text[-1]]
        text = text[:-1]
    if re.fullmatch(r"\d+(?:,\d{3})*(?:[.·]\d+)?|\d+,\d{1,2}", text):
        return _arabic_value(text) * multiplier
    whole, _, fraction = text.replace("·", "点").partition("点")
    value = _integer_value(whole) if whole else 0.0
    if fraction:
        value += float("0." + _digit_string(fraction))
    return value * multiplier


def is_approximate(numeral: str) -> bool:
    """Two neighbouring digits say "this or the next": 五六 5–6, 十七八 17–18, 七八十 70–80,
    一二十 10–20, 三四百万 3–4 million, 一两 1–2."""
    match = APPROXIMATE_RE.fullmatch(numeral)
    return bool(match) and DIGITS[match.group(3)] == DIGITS[match.group(2)] + 1


def approximate_range(numeral: str) -> tuple[float, float]:
    ten, first, second, units = APPROXIMATE_RE.fullmatch(numeral).groups()
    return (chinese_numeral_value(ten + first + units),
            chinese_numeral_value(ten + second.replace("两", "二") + units))


def _arabic_value(text: str) -> float:
    if re.fullmatch(r"\d+,\d{1,2}", text):
        return float(text.replace(",", "."))
    return float(text.replace(",", "").replace("·", "."))


def _digit_string(text: str) -> str:
    if any(ch not in DIGITS or ch == "两" for ch in text):
        raise ValueError(text)
    return "".join(str(DIGITS[ch]) for ch in text)


def _integer_value(text: str) -> float:
    """Chinese integer with or without place units; a run of digits reads digit by digit."""
    if text in SMALL_UNITS or text in BIG_UNITS:  # 万斤: a round ten thousand
        return {**SMALL_UNITS, **BIG_UNITS}[text]
    if not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in text):
        return float(_digit_string(text)) if len(text) > 1 else float(DIGITS[text])
    total, section, digit = 0.0, 0.0, None
    last_unit = None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
            if ch in "零〇○Ｏ另":
                last_unit = None  # 三十二万零五: the 5 is units, not 5000
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit, last_unit = None, SMALL_UNITS[ch]
        elif ch == "万":
            total += (section + (digit or 0)) * 1e4
            section, digit, last_unit = 0.0, None, 1e4
        elif ch == "亿":
            total = (total + section + (digit or 0)) * 1e8
            section, digit, last_unit = 0.0, None, 1e8
        else:
            raise ValueError(text)
    if digit is not None:
        # 二万五 / 一千二 / 三十五: a last digit after a unit is one place below it.
        section += digit * (last_unit / 10 if last_unit and last_unit >= 100 else 1)
    return total + section


# 半数, 一半, 三分之二, 千分之五, 增产两成: shares written as words, fractions or tenths,
# read as percentages. 成 counts tenths only after a verb of change or share, or before
# 以上/左右 (增产两成, 多缴三成, 增长一成半, 占七成以上), never in 完成, 成为, 成立.
FRACTION_RE = re.compile(
    r"(?P<half>半数|一半)|(?P<den>[二三四五六七八九十百千])分之(?P<num>[一二三四五六七八九十]+)"
    r"|(?:(?<=增产|减产|增加|减少|提高|降低|增长|增收)|(?<=增产了|减产了|增加了|减少了|提高了|降低了|增长了)"
    r"|(?<=多[缴收产打种交])|(?<=[占达约到至]))"
    r"(?P<tenths>[一二三四五六七八九两])成(?P<and_half>半)?"
    r"(?![为立功绩本员果就熟效品交长型])"
    r"|(?P<tenths2>[一二三四五六七八九两])成(?=以上|左右|多)")
INDEX_BASE = re.compile(r"以[^，；。]{1,30}?为(?P<base>一[○〇零]{2}|100|一百)(?![\d○〇零一二三四五六七八九十百千万])")
# A counted thing that is a person: 七个学员 and 一百多个劳力 count people.
PERSON_WORDS = re.compile(
    r"^[^，；。、的和与及]{0,8}?(?:人员|职工|工人|农民|干部|劳力|劳动力|儿童|妇女|青年|学员|学生|代表|战士"
    r"|社员|党员|团员|会员|队员|教师|医生|私商|商贩|小贩|菜农|病人|患者|群众|居民|士兵|军人|专家|工程师"
    r"|技术人员|牧民|渔民|灾民|同志|学徒)")


def find_chinese_numbers(text: str) -> list[Quantity]:
    """Every quantity, percentage, multiple and date in one sentence, in text order."""
    found = []
    for match in NUMERAL_RE.finditer(text):
        quantity = _read_match(text, match)
        if quantity is not None:
            found.append(quantity)
    taken = [(q.start, q.end) for q in found]
    for match in FRACTION_RE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if match.group("half"):
            value = 50.0
        elif match.group("tenths") or match.group("tenths2"):
            value = 10.0 * DIGITS[match.group("tenths") or match.group("tenths2")] \
                + (5.0 if match.group("and_half") else 0.0)  # 增长一成半: 15%
        else:
            try:
                value = 100 * chinese_numeral_value(match.group("num")) / \
                    chinese_numeral_value(match.group("den"))
            except (ValueError, ZeroDivisionError):
                continue
        suffix = longest_prefix(text[match.end():], SUFFIX_COMPARATORS)  # 四分之一左右, 三成多
        comparator = SUFFIX_COMPARATORS[suffix] if suffix else None
        end = match.end() + (len(suffix) if suffix else 0)
        found.append(Quantity(match.start(), end, value, "%", "percent", None, comparator))
    found = _joined_ranges(text, sorted(found, key=lambda q: q.start))
    base = INDEX_BASE.search(text)
    if base:  # 以九月的产量为一○○，十月份…纸浆一○六·二九: an index is a percentage of its base
        for quantity in found:
            if quantity.start >= base.start("base") and quantity.unit is None \
                    and quantity.kind == "level":
                quantity.unit = "%"
    return sorted(found, key=lambda q: q.start)


# 20％到30％, 五百斤至六百斤: a range whose ends each carry the unit; 由/从 before the first
# end makes it a change instead (由40％增加到96％, 从一百人到二百人).
RANGE_JOIN = re.compile(r"(?:到|至|—|－|～|~)")
CHANGE_START = re.compile(r"[由从自][^，；。]{0,8}$")


def _joined_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    for q in found:
        low = out[-1] if out else None
        if low is not None and RANGE_JOIN.fullmatch(text[low.end:q.start]) \
                and low.kind == q.kind and low.kind in ("level", "percent") and low.unit == q.unit \
                and low.high is None and q.high is None and low.comparator is None \
                and q.value > low.value and not CHANGE_START.search(text[:low.start]):
            out[-1] = Quantity(low.start, q.end, low.value, q.unit, q.kind, q.value, q.comparator)
            continue
        out.append(q)
    return out


def _read_match(text: str, match: re.Match) -> Quantity | None:
    start = match.start()
    low_text, high_text = match.group("low"), match.group("high")
    if _is_ordinal_or_word(text, match.start("low"), low_text):
        return None
    if _ends_inside_unit(text, match):
        return _read_match(text, NUMERAL_RE.match(text, start, match.end() - 1))
    if high_text and not _is_range(match):
        return _read_match(text, NUMERAL_RE.match(text, start, match.end("low")))
    if low_text.endswith("两") and len(low_text) > 1 and low_text != "一两":
        return _read_match(text, NUMERAL_RE.match(text, start, match.end("low") - 1))  # 二十两
    try:
        if not high_text and is_approximate(_strip_approx(low_text)):
            low, high = approximate_range(_strip_approx(low_text))
        else:
            low, high = chinese_numeral_value(_strip_approx(low_text)), None
        if high_text:
            high = chinese_numeral_value(_strip_approx(high_text))
    except ValueError:
        return None
    if high_text:
        low = _share_multiplier(low_text, high_text, low)
    comparator = "more_than" if re.search(r"[多余]", low_text + (high_text or "")) else None
    end = match.end()
    if text[end:end + 1] in ("多", "余"):
        comparator = "more_than"
    if match.group("pct"):
        unit, kind, scale, length = "%", "percent", 1.0, 0
    else:
        unit, kind, scale, length = _read_unit(text, end, low, low_text)
        if kind is None:
            return None
    end += length
    if unit == "times" and text[end:end + 1] in ("多", "余"):  # 增长一倍多, 翻一番多
        comparator, end = "more_than", end + 1
    suffix = longest_prefix(text[end:], SUFFIX_COMPARATORS)
    if suffix and suffix not in ("多", "余") and kind != "date":
        comparator, end = SUFFIX_COMPARATORS[suffix], end + len(suffix)
    prefix = _prefix_comparator(text, start)
    if prefix:
        comparator = PREFIX_COMPARATORS[prefix]
        start -= len(prefix)
    if kind == "multiple" and text[max(0, start - 4):start].rstrip("了").endswith(INCREASE_VERBS):
        kind = "increase_by"
    if _is_bare_one(low_text, high_text, unit, kind):
        return None
    return Quantity(start, end, low * scale, unit, kind,
                    high * scale if high is not None else None, comparator)


def _ends_inside_unit(text: str, match: re.Match) -> bool:
    """一万五千千伏安: the last 千 starts the unit 千伏安."""
    last = match.end() - 1
    return (match.end() - match.start() > 1 and text[last] in SMALL_UNITS
            and longest_prefix(text[last:], ZH_UNITS) is not None)


def _strip_approx(numeral: str) -> str:
    return re.sub(r"[多余](?=[万亿])", "", numeral)


def _is_ordinal_or_word(text: str, start: int, numeral: str) -> bool:
    before = text[max(0, start - 1):start]
    if before in ("第", "初", "星", "周"):
        return True
    if numeral in ("万", "亿", "千", "百"):  # 亩产万斤, 超过千斤: a round figure of a measure
        follows = text[start + 1:start + 2]
        if re.match(r"[人户]", follows) and before and before in "近约达有过":
            return False  # 近万人, 达万户
        return not re.match(r"[斤担吨元亩](?!顶)", follows) or before in "几数成上每"

    after = text[start + len(numeral):start + len(numeral) + 1]
    if any(ch.isascii() and ch.isalpha() for ch in before + after) or after == "型":
        return True  # 1A62型, 1330型: model names
    window = text[start:start + 4]
    return any(window.startswith(word) for word in LEXICAL) or (
        numeral == "一" and before in ("统", "唯", "同", "之", "进"))


def _is_range(match: re.Match) -> bool:
    """八、九亩 and 二十或三十亿 are ranges; 一、二、三 lists and 十日到二十日 are not."""
    low_text, high_text, conn = match.group("low"), match.group("high"), match.group("conn")
    if conn == "、":
        try:
            low = chinese_numeral_value(low_text)
            high = chinese_numeral_value(high_text)
        except ValueError:
            return False
        # 八、九百万斤: the multiplier written once belongs to both ends
        return high - low == 1 and len(low_text) == len(high_text) == 1 or (
            len(low_text) == 1 and re.fullmatch(r"[一二三四五六七八九][十百千万亿]+", high_text) is not None
            and DIGITS.get(high_text[0], -1) - DIGITS.get(low_text, -9) == 1)
    return True


def _share_multiplier(low_text: str, high_text: str, low: float) -> float:
    """二十或三十亿, 八、九百万: the multiplier written once belongs to both ends."""
    if len(low_text) == 1 and low_text in DIGITS and re.fullmatch(r"[一二三四五六七八九][十百千万亿]+", high_text):
        return low * chinese_numeral_value("一" + high_text[1:])
    for unit, factor in (("亿", 1e8), ("万", 1e4)):
        if high_text.endswith(unit) and not low_text.endswith(unit):
            return low * factor
    return low


def _read_unit(text: str, end: int, value: float, numeral: str):
    """``(unit, kind, scale, length)`` from what follows a numeral; kind None rejects it."""
    rest = text[end:].lstrip("多余")
    skipped = len(text[end:]) - len(rest)
    if rest.startswith(("%", "％")):
        return "%", "percent", 1.0, skipped + 1
    if rest.startswith("倍半") and value:  # 一倍半: one and a half times
        return "times", "multiple", (value + 0.5) / value, skipped + 2
    if rest.startswith("倍"):
        return "times", "multiple", 1.0, skipped + 1
    if rest.startswith("番") and text[:end - len(numeral)].endswith("翻"):
        return "times", "multiple", 1.0, skipped + 1  # 翻一番: doubled, as 增长一倍
    if rest.startswith(("年计划", "年代", "年级")):
        return None, None, 1.0, 0  # 五年计划 is a period's name; 五○年代 a decade
    after_hours = text[:end - len(numeral)].endswith("时")
    if rest.startswith("分") and not rest.startswith("分之") and after_hours:
        return "minute", "duration", 1.0, skipped + 1  # 二小时五十分
    time_unit = longest_prefix(rest, ZH_TIME_UNITS)
    if time_unit:
        return _time_unit(time_unit, value, numeral, skipped, rest)
    unit = longest_prefix(rest, ZH_UNITS)
    if unit:
        canon, scale = ZH_UNITS[unit]
        return canon, "level", scale, skipped + len(unit)
    classifier = longest_prefix(rest, ZH_CLASSIFIERS)
    if classifier:
        person = classifier in ("个", "名") and PERSON_WORDS.match(rest[len(classifier):])
        return "people" if person else None, "level", 1.0, skipped + len(classifier)
    if re.search(r"\d", numeral) or len(numeral) > 1:  # 六千多万农民: people without a classifier
        return "people" if PERSON_WORDS.match(rest) else None, "level", 1.0, 0
    return None, None, 1.0, 0


def _time_unit(written: str, value: float, numeral: str, skipped: int, rest: str):
    unit = ZH_TIME_UNITS[written]
    length = skipped + len(written)
    if unit == "year" and (value >= 1000 and value == int(value)):
        return "year", "date", 1.0, length
    if unit == "month" and written == "月" and 1 <= value <= 12 and value == int(value):
        if rest[len(written):].startswith("份"):
            length += 1
        return "month", "date", 1.0, length
    if unit == "day" and written == "日" and 1 <= value <= 31 and value == int(value):
        return "day", "date", 1.0, length
    return unit, "duration", 1.0, length


def _prefix_comparator(text: str, start: int) -> str | None:
    before = text[max(0, start - 3):start]
    for word in sorted(PREFIX_COMPARATORS, key=len, reverse=True):
        if before.endswith(word):
            if word in NOT_BEFORE and start >= 2 and text[start - 2] in NOT_BEFORE[word]:
                continue
            return word
    return None


def _is_bare_one(low_text: str, high_text: str | None, unit: str | None, kind: str) -> bool:
    """一 on its own before a classifier or a time span is an article, not a number."""
    return (low_text == "一" and not high_text and kind not in ("date", "percent")
            and unit not in ZH_MEASURES | {"times"})
