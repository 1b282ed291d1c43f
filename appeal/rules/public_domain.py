"""public-domain: the information, or its equivalent, is already published or already given."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import ci, harm_based_ncnd, ncnd_scope

RULE = Rule(
    id="public-domain",
    title="The information is already public or already given",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="A refusal (or a neither-confirm-nor-deny) over information that is already public or already in "
    "the requester's hands: the request says the figures were given in an earlier response; the letter itself "
    "says the same kind of information is published; or the request asks for counts in a series the government "
    "publishes routinely for this kind of authority (police recorded crime by force and offence, police "
    "workforce, police use of firearms: appeal/data/published_statistics.toml, with sources and dates), where "
    "the authority neither confirms nor denies holding them. Silent where the authority itself points to the "
    "publication under s21 (FOISA s25), on cost and vexatious refusals, and for requests about a named person "
    "or a particular incident.",
    why="Whether information is already in the public domain bears on every prejudice test and on the public "
    "interest: disclosing what is already public adds little or no harm. For neither confirm nor deny it is "
    "decisive: an authority cannot sensibly refuse to say whether it holds figures that it, or the government, "
    "already publishes, or that it has already given the requester. The ICO's NCND guidance lists information "
    "already in the public domain, and consistency with what has been disclosed before, among the matters an "
    "authority must consider.",
    example="A police force neither confirms nor denies holding the number of recorded offences of a given "
    "type in 2019, although the Home Office publishes recorded crime for every force in England and Wales by "
    "offence code.",
    near_miss="'The figures are published by the Home Office and are therefore exempt under section 21' (the "
    "authority points to them: nothing is withheld); a request for the same offences broken down by victim age "
    "and platform, which the published tables do not give.",
    references=("FOIA s1(1)(a), s2, s21; FOISA s25",
                "ICO guidance: when to refuse to confirm or deny holding information (information already in the "
                "public domain; consistency)",
                "Home Office: police recorded crime and outcomes open data tables; police workforce statistics; "
                "police use of firearms statistics"),
)

# The requester holds the information already: possession or an earlier disclosure, not merely
# an earlier request (which may have been refused).
PRIOR = ci(
    r"i (?:already )?(?:have|hold|obtained|received|was (?:given|sent|provided))\b[^.?\n]{0,80}\b(?:previous|earlier|"
    r"prior|past|last)\b|you (?:have )?(?:previously |already )?(?:disclosed|provided|released|supplied|gave|sent) "
    r"(?:me |to me )?(?:the |these |this |some )?(?:data|figures|information|statistics|numbers)|"
    r"(?:previously|already) (?:disclosed|released|published|provided|supplied) (?:by you|by the \w+|to me|under|in)|"
    r"(?:through|in|via|under|in response to|in reply to|following) (?:foi|freedom of information|my |your |an? "
    r"(?:earlier|previous) )[^.?\n]{0,30}?\d[^.?\n]{0,60}?\b(?:confirmed|disclosed|provided|released|stated|revealed)\b",
    word_start=True,
)
PRIOR_NOT = ci(r"refus\w*|declin\w*|withh[oe]ld\w*|not (?:provided|given|disclosed|released|supplied)|did not|"
               r"didn't|was not|were not|never", word_start=True)
PUBLISHED = ci(
    r"(?:is|are|has been|have been|were|was) (?:already |routinely |regularly |also )?(?:published|made public|"
    r"publicly available|in the public domain)|publish(?:es|ed)? (?:annually |quarterly |regularly )?(?:by|on) "
    r"(?:the )?(?:home office|office for national statistics|ons\b|police\.uk|gov\.uk|scottish government)",
    word_start=True,
)
NOT_DATA = ci(
    r"this (?:response|letter|reply)|our (?:response|reply)|disclosure log|will be published|may be published|"
    r"your request|publication scheme|code of practice|guidance|legislation|the act\b|section 21|s\.?21\b|"
    r"section 25|reasonably accessible|accessible by other means|intended for (?:future )?publication|section 22",
    word_start=True,
)
# The letter itself says the same kind of information was given out before.
LETTER_PRIOR = ci(
    r"(?:have|has|was|were|had) (?:previously|already|recently) (?:been )?(?:disclosed|released|provided|published)|"
    r"(?:previously|already) (?:disclosed|released|provided|published) (?:in|under|as part of|in response to|on)",
    word_start=True,
)
DATA_WORDS = ci(r"statistic\w*|figures?|data\b|numbers?|totals?|counts?|tables?", word_start=True)
S21 = ("s21", "s25")  # FOIA s21 / FOISA s25: information accessible by other means


@cache
def series() -> list[dict]:
    from appeal.resources import data_path, read_toml

    data = read_toml(data_path("published_statistics.toml"))
    out = []
    for sid, s in (data.get("series") or {}).items():
        s = dict(s, id=sid)
        s["_anchor"] = tuple(w for w in s.get("anchor", "").split("|") if w)
        s["_subject"] = [re.compile(p, re.I) for p in s.get("subject", ())]
        s["_exclude"] = [re.compile(p, re.I) for p in s.get("exclude", ())]
        out.append(s)
    return out


def _withholding(ctx) -> bool:
    r = ctx.refusal
    if r.ncnd and harm_based_ncnd(ctx):
        return True
    kinds = [ctx.info(e)[0] for e in ctx.exemptions]
    real = [e for e, k in zip(ctx.exemptions, kinds)
            if k not in ("cost", "vexatious") and e.section not in S21]
    return bool(real)


def _in_coverage(ctx, s) -> bool:
    a = ctx.refusal.authority
    if a.kind not in s.get("authority_kinds", ()):
        return False
    name = (a.name or "").lower()
    if a.nation is not None:
        if a.nation not in s.get("nations", ()):
            return False
    elif re.search(r"scotland|northern ireland|psni|jersey|guernsey|isle of man", name):
        return False
    if ctx.regime not in ("FOIA", "EIR"):
        return "scotland" in s.get("nations", ())
    since = s.get("since")
    if since and ctx.letter_date and ctx.letter_date < dt.date.fromisoformat(since):
        return False
    return True


def _request_texts(ctx) -> list[str]:
    """The questions refused or NCND'd, when the parser split them; else the whole request."""
    qs = getattr(ctx.refusal, "questions", None) or []
    picked = [q.text for q in qs if getattr(q, "answer", "unknown") in ("ncnd", "refused", "unknown")
              and getattr(q, "text", None)]
    if qs and not picked:
        return []
    if picked:
        return picked
    return [ctx.refusal.request_text] if ctx.refusal.request_text else []


