"""Persons' names: a name without its titles, a first name the model left out, two names for one person."""

from __future__ import annotations

from spacy.tokens import Span, Token

from services.extractor.lexicon.sources import ORG_NOUNS
from services.extractor.lexicon.titles import HONORIFICS, PERSON_TITLES, PORTFOLIO_WORDS, RANKS, TITLE_WORDS
from services.extractor.statements.speakers.phrases import POSSESSIVE
from services.extractor.statements.speakers.speaker import Person


def name_tokens(tokens: list[Token]) -> list[Token]:
    """A person's name without leading titles or a trailing possessive.

    A title inside the run ends what stands before the name: "Kharkiv Mayor [Ihor Terekhov]",
    "Norway's Foreign Minister [Ola Berg]"; the last word is the name itself ("Peter King").
    """
    while tokens and tokens[-1].text in POSSESSIVE:
        tokens = tokens[:-1]
    while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in TITLE_WORDS | RANKS:
        tokens = tokens[1:]
    titles = [k for k, t in enumerate(tokens[:-1]) if t.lower_.rstrip(".") in PERSON_TITLES | RANKS]
    if titles:
        tokens = tokens[titles[-1] + 1 :]
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens = tokens[1:]
    return tokens


def whole_person(ent: Span) -> Span:
    """A person's name with a first name the model left outside it: "[Abdirashid] Hassan Nur"."""
    doc, start = ent.doc, ent.start
    while start > max(ent.start - 2, 0):
        token = doc[start - 1]
        if not (
            token.pos_ == "PROPN"
            and token.dep_ == "compound"
            and start <= token.head.i < ent.end
            and token.ent_type_ in {"", "PERSON"}  # "[Kyaw] Thura [Aung]", cut in pieces
            and token.is_alpha
            and token.is_title
        ):
            break
        if token.lower_ in TITLE_WORDS | PERSON_TITLES | PORTFOLIO_WORDS | ORG_NOUNS | RANKS | HONORIFICS:
            break
        start -= 1
    return doc[start : ent.end]


def same_first_name(a: str, b: str) -> bool:
    """ "Ash Carter" and "Ashton Carter" are one man; "Lina Haddad" and "Omar Haddad" are not."""
    first_a, first_b = a.split()[0].lower(), b.split()[0].lower()
    return len(a.split()) < 2 or first_a.startswith(first_b) or first_b.startswith(first_a) or is_tail(a, b)


def is_tail(full: str, short: str) -> bool:
    """ "Abu Ghali" and "Al-Otaibi" are what "Samir Abu Ghali" and "Fahd al-Otaibi" go by later."""
    words, tail = full.lower().split(), short.lower().split()
    return len(tail) < len(words) and words[-len(tail) :] == tail


def may_serve(person: Person, owner: Token) -> bool:
    """Whether a person's title leaves room for the owner of a post: "Ukrainian Foreign Minister X"
    is not "Russia's foreign minister"; "Foreign Minister X" may be anyone's."""
    stem = owner.lower_[:4]
    for word in (person.title or "").replace("'s", " ").replace("\u2019s", " ").split():
        if word[:1].isupper() and word.lower().rstrip(".") not in TITLE_WORDS | PORTFOLIO_WORDS:
            if not word.lower().startswith(stem):
                return False
    return True
