"""Statement extraction, one construction at a time, on sentences written for these tests."""

from __future__ import annotations

import random

import pytest
from spacy.language import Language

from schemas.records import Statement
from services.extractor.statements.extract import extract_statements
from services.extractor.statements.quotes import find_quotes
from services.extractor.text.sections import split_paragraphs


def extract(nlp: Language, text: str) -> list[Statement]:
    statements = extract_statements(nlp(text))
    for s in statements:  # every span points at the quoted text itself, less an inserted ", he said,"
        assert _within(s.quote, text[s.span.start : s.span.end]), (s.quote, s.span)
    return statements


def _within(quote: str, spanned: str) -> bool:
    if quote == spanned:
        return True
    return any(
        spanned.startswith(quote[:k]) and spanned.endswith(quote[k + 1 :])
        for k, c in enumerate(quote)
        if c == " "
    )


def only(statements: list[Statement]) -> Statement:
    assert len(statements) == 1, statements
    return statements[0]


# -- quote marks -----------------------------------------------------------------------


def test_curly_quote_before_the_verb(nlp: Language) -> None:
    s = only(extract(nlp, "“We will respond in kind,” Maria Lopez said."))
    assert (s.kind, s.quote, s.speaker, s.cue) == ("direct", "We will respond in kind", "Maria Lopez", "said")
    assert not s.anonymous


def test_straight_quote_with_inverted_verb_and_appositive_title(nlp: Language) -> None:
    s = only(extract(nlp, '"The bridge is gone," said Tomas Berg, the regional governor.'))
    assert (s.quote, s.speaker, s.speaker_title) == ("The bridge is gone", "Tomas Berg", "regional governor")


def test_doubled_single_marks_work_as_double_quotes(nlp: Language) -> None:
    s = only(extract(nlp, "‘‘The water is poisoned,’’ a local doctor said."))
    assert s.quote == "The water is poisoned"
    assert s.anonymous and s.speaker_title == "local doctor"


def test_single_quotes_nested_in_double_stay_inside_one_statement(nlp: Language) -> None:
    s = only(extract(nlp, "“They called it ‘a mistake’ and moved on,” Maria Lopez said."))
    assert s.quote == "They called it ‘a mistake’ and moved on"


def test_partial_quote_inside_a_sentence(nlp: Language) -> None:
    s = only(extract(nlp, "Deputy Minister Karl Haas called the raid “an act of war.”"))
    assert (s.kind, s.quote, s.cue, s.speaker) == ("direct", "an act of war", "called", "Karl Haas")
    assert s.speaker_title == "Deputy Minister"


def test_quote_split_around_the_speech_verb(nlp: Language) -> None:
    first, second = extract(nlp, "“We are ready,” Tomas Berg said, “but we will not attack first.”")
    assert (first.quote, second.quote) == ("We are ready", "but we will not attack first")
    assert first.speaker == second.speaker == "Tomas Berg"


def test_second_quote_after_the_attribution_continues_with_no_cue(nlp: Language) -> None:
    first, second = extract(nlp, "“The convoy was hit twice,” Tomas Berg said. “Nobody survived.”")
    assert (first.cue, second.cue) == ("said", None)
    assert second.speaker == "Tomas Berg" and second.quote == "Nobody survived"


def test_quote_running_over_paragraphs_belongs_to_the_last_speaker(nlp: Language) -> None:
    text = (
        "Tomas Berg, the regional governor, spoke on Monday. “The convoy was hit twice.\n\n"
        "“Nobody survived the second strike. We buried them the same night.”\n\n"
        "“I have asked for an inquiry,” said Lena Fischer, an aid worker."
    )
    opening, continued, other = extract(nlp, text)
    assert opening.speaker == continued.speaker == "Tomas Berg"  # the man the paragraph is about
    assert continued.cue is None and continued.quote.startswith("Nobody survived")
    assert other.speaker == "Lena Fischer"


def test_multi_paragraph_quote_after_a_named_speaker(nlp: Language) -> None:
    text = "Tomas Berg said: “The convoy was hit twice.\n\n“Nobody survived the second strike.”"
    first, second = extract(nlp, text)
    assert (first.speaker, first.cue) == ("Tomas Berg", "said")
    assert (second.speaker, second.cue, second.kind) == ("Tomas Berg", None, "direct")


def test_paragraph_ending_in_a_colon_introduces_the_quote_below(nlp: Language) -> None:
    text = (
        "Omar Haddad, a nurse at the clinic, described what he saw:\n\n"
        "“There were bodies everywhere. Nobody could help them.”"
    )
    s = only(extract(nlp, text))
    assert (s.speaker, s.cue, s.kind) == ("Omar Haddad", "described", "direct")


def test_clause_that_is_mostly_quotation_is_reported_as_the_quote(nlp: Language) -> None:
    s = only(
        extract(nlp, 'The ministry replied that the targets were "arms depots, command posts and bunkers."')
    )
    assert (s.kind, s.quote, s.cue) == ("direct", "arms depots, command posts and bunkers", "replied")


def test_short_quote_inside_a_reported_clause_stays_in_the_clause(nlp: Language) -> None:
    s = only(extract(nlp, "Colonel Ana Ruiz said the second strike on the bridge had been a “grave error.”"))
    assert s.kind == "indirect"
    assert s.quote == "the second strike on the bridge had been a “grave error.”"  # both marks kept


def test_reporting_verbs_inside_a_quote_are_not_statements(nlp: Language) -> None:
    s = only(extract(nlp, "“They said they would leave by noon,” Tomas Berg said."))
    assert s.speaker == "Tomas Berg"


# -- indirect speech -------------------------------------------------------------------


def test_said_that_clause_with_a_pre_name_title(nlp: Language) -> None:
    s = only(
        extract(nlp, "Interior Minister Anna Kowalski said that the border would stay closed until May.")
    )
    assert (s.kind, s.quote, s.cue) == ("indirect", "the border would stay closed until May", "said")
    assert (s.speaker, s.speaker_title) == ("Anna Kowalski", "Interior Minister")


def test_clause_before_the_speaker(nlp: Language) -> None:
    s = only(extract(nlp, "The shelling lasted all night, Interior Minister Anna Kowalski said on Monday."))
    assert (s.kind, s.quote, s.speaker) == ("indirect", "The shelling lasted all night", "Anna Kowalski")


def test_that_clause_hung_on_the_statement_noun(nlp: Language) -> None:
    s = only(extract(nlp, "The ministry said Sunday in a statement that the border would reopen."))
    assert (s.speaker, s.cue, s.quote) == ("ministry", "said", "the border would reopen")


def test_clause_the_parser_took_apart_after_the_verb(nlp: Language) -> None:
    text = "A senior police official, speaking on condition of anonymity, said the curfew could last weeks."
    s = only(extract(nlp, text))
    assert (s.quote, s.anonymous, s.speaker_title) == (
        "the curfew could last weeks",
        True,
        "senior police official",
    )


def test_clause_parsed_as_the_object_of_said(nlp: Language) -> None:
    s = only(extract(nlp, "Both the police and the rebels said they had repelled attacks."))
    assert (s.quote, s.speaker) == ("they had repelled attacks", "police")


def test_an_organisation_tagged_as_a_noun_is_still_the_affiliation(nlp: Language) -> None:
    s = only(extract(nlp, '"The wells are dry," said UNICEF spokeswoman Mia Holt.'))
    assert (s.speaker, s.speaker_affiliation) == ("Mia Holt", "UNICEF")


