"""Stock text: known boilerplate paragraphs and references that point at nothing.

    find_stock(text) -> list[StockMatch]
        every fingerprint from appeal/data/stock_fingerprints.toml found in the letter
    find_dangling(text, request_text=None, response_text=None) -> list[StockMatch]
        stock references ("the numerical data presented", "these techniques") whose
        antecedent is absent from the request and the letter
    sentence_span(text, start, end) -> (start, end)
        the enclosing sentence, for verbatim quoting

Matching runs on normalised text (lower case, straight quotes, "-" for dashes, one space for
any run of whitespace) but every span returned is into the ORIGINAL text, so
`text[m.start:m.end]` is a verbatim quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from appeal.resources import data_path, read_toml

FINGERPRINTS = "stock_fingerprints.toml"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class StockMatch:
    family: str  # family id, or the dangling reference id when kind == "dangling"
    start: int  # [start, end) into the original text
    end: int
    phrase: str  # what matched, in normalised form
    reasoning: bool  # True: stock REASONING (counts against a letter); False: a recital
    quote: str = ""  # text[start:end], verbatim
    kind: str = "stock"  # "stock" | "dangling"
    hint: str | None = None  # dangling: what the letter would need for the reference to make sense


@dataclass(frozen=True)
class Family:
    id: str
    description: str
    reasoning: bool
    regexes: tuple[_Rx, ...]


@dataclass(frozen=True)
class Dangling:
    id: str
    description: str
    reasoning: bool
    regexes: tuple[_Rx, ...]
    antecedent: str | None  # "figures" or None
    request_re: re.Pattern[str] | None
    letter_re: re.Pattern[str] | None
    hint: str


# --------------------------------------------------------------------- normalisation

_TRANS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
    }
)
_WS_RUN = re.compile(r"\s{2,}|[^\S ]")


@dataclass(frozen=True)
class Normalised:
    text: str
    _norm_starts: tuple[int, ...]
    _orig_starts: tuple[int, ...]

    def to_orig(self, n: int) -> int:
        i = bisect_right(self._norm_starts, n) - 1
        return self._orig_starts[i] + (n - self._norm_starts[i])

    def span(self, s: int, e: int) -> tuple[int, int]:
        """Original [start, end) for normalised [s, e)."""
        if e <= s:
            o = self.to_orig(s)
            return o, o
        return self.to_orig(s), self.to_orig(e - 1) + 1


def normalise(text: str) -> Normalised:
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two; keep those as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    low = low.translate(_TRANS)
    pieces: list[str] = []
    norm_starts = [0]
    orig_starts = [0]
    pos = npos = 0
    for m in _WS_RUN.finditer(low):
        s, e = m.span()
        pieces.append(low[pos:s])
        npos += s - pos
        pieces.append(" ")
        norm_starts.append(npos)
        orig_starts.append(s)
        npos += 1
        norm_starts.append(npos)
        orig_starts.append(e)
        pos = e
    pieces.append(low[pos:])
    return Normalised("".join(pieces), tuple(norm_starts), tuple(orig_starts))


# ------------------------------------------------------------------------ loading
#
# Fingerprints are written for normalised text. Rather than normalise every letter (slow, and
# spans would need mapping back), each pattern is rewritten to tolerate what normalisation
# removes: a space matches any run of whitespace, a quote any curly quote, a hyphen any dash.
# Matching then runs on `text.lower()`, whose offsets are the original text's.

_DASHES = "\\-\u2010-\u2015\u2212"
_SQ = "'\u2018\u2019\u201a\u201b\u2032`"
_DQ = '"\u201c\u201d\u201e\u2033'
_SEP_REQ = "[ -]+"  # between words of a phrase (normalised form)
_SEP_OPT = "[ -]*"


def tolerant(pattern: str) -> str:
    """Rewrite a pattern written for normalised text so that it matches raw lower-cased text."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    class_start = 0
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "]" and i > class_start:
                in_class = False
                out.append(c)
            elif c == " ":
                out.append(r"\s")
            elif c == "'":
                out.append(_SQ)
            elif c == '"':
                out.append(_DQ)
            elif c == "-" and (i == class_start or (i + 1 < n and pattern[i + 1] == "]")):
                out.append(_DASHES)
            else:
                out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            class_start = i
            continue
        if c == " ":
            nxt = pattern[i + 1] if i + 1 < n else ""
            if nxt and nxt in "?*":
                out.append(r"\s*")
                i += 2
                continue
            if nxt == "+":
                i += 1
            out.append(r"\s+")
        elif c == "'":
            out.append(f"[{_SQ}]")
        elif c == '"':
            out.append(f"[{_DQ}]")
        elif c == "-":
            out.append(f"[{_DASHES}]")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _phrase_pattern(phrase: str) -> str:
    """A literal phrase as a normalised-form pattern: words separated by spaces or hyphens;
    a space in the phrase needs a separator, a hyphen allows none ("un-audited" = "unaudited")."""
    phrase = " ".join(phrase.lower().translate(_TRANS).split())
    parts = re.split(r"([ -]+)", phrase)
    out = []
    for k, part in enumerate(parts):
        if k % 2:
            out.append(_SEP_OPT if "-" in part and " " not in part else _SEP_REQ)
        elif part:
            out.append(re.escape(part))
    body = "".join(out)
    if phrase and phrase[-1].isalnum():
        body += r"(?![a-z0-9])"
    return body


