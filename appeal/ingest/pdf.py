"""PDF letters: the text layer through pypdf (imported only here, only when needed).

A PDF lays text out in lines, so a citation can be split across two of them ("section" /
"31(1)(a)", "Section 31" / "(3)", "s.40(5)" / "(b)") or a word hyphenated at a line end.
`join_breaks` mends those, so that later stages read one citation. An encrypted PDF that
opens with an empty password is read; any other password is a clear error; a PDF with no
text layer (a scan) is a clear error too.
"""

from __future__ import annotations

import io
import logging
import re
import warnings

from appeal.errors import UserError
from appeal.ingest import guards
from appeal.ingest.guards import Extracted
from appeal.timelimit import TimeUp, time_limit

# "section" / "s." / "regulation" / "reg." at a line end, the number on the next line.
_WORD_THEN_NUMBER = re.compile(
    r"(?i)(?<![A-Za-z])(sections?|ss?\.|regulations?|regs?\.|paragraphs?|para\.|articles?|art\.)"
    r"[ \t]*\n[ \t]*(?=\d)"
)
# A section number at a line end, its bracketed subsection on the next line:
# "Section 31\n(3)" (a number follows a bare section), "s.40(5)\n(b)" (after a bracket
# anything may follow). A bare number before "(a)" is left alone: it may be a list.
_CITATION_HEAD = (
    r"(?i:sections?|ss?\.?|regulations?|regs?\.?)[ \t]*\d+[A-Za-z]{0,2}"
)
_NUMBER_THEN_SUB = re.compile(
    r"(?<![A-Za-z])(" + _CITATION_HEAD + r")[ \t]*\n[ \t]*(?=\(\d+[A-Za-z]{0,2}\))"
)
_SUB_THEN_SUB = re.compile(
    r"(?<![A-Za-z])(" + _CITATION_HEAD + r"(?:[ \t]?\([0-9A-Za-z]{1,5}\))+)[ \t]*\n[ \t]*"
    r"(?=\([0-9A-Za-z]{1,5}\))"
)
# Inside a list of citations: "(1) (a) (b) and (2)" / "(a) (i)", or "30(b)(i) and" /
# "30(b)(ii)". Joined only when the line before holds a citation ("section", "s.", "reg"
# or a number with a bracket), so that ordinary numbered lists are left alone.
_PAREN_THEN_PAREN = re.compile(r"(?m)^([^\n]*\([0-9A-Za-z]{1,5}\))[ \t]*\n[ \t]*(?=\([0-9A-Za-z]{1,5}\))")
# "31(1)(a)(b) and" / "(c)": a letter in brackets after "and" continues the list only when
# the line ends in a bracketed group and the conjunction.
_CONJ_THEN_LETTER = re.compile(r"(?m)^([^\n]*\)[ \t]*(?:and|or|,|&))[ \t]*\n[ \t]*(?=\([a-z]{1,4}\))")
_CONJ_THEN_CITATION = re.compile(
    r"(?m)^([^\n]*(?:\band|\bor|,|&))[ \t]*\n[ \t]*(?=\d{1,3}[A-Za-z]{0,2}\(|\(\d{1,3}[A-Za-z]{0,2}\))"
)
_CITATION_CONTEXT = re.compile(r"(?i)\b(?:sections?|ss?\.|regulations?|regs?\.?)\s*\d|\d\s?\([0-9a-z]{1,4}\)")
# A web address broken after a slash or a dot: the address continues on the next line.
_URL_BREAK = re.compile(r"((?:https?://|www\.)[^\s<>\"]*[/_=&?])[ \t]*\n[ \t]*(?=[A-Za-z0-9_#%~])")
# A hyphen at a line end. Word processors do not hyphenate by default, so most such breaks
# are real hyphens of compounds and web addresses ("subscription-" / "only",
# "freedom-of-" / "information"): the lines are joined and the hyphen kept. Only where
# what follows is a word ending that cannot stand alone ("exemp-" / "tion", "sec-" /
# "tion", "disclo-" / "sure") was the word split: there the hyphen goes too.
_HYPHEN_BREAK = re.compile(r"(?<![A-Za-z])([A-Za-z]*[a-z])-[ \t]*\n[ \t]*([a-z][A-Za-z]*)")
_WORD_END = re.compile(
    r"[a-z]{0,2}(?:tions?|sions?|ments?|ness|ities|ity|ances?|ences?|ibl[ey]|ous|ures?|"
    r"ular|i[sz]ed|i[sz]ing|i[sz]ations?|iate|iated|udice|erty|ency|ancy|ical|ically|ative|atory)"
)
_KEEP_HYPHEN = {
    "non", "self", "well", "co", "cross", "anti", "multi", "semi", "ex", "pre", "post",
    "long", "short", "high", "low", "third", "first", "second", "full", "part", "half",
    "over", "under", "counter", "inter", "intra", "sub", "re", "e", "x", "so", "de",
    "wide", "time", "law", "case", "cost", "decision", "fact", "risk", "data", "front",
    "back", "up", "one", "two", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "all", "mid", "pro", "vice", "quasi", "ill", "day", "year",
}


