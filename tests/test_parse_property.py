"""Property: text inserted into the request part of a letter never adds a relied-on
exemption. Whatever the requester writes (questions about how often a provision was used,
citations in any form, cost or vexatious words), the exemptions the authority relies on are
read from its own words only."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appeal.parse import parse_text

LETTERHEAD = "Our ref: FOI 2024/0042\nDate: 3 May 2024\nDear Requester\n"
FIRST_Q = "1. How many stop and search encounters were recorded in 2023?\n"
# with a heading, with a phrase, and with nothing marking the request at all
HEADS = [
    LETTERHEAD + "Your request:\n" + FIRST_Q,
    LETTERHEAD + "Thank you for your request received on 8 April 2024, in which you asked for the following:\n" + FIRST_Q,
    LETTERHEAD + FIRST_Q,
]
TAIL = (
    "\nOur response:\n"
    "I can confirm that Anyshire Police holds the information. The figure for question 1 is 412.\n"
    "The remaining information is exempt under Section 31(1)(a) of the Freedom of Information Act 2000.\n"
    "Yours sincerely\nFOI Unit, Anyshire Police\n"
)

CITED = st.sampled_from([
    "section 40(1)", "Section 40(2)(a)&(b)&(3A)(a)", "S.31(1)(a)", "s30(b)(ii)", "section 38(1)(b) of the "
    "Freedom of Information (Scotland) Act 2002", "Section 40(2) (Personal Information) of the Freedom of "
    "Information Act 2000", "regulation 12(4)(d)", "12(5)(e)", "regulation 13", "section 12", "section 14(1)",
    "Section 23(5)", "s.24(2)", "sections 30 and 31", "Regulation 10(4)(b)",
])
FRAME = st.sampled_from([
    "{n}. How often did you apply {c} in 2023?",
    "{n}. How many requests did you refuse under {c}?",
    "{n}. Please provide your guidance on {c}.",
    "{n}. Could you tell me whether {c} was considered, and if answering would exceed the appropriate limit "
    "please say so?",
    "{n}. Please list every request you treated as vexatious, and those refused under {c}.",
    "{n}. I would like the number of times {c} was used, broken down by month.",
    "{n}. Please tell me how many times you used each of these exemptions:\n{C} – Law enforcement",
    "{n}. If answering would exceed the cost limit of £450, please give only the figures for {c}.",
    "{n}. Please confirm whether you have ever refused to confirm or deny under {c}.",
    "- How many requests were refused under {c}?",
])
WORDS = st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Nd"), whitelist_characters=" ,()"),
                max_size=40)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=st.sampled_from(HEADS), items=st.lists(st.tuples(FRAME, CITED, WORDS), min_size=1, max_size=4))
def test_text_in_the_request_never_adds_a_relied_on_exemption(head, items):
    base = parse_text(head + TAIL)
    want = [(e.citation, e.found) for e in base.exemptions]
    assert want == [("s31(1)(a)", "cited")]
    lines = [frame.format(n=i + 2, c=c, C=c[:1].upper() + c[1:]) + (" " + w if w.strip() else "")
             for i, (frame, c, w) in enumerate(items)]
    r = parse_text(head + "\n".join(lines) + TAIL)
    assert [(e.citation, e.found) for e in r.exemptions] == want
    assert r.ncnd == base.ncnd and r.cost == base.cost  # nor an NCND or a cost refusal
