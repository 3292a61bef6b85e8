// description: Every entity with how many articles mention it and how many statements it made (by stance) and received; optionally of one type (Person, Company, NGO, Feature...).
// params: type
// columns: entity, entity_id, type, articles, statements_made, statements_received, for, against, neutral
MATCH (entity:Resource)-[:MENTIONED_IN]->(doc:Resource)
WHERE $type IS NULL OR any(l IN labels(entity) WHERE l <> 'Resource' AND toLower(l) = toLower($type))
WITH entity, count(DISTINCT doc) AS articles
OPTIONAL MATCH (entity)<-[:SPEAKER]-(made:Statement)
WITH entity, articles,
     count(DISTINCT made) AS statements_made,
     count(DISTINCT CASE WHEN made.stance = 'for' THEN made END) AS for_,
     count(DISTINCT CASE WHEN made.stance = 'against' THEN made END) AS against,
     count(DISTINCT CASE WHEN made.stance = 'neutral' THEN made END) AS neutral
RETURN head([] + entity.label) AS entity, entity.uri AS entity_id,
       reduce(m = null, l IN labels(entity) | CASE WHEN l = 'Resource' OR m <= l THEN m ELSE l END) AS type,
       articles, statements_made, COUNT { (entity)<-[:TARGET]-(:Statement) } AS statements_received,
       for_ AS `for`, against, neutral
ORDER BY articles DESC, entity_id
