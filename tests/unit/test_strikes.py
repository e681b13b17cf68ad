"""Strike extraction on sentences written for these tests (not corpus text)."""

from datetime import date

import pytest
from spacy.language import Language

from schemas.records import Span, Statement, Strike
from services.extractor.strikes.extract import extract_strikes

SATURDAY = date(2021, 5, 15)


def strikes(nlp: Language, text: str, published_at: date | None = SATURDAY) -> list[Strike]:
    return extract_strikes(nlp(text), published_at, [])


def only(nlp: Language, text: str, published_at: date | None = SATURDAY) -> Strike:
    found = strikes(nlp, text, published_at)
    assert len(found) == 1, found
    return found[0]


# Detection and kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ethiopian jets carried out an airstrike on a market in Tigray.", "airstrike"),
        ("An Iraqi air raid hit a convoy near the border.", "airstrike"),
        ("The Nigerian air force bombed a camp in Borno state.", "airstrike"),
        ("Pakistani drones struck a compound in the tribal areas.", "drone strike"),
        ("A Russian cruise missile strike destroyed a power station.", "missile"),
        ("Armenian artillery shelled the village of Talish.", "artillery"),
        ("Azerbaijani shelling damaged houses in the town.", "artillery"),
        ("Syrian army helicopters dropped barrel bombs on the district.", "barrel bomb"),
        ("The Syrian regime carried out a chemical attack on the suburb.", "chemical"),
        ("Turkish warplanes hit positions of the YPG.", "airstrike"),
    ],
)
def test_detects_each_kind(nlp: Language, text: str, kind: str) -> None:
    assert only(nlp, text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Officials said Russian jets would broaden their strikes to the east.",
        "Chinese aircraft have not been active in the area for weeks.",
        "The ministry said Egyptian jets did not bomb the camp.",
        "Reporters asked whether Iran had struck the tanker.",
        "If Israeli warplanes struck the port, the talks would collapse.",
        "Venezuela threatened to strike the rebels' bases.",
        "The army denied that it had carried out any airstrikes in the region.",
        "Dock workers went on a hunger strike on Tuesday.",
        "The government struck a deal with the unions, and the minister hit back at critics.",
        "Farmers were hit hard by the drought.",
        "Last year the president called off planned strikes on Iran.",
        "Analysts said a possible Saudi strike on the port would raise prices.",
        "North Korea fired a ballistic missile into the sea on Thursday.",
        "Indian and French jets held joint air strike drills over the desert.",
        "Shares hit a record high, and the film bombed at the box office.",
    ],
)
def test_skips_hypothetical_negated_and_non_military(nlp: Language, text: str) -> None:
    assert strikes(nlp, text) == []


# Actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Moscow bombed rebel positions near Idlib.", "Russia"),
        ("The Russians struck a hospital in the city.", "Russia"),
        ("Russian aircraft bombed a bakery.", "Russia"),
        ("The Kremlin said it struck an arms depot.", "Russia"),
        ("Assad barrel-bombed the neighbourhood.", "Syria"),
        ("The Syrian regime shelled the suburb.", "Syria"),
        ("The IDF struck a tunnel in Rafah.", "Israel"),
        ("U.S.-led coalition jets carried out airstrikes on ISIL fighters near Raqqa.", "US-led coalition"),
        ("The Saudi-led coalition bombed a bridge in Hodeidah.", "Saudi-led coalition"),
        ("ISIS fighters fired rockets at the base.", "Islamic State"),
    ],
)
def test_actor_is_canonical(nlp: Language, text: str, actor: str) -> None:
    assert only(nlp, text).actor == actor


def test_demonym_of_people_is_not_a_state(nlp: Language) -> None:
    found = strikes(nlp, "Libyan rebels said the jets bombed their camp.")
    assert all(s.actor != "Libya" for s in found)


def test_pronoun_takes_the_nearest_actor(nlp: Language) -> None:
    strike = only(nlp, "The Pentagon talked with the Russian military after it struck a base in Homs.")
    assert strike.actor == "Russia"


def test_bare_military_refers_to_the_state_named_before(nlp: Language) -> None:
    text = "The Israeli army confirmed an operation. Later the military struck a warehouse in Khan Younis."
    assert only(nlp, text).actor == "Israel"


# Targets, location, date


def test_targets_from_object_and_prepositions(nlp: Language) -> None:
    strike = only(nlp, "Ukrainian drones hit an oil depot in Bryansk.")
    assert strike.targets == ["oil depot"]
    strike = only(nlp, "Israel carried out a strike on a weapons factory in Syria.")
    assert "weapons factory" in strike.targets


def test_region_in_a_compass_direction(nlp: Language) -> None:
    strike = only(nlp, "Turkish jets struck Kurdish fighters in northern Iraq on Thursday.")
    assert strike.location.region == "northern Iraq"
    assert strike.location.country == "Iraq"


def test_city_and_its_country(nlp: Language) -> None:
    strike = only(nlp, "Russian missiles hit a railway station in Kharkiv.")
    assert strike.location.region == "Kharkiv"
    assert strike.location.country == "Ukraine"


def test_capital_in_apposition(nlp: Language) -> None:
    strike = only(nlp, "An Emirati airstrike hit a school in Libya's capital, Tripoli.")
    assert strike.location.country == "Libya"
    assert strike.location.region == "Tripoli"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian jets bombed the town on Thursday.", "2021-05-13"),
        ("Russian jets bombed the town yesterday.", "2021-05-14"),
        ("Russian jets bombed the town on Oct. 1.", "2020-10-01"),
        ("Russian drones hit the city overnight.", "2021-05-15"),
        ("Thursday's Russian airstrikes destroyed the bridge.", "2021-05-13"),
    ],
)
def test_dates(nlp: Language, text: str, expected: str) -> None:
    assert only(nlp, text).date == expected


def test_report_date_is_not_the_strike_date(nlp: Language) -> None:
    # The day of the report is not the strike's own; a fresh strike the text does not date takes it, and
    # says so.
    strike = only(nlp, "The minister on Friday condemned the Russian airstrikes on the city.")
    assert strike.provenance["date"].rule == "report day"
    assert strike.provenance["date"].confidence < 0.9


def test_campaign_with_a_start_month(nlp: Language) -> None:
    strike = only(nlp, "Russia launched an air campaign in Syria last September.")
    assert strike.campaign
    assert strike.date == "2020-09"
    strike = only(nlp, "The Saudi-led coalition has conducted thousands of airstrikes since March 2015.")
    assert strike.campaign
    assert strike.date == "2015-03"


def test_single_strike_is_not_a_campaign(nlp: Language) -> None:
    assert not only(nlp, "An Israeli strike hit a car in Gaza City on Monday.").campaign


# Casualties and claims


def test_casualties_of_the_strike(nlp: Language) -> None:
    strike = only(nlp, "A Russian missile strike on the city killed at least 17 people, officials said.")
    assert strike.casualties is not None
    assert strike.casualties.killed == "at least 17"
    assert strike.casualties.killed_min == 17


def test_casualties_go_to_the_strike_that_caused_them(nlp: Language) -> None:
    text = (
        "Iraqi helicopters bombed a village on Saturday, a day after a suspected Syrian chemical attack "
        "on a nearby town killed 40 people."
    )
    found = {s.actor: s for s in strikes(nlp, text)}
    assert found["Syria"].casualties is not None and found["Syria"].casualties.killed == "40"
    assert found["Iraq"].casualties is None


