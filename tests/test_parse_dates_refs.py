"""References and dates in the forms letters and disclosure pages print them; null when the
text prints none (never the date of something else)."""

from __future__ import annotations

import pytest

from appeal.parse import parse_text


@pytest.mark.parametrize("text, ref", [
    ("FOI request (FOIR-000123456)\nCouncil budget\nRequested Mon 13 March 2023\n", "FOIR-000123456"),
    ("Materials: FOI release\n- FOI reference\n- FOI/202500000001\n- Date responded\n- 13 March 2025\n",
     "FOI/202500000001"),
    ("Dear Sir\nPlease quote our reference\nFOI/6931 in any future communications\n", "FOI/6931"),
    ("Annex\nATISN 16000 – Health agreement\nDear requester\n", "ATISN 16000"),
    ("FOI Request - Growth Deal emails\n\nRequest 101002833800\n\nPlease provide emails.\n", "101002833800"),
    ("Department X Our ref: IR2024/05897 16 April 2024 Dear Ms Jones, thank you.", "IR2024/05897"),
    ("Complaint\nThe reference was 202500469111 and the review of it follows.\nReference: was 202500469111\n",
     "202500469111"),
])
def test_reference_forms(text, ref):
    assert parse_text(text).reference == ref


@pytest.mark.parametrize("text, letter, received", [
    ("FOI request (FOIR-1)\nBudget\nRequested Mon 13 March 2023\nResponded Fri 24 March 2023I understand the request.\n",
     "2023-03-24", "2023-03-13"),
    ("FOI Request - Emails\nRequest 101002833800\nResponse 28-07-2021\nThe emails are withheld.\n", "2021-07-28", None),
    ("Skip\nFirst published:\n25 May 2022\nLast updated:\n\n22 June 2022\n\nDear requester\nThank you for your request "
     "which was received by the Welsh Government on 31 May 2022.\n", "2022-06-22", "2022-05-31"),
    ("Published: 28 June 2023\nReport summary\nIssued 12 June 2023, this FOI response advises that the request exceeds "
     "the cost limit.\n", "2023-06-12", None),
    ("Ministry X Clive House London www.example.gov.uk 26 May 2015 Our Reference: 104637 Dear Mr Holmes, thank you for "
     "your e-mail.", "2015-05-26", None),
    ("Thank you for your request to the Council for information under the Freedom of Information Act (2000) received on "
     "22 March 2022 regarding the agreement.\n", None, "2022-03-22"),
    ("Dear Sir\nThank you for your e-mail. The information is withheld under section 40(2).\n", None, None),
    ("Information Rights\nReceived on 23/08/2017 Our Ref: DC/FOI 782/17\nYour request:\nHow many?\n", None, "2017-08-23"),
    ("Date: 2 April 2013\nI write in connection with your request for information, which was received by Anyshire "
     "Police on 14 March 2013.\n", "2013-04-02", "2013-03-14"),
])
def test_date_forms_and_null_when_none(text, letter, received):
    r = parse_text(text)
    assert (r.dates.letter, r.dates.received) == (letter, received)


def test_a_date_inside_the_quoted_request_is_not_the_letter_date():
    r = parse_text("Our ref: FOI/1\nYour request:\nPlease provide the arrests on the day of the match, which was\n"
                   "5 May 2022\n"
                   "Response\nThe information is withheld under section 31(1)(a).\n")
    assert r.dates.letter is None
