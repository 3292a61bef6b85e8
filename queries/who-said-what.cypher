// description: Who said what about whom: one row per statement and target (target empty when the statement has none). Give about, speaker or both ("what did X say about Y").
// params: about, speaker
// columns: statement, speaker, speaker_id, speaker_type, stance, target, target_id, target_type, kind, cue, content, start, end, article, date
//
// Entity parameters ($about, $speaker) are IRIs: the runner looks names up first (see who-said-what.rq).
// Multi-valued properties are stored sorted, so head() is the smallest value.
MATCH (statement:Statement)-[:SPEAKER]->(speaker:Resource)
WHERE $speaker IS NULL OR speaker.uri = $speaker
OPTIONAL MATCH (statement)-[:ARTICLE]->(doc:Resource)
OPTIONAL MATCH (statement)-[:TARGET]->(target:Resource)
WITH statement, speaker, doc, target
WHERE $about IS NULL OR target.uri = $about
RETURN statement.uri AS statement,
       head([] + speaker.label) AS speaker,
       speaker.uri AS speaker_id,
       reduce(m = null, l IN labels(speaker) | CASE WHEN l = 'Resource' OR m <= l THEN m ELSE l END) AS speaker_type,
       statement.stance AS stance,
       head([] + target.label) AS target,
       target.uri AS target_id,
       reduce(m = null, l IN coalesce(labels(target), []) | CASE WHEN l = 'Resource' OR m <= l THEN m ELSE l END) AS target_type,
       statement.kind AS kind,
       statement.cue AS cue,
       statement.content AS content,
       statement.beginIndex AS start,
       statement.endIndex AS end,
       doc.sourceFile AS article,
       doc.datePublished AS date
ORDER BY statement, target_id
