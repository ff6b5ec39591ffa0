"""Figures as items: their as-of date, their subject and what is no figure (sentences of our own)."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items import Item, extract_items
from monitor.extract.items.figures import find_figures

PUBLISHED = dt.date(2021, 6, 10)  # a Thursday


def _figures(text: str) -> list[Item]:
    return [i for i in extract_items(text, PUBLISHED) if i.kind == "figure"]


def _dates(text: str) -> dict[float, str | None]:
    return {float(i.value or 0): i.date for i in _figures(text)}


def _dates_on(text: str, day: dt.date) -> dict[float, str | None]:
    """Each figure's date, the text published on `day`."""
    return {float(i.value or 0): i.date for i in extract_items(text, day) if i.kind == "figure"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # habits and rates hold at no date
        ("Flooding in the valley displaces up to 4,000 families annually.", 4000),
        ("The mine exports more than $2 billion of copper annually, officials said.", 2000000000),
        ("The night ferry usually carries 300 cars a day.", 300),
        ("Before the flood, the clinic received 550 patients a day.", 550),
        # history
        ("In the 12th century the fever swept the coast, killing up to 40 percent of the villagers.", 40),
        ("Historically, the port handled 3,000 ships a month.", 3000),
        ("During the nineteenth century the famine left more than 2 million people dead.", 2000000),
        # deep time, which no calendar date holds
        ("The ice sheet, 34 million years ago, covered about 60 percent of the continent.", 60),
        # an earlier, unstated time
        ("Dalmore Foods previously recalled 80,000 jars of sauce in Norway.", 80000),
        # a time of someone's life
        ("She bought her first ferry at age 19, paying $4,000 for it.", 4000),
        # the modal perfect
        ("As many as 9,000 sailors may have drowned in the storm.", 9000),
    ],
)
def test_figures_at_no_stated_time_are_undated(text: str, value: float) -> None:
    assert _dates(text)[value] is None


def test_a_day_after_measures_a_span_not_a_rate() -> None:
    # "a day after ...": the figure of the main clause holds that day, as the report tells it
    text = "Toll fees reached a record $412.50 on Thursday, a day after the new tariff took effect."
    assert _dates(text)[412.5] == PUBLISHED.isoformat()
    text = "The ferry line carried a record 4,310 passengers just a day after its third boat entered service."
    assert _dates(text)[4310] == PUBLISHED.isoformat()
    assert _dates("The night ferry carried 300 cars a day.")[300] is None  # (a rate still)


def test_a_rate_stated_in_the_present_holds_on_the_publication_day() -> None:
    # a state of now, with its rate ("are ... each year"), not a habit of acts ("displaces ... annually")
    assert _dates("There are about 2,000 families waiting for a ferry berth each year.")[2000] == (
        PUBLISHED.isoformat())
    assert _dates("A berth on the night ferry costs $40 a day.")[40] == PUBLISHED.isoformat()
    assert _dates("Berths were typically sold for $40 a day.")[40] is None
    # a rate as it stands, told by any verb of the present or a modal, holds today too; a habit does not
    assert _dates("The mine exports $2 billion of copper a year.")[2000000000] == PUBLISHED.isoformat()
    assert _dates("The new toll could raise $40 million a year.")[40000000] == PUBLISHED.isoformat()
    assert _dates("The night ferry carried 300 cars a day.")[300] is None


def test_a_rate_in_a_clause_with_no_verb_of_its_own_takes_the_verb_before_it() -> None:
    text = "The levy will cost the ferry line about $4 million a year, and the city about $3 million a year."
    assert _dates(text) == {4000000: PUBLISHED.isoformat(), 3000000: PUBLISHED.isoformat()}
    past = "The night ferry carried 300 cars a day, and the day ferry about 900 cars a day."
    assert _dates(past) == {300: None, 900: None}


def test_a_rate_in_reported_words_shifted_into_the_past_holds_now() -> None:
    # the past after "said" is the speaker's present ("the ferries bring in ..."), told back
    text = "The harbour trust said the ferries brought in about $3 million a day in fares."
    assert _dates(text)[3000000] == PUBLISHED.isoformat()
    text = "The mayor told reporters the ferries carried 900 cars a day."
    assert _dates(text)[900] == PUBLISHED.isoformat()
    # ... and a rate told in the past by the report itself stays the rate of then
    assert _dates("Last summer the ferries brought in about $3 million a day in fares.")[3000000] != (
        PUBLISHED.isoformat())


def test_a_day_after_a_happening_is_no_rate() -> None:
    text = "The crash comes a day after the rebels freed two hostages."
    assert _dates(text)[2] is not None


def test_an_adverb_of_an_adjective_leaves_the_figure_its_date() -> None:
    # "a historically black church": the adverb qualifies "black", not when the verdict came
    text = "A jury has found the gunman guilty on all 33 counts of attacking a historically black church."
    assert _dates(text)[33] == PUBLISHED.isoformat()


def test_a_coming_nouns_possessive_date_is_no_date_of_a_figure() -> None:
    # "next spring's final" dates the final; the twelve clubs have qualified as of today
    text = "Twelve clubs have qualified for next spring's final in the capital."
    assert _dates(text)[12] == PUBLISHED.isoformat()
    # a past possessive is still the figure's: the count is of that day's happening
    assert _dates("Tuesday's march drew 1,200 people to the square.")[1200] == "2021-06-08"


