"""The RDF ↔ Neo4j mapping of graph/neo4j_store.py: what a graph says about a resource, the names of labels,
property keys and relationship types, and literals as property values (docs/neo4j-mapping.md)."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from decimal import Decimal
from functools import cache
from typing import Any

import neo4j
import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF, SKOS, XSD

from policykg.ontology import PK, PREFIXES, ontology_file

RDF_TYPE = str(RDF.type)
XSD_STRING = str(XSD.string)
XSD_INTEGER = str(XSD.integer)
XSD_DECIMAL = str(XSD.decimal)
XSD_DOUBLE = str(XSD.double)
XSD_FLOAT = str(XSD.float)
XSD_BOOLEAN = str(XSD.boolean)
RDF_LANG_STRING = str(RDF.langString)

ALWAYS_LISTS = frozenset({str(SKOS.altLabel), str(PK.holdsRole)})
"""Predicates whose property is a list even with one value, so that Cypher can always iterate over it."""

RESOURCE = "Resource"
GRAPH_KEY = "_graph"
"""The node property naming the one named graph of a resource that is in one only."""

LiteralKey = tuple[str, str, str]
"""A literal as (lexical form, language tag or "", datatype IRI or "" for a plain or language-tagged string)."""

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_INT64 = (-(2**63), 2**63 - 1)


# ── RDF side: what one graph says ──────────────────────────────────────────


class Facts:
    """What one graph says about one resource: its types and its literal-valued triples."""

    __slots__ = ("types", "literals")

    def __init__(self) -> None:
        self.types: set[str] = set()
        self.literals: dict[str, set[LiteralKey]] = defaultdict(set)

    def update(self, other: Facts) -> None:
        self.types |= other.types
        for predicate, values in other.literals.items():
            self.literals[predicate] |= values

    def quads(self, subject: ox.NamedNode | ox.BlankNode, graph: ox.NamedNode) -> Iterator[ox.Quad]:
        rdf_type = ox.NamedNode(RDF_TYPE)
        for cls in self.types:
            yield ox.Quad(subject, rdf_type, ox.NamedNode(cls), graph)
        for predicate, values in self.literals.items():
            node = ox.NamedNode(predicate)
            for lexical, language, datatype in values:
                if language:
                    literal = ox.Literal(lexical, language=language)
                elif datatype:
                    literal = ox.Literal(lexical, datatype=ox.NamedNode(datatype))
                else:
                    literal = ox.Literal(lexical)
                yield ox.Quad(subject, node, literal, graph)


class GraphData:
    """The quads of one named graph, split into per-resource facts and resource-to-resource triples."""

    def __init__(self, iri: str) -> None:
        self.iri = iri
        self.facts: dict[str, Facts] = {}
        """Every resource the graph mentions (as subject or object) → what it says about it."""
        self.links: set[tuple[str, str, str]] = set()
        """(subject key, predicate IRI, object key)."""

    @classmethod
    def parse(cls, iri: str, quads: Iterable[ox.Quad]) -> GraphData:
        # The loop is the hot path of a bulk load: terms are read once, and plain IRIs skip resource_key().
        data = cls(iri)
        facts, links = data.facts, data.links
        graph = ox.NamedNode(iri)
        literal, named = ox.Literal, ox.NamedNode
        datatypes: dict[ox.NamedNode, str] = {}
        for quad in quads:
            if quad.graph_name != graph:
                raise ValueError(f"quad {quad} is not in graph <{iri}>")
            subject = quad.subject
            subject = subject.value if type(subject) is named else resource_key(subject)
            entry = facts.get(subject)
            if entry is None:
                entry = facts[subject] = Facts()
            predicate, obj = quad.predicate.value, quad.object
            if type(obj) is literal:
                language = obj.language
                if language:
                    entry.literals[predicate].add((obj.value, language, ""))
                    continue
                term = obj.datatype
                datatype = datatypes.get(term)
                if datatype is None:
                    datatype = datatypes[term] = "" if term.value == XSD_STRING else term.value
                entry.literals[predicate].add((obj.value, "", datatype))
            elif predicate == RDF_TYPE and type(obj) is named:
                entry.types.add(obj.value)
            else:
                target = obj.value if type(obj) is named else resource_key(obj)
                if target not in facts:
                    facts[target] = Facts()
                links.add((subject, predicate, target))
        return data


def resource_key(term: ox.NamedNode | ox.BlankNode | Any) -> str:
    """The ``uri`` property of a resource: the IRI, or ``_:id`` for a blank node."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    raise ValueError(f"not a resource: {term!r} (RDF-star triples are not supported)")


