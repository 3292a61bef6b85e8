"""Every setting policykg reads from the environment, read in one place.

The rest of the code asks :func:`settings` instead of reading ``os.environ``, so
the list below is the whole story of what a user can set without flags.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str = "neo4j"
    password: str = ""
    database: str | None = None


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    """``$POLICYKG_DATA``, else ``$XDG_DATA_HOME/policykg`` (``~/.local/share/policykg``)."""
    neo4j: Neo4jSettings | None
    """From ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE`` (Neo4j's own names); None without a URI."""
    spacy_pipelines: dict[str, str]
    """Language → spaCy pipeline chosen by ``POLICYKG_SPACY_FR`` / ``POLICYKG_SPACY_EN``."""
    actor_files: tuple[Path, ...]
    """The user's knowledge-base YAML files, ``POLICYKG_ACTORS`` (separated like PATH)."""
    max_bytes: int
    """Largest input file read, ``POLICYKG_MAX_BYTES`` (default 20 MB)."""


def settings() -> Settings:
    """The settings as the environment gives them now (cheap: tests and long sessions may change it)."""
    env = os.environ
    base = env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    neo4j = None
    if env.get("NEO4J_URI"):
        neo4j = Neo4jSettings(env["NEO4J_URI"], env.get("NEO4J_USER") or "neo4j", env.get("NEO4J_PASSWORD", ""),
                              env.get("NEO4J_DATABASE") or None)
    return Settings(
        data_dir=Path(env["POLICYKG_DATA"]) if env.get("POLICYKG_DATA") else Path(base) / "policykg",
        neo4j=neo4j,
        spacy_pipelines={lang: env[f"POLICYKG_SPACY_{lang.upper()}"] for lang in ("fr", "en")
                         if env.get(f"POLICYKG_SPACY_{lang.upper()}")},
        actor_files=tuple(Path(p) for p in env.get("POLICYKG_ACTORS", "").split(os.pathsep) if p.strip()),
        max_bytes=int(env.get("POLICYKG_MAX_BYTES") or 20_000_000),
    )


def default_data_dir() -> Path:
    return settings().data_dir


def oxigraph_dir(data_dir: Path) -> Path:
    return data_dir / "oxigraph"
