"""English numeric facts (GUIDELINE.md): development articles pinned field by field (read by
hand), and the reader's rules on small documents written here."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import rmrb
from pipeline.stages import process_file


def english_facts(tmp_path: Path, *paragraphs: str, date: str = "1955-12-01",
                  title: str = "News"):
    """The English targets of a one-language rmrb-style article with these paragraphs."""
    path = tmp_path / "article.md"
    body = "\n\n".join(paragraphs)
    path.write_text(f"Title: {title}\nDate: {date}\n\n{body}\n", encoding="utf-8")
    return [t for t in process_file(path, tmp_path).targets if t.lang == "en"]


def one(facts, value, unit=...):
    hits = [t for t in facts if t.value == pytest.approx(value)
            and (unit is ... or t.unit == unit)]
    assert len(hits) == 1, [(t.text, t.value, t.unit) for t in facts]
    return hits[0]


def fields(t):
    return (t.kind, t.status, t.time, t.unit, t.comparator)


# ---------------------------------------------------------------- development articles

@pytest.fixture(scope="module")
def industry(processed):
    """1953-12-01: state industry's monthly results."""
    return [t for t in processed(rmrb("1953-12-01_在增产")).targets if t.lang == "en"]


def test_months_of_a_report(industry):
    # "nineteen products exceeded the state plan in September, and in October ... fifteen"
    assert one(industry, 19).time == "1953-09"
    assert one(industry, 15, None).time == "1953-10"
    # "From November 1st to 20th, state-owned coal mines had completed 72.4% of the full
    # month's plan, an increase of 7.4% compared with the same period in October."
    plan = one(industry, 72.4)
    assert fields(plan) == ("plan_fulfilment_pct", "achieved", "1953-11", "%", None)
    rise = one(industry, 7.4)
    assert fields(rise) == ("increase_by", "achieved", "1953-11", "%", None)
    assert "coal mines" in rise.indicator  # the change of the fact before it


def test_falls_and_an_index(industry):
    cost = one(industry, -11.4)  # "The production cost ... decreased by 11.4% in September"
    assert fields(cost) == ("increase_by", "achieved", "1953-09", "%", None)
    assert "production cost" in cost.indicator
    saved = one(industry, -53.9e9)  # "a total cost reduction value of 53.9 billion yuan"
    assert (saved.kind, saved.unit) == ("increase_by", "yuan")
    # "Taking the actual output from September 10th to 20th as 100, ... pulp 106.29"
    base = one(industry, 100, "%")
    assert base.time == "1953-09"
    pulp = one(industry, 106.29)
    assert (pulp.unit, pulp.time, pulp.indicator) == ("%", "1953-10", "pulp")


def test_forecasts_and_savings(industry):
    # "can save 20.38 billion yuan annually": a saving is no fall, and "can" forecasts
    saving = one(industry, 20.38e9)
    assert (saving.value > 0, saving.kind, saving.status, saving.indicator) == (
        True, "level", "forecast", "savings")
    # "the task of increasing coal production by 100,000 tons" is a plan
    assert one(industry, 100_000).status == "planned"
    assert one(industry, 150_000).status == "forecast"  # "can increase production by"
    shoes = one(industry, 180)  # "increased from 120 pairs to 180 pairs"
    assert (shoes.kind, shoes.unit, one(industry, 120).kind) == ("increase_to", None, "level")


def test_counts_that_are_not_facts(industry):
    values = {t.value for t in industry}
    # "of the twenty-four major industrial products belonging to the five central industrial
    # ministries", "thirteen of the eighteen major products", "a comprehensive statistic of
    # ninety-two enterprises", '"85" flour', "if this method is promoted in thirteen flour
    # mills", "ten eight-foot lathes" (the eight)
    assert not values & {24, 5, 18, 92, 85, 8}
    assert [t.value for t in industry].count(13) == 1  # thirteen products, not mills
    assert one(industry, 10, None).indicator == "eight-foot lathes"


def test_plan_fulfilment_forecasts_and_an_elided_list(processed):
    """1956-01-01, a review of 1955: "is expected to complete 100.41% of the plan. Among
    them, the Ministry of Coal Industry is expected to reach 101.7%; the Ministry of Electric
    Power Industry, 107.5%; ..." and "increased by 54% compared to 1954"."""
    facts = [t for t in processed(rmrb("1956-01-01")).targets if t.lang == "en"]
    for value in (101, 100.41, 101.7, 107.5, 101.2, 94.9, 97.7):
        t = one(facts, value)
        assert fields(t) == ("plan_fulfilment_pct", "forecast", "1955", "%", None), value
    assert "Ministry of Electric Power Industry" in one(facts, 107.5).indicator
    growth = one(facts, 54)
    assert fields(growth) == ("increase_by", "achieved", "1955", "%", None)
    assert growth.indicator == "total value of industrial output"
    # specifications, not facts: "6,000-kilowatt", "40-ton", "31,500-kilovolt-ampere"
    assert not {t.value for t in facts} & {6000, 40, 31500, 46, 7}


