"""Titles, ranks and honorifics: the words that stand before or beside a person's name.

Lower case. TITLE_WORDS, RANKS and ABBREVIATIONS are written forms (with and without the
full stop: "Gen." and "gen"), matched against `token.lower_`; the others are nouns matched
as written, because a title before a name is a proper noun and spaCy lemmatises a proper
noun as itself.
"""

from __future__ import annotations

# Source: hand-compiled for this project from news English.
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

# Source: hand-compiled for this project from news English.
# Portfolios in a title ("Information Minister"): part of the post, not the body it belongs to.
PORTFOLIO_WORDS = frozenset(
    (
        "agriculture communications culture economy education energy environment finance health "
        "information intelligence justice labor labour trade transport"
    ).split()
)

# Source: hand-compiled for this project from news English.
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

# Abbreviated ranks and forms of address, as written without their full stop ("Col.", "Mrs").
# Source: the abbreviations of titles in news style (AP style's "Gen.", "Lt.", "Rep.", ...).
RANKS = frozenset("col gen lt sgt brig maj capt adm cmdr gov rep sen dr mr mrs ms".split())

# Honorifics the title lists lack, which may stand capitalised before a name as if part of it.
# Source: hand-compiled for this project from news English.
HONORIFICS = frozenset(
    "archbishop auditor brother cardinal consul father magistrate ombudsman pastor patriarch prof "
    "professor prosecutor rabbi sister sultan".split()
)

# Source: news style's abbreviations of titles and months (as above), written forms.
# Abbreviations whose full stop does not end a sentence ("Brig. Gen. X said").
ABBREVIATIONS = frozenset(
    (
        "mr mrs ms dr prof gen col lt maj capt sgt cpl pvt adm brig cmdr cdr rep sen gov rev hon st jr sr "
        "vs jan feb mar apr aug sept sep oct nov dec"
    ).split()
)

# Abbreviated ranks and titles spelled out, so that "the general" finds "Lt. Gen. X" again.
# Source: news style's abbreviations of titles (as above).
SPELLED_OUT = {
    "adm": "admiral",
    "brig": "brigadier",
    "capt": "captain",
    "cmdr": "commander",
    "col": "colonel",
    "dr": "doctor",
    "gen": "general",
    "gov": "governor",
    "lt": "lieutenant",
    "maj": "major",
    "rep": "representative",
    "sen": "senator",
    "sgt": "sergeant",
}
