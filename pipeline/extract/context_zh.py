"""Which Chinese numbers are facts, and what each says: indicator, kind, status and time.

The reader works on *passages*: a full sentence of the newspaper, which the segmenter cuts at
'；' and which a headline spreads over several lines. Inside a passage it reads *clauses*
(split at '，；：'; a comma between digits is the papers' thousands separator), because the
genre strings its facts into clause chains that share a subject, a verb, a time and a mood:
要求明年产粮二百八十亿斤，一九五七年产粮三百二十亿斤，比现在增产六十七亿斤.

There is no Chinese parser in the pipeline, so the structure comes from jieba's part-of-speech
tags (which words are verbs and nouns), the measure word after the number, and the function
words of the period's prose: 比 marks a baseline, 由…到 a change, 占 a share, 完成…计划 plan
fulfilment, 其中 and an elided verb a list that inherits its head's reading, 预计/可 a forecast,
计划/要/将/争取 a plan, 已/了 a result. A time is resolved against the article's date and its
topic year (a 1956-01 year-end report speaks of 1955).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.numbers_zh import chinese_numeral_value
from pipeline.extract.quantity import (DocContext, FactReading, TimeMention,
                                       numbers_by_sentence)
from pipeline.extract.spans import SourceMap
from pipeline.extract.units import ZH_CLASSIFIERS, ZH_MEASURES
from pipeline.record import ZH, Document, Number
from pipeline.segment.zh import tag_chinese

# ---------------------------------------------------------------- time

_DIGIT = r"[○〇零一二三四五六七八九\d]"
_SMALL = r"(?:[一二三四五六七八九十]{1,3}|\d{1,2})"
TIME_RE = re.compile(
    rf"(?P<year>{_DIGIT}{{4}}年|今年|本年|去年|上年|前年|明年|今冬|今秋|今春|今夏|明春|去冬|去秋)?"
    rf"(?:(?:{_SMALL}(?:至|到|—|－))?(?P<month>{_SMALL})月(?!{_SMALL}?[天个])(?:份|间)?(?:上旬|中旬|下旬|上半月|下半月|底|末)?"
    rf"(?:{_SMALL}日)?|(?P<half>上半年|下半年|本季度|上季度|下季度|年底|年终(?!分配|结算|决算|评比|总结|奖)|年末|第?[一二三四]季度|(?:春|夏|秋|冬)季(?!作物|粮|庄稼|农作物)))?")
PLAN_PERIOD = re.compile(r"第([一二三])个五年计划(?:期间|时期|内|中)?")
PLAN_PERIOD_END = {"一": 1957, "二": 1962, "三": 1970}  # the third plan ran 1966–1970
# 今后五年, 两年内: a span from the article's year; early in a year it counts that year.
YEARS_WITHIN = re.compile(r"今后([一二三四五六七八九十两]|\d{1,2})年|([一二三四五六七八九十两]|\d{1,2})年(?:内|以内|之内)")
REPUBLIC_YEAR = re.compile(r"民国([一二三四五六七八九十]{1,3}|\d{1,2})年")
RELATIVE_MONTH = re.compile(r"本月|上月|下月|上个月|下个月")
RELATIVE_MONTHS = {"本月": 0, "上月": -1, "下月": 1, "上个月": -1, "下个月": 1}
RELATIVE_YEARS = {"今年": 0, "本年": 0, "今冬": 0, "今秋": 0, "今春": 0, "今夏": 0,
                  "去年": -1, "上年": -1, "去冬": -1, "去秋": -1, "前年": -2, "明年": 1,
                  "明春": 1}
# 比1954年, 和十月同期比较: a comparison's time is the baseline's, not the fact's.
BASELINE_BEFORE = re.compile(r"(?:比|较|比较|较之)(?:过去的?|原来的?)?$")
BASELINE_AFTER = re.compile(r"^(?:的?同期)?(?:比较|相比|相较|对比)")
COMPARE_OPEN = re.compile(r"(?:和|与|同|跟)$")
# 提高到1970年的2，800万吨: the year of the new level sits between the verb and the number.
YEAR_OF = rf"(?:(?:{_DIGIT}{{4}}年|今年|明年|去年)(?:底|末)?|目前|现在|当前)的"


def _small_number(text: str) -> int:
    return int(text) if text.isdigit() else int(chinese_numeral_value(text))


def time_mentions(text: str, pub_year: int | None, pub_month: int | None = None) -> list[TimeMention]:
    """Years, months, half-years and plan periods in a passage, with baselines marked."""
    found = []
    for match in TIME_RE.finditer(text):
        if match.end() == match.start():
            continue
        year_text, month_text = match.group("year"), match.group("month")
        year = None
        if year_text in RELATIVE_YEARS:
            year = pub_year + RELATIVE_YEARS[year_text] if pub_year else None
        elif year_text:
            year = int(chinese_numeral_value(year_text[:4]))
        month = _small_number(month_text) if month_text else None
        if month is not None and not 1 <= month <= 12:
            continue
        if year_text is None and month is None and match.group("half") is None:
            continue
        if year is not None and not 1900 <= year <= 2100:
            continue
        baseline = _is_baseline(text, match.start(), match.end()) or _starts_change(text, match)
        # 从去年七月到今年九月: the start of a span is not its time.
        if re.match(rf"^(?:到|至|—|－)(?:{_DIGIT}{{4}}年|今年|明年|{_SMALL}月)", text[match.end():match.end() + 8]):
            baseline = True
        if year_text in RELATIVE_YEARS and text[match.end():match.end() + 2] in RELATIVE_YEARS:
            baseline = True  # 今冬明春, 去冬今春: a span of seasons is timed by its end
        start = match.start()
        deadline = re.search(r"(?:截至|到|至)$", text[max(0, start - 2):start])
        if deadline and not baseline:  # 到一九五六年八月: the deadline stays in the phrase
            start -= len(deadline.group(0))
        found.append(TimeMention(start, match.end(), text[start:match.end()], year, month, baseline))
    for match in REPUBLIC_YEAR.finditer(text):  # 民国三十五年 = 1946
        found.append(TimeMention(match.start(), match.end(), match.group(0),
                                 1911 + _small_number(match.group(1)), None,
                                 _is_baseline(text, match.start(), match.end())))
    for match in RELATIVE_MONTH.finditer(text):
        if pub_year and pub_month:
            month = pub_month + RELATIVE_MONTHS[match.group(0)]
            year = pub_year + (month - 1) // 12
            found.append(TimeMention(match.start(), match.end(), match.group(0), year,
                                     (month - 1) % 12 + 1, _is_baseline(text, match.start(), match.end())))
    for match in PLAN_PERIOD.finditer(text):  # 比第二个五年计划期间增加: a baseline too
        found.append(TimeMention(match.start(), match.end(), match.group(0),
                                 PLAN_PERIOD_END[match.group(1)], None,
                                 _is_baseline(text, match.start(), match.end())))
    for match in YEARS_WITHIN.finditer(text):
        if pub_year:
            span = _small_number((match.group(1) or match.group(2)).replace("两", "二"))
            year = pub_year + span - (1 if pub_month and pub_month <= 6 else 0)
            found.append(TimeMention(match.start(), match.end(), match.group(0), year, None, False))
    return sorted(found, key=lambda m: m.start)


# 为去年同期的二·五倍, 由去年秋收时的40％: the time of a level, with the occasion named.
OF_TIME = r"(?:同期|[^，；。的\d○〇零一二三四五六七八九十]{1,4}?(?:时|前|后))?的"


def _starts_change(text: str, match: re.Match) -> bool:
    """由一九五一年的三十四个发展到六百一十二个, 为1965年的2.5倍: the year of a change's
    starting level, or of the level a ratio is taken over, is the baseline's time."""
    ratio = re.search(r"(?:为|是|相当于|等于)$", text[max(0, match.start() - 3):match.start()])
    if ratio and (re.match(r"[^，；。\d]{0,16}的(?:\d|[○〇零一二三四五六七八九十两百])[^，；。]*?(?:倍|％|%)",
                           text[match.end():match.end() + 30])
                  or re.match(r"[^，；。\d]{0,16}的百分之", text[match.end():match.end() + 20])):
        return True  # 相当于一九四三年日本统治时期最高年产量的三倍多: the base's year
    if not re.match(OF_TIME, text[match.end():match.end() + 8]):
        return False
    return bool(re.search(r"(?:由|从|为|是|相当于)(?:原来|过去)?$", text[max(0, match.start() - 5):match.start()]))


def _is_baseline(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 4):start]
    if BASELINE_BEFORE.search(before):
        return True
    if before.endswith("在") and re.match(r"的?基础上", text[end:end + 4]):
        return True  # 在今年的基础上再增长20％
    return bool(COMPARE_OPEN.search(before) and BASELINE_AFTER.match(text[end:end + 6]))


# ---------------------------------------------------------------- status

FORECAST_RE = re.compile(r"预计|估计|可望|有望|能够|可以(?!说)|(?<![许认不宁即])可(?![是能见惜爱口靠观怜笑贵耻喜疑以])")
PLANNED_RE = re.compile(
    r"(?<!完成)(?<!超额)(?<!超过)(?<![按照据原比])计划(?=[一-龥：])(?![的数完外内性经百千万一二三四五六七八九十两])"
    r"|(?<![超过比较])原计划|原订|规划|要求|争取|力争|准备|打算|决定|确定|规定|预定|号召|保证(?!不)|应当|应该|必须"
    r"|指标|任务是|目标是|今后|(?<![主需重必只想])要(?![求])|即将|(?<![已早就并曾])将(?![近])")
ACHIEVED_RE = re.compile(r"已经|(?<!早)已|早就|早已|曾经|曾|现有|目前|据[^，；。]{0,12}?统计|(?<![除为罢])了(?!解)")
PLAN_HEAD = re.compile(r"(?:计划|规划|任务|指标|要求)：$")
PLAN_NOUN_AFTER = re.compile(r"^[^，；。：、]{0,8}?的(?:计划|任务|指标|目标)")
ASIDE_FORECAST = re.compile(r"预计|估计")


def _marker(text: str) -> str | None:
    """The status the last marker of ``text`` states, if any."""
    best: tuple[int, str] | None = None
    for status, pattern in (("forecast", FORECAST_RE), ("planned", PLANNED_RE),
                            ("achieved", ACHIEVED_RE)):
        for match in pattern.finditer(text):
            if match.group(0) == "计划" and re.search(r"完成[^，；。]{0,8}$", text[:match.start()]):
                continue  # 超额完成了国家计划: the plan is what was fulfilled, no mood
            if best is None or match.start() >= best[0]:
                best = (match.start(), status)
    return best[1] if best else None


def _mood(text: str) -> str | None:
    """``_marker`` of a clause without the starts of its changes: in 生猪要由现有的1.8万头
    发展到3万头 the start's 现有 is no mood of the clause."""
    return _marker(re.sub(rf"[由从][^，；。]*?(?=(?:{CHANGE_VERBS})了?(?:到|至|为))", "", text))


# ---------------------------------------------------------------- kind

FALL_VERBS = ("降低", "减少", "下降", "缩小", "减产", "减轻", "减低", "缩减", "压缩", "降")
RISE_VERBS = ("增加", "增长", "提高", "增产", "扩大", "上升", "多出", "多", "超额完成", "超额", "超过",
              "增添", "增多", "增收", "增")
