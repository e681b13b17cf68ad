import pytest
from spacy.language import Language

from services.extractor.strikes.casualties import Amount, find_casualties, parse_amount
from services.extractor.text.numbers import number_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 17", Amount("at least 17", 17, None)),
        ("between 160 and 200", Amount("between 160 and 200", 160, 200)),
        ("a small number", Amount("a small number", 1, None)),
        ("dozens", Amount("dozens", 24, None)),
        ("more than 40", Amount("more than 40", 41, None)),
        ("up to 12", Amount("up to 12", None, 12)),
        ("about 30", Amount("about 30", None, None)),
        ("1,250", Amount("1,250", 1250, 1250)),
        ("twenty-two", Amount("twenty-two", 22, 22)),
    ],
)
def test_parse_amount(text: str, expected: Amount) -> None:
    assert parse_amount(text) == expected


def test_number_words() -> None:
    assert number_value("Sixty-one") == 61
    assert number_value("nine") == 9
    assert number_value("a lot") is None


def test_killed_with_a_lower_bound(nlp: Language) -> None:
    casualties = find_casualties(
        nlp("Shells hit the village, killing at least 17 farmers, officials said.")[:]
    )
    assert casualties is not None
    assert (casualties.killed, casualties.killed_min, casualties.killed_max) == ("at least 17", 17, None)
    assert casualties.who == "farmers"


def test_passive_range(nlp: Language) -> None:
    casualties = find_casualties(nlp("Between 160 and 200 people were killed in the bombardment.")[:])
    assert casualties is not None
    assert (casualties.killed_min, casualties.killed_max) == (160, 200)


def test_vague_amount_with_its_people(nlp: Language) -> None:
    casualties = find_casualties(
        nlp("Medics said a small number of border guards were killed in the raid.")[:]
    )
    assert casualties is not None
    assert casualties.killed == "a small number"
    assert casualties.killed_min == 1
    assert casualties.who == "border guards"


def test_wounded_left_by_a_strike(nlp: Language) -> None:
    casualties = find_casualties(nlp("The blast left 40 people wounded.")[:])
    assert casualties is not None
    assert casualties.killed is None
    assert casualties.injured == "40"


def test_killed_and_injured_in_one_sentence(nlp: Language) -> None:
    casualties = find_casualties(nlp("The shelling killed four soldiers and wounded 9 civilians.")[:])
    assert casualties is not None
    assert casualties.killed == "four"
    assert casualties.injured == "9"


def test_named_victim(nlp: Language) -> None:
    casualties = find_casualties(nlp("Commander Rahimi and two aides were killed in the drone strike.")[:])
    assert casualties is not None
    assert casualties.killed_min == 3


@pytest.mark.parametrize(
    "text",
    ["A shepherd was killed when the shell hit his hut.", "The drone strike killed a local militia leader."],
)
def test_one_victim_told_with_an_article(nlp: Language, text: str) -> None:
    casualties = find_casualties(nlp(text)[:])
    assert casualties is not None
    assert (casualties.killed_min, casualties.killed_max) == (1, 1)


def test_a_group_counted_by_its_of_phrase(nlp: Language) -> None:
    casualties = find_casualties(nlp("A family of seven was killed when the bomb hit their home.")[:])
    assert casualties is not None and casualties.killed_min == 7


def test_no_casualties(nlp: Language) -> None:
    assert find_casualties(nlp("The jets struck an empty warehouse near the port.")[:]) is None