def test_a_conditions_figure_takes_no_day_of_its_consequence() -> None:
    # the day to come is the consequence's ("could move by the 2023 season"), not the condition's figures'
    text = ("If 30 of the members back the plan and its $40 million budget, the club could move by the 2023 "
            "season.")
    assert _dates(text) == {30.0: PUBLISHED.isoformat(), 40000000.0: PUBLISHED.isoformat()}


def test_a_period_running_past_the_report_is_what_a_plan_covers() -> None:
    # "through year end", told in June: the year has begun, but what is planned runs on past the report
    text = "The bank said its lending to the fund will reach $40 million through year end."
    assert _dates(text)[40000000] == PUBLISHED.isoformat()
    # a period over by then is the figure's own
    assert _dates("Ferry sales through March rose to $40 million, the company said.")[40000000] == "2021-03"


def test_a_date_in_brackets_of_their_own_is_no_figures() -> None:
    text = ("The ferry line's new service, priced at $30 a month for its harbour pass (a cheaper pass "
            "follows next year), has launched.")
    assert _dates(text)[30] == PUBLISHED.isoformat()


def test_a_later_relative_runs_on_past_a_quote_to_its_own_date() -> None:
    # "last summer" is when the range won its prize, in a relative of the range; the lamp's price is today's
    text = ("The $40 lamp, which runs on a small battery, joins the shop's range of solar goods, which won a "
            'design prize after the success of "Lumo" last summer.')
    assert _dates(text)[40] == PUBLISHED.isoformat()


def test_a_date_between_dashes_is_the_asides_own() -> None:
    text = ("This is the harbour's new quay, home to 300 moorings, and \u2013 opened four years ago \u2013 "
            "its chandlery is the oldest shop on the front.")
    assert _dates(text)[300] == PUBLISHED.isoformat()


def test_the_start_of_a_span_in_the_sentence_before_is_no_scene_to_go_on() -> None:
    text = ("The ferry line's shares fell 3 percent, their worst day since the fall of 2019. "
            "The harbour index dropped nearly 2 percent.")
    assert _dates(text) == {-3: PUBLISHED.isoformat(), -2: PUBLISHED.isoformat()}


def test_a_quarter_of_last_year_dates_that_quarter() -> None:
    text = "In the third quarter of last year, 7,400 berths were let, according to the trust."
    assert _dates(text)[7400] == "2020-Q3"


def test_an_asides_history_word_leaves_the_figures_after_it_their_date() -> None:
    # "formerly" tells the aside's name, not the time of the amounts listed after it
    text = ("The budget includes $30 million for harbours; $12 million for ferries (formerly known as the "
            "island fund); and $4 million for piers.")
    assert _dates(text) == dict.fromkeys((30000000.0, 12000000.0, 4000000.0), PUBLISHED.isoformat())


def test_a_century_up_to_now_is_no_history() -> None:
    # "over the last century" is what changed up to now; the poll's share holds today
    text = "Some 68 percent of islanders believe the sea over the last century rose because of the dams."
    assert _dates(text)[68] == PUBLISHED.isoformat()
    assert _dates("In the 12th century the fever killed up to 40 percent of the villagers.")[40] is None


def test_have_a_thing_after_a_modal_is_no_modal_perfect() -> None:
    # "could have a net benefit of ..." is an estimate told today; "may have drowned" stays undated
    text = "Electric engines could have a net benefit of $40 million, the council said."
    assert _dates(text)[40000000] == PUBLISHED.isoformat()
    assert _dates("As many as 9,000 sailors may have drowned in the storm.")[9000] is None


def test_a_clause_date_still_dates_a_habit_figure() -> None:
    assert _dates("In 2019 the valley lost 300 homes to floods, a toll it suffers annually.")[300] == "2019"


def test_a_since_clause_does_not_date_a_present_figure() -> None:
    text = "Although Ms Arden has led the club since she joined it in 2012, she is averaging 14.5 goals now."
    assert _dates(text)[14.5] == "2021-06-10"


def test_a_since_date_in_the_figures_clause_does_not_date_it() -> None:
    # the span since 2013 runs to now: the count of agreements holds on the publication day
    text = "The partnership between the two ports since 2013 is anchored by 74 agreements."
    assert _dates(text)[74] == "2021-06-10"


def test_a_comparisons_date_is_its_baseline_values_only() -> None:
    # PUBLISHED is a Thursday: Wednesday's values are the baseline, the new ones hold on the publication day
    text = "The dollar was at 1.84 marks and 142.10 yen compared with 1.83 marks and 141.52 yen Wednesday."
    got = _dates(text)
    assert got == {1.84: "2021-06-10", 142.1: "2021-06-10", 1.83: "2021-06-09", 141.52: "2021-06-09"}
    assert _dates("The pound was at $1.5765 compared with $1.6145 Wednesday.") == {
        1.5765: "2021-06-10", 1.6145: "2021-06-09"}


def test_a_year_a_change_is_measured_over_dates_neither_the_change_nor_its_year() -> None:
    text = "In 2019, the harbour added 3.1% more berths over the previous year, the board said."
    assert _dates(text)[3.1] == "2019"
    assert _dates("Ferry tickets sold rose 6% over last year.")[6] == PUBLISHED.isoformat()
    # over a weekend, a day or a week is when the change came
    assert _dates("Ferry tickets sold fell 6% over the weekend.")[-6] == "2021-W22"


def test_a_change_over_a_span_of_years_holds_at_its_end_not_on_the_studys_day() -> None:
    text = ("A survey released Tuesday found a 12 percent drop in ferry passengers, a loss of 9,000 riders, "
            "from 2011 to 2018.")
    assert _dates(text) == {-12: "2018", 9000: "2018"}
    assert _dates("A survey released Tuesday found 9,000 riders.")[9000] == "2021-06-08"


