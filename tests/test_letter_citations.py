"""Every authority a letter prints is a verified precedent's citation, exactly, apt for the
letter's regime and not one that cuts against the requester.

Three sweeps, each of which fails if the selection or the printing breaks:
  1. every rule x regime x branch, driving the precedent selection directly;
  2. every synthetic refusal in tests/letters and tests/rules_letters, forced into each regime,
     through the rules and both letters (review and complaint);
  3. the checked-in examples/ letters.
A letter's text is also searched for anything that looks like a citation (a neutral citation,
an appeal or decision-notice number, a line to take, "not seen") outside the strings the
library allows: nothing may be cited in passing either.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from appeal import precedents as P
from appeal.render.letters import build_complaint, build_review, citation_text, to_markdown
from appeal.render.requester import Requester
from appeal.rules.context import precedents_for
from appeal.rules.registry import all_rules

HERE = Path(__file__).parent
ROOT = HERE.parent
REGIMES = ("FOIA", "EIR", "FOISA", "EISR")
ME = Requester(name="Ann Example", email="ann@example.org", address=["1 Test Row", "Testtown TT1 1TT"])

# Branches a rule's findings take (their `kind` fact) where the library tags a branch.
VARIANTS = {"national-security-mismatch": ("uncited", "no_link")}

# Anything that reads as a citation of an authority.
CITATION_LIKE = re.compile(
    r"\[\d{4}\]\s+(UKSC|UKHL|EWCA|EWHC|CSIH|CSOH|UKUT|UKFTT|UKIT|UKICO)|\bEA/\d{4}/\d{3,4}\b|\bEA_\d{4}_\d{4}\b|"
    r"\bFS5\d{7}\b|\bFER0\d{6}\b|\bIC-\d{4,}|\bLTT\s?\d+\b|\bDecision \d{3}/\d{4}\b|\bcase study\b|"
    r"\bnot seen\b|\b[A-Z][A-Za-z&.,' ]{1,60} v (The )?(Information Commissioner|IC\b|Scottish Information)",
)


def allowed_strings(regime: str) -> list[str]:
    """The exact strings a letter in `regime` may print: citable, verified, in regime."""
    out = []
    for p in P.load_all():
        if p.citable and regime in p.regimes:
            out.append(citation_text(p, regime))
    return sorted(set(out), key=len, reverse=True)


def check_printed(text: str, regime: str, where: str) -> list[str]:
    """Fail on a citation-like string outside an allowed citation; return what was cited."""
    flat = " ".join(text.replace("\\", "").split())
    cited = []
    for s in allowed_strings(regime):
        if s in flat:
            cited.append(s)
            flat = flat.replace(s, " <CITED> ")
    for m in CITATION_LIKE.finditer(flat):
        pytest.fail(f"{where}: {regime} letter prints {m.group(0)!r} outside any verified citation: "
                    f"...{flat[max(0, m.start() - 120):m.end() + 120]}...")
    return cited


def assert_citation_ok(p, printed: str, regime: str, rule: str) -> None:
    assert p.verified, (rule, regime, p.id)
    assert p.direction != "hurts", (rule, regime, p.id)
    assert regime in p.regimes, (rule, regime, p.id)
    exact = {p.letter_citation}
    if p.general_reason:
        exact.add(f"{p.letter_citation} ({p.general_reason})")
    assert printed in exact, (rule, regime, p.id, printed)
    if p.scottish and regime not in ("FOISA", "EISR"):
        assert p.general_reason and printed.endswith(f"({p.general_reason})"), (rule, regime, p.id)
    assert "not seen" not in printed.lower()
    if p.kind == "guidance":
        # guidance: title, date (or an honest "no date shown") and address
        assert "http" in printed, (p.id, printed)
        assert re.search(r"\d{4}|no date shown", printed), (p.id, printed)


# ---- 1. every rule, regime and branch ---------------------------------------------------------
@pytest.mark.parametrize("regime", REGIMES)
@pytest.mark.parametrize("rule", [r.id for r in all_rules()])
def test_every_rule_selects_only_citable_in_regime_authority(rule, regime):
    for variant in (None,) + VARIANTS.get(rule, ()):
        for pid in precedents_for(rule, regime, variant):
            p = P.get(pid)
            assert_citation_ok(p, citation_text(p, regime), regime, rule)


def test_no_printable_string_says_not_seen_or_is_composed():
    for p in P.load_all():
        for regime in p.regimes:
            s = citation_text(p, regime)
            assert s in (p.letter_citation, f"{p.letter_citation} ({p.general_reason})")
            if p.citable:
                assert "not seen" not in s.lower() and "case study" not in s.lower(), p.id


def test_scottish_authority_outside_scotland_says_why():
    csa = P.get("csa-v-sic-2008")
    assert citation_text(csa, "FOISA") == csa.letter_citation
    assert citation_text(csa, "FOIA").endswith(f"({csa.general_reason})")
    sic = P.get("sic-informant-payments-2009")
    assert set(sic.regimes) <= {"FOISA", "EISR"}
    assert "sic-informant-payments-2009" not in precedents_for("mosaic-unsupported", "FOIA")
    for regime in ("FOIA", "EIR"):
        for p in P.load_all():
            if p.citable and p.scottish and regime in p.regimes:
                assert p.general_reason, p.id


def test_adverse_and_unverified_never_reach_a_letter():
    """Drive the letter builder with findings that name uncitable precedents directly."""
    from appeal.model import Evidence, Finding

    bad = [p.id for p in P.load_all() if not p.citable]
    assert {"dbt-uksc-2025", "fcdo-williams-2021", "bromley-ic-299647", "imsi-catcher-ncnd-2018"} <= set(bad)
    q = "We can neither confirm nor deny."
    f = Finding(rule="ncnd-statistics", title="t", strength="strong", evidence=[Evidence(q, 0, len(q))],
                argument="An argument.", precedents=bad + ["csa-v-sic-2008"], ask="Ask.")
    from appeal.model import Authority, Dates, Refusal
    ref = Refusal(authority=Authority(name="X Council"), regime="FOIA", dates=Dates(letter="2024-03-01"),
                  request_text="How many?")
    for regime in REGIMES:
        letter = build_review(ref, [f], None, ME, regime=regime, letter_date=dt.date(2024, 3, 5))
        printed = letter.grounds[0].citations
        assert printed == [citation_text(P.get("csa-v-sic-2008"), regime)], (regime, printed)


def test_out_of_regime_precedent_is_not_printed():
    from appeal.model import Authority, Dates, Evidence, Finding, Refusal

    q = "We can neither confirm nor deny."
    f = Finding(rule="review-rights-missing", title="t", strength="strong", evidence=[Evidence(q, 0, len(q))],
                argument="An argument.", precedents=["ico-ltt191-eir-review", "ico-refusal-notice-guide"], ask="Ask.")
    ref = Refusal(authority=Authority(name="X Council"), regime="FOIA", dates=Dates(letter="2024-03-01"))
    # a technicality alone never leads a letter: named with include, it is kept for this check
    named = ("review-rights-missing",)
    foia = build_review(ref, [f], None, ME, regime="FOIA", letter_date=dt.date(2024, 3, 5),
                        include=named).grounds[0].citations
    eir = build_review(ref, [f], None, ME, regime="EIR", letter_date=dt.date(2024, 3, 5),
                       include=named).grounds[0].citations
    assert foia == [P.get("ico-refusal-notice-guide").letter_citation]
    assert eir == [P.get("ico-ltt191-eir-review").letter_citation]


# ---- 2. synthetic refusals through the rules and both letters --------------------------------
LETTER_FILES = sorted((HERE / "letters").glob("*.txt")) + sorted((HERE / "rules_letters").glob("*.txt"))


@pytest.mark.parametrize("path", LETTER_FILES, ids=[p.stem for p in LETTER_FILES])
def test_synthetic_refusals_print_only_verified_citations_in_every_regime(path):
    from appeal.parse import parse_text
    from appeal.rules import run

    text = path.read_text(encoding="utf-8")
    for regime in REGIMES:
        refusal = parse_text(text, source=path.name)
        refusal.regime = regime
        findings = run(refusal).findings
        for f in findings:
            for pid in f.precedents:
                p = P.get(pid)
                assert p is not None and p.citable and regime in p.regimes, (path.stem, regime, f.rule, pid)
        day = dt.date(2024, 6, 3)
        review = build_review(refusal, findings, None, ME, regime=regime, letter_date=day, all_strengths=True)
        complaint = build_complaint(refusal, findings, None, ME, regime=regime, letter_date=day,
                                    review_requested=dt.date(2024, 4, 1), all_strengths=True)
        for letter in (review, complaint):
            md = to_markdown(letter)
            cited = check_printed(md, regime, f"{path.stem} {letter.kind}")
            for g in letter.grounds:
                for c in g.citations:
                    assert c in cited, (path.stem, regime, c)


def test_the_sweep_actually_prints_authority():
    """The sweep above is not vacuous: across the synthetic letters, the rules print several
    distinct authorities in each UK regime."""
    from appeal.parse import parse_text
    from appeal.rules import run

    seen = {r: set() for r in REGIMES}
    for path in LETTER_FILES:
        text = path.read_text(encoding="utf-8")
        for regime in REGIMES:
            refusal = parse_text(text, source=path.name)
            refusal.regime = regime
            for f in run(refusal).findings:
                seen[regime].update(f.precedents)
    assert len(seen["FOIA"]) >= 8, seen["FOIA"]
    assert seen["EIR"] and seen["FOISA"], seen


# ---- 3. the checked-in examples ----------------------------------------------------------------
EXAMPLE_LETTERS = [p for p in sorted((ROOT / "examples").glob("*.md")) if p.name != "README.md"]


def _regime_of(md: str) -> str:
    if "Scottish Information Commissioner" in md or "(Scotland)" in md:
        return "EISR" if "Environmental Information (Scotland)" in md else "FOISA"
    return "EIR" if "regulation 18" in md or "Environmental Information Regulations 2004, as" in md else "FOIA"


@pytest.mark.parametrize("path", EXAMPLE_LETTERS, ids=[p.name for p in EXAMPLE_LETTERS])
def test_example_letters_print_only_verified_citations(path):
    md = path.read_text(encoding="utf-8")
    check_printed(md, _regime_of(md), path.name)
