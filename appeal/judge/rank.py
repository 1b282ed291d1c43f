"""Rank findings by how likely each is to succeed, and merge those that make one point.

`score(finding, refusal)` is the rule's weight (weights.py) times its strength, raised where the
letter's own words prove the point and lowered where they answer it:

- NCND after the same letter disclosed figures of the kind asked for (the fact that such
  information is held is no longer secret);
- national-security reasoning weighed where only s30 (or another non-security exemption) is
  cited: factors for maintaining an exemption must be inherent in it;
- NCND over counts of a kind that are routinely published (police recorded crime by Home
  Office offence code) or that the letter itself gives;
- but a "no security link" point where s23/s24 is cited is an explanation point at most, and
  where the subject plausibly touches a s23(3) body (NCA, CEOP, counter-terrorism, special
  branch) it is weak: the officer answers it in one line.

`select_grounds` merges findings that rest on the same words or make one point (three NCND
grounds become one ground with its points), puts technicalities last, and caps the letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from appeal.judge.weights import (
    DEFAULT_WEIGHT, PROCEDURAL, SIGNABLE, STRENGTH_FACTOR, TECHNICAL, WEIGHTS,
)
from appeal.model import Finding, Refusal

# Grounds that make one argument against one part of the letter: argued once, with points.
FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"ncnd-statistics", "ncnd-after-confirmation", "ncnd-unexplained"}),
    frozenset({"prejudice-not-demonstrated", "likelihood-not-stated", "adverse-effect-not-shown"}),
    frozenset({"cost-estimate-unrealistic", "cost-limit-no-estimate", "cost-limit-no-advice"}),
    frozenset({"public-interest-missing", "public-interest-irrelevant"}),
)

# Grounds about one exemption or one fact, argued on their own even where their quote is the
# same sentence another ground quotes (an NCND sentence that cites s30(3) carries both the
# NCND point and the s30 point): never folded into another ground by shared words.
INDEPENDENT = frozenset({
    "investigation-not-specific", "personal-data-aggregate", "national-security-mismatch",
    "security-link-unexplained", "inconsistent-disclosure", "public-domain", "derivable-figures",
    "error-of-law", "qualified-person-not-shown", "vexatious-unexplained", "irrelevant-consideration",
    "cost-estimate-unrealistic", "cost-limit-no-estimate", "cost-limit-no-advice", "outdated-law",
})

_SECURITY_BODY = re.compile(
    r"national crime agency|\bNCA\b|\bCEOP\b|child exploitation and online protection|"
    r"counter[- ]?terror|special branch|security service|\bMI5\b|\bMI6\b|\bGCHQ\b|"
    r"secret intelligence service|covert human intelligence|\bCHIS\b",
    re.IGNORECASE,
)
_PUBLISHED_STATS = re.compile(
    r"offence code|recorded crime|home office (?:offence|code|classification|statistics)|"
    r"published (?:statistics|figures|data)|office for national statistics|\bONS\b|"
    r"data\.police\.uk|police\.uk",
    re.IGNORECASE,
)


def _sections(refusal: Refusal | None) -> set[str]:
    if refusal is None:
        return set()
    return {e.section for e in refusal.exemptions}


def score(finding: Finding, refusal: Refusal | None = None) -> float:
    """How likely this ground is to succeed, 0-120: higher argues first."""
    rule = finding.rule
    weight = float(WEIGHTS.get(rule, DEFAULT_WEIGHT))
    text = refusal.text if refusal is not None else ""
    request = (refusal.request_text or "") if refusal is not None else ""
    heads = _sections(refusal)
    if rule == "national-security-mismatch":
        if heads & {"s23", "s24"}:
            # s23/s24 is cited: the point is the unexplained link (s17(1)(c)), no more.
            weight = float(WEIGHTS["security-link-unexplained"])
        elif heads & {"s30", "s31", "s38", "s40", "s43"}:
            weight += 20  # weighed under an exemption that is not about national security
    if rule in ("national-security-mismatch", "security-link-unexplained") and _SECURITY_BODY.search(text):
        weight = min(weight, 30.0)  # the letter itself names a security body or such work
    if rule == "ncnd-after-confirmation" and refusal is not None and refusal.partial_disclosure:
        weight += 12  # the same letter disclosed what it will not confirm it holds
    if rule == "ncnd-statistics":
        if _PUBLISHED_STATS.search(request) or _PUBLISHED_STATS.search(text):
            weight += 8
        if refusal is not None and refusal.partial_disclosure:
            weight += 6
    return weight * STRENGTH_FACTOR.get(finding.strength, 0.5)


def is_technical(rule: str) -> bool:
    return rule in TECHNICAL


def rank(findings: list[Finding], refusal: Refusal | None = None) -> list[Finding]:
    """Findings in the order a letter should argue them: likely success first; technicalities
    and procedural points after every substantive ground; ties keep the engine's order."""
    indexed = list(enumerate(findings))
    indexed.sort(key=lambda p: (_tier(p[1].rule), -score(p[1], refusal), p[0]))
    return [f for _, f in indexed]


def _tier(rule: str) -> int:
    return 2 if rule in TECHNICAL else 1 if rule in PROCEDURAL else 0


