"""A numbered request split into questions, and what came back for each.

    split_questions(text, split, exemptions, ncnd_scope) -> list[Question]

Questions are the numbered or lettered items of the quoted request ("1.", "2)", "(a)",
"Q3", "Question 4:", PSNI "Request 1" blocks); an unnumbered request is one question.
Answers are found by the response's own anchors ("Response 1", "Answer to question 2",
"Q1", "1.", "Questions 1-3", "in respect of question 1a and 1b"); the words under each anchor
say what came back: answered (figures, documents), not-held, refused (with the exemptions
cited there), ncnd, cost. With no anchors the whole response answers every question, and is
read only when it says one thing for all of them. A full answer with a bolt-on NCND over "any
other information" is answered.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from appeal.model import Question
from appeal.text import finditer, lower, search, windows

_ITEM = re.compile(
    r"(?im)^[ \t]*[\"“‘']?(?:[•\-*][ \t]*)?(?:(?:Q(?:uestion)?|Request|Part|Item)[ \t]*(?P<n1>\d{1,2}[a-z]?)[ \t]*[.):\-–]?|"
    r"\(?(?P<n2>\d{1,2}[a-z]?)[.)](?!\d)|\((?P<n3>[a-z]|[ivx]{1,4})\)|(?P<n4>[a-z])[.)](?=[ \t]))[ \t]*"
)
# anchors in the response: "Response 1", "Answer 2", "Q1", "Question 3", "Questions 1-3",
# "in respect of question 1a and 1b", "Part 2", "1." at a line start
_ANCHOR = re.compile(
    r"(?im)^[ \t]*(?:(?:response|answer|reply)s?(?:[ \t]+to)?(?:[ \t]+(?:question|q|part|request))?[ \t]*"
    r"(?P<a1>\d{1,2}[a-z]?(?:(?:[ \t]*(?:,|and|&|to)[ \t]*|[\-–](?=\d))(?:\d{1,2}[a-z]?(?![a-z]))?)*)|"
    r"(?:questions?|q|part|request)[ \t]*(?P<a2>\d{1,2}[a-z]?(?:(?:[ \t]*(?:,|and|&|to)[ \t]*|[\-–](?=\d))(?:\d{1,2}[a-z]?(?![a-z]))?)*)|"
    r"(?P<a3>\d{1,2}[a-z]?)[.)](?!\d)|\(?(?P<a4>[a-h])[.)](?=[ \t]))"
)
_ANCHOR_AT = re.compile(_ANCHOR.pattern.replace("(?im)^", "(?i)", 1))
_IN_RESPECT = re.compile(
    r"(?i)\b(?:in\s+(?:respect|relation)\s+(?:of|to)|regarding|for|with\s+regard\s+to|as\s+to)\s+(?:your\s+)?"
    r"(?:questions?|q|parts?|points?)\s*(?P<a>\d{1,2}[a-z]?(?:(?:\s*(?:,|and|&|to)\s*|[\-–](?=\d))(?:\d{1,2}[a-z]?(?![a-z]))?)*)"
)

_NOT_HELD = re.compile(
    r"(?i)\b(?:not\s+held|(?:does|do|did)\s+not\s+hold|no\s+(?:recorded\s+)?information\s+(?:is\s+|was\s+)?(?:held|recorded)|"
    r"holds?\s+no\s+(?:recorded\s+)?(?:information|data|records)|not\s+recorded|no\s+(?:such\s+)?records?\s+(?:are|is|were)?\s*held|"
    r"information\s+(?:is|was)\s+not\s+held|there\s+(?:is|are)\s+no\s+(?:recorded\s+)?(?:information|records|data))"
)
_NCND = re.compile(
    r"(?i)\b(?:neither\s+confirms?\s+n?or\s+den(?:y|ies)|neither\s+confirming\s+n?or\s+denying|\bNCND\b|"
    r"(?:cannot|can['’]?t|will\s+not|unable\s+to)\s+confirm\s+or\s+deny)"
)
_COST = re.compile(
    r"(?i)(?:exceed\w*|in\s+excess\s+of|above)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:cost|time)?\s*(?:limit|threshold)|"
    r"appropriate\s+(?:cost\s+)?limit|cost\s+of\s+compliance|section\s+12\b(?!\s*\(\s*[45])|\bs\.?\s?12\b(?!\s*\(\s*[45])"
)
_REFUSED = re.compile(r"(?i)\b(?:exempt|withh[eo]ld|refus\w*|redact\w*|not\s+(?:be\s+)?(?:disclosed|provided|released))")
_ANSWERED = re.compile(
    r"(?i)(?:please\s+(?:find|see)\s+(?:attached|enclosed|below|the\s+(?:attached|table|following))|"
    r"(?:is|are)\s+(?:as\s+follows|set\s+out\s+below|provided\s+below|shown\s+below|attached|enclosed)|"
    r"\bI\s+enclose|\bwe\s+enclose|(?<!you\s)(?<!they\s)\b(?:have|has)\s+(?:been\s+)?(?:provided|disclosed|released|supplied)|"
    r"(?:I|we)\s+can\s+(?:now\s+)?(?:confirm|advise|tell\s+you)\s+that\s+(?:there\s+(?:were|was|are|is)\s+\d|the\s+(?:total|number|figure))|"
    r"\b(?:total|figure|amount|spend|spent)\b[^.\n]{0,40}?\b(?:is|was|were|are|came\s+to|amounted\s+to)\s+£?\d|"
    r"\bthere\s+(?:were|was|are|is)\s+\d|does\s+hold\s+the\s+information|"
    r"hold\s+the\s+information\s+requested,?\s+as\s+(?:outlined|set\s+out|shown))"
)
_ANSWER_WORDS = ("please find", "please see", "as follows", "set out below", "provided below", "shown below", "attached",
                 "enclose", "been provided", "been disclosed", "been released", "have provided", "have disclosed",
                 "have released", "supplied", "confirm that", "advise that", "tell you that", "total", "figure", "amount",
                 "spend", "spent", "there were", "there was", "there are", "there is", "hold the information")
# a line that is a figure: "129,091", "2017 – 7", "Total: £1,234"
_FIGURE = re.compile(r"[ \t]*(?:[\w ()/,'’\-]{0,50}?[\-–:=][ \t]*)?£?\d[\d,]*(?:\.\d+)?%?[ \t]*")


_FIGURE_LEAD = re.compile(r"[ \t:.)\-–]*(?!(?:19|20)\d\d\b)£?\d[\d,]*(?:\.\d+)?%?[ \t]+(?!(?:working|calendar|days?|hours?|weeks?|"
                          r"months?|years?)\b)[a-z][a-z0-9 ,()'’\-]{2,90}?\b(?:are|were|is|was|have|had|resulted)\b")


_HAS_FIGURE = re.compile(
    r"(?i)\b(?:has|have|had|holds?|held|recorded|received|employs?|employed|owns?|owned|issued|spent|paid|"
    r"totall?ed|totals?)\s+(?:a\s+total\s+of\s+)?£?\d[\d,]*(?:\.\d+)?\b(?!\s*(?:working\s+)?(?:hours?|days?|weeks?|"
    r"months?|years?|minutes?)\b)(?![/.]\d)|(?m:^[ \t]*[\-–:][ \t]*£?\d[\d,]*(?:\.\d+)?%?[ \t]+[a-z]+\.?[ \t]*$)"
)


def _answered(seg: str, low: str) -> bool:
    # start and end given: a segment must not take the place of the letter in the scan cache
    if search(_ANSWERED, seg, windows(low, _ANSWER_WORDS, 70, 50, 0, len(low))):
        return True
    if _HAS_FIGURE.search(seg):
        return True
    for line in seg.split("\n"):
        if not line or not any(c.isdigit() for c in line[:60]):
            continue
        if len(line) <= 60 and _FIGURE.fullmatch(line):
            if not re.fullmatch(r"[ \t]*(?:19|20)\d\d[ \t.]*|[ \t]*\d{1,2}[.)]?[ \t]*", line):
                return True
        if _FIGURE_LEAD.match(line):
            return True  # "325 requests are open."
    return False


def _numbers(spec: str) -> list[str]:
    """'1-3' -> 1, 2, 3; '1a and 1b' -> 1a, 1b; '2, 4' -> 2, 4."""
    spec = spec.strip()
    out: list[str] = []
    parts = re.split(r"\s*(?:,|and|&)\s*", spec)
    for p in parts:
        m = re.fullmatch(r"(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})", p)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if 0 < a <= b <= a + 30:
                out.extend(str(i) for i in range(a, b + 1))
            continue
        if re.fullmatch(r"\d{1,2}[a-z]?|[a-h]", p):
            out.append(p)
    return out


def _raw_items(text: str, s: int, e: int) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    for m in _ITEM.finditer(text, s, e):
        n = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4")
        # the rest of the line must be words, not a date or a figure
        line_end = text.find("\n", m.end())
        rest = text[m.end(): line_end if line_end != -1 else e]
        if not re.search(r"[A-Za-z]{3}", rest):
            if m.group("n1") and not rest.strip():
                # a heading alone on its line ("Request 1"): its words are on the next line
                nxt = text[line_end + 1: text.find("\n", line_end + 1) if text.find("\n", line_end + 1) != -1 else e] \
                    if line_end != -1 and line_end < e else ""
                if re.search(r"[A-Za-z]{3}", nxt):
                    found.append((n, m.start(), line_end + 1))
            continue
        found.append((n, m.start(), m.end()))
    return found


def _block_number(text: str, s: int) -> tuple[str, int] | None:
    """A span that opens right after a "Request 2" heading line: its number and the heading's start."""
    ls = text.rfind("\n", 0, max(0, s - 1)) + 1
    m = _BLOCK_HEAD.match(text, ls)
    if m and m.end() >= s - 2:
        return m.group(1), ls
    return None


