"""The verbs of reported speech: THE reporting-verb lexicon of the extractor (statements and strikes).

Lemmas, lower case, matched against `token.lemma_`. These describe how news English reports
speech in general; nothing here may name a person, outlet or phrase from a particular article.
Unless a list says otherwise, its source is the project's own reading of news English:
hand-compiled, one construction at a time, each with a test sentence in tests/unit.
"""

from __future__ import annotations

# Source: hand-compiled (see above); the one list of reporting verbs, also read by the strike rules.
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

# Verbs of a relative clause that gives a person's post: "X, who was appointed governor of Y,".
# Source: hand-compiled for this project from news English.
HOLDING_VERBS = frozenset({"be", "appoint", "name", "elect", "become"})

# Nouns of the writer's gloss on a report: "..., a claim that could not be verified".
# Source: hand-compiled for this project from news English.
GLOSS_NOUNS = frozenset("accusation allegation assertion charge claim".split())
