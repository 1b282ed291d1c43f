"""One letter of a batch: read, parse, check, date it, and fingerprint its text.

`analyse(job)` runs in a worker process (or in-process with --jobs 1); it never raises for a
bad letter: the error becomes part of the result so that the batch goes on. What it returns
is plain data (picklable) that the batch stage combines: the parsed refusal, its own
findings, its timeline, what came back, and the text's word shingles for the stock-text
clusters (`fingerprint`).
"""

from __future__ import annotations

import re
import zlib
from array import array
from dataclasses import dataclass, field

SHINGLE = 7  # words per shingle: long enough that shared shingles are not common phrases

ANSWERS = ("disclosed", "partial", "NCND", "refused", "cost", "not held", "review outcome", "unclear")


@dataclass
class Job:
    index: int
    path: str
    missing: str | None = None
    request_text: str | None = None  # --request: the request sent to every authority
    today: object | None = None  # datetime.date the batch is judged on (--date; default today)


@dataclass
class Analysed:
    index: int
    file: str
    error: str | None = None
    refusal: object | None = None  # appeal.model.Refusal
    findings: list = field(default_factory=list)  # the letter's own findings, all strengths
    timeline: object | None = None
    dates: dict = field(default_factory=dict)
    answer: str | None = None  # one of ANSWERS
    effective: str | None = None  # for a review outcome, what it leaves in place (NCND, refused, ...)
    notes: list[str] = field(default_factory=list)  # reading notes (truncation, skipped parts)
    # stock-text fingerprint: word spans into refusal.text and one shingle hash per word
    # position (0 where the shingle lies in the request, which every letter of a batch quotes)
    starts: array = field(default_factory=lambda: array("i"))
    ends: array = field(default_factory=lambda: array("i"))
    shingles: array = field(default_factory=lambda: array("q"))
    breaks: array = field(default_factory=lambda: array("l"))  # word indices that start a paragraph
    questions: list = field(default_factory=list)  # [(number, text, answer)] from the parser
    # stock references whose antecedent this letter lacks: [{id, start, end, quote, hint}]
    dangling: list = field(default_factory=list)


def analyse(job: Job) -> Analysed:
    from appeal.errors import UserError

    out = Analysed(job.index, printable(job.path))
    if job.missing:
        out.error = f"{job.path}: {job.missing}"
        return out
    try:
        _analyse(job, out)
    except UserError as exc:
        out.error = " ".join(str(exc).split())
    except (OSError, MemoryError, RecursionError) as exc:
        out.error = f"{job.path}: {type(exc).__name__}: {exc}"
    except Exception as exc:  # a bug of ours on this letter: reported on its row, batch goes on
        import os

        if os.environ.get("APPEAL_DEBUG"):
            raise
        out.error = f"{job.path}: internal error: {type(exc).__name__}: {' '.join(str(exc).split())}"
    if out.error:  # nothing half-done on an error row
        out.error = printable(out.error)
        out.refusal, out.findings, out.timeline = None, [], None
    return out


def _load(path: str, notes: list[str]):
    """The refusal, with reading notes kept for the row instead of printed by each worker."""
    from appeal.ingest import guards, kind_for, load_refusal, parse_extracted, read_extracted

    if path.lower().endswith(".json"):
        return load_refusal(path)
    data = guards.read_bytes(path)
    if kind_for(path, data) == "json":
        return load_refusal(path)
    ex = read_extracted(path, data)
    notes.extend(" ".join(n.split()) for n in ex.notes)
    return parse_extracted(ex, path)


def _analyse(job: Job, out: Analysed) -> None:
    from appeal import rules
    from appeal.batch.adapters import case_timeline

    refusal = _load(job.path, out.notes)
    if refusal.source is None or refusal.source == job.path:
        refusal.source = printable(job.path)
    if job.request_text and not refusal.request_text:
        refusal.request_text = job.request_text
        refusal.assumptions.append("the letter does not quote the request: the one given with --request is assumed")
    timeline, dates = case_timeline(refusal, today=job.today)
    report = rules.run(refusal, timeline=timeline, dates=dates, minimum="weak")
    out.refusal = refusal
    out.findings = list(report.findings)
    out.timeline = report.timeline
    out.dates = dict(dates or {})
    out.answer = what_came_back(refusal)
    out.effective = what_came_back(refusal, as_decided=True)
    out.questions = [
        (getattr(q, "number", None), getattr(q, "text", "") or "", getattr(q, "answer", "unknown") or "unknown")
        for q in (getattr(refusal, "questions", None) or [])
    ]
    out.starts, out.ends, out.shingles = fingerprint(refusal, extra_request=job.request_text)
    out.breaks = paragraph_breaks(refusal.text or "", out.starts, out.ends)
    out.dangling = _dangling(refusal)


def _dangling(refusal) -> list[dict]:
    try:
        from appeal.rules.stock import find_dangling
    except ImportError:  # the stock library moved: nothing to say, not a failure
        return []
    try:
        found = find_dangling(refusal.text or "", refusal.request_text)
    except Exception:
        return []
    return [{"id": d.family, "start": d.start, "end": d.end, "quote": " ".join((d.quote or "").split()),
             "hint": getattr(d, "hint", None)} for d in found]


def printable(path: str) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 (kept by the OS as lone
    surrogates) shown as U+FFFD, so the table, the JSON and the HTML never fail on them."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# ---- what came back --------------------------------------------------------------------------
