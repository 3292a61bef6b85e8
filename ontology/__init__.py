"""The policykg vocabulary: namespaces, prefixes and the paths of the Turtle files.

Every module that writes or reads RDF takes its terms from here, so there is one
place where an IRI is spelt.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

PK = Namespace("https://w3id.org/policykg/ontology#")
"""Classes and properties defined by policykg."""

BASE = "https://w3id.org/policykg/id/"
ENTITY = Namespace(BASE + "entity/")
ARTICLE = Namespace(BASE + "article/")
STATEMENT = Namespace(BASE + "statement/")
FACT = Namespace(BASE + "fact/")
MENTION = Namespace(BASE + "mention/")
RELATION = Namespace(BASE + "relation/")
GRAPH = Namespace(BASE + "graph/")
"""One named graph per article: ``GRAPH[article_id]``."""
DESCRIPTION = Namespace(BASE + "description/")
"""One named graph per entity, derived from every article's mentions: ``DESCRIPTION[entity key]``."""

SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ORG = Namespace("http://www.w3.org/ns/org#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "pk": str(PK),
    "entity": str(ENTITY),
    "article": str(ARTICLE),
    "statement": str(STATEMENT),
    "fact": str(FACT),
    "graph": str(GRAPH),
    "mention": str(MENTION),
    "relation": str(RELATION),
    "description": str(DESCRIPTION),
    "schema": str(SCHEMA),
    "nif": str(NIF),
    "org": str(ORG),
    "wd": str(WD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "xsd": str(XSD),
}

ENTITY_TYPES: tuple[str, ...] = (
    "Person",
    "Company",
    "GovernmentBody",
    "LawEnforcement",
    "NGO",
    "MediaOutlet",
    "Organization",
    "Platform",
    "Feature",
    "Topic",
    "Place",
)
"""Entity classes, all in the ``pk:`` namespace (see policykg.ttl for their super-classes)."""
NAMED_TYPES = frozenset(ENTITY_TYPES) - {"Feature", "Topic"}
"""Types whose members have proper names, and so can speak: people, organisations, platforms, places."""
ORGANISATION_TYPES = NAMED_TYPES - {"Person", "Place"}
"""pk:Organization and its sub-classes, with platforms (a platform speaks through its company)."""

RELATION_PREDICATES: dict[str, str] = {
    "owns": "owns",
    "has_feature": "hasFeature",
    "plans_feature": "plansFeature",
    "lacks_feature": "lacksFeature",
    "leads": "leads",
    "refers_cases_to": "refersCasesTo",
    "based_in": "basedIn",
    "holds_role": "holdsRole",
    "speaks_for": "speaksFor",
    "member_of": "memberOf",
}
"""Relation names as annotators write them → local names of the ``pk:`` properties."""


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, to put in front of a query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def ontology_file(name: str = "policykg.ttl") -> Path:
    """Path of a Turtle file shipped with the package (``policykg.ttl`` or ``shapes.ttl``)."""
    return Path(str(resources.files(__package__).joinpath(name)))
