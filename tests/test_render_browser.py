"""The HTML page in a real headless Chromium: offline, drawn, clickable, filterable, and safe.

Needs Chromium (Debian package ``chromium``) and Python ``playwright``; see the
``chromium_browser`` fixture in conftest.py for when these tests skip or fail.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from policykg.render import render_html

pytestmark = pytest.mark.browser

E = "https://policykg.org/id/entity/"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
TOM_META = (E + "tom-tugendhat", E + "meta")


@dataclass
class Loaded:
    """A page opened from disk, with everything it asked for and complained about."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def complain(self, kind: str, text: str) -> None:
        if kind in ("error", "warning"):
            self.errors.append(f"{kind}: {text}")

    def edge_id(self, source: str, target: str) -> str:
        return self.page.evaluate(
            "([from, to]) => network.body.data.edges.get({filter: e => e.from === from && e.to === to})[0].id",
            [source, target],
        )

    def edge_point(self, source: str, target: str) -> dict[str, float]:
        """The middle of the drawn edge, in page pixels: a point on the curve itself, since smooth edges bend."""
        return self.page.evaluate(
            """(id) => {
                const box = network.body.container.getBoundingClientRect();
                const p = network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5));
                return {x: box.left + p.x, y: box.top + p.y};
            }""",
            self.edge_id(source, target),
        )

    def node_point(self, node: str) -> dict[str, float]:
        return self.page.evaluate(
            """(id) => {
                const box = network.body.container.getBoundingClientRect();
                const p = network.canvasToDOM(network.getPositions([id])[id]);
                return {x: box.left + p.x, y: box.top + p.y};
            }""",
            node,
        )

    def edges(self) -> dict[tuple[str, str], dict[str, Any]]:
        return {(e["from"], e["to"]): e for e in self.page.evaluate("network.body.data.edges.get()")}

    def nodes(self) -> dict[str, dict[str, Any]]:
        return {n["id"]: n for n in self.page.evaluate("network.body.data.nodes.get()")}


@pytest.fixture
def open_page(chromium_browser: Any, tmp_path: Path) -> Iterator[Any]:
    """Render rows to a file and open it; any request that would leave the file is recorded and refused."""
    contexts = []

    def open_(rows: list[dict[str, Any]], **options: Any) -> Loaded:
        path = render_html(rows, tmp_path / f"page{len(contexts)}.html", **{"title": "Encryption debate"} | options)
        context = chromium_browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        loaded = Loaded(context.new_page(), path.as_uri())
        context.route("**/*", lambda route: route.continue_() if route.request.url == loaded.url else route.abort())
        loaded.page.on("request", lambda request: loaded.requests.append(request.url))
        loaded.page.on("console", lambda message: loaded.complain(message.type, message.text))
        loaded.page.on("pageerror", lambda error: loaded.errors.append(str(error)))
        loaded.page.goto(loaded.url)
        loaded.page.wait_for_function("window.__settled === true && window.__firstDrawMs > 0", timeout=15_000)
        return loaded

    yield open_
    for context in contexts:
        context.close()


def test_page_draws_every_node_and_edge_offline(open_page: Any, render_rows: list[dict[str, Any]]) -> None:
    loaded = open_page(render_rows)

    assert loaded.requests == [loaded.url]
    assert loaded.errors == []
    nodes = loaded.nodes()
    assert {nodes[id]["label"] for id in nodes} == {
        "Tom Tugendhat", "Meta", "end-to-end encryption", "AWS spokesperson", "Amazon", "Ofcom", "Online Safety Bill", "WhatsApp"}
    drawn = loaded.page.evaluate("(id) => network.body.nodes[id].options", E + "meta")  # after groups and defaults
    assert (drawn["shape"], drawn["color"]["background"]) == ("square", "#f28e2b")
    edges = loaded.edges()
    assert edges[TOM_META]["color"] == "#d62728"
    assert edges[E + "aws-spokesperson", E + "amazon"]["color"] == "#2ca02c"
    assert edges[E + "ofcom", E + "online-safety-bill"]["color"] == "#9e9e9e"
    assert edges[E + "whatsapp", E + "online-safety-bill"]["dashes"] is True
    assert len(edges) == 5
    # Every node is inside the visible canvas, not drawn off screen.
    size = loaded.page.evaluate("network.body.container.getBoundingClientRect().toJSON()")
    for node in nodes:
        point = loaded.node_point(node)
        assert size["left"] < point["x"] < size["right"] and size["top"] < point["y"] < size["bottom"], node
    ARTIFACTS.mkdir(exist_ok=True)
    loaded.page.screenshot(path=ARTIFACTS / "render-small.png")