# --- anchors: a whole word every match must contain, so most patterns are skipped at once

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    import re._constants as _sre_c  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_UNKNOWN, _BOUND, _OPTNA = object(), object(), object()  # _OPTNA: optional, never alnum
_MIN_ANCHOR = 4
# Words in nearly every refusal: a poor anchor (the window search then covers the whole letter)
_COMMON = frozenset(
    "information exemption exemptions request requested public interest section police force "
    "disclosure disclose confirm confirming deny denying neither held hold holds that this "
    "with would which there their these those such from have been will your under act".split()
)


def _class_has_alnum(items) -> bool:
    for op, av in items:
        if op is _sre_c.LITERAL:
            if chr(av).isalnum():
                return True
        elif op is _sre_c.RANGE:
            lo, hi = av
            if any(chr(x).isalnum() for x in range(lo, min(hi, lo + 300) + 1)):
                return True
        elif op is _sre_c.NEGATE:
            return True
        elif op is _sre_c.CATEGORY:
            if av is not _sre_c.CATEGORY_SPACE:
                return True
    return False


def _never_alnum(seq) -> bool:
    """Can this parsed sequence only ever match non-alphanumeric characters?"""
    for op, av in seq:
        if op is _sre_c.LITERAL:
            if chr(av).isalnum():
                return False
        elif op is _sre_c.IN:
            if _class_has_alnum(av):
                return False
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
            if not _never_alnum(av[2]):
                return False
        else:
            return False
    return True


