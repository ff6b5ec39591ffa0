"""Which extractor read a page: a version number for the code and a digest of the data it read with.

Every timeline row a page's extraction wrote carries the stamp of its extractor, so `monitor timeline` and
`monitor sources` can say which rows an older extractor made and `monitor reextract` can rebuild them.

    >>> extractor_stamp({}, {}).startswith(f"{EXTRACTOR_VERSION}+")
    True

The digest covers the bundled lexicons and temporal rules (`monitor/extract/data/`,
`monitor/extract/timex/data/`) and the config's `extraction.kinds` and `extraction.metrics`, so editing a data
file or the config changes the stamp by itself; a change to the extraction *code* that changes what it
reads raises `EXTRACTOR_VERSION`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

# Raised by hand when the extraction code changes what it reads from a page. 2 (2026-12-03): the rules of the
# real-news sessions; until then only the data digest marked a change (most of them edited a data file).
# 3 (2026-12-03): quotes paired across mixed marks; where and when a statement was made, and what was
# announced; lists of names with asides; dated records as subjects; spans told as "later"; the dates of a
# comparison's baseline and of results over months so far.
# 4 (2026-12-03): plans told with "would" on either side of a reporting verb, present-tense intentions; the
# lede's undated news dated by the report; page furniture lines skipped; a page's date from the article's own
# microdata and the newsroom's offset; an opening date reaches its main clause past verbless asides; a past
# day beside a present perfect dates a noun, not the verb; a calendar's verbless lines are scheduled
# happenings; a bare month takes an earlier year its sentence wrote out.
# 5 (2026-12-03): a site header's date of today is no page's date; a breaking report's scene dates its
# nameless casualties, its figures told in the simple past and those beside a clock time; counts of men and
# women by what happened to them; "ahead of Tuesday's debate" and "the upcoming summit" look ahead; a weekday
# in apposition restates its date; a baseline's date ("from 54% in November to 35%") is the old value's alone;
# a count given by "has" holds now; a count for a verb's subject is a figure, not a happening; a background
# deal's price is undated.
# 6 (2026-12-03): a listing of other posts holds no page date, a byline's "Written:" outweighs htmldate's
# guess, and "/2010/POLITICS/08/13/" names the day; a blotter's "<day>: <HEADING> – ..." dates its entry and
# its next arrests; a day written without its year weeks after the story's last full date is of that year;
# "<span> earlier" counts back from the paragraph's day; a bare season and a game's "the quarter" date
# nothing; a date in a relative clause without "that" is its own verb's; a lede ending on a colon is prose;
# a statement not made is none; temperatures with their scale, "a 7.8 magnitude", barrels ("bbl."),
# "$7 billion-a-year", "Out of 34,000 students, 2,285 were absent" and "two-thirds of voters" are figures;
# "Three of the 20 passengers died" is 3 deaths; a rate per day is undated.
# 7 (2026-12-03): "og:article:published_time" is a published stamp; a phrase may hold its object ("found X
# guilty"); a funeral is a gathering; "reached the lowest level" is no arrival; "T1" is one word; the day a
# report is given sets no scene; an amount forecast or changed ("grew 2.27% in 2019", "is expected to grow
# 3.3%", "expects prices to rise 8.8%") is its figure, and what is expected no happening; "compared with" is
# no verb; "sentenced to 57 months" is a figure; "the number of positive cases" names its metric; an aim or a
# hope schedules its happening; "Christmas last year" and "Thanksgiving weekend" are dated as told; a list's
# next items take its verb's scene; a line in square brackets is a link; "coal trades at $10" holds now.
# 8 (2026-12-03): a statement in the present perfect past a report's first four paragraphs is a position held
# ("Assange has denied both allegations"), no row of the publication day; the world's cities named in two or
# more words are places (data/en/cities.txt), never persons or speakers; "starting Wednesday" looks ahead
# unless the clause is past, and "the hosts" is no schedule verb; weights in pounds are figures (not someone's
# build); "a 30-year prison term", "the magnitude-5.8 quake" and "a high of 86 degrees" are read; "faces"
# holds now; a season before a word of the weather ("the early winter temperatures") dates nothing; what a
# statement reports on its date is the statement's row; a weekday before a number is no label; "Saturday is
# the anniversary" and "reports earnings Wednesday" look ahead; a count of one or two of no happening ("two
# doctors") is no figure.
# 9 (2026-12-03): the lede's news told by a verb no trigger lists, in the present perfect active or set to
# come ("has named", "is set to raise"), is the publication day's; the emphatic "did" is the simple past; a
# change from one figure to another past the lede holds at no stated day; a past season's score, someone's
# family ("a mother of four") and the whole of "seven out of every 100" are no figures; a date in a later
# "after" clause with its own verb dates that clause, not the main clause's figures.
# 10 (2026-12-04): a comparison's baseline keeps its date when told by a change word in -ing, with a qualifier
# ("from about 10 percent in 1985 to roughly ..."), or naming a state of its own ("down 21% from the all-time
# high of $816,720 reached in February"); "peaked", "passed", "exceeded" state a value; a bare count whose
# clause's subject names it is a figure ("Deaths in Italy rose to 12,000"), as are jobless claims; "killing
# at least 19 people" counts deaths; an index's move in points takes its verb's sign ("fell 350 points, or
# 1.1%"); what someone declined or refused to do is no happening ("declined to comment on Thursday"); what
# happened at an event dated by a possessive happened then ("at Wednesday night's debate"); a line ending on
# "[REVEAL]" links another story; "the northern half of" is no share; "Prosecutors have charged three people"
# is the day's news; "proposed in August" is last August; a count over a span of years holds at its end
# ("from 1999 to 2021"); "children younger than 5" is an age.
# 11 (2026-12-04): a page whose fast extraction is mostly menu entries is read again by trafilatura's fallback
# extractors; the word before "strike" tells its kind (a drone strike, a rail strike, a bird strike); a noun
# trigger may stand five words past its determiner ("a mass drone and missile attack"); a count after
# "about"/"more than" before a plural noun is no year ("about 2000 pages"); a year naming a level is a
# baseline ("on 2005 levels"); "the summer she turned 17" dates nothing; the end of "ages 5 to 12" is no
# figure; "330 of the resort's 397 rooms" and "191 of the approximately 250 files" count rooms and files; a
# list of modifiers leads to its noun ("90 air, sea and ground-launched missiles"); amounts in rand, ringgit,
# Namibian dollars, naira, shillings, reais, pesos, won and lira ("R4bn", "RM6.2m"); a rank on a labelled
# scale ("a Level 3 out of 5 risk") is no share; a person's age between commas ("arrested Tomas Elvey, 41,
# on Monday") is neither a count nor a clause of its own; "0.50 calibre" is a bore; "will debate in one week"
# and "in just 63 days" date from the report; the Unix epoch in a byline or the markup is no page date;
# "dwindled to 25" is a change; a letter sign glued to a whole number after a name is a model's code
# ("Nighthawk R6700", "Cinebench R20"), no amount in rand.
# 12 (2026-12-04): a month and day naming what nobody schedules ("the Oct. 7 attacks", "the deadly Nov. 2
# crash") is the last such day, not the nearer coming one; "Gov.", "Lt. Gov.", "Sheriff", "Speaker", "Sir",
# council and assembly members and clergy are titles, dropped from the name ("Gov. Kristi Noem" -> Kristi
# Noem); a clock time takes the year written after its date ("shortly after 2am on Sunday November 3, 2013"),
# and its "after" or "before" cuts no clause; nor do the commas of a town's region ("in Arlington, Texas,
# earlier this week"); the items of a list after semicolons take the day at its end to its verb; a verb in
# the present (not a copula) with a day to come is a scheduled happening ("The festival opens on June 26");
# "Police have released photos of a suspect in the bank robbery on Dec. 22" is the report's release and the
# robbery's day (a robbery, a heist, a carjacking, a mugging are violence); "a moon shot", "a flu shot", "a
# three-point shot" are no shooting (kinds.yaml kind_by_modifier, kind `none`); "his team's playoff hopes
# are slim after Monday night's loss" is last Monday's (a plural noun before "are" is no cue of the future);
# a unit glued to its digits is read ("2.15kg", "100mph", "60fps"; numbers.yaml glued_units), and weights in
# kilograms and frame rates are units; a short aside between a verb and its day ("rolled past Northern
# Illinois, 45-17, on Tuesday night") cuts no date from the verb; an undated lede's "announced", "unveiled",
# "introduced" or "launched" in the simple past is the report's news (tense.yaml lede_news_verbs); a month
# naming a noun's time ("qualified for the December debate", told in November) is the nearest one; "from
# zero to 60 mph in 3.5 seconds" is no figure; a year before a model's code ("The 2021 RAV4 Prime") is
# a model year; a capitalised word opening a sentence before an aside that describes it ("Varnox, a maker of
# ferry engines, announced") is a name.
# 13 (2026-12-04): a name set off by commas after a noun is the subject of a verb that has none of its own
# ("CBS DFW reports the man who kidnapped the child, Michael Webb, was sentenced": Webb, not the outlet); the
# noun of a total named before its number takes the metric lexicon's name ("the total of commercial providers
# to 14" -> companies, as "14 firms"); a small number spelled out after a possessor describes ("California's
# three power providers"), it does not count; after a noun, "that" opens a relative clause whose word is a
# verb ("the tour that stops at Blossom Music Center on July 22": "stops", not "details" of "reported
# details"); two hyphens stand for a calendar line's dash ("July 22 -- Blossom Music Center, Cuyahoga Falls");
# a date in a participle describing a noun after its clause's verb ("join nine others selected by CLPS in
# November 2018") dates no figure of another clause (", bringing the total to 14 firms"); a month written
# without its year a month or two after the story's last full day two or more years back ("dated March 18
# 1986 ... However in early April she acquiesced") is of that day's year; a clock time's "a.m." ends no
# clause that goes on ("the strike will end at 12:01 a.m. on Thursday": the coming Thursday); after "be" only
# a participle is a verb ("2,285 were absent Monday" tells no happening); a plural's present after its subject
# with a day to come is scheduled ("The men take the floor ... on November 29th"); a lede that ends on a
# bracketed sentence ("... in Gaza. (Watch the video below.)") is prose, not the page's header; a meeting
# noun that ends a capitalised name is the meeting ("Wednesday's Caribbean Financial Access Roundtable"), not
# a word of another name ("Summit County", "The Forum"); a span of days to come starts its happening
# ("expected to take place between October 11 and 13"); a named day in the noun phrase of "in", "at",
# "during" dates what happened there ("In his Sunday Mass at St. Patrick's, Cardinal O'Connor called ...").
# 14 (2026-12-04): a sentence that gives no item gives, to `monitor check`, its undated report of a happening
# (`Item.latent`: "..., Johnston said in a statement"), which is on a timeline only when another outlet's
# telling is worded alike (issue 13); `monitor extract`'s items are those of 13.
# 15 (2026-12-04): a past month or year beside a present perfect dates a noun, not the verb ("have dropped an
# investigation into an allegation made in 2010": the dropping is the report's news); dropping charges, a
# case or an investigation is a legal happening, not a business one; "it" or "they" stands for the last
# organisation or country named only within names.yaml `thing_pronoun_reach` characters; a verb after "and"
# or "but" with no subject of its own shares the subject before it, and a trigger verb's "re" before a vowel
# may be hyphenated ("had been shelved in 2017 but was re-opened"); a happening moved by a rescheduling verb
# is of its own kind ("a meeting will be postponed from Tuesday to Friday": the meeting on Friday), not the
# postponing's.
# 16 (2026-12-04): a clause told as "<span> after" or "<span> before" another happening is dated the span
# before or after the date it follows ("The crash comes a day after the Taliban swapped two hostages"), never
# a length ("jailed for 11 years after pleading guilty"); "the president said" stands for the first person
# the story named with that title; a purchase or buyout is business; a happening the sentence names by its
# day ("Thursday night's fight") is not its subject's unless a meeting or call; a body named before its
# people acts for them, not the place after them ("NASA scientists using a telescope atop Mauna Kea"); a
# summary drops the "after" or "before" that opens its clause.
# 17 (2026-12-04): a number after "the" or "these" points back at one the text gave only when written on its
# own there, not inside another number nor a date ("a scheduled Dec. 15 imposition" gave no 15 for "the 15%
# tariffs"); a capital followed by its own verb is its country as a figure's subject ("Beijing also wants
# ... the 15% tariffs": China's); an owner's name before a number labels it only before a name ("Stadia's 22
# launch titles" count, "Boeing's 737 Max" is a model); a power or a weight joined to its number by a hyphen
# is a figure ("a 275-horsepower motor", "a 2,000-ton ship"; numbers.yaml `hyphen_joined_units`); "his" or
# "her" before a noun that names a happening is whose it is ("In his testimony Tuesday morning, Vindman said":
# Vindman's; names.yaml `person_possessives`); bodies are counted ("only three bodies have so far been
# recovered"), and "more" is kept before a metric as "new" is ("three more bodies": an increment); those on
# board are counted without a noun ("with 239 on board"), and a metric named by a preposition's phrase is
# never a clause's subject ("On board Flight QZ8501 were 155 Indonesians" counts no one on board); a date
# opening another happening's noun phrase dates that happening ("the first debate following the Oct. 7
# terrorist attack": the attack's day, not the debate's), unless it is where this one took place.
# 18 (2026-12-05): "he" and "she" stand for a person of their gender, as the story's own titles ("Ms.",
# "congresswoman") and pronouns give it (names.yaml `genders`: "'...,' she said" after a man's quote is the
# woman named); "add", "note" and "explain" report, "add" only where no object follows ("added 25 points"
# does not; kinds.yaml `said_only_before`); a figure's subject is never a place or name on a route ("en route
# to Beijing from Kuala Lumpur", "exports to China"; metrics.yaml `route_prepositions`) and, after a carrying
# verb, the carrier's name ("an AirAsia plane carrying 162 people"; `carrier_verbs`); a date line may name
# two places ("SURABAYA, Indonesia/JAKARTA (Reuters) -"); a passive after a plan of the past is past ("once
# expected to be completed within weeks of an October news conference": last October); a number after
# "the" points back only at a figure already read; an undated happening told by its verb with who acts
# named is an undated report, not only a statement; a pronoun capitalised inside a sentence is a name's
# word ("The We Company"); the adjectives of regions within countries are places ("Scottish", "African";
# places.yaml `place_demonyms`); a dated occasion opening a sentence or set after "at", "during" or "in"
# dates what happened at it ("During the debate on Tuesday, ...", "at Wednesday night's debate"; tense.yaml
# `occasion_prepositions`, `occasion_nouns`).
# 19 (2026-12-05): a date after an opening connective set off by its comma is still fronted ("Then, last
# week, Swift posted ..."); a demonym listed once counts its people in the plural, by that people ("155
# Indonesians" is no count of passengers); a pronoun stands first for a candidate the story gives its gender,
# and one opening a sentence first for the person who opened the sentence before; a date right after a quote
# dates the verb before the quote; "charge" and "offer" told with what was said are statements (kinds.yaml
# `said_when_quoting`); "shortly", "soon", "days" or "hours" after a day (or after the news "came") date
# their clause by the month holding the week before, or that day; a name set off after a noun may take its
# "The"; a "verb ... object" phrase matches its passive ("the case was dropped": legal); torque is a unit and
# a unit's symbol no figure's subject; a confession is legal; a release of things made public is a statement
# (kinds.yaml `kind_by_object`); an authority's act in the passive present perfect of a main clause is the
# day's news ("Three people have been arrested"); an attack in words is a statement ("took aim at", "lashed
# out at"), and a platform taken to ("took to Twitter"), not any "take to" ("took to the city's streets"); a
# date's verb that opens a phrase of a kind takes the phrase's kind.
# 20 (2026-12-05): a blank line after a line of four words or more that stops mid-clause, before a line going
# on in lower case, ends no sentence (a page setting each wrapped line of its copy as a paragraph); an undated
# happening named by its noun with who acts is an undated report ("Russia's straightforward victory"); a name
# set off after a noun's relative clause names the noun ("The company that runs the AMAs, Dick Clark
# Productions, denies"); an opening "after" or "following" phrase with a date dates the past main clause after
# its comma ("Shortly after news broke on Monday that ..., Dick Clark Productions denied ..."); what a denial
# reports is no row even told as done (kinds.yaml `denying_verbs`); a date set off by a comma at a clause's
# end dates that clause ("hosting the final date on the tour, Oct. 10.").
# 21 (2026-12-05): a date in a verbless clause is not the happening of a clause of time after it that has a
# date of its own ("reported its third case on Sunday after two other cases were revealed last week";
# tense.yaml `time_subordinators`), nor of a closing attribution (", prosecutors said."), nor of a verb before
# it whose clause has a date of its own ("pleaded guilty Monday to threatening to kill ..., in March"); a name
# set off by commas after the date's clause does not hide the verb after it ("a day after the boy's mother,
# Sophia Vera, was arrested").
# 22 (2026-12-05): a verb in a clause of time hanging on the main clause with no date of its own ("called for
# calm on Thursday after DEA officials arrested the premier", "shares are dropping after the company cut its
# guidance") is told with the sentence's one day, or the day of its drafts, not a month (tense.yaml
# `dated_by_main_clause`; monitor/extract/items/time_clauses.py), and leaves the main clause's own verb
# its happening of that day.
# 23 (2026-12-05): a figure is not dated by the end of a period still to come ("plans to spend $2.6 billion on
# its contracts through November 2028": the day the plan is told); members, soldiers, voters, lawmakers and
# the like count people (metrics.yaml `people_nouns`).
# 24 (2026-12-05): the person or body a verb acts upon is one of its actors, as the passive's subject is ("The
# DEA arrested the Caribbean Territory's Premier Andrew Fahie": the DEA and Fahie), past a determiner, an
# owner's name and a title; not for statements, movements or results.
# 25 (2026-12-05): a lede's trigger in the present of a headline ("PAHO director warns of further surges")
# is the day's news, of the trigger's kind; an adverb of manner ("have strongly cautioned") no longer hides
# the lede's perfect; a reporting verb told again in another form ("says" ... "said") is one statement, in
# the words of the telling that states its day. The timex lexicon knows Black Friday, Cyber Monday and other
# named days (a weekday read alone had made "Black Friday" last Friday, and "Black" an actor).
# 26 (2026-12-05): one week written two ways in two clauses ("reported over the weekend — after two were
# diagnosed last week", both 2019-W46) dates two happenings, where the same words again still tell one.
# 27 (2026-12-05): a list of links to other stories (items with no final stop, side by side: "- Canada's
# unemployment rate drops to 6.6% as economy gains 88,000 jobs") is no sentence of the report.
# 28 (2026-12-05): a word of two kinds after a determiner and its modifiers ("the new five-year contract")
# is the noun, of the noun's kind (business), not the verb's (outbreak).
# 29 (2026-12-05): who sources a fact ("He had, according to Alex Horton of the Washington Post, killed and
# eaten a wild rabbit") is not its actor.
# 30 (2026-12-05): past the report's two opening paragraphs, a change told with its amount in the active
# ("net income fell 22% in the third quarter") is its figure only, no business or other happening besides.
# 31 (2026-12-05): a name of two words or more ending in a document's word ("the Data Retention Bill";
# names.yaml `document_words`) is a document, never who acts (it had been read as a person).
# 32 (2026-12-05): a nationality told as a person ("The 48-year-old Australian was evicted") is no name,
# not the country acting.
# 33 (2026-12-05): a dated clause whose verb holds an amount right after it ("The company itself had 12,500
# employees on June 30"; tense.yaml `holding_verbs`) states a figure, no happening besides.
# 34 (2026-12-05): two tellings of one week by two different triggers, only one naming who acts, are two
# happenings ("In their meetings this week ..." and "The bill will be debated in the House this week").
# 35 (2026-12-05): one speaker's two announcements of a day with nothing announced in common ("announced a
# slew of new features", "announced the private beta of a feature") are two statements.
# 36 (2026-12-05): a year that names a British statute ("the Policing Act 2014") dates nothing, as "the Act of
# 1996" did not.
# 37 (2026-12-05): a date in a phrase opening the sentence on the occasion of its main clause dates that
# clause even inside "the closing seconds of last week's game"; brawls, scuffles and altercations are
# violence; "USA TODAY" is no date; a clause joined by "and" to a dated main clause, in the simple past with
# no date of its own, tells a happening of that day ("signed a plan Friday, and Yeltsin claimed ..."); what is
# launched tells the launch's kind ("launched airstrikes": violence; "launched an investigation": legal); the
# value a period's result changed from, with no date of its own, holds for the same period a year before
# ("third-quarter profit rose 16% to $110.9 million from $95.9 million": 1988-Q3 in a report of 1989); a term
# of "five years and three months" is one figure of 5.25 years; skipping a debate, summit, meeting or hearing
# is a meeting ("Trump skipped the debate entirely").
# 38 (2026-12-05): a hover card hidden inside a paragraph (a name's card: full name, headlines, "MORE") is
# cut out before the text is read (data/popup_cards.yaml): "Kristi NoemKristi Lynn NoemSouth Dakota ..." was
# read as one name.
# 39 (2026-12-05): a hearing, testimony and "testify" are legal (kinds.yaml), no longer meetings, as "grill",
# "interrogate" and a trial are: one testimony told as "testified", "grilled" or "the testimony Tuesday" by
# three outlets is one kind.
# 40 (2026-12-05): capitalised words that describe a person before a given name and a surname are no part of
# the name ("NASA Administrator Jim Bridenstine", "envoy to Ukraine Kurt Volker", "Republican Phil Bryant";
# names.yaml role_endings).
# 41 (2026-12-05): a lawmaker's party and state after the name ("Rep. Ilhan Omar, D-Minn., said") is an
# aside, no name (names.yaml party_initials); a speaker after the verb may have a title before the name
# ('said White House Press Secretary Stephanie Grisham'); the words of titles and a shared title
# ("co-founder"; titles now list it and "administrator") join a list of names; "she said" after a quotation
# is the sentence before's subject before the last speaker.
# 42 (2026-12-05): a name after a fronted phrase and its comma opens the sentence ("During an interview,
# Skaik paused. '...,' he said": Skaik).
# 43 (2026-12-05): an aside after a name may open on a possessive name ("Kevin Mayer, Disney's chairman of
# direct-to-consumer and international, said"): the name before it speaks.
# 44 (2026-12-05): a person's full name set off after a noun phrase ending on a name speaks ("Trump's
# ambassador to the United Nations, Nikki R. Haley, said").
# 45 (2026-12-05): a statement named by its noun before the speaker's verb ("In a tweet on Tuesday, Trump
# said") takes the verb's subject as its speaker.
# 46 (2026-12-05): a suffix after a surname is no surname (names.yaml name_suffixes): "Patrick W. Carlineo
# Jr." makes a later "Carlineo" him.
# 47 (2026-12-05): the tail of a full name told before is that name ("Al Saud" of "Abu Anas Al Saud", "Van
# Der Beek"); "PM" is a title ("Pakistan PM Imran Khan").
# 48 (2026-12-05): "the company" (names.yaml firm_nouns) with no name ending in a company's suffix is the firm
# named before it in its sentence, else the one opening the sentence before, else its last one, else the one
# named most (twice at least), never a name told as a place ("the city of Surabaya"); "The company, which
# ..., confirmed": the subject before the relative clause; an adverb before the verb ("He flatly denied")
# is skipped; a word stops before its possessive after "&" or "-" ("PG&E" "'s").
# 49 (2026-12-05): a relative clause set off by a comma tells of the name before it ("Big Machine, which was
# bought out by ...", "Eulois Cleckley, who is now suspended"): "who" of a person, "which" of any other name.
# 50 (2026-12-05): a verb joined by "and" or "but" to the sentence's first verb, with no subject of its own,
# is that verb's subject's ("Ms Cafferkey returned to Scotland after working in the west African country and
# arrived on a flight": not Africa), unless the first verb reports.
# 51 (2026-12-05): a name ending in a landform's, a water's or a venue's noun is a place (places.yaml
# feature_nouns: "Java Sea", "Channel Islands", "Shoreline Amphitheatre"), never an actor.
# 52 (2026-12-05): a name the gazetteer lacks right after "in" or "near" is where a meeting (or a happening of
# no known kind) was, not who met ("held a rally about 10 miles away in Hialeah").
# 53 (2026-12-05): a noun that is the object of the verb opening its clause, only a determiner and adjectives
# between, is that verb's subject's, across an aside ("Trump, who regularly beats DeSantis ..., held a
# raucous rally").
# 54 (2026-12-05): a noun with no subject tells of the person or organisation its "of" names ("the death of
# Ada Brisk", "the disappearance of Flight 8501"), unless that name owns or qualifies another noun; a plane,
# ship or person lost is an accident ("disappeared", "lost contact", "the disappearance"), and kinds.yaml
# names more happenings by their nouns (killing, murder, suicide; cyberattack, shelling; retirement, ouster,
# dismissal, inauguration, reelection; landfall, outage, blackout).
# 55 (2026-12-05): a run of capitalised words is a person's name only with a word (the last aside) that may be
# a given name: initials, a word the dictionary does not know, a common given name that is also a word
# (data/en/given_names.txt, from the U.S. Census name files: "Mark", "Grace"), or one written with a capital
# inside after a given name's opening (names.yaml given_name_prefixes: "LeBron"); else it is a name of no
# known kind ("Big Machine", "Blue Origin", "Downtown Saline"), which "he" never stands for and "the company"
# may. Whom a verb acts upon may be such a name ("Amazon bought Whole Foods", "is investigating WeWork").
# 56 (2026-12-05): "the company" is first the firm its own sentence names (the one it opens on as its subject,
# unless "is" describes it, else the nearest), before a firm of an earlier sentence whose name ends in a
# company's suffix ("Blue Origin will offer NASA its Blue Moon lander that the company unveiled": not Sierra
# Nevada Corporation, named paragraphs before).
# 57 (2026-12-05): a title written with a hyphen for its space is the title ("Attorney-General",
# "Vice-President Mike Pence"), in names and in link_name alike (linking.title_at), and "Prof" and "Sen" are
# titles without their full stop ("Prof Gavin Yamey", "South Carolina Sen Tim Scott").
# 58 (2026-12-05): an initial counts as a given name only with its full stop ("P.J.", not the "D" of "Vitamin
# D Council"); "which" after a comma never tells of a name read as a person (the capitals' reading decides).
# 59 (2026-12-05): two sentences telling, each with a verb of its own (of the lexicon, not the same) and a
# date, what happened are two happenings, not one told twice ("Trump skipped the debate" and "Trump separately
# held an event in nearby Hialeah"); not a trip (told with many verbs); an undated telling still lends its
# actors to a dated one.
# 60 (2026-12-05): a flight's or a road's number is part of its name (names.yaml numbered_nouns: "Flight
# 8501", "Malaysia Airlines Flight 17", not a bare "Flight"), and a road with its number is a place ("Highway
# 287").
# 61 (2026-12-05): "which" after a name that is the agent of a phrase qualifying the noun before it ("the
# Airbus A320-200 operated by Indonesia AirAsia, which disappeared") tells of nobody known.
# 62 (2026-12-06): a run of two or more words ending in a company's word (names.yaml organisation_endings:
# "Dick Clark Productions", "Big Machine Records") is an organisation, not a person its given names suggest,
# so "the company" may stand for it.
# 63 (2026-12-06): "the company" or a pronoun is found across the adverbs before its verb when they are joined
# by "and" ("swiftly and firmly denied") or hyphenated ("flat-out denied"), not only one "-ly" adverb.
# 64 (2026-12-06): a word the dictionary lacks, opening a sentence, is a name when a word it knows only as a
# finite verb follows ("Tidewell sued", "Muller criticized"), not a plural of a role's noun ("Appropriators"),
# or when an aside opened by "its", "his", "her" or "their" describes it ("SoftBank, its largest investor,").
# 65 (2026-12-06): a result told in the plain past with no date of its own takes the day an earlier sentence
# of its paragraph set ("On Friday, it was Finland's chance. Finland clinched 3-0"), else the publication
# day; a word joined by a hyphen to the next is no tense cue ("Soon-Shiong ... as of March 20" is the last
# March 20, not the next) and a reference word so joined is no timex ("the now-defunct paper").
# 66 (2026-12-06): a company's results reported (tense.yaml results_verbs, results_nouns: "Home Depot reported
# third-quarter earnings") are an announcement, dated by the report's day or a date after them, not by the
# quarter they are of nor the day that quarter ended.
# 67 (2026-12-06): an irregular past that is also the base form ("hit", "cost", "bid", now a past cue too) is
# no past cue after "to", a modal or "did", nor after an article ("a bid"): "plans to bid in December" is the
# next December, "the firm bid ... in December" the last.
# 68 (2026-12-06): "the day before" and "the day after", not followed by what they count from ("the day before
# the vote"), are the day before or after the one named last ("799 the day before").
# 69 (2026-12-06): a "since" date in a figure's clause starts a span that runs to now, no time the figure
# holds at ("cooperation since 2013 is anchored by 74 agreements" holds on the publication day).
# 70 (2026-12-06): a date after a comparison made right after a value ("was at $1.5765 compared with $1.6145
# Wednesday", "1.84 marks and 142.10 yen compared with 1.83 marks and 141.52 yen Wednesday") dates the
# baseline values listed after the preposition, not the value compared nor the sentence.
# 71 (2026-12-06): a result an earnings report tells in the past with no date of its own (a results noun of
# tense.yaml, now with "net", before the figure: "At GMAC, net dropped 3.1% to $234.5 million") holds for the
# quarter the report named last, not a baseline's ("a year ago").
# 72 (2026-12-06): a month after a noun of what nobody schedules and "in" ("the tornadoes in April") is the
# last such month, whatever the clause's tense; "tornado" and "tornadoes" are such nouns.
# 73 (2026-12-06): an announcement is the report's news though its sentence names a date, when that date is
# of a clause of its own after the verb ("announced that ... after it was tested over the weekend").
# 74 (2026-12-06): the quarter a later result of an earnings report holds for (71) is one named with a results
# noun in its sentence, not a game's ("In the second quarter, the Hawks led").
# 75 (2026-12-06): a bare season ("in the summer") follows its clause's tense: told ahead when this year's has
# ended, the next; told back when it has not begun, the last; "the fall" and "the spring" are seasons only
# after a preposition of time ("took the fall", "the fall in the jobless rate" are words).
# 76 (2026-12-06): a page whose fast extraction holds less than 1,000 characters of prose is read again by
# the fallback extractors (a wire page's next-story teaser had been taken for its article).
# 77 (2026-12-06): a possessive date after a happening or figure and outside its clause ("disrupting vote
# counting for the previous day's general election") dates its noun only: the count and a happening closed
# by its report (", authorities said Monday") take the report's day.
# 78 (2026-12-06): members of a legislature or party are counted people ("Seventeen congressional Republicans
# signed"); a participle after the counted noun ends its phrase ("nine press releases blasting workers").
# 79 (2026-12-06): a temperature's scale written as a capital glued to the digits ("370C", "1.5C", "41F";
# numbers.yaml `glued_temperature_scales`) is a temperature, a lone digit so written only among words of the
# weather ("Room 1C" is none).
# 80 (2026-12-06): a later relative clause with a verb of its own that describes a noun other than the
# figure's ("$19.5 billion in spending ... for the budget year that began Oct. 1") dates that noun, not the
# figure; one right after the figure's phrase or its noun still may ("a 15 percent tariff that ... Dec. 15").
# 81 (2026-12-06): a market's sessions are a span of time, no count ("110 trading sessions ago").
# 82 (2026-12-06): a metric of people ("soldiers" -> troops) gives way to a grave state as a people noun does
# ("Nine soldiers were wounded" counts injuries), and an adverb may stand before the state ("were also
# killed").
# 83 (2026-12-06): a law or an order signed is a policy ("signed legislation Tuesday", "signed the bill into
# law", "signed an executive order"), and a phrase's passive ("bill ... signed") needs a form of "be" before
# its verb, not an active clause's subject in the gap ("the bill President Obama signed").
# 84 (2026-12-06): a participle trigger takes the kind of the noun it follows as it does of its object
# (kinds.yaml `kind_by_object`: "their first attack launched Sunday", "a police probe was launched").
# 85 (2026-12-06): two passive clauses joined by "and", each with its subject, tell two happenings ("a
# manhunt was launched and one person was arrested").
# 86 (2026-12-06): a depth in a sentence of rain is rainfall (numbers.yaml `rain_units`, `rain_words`), "kph"
# is km/h, and an amount in brackets right after a unit restates it even when the amount before is no figure.
# 87 (2026-12-06): a day with "this/last/next year" after it is that year's day ("February 28 this year",
# "March 5 last year"), a weekday with "last/this/next week" that week's day ("Monday last week"), and a
# storm, a flood or a spill named with its day is one that came ("the Jan. 3 storm", told in November).
# 88 (2026-12-06): a figure of a relative clause in the past takes the date of the noun it describes ("since
# the Dec. 14 shootings ... in which 20 first-graders were killed"); "now" after "had", "was" or "were" is the
# time of a past telling, not the publication day; a measure spelled out is a figure ("six tonnes"); another
# speaker's statement after ", but" is one of the first's day; a plural noun trigger right after a day of the
# month tells that day's happenings ("the Dec. 14 shootings"), and a "since" before such a date does not
# undate its noun.
# 89 (2026-12-06): a page date followed by "-- Updated" and a time is the update's day ("October 7, 2009 --
# Updated 1240 GMT"), and a URL may hold a section and a subsection between the year and the month
# ("/2009/WORLD/asiapcf/10/06/").
# 90 (2026-12-06): a page laid out in a table, whose article came out as one "| ... |" row of a cell's
# paragraphs run together, is read again without tables (text.py `_LAYOUT_ROW_RE`).
# 91 (2026-12-06): a figure of an economic indicator told in the past with no date of its own holds for the
# month a data report named last with an indicator ("lost jobs last month" ... "its jobless rate jumped to 9.7
# percent"), as a result does for a quarter (tense.yaml `indicator_nouns`).
# 92 (2026-12-06): a layout table's cell that is only a stamp ("| Page last updated at 06:29 GMT, Tuesday, 10
# March 2009 |") is page furniture (boilerplate.yaml `stamp_word` takes "page").
# 93 (2026-12-06): "the past month" (or week, year) is a span up to now, not an earlier scene: it no longer
# ends a breaking report's day for the sentences after it.
# 94 (2026-12-06): a grave state after the counted noun's "of" phrase is the count's ("two members of the
# Afghan national security forces were killed", "Seven of his bodyguards were also killed").
# 95 (2026-12-06): TIMEX tense: a participle after "being" ("a study being sent to Congress in November", "is
# being treated") is under way, no past cue; "was being sent" still tells the past.
# 96 (2026-12-06): a span before "after" a happening named with its own date ("three years after the 1993
# settlement", "freed two years after the 2001 attack") dates the clause it ends, counted on from that date.
# 97 (2026-12-06): a page date followed by "Updated:" and the update's own date ("November 19, 2019 Updated:
# November 20") is still the publication's; only "Updated" with a time right after makes it the update's.
# 98 (2026-12-06): a span after a dated happening that reaches the report's year ("remain ..., 12 years after
# the 2009 ceasefire") dates no clause of its own (mend of 96, which dated that present count 2021).
# 99 (2026-12-06): a word keeps a period after it only as initials ("U.S.", "a.m.") or an abbreviation, not
# after a domain's name at a sentence's end ("to buy Souq.com." named "Souq.com." as an actor).
# 100 (2026-12-06): a verb trigger's kind by the noun heading its subject (kinds.yaml kind_by_subject: "the
# earthquake struck", "Typhoon Lan struck Japan" are accidents); "bombarded", "shelled", "detonated", "an
# offensive" are violence, "made landfall" an accident; "passed near Tokyo" no policy, "gained the upper hand"
# no business.
# 101 (2026-12-06): the page date: a posting line without its year ("Apr 4, 10:57 AM EDT") takes the year the
# page's own markup gives that day in full (its CMS's comment "2005/4/4", an address's "20050404"), and a line
# with its time and zone outweighs htmldate's guess; a URL's "/20050922/" names its day.
# 102 (2026-12-06): a page laid out in a table is read without tables by the fast extractor and by its
# fallbacks, and the reading of more prose is kept: the fast one left out a lede set in bold before the cell's
# first <p> (old BBC and Fox News stories).
# 103 (2026-12-06): "would" before a day of the calendar after the report ("The new rules would take effect on
# Dec. 31, 2007") tells a plan, as "would" under a reporting verb does; a condition or a negation still not.
# 104 (2026-12-06): a layout table's row read without tables is kept when it holds 55% of the prose read with
# them (was 70%): the row glues the story to the cells beside it (other sites' headlines, "- 13 hrs ago").
# 105 (2026-12-06): TIMEX "the Sept. 11 attacks" is 2001-09-11 (lexicon.yaml named_day), not the last Sept. 11
# before the document.
# 106 (2026-12-06): TIMEX "the same period" is the period named last before it (a decade, a year, a month),
# not the last closed quarter, when one was named.
# 107 (2026-12-06): a figure's tense is read past an aside set off by a pair of dashes ("An estimated 60
# million Americans - about 20 percent of the nation's population - have passports": a count of today).
# 108 (2026-12-06): "killed one militant and wounded 44 troops", "died and three were injured": the wounded
# beside a death of the same day in one sentence are that happening's, no second (violence) item
# (kinds.yaml casualty_verbs).
# 109 (2026-12-06): TIMEX tense: "as early as" before a date says future only where the clause's verbs do not
# say past ("were warned ... as early as Aug. 27", told in February, is the August before).
# 110 (2026-12-06): a sentence naming no day whose toll is told by a participle (", killing four Iraqis",
# ", leaving three people dead") gives its happening too, on the toll's date.
# 111 (2026-12-06): a mortar, a rocket or a missile that "landed" is violence, not an arrival (kinds.yaml
# kind_by_subject).
# 112 (2026-12-06): the page date: a masthead's date of today is not read ("Today, March 22, 2017" in a
# weather box, the MH themes' "mh-header-date", a date in the logo block).
# 113 (2026-12-06): a span ago right after a noun of a later clause dates that noun, not the figure before it
# ("opened to $61M, a 35% improvement on the pic's projections four weeks ago").
# 114 (2026-12-06): a figure whose clause is told in the simple past takes no other clause's day to come ("the
# blast that killed at least 21 people", beside "who is due to visit Egypt April 28-29").
# 115 (2026-12-06): the page date: a column named as a sidebar (or a teaser ...) that holds the page's <h1> is
# the article's, its byline read ("left-sidebar"); "site-header__date" is a masthead's date too.
# 116 (2026-12-06): the page date: a post embedded from a social site ("A post shared by ... on Mar 27, 2017
#      at 6:13pm PDT") is not the page's date line.
# 117 (2026-12-06): TIMEX: a commitment to act ("have promised to", "vowed to", "pledges to") names a day to
#      come ("promised to bring it up for a vote in September", told in July); "pledged to the trust in July"
#      (a preposition's "to") is no cue.
# 118 (2026-12-06): TIMEX: "mid-afternoon that same day", "late morning the next day": a part of the day named
#      last (not of the DCT); items: a past day's hour opening the sentence with "By" dates what it tells
#      ("By mid-afternoon that same day, police found the bodies").
# 119 (2026-12-06): a figure told in a relative right after a date ("an attack on the town on Tuesday that
#      killed at least 86 people") takes that date, though a participle earlier in the sentence describes
#      another noun.
# 120 (2026-12-06): a level an index crossed after a change verb ("fell below 10,000 points") is no fall of
#      that many points (qualifiers.yaml `crossed_levels`).
# 121 (2026-12-06): the text stage: a <div> written with <br>s whose own text opens on a word or two and a
#      link ("Baring <a>what he called ...</a> President Obama on Thursday released ...") is paragraphs too.
# 122 (2026-12-06): figures: a capitalised word before a number with a unit names no label ("told Nine News
#      Queensland 211 millimeters of rain", "Just 29%"); a pronoun's contraction ends a metric ("the 48 years
#      he's lived there"); "clause 11", "paragraph 3" ... are labels, "4 reasons why" a listicle's count.
# 123 (2026-12-06): kinds: "promote" is a personnel change only with "to" ("was promoted to captain",
#      "promoted two players to the first team"; "promoted the rally" advertises it); "dismissed those who
#      say", "dismissed the concerns" sack no one (kinds.yaml other_sense_after personnel).
# 124 (2026-12-06): the text stage: words the page's source wraps onto lines inside a paragraph are spaced,
#      not cut into paragraphs ("Italy's UniCredit Group\n (other-otc: UNCIF ...) also said ...").
# 125 (2026-12-06): a figure takes no date from past a later clause that "after" or "before" opens, nested
#      clauses included ("UBS dropped 12.9% after an analyst predicted the bank will post a third-quarter
#      loss"; the text stage's source line breaks of version 124 too).
# 126 (2026-12-06): a year a level is the extreme of ("moved to a new 2008 high of 3.85%") does not date the
#      figure (numbers.yaml span_extremes).
# 127 (2026-12-06): TIMEX: a span of days with its year ("July 1-3, 1863") is its first day of that year;
#      "post-Sept. 11", "pre-September 11" name the attacks' day; items: a day the tagger puts after
#      publication keeps the present's year, not an old story's written before it.
# 128 (2026-12-06): a happening no trigger names whose subject is an attacker ("a suicide bomber walked into
#      the mosque", "the attackers used a car bomb") is violence (kinds.yaml kind_by_subject other).
# 129 (2026-12-06): a figure a speaker gives in the past perfect ("police said four people had been killed",
#      "the firm said it had sold a million") holds on the report's day, but for a person's own past ("he said
#      he had paid $5,000"); a span up to today ("in the past year, shares have lost 35%") dates no figure
#      (numbers.yaml spans_to_now).
# 130 (2026-12-06): TIMEX: "next to" and "next door" are no cue of a day to come (lexicon.yaml
#      tense_not_cues: "appearing next to the statue on Monday, the mayor said"); deputies, troopers and
#      marshals count people (metrics.yaml people_nouns: "four jail deputies").
# 131 (2026-12-06): kinds.yaml: "strike down" and "invalidate" are legal (a court's ruling, not "struck"
#      violence), "take office" is personnel, "institute" is policy.
# 132 (2026-12-06): kinds.yaml: a downgrade is business ("Fitch downgraded the insurer to AA", "the storm was
#      downgraded to a tropical depression").
# 133 (2026-12-06): a year a change is measured over is its baseline ("2.4% more jobs over the previous
#      year": tense.yaml year_change_preps), and an amount right before the change word counts as one
#      ("2.4% more"); "over the weekend" still tells when.
# 134 (2026-12-06): TIMEX: "slated" and "poised to" tell a plan to come ("slated to begin in January", told
#      in September, is next January).
# 135 (2026-12-06): a figure told before a span of years in its sentence ("a study released Tuesday found a
#      21.6 percent drop ..., from 1999 to 2005") holds at the span's end, not on the study's day.
# 136 (2026-12-06): TIMEX: a past verb right after "that" and before a preposition is a relative clause's
#      verb, no adjective ("the same factions that attacked on Sunday" is the Sunday past).
# 137 (2026-12-06): a day right after a count of years back is of that year ("Sixteen years ago, on the night
#      of October 19th" is 2001-10-19, told in 2017), as after a year written out.
# 138 (2026-12-06): "at age 13", "at the age of 13" put a figure at an earlier, unstated time (numbers.yaml
#      undating_adverbs: "filed his first tax return at age 13, claiming a $35 deduction").
# 139 (2026-12-06): page date: a day the page's <title> ends on ("... - Aug 31, 2005") is its publication
#      day when no line shows one and no markup stamps it, within two days of the URL's (CNN's 2005 pages,
#      posted past midnight in the folder of the day before).
# 140 (2026-12-06): TIMEX: "an expected vote Friday" is one to come ("expected" before a noun, as "upcoming").
# 141 (2026-12-06): TIMEX: a present passive ("when he is sentenced in June") tells no past.
# 142 (2026-12-06): "fighting the bill", "attacked the plan" strike no blow (kinds.yaml other_sense_after
#      violence: a measure opposed, past a possessive too: "the board's plan"); "from the age of 13" is an
#      age, no figure (numbers.yaml not_figure_before "age of").
# 143 (2026-12-06): what erupts tells the kind (kinds.yaml kind_by_subject accident: "fighting erupted" is
#      violence, "protests erupted" a protest, "shouting erupted" or "the scandal erupted" no disaster).
# 144 (2026-12-06): after "be", a trigger's base form is an adjective, no verb ("entry is free", "will be
#      free": no one released).
# 145 (2026-12-06): a capitalised word before a participle is a name, though its lower case is a present verb
#      ("Winston Peters backed": "peters" out); a negation after a verb's object is its infinitive's ("advised
#      fans not to travel today" is advice given); a source made public on a day inside "according to" is that
#      day's happening ("according to court documents unsealed Wednesday"; tense.yaml release_participles).
# 146 (2026-12-06): a capitalised "May", "Will", "Can", "Must" past a sentence's first word is a name or a
#      month, no modal ("Theresa May visited", "In May the trust opened"); TIMEX: a capitalised word inside a
#      clause is no tense cue ("Tom Hopes backed": no hope of what is to come), but in a headline's title
#      case.
# 147 (2026-12-06): a verb that may state a value ("closed at $185.25", "ended") states none when its only
#      number is a date ("closed the plant in 2019", "the war ended in 1990"): a happening; "was" and a date
#      right after the verb ("the quarter ended Sept. 29") as before.
# 148 (2026-12-06): TIMEX: a month's name alone right before a capitalised word, with no preposition or
#      article before it, is a given name ("June Berg visited", "Rep. August Lind said"), as "May" was.
# 149 (2026-12-06): inside "according to", a source's noun right before its date is its release that day
#      ("according to a report Thursday", tense.yaml record_nouns), as a release participle is.
# 150 (2026-12-06): an undated lede's trigger in the simple past, in its first clause right after its subject
#      ("President-elect Rodrigo Chaves apologized to ..."), is the day's news with its trigger's kind, as
#      "announced" was (lede.py); not after a quote, nor in a sentence with any date of its own.
# 151 (2026-12-06): a happening of no kind dated only by the year of publication ("earlier this year, the
#      conglomerate made headlines") is no row: too vague to place (extract.py _only_this_year).
# 152 (2026-12-06): business dated only by a quarter ("net income fell 22% in the third quarter") is no row:
#      the quarter's results, which its figures tell (no_happening.too_vague).
# 153 (2026-12-06): a slaying, a rampage and a referendum are happenings (kinds.yaml: "since the Oct. 23
#      slaying", "Sunday's referendum"); an infinitive after a verb of decision is told in that verb's tense
#      ("has agreed to buy Souq.com": the publication day's business; tense.yaml `decision_verbs`).
# 154 (2026-12-06): a rate stated in the present holds on the publication day ("there are about 10,000
#      patients waiting each year"; numbers.yaml `rate_words` apart from `timeless_words`;
#      figure_dates._timeless).
# 155 (2026-12-06): TIMEX: the present progressive of an arrangement names a day to come ("is visiting
#      Paris on Thursday"; lexicon.yaml `tense_future_progressive`); a sentence with lower-case words of four
#      letters or more, but title case's small words ("with", "from"), is no headline ("Fed Chairman Ben
#      Bernanke is speaking": "Fed" no past of "feed").
# 156 (2026-12-06): a clause with no date followed by one of "shortly after", "hours before" that names a day
#      happened that day ("was shot ... shortly after he returned home on the night of Friday, Oct. 23";
#      time_clauses.day_just_after).
# 157 (2026-12-06): a statement released is that statement ("released a statement condemning ...": one
#      statement, no release; kinds.yaml kind_by_object).
# 158 (2026-12-06): two different event verbs of one subject, the second right after "and", tell two
#      happenings past the first's object ("was arrested in October and charged with ...", "struck down
#      Proposition 8 and also invalidated part of a 1996 federal law"; event_items._verbs_joined).
# 159 (2026-12-06): a measure told in the present perfect passive is the publication day's news ("Sunday's
#      three games have been postponed"; tense.yaml `perfect_passive_news_kinds`); its active is not.
# 160 (2026-12-06): TIMEX: "the past week" is the week holding most of the seven days up to the DCT (told on
#      a Sunday, its own week; on a Monday, the one before), as the gold dates it.
# 161 (2026-12-06): "to" and a verb after a violence verb tell a struggle, no blows ("fighting to keep the boy
#      in Miami"; kinds.yaml other_sense_after `#infinitive`; "shot to death" keeps its sense); "beat ... to
#      death" is violence, no team's win.
# 162 (2026-12-06): help or words offered or launched are no deal ("offered a dour prediction", "launched a
#      review of its handling"; kinds.yaml other_sense_after business).
# 163 (2026-12-06): "they say", "we say" is a view held, as "says" after a name is: no news of the day
#      (event_dates._present_statement).
EXTRACTOR_VERSION = "163"
_DATA_PACKAGES = ("monitor.extract.data", "monitor.extract.timex.data")


def extractor_stamp(kinds: Mapping[str, Sequence[str]], metrics: Mapping[str, Sequence[str]]) -> str:
    """`<EXTRACTOR_VERSION>+<12 hex digits>`: the code's version and a digest of its data and extensions."""
    digest = hashlib.sha256(_bundled_digest().encode())
    extensions = {"kinds": {k: list(v) for k, v in kinds.items()},
                  "metrics": {k: list(v) for k, v in metrics.items()}}
    digest.update(json.dumps(extensions, sort_keys=True, ensure_ascii=False).encode())
    return f"{EXTRACTOR_VERSION}+{digest.hexdigest()[:12]}"


@cache
def _bundled_digest() -> str:
    """SHA-256 over every bundled data file (its path and bytes), read once per process."""
    digest = hashlib.sha256()
    for package in _DATA_PACKAGES:
        for path, data in sorted(_data_files(files(package), package)):
            digest.update(path.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


def _data_files(folder: Traversable, prefix: str) -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    for child in folder.iterdir():
        name = f"{prefix}/{child.name}"
        if child.is_dir():
            if child.name != "__pycache__":
                found.extend(_data_files(child, name))
        elif child.name.endswith((".yaml", ".yml", ".txt", ".json")):
            found.append((name, child.read_bytes()))
    return found