def test_clicking_an_edge_shows_its_statements_as_text(open_page: Any, render_rows: list[dict[str, Any]]) -> None:
    loaded = open_page(render_rows)

    point = loaded.edge_point(*TOM_META)
    loaded.page.mouse.click(point["x"], point["y"])

    details = loaded.page.locator("#details")
    details.get_by_text("Meta's plans would blindfold the police").wait_for(timeout=5_000)
    text = details.inner_text()
    assert "Tom Tugendhat → Meta" in text
    assert "<script>window.__xss = 1</script>" in text  # shown, not run
    assert "<img src=x onerror" in text
    assert "— Tom Tugendhat, said · 2023-04-20" in text
    link = details.get_by_role("link", name="Security minister warns Meta over encryption").first
    assert link.get_attribute("href") == "https://www.bbc.co.uk/news/technology-65440018"
    assert loaded.page.locator("#details script, #details img").count() == 0
    assert loaded.page.evaluate("window.__xss") is None
    assert loaded.page.evaluate("network.getSelectedEdges()") == [loaded.edge_id(*TOM_META)]
    ARTIFACTS.mkdir(exist_ok=True)
    loaded.page.screenshot(path=ARTIFACTS / "render-edge-clicked.png")
    assert loaded.errors == []
    assert loaded.requests == [loaded.url]  # the article link is a link, not a load


def test_hovering_an_edge_shows_a_plain_text_summary(open_page: Any, render_rows: list[dict[str, Any]]) -> None:
    loaded = open_page(render_rows)
    point = loaded.edge_point(*TOM_META)

    loaded.page.mouse.move(point["x"] - 3, point["y"] - 3)
    loaded.page.mouse.move(point["x"], point["y"])
    tooltip = loaded.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)

    assert "Tom Tugendhat → Meta: 2 against" in tooltip.inner_text()
    assert "<script>window.__xss = 1</script>" in tooltip.inner_text()
    assert tooltip.locator("script, img").count() == 0
    assert loaded.page.evaluate("window.__xss") is None


def test_clicking_a_node_shows_its_profile(open_page: Any, render_rows: list[dict[str, Any]], render_profiles: dict[str, Any]) -> None:
    render_profiles[E + "tom-tugendhat"]["roles"] = ["Security Minister <b>x</b>"]
    loaded = open_page(render_rows, profiles=render_profiles)

    point = loaded.node_point(E + "tom-tugendhat")
    loaded.page.mouse.click(point["x"], point["y"])

    details = loaded.page.locator("#details")
    details.get_by_text("Security Minister <b>x</b>").wait_for(timeout=5_000)
    text = details.inner_text()
    assert "Home Office" in text
    assert "Thomas Tugendhat" in text
    assert "2 made" in text
    # The profile names the article by IRI; the page shows its title, linked.
    assert details.locator(".profile").get_by_role("link", name="Security minister warns Meta over encryption").count() == 1
    assert "Says" in text and "End-to-end encryption will let abusers hide" in text


def test_filters_narrow_the_graph(open_page: Any, render_rows: list[dict[str, Any]]) -> None:
    loaded = open_page(render_rows)
    page = loaded.page
    whatsapp_bill = (E + "whatsapp", E + "online-safety-bill")

    page.locator(".filter-stance[value=against]").uncheck()
    edges = loaded.edges()
    assert edges[TOM_META].get("hidden", False) is True
    assert edges[whatsapp_bill].get("hidden", False) is False
    assert edges[whatsapp_bill]["color"] == "#2ca02c"  # only its "for" statement is left
    assert loaded.nodes()[E + "tom-tugendhat"].get("hidden", False) is True

    page.locator("#filter-reset").click()
    page.locator("#filter-article").select_option("007_aws_privacy.txt")
    visible = {id for id, node in loaded.nodes().items() if not node.get("hidden")}
    assert visible == {E + "aws-spokesperson", E + "amazon"}

    page.locator("#filter-reset").click()
    page.locator("#filter-from").fill("2023-04-01")
    page.locator("#filter-to").fill("2023-05-31")
    visible_edges = {pair for pair, edge in loaded.edges().items() if not edge.get("hidden")}
    assert visible_edges == {TOM_META, (E + "tom-tugendhat", E + "end-to-end-encryption")}
    assert "2 of 6 statements" in page.locator("#shown").inner_text()

    page.locator("#filter-reset").click()
    page.locator(".filter-type[value=Company]").uncheck()
    assert loaded.nodes()[E + "meta"].get("hidden", False) is True
    assert loaded.edges()[TOM_META].get("hidden", False) is True
    assert loaded.edges()[(E + "tom-tugendhat", E + "end-to-end-encryption")].get("hidden", False) is False
    assert loaded.errors == []


