"""Chinese facts (GUIDELINE.md): which numbers are facts and how each reads, field by field.

The development articles are pinned with readings checked against their text; the rules
for non-facts, time, status and kind are pinned with small sentences written here.
"""
from __future__ import annotations

import pytest

from pipeline.extract.context_zh import read_facts
from pipeline.extract.numbers import find_numbers
from pipeline.extract.quantity import DocContext
from pipeline.extract.targets import document_context
from pipeline.ingest import read_document
from pipeline.record import ZH, Document, Metadata, Paragraph
from pipeline.segment import segment
from tests.conftest import SHARED_CORPUS, rmrb


def facts(doc: Document, context: DocContext | None = None) -> dict[str, list]:
    """Readings by the number's text (several for a repeated text), in text order."""
    doc.numbers = find_numbers(doc)
    out: dict[str, list] = {}
    for reading in read_facts(doc, context or document_context(doc)):
        out.setdefault(doc.numbers[reading.number].text, []).append(reading)
    return out


def article(name: str) -> dict[str, list]:
    return facts(segment(read_document(rmrb(name), SHARED_CORPUS)))


def chinese(*paragraphs: str, date: str = "1955-12-01", title: str = "") -> dict[str, list]:
    """A small Chinese-only document of our own."""
    doc = Document(doc_id="t.md", text="", format="rmrb", meta=Metadata(date=date, title_zh=title))
    position = 0
    for k, text in enumerate(paragraphs):
        doc.paragraphs.setdefault(ZH, []).append(
            Paragraph(ZH, k, text, list(range(position, position + len(text)))))
        position += len(text) + 1
    doc.text = "\n".join(paragraphs)
    return facts(segment(doc), DocContext(int(date[:4]), int(date[5:7]), "rmrb"))


def fields(reading) -> tuple:
    return (reading.kind, reading.status, reading.time, reading.sign)


# ---------------------------------------------------------------- development articles


def test_year_end_report_speaks_of_its_topic_year(shared):
    """1956-01-01, a report on 1955: forecasts of plan fulfilment, a 其中 list that inherits
    the head's kind, mood and indicator, a baseline year that is not the time, and product
    specifications that are not facts."""
    found = article("1956-01-01")
    assert fields(found["101％"][0]) == ("plan_fulfilment_pct", "forecast", "1955", 1)
    assert "总产值计划完成" in found["101％"][0].indicator
    coal = found["101.7％"][0]
    assert fields(coal) == ("plan_fulfilment_pct", "forecast", "1955", 1)
    assert coal.indicator == "煤炭工业部总产值计划完成程度"
    assert found["107.8％"][0].indicator == "第一机械工业部总产值计划完成程度"
    growth = found["54％"][0]
    assert fields(growth) == ("increase_by", "achieved", "1955", 1)  # 比1954年增长
    assert growth.indicator.startswith("工业生产总值")
    assert fields(found["12，800瓩"][0])[:2] == ("increase_by", "achieved")
    assert "电力的新增生产能力" in found["12，800瓩"][0].indicator
    for specification in ("6，000瓩", "40吨", "31，500千伏安", "七个", "46种"):
        assert specification not in found


def test_plan_of_a_province_with_deadlines(shared):
    """1955-12-01 Henan: results of 1955, the winter's plan, the plan to August 1956, and
    the grain targets; 社 is short for 农业生产合作社."""
    found = article("1955-12-01_河南")
    assert fields(found["四万四千六百二十五个"][0]) == ("level", "achieved", "1955", 1)
    grown = found["十三万五千四百十三个"][0]
    assert fields(grown) == ("increase_to", "achieved", "1955", 1)
    assert "农业生产合作社" in grown.indicator
    assert fields(found["十七万三千个"][0]) == ("increase_to", "planned", "1955", 1)
    august = found["三十二万零五百九十三个"][0]
    assert (august.time, august.time_text, august.status) == ("1956-08", "到一九五六年八月", "planned")
    share = found["百分之七十五以上"][0]
    assert (share.time, share.status, share.comparator) == ("1956-08", "planned", "more_than")
    assert share.indicator == "入社农户达占总农户" or "入社农户" in share.indicator
    assert fields(found["七百个"][0]) == ("level", "planned", "1956", 1)  # 下半年, after 1956
    assert fields(found["二百八十亿斤"][0]) == ("level", "planned", "1956", 1)
    assert fields(found["三百二十亿斤"][0]) == ("level", "planned", "1957", 1)
    more = found["六十七亿斤"][0]
    assert fields(more) == ("increase_by", "planned", "1957", 1)
    assert "产粮" in more.indicator  # 比现在增产: what the compared number measures


def test_monthly_figures_keep_their_month(shared):
    """1953-12-01: each month named before a number in its clause chain is its time; 比九月份
    and 和十月同期比较 are baselines; a saving (节约) is no fall, a cost cut is."""
    found = article("1953-12-01_在增产")
    assert [r.time for r in found["十九种"]] == ["1953-09"]
    assert found["十五种"][0].time == "1953-10"
    assert fields(found["百分之十左右"][0]) == ("increase_by", "achieved", "1953-10", 1)
    assert "超额完成月度计划的主要产品" in found["十三种"][0].indicator
    coal = found["百分之七十二点四"][0]
    assert fields(coal) == ("plan_fulfilment_pct", "achieved", "1953-11", 1)
    assert coal.indicator == "国营煤矿全月计划完成程度"
    assert fields(found["百分之七点四"][0]) == ("increase_by", "achieved", "1953-11", 1)
    assert fields(found["百分之一一·四"][0]) == ("increase_by", "achieved", "1953-09", -1)
    saving = found["二百零三亿八千万元"][0]
    assert fields(saving) == ("level", "forecast", "1953", 1)
    assert saving.comparator is None and "节约" in saving.indicator
    assert found["二十万吨"][0].indicator == "增产煤"  # the object of 增产十万吨煤 before
    assert fields(found["四、五斤"][0]) == ("increase_by", "achieved", "1953", 1)
    assert found["四、五斤"][0].high == 5
    for not_fact in ("五个", "二十四种", "十八种", "九十二个", "八呎", "八五", "十三个"):
        assert not_fact not in found


def test_relief_plan_is_planned_and_its_progress_achieved(shared):
    """1955-08-03: a plan after 计划： is planned item by item, the work done since is
    achieved; a parenthesis 内开荒 is a part of its clause; 一亩 after 不使 is no quantity."""
    found = article("1955-08-03")
    assert fields(found["五十万斤"][0]) == ("level", "planned", "1955", 1)  # …的计划
    assert fields(found["八百亩"][0]) == ("level", "planned", "1955", 1)
    assert found["八百亩"][0].indicator == "抢插晚稻"
    assert "红薯" in found["七万五千斤"][0].indicator  # 种红薯五十亩，产七万五千斤
    part = found["二十亩"][0]
    assert part.kind == "share" and "开荒" in part.indicator and "种粟" in part.indicator
    flooded = found["一千一百多亩"][0]
    assert (flooded.time, flooded.comparator) == ("1955-06", "more_than")
    assert "早稻" in flooded.indicator and "淹" in flooded.indicator
    assert fields(found["三百多亩"][1]) == ("level", "achieved", "1955-07", 1)  # 补插
    assert found["五十多亩"][0].status == "achieved"  # 现在已开出了
    assert found["一亩"][0].status == "planned"  # 决定每个劳力要开一亩荒地
    assert len(found["一亩"]) == 1  # 保证不使一亩田: not a quantity
    assert found["四十个"][0].status == "planned"