_BLOCK_HEAD = re.compile(r"(?i)[ \t]*(?:request|question|q)[ \t]*(\d{1,2}[a-z]?)[ \t]*[:.]?[ \t]*$", re.M)
_BULLET = re.compile(r"(?m)^[ \t]*[•\-*·][ \t]+(?=\S)")


def _bullets(text: str, s: int, e: int) -> list[tuple[str, int, int]]:
    """Bulleted requests ("- How many cameras ...", "- I'd like a list of ..."), numbered in
    order; short bullets (fields of one question: "- date", "- location") are not questions."""
    out = []
    for m in _BULLET.finditer(text, s, e):
        line_end = text.find("\n", m.end())
        line = text[m.end(): line_end if line_end != -1 and line_end < e else e]
        if len(re.findall(r"[A-Za-z'’]+", line)) < 4:
            return []
        out.append((str(len(out) + 1), m.start(), m.end()))
    return out if len(out) >= 2 else []


def _items(text: str, s: int, e: int) -> list[tuple[str, int, int]]:
    """(number, position of the item, position of its words after the number) of each
    numbered item of the request part [s, e)."""
    found = _raw_items(text, s, e)
    if len(found) < 2:
        return []
    # keep one numbering scheme: the one the first item uses (digits, letters, roman)
    kind = _kind(found[0][0])
    seq = [f for f in found if _kind(f[0]) == kind]
    return seq if len(seq) >= 2 else []


