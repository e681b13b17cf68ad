"""Coreference: the timeline of referents in reading order, and what a pronoun or a category
noun ("the group") refers to in it: the latest compatible mention, by kind, number and gender."""

from __future__ import annotations

from collections.abc import Callable

from services.extractor.lexicon.pronouns import FEMALE_WORDS, MALE_PRONOUNS, MALE_WORDS
from services.extractor.statements.speakers.speaker import Speaker


class Timeline:
    """The referents mentioned so far, (token, referent) in reading order, and the genders that
    pronouns revealed."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, Speaker]] = []
        self._gender: dict[str, str] = {}  # "m" or "f" by name or description, as pronouns revealed it

    def add(self, position: int, speaker: Speaker) -> None:
        self.entries.append((position, speaker))

    def latest(self, fits: Callable[[Speaker], bool]) -> Speaker | None:
        return self.latest_mention(fits)[1]

    def latest_mention(self, fits: Callable[[Speaker], bool]) -> tuple[int, Speaker | None]:
        for position, speaker in reversed(self.entries):
            if fits(speaker):
                return position, speaker
        return -1, None

    def person_pronoun(self, pronoun: str) -> Speaker | None:
        """ "he", "she": the latest single person or unnamed source of that gender."""
        gender = "m" if pronoun in MALE_PRONOUNS else "f"
        found = self.latest(
            lambda s: (
                (s.kind == "person" or (s.kind == "anonymous" and not s.plural))
                and self.gender_of(s, gender) == gender
            )
        )
        if found is not None:  # what "he" or "she" was used for tells the next pronoun
            self._gender.setdefault(found.name or found.title or "", gender)
        return found

    def thing_pronoun(self, pronoun: str) -> Speaker | None:
        """ "it": the latest organisation; "they", "them": the latest plural or organisation."""
        if pronoun == "it":
            return self.latest(lambda s: s.kind == "org")
        return self.latest(lambda s: s.plural or s.kind == "org")

    def latest_named_org(self) -> tuple[int, Speaker | None]:
        """The organisation last named with a capital, for "the group"."""
        return self.latest_mention(lambda s: s.kind == "org" and (s.name or "")[:1].isupper())

    def gender_of(self, speaker: Speaker, default: str) -> str:
        known = self._gender.get(speaker.name or speaker.title or "")
        if known:
            return known
        words = set((speaker.title or "").lower().replace(".", "").split())
        if words & MALE_WORDS:
            return "m"
        return "f" if words & FEMALE_WORDS else default
