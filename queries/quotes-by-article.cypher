// description: The statements of each article in text order (article: its file name, headline or IRI), one row per statement.
// params: article
// columns: article, title, date, statement, speaker, speaker_id, kind, stance, content, start, end
MATCH (statement:Statement)-[:ARTICLE]->(doc:Resource)
WHERE $article IS NULL OR doc.uri = $article OR doc.sourceFile = $article OR toLower(doc.headline) = toLower($article)
OPTIONAL MATCH (statement)-[:SPEAKER]->(speaker:Resource)
RETURN doc.sourceFile AS article, doc.headline AS title, doc.datePublished AS date, statement.uri AS statement,
       head([] + speaker.label) AS speaker, speaker.uri AS speaker_id, statement.kind AS kind, statement.stance AS stance,
       statement.content AS content, statement.beginIndex AS start, statement.endIndex AS end
ORDER BY article, start, statement
