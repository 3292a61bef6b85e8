"""The side of one statement made of a verb of stance on its object and a second cue of its speaker ("welcomed the
cap but questioned ..."): the reservation decides (docs/gold-format.md, Stance)."""
from __future__ import annotations

import pytest

from policykg.loaders.extract.statements import find_statements

from test_targets import Text


@pytest.mark.parametrize("language, text, stance", [
    ("en", "The Dairy Guild welcomed the cap but questioned how it would be enforced.", "against"),
    ("en", "The Dairy Guild welcomed the cap but warned that small farms would struggle to pay for the new tanks.",
     "against"),
    ("fr", "La Fédération des pêcheurs salue le principe, mais demande que la mesure soit d’abord expérimentée dans "
           "deux ports.", "against"),
    # near misses: support that asks for more is for, and so is the act alone
    ("en", "The Dairy Guild welcomed the cap and urged ministers to extend it to sheep farms.", "for"),
    ("en", "The Dairy Guild welcomed the cap.", "for"),
    ("fr", "La Fédération des pêcheurs salue le principe.", "for"),
])
def test_a_reservation_joined_to_a_verb_of_stance_decides_its_side(language: str, text: str, stance: str):
    article = Text(text, language)
    [statement] = article.run(*find_statements(article.article, article.doc, article.index), learned=True)
    assert statement.stance == stance
