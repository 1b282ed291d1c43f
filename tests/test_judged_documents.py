"""What `appeal review` and `appeal complaint` write once the judgement is not a plain review:
nothing (nothing-to-argue), a new or narrowed request (fresh-request, narrow), a complaint that
says it is late; and the facts a complaint on a review outcome may state. Synthetic letters only."""

from pathlib import Path

import pytest

from cli_util import run

LETTERS = Path(__file__).parent / "letters"
ME = ["--name", "Ann Example", "--email", "ann@example.org"]

EIR_COST = """Westvale District Council

Date: 2 September 2024
Reference: EIR-24-0123

Dear Requester,

Environmental Information Regulations 2004 request

Thank you for your e-mail of 5 August 2024 in which you asked for the following information:
Every noise complaint about the Riverside depot since 2010.

We have dealt with your request under the Environmental Information Regulations 2004 (EIR).

We are refusing your request under regulation 12(4)(b) of the EIR because it is manifestly unreasonable.

We estimate that there are around 900 paper files, and that it would take about 6 minutes per file to
locate and extract the complaints, which comes to approximately 90 hours.

You may wish to narrow your request, for example to the last two years.

Public interest test: the public interest in maintaining the exception outweighs that in disclosure.

You can ask for an internal review within 40 working days, and then complain to the Information Commissioner.

Environmental Health
Westvale District Council
"""

REVIEW_OUTCOME = """Northshire Constabulary
Information Unit

Date: 14 November 2022
Reference: IR/2022/0091

Dear Ms Example,

Freedom of Information Act 2000 - internal review

We received your request for an internal review on 10 October 2022. I have now completed the internal
review of our response to your request about police vehicle crashes.

The original response withheld the information under sections 31(1)(a) and 40(2). Having considered the
request, I have upheld the original decision to withhold the information under section 40(2) of the Act,
as it is the personal data of the officers involved.

If you remain dissatisfied you may complain to the Information Commissioner.

Review Officer
"""

NO_LIMB = """Northshire Constabulary

Date: 3 May 2024
Reference: FOI-24-0311

Dear Requester,

Freedom of Information Act 2000 request

You asked: which powers were used to move the vehicles parked at Mill Lane in April 2024?

The information is exempt under section 31 of the Act and is withheld. Disclosure would be likely to
prejudice the prevention or detection of crime: it would show offenders how officers respond to such
incidents.

Public interest test: openness favours disclosure, but the public interest in effective policing favours
withholding; on balance the public interest in maintaining the exemption outweighs that in disclosure.

You may ask for an internal review within 40 working days, and then complain to the Information Commissioner.

Yours faithfully
Information Unit
"""


@pytest.fixture(autouse=True)
def isolated(isolated_requester):
    """Every test here runs without the user's details or config (tests/conftest.py)."""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_narrow_writes_no_review_but_a_narrowed_request_naming_section_16(capsys):
    code, out, err = run(["review", LETTERS / "council_cost.txt", *ME, "--date", "2022-03-10", "-o", "-"], capsys)
    assert code == 0 and out == ""
    assert "Outcome: narrow" in err and "No request for internal review written" in err
    assert "Narrowing my request" in err and "section 16 of the Freedom of Information Act 2000" in err
    code, out, err = run(["review", LETTERS / "council_cost.txt", *ME, "--date", "2022-03-10", "--force",
                          "-o", "-"], capsys)
    assert "internal review" in out.lower() and "Narrowing my request" not in out


def test_fresh_request_writes_the_request_afresh_with_the_advice_duty(capsys):
    code, out, err = run(["review", LETTERS / "council_cost.txt", *ME, "--date", "2024-10-01", "-o", "-"], capsys)
    assert code == 0 and out == ""
    assert "Outcome: fresh-request" in err and "Request for information" in err
    assert "agency social workers" in err and "section 16 of the Freedom of Information Act 2000" in err


def test_eir_narrowing_names_regulation_9_and_never_a_cost_limit(tmp_path, capsys):
    letter = write(tmp_path, "eir.txt", EIR_COST)
    code, out, err = run(["review", letter, *ME, "--date", "2024-09-10", "-o", "-"], capsys)
    assert "Outcome: narrow" in err and "regulation 9 of the Environmental Information Regulations 2004" in err
    assert "manifestly unreasonable" in err and "cost limit" not in err.split("Send this instead:")[1].split("Grounds:")[0]
    code, out, err = run(["review", letter, *ME, "--date", "2024-09-10", "--force", "-o", "-"], capsys)
    assert "refused the request as manifestly unreasonable" in out and "exceed the cost limit" not in out


def test_nothing_to_argue_writes_nothing_without_force(tmp_path, capsys, monkeypatch):
    from appeal.model import Evidence, Finding

    def only_a_technicality(refusal, **kw):
        i = refusal.text.index("section 31")
        return [Finding("subsection-not-specified", "No subsection", "weak", [Evidence("section 31", i, i + 10)],
                        "No subsection is given.", [], "Give the subsection.")]

    monkeypatch.setattr("appeal.flow._check", only_a_technicality)
    letter = write(tmp_path, "nolimb.txt", NO_LIMB)
    code, out, err = run(["review", letter, *ME, "--date", "2024-05-10", "-o", "-"], capsys)
    assert code == 0 and out == "" and "Outcome: nothing-to-argue" in err
    code, out, err = run(["review", letter, *ME, "--date", "2024-05-10", "-o", "-", "--force"], capsys)
    assert "Dear Sir or Madam" in out


def test_a_late_complaint_says_so_and_asks_the_commissioner_to_accept_it(tmp_path, capsys):
    letter = write(tmp_path, "ro.txt", REVIEW_OUTCOME)
    code, out, err = run(["complaint", letter, *ME, "--date", "2023-02-01", "-o", "-", "--force"], capsys)
    assert "Outcome: complaint" in err and "closed on" in err
    timing = out.split("## Timing")[1]
    assert "so I am complaining after them" in timing and "accept the complaint nonetheless" in timing


def test_a_complaint_long_out_of_time_is_a_fresh_request(tmp_path, capsys):
    letter = write(tmp_path, "ro.txt", REVIEW_OUTCOME)
    code, out, err = run(["complaint", letter, *ME, "--date", "2024-06-01", "-o", "-"], capsys)
    assert code == 0 and out == "" and "Outcome: fresh-request" in err and "Request for information" in err


def test_a_complaint_on_a_review_outcome_states_only_what_the_review_shows(tmp_path, capsys):
    letter = write(tmp_path, "ro.txt", REVIEW_OUTCOME)
    code, out, err = run(["complaint", letter, *ME, "--date", "2022-11-20", "-o", "-", "--force"], capsys)
    body = out.split("## Documents")[0]
    # the review request's arrival is not the request's date; s31 was set aside at review
    assert "received my request on 10 October 2022" not in body
    assert "refused the request" not in body and "31(1)" not in body.split("## Internal review")[0]
    assert "upholding its original decision" in body
    assert "breached section 1(1)" not in body and "breached sections 1(1)" not in body