def test_search_selects_and_focuses_an_actor(open_page: Any, render_rows: list[dict[str, Any]], render_profiles: dict[str, Any]) -> None:
    loaded = open_page(render_rows, profiles=render_profiles)
    page = loaded.page

    page.locator("#search").fill("facebook")  # an alias from the profile
    assert page.locator("#search-result").inner_text() == "1 match"
    assert page.evaluate("network.getSelectedNodes()") == [E + "meta"]

    page.locator("#search").fill("tugendhat")
    page.locator("#search").press("Enter")
    assert page.locator("#details h2").inner_text() == "Tom Tugendhat"
    assert page.evaluate("network.getSelectedNodes()") == [E + "tom-tugendhat"]


def test_a_large_graph_draws_at_once_without_physics(open_page: Any) -> None:
    rows = [
        {
            "statement": f"s{i}", "article": f"{i % 40:03d}.txt", "article_title": f"Article {i % 40}", "article_url": None,
            "date": f"2023-{i % 12 + 1:02d}", "speaker": f"Speaker {i}", "speaker_id": f"{E}speaker-{i}", "speaker_type": "Person",
            "cue": "said", "kind": "direct", "content": f"Statement {i}", "targets": [{"label": f"Hub {i % 25}", "id": f"{E}hub-{i % 25}", "type": "Company"}],
            "stance": ("for", "against", "neutral")[i % 3],
        }
        for i in range(600)
    ]
    loaded = open_page(rows, physics_threshold=300)

    assert loaded.page.evaluate("network.physics.options.enabled") is False
    assert len(loaded.nodes()) == 625
    assert loaded.errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    loaded.page.screenshot(path=ARTIFACTS / "render-large.png")


def test_a_large_page_opens_on_the_most_active_actors_and_shows_more_on_demand(open_page: Any) -> None:
    rows = [
        {
            "statement": f"s{i}", "article": "a.txt", "speaker": f"Speaker {i}", "speaker_id": f"{E}speaker-{i}",
            "speaker_type": "Person", "content": f"Statement {i}", "stance": ("for", "against")[i % 2],
            "targets": [{"label": f"Hub {i % 5}", "id": f"{E}hub-{i % 5}", "type": "Company"}],
        }
        for i in range(200)
    ]
    loaded = open_page(rows, physics_threshold=50)

    def shown() -> set[str]:
        return {id for id, node in loaded.nodes().items() if not node.get("hidden")}

    assert len(shown()) == 50 and {E + f"hub-{k}" for k in range(5)} <= shown()  # the hubs are the most active
    loaded.page.locator("#show-more").click()
    assert len(shown()) == 100
    loaded.page.locator("#show-all").click()
    assert len(shown()) == 205
    loaded.page.select_option("#colour-by", "community")
    groups = {node["group"] for node in loaded.nodes().values()}
    assert groups and all(group.startswith("community-") for group in groups)
    assert loaded.errors == []


def test_an_actor_network_page_shows_the_actors_and_what_ties_them(chromium_browser: Any, tmp_path: Path) -> None:
    from policykg.network import events, network
    from policykg.render import render_actor_network

    rows = [
        {"statement": f"s{i}", "speaker_id": E + speaker.lower(), "speaker": speaker, "speaker_type": "Person",
         "targets": [{"id": E + "scanning", "label": "Scanning", "type": "Feature"}], "stance": stance,
         "article": f"{i}.txt", "date": "2024-01-01", "kind": "direct", "content": f"{speaker} on scanning"}
        for i, (speaker, stance) in enumerate([("Alice", "against"), ("Bob", "against"), ("Carol", "for")])
    ]
    path = render_actor_network(network("congruence", events(rows)), rows, tmp_path / "c.html", title="Congruence")
    page = chromium_browser.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("window.__settled === true && window.__firstDrawMs > 0", timeout=15_000)
    labels = page.evaluate("network.body.data.nodes.get().map(n => n.label)")
    assert sorted(labels) == ["Alice", "Bob", "Carol"]
    [tie] = page.evaluate("network.body.data.edges.get()")
    assert "agree on Scanning" in tie["title"] and "Alice: “Alice on scanning”" in tie["title"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "network-congruence.png")
    page.close()
