"""Pure helpers over noun phrases: a phrase's extent, a body's name, a title's affiliation.

They read one phrase of the parse and keep no state; what the article said before is the
business of `mentions` and `coreference`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from services.extractor.lexicon.function_words import (
    CLOSE_PREPOSITIONS,
    INDEFINITE_DETERMINERS,
    NAME_INSIDE,
    NAME_LINKS,
    PLACING_PREPOSITIONS,
)
from services.extractor.lexicon.sources import CLOSE_WORDS, MEDIA_NOUNS, ORG_NOUNS, RULE_PARTICIPLES
from services.extractor.lexicon.titles import PERSON_TITLES, PORTFOLIO_WORDS, TITLE_WORDS

# spaCy's entity labels, dependency labels and punctuation, kept where they are read.
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
NOT_SPEAKERS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_DROP_LEFT = {"det", "predet", "preconj", "punct", "cc", "advmod", "nummod", "quantmod"}
_BRACKETS = {"(", ")", "[", "]"}
_DASHES = {"-", "--", "\u2013", "\u2014"}


def noun_phrase(head: Token) -> Span:
    """The head noun with its pre-modifiers ("Gaza's civil defence agency"), without determiners."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in _DROP_LEFT or child.tag_ == "PRP$":
            continue
        start = min(start, child.left_edge.i)
    doc = head.doc
    start = after_breaks(doc, start, head.i)
    while start < head.i and (doc[start].dep_ in _DROP_LEFT or doc[start].pos_ == "DET"):
        start += 1
    return doc[start : head.i + 1]


def org_name(phrase: Span) -> str:
    """An organisation's name without the writer's description of it.

    "US-backed Syrian Democratic Forces" is the Syrian Democratic Forces, "the state-run Daily
    Star newspaper" the Daily Star; but "the Saudi-led coalition" keeps its modifier, which
    is all the name there is; "the group's Radio X" is Radio X.
    """
    tokens = list(phrase)
    owned = [k for k, t in enumerate(tokens[:-1]) if t.text in POSSESSIVE and t.dep_ == "case"]
    if (
        owned
        and all(t.is_lower for t in tokens[: owned[0]])
        and all(is_proper(t) for t in tokens[owned[0] + 1 :])
    ):
        tokens = tokens[owned[0] + 1 :]  # the owner told by a common noun is no part of the name
    while len(tokens) > 3 and tokens[1].text == "-" and is_participle(tokens[2]) and is_proper(tokens[3]):
        tokens = tokens[3:]
    if len(tokens) > 1 and tokens[-1].lemma_.lower() in MEDIA_NOUNS and is_proper(tokens[-2]):
        tokens = tokens[:-1]
    name = clean(text_of(_without_description(tokens)))
    if name.count("(") > name.count(")"):  # "Council for X (CNSP", cut before its acronym closed
        name = clean(name[: name.rindex("(")])
    return name


def _without_description(tokens: list[Token]) -> list[Token]:
    """ "pro-rebel Tamilnet" is Tamilnet: a hyphenated lower-case description before a name."""
    start = 0
    while start < len(tokens) and (tokens[start].is_lower or tokens[start].text == "-"):
        start += 1
    described = 0 < start < len(tokens) and any(t.text == "-" for t in tokens[:start])
    return tokens[start:] if described and all(is_proper(t) for t in tokens[start:]) else tokens


def whole_name(phrase: Span) -> Span:
    """A capitalised body's name with what the parser left outside it: "U.N. Office [for the
    Coordination of Humanitarian Affairs]", "European Union Mission [in Armenia] (EUMA)",
    "Jammu [and Kashmir Police]"."""
    doc = phrase.doc
    while len(phrase) > 1 and phrase[-1].lower_ in NAME_LINKS | NAME_INSIDE:  # an entity cut after "in"
        phrase = phrase[:-1]
    head = phrase[-1]
    for conj in head.rights:
        # "Jammu and Kashmir Police", parsed as "Jammu" with the police as its conjunct
        if conj.dep_ == "conj" and conj.left_edge.i == head.i + 2 and doc[head.i + 1].lower_ == "and":
            if (
                conj.lemma_.lower() in ORG_NOUNS
                and is_name_word(conj)
                and head.lemma_.lower() not in ORG_NOUNS
            ):
                phrase, head = doc[phrase.start : conj.i + 1], conj
    if not head.text[:1].isupper() or head.lemma_.lower() not in ORG_NOUNS and head.ent_type_ != "ORG":
        return phrase
    start, end = phrase.start, phrase.end
    if end + 1 < len(doc) and doc[end].lower_ in NAME_LINKS:
        k = end + 1
        if doc[k].lower_ == "the" and k + 1 < len(doc):
            k += 1
        while k < len(doc) and (
            is_name_word(doc[k])
            or k + 1 < len(doc)
            and doc[k].lower_ in NAME_INSIDE
            and is_name_word(doc[k + 1])
        ):
            k += 1
        acronym = (
            k + 2 < len(doc) and doc[k].text == "(" and doc[k + 1].text.isupper() and doc[k + 2].text == ")"
        )
        if k > end + 1 and is_name_word(doc[k - 1]) and (doc[end].lower_ != "in" or acronym):
            end = k
    return doc[start:end]


def body_key(name: str) -> str:
    """A body's name without its owner's inflection: "Israel's military" and "Israeli military"."""
    words = name.lower().replace("\u2019", "'").replace("'s ", " ").split()
    return " ".join(w[:5] for w in words)


def is_name_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and token.ent_type_ not in NOT_SPEAKERS