CHANGE_VERBS = "增加|提高|发展|增长|上升|扩大|降低|减少|下降|降|增|升|扩充|扩展|恢复|压缩|缩减"
CHANGE_TO = re.compile(rf"(?:{CHANGE_VERBS})(?:了)?(?:到|至|为)$"
                       r"|达到$|达$|增至$|增为$|提高为$")
CHANGE_AFTER = re.compile(rf"^[^，；。]{{0,6}}?(?:{CHANGE_VERBS})了?(?:到|至|为)")  # 由X增加到Y: X starts it
PLAN_FULFIL = re.compile(r"(?<!超额)(?<!超过)完成(?:了)?(?:[^，；。]{0,10}?计划|[^，；。]{0,6}?任务)(?:的)?$"
                         r"|计划[^，；。]{0,8}?完成(?:了)?$|进度[^，；。]{0,4}?(?:达到|达|为)$")
SHARE_RE = re.compile(r"占[^，；。]{0,20}$|^内|^其中")

# ---------------------------------------------------------------- indicator

LEADING = re.compile(
    r"^(?:【[^】]*】|其中|例如|比如|如|并且|并|而且|而|同时|此外|另外|目前|现在|当前|据|根据|但是|但"
    r"|可是|然而|不过|因此|所以|再加上|加上|结果|我们|他们|我(?![国省市县军区])|他|[这那][个些一块座条片项批种家所]?|还|也|都|又"
    r"|使得|使(?![用命])|让)+")
ADVERBS = re.compile(
    r"可望|有望|预定|已经|(?<!早)已|早就|早已|曾经|曾|都|也|(?<![归])还|(?<![成造迁])就(?!业)|(?<!不)再|又|总共|一共|共计"
    r"|(?<!公)共(?![产和同])|大约|(?<![节制公合条契签预])约|将要|即将|(?<!即)将(?!近)|(?<![主需重必只想纲])要(?![求素点])"
    r"|可以|可能|(?<![许认不])可(?![是见惜爱口靠观])|预计|估计|能够|正在|(?<![改纠公])正(?![确常式])"
    r"|(?<!不)只(?!有)|仅|(?<![合吞])并(?![且列])|先后|陆续|基本上|普遍|不肯|不但")
ENUMERATION = re.compile(r"(?:[一-龥]{1,8}、)+[一-龥]{1,8}等")
ASIDE = re.compile(r"据[^，；。]{0,12}?(?:统计|调查|估计|计算)|根据[^，；。]{0,20}?的?(?:统计|预计|调查)")
TRAILING = "的了在把将给对从由比为是有到达和与及，。；：、 　"
# 积极地: an adverb's 地 ends no indicator; 水浇地, 耕地 and 荒地 are land.
ADVERBIAL_DI = re.compile(r"(?<![耕土荒田草山旱园基各工浇洼林牧盐坡平高低湿沙碱圩菜空墓场])地$")
GENERIC_MEASURES = ("产量", "产值", "总产值", "成本", "进度", "总进度", "数量", "面积", "比重",
                    "效率", "利润", "总数", "装机容量", "容量", "销售额", "收购额", "总额", "总值")
SCOPE = re.compile(r"^(?:全国|全省|全市|全区|全县|各省|各地|各市|全)")
NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "ng", "nrt", "nrfg", "vn", "an", "b", "j", "l", "s")
PERSON_PRONOUNS = re.compile(r"^(?:我们|他们|我(?![国省市县军区])|他|她|它们|咱们)")

# ---------------------------------------------------------------- non-facts

CAPACITY_UNITS = {"kW", "kVA", "foot", "inch", "horsepower"}
EQUIPMENT_END = "炉机器车床船舰泵锅"
NAME_AFTER = re.compile(r"^(?:厂|号|车间|型|分厂|工区|矿井|井|次列车|师|团|军)")


@dataclass
class _Word:
    start: int
    end: int
    word: str
    tag: str


@dataclass
class _Passage:
    """Consecutive sentences read as one: ``offsets`` maps each sentence index to its start."""

    text: str
    offsets: dict[int, int]
    headline: bool
    words: list[_Word] = field(default_factory=list)


@dataclass
class _Read:
    """One number read in its passage, with what later numbers may borrow from it."""

    index: int
    start: int
    end: int
    clause: int
    indicator: str
    noun: str  # the thing measured or counted, for a bare verb that follows (产七万五千斤)
    verb: str
    kind: str
    status: str
    time: TimeMention | None
    item: bool = False
    head: str = ""  # the indicator a list's items take their measure from
    compares: bool = False  # its clause opens with a comparison (比去年增长…)
    replaces: str = ""  # the object of ``head`` that a list's items stand in for


def read_facts(doc: Document, context: DocContext) -> list[FactReading]:
    """Fact readings of the Chinese side's numbers (see ``quantity.FactReading``)."""
    candidates = numbers_by_sentence(doc, ZH)
    if not candidates:
        return []
    reader = _Reader(doc, context)
    out: list[FactReading] = []
    for passage in _passages(doc):
        out += reader.read(passage, candidates)
    return out


def _passages(doc: Document) -> list[_Passage]:
    """Sentences joined back into the paper's sentences: a sentence the segmenter ended at
    '；' or '：' runs on, and a headline's lines make one passage."""
    passages: list[_Passage] = []
    current: _Passage | None = None
    last = None
    for sentence in doc.side(ZH):
        headline = sentence.kind == "headline"
        joins = current is not None and last is not None and (
            (headline and current.headline and sentence.paragraph - last.paragraph <= 1)
            or (not headline and not current.headline and last.paragraph == sentence.paragraph
                and last.text.rstrip()[-1:] in "；：，"))
        if not joins:
            current = _Passage("", {}, headline)
            passages.append(current)
        elif headline:
            current.text += " "
        current.offsets[sentence.index] = len(current.text)
        current.text += sentence.text
        last = sentence
    return passages