def resource_term(key: str) -> ox.NamedNode | ox.BlankNode:
    return ox.BlankNode(key[2:]) if key.startswith("_:") else ox.NamedNode(key)


# ── Names: IRIs ↔ labels, property keys, relationship types ────────────────


class Vocabulary:
    """The ``_Term`` registry: which IRI each generated name stands for, per kind of name."""

    KINDS = ("label", "property", "relationship")
    RESERVED = {"label": {RESOURCE}, "property": {"uri", "graphs"}, "relationship": set()}

    def __init__(self, terms: Iterable[tuple[str, str, str]] = ()) -> None:
        self.names: dict[str, dict[str, str]] = {kind: {} for kind in self.KINDS}
        """kind → IRI → name."""
        self.iris: dict[str, dict[str, str]] = {kind: {} for kind in self.KINDS}
        """kind → name → IRI."""
        self.new: list[dict[str, str]] = []
        for kind, name, iri in terms:
            self.names[kind][iri] = name
            self.iris[kind][name] = iri

    @classmethod
    def load(cls, tx: neo4j.ManagedTransaction) -> Vocabulary:
        result = tx.run("MATCH (t:_Term) RETURN t.kind AS kind, t.name AS name, t.iri AS iri")
        return cls((r["kind"], r["name"], r["iri"]) for r in result)

    def iri(self, kind: str, name: str) -> str:
        return self.iris[kind][name]

    def name(self, kind: str, iri: str) -> str:
        """The name for ``iri``, allocating one (recorded in ``new``) on first use."""
        known = self.names[kind].get(iri)
        if known is not None:
            return known
        prefix, local = _split_iri(iri)
        style = _STYLES[kind]
        base = style(local)
        candidates = [base] if iri.startswith(str(PK)) or base not in _ontology_names(kind) else []
        if prefix:
            candidates.append(style(f"{prefix} {local}"))
        candidates += [f"{base}{i}" for i in range(2, 1000)]
        for name in candidates:
            if name not in self.iris[kind] and name not in self.RESERVED[kind] and _IDENTIFIER.fullmatch(name):
                self.names[kind][iri] = name
                self.iris[kind][name] = iri
                self.new.append({"kind": kind, "name": name, "iri": iri})
                return name
        raise ValueError(f"no free {kind} name for <{iri}>")

    def encode(self, facts: Facts, *, with_types: bool = False) -> dict[str, Any]:
        """Node (or ``_CONTAINS``) properties for facts; ``with_types`` adds the type labels as ``_types`` (left out
        when there are none, as for most of the actors an article names: a property less to write)."""
        props: dict[str, Any] = {}
        names = self.names["property"]
        for predicate, values in facts.literals.items():
            key = names.get(predicate) or self.name("property", predicate)
            props.update(encode_values(key, values, predicate in ALWAYS_LISTS))
        if with_types and facts.types:
            props["_types"] = sorted(self.name("label", cls) for cls in facts.types)
        return props

    def labels(self, facts: Facts) -> tuple[str, ...]:
        return tuple(sorted(self.name("label", cls) for cls in facts.types))

    def decode(self, props: Mapping[str, Any], labels: Iterable[str]) -> Facts:
        """Facts back from properties (and labels: node labels, or the ``_types`` of a ``_CONTAINS``)."""
        facts = Facts()
        facts.types = {self.iris["label"][label] for label in labels if label != RESOURCE}
        for key, value in props.items():
            if "__" in key or key in ("uri", "_types", GRAPH_KEY):
                continue
            facts.literals[self.iris["property"][key]] = set(decode_values(key, props))
        return facts


def _split_iri(iri: str) -> tuple[str | None, str]:
    """(known prefix of the namespace or None, local name)."""
    cut = max(iri.rfind("#"), iri.rfind("/"), iri.rfind(":"))
    namespace, local = iri[: cut + 1], iri[cut + 1 :]
    prefix = next((p for p, ns in PREFIXES.items() if ns == namespace), None)
    return prefix, local


