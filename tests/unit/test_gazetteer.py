import pytest

from services.extractor.strikes.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def canonical(gazetteer: Gazetteer, text: str) -> list[str]:
    return [m.alias.canonical for m in gazetteer.find(text)]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Moscow said", "Russia"),
        ("the Russians said", "Russia"),
        ("Russian aircraft", "Russia"),
        ("the Kremlin", "Russia"),
        ("the Russian Federation", "Russia"),
        ("Assad's forces", "Syria"),
        ("the Syrian regime", "Syria"),
        ("the IDF said", "Israel"),
        ("Iran's Revolutionary Guards", "Iran"),
        ("Ankara", "Turkey"),
        ("Britain", "United Kingdom"),
        ("Pyongyang", "North Korea"),
        ("the U.S.-led coalition", "US-led coalition"),
        ("the Saudi-led coalition", "Saudi-led coalition"),
        ("the Arab coalition", "Saudi-led coalition"),
    ],
)
def test_states_alliances_and_institutions(gazetteer: Gazetteer, text: str, actor: str) -> None:
    assert canonical(gazetteer, text)[0] == actor


@pytest.mark.parametrize("alias", ["ISIL", "ISIS", "Islamic State", "IS", "Daesh"])
def test_group_aliases_share_one_name(gazetteer: Gazetteer, alias: str) -> None:
    assert canonical(gazetteer, f"fighters of {alias} retreated") == ["Islamic State"]


def test_short_names_come_from_pycountry(gazetteer: Gazetteer) -> None:
    # Every state pycountry knows, under its everyday short name.
    assert gazetteer.country_named("Syrian Arab Republic") == "Syria"
    assert gazetteer.country_named("Iran, Islamic Republic of") == "Iran"
    assert gazetteer.country_named("Mozambique") == "Mozambique"
    assert gazetteer.country_named("State of Palestine") == "Palestine"


def test_hyphenated_descriptions_are_not_actors(gazetteer: Gazetteer) -> None:
    assert canonical(gazetteer, "US-backed rebels and Iranian-made drones") == []


def test_lowercase_us_is_not_the_united_states(gazetteer: Gazetteer) -> None:
    assert canonical(gazetteer, "they told us") == []


@pytest.mark.parametrize(
    ("place", "country"),
    [
        ("Aleppo", "Syria"),
        ("Kharkiv", "Ukraine"),
        ("Mosul", "Iraq"),
        ("Hodeidah province", "Yemen"),
        ("Khan Younis", "Palestine"),
        ("Damascus", "Syria"),
        ("Lebanon", "Lebanon"),
    ],
)
def test_places_to_countries(gazetteer: Gazetteer, place: str, country: str) -> None:
    assert gazetteer.country_of_place(place) == country


def test_unknown_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.country_of_place("Nowhereville") is None


def test_a_town_name_several_countries_have(gazetteer: Gazetteer) -> None:
    # "Gao" is a town in Mali and in Burkina Faso, and one of Guantánamo's names
    assert {"Mali", "Burkina Faso"} <= set(gazetteer.countries_of_place("Gao"))
    assert gazetteer.countries_of_place("Erbil")[0] == "Iraq"
    assert gazetteer.countries_of_place("Nowhereville") == []


def test_names_two_states_share(gazetteer: Gazetteer) -> None:
    assert gazetteer.sharing("Congo") == ["DR Congo", "Republic of the Congo"]
    assert gazetteer.sharing("Iraq") == []
