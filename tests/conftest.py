"""Shared pytest fixtures. Each block belongs to one part of the project; keep them apart."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


# ---------------------------------------------------------------------------
# Browser tests (policykg/render.py): a real headless Chromium driven by Playwright.
# Missing Chromium skips them on a laptop, but fails them in CI (CI=true),
# so that a broken CI image can't pass by silently skipping.
# ---------------------------------------------------------------------------

CHROMIUM = Path(os.environ.get("POLICYKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _browser_missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: the browser tests must run in CI", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Any]:
    """One Chromium for the whole session (starting it costs about a second); a Playwright Browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        _browser_missing(f"Python playwright is not installed ({error})")
    if not CHROMIUM.exists():
        _browser_missing(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set POLICYKG_CHROMIUM)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def render_rows() -> list[dict[str, Any]]:
    """A small realistic export: a minister against Meta, AWS for Amazon, a neutral regulator, a mixed platform."""
    entity = "https://policykg.org/id/entity/"

    def row(number: int, speaker: tuple[str, str, str], targets: list[tuple[str, str, str]], stance: str, content: str, **article: Any) -> dict[str, Any]:
        label, key, kind = speaker
        source = {
            "article": "004_tugendhat_meta.txt",
            "article_title": "Security minister warns Meta over encryption",
            "article_url": "https://www.bbc.co.uk/news/technology-65440018",
            "date": "2023-04-20",
            "cue": "said",
        } | article
        return {
            "statement": f"https://policykg.org/id/statement/{number}",
            "article": source["article"],
            "article_id": f"https://policykg.org/id/article/{source['article'].removesuffix('.txt')}",
            "article_title": source["article_title"],
            "article_url": source["article_url"],
            "date": source["date"],
            "speaker": label,
            "speaker_id": entity + key,
            "speaker_type": kind,
            "cue": source["cue"],
            "kind": "direct",
            "content": content,
            "start": 100 * number,
            "end": 100 * number + len(content),
            "targets": [{"label": t_label, "id": entity + t_key, "type": t_kind} for t_label, t_key, t_kind in targets],
            "stance": stance,
            "sentence": f"{label} {source['cue']}: \u201c{content}\u201d",
            "confidence": 0.9,
            "method": "quote-rules",
        }

    tom = ("Tom Tugendhat", "tom-tugendhat", "Person")
    meta = ("Meta", "meta", "Company")
    e2ee = ("end-to-end encryption", "end-to-end-encryption", "Feature")
    aws = ("AWS spokesperson", "aws-spokesperson", "Person")
    amazon = ("Amazon", "amazon", "Company")
    ofcom = ("Ofcom", "ofcom", "GovernmentBody")
    bill = ("Online Safety Bill", "online-safety-bill", "Topic")
    whatsapp = ("WhatsApp", "whatsapp", "Platform")
    aws_article = {
        "article": "007_aws_privacy.txt",
        "article_title": "Amazon defends Alexa privacy record",
        "article_url": "https://www.reuters.com/technology/amazon-alexa-privacy-2023-06-01/",
        "date": "2023-06",
        "cue": "told reporters",
    }
    whatsapp_article = {
        "article": "010_whatsapp_uk.txt",
        "article_title": "WhatsApp would rather leave the UK",
        "article_url": "https://www.theguardian.com/technology/2023/mar/09/whatsapp-online-safety-bill",
        "date": "2023-03-09",
    }
    return [
        row(1, tom, [meta], "against", "Meta's plans would blindfold the police to child abuse <script>window.__xss = 1</script>"),
        row(2, tom, [meta, e2ee], "against", "End-to-end encryption will let abusers hide <img src=x onerror=\"window.__xss = 2\">"),
        row(3, aws, [amazon], "for", "Amazon has always put customer privacy first.", **aws_article),
        row(4, ofcom, [bill], "neutral", "We will consult on the codes of practice this autumn.",
            article="009_ofcom_codes.txt", article_title=None, article_url=None, date=None, cue="announced"),
        row(5, whatsapp, [bill], "against", "We would rather be blocked in the UK than weaken our security.", **whatsapp_article),
        row(6, whatsapp, [bill], "for", "Parts of the bill that protect children are welcome.", **whatsapp_article),
    ]


@pytest.fixture
def render_profiles() -> dict[str, dict[str, Any]]:
    """Profiles for two of the actors above; the others have none, as happens with real data."""
    entity = "https://policykg.org/id/entity/"
    return {
        entity + "tom-tugendhat": {
            "id": entity + "tom-tugendhat",
            "label": "Tom Tugendhat",
            "type": "Person",
            "aliases": ["Tugendhat", "Thomas Tugendhat"],
            "roles": ["Security Minister"],
            "organisations": ["Home Office"],
            "articles": ["https://policykg.org/id/article/004_tugendhat_meta"],
        },
        entity + "meta": {"id": entity + "meta", "label": "Meta", "type": "Company", "aliases": ["Facebook"]},
    }

