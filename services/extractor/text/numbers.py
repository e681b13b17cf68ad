"""Numbers as news text writes them: digits with thousands separators, or words ("sixty-one")."""

from __future__ import annotations

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "a dozen": 12, "dozen": 12, "a hundred": 100,
}  # fmt: skip
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS = frozenset([*_UNITS, *_TENS])


def number_value(text: str) -> int | None:
    """'1,199' -> 1199, 'sixty-one' -> 61, 'nine' -> 9."""
    word = text.lower().strip()
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    if word in _UNITS:
        return _UNITS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and (not unit or unit in _UNITS):
        return _TENS[tens] + _UNITS.get(unit, 0)
    return None