_NOT_HELD = re.compile(
    r"\b(?:does not hold|do not hold|is not held|are not held|not held by|holds no|no (?:recorded )?information "
    r"(?:is )?held|no information (?:was )?found|does not have (?:any|the) (?:recorded )?information)\b", re.I)
_COST = ("s12", "reg12(4)(b)")
_GIVEN = re.compile(
    r"\b(?:(?:is|are) (?:provided|given|set out|shown|attached|enclosed)|please find|i (?:can|am able to) "
    r"(?:confirm|provide)|(?:we|it) (?:hold|holds) (?:the|this|some) information|the (?:answer|response) to "
    r"(?:your )?question|information (?:you requested|requested) is (?:provided|attached|below))\b", re.I)


def what_came_back(refusal, *, as_decided: bool = False) -> str:
    """disclosed / partial / NCND / refused / cost / not held / review outcome / unclear.
    `as_decided`: for a review outcome, what the decision it upholds gives (NCND, refused, ...)."""
    if refusal.is_review_outcome and not as_decided:
        return "review outcome"
    cites = [e.citation for e in refusal.exemptions]
    if refusal.cost is not None or any(c == "s12" or c.startswith(_COST) for c in cites) \
            or any(e.test == "cost" for e in refusal.exemptions):
        return "cost"
    withheld = bool(refusal.exemptions) or refusal.ncnd
    if refusal.partial_disclosure and withheld:
        return "partial"
    if refusal.ncnd:
        return "NCND" if refusal.ncnd_scope != "other" else "partial"
    if refusal.exemptions:
        return "refused"
    if _NOT_HELD.search(refusal.text or ""):
        return "not held"
    # Nothing withheld is not the same as something given: say "disclosed" only where the
    # letter gives or attaches the information (else it may not be a reply at all).
    if refusal.partial_disclosure or _GIVEN.search(refusal.text or ""):
        return "disclosed"
    return "unclear"


# ---- the fingerprint for stock text ----------------------------------------------------------
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_TRANS = str.maketrans({"\u2018": "'", "\u2019": "'", "`": "'"})
_NAME_STOP = frozenset("the of and for in on at police service constabulary council county city borough".split())
_word_ids: dict[str, int] = {}


def _wid(word: str) -> int:
    v = _word_ids.get(word)
    if v is None:
        if word.isdigit():
            v = 1  # every number is the same word: figures and dates differ from letter to letter
        else:
            v = zlib.crc32(word.encode()) or 2
        if len(_word_ids) < 500_000:
            _word_ids[word] = v
    return v


def request_region(text: str, request_text: str | None) -> tuple[int, int] | None:
    if not request_text or len(request_text) < 15:
        return None
    i = text.find(request_text.strip())
    if i != -1:
        return i, i + len(request_text.strip())
    return None


def prepared(text: str, authority: str | None) -> str:
    """The text lower-cased, quotes straightened, the authority's own name (any run of its
    distinctive words, "west midlands") overwritten by one placeholder word of the same length:
    offsets stay those of the original text."""
    low = text.lower().translate(_TRANS)
    names = sorted({w for w in _WORD.findall((authority or "").lower()) if w not in _NAME_STOP and not w.isdigit()},
                   key=len, reverse=True)
    if names:
        alt = "|".join(re.escape(w) for w in names)
        rx = re.compile(rf"\b(?:{alt})(?:[ \t]+(?:{alt}))*\b")
        low = rx.sub(lambda m: "q" * len(m.group()), low)
    return low


def _wid_name(word: str) -> int:
    return 3 if word.count("q") == len(word) else _wid(word)


def _hashes(ids: list[int]) -> list[int]:
    k = SHINGLE
    return [hash(tuple(ids[i:i + k])) or 1 for i in range(len(ids) - k + 1)]  # ints hash alike in every process


def fingerprint(refusal, extra_request: str | None = None) -> tuple[array, array, array]:
    """Word spans and per-position shingle hashes of the letter text (lower-cased; numbers all
    alike; the authority's own name as one placeholder word). The request, which every letter
    of a batch quotes, is masked (0): where the letter quotes it, and wherever its words recur."""
    text = refusal.text or ""
    low = prepared(text, refusal.authority.name)
    ms = list(_WORD.finditer(low))
    get = _word_ids.get
    ids = [get(w) or _wid_name(w) for w in (m.group() for m in ms)]
    starts = array("i", [m.start() for m in ms])
    ends = array("i", [m.end() for m in ms])
    masked: set[int] = set()
    for req in {refusal.request_text, extra_request} - {None}:
        rl = req.lower().translate(_TRANS)
        masked.update(_hashes([get(w) or _wid(w) for w in _WORD.findall(rl)]))
    hashes = _hashes(ids)
    region = request_region(text, refusal.request_text)
    if region:
        import bisect

        i0 = bisect.bisect_left(starts, region[0]) - SHINGLE + 1
        i1 = bisect.bisect_left(starts, region[1])
        for i in range(max(0, i0), min(i1, len(hashes))):
            hashes[i] = 0
    if masked:
        hashes = [0 if h in masked else h for h in hashes]
    shingles = array("q", hashes)
    shingles.extend([0] * (len(ids) - len(hashes)))
    return starts, ends, shingles


_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraph_breaks(text: str, starts: array, ends: array) -> array:
    """Indices of the words that begin a paragraph (a blank line before them)."""
    import bisect

    out = array("l")
    for m in _BLANK.finditer(text):
        i = bisect.bisect_left(starts, m.end())  # the first word at or after the blank line
        if i < len(starts) and (not out or out[-1] != i):
            out.append(i)
    return out