# ---------------------------------------------------------------------------
# end of the browser-test block
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# Neo4j tests (graph/neo4j_store.py, queries/): a real Neo4j server named by
# NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), as scripts/test sets
# it from scripts/neo4j-dev-server. Without NEO4J_URI they skip on a laptop and
# fail in CI (CI=true). Mark such tests @pytest.mark.neo4j.
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def neo4j_session_store() -> Iterator[Any]:
    """One Neo4jStore (one driver) for the whole session."""
    from policykg.graph.open import open_neo4j

    store = open_neo4j()
    if store is None:
        message = "NEO4J_URI is not set (scripts/neo4j-dev-server start prints one)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}: the Neo4j tests must run in CI", pytrace=False)
        pytest.skip(message)
    yield store
    store.close()


@pytest.fixture
def neo4j_store(neo4j_session_store: Any) -> Any:
    """The session's Neo4jStore on an empty database."""
    neo4j_session_store.clear()
    return neo4j_session_store


@pytest.fixture
def debate_extractions() -> list[Any]:
    """Five synthetic articles (French and English) on encryption vs child safety: shared actors with different
    aliases per article, every stance, statements with several targets and with none, relations, facts, full,
    month-only and missing dates, and an entity one article only refers to (as the object of a relation)."""
    from policykg.loaders.model import Article, Entity, Extraction, Fact, Relation, Statement

    kinds = {
        "commission": ("European Commission", "GovernmentBody"),
        "johansson": ("Ylva Johansson", "Person"),
        "signal": ("Signal", "Platform"),
        "signal-foundation": ("Signal Foundation", "NGO"),
        "whittaker": ("Meredith Whittaker", "Person"),
        "apple": ("Apple", "Company"),
        "icloud": ("iCloud", "Platform"),
        "imessage": ("iMessage", "Platform"),
        "nspcc": ("NSPCC", "NGO"),
        "eff": ("Electronic Frontier Foundation", "NGO"),
        "europol": ("Europol", "LawEnforcement"),
        "ofcom": ("Ofcom", "GovernmentBody"),
        "home-office": ("Home Office", "GovernmentBody"),
        "e2ee": ("End-to-end encryption", "Feature"),
        "css": ("Client-side scanning", "Feature"),
        "osb": ("Online Safety Bill", "Topic"),
        "netherlands": ("Netherlands", "Place"),
    }
    wikidata = {"apple": "Q312", "europol": "Q206597", "signal": "Q19718090", "commission": "Q8880"}

    def article(key: str, language: str, published: str | None, publisher: str,
                quotes: list[tuple[str, str, str, str, list[str], str]],
                aliases: dict[str, set[str]], relations: list[tuple[str, str, str]] = (),
                acts_for: dict[str, str] | None = None) -> Extraction:
        text, statements = f"Headline of {key}\n\n", []
        for speaker, kind, cue, content, targets, stance in quotes:
            opening = f"{kinds[speaker][0]} {cue} \u00ab " if kind == "direct" else f"{kinds[speaker][0]} {cue} que "
            start = len(text) + len(opening)
            text += opening + content + (" \u00bb. " if kind == "direct" else ". ")
            statements.append(Statement(
                speaker=speaker, kind=kind, content=content, start=start, end=start + len(content), cue=cue,
                cue_span=(start - len(opening) + len(kinds[speaker][0]) + 1, start - len(opening) + len(kinds[speaker][0]) + 1 + len(cue)),
                targets=targets, stance=stance, sentence=text.rsplit("\n", 1)[-1].strip(),
                confidence=0.9 if kind == "direct" else 0.6, method="quote+cue" if kind == "direct" else "reported",
            ))
        mentioned = {s.speaker for s in statements} | {t for s in statements for t in s.targets} | set(aliases)
        mentioned |= {r[0] for r in relations}
        entities = {
            k: Entity(k, kinds[k][0], kinds[k][1], aliases.get(k, set()) | {kinds[k][0]}, [(0, 1)],
                      wikidata.get(k), (acts_for or {}).get(k))
            for k in sorted(mentioned)
        }
        facts = [Fact(statements[0].speaker, 15.0, "reports", "15 reports", 0, 10),
                 Fact(statements[-1].speaker, 0.85, "%", "85 %", 11, 15)]
        return Extraction(
            Article(key, f"{key}.txt", text, language, f"Headline of {key}", published, publisher, f"https://news.example/{key}"),
            entities, statements,
            [Relation(s, p, o, object_is_literal=p == "holds_role") for s, p, o in relations], facts,
        )

    return [
        article("eu-chat-control", "fr", "2023-05-11", "Le Monde", [
            ("johansson", "direct", "a déclaré", "La détection des abus doit s'appliquer aussi aux messageries chiffrées", ["css", "e2ee"], "for"),
            ("whittaker", "direct", "a répondu", "Nous quitterons l'Union plutôt que de saper le chiffrement", ["css"], "against"),
            ("whittaker", "indirect", "a ajouté", "Signal ne stocke aucune métadonnée", ["signal"], "for"),
            ("commission", "indirect", "a indiqué", "le texte sera discuté au Conseil", [], "neutral"),
        ], {"commission": {"Commission européenne"}, "e2ee": {"chiffrement de bout en bout"}, "css": {"scan côté client"}},
            [("johansson", "holds_role", "commissaire aux affaires intérieures"), ("johansson", "member_of", "commission"),
             ("whittaker", "leads", "signal-foundation"), ("signal", "has_feature", "e2ee")]),
        article("apple-icloud", "en", "2022-12", "The Verge", [
            ("nspcc", "direct", "said", "Apple is turning a blind eye to abuse on its services", ["apple"], "against"),
            ("eff", "direct", "said", "Apple made the right call for its users", ["apple", "e2ee"], "for"),
            ("europol", "indirect", "noted", "it will study the impact on investigations", ["apple"], "neutral"),
            ("eff", "indirect", "argued", "privacy is a human right", [], "for"),
        ], {"apple": {"Apple Inc."}, "e2ee": {"E2EE", "end-to-end encryption"}},
            [("apple", "owns", "icloud"), ("apple", "owns", "imessage"), ("icloud", "plans_feature", "e2ee"),
             ("imessage", "has_feature", "e2ee"), ("europol", "based_in", "netherlands")]),
        article("uk-online-safety", "en", None, "The Guardian", [
            ("ofcom", "indirect", "said", "it would consult on the codes", ["osb"], "neutral"),
            ("signal", "direct", "said", "We would walk away from the UK market", ["osb"], "against"),
            ("nspcc", "direct", "said", "This bill will protect children online", ["osb"], "for"),
            ("home-office", "direct", "said", "Tech firms cannot hide behind encryption", ["signal", "apple", "e2ee"], "against"),
        ], {"signal": {"Signal Messenger"}},
            [("icloud", "lacks_feature", "css"), ("whittaker", "leads", "signal-foundation")]),
        article("europol-warning", "fr", "2023-04-21", "Libération", [
            ("europol", "direct", "a averti", "Le chiffrement généralisé rend nos enquêtes aveugles", ["e2ee"], "against"),
            ("europol", "indirect", "a critiqué", "Apple et Signal refusent toute coopération", ["apple", "signal"], "against"),
            ("home-office", "indirect", "a salué", "le travail d'Europol", ["europol"], "for"),
        ], {"europol": {"Office européen de police"}, "e2ee": {"chiffrement"}},
            [("europol", "based_in", "netherlands"), ("apple", "owns", "icloud")]),
        article("signal-interview", "en", "2023-05", "Wired", [
            ("whittaker", "direct", "said", "Encryption is either secure for everyone or broken for everyone", ["e2ee"], "for"),
            ("whittaker", "direct", "said", "Client-side scanning is a backdoor by another name", ["css", "commission"], "against"),
        ], {"whittaker": {"Whittaker"}, "signal": {"Signal"}, "signal-foundation": set()},
            [("whittaker", "holds_role", "President of the Signal Foundation"), ("whittaker", "speaks_for", "signal-foundation"),
             ("signal", "has_feature", "e2ee")],
            acts_for={"whittaker": "signal-foundation"}),
    ]