def test_plans_of_a_province(processed):
    """1955-12-01 Henan: "By August 1956, the number of agricultural cooperatives will have
    increased to 320,593"; "grain production reach 28 billion catties next year and 32
    billion catties in 1957, an increase of 6.7 billion catties compared with the present"."""
    facts = [t for t in processed(rmrb("1955-12-01_河南")).targets if t.lang == "en"]
    cooperatives = one(facts, 320_593)
    assert fields(cooperatives) == ("increase_to", "planned", "1956-08", None, None)
    assert "agricultural cooperatives" in cooperatives.indicator
    assert one(facts, 28e9).time == "1956"
    assert one(facts, 32e9).time == "1957"
    rise = one(facts, 6.7e9)
    assert fields(rise) == ("increase_by", "planned", "1957", "jin", None)
    assert rise.indicator == "grain production"
    # "developed from the original 44,625 ... cooperatives to 135,413 cooperatives"
    assert (one(facts, 44_625).kind, one(facts, 135_413).kind) == ("level", "increase_to")
    assert one(facts, 1200).status == "planned"  # "... and the average per capita grain be"
    assert one(facts, 700).time == "1956"  # "In the second half of the year" after 1956


def test_estimates_people_and_ranges(processed):
    """1955-12-01 rural private merchants: "according to ... estimates, by the end of the
    year, 890,000 rural private merchants will have undergone ..."; "wholesale accounting for
    70 to 80 percent"."""
    facts = [t for t in processed(rmrb("1955-12-01_农村")).targets if t.lang == "en"]
    merchants = one(facts, 890_000)
    assert fields(merchants) == ("level", "forecast", "1955", "people", None)
    wholesale = one(facts, 70)
    assert (wholesale.high, wholesale.kind, wholesale.indicator) == (80, "share",
                                                                   "share of wholesale")
    assert one(facts, 1.1e6).unit == "people"  # "... cooperative cadres nationwide"
    assert one(facts, 40).status == "forecast"  # "Among them, ..." continues the estimate


def test_a_plan_then_what_was_done(processed):
    """1955-08-03: "we formulated a production and disaster relief plan: rush-plant 800 mu
    of late rice, ..."; "we decided that each laborer should reclaim one mu of wasteland, and
    more than 50 mu have now been reclaimed"; "By July 15, we had already transplanted"."""
    facts = [t for t in processed(rmrb("1955-08-03")).targets if t.lang == "en"]
    assert fields(one(facts, 800)) == ("level", "planned", "1955", "mu", None)
    assert one(facts, 1, "mu").status == "planned"
    reclaimed = next(t for t in facts if t.text == "more than 50 mu")
    assert fields(reclaimed) == ("level", "achieved", "1955", "mu", "more_than")
    # "suffered another flood in June this year, with more than ... 300 mu of cotton being
    # flooded"; "By July 15, we had already transplanted more than 300 mu of late rice"
    cotton, rice = [t for t in facts if t.value == 300]
    assert (cotton.time, cotton.indicator, rice.time, rice.indicator) == (
        "1955-06", "cotton", "1955-07", "late rice")
    assert one(facts, 20, "mu").kind == "share"  # "(including 20 mu of reclaimed wasteland)"
    assert one(facts, 40).unit == "people"  # "40 male laborers"


def test_shares_half_and_a_plan_of_the_year(processed):
    """1956-01-03, agricultural cooperatives in 1955: "more than half of the farmers have
    joined"; "Of the 400,000 ... plows planned for promotion nationwide in 1955, only more
    than 80,000 were promoted in the first half of the year"."""
    facts = [t for t in processed(rmrb("1956-01-03_1955")).targets if t.lang == "en"]
    half = one(facts, 50)
    assert fields(half) == ("share", "achieved", "1955", "%", "more_than")
    assert fields(one(facts, 400_000)) == ("level", "planned", "1955", None, None)
    assert fields(one(facts, 80_000)) == ("level", "achieved", "1955", None, "more_than")
    assert one(facts, 70e6).unit == "households"
    assert one(facts, 80).kind == "share"  # "Of the 650,000 old cooperatives, more than 80%"


# ---------------------------------------------------------------- rules

def test_a_preposition_as_root_ends(tmp_path):
    """Issue 11: "Of 500." (a letters column) made the indicator climb loop for ever."""
    facts = english_facts(tmp_path, "Of 500.", "Of the 500 workers, 20 were women.")
    assert [t.value for t in facts if t.value == 500]