def test_told_an_outlet_that(nlp: Language) -> None:
    s = only(
        extract(nlp, "A police spokesman told the BBC that three people were arrested near the station.")
    )
    assert (s.quote, s.cue) == ("three people were arrested near the station", "told")
    assert s.anonymous and s.speaker is None and s.speaker_title == "police spokesman"


def test_according_to_at_the_end(nlp: Language) -> None:
    s = only(extract(nlp, "Twelve soldiers died in the attack, according to the defence ministry."))
    assert (s.quote, s.cue, s.speaker) == (
        "Twelve soldiers died in the attack",
        "according to",
        "defence ministry",
    )


def test_according_to_at_the_start(nlp: Language) -> None:
    s = only(extract(nlp, "According to the United Nations, more than 200 families have fled the district."))
    assert (s.quote, s.speaker) == ("more than 200 families have fled the district", "United Nations")


def test_according_to_a_document_speaks_for_its_author(nlp: Language) -> None:
    s = only(
        extract(nlp, "Forty homes were destroyed, according to a UNICEF assessment published on Friday.")
    )
    assert s.speaker == "UNICEF"


def test_according_to_plan_names_no_source(nlp: Language) -> None:
    s = only(extract(nlp, "The Kremlin said that the operation was going according to plan."))
    assert (s.speaker, s.cue) == ("Kremlin", "said")


def test_an_unsigned_document_is_described_but_is_nobody_a_pronoun_means(nlp: Language) -> None:
    text = "Two bridges were destroyed, according to local media reports. He said the road was closed."
    report, pronoun = extract(nlp, text)
    assert (report.speaker, report.speaker_title, report.anonymous) == (None, "local media reports", True)
    assert pronoun.speaker_title is None


def test_dateline_is_not_part_of_the_claim(nlp: Language) -> None:
    s = only(
        extract(nlp, "MOSUL, Iraq — A car bomb killed nine people at a checkpoint, police officials said.")
    )
    assert s.quote == "A car bomb killed nine people at a checkpoint"


@pytest.mark.parametrize(
    "text",
    [
        "Tromso, Norway — A landslide buried two houses on Monday, police said.",
        "Bergen (NTB) - A landslide buried two houses on Monday, police said.",
    ],
)
def test_title_case_dateline_is_not_part_of_the_claim(nlp: Language, text: str) -> None:
    assert only(extract(nlp, text)).quote == "A landslide buried two houses on Monday"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The rebels denied that they had shelled the town.", "denied"),
        ("The governor warned that more attacks were coming.", "warned"),
        ("Officials claimed the road was safe for convoys.", "claimed"),
        ("The mayor stressed that the water supply was secure.", "stressed"),
        ("Asked about the curfew, the mayor replied that it would end soon.", "replied"),
        ("The ministry announced that schools would reopen on Monday.", "announced"),
        ("The envoy pointed out that the truce had held for a week.", "pointed out"),
        ("The colonel added that no civilians had been hurt.", "added"),
        ("The agency estimates 3,000 people have fled the region.", "estimates"),
    ],
)
def test_reporting_verb_lexicon(nlp: Language, sentence: str, cue: str) -> None:
    s = only(extract(nlp, sentence))
    assert (s.kind, s.cue) == ("indirect", cue)


def test_appeal_and_accusation_report_their_content(nlp: Language) -> None:
    appeal, accusation = extract(
        nlp,
        "The Red Crescent called on residents to stay indoors. "
        "The army shelled two villages, accusing them of sheltering armed groups.",
    )
    assert (appeal.cue, appeal.quote, appeal.speaker) == (
        "called on",
        "residents to stay indoors",
        "Red Crescent",
    )
    assert (accusation.cue, accusation.quote, accusation.speaker) == (
        "accusing",
        "sheltering armed groups",
        "army",
    )


def test_relative_clause_report(nlp: Language) -> None:
    s = only(extract(nlp, "The convoy passed a school, which the army said was used to store weapons."))
    assert (s.quote, s.speaker) == ("was used to store weapons", "army")


def test_a_relative_reporting_verb_that_describes_stays_in_the_clause(nlp: Language) -> None:
    text = "The palace said the king had met the envoy, who promised more aid."
    s = only(extract(nlp, text))
    assert s.quote == "the king had met the envoy, who promised more aid"


def test_a_quote_of_a_verb_inside_the_reported_clause_stays_in_it(nlp: Language) -> None:
    text = 'What the militia described as a "final warning" killed four farmers, the mayor said.'
    clause, quote = extract(nlp, text)
    assert (clause.cue, clause.quote) == (
        "said",
        'What the militia described as a "final warning" killed four farmers',
    )
    assert (quote.cue, quote.speaker, quote.quote) == ("described", "militia", "final warning")


# -- speakers across the article -------------------------------------------------------


