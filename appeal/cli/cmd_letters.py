"""`appeal review` and `appeal complaint`: the letters (filled in by the renderer)."""

from __future__ import annotations

from appeal.cli import app, options as o
from appeal.errors import UserError


@app.command("review")
def review(refusal: o.RefusalArg) -> None:
    """Parse, check, work out the dates and write the internal-review request."""
    raise UserError("'appeal review' is not built yet")


@app.command("complaint")
def complaint(refusal: o.RefusalArg) -> None:
    """Write the complaint to the Information Commissioner (or the Scottish Commissioner)."""
    raise UserError("'appeal complaint' is not built yet")