def test_a_range_keeps_both_ends(tmp_path):
    facts = english_facts(tmp_path, "The grain output of the province rose to 2 to 3 billion "
                                    "jin in 1955.")
    grain = one(facts, 2e9)
    assert (grain.high, grain.unit, grain.kind, grain.time) == (3e9, "jin", "increase_to",
                                                                 "1955")
    assert "grain output" in grain.indicator


def test_baseline_year_is_not_the_time(tmp_path):
    facts = english_facts(tmp_path, "Steel output in 1955 increased by 12% compared with 1954.",
                          "Coal output was 20% higher than last year.", date="1956-01-05",
                          title="Industry in 1955")
    assert fields(one(facts, 12)) == ("increase_by", "achieved", "1955", "%", None)
    assert one(facts, 20).time == "1955"  # the topic year, not last year's baseline


def test_a_month_stays_in_its_sentence(tmp_path):
    facts = english_facts(tmp_path, "In October the mine produced 3,000 tons of coal.",
                          "The mine employs 400 workers.", date="1955-12-01")
    assert one(facts, 3000).time == "1955-10"
    workers = one(facts, 400)
    assert (workers.time, workers.unit, workers.indicator) == ("1955", "people", "workers")


def test_status_words(tmp_path):
    facts = english_facts(
        tmp_path,
        "By the end of 1957, the number of cooperatives will increase to 5,000.",
        "This year's cotton output is expected to reach 1.2 million tons.",
        "It is estimated that the province will harvest 800,000 jin of rice.",
        "The factory exceeded the annual plan by 8% and fulfilled 101.1% of the annual plan.",
        "The cooperative saved 20,000 yuan.")
    assert fields(one(facts, 5000)) == ("increase_to", "planned", "1957", None, None)
    assert fields(one(facts, 1.2e6)) == ("increase_to", "forecast", "1955", "ton", None)
    assert one(facts, 800_000).status == "forecast"
    assert fields(one(facts, 8)) == ("increase_by", "achieved", "1955", "%", None)
    assert fields(one(facts, 101.1)) == ("plan_fulfilment_pct", "achieved", "1955", "%", None)
    saved = one(facts, 20_000)
    assert (saved.value > 0, saved.kind, saved.unit) == (True, "level", "yuan")


def test_numbers_that_are_not_facts(tmp_path):
    facts = english_facts(
        tmp_path,
        "The fields were ploughed three times before sowing.",
        "A survey of 744 households showed that incomes rose.",
        "The 3 main forms of cooperation: supply groups, supply cooperatives and producer "
        "cooperatives.",
        "The temperature reached 130 °F in the workshop.",
        "Workers of the 501 Power Plant met in the city.",
        "The plant built 12 6,000-kilowatt generating sets.",
        "Under Article 3 of the regulations, the tasks are: (1) to train technicians.",
        "The county secretary went to Dazhai three times.",
        "The land was deep-ploughed three times under the Eight-Character Charter.",
        "The brigade's deeds were reported on page 2 of this paper.",
        "Grain output is three times that of 1949, and cotton output rose three times.")
    assert [t.value for t in facts] == [12, 3, 3]


def test_changes_read_as_the_fact_before_them(tmp_path):
    facts = english_facts(
        tmp_path,
        "Last year the province's grain output reached 12.5 billion jin, 8 percent more than "
        "in 1955.",
        "The state purchased 4.5 million tons of grain, 300,000 tons more than planned.",
        "Each mu yielded an average of 350 catties of rice, up from 280 catties.",
        date="1957-03-12")
    rise = one(facts, 8)
    assert (rise.kind, rise.time, rise.indicator) == ("increase_by", "1956",
                                                      "province's grain output")
    assert one(facts, 12.5e9).time == "1956"
    more = one(facts, 300_000)
    assert (more.kind, more.indicator) == ("increase_by", "grain")
    assert one(facts, 280).indicator == "rice"


def test_parts_of_a_whole(tmp_path):
    facts = english_facts(
        tmp_path,
        "The factory employs 1,500 workers, 40 percent of whom are women.",
        "The county has 300,000 mu of cultivated land, of which 80,000 mu are irrigated.",
        "About two-thirds of the cooperatives have reaped bumper harvests.",
        "Of the 120 cooperatives in the county, 95 have increased production.")
    women = one(facts, 40)
    assert (women.kind, women.indicator) == ("share", "share of workers")
    assert (one(facts, 1500).unit, one(facts, 80_000).kind) == ("people", "share")
    two_thirds = one(facts, 66.67)
    assert (two_thirds.kind, two_thirds.comparator, two_thirds.indicator) == (
        "share", "about", "share of cooperatives")
    assert one(facts, 120).kind == "level"  # "Of the 120 cooperatives": no change
    assert one(facts, 95).indicator == "cooperatives"