def test_surname_and_pronoun_resolve_to_the_first_full_name(nlp: Language) -> None:
    text = (
        "Gen. Mark Ellison arrived in the capital on Monday. He said the talks had failed.\n\n"
        "Later that day, Ellison said more troops would arrive by Friday."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Mark Ellison"
    assert first.speaker_title == "Gen."


def test_affiliation_comes_from_the_title(nlp: Language) -> None:
    text = (
        "Kremlin spokesman Dmitry Orlov said the talks would go on. "
        "Lidia Berg, the head of the city's military administration, said the shelling had stopped."
    )
    orlov, berg = extract(nlp, text)
    assert (orlov.speaker_title, orlov.speaker_affiliation) == ("Kremlin spokesman", "Kremlin")
    assert berg.speaker_affiliation == "city's military administration"


def test_role_from_an_apposition_beside_a_rank(nlp: Language) -> None:
    text = (
        "Maj. Gen. Paul Reed, the Pentagon press secretary, said the drone came from the east. "
        "The press secretary added that two soldiers had been flown to Germany."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Paul Reed"
    assert first.speaker_title == "Maj. Gen."


def test_refusing_to_say_is_no_statement(nlp: Language) -> None:
    text = (
        "He declined to say whether strikes were imminent. The minister did not say whether they would stay."
    )
    assert extract(nlp, text) == []


def test_definite_mention_of_an_earlier_subject(nlp: Language) -> None:
    text = (
        "Iran's mission to the United Nations rejected the claim. The mission said Tehran had no role in it."
    )
    s = only(extract(nlp, text))
    assert s.speaker == "Iran's mission"


def test_people_sharing_a_surname_stay_apart(nlp: Language) -> None:
    text = "Lina Haddad said the border was shut. Omar Haddad said the roads were closed."
    assert [s.speaker for s in extract(nlp, text)] == ["Lina Haddad", "Omar Haddad"]


def test_pronoun_skips_a_person_of_the_other_gender(nlp: Language) -> None:
    text = (
        "Maria Lopez, the agency's spokeswoman, said the shelling had stopped. "
        "Tomas Berg, the city's spokesman, said the roads were closed. "
        '"We cannot reach the villages," she said.'
    )
    assert extract(nlp, text)[-1].speaker == "Maria Lopez"


def test_role_mention_resolves_to_the_named_holder(nlp: Language) -> None:
    text = (
        "Press Secretary Dana Whitfield said the president would travel to the region. "
        "The press secretary added that no date had been set."
    )
    first, second = extract(nlp, text)
    assert second.speaker == first.speaker == "Dana Whitfield"


def test_name_after_its_description(nlp: Language) -> None:
    s = only(extract(nlp, "Ukraine's foreign minister, Andriy Koval, said the attack was deliberate."))
    assert (s.speaker, s.speaker_title) == ("Andriy Koval", "Ukraine's foreign minister")


def test_pronoun_takes_the_latest_person_outside_quotes(nlp: Language) -> None:
    text = (
        "Nadia Karim, the camp's director, visited the clinic. "
        "“Omar Haddad told me the water ran out,” she said."
    )
    s = only(extract(nlp, text))
    assert s.speaker == "Nadia Karim"


def test_organisations_speak_and_short_mentions_use_the_first_full_one(nlp: Language) -> None:
    text = (
        "The Kremlin said the talks were useful. Reuters reported that two diplomats were expelled.\n\n"
        "The Syrian defence ministry said its jets struck a depot. The ministry said it would continue."
    )
    kremlin, reuters, first, second = extract(nlp, text)
    assert (kremlin.speaker, reuters.speaker) == ("Kremlin", "Reuters")
    assert first.speaker == second.speaker == "Syrian defence ministry"
    assert not any(s.anonymous for s in (kremlin, reuters, first, second))


def test_it_refers_back_to_the_organisation(nlp: Language) -> None:
    text = "The Foreign Ministry summoned the ambassador on Monday. It said the strike violated the truce."
    s = only(extract(nlp, text))
    assert s.speaker == "Foreign Ministry"


def test_a_pronoun_can_mean_the_second_of_two_coordinated_subjects(nlp: Language) -> None:
    text = (
        "Tomas Berg, the regional governor, and Lena Fischer, an aid worker, visited the camp. "
        "She said the clinic had run out of insulin."
    )
    assert only(extract(nlp, text)).speaker == "Lena Fischer"


def test_unnamed_sources_are_anonymous_with_their_description(nlp: Language) -> None:
    text = (
        "A senior military official said the drones were launched from the coast. "
        "“We expect more of them,” the official said."
    )
    first, second = extract(nlp, text)
    for s in (first, second):
        assert s.anonymous and s.speaker is None and s.speaker_title == "senior military official"


def test_passive_description_without_agent_is_anonymous(nlp: Language) -> None:
    s = only(extract(nlp, "The strike was described as “a turning point” in the war."))
    assert s.anonymous and s.speaker is None and s.cue == "described"


def test_quote_only_verbs_attribute_quotes_but_report_no_clause(nlp: Language) -> None:
    text = "Hussein Ali, a shopkeeper, walked through the ruins. “Where are we supposed to go?” he asked."
    s = only(extract(nlp, text))
    assert (s.cue, s.speaker, s.speaker_title) == ("asked", "Hussein Ali", "shopkeeper")
    assert extract(nlp, "The reporter asked whether the army had shelled the town.") == []


def test_subject_separated_from_its_verb_by_an_inserted_clause(nlp: Language) -> None:
    s = only(
        extract(nlp, "The general, asked whether more troops would be sent, said that no decision was made.")
    )
    assert (s.quote, s.speaker_title, s.anonymous) == ("no decision was made", "general", True)


def test_described_name_the_model_does_not_know_is_a_person(nlp: Language) -> None:
    text = 'Ahmed, a taxi driver, said he saw three missiles. "The first one hit the mosque," he said.'
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Ahmed"
    assert first.speaker_title == "taxi driver"


def test_category_noun_and_statement_refer_to_the_last_named_organisation(nlp: Language) -> None:
    text = (
        "Hamas did not immediately comment on the raid. The group said later that the commander was alive. "
        "A statement from the group said its fighters had repelled the attack."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Hamas"


def test_dateline_is_not_the_speaker(nlp: Language) -> None:
    s = only(extract(nlp, "KARACHI — Pakistan's navy said on Monday it had seized a boat carrying weapons."))
    assert s.speaker == "Pakistan's navy"


def test_organisation_in_a_dateline_is_not_completed_into_it(nlp: Language) -> None:
    text = (
        "OSLO (NTB) - Two fishing boats sank off the coast on Monday, the coastguard said.\n\n"
        "Storms have grounded flights for three days, according to an NTB count."
    )
    first, second = extract(nlp, text)
    assert first.quote == "Two fishing boats sank off the coast on Monday"
    assert (second.speaker, second.cue) == ("NTB", "according to")


def test_bare_organisation_noun_takes_the_fuller_name_given_later(nlp: Language) -> None:
    text = (
        "Shells hit what the army said were rebel positions near the dam.\n\n"
        "The Malian army said in a statement that its units had repelled an attack."
    )
    claim, statement = extract(nlp, text)
    assert (claim.quote, claim.speaker, claim.speaker_aliases) == (
        "were rebel positions near the dam",
        "Malian army",
        ["army"],
    )
    assert statement.speaker == "Malian army" and not claim.anonymous


def test_embedded_claim_leaves_the_time_of_the_outer_event(nlp: Language) -> None:
    s = only(
        extract(nlp, "Drones hit what the rebels said were two field hospitals near the river on Sunday.")
    )
    assert (s.quote, s.speaker) == ("were two field hospitals near the river", "rebels")


@pytest.mark.parametrize(
    ("sentence", "speaker", "title"),
    [
        (
            "Norway's Foreign Minister Ingrid Dahl said the embassy would stay open.",
            "Ingrid Dahl",
            "Norway's Foreign Minister",
        ),
        (
            "Peru's deputy defence minister Carlos Rojas told reporters that the drills would continue.",
            "Carlos Rojas",
            "Peru's deputy defence minister",
        ),
        (
            "Chile's President Marta Soto said the aid would arrive on Friday.",
            "Marta Soto",
            "Chile's President",
        ),
    ],
)
def test_title_after_a_possessive_country(nlp: Language, sentence: str, speaker: str, title: str) -> None:
    s = only(extract(nlp, sentence))
    assert (s.speaker, s.speaker_title) == (speaker, title)


@pytest.mark.parametrize(
    ("sentence", "speaker", "quote"),
    [
        (
            "According to the OSCE observer team, more than 40 shells hit the village overnight.",
            "OSCE observer team",
            "more than 40 shells hit the village overnight",
        ),
        (
            "Nine aid workers were detained, according to the Red Cross delegation in the capital.",
            "Red Cross delegation",
            "Nine aid workers were detained",
        ),
        (
            "According to the EU border assistance mission, about 300 trucks crossed in April.",
            "EU border assistance mission",
            "about 300 trucks crossed in April",
        ),
    ],
)
def test_according_to_an_organisation_named_by_a_common_noun(
    nlp: Language, sentence: str, speaker: str, quote: str
) -> None:
    s = only(extract(nlp, sentence))
    assert (s.kind, s.cue, s.speaker, s.quote) == ("indirect", "according to", speaker, quote)
    assert not s.anonymous


def test_reporting_verb_inserted_between_commas_reports_the_clause_around_it(nlp: Language) -> None:
    text = (
        "Marta Soto, the regional governor, visited the camp on Monday. "
        "The water supply, she added, would be restored within a week."
    )
    s = only(extract(nlp, text))
    assert (s.kind, s.cue, s.speaker) == ("indirect", "added", "Marta Soto")
    assert s.quote == "The water supply would be restored within a week"
    assert text[s.span.start : s.span.end] == "The water supply, she added, would be restored within a week"


def test_inserted_reporting_phrase_with_its_own_subject_and_time(nlp: Language) -> None:
    s = only(extract(nlp, "The talks, the minister said on Tuesday, would resume next week."))
    assert (s.quote, s.speaker_title, s.anonymous) == ("The talks would resume next week", "minister", True)


@pytest.mark.parametrize(
    ("text", "quote", "cue"),
    [
        (
            "Most of the patients, the clinic director told reporters, were elderly.",
            "Most of the patients were elderly",
            "told",
        ),
        (
            "The floods, according to the water board, cut off 30 villages.",
            "The floods cut off 30 villages",
            "according to",
        ),
        (
            "By Sunday night, the governor said, the fire had been contained.",
            "By Sunday night the fire had been contained",
            "said",
        ),
    ],
)
def test_inserted_reporting_phrase_in_other_parses(nlp: Language, text: str, quote: str, cue: str) -> None:
    s = only(extract(nlp, text))
    assert (s.quote, s.cue) == (quote, cue)
    assert s.speaker or s.speaker_title


@pytest.mark.parametrize(
    ("sentence", "title", "affiliation"),
    [
        ("A navy spokesman, Rear Adm. Tom Hale, said the ship was damaged.", "Rear Adm.", "navy"),
        ("Lt. Col. Dana Price said the base was secure.", "Lt. Col.", None),
        ("A police spokesman, Brig. Gen. Omar Vance, said two cars were seized.", "Brig. Gen.", "police"),
    ],
)
def test_abbreviated_rank_before_the_name_is_the_title(
    nlp: Language, sentence: str, title: str, affiliation: str | None
) -> None:
    s = only(extract(nlp, sentence))
    assert (s.speaker_title, s.speaker_affiliation) == (title, affiliation)


def test_writers_connective_is_not_part_of_the_claim(nlp: Language) -> None:
    s = only(extract(nlp, "Meanwhile, the rebels shelled the port on Tuesday, officials said."))
    assert s.quote == "the rebels shelled the port on Tuesday"


def test_name_in_apposition_to_an_organisation_noun_is_an_organisation(nlp: Language) -> None:
    text = (
        "Shelling hit two schools on Friday, according to the rights group Civic Shield. "
        "The group said that the schools had been empty."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Civic Shield"
    assert first.speaker_title is None and not first.anonymous


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "Officials at the district hospital said nine people were treated.",
            "Officials at the district hospital",
        ),
        (
            "A spokesman for the port authority said the docks would reopen.",
            "spokesman for the port authority",
        ),
        ("Two officials on Monday said the talks had stalled.", "officials"),
    ],
)
def test_unnamed_source_keeps_what_places_it(nlp: Language, sentence: str, title: str) -> None:
    s = only(extract(nlp, sentence))
    assert s.anonymous and s.speaker is None and s.speaker_title == title


def test_placed_source_is_still_the_official_mentioned_again(nlp: Language) -> None:
    text = "An official at the embassy said the staff were safe. “Nobody was hurt,” the official said."
    first, second = extract(nlp, text)
    assert first.speaker_title == second.speaker_title == "official at the embassy"


def test_a_person_in_the_title_is_not_the_affiliation(nlp: Language) -> None:
    s = only(extract(nlp, "Governor Lena Ortiz's spokesman, Raul Mena, said the roads were closed."))
    assert (s.speaker, s.speaker_affiliation) == ("Raul Mena", None)


def test_accused_with_the_charge_hung_on_the_object(nlp: Language) -> None:
    s = only(extract(nlp, "The mayor accused the contractors of stealing fuel."))
    assert (s.cue, s.quote) == ("accused", "stealing fuel")


def test_a_portfolio_in_the_title_is_not_the_affiliation(nlp: Language) -> None:
    s = only(extract(nlp, "Finance Minister Omar Lutfi said the budget would be cut."))
    assert (s.speaker_title, s.speaker_affiliation) == ("Finance Minister", None)


def test_affiliation_keeps_the_whole_name_of_the_body(nlp: Language) -> None:
    s = only(extract(nlp, "Defense Ministry spokesman Piotr Nowak said the jets had been grounded."))
    assert (s.speaker, s.speaker_affiliation) == ("Piotr Nowak", "Defense Ministry")


def test_an_indefinite_person_noun_is_an_unnamed_source(nlp: Language) -> None:
    s = only(extract(nlp, "One midwife, who asked not to be named, said the clinic had no power."))
    assert (s.speaker, s.anonymous, s.speaker_title) == (None, True, "midwife")


def test_its_spokesman_belongs_to_the_organisation_named_before(nlp: Language) -> None:
    text = (
        "The Arctic Council met in Tromso on Monday. "
        "Its spokesman, Erik Vang, said the talks would resume in May."
    )
    s = only(extract(nlp, text))
    assert (s.speaker, s.speaker_title, s.speaker_affiliation) == ("Erik Vang", "spokesman", "Arctic Council")


def test_a_description_in_apposition_to_a_named_body_stands_for_it(nlp: Language) -> None:
    text = (
        "The Arctic Research Institute, a Norway-based climate monitor, said the ice had thinned. "
        "The monitor said the trend would continue."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Arctic Research Institute"


def test_an_unnamed_spokesman_belongs_to_the_body_as_named(nlp: Language) -> None:
    text = (
        "Norway's coastal agency said on Sunday that two boats had sunk. "
        "The agency's spokesman said divers were searching the wrecks."
    )
    _, spokesman = extract(nlp, text)
    assert spokesman.anonymous and spokesman.speaker_affiliation == "Norway's coastal agency"


def test_appositive_name_after_a_qualified_role(nlp: Language) -> None:
    text = (
        "A spokesman for the navy, Captain Lars Moe, said the tanker had been towed. "
        "The spokesman added that the crew was safe."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Lars Moe"
    assert (first.speaker_title, first.speaker_affiliation) == ("Captain", "navy")


def test_the_body_owning_a_post_is_the_affiliation_as_first_named(nlp: Language) -> None:
    text = (
        "Food prices doubled in a month, according to the UN food monitoring office.\n\n"
        "The office's director, Lea Brandt, said markets in the north had emptied."
    )
    first, second = extract(nlp, text)
    assert first.speaker == "UN food monitoring office"
    assert (second.speaker, second.speaker_title) == ("Lea Brandt", "office's director")
    assert second.speaker_affiliation == "UN food monitoring office"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ninety shops were looted, according to figures released by the trade ministry.", "trade ministry"),
        (
            "About 400 wells ran dry, according to preliminary data from the water board.",
            "water board",
        ),
    ],
)
def test_according_to_a_document_issued_by_a_body(nlp: Language, sentence: str, speaker: str) -> None:
    s = only(extract(nlp, sentence))
    assert (s.cue, s.speaker, s.anonymous) == ("according to", speaker, False)


def test_a_role_the_article_gave_a_named_person_is_that_person(nlp: Language) -> None:
    text = (
        "Jonas Lind, the firm's chief engineer, said the dam was sound. "
        "The chief engineer added that inspections would continue."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Jonas Lind"


def test_capitalised_title_without_a_name_is_the_holder_or_an_unnamed_source(nlp: Language) -> None:
    text = "President Ana Lima toured the port on Monday. The President said the docks would reopen."
    assert only(extract(nlp, text)).speaker == "Ana Lima"
    s = only(extract(nlp, "The Prime Minister told parliament that the levy was legal."))
    assert (s.speaker, s.anonymous, s.speaker_title) == (None, True, "Prime Minister")


def test_source_close_to_something(nlp: Language) -> None:
    s = only(extract(nlp, "A source familiar with the talks said a deal was near."))
    assert s.anonymous and s.speaker_title == "source familiar with the talks"


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        (
            "The militia said it had shot down two drones, without giving details.",
            "it had shot down two drones",
        ),
        (
            "The rebels said the raid killed 15 guards, a claim that could not be independently verified.",
            "the raid killed 15 guards",
        ),
    ],
)
def test_writers_gloss_after_the_claim_is_not_part_of_it(nlp: Language, sentence: str, quote: str) -> None:
    assert only(extract(nlp, sentence)).quote == quote


