"""The batch as a table: rows (one per letter), the appeal.scan/1 JSON form, CSV, terminal.

Row fields: file, authority, reference, letter date, regime, what came back, exemptions, NCND
scope, on time or late, the next deadline and its date, the outcome of the judgement step,
the number of grounds and the lead ground, the batch grounds, and the error for a letter that
could not be read.
"""

from __future__ import annotations

import csv
import io
import json

SCHEMA = "appeal.scan/1"

COLUMNS = (
    ("file", "File"), ("authority", "Authority"), ("reference", "Reference"), ("letter_date", "Letter date"),
    ("regime", "Regime"), ("answer", "Came back"), ("exemptions", "Exemptions"), ("ncnd_scope", "NCND scope"),
    ("timing", "Timing"), ("next_deadline", "Next deadline"), ("next_deadline_date", "Date"),
    ("outcome", "Outcome"), ("grounds", "Grounds"), ("lead", "Lead ground"), ("batch", "Batch grounds"),
    ("stock", "Stock text"), ("error", "Error"),
)


def next_deadline(letter) -> dict | None:
    tl = letter.item.timeline
    if tl is None:
        return None
    want = ("commissioner_complaint_by",) if letter.outcome == "complaint" or letter.item.answer == "review outcome" \
        else ("review_request_by", "commissioner_complaint_by")
    for eid in want:
        ev = tl.event(eid)
        if ev is not None:
            return {"id": ev.id, "date": ev.date, "passed": ev.passed}
    return None


def row(letter) -> dict:
    it = letter.item
    if it.error is not None:
        return {"file": it.file, "authority": None, "reference": None, "letter_date": None, "regime": None,
                "answer": None, "exemptions": [], "ncnd": None, "ncnd_scope": None, "late": None,
                "next_deadline": None, "outcome": None, "outcome_reason": None, "grounds": 0, "lead": None,
                "batch_grounds": [], "rules": [], "argued": [], "stock": [], "review_result": None,
                "error": it.error}
    r = it.refusal
    tl = it.timeline
    late = tl.late if tl is not None else None
    exemptions = []
    for e in r.exemptions:
        if e.citation not in exemptions:
            exemptions.append(e.citation)
    return {
        "file": it.file, "authority": r.authority.name, "reference": r.reference,
        "letter_date": r.dates.letter, "regime": r.regime, "answer": it.answer,
        "exemptions": exemptions, "ncnd": bool(r.ncnd), "ncnd_scope": r.ncnd_scope if r.ncnd else None,
        "late": late, "next_deadline": next_deadline(letter),
        "outcome": letter.outcome, "outcome_reason": letter.outcome_reason,
        "grounds": len(letter.grounds), "lead": letter.lead,
        "batch_grounds": list(letter.batch_rules), "rules": [f.rule for f in letter.grounds],
        "argued": _argued(letter), "stock": list(letter.stock),
        "review_result": getattr(getattr(r, "review", None), "result", None) if r.is_review_outcome else None,
        "error": None,
    }


def _argued(letter) -> list[str]:
    """Every rule the letter argues: each ground's lead and the points merged into it."""
    j = letter.judgement
    found = getattr(j, "argued", None) or letter.grounds
    out = []
    for f in found:
        if f.rule not in out:
            out.append(f.rule)
    return out


def to_dict(batch) -> dict:
    files = [x.item.file for x in batch.letters]
    names = [_who(x) for x in batch.letters]
    clusters = []
    for c in batch.clusters:
        clusters.append({
            "id": c.id, "text": c.text, "kind": c.kind,
            "letters": [files[n] for n in c.letters], "authorities": list(c.authorities),
            "members": [{"file": files[m.letter], "authority": names[m.letter], "absent": m.absent}
                        for m in c.members],
        })
    disclosures = []
    for r in batch.matrix:
        by = lambda *answers, r=r: [names[n] for n, a in sorted(r.cells.items()) if a in answers]  # noqa: E731
        disclosures.append({
            "question": r.question, "request_group": r.group,
            "disclosed_by": by("disclosed"), "refused_by": by("refused", "NCND"),
            "ncnd_by": by("NCND"), "partly_by": by("partial"), "not_held_by": by("not held"), "cost_by": by("cost"),
            "cells": [{"file": files[n], "authority": names[n], "answer": a} for n, a in sorted(r.cells.items())],
        })
    return {"schema": SCHEMA, "letters": [row(x) for x in batch.letters], "clusters": clusters,
            "disclosures": disclosures, "errors": len(batch.errors)}


def _who(letter) -> str:
    r = letter.item.refusal
    return (r.authority.name if r is not None and r.authority.name else None) or letter.item.file


def to_json(batch) -> str:
    return json.dumps(to_dict(batch), indent=2, ensure_ascii=False) + "\n"


