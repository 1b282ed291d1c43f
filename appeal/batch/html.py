"""`scan --html FILE`: one self-contained page (no network, no external assets).

The table (click a heading to sort; a filter box), the stock text shared across authorities,
and who disclosed what. Every value from a letter is HTML-escaped; the only script is the
small sorter inline below.
"""

from __future__ import annotations

import datetime as dt
import os
from html import escape

from appeal.errors import UserError

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1b1b1b;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #e3e3e3;padding-bottom:4px}
.meta{color:#555;margin-bottom:12px}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:110px}.card b{display:block;font-size:20px}
.scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;width:100%;font-size:13px}
td.d{white-space:nowrap}th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f4f6;cursor:pointer;white-space:nowrap;position:sticky;top:0}th.sorted-asc::after{content:" \\25B2"}th.sorted-desc::after{content:" \\25BC"}
tr:nth-child(even) td{background:#fafafa}tr.err td{background:#fdecec}
.a-disclosed{background:#d8f3dc!important}.a-partial{background:#fff3bf!important}.a-NCND{background:#ffd6d6!important}
.a-refused{background:#ffc9c9!important}.a-cost{background:#e5dbff!important}.a-not-held{background:#e9ecef!important}
.a-review-outcome{background:#d0ebff!important}.late{color:#b00020;font-weight:600}.passed{color:#b00020}
.cluster{border:1px solid #ddd;border-left:5px solid #868e96;border-radius:4px;padding:8px 12px;margin:10px 0}
.cluster.reasoning{border-left-color:#e03131}.cluster blockquote{margin:6px 0;padding:4px 10px;background:#f8f9fa;font-style:italic}
.tag{display:inline-block;font-size:11px;padding:1px 6px;border-radius:10px;background:#e9ecef;margin-right:4px}
.tag.reasoning{background:#ffe3e3}.absent{color:#b00020}input#q{padding:4px 8px;width:260px;margin:6px 0}
small{color:#666}
"""

_JS = """
(function(){
 var t=document.getElementById('letters');if(!t)return;
 var ths=t.tHead.rows[0].cells;
 function key(td){var v=td.getAttribute('data-v');if(v===null)v=td.textContent.trim();var n=parseFloat(v);return (v!==''&&!isNaN(n)&&/^-?[0-9.]+$/.test(v))?n:v.toLowerCase();}
 for(var i=0;i<ths.length;i++){(function(i){ths[i].addEventListener('click',function(){
  var asc=!this.classList.contains('sorted-asc');for(var j=0;j<ths.length;j++)ths[j].classList.remove('sorted-asc','sorted-desc');
  this.classList.add(asc?'sorted-asc':'sorted-desc');var rows=Array.prototype.slice.call(t.tBodies[0].rows);
  rows.sort(function(a,b){var x=a.cells[i]?key(a.cells[i]):'',y=b.cells[i]?key(b.cells[i]):'';if(x===y)return (+a.getAttribute('data-i'))-(+b.getAttribute('data-i'));
   if(x==='')return 1;if(y==='')return -1;return (x<y?-1:1)*(asc?1:-1);});
  rows.forEach(function(r){t.tBodies[0].appendChild(r);});});})(i);}
 var q=document.getElementById('q');if(q)q.addEventListener('input',function(){var s=q.value.toLowerCase();
  Array.prototype.forEach.call(t.tBodies[0].rows,function(r){r.style.display=r.textContent.toLowerCase().indexOf(s)>=0?'':'none';});});
})();
"""


def check_target(path: str, *, force: bool) -> None:
    if path in ("", "-"):
        raise UserError("--html needs a file name, such as report.html (the page is written to a file)")
    if os.path.isdir(path):
        raise UserError(f"--html {path} is a folder; give a file name such as report.html")
    if os.path.exists(path) and not force:
        raise UserError(f"{path} already exists; use --force to overwrite it")
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise UserError(f"--html {path}: the folder {folder} does not exist")


def _label(event_id: str | None, regime: str | None) -> str:
    if not event_id:
        return ""
    from appeal.deadlines.report import event_label

    return event_label(event_id, regime or "FOIA")


def _cls(answer: str | None) -> str:
    return "a-" + (answer or "").replace(" ", "-")


def render(batch, *, generated: dt.datetime | None = None) -> str:
    from appeal.batch.report import flat, row

    e = lambda s: escape("" if s is None else str(s), quote=True)  # noqa: E731
    rows = [row(x) for x in batch.letters]
    total, errors = len(rows), len(batch.errors)
    counts: dict[str, int] = {}
    for d in rows:
        if d["answer"]:
            counts[d["answer"]] = counts.get(d["answer"], 0) + 1
    warrant = sum(1 for d in rows if d["outcome"] in ("review", "complaint"))
    when = (generated or dt.datetime.now()).strftime("%d %B %Y %H:%M")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>FOI batch: " + e(f"{total} letters") + "</title>", f"<style>{_CSS}</style></head><body>",
           "<h1>Freedom of Information batch</h1>",
           f'<div class="meta">{total} letters scanned on {e(when)} by <code>appeal scan</code>. '
           "Nothing here was sent anywhere: this page works offline.</div>", '<div class="cards">']
    for label, value in [("letters", total), ("warrant a letter", warrant), ("stock passages", len(batch.clusters)),
                         ("could not be read", errors)] + sorted(counts.items(), key=lambda kv: -kv[1]):
        out.append(f'<div class="card"><b>{e(value)}</b>{e(label)}</div>')
    out.append("</div>")
    # the table
    out.append('<h2 id="table">Letters</h2><input id="q" type="search" placeholder="Filter rows…" aria-label="Filter rows">')
    heads = ["#", "File", "Authority", "Reference", "Letter date", "Law", "Came back", "Exemptions", "NCND scope",
             "Timing", "Next deadline", "Date", "Outcome", "Grounds", "Lead ground", "Batch grounds", "Stock text", "Error"]
    out.append('<div class="scroll"><table id="letters"><thead><tr>' + "".join(f"<th>{e(h)}</th>" for h in heads) + "</tr></thead><tbody>")
    for i, d in enumerate(rows):
        f = flat(d)
        nd = d.get("next_deadline") or {}
        if d["error"]:  # one wide cell: what went wrong, in full
            out.append(f'<tr data-i="{i}" class="err"><td data-v="{i + 1}">{i + 1}</td>'
                       f'<td title="{e(d["file"])}">{e(os.path.basename(d["file"]))}</td>'
                       f'<td colspan="{len(heads) - 2}"><b>Could not be read:</b> {e(d["error"])}</td></tr>')
            continue
        cells = [
            f'<td data-v="{i + 1}">{i + 1}</td>', f'<td title="{e(d["file"])}">{e(os.path.basename(d["file"]))}</td>',
            f"<td>{e(f['authority'])}</td>", f"<td>{e(f['reference'])}</td>", f'<td class="d">{e(f["letter_date"])}</td>',
            f"<td>{e(f['regime'])}</td>", f'<td class="{_cls(d["answer"])}">{e(f["answer"])}</td>',
            f"<td>{e(f['exemptions'])}</td>", f"<td>{e(f['ncnd_scope'])}</td>",
            f'<td class="{"late" if d["late"] else ""}">{e(f["timing"])}</td>',
            f'<td data-v="{e(nd.get("id", ""))}">{e(_label(nd.get("id"), d["regime"]))}</td>',
            f'<td data-v="{e(nd.get("date", ""))}" class="d{" passed" if nd.get("passed") else ""}">'
            f'{e(nd.get("date", ""))}{" <small>passed</small>" if nd.get("passed") else ""}</td>',
            f"<td>{e(f['outcome'])}</td>", f'<td data-v="{e(f["grounds"])}">{e(f["grounds"])}</td>',
            f"<td>{e(f['lead'])}</td>", f"<td>{e(f['batch'])}</td>", f"<td>{e(f['stock'])}</td>",
            f"<td>{e(f['error'])}</td>",
        ]
        out.append(f'<tr data-i="{i}">' + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    # clusters
    out.append(f'<h2 id="stock">Stock text shared across authorities ({len(batch.clusters)})</h2>')
    if not batch.clusters:
        out.append("<p>No passage is shared by letters of two or more authorities.</p>")
    for c in batch.clusters:
        files = ", ".join(os.path.basename(batch.letters[n].item.file) for n in c.letters)
        out.append(f'<div class="cluster {e(c.kind)}" id="{e(c.id)}"><span class="tag {e(c.kind)}">{e(c.kind)}</span>'
                   f"<b>{e(c.id)}</b>: {len(c.authorities)} authorities, {len(c.letters)} letters"
                   f"<blockquote>{e(c.text)}</blockquote><div>{e(', '.join(c.authorities))}</div>"
                   f"<div><small>{e(files)}</small></div>")
        for m in c.members:
            for a in m.absent:
                who = os.path.basename(batch.letters[m.letter].item.file)
                out.append(f'<div class="absent">In {e(who)} it refers to what that letter does not contain: '
                           f"\u201c{e(a['quote'])}\u201d</div>")
        out.append("</div>")
    # the matrix
    out.append('<h2 id="matrix">Who disclosed what</h2>')
    if not batch.matrix:
        out.append("<p>No two letters answer the same request (give <code>--request</code> if the letters do not quote it).</p>")
    groups: dict[int, list] = {}
    for r in batch.matrix:
        groups.setdefault(r.group, []).append(r)
    for g, rs in groups.items():
        cols = sorted({n for r in rs for n in r.cells})
        names = []
        for n in cols:
            ref = batch.letters[n].item.refusal
            names.append((ref.authority.name if ref is not None else None) or os.path.basename(batch.letters[n].item.file))
        out.append('<div class="scroll"><table class="matrix"><thead><tr><th>Question</th>' + "".join(f"<th>{e(x)}</th>" for x in names)
                   + "</tr></thead><tbody>")
        for r in rs:
            tds = "".join(f'<td class="{_cls(r.cells.get(n))}">{e(r.cells.get(n, ""))}</td>' for n in cols)
            out.append(f"<tr><td>{e(r.question)}</td>{tds}</tr>")
        out.append("</tbody></table></div><br>")
    out.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(out) + "\n"


def write_html(batch, path: str, *, force: bool = False) -> str:
    from appeal.fileio import write_text

    return str(write_text(path, render(batch), force=force))
