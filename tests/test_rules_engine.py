"""The engine: catalogue, documentation, ordering, include/exclude, minimum, precedents."""

from __future__ import annotations

from pathlib import Path

import pytest

from appeal.errors import UserError
from appeal.model import Authority, Dates, Exemption, Refusal
from appeal.rules import check, run
from appeal.rules.base import STRENGTH_ORDER
from appeal.rules.registry import BATCH_ONLY, all_rules, get_rule

ROOT = Path(__file__).resolve().parents[1]
DESIGN_IDS = [
    "late-response", "review-rights-missing", "exemption-not-explained", "subsection-not-specified",
    "public-interest-missing", "public-interest-irrelevant", "prejudice-not-demonstrated",
    "likelihood-not-stated", "mosaic-unsupported", "boilerplate-reasoning", "national-security-mismatch",
    "ncnd-unexplained", "ncnd-statistics", "ncnd-after-confirmation", "personal-data-aggregate",
    "investigation-not-specific", "cost-limit-no-estimate", "cost-limit-no-advice", "outdated-law",
    "template-artifacts", "inconsistent-disclosure", "review-late", "security-link-unexplained",
    "adverse-effect-not-shown",
    "public-domain", "derivable-figures", "cost-estimate-unrealistic", "error-of-law", "irrelevant-consideration",
    "vexatious-unexplained", "qualified-person-not-shown",
]


def hand_letter() -> Refusal:
    """A refusal built by hand (no parser): NCND over counts under s23(5) and s31(3)."""
    text = (
        "You asked: How many burglaries were recorded in 2020?\n\n"
        "The force neither confirms nor denies that it holds the information by virtue of "
        "Section 23(5) and Section 31(3).\n\nYours sincerely\n"
    )
    req = "How many burglaries were recorded in 2020?"
    i23, i31 = text.index("Section 23(5)"), text.index("Section 31(3)")
    return Refusal(
        authority=Authority(name="Testshire Police", kind="police"),
        regime="FOIA",
        dates=Dates(),
        request_text=req,
        exemptions=[
            Exemption("s23(5)", ncnd=True, absolute=True, test="class", spans=[[i23, i23 + 13]]),
            Exemption("s31(3)", ncnd=True, absolute=False, test="prejudice", spans=[[i31, i31 + 13]]),
        ],
        ncnd=True,
        ncnd_scope="all",
        text=text,
    )


def test_catalogue_is_design_md_in_order():
    assert [r.id for r in all_rules()] == DESIGN_IDS
    assert BATCH_ONLY == ("inconsistent-disclosure",)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_every_rule_is_documented_and_has_a_template(rule):
    assert rule.title and rule.detects and rule.why and rule.example and rule.references
    assert rule.strengths and all(s in STRENGTH_ORDER for s in rule.strengths)
    assert list(rule.strengths) == sorted(rule.strengths, key=STRENGTH_ORDER.get)
    template = ROOT / "templates" / "rules" / f"{rule.id}.j2"
    body = template.read_text(encoding="utf-8")
    assert "{% set ask %}" in body, f"{template.name} has no ask"
    assert "**" not in body and "\n#" not in body and "\n- " not in body, "plain prose, no Markdown"
    assert callable(rule.check)


def test_findings_sorted_strongest_first_then_catalogue_order():
    findings = check(hand_letter())
    keys = [(STRENGTH_ORDER[f.strength], DESIGN_IDS.index(f.rule)) for f in findings]
    assert keys == sorted(keys) and len(findings) >= 3
    assert findings[0].strength == "strong"


def test_include_exclude_and_minimum():
    from appeal.parse import parse_text

    letter = parse_text((Path(__file__).parent / "rules_letters" / "ncnd_counts_police.txt").read_text())
    every = {f.rule for f in check(letter)}
    assert "ncnd-statistics" in every and "subsection-not-specified" in every
    assert {f.rule for f in check(letter, include=["ncnd-statistics"])} == {"ncnd-statistics"}
    assert {f.rule for f in check(letter, include="ncnd-statistics,subsection-not-specified")} == {
        "ncnd-statistics", "subsection-not-specified"}
    assert "ncnd-statistics" not in {f.rule for f in check(letter, exclude=("ncnd-statistics",))}
    assert all(f.strength == "strong" for f in check(letter, minimum="strong"))
    assert len(check(letter, minimum="strong")) < len(every)


@pytest.mark.parametrize("kw", [{"include": ["no-such-rule"]}, {"exclude": ["nope"]}, {"minimum": "huge"}])
def test_bad_rule_ids_are_user_errors(kw):
    with pytest.raises(UserError):
        check(hand_letter(), **kw)


def test_batch_rule_is_silent_on_one_letter():
    assert check(hand_letter(), include=["inconsistent-disclosure"]) == []
    assert "inconsistent-disclosure" not in {f.rule for f in check(hand_letter())}


def test_get_rule_unknown_id():
    with pytest.raises(UserError, match="unknown rule"):
        get_rule("made-up")


def test_named_suspect_keeps_ncnd_rules_quiet_on_a_hand_built_letter():
    letter = hand_letter()
    letter.request_text = "Is Mr John Fakename under investigation for burglary?"
    letter.text = letter.text.replace("How many burglaries were recorded in 2020?", letter.request_text)
    rules = {f.rule for f in check(letter)}
    assert "ncnd-statistics" not in rules and "national-security-mismatch" not in rules


def test_no_request_text_keeps_request_rules_silent():
    letter = hand_letter()
    letter.request_text = None
    rules = {f.rule for f in check(letter)}
    assert not rules & {"ncnd-statistics", "national-security-mismatch", "personal-data-aggregate",
                        "public-interest-irrelevant", "investigation-not-specific"}
    assert "subsection-not-specified" in rules  # the letter alone still shows that


def test_every_precedent_cited_is_verified_and_in_the_library():
    from appeal.precedents import get

    letters = Path(__file__).parent / "rules_letters"
    from appeal.parse import parse_text

    cited = set()
    for path in sorted(letters.glob("*.txt")):
        for f in check(parse_text(path.read_text(encoding="utf-8"))):
            assert len(f.precedents) <= 3
            cited.update(f.precedents)
    for f in check(hand_letter()):
        cited.update(f.precedents)
    assert cited, "some finding should cite a precedent"
    for pid in cited:
        p = get(pid)
        assert p is not None and p.verified is True and not p.against_requester, pid


def test_notes_report_what_could_not_be_checked():
    report = run(hand_letter())
    assert any("late-response not checked" in n for n in report.notes)


def test_template_override_from_user_folder(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "ncnd-statistics.j2").write_text("Custom argument for {{ authority }}.{% set ask %}Custom ask.{% endset %}")
    f = next(x for x in check(hand_letter(), template_dir=str(tmp_path)) if x.rule == "ncnd-statistics")
    # the fallback ask (templates/rules/asks/) follows the rule's own ask
    assert f.argument == "Custom argument for Testshire Police." and f.ask.startswith("Custom ask.")
