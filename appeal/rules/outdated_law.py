"""outdated-law: law cited that no longer applied at the letter's date (e.g. DPA 1998 after May 2018)."""

from __future__ import annotations

from appeal.law import changes as _changes
from appeal.rules.context import ci
from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="outdated-law",
    title="The letter relies on law that had been repealed",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="Reliance on the Data Protection Act 1998, its 'first data protection principle' or its schedules, "
    "or the pre-2018 numbering of s40(3) or s40(5) (now s40(5A)/(5B)), in a letter dated on or after 25 May 2018.",
    why="The Data Protection Act 1998 was repealed on 25 May 2018, when the GDPR and the Data Protection Act 2018 "
    "took effect and s40 of FOIA was amended (s40(3A), (3B), (4A), (5A), (5B)). A decision that applies "
    "repealed law has not applied the test the law required at the time, so it has to be taken again.",
    example="A 2019 refusal saying disclosure 'would breach the first principle of the Data Protection Act 1998'.",
    references=("Data Protection Act 2018, Schedule 19 (amendments to FOIA s40)", "FOIA s40(3A)-(5B)"),
    near_miss="'Section 40(5)' or the Data Protection Act 1998 in a letter dated before 25 May 2018.",
)

CUTOVER = _changes.date("dpa-2018")  # 25 May 2018: law/changes.toml, with its reference
OLD = ci(
    r"\bData Protection Act,? 1998\b|\bDPA,? ?1998\b|\bfirst (data protection )?principle\b|"
    r"\bSchedule [23] (of|to) the (DPA|Data Protection Act)\b|\bsection 40 ?\(3\) ?\(a\) ?\(i\)|\bs\.? ?40 ?\(3\) ?\(a\) ?\(i\)|"
    r"\bDirective 95/46\b",
)
NEW = ci(
    r"\bData Protection Act,? 2018\b|\bDPA,? ?2018\b|\bGDPR\b|\bGeneral Data Protection Regulation\b",
)

_DP_CONTEXT = ci(r"data protection|dpa")


def _old_s40_5(ctx):
    """s40(5) cited in its pre-25 May 2018 numbering (now s40(5A)/(5B)): the citation's evidence."""
    if ctx.regime != "FOIA":
        return None
    old = [e for e in ctx.exemptions if (e.citation == "s40(5)" or e.citation.startswith("s40(5)("))
           and getattr(e, "found", "cited") == "cited"]
    return ctx.citation_ev(old[0]) if old else None


def check(ctx):
    hits = [m for m in ctx.finditer(OLD) if not ctx.in_request(m.start())]
    s40_5 = _old_s40_5(ctx)
    if not hits and s40_5 is None:
        return []
    date = ctx.letter_date
    if date is None:
        if hits:
            ctx.note("outdated-law not checked: the letter cites the Data Protection Act 1998 but its date is "
                     "unknown; if it was written on or after 25 May 2018 that law had been repealed.")
        return []
    if date < CUTOVER:
        return []
    # "first principle" alone is only outdated in a data-protection context
    hits = [m for m in hits if not m.group(0).lower().startswith("first") or
            ctx.search(_DP_CONTEXT, max(0, m.start() - 200), m.end() + 200)]
    if not hits and s40_5 is None:
        return []
    mixed = bool(ctx.search(NEW))
    # the repealed Act applied is strong; the old s40(5) numbering alone is a label, moderate
    strength = ("moderate" if mixed else "strong") if hits else "moderate"
    evidence = []
    for m in hits:
        e = ctx.ev_sentence(m.start())
        if all(e.start != x.start for x in evidence):
            evidence.append(e)
    evidence = evidence[:3]
    if s40_5 is not None:
        e = ctx.ev_sentence(s40_5.start)
        if all(e.start != x.start for x in evidence):
            evidence.append(e)
    return [ctx.finding(
        RULE, strength, evidence,
        date=date.isoformat(),
        words=[ctx.words(m) for m in hits][:3],
        mixed=mixed,
        dpa_1998=bool(hits),
        s40_5=s40_5.quote if s40_5 is not None else None,
    )]