def test_claims_record_who_says_what(nlp: Language) -> None:
    text = (
        "Health officials said an Israeli strike hit a clinic in Gaza City on Friday. "
        "The Israeli military said it struck a militant command post."
    )
    strike = only(nlp, text)
    assert {c.by for c in strike.claims} == {"Health officials", "The Israeli military"}
    assert any("command post" in c.says for c in strike.claims)


def test_statements_name_the_source_of_a_quote(nlp: Language) -> None:
    text = '"Russian jets bombed our hospital," Dr Sami Haddad said.'
    doc = nlp(text)
    quote = "Russian jets bombed our hospital,"
    statement = Statement(
        speaker="Sami Haddad", kind="direct", quote=quote, span=Span(start=1, end=1 + len(quote))
    )
    strike = extract_strikes(doc, SATURDAY, [statement])[0]
    assert strike.claims[0].by == "Sami Haddad"


# Consolidation


def test_every_mention_of_one_strike_makes_one_record(nlp: Language) -> None:
    text = (
        "Russian jets bombed a market in Aleppo on Thursday, killing 12 people. "
        "The strike also wounded 30, medics said. "
        "Moscow said its aircraft had hit a rebel arms depot."
    )
    strike = only(nlp, text)
    assert strike.actor == "Russia"
    assert strike.date == "2021-05-13"
    assert len(strike.evidence) == 3
    assert strike.casualties is not None and strike.casualties.injured == "30"
    assert "rebel arms depot" in strike.targets


def test_different_days_are_different_strikes(nlp: Language) -> None:
    text = (
        "Russian jets bombed Idlib on Thursday. Earlier this month, Russian jets had bombed a school in Hama."
    )
    dates = sorted(s.date or "" for s in strikes(nlp, text))
    assert dates == ["2021-05", "2021-05-13"]


def test_an_unattributed_mention_joins_the_strike_it_follows(nlp: Language) -> None:
    text = "A Russian ballistic missile struck the city of Dnipro. The missile hit a block on Friday."
    strike = only(nlp, text)
    assert strike.date == "2021-05-14"
    assert strike.kind == "missile"


def test_kindred_kinds_merge_to_the_most_specific(nlp: Language) -> None:
    text = "Witnesses said an air strike hit two cars. They suspected an American drone strike."
    strike = only(nlp, text)
    assert (strike.actor, strike.kind) == ("United States", "drone strike")


def test_different_actors_stay_apart(nlp: Language) -> None:
    text = "Russian missiles hit Kyiv on Friday. Ukrainian drones struck a refinery in Russia overnight."
    assert {(s.actor, s.kind) for s in strikes(nlp, text)} == {
        ("Russia", "missile"),
        ("Ukraine", "drone strike"),
    }


def test_no_strike_without_an_actor(nlp: Language) -> None:
    assert strikes(nlp, "The strike destroyed the bridge.") == []


def test_works_without_publication_date(nlp: Language) -> None:
    strike = only(nlp, "Russian jets bombed the town on Thursday.", published_at=None)
    assert strike.date is None


def test_country_name_before_the_strike_may_be_where_it_fell(nlp: Language) -> None:
    strike = only(nlp, "The Kenyan army says it killed 12 militants in Somalia airstrike")
    assert strike.actor == "Kenya"
    assert strike.location.country == "Somalia"


def test_country_name_before_the_strike_is_the_attacker_without_other_clues(nlp: Language) -> None:
    assert only(nlp, "Iran strike on border post kills three").actor == "Iran"


def test_an_armed_groups_bombings_are_not_air_strikes(nlp: Language) -> None:
    assert strikes(nlp, "Boko Haram has carried out a number of bombings in Maiduguri.") == []


def test_artillery_fire(nlp: Language) -> None:
    strike = only(nlp, "Indian troops opened mortar fire on Pakistani posts in Kashmir on Thursday.")
    assert (strike.actor, strike.kind) == ("India", "artillery")


def test_actor_of_a_verb_in_a_by_phrase(nlp: Language) -> None:
    strike = only(nlp, "Iran responded by firing ballistic missiles at bases in Iraq.")
    assert (strike.actor, strike.kind) == ("Iran", "missile")
    assert strike.targets == ["bases"]


def test_an_unattributed_strike_of_another_kind_is_nobodys(nlp: Language) -> None:
    text = "Israeli jets struck Gaza on Sunday. A rocket hit Ashkelon on Monday."
    strike = only(nlp, text, date(2022, 8, 9))
    assert (strike.actor, strike.date) == ("Israel", "2022-08-07")


def test_evidence_spans_point_into_the_text(nlp: Language) -> None:
    text = "Russian drones hit Odesa\n\nRussian drones hit a port in Odesa on Friday, officials said.\n"
    strike = only(nlp, text)
    assert len(strike.evidence) == 2
    for evidence in strike.evidence:
        assert text[evidence.span.start : evidence.span.end] == evidence.sentence
        assert evidence.sentence == evidence.sentence.strip()


def test_passive_with_agent(nlp: Language) -> None:
    strike = only(nlp, "A clinic in Marib was bombed by Houthi drones on Tuesday, the ministry said.")
    assert (strike.actor, strike.kind, strike.date) == ("Houthis", "drone strike", "2021-05-11")
    assert strike.targets == ["clinic"]


def test_pounded_with_artillery(nlp: Language) -> None:
    strike = only(nlp, "Serbian forces pounded the town with artillery on Sunday.")
    assert (strike.actor, strike.kind, strike.date) == ("Serbia", "artillery", "2021-05-09")


def test_victims_killed_in_strikes_since_a_month(nlp: Language) -> None:
    strike = only(nlp, "Airstrikes by the Syrian government have killed hundreds of civilians since April.")
    assert (strike.actor, strike.campaign, strike.date) == ("Syria", True, "2021-04")
    assert strike.casualties is not None and strike.casualties.killed_min == 200


def test_the_coalition_refers_back_to_the_alliance(nlp: Language) -> None:
    text = (
        "The Saudi-led coalition said it bombed a depot in Saada on Monday. "
        "Houthi officials in Sanaa and Saada said the coalition's strikes on Monday killed 9 people."
    )
    strike = only(nlp, text, date(2019, 5, 22))
    assert (strike.actor, strike.date) == ("Saudi-led coalition", "2019-05-20")
    assert strike.casualties is not None and strike.casualties.killed == "9"


def test_the_leading_states_jets_are_the_coalitions(nlp: Language) -> None:
    text = (
        "The Saudi-led coalition bombed a bridge near Hodeidah on Monday. "
        "Saudi warplanes struck the bridge twice, residents said."
    )
    strike = only(nlp, text, date(2018, 6, 13))
    assert (strike.actor, strike.date) == ("Saudi-led coalition", "2018-06-11")


@pytest.mark.parametrize(
    "text",
    [
        "A commander was killed in a drone strike blamed on Turkey.",
        "The convoy was hit by an airstrike believed to have been carried out by Turkey.",
    ],
)
def test_actor_named_after_the_strike(nlp: Language, text: str) -> None:
    assert only(nlp, text).actor == "Turkey"


