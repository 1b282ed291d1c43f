"""derivable-figures: small numbers suppressed in a table whose own totals give them away."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="derivable-figures",
    title="The withheld small numbers can be worked out from the letter's own totals",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="A table or list in the letter that suppresses small numbers ('<5', '*', 'fewer than 5') while "
    "printing a total for the same row or column, so that the suppressed figure is the total less the figures "
    "shown. The rule does the arithmetic and fires only where it derives a value consistent with the "
    "suppression (for '<5', a number from 0 to 4), after checking that the table's other totals add up.",
    why="Small numbers are suppressed to stop anyone identifying the people behind them (FOIA s40(2), FOISA "
    "s38(1)(b), EIR reg 13). Where the letter itself prints the total and the other figures, the suppressed "
    "number is already disclosed by subtraction: withholding it protects no one, and the exemption cannot be "
    "engaged to prevent a disclosure that the authority has in effect made. The Upper Tribunal treated "
    "subtraction from a published total as disclosure of the figure it yields (Cobain, where that reasoning "
    "went the authority's way: a figure was withheld because it could be deduced).",
    example="'Male 12, Female <5, Total 15': the figure withheld for women is 15 - 12 = 3.",
    near_miss="'Male 12, Female <5, Unknown <5, Total 18': two unknowns and one total, so neither can be worked "
    "out; or a table whose complete rows do not add up to their totals (rounded or overlapping categories), "
    "where subtraction proves nothing.",
    references=("FOIA s40(2); FOISA s38(1)(b); EIR reg 13",
                "Home Office v Information Commissioner and Cobain (Final Decision) [2015] UKUT 27 (AAC) (deduction by "
                "subtraction from a published total)",
                "ICO guidance: the prejudice and public interest tests take account of information already disclosed"),
)

# A suppressed cell: "<5", "< 5", "*", "[c]", "fewer than 5", "less than five", "1-4"
_WORDNUM = {"three": 3, "five": 5, "ten": 10, "four": 4, "six": 6, "seven": 7, "eight": 8, "nine": 9}
SUPP = re.compile(
    r"^(?:(?:<|&lt;|≤|<=)\s*(?P<lt>\d{1,2})|(?:fewer|less) than (?P<ft>\d{1,2}|three|four|five|six|seven|eight|nine|ten)|"
    r"under (?P<un>\d{1,2})|(?P<star>\*{1,2}|\[c\]|\[x\]|x|~)|(?P<lo>[0-4])\s*[-–]\s*(?P<hi>[1-9]))$",
    re.IGNORECASE,
)
NUM = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d{1,7}$")
_TOTAL = re.compile(r"^(?:grand |overall |sub-?)?totals?\b|^all\b", re.IGNORECASE)
_SPLIT = re.compile(r"\t+|\s*\|\s*|\s{2,}")
_LABEL_VALUE = re.compile(r"^\s*(?:[-•*]\s*)?(?P<label>[A-Za-z][^:\n]{0,60}?)\s*(?::|\s[-–]\s|\s)\s*(?P<value>[^\s:][^:\n]{0,14}?)\s*$")


@dataclass
class _Cell:
    raw: str
    value: int | None  # known value
    bound: int | None = None  # suppressed: strict upper bound (5 for "<5"), None for unknown
    suppressed: bool = False
    derived_from: str | None = None


@dataclass
class _Table:
    header: list[str] | None
    rows: list[tuple[str, list[_Cell], tuple[int, int]]] = field(default_factory=list)


def _cell(raw: str) -> _Cell | None:
    s = raw.strip().rstrip(".")
    if NUM.match(s):
        return _Cell(s, int(s.replace(",", "")))
    m = SUPP.match(s)
    if m:
        if m.group("lt"):
            bound = int(m.group("lt"))
            bound = bound + 1 if s.lstrip("&lt;").startswith(("≤", "<=")) else bound
        elif m.group("ft"):
            w = m.group("ft").lower()
            bound = int(w) if w.isdigit() else _WORDNUM[w]
        elif m.group("un"):
            bound = int(m.group("un"))
        elif m.group("hi"):
            bound = int(m.group("hi")) + 1
        else:
            bound = None
        return _Cell(s, None, bound=bound, suppressed=True)
    return None


_YEAR = re.compile(r"^(?:19|20)\d\d$")
_PERIOD = re.compile(r"^(?:19|20)\d\d(?:\s?[/-]\s?(?:\d{2}|(?:19|20)\d\d))?$")  # 2021, 2021/22, 2021-2022


def _row(line: str):
    """(label, cells) for a data line, or None. A year may label a row ("2021  9  <5  12")."""
    parts = [p for p in _SPLIT.split(line.strip()) if p]
    if len(parts) >= 2:
        label, rest = parts[0], parts[1:]
        year_label = bool(_YEAR.match(label)) and not all(_YEAR.match(p) for p in rest)
        if _cell(label) is None or year_label:
            cells = [_cell(p) for p in rest]
            if all(c is not None for c in cells):
                return label, cells
    spaced = _spaced_row(line)
    if spaced is not None:
        return spaced
    m = _LABEL_VALUE.match(line)
    if m and not line.rstrip().endswith(".") and len(m.group("label").split()) <= 5:
        c = _cell(m.group("value"))
        if c is not None and _cell(m.group("label")) is None:
            return m.group("label").strip(), [c]
    return None


_TOKEN = re.compile(r"(?:fewer|less) than \S+|under \d+|<\s?\d+|\S+", re.IGNORECASE)


def _spaced_row(line: str):
    """A row whose cells are separated by single spaces (text taken from a PDF or a web page):
    a label, then two or more numbers or suppression markers to the end of the line."""
    tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(line)]
    cells = []
    while tokens and _cell(tokens[-1][0]) is not None:
        cells.insert(0, _cell(tokens.pop()[0]))
    if len(cells) < 2 or not tokens:
        return None
    label = line[: tokens[-1][1] + len(tokens[-1][0])].strip()
    if not re.search(r"[A-Za-z]", label) and not _PERIOD.match(label):
        return None
    if len(label.split()) > 6 or label.endswith((".", ":")) and len(label.split()) > 3:
        return None
    return label.rstrip(":").strip(), cells


def _header(line: str) -> list[str] | None:
    parts = [p for p in _SPLIT.split(line.strip()) if p]
    if len(parts) < 3:
        words = line.split()
        if 3 <= len(words) <= 8 and _TOTAL.match(words[-1]):
            parts = words
    if len(parts) >= 3 and all(_cell(p) is None or _YEAR.match(p) for p in parts) and any(
            _TOTAL.match(p) for p in parts[1:]):
        return parts
    return None


def tables(text: str, skip=lambda pos: False) -> list[_Table]:
    out: list[_Table] = []
    current: _Table | None = None
    header: list[str] | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if skip(start):
            current, header = None, None
            continue
        stripped = line.strip()
        if not stripped:
            continue  # blank lines may sit between a table's rows
        h = _header(line)
        if h is not None:
            header, current = h, None
            continue
        r = _row(line)
        if r is None:
            current, header = None, None
            continue
        label, cells = r
        if current is None or (current.rows and len(current.rows[-1][1]) != len(cells)):
            current = _Table(header if header and len(header) in (len(cells), len(cells) + 1) else None)
            out.append(current)
        current.rows.append((label, cells, (start, end)))
    return [t for t in out if len(t.rows) >= 2]


@dataclass
class Derivation:
    label: str  # what the suppressed figure is ("Female", "Female, 2021")
    shown: str  # the suppression as printed ("<5")
    value: int
    total_label: str
    total: int
    parts: list[int]
    spans: list[tuple[int, int]]


def derive(table: _Table) -> tuple[list[Derivation], bool]:
    """The suppressed figures the table's totals give away, and whether a complete line of the table
    was checked to add up (the totals are simple sums)."""
    rows = table.rows
    ncols = len(rows[0][1])
    header = table.header
    if header and len(header) == ncols + 1:
        header = header[1:]
    total_col = None
    if header and ncols >= 3 and _TOTAL.match(header[-1]):
        total_col = ncols - 1
    total_rows = [i for i, (label, _c, _s) in enumerate(rows) if _TOTAL.match(label)]
    total_row = total_rows[-1] if len(total_rows) == 1 else None
    lines = []  # (component cell refs, total cell ref, total label)
    if total_col is not None:
        for i, (label, cells, _s) in enumerate(rows):
            lines.append(([(i, c) for c in range(ncols - 1)], (i, total_col), f"{label} {header[-1]}".strip()))
    if total_row is not None:
        for c in range(ncols):
            comps = [(i, c) for i in range(len(rows)) if i != total_row]
            name = rows[total_row][0] + (f" ({header[c]})" if header and len(header) == ncols and ncols > 1 else "")
            lines.append((comps, (total_row, c), name))
    if not lines:
        return [], False
    grid = {(i, c): rows[i][1][c] for i in range(len(rows)) for c in range(ncols)}
    values = {k: v.value for k, v in grid.items()}
    checked = False
    for comps, tot, _n in lines:  # the table must add up where nothing is suppressed
        if all(values[k] is not None for k in comps) and values[tot] is not None:
            if sum(values[k] for k in comps) != values[tot]:
                return [], False
            checked = True
    found: list[Derivation] = []
    changed = True
    while changed:
        changed = False
        for comps, tot, name in lines:
            if values[tot] is None:
                continue
            unknown = [k for k in comps if values[k] is None]
            if len(unknown) != 1:
                continue
            k = unknown[0]
            parts = [values[j] for j in comps if j != k]
            x = values[tot] - sum(parts)
            cell = grid[k]
            limit = cell.bound if cell.bound is not None else 10
            if not cell.suppressed or x < 0 or x >= limit:
                return [], False  # not simple arithmetic after all: say nothing
            values[k] = x
            changed = True
            i, c = k
            label = rows[i][0]
            if header and len(header) == ncols and ncols > 1:
                label = f"{label}, {header[c]}"
            found.append(Derivation(label=label, shown=cell.raw, value=x, total_label=name, total=values[tot],
                                    parts=parts, spans=[rows[i][2], rows[tot[0]][2]]))
    return found, checked


# Cheap first tests: a suppression marker standing alone, and a total, somewhere in the letter.
_ANY_SUPP = re.compile(
    r"(?<=\S)[ \t|]+(?:<\s?\d{1,2}|&lt;\s?\d|≤\s?\d|\*{1,2}|\[[cx]\]|x|(?:fewer|less) than \S+|under \d{1,2}|"
    r"[0-4]\s?[-–]\s?[1-9])(?=[ \t|]|$)",
    re.MULTILINE | re.IGNORECASE,
)


_SUPP_CUES = ("<", "&lt;", "≤", "*", "[c]", "[x]", "fewer than", "less than", " x ", "\tx")


def check(ctx):
    low = ctx.low
    if "total" not in low and "all " not in low:
        return []
    if not any(c in low for c in _SUPP_CUES) or not _ANY_SUPP.search(ctx.text):
        return []
    derivations: list[Derivation] = []
    consistent = False
    # The whole letter, request span included: parsers sometimes read an answer into the quoted
    # request, and a requester never prints suppressed figures in a request.
    for t in tables(ctx.text):
        found, checked = derive(t)
        if found:
            derivations.extend(found)
            consistent = consistent or checked
    if not derivations:
        return []
    evidence = []
    for d in derivations[:3]:
        for a, b in d.spans:
            evidence.append(ctx.ev(a, b))
    strength = "strong" if consistent else "moderate"
    return [ctx.finding(
        RULE, strength, evidence,
        derivations=[{"label": d.label, "shown": d.shown, "value": d.value, "total_label": d.total_label,
                      "total": d.total, "parts": d.parts} for d in derivations[:3]],
        more=max(0, len(derivations) - 3),
        personal=bool(ctx.cited("personal_data")),
    )]
