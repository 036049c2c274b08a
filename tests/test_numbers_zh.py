"""Chinese number normalisation: numerals of the period, units, ranges, modifiers, dates."""
import pytest

from pipeline.extract.numbers_zh import chinese_numeral_value, find_chinese_numbers


@pytest.mark.parametrize("numeral, value", [
    ("三十二万零五百九十三", 320593), ("十三万五千四百十三", 135413), ("四万四千六百二十五", 44625),
    ("一九五五", 1955), ("一九五○", 1950), ("一○○", 100), ("一○六·二九", 106.29),
    ("一六·七", 16.7), ("七十二点四", 72.4), ("零点七一", 0.71), ("四·六", 4.6),
    ("五百三十九亿", 5.39e10), ("二百零三亿八千万", 2.038e10), ("一亿四千万", 1.4e8),
    ("五十万另七千", 507000), ("卅", 30), ("廿五", 25), ("两万五千四百", 25400), ("十", 10),
    ("十五", 15), ("二万五", 25000), ("6，000", 6000), ("31，500", 31500), ("１９５５", 1955),
    ("101，2", 101.2), ("190万", 1.9e6), ("1.9万", 19000), ("七点五", 7.5),
    ("一○六·二九亿", 1.0629e10), ("三点五万", 35000),
])
def test_numeral_values(numeral, value):
    assert chinese_numeral_value(numeral) == pytest.approx(value)


def only(text):
    found = find_chinese_numbers(text)
    assert len(found) == 1, [(text[q.start:q.end], q.value) for q in found]
    q = found[0]
    return text[q.start:q.end], q.value, q.high, q.unit, q.kind, q.comparator