# ---------------------------------------------------------------------------
# end of the Neo4j block
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# SPARQL endpoint tests (policykg/server/): real `policykg serve` processes on
# 127.0.0.1 with ephemeral ports, each owning the store of its data directory.
# ---------------------------------------------------------------------------


class ServedStore:
    """A running `policykg serve`: its URL (from DATA_DIR/server.json), data directory and process."""

    def __init__(self, data_dir: Path, *options: str) -> None:
        import json
        import subprocess
        import sys
        import time

        self.data_dir = data_dir
        self.log = data_dir.parent / f"{data_dir.name}-server.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-c", "from policykg.cli import main; main()", "--data-dir", str(data_dir),
                 "serve", "--port", "0", *options],
                stdout=log, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                info = json.loads((data_dir / "server.json").read_text())
                if info["pid"] == self.process.pid:
                    break
            except (OSError, ValueError, KeyError):
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"policykg serve did not start:\n{self.log.read_text(errors='replace')}")
            time.sleep(0.05)
        self.url: str = info["url"]
        self.sparql = self.url + "/sparql"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except Exception:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Start `policykg serve OPTIONS...` (on a new data directory unless one is given); stopped after the module."""
    started: list[ServedStore] = []

    def start(*options: str, data_dir: Path | None = None) -> ServedStore:
        server = ServedStore(data_dir or tmp_path_factory.mktemp("served"), *options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()

# ---------------------------------------------------------------------------
# end of the SPARQL endpoint block
# ---------------------------------------------------------------------------
