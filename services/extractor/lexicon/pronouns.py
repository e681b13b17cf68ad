"""Pronouns and the words that tell "he" from "she".

Lower case, matched against `token.lower_` (pronouns) or the words of a title.
"""

from __future__ import annotations

# Source: English grammar.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Source: English grammar.
MALE_PRONOUNS = frozenset({"he", "him"})
# Titles and relations that tell "he" from "she".
# Source: hand-compiled for this project from news English.
MALE_WORDS = frozenset(
    "mr brother father son husband uncle nephew spokesman chairman congressman king prince man sheikh".split()
)
# Source: hand-compiled for this project from news English.
FEMALE_WORDS = frozenset(
    "mrs ms miss sister mother daughter wife aunt niece spokeswoman chairwoman congresswoman queen princess "
    "woman".split()
)
# Source: English grammar.
THING_PRONOUNS = frozenset({"it", "they", "them"})
# Relativisers that may be the subject of a relative reporting verb: "X, which officials allege is Y".
# Source: English grammar.
RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})