class _Reader:
    """Reads a document's passages in order, carrying what a later passage may need: the
    last fact (an elided 其中 list, a bare verb), its mood, the last year named (下半年) and
    the counted nouns (社 for 农业生产合作社)."""

    def __init__(self, doc: Document, context: DocContext) -> None:
        self.doc = doc
        self.source = SourceMap(doc, ZH)
        self.pub_year = context.year
        self.pub_month = context.month
        self.topic_year = topic_year(doc, context)
        self.previous_year: int | None = None  # the last year named in the previous passage
        self.previous: _Read | None = None  # the last fact of the previous passage
        self.previous_reads: list[_Read] = []  # all facts of the previous passage
        # The time that opened a clause last in this paragraph (到今年五月底，…): it frames
        # the paragraph's later sentences that name none (其中城市储蓄…).
        # Its third item: whether it opened its clause with a year, or only follows a subject
        # or names a month alone (a month then reaches only sentences that refer back to it);
        # its fourth, whether the sentence was a plan or forecast.
        self.frame: tuple[int, TimeMention, bool, bool] | None = None
        self.previous_status: str | None = None
        self.paragraph: int | None = None  # of the passage being read
        self.plan_before = False  # the passage before, in this paragraph, was a plan
        self.nouns: list[str] = []  # counted nouns so far, to expand 社 to 农业生产合作社
        self.last_status: str | None = None
        self.sentences = {s.index: s for s in doc.side(ZH)}
        self.read_text = ""  # the passages read so far, headline first

    # ------------------------------------------------------------ passage

    def read(self, passage: _Passage, candidates: dict[int, list[int]]) -> list[FactReading]:
        text = passage.text
        numbers: list[tuple[int, int, int]] = []  # (doc.numbers index, start, end)
        for sentence_index, offset in passage.offsets.items():
            for i in candidates.get(sentence_index, []):
                number = self.doc.numbers[i]
                start = offset + self.source.relative(self.sentences[sentence_index], number.start)
                numbers.append((i, start, start + len(number.text)))
        mentions = time_mentions(text, self.pub_year, self.pub_month)
        paragraph = self.sentences[next(iter(passage.offsets))].paragraph
        # A plan's sentence lends its mood to the next one of its paragraph that has none
        self.plan_before = self.previous_status == "planned" and self.paragraph == paragraph
        self.paragraph = paragraph
        if self.frame is not None and self.frame[0] != paragraph:
            self.frame = None
        if numbers:
            masked = _mask_parentheses(text)
            _tag(passage, masked)
            clauses = _clauses(masked, passage.headline)
            out = self._read_numbers(passage, masked, clauses, mentions, numbers)
        else:
            out = []
            clauses = _clauses(text, passage.headline)
        years = [m.year for m in mentions if m.year and not m.baseline]
        self.previous_year = years[-1] if years else None
        opening = [(m, bool(m.year) and _opens_clause(text, clauses, m)) for m in mentions
                   if not m.baseline and _opens_clause(text, clauses, m, after_subject=True)]
        if opening:
            mention, strong = opening[-1]
            self.frame = (paragraph, self._dated(mention, mentions), strong,
                          _passage_status(text, clauses) in ("planned", "forecast"))
        self.previous_status = (out and self.last_status) or _passage_status(text, clauses) \
            or self.previous_status
        self.read_text += text + "\n"
        return out

    def _read_numbers(self, passage, masked, clauses, mentions, numbers) -> list[FactReading]:
        text = passage.text
        reads: list[_Read] = []
        out: list[FactReading] = []
        parallel_start: TimeMention | None = None  # the time of the first change's start
        for i, start, end in numbers:
            number = self.doc.numbers[i]
            c = _clause_of(clauses, start)
            clause_start = clauses[c][0]
            if self._not_a_fact(passage, masked, clauses, c, number, start, end, numbers):
                continue
            before = masked[clause_start:start]
            time = self._time(text, mentions, clauses, c, start, end)
            starting = re.search(r"[由从][^，；。由从比]{0,12}$", before.rstrip(" 　")) and CHANGE_AFTER.match(
                masked[end:clauses[c][1]])
            if starting and parallel_start is not None and not any(
                    clause_start <= m.start < start for m in mentions):
                time = parallel_start  # 医院由一九四九年的二千六百所…，病床由八万张…: the same year
            elif starting:
                parallel_start = time
            kind, sign = self._kind(number, before, masked, clauses, c, reads)
            if kind in ("level", "share") and "分别" in before and reads and reads[-1].clause == c \
                    and reads[-1].start > clauses[c][0] + before.find("分别"):
                kind, sign = reads[-1].kind, out[-1].sign  # 分别增长百分之三十三、…和百分之二
            status = self._status(text, masked, clauses, c, start, end, time, reads, kind)
            read = _Read(i, start, end, c, "", "", "", kind, status, time,
                         compares=bool(re.match(r"\s*(?:比|较|和[^，；。]{0,8}?比较|与[^，；。]{0,8}?相比"
                                                r"|增长|增加|提高|降低|减少|下降)", masked[clauses[c][0]:])))
            self._indicator(read, passage, masked, clauses, number, before, reads, mentions)
            part = re.match(r"^\s*(?:其中|内)", masked[clauses[c][0]:])
            head = None
            if read.item:
                head = self._head(reads, number.unit) if part else self._head(reads) if reads else None
            if head is not None:
                stated_share = read.kind == "share" and "占" in before  # 其中工业投资占55％
                if read.kind in ("level", "increase_to", "share") and not stated_share:
                    read.kind = head.kind
                continued = bool(reads) and reads[-1].item and reads[-1].kind == "share" \
                    and head.kind != "share"
                if (part or continued) and read.kind in ("level", "increase_to"):
                    read.kind = "share"  # 其中小麦四千万亩，大麦八百万亩: parts of the whole
                read.status = head.status if head in reads else self.previous_status or read.status
                if head.time is not None and not any(not m.baseline and m.end <= start
                                                     for m in mentions):
                    read.time = head.time  # 二月份…完成了月计划的…。其中煤矿完成…: its month
                read.time = read.time or head.time
            elif read.item and self.previous is not None:
                read.kind = self.previous.kind if read.kind in ("level", "increase_to", "share") else read.kind
                read.status = self.previous_status or read.status
            elif part and read.kind == "level" and self._head(reads, number.unit) is not None:
                read.kind = "share"  # …一百二十万亩农田…，其中八十万亩可以得到灌溉: a part
            elif read.kind == "level" and (reads or self.previous_reads) and _in_part_list(
                    masked, clauses, c):
                # …总值6.3亿元。其中收购棉花186万担，…；收购生猪210多万头: the parts of a
                # whole run to the end of the sentence, whatever each is counted in
                read.kind = "share"
            if read.kind == "plan_fulfilment_pct" and "完成" not in read.indicator:
                read.indicator += "计划完成程度"
            comparator = number.comparator
            if number.text.startswith("超过") and read.kind == "increase_by":
                comparator = None
            if comparator is None and read.kind == "level" and _exceeds_a_level(before):
                comparator = "more_than"
            if comparator is None and (re.search(r"(?:大约|(?<![节制公合条契签预])约)(?:占|为|有|达到|达|计|合|是|在)?$",
                                                 text[max(0, start - 4):start])
                                       or re.search(r"(?:大约|(?<![节制公合条契签预])约)占[^，；。\d]{1,14}的$",
                                                    text[max(0, start - 20):start])):
                comparator = "about"  # 约占秋收面积的百分之七十
            out.append(FactReading(
                i, read.indicator, read.kind, sign, read.status, self._time_text(read.time),
                read.time.text if read.time else None, comparator, number.high))
            reads.append(read)
        if reads:
            self.previous = reads[-1]
            self.previous_reads = reads
            self.last_status = reads[-1].status
        return out

    # ------------------------------------------------------------ non-facts

    def _not_a_fact(self, passage, masked, clauses, c, number: Number, start, end, numbers) -> bool:
        text = passage.text
        clause_start, clause_end = clauses[c]
        before, after = masked[clause_start:start], masked[end:clause_end]
        counted = number.unit in (None, "people") and number.kind == "level"
        # Names: 五○一厂, 中农四号, “八五”粉.
        if NAME_AFTER.match(text[end:]) and number.unit is None and number.text[-1:] not in ZH_CLASSIFIERS:
            return True
        if text[start - 1:start] in "“‘\"" and text[end:end + 1] in "”’\"":
            return True
        if re.fullmatch(r"[○〇零一二三四五六七八九]{2,}", number.text) and number.unit is None \
                and not re.search(r"[为是]$", text[:start]):
            return True
        # A sample: 据九十二个企业综合统计; a place: 在…的十个溪卡，; a condition: 这个方法如在….
        if re.search(r"据[^，；。]{0,12}$", before) and re.match(r"^[^，；。]{0,10}?(?:统计|调查)", after):
            return True
        if re.match(r"^在", LEADING.sub("", before)) and counted and not _has_verb(passage, end, clause_end) \
                and not _has_verb(passage, clause_start, start):
            return True
        if re.search(r"[^，；。：\s]如(?:果)?在?|如果|假如|倘若|若", before) and counted:
            return True
        # 气温比常年低三度: degrees of heat are a circumstance, not kilowatt-hours.
        if number.unit == "kWh" and re.search(r"气温|温度|摄氏|华氏|零下|零上|体温", masked[clause_start:clause_end]):
            return True
        # 不使一亩田: "not a single".
        if number.text.startswith("一") and re.search(r"[不没无][使让叫]?$", before):
            return True
        # 两国政府: two countries named, not a quantity.
        if re.fullmatch(r"两[国党岸院方]?", number.text) and (
                number.text != "两" or text[end:end + 1] in "国党岸院方"):
            return True
        # A product's specification: 6，000瓩火力发电机, 40吨锅炉, 八呎车床.
        if _is_specification(masked, number, end, self.doc.numbers, numbers):
            return True
        if counted and number.unit is None:
            # The set a count is taken from: 在46种主要产品中; 十八种主要产品，有十三种….
            if re.match(r"^[^，；。]{1,12}?中(?:[，,]|$)", after):
                return True
            cls = number.text[-1:]
            following = masked[clause_end + 1:clause_end + 14]
            if (not after.strip(" 　") or _has_noun_only(passage, end, clause_end)) \
                    and not _has_verb(passage, clause_start, start, skip_copula=True):
                # (提出合理化建议五千三百多件，已经采用的有三千一百件: a count of what was done)
                if re.match(rf"^[^，；。]{{0,6}}有(?:将近|近|约)?[^，；。]{{1,6}}{re.escape(cls)}", following) \
                        and cls in ZH_CLASSIFIERS:
                    return True
            # A count that names a modifier of another number's indicator: 七个工业部总产值…10.41％.
            later = [s for _, s, _ in numbers if end < s < clause_end]
            if later and not re.search(r"[和与及、或\s]", masked[end:later[0]]) \
                    and not re.search(r"(?:有|原有)(?:将近|近|约)?$|比|由|从", before):
                return True
            # 北京、天津、上海六个城市: the count of the items just listed.
            listed = re.search(r"((?:[一-龥]{1,6}、)+[一-龥]{1,6})(?:等)?$", before)
            if listed and "等" not in listed.group(0)[-1:] and \
                    len(listed.group(1).split("、")) == number.value:
                return True
        # Frequency: 耕了三遍, 施肥两次.
        if re.match(r"^(?:遍|趟|番|回)", text[end:end + 1]) or (
                number.text.endswith("次") and not number.text.endswith("人次")
                and re.search(r"[一-龥]了?$", before) and text[end:end + 1] in "，。；、！？"):
            return True  # 试验了十二次，: how often; 召开了三次会议 counts meetings
        if number.text.endswith(("批", "次")) and re.search(r"(?:先后|分)[^，；。]{0,6}$", before):
            return True  # 先后派出了三批医疗队, 先后举行了三次大会, 分两批: how often
        if number.text.endswith("次") and re.match(r"[到去来赴访进下上]", text[end:end + 1]):
            return True  # 三次到大寨, 两次下乡: how often someone went
        if "字" in (number.text[-1:], text[end:end + 1]) and "“" in text[max(0, start - 2):start]:
            return True  # “八字宪法”, “十六字方针”: a name
        return False

    # ------------------------------------------------------------ time

    def _time(self, text, mentions, clauses, c, start, end) -> TimeMention | None:
        time = self._time_of(text, mentions, clauses, c, start, end)
        clause_start = clauses[c][0]
        if time is not None and time.month and re.search(r"全年度?(?![^，；。可能将要完成]{0,6}(?:计划|任务))", text[clause_start:start]) \
                and not clause_start <= time.start < start:
            # 到十二月二十日止…，预计全年可以完成计划的…: the whole year, not the month
            return TimeMention(time.start, time.end, time.text, time.year, None, False)
        return time

    def _time_of(self, text, mentions, clauses, c, start, end) -> TimeMention | None:
        clause_start, clause_end = clauses[c]
        starting = [m for m in mentions if m.baseline and re.fullmatch(rf"{OF_TIME}\s*", text[m.end:start])
                    and re.search(r"[由从比较](?:原来|过去)?$", text[max(0, m.start - 3):m.start])]
        if starting:  # 由一九五一年的三十四个: the starting level is of its own year
            return self._dated(starting[0], mentions)
        own = [m for m in mentions if not m.baseline]
        before = [m for m in own if clause_start <= m.start and m.end <= start]
        if before:
            return self._dated(before[-1], mentions)
        if PRESENT.search(text[clause_start:start]) and self.pub_year \
                and self.topic_year != self.pub_year:
            # a report of January on last year: 目前各林业局有百分之七十的职工… is now
            return TimeMention(clause_start, clause_start, "", self.pub_year, None, False)
        after = [m for m in own if end <= m.start < clause_end]
        if after:
            return self._dated(after[0], mentions)
        before = [m for m in own if m.end <= start]
        opening = [m for m in before if _opens_clause(text, clauses, m)]
        if opening or before:
            return self._dated((opening or before)[-1], mentions)
        # 西北区有四十八个厂矿，平均超额百分之六·二完成了十月份…: a month later in the passage
        # dates the chain; a later year usually opens another event (一九五七年将增加到…).
        after = [m for m in own if m.start >= end]
        if after and after[0].month is not None and after[0].year is None:
            return self._dated(after[0], mentions)
        if self.frame is None:
            return None
        _, frame, strong, prospective = self.frame
        if prospective and re.search(r"已经|(?<!早)已|了", text[clause_start:start]):
            return None  # 全省今年计划…。全省已有三十四个县…: the plan's year is no result's
        # 大同煤矿五月份超额完成了计划。全月…: a month said of a subject, or without its
        # year, dates a later sentence only when that one refers back to it (全月, 比四月份).
        if frame.month and not strong and not MONTH_BACK.search(text) \
                and not any(m.baseline and m.month for m in mentions):
            return TimeMention(frame.start, frame.end, frame.text, frame.year, None, False)
        return frame

    def _dated(self, mention: TimeMention, mentions: list[TimeMention]) -> TimeMention:
        """A month or half-year without its year takes the last year named before it."""
        if mention.year is not None:
            return mention
        years = [m.year for m in mentions if m.year and not m.baseline and m.end <= mention.start]
        year = years[-1] if years else (self.previous_year if "半年" in mention.text
                                        else None) or self._latest_year_of(mention.month)
        return TimeMention(mention.start, mention.end, mention.text, year, mention.month, False)

    def _latest_year_of(self, month: int | None) -> int | None:
        """到一月底止 in a report of 1960-02 on 1959: a month alone up to the article's date
        is of the article's year even when the article reports on the year before; any other
        (十二月二十日以前 in October, 十二月份 in a January report) is of the topic year."""
        if month is not None and self.pub_year and self.pub_month and month <= self.pub_month:
            return self.pub_year
        return self.topic_year

    def _time_text(self, mention: TimeMention | None) -> str | None:
        year = mention.year if mention else self.topic_year
        if year is None:
            return None
        return f"{year}-{mention.month:02d}" if mention and mention.month else str(year)

    # ------------------------------------------------------------ kind

    def _kind(self, number: Number, before: str, masked, clauses, c, reads) -> tuple[str, int]:
        if number.kind in ("multiple", "increase_by") or number.unit == "times":
            sign = -1 if before.rstrip("了将近约").endswith(FALL_VERBS) else 1
            return "multiple", sign
        tail = before.rstrip(" 　")
        if number.text.startswith("超过") and re.search(r"比|较", tail):
            return "increase_by", 1  # 比计划超过百分之五: the excess, not "more than"
        if number.unit == "%" and re.search(r"超过了?[^，；。]{1,16}的$", tail):
            return "increase_by", 1  # 超过了历史上最高年产量的百分之五十三: the excess
        if number.unit == "%" and (PLAN_FULFIL.search(tail) or re.search(r"(?<![超额])完成了?$", tail)):
            return "plan_fulfilment_pct", 1  # 煤矿完成百分之一○二: of its plan
        head = reads[-1] if reads else self.previous
        if number.unit == "%" and re.match(r"^\s*其中", masked[clauses[c][0]:]) and head is not None \
                and head.kind == "plan_fulfilment_pct" and "占" not in tail:
            return "plan_fulfilment_pct", 1
        if re.search(r"(?:为|是|达到|达|相当于)[^，；。]{0,12}?(?:计划|任务)的$", tail) and number.unit == "%":
            return "plan_fulfilment_pct", 1  # 为全年增产节约计划的百分之一百一十二
        # 提高到每平方公尺炉底面积日产钢六点一吨: a rate between the verb and its new level
        if CHANGE_TO.search(re.sub(rf"{YEAR_OF}$|(?<=[到至])每[^，；。\d]{{1,16}}$", "", tail).rstrip("了将近约")):
            return "increase_to", 1
        verb = _governing_verb(tail)
        if verb == "超过" and _exceeds_a_level(tail):
            return "level", 1  # 亩产超过了八百斤: more than a level (the comparator says so)
        if verb is not None:
            if verb in FALL_VERBS:
                return "increase_by", -1
            return "increase_by", 1
        clause_text = masked[clauses[c][0]:clauses[c][1]]
        if re.match(r"^\s*(?:降低|减少)", clause_text) and number.unit == "yuan":
            return "increase_by", -1  # 降低成本费共值五百三十九亿元: the saving of a cost cut
        if number.unit == "%":
            if re.search(r"以[^，；。]{0,20}为$", tail):
                return "level", 1  # 以九月的实际产量为一○○: an index base
            if any(r.kind == "level" and r.end < clauses[c][0] and self.doc.numbers[r.index].unit == "%"
                   for r in reads[-1:]) and not SHARE_RE.search(tail):
                return "level", 1  # an index list: 纸浆一○六·二九
            return "share", 1
        if re.match(r"^（?内", masked[clauses[c][0]:clauses[c][1]]):
            return "share", 1
        return "level", 1

    # ------------------------------------------------------------ status

    def _status(self, text, masked, clauses, c, start, end, time, reads, kind) -> str:
        clause_start, clause_end = clauses[c]
        own = _mood(masked[clause_start:start])
        if PLAN_NOUN_AFTER.match(masked[end:clause_end]):
            own = "planned"
        if own is None and _marker(masked[end:clause_end]) in ("planned", "forecast") \
                and not _marker(masked[clause_start:start].replace("有", "")) \
                and re.search(r"(?:^|有)\s*$", masked[clause_start:start]):
            own = _marker(masked[end:clause_end])  # 有二十亿斤粮食要调出: the predicate's mood
        past = time is not None and time.year is not None and self.topic_year is not None \
            and time.year < self.topic_year
        # 预计…，造价要比去年降低6％: a clause's own obligation (要, 争取) is a plan, whatever
        # the aside before; only its bare future (将, 可) stays the aside's forecast.
        obliged = own == "planned" and not re.search(r"(?:即将|将|将要)[^，；。]*$",
                                                     masked[clause_start:start])
        if own != "achieved" and not obliged and not past and ASIDE_FORECAST.search(masked[:start]):
            return "forecast"
        status = own
        k = c
        while status is None and k > 0:
            k -= 1
            head = masked[clauses[k][0]:clauses[k][1] + 1]
            status = "planned" if PLAN_HEAD.search(head) else _mood(head)
        if own is None and status in ("planned", "forecast") and time is not None and time.year \
                and self.pub_year and time.year < self.pub_year:
            status = "achieved"  # a plan's or forecast's mood does not reach a past year
        if status is None and re.match(r"^(?:其中|内)", masked[clauses[0][0]:]) :
            status = self.previous_status
        if status is None and self.plan_before and kind in ("increase_to", "increase_by") \
                and time is not None and time.year and self.pub_year \
                and time.year >= self.pub_year and not _passage_status(masked, clauses):
            status = "planned"  # 今年全县计划…。棉花每亩产皮棉由去年的38斤提高到50斤: a change
            # of this year with no mood of its own, after a plan, is the plan's next target
        if status in (None, "achieved") and time is not None and self._future(time):
            return "planned"
        if status == "planned" and re.search(r"[由从](?:原来|过去|现在)?的?[^，；。]{0,8}$",
                                             masked[clause_start:start]) \
                and not re.search(r"[由从][^，；。]{0,8}(?:计划|原订|规划|指标)", masked[clause_start:start]) \
                and re.match(r"^[^，；。]{0,8}?(?:增加|提高|扩大|发展|增长|上升|降低|减少|下降)了?(?:到|至|为)",
                             masked[end:clause_end]):
            return "achieved"  # 将由原来的十五万亩扩大到九十五万亩: the start is what already is
        return status or "achieved"

    def _future(self, time: TimeMention) -> bool:
        if time.year is None or self.pub_year is None:
            return False
        if time.year != self.pub_year:
            return time.year > self.pub_year
        return bool(time.month and self.pub_month and time.month > self.pub_month)

    # ------------------------------------------------------------ indicator

    def _indicator(self, read: _Read, passage, masked, clauses, number, before, reads,
                   mentions) -> None:
        """A noun phrase for what the number measures, from the clause's subject, verb and
        the noun after the number, borrowing what an elided clause leaves out."""
        clause_start, clause_end = clauses[read.clause]
        previous = reads[-1] if reads else None
        # A coordinated second number reads like the first: 一百亩芝麻和八十亩豆子已经种完了.
        prefix_end = read.start
        if previous is not None and previous.clause == read.clause and \
                re.match(r"^[^，；。]{0,30}?[和与及、](?:[^，；。]{0,30}?等)?\s*$",
                         masked[previous.end:read.start]):
            prefix_end = previous.start
            before = masked[clause_start:previous.start]
        named = re.fullmatch(r"\s*[和与及、]\s*([一-龥]{1,10})\s*", masked[previous.end:read.start]) \
            if previous is not None and previous.clause == read.clause else None
        if named and _noun_only(named.group(1)) and not _marker(named.group(1)) \
                and not TIME_RE.search(named.group(1)).group(0):
            # 私营工业四千二百多户、私营商业一万八千多户: the second names its own thing; 指标是：
            # 钢十二万吨、生铁三十五万吨: in the place of the first one's name
            own = re.search(r"[一-龥]{1,10}$", re.split(r"[、和与及：:]", masked[clause_start:previous.start])[-1])
            name = named.group(1)
            indicator = name
            if own and previous.indicator.endswith(own.group(0)):
                indicator = previous.indicator[:-len(own.group(0))] + name
            elif own and previous.indicator.startswith(own.group(0)):
                indicator = name + previous.indicator[len(own.group(0)):]
            read.indicator, read.noun, read.verb = _compact(indicator), previous.noun, previous.verb
            return
        noun_end = _noun_phrase_end(passage, masked, read.end, clause_end)
        counted_noun = _clean_lead(masked[read.end:noun_end])
        rest_start = noun_end
        if not counted_noun:  # 85％的菜农入社, 死亡四人的严重事故
            of = re.match(r"^的", masked[read.end:clause_end])
            if of:
                noun_end = _noun_phrase_end(passage, masked, read.end + 1, clause_end)
                counted_noun = _clean_lead(masked[read.end + 1:noun_end])
                rest_start = noun_end
        prefix = _clean(_drop_times(masked, clause_start, prefix_end, mentions))
        raw_before = before.rstrip(" 　")
        # A baseline inside a comparison: 比秋收以前的65万个 → what the compared number measures.
        if previous is not None and re.search(r"(?:比|较)[^，；。]{0,10}$", raw_before) \
                and read.kind == "level" and _governing_verb(raw_before) is None:
            modifier = re.sub(r"^.*?(?:比|较)", "", prefix)
            read.indicator = _compact(modifier + previous.indicator) if modifier else previous.indicator
            read.noun, read.verb = previous.noun, previous.verb
            return
        if previous is not None and previous.clause == read.clause and _same_measure(
                self.doc.numbers[previous.index], number) and re.fullmatch(
                rf"\s*(?:[^，；。\d]{{0,3}}?)(?:增加|提高|发展|增长|上升|扩大|降低|减少|下降|降|增|升)了?(?:到|至|为)(?:{YEAR_OF})?\s*",
                masked[previous.end:read.start]):
            # 由百分之十三增加到百分之四十六: the level after a change measures what the baseline did
            read.indicator, read.noun, read.verb = previous.indicator, previous.noun, previous.verb
            return
        clause_text = masked[clause_start:clause_end].lstrip(" 　")
        if (re.match(r"^(?:比|较|和[^，；。]{0,8}?比较|超过了?(?![\d○〇零一二三四五六七八九十百千万两]))", clause_text)
                # 卷烟十八万箱，增长百分之七: a change with no subject is of the quantity before
                or re.fullmatch(r"(?:增长|增加|提高|降低|减少|下降)了?", before.strip(" 　"))
                and read.kind in ("increase_by", "multiple") and bool(reads)
                and reads[-1].clause == read.clause - 1
                # 生产耐火砖一万二千吨，为去年同期的二·五倍: a ratio of the quantity before
                or re.fullmatch(r"(?:为|是|相当于|等于)[^，；。]{0,20}的", before.strip(" 　"))
                and number.unit in ("times", "%")) and (previous or self.previous) is not None:
            # 鞍钢…达到一百八十亿斤 / 比前年增长百分之十二: a headline's second line compares
            # the quantity of its first
            previous = previous or self.previous
            # 比去年同期增长百分之九 compares the quantity, not its plan fulfilment before it
            measured = [r for r in reversed(reads) if r.kind in ("level", "increase_to")]
            compared = measured[0] if measured else previous
            read.indicator, read.noun, read.verb = compared.indicator, compared.noun, compared.verb
            # 工业总产值完成了全年计划的26.5％，比去年同期增长21％: the output, not its fulfilment
            read.indicator = re.sub(r"(?<=.)(?:全年|年度?|全月|月度?|季度?)?计划完成程度$", "",
                                    read.indicator)
            return
        read.verb = _last_verb(passage, clause_start, read.start) or ""
        clause_text = masked[clause_start:clause_end].lstrip(" 　")
        respective = self._respective(masked, clauses, read, reads, mentions)
        if respective:
            read.indicator = respective
            return
        # An elided list item: 太原百分之二，华东百分之四·六 / 其中煤炭工业部为101.7％.
        item = self._list_item(passage, masked, clauses, read, reads, mentions)
        if item is not None:
            read.indicator, read.item = item, True
            read.noun = previous.noun if previous else ""
            return
        conjunct = re.match(r"\s*(?:和|与|及|、)\s*[\d○〇零一二三四五六七八九十百千万亿两多余]+"
                            r"[^\s，；。一-龥]*?[个名种项座台部件只条头匹户人亩斤吨担双套]?", masked[rest_start:clause_end])
        if conjunct:  # 四十个男劳力和七十个女劳力上堤: the predicate after the second one
            rest_start = _noun_phrase_end(passage, masked, rest_start + conjunct.end(), clause_end)
        rest = _clean(_drop_times(masked, rest_start, clause_end, mentions))
        has_rest_verb = bool(rest) and not _noun_only(rest)
        # 可以使沿河一百二十万亩农田免除水灾: the object of a causative is the subject of
        # what follows it (a pivot), as are the objects of 有, 给, 把 and the subject of 被.
        subject_role = (re.search(r"(?:有|给|把|被)(?:将近|近|约)?$", raw_before) or not prefix
                        or re.search(r"(?:使|让|令)[^，；。的]{0,4}$", raw_before)
                        or not _has_verb(passage, clause_start, read.start))
        # 全县农户96％入了高级社: a share of the subject before it that did what follows
        part_of_subject = number.unit == "%" and bool(prefix) and prefix == raw_before.strip(" 　") \
            and _noun_only(prefix)
        if counted_noun:
            counted_noun = self._expanded(counted_noun)
            predicate = "" if rest or not subject_role else \
                _following_predicate(passage, masked, clauses, read.clause, mentions)
            if subject_role and has_rest_verb:
                indicator = f"{_strip_adverbs(rest)}的{counted_noun}"
            elif predicate:  # 一百三十多个妇女劳力，在…的前提下，开展了积肥运动
                indicator = f"{predicate}的{counted_noun}"
            else:
                indicator = _strip_pronoun(prefix, keep_intent=raw_before.endswith("的")) + counted_noun
            read.noun = counted_noun
        elif number.unit is None and number.text[-1:] in ZH_CLASSIFIERS:
            same = [r for r in reversed(reads) if r.noun and
                    self.doc.numbers[r.index].text[-1:] == number.text[-1:]]
            noun = same[0].noun if same else _earlier_counted(masked, read.start, number.text[-1:])
            indicator = _strip_pronoun(prefix)
            if noun and subject_role and has_rest_verb:
                indicator = f"{_strip_adverbs(rest)}的{noun}"
            elif noun and indicator and re.search(r"的(?:有|为|是|共有)$", raw_before):
                indicator = f"{indicator}的{noun}"  # 其中全部建成投入生产的有一百一十多个
            elif same and (not indicator or _lacks_noun(indicator)):
                # 到十月份平均每日增加到二六·四条; 平均每户二·五头: a rate of the same count
                rate = re.match(r"^(?:平均)?每[一-龥]", indicator)
                indicator = (rate.group(0) if rate else "") + SCOPE.sub("", same[0].indicator)
            elif noun and (not indicator or _lacks_noun(indicator)):
                indicator = f"{indicator}的{noun}" if indicator else noun
            elif not indicator or _lacks_noun(indicator):  # 轮胎生产能力，超额完成112，965套
                subject = self._previous_subject(passage, masked, clauses, read.clause, mentions)
                # 互助组…，每亩施肥八、九车: the topic's subject, and what this clause does
                own = indicator if _has_verb(passage, clause_start, read.start, skip_copula=True) \
                    and not re.match(r"(?:超额)?完成", indicator) else ""
                indicator = subject + own
            read.noun = noun
        elif subject_role and has_rest_verb and (not prefix or re.search(r"有$", raw_before)
                                                  or part_of_subject) \
                and not CHANGE_AFTER.match(masked[read.end:clause_end]):
            # 已有百分之六十恢复了健康 / 给两万一千多人接种了牛痘: the rest says who.
            whole = "人" if number.unit == "people" else prefix if part_of_subject else \
                _previous_noun_phrase(passage, masked, clauses, read.clause, mentions)
            if re.match(r"\s*其中", clause_text) and previous is not None and previous.noun \
                    and self.doc.numbers[previous.index].unit == number.unit:
                whole = previous.noun  # 一百二十万亩农田…，其中八十万亩可以得到灌溉
            indicator = f"{_strip_adverbs(rest)}的{whole}" if whole else _strip_adverbs(rest)
        elif re.search(r"的(?:有|为|是|共有)$", raw_before) and previous is not None and previous.noun:
            # 共有农户五百二十户，已经入社的有四百八十户: the ones who did, of the thing before
            indicator = f"{_strip_pronoun(prefix)}的{previous.noun}"
            read.noun = previous.noun
        elif re.match(r"^\s*其中", clause_text) and re.search(r"占$", raw_before) and previous is not None:
            # 其中女工占百分之三十: a part of the whole counted before
            indicator = f"{_strip_pronoun(prefix)}{previous.indicator}"
        else:
            indicator = _strip_pronoun(prefix, keep_intent=raw_before.endswith("的"))
            if read.kind in ("increase_by", "increase_to", "multiple") and number.unit != "yuan":
                stripped = re.sub(r"(?:平均)?(?:超额完成|超额|超过|增加|提高|增长|增产|发展|扩大|上升|降低|减少"
                                  r"|下降|缩小|减产|减轻|减低|增多|增收|降|增|升|翻|恢复|压缩|缩减|(?<=[一-龥]{2})[多少])"
                                  r"了?(?:到|至|为)?$",
                                  "", indicator)
                borrowed = False
                if stripped != indicator:
                    verb = indicator[len(stripped):]
                    indicator = stripped.rstrip("比较由从")
                    if not indicator and verb.endswith(("增产", "减产", "多出")):
                        # 可增产二十万吨: the verb's object, left out after 增产十万吨煤
                        noun = self._borrowed_noun(passage, masked, clauses, read, reads, read.verb or verb)
                        if noun and not _generic(noun):
                            indicator, read.noun, borrowed = verb + noun, noun, True
                    elif indicator and verb in ("增产", "减产") and _noun_only(indicator):
                        indicator += verb  # 粮食要比去年增产百分之六·八: the output's growth
            else:
                borrowed = False
            plan = re.search(r"完成了?([^，；。]*?计划)", masked[read.end:clause_end])
            if read.kind == "increase_by" and re.search(r"超额$", raw_before) and plan:
                # 总产值超额百分之二·四完成了计划: whose plan, and which plan
                whose = indicator if indicator and not _lacks_noun(indicator) else ""
                indicator = _clean(_drop_times(masked, read.end, read.end + plan.end(), mentions))
                indicator = whose + re.sub(r"^完成了?", "", indicator) + "超额完成"
            elif borrowed:
                pass
            elif (not indicator or read.kind == "level" and _lacks_noun(indicator)
                  and not _ends_in_verb(indicator)) \
                    and previous is not None and previous.clause == read.clause - 1 \
                    and self.doc.numbers[previous.index].unit == number.unit and not previous.item:
                # …约占生猪总数的百分之四十，今年将提高到百分之六十; 已生产钢一千零七十三万吨，
                # 预计到年底可以超过一千一百万吨: the same measure, changed or foreseen
                indicator, read.noun = previous.indicator, previous.noun
            elif not indicator or _lacks_noun(indicator):
                if indicator and _ends_in_verb(indicator) and not indicator.endswith("占"):
                    noun = self._borrowed_noun(passage, masked, clauses, read, reads,
                                               read.verb or indicator)
                    # 每亩产 + 产量 → 每亩产量
                    indicator = indicator + (noun[1:] if noun[:1] == indicator[-1:] else noun)
                    read.noun = noun
                else:
                    subject = self._previous_subject(passage, masked, clauses, read.clause, mentions)
                    indicator = subject + indicator
            elif _generic(indicator) or re.match(r"^(?:占|仅占)", indicator):
                subject = self._previous_subject(passage, masked, clauses, read.clause, mentions)
                if indicator.startswith(("占", "仅占")) and previous is not None \
                        and previous.clause == read.clause - 1 and not previous.item:
                    # 接种牛痘的人数达到二亿四千万人，占全国人口的百分之四十: that count's share
                    subject = previous.indicator
                if previous is not None and previous.noun and previous.clause == read.clause - 1 \
                        and not SCOPE.sub("", subject) and _generic(indicator):
                    # 全省新建小型水电站一百二十座，总装机容量五千瓩: of what was counted
                    subject += previous.noun
                if not subject and not reads and self.previous_reads and _generic(indicator):
                    # …合作社已发展到二万三千多个。今年一季度的产值为…: the topic's
                    subject = _owner(self.previous_reads[0].indicator)
                if not subject.endswith(GENERIC_MEASURES):
                    indicator = subject + indicator
                elif not indicator.startswith(_owner(subject)) and re.search(
                        r"(?:产量|产值|面积|数量|总数)$", indicator):
                    # 油料作物播种面积…，总产量…: another quantity of the same thing (钢材产量…，
                    # 成本降低了: the cost is the producer's)
                    indicator = _owner(subject) + indicator
            elif read.clause > 0 and _opens_with_verb(passage, clause_start, read.start):
                # 第二期工程定于明年三月开工，计划完成土方…，需用民工…: a clause that opens with
                # its verb continues the topic the chain opened with
                k = read.clause - 1
                while k > 0 and (_opens_with_verb(passage, *clauses[k])  # 塘堰八万多口: an item
                                 or not _has_verb(passage, *clauses[k])
                                 or VERBAL_START.match(masked[clauses[k][0]:].lstrip(" 　"))) \
                        and masked[clauses[k][0] - 1] != "：":
                    k -= 1
                subject = _subject(_clean(_drop_times(masked, *clauses[k], mentions)))
                if subject and subject not in indicator and masked[clause_start - 1] != "：" \
                        and _opening_word(passage, *clauses[k], mentions).tag.startswith(NOUN_TAGS):
                    indicator = subject + indicator
        if re.match(r"^\s*（?内", masked[clause_start:clause_end]) and previous is not None:
            indicator = previous.indicator + "（" + re.sub(r"^内", "", indicator) + "）"
        read.indicator = _compact(indicator)
        if read.kind == "increase_to" or CHANGE_AFTER.match(masked[read.end:clause_end]):
            # 电影放映单位发展到九千九百多个; 由…的一万四千多个发展到…: the verb is no measure
            read.indicator = re.sub(r"(?<=[一-龥]{2})(?:发展|增加|提高|增长|扩大|上升|降低|减少|下降|恢复)了?$", "",
                                    read.indicator)
        if len(read.indicator) <= 3 and _noun_only(read.indicator) and number.unit not in (None, "people"):
            # 和八月份比较，钢增长百分之十九: a product alone stands for the measure of it
            # named before (全月钢产量…)
            named = re.search(rf"{re.escape(read.indicator)}(?:{'|'.join(GENERIC_MEASURES)})",
                              self.read_text + masked[:read.start])
            if named:
                read.indicator = named.group(0)
        if read.indicator.endswith("占"):  # 粮食总产量中，小麦约占四分之一: a share of what
            whole = re.fullmatch(r"\s*(?:在)?([^，；。]{2,16}?)(?:之)?中\s*",
                                 masked[clauses[read.clause - 1][0]:clauses[read.clause - 1][1]]) \
                if read.clause > 0 else None
            if whole:
                read.indicator = _compact(read.indicator + _clean(whole.group(1)))
            elif previous is not None and previous.item and previous.head:
                # 其中女工二千八百人，占四分之一左右: the part's share of its whole
                read.indicator = _compact(f"{previous.indicator}占{previous.head}")
            elif previous is not None:
                read.indicator = _compact(read.indicator + previous.indicator)
        read.noun = read.noun or _last_noun(passage, clause_start, read.start)
        task = re.match(r"^(?:全[省市区县国])?([年月季度全上下半]*(?:完成了?)?[^，；。]{0,8}?(?:计划|任务))",
                        read.indicator)
        if read.kind == "plan_fulfilment_pct" and task and previous is not None \
                and previous.clause == read.clause - 1 and not previous.item:
            # 全区共入库公粮十二亿斤，完成任务的百分之一○三: the task of the quantity before
            read.indicator = previous.indicator if previous.kind == "plan_fulfilment_pct" else \
                _compact(previous.indicator + re.sub(r"完成了?", "", task.group(1)) + "完成程度")
        elif read.kind == "plan_fulfilment_pct" and re.match(r"^(?:完成)?[年月季度全上下半]*计划", read.indicator):
            read.indicator = _compact(self._previous_subject(passage, masked, clauses, read.clause,
                                                             mentions) + read.indicator)
        if read.kind == "plan_fulfilment_pct":
            read.indicator = re.sub(r"完成了?(.*计划)的?$", r"\1完成程度", read.indicator)
            read.indicator = re.sub(r"(计划)完成了?$", r"\1完成程度", read.indicator)

    def _expanded(self, noun: str) -> str:
        """社 after 农业生产合作社: a one-character counted noun is short for a longer one named
        before, in this passage or an earlier one."""
        if len(noun) > 1:
            self.nouns.append(noun)
            return noun
        for earlier in reversed(self.nouns):
            found = re.search(rf"[一-龥]{{2,8}}{re.escape(noun)}(?=$|[的和、])", earlier)
            if found:
                return found.group(0)
        return noun

    def _respective(self, masked, clauses, read: _Read, reads, mentions) -> str | None:
        """粮食和油料的收购量分别增长百分之十五和百分之二十二; 牛、羊分别为三百万头和四百五十万
        只: the k-th number after 分别 measures the k-th of the things named before it."""
        clause_start = clauses[read.clause][0]
        respectively = masked.find("分别", clause_start, read.start)
        if respectively < 0:
            return None
        k = sum(1 for r in reads if r.clause == read.clause and r.start > respectively)
        named = _clean(_drop_times(masked, clause_start, respectively, mentions))
        if not named:  # 钢产量为…，生铁…，煤…，分别比一九五二年增长…: the list before
            listed: list[_Read] = []
            for r in reversed([r for r in reads if r.clause < read.clause]):
                if r.kind not in ("level", "increase_to") or listed and r.clause != listed[-1].clause - 1:
                    break
                listed.append(r)
            listed.reverse()
            return listed[k].indicator if 1 < len(listed) and k < len(listed) else None
        names = re.split(r"[和与及、]", named)
        if len(names) < 2 or k >= len(names) or not all(names):
            return None
        measure = ""
        if "的" in names[-1]:
            names[-1], measure = names[-1].rsplit("的", 1)
        if measure:
            return _compact(names[k] + measure)
        whole = [r for r in self.previous_reads + [r for r in reads if r.clause != read.clause]
                 if not re.match(r"^(?:平均|每)", r.indicator)]
        return _replace_subject(whole[-1].indicator, names[k]) if whole else names[k]

    def _list_item(self, passage, masked, clauses, read: _Read, reads, mentions) -> str | None:
        clause_start = clauses[read.clause][0]
        raw = masked[clause_start:read.start]
        opener = masked[clause_start - 1:clause_start] if clause_start else ""
        its = re.match(r"^\s*其中", raw)
        name = re.sub(r"^\s*其中", "", raw).strip(" 　")
        name = re.sub(r"(?:为|是)$", "", name)
        name = re.sub(r"占[^，；。]*$", "", name) if its else name
        if self.doc.numbers[read.index].unit == "%" and read.kind == "plan_fulfilment_pct":
            name = re.sub(r"(?<=[一-龥]{2})完成了?$", "", name)  # 其中煤矿完成百分之一○二
        previous = reads[-1] if reads else None
        if previous is not None and previous.clause == read.clause - 1:
            # 钢产量完成月计划的…，生铁完成…: an item may repeat the verb of the one before
            repeated = re.search(r"[一-龥]{2}$", name)
            if repeated and len(name) > 2 and repeated.group(0) in \
                    masked[clauses[previous.clause][0]:previous.start] \
                    and _verb_in(repeated.group(0)) and not _verb_in(name[:-2]):
                name = name[:-2]
        continuing = previous is not None and previous.item and previous.clause == read.clause - 1
        if not (1 if continuing or _product(name) else 2) <= len(name) <= 10 or not _noun_only(name) or _marker(name) \
                or TIME_RE.search(name).group(0) or re.match(r"(?:平均|每)", name):  # 平均每户: a rate
            return None
        measure = re.search(r"(?:面积|产量|产值|总值|数量|人数|户数|比重)$", name)
        whole = previous or (self.previous_reads[-1] if its and self.previous_reads else None)
        if measure and whole is not None and measure.group(0) not in whole.indicator:
            # …扩大十二万亩；粮食作物播种面积二千一百万亩: a measure of its own (a part after
            # 其中 still takes its whole's reading: 其中大豆播种面积为…)
            if not its:
                return None
            read.head = _compact(name)
            return read.head
        unit = self.doc.numbers[read.index].unit
        # The last item of the same unit continues the list past another measure said of it:
        # 其中城市储蓄十二亿三千万元，占储蓄总额的百分之七十三；农村储蓄四亿五千万元.
        previous = reads[-1] if reads else None
        if previous is not None and len(reads) > 1 and re.match(
                r"\s*(?:约|仅|只)?占", masked[clauses[previous.clause][0]:previous.start]):
            previous = reads[-2]
        if previous is not None and previous.item and previous.clause < read.clause:
            read.head, read.replaces = previous.head, previous.replaces
            if previous.replaces:  # 耕畜有…，农具…，房屋…: each item in the object's place
                return _compact(previous.head[:-len(previous.replaces)] + name)
            return _replace_subject(previous.head, name)
        if opener == "：" and read.clause > 0:
            head_start, head_end = clauses[read.clause - 1]
            if not re.search(r"(?:为|是|如下|分别为|分别是)\s*$", masked[head_start:head_end]):
                return None  # 制定了生产救灾计划：种粟二百六十亩 lists whole clauses
            head = _clean(_drop_times(masked, head_start, head_end, mentions))
            read.head = head
            return _compact(name + head)
        head = self._head(reads, unit) if its else self._head(reads)
        head_unit = self.doc.numbers[head.index].unit if head is not None else None
        # 粮食…三百亿斤，棉花六百万担: an elided list may weigh each crop in its own measure
        # (after a copula: a clause that only names the crop, not a list of whole clauses).
        measured = head_unit in ZH_MEASURES and unit in ZH_MEASURES and not its \
            and head.clause == read.clause - 1 \
            and re.search(r"(?:是|为)$", masked[clauses[head.clause][0]:head.start]) \
            and not masked[read.end:clauses[read.clause][1]].strip(" 　以上左右多")
        # 收购生猪210多万头，茶叶约12万担: the object of the verb before changes, and with it
        # the measure
        object_changed = head is not None and not its and head.clause < read.clause \
            and bool(head.noun) and head.indicator.endswith(head.noun) \
            and (_ends_in_verb(head.indicator[:-len(head.noun)]) or head.indicator[:-len(head.noun)].endswith("的")) \
            and not re.search(r"计划|任务|指标|目标", head.noun) and not _generic(head.noun) \
            and re.sub(r"(?:共有|有|为|是|达)$", "", masked[clauses[head.clause][0]:head.start].rstrip(" 　约近")
                       ).endswith(head.noun)  # 没收的耕畜有八十多万头，农具二百多万件
        if head is None or (head_unit != unit and not measured and not object_changed):
            return None
        if object_changed:
            read.head, read.replaces = head.indicator, head.noun
            return _compact(head.indicator[:-len(head.noun)] + name)
        if its and "占" in raw:  # 其中工业投资占55％: a share of the whole named before
            read.head = head.indicator
            return _compact(f"{name}占{head.indicator}")
        if its or (opener in "，；" and reads and reads[-1].clause == read.clause - 1):
            read.head = head.indicator
            return _replace_subject(head.indicator, name)
        return None

    def _head(self, reads: list[_Read], unit: str | None | bool = False) -> _Read | None:
        """The fact a list's items take their reading from: the last one that is no item; for
        a 其中 part (``unit`` given), the last of the same unit, here or in the passage before
        (…达到十六亿八千万元，…增加了一·四倍。其中城市储蓄十二亿三千万元)."""
        if unit is not False:  # the whole is a level before a change said of it
            alike = [r for r in self.previous_reads + reads
                     if not r.item and self.doc.numbers[r.index].unit == unit]
            levels = [r for r in alike if r.kind in ("level", "increase_to", "plan_fulfilment_pct")]
            return (levels or alike or [None])[-1]
        for read in reversed(reads):
            # 生产棉布…，比前年增长百分之十一；卷烟…: a comparison is no head of a list
            if not read.item and not (read is not reads[0] and read.compares):
                return read
        return self.previous

    def _borrowed_noun(self, passage, masked, clauses, read, reads, verb) -> str:
        """The object a bare verb leaves out: 可增产二十万吨 after 增产十万吨煤, 产七万五千斤
        after 种红薯五十亩."""
        def same_verb(earlier: _Read | None) -> bool:
            return earlier is not None and bool(earlier.noun and verb) and (
                earlier.verb == verb or verb.endswith(earlier.verb or "-"))

        previous_clause = clauses[read.clause - 1] if read.clause > 0 else None
        if reads and same_verb(reads[-1]):
            return reads[-1].noun
        if previous_clause and reads and reads[-1].clause == read.clause - 1:
            noun = _last_noun(passage, *previous_clause)  # 种红薯五十亩，产七万五千斤
            if noun:
                return noun
        if same_verb(self.previous):
            return self.previous.noun
        return _last_noun(passage, *previous_clause) if previous_clause else ""

    def _previous_subject(self, passage, masked, clauses, c, mentions) -> str:
        for k in range(c - 1, -1, -1):
            start, end = clauses[k]
            if re.match(r"^\s*(?:比|较|和|与|同)[^，；。]{0,8}?(?:比较|相比)", masked[start:end]):
                continue
            text = _clean(_drop_times(masked, start, end, mentions))
            # 入社农户占总农户的比重，由…: a clause that only names a measure is the subject
            phrase = re.fullmatch(r"[^，；。\d]{2,20}的([^的，；。\d]{1,6})", text)
            if phrase and _noun_only(phrase.group(1)) and not re.search(r"[了已将要]", text):
                return text
            subject = _subject(text)
            if subject:
                return subject
        return ""


