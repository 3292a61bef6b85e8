// description: What was said about an entity (target: a name or IRI), by whom, optionally with one stance (for, against, neutral).
// params: target, stance
// columns: statement, speaker, speaker_id, speaker_type, stance, target, target_id, kind, content, article, date
MATCH (speaker:Resource)<-[:SPEAKER]-(statement:Statement)-[:TARGET]->(target:Resource)
WHERE ($target IS NULL OR target.uri = $target)
  AND ($stance IS NULL OR statement.stance = $stance)
OPTIONAL MATCH (statement)-[:ARTICLE]->(doc:Resource)
RETURN statement.uri AS statement,
       head([] + speaker.label) AS speaker,
       speaker.uri AS speaker_id,
       reduce(m = null, l IN labels(speaker) | CASE WHEN l = 'Resource' OR m <= l THEN m ELSE l END) AS speaker_type,
       statement.stance AS stance,
       head([] + target.label) AS target,
       target.uri AS target_id,
       statement.kind AS kind,
       statement.content AS content,
       doc.sourceFile AS article,
       doc.datePublished AS date
ORDER BY statement, target_id