def test_use_of_chemical_weapons(nlp: Language) -> None:
    strike = only(
        nlp, "Iraqi forces used chemical weapons against Kurdish villagers in Halabja in March 1988."
    )
    assert (strike.actor, strike.kind, strike.date) == ("Iraq", "chemical", "1988-03")
    assert strike.location.region == "Halabja"


def test_a_named_group_beats_the_nationality_beside_it(nlp: Language) -> None:
    assert only(nlp, "Afghan Taliban fighters fired mortars at a border post on Friday.").actor == "Taliban"


def test_a_source_after_according_to_is_not_a_place(nlp: Language) -> None:
    strike = only(nlp, "Russian jets have bombed villages since 2019, according to the United Nations.")
    assert strike.location.region is None


def test_a_figure_beats_a_headlines_round_word(nlp: Language) -> None:
    text = "Air strike kills dozens\n\nA Nigerian air force strike on a village killed at least 50 people."
    strike = only(nlp, text)
    assert strike.casualties is not None and strike.casualties.killed == "at least 50"


# A "what" clause as the object


@pytest.mark.parametrize(
    ("text", "date", "target"),
    [
        (
            "Turkish warplanes hit what officials described as militant hideouts in northern Iraq "
            "on Friday, killing five people.",
            "2021-05-14",
            "militant hideouts",
        ),
        (
            "Ethiopian jets bombed what the army said were rebel depots near Mekelle on Monday.",
            "2021-05-10",
            "rebel depots",
        ),
        (
            "Pakistani drones struck what appeared to be a training camp on Sunday.",
            "2021-05-09",
            "training camp",
        ),
    ],
)
def test_a_what_clause_names_what_was_struck(nlp: Language, text: str, date: str, target: str) -> None:
    strike = only(nlp, text)
    assert strike.date == date
    assert target in strike.targets


def test_a_what_clause_with_a_figurative_object_is_no_strike(nlp: Language) -> None:
    assert strikes(nlp, "The minister struck what he called a fair deal with the unions on Monday.") == []


# Consolidation of a day's raids


def test_a_drone_strike_beside_the_jets_strike_does_not_take_its_kind(nlp: Language) -> None:
    text = (
        "Turkey bombs PKK hideouts\n\n"
        "Turkish warplanes struck what the ministry called PKK shelters in northern Iraq on Monday, "
        "killing four fighters, officials said. "
        "Kurdish media said a Turkish drone strike on a pickup near Sidakan killed a shepherd."
    )
    monday = [s for s in strikes(nlp, text) if s.date == "2021-05-10"]
    assert [s.kind for s in monday][:1] == ["airstrike"]
    assert monday[0].casualties is not None and monday[0].casualties.killed == "four"
    assert monday[0].location.region == "northern Iraq"


def test_rockets_fired_at_the_attackers_country_are_not_its_strike(nlp: Language) -> None:
    text = (
        "Israeli warplanes struck weapons depots in southern Syria on Tuesday. "
        "The army said the depots had been used to fire rockets at northern Israel."
    )
    strike = only(nlp, text)
    assert (strike.kind, strike.location.region) == ("airstrike", "southern Syria")
    assert "northern Israel" not in strike.targets


def test_strikes_in_general_are_no_claim_on_the_dated_strike(nlp: Language) -> None:
    text = (
        "A Russian glide bomb hit a school in Sumy on Tuesday, killing four teachers. "
        "A United Nations envoy, Maria Lund, said most civilians killed this spring had died in "
        "drone strikes on villages far from the fighting."
    )
    strike = only(nlp, text)
    assert strike.date == "2021-05-11"
    assert all("Lund" not in c.by for c in strike.claims)
    assert len(strike.evidence) == 1


def test_the_strikes_still_refer_back(nlp: Language) -> None:
    text = (
        "Russian jets bombed a market in Idlib on Thursday. "
        "The governor condemned the strikes as a crime against civilians."
    )
    strike = only(nlp, text)
    assert {c.by for c in strike.claims} == {"The governor"}


# Places and sources


def test_a_place_struck_is_where_the_strike_fell(nlp: Language) -> None:
    strike = only(nlp, "Russian artillery shelled Kherson overnight.")
    assert (strike.location.country, strike.location.region) == ("Ukraine", "Kherson")


@pytest.mark.parametrize(
    ("source", "by"),
    [
        ("according to figures from the interior ministry", "the interior ministry"),
        (
            "according to a count by the Kurdistan Region Security Council",
            "the Kurdistan Region Security Council",
        ),
        ("according to the interior ministry's estimate", "the interior ministry"),
        ("according to local officials", "local officials"),
    ],
)
def test_a_document_cited_is_its_authors_word(nlp: Language, source: str, by: str) -> None:
    strike = only(nlp, f"Turkey has carried out near-daily strikes in northern Iraq since March, {source}.")
    assert [c.by for c in strike.claims] == [by]


@pytest.mark.parametrize(
    ("text", "region", "country"),
    [
        ("Turkish drones hit a convoy in northwest Syria on Friday.", "northwest Syria", "Syria"),
        ("Russian missiles struck the centre of Odesa on Friday.", "Odesa", "Ukraine"),
    ],
)
def test_region_as_a_bare_direction_or_a_part_of_a_city(
    nlp: Language, text: str, region: str, country: str
) -> None:
    strike = only(nlp, text)
    assert (strike.location.region, strike.location.country) == (region, country)


def test_whom_a_strike_killed_is_its_target(nlp: Language) -> None:
    strike = only(nlp, "Kenya's military said it had killed a senior al-Shabab commander in an airstrike.")
    assert strike.targets == ["senior al-Shabab commander"]
    assert strike.casualties is not None and strike.casualties.killed_min == 1


def test_a_dateline_before_the_subject_is_not_the_attacker(nlp: Language) -> None:
    text = (
        "ANKARA (AP) \u2014 Turkish forces carried out strikes on militant caves in northern Iraq on Monday, "
        "the ministry said."
    )
    assert only(nlp, text).actor == "Turkey"


def test_what_someone_else_did_in_a_clause_of_its_own_is_not_the_strike(nlp: Language) -> None:
    text = (
        "French jets bombed two jihadist camps in Mali on Tuesday after the militants fired rockets at a "
        "base near Gao."
    )
    strike = only(nlp, text)
    assert strike.targets == ["two jihadist camps"]
    assert (strike.location.country, strike.location.region) == ("Mali", None)


def test_an_unnamed_armed_groups_strike_joins_no_one(nlp: Language) -> None:
    text = (
        "Egyptian forces carried out strikes on smuggling tunnels in Sinai on Friday after the militants "
        "fired a rocket at a checkpoint."
    )
    strike = only(nlp, text)
    assert strike.kind == "airstrike"
    assert strike.targets == ["smuggling tunnels"]


def test_the_means_of_a_strike_give_its_kind(nlp: Language) -> None:
    assert (
        only(nlp, "Azerbaijan struck a fuel depot near Khankendi with kamikaze drones.").kind
        == "drone strike"
    )


def test_a_partner_in_the_strike_is_not_where_it_fell(nlp: Language) -> None:
    text = "France and Britain struck chemical weapons sites on Saturday."
    assert only(nlp, text).location.country != "United Kingdom"


