"""Word lists for statement extraction: reporting verbs, titles, source nouns.

Lemmas, lower case. These describe how news English reports speech in general; nothing
here may name a person, outlet or phrase from a particular article.
"""

from __future__ import annotations

# Verbs that introduce what someone said, as a clause ("X said that ...") or a quote.
# "ask" and "quote" are left out: a question or a citation is not the subject's own claim.
REPORTING_VERBS = frozenset(
    (
        "accuse acknowledge add admit allege announce argue assert blame boast call caution charge claim "
        "comment complain concede conclude condemn confirm contend declare denounce deny describe "
        "disclose dismiss emphasise emphasize estimate explain hint indicate insist maintain mention note "
        "observe pledge predict promise recall recount reiterate remark reply report retort reveal say "
        "state stress suggest tell testify threaten tweet urge vow warn write"
    ).split()
)

# Verbs that attribute a quote but never report a claim as a clause: "“Why?” she asked".
QUOTE_ONLY_VERBS = frozenset("ask cry chant exclaim plead scream shout wonder yell".split())

# Verbs that, governing a reporting verb, mean nothing was said: "declined to say".
WITHHOLDING_VERBS = frozenset("decline refuse fail hesitate".split())

# Reporting verbs that need their particle: "pointed out that ...", "made clear that ...".
PHRASAL_REPORTING_VERBS = frozenset({("point", "out"), ("make", "clear"), ("spell", "out"), ("lay", "out")})

# Verbs whose content is a prepositional object, not a clause: "accusing them of housing ...".
OBJECT_CONTENT = frozenset({("accuse", "of")})
# Verbs whose content may be a gerund: "admitted carrying out the strike"; a bare denial of a
# deed ("denied carrying out the strike") is a denial, not a reported claim.
GERUND_CONTENT = frozenset({"admit", "acknowledge", "confirm", "report", "recall"})
# Verbs whose content may be a count they give: "the army reported 27 attacks".
COUNT_CONTENT = frozenset({"report"})
# Appeals whose content runs from the object to the infinitive: "called on residents to donate blood".
APPEAL_CONTENT = frozenset({("call", "on"), ("urge", "on")})
# Appeals whose object is direct: "urged both sides to return to talks".
APPEAL_VERBS = frozenset({"urge", "warn"})

# Words that may stand before a name as a title, or form a role ("the press secretary").
TITLE_WORDS = frozenset(
    (
        "acting adm adm. admiral adviser advisor aide air ambassador army ayatollah assistant attorney "
        "bishop brig brig. brigadier capt capt. captain chair chairman chairwoman chancellor chief cleric "
        "cmdr col col. colonel commander commissioner congressman congresswoman coordinator defence "
        "defense deputy director dr dr. emir envoy first force foreign former gen gen. general gov gov. "
        "governor head imam inspector interior judge justice king lawmaker leader lieutenant lt lt. maj "
        "maj. major marshal mayor military minister mr mr. mrs mrs. ms ms. mufti national navy new "
        "official pope president press prime prince queen rear regional rep rep. representative secretary "
        "security sen sen. senator senior sergeant sgt sgt. sheikh speaker spokesman spokesperson "
        "spokeswoman state top undersecretary vice"
    ).split()
)

# Portfolios in a title ("Information Minister"): part of the post, not the body it belongs to.
PORTFOLIO_WORDS = frozenset(
    (
        "agriculture communications culture economy education energy environment finance health "
        "information intelligence justice labor labour trade transport"
    ).split()
)

# Titles that only ever stand before or beside a person's name.
PERSON_TITLES = frozenset(
    (
        "adm admiral adviser advisor aide ambassador analyst capt captain chairman chairwoman chancellor "
        "chief col colonel commander commissioner congressman congresswoman deputy director doctor dr "
        "emir envoy gen general gov governor head judge king lawmaker leader lieutenant lt maj major "
        "mayor minister mr mrs ms officer official pm premier president prince queen rep representative "
        "secretary sen senator sergeant sgt sheikh speaker spokesman spokesperson spokeswoman "
        "undersecretary"
    ).split()
)

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

# Category nouns that stand for the organisation last named: "the group", "the movement".
GENERIC_ORG_NOUNS = frozenset(
    (
        "agency alliance company group militia mission movement network organisation organization outlet "
        "party"
    ).split()
)

# What kind of outlet a named medium is, after its name: "the Daily Star newspaper".
MEDIA_NOUNS = frozenset("broadcaster daily newspaper paper website".split())

# Nouns for a source document: "according to an AFP tally" speaks for AFP.
DOCUMENT_NOUNS = frozenset(
    (
        "account analysis announcement assessment bulletin count data datum document estimate figure figures "
        "footage letter post record records release report review statement survey tally toll tweet video"
    ).split()
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Titles and relations that tell "he" from "she".
MALE_WORDS = frozenset(
    "mr brother father son husband uncle nephew spokesman chairman congressman king prince man sheikh".split()
)
FEMALE_WORDS = frozenset(
    "mrs ms miss sister mother daughter wife aunt niece spokeswoman chairwoman congresswoman queen princess "
    "woman".split()
)
THING_PRONOUNS = frozenset({"it", "they", "them"})

# Nouns of the writer's gloss on a report: "..., a claim that could not be verified".
GLOSS_NOUNS = frozenset("accusation allegation assertion charge claim".split())

# Connectives the writer opens a sentence with, not part of what a source reports:
# "Meanwhile, the rebels shelled the port, officials said".
CONNECTIVES = frozenset(
    (
        "additionally also besides elsewhere furthermore however meanwhile moreover nevertheless "
        "nonetheless separately similarly still"
    ).split()
)

# Relativisers and complementisers that open a reported clause without being part of it.
CLAUSE_OPENERS = frozenset({"that", "which", "what", "who", "whom"})

# Abbreviations whose full stop does not end a sentence ("Brig. Gen. X said").
ABBREVIATIONS = frozenset(
    (
        "mr mrs ms dr prof gen col lt maj capt sgt cpl pvt adm brig cmdr cdr rep sen gov rev hon st jr sr "
        "vs jan feb mar apr aug sept sep oct nov dec"
    ).split()
)

# Common nouns that can be a source after "according to": people, bodies and documents.
SPEAKING_NOUNS = ANONYMOUS_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS | GENERIC_ORG_NOUNS | TITLE_WORDS
