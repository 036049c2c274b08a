"""What a Chinese number is about: indicator, kind, time and status, from the clause.

There is no Chinese parser in the pipeline, so the reading is positional, which suits the
topic-first newspaper sentence: the indicator is the topic before the first verb of the
clause (总产值计划 预计可以完成 101％), else what stands between the last verb and the number
(要求明年 产粮 二百八十亿斤), else the thing counted after it (十三万五千四百十三个 社).
"""
from __future__ import annotations

import re

from pipeline.extract.numbers_zh import chinese_numeral_value
from pipeline.extract.quantity import TimePhrase

_NUM = r"[○〇零一二三四五六七八九十\d]"
TIME_RE = re.compile(
    rf"(?P<prep>到|至|截至|在|于)?(?P<time>(?:{_NUM}{{4}}年|明年|今年|去年|本年|今冬|今秋|今春|明春)"
    rf"(?:{_NUM}{{1,2}}月份?)?(?:底|末|以前|以后|前|上半年|下半年|春耕以前|春耕前)?"
    rf"|第[一二三四五]个五年计划(?:期间|时期|内)?|年底|年终)")
DEADLINE_PREPS = {"到", "至", "截至"}
PLAN_RE = re.compile(r"规划|预计|争取|力争|要求|指标|计划(?:在|到|要|于)|确定|准备|可望|保证"
                     r"|(?<![主需重必只])要(?!求)|(?<!即)将(?!近)")
VERB_MARKERS = ("已经", "已", "将", "要", "可以", "可", "由", "从", "比", "达到", "达",
                "增加", "提高", "发展", "完成", "占", "为", "是", "共有", "有", "共", "约",
                "增长", "降低", "减少", "超过", "平均", "预计", "计划", "都", "也", "还")
LEADING = re.compile(r"^(?:【[^】]*】|其中|例如|如|并且|并|而且|而|同时|此外|另外|目前|现在|据|根据"
                     r"|但是|但|可是|然而|不过)+")
# An aside inside the clause: 工业生产总值据不完全统计还比1954年增长54％.
ASIDE = re.compile(r"据[^，；。]{0,8}?统计")
COUNTED_END = re.compile(rf"[{re.escape('，；。：！？,;:（）()“”、和与及的')}]|"
                         r"提前|超额|完成|建立|参加|获得|进行|已|都|也|还|在|是|有")
CLAUSE_BREAK = "，；。：！？,;:（）()“”"
THOUSANDS_COMMA = re.compile(r"[0-9０-９][，,][0-9０-９]{3}(?![0-9０-９])")
INCREASE_BY = re.compile(r"(?:增加|提高|增长|增产|扩大|上升|超额)了?(?:将近|近|约)?$")
DECREASE_BY = re.compile(r"(?:降低|减少|下降|缩小|节约)了?(?:将近|近|约)?$")
INCREASE_TO = re.compile(r"(?:增加|提高|发展|增长|上升|扩大|降低|减少|下降)(?:到|至)(?:了)?$|达到$|增至$")


def time_phrases(text: str, doc_year: int | None) -> list[TimePhrase]:
    out = []
    for match in TIME_RE.finditer(text):
        prep = match.group("prep") or ""
        deadline = prep in DEADLINE_PREPS
        shown = match.group(0) if deadline else match.group("time")
        start = match.start() if deadline else match.start("time")
        out.append(TimePhrase(start, match.end(), shown, deadline,
                              _years(match.group("time"), doc_year)))
    return out


def _years(time: str, doc_year: int | None) -> list[int]:
    written = re.match(rf"{_NUM}{{4}}(?=年)", time)
    if written:
        return [int(chinese_numeral_value(written.group(0)))]
    if doc_year and time.startswith(("明年", "明春")):
        return [doc_year + 1]
    if doc_year and time.startswith(("今年", "本年", "今冬", "今秋", "今春")):
        return [doc_year]
    return []


def choose_time(text: str, number_start: int, phrases: list[TimePhrase]) -> TimePhrase | None:
    """The nearest phrase before the number in its part of the sentence (up to '；'), else
    the nearest one after it."""
    part_start = text.rfind("；", 0, number_start) + 1
    before = [p for p in phrases if part_start <= p.start and p.end <= number_start]
    if before:
        return before[-1]
    after = [p for p in phrases
             if p.start >= number_start and "；" not in text[number_start:p.start]]
    return after[0] if after else None


