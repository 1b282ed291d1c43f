"""national-security-mismatch: national-security reasoning without s23/s24, or s23(5)/s24(2) for a
subject with no apparent link to security bodies."""

from __future__ import annotations

import re

from appeal.rules.context import ci
from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="national-security-mismatch",
    title="National security is invoked where it does not fit",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="(a) Reasoning about national security or terrorism in a letter that cites no national-security "
    "provision (FOIA s23/s24, FOISA s31, EIR reg 12(5)(a)); (b) s23(5) or s24(2) (or s23(1)/s24(1)) cited "
    "for a request with no apparent link to the security bodies or to national security.",
    why="Public-interest factors for maintaining an exemption must be inherent in the exemption relied on: the "
    "public interest in national security belongs to s23 and s24, not to s30 or s31. And s23 applies only to "
    "information supplied by, or relating to, the bodies listed in s23(3); s24 only where exemption is "
    "required to safeguard national security. Citing them for ordinary crime statistics, with no link shown, "
    "does not engage them. The ICO did not uphold a police force's s23(5)/s24(2) NCND for want of such a link "
    "(FS50246819, Surrey Police).",
    example="A refusal under s30(3) only whose balance test says 'the security of the country is of paramount "
    "importance'; or s23(5) cited for the number of offences recorded.",
    references=("FOIA s23(1), s23(3), s23(5), s24(1), s24(2)", "ICO guidance: section 23 security bodies",
                "ICO decision FS50246819 (Surrey Police)", "ICO guidance: the public interest test"),
)

NS_REASONING = ci(
    r"\bnational security\b|\bsecurity of the (country|nation|realm|united kingdom|uk)\b|\bterroris[mt]\w*|"
    r"\bterrorist\w*|\bthreat level\b|\bsecurity bod(y|ies)\b|\binternational security\b|\bsecurity services?\b|"
    r"\bextremis[mt]\w*",
    word_start=True,
)
LINK_EXPLAINED = ci(
    r"\b(MI5|MI6|GCHQ|Security Service|Secret Intelligence|Government Communications|special forces|"
    r"National Crime Agency|counter[- ]terrorism|security bod(y|ies) (were|was|are|is) (involved|consulted))\b",
)
_LABEL = re.compile(r"^[^\n]{0,20}(section|s\.?)\s*2[34]\b[^\n]*$", re.I)


def _is_label(ctx, a, b):
    """A citation heading or an account of the exemption's nature, not reasoning."""
    s = ctx.text[a:b]
    return bool(re.search(r"(section|s\.?) ?2[34]\b[^.]{0,80}(exemption|class|absolute|listed|by virtue|bod(y|ies))", s, re.I)) or (
        len(s) < 90 and re.search(r"\b(section|s\.?) ?2[34]|^\s*national security\s*$", s, re.I))


def check(ctx):
    ns_cited = ctx.cited("national_security")
    reasoning = [s for s in ctx.sentences_matching(NS_REASONING) if not _is_label(ctx, *s)]
    out = []
    # (a) national security argued, but no national-security provision cited.
    if reasoning and not ns_cited and ctx.exemptions:
        cited = [e.citation for e in ctx.exemptions]
        out.append(ctx.finding(
            RULE, "strong", [ctx.ev(a, b) for a, b in reasoning[:3]],
            kind="uncited", cited=cited, ns_cited=[], link_words=[], subject=None,
            ncnd_forms=[],
        ))
        return out
    # (b) s23/s24 cited for a subject with no apparent link to security bodies.
    if ns_cited and ctx.regime in ("FOIA",):
        prof = ctx.request
        if not prof.known:
            return []
        if prof.security_link or prof.specific:
            return []  # a named person or incident may well concern a security body
        explained = bool(ctx.search(LINK_EXPLAINED, response=True))
        strength = "moderate" if explained else "strong"
        evidence = [ctx.citation_ev(e) for e in ns_cited]
        ctx.cover(ns_cited, RULE.id)
        out.append(ctx.finding(
            RULE, strength, evidence,
            kind="no_link", cited=[e.citation for e in ctx.exemptions],
            ns_cited=[e.citation for e in ns_cited],
            ncnd_forms=[e.citation for e in ns_cited if e.citation in ("s23(5)", "s24(2)") or e.ncnd],
            explained=explained,
            subject=_subject(prof),
        ))
    return out


def _subject(prof):
    if prof.statistics and prof.spending:
        return "figures and spending"
    if prof.statistics:
        return "figures"
    if prof.spending:
        return "spending"
    if prof.policy:
        return "policies or procedures"
    return None