@dataclass
class GroundPlan:
    """One ground of the letter: its lead finding and the findings merged into it."""

    lead: Finding
    points: list[Finding] = field(default_factory=list)
    score: float = 0.0
    also: list[Finding] = field(default_factory=list)  # the same rule again (e.g. in the review outcome)

    @property
    def findings(self) -> list[Finding]:
        return [self.lead, *self.points]

    @property
    def everything(self) -> list[Finding]:
        return [self.lead, *self.points, *self.also]

    @property
    def rules(self) -> list[str]:
        return [f.rule for f in self.findings]

    @property
    def technical(self) -> bool:
        return self.lead.rule in TECHNICAL

    @property
    def signable(self) -> bool:
        return not self.technical and self.lead.rule not in PROCEDURAL and self.score >= SIGNABLE


@dataclass
class Selection:
    grounds: list[GroundPlan]  # what the letter argues, lead first
    left_out: list[GroundPlan]  # ranked below the cap, or too weak: listed in the summary
    ranked: list[Finding]  # every finding, in argued order (for check)

    def __iter__(self):
        """The lead finding of each ground, lead ground first (what `scan` lists)."""
        return iter([p.lead for p in self.grounds])

    def __len__(self) -> int:
        return len(self.grounds)


def _family(rule: str) -> frozenset[str] | None:
    return next((f for f in FAMILIES if rule in f), None)


def _spans(f: Finding) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in f.evidence if e.end > e.start]


def _covered(inner: Finding, outer: list[Finding]) -> bool:
    """Does `inner` rest on the same words as `outer`: every quote of it inside one of theirs,
    and most of that passage (a citation inside a sentence is not the same words)?"""
    spans = _spans(inner)
    if not spans:
        return False
    theirs = [s for f in outer for s in _spans(f)]
    return all(any(a <= s and e <= b and (e - s) * 2 >= (b - a) for a, b in theirs) for s, e in spans)


def merge(findings: list[Finding], refusal: Refusal | None = None, *,
          source=None) -> list[GroundPlan]:
    """Ranked findings -> grounds: one ground per rule and per family, and a finding whose
    every quote another (stronger) ground already uses is argued as a point of that ground.
    `source(f)` tells which letter a finding quotes (spans of different letters never match)."""
    source = source or (lambda f: 0)
    plans: list[GroundPlan] = []
    for f in rank(findings, refusal):
        same = next((p for p in plans if f.rule in p.rules), None)
        if same is not None:
            same.also.append(f)  # the same rule twice (response and review outcome): argued once
            continue
        fam = _family(f.rule)
        home = None
        if fam is not None:
            home = next((p for p in plans if _family(p.lead.rule) is fam), None)
        if home is None and f.rule not in TECHNICAL and f.rule not in PROCEDURAL and f.rule not in INDEPENDENT:
            home = next((p for p in plans if not p.technical and p.lead.rule not in PROCEDURAL
                         and _covered(f, [g for g in p.findings if source(g) == source(f)])), None)
        if home is not None:
            home.points.append(f)
            continue
        plans.append(GroundPlan(lead=f, score=score(f, refusal)))
    return plans


# How far a moderate ground may outscore a strong one and still give way to it at the cap.
STRENGTH_MARGIN = 10.0


def cap(plans: list[GroundPlan], limit: int | None, include=()) -> tuple[list[GroundPlan], list[GroundPlan]]:
    """At most `limit` grounds, likeliest first; a ground holding a rule named in `include`
    stays within the cap, in place of the last ground nobody named."""
    if limit is None or len(plans) <= limit:
        return list(plans), []
    named = set(include)
    kept = list(plans[:limit])
    # A strong, signable ground is never dropped for a moderate one it nearly matches: the
    # weights rank kinds of ground, the strength says how well this letter proves this one.
    for p in plans[limit:]:
        if p.lead.strength != "strong" or not p.signable:
            continue
        drop = next((k for k in reversed(kept) if k.lead.strength != "strong" and not set(k.rules) & named
                     and k.score < p.score + STRENGTH_MARGIN), None)
        if drop is not None:
            kept.remove(drop)
            kept.append(p)
    for p in plans[limit:]:
        if set(p.rules) & named:
            drop = next((k for k in reversed(kept) if not set(k.rules) & named), None)
            if drop is None:
                break
            kept.remove(drop)
            kept.append(p)
    kept.sort(key=plans.index)
    return kept, [p for p in plans if p not in kept]


def select_grounds(findings: list[Finding], refusal: Refusal | None = None, *, limit: int | None = 5,
                   all_strengths: bool = False, include: tuple[str, ...] = ()) -> Selection:
    """Rank, merge and cap. Weak findings stay out unless `all_strengths` or named in
    `include`; at most `limit` grounds (None: no cap). What is left out is kept for the summary."""
    ranked = rank(findings, refusal)
    usable = [f for f in ranked if all_strengths or f.strength != "weak" or f.rule in include]
    weak = [f for f in ranked if f not in usable]
    plans = merge(usable, refusal)
    kept, rest = cap(plans, limit, include)
    rest += [GroundPlan(lead=f, score=score(f, refusal)) for f in weak]
    return Selection(grounds=kept, left_out=rest, ranked=ranked)
