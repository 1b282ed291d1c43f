"""national-security-mismatch: national-security or terrorism reasoning weighed where no national-security
provision is cited (the Cleveland form). The s23(5)/s24(2) "no link shown" point is a different rule:
security-link-unexplained."""

from __future__ import annotations

import re

from appeal.rules.context import ci
from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="national-security-mismatch",
    title="National security is weighed under an exemption that does not protect it",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="Reasoning about national security (or, where the request is not about terrorism, terrorism) "
    "weighed in a letter that cites no national-security provision (FOIA s23/s24, FOISA s31, EIR reg 12(5)(a), "
    "EISR reg 10(5)(a)).",
    why="Public-interest factors for maintaining an exemption must be inherent in the exemption relied on: the "
    "public interest in national security belongs to s23 and s24 (FOISA s31, EIR reg 12(5)(a)), not to s30 or "
    "s31. An authority that believes national security is at stake must cite, and justify, the provision that "
    "protects it; it cannot weigh national security in the balance of an exemption that does not.",
    example="A refusal under s30(3) only whose balance test says 'the security of the country is of paramount "
    "importance'.",
    references=("FOIA s2(2)(b), s23, s24", "ICO guidance: the public interest test (factors inherent in the "
                "exemption)"),
)

# National security proper: strong wherever it is weighed without a national-security provision.
NS_REASONING = ci(
    r"\bnational security\b|\bsecurity of the (country|nation|realm|united kingdom|uk)\b|\bthreat level\b|"
    r"\bsecurity bod(y|ies)\b|\binternational security\b|\bsecurity services?\b",
    word_start=True,
)
# Terrorism: a crime as well (s31(1)(a) covers its prevention), so it counts only where the request
# is not itself about terrorism, and then as a moderate point.
TERROR_REASONING = ci(r"\bterroris[mt]\w*|\bterrorist\w*|\bextremis[mt]\w*", word_start=True)


def _is_label(ctx, a, b):
    """A citation heading or an account of the exemption's nature, not reasoning."""
    s = ctx.text[a:b]
    return bool(re.search(r"(section|s\.?) ?2[34]\b[^.]{0,80}(exemption|class|absolute|listed|by virtue|bod(y|ies))", s, re.I)) or (
        len(s) < 90 and re.search(r"\b(section|s\.?) ?2[34]|^\s*national security\s*$", s, re.I))


# A unit's name ("Counter Terrorism Policing", "the Counter-Terrorism Command") is no reasoning.
_UNIT_NAME = re.compile(r"\bcounter[\s-]*terroris[mt]\w*", re.I)


def _weighs_terrorism(ctx, a, b) -> bool:
    s = ctx.text[a:b]
    return bool(TERROR_REASONING.search(_UNIT_NAME.sub(" ", s).lower()))


def _has_balance(ctx) -> bool:
    """A qualified exemption is relied on: there is a public interest balance to weigh factors in.
    A cost or vexatious refusal (s12, s14) weighs none, so a mention of security there is no factor."""
    return any(e.absolute is not True and e.test not in ("cost", "vexatious") for e in ctx.exemptions)


def check(ctx):
    if ctx.cited("national_security") or not ctx.exemptions or not _has_balance(ctx):
        return []
    ns = [s for s in ctx.sentences_matching(NS_REASONING) if not _is_label(ctx, *s)]
    strength = "strong"
    if not ns:
        if ctx.request.security_link:
            return []  # the request is about terrorism: talk of it is about the subject
        ns = [s for s in ctx.sentences_matching(TERROR_REASONING)
              if not _is_label(ctx, *s) and _weighs_terrorism(ctx, *s)]
        strength = "moderate"
    if not ns:
        return []
    cited = [e.citation for e in ctx.exemptions]
    return [ctx.finding(
        RULE, strength, [ctx.ev(a, b) for a, b in ns[:2]],
        kind="uncited", cited=cited, terrorism_only=strength == "moderate",
    )]
