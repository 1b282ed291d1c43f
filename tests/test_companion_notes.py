"""Where nothing is worth arguing, the note offered instead is tailored to why the information
was held back: to be published (FOIA s22, FOISA s27, EIR reg 12(4)(d)) -> ask where and when; the
requester's own personal data (s40(1)) -> a subject access request and the ICO under data
protection law; anything else -> the confirm-complete note. Synthetic refusals only."""

from types import SimpleNamespace

import pytest

from cli_util import run

from appeal.flow import companion_notes
from appeal.model import Exemption, Refusal


def _notes(regime, *cites, text="", ncnd=()):
    refusal = Refusal(regime=regime, reference="FOI-1", text=text,
                      exemptions=[Exemption(c, ncnd=c in ncnd) for c in cites])
    letter = SimpleNamespace(regime=regime, reference="FOI-1")
    return companion_notes(letter, refusal)


@pytest.mark.parametrize("regime, cite, phrase", [
    ("FOIA", "s22", "section 22 of the Act"),
    ("FOIA", "s22(1)(a)", "section 22(1)(a) of the Act"),
    ("FOISA", "s27", "section 27 of the Act"),
    ("FOISA", "s27(1)", "section 27(1) of the Act"),
    ("EIR", "reg12(4)(d)", "regulation 12(4)(d) of the Regulations"),
    ("EISR", "reg10(4)(d)", "regulation 10(4)(d) of the Regulations"),
])
def test_information_to_be_published_asks_where_and_when(regime, cite, phrase):
    (how, text), = _notes(regime, cite)
    assert how == "send" and "where and when" in text and phrase in text and "once it is" in text
    assert "FOI-1" in text and "subject access" not in text


def test_foia_s27_is_international_relations_not_future_publication():
    assert _notes("FOIA", "s27(1)(a)")[0][0] == "confirm"


def test_a_neither_confirm_nor_deny_under_s22_asks_nothing_about_publication():
    assert _notes("FOIA", "s22(2)", ncnd=("s22(2)",))[0][0] == "confirm"


def test_eir_course_of_completion_adds_what_regulation_14_requires_but_no_week_limit_is_stated():
    (_, eir), = _notes("EIR", "reg12(4)(d)")
    assert "regulation 14(4)" in eir and "will be finished" in eir and "course of completion" in eir
    (_, eisr), = _notes("EISR", "reg10(4)(d)")
    assert "will be finished" in eisr and "regulation 14" not in eisr  # stated for EIR only
    (_, foisa), = _notes("FOISA", "s27")
    assert "week" not in foisa and "regulation 14" not in foisa  # no stored source for a time limit


@pytest.mark.parametrize("regime, cite", [("FOIA", "s40(1)"), ("FOISA", "s38(1)(a)"), ("EIR", "reg5(3)")])
def test_own_personal_data_points_to_a_subject_access_request_and_the_ico(regime, cite):
    (how, text), = _notes(regime, cite)
    assert how == "advice" and "subject access request" in text and "UK GDPR" in text
    assert "Data Protection Act 2018" in text and "ICO under data protection law" in text


def test_a_bare_s40_is_own_data_only_where_the_letter_says_so():
    assert _notes("FOIA", "s40")[0][0] == "confirm"
    assert _notes("FOIA", "s40", text="the position of your subject access request")[0][0] == "advice"
    assert _notes("FOIA", "s40(2)", text="your subject access request")[0][0] == "confirm"  # third parties
    # s40(5A) is often cited where the reasons are about a third party: not own data unless said
    assert _notes("FOIA", "s40(5A)", text="a third party's personal data")[0][0] == "confirm"
    assert _notes("FOIA", "s40(5A)", text="it would be your own personal data")[0][0] == "advice"
    assert _notes("FOISA", "s38(1)(b)", text="your subject access request")[0][0] == "confirm"


def test_own_data_and_future_publication_together_give_both():
    assert [h for h, _ in _notes("FOIA", "s40(1)", "s22")] == ["advice", "send"]


def test_other_refusals_keep_the_confirm_complete_note():
    (how, text), = _notes("FOIA", "s31(1)(a)")
    assert how == "confirm" and "is complete" in text and "section 1(1) of the Act" in text


S22 = """Northvale Borough Council
Freedom of Information Team

Date: 3 May 2024
Our reference: NBC/2024/77

Dear Ms Example,

Thank you for your request of 8 April 2024 for the council's 2023 parking survey results.

The information is exempt under section 22 of the Freedom of Information Act 2000, as it is held
with a view to its publication at a future date. The results will be published in the council's
annual transport report later this year. We have considered the public interest and concluded that
it favours withholding the information until publication, so that the results are released to
everyone at the same time.

If you are unhappy with this response you may ask for an internal review within 40 working days.
You may then complain to the Information Commissioner.

Yours sincerely,
FOI Officer
"""


def test_review_on_a_s22_refusal_with_nothing_to_argue_offers_the_publication_question(tmp_path, capsys,
                                                                                        monkeypatch):
    monkeypatch.setattr("appeal.flow._check", lambda refusal, **kw: [])
    letter = tmp_path / "s22.txt"
    letter.write_text(S22)
    code, out, err = run(["review", letter, "--name", "Ann Example", "--email", "ann@example.org",
                          "--date", "2024-05-10", "-o", "-"], capsys)
    assert code == 0 and out == "" and "Outcome: nothing-to-argue" in err
    assert "Send this instead:" in err and "where and when" in err and "section 22 of the Act" in err
    assert "is complete: that you hold no further" not in err
