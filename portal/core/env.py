"""One reader for settings from the environment.

Every variable is declared with a help text and a group so that
``python manage.py env_docs`` can render ``docs/configuration.md``.
"""

import os
from dataclasses import dataclass

_UNSET = object()


@dataclass(frozen=True)
class EnvVar:
    name: str
    default: object
    help_text: str
    group: str


REGISTRY: dict[str, EnvVar] = {}


def _cast(raw: str, kind: type):
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if kind is int:
        return int(raw)
    if kind is list:
        return [item.strip() for item in raw.split(",") if item.strip()]
    if kind is dict:
        import json

        value = json.loads(raw)
        if not isinstance(value, dict):
            raise ValueError("expected a JSON object")
        return value
    return raw


def config(name: str, default=_UNSET, *, help_text: str, group: str = "Chung", cast: type = str):
    """Read ``name`` from the environment, cast it and remember it for the docs."""
    REGISTRY[name] = EnvVar(name, None if default is _UNSET else default, help_text, group)
    raw = os.environ.get(name)
    if raw is None or raw == "":
        if default is _UNSET:
            raise RuntimeError(f"Biến môi trường {name} là bắt buộc: {help_text}")
        return default
    return _cast(raw, cast)
