"""Word lists for strike extraction: the words that report a strike, its kind, its weapons and its verbs.

Lemmas or lower-case words of general news English about armed conflict, gathered while writing the
strike rules against the labelled corpora; nothing here may name a place, party or phrase of one
article. Each list says what it is for; the rules that read it are in `services/extractor/strikes/`.
"""

from __future__ import annotations

from schemas.records import StrikeKind
from services.extractor.lexicon.speech import REPORTING_VERBS as _SPEECH_VERBS

# Nouns (lemmas) that name a strike: True for those that report one by themselves ("an airstrike",
# "the shelling"), False for those that need a word of its kind ("a drone attack", "artillery fire").
STRIKE_NOUNS: dict[str, bool] = {
    "strike": True, "airstrike": True, "air-strike": True, "bombing": True, "bombardment": True,
    "shelling": True, "attack": False, "raid": False, "hit": False, "barrage": False, "campaign": False,
    "assault": False, "fire": False,
}  # fmt: skip
# Words (lemmas) before a trigger that say what kind of strike it was, strongest first.
KIND_WORDS: tuple[tuple[StrikeKind, frozenset[str]], ...] = (
    ("chemical", frozenset("chemical gas sarin chlorine nerve toxic".split())),
    ("barrel bomb", frozenset({"barrel"})),
    ("drone strike", frozenset("drone uav".split())),
    ("missile", frozenset("missile rocket ballistic cruise hypersonic".split())),
    ("artillery", frozenset("artillery mortar tank howitzer shelling shell".split())),
    (
        "airstrike",
        frozenset("air aerial airstrike warplane jet aircraft plane bomber helicopter bombing".split()),
    ),
)
# Kinds from the most specific to the least: a strike told as both is of the first.
SPECIFICITY: tuple[StrikeKind, ...] = (
    "chemical",
    "barrel bomb",
    "drone strike",
    "missile",
    "artillery",
    "airstrike",
)
# Kinds that may be one strike told differently: a drone fires a missile, an "air strike" is a drone's.
FAMILY: dict[StrikeKind, str] = {
    "airstrike": "air", "drone strike": "air", "missile": "air", "artillery": "artillery",
    "barrel bomb": "barrel bomb", "chemical": "chemical",
}  # fmt: skip
# Weapons (lemmas) that are strikes when fired, with the kind each tells.
PROJECTILES: dict[str, StrikeKind] = {
    "missile": "missile", "rocket": "missile", "drone": "drone strike", "shell": "artillery",
    "mortar": "artillery", "bomb": "airstrike", "barrel": "barrel bomb",
}  # fmt: skip
# Verbs (lemmas) that fire, drop or down a weapon, or tell what it did.
PROJECTILE_VERBS = frozenset(
    "launch fire intercept shoot down destroy drop hit strike land slam kill wound rain attack target "
    "send neutralise neutralize jam fall explode crash".split()
)
# Carriers of weapons, in the subject or the means of a verb: "jets pounded", "struck with drones".
CARRIERS = frozenset(
    "aircraft jet warplane plane drone helicopter bomber artillery tank warship missile rocket".split()
)
# Carriers with a crew: what they strike is not a drone strike, though both are told as air strikes.
MANNED = frozenset("jet warplane plane bomber helicopter gunship".split())

# Words before "strike" or "attack" that make it no military one: "a hunger strike", "a car bomb attack".
NOT_MILITARY = frozenset(
    "hunger general labor labour worker union teacher suicide car truck roadside terror terrorist "
    "lucky".split()
)
# Objects of "strike" or "hit" that make it figurative: "struck a deal", "hit a record".
FIGURATIVE_OBJECTS = frozenset(
    "deal agreement tone note chord balance compromise bargain pose accord blow match nerve "
    "record wall snag jackpot road headlines".split()
)

# Verbs (lemmas) whose object is what was hit: "struck a school", "jets pounded Mosul", "the strikes
# targeted depots"; a weapon as their object was a target, not a strike of its own.
TARGET_VERBS = frozenset(
    "hit strike target aim bomb bombard destroy pound flatten damage level shell attack raid strafe".split()
)
# Verbs that carry a strike noun as their object: "carried out strikes", "fired rockets", "waged a campaign".
LIGHT_VERBS = frozenset(
    "carry conduct launch deliver do make order stage mount begin step intensify continue drop fire "
    "use unleash resume escalate broaden open respond retaliate keep maintain sustain pursue wage "
    "send".split()
) | {"wag"}  # the lemmatizer's reading of "waged"
# Verbs that put a strike on someone: "a strike blamed on Turkey", "carried out by Israel".
ATTRIBUTING_VERBS = frozenset("blame attribute carry conduct launch claim".split())
# Verbs of air defence: whoever shoots a drone down is not the one who sent it.
DEFENCE_VERBS = frozenset("intercept shoot down destroy repel repulse neutralise neutralize jam".split())

# What makes a strike unreal: a modal, an intention, a modifier, a cancellation.
MODALS = frozenset({"would", "could", "might", "may", "will", "should", "can", "'d", "'ll", "must"})
INTENT_VERBS = frozenset(
    "threaten plan vow intend want seek prepare consider warn pledge promise refuse hope urge fear "
    "threat possibility risk".split()
)
UNREAL_MODIFIERS = frozenset("planned possible potential proposed future hypothetical threatened".split())
CANCEL_VERBS = frozenset("cancel abort avert prevent".split())

# Verbs that report a strike: the one reporting-verb lexicon, less "recall", which in strike stories
# tells of a memory as often as of a report ("the incident recalled the bombing of a gathering").
REPORTING_VERBS = _SPEECH_VERBS - {"recall"}
# Words that tell a strike as a further one: "a separate drone strike", "another raid" (not "a second
# strike", which may be a second pass of one raid).
SEPARATE_WORDS = frozenset({"separate", "another"})
# Nouns (lemmas) of an operation whose launch day dates the strikes told of it: "launched an offensive".
OPERATION_NOUNS = frozenset({"operation", "offensive", "campaign", "assault"})
# Verbs that start an operation, whose day is the day of its first strikes: "launched Operation X on Monday".
LAUNCH_VERBS = frozenset({"launch", "begin", "start", "open"})