def test_a_headline_in_title_case(tmp_path):
    facts = english_facts(tmp_path, "Shanghai Overfulfils Its Textile Plan by 12 Percent",
                          "The plant's output rose.", date="1964-10-02")
    rise = one(facts, 12)
    assert (rise.kind, rise.indicator) == ("increase_by", "Textile Plan")


def test_plan_periods_targets_and_quotas(tmp_path):
    facts = english_facts(
        tmp_path,
        "During the First Five-Year Plan period, the country built 694 large industrial "
        "projects.",
        "The target set for 1960 is 18.4 million tons of steel.",
        "The workers of the mine have pledged to produce 100,000 tons of coal above quota in "
        "1960.",
        date="1960-01-05")
    projects = one(facts, 694)
    assert (projects.time, projects.status) == ("1957", "achieved")  # the span's end
    assert fields(one(facts, 18.4e6)) == ("level", "planned", "1960", "ton", None)
    assert fields(one(facts, 100_000)) == ("increase_by", "planned", "1960", "ton", None)


def test_a_change_from_one_time_to_another(tmp_path):
    facts = english_facts(
        tmp_path,
        "The number of pigs raised by commune members increased from 150,000 head at the end "
        "of last year to 210,000 head.",
        "This year, the total output of the county's 45 communes reached 320 million jin.",
        date="1965-12-28")
    start, end = one(facts, 150_000), one(facts, 210_000)
    assert (start.time, start.kind, start.unit) == ("1964", "level", None)
    assert (end.time, end.kind, end.indicator) == ("1965", "increase_to", "number of pigs")
    assert not [t for t in facts if t.value == 45]  # the county's 45 communes: a named set


def test_relative_months_troops_and_totals(tmp_path):
    facts = english_facts(
        tmp_path,
        "In the past month, the People's Liberation Army annihilated more than 40,000 "
        "Kuomintang troops.",
        "Over 300,000 peasants in the liberated areas received land, totalling 2.5 million mu.",
        "The grain tax will be reduced by one-fifth next year.",
        date="1947-06-15")
    troops = one(facts, 40_000)
    assert (troops.time, troops.unit, troops.comparator) == ("1947-05", "people", "more_than")
    land = one(facts, 2.5e6)
    assert (land.kind, land.indicator) == ("level", "land")
    assert fields(one(facts, -20)) == ("increase_by", "planned", "1948", "%", None)


def test_among_them_continues_the_time_before(tmp_path):
    facts = english_facts(tmp_path, "Last year, the province's cotton output was 2.1 million "
                                    "dan. Among them, Shandong accounted for 40 percent.",
                          date="1956-01-04")
    assert one(facts, 2.1e6).time == one(facts, 40).time == "1955"
    assert one(facts, 40).kind == "share"


def test_a_baseline_in_the_title_is_not_the_topic_year(tmp_path):
    """A January summary of last year: "compared with 1949" in the title is a baseline."""
    facts = english_facts(
        tmp_path, "The county's total grain output reached 1.2 billion catties, an increase of "
                  "30% over 1949.",
        title="The County Reaped a Bumper Harvest Last Year; Grain Output Increased Greatly "
              "Compared with 1949", date="1953-01-06")
    assert one(facts, 1.2e9).time == one(facts, 30).time == "1952"


def test_a_report_period_governs_its_paragraph(tmp_path):
    """"by the end of May" on the main verb times the paragraph's later sentences; an
    event's month ("a flood in June") and a day ("By July 15") do not."""
    facts = english_facts(
        tmp_path,
        "By the end of May this year the balance of savings deposits had reached 1.6 billion "
        "yuan. Among them, urban savings were 1.2 billion yuan.",
        "The county suffered a flood in June this year. The cooperative then planted 800 mu "
        "of late rice.",
        date="1955-06-20")
    assert one(facts, 1.6e9).time == "1955-05"
    urban = one(facts, 1.2e9)
    assert (urban.time, urban.kind) == ("1955-05", "share")  # a part of the whole before
    assert one(facts, 800).time == "1955"


def test_a_plan_period_governs_its_paragraph(tmp_path):
    facts = english_facts(
        tmp_path,
        "The province will carry out capital construction during the Third Five-Year Plan "
        "period. It will build and expand more than 80 large projects within five years.",
        date="1966-01-08")
    projects = one(facts, 80)
    assert (projects.time, projects.kind, projects.status) == ("1970", "level", "planned")


def test_the_start_of_a_planned_change_exists(tmp_path):
    facts = english_facts(
        tmp_path,
        "The irrigated area will expand from the original 150,000 mu to 950,000 mu. Producers' "
        "cooperatives developed from 34 in 1951 to 612 this year.",
        date="1952-12-08")
    assert one(facts, 150_000).status == "achieved"
    assert one(facts, 950_000).status == "planned"
    start = one(facts, 34)
    assert start.time == "1951" and "cooperatives" in start.indicator
    assert one(facts, 612).time == "1952"


