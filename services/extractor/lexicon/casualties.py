"""Word lists for a strike's toll: the words of killing and wounding, and amounts told in words.

General news English; numbers written as words are read by `services/extractor/text/numbers.py`.
"""

from __future__ import annotations

# Lemmas that tell deaths and injuries: "killed", "the dead", "wounded".
KILL_LEMMAS = frozenset({"kill", "die", "dead", "death"})
INJURE_LEMMAS = frozenset({"wound", "injure", "hurt", "wounded", "injured"})
# Verbs (lemmas) of a strike's harm: "five were killed on Monday after jets bombed their home".
HARM_VERBS = frozenset("kill wound injure destroy damage eliminate target hit".split())
# Verbs of a strike that was sent for someone: "killed a senior commander in an airstrike".
KILL_VERBS = frozenset({"kill", "eliminate", "assassinate"})
# The least a vague amount can mean: "dozens" is at least two dozen.
VAGUE_AMOUNTS = {
    "a small number": 1, "a handful": 1, "several": 2, "a few": 2, "dozens": 24, "scores": 40,
    "hundreds": 200, "thousands": 2000, "many": 2,
}  # fmt: skip
# Words before a number that bound it: "at least 17", "up to 40", "about 30".
LOWER_BOUNDS = ("at least", "more than", "over", "no fewer than", "upwards of", "in excess of")
# Of those, the bounds that exclude the number: "more than 17" is at least 18.
EXCLUSIVE_BOUNDS = frozenset({"more than", "over", "in excess of", "upwards of"})
UPPER_BOUNDS = ("up to", "as many as", "nearly", "almost", "fewer than", "less than", "no more than")
APPROXIMATIONS = ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated")