def is_region(phrase: Span) -> bool:
    """A place with a common word before it: "northern Israel", "war-torn Sudan"."""
    head = phrase[-1]
    return head.ent_type_ in {"GPE", "LOC"} and any(t.is_lower and t.is_alpha for t in phrase[:-1])


def is_participle(token: Token) -> bool:
    return (
        token.tag_ in {"VBN", "VBD"}
        or token.is_lower
        and (token.lower_.endswith("ed") or token.lower_ in RULE_PARTICIPLES)
    )


def is_proper(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.text[:1].isupper()


def after_breaks(doc: Doc, start: int, head: int) -> int:
    """Past a bracket or dash before the head: "BEIRUT (Reuters" is a dateline, not a name."""
    for i in range(head - 1, start - 1, -1):
        token = doc[i]
        if token.text in _BRACKETS or token.is_space or (token.text in _DASHES and token.whitespace_):
            return i + 1
    return start


def appositive(head: Token) -> list[Token]:
    """An appositive's words up to its first comma: "the U.S. military's new spokesman in Baghdad"."""
    clauses = {t.i for c in head.children if c.dep_ in {"relcl", "acl"} and c.i > head.i for t in c.subtree}
    tokens = []
    for token in head.subtree:
        if token.text in {",", "(", "\u2014"} and token.i > head.i or token.i in clauses:
            break
        tokens.append(token)
    while tokens and (tokens[0].pos_ == "DET" or tokens[0].is_punct):
        tokens = tokens[1:]
    return tokens


def determined(head: Token) -> bool:
    return any(c.dep_ in {"det", "poss"} for c in head.children)


def indefinite(head: Token) -> bool:
    return any(c.lower_ in INDEFINITE_DETERMINERS and c.dep_ in {"det", "nummod"} for c in head.children)


def qualifier(head: Token, phrase: Span, placing: frozenset[str] = PLACING_PREPOSITIONS) -> list[Token]:
    """What places an unnamed source: "officials [at the regional hospital]", "a spokesman [for the UN]"."""
    for child in head.rights:
        if child.i == phrase.end and child.dep_ == "amod" and child.lower_ in CLOSE_WORDS:
            # "sources close to the talks", "an official familiar with the plan"
            rest = qualifier(child, head.doc[child.i : child.i + 1], CLOSE_PREPOSITIONS)
            return [child, *rest] if rest else []
        if child.i != phrase.end or child.dep_ != "prep" or child.lower_ not in placing:
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if not objects or objects[0].ent_type_ in NOT_SPEAKERS:
            return []  # "officials on Monday": when, not who
        tokens = [child]
        clauses = {t.i for c in objects[0].children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
        for token in child.subtree:
            if token.i == child.i:
                continue
            if token.text in {",", "(", "\u2014"} or token.i in clauses or token.i != tokens[-1].i + 1:
                break
            tokens.append(token)
        return tokens if len(tokens) > 1 else []
    return []


def affiliation(title: list[Token]) -> str | None:
    """The body a title names: "Senate Armed Services Committee" in its chairman's title, "Pentagon"."""
    inside = {t.i for t in title}
    for token in title:
        if token.lemma_.lower() in ORG_NOUNS and token.dep_ not in {"compound", "amod", "nmod", "poss"}:
            phrase = [t for t in noun_phrase(token) if t.i in inside]
            return clean(text_of(phrase)) or None
    run = _proper_run(title, inside)
    if run:
        return clean(text_of(run)) or None
    return _owning_body(title, inside)


def _proper_run(title: list[Token], inside: set[int]) -> list[Token]:
    """The first run of capitalised words of a title that are no title themselves: "Pentagon"."""
    run: list[Token] = []
    for token in title:
        named = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.ent_type_ == "ORG")  # "UNICEF"
        if named and token.text[:1].isalpha() and token.lower_.rstrip(".") not in TITLE_WORDS:
            run.append(token)
        elif run and token.text in POSSESSIVE and all(t.ent_type_ == "PERSON" for t in run):
            run = []  # "Minister Lars Berg's spokesman" works for a person, not a body
        elif run:
            break
    if all(t.lower_ in PORTFOLIO_WORDS for t in run):
        run = []  # "Information Minister": the post, not a body; "Health Ministry" is one
    if run and run[-1].lemma_.lower() in ORG_NOUNS:  # "State Department": the body's whole name
        doc = run[0].doc
        while run[0].i - 1 in inside and doc[run[0].i - 1].pos_ == "PROPN" and doc[run[0].i - 1].is_title:
            run.insert(0, doc[run[0].i - 1])
    return run


def _owning_body(title: list[Token], inside: set[int]) -> str | None:
    """ "the mission's head", "an army spokesman": the body that owns the post."""
    for token in title:
        if token.lemma_.lower() not in ORG_NOUNS or token.pos_ != "NOUN":
            continue
        if token.dep_ == "poss" or (token.dep_ == "compound" and token.head.lower_ in PERSON_TITLES):
            return clean(text_of([t for t in noun_phrase(token) if t.i in inside])) or None
    return None


def role_heads(tokens: list[Token]) -> list[Token]:
    """The head nouns of a description, without what follows them: "spokesman" in "spokesman for X"."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    heads = [r for r in roots if r.pos_ in {"NOUN", "PROPN"}]
    heads += [c for h in heads for c in h.conjuncts if c.i in inside and c.pos_ in {"NOUN", "PROPN"}]
    return [h for h in heads if h.i < tokens[-1].i]


def extends(longer: list[str], words: list[str]) -> bool:
    return len(longer) > len(words) and longer[-len(words) :] == words


def clean(text: str) -> str:
    return text.strip(" ,;:-\u2014")


def text_of(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text
