"""What the endpoint decides about a query or update before Oxigraph runs it, on the parsed text.

Oxigraph fetches SERVICE and LOAD IRIs itself, and pyoxigraph 0.5.13 has no switch to turn its HTTP client off,
so the decision is made on a parse by a real SPARQL parser (rdflib's), and the text Oxigraph then runs is the very
text that was parsed: SPARQL's ``\\u`` escapes are expanded once, here, as the recommendation says (§19.2), so
both parsers read the same characters. Keywords cannot be escaped, so a text without the letters of SERVICE or
LOAD (in any case) cannot hold them, and is not parsed again: rdflib's parser takes ~0.3 s for a 2 KB query.
The worker processes that run queries cannot open a network socket at all (policykg/server/sandbox.py): this
check gives a clear 400, the sandbox holds even where a parser disagreed.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from policykg.server.protocol import HttpError

_ESCAPE = re.compile(r"\\u([0-9a-f]{4}(?:[0-9a-f]{4})?)", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile(r"[\r\n]")
_REMOTE_FORMS = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}


def expand_escapes(text: str) -> str:
    """The text with its ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes expanded (once; an escape that spells another is
    refused, so that no parser can read the result differently)."""
    if "\\" not in text:
        return text
    try:
        expanded = _ESCAPE.sub(lambda match: chr(int(match[1], 16)), text)
    except (ValueError, OverflowError):
        raise HttpError(400, "the query has a \\u escape that is no Unicode code point") from None
    if _ESCAPE.search(expanded):
        raise HttpError(400, "the query has \\u escapes that spell other \\u escapes")
    if _SURROGATE.search(expanded):
        raise HttpError(400, "the query has a \\u escape of a surrogate code point")
    return expanded


def refuse_remote_access(text: str, *, update: bool = False) -> None:
    """400 unless the (escape-expanded) text is known to hold no SERVICE and no LOAD."""
    folded = text.casefold()  # wider than SPARQL's ASCII case folding: ſ is s here; and C speed, unlike re.I
    if "service" not in folded and "load" not in folded:
        return
    parsed = _parse(text, update)
    if isinstance(parsed, str):
        raise HttpError(400, "the text names SERVICE or LOAD and rdflib's SPARQL parser, which checks it before "
                             f"Oxigraph runs it, cannot read it: {parsed}")
    found = sorted(_REMOTE_FORMS[name] for name in parsed.forms if name in _REMOTE_FORMS)
    if found:
        raise HttpError(400, f"{found[0]} is not allowed: this endpoint never fetches remote data "
                             "(federated queries and LOAD are switched off)")


def reads_from(text: str) -> bool:
    """Whether the query names its own dataset (FROM or FROM NAMED): then the union default graph does not apply.
    A line whose first character past spaces and tabs is ``#`` holds no keyword (it is a comment, or inside a long
    string: IRIs and short strings cannot hold a line break), so the words of such lines do not call for a parse:
    the comments of the named queries say "from"."""
    lines = _LINE_BREAK.split(text.casefold())
    if not any("from" in line for line in lines if not line.lstrip(" \t").startswith("#")):
        return False
    parsed = _parse(text, False)
    if isinstance(parsed, str):  # Oxigraph will report the syntax error, or run syntax rdflib lacks
        return re.search(r"\bFROM\s+(NAMED\s+)?(<|[\w.-]*:)", text, re.IGNORECASE) is not None
    return "DatasetClause" in parsed.forms


@dataclass(frozen=True)
class _Parsed:
    forms: frozenset[str]
    """Names of the grammar rules in the parse (ServiceGraphPattern, Load, DatasetClause, ...)."""


def _parse(text: str, update: bool) -> _Parsed | str:
    """The grammar rules of the parse, or the parser's complaint; texts of up to 64 KB are remembered."""
    return _parse_small(text, update) if len(text) <= 65536 else _parse_text(text, update)


@functools.lru_cache(maxsize=256)
def _parse_small(text: str, update: bool) -> _Parsed | str:
    return _parse_text(text, update)


