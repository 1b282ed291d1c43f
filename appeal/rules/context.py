"""The rules' view of a letter, re-exported in one place (the work is split by job):

    letter.py     Context (what check() receives), Report, GROUPS, NCND_RX, HARM_VERB
    patterns.py   ci(): case-insensitive patterns run on the lower-cased letter
    readings.py   shared readings: harm_scope, ncnd_scope, figures_given, cost_refusal, ...
    sentences.py  split_sentences
    textutil.py   lower_same_length, distinct, and_list, short_quote, normalise_prose
    wording.py    REGIME_NAMES, COMMISSIONER, precedents_for, render_rule
    timeline.py   build_timeline

Rules (and `judge`, `scan`) keep importing these names from appeal.rules.context.
"""

from __future__ import annotations

from appeal.rules.letter import (  # noqa: F401
    GROUPS, HARM_VERB, NCND_RX, QUALIFIED_WORDS, Context, Report,
)
from appeal.rules.patterns import ci  # noqa: F401
from appeal.rules.readings import (  # noqa: F401
    HEDGE, STATED_LIKELIHOOD, confirmations, cost_refusal, figures_given, harm_based_ncnd, harm_scope,
    is_cost_refusal, ncnd_scope, prejudice_exemptions, says_not_held,
)
from appeal.rules.sentences import split_sentences  # noqa: F401
from appeal.rules.textutil import and_list, distinct, lower_same_length, normalise_prose, short_quote  # noqa: F401
from appeal.rules.timeline import build_timeline  # noqa: F401
from appeal.rules.wording import (  # noqa: F401
    COMMISSIONER, REGIME_NAMES, _regulator_name, precedents_for, regulator_name, render_rule,
)