def test_shares_of_a_whole_and_their_list(shared):
    """1950-01-03: 仅占…百分之零点七一, then 其中华北占…, 太原百分之二: one indicator with the
    place in the subject's place."""
    found = article("1950-01-03")
    head = found["百分之零点七一"][0]
    assert head.kind == "share" and "技术干部" in head.indicator and "职工总人数" in head.indicator
    taiyuan, north = found["百分之二"][1], found["百分之二"][0]
    assert taiyuan.indicator.startswith("太原") and "技术干部" in taiyuan.indicator
    assert north.indicator.startswith("华北") and north.kind == "share"
    assert all(r.time == "1950" for rs in found.values() for r in rs)


def test_forecast_frames_the_next_sentence_of_its_list(shared):
    """1955-12-01 rural traders: 根据…的预计 makes the sentence a forecast, and the 其中
    sentence after it too; 约占 is about."""
    found = article("1955-12-01_农村私商")
    assert fields(found["八十九万人"][0]) == ("increase_to", "forecast", "1955", 1)
    assert [r.status for r in found["百分之六十"]] == ["forecast", "forecast"]
    assert found["百分之六十"][1].comparator == "about"
    assert found["百分之七十到八十"][0].high == 80


# ---------------------------------------------------------------- rules on small sentences


def test_non_facts():
    found = chinese("据二百三十八个市镇的统计，粮食销售量增加百分之十二。",
                    "北京、天津、上海、武汉、广州、沈阳六个城市的工人都参加了竞赛。",
                    "五○一厂和501厂的工人耕了十二遍地。",
                    "在这个区的十个乡，农民打井三百眼。")
    assert "二百三十八个" not in found and "六个" not in found
    assert "五○一" not in found and "501" not in found and "十二遍" not in found
    assert "十个" not in found
    assert fields(found["百分之十二"][0]) == ("increase_by", "achieved", "1955", 1)
    found = chinese("这种新农具试验了十二次，全省召开了三次会议，门诊共达两万人次。")
    assert "十二次" not in found and "三次" in found and "两万人次" in found
    found = chinese("省卫生厅先后派出了四批防疫队到灾区，治疗病人八千多名。", date="1963-08-02")
    assert "四批" not in found and "八千多名" in found
    found = chinese("全厂先后举行了三次技术表演大会，县委书记两次到大寨，在“八字宪法”指导下"
                    "深翻土地一万二千亩。", date="1960-01-13")
    assert "三次" not in found and "两次" not in found and not [k for k in found if "八" in k]
    assert "一万二千亩" in found
    assert chinese("第三管理区在“八字宪法”指导下，土地深翻了三遍。", date="1960-01-13") == {}
    found = chinese("该县今年春季气温比常年低三度，全县发电一万度。", date="1958-05-16")
    assert "三度" not in found and "一万度" in found


def test_comparison_year_is_the_baseline_not_the_time():
    found = chinese("今年全省棉花产量比一九五四年增长百分之二十，比去年增加一倍。", date="1955-10-01")
    assert fields(found["百分之二十"][0]) == ("increase_by", "achieved", "1955", 1)
    assert found["百分之二十"][0].indicator == "全省棉花产量"
    assert fields(found["一倍"][0]) == ("multiple", "achieved", "1955", 1)


def test_month_does_not_leak_into_the_next_sentence():
    found = chinese("十月份全厂生产钢材三千吨。全年共生产钢材三万吨。", date="1953-12-05")
    assert found["三千吨"][0].time == "1953-10"
    assert found["三万吨"][0].time == "1953"


def test_topic_year_of_a_january_report():
    found = chinese("去年全县粮食总产量达到二亿斤，去年的计划完成了。", date="1956-01-04")
    assert found["二亿斤"][0].time == "1955"
    found = chinese("全县粮食总产量达到二亿斤。", date="1956-01-04", title="1955年全县粮食丰收")
    assert found["二亿斤"][0].time == "1955"


def test_status_markers():
    found = chinese("全厂计划明年生产机床五百台，预计今年可以生产四百台，今年上半年已经生产了一百九十台。",
                    date="1955-08-01")
    assert [found[t][0].status for t in ("五百台", "四百台", "一百九十台")] == \
        ["planned", "forecast", "achieved"]
    assert [found[t][0].time for t in ("五百台", "四百台", "一百九十台")] == ["1956", "1955", "1955"]


def test_baseline_takes_the_status_of_its_change():
    found = chinese("每亩产量由原计划一百八十斤增订为二百斤。")
    assert [r.status for r in found["一百八十斤"]] == ["planned"]
    assert found["二百斤"][0].status == "planned"


def test_coordinated_counts_share_their_predicate():
    found = chinese("有四十个男劳力和七十个女劳力上堤筑好了溢水壋。")
    assert "筑" in found["四十个"][0].indicator and "男劳力" in found["四十个"][0].indicator
    assert "筑" in found["七十个"][0].indicator and "女劳力" in found["七十个"][0].indicator
    assert found["四十个"][0].kind == "level"


@pytest.mark.parametrize("sentence, number, kind, sign", [
    ("产量提高到三千吨。", "三千吨", "increase_to", 1),
    ("成本降低了百分之五。", "百分之五", "increase_by", -1),
    ("全年可节约二亿元。", "二亿元", "level", 1),
    ("完成了年计划的百分之一○一·一。", "百分之一○一·一", "plan_fulfilment_pct", 1),
    ("超额百分之六完成了生产计划。", "百分之六", "increase_by", 1),
    ("合作社社员占全村农户的百分之八十。", "百分之八十", "share", 1),
    ("劳动生产率提高了两倍。", "两倍", "multiple", 1),
])
def test_kinds_and_signs(sentence, number, kind, sign):
    reading = chinese(sentence)[number][0]
    assert (reading.kind, reading.sign) == (kind, sign)


def test_parts_of_a_whole_and_elided_lists():
    found = chinese("全省今年夏收作物播种面积共五千二百万亩，其中小麦四千万亩，大麦八百万亩。",
                    date="1956-06-10")
    assert fields(found["五千二百万亩"][0]) == ("level", "achieved", "1956", 1)
    assert [found[t][0].kind for t in ("四千万亩", "八百万亩")] == ["share", "share"]
    assert found["八百万亩"][0].indicator == "大麦夏收作物播种面积"
    found = chinese("全国已有农业生产合作社六十五万个，其中高级社五百个。")
    assert found["六十五万个"][0].indicator == "全国农业生产合作社"
    assert (found["五百个"][0].kind, found["五百个"][0].indicator) == ("share", "高级社")
    found = chinese("今年产量比去年增长的幅度是：钢百分之十九，生铁百分之十三。", date="1958-09-01")
    assert found["百分之十三"][0].indicator.startswith("生铁")


