"""Who is writing: the requester's name, e-mail and postal address.

Each detail is taken from the first place that has it: the command-line option, then the
environment (APPEAL_NAME, APPEAL_EMAIL, APPEAL_ADDRESS), then the config file
(`--config FILE`, else $XDG_CONFIG_HOME/appeal/config.toml, else
~/.config/appeal/config.toml). The config file may hold the keys at the top level or in a
`[requester]` table:

    [requester]
    name = "Jane Smith"
    email = "jane@example.org"
    address = ["1 High Street", "Anytown", "AB1 2CD"]   # or one string, lines split by commas
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from appeal.errors import UserError
from appeal.render.clean import one_line

FIELDS = ("name", "email", "address")


@dataclass
class Requester:
    name: str | None = None
    email: str | None = None
    address: list[str] = field(default_factory=list)  # one entry per line
    sources: dict[str, str] = field(default_factory=dict)  # field -> "option"/"env"/path

    @property
    def missing(self) -> list[str]:
        return [f for f in FIELDS if not getattr(self, f)]


def default_config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "appeal" / "config.toml"


def load_config(path: str | Path | None, *, env: Mapping[str, str] | None = None,
                explicit: bool = False) -> tuple[dict, str | None]:
    """Read the requester table of a config file. A missing default file is no error."""
    target = Path(path) if path else default_config_path(env)
    if not target.exists():
        if explicit:
            raise UserError(f"--config {target}: no such file")
        return {}, None
    if not target.is_file():  # a folder, or a FIFO that would block the read for ever
        raise UserError(f"the config file {target} is not a regular file")
    if target.stat().st_size > 1024 * 1024:
        raise UserError(f"the config file {target} is over 1 MB; it is not a config file")
    import tomllib

    try:
        data = tomllib.loads(target.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read the config file {target}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"config file {target} is not valid TOML: {exc}") from None
    except RecursionError:
        raise UserError(f"config file {target} is nested too deeply to be a config file") from None
    table = data.get("requester", data)
    if not isinstance(table, dict):
        raise UserError(f"config file {target}: [requester] must be a table")
    unknown = sorted(k for k in data if k not in FIELDS and k != "requester")
    if table is not data:
        unknown += sorted(f"requester.{k}" for k in table if k not in FIELDS)
    if unknown:  # a misspelt key would otherwise be ignored without a word
        import sys

        print(f"appeal: warning: config file {target}: unknown key(s) {', '.join(unknown)} ignored; "
              f"the keys are {', '.join(FIELDS)} (at the top level or under [requester])", file=sys.stderr)
    return table, str(target)


def split_address(value) -> list[str]:
    """An address as lines: a list, or one string split at line breaks (else at commas)."""
    if value is None:
        return []
    if isinstance(value, dict):  # address = {street = "...", town = "..."}: its values, in order
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        if any(isinstance(v, (dict, list, tuple)) for v in value):
            raise UserError("the address must be text, or a list of lines of text")
        parts = [one_line(str(v)) for v in value]
    else:
        text = str(value).replace("\\n", "\n")
        raw = text.split("\n") if "\n" in text else text.split(",")
        parts = [one_line(p) for p in raw]
    return [p for p in parts if p]


def resolve(*, name: str | None = None, email: str | None = None, address: str | None = None,
            config: str | None = None, env: Mapping[str, str] | None = None) -> Requester:
    """Options beat the environment, which beats the config file, field by field."""
    env = os.environ if env is None else env
    table, config_path = load_config(config, env=env, explicit=config is not None)
    options = {"name": name, "email": email, "address": address}
    req = Requester()
    for f in FIELDS:
        for source, value in (
            ("option", options[f]),
            ("env", env.get(f"APPEAL_{f.upper()}")),
            (config_path, table.get(f)),
        ):
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if f == "address":
                lines = split_address(value)
                if not lines:
                    continue
                req.address = lines
            else:
                if not isinstance(value, str):
                    raise UserError(f"config file {config_path}: '{f}' must be a string")
                setattr(req, f, one_line(value))
            req.sources[f] = source or "config"
            break
    return req
