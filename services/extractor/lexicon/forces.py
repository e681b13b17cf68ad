"""Word lists for who struck: the nouns of armed forces, of people who are not a state, and pronouns.

General news English about armed conflict, gathered while writing the strike rules against the
labelled corpora. Names of states, groups and leaders are not here: they are in `gazetteer.json`.
"""

from __future__ import annotations

PRONOUNS = frozenset({"it", "its", "they", "their", "them", "he", "his", "she", "her"})
PERSONAL_PRONOUNS = frozenset({"he", "his", "she", "her"})
# Nouns (lemmas) that stand for a state's forces once the state has been named ("the military said it
# struck").
FORCE_NOUNS = frozenset(
    "military army regime government coalition force troop aircraft jet warplane plane ministry navy drone "
    "helicopter bomber administration authority artillery fighter unit junta".split()
)
# Force nouns that still name the forces when they modify: "military airstrikes", "army helicopters".
FORCE_MODIFIERS = frozenset(
    {"military", "army", "regime", "government", "junta", "navy", "force", "coalition"}
)
# Nouns (lemmas): a demonym before these names people of that nationality, not the state: "Syrian rebels"
# are not Syria.
NON_STATE_HEADS = frozenset(
    "rebel opposition militant insurgent civilian people villager resident separatist militia activist "
    "protester volunteer jihadist group refugee child journalist man woman citizen cleric".split()
)
# Armed groups named only by what they are ("the rebels fired a missile"): someone, but no state.
UNNAMED_ATTACKERS = frozenset(
    "rebel militant insurgent separatist militia jihadist gunman guerrilla extremist terrorist".split()
)
# Nouns that stand for the armed group a story has named: "the group", "the rebels".
GROUP_NOUNS = frozenset({"group", "rebels", "militants", "militia"})
# The last word of an armed group's own name: "the Mandalay People's Defence Force", "the Arakan Army".
ARMED_GROUP_HEADS = frozenset(
    {"force", "forces", "army", "front", "brigade", "brigades", "militia", "battalion", "guard"}
)
FORCE_WORDS = ARMED_GROUP_HEADS | {"resistance"}  # also inside a name: "the Islamic Resistance in Iraq"
# Verbs (lemmas) whose object is the side struck, so a name there is no attacker.
TARGET_HEADS = frozenset(
    {"hit", "strike", "target", "bomb", "kill", "fight", "attack", "intercept", "destroy", "shell"}
)
# What a source publishes (lemmas): "according to a tally by X", "according to X's figures" are X's word.
DOCUMENTS = frozenset(
    "tally count report statement figure estimate data toll survey record analysis review database".split()
)
# Nouns (lemmas) of an armed force that tells of strikes: a force that reports strikes and names no other
# attacker tells of its own ("Strikes were also carried out in Syria, the force said"). Not "government"
# or "ministry", which report the strikes they suffer as often as those they make.
ARMED_TELLERS = frozenset("military army force troop navy junta guard command".split())
# Verbs (lemmas) by which a force owns a strike told as its object: "the armed forces confirmed the strikes".
ADMISSION_VERBS = frozenset({"confirm", "acknowledge", "admit"})