def _series_points(ctx):
    if not (ctx.refusal.ncnd and harm_based_ncnd(ctx)):
        return []
    req = ctx.request
    if not req.known or req.specific or req.case_level or not req.statistics:
        return []
    texts = _request_texts(ctx)
    out = []
    for s in series():
        if not _in_coverage(ctx, s):
            continue
        for t in texts:
            low = t.lower()
            if s["_anchor"] and not any(w in low for w in s["_anchor"]):
                continue
            m = next((rx.search(t) for rx in s["_subject"] if rx.search(t)), None)
            if m is None or any(rx.search(t) for rx in s["_exclude"]):
                continue
            out.append({"kind": "series", "strength": "moderate", "series": s, "words": m.group(0)})
            break
    return out[:1]


def _prior_point(ctx):
    rt = ctx.refusal.request_text
    if not rt:
        return None
    span = ctx.request_span
    if span is None:
        return None
    for m in ctx.finditer(PRIOR, *span):
        a, b = ctx.sentence_at(m.start())
        if ctx.search(PRIOR_NOT, a, b):
            continue
        # An earlier disclosure recited against an NCND over the request confirms that the data is
        # held (ncnd-after-confirmation argues it); it does not make the figure now asked for public.
        if ctx.refusal.ncnd and harm_based_ncnd(ctx) and ncnd_scope(ctx) != "other" and ctx.ncnd_statement:
            return None
        strong = False
        return {"kind": "prior", "strength": "strong" if strong else "moderate", "span": (a, b)}
    return None


def _letter_point(ctx):
    if not (ctx.refusal.ncnd and harm_based_ncnd(ctx)):
        return None
    if any(e.section in S21 for e in ctx.exemptions):
        return None
    low = ctx.response_low
    found = []
    if "publish" in low or "public domain" in low or "publicly" in low or "made public" in low:
        found += ctx.sentences_matching(PUBLISHED)
    if "previously" in low or "already" in low or "recently" in low:
        found += ctx.sentences_matching(LETTER_PRIOR)
    for a, b in found:
        if ctx.search(NOT_DATA, a, b) or not ctx.search(DATA_WORDS, a, b):
            continue
        if ctx.ncnd_statement and ctx.ncnd_statement[0] <= a < ctx.ncnd_statement[1]:
            continue
        return {"kind": "letter", "strength": "moderate", "span": (a, b)}
    return None


_ORDER = {"strong": 0, "moderate": 1}


def check(ctx):
    if not _withholding(ctx):
        return []
    points = [p for p in (_prior_point(ctx), _letter_point(ctx)) if p] + _series_points(ctx)
    if not points:
        return []
    points.sort(key=lambda p: _ORDER[p["strength"]])
    evidence = []
    for p in points:
        if "span" in p:
            evidence.append(ctx.ev(*p["span"]))
    if any(p["kind"] == "series" for p in points):
        ev = ctx.request_evidence("statistics")
        if ev is not None:
            evidence.append(ev)
    if ctx.refusal.ncnd and ctx.ncnd_statement:
        evidence.append(ctx.ev(*ctx.ncnd_statement))
    for p in points:
        if "span" in p:
            p["quote"] = ctx.text[p["span"][0]:p["span"][1]]
        if p["kind"] == "series":
            s = p.pop("series")
            p.update(title=s["title"], publisher=s["publisher"], granularity=s["granularity"],
                     frequency=s["frequency"], url=s["url"],
                     published_for=s.get("published_for") or s.get("coverage", ""))
    return [ctx.finding(
        RULE, points[0]["strength"], evidence,
        points=points,
        ncnd=bool(ctx.refusal.ncnd),
    )]