def test_an_earnings_reports_results_date_by_the_quarter_it_named() -> None:
    text = (
        "Harlow Foods said net income fell 22% in the first quarter.\n\n"
        "At its bank, net dropped 3.1% to $234.5 million. Revenue is expected to rise 5% next year."
    )
    got = _dates(text)
    assert got[-3.1] == got[234500000] == "2021-Q1"  # a result told in the past: the report's quarter
    assert got[5] != "2021-Q1"  # a forecast is no result of it


def test_a_months_sales_or_jobs_date_the_figures_told_after_them_in_the_past() -> None:
    # the month a report's data are of ("its May sales", "lost jobs last month") dates a figure its
    # clause tells in the past with the same kind of noun after the number ("sold 90,000 units", "shed 4,100
    # jobs"); one told in the present perfect is a state of now
    sales = ("Harlow counted its May sales of consoles.\n\n"
             "The Vexa console sold 90,000 units, and the Lumo handheld sold 41,000 units. "
             "The Vexa has sold 2 million units since its launch.")
    got = _dates(sales)
    assert got[90000] == got[41000] == "2021-05", got
    assert got[2000000] != "2021-05", got
    jobs = "Payrolls shrank in nine provinces last month.\n\nManitoba shed 4,100 jobs, the agency said."
    assert _dates(jobs)[4100] == "2021-05", _dates(jobs)


def test_a_quarter_named_without_results_dates_no_later_result() -> None:
    # a game's quarter, which the report names with no results noun, is no period of results
    text = "In the second quarter, the Hawks led by 10 points.\n\nThe Hawks' loss dropped them to 12 wins."
    assert _dates(text)[12] == "2021-06-10"


def test_a_date_to_come_does_not_date_a_figure_told_as_what_came_before() -> None:
    text = "The mayor promised a referendum next year after the council voted 9-4 for the new harbour."
    dates = {i.value: i.date for i in extract_items(text, PUBLISHED) if i.kind == "figure"}
    assert dates == {9: PUBLISHED.isoformat(), 4: PUBLISHED.isoformat()}


def test_a_figure_someone_faces_holds_now_whatever_the_dates_of_the_charge() -> None:
    # the relative clause's dates are the charge's; "faces" tells the figure's time: the publication day
    text = ("Tom Harlowe faces a potential 30-year prison term on the new charge, which accuses him of "
            "fraud sometime between Nov. 28, 2015, and Oct. 12, 2016.")
    assert _dates(text)[30] == "2021-06-10"


def test_a_reduced_relatives_date_is_its_participles_not_a_later_figures() -> None:
    # "selected ... in May 2019" after the clause's verb ("join") describes the others; the figure of the
    # next clause is the news of the day
    text = ("The three ferry lines join six others selected by the port in May 2019, bringing the total "
            "number of licensed operators to 12 firms.")
    assert _dates(text)[12] == "2021-06-10"
    # told as the clause's own verb, the date is the figure's sentence's
    text = "The port selected six ferry lines in May 2019, bringing the total to 12 firms."
    assert _dates(text)[12] == "2019-05"


def test_a_plain_figure_still_gets_the_publication_date() -> None:
    assert _dates("The ferry company carries 1,200 passengers between the islands.")[1200] == "2021-06-10"


def test_a_restated_figure_is_not_a_second_item() -> None:
    text = "Nearly 230 miners returned to the surface on Tuesday.\n\nThese 230 miners had spent days below."
    assert [i.value for i in _figures(text)] == [230]


def test_a_demonstrative_number_said_for_the_first_time_is_kept() -> None:
    assert [i.value for i in _figures("Those 45 volunteers rebuilt the bridge.")] == [45]


def test_a_reporting_word_inside_the_figure_is_no_speaker() -> None:
    text = "Portugal now has 96 confirmed infections, according to the health ministry."
    (figure,) = _figures(text)
    assert (figure.value, figure.subject, figure.actors) == (96, "Portugal", ())


@pytest.mark.parametrize(
    "sentence",
    [
        "She has scored in each of the club's last 8 matches.",
        "The first three applicants were turned away.",
        "Voters will decide over the next 12 weeks.",
    ],
)
def test_windows_and_positions_are_no_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Flu deaths among detainees were three times higher than in the general population.", 3),
        ("Rents in the capital are 2.5 times as high as a decade ago.", 2.5),
        # a measure set against another's
        ("The moon has a mass about 1.8 times that of ours.", 1.8),
        ("The comet's tail is 3.5 times its width.", 3.5),
        ("Fares on the line are four times the regional average.", 4),
        ("The crater is 2.2 times the size of the old one.", 2.2),
        ("The new moon is 0.7 times Titan's mass.", 0.7),
    ],
)
def test_multiples_are_ratios(sentence: str, value: float) -> None:
    (f,) = find_figures(sentence)
    assert (f.value, f.metric, f.unit) == (value, "ratio", "times")


@pytest.mark.parametrize(
    "sentence",
    [
        "The suspect was questioned three times over the weekend.",
        "The bridge was closed four times the following year.",
        "The team lost three times its first season.",
    ],
)
def test_a_repetition_count_is_no_ratio(sentence: str) -> None:
    assert find_figures(sentence) == []


