"""How likely each ground is to succeed: a weight per rule, scaled by the finding's strength.

These are judgements, not law: how often a ground of this kind, well made, moves a reviewing
officer or the Commissioner. They come from the lawyer's reading of our letters
(shared/reviews/lawyer-review.md): the grounds that win are the ones the authority's own
words prove (NCND over counts it publishes or has just disclosed, national security weighed
under an exemption that is not about it); explanation points (s17(1)(c)) come next; a missing
subsection or review-rights paragraph is a technicality that an officer answers in one line.

A rule not listed here gets DEFAULT_WEIGHT: a new rule ranks in the middle until judged.
"""

from __future__ import annotations

DEFAULT_WEIGHT = 50

WEIGHTS: dict[str, int] = {
    # The authority's own words defeat it.
    "public-domain": 92,
    "inconsistent-disclosure": 88,  # (scan) another authority disclosed the same information
    "ncnd-statistics": 90,
    "derivable-figures": 88,
    "ncnd-after-confirmation": 85,
    "national-security-mismatch": 85,
    "error-of-law": 82,  # the letter itself misstates the law: a lawyer leads with it
    "investigation-not-specific": 75,
    "personal-data-aggregate": 74,
    # A test the law sets and the letter does not meet.
    "cost-estimate-unrealistic": 80,  # realism of the estimate: what wins cost cases
    "vexatious-unexplained": 72,
    "qualified-person-not-shown": 80,  # no opinion, no s36: the exemption is not engaged
    "irrelevant-consideration": 76,
    "adverse-effect-not-shown": 66,
    "public-interest-missing": 62,
    "prejudice-not-demonstrated": 60,
    "ncnd-unexplained": 60,
    "cost-limit-no-estimate": 58,
    "mosaic-unsupported": 56,
    "exemption-not-explained": 55,
    "cost-limit-no-advice": 54,
    "security-link-unexplained": 50,
    "public-interest-irrelevant": 45,
    "boilerplate-reasoning": 40,
    "likelihood-not-stated": 35,
    # Procedure: real breaches, but they win no information.
    "late-response": 22,
    "review-late": 22,
    "outdated-law": 24,
    # Technicalities: answered in one line; never the lead.
    "subsection-not-specified": 14,
    "template-artifacts": 12,
    "review-rights-missing": 8,
}

STRENGTH_FACTOR = {"strong": 1.0, "moderate": 0.9, "weak": 0.6}

# Never the lead ground, and never enough on their own to make a letter worth sending.
TECHNICAL = frozenset({"subsection-not-specified", "review-rights-missing", "template-artifacts"})
# Breaches worth recording (in a complaint above all) that win no information by themselves.
PROCEDURAL = frozenset({"late-response", "review-late", "outdated-law"})

# Below this score a ground is not one a lawyer would sign on its own.
SIGNABLE = 40.0
# Below this, a ground the letter's own words answer: left out where enough signable grounds exist.
FLOOR = 30.0