def _anchor_candidates(seq, edges_bounded: bool = True) -> list[list[str]]:
    """Candidate anchor sets for a parsed sequence: each candidate is a list of alternative
    whole words, at least one of which every match contains. Inside groups and branches the
    sequence edges are not taken as word edges (the parser may have factored a common prefix
    out of the alternatives: "any|additional" becomes "a" + "ny|dditional")."""
    items: list[object] = []  # chars, _BOUND, _UNKNOWN, _OPTNA
    cands: list[list[str]] = []
    for op, av in seq:
        if op is _sre_c.LITERAL:
            items.append(chr(av))
        elif op is _sre_c.AT:
            items.append(_BOUND)
        elif op is _sre_c.IN:
            items.append(_UNKNOWN if _class_has_alnum(av) else _BOUND)
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
            lo, _hi, sub = av
            if _never_alnum(sub):
                items.append(_BOUND if lo >= 1 else _OPTNA)
                continue
            if lo >= 1:
                cands.extend(_anchor_candidates(sub, False))
            items.append(_UNKNOWN)
        elif op is _sre_c.SUBPATTERN:
            cands.extend(_anchor_candidates(av[-1], False))
            items.append(_UNKNOWN)
        elif op is _sre_c.BRANCH:
            alts = []
            for branch in av[1]:
                sub = [c for c in _anchor_candidates(branch, False) if _good(c)]
                if not sub:
                    alts = None
                    break
                alts.append(max(sub, key=lambda c: min(map(len, c))))
            if alts:
                cands.append([w for alt in alts for w in alt])
            items.append(_UNKNOWN)
        elif op is _sre_c.ASSERT_NOT or op is _sre_c.ASSERT:
            continue  # zero-width
        else:
            items.append(_UNKNOWN)
    # whole words: runs of alnum literal chars whose neighbours (skipping optional
    # non-alnum items) are non-alnum literals, boundaries or the ends of the sequence (a match
    # could in theory abut a letter there; a real stock phrase never does)
    def bounded(k: int, step: int) -> bool:
        while 0 <= k < len(items) and items[k] is _OPTNA:
            k += step
        if not 0 <= k < len(items):
            return edges_bounded
        it = items[k]
        return it is _BOUND or (isinstance(it, str) and not it.isalnum())

    k = 0
    while k < len(items):
        it = items[k]
        if isinstance(it, str) and it.isalnum():
            j = k
            while j < len(items) and isinstance(items[j], str) and items[j].isalnum():
                j += 1
            if bounded(k - 1, -1) and bounded(j, 1):
                cands.append(["".join(items[k:j])])  # type: ignore[arg-type]
            k = j
        else:
            k += 1
    return cands


def _good(cand: list[str]) -> bool:
    return bool(cand) and all(len(w) >= _MIN_ANCHOR or (w.isdigit() and len(w) >= 2) for w in cand)


def anchors(pattern: str) -> tuple[str, ...] | None:
    """The best anchor set for a normalised-form pattern (None: no usable anchor)."""
    try:
        parsed = _sre_parse.parse(pattern)
    except Exception:  # pragma: no cover - compile() reports the real error
        return None
    cands = [c for c in _anchor_candidates(list(parsed)) if _good(c)]
    if not cands:
        return None
    def score(c: list[str]) -> tuple[int, int, int]:
        common = sum(w in _COMMON for w in c)
        return (-common, min(len(w) if not w.isdigit() else 3 for w in c), -len(c))

    best = max(cands, key=score)
    return tuple(sorted(set(best)))


@dataclass(frozen=True)
class _Rx:
    source: str  # the normalised-form pattern, as written
    tolerant_source: str  # what is actually matched (see `tolerant`)
    anchors: tuple[str, ...] | None
    word_start: bool  # a phrase: the match must not start inside a word

    @property
    def regex(self) -> re.Pattern[str]:
        # Compiled on first use (re keeps it in its own cache): most families' anchor words
        # are absent from a given letter, so most patterns are never needed in a run.
        return re.compile(self.tolerant_source, re.S)


# Anchor words are worked out by parsing each pattern, which costs more at start-up than
# everything else here; they are kept between runs in the user's cache, keyed by the
# fingerprint file's size and mtime (see load_fingerprints).
_ANCHOR_MEMO: dict[str, list[str] | None] = {}


def _make(pattern: str, *, phrase: bool, where: str, fallback: tuple[str, ...] | None = None) -> _Rx:
    tol = tolerant(pattern)
    if pattern in _ANCHOR_MEMO:  # seen (and validated) in an earlier run
        memo = _ANCHOR_MEMO[pattern]
        found = tuple(memo) if memo is not None else None
    else:
        try:
            re.compile(tol, re.S)
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{FINGERPRINTS}: {where}: bad pattern {pattern!r}: {exc}") from None
        found = anchors(pattern)
        _ANCHOR_MEMO[pattern] = list(found) if found is not None else None
    return _Rx(pattern, tol, found or fallback, phrase)