def test_a_long_bare_noun_phrase_is_read_as_the_metric() -> None:
    (f,) = find_figures("About a dozen retired volunteer mountain guides joined the search.")
    assert (f.value, f.qualifier, f.metric) == (12, "about", "retired volunteer mountain guides")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The date after "<change> from/than/compared with" is the baseline: the change holds for the period
        # the sentence reports (here "in May"), not for the baseline.
        ("The ferry sold 41,200 tickets in May, down 8 percent from a year ago.",
         {41200: "2021-05", -8: "2021-05"}),
        ("Last year the port handled 2.1 million containers, up 3% from the previous year.",
         {2100000: "2020", 3: "2020"}),
        ("Rentals rose 6 percent in April compared with the same month last year.", {6: "2021-04"}),
        # A number after the preposition is the baseline's own value and keeps its date.
        ("The average fare in May was $212, up from $198 a year earlier and from $170 in May 2017.",
         {212: "2021-05", 198: "2020-05", 170: "2017-05"}),
        ("Occupancy reached 71 percent on Sunday, down from the March high of 84 percent.",
         {71: "2021-06-06", 84: "2021-03"}),
        # The baseline's date, in a clause of its own after its value, dates that value only: the figure the
        # sentence is about holds today, and the same date in the next sentence sets no scene.
        ("The loan rate eased to 2.41%, down from 2.47% on Tuesday.",
         {2.41: PUBLISHED.isoformat(), 2.47: "2021-06-08"}),
        ("The loan rate was 2.41%, down from 2.47% on Tuesday. A fee was 1.1%, from 1.3% Tuesday.",
         {2.41: PUBLISHED.isoformat(), 1.1: PUBLISHED.isoformat(), 1.3: "2021-06-08"}),
        # The baseline's date is nearer the new value than the sentence's own period, and still not its date.
        ("First-quarter ferry bookings fell to $41 million from $52 million a year earlier.",
         {41000000: "2021-Q1", 52000000: "2020-Q1"}),
        # "lower than the VALUE ... on DATE": that date is the other value's; the possessive dates this one
        ("Saturday's peak demand reached 44,947 megawatts, much lower than the 46,797 seen on Friday.",
         {44947: "2021-06-05"}),
        # "from VALUE in DATE to VALUE": the date is the old value's; the new one holds today
        ("Support among commuters fell from 54% in November to 35%.",
         {54: "2020-11", 35: PUBLISHED.isoformat()}),
        # a change word in -ing opens the baseline too
        ("The county logged 412 new cases, increasing from 390 on Monday.", {412: PUBLISHED.isoformat()}),
        ("The fund held 8,200 bonds, dropping from 9,100 in April.", {8200: PUBLISHED.isoformat()}),
        # a baseline that names a state of its own ("the all-time high of ...") keeps its date, even from the
        # change of its clause, and with the change's amount between the change word and "from"
        ("The fare is $310, down by more than 12 percent from the all-time high of $355 set in March.",
         {-12: PUBLISHED.isoformat(), 355: "2021-03"}),
    ],
)
def test_the_baseline_of_a_comparison_dates_only_its_own_value(text: str, expected: dict[float, str]) -> None:
    dates = _dates(text)
    assert {v: dates.get(v) for v in expected} == expected


def test_a_clock_time_goes_on_with_the_scenes_day() -> None:
    text = ("On Wednesday, the grid operator began its emergency procedures.\n\n"
            "The first alert came at 6 p.m., when reserves stood at 12 percent, an analyst said.")
    assert _dates(text)[12] == "2021-06-09"
    # a year naming a noun ("the board's 2019 assessment") sets no scene of its own
    later = (text + "\n\nIts target had been 8 percent in the board's 2019 assessment.\n\n"
             "The second alert came at 7 p.m., when reserves stood at 9.5 percent.")
    assert _dates(later)[9.5] == "2021-06-09"
    # with no clock time, a present figure is the publication's
    text = "On Wednesday, the grid operator began its emergency procedures.\n\nReserves stand at 12 percent."
    assert _dates(text)[12] == PUBLISHED.isoformat()


def test_a_figure_told_in_the_simple_past_goes_on_with_the_scenes_day() -> None:
    scene = ("The harbour board met on Tuesday, officials said.\n\n"
             "When the sitting resumed, all 15 members voted against Ada Brisk's plan.")
    assert _dates(scene)[15] == "2021-06-08"
    # a present count, or a figure of an old scene, is the publication's
    now = "The harbour board met on Tuesday, officials said.\n\nAll 15 members oppose it."
    assert _dates(now)[15] == PUBLISHED.isoformat()
    old = "The harbour board met on May 4, officials said.\n\nWhen it resumed, all 15 members voted no."
    assert _dates(old)[15] == PUBLISHED.isoformat()
    # nor is a count of a relative clause, which tells what came before; "12 Americans" is no clock time
    told = ("The harbour board met on Tuesday, officials said.\n\n"
            "It studied the blast that killed 10 people, including 12 Americans, at the depot.")
    assert _dates(told)[10] == PUBLISHED.isoformat()


def test_an_irregular_past_goes_on_with_the_scenes_day() -> None:
    # "blew", "swept": a past by every reading of the word, not only by "-ed"
    text = ("Storm Ivar reached the harbour on Tuesday, officials said.\n\n"
            "Rain fell in sheets, and the wind blew gusts of up to 90 mph along the front.")
    assert _dates(text)[90] == "2021-06-08"

    # "..., the attorney general announced today": the scene is the arrests' Tuesday, not the report's day
    text = ("Two men were arrested on Tuesday in a skimming scheme, the attorney general announced today."
            "\n\nDeputies seized $6,490 in cash and 315 gift cards.")
    assert _dates(text)[6490] == "2021-06-08"