def test_relative_months_and_elided_objects():
    found = chinese("全厂上月生产钢材三千吨，本月计划生产三千五百吨。", date="1956-03-05")
    assert fields(found["三千吨"][0]) == ("level", "achieved", "1956-02", 1)
    assert fields(found["三千五百吨"][0]) == ("level", "planned", "1956-03", 1)
    assert found["三千五百吨"][0].indicator == "生产钢材"


def test_a_range_shares_its_multiplier_and_its_predicate_gives_the_mood():
    found = chinese("全县有二十或三十亿斤粮食要调出，农民要求政府收购八、九百万斤。", date="1956-02-10")
    grain = found["二十或三十亿斤"][0]
    assert (grain.high, grain.status, grain.indicator) == (3e9, "planned", "调出的粮食")
    assert found["八、九百万斤"][0].high == 9e6


def test_a_later_year_opens_another_event():
    found = chinese("全县有拖拉机十二台，一九五七年将增加到五十台。", date="1955-06-01")
    assert fields(found["十二台"][0]) == ("level", "achieved", "1955", 1)
    assert fields(found["五十台"][0]) == ("increase_to", "planned", "1957", 1)


def test_a_counted_subject_takes_the_predicate_of_the_clauses_after_it():
    found = chinese("我们社里一百三十多个妇女劳力，在搞好夏令卫生的前提下，开展了积肥运动。")
    women = found["一百三十多个"][0]
    assert (women.indicator, women.comparator) == ("开展积肥运动的妇女劳力", "more_than")
    assert chinese("在中国人民解放军西藏军区干部学校学习的一百多名藏族学员，一年来学习很好。"
                   )["一百多名"][0].indicator.startswith("中国人民解放军")


def test_development_articles_probe_sentences_by_hand(shared):
    """1956-01-03 Wuhan: the two coordinated counts of new cooperatives, the share of
    vegetable growers, and last year's share of vegetables brought in."""
    found = article("1956-01-03_武汉")
    assert found["将近二百个"][0].indicator == "武汉市郊区新建立半社会主义的蔬菜生产合作社"
    assert found["将近二百个"][0].comparator == "nearly"
    assert found["17个"][0].indicator == "武汉市郊区新建立完全社会主义的高级蔬菜生产合作社"
    assert fields(found["40％"][0]) == ("share", "achieved", "1955", 1)
    assert "外地调来" in found["40％"][0].indicator
    assert fields(found["四亿斤"][0]) == ("increase_to", "planned", "1956", 1)
    assert fields(found["一倍"][0]) == ("multiple", "planned", "1956", 1)


def test_years_of_the_republic_and_plan_periods():
    assert chinese("民国三十五年全区产粮二千万担。", date="1947-03-01")["二千万担"][0].time == "1946"
    plan = chinese("第一个五年计划期间全国要新建水库二十座。", date="1955-07-01")["二十座"][0]
    assert (plan.time, plan.status) == ("1957", "planned")


def test_comparisons_compare_the_quantity():
    found = chinese("今年上半年全国工业总产值为二百六十亿元，完成全年计划的百分之四十八点五，"
                    "比去年同期增长百分之九。", date="1957-07-01")
    assert found["二百六十亿元"][0].indicator == "全国工业总产值"
    assert found["百分之四十八点五"][0].kind == "plan_fulfilment_pct"
    assert (found["百分之九"][0].kind, found["百分之九"][0].indicator) == ("increase_by", "全国工业总产值")
    found = chinese("这个社今年的棉花每亩可收皮棉六十斤，比去年多收二十斤。", date="1955-09-01")
    assert fields(found["二十斤"][0]) == ("increase_by", "forecast", "1955", 1)
    excess = chinese("该厂十一月份的产量比计划超过百分之五。", date="1953-12-01")["超过百分之五"][0]
    assert (excess.kind, excess.comparator, excess.time) == ("increase_by", None, "1953-11")


def test_what_is_measured_now_is_achieved():
    found = chinese("会议要求各地做好春耕准备，全省现有互助组十万个。", date="1955-02-01")
    assert found["十万个"][0].status == "achieved"
    found = chinese("据统计，今年一至四月全国已打死老鼠三千多万只。", date="1953-05-01")
    assert (found["三千多万只"][0].time, found["三千多万只"][0].indicator) == ("1953-04", "全国打死老鼠")


def test_tenths_and_falls():
    found = chinese("今年全县粮食比去年减产一成，棉花增产两成。", date="1956-09-01")
    assert (found["一成"][0].kind, found["一成"][0].sign, found["一成"][0].indicator) == \
        ("increase_by", -1, "全县粮食减产")  # 减产 names the measure: the output's fall
    assert (found["两成"][0].sign, found["两成"][0].indicator) == (1, "棉花增产")
    found = chinese("钢材产量下降到五千吨，成本降低了三分之一。")
    assert (found["五千吨"][0].kind, found["五千吨"][0].sign) == ("increase_to", 1)
    assert (found["三分之一"][0].sign, found["三分之一"][0].indicator) == (-1, "成本")


def test_who_did_it_and_parts_of_a_count():
    found = chinese("这个乡共有农户五百二十户，已经入社的有四百八十户，占全乡农户的百分之九十二。")
    assert found["四百八十户"][0].indicator == "入社的农户"
    assert found["百分之九十二"][0].kind == "share"
    assert "全乡农户" in found["百分之九十二"][0].indicator
    found = chinese("全市现有工人十二万人，其中女工占百分之三十。", date="1949-11-02")
    assert found["百分之三十"][0].indicator == "女工占全市现有工人"
    profit = chinese("该厂利润比一九五四年增加了三百万元。", date="1956-01-20")["三百万元"][0]
    assert (profit.kind, profit.time, profit.indicator) == ("increase_by", "1956", "该厂利润增加")
    assert chinese("棉花总产量预计为二千一百万担。")["二千一百万担"][0].indicator == "棉花总产量"


# ---------------------------------------------------------------- rules fitted on bench/gold's tuning split,
# each pinned on a sentence of our own


def test_the_start_of_a_change_and_the_base_of_a_ratio_are_baselines():
    """由一九五一年的…发展到…: the starting year dates the starting level only; 为1965年的
    2.5倍: the base year is no time of the ratio."""
    found = chinese("全县互助组由一九五三年的四十个发展到一百二十个。", date="1955-01-10")
    assert (found["四十个"][0].time, found["一百二十个"][0].time) == ("1953", "1955")
    assert found["一百二十个"][0].kind == "increase_to"
    found = chinese("到1970年，全省钢产量要达到80万吨，为1965年的3倍。", date="1966-01-05")
    assert fields(found["3倍"][0]) == ("multiple", "planned", "1970", 1)
    found = chinese("棉纱产量计划从1965年的50万件提高到1970年的90万件。", date="1966-01-05")
    assert (found["50万件"][0].time, found["50万件"][0].status) == ("1965", "achieved")
    assert (found["90万件"][0].kind, found["90万件"][0].time, found["90万件"][0].status) == \
        ("increase_to", "1970", "planned")


def test_plan_periods_and_spans_give_their_end_year():
    found = chinese("全区在第三个五年计划期间将新建水库30座，投资将比第二个五年计划期间增加40％。",
                    date="1966-02-01")
    assert found["30座"][0].time == "1970"
    assert found["40％"][0].time == "1970"  # the second plan is the baseline
    found = chinese("全县五年内将新打水井八百口。", date="1956-01-05")
    assert found["八百口"][0].time == "1960"
    found = chinese("该市计划在两年内建成住宅二十万平方米。", date="1955-12-01")
    assert found["二十万平方米"][0].time == "1957"


