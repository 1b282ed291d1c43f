"""Jinja2 for all wording: letters (templates/letters/) and rule arguments (templates/rules/).

Templates are rendered in Jinja2's sandbox, because `--template-dir` lets a user point the
tool at templates from anywhere. A user's folder is searched first, then the shipped one,
so a user can override a single file.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from appeal.errors import UserError
from appeal.resources import shipped_dir


@lru_cache(maxsize=8)
def environment(template_dir: str | None = None):
    import jinja2  # lazy: only commands that write prose need it
    from jinja2.sandbox import SandboxedEnvironment

    search = []
    if template_dir:
        folder = Path(template_dir)
        if not folder.is_dir():
            raise UserError(f"--template-dir {template_dir}: no such folder")
        search.append(str(folder))
    search.append(str(shipped_dir("templates")))
    env = SandboxedEnvironment(
        bytecode_cache=_bytecode_cache(),
        loader=jinja2.FileSystemLoader(search),
        autoescape=False,  # we write prose, not HTML; renderers escape for their format
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,  # a missing value is a bug, not an empty gap
    )
    return env


def _bytecode_cache():
    """Compiled templates kept between runs: compiling them is most of a letter's start-up.

    Jinja2 keys each entry by the template's name and source checksum, so an edited or
    user-supplied template is compiled afresh. No cache (still correct) if the folder
    cannot be made.
    """
    import jinja2

    from appeal.resources import user_cache_dir

    folder = user_cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def render(name: str, *, template_dir: str | None = None, **context) -> str:
    """Render templates/<name> with `context`; template errors become one clear line."""
    with template_errors(name):
        return environment(template_dir).get_template(name).render(**context)


@contextmanager
def template_errors(name: str):
    """Turn what a (possibly user-supplied) template can get wrong into one-line UserErrors."""
    import jinja2

    try:
        yield
    except jinja2.TemplateNotFound:
        raise UserError(f"template {name!r} not found (looked in --template-dir, then the shipped templates)") from None
    except jinja2.TemplateSyntaxError as exc:
        raise UserError(f"template {exc.name or name} line {exc.lineno}: {exc.message}") from None
    except jinja2.exceptions.SecurityError as exc:
        raise UserError(f"template {name}: not allowed in the sandbox: {exc}") from None
    except jinja2.UndefinedError as exc:
        raise UserError(f"template {name}: {exc.message}") from None