def _kind(n: str) -> str:
    if n[0].isdigit():
        return "digit"
    if re.fullmatch(r"[ivx]+", n) and n not in ("v", "x") and len(n) > 1:
        return "roman"
    return "letter"


_SEG_MAX = 1500  # the words under one anchor; a longer run is the rest of the letter


def _classify(seg: str, cits: list[str], scope_other: bool, cost_exs=()) -> tuple[str, list[str], bool]:
    seg = seg[:_SEG_MAX]
    low = seg.lower()
    answer, exs, answered = _classify_low(seg, low, cits, scope_other, cost_exs)
    return answer, exs, answered


def _classify_low(seg, low, cits, scope_other, cost_exs):
    has_ncnd = ("neither" in low or "ncnd" in low or "confirm or deny" in low) and bool(_NCND.search(seg))
    answered = _answered(seg, low)
    if has_ncnd and not (answered and scope_other):
        return "ncnd", cits, answered
    if ("limit" in low or "threshold" in low or "12" in low or "compliance" in low) and _COST.search(seg) and not answered:
        return "cost", [c for c in cits if c in cost_exs] or list(cost_exs) or cits, answered
    if cits and _REFUSED.search(seg) and not (answered and scope_other and has_ncnd):
        return "refused", cits, answered
    if ("hold" in low or "held" in low or "record" in low or "no " in low) and _NOT_HELD.search(seg) and not answered:
        return "not-held", [], answered
    if answered:
        return "answered", [], answered
    if cits:
        return "refused", cits, answered
    return "unknown", [], answered