def test_statistics_from_units_and_a_doubling(tmp_path):
    """"statistics from 12 work sections" is a sample; "double that of last spring" is a
    multiple whose "last spring" is the baseline, not the time."""
    facts = english_facts(
        tmp_path,
        "According to statistics from 12 work sections, each laborer dug an average of 3.2 "
        "cubic meters of earth per day, double that of last spring.",
        date="1951-12-08")
    assert not [t for t in facts if t.value == 12]
    assert fields(one(facts, 3.2)) == ("level", "achieved", "1951", "cubic meter", None)
    assert one(facts, 2, "times").time == "1951"


def test_the_next_five_years_end_a_plan(tmp_path):
    """Written in January 1966, "the next five years" are 1966-1970; the end of a change
    does not take the time of its start ("from 12% last year to 20%")."""
    facts = english_facts(
        tmp_path,
        "The province will build more than 80 large projects in the next five years.",
        "The peasant households taking part in savings increased from 12% last year to more "
        "than 20%.",
        date="1966-01-08")
    assert one(facts, 80).time == "1970"
    assert (one(facts, 12).time, one(facts, 20).time) == ("1965", "1966")


def test_a_part_of_the_plan_and_a_past_month_after_a_plan(tmp_path):
    """"Of this" is a part of the last whole in the same unit; "must not exceed" is an upper
    bound; a bare month in a past-tense sentence after "next year" is this year's; "double
    the number of last year" is a multiple of the fact before, with last year its baseline."""
    facts = english_facts(
        tmp_path,
        "Next year, the province strives to increase grain output to 9 billion jin, and the "
        "cost per unit must not exceed 5%. Of this, 3 billion jin will come from the mountain "
        "areas. By the end of November, the province had built 1,200 reservoirs, double the "
        "number of last year.",
        date="1957-12-28")
    assert one(facts, 5).comparator == "less_than"
    part = one(facts, 3e9)
    assert (part.kind, part.indicator, part.time, part.status) == (
        "share", "grain output", "1958", "planned")
    assert fields(one(facts, 1200)) == ("level", "achieved", "1957-11", None, None)
    double = one(facts, 2, "times")
    assert (double.time, double.indicator) == ("1957-11", "reservoirs")


def test_a_change_and_its_new_level(tmp_path):
    facts = english_facts(
        tmp_path, "The number of students increased by 20,000 to 150,000. The output of pig "
                  "iron rose from 120 to 180 thousand tons.", date="1957-11-20")
    assert (one(facts, 20_000).kind, one(facts, 150_000).kind) == ("increase_by", "increase_to")
    start = one(facts, 120_000)
    assert (start.kind, start.unit, start.indicator) == ("level", "ton", "output of pig iron")


def test_an_opening_year_governs_its_paragraph(tmp_path):
    """A January report: "Last year, ..." opening the paragraph times its later sentences;
    "30% of the annual plan will be completed" is the plan's fulfilment; "a total of 1,200
    households" counts households."""
    facts = english_facts(
        tmp_path,
        "Last year the commune harvested 12 million jin of grain. Compared with 1960, the "
        "output increased by 15%.",
        "In the first quarter, 30% of the annual plan will be completed. A total of 1,200 "
        "households joined the team.",
        date="1962-01-10")
    assert one(facts, 12e6).time == one(facts, 15).time == "1961"
    plan = one(facts, 30)
    assert (plan.kind, plan.indicator, plan.status) == (
        "plan_fulfilment_pct", "annual plan fulfilment", "planned")
    assert one(facts, 1200).indicator == "households"


def test_present_counts_a_possessive_and_a_span_of_months(tmp_path):
    """"The county has 45 people's communes" after "In 1958, ..." is now, and counts
    communes, not people; "In January and February this year" is timed by its end."""
    facts = english_facts(
        tmp_path,
        "In 1958, the county's steel output was 20,000 tons. The county has 45 people's "
        "communes. In January and February this year, the county produced 5,000 tons of steel.",
        date="1959-03-02")
    assert one(facts, 20_000).time == "1958"
    communes = one(facts, 45)
    assert (communes.time, communes.unit) == ("1959", None)
    assert one(facts, 5_000).time == "1959-02"


