"""Who can be a source: the nouns of unnamed people, of organisations, of outlets and of documents.

Lemmas, lower case, matched against `token.lemma_`. A few plural forms ("forces", "figures",
"records") stay beside their lemma because a capitalised one is a proper noun ("Syrian
Democratic Forces"), which spaCy lemmatises as itself.
"""

from __future__ import annotations

from services.extractor.lexicon.titles import TITLE_WORDS

# Source: hand-compiled for this project from news English.
# Head nouns of an unnamed source: "a senior defense official", "tribal sources", "local media"
# ("medium" is the lemma of "media").
ANONYMOUS_NOUNS = frozenset(
    (
        "activist adviser advisor aide analyst aunt authority brother bystander colleague commander "
        "correspondent cousin daughter demonstrator diplomat doctor driver economist elder employee engineer "
        "expert farmer father fighter firefighter fisherman friend grandfather grandmother guard husband "
        "insider investigator journalist lawmaker lawyer leader man manager medic medium member merchant "
        "midwife mother mourner negotiator neighbor neighbour nephew niece nurse observer officer official "
        "owner paramedic parent passerby patient people person photographer physician pilot policeman priest "
        "professor prosecutor protester refugee relative reporter representative rescuer researcher "
        "resident scientist shepherd shopkeeper sister soldier son source spokesman spokesperson "
        "spokeswoman staffer student surgeon survivor teacher teenager trader uncle vendor victim "
        "villager volunteer wife witness woman worker"
    ).split()
)

# Source: hand-compiled for this project from news English.
# Head nouns of an organisation that can speak: "the defence ministry", "the military".
ORG_NOUNS = frozenset(
    (
        "administration agency army battalion board brigade broadcaster bureau cabinet channel coalition "
        "command commission committee consulate corps council court delegation department directorate "
        "division embassy force forces government group guard headquarters institute kremlin military "
        "militia ministry mission monitor movement navy network newspaper observatory office organisation "
        "organization outlet palace panel parliament party pentagon police presidency regiment "
        "secretariat service staff team tribunal union unit watchdog"
    ).split()
)

# Source: hand-compiled for this project from news English.
# Category nouns that stand for the organisation last named: "the group", "the movement".
GENERIC_ORG_NOUNS = frozenset(
    (
        "agency alliance company group militia mission movement network organisation organization outlet "
        "party"
    ).split()
)

# Source: hand-compiled for this project from news English.
# What kind of outlet a named medium is, after its name: "the Daily Star newspaper".
MEDIA_NOUNS = frozenset("broadcaster daily newspaper paper website".split())

# Source: hand-compiled for this project from news English.
# Nouns for a source document: "according to an AFP tally" speaks for AFP.
DOCUMENT_NOUNS = frozenset(
    (
        "account analysis announcement assessment bulletin count data datum document estimate figure figures "
        "footage letter post record records release report review statement survey tally toll tweet video"
    ).split()
)

# Common nouns that can be a source after "according to": people, bodies and documents.
SPEAKING_NOUNS = ANONYMOUS_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS | GENERIC_ORG_NOUNS | TITLE_WORDS

# Adjectives that make a source of someone near a subject: "sources close to the talks".
# Source: hand-compiled for this project from news English; written forms (participles).
CLOSE_WORDS = frozenset({"close", "familiar", "loyal", "linked", "allied", "briefed"})

# Irregular participles of a compound modifier ("Houthi-run", "Saudi-led"), often tagged as
# nouns, so that no lemma can be trusted. Source: hand-compiled; written forms.
RULE_PARTICIPLES = frozenset({"run", "led", "held", "built"})
