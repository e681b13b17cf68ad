"""Speakers across an article (issue 14): a name alone, a role, a pronoun, each back to the person
the article introduced, on sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from services.extractor.statements.extract import extract_statements


def speakers(nlp: Language, text: str) -> list[str | None]:
    return [s.speaker for s in extract_statements(nlp(text))]


def test_a_family_name_first_joins_the_full_name_before_it(nlp: Language) -> None:
    text = (
        "The attack was deliberate, Maj. Gen. Park Min-jun of the Joint Staff said.\n\n"
        "Park confirmed that three soldiers were wounded in the shelling.\n\n"
        "The shelling stopped at noon, according to Col. Park Ji-ho, a staff spokesman."
    )
    assert speakers(nlp, text) == ["Park Min-jun", "Park Min-jun", "Park Ji-ho"]


def test_a_first_name_alone_joins_the_full_name_before_it(nlp: Language) -> None:
    text = (
        "Dr. Almaz Tesfaye, who runs the district clinic, said 12 patients had been admitted.\n\n"
        "“We have no more beds,” Dr. Almaz said."
    )
    assert speakers(nlp, text) == ["Almaz Tesfaye", "Almaz Tesfaye"]


def test_the_rank_spelled_out_is_the_officer_with_its_abbreviation(nlp: Language) -> None:
    text = (
        "Brig. Gen. Omar Qasim said the convoy had been hit twice by drones.\n\n"
        "“We returned fire at once,” the general said in a briefing."
    )
    assert speakers(nlp, text) == ["Omar Qasim", "Omar Qasim"]


def test_a_name_with_its_description_before_the_verb_speaks(nlp: Language) -> None:
    text = (
        "Three more shells hit the town, including one that struck a school, Tomas Varga, "
        "a senior regional official, said."
    )
    assert speakers(nlp, text) == ["Tomas Varga"]


def test_a_person_apposed_to_the_body_a_role_serves_holds_the_role(nlp: Language) -> None:
    text = "The head of the Red Crescent, Omar Saleh, said the convoy had been turned back."
    assert speakers(nlp, text) == ["Omar Saleh"]


def test_an_acronym_is_the_name_it_stands_for(nlp: Language) -> None:
    text = (
        "A spokesman for the Northern Valley Defence Front (NVDF) said its fighters held the pass.\n\n"
        "The NVDF says more than 40 of its men were killed last week."
    )
    assert speakers(nlp, text)[-1] == "Northern Valley Defence Front"


def test_a_hyphenated_description_before_an_outlet_is_no_part_of_its_name(nlp: Language) -> None:
    text = "The pro-government Valleynet website said the number of dead had risen to 12."
    assert speakers(nlp, text) == ["Valleynet"]


def test_a_report_of_someone_saying_is_their_statement(nlp: Language) -> None:
    text = (
        "Provincial officials described heavy damage.\n\n"
        "State radio later reported Governor Ilse Brandt saying, “Four villages were shelled and "
        "two bridges are gone.”"
    )
    assert speakers(nlp, text)[-1] == "Ilse Brandt"


def test_someone_who_had_been_writing_is_no_report(nlp: Language) -> None:
    text = "A teacher said she had been writing on the blackboard when the first shell fell."
    assert len(extract_statements(nlp(text))) == 1


def test_a_category_noun_described_by_adjectives_is_the_body_named_before(nlp: Language) -> None:
    text = (
        "The Valley Liberation Army said its fighters had taken the pass.\n\n"
        "In 2019, the separatist armed group said the dam attack was retaliation for the raids."
    )
    assert speakers(nlp, text)[-1] == "Valley Liberation Army"


def test_the_first_word_of_a_body_s_name_alone_is_that_body(nlp: Language) -> None:
    text = (
        "Oxfam International said aid convoys had been blocked for a week.\n\n"
        "“Children are starving in the camps,” Oxfam said."
    )
    assert speakers(nlp, text) == ["Oxfam International", "Oxfam International"]


def test_a_name_keeps_no_bracket_it_does_not_close(nlp: Language) -> None:
    text = (
        "The National Council for the Defence of the Republic (NCDR) said the army had repelled "
        "an attack on the garrison."
    )
    assert "(" not in (speakers(nlp, text)[0] or "")


def test_a_statement_qualified_by_a_nationality_speaks_for_the_country_named(nlp: Language) -> None:
    text = (
        "Iran shelled the border post on Monday.\n\n"
        "An Iranian statement said its artillery had fired only at military positions."
    )
    assert speakers(nlp, text)[-1] == "Iran"


def test_both_sides_are_an_unnamed_source(nlp: Language) -> None:
    statement = extract_statements(nlp("Fighting resumed near the river on Friday, both sides said."))[0]
    assert (statement.speaker, statement.speaker_title, statement.anonymous) == (None, "both sides", True)


def test_a_quote_opening_a_paragraph_belongs_to_that_paragraph_s_speaker(nlp: Language) -> None:
    text = (
        "Mayor Piet de Vries said the town was calm on Sunday.\n\n"
        "“We lost everything in one night.” Amina Yusuf, a farmer, said she fled with her children."
    )
    assert speakers(nlp, text) == ["Piet de Vries", "Amina Yusuf", "Amina Yusuf"]


def test_a_quote_opening_a_paragraph_without_a_speaker_goes_on_from_the_last(nlp: Language) -> None:
    text = (
        "“The shelling lasted all night,” Mayor Piet de Vries said.\n\n"
        "“Nobody in the town slept, and the school is gone.”"
    )
    assert speakers(nlp, text) == ["Piet de Vries", "Piet de Vries"]


def test_he_is_the_latest_man_mentioned_in_the_paragraph(nlp: Language) -> None:
    text = (
        "Dr. Hana Berg, who runs the clinic, said supplies had run out.\n\n"
        "Karim Nasser, a driver, was at the gate when the shell landed. He said the blast threw him "
        "against the wall."
    )
    assert speakers(nlp, text) == ["Hana Berg", "Karim Nasser"]


def test_an_unnamed_source_in_the_lead_is_the_one_person_named_later_so(nlp: Language) -> None:
    text = (
        "Shells hit the market on Friday, killing at least 20 people, a provincial official said.\n\n"
        "The hospital was also hit, Jonas Berg, a senior provincial official, said."
    )
    assert speakers(nlp, text) == ["Jonas Berg", "Jonas Berg"]


def test_an_unnamed_source_matching_two_named_people_stays_unnamed(nlp: Language) -> None:
    text = (
        "Shells hit the market on Friday, a provincial official said.\n\n"
        "The hospital was hit, Jonas Berg, a provincial official, said. Lena Holm, another provincial "
        "official, said the road was closed."
    )
    assert speakers(nlp, text)[0] is None
