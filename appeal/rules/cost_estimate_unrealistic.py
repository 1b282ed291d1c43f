"""cost-estimate-unrealistic: a cost estimate that is given but does not hold up on its own figures
or counts what the law does not let it count."""

from __future__ import annotations

import re
from appeal.rules.base import Rule
from appeal.rules.context import ci, cost_refusal, is_cost_refusal

RULE = Rule(
    id="cost-estimate-unrealistic",
    title="The cost estimate is not realistic or not lawfully made",
    regimes=("FOIA", "FOISA"),
    strengths=("strong", "moderate", "weak"),
    detects="A cost-limit refusal whose estimate is given but does not hold up: the letter's own figures (records "
    "times minutes each) come to less than the limit (strong where the letter's own total says so); a Scottish "
    "letter that costs staff time at more than £15 an hour or treats £600 as 18 or 24 hours (the limit is at "
    "least 40 hours), or counts the time to determine whether the information is held; a FOIA estimate that "
    "counts redaction or the consideration of exemptions; or minutes per record applied to every record of an "
    "electronic system with no search, query or sample described (weak). Where no estimate is given at all, "
    "cost-limit-no-estimate applies instead; the EIR have no statutory limit to check against.",
    why="An authority may refuse on cost only where it reasonably estimates that compliance would exceed the "
    "appropriate limit. Under FOIA the limit is £600 (central government) or £450, with staff time at £25 an hour "
    "(24 or 18 hours), and only determining whether the information is held, locating, retrieving and "
    "extracting it count (Fees Regulations 2004 regs 3-4). Under FOISA the limit is £600 with staff time at no "
    "more than £15 an hour, and the cost of determining whether the information is held is excluded (SSI "
    "2004/467 regs 3 and 5). The estimate must be a reasonable one: the Commissioner tests how it "
    "was reached (ICO LTT116), and a tribunal set aside an estimate that counted the wrong costs and ignored a "
    "quicker source (Campbell [2023] UKFTT 885 (GRC)).",
    example="'There are 800 records and each would take one minute to check, so compliance would take over 13 "
    "hours and exceed the cost limit.' (800 minutes is 13.3 hours, under the 18-hour limit.)",
    near_miss="'A keyword search of our crime system returned 746 occurrences; reading each takes at least 2 "
    "minutes, so the work would exceed 24 hours.' (746 x 2 minutes is 24.9 hours, and a search was made.)",
    references=("FOIA s12; Fees Regulations 2004 (SI 2004/3244) regs 3 and 4",
                "FOISA s12; SSI 2004/467 regs 3 and 5",
                "Campbell v Information Commissioner & Anor [2023] UKFTT 885 (GRC)",
                "ICO Line to Take LTT116 (reasonable estimates)"),
)

def _law(ctx):
    """The limit for this letter's regime and authority (appeal/law/cost_limits.toml)."""
    from appeal.law.cost_limits import cost_limit

    return cost_limit(ctx.regime, central=ctx.refusal.authority.kind == "department")


_NOUNS = (r"records?|files?|cases?|documents?|reports?|occurrences?|results?|crimes?|incidents?|e-?mails?|"
          r"placements?|entries|invoices?|logs?|items?|folders?|boxes|calls?|claims?|applications?|forms?|"
          r"complaints?|jobs?|referrals?|accounts?|letters?|pages?|hits?|matters?")
COUNT = ci(rf"\b(\d{{1,3}}(?:,\d{{3}})+|\d{{2,7}})\s+(?:[a-z-]+\s+){{0,3}}?(?:{_NOUNS})\b")
PER_ITEM = ci(
    r"\b(\d{1,3}(?:\.\d+)?|one|two|three|four|five|ten|fifteen|twenty|thirty)\s*(minutes?|mins?|hours?|seconds?)\b"
    r"[^.]{0,60}?\b(?:per|for each|each|for every|a (?:record|file|case|document|report|e-?mail|item))\b|"
    r"\b(?:per|each|every) (?:record|file|case|document|report|occurrence|result|crime|incident|e-?mail|placement|"
    r"entry|invoice|item)\b[^.]{0,40}?\b(\d{1,3}(?:\.\d+)?|one|two|three|four|five|ten|fifteen|twenty|thirty)\s*"
    r"(minutes?|mins?|hours?|seconds?)\b"
)
TOTAL_HOURS = ci(r"\b(\d{1,4}(?:\.\d+)?)\s*(?:hours|hrs)\b")
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30}
LIMIT_TALK = ci(r"appropriate limit|cost limit|limit of|exceed|threshold|£\s?\d|equates|equivalent|represents|"
                r"permitted|prescribed", word_start=False)