def test_a_day_earlier_counts_from_the_strike_told_before(nlp: Language) -> None:
    text = (
        "Sudanese army jets bombed a fuel depot in Nyala on Wednesday, killing six guards. "
        "A day earlier, an army air strike on a bus station in Nyala killed 11 people, a doctor said."
    )
    assert sorted(s.date or "" for s in strikes(nlp, text)) == ["2021-05-11", "2021-05-12"]


def test_the_subject_of_a_clause_under_the_strike_is_what_it_hit(nlp: Language) -> None:
    strike = only(
        nlp, "The Syrian army said it had struck jihadists operating from a cave near Idlib on Monday."
    )
    assert strike.targets == ["jihadists"]


def test_a_report_parsed_as_a_second_subject_keeps_its_source(nlp: Language) -> None:
    text = (
        "AMMAN, May 3 (Petra) - Jordanian air strikes killed 27 smugglers near the border on Friday, "
        "army officials said."
    )
    strike = only(nlp, text)
    assert strike.date == "2021-05-14"  # the dateline's day is the report's
    assert [(c.by, c.says) for c in strike.claims] == [
        ("army officials", "Jordanian air strikes killed 27 smugglers near the border on Friday")
    ]


def test_late_one_day_and_overnight_told_the_next_are_one_strike(nlp: Language) -> None:
    text = (
        "Russian missiles hit a dormitory in Zaporizhzhia late on Tuesday, officials said. "
        "The overnight missile strike killed at least five students."
    )
    strike = only(nlp, text, published_at=date(2021, 5, 12))
    assert strike.date == "2021-05-11"
    assert strike.casualties is not None and strike.casualties.killed == "at least five"


def test_drones_that_attacked_a_city(nlp: Language) -> None:
    strike = only(nlp, "Russian drones attacked Mykolaiv on Sunday, the mayor said.")
    assert (strike.kind, strike.date, strike.location.region) == ("drone strike", "2021-05-09", "Mykolaiv")


def test_a_strike_a_day_before_the_one_told_takes_the_day_before(nlp: Language) -> None:
    text = (
        "Houthi forces fired drones at Eilat on Thursday, a day after American jets bombed a port "
        "near Hodeidah, officials said."
    )
    dates = {s.actor: s.date for s in strikes(nlp, text)}
    assert dates["United States"] == "2021-05-12"


def test_a_strike_after_which_something_else_happened_is_not_that_days(nlp: Language) -> None:
    # nor the report's or the publication day: it came before Thursday
    text = "Egypt closed the border crossing on Thursday after Israeli jets bombed the tunnels."
    assert only(nlp, text).date is None


@pytest.mark.parametrize(
    "text",
    [
        "Five people were killed on Monday after Israeli jets bombed their home in Rafah.",
        "A family of six died on Monday after Russian drones hit their house.",
    ],
)
def test_harm_told_on_a_day_after_a_strike_dates_the_strike(nlp: Language, text: str) -> None:
    assert only(nlp, text).date == "2021-05-10"


def test_a_when_clause_takes_the_time_it_hangs_on(nlp: Language) -> None:
    text = "The heaviest attack came on Tuesday, when Russian missiles hit a dam near Nova Kakhovka."
    strike = only(nlp, text)
    assert (strike.kind, strike.date) == ("missile", "2021-05-11")


def test_responding_with_strikes_names_their_actor(nlp: Language) -> None:
    text = "Moscow bombed a rail depot on Friday. Ukraine responded with drone strikes on Russian airfields."
    assert {(s.actor, s.kind) for s in strikes(nlp, text)} == {
        ("Russia", "airstrike"),
        ("Ukraine", "drone strike"),
    }


def test_a_dated_strike_is_not_a_campaign_for_a_since_in_its_sources_aside(nlp: Language) -> None:
    found = only(
        nlp,
        "Ethiopian airstrikes on two towns in Tigray killed at least 9 people on Thursday, the regional "
        "health bureau said, in the worst bombing since a truce took hold.",
    )
    assert (found.campaign, found.date) == (False, "2021-05-13")


def test_keeping_up_strikes_names_the_campaigns_actor(nlp: Language) -> None:
    found = only(nlp, "Turkey has kept up near-daily strikes in northern Iraq in recent months.")
    assert (found.actor, found.campaign) == ("Turkey", True)


def test_hours_later_takes_the_day_being_told(nlp: Language) -> None:
    found = strikes(
        nlp,
        "Indian jets struck camps in Kashmir on Wednesday. Hours later, Pakistan said its artillery "
        "shelled Indian posts along the frontier.",
    )
    assert [(s.actor, s.date) for s in found] == [("India", "2021-05-12"), ("Pakistan", "2021-05-12")]


def test_the_strikes_join_the_strikes_told_not_the_rockets_between(nlp: Language) -> None:
    found = strikes(
        nlp,
        "Israeli airstrikes on villages in southern Lebanon killed 8 people on Friday. Hezbollah "
        "responded by firing rockets into northern Israel. The health ministry said 20 people were "
        "wounded in the strikes on the towns of Aita and Marwahin.",
    )
    israeli = next(s for s in found if s.actor == "Israel")
    assert any("Aita" in t for t in israeli.targets)
    assert not any("Aita" in t for s in found if s.actor != "Israel" for t in s.targets)


def test_missiles_that_were_struck_are_targets_not_strikes(nlp: Language) -> None:
    found = only(
        nlp, "On Friday, Indian aircraft struck two missiles and a drone on their launchers in Kashmir."
    )
    assert (found.actor, found.kind) == ("India", "airstrike")


def test_what_a_site_is_used_for_is_no_strike(nlp: Language) -> None:
    found = strikes(nlp, "French jets struck three depots near Gao used to launch drones and rockets.")
    assert [(s.actor, s.kind) for s in found] == [("France", "airstrike")]


def test_a_country_naming_its_own_forces_is_the_actor(nlp: Language) -> None:
    found = only(nlp, "The strikes, carried out by U.S. Navy jets and Danish aircraft, hit radars in Yemen.")
    assert found.actor == "United States"


def test_a_place_of_several_words_keeps_its_of(nlp: Language) -> None:
    found = only(nlp, "An Iranian drone struck a tanker in the Gulf of Oman on Friday.")
    assert found.location.region == "Gulf of Oman"


def test_a_lone_letter_is_no_place(nlp: Language) -> None:
    found = only(nlp, "On Monday, Turkish jets struck two bunkers, the ministry said in a post on X.")
    assert found.location.region is None


def test_days_after_hung_on_the_report_count_from_the_strike_it_reports(nlp: Language) -> None:
    found = strikes(
        nlp,
        "Egyptian jets struck more than ten militant camps in Libya on Friday, officials said, two days "
        "after a Libyan rocket slammed into a bus near the border, killing four soldiers.",
    )
    assert {(s.actor, s.date) for s in found} == {("Egypt", "2021-05-14"), ("Libya", "2021-05-12")}


def test_partners_named_together_share_one_strike(nlp: Language) -> None:
    found = strikes(
        nlp,
        "France and Britain struck more than ten Islamic State targets in Syria overnight. Britain's "
        "defence ministry said four Tornado jets took part, striking two bunkers near Raqqa.",
    )
    assert [(s.actor, s.date) for s in found] == [("France", "2021-05-15")]