# ---------------------------------------------------------------- helpers


def topic_year(doc: Document, context: DocContext) -> int | None:
    """The year an article reports on: a year its headline names (not later than its date),
    else, early in a year, last year when the text speaks of it more than of this one."""
    if context.year is None:
        return None
    title = doc.meta.title_zh or " ".join(s.text for s in doc.side(ZH) if s.kind == "headline")
    for mention in time_mentions(title, context.year):
        if mention.year and not mention.baseline and mention.year <= context.year \
                and re.fullmatch(rf"(?:{_DIGIT}{{4}}年|去年|上年).*", mention.text):  # 去年江苏省农业…
            return mention.year
    if context.month and context.month <= 2:
        years = [m.year for s in doc.side(ZH) for m in time_mentions(s.text, context.year)
                 if not m.baseline]
        if years.count(context.year - 1) > years.count(context.year):
            return context.year - 1
    return context.year


def _in_part_list(masked: str, clauses: list[tuple[int, int]], c: int) -> bool:
    """Clause ``c`` continues a 其中 list that no 另/此外 ("besides") has closed: in
    其中以工代赈用粮占百分之四十；另发放贷款一亿二千万元 the loan is no part of the grain."""
    opens = [k for k in range(c + 1) if re.match(r"^\s*其中", masked[clauses[k][0]:])]
    return bool(opens) and not any(re.match(r"^\s*(?:另外?|此外|还)", masked[clauses[k][0]:])
                                   for k in range(opens[-1] + 1, c + 1))


