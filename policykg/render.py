"""Statement rows → stance network → Gephi files or one offline interactive HTML page.

The input is the project's export format: one dict per statement ("who said
what about whom, with which stance"); the ``render_rows`` fixture in
``tests/conftest.py`` is a complete example.

Aggregation rule: one directed edge per (speaker, target) pair, whatever the
stance, so that two actors are joined by a single line. The edge keeps the
count of each stance (``n_for``, ``n_against``, ``n_neutral``), the total
(``weight``, the name Gephi reads) and the list of its statements. Its overall
``stance`` is ``mixed`` when the statements take both sides (for and against),
otherwise the one side they take, and ``neutral`` when they take none: a
neutral remark next to a position does not blur that position.

The HTML page is built with pyvis (nodes, edges, options) and written through
our own template (``static/network.html``) rather than pyvis's, because pyvis's
template links Bootstrap from a CDN in every mode: here vis-network's CSS and
JavaScript (the copy pyvis ships) and our own are inlined, so the page makes no
request at all and can be opened from disk or mailed as one file.
"""
from __future__ import annotations

import calendar
import json
import math
import random
from collections import Counter, deque
from collections.abc import Iterable, KeysView, Mapping
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network

STANCE_COLOURS = {
    "against": "#d62728",
    "for": "#2ca02c",
    "neutral": "#9e9e9e",
    "mixed": "#e69500",
}

TYPE_STYLES: dict[str, tuple[str, str, str]] = {
    # type: (legend label, vis shape, colour); shapes group the kinds of actor,
    # colours tell the kinds of organisation apart.
    "Person": ("Person", "dot", "#4e79a7"),
    "Company": ("Company", "square", "#f28e2b"),
    "GovernmentBody": ("Government body", "square", "#76448a"),
    "LawEnforcement": ("Law enforcement", "square", "#1f3a68"),
    "NGO": ("NGO", "square", "#59a89c"),
    "MediaOutlet": ("Media outlet", "square", "#b07aa1"),
    "Organization": ("Organisation", "square", "#9c755f"),
    "Platform": ("Platform", "hexagon", "#edc948"),
    "Feature": ("Feature", "diamond", "#86bcb6"),
    "Topic": ("Topic", "triangle", "#a0a0a0"),
    "Place": ("Place", "star", "#d37295"),
}
OTHER = "Other"
OTHER_STYLE = ("Other", "dot", "#cccccc")
TYPE_ORDER = {node_type: i for i, node_type in enumerate(TYPE_STYLES)}

TOP_ACTORS = 50
"""A page opens on this many of the most active entities; a control shows more."""

COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                     "#9c755f", "#bab0ac", "#1f77b4", "#8c564b")
"""Community colours, cycled: the largest communities get the most distinct ones."""

DEFAULT_PHYSICS_THRESHOLD = 300
"""Above this many nodes the browser's physics is too slow to settle: positions come from Python."""

STABILISATION_ITERATIONS = 200
"""Bound on the browser's layout work for small graphs, so the page settles in well under a second."""

STATIC_DIR = Path(__file__).parent / "static"
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

Row = Mapping[str, Any]


def edge_stance(n_for: int, n_against: int) -> str:
    """The edge's overall stance (see the module docstring); the page's script applies the same rule."""
    if n_for and n_against:
        return "mixed"
    if n_against:
        return "against"
    if n_for:
        return "for"
    return "neutral"


def statements_to_network(rows: Iterable[Row]) -> nx.DiGraph:
    """Aggregate statement rows into a speaker → target graph, one edge per pair.

    Nodes are keyed by entity IRI and carry ``label``, ``type``, ``said``
    (statements made) and ``received`` (statements about it). Edges carry
    ``weight``, ``n_for``, ``n_against``, ``n_neutral``, ``stance`` and
    ``statements``: dicts with the quote and where it comes from.
    """
    graph = nx.DiGraph()

    def add_entity(node_id: str, label: str, node_type: str | None) -> None:
        if node_id not in graph:
            graph.add_node(node_id, label=label, type=node_type, said=0, received=0)

    for row in rows:
        speaker = row["speaker_id"]
        add_entity(speaker, row["speaker"], row.get("speaker_type"))
        graph.nodes[speaker]["said"] += 1
        statement = {
            "statement": row["statement"],
            "quote": row["content"],
            "cue": row.get("cue"),
            "kind": row.get("kind"),
            "stance": row["stance"],
            "date": row.get("date"),
            "article": row.get("article"),
            "article_title": row.get("article_title"),
            "article_url": row.get("article_url"),
            "confidence": row.get("confidence"),
        }
        targets = {target["id"]: target for target in row.get("targets") or []}
        for target_id, target in targets.items():
            add_entity(target_id, target["label"], target.get("type"))
            graph.nodes[target_id]["received"] += 1
            if not graph.has_edge(speaker, target_id):
                graph.add_edge(speaker, target_id, weight=0, n_for=0, n_against=0, n_neutral=0, statements=[])
            edge = graph.edges[speaker, target_id]
            edge["weight"] += 1
            edge[f"n_{row['stance']}"] += 1
            edge["statements"].append(statement)
    for _, _, edge in graph.edges(data=True):
        edge["stance"] = edge_stance(edge["n_for"], edge["n_against"])
    return graph