def test_a_month_reported_then_the_whole_month_and_a_gapped_list(tmp_path):
    """A monthly report: "for the whole month" and a comparison with the month before take
    the month the paragraph named; "coke by 6%, and washed coal by 4.2%" share the verb of
    the item before them."""
    facts = english_facts(
        tmp_path,
        "The Fuxin Mining Bureau overfulfilled its state plan in March. Coal output for the "
        "whole month fulfilled 106.3% of the monthly plan, and coke 102.5%. Compared with "
        "February, coal output rose by 11%, coke by 6%, and washed coal by 4.2%.",
        date="1958-04-09")
    plan = one(facts, 106.3)
    assert fields(plan) == ("plan_fulfilment_pct", "achieved", "1958-03", "%", None)
    assert one(facts, 102.5).time == "1958-03"
    assert fields(one(facts, 11)) == ("increase_by", "achieved", "1958-03", "%", None)
    for value, item in ((6, "coke"), (4.2, "washed coal")):
        fact = one(facts, value)
        assert (fact.kind, fact.time, item in fact.indicator) == ("increase_by", "1958-03", True)


def test_a_named_mill_a_fractional_multiple_and_a_unit_before_a_time(tmp_path):
    """"Mill 12" is a name; "three and a half times the figure for the same period last
    year" is a multiple whose baseline is last year; "from 40,000 tons last year" is a fact
    (a time, not a described noun, follows its unit)."""
    facts = english_facts(
        tmp_path,
        "Mill 12 produced 3,500 bolts of cloth in May, three and a half times the figure for "
        "the same period last year. In the whole year the mill will weave 40,000 bolts.",
        "The supply of cement has grown from 40,000 tons last year to 65,000 tons.",
        date="1959-06-20")
    assert not [t for t in facts if t.value == 12]
    multiple = one(facts, 3.5)
    assert (multiple.unit, multiple.kind, multiple.time) == ("times", "multiple", "1959-05")
    assert one(facts, 40_000, None).time == "1959"  # "the whole year" is not last year
    start = one(facts, 40_000, "ton")
    assert (start.kind, start.time, start.indicator) == ("level", "1958", "supply of cement")
    assert one(facts, 65_000).kind == "increase_to"


def test_parts_of_which_and_of_whom(tmp_path):
    facts = english_facts(
        tmp_path,
        "The workers of the bureau made more than 2,600 technical proposals, of which 1,150 "
        "have been adopted. The district has 48,000 pupils, of whom 21,000 are girls.",
        date="1963-05-04")
    adopted = one(facts, 1150)
    assert (adopted.kind, adopted.indicator) == ("share", "technical proposals adopted")
    girls = one(facts, 21_000)
    assert (girls.kind, girls.unit, girls.indicator) == ("share", "people", "girls")


def test_a_verb_that_multiplies_goods_worth_and_more_workers(tmp_path):
    """"have all more than tripled" multiplies its subject; "sell goods worth N yuan" is
    the value of the sales; "employ 3,000 more shop assistants" counts them (no change
    against a "than")."""
    facts = english_facts(
        tmp_path,
        "The sales of sewing machines, bicycles and radios have all more than tripled "
        "compared with last year. Next year the company plans to sell industrial goods worth "
        "450 million yuan and to employ 3,000 more shop assistants.",
        date="1964-12-15")
    tripled = one(facts, 3, "times")
    assert (tripled.comparator, tripled.kind) == ("more_than", "multiple")
    assert tripled.indicator.startswith("sales of sewing machines")
    goods = one(facts, 450e6)
    assert (goods.indicator, goods.status, goods.time) == (
        "sales of industrial goods", "planned", "1965")
    assistants = one(facts, 3000)
    assert fields(assistants) == ("level", "planned", "1965", "people", None)


def test_a_list_of_products_and_a_rise_after_a_plan(tmp_path):
    """"; cotton yarn 62,000 pieces, an increase of 9%; and paper 15,000 tons" are items of
    the list the first one opens (an amount continues an amount, not the rise between);
    "an increase of 14.6%" after "108% of the annual plan" is the output's rise; "Output
    Value" in a headline is what is measured, not an organisation."""
    facts = english_facts(
        tmp_path,
        "The total industrial output value of the province in 1957 reached 1.15 billion yuan, "
        "completing 108% of the annual plan, an increase of 14.6% over 1956. The output of "
        "the main products all increased: coal output was 1.8 million tons, an increase of "
        "21% over the previous year; cotton yarn 62,000 pieces, an increase of 9%; and paper "
        "15,000 tons.",
        date="1958-01-05", title="Jiangxi's Industrial Output Value Exceeded the Plan by 8%")
    assert "Output Value" in one(facts, 8).indicator
    assert one(facts, 14.6).indicator == "total industrial output value of the province"
    for value, item, kind in ((62_000, "cotton yarn", "level"), (9, "cotton yarn",
                                                                 "increase_by"),
                              (15_000, "paper", "level")):
        fact = one(facts, value)
        assert (item in fact.indicator, fact.kind, fact.time) == (True, kind, "1957")