def _tag(passage: _Passage, text: str) -> None:
    words, position = [], 0
    for pair in tag_chinese(text):
        words.append(_Word(position, position + len(pair.word), pair.word, pair.flag))
        position += len(pair.word)
    passage.words = words


def _mask_parentheses(text: str) -> str:
    """Parentheticals become spaces, so that a topic reads past them: 双轮双（单）铧犁."""
    return re.sub(r"（[^（）]{0,30}）|\([^()]{0,30}\)",
                  lambda m: m.group(0) if re.search(r"\d|[一二三四五六七八九十百千万]", m.group(0))
                  else " " * len(m.group(0)), text)


THOUSANDS = re.compile(r"[0-9０-９][，,][0-9０-９]{3}(?![0-9０-９])")


def _clauses(text: str, headline: bool = False) -> list[tuple[int, int]]:
    """Clauses end at punctuation, and a headline's lines (joined by spaces) at their ends."""
    spans, start = [], 0
    ends = r"[，；：。！？,;:（）()]|(?<=[一-龥])\s+(?=[一-龥])" if headline else r"[，；：。！？,;:（）()]"
    for match in re.finditer(ends, text):
        if THOUSANDS.match(text, match.start() - 1):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _same_measure(a: Number, b: Number) -> bool:
    """由一百二十双提高到一百八十双: a baseline and its new level measure alike."""
    return a.unit == b.unit and (a.unit is not None or a.text[-1:] == b.text[-1:])


