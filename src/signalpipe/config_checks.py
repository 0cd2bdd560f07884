"""Checks on where settings come from, before pydantic reads them (issue 12).

Each problem becomes one `ConfigError` line that names the file or the variable, never a
traceback: a YAML file that is not UTF-8, not YAML, not a mapping or too deep; ``llm.api_key`` in
a file (secrets come only from the environment or ``.env``); a ``.env`` that is not UTF-8; a
``SIGNALPIPE_*`` variable that names no setting (a typo such as ``SIGNALPIPE_COMPNAY_ID``); and a
``SIGNALPIPE_*`` value that should be JSON and is not.

Only `settings.py` calls this module (it stays the one reader of the environment, STYLE rule 4).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from signalpipe.errors import ConfigError

PREFIX = "SIGNALPIPE_"
OTHER_VARIABLES = frozenset({"SIGNALPIPE_CONFIG", "SIGNALPIPE_SERVICES_DIR"})
"""SIGNALPIPE_* variables that are not settings: the YAML path, the services' home folder."""
OTHER_PREFIXES = ("SIGNALPIPE_FAULT_",)
"""The fault suite's own knobs (tests/faults/harness.py)."""
FILE_SECRETS = (("llm", "api_key"),)
"""Secrets that must never sit in a settings file."""


def check_yaml(path: Path) -> None:
    """Raise ConfigError when the YAML settings file cannot be read as a mapping of settings."""
    if not path.is_file():
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from None
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise ConfigError(f"{path}: not valid YAML: {where}{exc.problem}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: YAML nested too deeply") from None
    if data is None:
        return
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a mapping of settings (key: value), "
                          f"got {type(data).__name__}")
    for section, key in FILE_SECRETS:
        part = data.get(section)
        if isinstance(part, dict) and key in part:
            raise ConfigError(
                f"{path}: {section}.{key} is a secret and is not read from a settings file; "
                f"set {PREFIX}{section.upper()}__{key.upper()} in the environment or .env")


def read_dotenv(path: Path) -> dict[str, str | None]:
    """The variables of a ``.env`` file ({} when there is none); ConfigError when not UTF-8."""
    if not path.is_file():
        return {}
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    from dotenv import dotenv_values

    return dict(dotenv_values(path))


def check_variables(fields: Iterable[str], sources: Mapping[str, Mapping[str, Any]]) -> None:
    """Raise ConfigError naming every SIGNALPIPE_* variable that names no setting.

    Args:
        fields: the top-level setting names.
        sources: where each group of variables came from ("environment", ".env") -> variables.
    """
    known = {f.upper() for f in fields}
    for where, variables in sources.items():
        unknown = sorted(
            name for name in variables
            if name.upper().startswith(PREFIX) and name.upper() not in OTHER_VARIABLES
            and not name.upper().startswith(OTHER_PREFIXES)
            and name.upper()[len(PREFIX):].split("__", 1)[0] not in known)
        if unknown:
            raise ConfigError(f"unknown setting {', '.join(unknown)} (in the {where}); "
                              f"settings are {PREFIX}<NAME> for: {', '.join(sorted(fields))}")


def bad_json_variable(field: str, sources: Mapping[str, Mapping[str, Any]]) -> str | None:
    """The SIGNALPIPE_* variable for `field` whose value is broken JSON, with why."""
    stem = f"{PREFIX}{field.upper()}"
    for variables in sources.values():
        for name, value in variables.items():
            upper = name.upper()
            if upper != stem and not upper.startswith(stem + "__"):
                continue
            text = (value or "").strip()
            if text[:1] in ("[", "{", '"'):
                try:
                    json.loads(text)
                except ValueError as exc:
                    return f"{name}: not valid JSON ({exc})"
    return None
