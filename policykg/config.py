"""Where policykg keeps its data, and how it reaches Neo4j: settings from the environment."""
from __future__ import annotations

import os
from pathlib import Path


def default_data_dir() -> Path:
    """``$POLICYKG_DATA``, else ``$XDG_DATA_HOME/policykg`` (``~/.local/share/policykg``)."""
    if os.environ.get("POLICYKG_DATA"):
        return Path(os.environ["POLICYKG_DATA"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "policykg"


def oxigraph_dir(data_dir: Path) -> Path:
    return data_dir / "oxigraph"