def test_a_day_told_plainly_does_not_join_the_next_nights_strike(nlp: Language) -> None:
    found = strikes(
        nlp,
        "Saudi jets struck Houthi positions in Yemen overnight. On Friday, Saudi aircraft struck two "
        "launchers near Saada.",
    )
    assert sorted(s.date for s in found) == ["2021-05-14", "2021-05-15"]


def test_a_place_in_what_the_attacker_is_said_to_be_is_not_where_it_struck(nlp: Language) -> None:
    found = only(
        nlp,
        "Russia, which says it is defending Russian speakers in Donetsk, has launched hundreds of "
        "drone attacks on cities in Ukraine since March.",
    )
    assert found.location.region != "Donetsk"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "A Turkish drone struck a car on the road to Qamishli village in Hasakah province early on "
            "Monday, the SDF said.",
            "2021-05-10",
        ),
        (
            "Ethiopian jets bombed a market in Tigray town late on Sunday, said Tesfay Hailu, a regional "
            "official.",
            "2021-05-09",
        ),
        (
            "A Syrian helicopter dropped barrel bombs on Kafr Nabl village in Idlib province late on "
            "Saturday, said Ahmad Ali, a rescue worker.",
            "2021-05-15",
        ),
    ],
)
def test_late_or_early_on_a_day_before_the_source_is_the_strikes_day(
    nlp: Language, text: str, day: str
) -> None:
    assert only(nlp, text).date == day


def test_a_town_named_like_one_abroad_takes_the_articles_country(nlp: Language) -> None:
    # "Kani" is in the cities list as a town in Japan; this article is about Myanmar.
    found = strikes(
        nlp,
        "Myanmar military jets bombed a school in the Sagaing region on Monday. A second airstrike "
        "hit a clinic in Kani township on Tuesday.",
    )
    assert {s.location.country for s in found} == {"Myanmar"}


def test_military_strikes_are_the_states_named_before(nlp: Language) -> None:
    found = strikes(
        nlp,
        "A Sudanese army airstrike hit a market in Darfur on Monday. Military airstrikes have killed "
        "more than 300 civilians across Sudan since January.",
    )
    assert [(s.actor, s.campaign) for s in found] == [("Sudan", False), ("Sudan", True)]


def test_feared_strikes_are_not_strikes(nlp: Language) -> None:
    assert strikes(nlp, "Residents feared further air raids as Ethiopian troops advanced.") == []


def test_the_dateline_is_where_the_report_was_filed_not_where_it_hit(nlp: Language) -> None:
    found = only(nlp, "Ankara (AFP) – Turkish drones struck Kurdish militants in northern Iraq on Friday.")
    assert (found.location.country, found.location.region) == ("Iraq", "northern Iraq")


def test_strikes_over_the_past_year_are_a_campaign(nlp: Language) -> None:
    found = only(
        nlp, "Iran has carried out several air raids inside Iraq over the past year, killing dozens."
    )
    assert found.campaign


def test_what_a_modal_verb_only_promises_is_no_strike(nlp: Language) -> None:
    text = "India will do what is necessary to protect its citizens, including striking hideouts in Pakistan."
    assert strikes(nlp, text) == []


def test_strikes_told_of_no_kind_take_the_kind_the_actor_is_told_with(nlp: Language) -> None:
    found = strikes(
        nlp,
        "Turkish drones pounded Kurdish militants in Iraq on Friday. The ministry said strikes on "
        "Wednesday evening in the Qandil region had killed 12 members of the PKK.",
    )
    assert {(s.date, s.kind) for s in found} == {
        ("2021-05-14", "drone strike"),
        ("2021-05-12", "drone strike"),
    }


def test_one_nights_missiles_on_one_city_and_drones_on_another_are_two_strikes(nlp: Language) -> None:
    found = strikes(
        nlp,
        "Russia struck the city of Dnipro with ballistic missiles and sent swarms of drones against the "
        "port of Mykolaiv overnight, Ukrainian officials said.",
    )
    assert sorted((s.kind, s.location.region) for s in found) == [
        ("drone strike", "Mykolaiv"),
        ("missile", "Dnipro"),
    ]


def test_pounding_with_drones_is_a_drone_strike(nlp: Language) -> None:
    found = only(nlp, "Moscow has pounded Ukraine's power plants with drones almost every night since March.")
    assert (found.kind, found.campaign, found.date) == ("drone strike", True, "2021-03")


def test_a_place_of_another_event_is_not_where_the_strikes_fell(nlp: Language) -> None:
    found = only(
        nlp,
        "Turkey has carried out hundreds of drone strikes in northern Iraq since 2019, following a "
        "suicide bombing in Istanbul.",
    )
    assert found.location.region == "northern Iraq"


def test_soldiers_killed_in_a_clash_are_not_the_strikes_dead(nlp: Language) -> None:
    found = only(
        nlp,
        "Turkish drones struck militants in northern Iraq on Friday, a day after two Turkish soldiers "
        "were killed in a clash near the border.",
    )
    assert found.casualties is None


def test_a_deed_joined_by_and_shares_its_day_and_using_drones_to_hit_is_a_drone_strike(nlp: Language) -> None:
    found = strikes(
        nlp,
        "Iran launched missile strikes on two camps in Iraq's Erbil province and used armed drones to hit "
        "a base near Sulaimaniyah early on Thursday, in revenge for last week's bombing of a shrine.",
    )
    assert sorted((s.kind, s.date) for s in found) == [
        ("drone strike", "2021-05-13"),
        ("missile", "2021-05-13"),
    ]


def test_drones_neutralised_by_the_defender_are_the_senders_strike(nlp: Language) -> None:
    found = only(nlp, "On Friday, Armenian air defence units neutralised 12 Azerbaijani drones over Yerevan.")
    assert (found.actor, found.kind) == ("Azerbaijan", "drone strike")


def test_a_story_naming_its_attacker_only_in_the_title_gives_it_to_its_strikes(nlp: Language) -> None:
    text = (
        "Nigerian Air Strike Hits Village in Zamfara as Fight Against Bandits Widens\n\n"
        "An air strike tore through a village in Zamfara state on Thursday, killing at least 12 people, "
        "a local official said."
    )
    found = only(nlp, text)
    assert (found.actor, found.date) == ("Nigeria", "2021-05-13")


def test_a_strike_that_followed_another_days_earlier_keeps_its_own_day(nlp: Language) -> None:
    found = strikes(
        nlp,
        "Syrian helicopters dropped barrel bombs on Atarib on Friday. The Atarib bombing followed a "
        "Syrian chlorine attack on the village of Sarmin two days earlier.",
    )
    assert sorted((s.kind, s.date) for s in found) == [
        ("barrel bomb", "2021-05-14"),
        ("chemical", "2021-05-12"),
    ]


def test_opening_fire_with_mortars_is_artillery(nlp: Language) -> None:
    found = only(
        nlp, "Indian units opened fire with mortars on Pakistani posts in the Neelum valley on Friday."
    )
    assert (found.actor, found.kind) == ("India", "artillery")


def test_a_dateline_city_is_no_victim(nlp: Language) -> None:
    found = only(
        nlp,
        "BAKU, Azerbaijan — Two Azerbaijani soldiers were killed early on Friday when Armenian artillery "
        "shelled positions near the border, the ministry said.",
    )
    assert found.casualties is not None and found.casualties.killed == "Two"


