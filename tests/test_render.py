"""Statement rows → network → GraphML/GEXF and the offline HTML page (no browser needed here)."""
from __future__ import annotations

import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from policykg.render import (
    STABILISATION_ITERATIONS,
    date_span,
    edge_stance,
    export_network,
    large_graph_layout,
    render_html,
    statements_to_network,
)

E = "https://policykg.org/id/entity/"


def page_data(html: str) -> dict[str, Any]:
    """The JSON the page script reads, as the browser would parse it."""
    match = re.search(r'<script type="application/json" id="policykg-data">(.*?)</script>', html, re.S)
    assert match, "the page has no data block"
    return json.loads(match.group(1))


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer sees them (script text is not markup)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_network_has_one_edge_per_pair_with_stance_counts(render_rows: list[dict[str, Any]]) -> None:
    graph = statements_to_network(render_rows)

    assert set(graph) == {E + key for key in (
        "tom-tugendhat", "meta", "end-to-end-encryption", "aws-spokesperson", "amazon", "ofcom", "online-safety-bill", "whatsapp")}
    tom = graph.nodes[E + "tom-tugendhat"]
    assert (tom["label"], tom["type"], tom["said"], tom["received"]) == ("Tom Tugendhat", "Person", 2, 0)
    assert graph.nodes[E + "meta"]["received"] == 2
    assert graph.nodes[E + "online-safety-bill"]["received"] == 3

    against = graph.edges[E + "tom-tugendhat", E + "meta"]
    assert (against["weight"], against["n_against"], against["n_for"], against["stance"]) == (2, 2, 0, "against")
    assert [s["quote"][:10] for s in against["statements"]] == ["Meta's pla", "End-to-end"]
    first = against["statements"][0]
    assert first["cue"] == "said"
    assert first["date"] == "2023-04-20"
    assert first["article_title"] == "Security minister warns Meta over encryption"
    assert first["article_url"] == "https://www.bbc.co.uk/news/technology-65440018"

    assert graph.edges[E + "aws-spokesperson", E + "amazon"]["stance"] == "for"
    assert graph.edges[E + "ofcom", E + "online-safety-bill"]["stance"] == "neutral"
    mixed = graph.edges[E + "whatsapp", E + "online-safety-bill"]
    assert (mixed["weight"], mixed["n_for"], mixed["n_against"], mixed["stance"]) == (2, 1, 1, "mixed")
    assert graph.number_of_edges() == 5


@pytest.mark.parametrize(
    ("n_for", "n_against", "expected"),
    [(0, 0, "neutral"), (3, 0, "for"), (0, 1, "against"), (2, 1, "mixed"), (1, 5, "mixed")],
)
def test_edge_stance_rule(n_for: int, n_against: int, expected: str) -> None:
    assert edge_stance(n_for, n_against) == expected


def test_a_statement_without_target_counts_for_its_speaker_only() -> None:
    row = {
        "statement": "s1", "article": "a.txt", "speaker": "Ofcom", "speaker_id": E + "ofcom", "speaker_type": "GovernmentBody",
        "content": "We are ready.", "stance": "neutral", "targets": [],
    }
    graph = statements_to_network([row])
    assert list(graph.nodes(data="said")) == [(E + "ofcom", 1)]
    assert graph.number_of_edges() == 0


@pytest.mark.parametrize(
    ("reader", "fmt"),
    [(nx.read_graphml, "graphml"), (nx.read_gexf, "gexf")],
)
def test_export_reads_back_with_networkx(render_rows: list[dict[str, Any]], tmp_path: Path, reader: Any, fmt: Any) -> None:
    graph = statements_to_network(render_rows)
    path = export_network(graph, tmp_path / f"net.{fmt}", fmt)

    back = reader(path)
    assert set(back) == set(graph)
    assert back.nodes[E + "tom-tugendhat"]["label"] == "Tom Tugendhat"
    assert back.nodes[E + "tom-tugendhat"]["type"] == "Person"
    assert int(back.nodes[E + "meta"]["received"]) == 2
    edge = back.edges[E + "tom-tugendhat", E + "meta"]
    assert float(edge["weight"]) == 2
    assert edge["stance"] == "against"
    statements = json.loads(edge["statements"])
    assert statements == graph.edges[E + "tom-tugendhat", E + "meta"]["statements"]
    assert "<script>" in statements[0]["quote"]  # kept verbatim: escaping is the viewer's job


