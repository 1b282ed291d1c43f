"""template-artifacts: unfilled placeholders, another authority's name, another request's reference."""

from __future__ import annotations

import re

from appeal.rules.context import ci
from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="template-artifacts",
    title="The letter contains template leftovers",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="Unfilled placeholders ([NAME], XXX, <insert>), gaps where a name or subject should be ('you ask "
    "for data on .', 'I can confirm that the holds'), another authority named as the decision-maker, a "
    "reference number that is not this request's, or a document still marked draft.",
    why="Leftovers from a template are the letter's own evidence that it was assembled from another response "
    "rather than written for this request. They do not by themselves make a refusal unlawful, but they bear "
    "directly on whether the authority considered this request and on the weight its reasons deserve; a wrong "
    "authority or reference can also leave the requester unsure which decision is under review.",
    example="A letter from one force saying 'Another County Police neither confirms nor denies...', or "
    "'In relation to request number FOI/1111' in the reply to FOI/2222.",
    references=("FOIA s17(1) (a notice must be about the request made)", "ICO guidance: refusal notices"),
    near_miss="A review outcome that cites the original request's reference beside its own review reference.",
)

PLACEHOLDER = ci(
    r"\[(?:insert|enter|name|date|ref(?:erence)?|requester|applicant|authority|organisation|organization|"
    r"details?|xx+|\.\.\.)[^\]\n\d]{0,40}\]|<(?:insert|enter|name|date)[^>\n]{0,40}>|\{\{[^}\n]{0,40}\}\}|"
    r"«[^»\n]{1,40}»|xx/xx/xx(?:xx)?\b|dd/mm/yyyy\b"
)
# Upper-case runs only: WhatDoTheyKnow and others redact addresses with lower-case x's.
X_RUN = re.compile(r"XXX+")
GAP = ci(
    r"data (?:on|about|regarding|for) [.,;:](?=\s|$)|information (?:on|about|regarding|for) [.,;:](?=\s|$)|"
    r"details (?:on|about|regarding|for) [.,;:](?=\s|$)|figures (?:on|about|regarding|for) [.,;:](?=\s|$)|"
    r"that the (?:holds|does not hold|has|does)\b|whether the (?:holds|does not hold|has|does)\b|"
    r"under sections? of (?:the )?(?:foi|foisa|act)\b|"
    # a preposition followed straight by a verb: the link or name between them is missing
    r"(?:at|of|in):? (?:says|extends|explains)\b",
    word_start=True,
)
DRAFT = re.compile(r"(?m)^[ \t]*(?:draft|DRAFT|Draft)[ \t]*$")
# "<Name> Police can neither confirm...": another authority named as the decision-maker. Found
# from the literal body word, then the name is read backwards.
ACTOR_BODY = re.compile(
    r"(?:Police|Constabulary|Council)(?= (?:can |will |does |do |has |have |is )?(?:neither|confirms?|provides? you|"
    r"holds?|has decided|will not|cannot|is (?:unable|not obliged|withholding)|can confirm|does not hold))"
)
ACTOR_NAME = re.compile(r"((?:[A-Z][a-z]+(?:[ -](?:and|of|upon|on|the)?[ -]?)?)+)[ ]?(?:Borough |County |City |District )?$")


def check(ctx):
    text = ctx.text
    found = []  # (kind, start, end)
    for m in ctx.finditer(PLACEHOLDER):
        if not ctx.in_request(m.start()):
            found.append(("placeholder", m.start(), m.end()))
    for m in X_RUN.finditer(text):
        before = text[m.start() - 1: m.start()] if m.start() else ""
        after = text[m.end(): m.end() + 1]
        if (before and (before.isalnum() or before in "@.-")) or (after and (after.isalnum() or after in "@.-")):
            continue
        if not ctx.in_request(m.start()):
            found.append(("placeholder", m.start(), m.end()))
    for m in ctx.finditer(GAP):
        if not ctx.in_request(m.start()):
            found.append(("gap", m.start(), m.end()))
    for m in DRAFT.finditer(text):
        found.append(("draft", m.start(), m.end()))
    name = (ctx.refusal.authority.name or "").strip()
    if name:
        key = _key(name)
        for m in ACTOR_BODY.finditer(text):
            lead = ACTOR_NAME.search(text, max(0, m.start() - 60), m.start())
            if lead is None:
                continue
            start = lead.start(1)
            other = text[start: m.end()]
            other_key = _key(other)
            # "The Council holds...", "This Force will not...": no name at all, so no other authority
            if not other_key or other_key in _GENERIC_LEADS:
                continue
            if ctx.in_request(start) or _same(key, other_key):
                continue
            found.append(("authority", start, m.end()))
    ref = ctx.refusal.reference
    review = getattr(ctx.refusal, "review", None)
    # A review outcome cites the original request's reference beside its own: that is not a leftover.
    own = {_norm_ref(x) for x in (ref, getattr(review, "original_reference", None)) if x}
    review_outcome = bool(getattr(ctx.refusal, "is_review_outcome", False))
    if ref:
        shape = _shape(ref)
        for m in re.finditer(rf"(?i)(?<![a-z])(?:request (?:number|no\.?|ref(?:erence)?)|our ref(?:erence)?|ref(?:erence)? no\.?)\s*:?\s*({shape})", text):
            other = m.group(1)
            before = text[max(0, m.start() - 60): m.start()].lower()
            if _norm_ref(other) in own or re.search(r"previous|earlier|disclosure log|published|see |response to|aware|already|other|also", before):
                continue
            if review_outcome and re.search(r"review|original|your (?:foi |information )?request", before):
                continue  # the review's reference, or the request's, named as such in a review outcome
            found.append(("reference", m.start(1), m.end(1)))
    if not found:
        return []
    kinds = []
    for k, _a, _b in found:
        if k not in kinds:
            kinds.append(k)
    # On a web copy a gap can be a link the page lost; in the letter as sent it is the author's.
    sharp = ("placeholder", "authority") if ctx.published_copy else ("placeholder", "gap", "authority")
    strength = "strong" if any(k in sharp for k in kinds) else "moderate"
    evidence = []
    for _k, a, b in found[:4]:
        evidence.append(ctx.ev_sentence(a) if b - a < 12 else ctx.ev(a, b))
    items = [{"kind": k, "quote": text[a:b]} for k, a, b in found[:4]]
    return [ctx.finding(RULE, strength, evidence, kinds=kinds, items=items, reference=ref)]


_GENERIC_LEADS = {"this", "our", "your", "each", "any", "every", "a", "the", "that", "local", "county"}


def _key(name: str) -> str:
    n = name.lower()
    for w in ("the ", "police service of ", "constabulary", "police", "council", "borough", "county", "city",
              "district"):
        n = n.replace(w, " ")
    return " ".join(n.split())


def _same(a: str, b: str) -> bool:
    return bool(a and b) and (a == b or a in b or b in a)


def _shape(ref: str) -> str:
    out = []
    for ch in ref:
        if ch.isdigit():
            out.append(r"\d")
        elif ch.isalpha():
            out.append(re.escape(ch))
        else:
            out.append("[/_ -]?")
    return "".join(out)


def _norm_ref(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.lower())
