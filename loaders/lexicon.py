"""The one way to read packaged data: ``loaders/data/<name>.yaml`` or, per language, ``loaders/data/<lang>/<name>.yaml``.

Lexicons are data, not code (spaCy keeps its per-language data in ``lang/xx`` the
same way); ``loaders/data/README.md`` says what may go into them.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str, language: str | None = None) -> Any:
    """The parsed YAML lexicon ``name`` (for ``language`` when given); cached, so treat it as read-only."""
    path = f"data/{language}/{name}.yaml" if language else f"data/{name}.yaml"
    resource = resources.files("policykg.loaders").joinpath(path)
    if not resource.is_file():
        raise ValueError(f"no {name} lexicon for language {language!r} (looked for loaders/{path})")
    return yaml.safe_load(resource.read_text(encoding="utf-8")) or {}