def _compile(entry: dict, where: str) -> tuple[_Rx, ...]:
    # `anchors` (optional): words one of which every match of the entry contains, for
    # patterns whose own wording gives no usable anchor word
    fb = tuple(w.lower() for w in entry.get("anchors", ())) or None
    out = [_make(_phrase_pattern(ph), phrase=True, where=where, fallback=fb) for ph in entry.get("phrases", [])]
    out += [_make(p, phrase=False, where=where, fallback=fb) for p in entry.get("patterns", [])]
    if not out:
        raise ValueError(f"{FINGERPRINTS}: {where}: no phrases or patterns")
    return tuple(out)


def load_fingerprints(path: Path | None = None) -> tuple[tuple[Family, ...], tuple[Dangling, ...]]:
    """Read and compile the fingerprint file (uncached; `library()` caches the shipped one)."""
    path = path or data_path(FINGERPRINTS)
    data = read_toml(path)
    memo_file = _anchor_memo_file(path)
    _load_anchor_memo(memo_file)
    known = len(_ANCHOR_MEMO)
    fams = []
    seen: set[str] = set()
    for entry in data.get("family", []):
        fid = entry["id"]
        if fid in seen:
            raise ValueError(f"{FINGERPRINTS}: duplicate family id {fid!r}")
        seen.add(fid)
        fams.append(Family(fid, entry.get("description", ""), bool(entry["reasoning"]), _compile(entry, fid)))
    refs = []
    for entry in data.get("dangling", []):
        did = entry["id"]
        if did in seen:
            raise ValueError(f"{FINGERPRINTS}: duplicate id {did!r}")
        seen.add(did)
        antecedent = entry.get("antecedent")
        if antecedent not in (None, "figures"):
            raise ValueError(f"{FINGERPRINTS}: {did}: unknown antecedent {antecedent!r}")
        req = entry.get("request_pattern")
        let = entry.get("letter_pattern")
        if antecedent is None and req is None and let is None:
            raise ValueError(f"{FINGERPRINTS}: {did}: says nothing about its antecedent")
        refs.append(
            Dangling(
                did,
                entry.get("description", ""),
                bool(entry.get("reasoning", True)),
                _compile(entry, did),
                antecedent,
                re.compile(req) if req else None,
                re.compile(let) if let else None,
                entry.get("hint", ""),
            )
        )
    if len(_ANCHOR_MEMO) != known:
        _save_anchor_memo(memo_file)
    return tuple(fams), tuple(refs)


def _anchor_memo_file(path: Path) -> Path | None:
    from appeal.resources import user_cache_dir

    try:
        st = path.stat()
    except OSError:
        return None
    return user_cache_dir() / f"stock-anchors-v1-{st.st_size}-{st.st_mtime_ns}.json"


def _load_anchor_memo(memo_file: Path | None) -> None:
    import json

    from appeal.resources import SHIPPED_CACHE

    if memo_file is None:
        return
    # The memo is keyed by pattern text, so the copy shipped by the release step is right for
    # whatever patterns it knows; the user's file adds the rest.
    for source in (SHIPPED_CACHE / "stock-anchors-v1.json", memo_file):
        _load_anchor_file(source, json)


def _load_anchor_file(memo_file: Path, json) -> None:
    try:
        data = json.loads(memo_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # no cache yet, or a damaged one: recompute
    if isinstance(data, dict) and all(
        isinstance(k, str) and (v is None or (isinstance(v, list) and all(isinstance(w, str) for w in v)))
        for k, v in data.items()
    ):
        for k, v in data.items():
            _ANCHOR_MEMO.setdefault(k, v)


def _save_anchor_memo(memo_file: Path | None) -> None:
    from appeal.resources import write_cache_json

    if memo_file is not None and write_cache_json(memo_file, _ANCHOR_MEMO):
        for old in memo_file.parent.glob("stock-anchors-v1-*.json"):  # older copies: stale now
            if old != memo_file:
                try:
                    old.unlink()
                except OSError:
                    pass

@cache
def library() -> tuple[tuple[Family, ...], tuple[Dangling, ...]]:
    return load_fingerprints()


def families() -> dict[str, Family]:
    return {f.id: f for f in library()[0]}


def dangling_references() -> dict[str, Dangling]:
    return {d.id: d for d in library()[1]}


# ------------------------------------------------------------------------ matching

_TOKEN_TABLE = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))
_WINDOW = 400  # a match never reaches further than this from its anchor word


