"""Moved to `appeal.flow` (the one-shot flow is not rendering); kept so old imports work."""

from appeal.flow import (  # noqa: F401
    DATE_LABELS,
    EXTENSIONS,
    KIND_NAMES,
    Options,
    Result,
    choose_format,
    make_letter,
    render_format,
    summary,
    write,
)
