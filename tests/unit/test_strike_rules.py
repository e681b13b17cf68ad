"""Each named strike rule on its own, on sentences written for these tests (not corpus text)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Token

from schemas.records import Location
from services.extractor.strikes import assertion, fresh, provenance, scope, tellers, triggers, when
from services.extractor.strikes.actors import ActorResolver
from services.extractor.strikes.gazetteer import load_gazetteer
from services.extractor.strikes.sources import actor_sources
from services.extractor.strikes.syntax import forms, kind_from_words, words_before
from services.extractor.text.numbers import number_value

SATURDAY = date(2021, 5, 15)


def token(nlp: Language, text: str, word: str) -> Token:
    """The first token of `text` written `word`."""
    return next(t for t in nlp(text) if t.text == word)


def word(nlp: Language, text: str, trigger: str) -> triggers.Word:
    found = token(nlp, text, trigger)
    return triggers.Word(found, found.lemma_.lower(), words_before(found))


# Noun rules


def test_not_military(nlp: Language) -> None:
    assert triggers.not_military(word(nlp, "Teachers began a hunger strike on Monday.", "strike")) == (
        False,
        None,
    )
    assert triggers.not_military(word(nlp, "The strike destroyed a bridge.", "strike")) is None


def test_airstrike_word(nlp: Language) -> None:
    assert triggers.airstrike_word(word(nlp, "Airstrikes hit the port.", "Airstrikes")) == (True, "airstrike")
    assert triggers.airstrike_word(word(nlp, "The raid hit the port.", "raid")) is None


def test_strike_noun(nlp: Language) -> None:
    assert triggers.strike_noun(word(nlp, "The shelling went on all night.", "shelling")) == (
        True,
        "artillery",
    )
    assert triggers.strike_noun(word(nlp, "A drone strike hit a car.", "strike")) == (True, "drone strike")
    assert triggers.strike_noun(word(nlp, "A strike hit a car.", "strike")) == (True, None)
    assert triggers.strike_noun(word(nlp, "A drone attack hit a car.", "attack")) is None


def test_qualified_noun(nlp: Language) -> None:
    assert triggers.qualified_noun(word(nlp, "A drone attack hit a car.", "attack")) == (True, "drone strike")
    assert triggers.qualified_noun(word(nlp, "The attack shocked the town.", "attack")) == (False, None)
    opened = word(nlp, "Soldiers opened fire with mortars on the village.", "fire")
    assert triggers.qualified_noun(opened) == (True, "artillery")


def test_chemical_weapon_used(nlp: Language) -> None:
    used = word(nlp, "The army used chemical weapons against the town.", "weapons")
    assert triggers.chemical_weapon_used(used) == (True, "chemical")
    assert triggers.chemical_weapon_used(word(nlp, "The army sold weapons to the town.", "weapons")) is None


def test_fired_projectile(nlp: Language) -> None:
    fired = word(nlp, "The rebels fired rockets at the town.", "rockets")
    assert triggers.fired_projectile(fired) == (True, "missile")
    stored = word(nlp, "The rockets were stored in a barn.", "rockets")
    assert triggers.fired_projectile(stored) is None


def test_weapon_used_and_hit(nlp: Language) -> None:
    assert triggers.weapon_used(token(nlp, "The navy launched a missile at the ship.", "missile"))
    assert triggers.weapon_used(token(nlp, "They used drones to hit a camp.", "drones"))
    assert not triggers.weapon_used(token(nlp, "The museum shows an old missile.", "missile"))


# Verb rules


def deed(nlp: Language, text: str, verb: str) -> triggers.Deed:
    found = token(nlp, text, verb)
    return triggers.deed_of(found, found.lemma_.lower(), words_before(found))


def test_figurative(nlp: Language) -> None:
    assert triggers.figurative(deed(nlp, "The two sides struck a deal on Monday.", "struck")) == (False, None)
    assert triggers.figurative(deed(nlp, "Jets struck a depot on Monday.", "struck")) is None


def test_bombed(nlp: Language) -> None:
    assert triggers.bombed(deed(nlp, "Helicopters bombed the market.", "bombed")) == (True, "airstrike")
    assert triggers.bombed(deed(nlp, "Jets struck the market.", "struck")) is None


def test_shelled(nlp: Language) -> None:
    assert triggers.shelled(deed(nlp, "Troops shelled the village.", "shelled")) == (True, "artillery")


def test_pounded(nlp: Language) -> None:
    assert triggers.pounded(deed(nlp, "Warplanes pounded the town.", "pounded")) == (True, "airstrike")
    assert triggers.pounded(deed(nlp, "The army pounded the town with artillery.", "pounded")) == (
        True,
        "artillery",
    )


def test_struck_back(nlp: Language) -> None:
    assert triggers.struck_back(deed(nlp, "The army hit back at the rebels.", "hit")) == (True, None)
    assert triggers.struck_back(deed(nlp, "The army hit the rebels.", "hit")) is None


def test_struck(nlp: Language) -> None:
    assert triggers.struck(deed(nlp, "Israeli jets struck a depot.", "struck")) == (True, "airstrike")
    assert triggers.struck(deed(nlp, "The army struck the depot with drones.", "struck")) == (
        True,
        "drone strike",
    )
    assert triggers.struck(deed(nlp, "Shares hit a record.", "hit"))[0] is False


def test_fired_on(nlp: Language) -> None:
    assert triggers.fired_on(deed(nlp, "Warplanes fired on the convoy.", "fired")) == (True, "airstrike")
    assert triggers.fired_on(deed(nlp, "The company fired on Monday its chief.", "fired")) is None


def test_trigger_kind_reads_its_table(nlp: Language) -> None:
    assert triggers.trigger_kind(token(nlp, "Russian warplanes bombed a hospital.", "bombed")) == (
        True,
        "airstrike",
    )
    assert triggers.trigger_kind(token(nlp, "The hospital was full.", "hospital")) == (False, None)


# Words by lemma


def test_forms_match_inflections_by_lemma(nlp: Language) -> None:
    assert "drone" in forms(nlp("drones"))
    assert kind_from_words(forms(nlp("helicopters"))) == "airstrike"
    assert kind_from_words({"anti", "tank", "missile"}) == "missile"


# Assertion rules


def test_asked(nlp: Language) -> None:
    assert assertion.asked(token(nlp, "Did jets strike the town?", "strike")) is False
    assert assertion.asked(token(nlp, "Jets struck the town.", "struck")) is None


def test_not_a_strike_told(nlp: Language) -> None:
    assert assertion.is_test(token(nlp, "The navy fired a missile into the sea.", "missile"))
    assert assertion.struck_weapon(token(nlp, "Jets struck two missiles on their launchers.", "missiles"))
    assert not assertion.struck_weapon(token(nlp, "Defences destroyed two missiles.", "missiles"))
    assert assertion.not_a_strike_told(token(nlp, "Jets struck the town.", "struck")) is None


def test_none_of_them(nlp: Language) -> None:
    assert assertion.none_of_them(token(nlp, "There were no airstrikes on Monday.", "airstrikes")) is False


def test_conditional(nlp: Language) -> None:
    assert assertion.conditional(token(nlp, "If jets strike the dam, the valley floods.", "strike")) is False


def test_unreal(nlp: Language) -> None:
    assert assertion.unreal(token(nlp, "The planned strike was announced.", "strike")) is False


def test_happened_before(nlp: Language) -> None:
    text = "The army vowed to review its rules after the air raid."
    assert assertion.happened_before(token(nlp, text, "raid")) is True
    assert assertion.happened_before(token(nlp, "The air raid killed eight.", "raid")) is None


def test_intended(nlp: Language) -> None:
    assert assertion.intended(token(nlp, "The army threatened to bomb the bridge.", "bomb")) is False
    assert assertion.intended(token(nlp, "The army bombed the bridge.", "bombed")) is None


def test_denied(nlp: Language) -> None:
    assert assertion.denied(token(nlp, "The army denied bombing the bridge.", "bombing")) is False


def test_modal(nlp: Language) -> None:
    assert assertion.modal(token(nlp, "Jets would strike the bridge.", "strike")) is False


def test_negated(nlp: Language) -> None:
    assert assertion.negated(token(nlp, "Jets did not bomb the bridge.", "bomb")) is False
    assert assertion.negated(token(nlp, "The strikes did not hit the bridge.", "strikes")) is None


# Date rules


def test_date_expressions(nlp: Language) -> None:
    sent = next(nlp("The following day, jets hit the town overnight, and hours later drones came.").sents)
    assert [s.text for s in when.relative_days(sent)] == ["The following day"]
    # a day word counts once, whether the tagger saw it as a date or not
    assert [s.text for s in when.tagged_dates(sent) + when.day_words(sent)] == ["overnight"]
    assert [s.text for s in when.hours_later(sent)] == ["hours later"]


def test_reports_day_is_not_the_strikes(nlp: Language) -> None:
    text = "Jets struck the depot, the ministry said on Friday."
    assert when.mention_date(token(nlp, text, "struck"), SATURDAY) is None
    assert (
        when.mention_date(token(nlp, "Jets struck the depot on Friday.", "struck"), SATURDAY) == "2021-05-14"
    )


def test_earlier_event_day_is_not_the_strikes(nlp: Language) -> None:
    doc = nlp("The bombing followed an attack on Thursday.")
    bombing, followed, thursday = doc[1], doc[2], doc[6:7]
    telling = when._telling(bombing, SATURDAY, None, [])
    assert when.earlier_event_day(when.Placed(thursday, followed, opening=False, vague=False), telling)
    assert not when.earlier_event_day(when.Placed(thursday, doc[4], opening=False, vague=False), telling)


def test_shifted_date(nlp: Language) -> None:
    text = "Jets struck the port on Friday, two days after drones hit the airport."
    assert when.mention_date(token(nlp, text, "hit"), SATURDAY) == "2021-05-12"


def test_same_subject_deeds(nlp: Language) -> None:
    text = "The army launched strikes on the town and shelled the hills on Friday."
    assert when.mention_date(token(nlp, text, "strikes"), SATURDAY) == "2021-05-14"


# Numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nine", 9),
        ("sixty-one", 61),
        ("1,199", 1199),
        ("a dozen", 12),
        ("a hundred", 100),
        ("hundreds", None),
    ],
)
def test_number_value(text: str, value: int | None) -> None:
    assert number_value(text) == value


# Fresh or background: which strikes take the report's day


def test_background_strikes(nlp: Language) -> None:
    assert fresh.is_background(token(nlp, "Jets had struck the camp before the truce.", "struck"), SATURDAY)
    text = "Jets struck the port on Friday in response to the strike on the base."
    assert fresh.is_background(token(nlp, text, "strike"), SATURDAY)
    assert fresh.is_background(token(nlp, "He was killed in a drone strike in 2019.", "strike"), SATURDAY)
    assert not fresh.is_background(token(nlp, "Jets have struck the camp.", "struck"), SATURDAY)


def test_report_day(nlp: Language) -> None:
    text = "Missiles have been launched at two bases, officials confirmed Thursday night."
    assert fresh.report_day(token(nlp, text, "Missiles"), SATURDAY) == "2021-05-13"
    assert fresh.report_day(token(nlp, "Missiles hit two bases on Thursday.", "Missiles"), SATURDAY) is None


# Actors from the article's context


def test_actor_rule_names_the_kind_of_source(nlp: Language) -> None:
    doc = nlp("Turkish jets struck the camp. The camp was struck by Iran. Syrian strikes hit the town.")
    resolver = ActorResolver(doc, load_gazetteer())
    for word_, actor, rule in (("struck", "Turkey", "agent"), ("strikes", "Syria", "modifier")):
        trigger = next(t for t in doc if t.text == word_)
        assert provenance.actor_and_rule(resolver, actor_sources(trigger), trigger) == (actor, rule)
    passive = [t for t in doc if t.text == "struck"][1]
    assert provenance.actor_and_rule(resolver, actor_sources(passive), passive) == ("Iran", "by-phrase")


def test_led_alliance(nlp: Language) -> None:
    doc = nlp("US-led airstrikes hit the town. The coalition aircraft also bombed a bridge.")
    resolver = ActorResolver(doc, load_gazetteer())
    assert resolver.actor_in(doc[0:4]) == "US-led coalition"
    bombed = next(t for t in doc if t.text == "bombed")
    assert resolver.actor_of(actor_sources(bombed)) == "US-led coalition"


def test_armed_teller(nlp: Language) -> None:
    doc = nlp("Strikes were carried out against camps in Syria, the Iranian army said.")
    resolver = ActorResolver(doc, load_gazetteer())
    assert tellers.teller_actor(doc[0], resolver, Location(country="Syria")) == "Iran"
    # an army tells of the strikes on its own country too
    assert tellers.teller_actor(doc[0], resolver, Location(country="Iran")) is None
    admitted = nlp("The Malian armed forces confirmed the strikes.")
    resolver = ActorResolver(admitted, load_gazetteer())
    strikes = next(t for t in admitted if t.text == "strikes")
    assert tellers.teller_actor(strikes, resolver, Location(country="Mali")) == "Mali"
    ministry = nlp("Strikes hit the camp, the ministry said.")
    assert tellers.teller_actor(ministry[0], ActorResolver(ministry, load_gazetteer()), Location()) is None


# Places


def test_relative_clause_of_another_deed_is_no_place(nlp: Language) -> None:
    doc = nlp("Jets struck plants that make the missiles Iran fired at Israel.")
    struck = next(t for t in doc if t.text == "struck")
    outside = scope.others_relative_clauses(struck, struck)
    assert {doc[i].text for i in outside} >= {"Iran", "fired", "Israel"}
    passive = nlp("Guns shelled the area from which the rocket was launched, near Kfar Kila.")
    shelled = next(t for t in passive if t.text == "shelled")
    assert not scope.others_relative_clauses(shelled, shelled)


def test_passive_agent_of_the_strike_word(nlp: Language) -> None:
    doc = nlp("The rockets were fired by Russian forces.")
    resolver = ActorResolver(doc, load_gazetteer())
    rockets = next(t for t in doc if t.text == "rockets")
    assert provenance.actor_and_rule(resolver, actor_sources(rockets), rockets) == ("Russia", "by-phrase")


def test_reported_speech_shifts_the_tense_back(nlp: Language) -> None:
    # "the army said its jets had bombed" is the army's "our jets bombed": news, not background
    text = "The army said Thursday its warplanes had bombed a camp."
    assert not fresh.is_background(token(nlp, text, "bombed"), SATURDAY)
    assert not fresh.is_background(token(nlp, "The army said jets had struck the camp.", "struck"), SATURDAY)


def test_a_strike_another_event_follows_is_background(nlp: Language) -> None:
    text = "The operation follows a drone strike on Monday."
    assert fresh.is_background(token(nlp, text, "strike"), SATURDAY)