def _gap_answers(text, split, questions, cits_in, scope_other, cost_exs) -> bool:
    """Answers printed after each part of the request (several spans, each followed by the
    authority's words): the words up to the next span answer the questions of the span before.
    Returns whether any question was answered so."""
    spans = split.spans
    if len(spans) < 2 or not any(q.number for q in questions):
        return False
    done = False
    pending: list[Question] = []
    for k, (_s, e) in enumerate(spans):
        end = spans[k + 1][0] if k + 1 < len(spans) else min(len(text), e + _SEG_MAX)
        pending += [q for q in questions if _s <= q.start < e and q.answer == "unknown"]
        gap = text[e:end]
        if not _BLOCK_HEAD.sub("", gap).strip():
            continue  # only the next "Request 2" heading: one answer after them covers both
        if end - e > _SEG_MAX or not pending:
            pending = []
            continue
        answer, exs, _ = _classify(gap, cits_in(e, end), scope_other, cost_exs)
        if answer != "unknown":
            for q in pending:
                q.answer, q.exemptions = answer, list(exs)
            done = True
        pending = []
    return done


_ANCHOR_FIRST = frozenset(" \t(rRaAqQpPbcdefgh")


def _line_matches(text: str, start: int):
    """_ANCHOR tried at each line start from `start` (cheaper than scanning every position)."""
    match = _ANCHOR_AT.match
    pos = text.rfind("\n", 0, start) + 1
    n = len(text)
    while pos < n:
        c = text[pos:pos + 1]
        if c and (c in _ANCHOR_FIRST or c.isdigit()):
            m = match(text, pos)
            if m:
                yield m
        nl = text.find("\n", pos)
        if nl == -1:
            break
        pos = nl + 1


