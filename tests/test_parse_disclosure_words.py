"""What counts as giving information: "the attached documentation" discussed as withheld is
not a disclosure (the word "document" must be a word, not the start of "documentation"). Synthetic."""

from __future__ import annotations

from appeal.parse import parse_text


def test_attached_documentation_discussed_as_withheld_is_no_disclosure():
    r = parse_text(
        "Dear Requester\nYou asked for the council's planning assessments.\n"
        "The information is withheld under section 28. Both Governments feel that there are areas within the "
        "attached documentation which are deemed to be sensitive in nature.\n"
    )
    assert r.partial_disclosure is False
