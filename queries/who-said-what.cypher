// description: Who said what about whom: one row per statement and target (target empty when the statement has none). Give about, speaker or both ("what did X say about Y").
// params: about, speaker
// columns: statement, speaker, speaker_id, speaker_type, stance, target, target_id, target_type, kind, cue, content, start, end, article, date
//
// Names match an entity's IRI, or any label / altLabel case-insensitively. Multi-valued properties are stored
// sorted, so head() is the smallest value, as MIN() in the SPARQL version.
MATCH (statement:Statement)-[:SPEAKER]->(speaker:Resource)
WHERE $speaker IS NULL OR speaker.uri = $speaker
   OR any(name IN [] + coalesce(speaker.label, []) + coalesce(speaker.altLabel, []) WHERE toLower(name) = toLower($speaker))
OPTIONAL MATCH (statement)-[:ARTICLE]->(doc:Resource)
OPTIONAL MATCH (statement)-[:TARGET]->(target:Resource)
WITH statement, speaker, doc, target
WHERE $about IS NULL
   OR (target IS NOT NULL AND (target.uri = $about
       OR any(name IN [] + coalesce(target.label, []) + coalesce(target.altLabel, []) WHERE toLower(name) = toLower($about))))
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