def test_a_coalition_that_says_it_struck_is_the_actor_not_the_states_in_its_clause(nlp: Language) -> None:
    found = only(
        nlp,
        "The Saudi-led coalition, which has been fighting the Houthis on behalf of Yemen's government, "
        "said it had carried out strikes against military targets in Hodeidah on Friday.",
    )
    assert found.actor == "Saudi-led coalition"


def test_two_deeds_joined_by_and_keep_their_own_days(nlp: Language) -> None:
    found = strikes(
        nlp,
        "Saudi-led coalition warplanes pounded Yemen's capital on Thursday night and struck a market in "
        "the province of Saada early on Friday, the health ministry said.",
    )
    assert sorted(s.date for s in found) == ["2021-05-13", "2021-05-14"]


def test_the_coalition_is_the_one_named_however_far_back(nlp: Language) -> None:
    text = (
        "The Saudi-led coalition struck Sanaa on Friday. Yemen's government welcomed the talks. The "
        "Houthis said they would attend. Rights groups spoke of the dead. The coalition's air campaign "
        "has drawn sustained criticism."
    )
    assert {s.actor for s in strikes(nlp, text)} == {"Saudi-led coalition"}


def test_a_campaign_in_anothers_clause_does_not_make_a_dated_strike_one(nlp: Language) -> None:
    found = only(
        nlp,
        "Ukrainian drones struck two oil depots deep inside Russia early on Friday, officials said, as "
        "Kyiv pressed on with a campaign aimed at Moscow's fuel revenues.",
    )
    assert (found.campaign, found.date) == (False, "2021-05-14")


def test_two_days_earlier_on_the_place_counts_from_the_day_told(nlp: Language) -> None:
    found = strikes(
        nlp,
        "A US drone strike killed a commander near Sarmada on Monday. The monitor also said a US drone "
        "had struck a house on the outskirts of Kafr Hamra, west of Sarmada, two days earlier, killing a "
        "fighter.",
    )
    assert sorted(s.date for s in found) == ["2021-05-08", "2021-05-10"]


def test_last_week_opening_a_report_dates_what_is_reported(nlp: Language) -> None:
    found = only(
        nlp, "Last week, the Pentagon said a US airstrike in the province of Hasakah had killed a commander."
    )
    assert found.date == "2021-05"


def test_missiles_fired_by_drones_are_drone_strikes(nlp: Language) -> None:
    found = only(nlp, "The US has carried out dozens of strikes in Yemen by drones firing Hellfire missiles.")
    assert found.kind == "drone strike"


def test_the_worst_flare_up_in_months_is_no_campaign(nlp: Language) -> None:
    found = strikes(
        nlp,
        "Indian jets pounded camps across Kashmir early on Friday, hours after militants fired rockets at "
        "an army post, in the most serious flare-up between the two sides in months.",
    )
    assert [(s.actor, s.campaign) for s in found] == [("India", False)]


def test_a_headline_joins_the_first_strike_told_not_a_later_one_told_with_its_word(nlp: Language) -> None:
    text = (
        "Israeli strikes on Gaza kill nine\n\n"
        "Israeli warplanes pounded targets across the Gaza Strip early on Friday, the military said. "
        "Hamas said the barrage answered an Israeli drone strike last month that killed two of its members."
    )
    found = strikes(nlp, text)
    friday = next(s for s in found if s.date == "2021-05-14")
    assert "Israeli strikes on Gaza kill nine" in [e.sentence for e in friday.evidence]


def test_a_platform_is_no_place(nlp: Language) -> None:
    found = only(nlp, "Russian drones struck a depot on Friday, the governor wrote on Telegram.")
    assert found.location.region is None


def test_government_helicopters_beside_a_foreign_air_force_are_the_host_states(nlp: Language) -> None:
    found = strikes(
        nlp,
        "Since April 30, Russian warplanes have bombed towns across southern Idlib in Syria almost daily, "
        "while government helicopters have dropped hundreds of barrel bombs on villages in Idlib.",
    )
    assert sorted((s.actor, s.kind, s.campaign, s.date) for s in found) == [
        ("Russia", "airstrike", True, "2021-04-30"),
        ("Syria", "barrel bomb", True, "2021-04-30"),
    ]


def test_strikes_of_no_one_named_go_to_the_air_force_not_the_barrel_bombers(nlp: Language) -> None:
    text = (
        "Syrian helicopters dropped barrel bombs on Atarib on Sunday. Russian jets have bombed towns across "
        "Idlib for weeks. On Thursday night, two strikes hit a hospital in Ariha, killing a nurse."
    )
    thursday = next(s for s in strikes(nlp, text) if s.date == "2021-05-13")
    assert thursday.actor == "Russia"


def test_those_accused_of_killing_in_a_strike_are_its_actor(nlp: Language) -> None:
    text = (
        "Elders in Zamfara accused the Nigerian military of killing 12 civilians in a drone strike on Friday."
    )
    assert (only(nlp, text).actor, only(nlp, text).kind) == ("Nigeria", "drone strike")


def test_shells_that_began_landing_are_a_strike(nlp: Language) -> None:
    found = only(
        nlp, "Residents said Azerbaijani artillery shells began landing on farms near Sotk late on Tuesday."
    )
    assert (found.actor, found.kind) == ("Azerbaijan", "artillery")


def test_an_age_is_no_death_toll(nlp: Language) -> None:
    found = only(nlp, "Russian artillery shelled Kupiansk on Friday, killing a 58-year-old man in his yard.")
    assert found.casualties is not None and found.casualties.killed_min == 1


def test_hitting_back_is_a_strike_and_missiles_on_russian_troops_are_not_russias(nlp: Language) -> None:
    text = (
        "Russian glide bombs hit Zolochiv on Sunday. Ukrainian forces, meanwhile, hit back in the occupied "
        "south. The army said HIMARS missiles had hit a concentration of Russian troops near Vasylivka on "
        "Thursday. Russia's Defense Ministry said its air defenses had shot down four HIMARS rockets on "
        "Thursday."
    )
    thursday = [s for s in strikes(nlp, text) if s.date == "2021-05-13"]
    assert [s.actor for s in thursday] == ["Ukraine"]


def test_waging_a_campaign_of_drone_attacks_names_its_actor(nlp: Language) -> None:
    found = only(
        nlp, "The RSF has waged a campaign of long-range drone attacks on army-held cities since May."
    )
    assert (found.actor, found.campaign, found.kind) == ("Rapid Support Forces", True, "drone strike")


def test_the_city_of_a_region_is_the_named_city(nlp: Language) -> None:
    found = only(nlp, "Sudanese army warplanes pounded the Darfur city of Nyala late on Sunday.")
    assert found.location.region == "Nyala"
    found = only(nlp, "Turkish drones struck targets in the Gara region of northern Iraq on Tuesday.")
    assert found.location.region is not None and "Gara" in found.location.region


def test_a_force_of_a_second_conjunct_does_not_displace_the_first(nlp: Language) -> None:
    found = only(
        nlp,
        "On Friday, the command said Iraqi F-16s and aircraft of the US-led coalition had carried out a "
        "series of precise strikes on caves in the Hamrin mountains.",
    )
    assert (found.actor, found.campaign) == ("Iraq", False)


def test_states_on_the_attackers_side_of_a_headline_are_not_where_it_struck(nlp: Language) -> None:
    text = "US, Iraqi jets strike Islamic State hideouts in Hamrin mountains\n\nBAGHDAD — Nothing else."
    found = only(nlp, text)
    assert found.location.country != "United States"


