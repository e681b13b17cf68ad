"""Function words that open, link or place the phrases statement rules read.

Lower case, matched against `token.lower_` (function words do not inflect).
"""

from __future__ import annotations

# Connectives the writer opens a sentence with, not part of what a source reports:
# "Meanwhile, the rebels shelled the port, officials said". Source: hand-compiled from news English.
CONNECTIVES = frozenset(
    (
        "additionally also besides elsewhere furthermore however meanwhile moreover nevertheless "
        "nonetheless separately similarly still"
    ).split()
)

# Relativisers and complementisers that open a reported clause without being part of it.
# Source: English grammar.
CLAUSE_OPENERS = frozenset({"that", "which", "what", "who", "whom"})

# Words that open a question, not a claim: "declined to say whether ...". Source: English grammar.
QUESTION_WORDS = frozenset({"whether", "what", "how", "why", "where", "when", "who"})

# Conjunctions of a reason or concession that belongs to the claim: "... was targeted because it
# housed ...". Source: English grammar.
REASON_MARKS = frozenset({"because", "since", "although", "though", "unless", "while", "as"})

# Prepositions that continue a body's name: "Office for ...", "Ministry of ...", "Mission in X (EUMA)".
# Source: hand-compiled from news English.
NAME_LINKS = frozenset({"of", "for", "in"})
# Small words inside a body's name: "Institute for the Study of War". Source: as above.
NAME_INSIDE = frozenset({"of", "for", "and", "the", "on"})

# Prepositions that say whose an unnamed source is: "officials at the hospital". Source: as above.
PLACING_PREPOSITIONS = frozenset({"at", "for", "from", "with", "in", "of"})
# Prepositions after a word of closeness: "close to the talks", "familiar with the plan".
CLOSE_PREPOSITIONS = frozenset({"to", "with"})
# Prepositions of the one a role serves: "an adviser to X". Source: as above.
SERVING_PREPOSITIONS = frozenset({"to", "for", "of"})
# Prepositions of a document's author: "a statement from the group". Source: as above.
AUTHOR_PREPOSITIONS = frozenset({"from", "by", "of"})
# Prepositions of who released something: "figures released by the ministry". Source: as above.
RELEASER_PREPOSITIONS = frozenset({"by", "from"})

# Determiners. Source: English grammar.
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "one"})
ARTICLES = frozenset({"the", "a", "an"})
# Quantifiers that are part of an unnamed group's name: "both sides said". Source: English grammar.
GROUP_QUANTIFIERS = frozenset({"both"})