FOISA_WRONG_RATE = ci(r"£\s?(?:25|30|35)(?:\.00)? (?:per|an|a) hour|\b(?:18|24) hours\b")
FOISA_DETERMINING = ci(r"determin\w* (?:whether|if) (?:the |any )?(?:information|data|records?) (?:is |are )?held|"
                       r"establish\w* (?:whether|if) (?:the |any )?(?:information|data|records?) (?:is |are )?held")
NOT_COUNTABLE = ci(
    r"redact\w*|consider\w* (?:whether|the application of|any|which) (?:any )?exemptions?|appl\w* (?:any )?exemptions|"
    r"review\w* [^.]{0,30}for (?:release|disclosure|exempt\w*|sensitiv\w*)|consult\w* (?:with )?third part\w*|"
    r"sensitivity review|decid\w* (?:whether|what) (?:it |they )?(?:can|should|could) be (?:released|disclosed)",
)
HOURS_WORDS = ci(r"minutes?|hours?|estimat\w*|time", word_start=True)
ELECTRONIC = ci(r"electronic\w*|database|system\b|systems\b|niche|athena|storm|e-?mails?|spreadsheet|digital|"
                r"searchable|case management|crime recording", word_start=True)
SEARCHED = ci(r"search\w*|quer\w*|keyword|filter\w*|sampl\w*|exercise|timed|test\w*|report (?:was|has been) run|"
              r"run a report|interrogat\w* the system|extract\w* (?:a|the) report", word_start=True)
WHY_MANUAL = ci(r"free[- ]?text|not (?:held |recorded |stored )?in a (?:searchable|reportable|retrievable|format)|"
                r"no (?:field|marker|flag|code|category)|not (?:recorded|captured|flagged|categorised|coded)|"
                r"cannot be (?:searched|filtered|identified)|unable to (?:search|filter|identify)|paper|hard ?cop\w*|"
                r"manual\w*",
                word_start=True)


def _num(s: str) -> float:
    s = s.lower()
    return float(_WORDS[s]) if s in _WORDS else float(s.replace(",", ""))


def _minutes(value: float, unit: str) -> float:
    unit = unit.lower()
    if unit.startswith("hour"):
        return value * 60
    if unit.startswith("sec"):
        return value / 60
    return value


def _limit_hours(ctx) -> tuple[float | None, str]:
    """The limit in hours the letter's authority works to (FOIA), from what the letter says or its kind."""
    if ctx.regime == "FOISA":
        law = _law(ctx)
        return (law.hours if law else 40.0), "FOISA"
    text = ctx.response_low
    if re.search(r"£\s?450|\b18 hours", text):
        return 18.0, "£450"
    if re.search(r"£\s?600|\b24 hours", text):
        return 24.0, "£600"
    if ctx.refusal.authority.kind == "department":
        return 24.0, "£600"
    if ctx.refusal.authority.kind in ("police", "council", "nhs", "university"):
        return 18.0, "£450"
    return None, ""