def join_breaks(text: str) -> str:
    """Mend citations and words that a PDF's line layout split in two."""
    text = _WORD_THEN_NUMBER.sub(lambda m: m.group(1) + " ", text)
    text = _NUMBER_THEN_SUB.sub(lambda m: m.group(1), text)
    text = _SUB_THEN_SUB.sub(lambda m: m.group(1), text)

    def in_citation(sep: str):
        return lambda m: m.group(1) + (sep if _CITATION_CONTEXT.search(m.group(1)) else m.group(0)[len(m.group(1)):])

    text = _PAREN_THEN_PAREN.sub(in_citation(""), text)
    text = _CONJ_THEN_CITATION.sub(in_citation(" "), text)
    text = _CONJ_THEN_LETTER.sub(in_citation(" "), text)

    text = _URL_BREAK.sub(lambda m: m.group(1), text)

    def hyphen(m: re.Match) -> str:
        head, tail = m.group(1), m.group(2)
        split_word = head.lower() not in _KEEP_HYPHEN and _WORD_END.fullmatch(tail) is not None
        return head + ("" if split_word else "-") + tail

    return _HYPHEN_BREAK.sub(hyphen, text)


def read_pdf(data: bytes, name: str) -> Extracted:
    if b"%PDF-" not in data[:1024]:
        raise UserError(f"could not read {name} as a PDF: it may be damaged (no PDF header)")
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError
    except ImportError:  # pragma: no cover - a declared dependency
        raise UserError("reading PDF letters needs the pypdf package: pip install pypdf") from None

    log = logging.getLogger("pypdf")
    old_level = log.level
    log.setLevel(logging.CRITICAL)  # pypdf logs every repair it makes; not the user's business
    state = _State(name)
    try:
        with warnings.catch_warnings(), time_limit(guards.MAX_PDF_SECONDS):
            warnings.simplefilter("ignore")
            _extract(pypdf, data, state, DependencyError, FileNotDecryptedError)
    except TimeUp:
        if not any(p.strip() for p in state.pages):
            raise UserError(
                f"{name} took over {guards.MAX_PDF_SECONDS:g} seconds to read and gave no text; "
                "copy the text into a .txt file"
            ) from None
        state.ex.truncated = True
        state.ex.notes.append(
            f"{name}: stopped after {guards.MAX_PDF_SECONDS:g} seconds at page {len(state.pages) + 1} "
            f"of {state.count}; only the pages before it were read"
        )
    except UserError:
        raise
    except MemoryError:
        raise UserError(f"could not read {name} as a PDF: it needs too much memory; copy the text into a .txt file") from None
    except RecursionError:
        raise UserError(f"could not read {name} as a PDF: it may be damaged (nested too deeply)") from None
    except Exception:  # pypdf raises many kinds on broken files: all mean "damaged"
        raise UserError(f"could not read {name} as a PDF: it may be damaged") from None
    finally:
        log.setLevel(old_level)
    return _finish(state)