from appeal.text import lower as _lower  # noqa: E402  (one home: appeal.text)


def _tokens(low: str) -> frozenset[bytes]:
    return frozenset(low.encode("ascii", "replace").translate(_TOKEN_TABLE).split())


def _search(rx: _Rx, low: str, tokens: frozenset[bytes]) -> list[tuple[int, int]]:
    if rx.anchors is None:
        spans = [m.span() for m in rx.regex.finditer(low)]
    else:
        present = [a for a in rx.anchors if a.encode() in tokens]
        if not present:
            return []
        windows: list[list[int]] = []
        for a in present:
            i = low.find(a)
            while i != -1:
                windows.append([max(0, i - _WINDOW), i + len(a) + _WINDOW])
                i = low.find(a, i + 1)
        windows.sort()
        merged: list[list[int]] = []
        for w in windows:
            if merged and w[0] <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], w[1])
            else:
                merged.append(w)
        seen: set[tuple[int, int]] = set()
        spans = []
        for lo, hi in merged:
            for m in rx.regex.finditer(low, lo, min(hi, len(low))):
                if m.span() not in seen:
                    seen.add(m.span())
                    spans.append(m.span())
    if rx.word_start:
        spans = [(s, e) for s, e in spans if s == 0 or not low[s - 1].isalnum()]
    return spans


from appeal.text import merge_spans as _merge  # noqa: E402  (merge overlapping matches of one family)


def _phrase(text: str, s: int, e: int) -> str:
    return " ".join(text[s:e].lower().translate(_TRANS).split())


@lru_cache(maxsize=16)
def _prepared(text: str) -> tuple[str, frozenset[bytes]]:
    low = _lower(text)
    return low, _tokens(low)


def find_stock(text: str, *, _families: tuple[Family, ...] | None = None) -> list[StockMatch]:
    """Every known stock paragraph in `text`, in order of position."""
    if not text:
        return []
    if _families is None:
        return list(_find_stock_cached(text))
    return _find_stock(text, _families)


@lru_cache(maxsize=16)
def _find_stock_cached(text: str) -> tuple[StockMatch, ...]:
    # several rules (and `scan`) ask about the same letter; StockMatch is immutable
    return tuple(_find_stock(text, library()[0]))


def _find_stock(text: str, fams: tuple[Family, ...]) -> list[StockMatch]:
    low, tokens = _prepared(text)
    matches: list[StockMatch] = []
    for fam in fams:
        found = [span for rx in fam.regexes for span in _search(rx, low, tokens)]
        if not found:
            continue
        for s, e in _merge(found):
            matches.append(StockMatch(fam.id, s, e, _phrase(text, s, e), fam.reasoning, text[s:e]))
    matches.sort(key=lambda m: (m.start, m.end, m.family))
    return matches


# ------------------------------------------------------------------------ sentences

_ABBREV = {
    "e.g", "i.e", "eg", "ie", "no", "nos", "s", "ss", "para", "paras", "etc", "mr", "mrs", "ms",
    "dr", "reg", "regs", "cf", "v", "vs", "st", "co", "ltd", "sch", "art", "ref", "tel", "approx",
}
_TERM = re.compile(r"[.!?][\"')\]]*(?=\s)")
_SENT_LIMIT = 600


def _is_boundary_after_terminator(text: str, i: int, j: int) -> bool:
    """text[i] is . ! or ?, text[i:j] the terminator with closing quotes; is it a sentence end?"""
    k = j
    n = len(text)
    while k < n and text[k].isspace():
        k += 1
    if k >= n:
        return True
    if text[k].islower():
        return False
    if text[i] == ".":
        w = i
        while w > 0 and (text[w - 1].isalnum() or text[w - 1] == "."):
            w -= 1
        word = text[w:i].lower()
        if word in _ABBREV:
            return False
        if len(word) == 1 and word.isalpha() and text[k].isupper() and w > 0 and text[w - 1] == " ":
            # initials like "J. Smith": keep going
            return False
    return True