DATELINE = re.compile(r"^\s*(?:【[^】]*】|据?新华社[^，；。\s　]{0,10}?(?:讯|电)|本报讯)\s*")


PRESENT = re.compile(r"目前|现在|现有|至今|如今|当前")
MONTH_BACK = re.compile(r"全月|本月|当月|同月|该月|这个月")


def _opens_clause(text: str, clauses: list[tuple[int, int]], mention: TimeMention,
                  after_subject: bool = False) -> bool:
    """A time at the head of its clause frames the chain (1955年的工业生产…，但是…增长54％);
    one inside a clause is that clause's own (受到1954年大水灾)."""
    start = clauses[_clause_of(clauses, mention.start)][0]
    before = DATELINE.sub("", text[start:mention.start])
    if re.fullmatch(r"\s*(?:到|在|从|自|截至|于|而|但是?|同时)?\s*", before):
        return True
    if not after_subject:
        return False
    # 鞍山钢铁公司九月份超额完成了…: a time between the subject and its verb frames it too.
    subject = re.fullmatch(r"\s*([^，；。\s]{2,16}?)(?:在|到|于|截至)?\s*", before)
    return bool(subject) and not _verb_in(subject.group(1))


def _clause_of(clauses: list[tuple[int, int]], position: int) -> int:
    for k, (start, end) in enumerate(clauses):
        if start <= position < end or (position == end and k == len(clauses) - 1):
            return k
    return len(clauses) - 1