def _arithmetic(ctx):
    """(kind, strength, facts, spans) where the letter's figures do not reach the limit."""
    per = [m for m in ctx.finditer(PER_ITEM, response=True)]
    rates = {(_num(m.group(1) or m.group(3)), (m.group(2) or m.group(4)).lower().rstrip("s")) for m in per}
    if len(rates) != 1:
        return None  # none, or several activities: not a single multiplication to check
    value, unit = next(iter(rates))
    minutes = _minutes(value, unit)
    # the number of items must sit with the time per item: its sentence or the one before
    a, b = ctx.sentence_at(per[0].start())
    i = ctx._sentence_index(per[0].start())
    lo = ctx.sentences[i - 1][0] if i else a
    counts = [m for m in ctx.finditer(COUNT, lo, b) if not re.match(r"(?:19|20)\d\d$", m.group(1))]
    if not counts:
        return None
    biggest = max(counts, key=lambda m: _num(m.group(1)))
    n = _num(biggest.group(1))
    implied = n * minutes / 60.0
    limit, basis = _limit_hours(ctx)
    if limit is None or implied > limit:
        return None
    if re.search(r"\b(?:each|per|every|for all) (?:year|month|question|part|category|officer|site|team)s?\b",
                 ctx.response_low):
        return None  # a multiplier the figures leave out: not a single product
    stated = None
    for m in ctx.finditer(TOTAL_HOURS, response=True):
        if ctx.search(LIMIT_TALK, *ctx.sentence_at(m.start())) and not ctx.search(ci(r"estimat|would take|take"),
                                                                                    *ctx.sentence_at(m.start())):
            continue
        stated = _num(m.group(1))
        break
    own_total = stated is not None and abs(stated - implied) <= max(1.0, 0.1 * implied)
    spans = [ctx.sentence_at(biggest.start()), (a, b)]
    return {
        "kind": "arithmetic", "strength": "strong" if own_total else "moderate",
        "count": int(n), "per": value, "unit": unit, "implied": round(implied, 1),
        "limit": limit, "basis": basis, "spans": spans,
    }


def _foisa_rate(ctx):
    if ctx.regime != "FOISA":
        return None
    m = ctx.search(FOISA_WRONG_RATE, response=True)
    if not m:
        return None
    a, b = ctx.sentence_at(m.start())
    if not ctx.search(LIMIT_TALK, a, b) and not ctx.search(ci(r"cost|limit|£"), a, b):
        return None
    return {"kind": "foisa-rate", "strength": "strong", "spans": [(a, b)], "words": ctx.words(m)}


def _foisa_determining(ctx):
    if ctx.regime != "FOISA":
        return None
    for m in ctx.finditer(FOISA_DETERMINING, response=True):
        a, b = ctx.sentence_at(m.start())
        if ctx.search(HOURS_WORDS, a, b) or ctx.search(ci(r"cost"), a, b):
            return {"kind": "foisa-determining", "strength": "moderate", "spans": [(a, b)]}
    return None


def _not_countable(ctx):
    if ctx.regime != "FOIA":
        return None
    for m in ctx.finditer(NOT_COUNTABLE, response=True):
        a, b = ctx.sentence_at(m.start())
        if ctx.search(HOURS_WORDS, a, b) and not ctx.search(ci(r"not (?:included|counted|taken into account)|exclud\w*|"
                                                                r"cannot (?:include|count)"), a, b):
            return {"kind": "not-countable", "strength": "moderate", "spans": [(a, b)], "words": ctx.words(m)}
    return None


def _no_search(ctx):
    per = ctx.search(PER_ITEM, response=True)
    if not per:
        return None
    if not ctx.search(ELECTRONIC, response=True):
        return None
    if ctx.search(SEARCHED, response=True) or ctx.search(WHY_MANUAL, response=True):
        return None
    return {"kind": "no-search", "strength": "weak", "spans": [ctx.sentence_at(per.start())]}


_ORDER = {"strong": 0, "moderate": 1, "weak": 2}


def check(ctx):
    if not is_cost_refusal(ctx):
        return []
    if ctx.cited("s14") or ctx.search(ci(r"vexatious"), response=True):
        return []
    points = [p for p in (_arithmetic(ctx), _foisa_rate(ctx), _foisa_determining(ctx), _not_countable(ctx))
              if p is not None]
    if not points:
        p = _no_search(ctx)
        if p is None:
            return []
        points = [p]
    points.sort(key=lambda p: _ORDER[p["strength"]])
    evidence = [ctx.citation_ev(e) for e in cost_refusal(ctx)[:1]]
    for p in points:
        for a, b in p["spans"]:
            evidence.append(ctx.ev(a, b))
    law = _law(ctx)
    counted = ", ".join(law.counts) if law else ""
    return [ctx.finding(
        RULE, points[0]["strength"], evidence,
        points=points,
        counted=counted,
        basis=law.basis if law else "",
        citations=[e.citation for e in cost_refusal(ctx)] or ["the cost limit"],
    )]