def split_questions(text: str, split, exemptions, ncnd_scope: str | None) -> list[Question]:
    if not split.spans:
        return []
    questions: list[Question] = []
    for s, e in split.spans:
        items = _items(text, s, e)
        for k, (n, _pos, words) in enumerate(items):
            end = items[k + 1][1] if k + 1 < len(items) else e
            body = text[words:end].rstrip()
            if body.strip():
                questions.append(Question(number=n, text=" ".join(body.split()), start=words, end=words + len(body)))
    if not questions and len(split.spans) >= 2:
        # items spread over several spans, one or more per span: "Request 1" ... "Answer 1" ...
        # "Request 2", or questions with the answer printed after each
        per: list[tuple[str, int, int, int]] = []
        for s, e in split.spans:
            its = _raw_items(text, s, e)
            blk = _block_number(text, s)
            if blk and not any(i[1] <= s for i in its):
                its = [(blk[0], blk[1], s)] + its
            digits = [i for i in its if i[0][0].isdigit()]
            for k, (n, pos, words) in enumerate(digits):
                end = digits[k + 1][1] if k + 1 < len(digits) else e
                per.append((n, pos, words, end))
        if len(per) >= 2 and len({n for n, *_ in per}) == len(per):
            for n, _pos, words, end in per:
                body = text[words:end].rstrip()
                if body.strip():
                    questions.append(Question(number=n, text=" ".join(body.split()), start=words,
                                              end=words + len(body)))
    if not questions:
        items = _bullets(text, split.spans[0][0], split.spans[0][1])
        for k, (n, _pos, words) in enumerate(items):
            end = items[k + 1][1] if k + 1 < len(items) else split.spans[0][1]
            body = text[words:end].rstrip()
            if body.strip():
                questions.append(Question(number=n, text=" ".join(body.split()), start=words, end=words + len(body)))
    if not questions:
        s, e = split.spans[0][0], split.spans[-1][1]
        body = text[s:e].strip()
        if not body:
            return []
        off = text.index(body, s)
        questions = [Question(number=None, text=" ".join(body.split()), start=off, end=off + len(body))]
    resp = max(split.response_start, split.spans[-1][1] if len(split.spans) == 1 else split.response_start)
    cited = [(sp[0], ex.citation) for ex in exemptions if ex.found == "cited" for sp in ex.spans]
    cost_exs = [ex.citation for ex in exemptions if ex.test == "cost" or ex.citation in ("reg12(4)(b)", "reg10(4)(b)")]

    cited.sort()
    cited_pos = [p for p, _ in cited]

    def cits_in(a: int, b: int) -> list[str]:
        out: list[str] = []
        for k in range(bisect_left(cited_pos, a), bisect_left(cited_pos, b)):
            c = cited[k][1]
            if c not in out:
                out.append(c)
        return out

    in_request = split.contains
    # anchors in the response, in order: (position, [numbers])
    anchors: list[tuple[int, list[str]]] = []
    wanted = {q.number for q in questions if q.number}
    low = lower(text)
    for rx, grp in ((_ANCHOR, None), (_IN_RESPECT, "a")):
        if rx is _ANCHOR:
            matches = _line_matches(text, resp)
        else:
            matches = finditer(rx, text, windows(low, ("question", "part", "point", " q"), 60, 60, resp))
        for m in matches:
            if in_request(m.start()):
                continue
            spec = m.group(grp) if grp else (m.group("a1") or m.group("a2") or m.group("a3") or m.group("a4"))
            nums = [x for x in _numbers(spec or "") if x in wanted or x.rstrip("abcdefgh") in wanted]
            if nums:
                anchors.append((m.start(), nums, m.end()))
    anchors.sort()
    scope_other = ncnd_scope == "other"
    if anchors and wanted:
        for k, (p, nums, a_end) in enumerate(anchors):
            if not any(q.answer == "unknown" and (q.number in nums or (q.number or "").rstrip("abcdefgh") in nums)
                       for q in questions):
                continue
            end = anchors[k + 1][0] if k + 1 < len(anchors) else len(text)
            seg = text[a_end:end]  # the words after the anchor ("Response 1", "Questions 1-3")
            answer, exs, _ = _classify(seg, cits_in(p, end), scope_other, cost_exs)
            for q in questions:
                if q.number in nums or (q.number and q.number.rstrip("abcdefgh") in nums and q.number not in wanted - set(nums)):
                    if q.answer == "unknown":
                        q.answer, q.exemptions = answer, list(exs)
            if all(q.answer != "unknown" for q in questions):
                break  # every question has its answer
        _gap_answers(text, split, questions, cits_in, scope_other, cost_exs)
        return questions
    if _gap_answers(text, split, questions, cits_in, scope_other, cost_exs):
        return questions
    # no anchors: the whole response, when it says one thing
    seg = text[resp:resp + _SEG_MAX]
    answer, exs, answered = _classify(seg, cits_in(resp, resp + _SEG_MAX), scope_other, cost_exs)
    mixed = answered and answer in ("refused", "ncnd", "cost", "not-held")
    if not mixed:  # a response that both gives and withholds says nothing for sure per question
        for q in questions:
            q.answer, q.exemptions = answer, list(exs)
    return questions