class _State:
    def __init__(self, name: str) -> None:
        self.name = name
        self.ex = Extracted("")
        self.pages: list[str] = []
        self.count = 0
        self.failed: list[int] = []


def _password_error(name: str) -> UserError:
    return UserError(f"{name} is password-protected; open it, copy the text into a .txt file and use that")


def _extract(pypdf, data: bytes, st: _State, DependencyError, FileNotDecryptedError) -> None:
    name, ex = st.name, st.ex
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except DependencyError:
            raise UserError(
                f"{name} is encrypted with AES, which needs the 'cryptography' package: "
                "pip install cryptography, or copy the text into a .txt file"
            ) from None
        except FileNotDecryptedError:
            ok = 0
        if not ok:
            raise _password_error(name)
    try:
        st.count = count = len(reader.pages)
    except FileNotDecryptedError:
        raise _password_error(name) from None
    if count == 0:
        raise UserError(f"could not read {name} as a PDF: it has no pages; it may be damaged")
    chars_left = guards.MAX_CHARS + 1
    content_left = guards.MAX_PDF_CONTENT_TOTAL
    limit = min(count, guards.MAX_PDF_PAGES)
    for i in range(limit):
        try:
            page = reader.pages[i]
            contents = page.get_contents()
            size = len(contents.get_data()) if contents is not None else 0
        except FileNotDecryptedError:
            raise _password_error(name) from None
        except (MemoryError, RecursionError, Exception):
            st.failed.append(i + 1)
            st.pages.append("")
            continue
        if size > guards.MAX_PDF_PAGE_CONTENT or size > content_left:
            # A letter page is a few kilobytes of drawing instructions; megabytes are a
            # drawing, a scan's vector trace, or a file made to keep us busy.
            st.pages.append("")
            ex.truncated = True
            ex.notes.append(
                f"{name}: page {i + 1} was skipped: its drawing instructions are {guards.human_size(size)} "
                f"(limit {guards.human_size(guards.MAX_PDF_PAGE_CONTENT)} a page)"
            )
            continue
        content_left -= size
        try:
            page_text = page.extract_text() or ""
        except (MemoryError, RecursionError, Exception):
            st.failed.append(i + 1)
            page_text = ""
        st.pages.append(page_text)
        chars_left -= len(page_text)
        if chars_left < 0:  # enough for the character cap; the rest would be cut anyway
            if i + 1 < count:
                ex.notes.append(f"{name}: stopped reading at page {i + 1} of {count}: the text is too long")
                ex.truncated = True
            return
    if count > limit:
        ex.truncated = True
        ex.notes.append(
            f"{name} has {count:,} pages; only the first {limit:,} were read (limit {guards.MAX_PDF_PAGES:,})"
        )


def _finish(st: _State) -> Extracted:
    name, ex = st.name, st.ex
    if not any(p.strip() for p in st.pages):
        if st.failed and len(st.failed) == len(st.pages):
            raise UserError(f"could not read {name} as a PDF: it may be damaged")
        if not st.failed and not ex.truncated:
            raise UserError(f"{name} is a scanned PDF with no text; copy the text into a .txt file")
        reason = f": {ex.notes[0].removeprefix(name + ': ')}" if ex.notes else ""
        raise UserError(f"no text could be read from {name}{reason}; copy the text into a .txt file")
    if st.failed:
        pages = ", ".join(str(n) for n in st.failed[:10]) + (" ..." if len(st.failed) > 10 else "")
        ex.truncated = True
        ex.notes.append(f"{name}: page(s) {pages} could not be read (damaged) and were skipped")
    text = "\n\n".join(p.strip("\n") for p in st.pages if p.strip())
    ex.text = join_breaks(guards.clean_text(text))
    return ex
