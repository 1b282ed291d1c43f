"""The regulator as dated data, and the review time limits stated as the law states them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from appeal.errors import UserError
from appeal.law import regulator as R
from appeal.law import time_limits

ROOT = Path(__file__).resolve().parent.parent
KEY = "duaa-2025-s119"


# ---- the regulator ---------------------------------------------------------------------------
def test_commencement_not_seen_keeps_the_commissioner():
    """DUAA 2025 s119's commencement was not seen: the data says so, and the old name stays."""
    assert "date" not in R.commencement(KEY)
    for regime in ("FOIA", "EIR"):
        reg = R.regulator_for(regime, dt.date(2030, 1, 1))
        assert reg.name == "the Information Commissioner"
        assert reg.title == "Information Commissioner's Office"
        assert reg.address[-1] == "SK9 5AF" and reg.web_form.startswith("https://ico.org.uk/")
        assert reg.valid_to is None and reg.pending and "not yet seen" in reg.pending
        assert "117" in R.commencement(KEY)["provision"] and "2026/386" in R.commencement(KEY)["reference"]


@pytest.mark.parametrize("regime", ["FOIA", "EIR"])
def test_a_commencement_date_switches_the_name_on_that_day(regime):
    start = dt.date(2027, 4, 1)  # fabricated for the test: the real date is not known
    before = R.regulator_for(regime, start - dt.timedelta(days=1), commencements={KEY: start})
    after = R.regulator_for(regime, start, commencements={KEY: start})
    assert before.name == "the Information Commissioner" and before.valid_to == start and before.pending is None
    assert after.name == "the Information Commission" and after.valid_from == start
    assert after.short_name == "the Commission" and after.title == "Information Commission"
    # the Commission's own address and form were not seen: the old ones are used, and said so
    assert after.address == before.address and after.web_form == before.web_form
    assert any("not seen" in a for a in after.assumptions)


def test_scotland_is_unaffected():
    for regime in ("FOISA", "EISR"):
        reg = R.regulator_for(regime, dt.date(2027, 4, 1), commencements={KEY: dt.date(2027, 1, 1)})
        assert reg.name == "the Scottish Information Commissioner" and reg.address[-1] == "KY16 9DS"
        assert reg.pending is None


def test_unknown_regime_is_a_user_error():
    with pytest.raises(UserError):
        R.regulator_for("GDPR", dt.date(2026, 1, 1))


def test_every_period_has_its_reference():
    data = R._data()
    for fam, periods in data["regulators"].items():
        for p in periods:
            assert p["reference"].strip() and p["name"].startswith("the ")


def _complaint_md(regime, day, commencements=None, monkeypatch=None):
    from appeal.model import Authority, Dates, Refusal
    from appeal.render.letters import build_complaint, build_review, to_markdown
    from appeal.render.requester import Requester

    if commencements is not None:
        real = R.regulator_for
        monkeypatch.setattr(R, "regulator_for",
                            lambda reg, on=None, **kw: real(reg, on, commencements=commencements))
    me = Requester(name="A", email="a@b.org", address=["1 Row"])
    ref = Refusal(authority=Authority(name="X Council"), regime=regime, dates=Dates(letter="2026-01-05"))
    c = build_complaint(ref, [], None, me, regime=regime, letter_date=day, review_requested=day)
    r = build_review(ref, [], None, me, regime=regime, letter_date=day)
    return to_markdown(c), to_markdown(r), c


@pytest.mark.parametrize("regime", ["FOIA", "EIR"])
def test_letters_name_the_regulator_in_force_on_the_letters_date(regime, monkeypatch):
    start = dt.date(2027, 4, 1)
    md_c, md_r, letter = _complaint_md(regime, start - dt.timedelta(days=1), {KEY: start}, monkeypatch)
    assert "Information Commissioner's Office" in md_c and "the Information Commissioner under" in md_r
    md_c, md_r, letter = _complaint_md(regime, start, {KEY: start}, monkeypatch)
    assert "Information Commissioner" not in md_c and "Information Commissioner" not in md_r
    assert md_c.count("Information Commission") >= 1 and "the Information Commission under" in md_r
    assert "I ask the Commission to investigate" in md_c
    assert any("not seen" in a for a in letter.assumptions)


def test_no_template_hard_codes_the_regulator():
    """Every letter template takes the regulator's name from the `regulator` variable."""
    for path in sorted((ROOT / "templates" / "letters").glob("*.j2")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        for literal in ("Information Commissioner", "Wycliffe House", "Kinburn Castle", "The ICO asks"):
            assert literal not in text, (path.name, literal)


# ---- internal review limits: what the law says, nothing stronger ----------------------------
FORBIDDEN = (
    r"at the very latest", r"at the latest \(40", r"40 working days at most", r"within 40 only in exceptional",
    r"only in exceptional (cases|circumstances)", r"maximum of 40", r"40[- ]working[- ]day maximum",
    r"Review due at the latest",
)


def test_no_template_calls_40_working_days_a_cap_on_a_foia_review():
    """s45 Code 2018 paras 5.3-5.5: 20 working days is the normal target; 5.5 allows longer for
    complex reviews; 40 working days is when the ICO accepts a complaint, not a cap."""
    for path in sorted((ROOT / "templates").rglob("*.j2")):
        text = path.read_text(encoding="utf-8")
        for pat in FORBIDDEN:
            assert not re.search(pat, text, re.I), (path.name, pat)
    lim = time_limits.limit("FOIA", "review_max")
    assert "Not a cap" in lim.note and "accepts a complaint" in lim.note and lim.statutory is False
    assert time_limits.limit("FOIA", "review").statutory is False


def test_statutory_review_limits():
    eir = time_limits.limit("EIR", "review")
    assert eir.working_days == 40 and eir.statutory is True and "11(4)" in eir.basis
    foisa = time_limits.limit("FOISA", "review")
    assert foisa.working_days == 20 and foisa.statutory is True and "s21" in foisa.basis


@pytest.mark.parametrize("regime", ["FOIA", "EIR", "FOISA", "EISR"])
def test_rendered_letters_do_not_cap_a_review(regime, monkeypatch):
    md_c, md_r, _ = _complaint_md(regime, dt.date(2026, 3, 2))
    for md in (md_c, md_r):
        for pat in FORBIDDEN:
            assert not re.search(pat, md, re.I), (regime, pat)


def test_deadlines_name_the_regulator_in_force(monkeypatch):
    from appeal.deadlines import compute_timeline
    from appeal.deadlines.report import event_label

    t = compute_timeline("FOIA", review_requested="2026-10-01", today="2026-10-02")
    assert any("the Information Commissioner will accept" in n for n in t.notes)
    assert event_label("commissioner_complaint_by", "FOIA") == "Complain to the Information Commissioner by"
    real = R.regulator_for
    monkeypatch.setattr(R, "regulator_for",
                        lambda reg, on=None, **kw: real(reg, on, commencements={KEY: dt.date(2026, 1, 1)}))
    t = compute_timeline("FOIA", review_requested="2026-10-01", today="2026-10-02")
    assert any("the Information Commission will accept" in n for n in t.notes)
    assert event_label("commissioner_complaint_by", "EIR") == "Complain to the Information Commission by"
