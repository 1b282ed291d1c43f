"""`scan --out-dir DIR`: the letters for a batch, one deadlines.ics, and an index.

For every letter whose outcome is `review` or `complaint` (the judgement step's), the review
request or the complaint, with the grounds the judgement step chose (the batch grounds among
them), in md, txt or docx, named `NN-authority.review.md` (NN: the letter's place in the batch,
so names are stable and never collide). Nothing is overwritten without --force, and nothing is
written at all if any target exists (checked before the first write). deadlines.ics holds
every letter's dates, each event named '<authority>: <event>'. index.md lists what was written,
and for every other letter why not.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from appeal.errors import UserError


@dataclass
class Plan:
    out_dir: str
    fmt: str = "md"
    force: bool = False
    name: str | None = None
    email: str | None = None
    address: str | None = None
    config: str | None = None
    date: str | None = None
    env: dict | None = None
    today: dt.date | None = None

    def check_early(self) -> None:
        """Bad options fail before any letter is read."""
        if os.path.exists(self.out_dir) and not os.path.isdir(self.out_dir):
            raise UserError(f"--out-dir {self.out_dir} is a file, not a folder")
        self.letter_date()
        self.requester()

    def letter_date(self) -> dt.date:
        from appeal.dates import parse_user_date

        today = self.today or dt.date.today()
        if self.date is None:
            return today
        try:
            return parse_user_date(self.date, today=today)
        except UserError as exc:
            raise UserError(f"--date: {exc}") from None

    def requester(self):
        from appeal.render.requester import resolve

        return resolve(name=self.name, email=self.email, address=self.address, config=self.config, env=self.env)

    def write(self, batch) -> int:
        return write_all(batch, self)


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:48].strip("-") or "letter"


def targets(batch, plan: Plan) -> list[tuple[int, str, str]]:
    """(letter index, kind, path) for every letter that warrants one."""
    out = []
    width = max(2, len(str(len(batch.letters))))
    for n, letter in enumerate(batch.letters):
        if letter.item.error or letter.outcome not in ("review", "complaint"):
            continue
        r = letter.item.refusal
        base = r.authority.name or os.path.splitext(os.path.basename(letter.item.file))[0]
        name = f"{n + 1:0{width}d}-{_slug(base)}.{letter.outcome}.{plan.fmt}"
        out.append((n, letter.outcome, os.path.join(plan.out_dir, name)))
    return out


def _iso(value):
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def build(letter, kind: str, plan: Plan, requester, letter_date: dt.date) -> tuple[bytes, object]:
    """The letter's bytes in plan.fmt, and the timeline it states (the same case facts as
    'appeal review' / 'appeal complaint' on that letter alone, from the spine)."""
    from appeal.batch.adapters import gather
    from appeal.flow import render_format
    from appeal.render import letters as L

    r = letter.item.refusal
    notes: list[str] = []
    case = gather(r, today=letter_date, assume_review_requested=letter_date if kind == "review" else None)
    regime = case.regime if case is not None else (r.regime or "FOIA")
    if case is None or case.regime_from == "assumed":
        notes.append("the letter does not say which law it answers under: FOIA assumed")
    if case is not None:
        notes.extend(case.assumptions)
        timeline = case.timeline
        date = case.date
    else:
        timeline = letter.item.timeline
        date = lambda name: _iso(getattr(r.dates, {"responded": "letter"}.get(name, name), None))  # noqa: E731
    # Every finding goes to the letter, which ranks, merges and caps them (appeal.judge) as the
    # single-letter commands do; the grounds the batch added are always argued.
    common = dict(regime=regime, letter_date=letter_date, received=date("received"),
                  responded=date("responded"), review_requested=date("review_requested"), assumptions=notes)
    from appeal.batch.adapters import letter_kwargs

    builder = L.build_review if kind == "review" else L.build_complaint
    findings, extra = letter_kwargs(builder, letter.judgement, letter.findings, kind) if letter.judgement \
        else (letter.grounds, {})
    if extra:  # the builder judges: the grounds only the batch can show are named, so always argued
        extra["include"] = tuple(letter.batch_rules)
    if kind == "review":
        built = L.build_review(r, findings, timeline, requester, **common, **extra)
    else:
        built = L.build_complaint(r, findings, timeline, requester, review_responded=date("review_responded"),
                                  **common, **extra)
    markdown = L.to_markdown(built)
    return render_format(built, markdown, plan.fmt, letter_date), timeline


def write_all(batch, plan: Plan) -> int:
    from appeal.fileio import write_bytes, write_text

    if os.path.exists(plan.out_dir) and not os.path.isdir(plan.out_dir):
        raise UserError(f"--out-dir {plan.out_dir} is a file, not a folder")
    os.makedirs(plan.out_dir, exist_ok=True)
    todo = targets(batch, plan)
    ics_path = os.path.join(plan.out_dir, "deadlines.ics")
    index_path = os.path.join(plan.out_dir, "index.md")
    if not plan.force:
        for path in [p for _n, _k, p in todo] + [ics_path, index_path]:
            if os.path.exists(path):
                raise UserError(f"{path} already exists; use --force to overwrite (nothing was written)")
    letter_date = plan.letter_date()
    requester = plan.requester()
    written: dict[int, str] = {}
    timelines: dict[int, object] = {}
    failed: dict[int, str] = {}
    for n, kind, path in todo:
        try:
            data, timeline = build(batch.letters[n], kind, plan, requester, letter_date)
        except UserError as exc:  # this letter's facts do not make a letter: say so, go on
            failed[n] = " ".join(str(exc).split())
            continue
        write_bytes(path, data, force=plan.force)
        written[n] = path
        timelines[n] = timeline
    for n, letter in enumerate(batch.letters):
        if n not in timelines and letter.item.timeline is not None:
            timelines[n] = letter.item.timeline
    write_bytes(ics_path, batch_ics(batch, timelines), force=plan.force)
    write_text(index_path, index(batch, written, plan, failed), force=plan.force)
    return len(written)


def batch_ics(batch, timelines: dict[int, object]) -> bytes:
    """One calendar: every letter's events, each named '<authority>: <event>'."""
    from appeal.deadlines.ics import PRODID, fold, timeline_to_ics

    stamp = dt.datetime.now(dt.timezone.utc)
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:FOI batch deadlines"]
    body = b""
    for n in sorted(timelines):
        tl = timelines[n]
        if tl is None or not tl.events:
            continue
        r = batch.letters[n].item.refusal
        who = r.authority.name or os.path.basename(batch.letters[n].item.file)
        cal = timeline_to_ics(tl, summary_prefix=f"{who}: ", stamp=stamp)
        a = cal.find(b"BEGIN:VEVENT")
        b = cal.rfind(b"END:VCALENDAR")
        if a != -1 and b != -1:
            body += cal[a:b]
    return b"".join(fold(x) for x in head) + body + fold("END:VCALENDAR")