def test_a_paragraphs_opening_time_frames_its_later_sentences():
    found = chinese("到今年五月底，全县储蓄存款余额已经达到三百万元，比去年同期增加百分之二十。"
                    "其中城镇储蓄二百万元，占储蓄总额的百分之六十七；农村储蓄一百万元。",
                    "全县现有储蓄所四十个。", date="1955-06-20")
    for text in ("二百万元", "百分之六十七", "一百万元"):
        assert found[text][0].time == "1955-05", text
    assert found["四十个"][0].time == "1955"  # another paragraph
    assert (found["二百万元"][0].kind, found["一百万元"][0].kind) == ("share", "share")
    assert found["一百万元"][0].indicator.startswith("农村储蓄")


def test_a_part_of_a_whole_is_a_share():
    found = chinese("今年全省基本建设投资将比去年增长20％，其中农业投资占35％以上。", date="1966-01-08")
    assert (found["35％以上"][0].kind, found["35％以上"][0].comparator) == ("share", "more_than")
    assert "基本建设投资" in found["35％以上"][0].indicator
    found = chinese("这项工程可以使两岸五十万亩农田免除旱灾，其中三十万亩可以得到灌溉。", date="1952-03-01")
    assert found["五十万亩"][0].indicator == "免除旱灾的农田"
    assert found["三十万亩"][0].kind == "share"
    assert "农田" in found["三十万亩"][0].indicator
    found = chinese("全县粮食总产量中，水稻约占三分之二。", date="1953-01-06")
    assert found["三分之二"][0].indicator == "水稻占全县粮食总产量"


def test_status_of_plans_baselines_and_asides():
    found = chinese("今年全省棉花生产的计划是四百万担，黄麻五十万担。", date="1954-01-05")
    assert found["四百万担"][0].status == "planned"
    assert (found["五十万担"][0].status, found["五十万担"][0].indicator) == ("planned", "黄麻生产的计划")
    found = chinese("全县的水田面积将由原来的八万亩扩大到十二万亩。", date="1952-11-01")
    assert (found["八万亩"][0].status, found["十二万亩"][0].status) == ("achieved", "planned")
    found = chinese("每亩产量将由原计划的三百斤提高到三百五十斤。", date="1956-03-01")
    assert found["三百斤"][0].status == "planned"  # it was a plan
    found = chinese("预计今年可以建成工厂十个，成本要比去年降低百分之五。", date="1957-01-10")
    assert found["十个"][0].status == "forecast"
    assert found["百分之五"][0].status == "planned"


def test_chains_keep_their_topic():
    found = chinese("第三期工程定于明年四月开工，计划完成土方九百万公方，需用民工十万人左右。",
                    date="1952-12-01")
    assert found["九百万公方"][0].indicator == "第三期工程完成土方"
    assert found["九百万公方"][0].status == "planned"
    assert found["十万人左右"][0].indicator == "第三期工程需用民工"
    found = chinese("全县棉花要比去年增产百分之十。", date="1956-02-01")
    assert found["百分之十"][0].indicator == "全县棉花增产"
    found = chinese("这些互助组把棉田锄了四遍，每亩施肥六车。", date="1953-01-06")
    assert "四遍" not in found
    assert found["六车"][0].indicator == "互助组每亩施肥"


def test_a_plan_before_its_verb_is_a_mood_a_plan_fulfilled_is_not():
    found = chinese("全县今年计划植树三百万株，比去年多一倍；现在已经植树八十万株。", date="1956-03-15")
    assert (found["三百万株"][0].status, found["一倍"][0].status) == ("planned", "planned")
    assert found["八十万株"][0].status == "achieved"
    found = chinese("十月份有十二种产品的产量超额完成了国家计划，钢完成月计划百分之一○四。", date="1953-11-20")
    assert found["十二种"][0].status == "achieved"
    assert fields(found["百分之一○四"][0]) == ("plan_fulfilment_pct", "achieved", "1953-10", 1)


def test_more_than_the_baseline_and_the_plan_is_an_increase():
    found = chinese("今年一至九月，全省共发放农业贷款一千二百万元，比去年同期多发放三百万元。",
                    date="1954-10-12")
    assert fields(found["三百万元"][0]) == ("increase_by", "achieved", "1954-09", 1)
    assert found["三百万元"][0].indicator == found["一千二百万元"][0].indicator
    found = chinese("该厂第三季度的产值达到二千五百万元，超过原计划百分之六。", date="1956-10-05")
    assert (found["百分之六"][0].kind, found["百分之六"][0].status) == ("increase_by", "achieved")
    assert found["百分之六"][0].indicator == "该厂的产值"


def test_a_chain_skips_its_list_items_and_a_baseline_keeps_its_year():
    found = chinese("去年全县共修建小型水库八十座，塘堰三千多口，增加灌溉面积九万亩。", date="1958-01-01")
    assert found["九万亩"][0].indicator == "全县增加灌溉面积"
    found = chinese("这个社今年计划每亩产量达到四百斤，比去年的三百二十斤提高百分之二十五。",
                    date="1956-03-15")
    assert (found["三百二十斤"][0].time, found["三百二十斤"][0].status) == ("1955", "achieved")
    assert (found["四百斤"][0].status, found["百分之二十五"][0].status) == ("planned", "planned")
    found = chinese("今年上半年，全市工业总产值比去年同期增长15.6％。", date="1968-10-01")
    assert found["15.6％"][0].indicator == "全市工业总产值"


def test_a_comparison_after_a_fulfilment_and_a_part_of_a_level():
    found = chinese("今年第一季度，全省工业总产值完成了全年计划的26.5％，比去年同期增长21％。",
                    date="1966-05-10")
    assert found["26.5％"][0].kind == "plan_fulfilment_pct"
    assert found["21％"][0].indicator == "全省工业总产值"
    found = chinese("全省今年秋收作物的播种面积共四千三百万亩，比去年增加三百万亩；其中水稻二千一百万亩。",
                    date="1955-10-12")
    assert found["二千一百万亩"][0].kind == "share"


def test_more_than_the_years_plan_compares_the_quantity():
    found = chinese("全省今年共完成造林面积一百五十万亩，超过年计划百分之二十。", date="1957-12-28")
    assert (found["百分之二十"][0].kind, found["百分之二十"][0].indicator) == \
        ("increase_by", "全省完成造林面积")
    found = chinese("全国一九五二年的棉花产量达到二千六百万担，超过了历史上最高年产量的百分之五十三。",
                    date="1953-01-10")
    assert (found["百分之五十三"][0].kind, found["百分之五十三"][0].indicator) == \
        ("increase_by", "全国的棉花产量")
    assert chinese("这一工程共动员民工二十多万人。", date="1951-12-08")["二十多万人"][0].indicator == "工程动员民工"


def test_a_year_end_distribution_is_no_time():
    found = chinese("截至十二月二十日止，全省已有百分之九十五的农业社进行了年终分配。", date="1957-12-28")
    assert found["百分之九十五"][0].time == "1957-12"


