"""Word lists for who struck: the nouns of armed forces, of people who are not a state, and pronouns.

General news English about armed conflict, gathered while writing the strike rules against the
labelled corpora. Names of states, groups and leaders are not here: they are in `gazetteer.json`.
"""

from __future__ import annotations

PRONOUNS = frozenset({"it", "its", "they", "their", "them", "he", "his", "she", "her"})
PERSONAL_PRONOUNS = frozenset({"he", "his", "she", "her"})
# Nouns that stand for a state's forces once the state has been named ("the military said it struck").
FORCE_NOUNS = frozenset({
    "military", "army", "regime", "government", "coalition", "forces", "force", "troops", "aircraft", "jets",
    "jet", "warplanes", "warplane", "planes", "plane", "ministry", "navy", "drones", "helicopters", "bombers",
    "administration", "authorities", "artillery", "fighters", "units", "junta",
})  # fmt: skip
# Force nouns that still name the forces when they modify: "military airstrikes", "army helicopters".
FORCE_MODIFIERS = frozenset({"military", "army", "regime", "government", "junta", "navy", "force"})
# A demonym before these names people of that nationality, not the state: "Syrian rebels" are not Syria.
NON_STATE_HEADS = frozenset({
    "rebel", "rebels", "opposition", "militant", "militants", "insurgent", "insurgents", "civilian",
    "civilians", "people", "villager", "villagers", "resident", "residents", "separatist", "separatists",
    "militia", "militias", "activist", "activists", "protester", "protesters", "volunteer", "volunteers",
    "jihadist", "jihadists", "group", "refugees", "children", "journalist", "journalists", "man", "woman",
    "men", "women", "citizens", "cleric",
})  # fmt: skip
# Armed groups named only by what they are ("the rebels fired a missile"): someone, but no state.
UNNAMED_ATTACKERS = frozenset({
    "rebel", "rebels", "militant", "militants", "insurgent", "insurgents", "separatist", "separatists",
    "militia", "militias", "jihadist", "jihadists", "gunmen", "guerrillas", "extremists", "terrorists",
})  # fmt: skip
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
# What a source publishes: "according to a tally by X", "according to X's figures" are X's word.
DOCUMENTS = frozenset(
    "tally count report reports statement statements figures figure estimate estimates data toll "
    "survey record records analysis review database".split()
)
