"""Numbers as news text writes them: digits with thousands separators, or words ("sixty-one").

The value of a number written in words comes from text2num (`text_to_num.text2num`); what it does
not read is ours: "a dozen" (it knows no dozens) and "a hundred" (it reads "hundred" alone). Vague
amounts ("dozens", "hundreds") are no numbers: they are in `lexicon/casualties.py`.
"""

from __future__ import annotations

from text_to_num import text2num

# The words that start a number, to find one in text (its value is the library's): the units and
# teens, the tens (with "-one" to "-nine" after them), a dozen and a hundred.
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety".split()
) | {"a dozen", "dozen", "a hundred"}
_DOZEN = 12


def number_value(text: str) -> int | None:
    """'1,199' -> 1199, 'sixty-one' -> 61, 'nine' -> 9, 'a dozen' -> 12; None for anything else."""
    word = text.lower().strip()
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    if word.removeprefix("a ") == "dozen":
        return _DOZEN
    if word == "a hundred":
        word = "hundred"
    elif word.partition("-")[0] not in NUMBER_WORDS:
        return None  # "zero", "thousand": no casualty count or day gap is told so
    try:
        value: int = text2num(word, "en")
    except ValueError:
        return None
    return value
