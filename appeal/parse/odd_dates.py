"""Dates the letter prints that cannot be right: shown as assumptions, never an error.

The date readers (fields.py) take only real calendar dates in plausible years, so a letter
headed "Date: 31 February 2024", "Date: 19 September 1899" or "Date: 32/13/2024" reads as
having no date at all, silently. This finds such a labelled date line when no letter date
was read, so that the user sees what was printed and why it was set aside (and can give
--responded). It never stops the command: one odd date silences the date rules, not the
letter.
"""

from __future__ import annotations

import re

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a "Date:" (or "Date of response:", "Dated") line whose value looks like a date
_LABELLED = re.compile(
    r"(?im)^[ \t]*(?:date(?:[ \t]+of[ \t]+(?:response|reply|letter|this[ \t]+letter))?[ \t]*[:\-–]|dated\b)[ \t]*"
    r"(?P<value>\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?[A-Za-z]{3,9}\.?,?[ \t]+\d{1,5}"
    r"|[A-Za-z]{3,9}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{1,5}"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{1,5})[ \t]*$"
)
_WORD = re.compile(r"[A-Za-z]+")


def unreadable_letter_date(text: str, letter_date) -> list[str]:
    """Assumptions for a labelled letter date that is not a real date (only when no letter
    date was read); [] otherwise."""
    if letter_date is not None or "ate" not in text:
        return []
    for m in _LABELLED.finditer(text[:5000]):  # the heading part of the letter
        value = m["value"]
        words = [w.lower() for w in _WORD.findall(value) if w.lower() not in ("st", "nd", "rd", "th", "of")]
        if words and not all(w[:3] in _MONTHS for w in words):
            continue  # "Date: 3 items 2024" is no date
        return [f"the letter is dated '{value}', which is not a real date in the years FOI law has existed: "
                "it was not used (give --responded if the date of the response matters)"]
    return []
