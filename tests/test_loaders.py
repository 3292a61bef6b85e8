"""Loaders: every input kind, cleaning that keeps offsets, and a clear error per bad input."""
from __future__ import annotations

import json
from pathlib import Path

from policykg.loaders.model import Article
from policykg.loaders.readers import LoadError, read_paths

BLURB = "Inscrivez-vous à notre newsletter Politique pour recevoir l'essentiel directement dans votre boîte de réception"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def only(items) -> Article:
    items = list(items)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_txt_date_header_glued_to_blurb_is_masked_and_dated(tmp_path):
    body = "« Nous ne céderons pas », a déclaré la ministre Jeanne Martin.\n"
    text = f" date 2024-02-11 {BLURB}\n\n{body}"
    article = only(read_paths([write(tmp_path / "a.txt", text)]))
    assert article.published == "2024-02-11"
    assert article.text == text, "the original text is kept"
    nlp_text = article.nlp_text()
    assert len(nlp_text) == len(text)
    assert "Inscrivez" not in nlp_text and "date" not in nlp_text
    start = text.index("Nous")
    assert nlp_text[start:start + 4] == "Nous", "offsets still point into the original text"


def test_a_time_stamp_line_is_masked_and_the_lead_after_it_is_kept(tmp_path):
    """"Publié le ... à 07h45" or "Updated 14:05 GMT" is the page's, not a sentence: masked, so that the lead is
    the article's first sentence; a sentence that gives an hour is kept."""
    text = ("La mairie ferme la piscine\n\nPublié le 4 mars 2026 à 07h45, mis à jour à 09h10\n\nLa mairie a décidé "
            "mardi de fermer la piscine à 19 h 30 chaque soir.\n\nUpdated 14:05 GMT, 4 March 2026")
    article = only(read_paths([write(tmp_path / "t.txt", text)]))
    nlp_text = article.nlp_text()
    assert "Publié" not in nlp_text and "Updated" not in nlp_text
    assert "La mairie a décidé mardi de fermer la piscine à 19 h 30 chaque soir." in nlp_text


def test_title_line_and_follow_us_footer(tmp_path):
    text = ("Le chiffrement divise Bruxelles\n\nLa Commission a présenté mardi un texte.\n\n_\n"
            "Suivez Numerama sur Facebook, Twitter et Instagram pour ne rien rater.")
    article = only(read_paths([write(tmp_path / "b.txt", text)]))
    assert article.title == "Le chiffrement divise Bruxelles"
    assert article.publisher == "Numerama"
    assert "Suivez" not in article.nlp_text() and "_" not in article.nlp_text()
    assert "Commission" in article.nlp_text()


def test_first_sentence_is_not_a_title(tmp_path):
    text = "The minister said on Tuesday that the plan would go ahead.\n\nMore text follows here."
    assert only(read_paths([write(tmp_path / "c.txt", text)])).title is None


def test_jsonl_records_and_a_malformed_line(tmp_path):
    good = {"id": "n1", "url": "https://example.org/n1", "title": "T", "date": "2023-09-20", "language": "en",
            "publisher": "Example News", "text": "Officials said the law would pass.", "author": "ignored"}
    path = write(tmp_path / "batch.jsonl", json.dumps(good) + "\n{not json\n" + json.dumps({"id": "n3"}) + "\n")
    items = list(read_paths([path]))
    assert isinstance(items[0], Article) and items[0].id == "n1" and items[0].publisher == "Example News"
    assert items[0].source == "batch.jsonl#n1" and items[0].language == "en" and items[0].published == "2023-09-20"
    assert isinstance(items[1], LoadError) and "batch.jsonl:2" in str(items[1]) and "malformed JSON" in str(items[1])
    assert isinstance(items[2], LoadError) and "batch.jsonl:3" in str(items[2]) and "text" in str(items[2])


def test_html_main_text_and_metadata(tmp_path):
    html = """<html><head><title>Encryption row | Example</title>
    <meta property="og:title" content="Encryption row deepens">
    <meta name="date" content="2023-07-04"></head>
    <body><nav>Home | World | Sign in</nav><article><h1>Encryption row deepens</h1>
    <p>The Home Secretary said on Tuesday that end-to-end encryption must not stop the police from finding abusers.</p>
    <p>"We will not stand by," she told reporters in London, adding that companies had a duty to act.</p>
    <p>Privacy campaigners said the plans would weaken security for everyone who uses messaging apps.</p>
    </article><footer>Cookie policy</footer></body></html>"""
    article = only(read_paths([write(tmp_path / "page.html", html)]))
    assert "Home Secretary" in article.text and "Cookie policy" not in article.text
    assert article.title == "Encryption row deepens"
    assert article.published == "2023-07-04"


def test_bad_inputs_each_get_a_named_error_and_the_batch_goes_on(tmp_path):
    empty = write(tmp_path / "empty.txt", "")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Le ministre a déclaré que la sécurité des enfants était menacée.".encode("latin-1"))
    good = write(tmp_path / "good.txt", "Un texte correct sur la sécurité.\n")
    html = write(tmp_path / "broken.html", "<html><body><div><p></div></body")
    items = list(read_paths([empty, binary, latin1, tmp_path / "missing.txt", html, good]))
    errors = {Path(e.source).name: e.reason for e in items if isinstance(e, LoadError)}
    assert errors.keys() == {"empty.txt", "blob.txt", "latin1.txt", "missing.txt", "broken.html"}
    assert "empty" in errors["empty.txt"]
    assert "binary" in errors["blob.txt"]
    assert "UTF-8" in errors["latin1.txt"] and "0xe9" in errors["latin1.txt"]
    assert "no such file" in errors["missing.txt"]
    assert [a.source for a in items if isinstance(a, Article)] == ["good.txt"]


def test_folders_are_read_recursively_in_name_order(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "b.txt", "Deuxième article, assez long pour compter.\n")
    write(tmp_path / "a.txt", "Premier article, assez long pour compter.\n")
    write(tmp_path / "notes.md", "ignored")
    assert [a.source for a in read_paths([tmp_path])] == ["a.txt", "b.txt"]


def test_huge_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYKG_MAX_BYTES", "1000")
    big = write(tmp_path / "big.txt", "mot " * 1000)
    [error] = list(read_paths([big]))
    assert isinstance(error, LoadError) and "limit" in error.reason


def test_sentences_end_at_paragraphs_and_keep_their_closing_quotes():
    """The boundaries policykg sets before the parser (set as one array: spaCy's per-token setter rescans the doc)."""
    from policykg.loaders.nlp import load_pipeline

    doc = load_pipeline("fr")("« Ce texte est dangereux. » Il a ajouté que le vote aurait lieu demain\n"
                              "Le ministre n’a pas répondu. M. Dupont non plus.")
    assert [sent.text.strip() for sent in doc.sents] == [
        "« Ce texte est dangereux. »", "Il a ajouté que le vote aurait lieu demain",
        "Le ministre n’a pas répondu.", "M. Dupont non plus."]


def test_a_title_abbreviation_ends_no_sentence():
    """The English tokenizer splits some titles from their full stop ("Lt", "."): before a name it ends nothing."""
    from policykg.loaders.nlp import load_pipeline

    doc = load_pipeline("en")("The plan will fail, said Army Lt. Gen. Jane Roe. Maj. Tom Hale and Cmdr. Ann Lee "
                              "agreed. It rained.")
    assert [sent.text.strip() for sent in doc.sents] == [
        "The plan will fail, said Army Lt. Gen. Jane Roe.", "Maj. Tom Hale and Cmdr. Ann Lee agreed.", "It rained."]
