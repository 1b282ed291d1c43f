"""The rules engine: Refusal -> findings, strongest first.

    check(refusal, timeline=None, include=(), exclude=(), minimum="weak") -> list[Finding]
    run(...) -> Report(findings, notes, timeline)   # notes: what could not be checked

Each rule is one module (see base.py and registry.py); its wording is a template
(templates/rules/<id>.j2). Rules that need dates use the timeline given, or one built from
the letter's own dates (received + letter date) when the deadline engine is available.
"""

from __future__ import annotations

from appeal.errors import UserError
from appeal.model import STRENGTHS, Finding, Refusal, Timeline
from appeal.rules.asks import add_fallbacks
from appeal.rules.base import STRENGTH_ORDER
from appeal.rules.context import Context, Report, build_timeline
from appeal.rules.registry import all_rules, get_rule, order_of

__all__ = ["check", "run", "Report", "build_timeline", "all_rules", "get_rule"]


def _ids(values, what: str) -> set[str]:
    if isinstance(values, str):
        values = [values]
    out = set()
    for v in values or ():
        for part in str(v).split(","):
            part = part.strip()
            if part:
                get_rule(part)  # UserError for an unknown id
                out.add(part)
    return out


def run(
    refusal: Refusal,
    *,
    timeline: Timeline | None = None,
    include=(),
    exclude=(),
    minimum: str = "weak",
    template_dir: str | None = None,
    dates: dict | None = None,
) -> Report:
    if minimum not in STRENGTHS:
        raise UserError(f"minimum strength {minimum!r} is not one of {', '.join(STRENGTHS)}")
    wanted = _ids(include, "include")
    unwanted = _ids(exclude, "exclude")
    if timeline is None:
        timeline, dates = build_timeline(refusal)
    ctx = Context(refusal, timeline=timeline, dates=dates, template_dir=template_dir)
    rules = [
        r for r in all_rules()
        if (not wanted or r.id in wanted) and r.id not in unwanted and r.applies_to(ctx.regime)
    ]
    findings: list[Finding] = []
    # Specific rules first: generic ones skip what a specific finding already argued.
    for rule in sorted(rules, key=lambda r: r.generic):
        findings.extend(rule.check(ctx) or ())
    limit = STRENGTH_ORDER[minimum]
    findings = [f for f in findings if STRENGTH_ORDER[f.strength] <= limit]
    findings.sort(key=lambda f: (STRENGTH_ORDER[f.strength], order_of(f.rule)))
    findings = add_fallbacks(ctx, findings)
    return Report(findings=findings, notes=ctx.notes, timeline=timeline)


def check(
    refusal: Refusal,
    *,
    timeline: Timeline | None = None,
    include=(),
    exclude=(),
    minimum: str = "weak",
    template_dir: str | None = None,
) -> list[Finding]:
    return run(
        refusal, timeline=timeline, include=include, exclude=exclude, minimum=minimum,
        template_dir=template_dir,
    ).findings
