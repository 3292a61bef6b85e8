// description: Statements per publication date (the article's, as written: year, month or day), with their stances; optionally only those by an actor and/or about a target.
// params: actor, target
// columns: date, statements, for, against, neutral
MATCH (statement:Statement)
WHERE ($actor IS NULL OR EXISTS {
         MATCH (statement)-[:SPEAKER]->(a:Resource)
         WHERE a.uri = $actor })
  AND ($target IS NULL OR EXISTS {
         MATCH (statement)-[:TARGET]->(t:Resource)
         WHERE t.uri = $target })
OPTIONAL MATCH (statement)-[:ARTICLE]->(doc:Resource)
WITH doc.datePublished AS date, statement
RETURN date, count(DISTINCT statement) AS statements,
       count(DISTINCT CASE WHEN statement.stance = 'for' THEN statement END) AS `for`,
       count(DISTINCT CASE WHEN statement.stance = 'against' THEN statement END) AS against,
       count(DISTINCT CASE WHEN statement.stance = 'neutral' THEN statement END) AS neutral
ORDER BY date
