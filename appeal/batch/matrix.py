"""Who disclosed what: letters grouped by the request they answer, and per question of that
request which authorities answered, and which refused, NCND'd or said not held.

Requests are compared by their words (3-word shingles: same request when Jaccard >= 0.5 or
one holds 80% of the other), so a batch of mixed requests is never compared across requests.
With --request, letters that do not quote a request are taken to answer that one (the
worker notes the assumption on the letter). Questions come from the parser's question split
(`Refusal.questions`); where no letter has them, the matrix has one row: the request as a
whole, with each letter's overall answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

REFUSING = ("NCND", "refused", "ncnd")
_W = re.compile(r"[a-z0-9]+")
POSTINGS = 64  # representatives remembered per 3-word shingle (a common phrase names only the first)
CANDIDATES = 5  # representatives compared word by word with each new request


def _grams(text: str) -> frozenset:
    w = ["#" if x.isdigit() else x for x in _W.findall(text.lower())]  # years and counts alike
    if len(w) < 3:
        return frozenset([" ".join(w)]) if w else frozenset()
    return frozenset(" ".join(w[i:i + 3]) for i in range(len(w) - 2))


def same_request(a: frozenset, b: frozenset, *, strict: bool = False) -> bool:
    if not a or not b:
        return False
    inter = len(a & b)
    if strict:
        return inter / len(a | b) >= 0.6
    return inter / len(a | b) >= 0.5 or inter / min(len(a), len(b)) >= 0.8


def _usable(text: str) -> bool:
    """A request text the parser found that is really the authority's own stock text (a recital
    of the Act taken for the request) is no basis for saying two letters answer one request."""
    if len(_W.findall(text)) < 6:
        return False
    try:
        from appeal.rules.stock import find_stock
    except ImportError:
        return True
    try:
        return not find_stock(text)
    except Exception:
        return True


def request_groups(items: list, request_text: str | None = None) -> list[int | None]:
    """The request group of each item (None: its request is not known).

    With --request the user has told us what every letter answers: letters whose own quoted
    request is near it join its group. Without it, two letters are grouped only when their
    quoted requests are near-identical (Jaccard >= 0.6) and neither is stock text."""
    reps: list[tuple[int, frozenset]] = []  # (group, grams) of each distinct request seen
    index: dict[str, list[int]] = {}  # gram -> the reps holding it (candidates, not a verdict)
    exact: dict[frozenset, int] = {}

    def remember(gid: int, g: frozenset) -> None:
        r = len(reps)
        reps.append((gid, g))
        for gram in g:
            holders = index.setdefault(gram, [])
            if len(holders) < POSTINGS:
                holders.append(r)

    if request_text:
        g = _grams(request_text)
        remember(0, g)
        exact[g] = 0
    next_id = 1 if request_text else 0
    out: list[int | None] = []
    for it in items:
        text = it.refusal.request_text if it.refusal is not None else None
        if not text:
            out.append(None)
            continue
        g = _grams(text)
        if g in exact:
            out.append(exact[g])
            continue
        if not (request_text and text == request_text) and not _usable(text):
            out.append(None)
            continue
        # candidates: the representatives sharing most 3-word shingles; verify the best few
        hits: dict[int, int] = {}
        for gram in g:
            for r in index.get(gram, ()):
                hits[r] = hits.get(r, 0) + 1
        found = None
        for r in sorted(hits, key=lambda r: (-hits[r], r))[:CANDIDATES]:
            gid, rg = reps[r]
            if same_request(g, rg, strict=not (request_text and gid == 0)):
                found = gid
                break
        if found is None:
            found, next_id = next_id, next_id + 1
            remember(found, g)
        exact[g] = found
        out.append(found)
    return out


@dataclass
class Row:
    group: int
    question: str  # "1. How many ..." or "the request as a whole"
    number: str | None
    cells: dict[int, str] = field(default_factory=dict)  # item index -> answer


def _norm_number(n) -> str | None:
    if n is None:
        return None
    s = re.sub(r"[^0-9a-z]", "", str(n).lower())
    return s or None


_QSPLIT = re.compile(r"(?m)^\s*(?:Q(?:uestion)?\s*)?(\d{1,2}[a-z]?|[a-h])[.)]\s+")


def split_questions(text: str) -> list[tuple[str | None, str]]:
    """A request's numbered questions ('1. ...', '2) ...', 'Q3 ...'); one item when unnumbered."""
    marks = list(_QSPLIT.finditer(text or ""))
    if len(marks) < 2:
        return [(None, " ".join((text or "").split()))]
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        out.append((m.group(1), " ".join(text[m.end():end].split())))
    return out


_ANSWER = {"answered": "disclosed", "refused": "refused", "ncnd": "NCND", "cost": "cost",
           "not-held": "not held", "unknown": "unknown"}


def build(items: list, groups: list[int | None], request_text: str | None = None) -> list[Row]:
    rows: list[Row] = []
    by_group: dict[int, list[int]] = {}
    for n, g in enumerate(groups):
        if g is not None and items[n].refusal is not None:
            by_group.setdefault(g, []).append(n)
    for g in sorted(by_group):
        members = by_group[g]
        if len(members) < 2:
            continue
        with_q = [n for n in members if items[n].questions]
        if not with_q:
            label = "the request as a whole"
            if request_text and g == 0:
                label = _short(request_text)
            else:
                label = _short(items[members[0]].refusal.request_text)
            row = Row(g, label, None)
            for n in members:
                row.cells[n] = items[n].effective or items[n].answer
            rows.append(row)
            continue
        # canonical questions: the --request's, else the letter with most questions
        if request_text and g == 0 and len(split_questions(request_text)) > 1:
            canon = split_questions(request_text)
        else:
            best = max(with_q, key=lambda n: (len(items[n].questions), -n))
            canon = [(q[0], q[1]) for q in items[best].questions]
        qrows = [Row(g, (f"{num}. " if num else "") + _short(text, 90), _norm_number(num)) for num, text in canon]
        grams = [_grams(text) for _num, text in canon]
        for n in members:
            qs = items[n].questions
            if not qs:
                # a letter without a question split: its overall answer for every question
                answer = items[n].effective or items[n].answer
                if answer in ("disclosed", "NCND", "refused", "not held", "cost"):
                    for r in qrows:
                        r.cells[n] = answer
                continue
            for num, text, answer in qs:
                target = None
                key = _norm_number(num)
                if key is not None:
                    target = next((r for r in qrows if r.number == key), None)
                if target is None:
                    g2 = _grams(text)
                    scored = [(len(g2 & gq) / max(1, len(g2 | gq)), i) for i, gq in enumerate(grams)]
                    score, i = max(scored) if scored else (0, -1)
                    if score >= 0.3:
                        target = qrows[i]
                if target is not None:
                    target.cells[n] = _ANSWER.get(answer, answer)
        rows.extend(qrows)
    return rows


def _short(text: str | None, limit: int = 140) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= limit else t[: limit - 1].rsplit(" ", 1)[0] + " …"
