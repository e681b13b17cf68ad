"""Speakers: who a subject phrase refers to, under the name the article first gave.

"Cook", "he" and "the Pentagon press secretary" all become "Peter Cook"; "the
military" becomes "Israeli military" when the article said that first (or, failing
that, later); "a senior defense official" becomes an anonymous source, described with
what places it ("officials at the hospital"). Mentions are resolved in reading order,
so a pronoun takes the latest compatible mention before it. A name never runs across a
bracket, a spaced dash or a dateline ("BEIRUT (Reuters) -").

- `mentions`: finding the people and organisations an article names (indexes built once);
- `rules`: resolving a phrase, by a table of small named rules;
- `referents`: what a common or proper noun phrase refers to (organisation, role, unnamed source);
- `coreference`: the timeline of referents, pronouns and gender;
- `phrases`, `names`: pure helpers over noun phrases and persons' names.
"""

from services.extractor.statements.speakers.rules import SpeakerResolver
from services.extractor.statements.speakers.speaker import Speaker

__all__ = ["Speaker", "SpeakerResolver"]