def test_the_items_of_a_list_take_the_verbs_scene() -> None:
    # "seized X, Y and Z": the list's next items are the verb's too ("numbers" before "with" is a noun)
    text = ("Two men were arrested on Tuesday in a skimming scheme, the attorney general announced today."
            "\n\nDeputies seized $6,490 in cash, 39 stolen card numbers with PINs and 315 gift cards.")
    dates = _dates(text)
    assert (dates[6490], dates[39], dates[315]) == ("2021-06-08", "2021-06-08", "2021-06-08")


def test_a_count_given_by_has_holds_now_whatever_another_clause_dates() -> None:
    text = ("Spain has recorded about 157,000 cases, while Peru, where the virus emerged last year, "
            "has nearly 83,000 cases.")
    dates = _dates(text)
    assert (dates[157000], dates[83000]) == (PUBLISHED.isoformat(), PUBLISHED.isoformat())
    # a count of that other clause's past keeps its date
    assert _dates("The virus, which killed 400 people last year, has spread.")[400] == "2020"


def test_a_price_told_in_the_present_holds_now_whatever_the_paragraph_dated() -> None:
    text = "In 2015, the basin mined 400 million tons. Its coal trades at about $10 per short ton."
    assert _dates(text)[10] == PUBLISHED.isoformat()


def test_a_deals_price_told_as_background_has_no_date() -> None:
    lede = "Harbourline agreed a $2 billion takeover of Delmar Freight."
    later = "\n\nAfter all, he is the man behind its $19 billion acquisition of Quorvex."
    dates = _dates(lede + later)
    # the lede's deal is the day's news; a later paragraph's, of no stated date, is background
    assert (dates[2000000000], dates.get(19000000000, "missing")) == (PUBLISHED.isoformat(), None)


def test_a_baseline_value_date_tells_no_happening() -> None:
    # Tuesday is when the yield stood at 2.47%, not when anything "rose".
    text = "The loan rate climbed to 2.41%, up from 2.37% on Tuesday evening."
    assert [(i.kind, i.date) for i in extract_items(text, PUBLISHED) if i.kind != "figure"] == []
    # nor the month of a value a new one follows
    fell = "Support among commuters fell from 54% in November to 35%."
    assert [(i.kind, i.date) for i in extract_items(fell, PUBLISHED) if i.kind != "figure"] == []
    # nor a baseline told with a qualifier, or a new value with one ("from about 10 percent ... to roughly")
    for qualified in (
        "The value of the ferry fleet fell from $327 million in 2016 to roughly $116.8 million in 2019.",
        "Savings dropped from about 10 percent of disposable income in 1985 to less than 2 percent in 2007.",
    ):
        assert {i.date for i in extract_items(qualified, PUBLISHED) if i.kind != "figure"} <= {"2019", "2007"}
    # without the comma the date is the rise's own ("rose to 30 from 25 on Tuesday")
    told = "The toll rose to 30 from 25 on Tuesday."
    assert {i.date for i in extract_items(told, PUBLISHED)} == {"2021-06-08"}


def test_a_word_of_change_elsewhere_makes_no_baseline() -> None:
    # "holding up" is no change and "from its account" no comparison: Wednesday dates the post.
    text = "The club posted a photo of the coach holding up a scarf from its account on Wednesday."
    assert [(i.kind, i.date) for i in extract_items(text, PUBLISHED) if i.kind != "figure"] == [
        ("other", "2021-06-09")
    ]


def test_a_present_count_holds_today_whatever_another_clause_dates() -> None:
    text = "About 4,500 peacekeepers remain in the region, 12 years after the 2009 ceasefire was signed."
    assert _dates(text)[4500] == PUBLISHED.isoformat()
    # an aside of a dated clause keeps that clause's date
    aside = "In 2017, 96,000 people, who make up about 0.6 percent of adults, reported the disorder."
    assert _dates(aside)[0.6] == "2017"


def test_a_count_over_a_span_of_years_holds_at_its_end() -> None:
    assert _dates("Just over 340 children died of fentanyl poisoning from 1999 to 2021.")[340] == "2021"
    assert _dates("Between 2014 and 2021, just 58 affordable flats were built.")[58] == "2021"


def test_a_date_that_starts_something_else_does_not_date_the_price() -> None:
    dates = _dates("Pricing will start at 41,200 euro, with deliveries from spring 2022.")
    assert dates[41200.0] != "2022"
    dated = _dates("The fee rose from 40 euro in 2019 to 55 euro.")
    assert dated[40.0] == "2019"


def test_a_verb_of_the_present_by_its_form_dates_a_figure_today_not_by_an_earlier_sentence() -> None:
    # "continues" is in no word list of present verbs: its form says present ("levies" may be a noun)
    text = ("The port board signed the levy deal on May 3. The board continues to weigh whether its levies "
            "on $90 million of freight will ever be lifted.")
    assert _dates(text)[90000000] == PUBLISHED.isoformat()
    past = text.replace("continues to weigh", "weighed")
    assert _dates(past)[90000000] == "2021-05-03"


def test_a_move_of_the_trading_session_holds_on_the_publication_day() -> None:
    # tense.yaml `session_phrases`: the day's session, though told in the past and after a dated sentence
    text = "Kell Ferries reported its results for the first quarter. Its shares were up 4% in early trading."
    assert _dates(text)[4] == PUBLISHED.isoformat()
    dated = "Kell Ferries reported its results on Monday. Its shares were up 4% in early trading on Tuesday."
    assert _dates(dated)[4] == "2021-06-08"