@pytest.mark.parametrize("text, expected", [
    # dates are dates, durations durations
    ("在二十八日闭幕", ("二十八日", 28, None, "day", "date", None)),
    ("确定两年基本完成", ("两年", 2, None, "year", "duration", None)),
    ("一九五五年的计划", ("一九五五年", 1955, None, "year", "date", None)),
    ("1955年的计划", ("1955年", 1955, None, "year", "date", None)),
    ("九月份完成了", ("九月份", 9, None, "month", "date", None)),
    ("新华社卅日讯", ("卅日", 30, None, "day", "date", None)),
    ("提前两个月完成", ("两个月", 2, None, "month", "duration", None)),
    # units, scaled values
    ("可增产二十万吨", ("二十万吨", 200000, None, "ton", "level", None)),
    ("共值五百三十九亿元", ("五百三十九亿元", 5.39e10, None, "yuan", "level", None)),
    ("6，000瓩火力发电机", ("6，000瓩", 6000, None, "kW", "level", None)),
    ("有三百多亩棉花", ("三百多亩", 300, None, "mu", "level", "more_than")),
    ("面积一千二百公顷", ("一千二百公顷", 1200, None, "hectare", "level", None)),
    ("收购五万担", ("五万担", 50000, None, "dan", "level", None)),
    ("入社七千多万户", ("七千多万户", 7e7, None, "households", "level", "more_than")),
    ("节约二亿五千多万元", ("二亿五千多万元", 2.5e8, None, "yuan", "level", "more_than")),
    ("合作社190多万个", ("190多万个", 1.9e6, None, None, "level", "more_than")),
    ("产量一亿四千万斤", ("一亿四千万斤", 1.4e8, None, "jin", "level", None)),
    ("贷款三千列伊", ("三千列伊", 3000, None, "lei", "level", None)),
    ("发电一万度", ("一万度", 10000, None, "kWh", "level", None)),
    # percentages
    ("占百分之三十七", ("百分之三十七", 37, None, "%", "percent", None)),
    ("占总农户60％左右", ("60％左右", 60, None, "%", "percent", "about")),
    ("为101，2％。", ("101，2％", 101.2, None, "%", "percent", None)),
    ("百分之零点七一", ("百分之零点七一", 0.71, None, "%", "percent", None)),
    ("百分之四·六", ("百分之四·六", 4.6, None, "%", "percent", None)),
    ("达到百分之七十五以上", ("百分之七十五以上", 75, None, "%", "percent", "more_than")),  # GUIDELINE: 以上
    # multiples
    ("比去年增加了一倍", ("一倍", 1, None, "times", "increase_by", None)),
    ("提高七点五倍", ("七点五倍", 7.5, None, "times", "increase_by", None)),
    ("增加了将近二倍", ("将近二倍", 2, None, "times", "increase_by", "nearly")),
    ("是去年的三倍", ("三倍", 3, None, "times", "multiple", None)),
    ("粮食产量比去年翻一番多", ("一番多", 1, None, "times", "multiple", "more_than")),
    ("产值要翻两番", ("两番", 2, None, "times", "multiple", None)),
    ("亩产超过千斤", ("超过千斤", 1000, None, "jin", "level", "more_than")),
    ("参加大会的有近万人", ("近万人", 10000, None, "people", "level", "nearly")),
    ("放出了亩产万斤的卫星", ("万斤", 10000, None, "jin", "level", None)),
    ("效率提高了十倍以上", ("十倍以上", 10, None, "times", "increase_by", "more_than")),
    # ranges
    ("二十或三十亿斤", ("二十或三十亿斤", 2e9, 3e9, "jin", "level", None)),
    ("八、九亩", ("八、九亩", 8, 9, "mu", "level", None)),
    ("多出四、五斤面", ("四、五斤", 4, 5, "jin", "level", None)),
    ("占百分之七十到八十", ("百分之七十到八十", 70, 80, "%", "percent", None)),
    ("一到十一月份", ("一到十一月份", 1, 11, "month", "date", None)),
    ("七八十人", ("七八十人", 70, 80, "people", "level", None)),
    ("十七八个", ("十七八个", 17, 18, None, "level", None)),
    ("一二十件", ("一二十件", 10, 20, None, "level", None)),
    ("三四百万斤", ("三四百万斤", 3e6, 4e6, "jin", "level", None)),
    ("一两个月", ("一两个月", 1, 2, "month", "duration", None)),
    ("二十两银子", ("二十两", 20, None, "liang", "level", None)),
    # a range whose ends each carry the unit or percent sign
    ("收入可以增加15％到25％", ("15％到25％", 15, 25, "%", "percent", None)),
    ("每天熬九锅到十锅", ("九锅到十锅", 9, 10, None, "level", None)),  # GUIDELINE's example
    ("今年共打井一万二千眼", ("一万二千眼", 12000, None, None, "level", None)),
    ("亩产四百斤至五百斤", ("四百斤至五百斤", 400, 500, "jin", "level", None)),
    ("增产了一成到两成", ("一成到两成", 10, 20, "%", "percent", None)),
    # modifiers before and after
    ("将近二百个", ("将近二百个", 200, None, None, "level", "nearly")),
    ("不到三十人", ("不到三十人", 30, None, "people", "level", "less_than")),
    ("比过去增长一倍多，", ("一倍多", 1, None, "times", "increase_by", "more_than")),
    ("相当于过去的一倍半", ("一倍半", 1.5, None, "times", "multiple", None)),
    ("一般不超过五人", ("不超过五人", 5, None, "people", "level", "less_than")),
    ("每亩不少于三百斤", ("不少于三百斤", 300, None, "jin", "level", "at_least")),
    ("完成土方一千八百六十万公方", ("一千八百六十万公方", 1.86e7, None, "cubic meter", "level", None)),
    ("木材三万立方公尺", ("三万立方公尺", 30000, None, "cubic meter", "level", None)),
    ("约五千人", ("约五千人", 5000, None, "people", "level", "about")),
    ("下降到一百根以下", ("一百根以下", 100, None, None, "level", "less_than")),
    ("三千二百余人", ("三千二百余人", 3200, None, "people", "level", "more_than")),
    ("一千七百公斤左右", ("一千七百公斤左右", 1700, None, "kg", "level", "about")),
    # digit strings read digit by digit
    ("纸浆一○六·二九，", ("一○六·二九", 106.29, None, None, "level", None)),
    ("两万五千四百多人次", ("两万五千四百多人次", 25400, None, "people", "level", "more_than")),
    # people counted with 个, shares in words and fractions, pairs and sets counted as things
    ("有七个学员加入了青年团", ("七个", 7, None, "people", "level", None)),
    ("集中了一百多个劳力", ("一百多个", 100, None, "people", "level", "more_than")),
    ("有三个厂已下降", ("三个", 3, None, None, "level", None)),
    ("都已有半数以上农民入社", ("半数以上", 50, None, "%", "percent", "more_than")),
    ("占全省的三分之二", ("三分之二", 200 / 3, None, "%", "percent", None)),
    ("由一百二十双提高", ("一百二十双", 120, None, None, "level", None)),
    ("收购八、九百万斤", ("八、九百万斤", 8e6, 9e6, "jin", "level", None)),
    ("今年增产两成", ("两成", 20, None, "%", "percent", None)),
    ("比去年多缴三成", ("三成", 30, None, "%", "percent", None)),
    ("粮食增长一成半", ("一成半", 15, None, "%", "percent", None)),
    ("去年减产了三成", ("三成", 30, None, "%", "percent", None)),
    ("如以上月的产量为一○○", ("一○○", 100, None, "%", "level", None)),
    ("占七成以上", ("七成以上", 70, None, "%", "percent", "more_than")),
    ("占四分之一左右", ("四分之一左右", 25, None, "%", "percent", "about")),
    ("有六千多万农民分得了土地", ("六千多万", 6e7, None, "people", "level", "more_than")),
    ("比去年同期增加了三成多", ("三成多", 30, None, "%", "percent", "more_than")),
    ("一万五千千伏安", ("一万五千千伏安", 15000, None, "kVA", "level", None)),
])
def test_chinese_numbers(text, expected):
    got = only(text)
    assert got[0] == expected[0]
    assert got[1] == pytest.approx(expected[1])
    assert got[2] == (None if expected[2] is None else pytest.approx(expected[2]))
    assert got[3:] == expected[3:]


