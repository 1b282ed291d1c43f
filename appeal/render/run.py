"""One shot: load the refusal, check it, work out the dates, write the letter.

`make_letter(Options)` does the work for `appeal review` and `appeal complaint` (and for
the examples refresher); `write(result)` puts the letter where it belongs. The CLI module
only turns options into an `Options`.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from appeal.errors import UserError
from appeal.render.letters import Letter, long_date

EXTENSIONS = {"md": "md", "txt": "txt", "docx": "docx"}


@dataclass
class Options:
    kind: str  # "review" | "complaint"
    refusal: str
    fmt: str = "md"
    out: str | None = None
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
    outcome: object | None = None  # appeal.model.Outcome: the judgement step's decision
    withheld: str | None = None  # why no letter was written (nothing-to-argue without --force)


def _split(values) -> tuple[str, ...]:
    out = []
    for v in values or ():
        out.extend(p.strip() for p in str(v).split(",") if p.strip())
    return tuple(out)


def _target(opts: Options) -> str | None:
    if opts.out == "-":
        if opts.fmt == "docx":
            raise UserError("a Word file cannot go to standard output: give -o FILE.docx")
        return None
    if opts.out:
        return opts.out
    if opts.refusal == "-":
        if opts.fmt == "docx":
            raise UserError("reading from standard input, a Word letter needs -o FILE.docx")
        return None
    src = Path(opts.refusal)
    return str(src.with_name(f"{src.stem}.{opts.kind}.{EXTENSIONS[opts.fmt]}"))


def make_letter(opts: Options) -> Result:
    from appeal.cli.options import date_option, format_option, regime_option
    from appeal.render.requester import resolve

    opts.fmt = format_option(opts.fmt)
    if opts.kind not in ("review", "complaint"):
        raise UserError(f"unknown letter kind {opts.kind!r}")
    if opts.review_outcome and opts.kind != "complaint":
        raise UserError("--review-outcome belongs to 'appeal complaint'")
    today = opts.today or dt.date.today()
    letter_date = date_option("--date", opts.date, today) or today
    regime_opt = regime_option(opts.regime)
    target = _target(opts)  # before any work: a bad -o fails fast
    if opts.template_dir and not Path(opts.template_dir).is_dir():
        raise UserError(f"--template-dir {opts.template_dir}: no such folder")
    requester = resolve(name=opts.name, email=opts.email, address=opts.address,
                        config=opts.config, env=opts.env)
    include, exclude = _split(opts.include), _split(opts.exclude)
    clash = set(include) & set(exclude)
    if clash:
        raise UserError(f"rule {sorted(clash)[0]!r} is both included and excluded")

    def when(name: str, value: str | None) -> dt.date | None:
        return date_option(name, value, letter_date)

    from appeal.ingest import load_refusal

    refusal = load_refusal(opts.refusal)
    if refusal.source is None:
        refusal.source = opts.refusal
    notes: list[str] = []
    if refusal.is_review_outcome and opts.kind == "review" and not opts.force:
        raise UserError("this letter is an internal review outcome, and a review of a review is not "
                        f"the next step: run 'appeal complaint {opts.refusal}' (or add --force to write "
                        "a review request anyway)")
    regime = regime_opt or refusal.regime
    if regime is None:
        regime = "FOIA"
        notes.append("the letter does not say which law it answers under: FOIA assumed (give --regime)")
    received = when("--received", opts.received)
    responded = when("--responded", opts.responded)
    # where each date came from, for the rules that word it ("the letter itself records ...")
    dates: dict = {"received_from": "option" if received else "letter",
                   "responded_from": "option" if responded else "letter"}
    received = received or _iso(refusal.dates.received)
    responded = responded or _iso(refusal.dates.letter)
    review_requested = when("--review-requested", opts.review_requested)
    review_responded = when("--review-responded", opts.review_responded)
    asked_review = review_requested  # as the user gave it, before the review letter's own date
    if opts.kind == "complaint" and refusal.is_review_outcome and not opts.review_outcome:
        # the letter given is the review outcome itself: its date is the review's answer
        if review_responded is None and refusal.dates.letter:
            review_responded = _iso(refusal.dates.letter)
        if not opts.responded:
            responded = None
            dates["responded_from"] = None
    if opts.kind == "complaint" and regime in ("FOISA", "EISR") and not (
            review_requested or review_responded or opts.review_outcome or refusal.is_review_outcome):
        raise UserError("the Scottish Information Commissioner can take an application only after a "
                        "requirement for review (FOISA s47(1)): run 'appeal review' first, or give "
                        "--review-requested DATE if you have already required one")

    outcome = None
    if opts.review_outcome:
        outcome = load_refusal(opts.review_outcome)
        if outcome.source is None:
            outcome.source = opts.review_outcome
        if review_responded is None and outcome.dates.letter:
            review_responded = _iso(outcome.dates.letter)
            notes.append(f"review outcome date {long_date(review_responded)} taken from the outcome letter")
        if review_responded is None:
            notes.append("the review outcome letter has no date: give --review-responded")

    if opts.kind == "review" and review_requested is None:
        review_requested = letter_date
        notes.append(f"the review is taken as requested on the letter's date, {long_date(letter_date)}: "
                     "the date it is due counts from then (give --review-requested if you send it later)")

    from appeal.deadlines import compute_timeline

    timeline = compute_timeline(
        regime, received=received, responded=responded, review_requested=review_requested,
        review_responded=review_responded, today=letter_date,
    )
    dates.update(received=_isostr(received), responded=_isostr(responded),
                 review_requested=_isostr(review_requested), review_responded=_isostr(review_responded))
    findings = _check(refusal, timeline=timeline, dates=dates, include=include, exclude=exclude,
                      template_dir=opts.template_dir)
    outcome_findings = []
    if outcome is not None:
        outcome_findings = _check(outcome, timeline=timeline, dates=dates, include=include,
                                  exclude=exclude, template_dir=opts.template_dir)

    from appeal.judge import decide
    from appeal.render import letters

    judged = outcome if outcome is not None else refusal
    judgement = decide(judged, outcome_findings if outcome is not None else findings, timeline,
                       is_review_outcome=bool(outcome is not None or refusal.is_review_outcome),
                       today=letter_date, review_requested=asked_review, review_responded=review_responded)
    if opts.kind == "complaint" and not (asked_review or review_responded or outcome is not None
                                         or refusal.is_review_outcome):
        notes.append("no internal review is recorded: the Commissioner normally needs one first "
                     "(run 'appeal review', or give --review-requested DATE)")
    common = dict(regime=regime, letter_date=letter_date, received=received, responded=responded,
                  review_requested=review_requested, all_strengths=opts.all, include=include,
                  assumptions=notes)
    if opts.kind == "review":
        letter = letters.build_review(refusal, findings, timeline, requester, outcome=judgement, **common)
    else:
        letter = letters.build_complaint(refusal, findings, timeline, requester,
                                         review_responded=review_responded, outcome=outcome,
                                         outcome_findings=outcome_findings, judgement=judgement, **common)
    if regime in ("FOISA", "EISR") and opts.kind == "review" and (
            not requester.name or not (requester.email or requester.address)):
        letter.assumptions.append(
            "a Scottish review must give your name and an address for correspondence "
            "(FOISA s20(3)): add --name and --email or --address")
    _late_notes(letter, timeline, letter_date, opts.kind)
    markdown = letters.to_markdown(letter, template_dir=opts.template_dir)
    withheld = None
    if judgement.kind == "nothing-to-argue" and not opts.force:
        withheld = judgement.reason
        data = b""
    else:
        data = render_format(letter, markdown, opts.fmt, letter_date)
    return Result(letter=letter, markdown=markdown, data=data, fmt=opts.fmt, target=target,
                  timeline=timeline, notes=notes, outcome=judgement, withheld=withheld)


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


def _isostr(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _iso(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


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
    ("complaint", "FOIA"): "Complaint to the Information Commissioner (FOIA s50)",
    ("complaint", "EIR"): "Complaint to the Information Commissioner (s50 FOIA via EIR reg 18)",
    ("complaint", "FOISA"): "Application to the Scottish Information Commissioner (FOISA s47)",
    ("complaint", "EISR"): "Application to the Scottish Information Commissioner (FOISA s47 via EISR reg 17)",
}
DATE_LABELS = (
    ("response_due", "Reply was due"),
    ("review_request_by", "Ask for a review by"),
    ("review_due", "Review due"),
    ("review_due_max", "Review due at the latest"),
    ("commissioner_complaint_by", "Go to the Commissioner by"),
)


CONFIRM_COMPLETE = (
    "Thank you for your response{ref}. Please confirm that it is complete: that you hold no further "
    "information within the scope of my request, or, if you do, that you will deal with it under "
    "{duty}."
)


def confirm_note(letter: Letter) -> str:
    """The two-line note for an answer that may be complete: wording kept here, with the summary."""
    ref = f" to my request (your reference {letter.reference})" if letter.reference else " to my request"
    duty = "regulation 5(1) of the Regulations" if letter.regime in ("EIR", "EISR") else "section 1(1) of the Act"
    return CONFIRM_COMPLETE.format(ref=ref, duty=duty)


def summary(result: Result, where: str) -> str:
    letter = result.letter
    outcome = result.outcome
    lines = []
    if outcome is not None:
        lines.append(f"Outcome: {outcome.kind}: {outcome.reason}")
    if result.withheld is not None:
        lines.append(f"No {KIND_NAMES[(letter.kind, letter.regime)].split(' (')[0].lower()} written: "
                     "there is nothing worth arguing (add --force to write it anyway)")
        if "confirm-complete" in getattr(outcome, "notes", []):
            lines.append("If you want to be sure nothing was missed, send this instead:")
            lines.append("  " + confirm_note(letter))
    else:
        lines.append(f"{KIND_NAMES[(letter.kind, letter.regime)]}: written to {where}")
    if outcome is not None and outcome.kind == "complaint" and letter.kind == "review":
        lines.append("  The next step is the Commissioner: run 'appeal complaint' instead.")
    if outcome is not None and outcome.kind == "narrow" and letter.kind == "review":
        lines.append("  A narrower request is likely to do better than this review.")
    if outcome is not None and outcome.kind == "fresh-request" and letter.kind == "review":
        lines.append("  A fresh request is likely to do better: the letter asks the authority to accept the review late.")
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
    dates = [(label, letter.dates.get(eid), letter.bases.get(eid)) for eid, label in DATE_LABELS]
    dates = [d for d in dates if d[1]]
    if dates:
        lines.append("Dates:")
        for label, when, basis in dates:
            lines.append(f"  {label}: {when}" + (f" ({basis})" if basis else ""))
    if letter.assumptions:
        lines.append("Assumed or missing:")
        lines.extend(f"  - {a}" for a in letter.assumptions)
    return "\n".join(lines) + "\n"
