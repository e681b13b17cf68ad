"""Word lists for statement extraction: reporting verbs, titles, source nouns.

Lemmas, lower case. These describe how news English reports speech in general; nothing
here may name a person, outlet or phrase from a particular article.
"""

from __future__ import annotations

# Verbs that introduce what someone said, as a clause ("X said that ...") or a quote.
# "ask" and "quote" are left out: a question or a citation is not the subject's own claim.
REPORTING_VERBS = frozenset(
    {
        "acknowledge", "add", "admit", "allege", "announce", "argue", "assert", "call", "caution",
        "charge", "claim", "comment", "complain", "concede", "conclude", "confirm", "contend", "declare",
        "deny", "describe", "denounce", "disclose", "dismiss", "emphasise", "emphasize", "estimate",
        "explain", "indicate", "insist", "maintain", "mention", "note", "observe", "predict", "promise",
        "recall", "recount", "reiterate", "remark", "reply", "report", "reveal", "say", "state",
        "stress", "suggest", "tell", "testify", "tweet", "urge", "vow", "warn", "write", "accuse",
        "blame", "condemn", "hint", "pledge", "threaten", "boast", "retort",
    }
)

# Reporting verbs that need their particle: "pointed out that ...", "made clear that ...".
PHRASAL_REPORTING_VERBS = frozenset({("point", "out"), ("make", "clear"), ("spell", "out"), ("lay", "out")})

# Verbs whose content is a prepositional object, not a clause: "accusing them of housing ...".
OBJECT_CONTENT = frozenset({("accuse", "of"), ("blame", "for"), ("criticise", "for"), ("criticize", "for")})
# Appeals whose content runs from the object to the infinitive: "called on residents to donate blood".
APPEAL_CONTENT = frozenset({("call", "on"), ("urge", "on")})

# Words that may stand before a name as a title, or form a role ("the press secretary").
TITLE_WORDS = frozenset(
    {
        "president", "vice", "prime", "minister", "secretary", "press", "foreign", "defense", "defence",
        "deputy", "assistant", "acting", "senior", "chief", "general", "gen", "gen.", "lt", "lt.",
        "lieutenant", "colonel", "col", "col.", "major", "maj", "maj.", "captain", "capt", "capt.",
        "sergeant", "sgt", "sgt.", "admiral", "adm", "adm.", "commander", "cmdr", "senator", "sen",
        "sen.", "representative", "rep", "rep.", "congressman", "congresswoman", "governor", "gov",
        "gov.", "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman",
        "chairwoman", "chair", "director", "head", "leader", "king", "queen", "prince", "sheikh",
        "emir", "chancellor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "judge", "justice",
        "attorney", "official", "undersecretary", "commissioner", "inspector", "colonel", "regional",
        "interior", "military", "army", "navy", "air", "force", "state", "national", "security",
        "adviser", "advisor", "aide", "coordinator", "mufti", "cleric", "imam", "bishop", "pope",
        "marshal", "brigadier", "lawmaker", "speaker", "first", "former", "new", "top",
    }
)

# Titles that only ever stand before or beside a person's name.
PERSON_TITLES = frozenset(
    {
        "president", "minister", "secretary", "general", "gen", "lt", "lieutenant", "colonel", "col", "major",
        "maj", "captain", "capt", "sergeant", "sgt", "admiral", "adm", "commander", "senator", "sen",
        "representative", "rep", "congressman", "congresswoman", "governor", "gov", "mayor", "ambassador",
        "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "director", "head",
        "leader", "king", "queen", "prince", "sheikh", "emir", "chancellor", "mr", "mrs", "ms", "dr", "judge",
        "undersecretary", "commissioner", "adviser", "advisor", "aide", "official", "officer", "doctor",
        "analyst", "chief", "deputy", "lawmaker", "speaker", "premier", "pm",
    }
)

# Head nouns of an unnamed source: "a senior defense official", "tribal sources".
ANONYMOUS_NOUNS = frozenset(
    {
        "official", "source", "authority", "spokesman", "spokeswoman", "spokesperson", "diplomat",
        "officer", "aide", "witness", "resident", "insider", "person", "people", "analyst", "expert",
        "investigator", "commander", "negotiator", "medic", "doctor", "activist", "lawmaker",
        "representative", "staffer", "employee", "survivor", "villager", "man", "woman", "observer",
        "rescuer", "paramedic", "nurse", "worker", "soldier", "fighter", "member", "leader",
        "adviser", "advisor", "policeman",
    }
)

# Head nouns of an organisation that can speak: "the defence ministry", "the military".
ORG_NOUNS = frozenset(
    {
        "ministry", "military", "army", "agency", "office", "department", "government", "administration",
        "command", "council", "committee", "force", "forces", "police", "service", "embassy",
        "kremlin", "pentagon", "organisation", "organization", "group", "coalition", "commission", "court", "parliament", "cabinet", "party", "movement", "union",
        "newspaper", "agency", "broadcaster", "channel", "outlet", "network", "monitor", "observatory",
        "directorate", "headquarters", "presidency", "palace", "staff", "team", "unit", "brigade",
        "battalion", "regiment", "corps", "division", "navy", "guard", "militia", "ministry",
    }
)

# Nouns for a source document: "according to an AFP tally" speaks for AFP.
DOCUMENT_NOUNS = frozenset(
    {
        "tally", "count", "report", "statement", "figure", "figures", "data", "estimate", "toll",
        "survey", "assessment", "analysis", "review", "release", "account", "record", "records",
        "bulletin", "post", "tweet", "document", "letter", "announcement", "footage", "video",
    }
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
THING_PRONOUNS = frozenset({"it", "they", "them"})

# Relativisers and complementisers that open a reported clause without being part of it.
CLAUSE_OPENERS = frozenset({"that", "which", "what", "who", "whom"})
