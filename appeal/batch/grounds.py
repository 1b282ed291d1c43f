"""The grounds only a batch can see, added to each letter's own findings.

- inconsistent-disclosure: for a letter that refused or NCND'd (the whole request, or
  questions of it), the other authorities in the batch that answered the same request
  (matrix.py decides "same"), named with references and dates. The rule module
  (appeal/rules/inconsistent_disclosure.py) words it; here we only give it the batch context.
- boilerplate-reasoning, batch evidence: the reasoning paragraphs of this letter that other
  authorities' refusals carry too (clusters.py, kind "reasoning"); how many, and which. Added
  to the letter's own boilerplate-reasoning finding, or a new one when the stock library did
  not know the paragraph.
"""

from __future__ import annotations

from appeal.model import Evidence, Finding

NAMED = 10  # other authorities named in a ground; the rest counted
GROUND_WORDS = 20  # a shared passage shorter than this is a phrase: no ground is made of it
REFUSING = ("NCND", "refused")
DISCLOSING = ("disclosed",)


def _long(iso: str | None) -> str | None:
    if not iso:
        return None
    from appeal.render.letters import long_date

    try:
        return long_date(iso)
    except ValueError:
        return None


def _name(item) -> str | None:
    """The authority a letter names it by; None when the parser did not find it (a file name
    is no way to refer to an authority in a letter, and it may be the same authority)."""
    return item.refusal.authority.name or None


def inconsistent(items: list, rows: list, keys: list[str]) -> dict[int, Finding]:
    """Letter index -> its inconsistent-disclosure finding."""
    from appeal.rules.context import Context
    from appeal.rules.registry import get_rule

    rule = get_rule("inconsistent-disclosure")
    # per letter: the rows (questions) it refused, and who disclosed each
    refused_rows: dict[int, list] = {}
    for row in rows:
        disclosers = [n for n, a in row.cells.items() if a in DISCLOSING]
        if not disclosers:
            continue
        for n, a in row.cells.items():
            if a in REFUSING:
                refused_rows.setdefault(n, []).append((row, disclosers))
    out: dict[int, Finding] = {}
    for n, pairs in sorted(refused_rows.items()):
        it = items[n]
        if (it.effective or it.answer) in ("cost", "not held"):
            continue
        peers, seen, questions = [], set(), []
        for row, disclosers in pairs:
            others = [d for d in disclosers if keys[d] != keys[n]]
            if not others:
                continue
            if row.number:
                questions.append(row.number)
            for d in others:
                if keys[d] in seen or _name(items[d]) is None:
                    continue
                seen.add(keys[d])
                p = items[d].refusal
                peers.append({"authority": _name(items[d]), "reference": p.reference,
                              "date": _long(p.dates.letter), "file": items[d].file})
        if not peers:
            continue
        ctx = Context(it.refusal, timeline=it.timeline, dates=it.dates)
        named = peers[:NAMED]
        if len(peers) > NAMED:
            named.append({"authority": f"{len(peers) - NAMED} other authorities in this batch",
                          "reference": None, "date": None})
        ctx.batch = {"peers": named, "questions": questions, "count": len(peers)}
        found = rule.check(ctx)
        if found:
            out[n] = found[0]
    return out


def boilerplate(items: list, clusters: list, keys: list[str], groups: list | None = None) -> dict[int, dict]:
    """Letter index -> {clusters, others (names), absent, evidence} for its stock reasoning."""
    out: dict[int, dict] = {}
    for c in clusters:
        if c.kind != "reasoning":
            continue
        for m in c.members:
            if len(items[m.letter].refusal.text[m.start:m.end].split()) < GROUND_WORDS:
                continue
            mine = keys[m.letter]
            same = False
            others = []
            for m2 in c.members:
                name = _name(items[m2.letter])
                if keys[m2.letter] != mine and name is not None:
                    if groups is not None and groups[m.letter] is not None and groups[m2.letter] == groups[m.letter]:
                        same = True
                    if name not in others:
                        others.append(name)
            if not others:
                continue
            e = out.setdefault(m.letter, {"clusters": [], "others": [], "absent": [], "spans": [], "same": False})
            e["same"] = e["same"] or same
            e["clusters"].append(c.id)
            e["spans"].append((m.start, m.end))
            for o in others:
                if o not in e["others"]:
                    e["others"].append(o)
            for a in m.absent:
                q = f"\u201c{a['quote']}\u201d"
                if q not in e["absent"]:
                    e["absent"].append(q)
    return out


def _render(name: str, variables: dict) -> tuple[str, str]:
    from appeal.rules.context import and_list, normalise_prose
    from appeal.templating import environment, template_errors

    with template_errors(name):
        template = environment(None).get_template(name)
        context = template.new_context({"and_list": and_list, **variables}, shared=False)
        argument = normalise_prose("".join(template.root_render_func(context)))
        ask = normalise_prose(str(context.vars.get("ask", "") or ""))
    return argument, ask


def apply_boilerplate(item, findings: list[Finding], batch: dict) -> list[Finding]:
    """The letter's findings with the batch evidence for stock reasoning added."""
    from appeal.rules.context import precedents_for
    from appeal.rules.registry import get_rule

    text = item.refusal.text
    evidence = []
    for s, e in batch["spans"][:2]:
        evidence.append(Evidence(text[s:e], s, e))
    others = batch["others"]
    existing = next((f for f in findings if f.rule == "boilerplate-reasoning"), None)
    facts = {"passages": len(batch["spans"]), "count": len(others), "others": others[:NAMED],
             "more": max(0, len(others) - NAMED), "absent": batch["absent"], "alone": existing is None,
             "same_request": batch.get("same", False)}
    argument, ask = _render("batch/boilerplate-reasoning.j2", facts)
    strength = "moderate" if len(others) >= 2 or batch["absent"] else "weak"
    if existing is not None:
        # The batch evidence goes straight after the point, before the general law: a letter
        # that must be short (appeal.judge) keeps a ground's first sentences.
        from appeal.render.letters import split_sentences

        own = split_sentences(" ".join(existing.argument.split()))
        existing.argument = " ".join(own[:1] + [argument.strip()] + own[1:]).strip()
        known = {(ev.start, ev.end) for ev in existing.evidence}
        existing.evidence.extend(ev for ev in evidence if (ev.start, ev.end) not in known)
        if existing.strength == "weak" and strength == "moderate":
            existing.strength = "moderate"
        return findings
    rule = get_rule("boilerplate-reasoning")
    regime = (item.refusal.regime or "FOIA").upper()
    return findings + [Finding(rule="boilerplate-reasoning", title=rule.title, strength=strength,
                               evidence=evidence, argument=argument,
                               precedents=list(precedents_for(rule.id, regime)), ask=ask)]