def indicator(text: str, start: int, end: int, phrases: list[TimePhrase],
              counted: bool = False) -> str | None:
    """``counted``: the number ends in a classifier (四十八个), so the noun after it, when
    there is one, is what is counted (四十八个 国营和地方国营工厂)."""
    after = COUNTED_END.split(text[end:], maxsplit=1)[0][:10]  # the words after the number
    if counted and len(after) >= 2:
        return after
    clause_start = _clause_start(text, start)
    found = _topic(text, clause_start, start, phrases)
    if found is None and clause_start == start and len(after) >= 2:
        return after.removesuffix("等")  # a list item opening with its number: 6，000瓩锅炉
    if found is None and clause_start > 1:  # 电力的新增生产能力，超额完成12，800瓩
        previous = _clause_start(text, clause_start - 1)
        found = _topic(text, previous, clause_start - 1, phrases)
    return found or after or None


def _clause_start(text: str, before: int, breaks: str = CLAUSE_BREAK) -> int:
    """Where the clause holding position ``before`` starts: after the last break character,
    where a comma between digits (6，000, the papers' thousands separator) is no break."""
    for match in reversed(list(re.finditer(f"[{re.escape(breaks)}]", text[:before]))):
        if not THOUSANDS_COMMA.match(text, match.start() - 1):
            return match.end()
    return 0


def _topic(text: str, clause_start: int, start: int, phrases: list[TimePhrase]) -> str | None:
    clause = text[clause_start:start]
    for phrase in phrases:
        if clause_start <= phrase.start < start:
            clause = clause.replace(text[phrase.start:phrase.end], "")
    clause = LEADING.sub("", ASIDE.sub("", clause).strip(" 　"))
    clause = clause.split("等")[-1] if "、" in clause else clause  # 冶炼、水泵…等: a list
    positions = [clause.find(m) for m in VERB_MARKERS if clause.find(m) > 0]
    topic = (clause[:min(positions)] if positions else clause).strip("的了在 　")
    if len(topic) >= 2 and not re.fullmatch(rf"{_NUM}+", topic) and not COUNTED_END.match(topic):
        return topic
    tail = re.split("|".join(VERB_MARKERS), clause)[-1].strip("的了到 　") if clause else ""
    if tail and not COUNTED_END.match(tail):
        return tail
    return None


def kind(text: str, start: int, number_kind: str, unit: str | None) -> tuple[str, int]:
    if number_kind in ("multiple", "increase_by"):
        return "multiple", 1
    before = text[max(0, start - 8):start]
    if INCREASE_TO.search(before):
        return "increase_to", 1
    if INCREASE_BY.search(before):
        return "increase_by", 1
    if DECREASE_BY.search(before):
        return "increase_by", -1
    clause_start = _clause_start(text, start, "，；。")
    if unit == "%" and re.search(r"占|完成.*计划|计划", text[clause_start:start]):
        return "share", 1
    return "level", 1


def is_planned(text: str, start: int) -> bool:
    return bool(PLAN_RE.search(text[:start]))


def read_facts(doc, context) -> list:
    """Fact readings of the Chinese side's numbers (see ``quantity.FactReading``)."""
    from pipeline.extract.quantity import FactReading, numbers_by_sentence
    from pipeline.extract.spans import SourceMap
    from pipeline.extract.units import ZH_CLASSIFIERS

    source = SourceMap(doc, "zh")
    candidates = numbers_by_sentence(doc, "zh")
    out = []
    for sentence in doc.side("zh"):
        text = sentence.text
        phrases = time_phrases(text, context.year)
        for i in candidates.get(sentence.index, []):
            number = doc.numbers[i]
            start = source.relative(sentence, number.start)
            end = start + len(number.text)
            time = choose_time(text, start, phrases)
            kind_, sign = kind(text, start, number.kind, number.unit)
            planned = is_planned(text, start) or bool(
                time and time.deadline and context.year and any(y > context.year for y in time.years))
            counted = number.unit is None and number.text[-1:] in ZH_CLASSIFIERS
            years = time.years if time else []
            out.append(FactReading(i, indicator(text, start, end, phrases, counted) or "", kind_,
                                   sign, "planned" if planned else "achieved",
                                   str(years[-1]) if years else None,
                                   time.text if time else None, number.comparator, number.high))
    return out