def test_a_dateline_split_from_its_city_still_dates_the_report_not_the_strike(nlp: Language) -> None:
    text = (
        "Colombia bombs rebel camp\n\nBOGOTA\n, May 15 (Reuters) - Colombia's military bombed a camp of the "
        "ELN in the Catatumbo region in the early hours of Friday, killing seven fighters, the minister said."
    )
    found = only(nlp, text)
    assert (found.date, found.location.country) == ("2021-05-14", "Colombia")


def test_anti_tank_missiles_are_missiles(nlp: Language) -> None:
    found = only(nlp, "Hezbollah fired anti-tank missiles at an Israeli army post near Metula on Friday.")
    assert found.kind == "missile"


def test_an_air_force_strike_is_the_air_forces_states(nlp: Language) -> None:
    text = "Colombia's military bombed a camp on Friday. The air force strike on a camp in Tibu killed seven."
    assert {s.actor for s in strikes(nlp, text)} == {"Colombia"}


def test_a_night_fronting_a_report_is_the_deeds(nlp: Language) -> None:
    found = only(
        nlp,
        "On Thursday night, Hezbollah said its fighters had fired two guided missiles at a post in Metula.",
    )
    assert found.date == "2021-05-13"


def test_hours_after_an_early_strike_may_be_the_night_before(nlp: Language) -> None:
    text = (
        "An Israeli drone strike on a car in southern Lebanon killed two people early on Saturday, hours "
        "after Hezbollah fired missiles at an army post. On Friday night, Hezbollah said its fighters had "
        "fired two missiles at a post near Metula."
    )
    assert {(s.actor, s.date) for s in strikes(nlp, text)} == {
        ("Israel", "2021-05-15"),
        ("Hezbollah", "2021-05-14"),
    }


def test_an_armed_group_the_gazetteer_lacks_is_taken_from_its_name(nlp: Language) -> None:
    text = (
        "Myanmar military jets bombed a school in Sagaing on Thursday. The Magway People's Defence Force "
        "claimed responsibility for a drone attack on an air base on Tuesday, saying 12 of its drones had "
        "struck a runway. The military has carried out more than 2,000 airstrikes since the coup in "
        "February 2021."
    )
    found = {(s.actor, s.campaign) for s in strikes(nlp, text)}
    assert ("Magway People's Defence Force", False) in found
    assert ("Myanmar", True) in found


def test_us_combatant_commands_are_the_united_states(nlp: Language) -> None:
    found = only(
        nlp, "AFRICOM said it carried out an airstrike near Jilib on Thursday, killing three militants."
    )
    assert found.actor == "United States"


def test_a_raid_after_which_a_pledge_was_made_did_happen(nlp: Language) -> None:
    found = only(
        nlp,
        "The minister noted that Colombia had pledged to review its rules after an August 2019 Colombian "
        "air raid on a camp in Caqueta province killed eight minors.",
    )
    assert (found.actor, found.date) == ("Colombia", "2019-08")


def test_a_frequent_target_since_a_war_began_is_a_campaign_from_that_month(nlp: Language) -> None:
    found = only(
        nlp,
        "Dnipro has been a frequent target of Russian missile strikes since the full-scale invasion began "
        "in February 2022.",
    )
    assert (found.campaign, found.date) == (True, "2022-02")


def test_a_day_after_hung_on_the_main_verb_counts_back_from_it(nlp: Language) -> None:
    text = (
        "Russian drones pounded Lviv overnight. The overnight barrage came a day after Russian drones hit "
        "the railway station in Shostka."
    )
    assert sorted(s.date for s in strikes(nlp, text)) == ["2021-05-14", "2021-05-15"]


def test_the_accused_of_carrying_out_a_strike_is_its_actor(nlp: Language) -> None:
    text = (
        "A drone struck a compound in Tajoura on Friday. The Al-Nasr Brigade accused the Government of "
        "National Unity of carrying out the strike."
    )
    assert {s.actor for s in strikes(nlp, text)} == {"Government of National Unity"}


def test_a_strike_no_one_knows_the_author_of_is_no_ones(nlp: Language) -> None:
    text = (
        "Turkish drones struck a village near Kobani on Friday. Early on Saturday, another drone hit a "
        "warehouse in Manbij. It was not clear who launched it."
    )
    assert [s.date for s in strikes(nlp, text)] == ["2021-05-14"]


def test_homes_counted_in_thousands_make_no_campaign(nlp: Language) -> None:
    found = only(
        nlp,
        "Russia pounded Lviv with drones overnight, cutting power to tens of thousands of homes, officials "
        "said.",
    )
    assert found.campaign is False


def test_the_rebels_of_a_story_naming_its_armed_group_are_that_group(nlp: Language) -> None:
    text = (
        "The Houthis control most of northern Yemen. Israeli warplanes struck the port of Hodeidah on "
        "Monday, hours after the rebels fired a ballistic missile toward Tel Aviv late on Sunday."
    )
    rebels = next(s for s in strikes(nlp, text) if s.actor != "Israel")
    assert (rebels.actor, rebels.kind, rebels.location.region) == ("Houthis", "missile", "Tel Aviv")


def test_a_weapons_name_is_no_state(nlp: Language) -> None:
    text = (
        "Houthi spokesman Yahya Saree said on Friday that the group had targeted an airport near Tel Aviv "
        "with a Palestine-2 ballistic missile."
    )
    assert {s.actor for s in strikes(nlp, text)} == {"Houthis"}


def test_the_side_blamed_for_the_attack_struck(nlp: Language) -> None:
    text = (
        "Hours after midnight on Friday, drones struck a camp of the Komala party near Sulaimaniyah, "
        "according to a party official, who blamed Iran for the attack."
    )
    assert only(nlp, text).actor == "Iran"


def test_shelling_villages_west_of_a_town_is_a_strike_and_the_following_day_counts_on(nlp: Language) -> None:
    text = (
        "On Monday night, Turkish artillery shelled three villages west of Kobani, killing three civilians, "
        "the group said. The following day, a Turkish drone struck a truck on the road to the dam."
    )
    assert sorted((s.kind, s.date) for s in strikes(nlp, text)) == [
        ("artillery", "2021-05-10"),
        ("drone strike", "2021-05-11"),
    ]


def test_a_dated_strike_told_without_its_author_is_not_swallowed_by_an_older_one(nlp: Language) -> None:
    text = (
        "A Nigerian air force strike targeting jihadists killed at least 16 civilians in Sokoto state, "
        "Amnesty said on Friday. The strike hit Gidan Bakwai on Wednesday morning. In December 2023, a "
        "Nigerian drone strike on a religious gathering in Kaduna killed at least 85 people."
    )
    assert sorted(s.date for s in strikes(nlp, text) if s.date) == ["2021-05-12", "2023-12"]


def test_a_strike_answered_keeps_its_own_day(nlp: Language) -> None:
    text = (
        "The United States carried out air strikes in Iraq on Friday, in retaliation for an Iraqi militia "
        "drone attack that killed three American soldiers in Jordan on Sunday."
    )
    assert sorted(s.date for s in strikes(nlp, text)) == ["2021-05-09", "2021-05-14"]


