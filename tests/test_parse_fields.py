"""Reference, letter date and date received: labelled forms, and what must not be taken."""

import pytest

from appeal.parse import parse_text
from appeal.parse.fields import find_dates, letter_date, received_date, reference


@pytest.mark.parametrize("line, ref", [
    ("Our Ref: FOI2019/05954", "FOI2019/05954"),
    ("Our ref:\nFOI 4530", "FOI 4530"),
    ("REQUEST UNDER THE FREEDOM OF INFORMATION ACT 2000 Ref No: FOI2018/01393", "FOI2018/01393"),
    ("FOI reference: FOI/18/00467", "FOI/18/00467"),
    ("Reference No. 77812", "77812"),
    ("Request Number: FOI/13985", "FOI/13985"),
    ("Request: F-013412", "F-013412"),
    ("Enquiry Reference: 401 - 24", "401-24"),
    ("Case reference FOI2026/01234", "FOI2026/01234"),
    ("Re: Freedom of Information request – 72722", "72722"),
    ("Freedom of Information Request: 0125 2019/20", "0125 2019/20"),
    ("Subject: response to request[Ref. IRQ0532897]", "IRQ0532897"),
    ("Freedom of Information request (our ref. 20560): internal review", "20560"),
    ("Annex A - FOI-22-4587", "FOI-22-4587"),
    ("Intelligence reports (180A/24)", "180A/24"),
    ("Sexual Grooming (5619_14)", "5619_14"),
    ("Informants - 910/12", "910/12"),
    ("FOI 10517", "FOI 10517"),
])
def test_reference_forms(line, ref):
    text = f"{line}\n\nThank you for your request. We hold the information.\n"
    assert reference(text, []) == ref


def test_reference_not_taken_from_offence_codes_dates_or_years():
    text = ("Response\n\nThe offences were:\n•  86/10 Possession of indecent photograph\n"
            "•  71/17 Sexual communication with a child\nAs at 05.08.15 the figures were 4.\n"
            "With reference to the year 2019, see below.\n")
    assert reference(text, []) is None


def test_reference_in_the_request_is_not_the_letters():
    text = "You asked:\nPlease send me the file for case reference: CIN/ABS/001.\n\nResponse\nIt is exempt.\n"
    from appeal.parse.request import find_request

    split = find_request(text)
    assert reference(text, split.spans) is None


def test_earlier_strong_label_beats_a_later_mention_of_another_request():
    text = ("Request Number: FOI/15105\n\nIn relation to request number FOI/14138 we are providing a response.\n")
    assert reference(text, []) == "FOI/15105"


@pytest.mark.parametrize("head, iso", [
    ("23rd October 2019\n\nDear Sir,", "2019-10-23"),
    ("Date: 11/06/25\nEnquiry Reference: 586-25", "2025-06-11"),
    ("Date:\n11 December 2017\nDear A,", "2017-12-11"),
    ("Friday 18 November 2022\nDear Ms A,", "2022-11-18"),
    ("January 22, 2025 | Organisational Information", "2025-01-22"),
    ("14 December 2015 Dear Mr Donovan,", "2015-12-14"),
    ("31 March 2014Case Reference Number IRQ0532897", "2014-03-31"),
    ("Date Responded 28 April 2020", "2020-04-28"),
    ("Published 8 April 2026", "2026-04-08"),
])
def test_letter_date_forms(head, iso):
    d, _ = letter_date(head + "\n\nThank you for your request.\n", 0)
    assert d is not None and d.isoformat() == iso


def test_response_date_beats_published_and_dated():
    text = ("Dated: 01 Nov 2012\n\nDate of request:      19/11/2012\n\nDate of response:   14/12/2012\n\n"
            "Date published - 29/10/2019\n")
    d, _ = letter_date(text, 0)
    assert d.isoformat() == "2012-12-14"
    r, notes = received_date(text, d)
    assert r.isoformat() == "2012-11-19" and notes == []


def test_standalone_letter_date_beats_page_publication_date():
    text = "FOI2019/05954\n\nDate published - 29/10/2019\n\nInformation Rights\n\n23rd October 2019\n\nDear Sir,\n"
    d, _ = letter_date(text, 0)
    assert d.isoformat() == "2019-10-23"


def test_date_ranges_and_request_dates_are_not_the_letter_date():
    text = "Please provide figures for\n1 January 2018 – 20 March 2020\nfor each month.\n"
    assert letter_date(text, 0) == (None, None)


@pytest.mark.parametrize("sentence, iso", [
    ("I write in connection with your request for information received on 25th September 2019.", "2019-09-25"),
    ("I write in connection with your request received in this office on 19 August 2019.", "2019-08-19"),
    ("Thank you for your information request received 7 December 2017.", "2017-12-07"),
    ("Thank you for your e-mail of 15 November 2015 in which you ask for data.", "2015-11-15"),
    ("Thank you for your request dated 20th April 2023 in which you asked", "2023-04-20"),
    ("I am writing in reply to your 28 February 2014 request for:", "2014-02-28"),
    ("Date received: 9 February 2018", "2018-02-09"),
    ("Received 2 April 2026", "2026-04-02"),
])
def test_received_forms(sentence, iso):
    d, notes = received_date(sentence, None)
    assert d is not None and d.isoformat() == iso and notes == []


def test_our_email_is_not_your_request():
    d, _ = received_date("I am writing further to our e-mail of 14 December 2011 about your review.", None)
    assert d is None


def test_received_without_year_takes_the_letters_year_and_says_so():
    import datetime as dt

    d, notes = received_date("your request for information received on 25th September.", dt.date(2019, 10, 23))
    assert d == dt.date(2019, 9, 25)
    assert notes and "letter date" in notes[0]
    d, notes = received_date("your request received on 16th December.", dt.date(2020, 1, 10))
    assert d == dt.date(2019, 12, 16) and "year before" in notes[0]


def test_received_without_year_and_no_letter_date_stays_unknown():
    d, notes = received_date("your request received on 16th December.", None)
    assert d is None
    assert notes and "without a year" in notes[0]


def test_no_year_date_takes_a_matching_full_date_from_the_letter():
    text = "your request received in this office on 19th August. Please give data up to 19 August 2019."
    d, notes = received_date(text, None)
    assert d.isoformat() == "2019-08-19" and "another date" in notes[0]


def test_dates_are_not_read_from_section_numbers_or_may():
    hits = find_dates("section 5 may apply; s12 May be used; 31/02/2019 is no date; 25 Sept.")
    assert [(h.day, h.month) for h in hits] == [(25, 9)]
    assert all(h.year is None for h in hits)


def test_parse_text_offence_codes_and_request_dates_stay_out():
    text = ("Sexual offences (1234_19)\n\nRequest\n\nAs of the current date (05.08.19) how many 86/10 offences "
            "were recorded?\n\nResponse\n\nThe figure is attached.\n")
    r = parse_text(text)
    assert r.reference == "1234_19"
    assert r.dates.letter is None and r.dates.received is None