def test_respectively_and_the_months_of_a_report(tmp_path):
    """"in the two months" and the paragraph's later sentences report on the months its
    first sentence named; "an increase of 35% and 12% respectively" pairs each rise with
    the amount it follows; "Of this" is a part of the sown area, not of its rise."""
    facts = english_facts(
        tmp_path,
        "The city's shops supplied large quantities of goods in January and February. Retail "
        "sales in the two months totaled 380 million yuan. The supply of pork reached 21 "
        "million jin, and that of fresh vegetables 190 million jin, an increase of 35% and "
        "12% respectively.",
        "This autumn, the communes sowed 40 million mu of winter wheat, 2 million mu more "
        "than last year. Of this, 28 million mu are on irrigated land.",
        date="1964-03-02")
    assert one(facts, 380e6).time == one(facts, 21e6).time == "1964-02"
    pork, vegetables = one(facts, 35), one(facts, 12)
    assert (pork.kind, vegetables.kind, pork.time) == ("increase_by", "increase_by", "1964-02")
    assert "vegetables" not in pork.indicator and "vegetables" in vegetables.indicator
    part = one(facts, 28e6)
    assert (part.kind, part.indicator) == ("share", "winter wheat")


def test_quarters_of_a_year_and_a_title_that_exceeds_last_year(tmp_path):
    """"In the first three quarters" is a period of the year (no fact, no carried month);
    "Exceed Last Year's" in a December headline is a baseline, not the topic year."""
    facts = english_facts(
        tmp_path,
        "From January to October, the factories produced 4,100 machine tools. In the first "
        "three quarters, labor productivity increased by 31% compared with the same period "
        "last year. As of December 15, the cooperatives had purchased 3.4 million dan of "
        "cotton.",
        date="1959-12-20", title="Cotton Purchases Exceed Last Year's")
    assert not [t for t in facts if t.value == 3]
    assert one(facts, 4100).time == "1959-10"
    assert one(facts, 31).time == "1959"
    assert one(facts, 3.4e6).time == "1959-12"


def test_a_plan_never_takes_a_past_period(tmp_path):
    """"In the past year, ..." governs the paragraph's reports, but a plan after it ("will not
    exceed") speaks of now or later."""
    facts = english_facts(
        tmp_path,
        "In the past year, the number of students increased 2.3 times. The output value "
        "accounted for 12.5 percent of the total. Wage expenditure will not exceed 20 million "
        "yuan.",
        date="1957-03-10")
    assert one(facts, 2.3).time == one(facts, 12.5).time == "1956"
    wages = one(facts, 20e6)
    assert (wages.status, wages.time, wages.comparator) == ("planned", "1957", "less_than")


def test_now_and_a_multiple_of_an_earlier_year(tmp_path):
    """"There are now 8,700 cooperatives" is the article's year, not the month of the report
    before it; "1.4 times the amount in 1954" has 1954 as its baseline."""
    facts = english_facts(
        tmp_path,
        "By the end of January, 92% of the peasant households had joined cooperatives. There "
        "are now 8,700 cooperatives in the province. The state farms harvested 450,000 tons "
        "of grain in 1955, 1.4 times the amount in 1954.",
        date="1956-02-20")
    assert (one(facts, 92).time, one(facts, 8700).time) == ("1956-01", "1956")
    assert one(facts, 1.4).time == "1955"


def test_changes_without_by(tmp_path):
    """A percentage a verb of change takes directly ("grew 8.3 percent"), ", up 12% from
    last year" (a baseline) and "down 6%" are changes; "an increase of 12% in grain output"
    and "Deposits showed a net increase of" name what changed."""
    facts = english_facts(
        tmp_path,
        "Coal output grew 8.3 percent compared with 1956. Grain output rose to 3.5 billion "
        "jin, up 12% from last year. Exports were 20 million yuan, down 6% from 1957. The "
        "county achieved an increase of 14% in cotton output. Deposits showed a net increase "
        "of 80 million yuan.",
        date="1958-12-30")
    assert fields(one(facts, 8.3)) == ("increase_by", "achieved", "1958", "%", None)
    up = one(facts, 12)
    assert (up.kind, up.time, up.indicator) == ("increase_by", "1958", "Grain output")
    assert (one(facts, -6).kind, one(facts, -6).indicator) == ("increase_by", "Exports")
    assert one(facts, 14).indicator == "cotton output"
    deposits = one(facts, 80e6)
    assert (deposits.kind, deposits.indicator) == ("increase_by", "Deposits")


def test_respectively_with_a_joined_subject_and_a_plan(tmp_path):
    facts = english_facts(
        tmp_path,
        "The output of steel and pig iron increased by 12% and 8% respectively. In the first "
        "half of the year, the province produced 1.2 million tons of coal and 300,000 tons of "
        "cement, fulfilling 55% and 52% of the annual plan respectively.",
        date="1958-07-02")
    assert (one(facts, 12).indicator, one(facts, 8).indicator) == (
        "output of steel", "output of pig iron")
    assert one(facts, 8).kind == "increase_by"
    coal, cement = one(facts, 55), one(facts, 52)
    assert (coal.kind, coal.indicator, cement.indicator) == (
        "plan_fulfilment_pct", "coal plan fulfilment", "cement plan fulfilment")