def _words_in(passage: _Passage, start: int, end: int) -> list[_Word]:
    return [w for w in passage.words if w.start >= start and w.end <= end]


COPULAS = {"为", "是", "占", "达", "达到", "有", "共有", "约", "合", "计"}


def _has_verb(passage: _Passage, start: int, end: int, skip_copula: bool = False) -> bool:
    return any(w.tag.startswith("v") and w.tag != "vn" and not (skip_copula and w.word in COPULAS)
               for w in _words_in(passage, start, end))


MOOD_WORDS = {"计划", "要", "将", "争取", "力争", "准备", "可以", "可", "能", "预计", "还", "也", "又"}


def _opens_with_verb(passage: _Passage, start: int, end: int) -> bool:
    """需用民工三十万人 (after 第二期工程…): the first word past mood and adverbs is a verb."""
    for w in _words_in(passage, start, end):
        if not w.word.strip() or w.word in MOOD_WORDS or w.tag in ("d", "c"):
            continue
        return w.tag.startswith("v") and w.tag != "vn" and w.word not in COPULAS
    return False


def _opening_word(passage: _Passage, start: int, end: int, mentions) -> _Word:
    """The first word of a clause past times, bracketed datelines and pronouns."""
    for w in _words_in(passage, start, end):
        if not w.word.strip() or w.tag in ("t", "r", "x") or w.word.startswith("第") or any(
                m.start <= w.start < m.end for m in mentions) or re.match(r"[【】“”]", w.word):
            continue
        return w
    return _Word(start, start, "", "x")


def _has_noun_only(passage: _Passage, start: int, end: int) -> bool:
    words = [w for w in _words_in(passage, start, end) if w.word.strip()]
    return bool(words) and all(w.tag.startswith(NOUN_TAGS) or w.tag in ("a", "uj", "q", "m")
                               for w in words)


def _noun_phrase_end(passage: _Passage, masked: str, start: int, limit: int) -> int:
    """Where the noun phrase right after a number ends (四十八个 国营和地方国营工厂): nouns,
    with 的 and 和 inside when more nouns follow."""
    end = start
    words = [w for w in passage.words if w.end > start and w.start < limit]
    k = 0
    while k < len(words):
        w = words[k]
        if w.start < start:  # the number's own last characters (多万个)
            k += 1
            continue
        if VERBAL_START.match(masked, w.start):
            break
        nounish = w.tag.startswith(NOUN_TAGS) or w.tag == "i" or w.word == "半" or (
            w.tag == "m" and not NUMERAL_WORD.match(w.word)) or (
            w.start == start and w.tag in ("zg", "g") and len(w.word) == 1)  # 三十多个县 (县/zg)
        spaced = not w.word.strip() and k + 1 < len(words) and end > start
        modifier = w.tag in ("a", "ad", "b", "q") and k + 1 < len(words) and (
            words[k + 1].tag.startswith(NOUN_TAGS) or words[k + 1].word == "的")
        if nounish or spaced or modifier or w.tag == "q" and w.start == start or (
                w.word in ("的", "和", "与", "及") and k + 1 < len(words)
                and words[k + 1].tag.startswith(NOUN_TAGS) and end > start
                and not re.match(r"^(?:计划|任务|指标|目标)", masked[w.end:w.end + 2])
                # 国营工厂和木器、油毡纸等二十二个…: 和 opens another counted list
                and not (w.word != "的" and re.match(r"^[^，；。]*?、", masked[w.end:limit]))):
            end = w.end
            k += 1
            continue
        break
    return end


VERBAL_START = re.compile(r"(?:超额|提前|完成|基本(?:上|实现|完成)|已|都|也|还|被|将|要|就|正|在|是|有|从|到)")
NUMERAL_WORD = re.compile(r"^[\d○〇零一二三四五六七八九十百千万亿两多余]")


def _exceeds_a_level(before: str) -> bool:
    """超过了八百斤 with nothing it is compared with (比去年, 计划) is a level and more."""
    return bool(re.search(r"超过了?$", before.rstrip(" 　"))) and not re.search(
        r"比|较|计划|任务|指标|定额|同期|纪录", before)


def _governing_verb(before: str) -> str | None:
    """A verb of change that governs the number: 增加了百分之十, 增产八呎车床十台, 超额."""
    tail = before.rstrip("了将近约 　")
    for verbs in (FALL_VERBS, RISE_VERBS):
        for verb in sorted(verbs, key=len, reverse=True):
            if tail.endswith(verb):
                return verb
    more = re.search(r"([多少])[收打产出种卖交售]了?$", tail) or re.search(  # 比去年多收二十斤
        r"(?:比|较)[^，；。]{0,12}?([多少])(?:发放|生产|收购|出售|销售|供应|完成|种植|储蓄|积肥|修建|兴修)了?$", tail)
    if more:
        return "减少" if more.group(1) == "少" else "增加"
    match = re.search(r"(降低|减少|下降|减产|增加|增长|提高|增产(?!节约)|多出|超过)了?(.{1,8})$", tail)
    if match and not re.search(r"[，；。到至为]", match.group(2)) and (
            "的" not in match.group(2) or match.group(1) == "多出"):
        return match.group(1)
    return None


def _last_verb(passage: _Passage, start: int, end: int) -> str | None:
    verbs = [w.word for w in _words_in(passage, start, end) if w.tag.startswith("v")
             and w.tag != "vn" and w.word not in COPULAS]
    return verbs[-1] if verbs else None


def _last_noun(passage: _Passage, start: int, end: int) -> str:
    """The last noun before ``end``, with the nouns right before it (合理化 建议)."""
    words = _words_in(passage, start, end)

    def nounish(w: _Word, least: int) -> bool:
        return w.tag.startswith(NOUN_TAGS) and w.tag != "vn" and len(w.word) >= least \
            and not re.search(r"[年月日天份]$|季度|方面|时候|期间", w.word) and not SCOPE.fullmatch(w.word)

    last = max((k for k, w in enumerate(words) if nounish(w, 2)), default=None)
    if last is None:
        return ""
    first = last
    while first > 0 and nounish(words[first - 1], 1) and words[first - 1].tag.startswith("n") \
            and words[first - 1].end == words[first].start:
        first -= 1
    return "".join(w.word for w in words[first:last + 1])


def _subject(cleaned: str) -> str:
    """The noun phrase that opens a clause, up to its first verb."""
    subject = ""
    for w in tag_chinese(cleaned):
        if subject.endswith("的") and w.flag.startswith(("v", "n", "a", "b")):
            subject += w.word  # 电力的新增生产能力
            continue
        if w.word == "的" and subject or w.flag == "m" and w.word.startswith("第"):
            subject += w.word  # 第二期工程: an ordinal is part of the name
            continue
        if w.flag.startswith("v") and w.flag != "vn" or w.flag in ("d", "p", "c", "m", "x") \
                or VERBAL_START.match(w.word):
            if subject:
                break
            continue
        if w.flag in ("r", "t"):
            continue
        subject += w.word
    return _clean_lead(LEADING.sub("", subject)).rstrip(TRAILING)


SUBJECTLESS = re.compile(r"\s*(?:平均|在|并|又|还|都|也|已经|已|就|先后|陆续|共|一齐|分别|全部|超额|提前)")


def _following_predicate(passage, masked, clauses, c, mentions) -> str:
    """What a counted subject that ends its clause goes on to do: the last verb phrase of the
    clauses after it that have no subject of their own (开展了积肥运动)."""
    found = ""
    for start, end in clauses[c + 1:]:
        words = [w for w in _words_in(passage, start, end) if w.word.strip()]
        if not words or not (SUBJECTLESS.match(masked, start) or words[0].tag.startswith(("v", "d", "p"))
                             and words[0].tag != "vn"):
            break
        text = re.sub(r"百分之|[\d○〇零一二三四五六七八九十百千万亿·.％%]+|^\s*平均", "",
                      _drop_times(masked, start, end, mentions))
        if _has_verb(passage, start, end) and not re.match(r"\s*(?:在|以|为了|为)", masked[start:end]):
            found = _strip_adverbs(_clean(text))
        if masked[end:end + 1] in "。！？":
            break
    return found if len(found) <= 20 else ""  # a long clause says more than who is counted