def test_a_time_between_the_subject_and_its_verb_frames_the_paragraph():
    """大同煤矿五月份超额完成了国家计划。全月…: the month said of the subject dates the
    sentences after it that name none, as a time opening the clause does."""
    found = chinese("【新华社大同九日电】大同煤矿五月份超额完成了国家计划。全月原煤产量完成月计划的"
                    "百分之一○七，比四月份增长百分之六。", "全矿职工提出合理化建议八百多件。",
                    date="1958-06-10")
    assert found["百分之一○七"][0].time == "1958-05"
    assert found["百分之六"][0].time == "1958-05"
    assert found["八百多件"][0].time == "1958"  # another paragraph
    found = chinese("纺织工人受到一九五六年大水灾的影响。全厂棉纱产量完成年计划的百分之九十八。",
                    date="1957-12-20")
    assert found["百分之九十八"][0].time == "1957"  # a time inside an object frames nothing


def test_the_occasion_of_a_starting_level_keeps_its_year():
    """由去年开学时的一万二千人, 为去年同期的三倍: the starting level and the base of a
    ratio belong to last year; the new level and the ratio to the year of the report."""
    found = chinese("全县小学在校学生由去年开学时的一万二千人增加到一万五千人。"
                    "今年一月份全厂生产农具六千件，为去年同期的三倍。", date="1959-03-02")
    assert found["一万二千人"][0].time == "1958"
    assert found["一万五千人"][0].time == "1959"
    assert found["三倍"][0].time == "1959-01"


def test_a_clause_that_names_a_measure_is_the_subject_of_the_next():
    """入学儿童占学龄儿童的比重，由…提高到…; 沈阳机床厂今年生产机床的总值，到十月底止
    已达…: the noun phrase of the clause before says what the numbers measure."""
    found = chinese("全省入学儿童占学龄儿童的比重，由前年秋季开学时的60％提高到82％。",
                    date="1960-10-05")
    for number in ("60％", "82％"):
        assert "入学儿童占学龄儿童的比重" in found[number][0].indicator
    assert [found[n][0].time for n in ("60％", "82％")] == ["1958", "1960"]
    found = chinese("沈阳机床厂今年生产机床的总值，到十月底止已达1.2亿元，比去年同期增长15％。",
                    date="1959-11-08")
    for number in ("1.2亿元", "15％"):
        assert "生产机床的总值" in found[number][0].indicator


def test_a_share_of_the_subject_and_land_in_the_indicator():
    """全乡妇女70％参加了扫盲学习: the share of the subject that did what follows;
    使耕地扩大到…: the causative is no part of what is measured, and 耕地 keeps its 地."""
    found = chinese("全乡妇女70％参加了扫盲学习", date="1958-04-02", title="全乡妇女70％参加了扫盲学习")
    reading = found["70％"][0]
    assert "参加" in reading.indicator and "妇女" in reading.indicator
    found = chinese("明年全社要修水渠十五条，使耕地扩大到二千四百亩。", date="1957-11-20")
    reading = found["二千四百亩"][0]
    assert "耕地" in reading.indicator and "使" not in reading.indicator
    assert (reading.kind, reading.status, reading.time) == ("increase_to", "planned", "1958")


def test_list_items_that_repeat_the_verb_or_change_the_object():
    """原煤产量完成月计划的…，焦炭完成…: the item repeats the verb and reads like its head;
    其中收购小麦…担，…；收购羊毛…斤，皮张…张: parts of a whole to the end of the
    sentence, each with the verb of the item before and its own measure."""
    found = chinese("全矿原煤产量完成月计划的百分之一○三·五，焦炭完成百分之九十八。", date="1958-07-03")
    coke = found["百分之九十八"][0]
    assert coke.kind == "plan_fulfilment_pct" and coke.indicator.startswith("焦炭")
    assert "计划完成" in coke.indicator
    found = chinese("新疆供销合作社今年收购畜产品的总值已达2.4亿元。其中收购小麦30万担，超额2％完成了"
                    "收购计划；收购羊毛900多万斤，皮张约40万张。", date="1959-12-15")
    assert [found[n][0].kind for n in ("30万担", "900多万斤", "约40万张")] == ["share"] * 3
    assert found["约40万张"][0].indicator == "收购皮张"
    assert found["900多万斤"][0].indicator == "收购羊毛"


def test_a_product_alone_a_ratio_clause_and_whose_plan_was_exceeded():
    """和上月比较，煤增长…: a product alone stands for its output named before; 为去年同期的
    三倍 is a ratio of the quantity before it; 总产值超额…完成了计划 names whose plan."""
    found = chinese("全局原煤产量完成季度计划的百分之一○二。和上季度比较，煤增长百分之七，"
                    "焦炭百分之五。全局第二季度总产值超额百分之三·五完成了计划。", date="1957-07-08")
    assert found["百分之七"][0].indicator == "煤产量"
    assert found["百分之五"][0].indicator == "焦炭产量"
    assert "总产值" in found["百分之三·五"][0].indicator
    found = chinese("红旗农具厂十月份生产水车八百部，为去年同期的三倍。", date="1958-11-05")
    assert "水车" in found["三倍"][0].indicator
    assert (found["三倍"][0].kind, found["三倍"][0].time) == ("multiple", "1958-10")


def test_a_change_after_a_plan_in_its_paragraph_is_planned():
    """今年全乡计划…。油菜每亩产量由去年的八十斤提高到一百二十斤: a change of this year with
    no mood of its own continues the plan before it; one marked as done, or of a past year,
    does not."""
    found = chinese("今年全乡计划粮食总产量达到四百万斤，比去年增长百分之二十。油菜每亩产量由去年的"
                    "八十斤提高到一百二十斤。", "去年全乡生猪由三千头增加到四千头。", date="1958-03-20")
    assert (found["一百二十斤"][0].status, found["一百二十斤"][0].time) == ("planned", "1958")
    assert (found["八十斤"][0].status, found["八十斤"][0].time) == ("achieved", "1957")
    assert found["四千头"][0].status == "achieved"
    found = chinese("今年全乡计划粮食总产量达到四百万斤。油菜每亩产量已经由去年的八十斤提高到了"
                    "一百二十斤。", date="1958-09-20")
    assert found["一百二十斤"][0].status == "achieved"


def test_doubling_exceeding_a_level_and_another_measure_of_the_same_owner():
    """翻一番多 is a multiple; 亩产超过了八百斤 is a level and more, not an increase;
    油料作物播种面积…，总产量…: the second measure is of the same crops."""
    found = chinese("今年全省粮食总产量预计比去年翻一番多。全省有三十多个县的粮食平均亩产超过了"
                    "八百斤。油料作物播种面积一千五百万亩，总产量二十亿斤。", date="1958-10-05")
    doubled = found["一番多"][0]
    assert (doubled.kind, doubled.comparator, doubled.status) == ("multiple", "more_than", "forecast")
    assert "粮食总产量" in doubled.indicator
    level = found["八百斤"][0]
    assert (level.kind, level.comparator) == ("level", "more_than")
    assert "亩产" in level.indicator and not level.indicator.endswith("超过")
    assert found["二十亿斤"][0].indicator == "油料作物总产量"
    assert "县" in found["三十多个"][0].indicator