def _words(text: str) -> list[str]:
    """``mentionedIn`` → [mentioned, In]; ``in-language`` → [in, language]."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[A-Z]", text)
    if not words or words[0][0].isdigit():
        words.insert(0, "x")
    return words


def _camel(text: str) -> str:
    words = _words(text)
    return words[0][0].lower() + words[0][1:] + "".join(w[0].upper() + w[1:] for w in words[1:])


def _pascal(text: str) -> str:
    return "".join(w[0].upper() + w[1:] for w in _words(text))


def _upper_snake(text: str) -> str:
    return "_".join(w.upper() for w in _words(text))


_STYLES: dict[str, Callable[[str], str]] = {"label": _pascal, "property": _camel, "relationship": _upper_snake}


@cache
def _ontology_names(kind: str) -> frozenset[str]:
    """Names that terms of the policykg ontology take, so no other vocabulary can take them first."""
    graph = Graph().parse(ontology_file())
    locals_ = {str(s)[len(str(PK)) :] for s in graph.subjects() if str(s).startswith(str(PK))}
    return frozenset(_STYLES[kind](local) for local in locals_ if local)


# ── Literals ↔ property values ─────────────────────────────────────────────
# A value is stored as the Neo4j type its datatype implies (xsd:integer → int,
# xsd:decimal → float, xsd:boolean → bool, strings → str); `key__lang`,
# `key__dt` and `key__lex` hold what that type does not say. A value that has
# no such type, or a mix of types on one node, is stored as its lexical form
# with its datatype in `key__dt`.

_IMPLIED = {str: "", int: XSD_INTEGER, float: XSD_DECIMAL, bool: XSD_BOOLEAN}


def _native(lexical: str, language: str, datatype: str) -> Any:
    """The Neo4j value a literal is stored as, or None when only its lexical form keeps it exact."""
    if language or not datatype:
        return lexical
    if datatype == XSD_INTEGER and _INTEGER.fullmatch(lexical):
        value = int(lexical)
        return value if _INT64[0] <= value <= _INT64[1] else None
    if datatype == XSD_DECIMAL and _DECIMAL.fullmatch(lexical):
        value = float(lexical)
        return value if Decimal(repr(value)) == Decimal(lexical) else None
    if datatype in (XSD_DOUBLE, XSD_FLOAT):
        try:
            return float(lexical)
        except ValueError:
            return None
    if datatype == XSD_BOOLEAN and lexical in ("true", "false", "1", "0"):
        return lexical in ("true", "1")
    return None


def _canonical(value: Any, datatype: str) -> str:
    """The lexical form a stored value gives back when no ``__lex`` says otherwise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if datatype != XSD_DECIMAL:
            return repr(value)
        text = format(Decimal(repr(value)), "f")
        return (text.rstrip("0").rstrip(".") if "." in text else text) or "0"
    return value


def encode_values(key: str, values: Collection[LiteralKey], as_list: bool) -> dict[str, Any]:
    if len(values) == 1 and not as_list:  # the common case, kept short for bulk loads
        [(lexical, language, datatype)] = values
        value = _native(lexical, language, datatype)
        if value is None:
            return {key: lexical, key + "__dt": datatype}
        props = {key: value}
        if language:
            props[key + "__lang"] = language
        elif datatype:
            if datatype != _IMPLIED[type(value)]:
                props[key + "__dt"] = datatype
            if _canonical(value, datatype) != lexical:
                props[key + "__lex"] = lexical
        return props
    ordered = sorted(values)
    natives = [_native(*value) for value in ordered]
    if any(v is None for v in natives) or len({type(v) for v in natives}) > 1:
        stored, datatypes, lexicals = [v[0] for v in ordered], [v[2] for v in ordered], [""] * len(ordered)
    else:
        stored = natives
        datatypes = [dt if dt != _IMPLIED[type(v)] else "" for v, (_, _, dt) in zip(natives, ordered)]
        lexicals = [
            lex if _canonical(v, dt or _IMPLIED[type(v)]) != lex else ""
            for v, (lex, _, dt) in zip(natives, ordered)
        ]
    single = len(ordered) == 1 and not as_list
    props = {key: stored[0] if single else stored}
    for suffix, parallel in (("__lang", [v[1] for v in ordered]), ("__dt", datatypes), ("__lex", lexicals)):
        if any(parallel):
            props[key + suffix] = parallel[0] if single else parallel
    return props


def decode_values(key: str, props: Mapping[str, Any]) -> Iterator[LiteralKey]:
    def as_list(value: Any) -> list:
        return value if isinstance(value, list) else [value]

    values = as_list(props[key])
    blanks = [""] * len(values)
    languages = as_list(props.get(key + "__lang", blanks))
    datatypes = as_list(props.get(key + "__dt", blanks))
    lexicals = as_list(props.get(key + "__lex", blanks))
    for value, language, datatype, lexical in zip(values, languages, datatypes, lexicals):
        if isinstance(value, str):
            yield value, language, datatype
        else:
            datatype = datatype or _IMPLIED[type(value)]
            yield lexical or _canonical(value, datatype), "", datatype


def identifier(name: str) -> str:
    """A generated label or relationship type, checked again here because it is written into the query text."""
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"not a generated name: {name!r}")
    return name


def labels_clause(labels: Iterable[str]) -> str:
    """``:`A`:`B``` for generated labels."""
    return "".join(f":`{identifier(label)}`" for label in labels)
