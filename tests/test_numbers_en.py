"""English number normalisation: digits, words, mixtures, percentages, multiples, dates."""
import pytest

from pipeline.extract.numbers_en import find_english_numbers, words_value


@pytest.mark.parametrize("text, value", [
    ("twenty-four", 24), ("one hundred and twenty", 120), ("900 thousand", 9e5),
    ("1.9 million", 1.9e6), ("53.9 billion", 5.39e10), ("6,000", 6000), ("fifty", 50),
    ("two hundred", 200), ("seventeen", 17), ("5 million", 5e6),
])
def test_word_values(text, value):
    assert words_value(text) == pytest.approx(value)


def only(text):
    found = find_english_numbers(text)
    assert len(found) == 1, [(text[q.start:q.end], q.value) for q in found]
    q = found[0]
    return text[q.start:q.end], q.value, q.high, q.unit, q.kind, q.comparator


@pytest.mark.parametrize("text, expected", [
    ("would increase to more than 900 thousand with",
     ("more than 900 thousand", 9e5, None, None, "level", "more_than")),
    ("an output value of more than 1 billion yuan;",
     ("more than 1 billion yuan", 1e9, None, "yuan", "level", "more_than")),
    ("more than 1.9 million cooperatives", ("more than 1.9 million", 1.9e6, None, None, "level", "more_than")),
    ("saving 53.9 billion yuan", ("53.9 billion yuan", 5.39e10, None, "yuan", "level", None)),
    ("140 million catties a year", ("140 million catties", 1.4e8, None, "jin", "level", None)),
    ("a 37% increase", ("37%", 37, None, "%", "percent", None)),
    ("increased by 10 percent", ("10 percent", 10, None, "%", "percent", None)),
    ("only 0.71% of the total", ("0.71%", 0.71, None, "%", "percent", None)),
    ("about 60% of all households", ("about 60%", 60, None, "%", "percent", "about")),
    ("80% or more of the peasants", ("80% or more", 80, None, "%", "percent", "at_least")),
    ("and doubled", ("doubled", 2, None, "times", "multiple", None)),
    ("increased by nearly twofold", ("nearly twofold", 2, None, "times", "increase_by", "nearly")),
    ("increased work efficiency by more than tenfold.", ("more than tenfold", 10, None, "times", "increase_by", "more_than")),
    ("four or five catties more", ("four or five catties", 4, 5, "jin", "level", None)),
    ("paid four or five hundred jin", ("four or five hundred jin", 400, 500, "jin", "level", None)),
    ("drew four or five thousand young people", ("four or five thousand", 4000, 5000, None,
                                                 "level", None)),
    ("70% to 80% of the trade", ("70% to 80%", 70, 80, "%", "percent", None)),
    ("an increase of 5-10 percent", ("5-10 percent", 5, 10, "%", "percent", None)),
    ("1,500-2,000 tons of steel", ("1,500-2,000 tons", 1500, 2000, "ton", "level", None)),
    ("during 1953-1957 the plan", ("1953-1957", 1953, 1957, "year", "date", None)),
    ("from 1950 – 1956 it grew", ("1950 – 1956", 1950, 1956, "year", "date", None)),
    ("6,000-kilowatt generators", ("6,000-kilowatt", 6000, None, "kW", "level", None)),
    ("31,500-kilovolt-ampere transformers", ("31,500-kilovolt-ampere", 31500, None, "kVA", "level", None)),
    ("1,700 kilograms per month", ("1,700 kilograms", 1700, None, "kg", "level", None)),
    ("more than 7 million mu", ("more than 7 million mu", 7e6, None, "mu", "level", "more_than")),
    ("1,100 hectares", ("1,100 hectares", 1100, None, "hectare", "level", None)),
    ("nearly 200 cooperatives", ("nearly 200", 200, None, None, "level", "nearly")),
    ("one hundred and twenty pairs", ("one hundred and twenty pairs", 120, None, "pairs", "level", None)),
    ("twenty-four major products", ("twenty-four", 24, None, None, "level", None)),
    ("in two years", ("two years", 2, None, "year", "duration", None)),
    ("concluded on the 28th.", ("28th", 28, None, "day", "date", None)),
    ("In 1954, it grew", ("1954", 1954, None, "year", "date", None)),
    ("produced in May by the mill", ("May", 5, None, "month", "date", None)),
    ("planned for January to November.", ("January to November", 1, 11, "month", "date", None)),
    ("less than 30 people", ("less than 30 people", 30, None, "people", "level", "less_than")),
    ("70 million households", ("70 million households", 7e7, None, "households", "level", None)),
    # a range takes the scale of its upper end
    ("2 to 3 billion jin", ("2 to 3 billion jin", 2e9, 3e9, "jin", "level", None)),
    ("output will exceed 20 billion jin", ("exceed 20 billion jin", 2e10, None, "jin", "level",
                                           "more_than")),
    # shares written as words: 一半, 三分之二
    ("more than half of the farmers", ("more than half", 50, None, "%", "percent", "more_than")),
    ("about two-thirds of the cooperatives", ("about two-thirds", 66.67, None, "%", "percent",
                                              "about")),
    ("a quarter of the land", ("a quarter", 25, None, "%", "percent", None)),
    ("the tax was reduced by one-fifth", ("one-fifth", 20, None, "%", "percent", None)),
    ("moved 3.2 cubic meters of earth", ("3.2 cubic meters", 3.2, None, "cubic meter", "level",
                                         None)),
    ("double that of last spring", ("double", 2, None, "times", "multiple", None)),
    ("twice as much as before", ("twice", 2, None, "times", "multiple", None)),
    ("staff of not more than five people", ("not more than five people", 5, None, "people",
                                            "level", "less_than")),
    ("double the number of last year", ("double", 2, None, "times", "multiple", None)),
    ("must not exceed 5%", ("not exceed 5%", 5, None, "%", "percent", "less_than")),
    ("a loan of no more than 300 yuan", ("no more than 300 yuan", 300, None, "yuan", "level",
                                         "less_than")),
    # a half added to a whole number; a comparator before a multiplying verb
    ("two and a half times the output of that year", ("two and a half times", 2.5, None, "times",
                                                 "multiple", None)),
    ("one and a half million mu of wheat", ("one and a half million mu", 1.5e6, None, "mu",
                                            "level", None)),
    # 万 and 亿 translated word by word; comparators of the period's translations
    ("about 45 ten thousand mu", ("about 45 ten thousand mu", 4.5e5, None, "mu", "level",
                                  "about")),
    ("reached 2.3 hundred million yuan", ("2.3 hundred million yuan", 2.3e8, None, "yuan",
                                          "level", None)),
    ("upwards of 3,000 workers", ("upwards of 3,000", 3000, None, None, "level", "more_than")),
    ("no less than 50 tons", ("no less than 50 tons", 50, None, "ton", "level", "at_least")),
    ("3,000-odd households joined", ("3,000-odd households", 3000, None, "households", "level",
                                     "more_than")),
    ("300 odd workers", ("300 odd", 300, None, None, "level", "more_than")),
    ("averaged 210 shi jin per mu", ("210 shi jin", 210, None, "jin", "level", None)),
    ("sales of eggs have more than doubled", ("more than doubled", 2, None, "times",
                                              "multiple", "more_than")),
])
def test_english_numbers(text, expected):
    got = only(text)
    assert got[0] == expected[0]
    assert got[1] == pytest.approx(expected[1])
    assert got[2] == (None if expected[2] is None else pytest.approx(expected[2]))
    assert got[3:] == expected[3:]