@pytest.mark.parametrize("text", [
    "统一支配", "一定要完成", "这是主要任务之一", "十分重要", "进一步提高", "第一个五年计划",
    "第五次会议", "1330型万能磨床", "1A62型车床", "另一个原因", "千方百计", "一个人", "鞍钢五号高炉",
    "橡胶四厂", "万能磨床", "五○年代", "千斤顶", "几万元的收入", "召开了万人大会", "每百斤麦子", "成千上万", "千百万群众",
])
def test_words_that_are_not_quantities(text):
    assert find_chinese_numbers(text) == []


def test_numbers_keep_their_order_and_offsets():
    text = "十一月一日到二十日已完成全月计划的百分之七十二点四"
    spans = [text[q.start:q.end] for q in find_chinese_numbers(text)]
    assert spans == ["十一月", "一日", "二十日", "百分之七十二点四"]


def test_a_change_from_one_level_to_another_is_no_range():
    """由30％提高到45％ and 从八百人到一千二百人 state a starting level and a new one."""
    for text in ("入学率由30％提高到45％", "职工从八百人到一千二百人", "由三百斤至四百斤"):
        assert [q.high for q in find_chinese_numbers(text)] == [None, None]


def test_any_text_reads_without_error():
    """OCR produces every mixture of numeral characters; the reader never raises."""
    from hypothesis import given, settings, strategies as st

    alphabet = "〇○零一二三四五六七八九两十百千万亿廿卅另点·,，.％%倍年月日个亩斤元多余左右以上到或、第0123456789１２"

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.text(alphabet=alphabet, max_size=20))
    def read(text):
        for q in find_chinese_numbers(text):
            assert 0 <= q.start < q.end <= len(text)

    read()