def test_a_later_date_of_the_paragraph_does_not_carry_to_a_figure() -> None:
    # the paragraph's last date is the session ahead; the count of the rally is of the report, not of it
    rally = " The union said more than 9,000 people signed up for the rally."
    ahead = "It came as the council meets ahead of its session that opens in early September."
    assert _dates(ahead + rally)[9000] == PUBLISHED.isoformat()
    before = "It came as the council met ahead of its session that opened in early May."
    assert _dates(before + rally)[9000] == "2021-05"


def test_a_time_of_day_dates_its_figures_day() -> None:
    # "Tuesday night" is a time, not a date, yet it tells the day the count holds for, in its sentence or
    # earlier in the paragraph.
    text = ("Mara Volk scored 31 goals during the Harriers' third straight win, 4-2 over Eastbrook on "
            "Tuesday night. On Monday evening the ferry was cancelled. It had carried 212 passengers.")
    assert _dates(text)[31] == "2021-06-08"
    assert _dates(text)[212] == "2021-06-07"


def test_results_over_months_so_far_hold_for_the_year() -> None:
    # "the first nine months" is tagged as a span of nine months: the results it reports are the year's so far
    dates = _dates("In the first nine months, the ferry line earned $4.2 million on sales of $31 million.")
    assert dates == {4200000: "2021", 31000000: "2021"}
    # a window that ends today is no part of the year: the count holds now
    lost = _dates("The line has lost $2 million over the past three months.")
    assert lost == {2000000: PUBLISHED.isoformat()}


def test_what_a_periods_result_changed_from_is_the_year_earlier_periods() -> None:
    # an earnings report's "to X from Y": Y is the same quarter (or year so far) a year before
    dates = _dates("Third-quarter profit at the ferry line rose 16% to $11.9 million, or 93 cents a share, "
                   "from $9.5 million, or 79 cents a share.")
    assert (dates[11900000], dates[9500000]) == ("2020-Q3", "2019-Q3")  # the last third quarter, June 2021
    nine = _dates("In the first nine months, the line earned $31.5 million, up 13% from $28 million.")
    assert (nine[31500000], nine[28000000]) == ("2021", "2020")
    # a value dated as written keeps its date; a span from one value to the next is read the other way
    assert _dates("Net income fell to $2.7 million, down from $9.7 million last year.")[9700000] == "2020"
    span = _dates("Third-quarter sales at the line rose from $9.5 million to $11.9 million.")
    assert span[9500000] == span[11900000]


def test_a_change_from_one_value_to_another_past_the_lede_holds_at_no_stated_day() -> None:
    # over a span the text does not give: neither value is the publication day's
    lede = "The Harbour Board met in Tarnmouth on Thursday to hear its auditors.\n\n"
    change = _dates(lede + "Harbour debt climbed from 40 percent to 65 percent of the board's income.")
    assert change[40] is None
    assert change[65] is None
    # a range is no change; a dated change keeps its date; the lede's change is the day's news
    assert _dates(lede + "The fees ranged from $20 to $45 a berth.")[45] == PUBLISHED.isoformat()
    assert _dates(lede + "Harbour debt climbed from 40 percent to 65 percent in 2019.")[65] == "2019"
    today = PUBLISHED.isoformat()
    assert _dates("Harbour debt climbed from 40 percent to 65 percent of income.")[65] == today


def test_a_date_in_a_later_after_clause_with_its_own_verb_is_that_clauses() -> None:
    # the later clause tells its own happening; a phrase without a verb dates the figure
    clause = _dates("Kell Ferries shares dropped 4 percent after bookings in March fell sharply.")
    assert clause[-4] == PUBLISHED.isoformat()
    assert _dates("Kell Ferries carried 40 percent more cars after the storms of 2019.")[40] == "2019"


def test_the_end_of_a_period_to_come_does_not_date_the_plan_figure() -> None:
    # GUIDELINES: "a plan announced today dates today"; a period already run dates its figure by its end
    assert _dates("The harbour board plans to spend a total of $2.6 billion on its ferries through "
                  "November 2028.") == {2600000000.0: "2021-06-10"}
    assert _dates("The harbour board spent $40 million on ferries through May.") == {40000000.0: "2021-05"}


def test_a_later_clauses_possessive_date_dates_its_noun_not_the_count() -> None:
    # "the previous day's vote" is the vote's day; the counts hold when the officials told them
    text = ("Four people died and 30 were hurt as the storm swept the coast, delaying the count of the "
            "previous day's vote, officials said Thursday.")
    assert _dates(text) == {4.0: "2021-06-10", 30.0: "2021-06-10"}
    # in the figure's own clause a possessive date is the figure's
    assert _dates("Turnout fell to 40 percent in Wednesday's election, officials said Thursday.") == {
        40.0: "2021-06-09"}


def test_a_later_relative_of_another_noun_dates_that_noun_not_the_figure() -> None:
    text = ("The new law authorizes $4.2 billion in spending for the port authority for the budget year that "
            "began Oct. 1.")
    assert _dates(text) == {4200000000.0: "2021-06-10"}
    # a relative of the figure's own noun tells its happening
    assert _dates("The plant laid off 300 workers who were hired on Monday.") == {300.0: "2021-06-07"}
    assert _dates("Firms fear a 15 percent tariff that the government planned to impose Dec. 15.") == {
        15.0: "2021-12-15"}