def test_an_ordinal_word_in_an_of_phrase(tmp_path):
    """"the rate of first-grade cloth" keeps its "of" phrase: an ordinal word is no number."""
    facts = english_facts(tmp_path, "The rate of first-grade cloth rose from 91% to 95.5%.",
                          date="1954-10-08")
    assert one(facts, 95.5).indicator == "rate of first-grade cloth"


def test_spans_of_seasons_and_months_are_timed_by_their_end(tmp_path):
    facts = english_facts(
        tmp_path,
        "Last winter and this spring, the province built 3,000 small reservoirs. From last "
        "October to the end of March this year, the province completed 900 million cubic "
        "meters of earthwork.",
        date="1958-04-02")
    assert (one(facts, 3000).time, one(facts, 900e6).time) == ("1958", "1958-03")


def test_money_a_verb_spends_on_a_purpose(tmp_path):
    facts = english_facts(
        tmp_path, "The state has allocated 45 million yuan for water conservancy. The "
                  "cooperative saved 300 yuan for each household.", date="1956-05-10")
    assert one(facts, 45e6).indicator == "allocations for water conservancy"
    assert one(facts, 300).indicator == "savings"


def test_a_title_month_times_the_lead(tmp_path):
    """"... Overfulfills Its Plan in April": the body's headline line and the lead report on
    April; a later paragraph does not."""
    facts = english_facts(
        tmp_path,
        "Shanghai's Local Industry Overfulfills Its Plan in April",
        "Shanghai, 5th (Xinhua). The city's local industry overfulfilled its production plan. "
        "The output value reached 120 million yuan, 108% of the plan.",
        "The city will build 30 new factories.",
        date="1957-05-06", title="Shanghai's Local Industry Overfulfills Its Plan in April")
    assert one(facts, 120e6).time == one(facts, 108).time == "1957-04"
    assert one(facts, 30).time == "1957"


def test_a_year_with_a_possessive_and_market_catties(tmp_path):
    facts = english_facts(tmp_path, "1955's grain output was 8 billion catties. The county's "
                                    "wheat yield averaged 210 shi jin per mu.",
                          date="1956-09-10")
    grain = one(facts, 8e9)
    assert (grain.indicator, grain.time) == ("grain output", "1955")
    assert one(facts, 210).unit == "jin"


def test_a_plan_completed_by_a_share_and_a_multiple_of_a_past_year(tmp_path):
    facts = english_facts(
        tmp_path,
        "In September the county produced 27,000 tons of pig iron, equal to forty times of the "
        "whole county output in 1957, and the pig iron production plan was completed 167%.",
        date="1958-10-09")
    forty, plan = one(facts, 40), one(facts, 167)
    assert (forty.kind, forty.time) == ("multiple", "1958-09")  # 1957 is the baseline
    assert (plan.kind, plan.time) == ("plan_fulfilment_pct", "1958-09")
    assert plan.indicator == "pig iron production plan fulfilment"


def test_the_year_of_a_changes_start_is_not_carried_on(tmp_path):
    facts = english_facts(
        tmp_path,
        "The cotton used for every bale of yarn fell from 410 jin last year to 396 jin, and "
        "about 6,000 dan of raw cotton can be saved in the whole year.", date="1952-11-26")
    assert [(t.value, t.time) for t in facts] == [(410, "1951"), (396, "1952"), (6000, "1952")]


def test_a_changes_start_and_a_contrast_time_no_other_number(tmp_path):
    facts = english_facts(
        tmp_path,
        "The water content dropped from 38% last year to 31%, and the cost per ton was reduced "
        "by 9.5% compared with last year.",
        "Each person can weave 18 to 20 baskets a day, while last year could only weave about "
        "10.", date="1975-12-28")
    assert [(t.value, t.time) for t in facts] == [(38, "1974"), (31, "1975"), (-9.5, "1975"),
                                                  (18, "1975"), (10, "1974")]


def test_more_than_last_year_is_a_change_and_a_team_number_a_name(tmp_path):
    facts = english_facts(
        tmp_path,
        "This year the oilfield drilled 326 wells in total, 89 wells more than last year. Among "
        "them the 1205 drilling team had a footage of 31,000 meters. Output was 20 tons less "
        "than in 1974.", date="1975-12-28")
    assert [(t.value, t.kind) for t in facts] == [(326, "level"), (89, "increase_by"),
                                                  (31000, "share"), (-20, "increase_by")]
