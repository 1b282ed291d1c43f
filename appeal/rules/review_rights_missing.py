"""review-rights-missing: no review procedure or no right to complain to the Commissioner."""

from __future__ import annotations

import re

from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import ci

RULE = Rule(
    id="review-rights-missing",
    title="The letter does not set out the right to a review or to complain to the Commissioner",
    regimes=ALL_REGIMES,
    strengths=("weak",),
    detects="A refusal notice with no details of the internal review (complaints) procedure, or no mention "
    "of the right to complain to the Information Commissioner (Scottish Information Commissioner).",
    why="A refusal notice must give details of the authority's complaints procedure (or say it has none) "
    "and of the right to apply to the Commissioner: FOIA s17(7), EIR reg 14(5), FOISA s19. A notice without "
    "them is defective, and the omission can cost the requester a deadline.",
    example="A letter ending 'Should you have any further enquiries please contact me' with no review "
    "or Commissioner paragraph.",
    references=("FOIA s17(7)", "EIR reg 14(5)", "FOISA s19", "ICO guidance: refusal notices"),
    near_miss="A disclosure-log page, an annex or a copy that stops mid-sentence: the paragraph may be off "
    "the page, so the rule stays silent unless the copy runs to a sign-off.",
)

_REVIEW_WORDS = ci(r"internal review|review of (?:our|the|this) (?:decision|response)|ask for a review", word_start=True)


# A sign-off line near the end: the copy runs to the letter's close, so a missing paragraph is really missing.
_SIGN_OFF = ci(r"^[ \t]*(?:yours (?:sincerely|faithfully|truly)|(?:kind|best|warm|with kind)? ?regards|"
               r"many thanks|with best wishes)\b", re.M)
_TAIL = 700  # the sign-off must be within this many characters of the end (a name, a title, an address)


def _evidently_complete(ctx) -> bool:
    """The copy is the letter as sent, to its end: not flagged truncated, not a disclosure-log page,
    annex or web extract, and it closes with a sign-off. Anything less and the missing paragraph may
    simply be off the page (round 1: 12 of 15 wrong grounds were this rule on extracts)."""
    r = ctx.refusal
    if r.truncated or ctx.published_copy:
        return False
    tail_start = max(0, len(ctx.text) - _TAIL)
    return ctx.search(_SIGN_OFF, tail_start) is not None


def _ends_soon_after_review(ctx) -> bool:
    """The copy ends within a few lines of its review paragraph (an address, a cut-off e-mail)."""
    last = None
    for m in ctx.finditer(_REVIEW_WORDS):
        last = m
    return last is not None and len(ctx.text) - last.end() < 600


BASIS = {"FOIA": "section 17(7)", "EIR": "regulation 14(5)", "FOISA": "section 19", "EISR": "regulation 13"}


def check(ctx):
    r = ctx.refusal
    if not (ctx.exemptions or r.ncnd or r.cost is not None):
        return []  # not a refusal notice
    review_missing = not r.review_rights_stated and not r.is_review_outcome
    commissioner_missing = not r.commissioner_rights_stated
    if not (review_missing or commissioner_missing):
        return []
    if not review_missing and (r.truncated or _ends_soon_after_review(ctx)):
        return []  # the Commissioner paragraph follows the review one: this copy stops before it
    if not _evidently_complete(ctx):
        return []  # precision first: on an extract the authority answers "it was in the letter" in one line
    # Weak and last whatever the copy: the requester may hold an incomplete copy (a disclosure-log page,
    # an e-mail without its attachment), and the authority answers "it was in the letter" in one line.
    strength = "weak"
    evidence = []
    if ctx.ncnd_statement:
        evidence.append(ctx.ev(*ctx.ncnd_statement))
    else:
        for ex in ctx.exemptions:
            e = ctx.citation_ev(ex)
            if e:
                evidence.append(ctx.ev_sentence(e.start))
                break
    return [ctx.finding(
        RULE, strength, evidence,
        review_missing=review_missing,
        commissioner_missing=commissioner_missing,
        basis=BASIS.get(ctx.regime, BASIS["FOIA"]),
        copy_only=True,
        published=ctx.published_copy,
        review_outcome=r.is_review_outcome,
    )]