def test_an_age_before_the_name_is_not_a_title(nlp: Language) -> None:
    s = only(extract(nlp, "“The roof fell on us,” 14-year-old Sara Malik told reporters."))
    assert (s.speaker, s.speaker_title) == ("Sara Malik", None)


def test_reported_with_a_gerund(nlp: Language) -> None:
    s = only(extract(nlp, "Villagers reported seeing three helicopters over the valley."))
    assert (s.cue, s.quote, s.anonymous) == ("reported", "seeing three helicopters over the valley", True)


def test_quoted_as_saying(nlp: Language) -> None:
    text = 'Omar Saleh was quoted by state television as saying that the city "will never surrender."'
    s = only(extract(nlp, text))
    assert (s.speaker, s.cue, s.quote) == ("Omar Saleh", "saying", "will never surrender")


def test_second_reporting_verb_chained_to_the_clause_keeps_the_speaker(nlp: Language) -> None:
    text = (
        "Its spokesman, Karim Nasser, said the strikes killed four and warned that the group would respond."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Karim Nasser"
    assert (second.cue, second.quote) == ("warned", "the group would respond")


def test_bare_noun_group_before_the_verb_is_the_speaker(nlp: Language) -> None:
    text = (
        "Gunmen killed twelve people in a village near the river, activists and a rights group said Friday."
    )
    s = only(extract(nlp, text))
    assert s.anonymous and s.speaker_title == "activists"
    assert s.quote == "Gunmen killed twelve people in a village near the river"


def test_appositive_source_is_the_named_person(nlp: Language) -> None:
    text = '"They shot at everyone," said Mona Idris, a nurse who said she saw the attack.'
    direct, indirect = extract(nlp, text)
    assert direct.speaker == indirect.speaker == "Mona Idris"


def test_appeal_with_a_direct_object(nlp: Language) -> None:
    s = only(extract(nlp, "The envoy urged both sides to return to the negotiating table."))
    assert (s.cue, s.quote) == ("urged", "both sides to return to the negotiating table")


def test_unnamed_relatives_and_witnesses_are_anonymous(nlp: Language) -> None:
    text = (
        '"He was a teacher, not a fighter," his brother said. A neighbour said the family had just moved in.'
    )
    brother, neighbour = extract(nlp, text)
    assert brother.anonymous and brother.speaker_title == "brother"
    assert neighbour.anonymous and neighbour.quote == "the family had just moved in"


def test_time_of_saying_is_not_part_of_the_claim(nlp: Language) -> None:
    s = only(extract(nlp, "The navy said on Monday it had seized a boat carrying weapons."))
    assert s.quote == "it had seized a boat carrying weapons"


# -- robustness ------------------------------------------------------------------------


def test_unbalanced_quote_costs_one_statement_at_most(nlp: Language) -> None:
    text = "“The siege is over, Tomas Berg said.\n\nHe said the airport had reopened on Sunday."
    statements = extract(nlp, text)
    assert statements[-1].quote == "the airport had reopened on Sunday"
    assert statements[-1].speaker == "Tomas Berg"


def test_closing_mark_without_an_opening_one(nlp: Language) -> None:
    s = only(extract(nlp, 'The talks have failed," the envoy said.'))
    assert (s.quote, s.cue) == ("The talks have failed", "said")


def test_headlines_and_captions_without_final_punctuation_are_skipped(nlp: Language) -> None:
    text = "Army says convoy hit near border\n\nThe army said the convoy was hit near the border."
    s = only(extract(nlp, text))
    assert s.quote == "the convoy was hit near the border"


@pytest.mark.parametrize("seed", range(20))
def test_never_refuses_an_article(nlp: Language, seed: int) -> None:
    rng = random.Random(seed)
    pieces = [
        "“",
        "”",
        '"',
        "‘",
        "’",
        "'",
        "‘‘",
        "’’",
        " said ",
        "\n\n",
        "He",
        " the official",
        ", ",
        ". ",
        "Gen.",
        "x",
    ]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
    extract(nlp, text)


@pytest.mark.parametrize("text", ["The mayor said x“yes”z and left.", "“”, he said.", '"\n"\n"', "‘‘’’"])
def test_degenerate_quotes(nlp: Language, text: str) -> None:
    extract(nlp, text)


def test_empty_article(nlp: Language) -> None:
    assert extract(nlp, "") == []


# -- quote scanning on its own ---------------------------------------------------------


def test_find_quotes_reports_unclosed_quotes_to_the_paragraph_end() -> None:
    text = "He said: “one two.\n\n“three four.” And ‘‘five’’."
    quotes = find_quotes(text, split_paragraphs(text))
    assert [text[q.start : q.end] for q in quotes] == ["one two", "three four", "five"]
    assert [q.closed for q in quotes] == [False, True, True]


def test_single_quotes_as_primary_marks_with_a_plural_possessive(nlp: Language) -> None:
    text = "'We won't leave,' said the mayor's aide. 'The officials' promises mean nothing.'"
    first, second = extract(nlp, text)
    assert (first.quote, second.quote) == ("We won't leave", "The officials' promises mean nothing")
    assert second.speaker_title == "mayor's aide" and second.cue is None


def test_a_word_of_the_quote_is_never_the_speaker(nlp: Language) -> None:
    text = "“We lost everything. Our house, our car, our shop,” said Amal Nasser, 52, standing in the rubble."
    assert only(extract(nlp, text)).speaker == "Amal Nasser"


def test_apostrophes_are_not_quote_marks() -> None:
    text = "The officials' convoy reached Yemen's capital and didn't stop."
    assert find_quotes(text, split_paragraphs(text)) == []


# -- role mentions, titles and descriptive modifiers -------------------------------------


def test_the_role_noun_resolves_to_the_person_whose_title_it_heads(nlp: Language) -> None:
    text = (
        "Two shells hit the market on Tuesday, said Min Htet Naing, a spokesman for the Valley "
        "Defence Force, which holds the hills.\n\n"
        "The spokesman said more than 30 people were wounded."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Min Htet Naing"
    assert not second.anonymous


def test_the_role_noun_takes_the_latest_holder(nlp: Language) -> None:
    text = (
        "Tomas Berg, the governor of the eastern province, said the dam was intact. "
        "Anna Kowal, a governor from the south, said the roads were open. "
        "The governor said the bridges would be repaired."
    )
    assert extract(nlp, text)[-1].speaker == "Anna Kowal"


def test_a_role_noun_does_not_match_inside_a_longer_word(nlp: Language) -> None:
    text = "Tomas Berg, the committee chairman, said the vote was delayed. The man said he saw the jets."
    assert extract(nlp, text)[-1].speaker != "Tomas Berg"


def test_a_coordinated_role_in_an_apposition_is_the_named_person(nlp: Language) -> None:
    text = (
        "Julia Marsh, the agency's acting director and regional coordinator for the Sahel, said she was "
        "“shocked” by the attack.\n\n"
        "“Nobody should be bombed while queueing for bread,” she said in a statement."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Julia Marsh"
    assert not second.anonymous


def test_a_determined_conjunct_of_an_apposition_is_someone_else(nlp: Language) -> None:
    text = "Omar Haddad, a farmer, and his wife visited the camp on Monday. She said the clinic was empty."
    assert only(extract(nlp, text)).speaker != "Omar Haddad"


def test_a_place_and_title_before_a_name_are_its_title(nlp: Language) -> None:
    text = "Harborview Mayor Ostap Kravets said a missile hit a warehouse. Kravets said two were hurt."
    first, second = extract(nlp, text)
    assert (first.speaker, first.speaker_title) == ("Ostap Kravets", "Harborview Mayor")
    assert second.speaker == "Ostap Kravets"


def test_a_hyphenated_description_before_an_organisation_name_is_dropped(nlp: Language) -> None:
    text = (
        "The US-backed Northern Liberation Front said its fighters repelled the attack. "
        "The Rebel-run Dawn news agency said the strikes killed five. "
        "The London-based Syrian Observatory for Human Rights said 12 died."
    )
    assert [s.speaker for s in extract(nlp, text)] == [
        "Northern Liberation Front",
        "Dawn news agency",
        "Syrian Observatory for Human Rights",
    ]


def test_a_newspaper_is_named_without_the_word_newspaper(nlp: Language) -> None:
    s = only(extract(nlp, "The state-run Morning Herald newspaper reported that the roads were closed."))
    assert s.speaker == "Morning Herald"


def test_a_hyphenated_modifier_that_is_the_whole_name_stays(nlp: Language) -> None:
    text = (
        "The Saudi-led coalition said it had hit depots. "
        "The Kurdish-led administration said the dam was damaged."
    )
    assert [s.speaker for s in extract(nlp, text)] == ["Saudi-led coalition", "Kurdish-led administration"]


def test_a_region_of_a_country_is_no_fuller_name_for_it(nlp: Language) -> None:
    text = "Drones struck eastern Ukraine overnight. Ukraine said it had shot down most of them."
    assert only(extract(nlp, text)).speaker == "Ukraine"


def test_a_proper_name_is_not_lengthened_into_another_group(nlp: Language) -> None:
    text = (
        "Jets bombed camps of the Iraqi Hezbollah near the border. "
        "The raids killed nine people, according to Hezbollah."
    )
    assert only(extract(nlp, text)).speaker == "Hezbollah"


def test_a_dateline_naming_two_cities_is_not_part_of_the_claim(nlp: Language) -> None:
    text = (
        "Jets strike border villages, ministry says\n\n"
        "ISTANBUL/ANKARA, May 2 (Reuters) - Warplanes bombed two villages in the hills late on Friday, "
        "killing at least six people, the interior ministry said, raising tensions along the frontier."
    )
    s = only(extract(nlp, text))
    assert s.quote.startswith("Warplanes bombed")


# -- reporting constructions the parser takes apart --------------------------------------


def test_a_claim_parsed_as_a_second_subject_of_the_verb(nlp: Language) -> None:
    text = (
        "Around 15 drones launched from Crimea, most of which were downed, the air force said. "
        "About 30 shells fired from the hills, some of which hit homes, the governor said."
    )
    drones, shells = extract(nlp, text)
    assert (drones.speaker, drones.quote) == (
        "air force",
        "Around 15 drones launched from Crimea, most of which were downed",
    )
    assert shells.quote == "About 30 shells fired from the hills, some of which hit homes"


def test_two_coordinated_speakers_are_not_a_claim(nlp: Language) -> None:
    text = "Tomas Berg, the regional governor, and Lena Fischer, an aid worker, said the camp was full."
    s = only(extract(nlp, text))
    assert s.quote == "the camp was full"


def test_an_appeal_whose_infinitive_is_parsed_as_a_purpose_clause(nlp: Language) -> None:
    text = (
        "Prime Minister Anna Kowal condemned the raids and called on Germany and Austria, which mediated "
        "the deal, to pressure the rebels to free the hostages."
    )
    s = only(extract(nlp, text))
    assert (s.speaker, s.cue) == ("Anna Kowal", "called on")
    assert s.quote.startswith("Germany and Austria") and s.quote.endswith("to free the hostages")


def test_a_report_parsed_as_a_relative_clause_of_the_last_noun(nlp: Language) -> None:
    text = (
        "On May 4, a drone strike on a truck near the port of Marsa killed two people, the state-run "
        "Tides News Agency reported. The army said it had killed a rebel commander."
    )
    first, second = extract(nlp, text)
    assert first.speaker == "Tides News Agency"
    assert first.quote == "On May 4, a drone strike on a truck near the port of Marsa killed two people"


def test_a_relative_clause_on_a_gloss_is_not_a_report(nlp: Language) -> None:
    text = "The army accuses the rebels of hiding weapons in schools, a charge the rebels deny."
    assert [s.cue for s in extract(nlp, text)] == ["accuses"]


def test_local_media_are_an_unnamed_source(nlp: Language) -> None:
    text = "Last week, a bomb at a bus station in the hill town killed nine people, according to local media."
    s = only(extract(nlp, text))
    assert s.anonymous and s.speaker_title == "local media"
    assert s.quote.startswith("Last week, a bomb")


def test_a_time_after_the_verb_is_not_taken_for_the_claim(nlp: Language) -> None:
    text = (
        "Tanks shelled three villages near the river, the army said Tuesday, "
        "a day after two soldiers were killed in an ambush near the border."
    )
    s = only(extract(nlp, text))
    assert (s.speaker, s.quote) == ("army", "Tanks shelled three villages near the river")


def test_a_country_s_minister_is_the_one_person_named_with_that_post(nlp: Language) -> None:
    text = (
        "Jets killed six fighters near the port on Monday, Valoria's defense minister said.\n\n"
        "Defense Minister Omar Qasim told reporters that the strike hit a truck."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Omar Qasim"


def test_a_country_s_minister_stays_unnamed_when_two_people_hold_the_post(nlp: Language) -> None:
    text = (
        "Jets killed six fighters near the port on Monday, Valoria's defense minister said.\n\n"
        "Defense Minister Omar Qasim arrived in the capital on Sunday. "
        "Defense Minister Ali Kamal left on Monday."
    )
    s = only(extract(nlp, text))
    assert s.speaker is None and s.anonymous


def test_a_country_s_minister_is_not_another_country_s(nlp: Language) -> None:
    text = (
        "Valoria's foreign minister said the talks had failed.\n\n"
        "Ostrian Foreign Minister Andrii Koval told reporters that the talks had not begun."
    )
    first, second = extract(nlp, text)
    assert first.speaker is None and first.anonymous
    assert second.speaker == "Andrii Koval"


def test_two_coordinated_that_clauses_are_two_statements(nlp: Language) -> None:
    text = (
        "The health office said four farmers were killed in the raid, including a boy, "
        "and that nine others were wounded."
    )
    first, second = extract(nlp, text)
    assert first.quote == "four farmers were killed in the raid, including a boy"
    assert second.quote == "nine others were wounded"
    assert first.speaker == second.speaker == "health office" and first.cue == second.cue == "said"


@pytest.mark.parametrize(
    "text",
    [
        "The governor said the bridge had been shelled twice and that no one was hurt.",
        "A police officer told reporters the depot had been empty and that the guards had fled.",
    ],
)
def test_two_that_clauses_joined_without_a_comma_are_one_statement(nlp: Language, text: str) -> None:
    s = only(extract(nlp, text))
    assert " and that " in s.quote


def test_a_but_that_clause_is_a_statement_of_its_own(nlp: Language) -> None:
    text = "The navy said it was reviewing the footage but that no sailors had fired on the boat."
    first, second = extract(nlp, text)
    assert (first.quote, second.quote) == ("it was reviewing the footage", "no sailors had fired on the boat")


def test_a_that_after_and_that_determines_a_noun_does_not_split(nlp: Language) -> None:
    text = "The mayor said the bridge was closed and that road was flooded."
    assert len(extract(nlp, text)) == 1


def test_a_whole_quoted_clause_coordinated_with_a_report_is_a_direct_statement(nlp: Language) -> None:
    text = "According to the coast guard, the ferry sank near the reef, and “no passenger was left on board.”"
    first, second = extract(nlp, text)
    assert (first.kind, first.quote) == ("indirect", "the ferry sank near the reef")
    assert (second.kind, second.quote) == ("direct", "no passenger was left on board")
    assert first.speaker == second.speaker == "coast guard"


def test_an_office_keeps_the_of_and_for_phrases_of_its_name(nlp: Language) -> None:
    text = (
        "The Regional Office for the Protection of Coastal Waters said in a report that the spill had "
        "reached the bay. The office said the beaches would stay closed."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Regional Office for the Protection of Coastal Waters"


def test_a_mission_keeps_its_in_phrase_when_an_acronym_follows(nlp: Language) -> None:
    text = "The Nordic Monitoring Mission in Valoria (NMMV) said its observers had heard shelling overnight."
    s = only(extract(nlp, text))
    assert s.speaker == "Nordic Monitoring Mission in Valoria"


def test_a_ministry_in_a_city_is_not_named_after_the_city(nlp: Language) -> None:
    text = "The Health Ministry in Tarsova said four people had been killed in the raid."
    s = only(extract(nlp, text))
    assert s.speaker == "Health Ministry"


def test_a_police_force_named_after_two_places(nlp: Language) -> None:
    text = "Gunmen fired on a bus near the pass, killing two drivers, the Ostra and Velna Police said."
    s = only(extract(nlp, text))
    assert s.speaker == "Ostra and Velna Police"


def test_a_later_short_name_takes_the_whole_name_with_its_for_phrase(nlp: Language) -> None:
    text = (
        "The Baltic Observatory for Press Freedom, a watchdog based in Riga, said two reporters had been "
        "detained. The Observatory also said a third reporter was missing."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Baltic Observatory for Press Freedom"


def test_the_ministry_is_the_nearest_ministry_named_before(nlp: Language) -> None:
    text = (
        "Valoria's Interior Ministry said two guards were killed at the crossing.\n\n"
        "Ostria's Interior Ministry gave another account. Valorian troops fired first, "
        "the ministry said in a statement.\n\n"
        "“We only answered the fire,” the statement said."
    )
    first, second, third = extract(nlp, text)
    assert first.speaker == "Valoria's Interior Ministry"
    assert second.speaker == third.speaker == "Ostria's Interior Ministry"


def test_the_military_keeps_the_name_first_given_to_the_same_body(nlp: Language) -> None:
    text = (
        "The Valorian military said it had hit a depot. Valoria's military later said the depot "
        "held rockets. The military said no civilians were hurt."
    )
    assert {s.speaker for s in extract(nlp, text)} == {"Valorian military"}


def test_a_two_word_surname_is_the_person_named_in_full_before(nlp: Language) -> None:
    text = (
        "Samer Abu Hamid, a spokesman for the Health Ministry, insisted that the dead were civilians.\n\n"
        "“The claims are lies meant to cover a massacre,” Abu Hamid said in a video statement."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Samer Abu Hamid"
    assert second.speaker_aliases == []


def test_a_hyphenated_surname_with_a_capital_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "Yusuf al-Haddadi, the district mayor, said the water plant had been hit. "
        "Al-Haddadi said repairs would take a month."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Yusuf al-Haddadi"


def test_a_rank_parsed_as_a_subject_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "In a statement, coalition spokesman Brig. Gen. Khalid al-Otaiba said the raids had destroyed "
        "a depot."
    )
    s = only(extract(nlp, text))
    assert s.speaker == "Khalid al-Otaiba"


def test_a_share_of_the_counted_is_not_the_subject_of_the_next_reporting_verb(nlp: Language) -> None:
    text = (
        "Tomas Berg said 25 people were wounded, some of them critically, and warned that the toll "
        "could rise."
    )
    first, second = extract(nlp, text)
    assert (first.speaker, second.speaker, second.cue) == ("Tomas Berg", "Tomas Berg", "warned")


def test_a_quote_after_a_colon_belongs_to_the_subject_before_it(nlp: Language) -> None:
    text = (
        "Interior Minister Dana Kovacs, who met the families in Tarsova on Friday, was blunt: "
        "“We have lost patience with the smugglers. They will be found and punished.”"
    )
    s = only(extract(nlp, text))
    assert (s.speaker, s.cue, s.kind) == ("Dana Kovacs", None, "direct")


def test_a_relative_clause_whose_relativiser_is_the_claim_s_subject(nlp: Language) -> None:
    text = (
        "Last month's bombing, in which six pilgrims died, was claimed by the Northern Shield, "
        "which Valorian officials allege is a wing of the rebel army."
    )
    s = only(extract(nlp, text))
    assert (s.speaker, s.anonymous, s.speaker_title) == (None, True, "Valorian officials")
    assert (s.cue, s.quote) == ("allege", "is a wing of the rebel army")


def test_a_that_clause_the_parser_tore_apart_is_still_the_claim(nlp: Language) -> None:
    text = (
        "The mayor wrote on Facebook that debris from a drone had fallen on a school in the north of the "
        "city, some 20 kilometers from the border, and that nobody was hurt."
    )
    first, second = extract(nlp, text)
    assert first.quote.startswith("debris from a drone had fallen on a school")
    assert (second.quote, second.cue) == ("nobody was hurt", "wrote")


def test_a_clause_coordinated_after_the_reporting_phrase_is_reported_too(nlp: Language) -> None:
    text = "A night watchman was killed, Petrenko wrote, and three firefighters were taken to hospital."
    first, second = extract(nlp, text)
    assert (first.quote, second.quote) == (
        "A night watchman was killed",
        "three firefighters were taken to hospital",
    )
    assert first.speaker == second.speaker == "Petrenko" and second.cue == "wrote"


def test_a_reporting_verb_coordinated_after_the_phrase_keeps_its_own_claim(nlp: Language) -> None:
    text = "The bridge was shelled overnight, the army said, and officials warned that the road was closed."
    quotes = [s.quote for s in extract(nlp, text)]
    assert quotes == ["The bridge was shelled overnight", "the road was closed"]


def test_a_quote_after_the_colon_of_a_reported_clause_is_its_own_statement(nlp: Language) -> None:
    text = (
        "A nurse at the clinic told reporters by phone that the jets had circled the town for an hour "
        "before the first strike: “We sent them our location weeks ago. They knew where we were.”"
    )
    first, second = extract(nlp, text)
    assert (first.kind, first.quote) == (
        "indirect",
        "the jets had circled the town for an hour before the first strike",
    )
    assert (second.kind, second.cue) == ("direct", "told")
    assert second.quote.startswith("We sent them our location")
    assert first.speaker_title == second.speaker_title == "nurse at the clinic"


def test_a_clause_before_the_colon_of_a_quote_whose_verb_follows_is_not_split(nlp: Language) -> None:
    text = "Berg warned that the port was closed: “Nothing moves until the mines are cleared,” he said."
    quotes = [s.quote for s in extract(nlp, text)]
    assert "the port was closed" in quotes and len(quotes) == 2


def test_a_quoted_term_is_not_a_relative_reporting_verbs_quote(nlp: Language) -> None:
    text = (
        "The governor said the dam had held.\n\n"
        "“Raiders” is the word the council uses for the Northern Front, which Valdor says operates "
        "from camps across the river."
    )
    statements = extract(nlp, text)
    assert [s.quote for s in statements] == ["the dam had held", "operates from camps across the river"]
    assert statements[1].speaker == "Valdor" and statements[1].cue == "says"


def test_a_reporting_verb_with_its_own_object_reports_no_earlier_clause(nlp: Language) -> None:
    text = "The rebel council said 12 people were killed in the raid, and vowed revenge."
    s = only(extract(nlp, text))
    assert (s.quote, s.cue) == ("12 people were killed in the raid", "said")


def test_a_report_after_with_is_its_own_speakers_count(nlp: Language) -> None:
    text = (
        "Valdor admitted that rebel units had taken two villages near the river last month, "
        "with the Border Command reporting 14 attacks there on Friday."
    )
    first, second = extract(nlp, text)
    assert first.speaker == "Valdor"
    assert first.quote == "rebel units had taken two villages near the river last month"
    assert (second.speaker, second.cue) == ("Border Command", "reporting")
    assert second.quote == "14 attacks there on Friday"


def test_a_word_the_speaker_quotes_inside_its_own_claim_stays_in_it(nlp: Language) -> None:
    text = (
        "Among the wounded, according to the ministry, was a fighter it identified as Karim Vossel, "
        "whom it described as the militia’s “treasurer,” or paymaster, in the north."
    )
    s = only(extract(nlp, text))
    assert s.cue == "according to" and s.speaker == "ministry"
    assert s.quote.endswith("whom it described as the militia’s “treasurer,” or paymaster, in the north")


def test_a_quote_of_another_speaker_inside_a_claim_is_still_theirs(nlp: Language) -> None:
    text = "What the rebels described as “a liberation” left 30 dead, the governor said."
    statements = extract(nlp, text)
    assert [s.quote for s in statements if s.kind == "direct"] == ["a liberation"]


def test_a_name_after_a_description_parsed_as_a_second_subject_speaks(nlp: Language) -> None:
    s = only(extract(nlp, "Valoria's state news agency VNA said the shells were fired from the hills."))
    assert s.speaker in {"VNA", "Valoria's state news agency VNA"}
    assert s.quote == "the shells were fired from the hills"


def test_a_bodys_name_apposed_to_its_description_speaks(nlp: Language) -> None:
    text = "In a statement, the navy's press office, the Maritime Information Service, said the ship sank."
    s = only(extract(nlp, text))
    assert s.speaker == "Maritime Information Service" and not s.anonymous


def test_state_media_are_a_named_body_not_an_unnamed_source(nlp: Language) -> None:
    s = only(extract(nlp, "Rockets hit a depot outside the capital on Monday, Valorian state media said."))
    assert (s.speaker, s.anonymous) == ("Valorian state media", False)


def test_a_described_body_parsed_as_the_subject_of_its_aside_still_speaks(nlp: Language) -> None:
    text = (
        "The East Harbor Relief Committee, one of the volunteer groups that have counted the dead "
        "since the fighting between the army and the militia erupted in May 2022, said the shells "
        "fell on the market."
    )
    s = only(extract(nlp, text))
    assert (s.speaker, s.quote) == ("East Harbor Relief Committee", "the shells fell on the market")


def test_a_person_apposed_to_the_person_a_role_serves_holds_the_role(nlp: Language) -> None:
    text = "An adviser to militia commander Tomas Berg, Lina Haddad, warned that the group would strike."
    s = only(extract(nlp, text))
    assert (s.speaker, s.anonymous) == ("Lina Haddad", False)


def test_the_group_after_a_country_is_the_group_it_fought(nlp: Language) -> None:
    text = (
        "Valoria has bombed camps of the Northern Liberation Front for years, and kept on even after "
        "the group announced last week that it would lay down its arms."
    )
    s = only(extract(nlp, text))
    assert s.speaker == "Northern Liberation Front" and s.quote == "it would lay down its arms"


def test_coordinated_unnamed_sources_are_one_source_described_whole(nlp: Language) -> None:
    s = only(extract(nlp, "Village elders and a local doctor said a drone had hit the school."))
    assert s.anonymous and s.speaker is None
    assert s.speaker_title == "Village elders and a local doctor"


def test_a_denial_of_a_deed_as_a_gerund_reports_no_claim(nlp: Language) -> None:
    assert extract(nlp, "The militia denied shelling the market.") == []


@pytest.mark.parametrize(
    "text",
    [
        "They said the raid was revenge for the shelling and warned that more bases would be hit.",
        "The rebels said the convoy was a legitimate target and warned that roads would be mined.",
    ],
)
def test_a_subjectless_report_after_and_parsed_as_a_second_clause_is_the_reporter_s(
    nlp: Language, text: str
) -> None:
    first, second = extract(nlp, "The Northern Liberation Front claimed the attack. " + text)
    assert first.cue == "said" and " and warned" not in first.quote
    assert second.cue == "warned" and second.speaker == first.speaker is not None


def test_the_mission_is_the_body_named_before_it(nlp: Language) -> None:
    text = (
        "The Joint Truce Force in Valoria (JTFV) said it was alarmed by the shelling near the border. "
        "The mission added that it had contacted both sides to urge restraint."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Joint Truce Force in Valoria"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The militia's Radio Sawtna said the drone had hit a school.", "Radio Sawtna"),
        ("Valoria's Air Force said the drone had hit a school.", "Valoria's Air Force"),
    ],
)
def test_a_name_owned_by_a_common_noun_is_the_name_alone(nlp: Language, text: str, speaker: str) -> None:
    assert only(extract(nlp, text)).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        (
            "Abdikarim Yusuf Farah, the police chief of Baidoa, told reporters that six guards were killed.",
            "Abdikarim Yusuf Farah",
            "police chief of Baidoa",
        ),
        (
            "Prosecutor Ana Maria Ruiz said the case against the colonel was closed.",
            "Ana Maria Ruiz",
            "Prosecutor",
        ),
        (
            "Ombudsman Marta Lucia Ospino wrote on X that her office had received reports of abuse.",
            "Marta Lucia Ospino",
            "Ombudsman",
        ),
    ],
)
def test_a_first_name_the_model_left_outside_the_name_is_part_of_it(
    nlp: Language, text: str, speaker: str, title: str
) -> None:
    s = only(extract(nlp, text))
    assert (s.speaker, s.speaker_title) == (speaker, title)


def test_an_unnamed_post_holder_is_the_person_a_later_relative_clause_gives_the_post(nlp: Language) -> None:
    text = (
        "Drones hit a bus depot overnight, the mayor of the port city said on Friday. "
        "Later, Lina Berg, who was elected mayor of the city in 2022, said the depot was empty."
    )
    first, second = extract(nlp, text)
    assert first.speaker == second.speaker == "Lina Berg" and not first.anonymous
    assert second.speaker_title == "mayor of the city"


def test_a_relative_clause_giving_another_post_names_no_unnamed_source(nlp: Language) -> None:
    text = (
        "The mayor of Kherson said drones hit a depot. "
        "Olga Ivanova, who is a nurse at the hospital, said six were hurt."
    )
    first, second = extract(nlp, text)
    assert first.speaker is None and first.anonymous and second.speaker == "Olga Ivanova"


def test_according_to_after_a_participle_clause_tells_the_whole_sentence(nlp: Language) -> None:
    text = (
        "The air force has carried out more than 400 strikes since the truce collapsed in March, "
        "killing over 900 civilians, according to the monitoring group Valoria Strike Watch."
    )
    s = only(extract(nlp, text))
    assert s.speaker == "Valoria Strike Watch" and s.cue == "according to"
    assert s.quote.startswith("The air force has carried out") and s.quote.endswith(
        "killing over 900 civilians"
    )