def test_a_clause_that_names_its_own_measure_is_no_list_item():
    """…比去年扩大十二万亩；粮食作物播种面积二千一百万亩: the second clause names its measure
    (面积), so it is a fact of its own, not an item that takes the change before it."""
    found = chinese("全省今年计划种植棉花四十五万亩，比去年扩大十二万亩；粮食作物播种面积二千一百万亩，"
                    "预计总产量可达三十二亿斤。", date="1952-04-10")
    sown = found["二千一百万亩"][0]
    assert (sown.kind, sown.status, sown.indicator) == ("level", "planned", "粮食作物播种面积")
    assert found["三十二亿斤"][0].indicator == "粮食作物总产量"


def test_respectively_and_a_rate_of_the_count_before():
    """分别: the k-th number measures the k-th thing named; 平均每户二·五头 is a rate of the
    count before it, a level, not an item that takes its change."""
    found = chinese("今年上半年，全省粮食和油料的收购量分别比去年同期增长百分之十五和百分之二十二。"
                    "全省生猪存栏数达到一千二百万头，平均每户二·五头。牛、羊分别为三百万头和四百五十万只。",
                    date="1959-08-20")
    assert found["百分之十五"][0].indicator == "全省粮食收购量"
    assert found["百分之二十二"][0].indicator == "油料收购量"
    rate = found["二·五头"][0]
    assert rate.kind == "level" and rate.indicator.startswith("平均每户") and "生猪" in rate.indicator
    assert [found[n][0].indicator for n in ("三百万头", "四百五十万只")] == ["牛存栏数", "羊存栏数"]


def test_a_coordinated_count_names_its_own_thing():
    found = chinese("到六月中旬为止，全市已有私营工业四千二百多户、私营商业一万八千多户实行了公私合营。",
                    date="1956-06-30")
    assert found["一万八千多户"][0].indicator == "私营商业"
    assert "私营工业" in found["四千二百多户"][0].indicator
    assert found["一万八千多户"][0].time == "1956-06"


def test_a_report_on_last_year_dates_this_years_months_and_compares_across_lines():
    """1960-02 on 1959: 到一月底止 is January 1960, not of the topic year; a line that opens
    with 比 compares the quantity of the line before; 大豆 in a plan list takes the output."""
    found = chinese("黑龙江省去年粮食总产量达到一百八十亿斤", "比前年增长百分之十二",
                    "今年全省计划粮食总产量达到二百二十亿斤，大豆六十五亿斤。各地正在积极准备春耕，"
                    "到一月底止，全省已积肥四亿五千万吨。", date="1960-02-05",
                    title="黑龙江省去年粮食总产量达到一百八十亿斤")
    assert found["百分之十二"][0].indicator == found["一百八十亿斤"][0].indicator
    assert "粮食总产量" in found["百分之十二"][0].indicator
    assert found["四亿五千万吨"][0].time == "1960-01"
    assert found["六十五亿斤"][0].indicator == "大豆总产量"
    found = chinese("公司号召职工力争在十二月二十日以前完成全年计划，全年钢产量比去年增加百分之二十二。",
                    date="1956-10-12")
    assert found["百分之二十二"][0].time.startswith("1956")


def test_parts_of_a_plan_fulfilment_in_the_next_sentence_and_a_count_of_what_was_done():
    """其中煤矿完成百分之一○二: 完成 with a percentage is plan fulfilment, and a part in the
    next sentence takes the whole's measure and month; 提出合理化建议五千三百多件，已经
    采用的有三千一百件: the count of what was proposed is a fact, not the set of a sample."""
    found = chinese("据中南工业部统计，二月份全区国营厂矿总产值完成了月计划的百分之一○六·八，比一月份"
                    "提高百分之九·三。其中煤矿完成百分之一○二，电厂完成百分之一一○·五。"
                    "各厂矿共提出合理化建议五千三百多件，已经采用的有三千一百件。", date="1953-03-18")
    coal = found["百分之一○二"][0]
    assert (coal.kind, coal.time) == ("plan_fulfilment_pct", "1953-02")
    assert coal.indicator.startswith("煤矿") and "计划完成" in coal.indicator
    assert found["百分之一一○·五"][0].indicator.startswith("电厂")
    assert "五千三百多件" in found and "合理化建议" in found["五千三百多件"][0].indicator


def test_now_in_a_report_on_last_year_is_the_articles_year():
    """A January report on 1954: 目前 names the time of the article, not of the topic year;
    已有 alone (已有半数以上农民入社) still speaks of the year reported on."""
    found = chinese("东北区国营林业局提前完成了一九五四年的木材生产计划，实际采伐木材四百五十六万立方公尺。"
                    "目前各林业局有百分之七十的职工进入了冬季采伐作业区。各地都已有半数以上农民入社。",
                    date="1955-01-20")
    assert found["四百五十六万立方公尺"][0].time == "1954"
    assert found["百分之七十"][0].time == "1955"
    assert found["半数以上"][0].time == "1954"


def test_a_measure_after_a_count_is_of_what_was_counted():
    found = chinese("全省今年还要新建小型水电站一百二十座，总装机容量五千瓩。", date="1957-05-09")
    capacity = found["五千瓩"][0]
    assert "水电站" in capacity.indicator and capacity.indicator.endswith("总装机容量")
    assert capacity.status == "planned"


def test_restored_levels_a_change_of_the_share_before_and_an_elided_object():
    """恢复到 is a new level; 今年将提高到百分之六十 changes the share of the clause before;
    计划再种五十万亩 sows what the clause before sowed."""
    found = chinese("目前全省生猪饲养量已经恢复到一千万头左右。去年全省社员自养的猪约占生猪总数的"
                    "百分之四十，今年将提高到百分之六十以上。全省已经种植了青饲料八十多万亩，计划再种"
                    "五十万亩。", date="1961-03-02")
    assert found["一千万头左右"][0].kind == "increase_to"
    assert "恢复" not in found["一千万头左右"][0].indicator
    raised = found["百分之六十以上"][0]
    assert raised.indicator == found["百分之四十"][0].indicator and "百分之" not in raised.indicator
    assert (raised.kind, raised.status, raised.time) == ("increase_to", "planned", "1961")
    assert "青饲料" in found["五十万亩"][0].indicator


def test_a_lighter_burden_and_the_task_of_the_quantity_before():
    """减轻 is a fall; 完成任务的百分之一○三 after 入库公粮… is the task of that quantity."""
    found = chinese("截至十一月十日止，全区共入库公粮十二亿另五百万斤，完成任务的百分之一○三。"
                    "今年全区公粮负担较去年减轻百分之十五左右。", date="1950-11-14")
    task = found["百分之一○三"][0]
    assert task.kind == "plan_fulfilment_pct" and task.indicator.startswith("全区入库公粮")
    assert task.indicator.endswith("任务完成程度") and task.time == "1950-11"
    lighter = found["百分之十五左右"][0]
    assert (lighter.kind, lighter.sign, lighter.comparator) == ("increase_by", -1, "about")


