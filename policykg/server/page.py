"""The query page at ``/``: YASGUI served from the package, with the named queries as example tabs."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from policykg.ontology import PREFIXES

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent.parent / "static" / "yasgui"


def static_assets() -> dict[str, bytes]:
    """The page's scripts and styles by file name."""
    return {path.name: path.read_bytes() for path in STATIC.glob("*.min.*")}


def query_page(updates: bool) -> bytes:
    """The YASGUI page with the named queries as example tabs (none when the catalogue cannot be read)."""
    try:
        from policykg.queries import list_queries

        examples = [{"name": q.name, "description": q.description, "sparql": _declare_prefixes(q.sparql)}
                    for q in list_queries()]
    except (ImportError, OSError, ValueError, KeyError) as error:
        log.warning("the query page lists no named queries: %s", error)
        examples = []
    config = json.dumps({"examples": examples, "updates": updates}, ensure_ascii=False).replace("<", "\\u003c")
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    return page.replace("__POLICYKG_CONFIG__", config).encode("utf-8")


def _declare_prefixes(sparql: str) -> str:
    """The query with PREFIX lines for the policykg prefixes it uses without declaring (the endpoint knows
    them, but a query editor flags them)."""
    missing = [prefix for prefix in PREFIXES
               if re.search(rf"(?<![\w-]){re.escape(prefix)}:", sparql)
               and not re.search(rf"PREFIX\s+{re.escape(prefix)}:", sparql, re.IGNORECASE)]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing) + sparql

