"""One shot: gather the case, check it, write the letter.

`make_letter(Options)` does the work for `appeal review` and `appeal complaint` (and for
the examples refresher); `write(result)` puts the letter where it belongs. The CLI module
only turns options into an `Options`. The letter, its date and the case's dates come from
`appeal.case.gather_case`, the same spine `deadlines` and `check` use.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from appeal.errors import UserError
from appeal.dates import long_date

if TYPE_CHECKING:  # pragma: no cover
    from appeal.render.letters import Letter

EXTENSIONS = {"md": "md", "txt": "txt", "docx": "docx"}
FORMAT_BY_EXTENSION = {".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt", ".docx": "docx"}


@dataclass
class Options:
    kind: str  # "review" | "complaint"
    refusal: str
    fmt: str | None = None  # None: from the -o extension, else md
    out: str | None = None
    out_dir: str | None = None
    force: bool = False
    regime: str | None = None
    received: str | None = None
    responded: str | None = None
    review_requested: str | None = None
    review_responded: str | None = None
    review_outcome: str | None = None  # complaint only: the review outcome letter
    name: str | None = None
    email: str | None = None
    address: str | None = None
    config: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()  # complaint: exemptions the requester accepts (the ICO form's scope)
    all: bool = False
    date: str | None = None
    template_dir: str | None = None
    env: Mapping[str, str] | None = None
    today: dt.date | None = None  # for tests: what "today" is when --date is not given


@dataclass
class Result:
    letter: Letter
    markdown: str
    data: bytes  # the letter in the requested format
    fmt: str
    target: str | None  # a path, or None for standard output
    timeline: object | None = None
    notes: list[str] = field(default_factory=list)
    case: object | None = None  # the appeal.case.Case the letter was built on
    outcome: object | None = None  # appeal.model.Outcome: the judgement step's decision
    withheld: str | None = None  # why no letter was written (nothing-to-argue without --force)
    instead: str | None = None  # Markdown: the new (or narrowed) request to send instead of a review


def _split(values) -> tuple[str, ...]:
    out = []
    for v in values or ():
        out.extend(p.strip() for p in str(v).split(",") if p.strip())
    return tuple(out)


def choose_format(fmt: str | None, out: str | None) -> str:
    """The format asked for, else the one the -o file's extension names, else Markdown.
    A --format that contradicts the extension is an error (a .docx holding Markdown would
    not open in Word)."""
    by_ext = None
    if out and out != "-":
        by_ext = FORMAT_BY_EXTENSION.get(Path(out).suffix.lower())
    if fmt is None:
        return by_ext or "md"
    chosen = read_format(fmt)
    if by_ext is not None and by_ext != chosen:
        raise UserError(f"--format {fmt} does not match -o {out} (a .{EXTENSIONS[by_ext]} file): "
                        "drop --format, or change the file's extension")
    return chosen


def read_format(value: str) -> str:
    fmt = value.strip().lower()
    fmt = {"markdown": "md", "text": "txt", "plain": "txt", "word": "docx"}.get(fmt, fmt)
    if fmt not in EXTENSIONS:
        raise UserError(f"--format {value!r} is not one of md, txt, docx")
    return fmt


def _target(opts: Options) -> str | None:
    if opts.out and opts.out_dir:
        raise UserError("give -o FILE or --out-dir FOLDER, not both")
    if opts.out == "-":
        if opts.fmt == "docx":
            raise UserError("a Word file cannot go to standard output: give -o FILE.docx")
        return None
    if opts.out:
        if Path(opts.out).is_dir():
            raise UserError(f"-o {opts.out} is a folder: give a file name, or use --out-dir {opts.out}")
        return opts.out
    if opts.refusal == "-" and not opts.out_dir:
        if opts.fmt == "docx":
            raise UserError("reading from standard input, a Word letter needs -o FILE.docx")
        return None
    src = Path(opts.refusal if opts.refusal != "-" else "letter")
    name = f"{src.stem}.{opts.kind}.{EXTENSIONS[opts.fmt]}"
    if opts.out_dir:
        folder = Path(opts.out_dir)
        if not folder.is_dir():
            raise UserError(f"--out-dir {opts.out_dir}: no such folder")
        return str(folder / name)
    return str(src.with_name(name))


def make_letter(opts: Options) -> Result:
    from appeal.case import gather_case
    from appeal.render.requester import resolve

    if opts.kind not in ("review", "complaint"):
        raise UserError(f"unknown letter kind {opts.kind!r}")
    if opts.review_outcome and opts.kind != "complaint":
        raise UserError("--review-outcome belongs to 'appeal complaint'")
    opts.fmt = choose_format(opts.fmt, opts.out)
    today = opts.today or dt.date.today()
    from appeal.case import read_date

    date_notes: list[str] = []  # '--date 25/9' has no year: said so in the summary
    letter_date = read_date("--date", opts.date, today, date_notes) or today
    target = _target(opts)  # before any work: a bad -o fails fast
    if opts.template_dir and not Path(opts.template_dir).is_dir():
        raise UserError(f"--template-dir {opts.template_dir}: no such folder")
    requester = resolve(name=opts.name, email=opts.email, address=opts.address,
                        config=opts.config, env=opts.env)
    include, exclude = _split(opts.include), _split(opts.exclude)
    clash = set(include) & set(exclude)
    if clash:
        raise UserError(f"rule {sorted(clash)[0]!r} is both included and excluded")

    case = gather_case(
        opts.refusal, regime=opts.regime, received=opts.received, responded=opts.responded,
        review_requested=opts.review_requested, review_responded=opts.review_responded,
        review_outcome=opts.review_outcome, today=letter_date,
        assume_review_requested=letter_date if opts.kind == "review" else None,
    )
    case.requester = requester
    refusal, outcome, timeline, regime = case.refusal, case.outcome, case.timeline, case.regime
    notes: list[str] = []
    if case.is_review_outcome and opts.kind == "review" and not opts.force:
        raise UserError("this letter is an internal review outcome, and a review of a review is not "
                        f"the next step: run 'appeal complaint {opts.refusal}' (or add --force to write "
                        "a review request anyway)")
    review_asked = case.source("review_requested") not in (None, "assumed") or case.date("review_responded") \
        or outcome is not None or case.is_review_outcome
    if opts.kind == "complaint" and regime in ("FOISA", "EISR") and not review_asked:
        raise UserError("the Scottish Information Commissioner can take an application only after a "
                        "requirement for review (FOISA s47(1)): run 'appeal review' first, or give "
                        "--review-requested DATE if you have already required one")
    if opts.kind == "complaint" and not review_asked:
        notes.append("no internal review is recorded: the Commissioner normally needs one first "
                     "(run 'appeal review', or give --review-requested DATE)")
    if case.regime_from == "assumed":
        notes.append("the letter does not say which law it answers under: FOIA assumed (give --regime)")
    notes.extend(date_notes + case.assumptions)
    dates = case.rule_dates()
    findings = _check(refusal, timeline=timeline, dates=dates, include=include, exclude=exclude,
                      template_dir=opts.template_dir)
    from appeal.judge.outcome import promote, promoted_rules

    raised = promote(findings, refusal)
    promoted = promoted_rules(findings, raised)
    findings = raised
    outcome_findings = []
    if outcome is not None:
        outcome_findings = _check(outcome, timeline=timeline, dates=dates, include=include,
                                  exclude=exclude, template_dir=opts.template_dir)

    from appeal.judge import decide_case
    from appeal.render import letters

    judgement = decide_case(case, findings, outcome_findings)
    # "It is argued" only where a review or complaint is what gets written: under a fresh or
    # narrowed request, or with nothing to argue, no letter argues it (unless --force).
    argued = opts.force or judgement.kind in ("review", "complaint") or (
        judgement.kind == "narrow" and opts.kind == "complaint")
    for rule in promoted if argued else ():
        notes.append(f"{rule} was found weak but is the one real ground here: it is argued"
                     + (" although your copy of the letter may be cut: check the rest does not answer it"
                        if refusal.truncated else "") + " (drop it with --exclude if the refusal answers it)")
    received = _request_received(case, notes)
    common = dict(regime=regime, letter_date=letter_date, received=received,
                  responded=case.date("responded"), review_requested=case.date("review_requested"),
                  all_strengths=opts.all, include=include, assumptions=notes)
    if opts.kind == "review":
        letter = letters.build_review(refusal, findings, timeline, requester, outcome=judgement, **common)
    else:
        letter = letters.build_complaint(refusal, findings, timeline, requester,
                                         review_responded=case.date("review_responded"), outcome=outcome,
                                         outcome_findings=outcome_findings, judgement=judgement,
                                         accepted=_split(opts.accept), **common)
    from appeal.law.regimes import scottish

    if scottish(regime) and opts.kind == "review" and (
            not requester.name or not (requester.email or requester.address)):
        letter.assumptions.append(
            "a Scottish review must give your name and an address for correspondence "
            "(FOISA s20(3)): add --name and --email or --address")
    _late_notes(letter, timeline, letter_date, opts.kind)
    markdown = letters.to_markdown(letter, template_dir=opts.template_dir)
    withheld = instead = None
    if judgement.kind == "nothing-to-argue" and not opts.force:
        withheld = judgement.reason  # no appeal letter where there is nothing worth arguing
        data = b""
    elif judgement.kind in ("fresh-request", "narrow") and not opts.force and (
            opts.kind == "review" or judgement.kind == "fresh-request"):
        # A review (or a complaint long out of time) is not the route: the summary gives the
        # request to send instead, and --force still writes the appeal letter.
        withheld = judgement.reason
        instead = letters.new_request(letter, judgement.kind, refusal=refusal,
                                         template_dir=opts.template_dir)
        data = b""
    elif opts.kind == "complaint" and not letter.grounds and not opts.force:
        # "I am dissatisfied" with no reason is not a complaint the Commissioner can act on (an
        # SIC application must say why, FOISA s47(3)); never sent bare.
        withheld = ("no ground was found to put to the Commissioner, and a complaint that only says "
                    "you are dissatisfied gives them nothing to decide: write your reasons into it, or "
                    "add --force to write it as it is")
        data = b""
    else:
        data = render_format(letter, markdown, opts.fmt, letter_date)
    return Result(letter=letter, markdown=markdown, data=data, fmt=opts.fmt, target=target,
                  timeline=timeline, notes=notes, case=case, outcome=judgement, withheld=withheld,
                  instead=instead)


def _request_received(case, notes: list[str]) -> dt.date | None:
    """The day the request was received, as the letters state it. A review outcome's own
    "received" date is often the day the review request arrived: unless the user gave it, or the
    review outcome names the original request's date, the request's date is left unknown."""
    received = case.date("received")
    judged = case.outcome if case.outcome is not None else case.refusal
    if not case.is_review_outcome and case.outcome is None:
        return received
    rv = getattr(judged, "review", None)
    original = getattr(rv, "original_request_date", None)
    if case.source("received") == "option":
        return received
    if original:
        try:
            return dt.date.fromisoformat(str(original))
        except ValueError:
            pass
    if case.outcome is not None and case.source("received") == "letter":
        return received  # read from the first response, not the review outcome
    if received is not None:
        notes.append(f"the review outcome gives {long_date(received.isoformat())} as a date received, which may be "
                     "when your review request arrived: the letter does not give it as your request's date "
                     "(give --received)")
    return None


def _late_notes(letter: Letter, timeline, letter_date: dt.date, kind: str) -> None:
    """Say so when the letter goes out after the window for it has closed."""
    event_id = "review_request_by" if kind == "review" else "commissioner_complaint_by"
    ev = timeline.event(event_id) if timeline is not None else None
    if ev is None or dt.date.fromisoformat(ev.date) >= letter_date:
        return
    if kind == "review":
        letter.assumptions.insert(0, f"LATE: a review should be asked for by {long_date(ev.date)} "
                                     f"({ev.basis}); the authority may refuse to deal with it now")
    else:
        letter.assumptions.insert(0, f"LATE: the Commissioner's window ended on {long_date(ev.date)} "
                                     f"({ev.basis}); explain the delay when you send it")


def _check(refusal, **kw):
    """Every finding, weak ones too: the letter chooses (and the summary counts what it left)."""
    from appeal import rules

    return rules.run(refusal, minimum="weak", **kw).findings


def render_format(letter: Letter, markdown: str, fmt: str, letter_date: dt.date) -> bytes:
    if fmt == "md":
        return markdown.encode("utf-8")
    if fmt == "txt":
        from appeal.render.text import to_text

        return to_text(markdown).encode("utf-8")
    from appeal.render.docx import to_docx
    from appeal.render.markdown import parse, plain

    title = next((plain(b.text) for b in parse(markdown) if b.kind == "heading"), None)
    header = f"Your reference: {letter.reference}" if letter.reference else (letter.authority or None)
    return to_docx(markdown, header=header, title=title, author=letter.requester.name,
                   date=letter_date)


def write(result: Result, *, force: bool = False) -> str:
    """Write the letter; return where it went ("standard output" or the path)."""
    if result.withheld is not None:
        return "nowhere"
    if result.target is None:
        out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
        if out is not None:
            sys.stdout.flush()
            out.write(result.data)
            out.flush()
        else:  # a test's captured stream
            sys.stdout.write(result.data.decode("utf-8"))
        return "standard output"
    from appeal.fileio import write_bytes

    return str(write_bytes(result.target, result.data, force=force))


# ---- the summary ------------------------------------------------------------------------------
KIND_NAMES = {
    ("review", "FOIA"): "Request for internal review (FOIA, s45 Code of Practice)",
    ("review", "EIR"): "Representations under EIR regulation 11",
    ("review", "FOISA"): "Requirement for review under FOISA section 20",
    ("review", "EISR"): "Request for review under EISR regulation 16",
    ("complaint", "FOIA"): "Complaint to {regulator} (FOIA s50)",
    ("complaint", "EIR"): "Complaint to {regulator} (s50 FOIA via EIR reg 18)",
    ("complaint", "FOISA"): "Application to {regulator} (FOISA s47)",
    ("complaint", "EISR"): "Application to {regulator} (FOISA s47 via EISR reg 17)",
}
DATE_LABELS = (
    ("response_due", "Reply was due"),
    ("review_request_by", "Ask for a review by"),
    ("review_due", "Review due"),
    ("review_due_max", "Complain if no review by"),
    ("commissioner_complaint_by", "Go to the Commissioner by"),
)


CONFIRM_COMPLETE = (
    "Please confirm that your response{ref} is complete: that you hold no further information within "
    "the scope of my request or, if you do, that you will deal with it under {duty}."
)


# Information held back only until it is published (FOIA s22, FOISA s27) or still being completed
# (EIR reg 12(4)(d), EISR reg 10(4)(d)): what to ask is where and when, not whether. FOIA s27 is
# international relations, so the heads are by regime.
_TO_BE_PUBLISHED = {"FOIA": ("s22",), "FOISA": ("s27",), "EIR": ("reg12(4)(d)",), "EISR": ("reg10(4)(d)",)}
ASK_PUBLICATION = (
    "Please tell me where and when the information withheld from my request{ref} under {cite} will be "
    "published (or was published, if it has been since), and send it to me, or a link to it, once it is."
)
# Material still in the course of completion is not always to be published: ask when it will be
# finished, and where, if anywhere, it will be published.
ASK_COMPLETION = (
    "Please tell me when the material withheld from my request{ref} under {cite} as still in the course "
    "of completion will be finished, and where and when it will be published if it is to be, and send it "
    "to me, or a link to it, once it is finished."
)
# facts.md 2.3 (EIR reg 14): a reg 12(4)(d) refusal must name the other authority and estimate a
# completion date. Said only for EIR: no stored source says the same of EISR.
ASK_COMPLETION_EIR = (" A refusal under regulation 12(4)(d) must say which authority is preparing the "
                      "information and when it expects it to be finished (regulation 14(4)).")
# The requester's own personal data is not FOI's to give (FOIA s40(1), FOISA s38(1)(a), EIR reg 5(3));
# the route is a subject access request, and the regulator's data protection complaints.
_OWN_DATA = frozenset({"s40(1)", "reg5(3)"})
_OWN_DATA_FOISA = frozenset({"s38(1)(a)"})
_OWN_DATA_WORDS = re.compile(
    r"\b(?:your|the applicant's|the requester's) own (?:personal )?(?:data|information)\b|"
    r"\byour personal (?:data|information)\b|\bdata subject\b|\bsubject access\b|\bSAR\b")
SUBJECT_ACCESS = (
    "If what was withheld is your own personal data, an FOI review cannot get it for you: ask "
    "the authority for it as a subject access request under the UK GDPR and the Data Protection Act "
    "2018 and, if that is refused or not answered, complain to the ICO under data protection law "
    "rather than about FOI."
)


def _own_data(refusal, regime: str) -> bool:
    cites = {e.citation for e in refusal.exemptions}
    if cites & (_OWN_DATA_FOISA if regime == "FOISA" else _OWN_DATA):
        return True
    # A personal-data exemption with no subsection named, or the own-data neither-confirm-nor-deny
    # (s40(5A), often cited where the letter's reasons are about third parties): own data only
    # where the letter says so.
    loose = {"s38"} if regime == "FOISA" else {"s40", "s40(5A)"}
    return bool(cites & loose) and bool(_OWN_DATA_WORDS.search(refusal.text or ""))


def companion_notes(letter: Letter, refusal=None) -> list[tuple[str, str]]:
    """What to do instead of a review where nothing is worth arguing, as (how, text): "advice" for
    the requester, "send" for the authority. Tailored to why the information was held back (to be
    published; the requester's own data), else the confirm-complete note (which the caller shows
    only where the judgement asks for it)."""
    if refusal is None:
        return [("confirm", confirm_note(letter))]
    regime = letter.regime
    ref = f" (your reference {letter.reference})" if letter.reference else ""
    notes = []
    if _own_data(refusal, regime):
        notes.append(("advice", SUBJECT_ACCESS))
    heads = _TO_BE_PUBLISHED.get(regime, ())
    cites = [e.citation for e in refusal.exemptions
             if not e.ncnd and any(e.citation == h or e.citation.startswith(h + "(") for h in heads)]
    if cites:
        phrase = _cite_phrase(cites[0], regime)
        if regime in ("EIR", "EISR"):
            note = ASK_COMPLETION.format(cite=phrase, ref=ref)
            if regime == "EIR":
                note += ASK_COMPLETION_EIR
        else:
            note = ASK_PUBLICATION.format(cite=phrase, ref=ref)
        notes.append(("send", note))
    return notes or [("confirm", confirm_note(letter))]


def _cite_phrase(citation: str, regime: str) -> str:
    if citation.startswith("reg"):
        return f"regulation {citation[3:]} of the Regulations"
    return f"section {citation[1:]} of the Act"


def confirm_note(letter: Letter) -> str:
    """The two-line note for an answer that may be complete (where nothing is worth arguing). No
    "thank you for your response": the response may be years old."""
    ref = f" to my request (your reference {letter.reference})" if letter.reference else " to my request"
    duty = "regulation 5(1) of the Regulations" if letter.regime in ("EIR", "EISR") else "section 1(1) of the Act"
    return CONFIRM_COMPLETE.format(ref=ref, duty=duty)


def summary(result: Result, where: str) -> str:
    letter = result.letter
    outcome = result.outcome
    name = KIND_NAMES[(letter.kind, letter.regime)].format(regulator=letter.regulator.get("name", "the regulator"))
    lines = []
    if outcome is not None:
        lines.append(f"Outcome: {outcome.kind}: {outcome.reason}")
    doc = name.split(" (")[0]
    doc = doc[:1].lower() + doc[1:]  # "request for internal review", "complaint to the Information Commissioner"
    if result.withheld is not None and result.instead is not None:
        what = "narrowed request" if outcome.kind == "narrow" else "new request"
        lines.append(f"No {doc} written: a {what} is the better route "
                     "(add --force to write it anyway). Send this instead:")
        lines.append("")
        lines.extend("  " + x if x else "" for x in result.instead.rstrip("\n").split("\n"))
        lines.append("")
        if re.search(r"^> ", result.instead, re.MULTILINE):  # only where words are quoted
            lines.append("  Check the request's words above against your own request before sending: they are "
                         "the words read from the letter.")
    elif result.withheld is not None and outcome is not None and outcome.kind != "nothing-to-argue":
        lines.append(f"No {doc} written: {result.withheld}")
    elif result.withheld is not None:
        lines.append(f"No {doc} written: there is nothing worth arguing "
                     "(add --force to write it anyway)")
        refusal = getattr(result.case, "refusal", None)
        notes = companion_notes(letter, refusal)
        for how, text in notes:
            if how == "advice":
                lines.append("  " + text)
            elif how == "send":
                lines.append("Send this instead:")
                lines.append("  " + text)
        if notes[0][0] == "confirm" and "confirm-complete" in getattr(outcome, "notes", []):
            lines.append("If you want to be sure nothing was missed, send this instead:")
            lines.append("  " + confirm_note(letter))
    else:
        lines.append(f"{name}: written to {where}")
    if outcome is not None and letter.kind == "review":
        hint = {"complaint": "The next step is the Commissioner: run 'appeal complaint' instead.",
                "narrow": "A narrower request is likely to do better than this review.",
                "fresh-request": "A fresh request is likely to do better: the letter asks the authority "
                                 "to accept the review late."}.get(outcome.kind)
        if hint and result.withheld is None:
            lines.append("  " + hint)
    counts = {}
    for g in letter.grounds:
        counts[g.strength] = counts.get(g.strength, 0) + 1
    parts = [f"{counts[s]} {s}" for s in ("strong", "moderate", "weak") if counts.get(s)]
    head = f"Grounds: {', '.join(parts)}" if parts else "Grounds: none found at this strength"
    if letter.left_out_rules:
        head += f" ({len(letter.left_out_rules)} more left out: add --all to use them)"
    lines.append(head)
    for g in letter.grounds:
        merged = f" (with {', '.join(r for r in g.rules if r != g.rule)})" if len(g.rules) > 1 else ""
        lines.append(f"  {g.number}. {g.strength:<8} {g.rule}: {g.title}{merged}")
    if letter.left_out_rules:
        lines.append("  Left out: " + ", ".join(letter.left_out_rules))
    labels = DATE_LABELS
    if result.withheld is not None:  # no review is being asked for: its due dates would mislead
        # nor the Commissioner's window, counted from a review that is not being asked for
        labels = [(eid, label) for eid, label in DATE_LABELS
                  if eid not in ("review_due", "review_due_max", "commissioner_complaint_by")]
    dates = [(label, letter.dates.get(eid), letter.bases.get(eid)) for eid, label in labels]
    dates = [d for d in dates if d[1]]
    if dates:
        lines.append("Dates:")
        for label, when, basis in dates:
            lines.append(f"  {label}: {when}" + (f" ({basis})" if basis else ""))
    if letter.assumptions:
        lines.append("Assumed or missing:")
        lines.extend(f"  - {a}" for a in letter.assumptions)
    return "\n".join(lines) + "\n"
