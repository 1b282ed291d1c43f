"""qualified-person-not-shown: FOIA s36 relied on with no qualified person's opinion identified."""

from __future__ import annotations

from appeal.rules.base import Rule
from appeal.rules.context import ci

RULE = Rule(
    id="qualified-person-not-shown",
    title="Section 36 is relied on without the qualified person's opinion",
    regimes=("FOIA",),
    strengths=("moderate", "weak"),
    detects="A FOIA refusal relying on s36 (prejudice to the effective conduct of public affairs) that does not "
    "say that a qualified person gave the opinion the exemption requires (moderate), or mentions the qualified "
    "person without saying who that is or when the opinion was given (weak).",
    why="Section 36 is engaged only 'in the reasonable opinion of a qualified person' (s36(2)); for most "
    "authorities the qualified person is a named senior office-holder (s36(5)). Without an opinion given by that "
    "person the exemption is not engaged at all, whatever the merits. The opinion must be reasonable and must "
    "have been given before the refusal, so the requester is entitled to know who gave it and when. FOISA s30 "
    "has no qualified-person requirement (there the authority itself must show substantial prejudice), and the "
    "EIR have no s36, so this rule is FOIA only.",
    example="'Section 36(2)(b)(ii) applies because disclosure would inhibit the free and frank exchange of views.' "
    "with no mention of a qualified person.",
    near_miss="'The Chief Executive, as the qualified person for the Council, gave her opinion on 3 May 2024 that "
    "section 36(2)(b)(ii) is engaged.'",
    references=("FOIA s36(2) and (5)", "ICO guidance: Section 36 - prejudice to the effective conduct of public affairs"),
)

QP = ci(r"qualified\s+person|\bqp\b|reasonable opinion|opinion of the (?:minister|chief|secretary|vice|permanent|"
        r"clerk|speaker|head|director|accounting)", word_start=False)
WHO_WHEN = ci(
    r"minister|secretary of state|chief (?:executive|constable|officer)|vice[- ]chancellor|principal|"
    r"permanent secretary|director|clerk|monitoring officer|head of|accounting officer|chair\b|commissioner|"
    r"registrar|president|provost|dean|governor|\bon \d{1,2}(?:st|nd|rd|th)? |\b\d{1,2}/\d{1,2}/\d{2,4}\b|"
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
)


PENDING = ci(r"will (?:be )?(?:seek|sought|obtain\w*|ask\w*|consult\w*)|is being sought|(?:are|is) (?:awaiting|seeking)|"
             r"has not yet|have not yet|not yet (?:been )?(?:given|obtained|received|sought)|in due course",
             word_start=True)


def check(ctx):
    s36 = ctx.cited("s36")
    if not s36:
        return []
    qp = [m for m in ctx.finditer(QP, response=True)]
    pending = [m for m in qp if ctx.search(PENDING, *ctx.sentence_at(m.start()))]
    if pending:
        return [ctx.finding(
            RULE, "moderate", [ctx.citation_ev(s36[0]), ctx.ev_sentence(pending[0].start())],
            mentioned=True, pending=True, named=True,
            citations=sorted({e.citation for e in s36}),
        )]
    if qp:
        for m in qp:
            a, b = ctx.sentence_at(m.start())
            if ctx.search(WHO_WHEN, a, b):
                return []
        if ctx.refusal.truncated:
            return []
        strength = "weak"
        evidence = [ctx.citation_ev(s36[0]), ctx.ev_sentence(qp[0].start())]
    else:
        if ctx.refusal.truncated:
            return []
        strength = "moderate"
        evidence = [ctx.citation_ev(s36[0])]
    return [ctx.finding(
        RULE, strength, evidence,
        mentioned=bool(qp),
        pending=False,
        named=any(getattr(e, "found", "cited") == "cited" for e in s36),
        citations=sorted({e.citation for e in s36}),
    )]
