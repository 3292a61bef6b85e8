"""How fast a 5,000-node statement graph is written to HTML and first drawn by Chromium.

Run by hand (not part of the tests):

    .venv/bin/python benchmarks/render_bench.py [--nodes 5000] [--out out/bench.html]

Targets: writing the HTML < 3 s; Chromium's first draw < 2 s after navigation
starts (the page records ``window.__firstDrawMs`` on vis-network's first
``afterDrawing`` event). Exits 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from policykg.render import render_html, statements_to_network

WRITE_TARGET_S = 3.0
DRAW_TARGET_MS = 2000.0
CHROMIUM = os.environ.get("POLICYKG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ENTITY = "https://policykg.org/id/entity/"
HUB_TYPES = ["Company", "Platform", "Feature", "Topic", "GovernmentBody", "Place"]
SPEAKER_TYPES = ["Person"] * 6 + ["Company", "NGO", "MediaOutlet", "GovernmentBody", "LawEnforcement", "Organization"]
STANCES = ["against", "for", "neutral"]


def synthetic_rows(nodes: int, seed: int = 1) -> list[dict[str, Any]]:
    """Statement rows shaped like the real thing: a few hubs everybody talks about, a long tail of speakers.

    4 % of the nodes are hubs picked with Zipf-like popularity; every speaker
    makes one to four statements about one or two hubs, and one statement in
    ten also names another speaker, which links the clusters.
    """
    rng = random.Random(seed)
    hubs = [
        {"label": f"Hub {i}", "id": f"{ENTITY}hub-{i}", "type": HUB_TYPES[i % len(HUB_TYPES)]}
        for i in range(max(nodes // 25, 1))
    ]
    popularity = [1 / (rank + 1) for rank in range(len(hubs))]
    speakers = [
        {"label": f"Speaker {i}", "id": f"{ENTITY}speaker-{i}", "type": SPEAKER_TYPES[i % len(SPEAKER_TYPES)]}
        for i in range(nodes - len(hubs))
    ]
    rows = []
    for speaker in speakers:
        for _ in range(rng.randint(1, 4)):
            targets = rng.choices(hubs, weights=popularity, k=rng.randint(1, 2))
            if rng.random() < 0.1:
                targets.append(rng.choice(speakers))
            article = rng.randrange(400)
            number = len(rows)
            rows.append({
                "statement": f"https://policykg.org/id/statement/{number}",
                "article": f"{article:03d}_article.txt",
                "article_id": f"https://policykg.org/id/article/{article:03d}",
                "article_title": f"Article {article} on the encryption debate",
                "article_url": f"https://news.example.org/{article}",
                "date": f"{2021 + article % 3}-{article % 12 + 1:02d}-{article % 28 + 1:02d}",
                "speaker": speaker["label"],
                "speaker_id": speaker["id"],
                "speaker_type": speaker["type"],
                "cue": rng.choice(["said", "warned", "argued", "told reporters"]),
                "kind": rng.choice(["direct", "indirect"]),
                "content": f"Statement {number}: " + " ".join(rng.choice(["encryption", "privacy", "safety", "children", "police", "platforms", "law"]) for _ in range(20)),
                "start": 0,
                "end": 150,
                "targets": list({target["id"]: target for target in targets}.values()),
                "stance": rng.choice(STANCES),
                "sentence": "",
                "confidence": round(rng.random(), 2),
                "method": "synthetic",
            })
    return rows


def time_writing(rows: list[dict[str, Any]], path: Path, runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        render_html(rows, path, title="Synthetic 5,000-node benchmark")
        seconds.append(time.perf_counter() - start)
    return seconds


def time_first_draw(path: Path, runs: int) -> tuple[list[float], float]:
    """First-draw times of fresh pages, and how long re-filtering the whole graph takes once drawn."""
    from playwright.sync_api import sync_playwright

    draws = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(path.resolve().as_uri())
            page.wait_for_function("window.__firstDrawMs > 0", timeout=60_000)
            if errors:
                raise RuntimeError(f"page errors: {errors}")
            draws.append(page.evaluate("window.__firstDrawMs"))
            filter_ms = page.evaluate(
                """() => { const box = document.querySelector('.filter-stance[value=against]');
                           const start = performance.now();
                           box.click();
                           return performance.now() - start; }""")
            page.close()
        browser.close()
    return draws, filter_ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("out/render-bench.html"))
    args = parser.parse_args()

    # Other work on the machine skews every figure: say how busy it was.
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    rows = synthetic_rows(args.nodes)
    start = time.perf_counter()
    graph = statements_to_network(rows)
    network_s = time.perf_counter() - start
    print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, {len(rows)} statements "
          f"(aggregated in {network_s:.2f} s)")

    writes = time_writing(rows, args.out, args.runs)
    size_mb = args.out.stat().st_size / 1e6
    write_s = statistics.median(writes)
    print(f"write HTML: median {write_s:.2f} s over {args.runs} runs (all: {', '.join(f'{s:.2f}' for s in writes)}), "
          f"{size_mb:.1f} MB  [target < {WRITE_TARGET_S:.0f} s: {'ok' if write_s < WRITE_TARGET_S else 'MISSED'}]")

    draws, filter_ms = time_first_draw(args.out, args.runs)
    draw_ms = statistics.median(draws)
    print(f"first draw in Chromium: median {draw_ms:.0f} ms after navigation start "
          f"(all: {', '.join(f'{ms:.0f}' for ms in draws)})  [target < {DRAW_TARGET_MS:.0f} ms: "
          f"{'ok' if draw_ms < DRAW_TARGET_MS else 'MISSED'}]")
    print(f"re-filtering every node and edge (stance 'against' off): {filter_ms:.0f} ms")
    return 0 if write_s < WRITE_TARGET_S and draw_ms < DRAW_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