def test_a_facility_to_launch_drones_from_is_no_strike(nlp: Language) -> None:
    text = (
        "The Saudi-led coalition carried out air raids on Sanaa airport early on Friday, saying the rebels "
        "were using the facility to launch drones at Saudi Arabia."
    )
    assert [(s.actor, s.kind) for s in strikes(nlp, text)] == [("Saudi-led coalition", "airstrike")]


def test_the_raids_came_two_days_after_a_reported_interception(nlp: Language) -> None:
    text = (
        "The Saudi-led coalition struck Sanaa airport on Friday. The raids came two days after the "
        "coalition said it had intercepted a drone launched by the Houthis towards Abha."
    )
    houthis = next(s for s in strikes(nlp, text) if s.actor == "Houthis")
    assert houthis.date == "2021-05-12"


def test_whose_campaign_is_the_campaign_of_the_noun_it_hangs_on(nlp: Language) -> None:
    text = (
        "Russia, whose air campaign in support of Bashar al-Assad began in September 2015, has continued "
        "to bomb Idlib."
    )
    assert {s.actor for s in strikes(nlp, text)} == {"Russia"}


def test_a_split_datelines_country_is_no_attacker(nlp: Language) -> None:
    text = "Russian jets hit Idlib\n\nIDLIB\n, Syria - Russian warplanes struck a market in Idlib on Friday."
    assert {s.actor for s in strikes(nlp, text)} == {"Russia"}


# The document-level event model: mentions clustered into events, arguments with their provenance


def test_one_strike_told_over_paragraphs_is_one_record(nlp: Language) -> None:
    text = (
        "French jets bombed a rebel camp near Gao in Mali on Friday.\n\n"
        "The strike destroyed ten vehicles, the French army said."
    )
    strike = only(nlp, text)
    assert (strike.actor, strike.date, strike.location.country) == ("France", "2021-05-14", "Mali")
    assert len(strike.evidence) == 2


def test_a_further_hit_at_another_place_is_another_record(nlp: Language) -> None:
    text = "Israeli jets struck two depots near Latakia overnight. The jets also hit a radar site near Homs."
    assert [s.location.region for s in strikes(nlp, text)] == ["Latakia", "Homs"]


def test_report_day_dates_a_fresh_strike(nlp: Language) -> None:
    text = (
        "Turkish artillery shelled a resort in northern Iraq, killing nine tourists, officials said Thursday."
    )
    strike = only(nlp, text)
    assert (strike.date, strike.date_precision) == ("2021-05-13", "day")
    assert strike.provenance["date"].rule == "report day"


def test_publication_day_dates_an_undated_fresh_strike(nlp: Language) -> None:
    strike = only(nlp, "Israeli jets struck a depot near Damascus, killing two soldiers.")
    assert (strike.date, strike.provenance["date"].rule) == ("2021-05-15", "publication day")
    assert strike.provenance["date"].confidence < strike.provenance["actor"].confidence


def test_background_and_campaigns_stay_undated(nlp: Language) -> None:
    assert only(nlp, "Russian jets had bombed the town in 2019, residents said.").date is None
    campaign = only(nlp, "Turkey has been conducting airstrikes in northern Iraq for years.")
    assert campaign.campaign and campaign.date is None


def test_a_week_is_a_week(nlp: Language) -> None:
    strike = only(nlp, "Israeli jets struck a depot near Damascus last week.", date(2021, 5, 19))
    assert (strike.date, strike.date_precision) == ("2021-05", "week")


def test_provenance_points_at_the_sentence_of_each_argument(nlp: Language) -> None:
    text = (
        "Israeli jets struck a depot near Homs on Friday.\n\nThe strike killed four soldiers, a monitor said."
    )
    strike = only(nlp, text)
    assert strike.provenance["actor"].rule == "agent"
    assert text[strike.provenance["date"].span.start :].startswith("Israeli jets")
    assert text[strike.provenance["casualties"].span.start :].startswith("The strike killed")


def test_an_ambiguous_town_goes_to_the_country_the_article_names(nlp: Language) -> None:
    # "Gao" is also a town of Burkina Faso, and one of Guantánamo's names
    strike = only(nlp, "French jets struck a camp near Gao in northern Mali on Friday.")
    assert strike.location.country == "Mali"


def test_an_armed_force_reporting_strikes_no_one_else_owns(nlp: Language) -> None:
    strike = only(nlp, "Strikes were carried out against militant camps in Syria, the Iranian army said.")
    assert (strike.actor, strike.provenance["actor"].rule) == ("Iran", "armed teller")
    # where another attacker is told, the force reporting the strikes on its own land is not it
    text = (
        "Israeli jets struck a depot near Damascus. The strikes destroyed two depots, the Syrian army said."
    )
    assert only(nlp, text).actor == "Israel"


def test_led_coalition(nlp: Language) -> None:
    assert (
        only(nlp, "US-led airstrikes killed 30 militants near Ramadi on Friday.").actor == "US-led coalition"
    )


def test_a_name_two_states_share_goes_to_the_one_the_article_places(nlp: Language) -> None:
    assert only(nlp, "Congolese jets bombed rebel positions near Goma on Friday.").actor == "DR Congo"
    strike = only(nlp, "Congo's air force bombed rebel camps near Brazzaville on Friday.")
    assert (strike.actor, strike.location.country) == ("Republic of the Congo", "Republic of the Congo")


def test_a_state_beyond_the_border_is_no_place_of_the_strike(nlp: Language) -> None:
    strike = only(nlp, "Niger's army struck militants near the border with Burkina Faso on Friday.")
    assert strike.location.country != "Burkina Faso"


def test_a_strike_told_as_a_separate_one_is_another_record(nlp: Language) -> None:
    text = (
        "Turkish drones struck a car near Sulaimaniya on Friday, killing one militant. "
        "A separate Turkish drone strike hit a truck, killing two."
    )
    assert len(strikes(nlp, text)) == 2
    told_again = (
        "Turkish drones struck a car near Sulaimaniya on Friday. The Turkish strike killed one militant."
    )
    assert len(strikes(nlp, told_again)) == 1


def test_launch_day_of_an_operation_dates_its_undated_strikes(nlp: Language) -> None:
    text = "Nigeria launched an offensive on Tuesday. Nigerian jets struck three camps in Borno."
    strike = only(nlp, text)
    assert (strike.date, strike.provenance["date"].rule) == ("2021-05-11", "launch day")
    # told after the strikes, an operation's launch says nothing of them
    later = only(nlp, "Nigerian jets struck three camps in Borno. Nigeria launched an offensive on Tuesday.")
    assert later.provenance["date"].rule == "publication day"


def test_where_the_weapon_came_from_is_no_place_of_the_strike(nlp: Language) -> None:
    strike = only(nlp, "Cambodian rockets fired from Cambodia struck a village in Surin on Thursday.")
    assert (strike.location.country, strike.location.region) == ("Thailand", "Surin")


def test_news_is_no_telling_of_its_background(nlp: Language) -> None:
    text = (
        "The Kenyan army said Thursday its warplanes had bombed a camp in Somalia. "
        "The operation follows a Kenyan drone strike on Monday that killed two fighters."
    )
    dates = {s.kind: s.date for s in strikes(nlp, text)}
    assert dates == {"airstrike": "2021-05-13", "drone strike": "2021-05-10"}
