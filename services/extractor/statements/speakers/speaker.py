"""The referents a speaker phrase resolves to: a `Speaker` as the statement reports it, and a
`Person` as the article builds it up from every description of a name."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from services.extractor.lexicon.titles import SPELLED_OUT
from services.extractor.statements.speakers.phrases import affiliation, clean, role_heads, text_of


@dataclass(frozen=True)
class Speaker:
    name: str | None
    kind: str  # "person", "org" or "anonymous"
    title: str | None = None
    affiliation: str | None = None
    plural: bool = False
    aliases: tuple[str, ...] = ()
    role: str | None = field(default=None, compare=False)  # an unnamed source's head phrase, lower case

    @property
    def anonymous(self) -> bool:
        return self.kind == "anonymous"


@dataclass
class Person:
    name: str
    title: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # every description, lower case, for "the press secretary"

    def describe(self, descriptions: list[list[Token]]) -> None:
        """Take the first description as title and affiliation; remember all as roles."""
        for tokens in descriptions:
            while tokens and (tokens[0].ent_type_ == "DATE" or tokens[0].is_punct):
                tokens = tokens[1:]  # "12-year-old Ali Nasser": an age, not a title
            if not tokens:
                continue
            if self.title is None:
                self.title = clean(text_of(tokens)) or None
                self.affiliation = affiliation(tokens)
            elif self.affiliation is None:  # "An army spokesman, Brig. Gen. X": the rank has no body
                self.affiliation = affiliation(tokens)
            roles = [clean(text_of(tokens)).lower()]
            # "a spokesman for the army": "the spokesman" later; "resident and humanitarian
            # coordinator": "the coordinator" too. Each head noun ends a role of its own.
            roles += [
                clean(text_of([t for t in tokens if t.i <= head.i])).lower() for head in role_heads(tokens)
            ]
            # "Lt. Gen. X", later "the general"
            self.roles += roles + [spelled for r in roles if (spelled := spelled_out(r)) is not None]

    def speaker(self) -> Speaker:
        return Speaker(self.name, "person", self.title, self.affiliation, aliases=tuple(self.aliases))


def spelled_out(role: str) -> str | None:
    """A role with its abbreviated ranks spelled out: "lt. gen." is "lieutenant general"."""
    words = role.split()
    spelled = [SPELLED_OUT.get(w.rstrip("."), w) for w in words]
    return " ".join(spelled) if spelled != words else None