@pytest.mark.parametrize("text", ["in the first half of the year", "half of the year",
                                  "one and a half tons", "a quarter of the year"])
def test_halves_and_quarters_of_time_are_no_shares(text):
    assert not [q for q in find_english_numbers(text) if q.unit == "%"]


def test_month_and_day():
    text = "Xinhua News Agency, December 30th – the conference"
    assert [(text[q.start:q.end], q.value, q.unit) for q in find_english_numbers(text)] == [
        ("December", 12, "month"), ("30th", 30, "day")]


def test_day_range_is_a_date_not_a_quantity():
    text = "Dates of Meeting: March 2 – 9, 1954"
    assert [(text[q.start:q.end], q.value, q.high, q.kind) for q in find_english_numbers(text)] == [
        ("March", 3, None, "date"), ("2 – 9", 2, 9, "date"), ("1954", 1954, None, "date")]


@pytest.mark.parametrize("text", [
    "one of the standards", "the 3rd National Conference", "the 1330-type grinder",
    "the 1A62-type lathe", "the First Five-Year Plan", "the second FYP period",
    "We fought tenaciously", "Anshan's No. 5 blast furnace", "At 5:30 PM",
    "experiences: 1.", "double-wheeled ploughs", "it may rain",
])
def test_words_that_are_not_quantities(text):
    assert find_english_numbers(text) == []


def test_a_year_before_to_is_no_range():
    """"from 34 in 1951 to 612": the year closes the first end of a change; both ends stay."""
    text = "cooperatives grew from 34 in 1951 to 612, and output from 16 million tons in 1965 " \
           "to 28 million tons"
    assert [(q.value, q.kind) for q in find_english_numbers(text)] == [
        (34, "level"), (1951, "date"), (612, "level"), (16e6, "level"), (1965, "date"),
        (28e6, "level")]


@pytest.mark.parametrize("text, expected", [
    ("increased by 20,000 to 150,000", [(2e4, None), (1.5e5, None)]),
    ("rose from 12 to 20%", [(12, "%"), (20, "%")]),
    ("rose from 120 to 180 thousand tons", [(1.2e5, "ton"), (1.8e5, "ton")]),
    ("increased by 5 to 10 percent", [(5, "%")]),  # a range: its ends are close
])
def test_the_two_ends_of_a_change_are_no_range(text, expected):
    assert [(q.value, q.unit) for q in find_english_numbers(text)] == expected


def test_twice_a_month_is_no_multiple():
    assert find_english_numbers("They go to the countryside twice a month.") == []


def test_ten_eight_foot_lathes_are_two_numbers():
    text = "ten eight-foot lathes"
    assert [(q.value, q.unit) for q in find_english_numbers(text)] == [(10, None), (8, "foot")]


def test_any_text_reads_without_error():
    from hypothesis import given, settings, strategies as st

    words = st.sampled_from(["one", "twenty", "-four", "hundred", "and", "thousand", "million",
                             "1,200", "3.5", "%", "percent", "to", "or", "more than", "fold",
                             "December", "30th", "the", "No.", "5:30", "catties", "doubled",
                             "1955", ";", ":", " "])

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.lists(words, max_size=12))
    def read(parts):
        text = " ".join(parts)
        for q in find_english_numbers(text):
            assert 0 <= q.start < q.end <= len(text)

    read()
