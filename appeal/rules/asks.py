"""Fallback asks a lawyer adds to a ground: what the requester would accept instead.

A review request that argues only "disclose everything" gives the reviewer nothing to settle
on. Where a ground can be met part-way, a lawyer adds the fallback:

  banded      banded, rounded or aggregated figures in place of small numbers
              (personal data and small-number suppression: the identification risk falls away)
  aggregate   one total for the period, without the breakdown (NCND over statistics)
  counts      the counts alone, without the case-level detail the request also asks for (an
              offer that heads off personal-data and investigation objections to the detail)
  narrower    what could be provided within the limit: a shorter period or a narrower scope
              (advice and assistance: FOIA s16, FOISA s15, EIR/EISR reg 9); not attached by the
              engine (cost-limit-no-advice makes that point where advice is missing, and where
              advice was given it would be redundant), but available to rules
  schedule    a schedule of what is withheld, item by item, with the exemption for each

Each fallback is asked once per letter, on the first (strongest) finding it belongs to. The
wording is in templates/rules/asks/<kind>.j2, written so that it reads the same in a review
request (to the authority) and in a complaint (to the Commissioner): no "you"; rules need not know about this module: the engine
calls `add_fallbacks(ctx, findings)` after the rules have run. A rule may also call
`fallback_text(ctx, kind)` to put a fallback inside its own ask.
"""

from __future__ import annotations

from dataclasses import replace

# rule id -> the fallbacks that fit its ground, in order of preference
FALLBACKS: dict[str, tuple[str, ...]] = {
    "derivable-figures": ("banded",),
    "personal-data-aggregate": ("counts", "banded"),
    "ncnd-statistics": ("counts", "aggregate"),
    "investigation-not-specific": ("counts",),
    "exemption-not-explained": ("schedule",),
    "public-interest-missing": ("schedule",),
    "prejudice-not-demonstrated": ("schedule",),
    "public-interest-irrelevant": ("schedule",),
    "qualified-person-not-shown": ("schedule",),
}

# A finding from one of these already asks for the fallback in its own words.
ALREADY_ASKED = {
    "narrower": ("cost-limit-no-advice",),
}

import re  # noqa: E402  (kept beside the pattern it serves)

# The request asks for a breakdown: a single total is a real fallback only then.
_BREAKDOWN = re.compile(
    r"break ?down|broken down|\bby (?:month|year|age|gender|sex|ethnicity|area|ward|district|borough|offence|type|"
    r"category|station|team|unit|force|region)\b|\bfor each\b|\beach (?:year|month|quarter)\b|\bper (?:year|month)\b",
    re.IGNORECASE,
)

ADVICE_PROVISION = {"FOIA": "section 16", "FOISA": "section 15", "EIR": "regulation 9", "EISR": "regulation 9"}


def applicable(ctx, kind: str, rule_id: str = "") -> bool:
    """Whether a fallback makes sense for this letter and request."""
    req = ctx.request
    if kind == "banded":
        if rule_id == "derivable-figures":
            return not req.specific  # the letter's own table shows these are figures
        return req.known and req.statistics and not req.specific
    if kind == "aggregate":
        return req.known and req.statistics and not req.specific and bool(_BREAKDOWN.search(req.text))
    if kind == "counts":
        return req.known and req.statistics and req.case_level and not req.specific
    if kind == "narrower":
        return True
    if kind == "schedule":
        # documents withheld (not figures, not an NCND where even a schedule would reveal holding)
        if ctx.refusal.ncnd or not ctx.exemptions:
            return False
        return req.known and not req.mostly_statistics
    return False


def fallback_text(ctx, kind: str) -> str:
    from appeal.rules.context import render_rule

    variables = {
        "regime": ctx.regime,
        "scotland": ctx.regime in ("FOISA", "EISR"),
        "eir": ctx.regime in ("EIR", "EISR"),
        "provision": ADVICE_PROVISION.get(ctx.regime, "section 16"),
        "police": ctx.refusal.authority.kind == "police",
        "detail": [" ".join(w.split()) for w in ctx.request.words("case_level")[:2]],
    }
    argument, _ask = render_rule(f"asks/{kind}", ctx.template_dir, variables)
    return argument


def add_fallbacks(ctx, findings: list) -> list:
    """Append each applicable fallback once, to the first finding it belongs to."""
    present = {f.rule for f in findings}
    used: set[str] = set()
    out = []
    for f in findings:
        extra = []
        for kind in FALLBACKS.get(f.rule, ()):
            if kind in used or present & set(ALREADY_ASKED.get(kind, ())):
                continue
            if not applicable(ctx, kind, f.rule):
                continue
            used.add(kind)
            text = fallback_text(ctx, kind)
            if text and text not in f.ask:
                extra.append(text)
        if extra:
            f = replace(f, ask=" ".join([f.ask, *extra]).strip())
        out.append(f)
    return out
