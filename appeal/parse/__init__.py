"""Letter text -> Refusal: who decided, under which law, reference, dates, request,
exemptions relied on, NCND, disclosure, public-interest test, rights, cost, truncation.

    parse_text(text, source=None) -> Refusal

Unknown values stay None; whatever is inferred (a year, a default regime, an authority from
a letterhead) is listed in Refusal.assumptions. Spans index into the text as given.
"""

from __future__ import annotations

from appeal.model import Dates, Refusal

__all__ = ["parse_text"]


def parse_text(text: str, *, source: str | None = None) -> Refusal:
    from appeal.parse import facts, fields
    from appeal.parse.authority import find_authority
    from appeal.parse.citations import find_citations
    from appeal.parse.exemptions import add_likelihood, decide_regime, eisr_numbering, infer_prose, infer_prose_ncnd, relied_exemptions
    from appeal.parse.request import find_request

    text = text or ""
    assumptions: list[str] = []

    split = find_request(text)
    in_request = split.contains
    auth = find_authority(text, split.spans)
    assumptions.extend(auth.assumptions)

    cits = [c for c in find_citations(text) if not in_request(c.start)]
    guess = decide_regime(text, in_request, auth.authority.nation, cits)
    if guess.assumption:
        assumptions.append(guess.assumption)
    a = auth.authority
    if a.name and a.nation is None and a.kind in ("council", "nhs", "university", "police", "other"):
        # A body found by pattern whose place is not in the Scottish, Welsh or Northern Irish
        # lists: under the Scottish Act it is Scottish, otherwise English.
        a.nation = "scotland" if guess.scottish else "england"
    exemptions = relied_exemptions(text, cits, guess, in_request)
    assumptions.extend(eisr_numbering(exemptions, guess.regime))
    assumptions.extend(infer_prose(text, exemptions, guess, in_request))
    assumptions.extend(infer_prose_ncnd(text, exemptions, guess.regime, in_request))
    add_likelihood(text, exemptions, in_request, split.response_start)

    body_start = split.spans[0][0] if split.spans else 0
    letter, _how = fields.letter_date(text, body_start, in_request)
    from appeal.parse.odd_dates import unreadable_letter_date

    assumptions.extend(unreadable_letter_date(text, letter))
    received, notes = fields.received_date(text, letter)
    assumptions.extend(notes)
    if letter is None and split.spans:
        floor = fields.not_before(text, split.spans)
        if floor is not None and (received is None or floor > received):
            assumptions.append(f"the letter's date is not printed; its request names {floor.day} "
                               f"{floor.strftime('%B %Y')}, so the response is later than that (a lower bound only)")
    ref = fields.reference(text, split.spans)

    ncnd = facts.find_ncnd(text, in_request)
    cost = None
    if any(ex.test == "cost" for ex in exemptions) or (
        not exemptions and facts.mentions_cost_limit(text, in_request)
    ):
        cost = facts.cost_estimate(text, in_request)
    review, commissioner = facts.rights(text, in_request)
    is_review = facts.is_review_outcome(text, in_request)
    from appeal.parse.questions import split_questions

    questions = split_questions(text, split, exemptions, ncnd.scope if ncnd.ncnd else None)
    partial = facts.partial_disclosure(text, split.response_start, in_request)
    answers = {q.answer for q in questions}
    if "answered" in answers and answers & {"refused", "ncnd", "cost"}:
        partial = True  # some questions answered, others refused: a partial disclosure
    outcome = None
    if is_review:
        from appeal.parse.review import review_outcome

        outcome = review_outcome(text, in_request, letter.isoformat() if letter else None, len(exemptions))

    return Refusal(
        authority=auth.authority,
        regime=guess.regime,
        reference=ref,
        dates=Dates(
            letter=letter.isoformat() if letter else None,
            received=received.isoformat() if received else None,
        ),
        request_text=split.text_of(text),
        exemptions=exemptions,
        ncnd=ncnd.ncnd,
        ncnd_scope=ncnd.scope,
        partial_disclosure=partial,
        questions=questions,
        public_interest_test=facts.public_interest_test(text, in_request),
        review_rights_stated=review,
        commissioner_rights_stated=commissioner,
        is_review_outcome=is_review,
        review=outcome,
        truncated=facts.looks_truncated(text),
        cost=cost,
        assumptions=assumptions,
        text=text,
        source=source,
    )