def _previous_noun_phrase(passage, masked, clauses, c, mentions) -> str:
    """经过医疗的花柳病患者，已有百分之六十…: the noun phrase the previous clause ends in."""
    if c == 0:
        return ""
    start, end = clauses[c - 1]
    text = _clean(_drop_times(masked, start, end, mentions))
    tail = text.rsplit("的", 1)[-1]
    return tail if tail and _noun_only(tail) else _last_noun(passage, start, end)


def _owner(measure: str) -> str:
    """油料作物播种面积 → 油料作物: the nouns that open a measure, whose measure it is."""
    owner = ""
    for w in tag_chinese(measure):
        if not w.flag.startswith(NOUN_TAGS) or w.flag == "vn" or w.word.endswith(GENERIC_MEASURES):
            break
        owner += w.word
    return owner


def _generic(indicator: str) -> bool:
    """产量, 实际产量, 同期产量: a measure that does not say whose."""
    return re.sub(r"^(?:实际|同期|平均|全年|每日|每天|每月|总)+", "", indicator) in GENERIC_MEASURES \
        or indicator in GENERIC_MEASURES


def _clean_lead(text: str) -> str:
    return re.sub(r"\s+", "", text).strip("的了在把将给对从由比为是有到达和与及，。；：、 　")


def _noun_only(text: str) -> bool:
    words = [pair for pair in tag_chinese(text) if pair.word.strip()]
    return bool(words) and not re.search(r"了|被|已|将|要|可|给|把|在|有|达|到|完成|超|共", text) and all(
        not (p.flag.startswith(("v", "d", "p", "u", "c")) and p.flag not in ("vn", "uj")) for p in words)


def _lacks_noun(text: str) -> bool:
    """每月可产, 超额完成, 平均每日: no noun of two characters or more."""
    return not any(p.flag.startswith(NOUN_TAGS) and p.flag != "vn" and len(p.word) >= 2 and not VERBAL_START.match(
        p.word) and not re.match(
        r"^(?:每[天日月年]|全年|平均|方面|全部|全体|部分|大部分)$", p.word) and not SCOPE.fullmatch(p.word)
        for p in tag_chinese(text))


def _product(name: str) -> bool:
    """煤, 钢, 盐: a one-character noun that names a product on its own."""
    words = list(tag_chinese(name))
    return len(name) == 1 and len(words) == 1 and words[0].flag == "n" and name not in "产收"  # verbs to jieba


def _verb_in(text: str) -> bool:
    """大同煤矿 (jieba reads 大同 as an adverb), 第一炼钢厂: no verb, so no predicate yet."""
    return any(p.flag.startswith("v") and p.flag != "vn" or p.word in ("了", "被", "把")
               for p in tag_chinese(text))


def _ends_in_verb(text: str) -> bool:
    words = [p for p in tag_chinese(text) if p.word.strip()]
    return bool(words) and (words[-1].flag.startswith("v") or len(words[-1].word) == 1
                            and (len(words) > 1 or words[-1].word in "产种"))  # 每月产, 再种; 煤 alone is a product


def _earlier_counted(masked: str, start: int, classifier: str) -> str:
    """The noun of an earlier count with the same classifier: 十八种主要产品，有十三种…."""
    match = None
    for match in re.finditer(rf"[{re.escape(''.join('○〇零一二三四五六七八九十百千万亿两'))}\d]+多?"
                             rf"{re.escape(classifier)}([一-龥]{{2,12}}?)(?=[，；。：、和的]|$)",
                             masked[:start]):
        pass
    return match.group(1) if match else ""


def _drop_times(text: str, start: int, end: int, mentions: list[TimeMention]) -> str:
    piece = text[start:end]
    for mention in sorted(mentions, key=lambda m: -m.start):
        if start <= mention.start and mention.end <= end:
            a, b = mention.start - start, mention.end - start
            piece = piece[:a] + " " * (b - a) + piece[b:]
    piece = re.sub(r"(?<=\s)(?:为止|止|起|以前|以后|以来)", lambda m: " " * len(m.group(0)), piece)
    # 去年秋收时的40％, 去年同期的: the occasion of a time is part of it
    piece = re.sub(rf"(?<=\s){OF_TIME[:-1]}(?=的)|(?<=\s)同期(?=[为是\s]|$)", lambda m: " " * len(m.group(0)), piece)
    def _bounds(m: re.Match) -> str:
        """从…起, 到…止 around a dropped time go with it; 从业, 到会 stay words."""
        word, rest = m.group(0), m.group(0)[1:]
        if word.strip() == "在":
            return word
        bare = not re.search(r"[一-龥]", rest)
        if bare and not (m.end() == len(piece) or piece[m.end()].isspace() or word != word.rstrip()):
            return word
        if bare or "日" in word or rest.strip() in ("起", "止", "为止", "以前", "以后", "以来", "前", "后"):
            return " " * len(word)
        return word

    piece = re.sub(r"(?:从|自|到|至|截至|在)\s*(?:[一二三四五六七八九十廿卅\d]{1,3}日)?\s*(?:起|止|为止|以前|以后|以来|前|后)?",
                   _bounds, piece)
    return piece


def _clean(text: str) -> str:
    """A clause's words before a number, as an indicator: no asides, connectives, times or
    mood adverbs, and no copula or preposition at its ends."""
    text = ASIDE.sub("", text)
    text = ENUMERATION.sub("", text)  # 冶炼、水泵、变压器等二十六个国营工厂: examples, not the measure
    text = re.sub(r"^\s*据?新华社[^，；。\s　]{0,10}?(?:讯|电)|^\s*本报讯", "", text)
    text = re.sub(r"在([^，；。]{1,10}?)方面", r"\1", text)
    text = re.sub(r"以([^，；。]{1,20}?)为$", r"\1", text)
    text = re.sub(r"(?:已经|已)?[由从](?![业事])(?=[^，；。]{0,10}$)", "", text)  # 入社农户已由占总农户的 → baseline
    text = re.sub(r"在\s{2,}", "", text)
    text = re.sub(r"\s+", "", text)
    text = LEADING.sub("", text)
    text = re.sub(r"^(?:在|于|到|从|自|截至)(?=[^，；。]{1,6}(?:期间|时|中|里|内))[^，；。]{1,6}?(?:期间|时|中|里|内)",
                  "", text)
    text = re.sub(r"^(?:到|至)(?:为止|止)", "", text)
    text = re.sub(r"^(?:头|前)[一二三四五六七八九十两\d]{1,2}个?(?:月|季度)(?:份|里|中|内)?", "", text)  # 头八个月
    text = re.sub(r"(?:原来|过去)的?$", "", text)  # 将由原来的十五万亩: the baseline's 原来
    text = re.sub(r"(?<=[一-龥]{2})(?:相当于|等于)[^，；。]*$", "", text)  # …的钢相当于…最高年产量的
    text = _clean_lead(text).rstrip(TRAILING)
    text = re.sub(r"(?:为|是|有|达到|达|超过了?|相当于|等于|共有|共值|共计|(?<![节制])约|大约|平均为|平均)$", "", text).rstrip(TRAILING)
    return text


def _strip_adverbs(text: str) -> str:
    return ADVERBS.sub("", text).strip(TRAILING)


def _strip_pronoun(text: str, keep_intent: bool = False) -> str:
    stripped = PERSON_PRONOUNS.sub("", text)
    if not keep_intent:
        stripped = re.sub(r"^(全[省市区县国])?(?:决定|要求|计划|准备|确定|规定|号召|争取|力争)", r"\1", stripped)
    return _compact(stripped)


def _compact(text: str) -> str:
    text = ADVERBS.sub("", text)
    text = re.sub(r"\s+", "", text).replace("的的", "的")
    text = re.sub(r"了(?=[一-龥])", "", text)
    text = re.sub(r"(?<=[一-龥])(?<![所没具占拥原享含持现固特])有(?=[一-龥])", "", text)  # 全国(已)有互助组
    text = re.sub(r"[比较](?:的?同期)?(?=增|减|提|降|多|少|超|翻|$)", "", text)  # 利润比(去年同期)增加
    return ADVERBIAL_DI.sub("", _clean_lead(text).rstrip(TRAILING)).rstrip(TRAILING)[:40]


def _replace_subject(head: str, name: str) -> str:
    """The head's indicator with the list item's name in its subject's place:
    七个工业部总产值 + 煤炭工业部 → 煤炭工业部总产值."""
    for size in range(min(len(name), 4), 1, -1):
        tail = name[-size:]
        position = head.find(tail)
        if position >= 0:
            return _compact(name + head[position + size:])
    measure = re.search("总?(?:" + "|".join(sorted(GENERIC_MEASURES, key=len, reverse=True)) + ")", head)
    if measure and 0 < measure.start() <= 6:  # 全月钢产量…完成程度 + 生铁 → 生铁产量…完成程度
        return _compact(name + head[measure.start():])
    if head.endswith(name[-1]):
        return name  # 其中高级社 of 农业生产合作社: the part names itself
    scoped = SCOPE.match(head)
    body = head[scoped.end() if scoped else 0:]
    first = next(iter(tag_chinese(body)), None)
    named = [p.flag for p in tag_chinese(name)]
    if first is not None and first.flag in ("n", "nz") and len(first.word) >= 2 \
            and len(body) > len(first.word) and "ns" not in named:
        return _compact(name + body[len(first.word):])  # 粮食生产的计划 + 棉花 → 棉花生产的计划
    if scoped:
        return _compact(name + body)  # 全省棉田面积 + 河北 → 河北棉田面积
    if len(head) <= 4 and _noun_only(head):
        return name  # 钢百分之十九，生铁百分之十三: the head is only a name too
    return _compact(f"{name}{head}")


def _passage_status(text: str, clauses: list[tuple[int, int]]) -> str | None:
    for start, end in reversed(clauses):
        found = _marker(text[start:end])
        if found:
            return found
    return None


def _is_specification(masked: str, number: Number, end: int, all_numbers, numbers) -> bool:
    """6，000瓩火力发电机 and 40吨锅炉: a number that describes the product named right after
    it (or after a coordinated second one, 一万五千千伏安和二万千伏安大型变压器)."""
    if number.unit is None or number.unit == "%":
        return False
    rest = masked[end:end + 16]
    coordinated = re.match(r"^(?:和|与|、|或)", rest)
    if coordinated:
        for i, s, e in numbers:
            if s == end + coordinated.end() and all_numbers[i].unit == number.unit:
                return _is_specification(masked, all_numbers[i], e, all_numbers, numbers)
        return False
    noun = re.match(r"^[一-龥]{1,10}", rest)
    if not noun or re.match(r"^(?:的|和|与|及|或|以上|以下|左右|多|余)", rest):
        return False
    if number.unit in CAPACITY_UNITS:
        return True
    head = re.match(r"^[^，；。、和的]{1,8}", rest).group(0)
    return any(head.endswith(ch) or head[:4].endswith(ch) for ch in EQUIPMENT_END) and \
        number.unit in ("ton", "meter", "kg")
