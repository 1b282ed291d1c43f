"""`appeal scan`: many letters at once, and what only a batch can see.

    run(paths, request=None, jobs=None, progress=None) -> Batch

Each letter is analysed on its own (analyse.py, in worker processes with --jobs N: read,
parse, check, date, fingerprint); then, in one process and in batch order, the batch stages:
stock-text clusters across authorities (clusters.py), request groups and the disclosure
matrix (matrix.py), the batch grounds (grounds.py), and the judgement step for every letter
(adapters.py). Output (report.py, html.py) and the letters for the batch (letters.py) read
the Batch. The order of everything is the order of the inputs, whatever the number of jobs.

This package is domain code: it never imports appeal.cli.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

from appeal.batch.analyse import Analysed, Job

__all__ = ["run", "Batch", "Letter"]


@dataclass
class Letter:
    item: Analysed
    findings: list = field(default_factory=list)  # own + batch findings, strongest first
    outcome: str | None = None
    outcome_reason: str | None = None
    grounds: list = field(default_factory=list)  # the findings the letter argues, lead first
    batch_rules: list[str] = field(default_factory=list)  # rule ids the batch added or extended
    group: int | None = None  # request group
    judgement: object | None = None  # adapters.Judgement
    stock: list[str] = field(default_factory=list)  # ids of the stock-text clusters it is in

    @property
    def lead(self) -> str | None:
        return self.grounds[0].rule if self.grounds else None


@dataclass
class Batch:
    letters: list[Letter]
    clusters: list
    matrix: list
    request_text: str | None = None

    @property
    def errors(self) -> list[Letter]:
        return [x for x in self.letters if x.item.error]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def analyse_all(jobs_list: list[Job], jobs: int, progress: Callable[[int, int], None] | None = None) -> list[Analysed]:
    from appeal.batch.analyse import analyse

    total = len(jobs_list)
    out: list[Analysed] = []
    if jobs <= 1 or total < 4:
        for j in jobs_list:
            out.append(analyse(j))
            if progress:
                progress(len(out), total)
        return out
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        mp = multiprocessing.get_context("fork")
    except ValueError:  # pragma: no cover - no fork on this platform
        mp = None
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(32, total // (jobs * 8)))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=mp) as pool:
            for res in pool.map(analyse, jobs_list, chunksize=chunk):
                out.append(res)
                if progress:
                    progress(len(out), total)
    except BrokenProcessPool:
        # A worker died (killed, out of memory): the letters not yet done are read here, one
        # by one, so the batch still ends with a row for every letter.
        for j in jobs_list[len(out):]:
            out.append(analyse(j))
            if progress:
                progress(len(out), total)
    return out


def run(paths: list[str], *, request: str | None = None, jobs: int | None = None,
        progress: Callable[[int, int], None] | None = None, today=None) -> Batch:
    """`today` (a datetime.date, default today) is the day the batch is judged on: which
    deadlines have passed, and so what each letter's next step is."""
    from appeal.batch import adapters, clusters as cl, grounds as gr, matrix as mx
    from appeal.batch.inputs import expand
    from appeal.rules.base import STRENGTH_ORDER
    from appeal.rules.registry import order_of

    request_text = _request(request) if request else None
    inputs = expand(paths)
    if request:  # the request itself, kept beside the replies, is not one of them
        own = os.path.realpath(request)
        inputs = [i for i in inputs if os.path.realpath(i.path) != own]
    jobs_list = [Job(i, inp.path, inp.missing, request_text, today) for i, inp in enumerate(inputs)]
    items = analyse_all(jobs_list, jobs or default_jobs(), progress)
    items.sort(key=lambda it: it.index)

    good = [it for it in items if it.error is None]
    keys = [cl.authority_key(it) for it in good]
    clusters = cl.find_clusters(good)
    cl.mark_absent(clusters, good)
    groups = mx.request_groups(good, request_text)
    rows = mx.build(good, groups, request_text)
    inconsistent = gr.inconsistent(good, rows, keys)
    stock = gr.boilerplate(good, clusters, keys, groups)

    letters: list[Letter] = []
    pos = {id(it): n for n, it in enumerate(good)}
    for it in items:
        if it.error is not None:
            letters.append(Letter(it))
            continue
        n = pos[id(it)]
        findings = list(it.findings)
        added = []
        if n in stock:
            findings = gr.apply_boilerplate(it, findings, stock[n])
            added.append("boilerplate-reasoning")
        if n in inconsistent:
            findings.append(inconsistent[n])
            added.append("inconsistent-disclosure")
        findings.sort(key=lambda f: (STRENGTH_ORDER[f.strength], order_of(f.rule)))
        j = adapters.judgement(it.refusal, findings, it.timeline, today, keep=added)
        letters.append(Letter(it, findings, j.outcome, j.reason, j.grounds, added, groups[n], j))
    # clusters and the matrix refer to letters by their place in the whole batch
    where = [i for i, it in enumerate(items) if it.error is None]
    for c in clusters:
        for m in c.members:
            m.letter = where[m.letter]
            if c.id not in letters[m.letter].stock:
                letters[m.letter].stock.append(c.id)
        c.letters = [where[n] for n in c.letters]
    for r in rows:
        r.cells = {where[n]: a for n, a in r.cells.items()}
    return Batch(letters, clusters, rows, request_text)


def _request(path: str) -> str:
    from appeal.errors import UserError
    from appeal.ingest import read_extracted

    try:
        return read_extracted(path).text.strip()
    except UserError as exc:
        raise UserError(f"--request: {exc}") from None