def test_a_foreseen_level_of_the_same_measure_and_a_past_baseline_is_achieved():
    """已生产钢…，预计到年底可以超过一千一百万吨，比1957年的五百三十五万吨增长一倍多: the
    forecast and the baseline measure the steel of the clause before; 1957's output is done."""
    found = chinese("到十二月二十九日止，全国今年已生产钢一千零七十三万吨，预计到年底可以超过一千一百万吨，"
                    "比1957年的五百三十五万吨增长一倍多。", date="1958-12-30")
    foreseen = found["超过一千一百万吨"][0]
    assert (foreseen.status, foreseen.comparator) == ("forecast", "more_than")
    assert "钢" in foreseen.indicator
    baseline = found["五百三十五万吨"][0]
    assert (baseline.status, baseline.time) == ("achieved", "1957") and "钢" in baseline.indicator
    assert "钢" in found["一倍多"][0].indicator


def test_the_share_of_a_part_after_it():
    """其中女工二千八百人，占四分之一左右: the fraction keeps its 左右 and is the part's share."""
    found = chinese("全市国营企业今年共招收新工人一万一千人，其中女工二千八百人，占四分之一左右。",
                    date="1954-07-06")
    share = found["四分之一左右"][0]
    assert (share.kind, share.comparator) == ("share", "about")
    assert share.indicator.startswith("女工") and "占" in share.indicator and "新工人" in share.indicator


def test_a_hoped_for_level_is_a_forecast_of_the_measure():
    found = chinese("如果不遭受大的灾害，全年粮食总产量可望达到一百二十亿斤。", date="1956-09-12")
    hoped = found["一百二十亿斤"][0]
    assert (hoped.status, hoped.kind, hoped.indicator) == ("forecast", "increase_to", "全年粮食总产量")
    found = chinese("第二个五年计划期间，工业总产值预定增长一倍左右。", date="1956-09-28")
    assert (found["一倍左右"][0].indicator, found["一倍左右"][0].time) == ("工业总产值", "1962")


def test_the_base_of_a_ratio_keeps_its_year_out_of_the_fact():
    """相当于一九四三年日本统治时期最高年产量的三倍多: 1943 is the base's year; the fact is
    this year's steel, and the base is no part of the indicator."""
    found = chinese("今年鞍钢生产的钢相当于一九四三年日本统治时期最高年产量的三倍多，"
                    "生铁产量相当于一九五二年的百分之一百八十。", date="1957-12-10")
    ratio = found["三倍多"][0]
    assert (ratio.time, ratio.kind) == ("1957", "multiple")
    assert "钢" in ratio.indicator and "相当于" not in ratio.indicator
    assert found["百分之一百八十"][0].time == "1957"


def test_a_parallel_change_starts_in_the_same_year_and_a_share_of_the_count_before():
    """医院由一九四九年的…增加到…，病床由八万张增加到十六万张: the second start is of 1949
    too; 接种牛痘的人数达到…，占全国人口的百分之四十以上: the share of that count."""
    found = chinese("全国医院已由一九四九年的二千六百所增加到一九五二年的三千五百四十所，病床由八万张"
                    "增加到十六万张。今年全国接种牛痘的人数达到二亿四千万人，占全国人口的百分之四十以上。",
                    date="1952-10-02")
    assert [found[n][0].time for n in ("八万张", "十六万张")] == ["1949", "1952"]
    share = found["百分之四十以上"][0]
    assert share.kind == "share" and "接种牛痘的人数" in share.indicator and "全国人口" in share.indicator


def test_lists_of_products_with_their_own_measures_and_growth():
    """指标是：钢…、生铁…、煤…: each item in the first one's place; 生产棉布…，比前年增长…；
    卷烟…，增长…: each product takes the verb of the first, and each growth its product."""
    found = chinese("今年全省主要工业产品的生产指标是：钢十二万吨、生铁三十五万吨、煤八百万吨。"
                    "去年全省生产棉布二百四十万匹，比前年增长百分之十一；卷烟十八万箱，增长百分之七；"
                    "食糖三万吨，增长百分之二十。", date="1956-02-20")
    coal = found["八百万吨"][0].indicator
    assert "煤" in coal and "生产指标" in coal and "今年" not in coal
    assert found["三十五万吨"][0].status == "planned"
    assert found["十八万箱"][0].indicator == "全省生产卷烟"
    assert found["百分之七"][0].indicator == "全省生产卷烟"
    assert found["百分之二十"][0].indicator == "全省生产食糖"
    assert found["百分之十一"][0].indicator == "全省生产棉布"


def test_the_first_months_are_a_time_not_a_measure():
    found = chinese("头八个月全市工业总产值达到三十二亿元。", date="1959-10-20")
    assert found["三十二亿元"][0].indicator == "全市工业总产值"
    found = chinese("全国电影放映单位发展到九千九百多个。", date="1958-02-08")
    assert found["九千九百多个"][0].indicator == "全国电影放映单位"


def test_a_measure_alone_takes_the_topic_and_words_keep_their_prepositions():
    """今年一季度的产值为…: a quarter is a time and a measure alone is of the topic of the
    sentence before; 从业人员 keeps its 从 (only 从…起 around a time goes)."""
    found = chinese("到今年三月底，全国手工业生产合作社已发展到二万三千多个。今年一季度的产值为二亿八千万元。"
                    "到今年年底，社员将约占手工业从业人员的百分之十五。", date="1955-05-14")
    value = found["二亿八千万元"][0]
    assert value.indicator.startswith("全国手工业") and value.indicator.endswith("产值")
    assert "从业人员" in found["百分之十五"][0].indicator


def test_a_forecast_of_the_whole_year_and_a_part_that_did_something():
    """预计全年可以完成计划的…: the plan of the quantity before, for the whole year (not the
    month of the deadline before it); 其中全部建成投入生产的有…个: those of the projects."""
    found = chinese("到十二月二十日止，全国基本建设投资已完成全年计划的百分之九十四，预计全年可以完成计划的"
                    "百分之一百零二左右。今年施工的限额以上的建设项目共有八百多个，其中全部建成投入生产的"
                    "有一百一十多个。", date="1956-12-26")
    done, foreseen = found["百分之九十四"][0], found["百分之一百零二左右"][0]
    assert done.time == "1956-12" and foreseen.time == "1956"
    assert foreseen.indicator == done.indicator and "基本建设投资" in foreseen.indicator
    assert found["一百一十多个"][0].indicator.endswith("的建设项目")
    assert found["一百一十多个"][0].kind == "share"


def test_a_headline_on_last_year_and_a_result_after_a_plan():
    """去年江苏省农业获得全面丰收 (January): the article reports on last year, so a result
    with no year of its own after this year's plan is of last year."""
    found = chinese("据江苏省农业厅统计，一九六五年全省粮食总产量比一九六四年增产百分之十以上。"
                    "全省今年计划把粮食亩产提高到五百斤以上。全省已有三十四个县粮食亩产超过“纲要”规定的指标。",
                    date="1966-01-20", title="去年江苏省农业获得全面丰收")
    assert (found["五百斤以上"][0].time, found["五百斤以上"][0].status) == ("1966", "planned")
    assert (found["三十四个"][0].time, found["三十四个"][0].status) == ("1965", "achieved")
    assert "纲要" in found["三十四个"][0].indicator


