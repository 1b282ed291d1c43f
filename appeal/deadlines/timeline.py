"""Dates + regime -> Timeline: every event the given dates allow, each with its basis.

The limits come from appeal/law/time_limits.toml; this module only counts. Disputed points
(receipt on a non-working day, the ICO's six weeks, non-statutory review limits) go into
the events' notes and `Timeline.notes`, never silently into a date.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt

from appeal.deadlines.calendar import WorkingDayCalendar, calendar_for
from appeal.errors import UserError
from appeal.law import time_limits
from appeal.model import REGIMES, Event, Timeline

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _date(value: dt.date | str | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise UserError(f"{name}: {value!r} is not a date in the form YYYY-MM-DD") from None


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day where there is no such day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, _stdcal.monthrange(year, month)[1]))


def _fmt(day: dt.date) -> str:
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {day.strftime('%B %Y')}"


def _why_not_working(cal: WorkingDayCalendar, day: dt.date) -> str:
    if cal.is_holiday(day) and day.weekday() < 5:
        return f"a holiday ({cal.names[day]})"
    if cal.is_holiday(day):
        return f"a {_WEEKDAYS[day.weekday()]} and a holiday ({cal.names[day]})"
    return f"a {_WEEKDAYS[day.weekday()]}"


def compute_timeline(
    regime: str,
    *,
    received: dt.date | str | None = None,
    responded: dt.date | str | None = None,
    review_requested: dt.date | str | None = None,
    review_responded: dt.date | str | None = None,
    extended: bool = False,
    today: dt.date | str | None = None,
    calendar: WorkingDayCalendar | None = None,
    decision_notice: dt.date | str | None = None,
) -> Timeline:
    key = (regime or "").upper()
    if key not in REGIMES:
        raise UserError(f"regime {regime!r} is not one of foia, eir, foisa, eisr")
    received = _date(received, "received")
    responded = _date(responded, "responded")
    review_requested = _date(review_requested, "review requested")
    review_responded = _date(review_responded, "review responded")
    decision_notice = _date(decision_notice, "decision notice")
    today = _date(today, "today") or dt.date.today()
    _check_order(received, responded, review_requested, review_responded)

    reg = time_limits.regime(key)
    from appeal.law.regulator import regulator_for

    regname = regulator_for(key, today).name  # who takes a complaint now: dated data, not a literal
    cal = calendar or calendar_for(reg.calendar)
    tl = Timeline(regime=key, calendar=cal.name)
    tl.today = today.isoformat()
    tl.inputs = {
        "received": received and received.isoformat(),
        "responded": responded and responded.isoformat(),
        "review_requested": review_requested and review_requested.isoformat(),
        "review_responded": review_responded and review_responded.isoformat(),
        "extended": extended,
    }
    skipped: dict[dt.date, str] = {}
    notes = tl.notes

    def add(event_id: str, day: dt.date, lim: time_limits.Limit, note: str, *, basis: str | None = None,
            counted_from: dt.date | None = None) -> Event:
        ev = Event(id=event_id, date=day.isoformat(), basis=basis or lim.basis, note=note)
        ev.passed = day < today
        ev.working_days_left = cal.working_days_between(today, day)
        tl.events.append(ev)
        if counted_from is not None:
            skipped.update(cal.holidays_between(counted_from, day))
        return ev

    def wd(lim: time_limits.Limit, start: dt.date) -> dt.date:
        assert lim.working_days is not None
        return cal.add_working_days(start, lim.working_days)

    # ---- the response ---------------------------------------------------------------------
    resp = reg.limits["response"]
    due = due_alt = ext_due = ext_alt = None
    weekend_receipt = False
    if received is not None:
        due = wd(resp, received)
        add("response_due", due, resp, f"{resp.note} Day 1 is the first working day after the date of receipt.",
            counted_from=received)
        if not cal.is_working_day(received):
            weekend_receipt = True
            day1_alt = cal.next_working_day(received)
            due_alt = wd(resp, day1_alt)
            why = _why_not_working(cal, received)
            reading = ("The ICO counts day 1 from the next working day (LTT47)" if key in ("FOIA", "EIR") else
                       "On the usual reading day 1 is the next working day (the ICO's reading for FOIA; no "
                       "Scottish ruling was found)")
            add("response_due_alt", due_alt, resp,
                f"Receipt fell on {why}, not a working day. {reading}; some authorities treat the request "
                f"as received on {day1_alt.isoformat()}, "
                "which gives this later date. The point is disputed: a reply on this date is not called "
                "late on that day alone.",
                basis=f"{resp.basis} (disputed reading)", counted_from=received)
            notes.append(
                f"The request was received on {why} ({received.isoformat()}). Counting day 1 from the next "
                f"working day, the response was due by {due.isoformat()}; an authority may argue {due_alt.isoformat()} "
                "(treating the next working day as the date of receipt). This is disputed, so a reply "
                "one working day after the earlier date is not called late."
            )
        if extended:
            ext = reg.get("extension")
            if ext is None:
                notes.append(reg.no_extension_note)
            else:
                if ext.start == "response_due":
                    ext_due = wd(ext, due)
                    ext_alt = wd(ext, due_alt) if due_alt else None
                    counted = due
                else:
                    ext_due = wd(ext, received)
                    ext_alt = wd(ext, cal.next_working_day(received)) if weekend_receipt else None
                    counted = received
                add("response_due_extended", ext_due, ext, ext.note, counted_from=counted)
                if key == "FOIA":
                    notes.append(
                        "Public-interest extension (s10(3)): the Act sets no limit; the +20 working days "
                        "is the ICO's norm, not statute. The refusal notice saying the extension is needed "
                        f"was still due by {due.isoformat()} (s17(2))."
                    )
                else:
                    notes.append(
                        "EIR reg 7(1) extension: allowed only where the request is complex and voluminous; "
                        "the authority must show both."
                    )

    if extended and received is None:
        notes.append("An extension was claimed, but without the date of receipt (--received) the "
                     "extended deadline cannot be dated.")

    # ---- was the response late? -----------------------------------------------------------
    if received is not None and responded is not None:
        assert due is not None
        limit_day, limit_alt = (ext_due, ext_alt) if ext_due else (due, due_alt)
        what = "extended deadline" if ext_due else "deadline"
        if responded <= limit_day:
            tl.late, tl.late_by_working_days = False, 0
            notes.append(f"The response of {responded.isoformat()} was within the {what} of {limit_day.isoformat()}.")
        else:
            by = max(1, cal.working_days_between(limit_day, responded))
            tl.late_by_working_days = by
            if extended and key == "EISR":
                tl.late = None
                notes.append(
                    f"The response of {responded.isoformat()} came {by} working day(s) after the 20-working-day "
                    "limit, but an extension was claimed whose length we cannot verify (EI(S)R reg 7), so it is "
                    "not called late."
                )
            elif limit_alt is not None and responded <= limit_alt:
                tl.late = None
                notes.append(
                    f"The response of {responded.isoformat()} was {by} working day after the {what} of "
                    f"{limit_day.isoformat()} on the ICO's reading, but on time if receipt on a non-working day "
                    f"counts from the next working day ({limit_alt.isoformat()}). Disputed: not called late."
                )
            else:
                tl.late = True
                notes.append(
                    f"The response of {responded.isoformat()} was late by {by} working day(s): it was due by "
                    f"{limit_day.isoformat()} ({reg.limits['response'].basis}"
                    f"{', extended' if ext_due else ''})."
                )
    elif received is not None and responded is None and review_requested is None and due is not None:
        if today > due:
            notes.append(
                f"No response date was given: if no response has arrived, the authority has been late since "
                f"{due.isoformat()}."
            )

    # ---- asking for a review -----------------------------------------------------------------
    rq = reg.limits["review_request"]
    if responded is not None:
        add("review_request_by", wd(rq, responded), rq, rq.note, counted_from=responded)
    elif key == "FOISA" and due is not None and review_requested is None:
        add("review_request_by", wd(rq, due), rq,
            f"{rq.note} No response date was given: if none came, the 40 working days run from the "
            f"response deadline of {due.isoformat()}.", counted_from=due)

    # ---- the review ------------------------------------------------------------------------
    rv = reg.limits["review"]
    rv_max = reg.get("review_max")
    review_due = review_max = None
    if review_requested is not None:
        review_due = wd(rv, review_requested)
        without = reg.get("complaint_without_review")
        note = rv.note
        if without is not None and rv_max is None and without.working_days == rv.working_days:
            note += f" {without.note}"
        add("review_due", review_due, rv, note, counted_from=review_requested)
        if rv_max is not None:
            review_max = wd(rv_max, review_requested)
            note = rv_max.note
            if without is not None and without.working_days == rv_max.working_days:
                note += f" {without.note}"
            add("review_due_max", review_max, rv_max, note, counted_from=review_requested)
        if not rv.statutory:
            notes.append("The internal review limits come from the s45 Code of Practice (2018) and ICO "
                         "guidance: good practice, not statute (FOIA itself imposes no review duty).")
        if review_responded is not None:
            _review_lateness(tl, cal, key, review_requested, review_responded, review_due, review_max, rv, notes)
        elif without is not None:
            ok_from = wd(without, review_requested)
            notes.append(
                f"No review outcome was given: if none has come by {ok_from.isoformat()} "
                f"({without.working_days} working days after the review was asked for), {regname} will accept "
                "a complaint without one (ICO complaint guidance)."
            )

    # ---- the Commissioner ----------------------------------------------------------------------
    cp = reg.limits["complaint"]
    if cp.weeks is not None:  # the ICO (FOIA, EIR): six weeks of the final response, policy
        if review_responded is not None:
            day = review_responded + dt.timedelta(weeks=cp.weeks)
            note = f"Six weeks after the review outcome of {review_responded.isoformat()}. {cp.note}"
            if not cal.is_working_day(day):
                before = cal.add_working_days(day, -1)
                note += (f" This date is {_why_not_working(cal, day)}: to be safe, complain by "
                         f"{before.isoformat()}.")
            add("commissioner_complaint_by", day, cp, note)
            notes.append(
                "The ICO's six-week complaint window is its policy, not statute, and no rule is known for "
                "when the sixth week ends on a weekend or holiday."
            )
        elif responded is not None and review_requested is None:
            notes.append(
                f"{regname[:1].upper()}{regname[1:]} normally expects an internal review before taking a complaint; the six-week "
                "complaint window runs from the review outcome (the final response)."
            )
        elif received is not None and responded is None and review_requested is None and due is not None:
            notes.append(
                "If no response comes, follow the request up with the authority once the deadline has "
                f"passed; {regname} will then take a complaint without an internal review."
            )
    else:  # the Scottish Information Commissioner: six months, statute
        assert cp.months is not None
        if review_responded is not None:
            day = add_months(review_responded, cp.months)
            add("commissioner_complaint_by", day, cp,
                f"Six months after the review notice of {review_responded.isoformat()}. {cp.note}")
        elif review_due is not None:
            day = add_months(review_due, cp.months)
            add("commissioner_complaint_by", day, cp,
                f"No review notice was given: if none comes, six months after the review deadline of "
                f"{review_due.isoformat()}. {cp.note}")
        elif responded is not None or received is not None:
            notes.append(f"An application to {regname} needs an internal review first.")
        if any(e.id == "commissioner_complaint_by" for e in tl.events):
            notes.append(
                "Six months is counted to the same date six months on (the month's last day where there is "
                "no such date); the text of s47(4) was not seen verbatim, so apply earlier to be safe."
            )

    # ---- after the Commissioner: the tribunal ------------------------------------------------
    if decision_notice is not None:
        tl.inputs["decision_notice"] = decision_notice.isoformat()
        _tribunal(cal, reg, decision_notice, add, notes)

    # ---- calendar notes ------------------------------------------------------------------------
    if calendar is None:
        info = time_limits.calendar_info(reg.calendar)
        notes.append(f"Working days exclude {info.label} ({info.basis}).")
        if reg.calendar_note:
            notes.append(reg.calendar_note)
        last = max((dt.date.fromisoformat(e.date) for e in tl.events), default=None)
        if last is not None and last.year > today.year + 1:
            notes.append(
                f"Holidays for {today.year + 2} onwards are the rules known today; a day proclaimed later "
                "would move these dates."
            )
    else:
        notes.append(f"Working days exclude {cal.label} (a calendar supplied by the caller).")

    tl.events.sort(key=lambda e: (e.date, _ORDER.get(e.id, 99)))
    tl.holidays_skipped = [f"{d.isoformat()} {name}" for d, name in sorted(skipped.items())]
    return tl


_ORDER = {name: i for i, name in enumerate((
    "response_due", "response_due_alt", "response_due_extended", "review_request_by",
    "review_due", "review_due_max", "commissioner_complaint_by", "tribunal_appeal_by"))}


def _review_lateness(tl: Timeline, cal: WorkingDayCalendar, key: str, requested: dt.date, responded: dt.date,
                     review_due: dt.date, review_max: dt.date | None, rv: time_limits.Limit,
                     notes: list[str]) -> None:
    if responded <= review_due:
        tl.review_late, tl.review_late_by_working_days = False, 0
        notes.append(f"The review outcome of {responded.isoformat()} was within the {rv.describe()} "
                     f"({rv.basis}), due by {review_due.isoformat()}.")
        return
    by = max(1, cal.working_days_between(review_due, responded))
    tl.review_late_by_working_days = by
    alt_due = None
    if not cal.is_working_day(requested):
        alt_due = cal.add_working_days(cal.next_working_day(requested), rv.working_days or 0)
    if alt_due is not None and responded <= alt_due:
        tl.review_late = None
        notes.append(
            f"The review outcome of {responded.isoformat()} was {by} working day after {review_due.isoformat()}, "
            f"but the review was asked for on a non-working day ({requested.isoformat()}); counted from the next "
            f"working day it was on time ({alt_due.isoformat()}). Disputed: not called late."
        )
        return
    tl.review_late = True
    msg = (f"The review outcome of {responded.isoformat()} was late by {by} working day(s): "
           f"{rv.describe()} ({rv.basis}) ran out on {review_due.isoformat()}.")
    if review_max is not None:
        if responded <= review_max:
            msg += (f" It was within 40 working days ({review_max.isoformat()}): the Code (para 5.5) allows "
                    "a further 20 working days, as best practice, for complex or voluminous reviews, with "
                    "the requester told why: ask whether that was done.")
        else:
            msg += (f" It was past 40 working days ({review_max.isoformat()}), the point from which the ICO "
                    "accepts a complaint without a review outcome (the Code sets no absolute cap: para 5.5).")
    notes.append(msg)


def _tribunal(cal: WorkingDayCalendar, reg, decision_notice: dt.date, add, notes: list[str]) -> None:
    """`tribunal_appeal_by`: 28 days after the decision notice was sent (GRC Rules r22(1)(b)),
    and what cannot be appealed."""
    ta = reg.get("tribunal_appeal")
    if ta is None:  # FOISA / EISR: the Court of Session, on a point of law
        notes.append(
            "A decision of the Scottish Information Commissioner can be appealed only to the Court of "
            "Session, and only on a point of law (FOISA s56). The time limit was not seen in the statute, "
            "so no date is given: take advice promptly.")
        return
    if not ta.in_force(decision_notice):
        notes.append(f"No tribunal date: {ta.basis} applies to decision notices from {ta.valid_from} "
                     f"({ta.valid_note}).")
        return
    day = decision_notice + dt.timedelta(days=ta.days)
    note = (f"28 days after the decision notice of {decision_notice.isoformat()} was sent. {ta.note} "
            "If the notice was sent later than the date it bears, the 28 days run from when it was sent.")
    if not cal.is_working_day(day):
        note += (f" This date is {_why_not_working(cal, day)}: no rule for that was checked here, so to be "
                 f"safe send the appeal by {cal.add_working_days(day, -1).isoformat()}.")
    add("tribunal_appeal_by", day, ta, note)
    notes.append(
        "Only a decision notice can be appealed to the First-tier Tribunal (FOIA s57). If the Commissioner "
        "declines to decide a complaint (s50(2), for example as frivolous or vexatious, or for undue delay) "
        "no decision notice is issued and there is nothing to appeal to the tribunal; the Commissioner's "
        "service and case handling cannot be appealed there either. If you may want to appeal, do not "
        "accept an invitation to withdraw the complaint: ask for a decision notice.")


def _check_order(received, responded, review_requested, review_responded) -> None:
    # Plain words, not option names: the values may have come from a letter, and the spine
    # (appeal.case) has already said which, so this only guards callers of the engine itself.
    seq = [("the date of receipt", received), ("the response date", responded),
           ("the review request date", review_requested), ("the review outcome date", review_responded)]
    given = [(n, d) for n, d in seq if d is not None]
    for (n1, d1), (n2, d2) in zip(given, given[1:]):
        if d2 < d1:
            raise UserError(f"{n2} {d2.isoformat()} is before {n1} {d1.isoformat()}; check the dates")