def test_gexf_carries_gephi_colours(render_rows: list[dict[str, Any]], tmp_path: Path) -> None:
    path = export_network(statements_to_network(render_rows), tmp_path / "net.gexf", "gexf")
    back = nx.read_gexf(path)
    assert back.nodes[E + "tom-tugendhat"]["viz"]["color"] == {"r": 0x4E, "g": 0x79, "b": 0xA7, "a": 1.0}


def test_export_refuses_an_unknown_format(render_rows: list[dict[str, Any]], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        export_network(statements_to_network(render_rows), tmp_path / "net.csv", "csv")  # type: ignore[arg-type]


def test_page_loads_nothing_from_outside(render_rows: list[dict[str, Any]], tmp_path: Path) -> None:
    html = render_html(render_rows, tmp_path / "page.html", title="Encryption").read_text(encoding="utf-8")

    tags = Tags(html).tags
    loaded = [attrs.get(name) for tag, attrs in tags for name in ("src", "href", "data", "srcset", "poster") if name in attrs]
    assert loaded == ["data:,"]  # the empty favicon, so the browser doesn't ask for one
    assert [tag for tag, _ in tags if tag in ("script", "link", "style")] == ["link", "style", "style", "script", "script", "script"]
    assert not re.search(r"url\(\s*[\"']?(?:https?:)?//", html, re.I)
    assert not re.search(r"@import", html, re.I)
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html.lower()
    # Article links exist only as data, shown as anchors once clicked, never loaded.
    assert "https://www.bbc.co.uk/news/technology-65440018" in page_data(html)["articles"]["004_tugendhat_meta.txt"]["url"]


def test_page_escapes_every_user_text(render_rows: list[dict[str, Any]], render_profiles: dict[str, Any], tmp_path: Path) -> None:
    render_rows[0]["speaker"] = render_rows[1]["speaker"] = "Tom </script><script>window.__xss = 3</script>"
    render_rows[2]["article_title"] = "Amazon </script><b>bold</b>"
    html = render_html(render_rows, tmp_path / "page.html", title="Who said <i>what</i> & why", profiles=render_profiles).read_text(encoding="utf-8")

    assert "<title>Who said &lt;i&gt;what&lt;/i&gt; &amp; why</title>" in html
    assert "<i>what</i>" not in html
    assert ">Amazon &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; (2023-06)</option>" in html
    assert [tag for tag, _ in Tags(html).tags if tag == "script"] == ["script"] * 3  # data, vis-network, page: nothing smuggled in
    data_block = re.search(r'id="policykg-data">(.*?)</script>', html, re.S).group(1)  # type: ignore[union-attr]
    assert "<" not in data_block
    assert "window.__xss" not in html.replace(data_block, "")  # the quotes live only in the JSON data
    data = page_data(html)
    assert data["statements"][0]["quote"].endswith("<script>window.__xss = 1</script>")
    assert {node["label"] for node in data["nodes"]} >= {"Tom </script><script>window.__xss = 3</script>"}


def test_page_data_describes_nodes_edges_and_profiles(render_rows: list[dict[str, Any]], render_profiles: dict[str, Any], tmp_path: Path) -> None:
    data = page_data(render_html(render_rows, tmp_path / "page.html", title="t", profiles=render_profiles).read_text(encoding="utf-8"))

    nodes = {node["id"]: node for node in data["nodes"]}
    assert [nodes[E + key]["shape"] for key in ("tom-tugendhat", "meta", "whatsapp", "online-safety-bill")] == ["dot", "square", "hexagon", "triangle"]
    assert data["options"]["groups"][nodes[E + "meta"]["group"]] == {"color": "#f28e2b"}
    assert nodes[E + "online-safety-bill"]["size"] > nodes[E + "ofcom"]["size"]  # talked about 3 times vs saying once
    edges = {(edge["from"], edge["to"]): edge for edge in data["edges"]}
    assert edges[E + "tom-tugendhat", E + "meta"]["color"] == "#d62728"
    assert edges[E + "aws-spokesperson", E + "amazon"]["color"] == "#2ca02c"
    assert edges[E + "ofcom", E + "online-safety-bill"]["color"] == "#9e9e9e"
    mixed = edges[E + "whatsapp", E + "online-safety-bill"]
    assert mixed["dashes"] is True and mixed["stance"] == "mixed"
    assert edges[E + "tom-tugendhat", E + "meta"]["width"] > edges[E + "aws-spokesperson", E + "amazon"]["width"]
    assert [data["statements"][i]["quote"][:4] for i in edges[E + "tom-tugendhat", E + "meta"]["stmts"]] == ["Meta", "End-"]
    assert set(data["profiles"]) == set(render_profiles)
    assert data["statements"][2]["from"] == "2023-06-01" and data["statements"][2]["to"] == "2023-06-30"


def test_missing_and_unknown_types_share_the_other_style(render_rows: list[dict[str, Any]], tmp_path: Path) -> None:
    render_rows[3]["speaker_type"] = None  # the export leaves the type out when the store has none
    render_rows[3]["targets"][0]["type"] = "TradeUnion"
    html = render_html(render_rows, tmp_path / "page.html", title="t").read_text(encoding="utf-8")

    nodes = {node["id"]: node for node in page_data(html)["nodes"]}
    assert nodes[E + "ofcom"]["group"] == nodes[E + "online-safety-bill"]["group"] == "Other"
    assert '<input type="checkbox" class="filter-type" value="Other" checked>' in html
    assert statements_to_network(render_rows).nodes[E + "ofcom"]["type"] is None


def test_small_graph_uses_bounded_physics_large_one_precomputed_positions(render_rows: list[dict[str, Any]], tmp_path: Path) -> None:
    small = page_data(render_html(render_rows, tmp_path / "small.html", title="t").read_text(encoding="utf-8"))
    assert small["physics"] is True
    assert small["options"]["physics"]["stabilization"]["iterations"] == STABILISATION_ITERATIONS

    large = page_data(render_html(render_rows, tmp_path / "large.html", title="t", physics_threshold=3).read_text(encoding="utf-8"))
    assert large["physics"] is False
    assert large["options"]["physics"]["enabled"] is False
    assert large["options"]["edges"]["smooth"] is False
    assert len({(node["x"], node["y"]) for node in large["nodes"]}) == len(large["nodes"])


def test_no_statements_give_an_empty_but_working_page(tmp_path: Path) -> None:
    data = page_data(render_html([], tmp_path / "empty.html", title="Nothing yet").read_text(encoding="utf-8"))
    assert (data["nodes"], data["edges"], data["physics"]) == ([], [], False)


def test_large_graph_layout_places_everyone_apart() -> None:
    graph = nx.DiGraph()
    for hub in range(20):
        for leaf in range(100):
            graph.add_edge(f"speaker-{hub}-{leaf}", f"hub-{hub}")
        graph.add_edge(f"hub-{hub}", f"hub-{(hub + 1) % 20}")
    graph.add_edge("lonely-a", "lonely-b")  # components that never reach the core, one as well connected as
    for leaf in range(5):                     # leaves are (and first by name), one better
        graph.add_edge(f"lonely-leaf-{leaf}", "lonely-star")

    positions = large_graph_layout(graph, core_size=30)

    assert set(positions) == set(graph)
    points = list(positions.values())
    assert len(set(points)) == len(points)
    hub = positions["hub-3"]
    leaf = positions["speaker-3-7"]
    other_hub = positions["hub-13"]
    assert math.dist(leaf, hub) < math.dist(leaf, other_hub)  # speakers gather around what they talk about
    placed_radius = max(math.hypot(*point) for node, point in positions.items() if not node.startswith("lonely"))
    assert min(math.hypot(*point) for node, point in positions.items() if node.startswith("lonely")) > placed_radius


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2023", ("2023-01-01", "2023-12-31")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023-05-02", ("2023-05-02", "2023-05-02")),
        ("2023-05-02T10:00:00Z", ("2023-05-02", "2023-05-02")),
        ("2023-13", None),
        ("soon", None),
        (None, None),
    ],
)
def test_date_span_for_the_range_filter(value: str | None, span: tuple[str, str] | None) -> None:
    assert date_span(value) == span


def test_page_network_keeps_pyvis_rules_without_scanning_lists():
    """The page's network answers pyvis's checks from a dict and sets (pyvis scans lists: quadratic), with the
    same outcome: an undirected network keeps one edge per pair, a directed one each direction, and an edge to
    an unknown node is refused."""
    from policykg.render import _Network

    for directed, expected in ((False, [("a", "b")]), (True, [("a", "b"), ("b", "a")])):
        net = _Network(directed=directed)
        for node in ("a", "b", "a"):
            net.add_node(node, label=node)
        net.add_edge("a", "b")
        net.add_edge("b", "a")
        assert net.node_ids == ["a", "b"]
        assert [(edge["from"], edge["to"]) for edge in net.edges] == expected
        with pytest.raises(ValueError, match="non existent node 'c'"):
            net.add_edge("a", "c")
