"""A copy cut at a bare citation is an extract (the reasons that follow are missing); a letter
whose last reason ends its sentence is complete, even without a sign-off. Synthetic letters."""

from __future__ import annotations

from appeal.parse import parse_text
from appeal.parse.facts import looks_truncated

_HEAD = (
    "Dear Requester\nYou asked: how many officers were suspended in May 2025?\n"
    "Anyshire Police can neither confirm nor deny that it holds the information by virtue of the following "
    "exemptions:\n"
    "Section 38(2) Health and Safety - The duty to confirm or deny does not arise if compliance would be likely "
    "to endanger the safety of any individual.\n"
)


def test_copy_ending_at_a_bare_citation_is_truncated():
    assert parse_text(_HEAD + "Section 40(5)(a)(b)\n").truncated is True
    assert looks_truncated(_HEAD + "Regulation 12(5)(a) and (b) -\n")
    assert looks_truncated(_HEAD + "The exemption is engaged by virtue of section\n")


def test_complete_letter_ending_with_its_last_reason_is_not_truncated():
    text = (
        "Dear Requester\nYou asked for the council's planning assessments.\n"
        "The information is withheld under the following exemptions:\n"
        "i. Section 28 - release would prejudice relations between administrations.\n"
        "ii. Section 33 - release would be likely to prejudice substantially the commercial interests of the "
        "Council.\n"
    )
    assert parse_text(text).truncated is False
    assert parse_text(text + "\nRate this Page").truncated is False


def test_annex_after_the_sign_off_cut_mid_sentence_is_truncated():
    text = (
        "Dear Requester\nThe information is withheld under section 27 of the Act.\n\nYours sincerely\n\n"
        "Annex 1\nSection 27 - International Relations\n"
        "Sections 27(2) and (3) provide an exemption for confidential information that the department obtaine"
    )
    assert looks_truncated(text)


def test_letter_ending_with_its_sign_off_is_complete():
    assert not looks_truncated(
        "Dear Requester\nThe information is withheld under section 27 of the Act.\n\nYours sincerely\n\nA Officer\n"
        "Freedom of Information Team"
    )