def index(batch, written: dict[int, str], plan: Plan, failed: dict[int, str] | None = None) -> str:
    from appeal.batch.report import next_deadline

    lines = ["# Letters written for the batch", "",
             "| # | Authority | Reference | Came back | Outcome | Grounds | Written | Next deadline |",
             "|---|---|---|---|---|---|---|---|"]
    for n, letter in enumerate(batch.letters):
        it = letter.item
        if it.error:
            lines.append(f"| {n + 1} | {_cell(it.file)} | | could not be read | | | {_cell(it.error)} | |")
            continue
        r = it.refusal
        nd = next_deadline(letter)
        when = f"{nd['id']} {nd['date']}" + (" (passed)" if nd.get("passed") else "") if nd else ""
        if n in written:
            what = f"[{os.path.basename(written[n])}]({os.path.basename(written[n])})"
        elif failed and n in failed:
            what = f"not written: {_cell(failed[n])}"
        else:
            why = letter.outcome_reason or "no ground strong enough to argue"
            what = f"nothing written: {_cell(why)}" + (f" ({letter.outcome})" if letter.outcome else "")
        lead = f"{len(letter.grounds)}" + (f" (lead: {letter.lead})" if letter.lead else "")
        lines.append(f"| {n + 1} | {_cell(r.authority.name or it.file)} | {_cell(r.reference or '')} | "
                     f"{it.answer} | {letter.outcome or ''} | {lead} | {what} | {when} |")
    lines += ["", "Every date is in deadlines.ics, each event named after its authority.", ""]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")