def export_network(graph: nx.Graph, path: str | Path, format: Literal["graphml", "gexf"]) -> Path:
    """Write the network for Gephi and friends.

    Both formats store only scalar attributes: the statement lists become JSON
    strings and missing values are left out. GEXF also gets Gephi's own
    colour and size per node, so the file opens looking like the HTML page.
    """
    flat = nx.DiGraph() if graph.is_directed() else nx.Graph()
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **_scalars(attrs))
        if format == "gexf":
            colour = _style(attrs.get("type"))[2]
            red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
            flat.nodes[node]["viz"] = {
                "color": {"r": red, "g": green, "b": blue, "a": 1.0},
                "size": _node_size(_activity(attrs)),
            }
    for source, target, attrs in graph.edges(data=True):
        flat.add_edge(source, target, **_scalars(attrs))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if format == "graphml":
        nx.write_graphml(flat, path)
    elif format == "gexf":
        nx.write_gexf(flat, path)
    else:
        raise ValueError(f"unknown format {format!r}: use 'graphml' or 'gexf'")
    return path


def _scalars(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Attributes as GraphML/GEXF can hold them: lists and dicts as JSON text, no None."""
    return {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
        for key, value in attrs.items()
        if value is not None
    }


def large_graph_layout(graph: nx.Graph, *, seed: int = 7, core_size: int = 150, spacing: float = 30.0) -> dict[Any, tuple[float, float]]:
    """Positions for a graph too big for a force layout, in time linear in its size.

    Force layouts cost O(n²) per iteration (``nx.spring_layout`` on 5,000
    nodes takes many seconds). Statement graphs are hub-and-spoke: a few
    platforms, companies and politicians are talked about by thousands of
    speakers. So only the ``core_size`` best-connected nodes get a spring
    layout, spread over a disc big enough for everyone; every other node is
    then placed, breadth-first, in a sunflower spiral around the already
    placed neighbour that reached it first, which keeps each cluster together
    without overlaps. Components that never reach the core are set on a
    spiral around the disc.
    """
    undirected = nx.Graph()  # a plain copy of the structure: views of a DiGraph are slow to walk
    undirected.add_nodes_from(graph)
    undirected.add_edges_from(graph.edges())
    degree = dict(undirected.degree())
    by_degree = sorted(undirected, key=lambda node: (-degree[node], str(node)))
    radius = spacing * math.sqrt(len(by_degree)) * 1.5
    # The core is the best-connected part of the best-connected node's component: a small component whose
    # nodes tie with the leaves on degree would otherwise join it, wherever the spring layout happens to put it.
    main = nx.node_connected_component(undirected, by_degree[0]) if by_degree else set()
    core = [node for node in by_degree if node in main][:core_size]
    positions: dict[Any, tuple[float, float]] = {
        node: (float(x) * radius, float(y) * radius)
        for node, (x, y) in nx.spring_layout(undirected.subgraph(core), seed=seed).items()
    }
    children: Counter[Any] = Counter()
    phases: dict[Any, float] = {}
    rng = random.Random(seed)

    def place_around(parent: Any, child: Any) -> None:
        k = children[parent]
        children[parent] += 1
        phase = phases.setdefault(parent, rng.uniform(0, 2 * math.pi))
        angle = phase + k * GOLDEN_ANGLE
        px, py = positions[parent]
        distance = spacing * (1.5 + math.sqrt(k))
        positions[child] = (px + distance * math.cos(angle), py + distance * math.sin(angle))

    def spread_from(sources: list[Any]) -> None:
        queue = deque(sources)
        while queue:
            parent = queue.popleft()
            for child in sorted(undirected[parent], key=lambda node: -degree[node]):
                if child not in positions:
                    place_around(parent, child)
                    queue.append(child)

    spread_from(core)
    edge = max((math.hypot(x, y) for x, y in positions.values()), default=0.0)
    outer = 0
    for node in by_degree:
        if node not in positions:
            angle = outer * GOLDEN_ANGLE
            distance = max(edge, radius) + 4 * spacing * (1 + math.sqrt(outer))
            positions[node] = (distance * math.cos(angle), distance * math.sin(angle))
            outer += 1
            spread_from([node])
    return positions


class _NodeIds(list):
    """pyvis's list of node ids, with a set beside it for ``in``: ``add_node`` tests every new id against the
    list (13 s for 40,000 nodes)."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[Any] = set()

    def append(self, node_id: Any) -> None:
        super().append(node_id)
        self._members.add(node_id)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._members


class _Network(Network):
    """pyvis's Network with constant-time look-ups, where pyvis scans lists (quadratic work):

    - ``add_node`` tests each new id against ``node_ids``, kept here as :class:`_NodeIds`;
    - ``add_edge`` checks that both ends exist with ``in self.get_nodes()`` (1.5 s for 18,000 edges), answered
      here by ``node_map``, a dict; and, in an undirected network, compares each new edge with every edge so far
      (13 minutes for the 108,000 ties of the congruence network of 926 PolNeAR articles), answered here by a
      set of the pairs joined.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.node_ids = _NodeIds()
        self._joined: set[frozenset[Any]] = set()

    def get_nodes(self) -> KeysView[Any]:
        return self.node_map.keys()

    def add_edge(self, source: Any, to: Any, **options: Any) -> None:
        """pyvis's ``add_edge``: both ends must exist; an undirected network keeps one edge per pair."""
        for end in (source, to):
            if end not in self.node_map:
                raise ValueError(f"non existent node {end!r}")
        if not self.directed:
            pair = frozenset((source, to))
            if pair in self._joined:
                return
            self._joined.add(pair)
        self.edges.append(Edge(source, to, self.directed, **options).options)


def render_html(
    rows: Iterable[Row],
    path: str | Path,
    *,
    title: str,
    profiles: Mapping[str, Mapping[str, Any]] | None = None,
    physics_threshold: int = DEFAULT_PHYSICS_THRESHOLD,
    top: int = TOP_ACTORS,
) -> Path:
    """Write a self-contained interactive page of the statement network; returns its path.

    Up to ``physics_threshold`` nodes the browser refines a Python spring
    layout with a bounded number of physics iterations, then freezes it;
    above it the positions come from :func:`large_graph_layout` and physics
    stays off, so even 5,000 nodes draw at once. The page opens on the ``top``
    most active entities (statements made and received), with a control to show more.
    """
    rows = list(rows)
    graph = statements_to_network(rows)
    statement_index = {row["statement"]: i for i, row in enumerate(rows)}
    edges = [
        (source, target, {"color": STANCE_COLOURS[attrs["stance"]], "dashes": attrs["stance"] == "mixed",
                          "width": _edge_width(attrs["weight"]), "stance": attrs["stance"],
                          "stmts": [statement_index[s["statement"]] for s in attrs["statements"]]})
        for source, target, attrs in graph.edges(data=True)
    ]
    return _write_page(graph, edges, rows, path, title=title, profiles=profiles, physics_threshold=physics_threshold,
                       top=top, colour_by="type", tie=None)


def render_actor_network(
    graph: nx.Graph,
    rows: Iterable[Row],
    path: str | Path,
    *,
    title: str,
    physics_threshold: int = DEFAULT_PHYSICS_THRESHOLD,
    top: int = TOP_ACTORS,
) -> Path:
    """Write the page of an actor network (policykg.network): ties coloured by kind, each with the targets and
    statements behind it (``rows``, the statement rows, give their text), nodes coloured by community."""
    rows = list(rows)
    statement_index = {row["statement"]: i for i, row in enumerate(rows)}
    kind = graph.graph.get("kind", "congruence")
    for node, attrs in graph.nodes(data=True):
        attrs.setdefault("said", attrs.get("statements", 0))
        attrs.setdefault("received", 0)
    edges = []
    for source, target, attrs in graph.edges(data=True):
        if kind == "actor-target":
            stance = edge_stance(attrs["n_for"], attrs["n_against"])
            summary = " · ".join(f"{attrs['n_' + s]} {s}" for s in ("for", "against", "neutral") if attrs["n_" + s])
        else:
            stance = "for" if kind == "congruence" or (kind == "subtract" and attrs["weight"] > 0) else "against"
            summary = "; ".join(filter(None, [
                attrs.get("agree") and "agree on " + ", ".join(attrs["agree"]),
                attrs.get("disagree") and "disagree on " + ", ".join(attrs["disagree"]),
            ]))
        edges.append((source, target, {
            "color": STANCE_COLOURS[stance], "dashes": stance == "mixed", "width": _edge_width(abs(attrs["weight"])),
            "stance": stance, "weight": attrs["weight"], "summary": f"{kind} {attrs['weight']}: {summary}",
            "stmts": [statement_index[s] for s in attrs["statements"] if s in statement_index],
        }))
    return _write_page(graph, edges, rows, path, title=title, profiles=None, physics_threshold=physics_threshold,
                       top=top, colour_by="community", tie=kind)


def communities(graph: nx.Graph, seed: int = 7) -> dict[Any, int]:
    """Louvain communities (fixed seed), numbered from the largest; ties broken by the smallest node id."""
    undirected = nx.Graph()
    undirected.add_nodes_from(sorted(graph, key=str))
    for source, target, weight in sorted(graph.edges(data="weight", default=1), key=lambda e: (str(e[0]), str(e[1]))):
        if source != target:
            previous = undirected.get_edge_data(source, target, {"weight": 0})["weight"]
            undirected.add_edge(source, target, weight=previous + abs(weight or 1))
    found = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
    ordered = sorted(found, key=lambda c: (-len(c), min(map(str, c))))
    return {node: number for number, members in enumerate(ordered) for node in members}


def _write_page(graph: nx.Graph, edges: list[tuple[Any, Any, dict[str, Any]]], rows: list[Row], path: str | Path, *,
                title: str, profiles: Mapping[str, Mapping[str, Any]] | None, physics_threshold: int, top: int,
                colour_by: str, tie: str | None) -> Path:
    physics = 0 < graph.number_of_nodes() <= physics_threshold  # an empty page has nothing to settle
    if physics:
        scale = 40.0 * math.sqrt(graph.number_of_nodes())
        positions = nx.spring_layout(graph.to_undirected(as_view=True), seed=7, scale=scale)
    else:
        positions = large_graph_layout(graph)
    community = communities(graph)
    ranked = sorted(graph.nodes(data=True), key=lambda item: (-_activity(item[1]), item[1]["label"], str(item[0])))
    rank = {node: i for i, (node, _) in enumerate(ranked)}

    net = _Network(directed=graph.is_directed(), cdn_resources="in_line", heading=title)
    for node, attrs in graph.nodes(data=True):
        x, y = positions[node]
        group = _group(attrs["type"])
        net.add_node(
            node,
            label=attrs["label"],
            shape=_style(group)[1],  # pyvis always sets one, so it can't come from the group
            group=group if colour_by == "type" else _community_group(community[node]),
            etype=group,  # the colour comes once per type (or community) from the options' groups
            community=community[node],
            rank=rank[node],
            size=_node_size(_activity(attrs)),
            x=round(float(x), 1),
            y=round(float(y), 1),
            said=attrs["said"],
            received=attrs["received"],
        )
    for number, (source, target, attrs) in enumerate(edges):
        net.add_edge(source, target, id=f"e{number}", **attrs)
    present = Counter(_group(attrs["type"]) for _, attrs in graph.nodes(data=True))
    groups = {group: {"color": _style(group)[2]} for group in present}
    groups |= {_community_group(c): {"color": COMMUNITY_COLOURS[c % len(COMMUNITY_COLOURS)]}
               for c in sorted(set(community.values()))}
    # A dict, which get_network_data() accepts: set_options() would strip the spaces inside strings.
    net.options = _vis_options(physics, groups, directed=graph.is_directed())
    nodes, page_edges, heading, _, _, options = net.get_network_data()

    articles = _articles(rows)
    payload = {
        "nodes": nodes,
        "edges": page_edges,
        "options": json.loads(options),
        "physics": physics,
        "top": top,
        "colourBy": colour_by,
        "tie": tie,
        "statements": [_page_statement(row) for row in rows],
        "articles": articles,
        "profiles": {node: dict(profiles[node]) for node in graph if profiles and node in profiles},
        "stanceColours": STANCE_COLOURS,
        "typeLabels": {group: _style(group)[0] for group in present},
    }
    spans = [span for row in rows if (span := date_span(row.get("date")))]
    html = _template().render(
        title=heading,
        legend_types=[
            (group, *_style(group), count)
            for group, count in sorted(present.items(), key=lambda item: TYPE_ORDER.get(item[0], len(TYPE_ORDER)))
        ],
        stance_colours=STANCE_COLOURS,
        tie=tie,
        top=min(top, graph.number_of_nodes()),
        colour_by=colour_by,
        articles=sorted(articles.items(), key=lambda item: (item[1]["date"] or "", item[0])),
        date_min=min((span[0] for span in spans), default=""),
        date_max=max((span[1] for span in spans), default=""),
        counts={"nodes": graph.number_of_nodes(), "edges": len(edges), "statements": len(rows)},
        data_json=_script_json(payload),
        **_assets(),
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def _community_group(number: int) -> str:
    return f"community-{number}"


def _activity(attrs: Mapping[str, Any]) -> int:
    """How much a node takes part: statements made and received (actor networks: events as speaker)."""
    return attrs.get("said", attrs.get("statements", 0)) + attrs.get("received", 0)
def _group(node_type: str | None) -> str:
    """The legend entry and vis group of a type: missing and unknown types share one."""
    return node_type if node_type is not None and node_type in TYPE_STYLES else OTHER


def _style(node_type: str | None) -> tuple[str, str, str]:
    """(legend label, vis shape, colour) of a type."""
    return TYPE_STYLES.get(_group(node_type), OTHER_STYLE)


def _node_size(statements: int) -> float:
    """Grows with the log of statements made + received: hubs stand out without swallowing the page."""
    return round(min(10 + 5 * math.log2(1 + statements), 60), 1)


def _edge_width(statements: int) -> float:
    """1 px for one statement, +2 px per doubling; network.js uses the same formula when filtering."""
    return round(min(1 + 2 * math.log2(max(statements, 1)), 12), 1)


@lru_cache(maxsize=4096)
def date_span(value: str | None) -> tuple[str, str] | None:
    """First and last day covered by ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, for the date-range filter (cached:
    a corpus's statements share a few thousand dates)."""
    if not value:
        return None
    try:
        parts = [int(part) for part in value[:10].split("-")]
        if len(parts) == 1:
            first, last = date(parts[0], 1, 1), date(parts[0], 12, 31)
        elif len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            last = date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        else:
            first = last = date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    return first.isoformat(), last.isoformat()


def _page_statement(row: Row) -> dict[str, Any]:
    span = date_span(row.get("date"))
    return {
        "speaker": row["speaker_id"],
        "targets": [target["id"] for target in row.get("targets") or []],
        "stance": row["stance"],
        "quote": row["content"],
        "cue": row.get("cue"),
        "kind": row.get("kind"),
        "date": row.get("date"),
        "from": span[0] if span else None,
        "to": span[1] if span else None,
        "article": row.get("article"),
    }


def _articles(rows: list[Row]) -> dict[str, dict[str, Any]]:
    """Each article once, keyed by its file name, so statements don't repeat titles and links."""
    articles: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row.get("article") and row["article"] not in articles:
            articles[row["article"]] = {
                "id": row.get("article_id"),
                "title": row.get("article_title"),
                "url": row.get("article_url"),
                "date": row.get("date"),
            }
    return articles


def _vis_options(physics: bool, groups: dict[str, Any], *, directed: bool = True) -> dict[str, Any]:
    """vis-network options: bounded physics for small graphs, none (and cheaper drawing) for large ones."""
    large = not physics
    solver: dict[str, Any] = {"enabled": False}
    if physics:
        solver = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "springConstant": 0.03, "damping": 0.4, "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": STABILISATION_ITERATIONS, "updateInterval": 25, "fit": True},
        }
    return {
        "physics": solver,
        "layout": {"improvedLayout": False},
        "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1},
        "groups": groups,
        "edges": {
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.6}},
            "smooth": False if large else {"enabled": True, "type": "dynamic"},
            "selectionWidth": 2,
        },
        "interaction": {"hover": not large, "tooltipDelay": 150, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large, "navigationButtons": False},
    }


def _script_json(payload: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``<`` can close the element early."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@cache
def _assets() -> dict[str, Markup]:
    """The CSS and JavaScript inlined into every page, read once."""
    assets = {
        "vis_css": (VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        "vis_js": (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        "page_css": (STATIC_DIR / "network.css").read_text(encoding="utf-8"),
        "page_js": (STATIC_DIR / "network.js").read_text(encoding="utf-8"),
    }
    for name, text in assets.items():
        if "</script" in text.lower() or "</style" in text.lower():
            raise ValueError(f"{name} would close its inline element early")
    return {name: Markup(text) for name, text in assets.items()}


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(STATIC_DIR), autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.get_template("network.html")