def test_a_figure_of_a_past_relative_of_a_dated_noun_takes_that_nouns_date() -> None:
    # the toll belongs to the dated happening its clause describes, not to the present perfect before it
    text = ("Harbour towns have rebuilt their sea walls since the March 3 storms along the coast, in which "
            "14 fishermen and two children were killed.")
    assert _dates(text) == {14.0: "2021-03-03", 2.0: "2021-03-03"}
    assert _dates("The ferry line has grown since its 2015 launch, which drew 3 million riders.") == {
        3000000.0: "2015"}
    # a relative clause in the present holds now
    assert _dates("The ferry line has grown since its 2015 launch, which has 3 million riders.") == {
        3000000.0: "2021-06-10"}


def test_now_after_a_past_auxiliary_is_the_time_of_the_telling() -> None:
    # the ministry's Tuesday finding, not the publication day: "now" there is the time of the report
    text = "On Tuesday, the ministry announced that it had now found mould in 54 of 700 bakeries tested."
    assert _dates(text)[54.0] == "2021-06-08"
    assert _dates("The ministry says it has now found mould in 54 bakeries.")[54.0] == "2021-06-10"


def test_a_measure_spelled_out_is_a_figure() -> None:
    # news style spells out one to nine, but "six tonnes" measures; "the two leaders" does not count
    assert _dates("Customs officers have seized six tonnes of counterfeit cheese at the port.") == {
        6.0: "2021-06-10"}
    assert _dates("The two leaders met at the port.") == {}


def test_an_indicators_figure_told_in_the_past_holds_for_the_month_the_data_report_named() -> None:
    # a month's economic data: the lede names the month; later figures of it give no date of their own
    text = ("Harbour county employers cut 4,100 jobs last month, the state labour office said on "
            "Thursday.\n\nThe county's jobless rate rose to 7.9 percent, the highest since 1992.")
    assert _dates(text) == {4100.0: "2021-05", 7.9: "2021-05"}
    # with no such report named, a figure told in the past is the day's news
    assert _dates("The county's jobless rate rose to 7.9 percent, the labour office said.") == {
        7.9: "2021-06-10"}


def test_an_indicator_told_again_by_its_noun_alone_holds_for_the_same_month() -> None:
    # "the rate for ..." after "the jobless rate ..." of its paragraph is that indicator, told again
    text = ("Harbour county employers cut 4,100 jobs last month, the state labour office said on "
            "Thursday.\n\nThe jobless rate for harbour workers rose to 9.2 percent. Among farm hands the "
            "rate climbed to 6.3 percent; the rate for miners fell to 4.4 percent.")
    assert _dates(text) == {4100.0: "2021-05", 9.2: "2021-05", 6.3: "2021-05", 4.4: "2021-05"}
    # the noun alone with no indicator before it in the paragraph is no month's data
    other = ("Harbour county employers cut 4,100 jobs last month, the state labour office said on "
             "Thursday.\n\nThe rate for farm hands climbed to 6.3 percent.")
    assert _dates(other)[6.3] == "2021-06-10"


def test_a_span_up_to_now_does_not_end_the_scene_of_a_breaking_report() -> None:
    # "in the past month" is no earlier scene (as "Last month, ..." is): the report goes on telling Tuesday
    text = ("A gunman opened fire at the ferry terminal in Port Elms on Tuesday, killing three people.\n\n"
            "It was the second shooting in the town in the past month.\n\n"
            "Four people were critically wounded.")
    assert _dates(text) == {3.0: "2021-06-08", 4.0: "2021-06-08"}


def test_a_count_whose_verb_comes_after_an_aside_in_dashes_holds_on_the_publication_day() -> None:
    # the report's news is of Tuesday; the count is told in the present, past an aside set off by dashes
    text = ("The harbour fees were proposed on Tuesday. An estimated 12,000 islanders - about a third of the "
            "county's people - have season tickets.")
    assert _dates(text)[12000] == "2021-06-10"


def test_a_span_ago_right_after_a_later_clauses_noun_dates_that_noun_not_the_figure() -> None:
    # "the projections two weeks ago" is the projections' day; the fees' sum is the report's
    text = "The ferry line took in $4 million in fees, well above the projections two weeks ago, it said."
    assert _dates(text)[4000000] == "2021-06-10"
    # a span ago of the figure's own clause still dates it
    assert _dates("The ferry line took in $4 million in fees two weeks ago.")[4000000] == "2021-W21"


def test_a_figure_told_in_the_past_takes_no_other_clauses_day_to_come() -> None:
    # the mayor's visit is to come; the blast's toll is of the report's day, not of the visit's
    text = ("While the mayor, who is due to visit the island on June 28, was opening the fair, word came of "
            "the blast that killed 12 people at the port.")
    assert _dates(text)[12] == "2021-06-10"


def test_a_toll_told_in_a_relative_right_after_the_date_takes_that_date() -> None:
    # the date ends the phrase that names the happening ("a raid on the depot on Monday"), the relative tells
    # its toll; a participle earlier in the sentence ("shells packed with ...") does not take the date away
    text = ("The army is accused of firing shells packed with nails in a raid on the depot on Monday that "
            "killed at least 31 people, a raid which drew a reply by the navy on Wednesday night.")
    assert _dates(text)[31.0] == "2021-06-07"


def test_a_date_inside_a_later_after_clause_is_the_backgrounds_not_the_move_of_the_day() -> None:
    # the quarter is the forecast loss's, told in a clause the "after" clause holds: the shares fell that day
    text = ("Tide Bank was down 4.5% in Bergen, and Harbour Bank fell 9.5% in Oslo after an analyst "
            "predicted the lender will post a first-quarter loss of $2 billion.")
    assert _dates(text)[-4.5] == _dates(text)[-9.5] == PUBLISHED.isoformat()