def test_the_same_period_last_year_is_the_same_measure():
    found = chinese("今年一月至十月，上海市私营工业为国家加工订货的产值占私营工业总产值的百分之七十九，"
                    "去年同期为百分之六十二。", date="1954-12-18")
    then = found["百分之六十二"][0]
    assert then.indicator == found["百分之七十九"][0].indicator and then.time == "1953"


def test_a_campaign_value_a_plan_share_after_为_and_a_rate_after_its_verb():
    """增产节约价值 is the value the campaign brought, not a rise; 为全年增产节约计划的
    百分之一百一十二 is plan fulfilment of the month's date; 提高到每平方公尺…日产钢六点一吨
    is a new level."""
    found = chinese("到十月底止，全市国营企业共增产节约价值二千三百亿元，为全年增产节约计划的百分之一百一十二。"
                    "天津钢厂十月份平炉利用系数提高到每平方公尺炉底面积日产钢六点一吨。", date="1953-11-20")
    assert found["二千三百亿元"][0].kind == "level"
    plan = found["百分之一百一十二"][0]
    assert (plan.kind, plan.time) == ("plan_fulfilment_pct", "1953-10")
    assert found["六点一吨"][0].kind == "increase_to"


def test_a_named_task_fulfilled_is_the_task_of_the_quantity_before():
    found = chinese("到一月底止，全省共收购粮食四十二亿斤，完成国家收购任务的百分之九十八点五。"
                    "今年全省争取粮食总产量达到二百三十亿斤。", date="1955-02-10")
    task = found["百分之九十八点五"][0]
    assert task.indicator.startswith("全省收购粮食") and task.indicator.endswith("收购任务完成程度")
    assert found["二百三十亿斤"][0].indicator == "全省粮食总产量"
    assert found["二百三十亿斤"][0].status == "planned"


def test_a_part_that_names_its_own_measure():
    found = chinese("全区共播种一亿八千三百万亩，比去年扩大三百二十万亩。其中大豆播种面积为五千二百万亩，"
                    "占总播种面积的百分之二十八。", date="1951-06-20")
    soy = found["五千二百万亩"][0]
    assert (soy.indicator, soy.kind) == ("大豆播种面积", "share")
    assert found["百分之二十八"][0].indicator.startswith("大豆")


def test_autumn_crops_are_no_time_and_about_reaches_past_the_whole():
    found = chinese("据农业部了解，到十月十日止，全国已收割秋季作物三亿五千多万亩，约占秋收面积的百分之七十。",
                    date="1955-10-15")
    assert found["三亿五千多万亩"][0].time == "1955-10"
    assert "秋季作物" in found["三亿五千多万亩"][0].indicator
    assert (found["百分之七十"][0].comparator, found["百分之七十"][0].kind) == ("about", "share")


def test_respectively_after_a_list_of_levels():
    """钢产量为…，生铁…，煤…，分别比一九五二年增长…、…和…: the k-th growth is of the k-th
    item of the list before, and every one after 分别 is a growth."""
    found = chinese("一九五三年钢产量为一百七十七万吨，生铁二百二十三万吨，煤六千六百万吨，分别比一九五二年"
                    "增长百分之三十三、百分之二十二和百分之二。", date="1954-01-12")
    growth = [found[n][0] for n in ("百分之三十三", "百分之二十二", "百分之二")]
    assert [g.indicator for g in growth] == ["钢产量", "生铁产量", "煤产量"]
    assert {(g.kind, g.sign, g.time) for g in growth} == {("increase_by", 1, "1953")}


def test_items_in_the_place_of_a_modified_object_and_people_without_a_classifier():
    """没收和征收的耕畜有…，农具…，房屋…: each item stands where 耕畜 stood; 六千多万农民 are
    people though no classifier says so."""
    found = chinese("全区有六千多万农民分得了土地。没收和征收的耕畜有八十多万头，农具二百多万件，"
                    "房屋一百二十多万间。", date="1952-12-30")
    assert [found[n][0].indicator for n in ("二百多万件", "一百二十多万间")] == ["没收和征收的农具",
                                                                              "没收和征收的房屋"]
    assert "农民" in found["六千多万"][0].indicator
    found = chinese("这块田共收稻谷三万九千多斤。", date="1958-08-28")
    assert found["三万九千多斤"][0].indicator == "田收稻谷"


def test_a_one_character_product_is_a_list_item_and_more_than_the_year_before():
    """钢产量达到…，煤…，石油…: 煤 is an item like 石油 and takes the new level's reading;
    国家收购的粮食比上年多百分之三十九: 多 is the change, not part of what is measured."""
    found = chinese("一九五六年苏联钢产量达到四千八百六十万吨，煤四亿二千九百万吨，石油八千三百八十万吨。"
                    "国家收购的粮食比上年多百分之三十九。", date="1957-02-03")
    coal = found["四亿二千九百万吨"][0]
    assert (coal.indicator, coal.kind) == ("煤产量", found["四千八百六十万吨"][0].kind)
    more = found["百分之三十九"][0]
    assert (more.kind, more.indicator) == ("increase_by", "国家收购的粮食")
    found = chinese("一九六三年我国进出口贸易总额比一九六二年增长百分之五。", date="1964-03-05")
    assert found["百分之五"][0].indicator == "我国进出口贸易总额"


def test_a_change_to_the_present_level():
    """由今年春季的一万四千多个发展到目前的三万二千多个: the new level is of now, both
    measure the co-operatives, and the verb of change is in neither."""
    found = chinese("据统计，全省农业生产合作社已由今年春季的一万四千多个发展到目前的三万二千多个。",
                    date="1955-11-25")
    start, now = found["一万四千多个"][0], found["三万二千多个"][0]
    assert (start.kind, now.kind) == ("level", "increase_to")
    assert start.indicator == now.indicator == "全省农业生产合作社"


def test_a_besides_closes_a_list_of_parts():
    found = chinese("共发放救济粮三百二十万斤，其中以工代赈用粮占百分之四十；另发放贷款一亿二千万元，"
                    "种子十一万斤。", date="1950-03-18")
    assert found["百分之四十"][0].kind == "share"
    assert found["一亿二千万元"][0].kind == found["十一万斤"][0].kind == "level"


def test_the_start_of_a_planned_change_lends_it_no_mood():
    found = chinese("1960年，公社计划粮食总产量达到1亿斤。生猪要由现有的1.8万头发展到3万头，"
                    "平均每户两头。", date="1960-01-13")
    assert found["1.8万头"][0].status == "achieved"
    assert found["3万头"][0].status == found["两头"][0].status == "planned"


def test_the_base_a_plan_builds_on_is_a_baseline():
    found = chinese("明年要打井400口以上，原油产量在今年的基础上再增长20％。", date="1975-12-28")
    assert found["20％"][0].time == "1976" and found["20％"][0].status == "planned"


def test_a_span_of_seasons_times_its_whole_sentence_by_its_end():
    found = chinese("今冬明春全区计划完成土石方二亿五千万公方，新建中小型水库140座。去冬今春全区共修建"
                    "水库96座，扩大灌溉面积62万亩。", date="1959-12-05")
    assert [found[k][0].time for k in ("二亿五千万公方", "140座", "96座", "62万亩")] == [
        "1960", "1960", "1959", "1959"]