def _parse_text(text: str, update: bool) -> _Parsed | str:
    """The grammar rules of the parse, or the parser's complaint (a query too deep to parse is one)."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseUpdate(text) if update else parseQuery(text)
    except ParseBaseException as error:
        return f"line {error.lineno}, column {error.column}: {error.msg}"
    except RecursionError:
        return "the query is nested too deeply"
    except (ValueError, TypeError) as error:
        return str(error)
    return _Parsed(frozenset(_forms(tree)))


def _forms(node: object) -> Iterator[str]:
    """Names of every rule in an rdflib parse tree (CompValue and ParseResults nest), iteratively."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item.name
            stack.extend(item.values())
        elif isinstance(item, (ParseResults, list, tuple)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())


# ── USING clauses from the protocol's using-graph-uri: a rewrite of the text, checked like any other ────

_IRI_REF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class _Token:
    text: str
    """An upper-cased keyword, or ``{`` / ``}``."""
    start: int
    end: int
    depth: int
    """Brace depth the token stands at."""


def _string_end(text: str, start: int) -> int:
    """Index just past the string literal opening at ``start`` (or at the line end for a broken short one)."""
    quote = text[start]
    delimiter = quote * 3 if text.startswith(quote * 3, start) else quote
    i = start + len(delimiter)
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(delimiter, i):
            return i + len(delimiter)
        elif len(delimiter) == 1 and text[i] in "\r\n":
            return i
        else:
            i += 1
    return len(text)


def _tokens(text: str) -> list[_Token]:
    """Keywords and braces, skipping strings, IRIs, comments, variables and prefixed names.

    When in doubt a word counts as a keyword: a false hit only refuses an odd
    query, a miss could let SERVICE or LOAD through.
    """
    tokens: list[_Token] = []
    depth = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif char in "\"'":
            i = _string_end(text, i)
        elif char == "<" and (iri := _IRI_REF.match(text, i)):
            i = iri.end()
        elif char == "{":
            tokens.append(_Token("{", i, i + 1, depth))
            depth += 1
            i += 1
        elif char == "}":
            depth -= 1
            tokens.append(_Token("}", i, i + 1, depth))
            i += 1
        elif name := _NAME.match(text, i):
            before = text[i - 1] if i else " "
            after = text[name.end()] if name.end() < len(text) else " "
            if not (before.isalnum() or before in "?$:@_") and after != ":":
                tokens.append(_Token(name[0].upper(), i, name.end(), depth))
            i = name.end()
        else:
            i += 1
    return tokens


def with_using(update: str, using: Sequence[ox.NamedNode], using_named: Sequence[ox.NamedNode]) -> str:
    """The update with the protocol's using-graph-uri / using-named-graph-uri as USING clauses of each WHERE.

    Found by a scan of keywords and braces: what it returns is checked and dry-run like any update text.
    """
    tokens = _tokens(update)
    if any(token.depth == 0 and token.text in ("USING", "WITH") for token in tokens):
        raise HttpError(400, "using-graph-uri / using-named-graph-uri cannot be combined with USING or WITH "
                             "in the update itself")
    clause = " ".join([f"USING {iri}" for iri in using] + [f"USING NAMED {iri}" for iri in using_named])
    edits: list[tuple[int, int, str]] = []
    for k, token in enumerate(tokens):
        if token.text != "WHERE" or token.depth != 0:
            continue
        before = tokens[k - 1] if k else None
        if before is not None and before.text == "DELETE" and before.depth == 0:
            # DELETE WHERE { P } is DELETE { P } WHERE { P }, which can take USING.
            close = next((t for t in tokens[k + 2:] if t.text == "}" and t.depth == 0), None)
            if k + 1 < len(tokens) and tokens[k + 1].text == "{" and close is not None:
                pattern = update[tokens[k + 1].start:close.end]
                edits.append((before.start, close.end, f"DELETE {pattern} {clause} WHERE {pattern}"))
        else:
            edits.append((token.start, token.start, clause + " "))
    for start, end, replacement in reversed(edits):
        update = update[:start] + replacement + update[end:]
    return update