def test_a_year_whose_high_a_level_is_does_not_date_it() -> None:
    # "a new 2021 high" is the highest of the year so far, reached the day of the report
    assert _dates("The harbour toll rose to a new 2021 high of 14.5%.")[14.5] == PUBLISHED.isoformat()
    assert _dates("Harbour tolls in 2020 reached 12.5%.")[12.5] == "2020"


@pytest.mark.parametrize(
    ("text", "value", "date"),
    [
        # a count a speaker gives in the past perfect holds when it was given: the report's day
        ("The coast guard told reporters it had rescued 23 sailors.", 23, PUBLISHED.isoformat()),
        ("The bakery chain said it had sold more than 40,000 loaves.", 40000, PUBLISHED.isoformat()),
        # a person's own past, told by that person, keeps its earlier, unstated time
        ("The farmer said he had borrowed $12,000 to buy the tractor.", 12000, None),
        # no speaker: the past perfect is simply earlier
        ("The chain had sold more than 40,000 loaves by then.", 40000, None),
    ],
)
def test_a_reported_past_perfect_count_dates_by_the_report(text: str, value: float, date: str | None) -> None:
    assert _dates(text)[value] == date


def test_a_span_up_to_today_dates_its_figures_now() -> None:
    # the tagger reads "the past year" as the calendar year before; a change over it holds today
    text = ("In the past year, shares of the ferry company have lost 40%. "
            "Its founder saw his stake shrink by $3 million.")
    assert _dates(text) == {-40: PUBLISHED.isoformat(), 3000000: PUBLISHED.isoformat()}


def test_a_calendar_year_before_still_dates_its_figures() -> None:
    assert _dates("Last year, shares of the ferry company lost 40%.")[-40] == "2020"


def test_a_day_named_as_the_baseline_s_own_dates_only_that_value() -> None:
    # "from Friday's 3.9%": the day is the old value's; the new one holds on the day of the report
    monday = dt.date(2024, 5, 6)
    found = _dates_on("The fee index slipped to 3.1 percent from Friday's high of 3.9 percent.", monday)
    assert found == {3.1: "2024-05-06", 3.9: "2024-05-03"}


def test_a_date_in_the_subject_s_aside_does_not_date_the_main_clause_s_figure() -> None:
    day = dt.date(2024, 5, 9)
    for text in ("The ferry line, which was founded in 1998, employs 400 people.",
                 "The harbour levy, approved by the council on March 4, raises $2 million a month."):
        [figure] = [i for i in extract_items(text, day) if i.kind == "figure"]
        assert figure.date == "2024-05-09", text
    # the aside's own figure keeps the aside's date
    text = "Ferry fares, which rose 5% in 2022, were cut on Monday."
    found = _dates_on(text, day)
    assert found[5] == "2022"


MAY_9 = dt.date(2024, 5, 9)  # a Thursday


@pytest.mark.parametrize(
    ("text", "value", "date"),
    [
        # the day an extreme was set is that level's
        ("The harbour index is down 3% and sits 120 points below the record high set on April 2.", 120,
         "2024-05-09"),
        # a possessive day of the sentence before names its noun, no scene that goes on
        ("Harbour bonds recovered, erasing losses suffered after Sunday's vote. The 10-year yield fell to 2.4"
         " percent.", 2.4, "2024-05-09"),
        # a later "until" clause with a verb of its own dates its own happening
        ("The council keeps a cap that limits any holding to 15%, until the law lapses on Dec. 31, 2026.", 15,
         "2024-05-09"),
        # a month right after a change's old value is that value's alone
        ("The harbour's jobless rate leapt to 6.1 percent from 5.6 percent in March.", 5.6, "2024-03"),
        ("The harbour's jobless rate leapt to 6.1 percent from 5.6 percent in March.", 6.1, "2024-05-09"),
        # a span opening the sentence is the horizon of what it says will come
        ("Within a decade, the harbour will handle more than 40 million tonnes of cargo a year.", 40_000_000,
         "2034"),
        # a qualifier after the value keeps the date right after it
        ("Fares may rise 4% by year-end and peak at 6 percent or higher by mid-2026.", 6, "2026"),
        # "At the time" goes on at the last date named before, in an earlier paragraph too
        ("The ferry line was sold to a Danish group in March 2021.\n\nAt the time, the line had about 900"
         " employees.", 900, "2021-03"),
    ],
)
def test_a_date_that_belongs_elsewhere_or_a_pointer_to_one_dates_the_figure_right(
        text: str, value: float, date: str) -> None:
    assert _dates_on(text, MAY_9)[value] == date


def test_a_span_after_the_verb_is_no_horizon() -> None:
    # a term or a stretch of the past ("for the first time in 25 years")
    found = extract_items("The two ferries sailed together for the first time in 25 years.", MAY_9)
    assert "2049" not in {i.date for i in found}


def test_a_figure_of_a_past_decade_is_dated_by_the_decade() -> None:
    text = ("The study counted 241 harbour deaths in the 1990s. There were 287 inquests during that time.\n\n"
            "The harbour board says the old rules may overstate the risk by up to 35 percent.")
    dates = _dates(text)
    assert (dates[241], dates[287]) == ("199", "199")  # the decade named, then carried to its period
    assert dates[35] != "199"  # a claim in the present is no figure of that decade
    # a decade not yet over, or another clause's, dates no figure
    assert _dates("The port expects 40 new berths over the next decade.")[40] != "202"
    assert _dates("Fees rose 4 percent in May, the most since the 1980s.")[4] == "2021-05"