def _newline_is_boundary(text: str, nl: int) -> bool:
    """A single newline ends a sentence after a short line (a heading), after a line ending
    in punctuation, before a blank line, or before a bullet; not in hard-wrapped prose."""
    ls = text.rfind("\n", 0, nl) + 1
    prev = text[ls:nl].strip()
    rest = text[nl + 1 : nl + 80]
    nxt = rest.lstrip(" \t\r\f\v")
    if not prev or nxt.startswith("\n") or not nxt:
        return True
    if prev[-1] in ".!?:;":
        return True
    if len(prev) < 60:
        return True
    if re.match(r"(?:[-•*·]|\d{1,2}[.)]|\([a-z0-9]{1,3}\))\s", nxt):
        return True
    return False


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or heading line) enclosing text[start:end], trimmed of outer whitespace.
    Never more than ~600 characters either side of the match."""
    n = len(text)
    start = max(0, min(start, n))
    end = max(start, min(end, n))
    # left edge
    lo = max(0, start - _SENT_LIMIT)
    left = None
    i = start - 1
    while i >= lo:
        c = text[i]
        if c == "\n" and _newline_is_boundary(text, i):
            left = i + 1
            break
        if c in ".!?":
            m = _TERM.match(text, i)
            if m and m.end() <= start and _is_boundary_after_terminator(text, i, m.end()):
                left = m.end()
                break
        i -= 1
    if left is None:
        if lo == 0:
            left = 0
        else:
            sp = text.find(" ", lo, start)
            left = sp + 1 if sp != -1 else lo
    # right edge
    hi = min(n, end + _SENT_LIMIT)
    right = None
    i = max(end, start)
    # a terminator inside the match does not end the sentence
    while i < hi:
        c = text[i]
        if c == "\n" and i >= end and _newline_is_boundary(text, i):
            right = i
            break
        if c in ".!?" and i >= end - 1:
            m = _TERM.match(text, i)
            if m and _is_boundary_after_terminator(text, i, m.end()):
                right = m.end()
                break
            if i == n - 1 or (i + 1 < n and text[i + 1] in "\"')]" and i + 2 >= n):
                right = n
                break
        i += 1
    if right is None:
        if hi >= n:
            right = n
        else:
            sp = text.rfind(" ", end, hi)
            right = sp if sp != -1 else hi
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return min(left, start), max(right, end)


# ---------------------------------------------------------------- dangling references

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_NOT_FIGURES = [
    re.compile(r"https?://\S+|www\.\S+|\S+@\S+"),
    re.compile(r"(?m)^[ \t]*\(?\d{1,2}[a-z]?[.)](?=\s)"),  # list markers
    re.compile(r"\+?\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{0,4}\b"),  # phone numbers
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:,?\s+\d{{2,4}})?", re.I),
    re.compile(rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?", re.I),
    re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"),  # 05.08.15, 25/09/2019
    re.compile(r"\b(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\b"),  # years, 2013/14
    re.compile(
        r"\b(?:sections?|ss?|regs?|regulations?|articles?|schedules?|parts?|paras?|paragraphs?"
        r"|chapters?|questions?|q|requests?|items?|points?|numbers?|no|annex|appendix|page|pages"
        r"|step|stage|level|tier|option)\.?\s*\d+[a-z]?(?:\s*\(\s*\w+\s*\))*"
        r"(?:\s*(?:,|and|&|or|to|-)\s*\d+[a-z]?(?:\s*\(\s*\w+\s*\))*)*",
        re.I,
    ),
    re.compile(r"\b\d+[a-z]?(?:\s*\(\s*\w+\s*\))+"),  # 23(5), 1(1)(a)
    re.compile(r"\S*[A-Za-z_/\\#]\S*\d\S*|\S*\d\S*[A-Za-z_/\\#]\S*"),  # FOI2018/01393, MK43, 5619_14
    re.compile(r"\b\d{1,2}:\d{2}\b"),  # times
    # durations in procedural text ("within 40 working days", "six weeks"): not data presented
    re.compile(r"\b\d+\s+(?:working\s+|calendar\s+|business\s+)?(?:days?|weeks?|months?)\b", re.I),
]
_DIGIT = re.compile(r"\d")
_ATTACHMENT = re.compile(r"\battach|\bannex|\benclos|\bspreadsheet|\bappendix|\btable (?:below|above|attached)|\bsee (?:the )?table")


def has_figures(response: str) -> bool:
    """Does the response itself give figures (numbers that are not dates, section numbers,
    references, list markers, phone numbers or addresses)?"""
    t = response
    for rx in _NOT_FIGURES:
        t = rx.sub(" ", t)
    return bool(_DIGIT.search(t))


def _request_region(text: str, low: str, request_text: str | None) -> tuple[int, int] | None:
    """Where the quoted request sits in the letter (so its words are not taken as stock)."""
    if not request_text:
        return None
    words = request_text.lower().split()
    if len(" ".join(words)) < 15:
        return None
    i = low.find(request_text.lower().strip())
    if i != -1:
        return i, i + len(request_text.strip())
    # same words, different whitespace
    rx = re.compile(r"\s+".join(re.escape(w) for w in words[:400]))
    m = rx.search(low)
    return m.span() if m else None


def find_dangling(
    text: str,
    request_text: str | None = None,
    response_text: str | None = None,
    *,
    _dangling: tuple[Dangling, ...] | None = None,
) -> list[StockMatch]:
    """Stock references whose antecedent is absent. `request_text` is the request as quoted
    (None when unknown: request-based checks then fall back to the rest of the letter, or stay
    silent); `response_text` is the authority's own reply (default: the letter less the request)."""
    if not text:
        return []
    refs = _dangling if _dangling is not None else library()[1]
    low, tokens = _prepared(text)
    region = _request_region(text, low, request_text)
    req_norm = " ".join(request_text.lower().translate(_TRANS).split()) if request_text else None
    out: list[StockMatch] = []
    for ref in refs:
        found = []
        for rx in ref.regexes:
            for s, e in _search(rx, low, tokens):
                if region and s < region[1] and e > region[0]:
                    continue  # the requester's own words
                found.append((s, e))
        for s, e in _merge(found):
            ss, se = sentence_span(text, s, e)
            if _antecedent_present(ref, text, ss, se, region, req_norm, response_text):
                continue
            out.append(
                StockMatch(ref.id, s, e, _phrase(text, s, e), ref.reasoning, text[s:e], kind="dangling", hint=ref.hint)
            )
    out.sort(key=lambda m: (m.start, m.end, m.family))
    return out


def _antecedent_present(
    ref: Dangling,
    text: str,
    ss: int,
    se: int,
    region: tuple[int, int] | None,
    req_norm: str | None,
    response_text: str | None,
) -> bool:
    outside = text[:ss] + "\n" + text[se:]  # the letter without the referring sentence
    if ref.antecedent == "figures":
        if response_text is not None:
            response = response_text.replace(text[ss:se], " ")
        elif region and region[1] <= ss:
            response = text[: region[0]] + "\n" + text[region[1] : ss] + "\n" + text[se:]
        elif region and region[0] >= se:
            response = text[:ss] + "\n" + text[se : region[0]] + "\n" + text[region[1] :]
        else:
            response = outside
        return has_figures(response) or bool(_ATTACHMENT.search(response.lower()))
    judged = False
    if req_norm is not None and ref.request_re is not None:
        judged = True
        if ref.request_re.search(req_norm):
            return True
    if ref.letter_re is not None:
        judged = True
        if ref.letter_re.search(" ".join(outside.lower().translate(_TRANS).split())):
            return True
    # nothing to judge by (no request text and no letter-wide fallback): stay silent
    return not judged