def flat(d: dict) -> dict:
    """A row as strings for CSV and the terminal."""
    nd = d.get("next_deadline") or {}
    timing = None if d["late"] is None else ("late" if d["late"] else "on time")
    if d["error"] is None and d["late"] is None:
        timing = "unknown"
    return {
        "file": d["file"], "authority": d["authority"] or "", "reference": d["reference"] or "",
        "letter_date": d["letter_date"] or "", "regime": d["regime"] or "", "answer": (d["answer"] or "") + (f" ({d['review_result']})" if d.get("review_result") else ""),
        "exemptions": ", ".join(d["exemptions"]), "ncnd_scope": d["ncnd_scope"] or "",
        "timing": timing or "", "next_deadline": nd.get("id", "") or "",
        "next_deadline_date": (nd.get("date", "") or "") + (" (passed)" if nd.get("passed") else ""),
        "outcome": d["outcome"] or "", "grounds": str(d["grounds"]) if d["error"] is None else "",
        "lead": d["lead"] or "", "batch": ", ".join(d["batch_grounds"]), "stock": ", ".join(d.get("stock") or []),
        "error": d["error"] or "",
    }


def to_csv(batch) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([label for _k, label in COLUMNS])
    for x in batch.letters:
        f = flat(row(x))
        w.writerow([_csv_safe(f[k]) for k, _label in COLUMNS])
    return buf.getvalue()


def _csv_safe(value: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


# ---- terminal ----------------------------------------------------------------------------------
_TERM = (("#", None, 3), ("file", "File", 22), ("authority", "Authority", 24), ("reference", "Ref", 14),
         ("letter_date", "Date", 10), ("regime", "Law", 5), ("answer", "Came back", 14),
         ("exemptions", "Exemptions", 22), ("ncnd_scope", "NCND", 5), ("timing", "Timing", 7),
         ("next_deadline_date", "Next deadline", 31), ("outcome", "Outcome", 9), ("grounds", "#G", 2),
         ("lead", "Lead ground", 26))
_SHORT_EVENT = {"review_request_by": "review by", "commissioner_complaint_by": "complain by"}


def _cut(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def to_text(batch) -> str:
    import os

    rows = [flat(row(x)) for x in batch.letters]
    for f in rows:
        if f["next_deadline"]:
            f["next_deadline_date"] = f"{_SHORT_EVENT.get(f['next_deadline'], f['next_deadline'])} {f['next_deadline_date']}"
        f["file"] = os.path.basename(f["file"])
    widths = []
    for key, label, cap in _TERM:
        vals = [str(i + 1) for i in range(len(rows))] if key == "#" else [r[key] for r in rows]
        widths.append(min(cap, max([len(label or "#")] + [len(v) for v in vals])))
    out = ["  ".join((label or "#").ljust(w) for (_k, label, _c), w in zip(_TERM, widths)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    for i, r in enumerate(rows):
        if r["error"]:
            cells = [str(i + 1).ljust(widths[0]), _cut(r["file"], widths[1]).ljust(widths[1]), "ERROR: " + r["error"]]
            out.append("  ".join(cells))
            continue
        cells = []
        for (key, _label, _cap), w in zip(_TERM, widths):
            v = str(i + 1) if key == "#" else r[key]
            cells.append(_cut(v, w).ljust(w))
        out.append("  ".join(cells).rstrip())
    out.append("")
    out.extend(_clusters_text(batch))
    out.extend(_matrix_text(batch))
    n_err = len(batch.errors)
    total = len(batch.letters)
    tail = f"{total} letter{'s' if total != 1 else ''}"
    if n_err:
        tail += f", {n_err} could not be read"
    out.append(tail)
    return "\n".join(out) + "\n"


def _clusters_text(batch) -> list[str]:
    if not batch.clusters:
        return ["Stock text shared across authorities: none found", ""]
    out = [f"Stock text shared across authorities ({len(batch.clusters)} passages)"]
    import os

    for c in batch.clusters[:SHOWN]:
        out.append(f"  {c.id} [{c.kind}] {len(c.authorities)} authorities, {len(c.letters)} letters: \u201c{c.text}\u201d")
        out.append(f"      {_names(c.authorities)}")
        absent = [(m, a) for m in c.members for a in m.absent]
        for m, a in absent[:SHOWN_ABSENT]:
            who = os.path.basename(batch.letters[m.letter].item.file)
            out.append(f"      ! in {who} it refers to what that letter lacks: \u201c{a['quote']}\u201d")
        if len(absent) > SHOWN_ABSENT:
            out.append(f"      ! and {len(absent) - SHOWN_ABSENT} more letters where it refers to what they lack")
    if len(batch.clusters) > SHOWN:
        out.append(f"  ... and {len(batch.clusters) - SHOWN} more passages (all of them in --json and --html)")
    out.append("")
    return out


SHOWN = 15  # stock passages listed in the terminal
SHOWN_ABSENT = 5
SHOWN_NAMES = 10


def _names(names: list[str]) -> str:
    more = len(names) - SHOWN_NAMES
    return ", ".join(names[:SHOWN_NAMES]) + (f" and {more} more" if more > 0 else "")


def _matrix_text(batch) -> list[str]:
    if not batch.matrix:
        return []
    out = ["Who disclosed what (letters answering the same request)"]
    for r in batch.matrix:
        groups: dict[str, list[str]] = {}
        for n, a in sorted(r.cells.items()):
            groups.setdefault(a or "unknown", []).append(_who(batch.letters[n]))
        out.append(f"  {_cut(r.question, 100)}")
        for a in ("disclosed", "partial", "NCND", "refused", "cost", "not held", "review outcome", "unclear", "unknown"):
            if a in groups:
                out.append(f"      {a}: {_names(groups[a])}")
    out.append("")
    return out
