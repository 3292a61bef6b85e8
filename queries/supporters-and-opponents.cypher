// description: Who is for, against or neutral about an entity (about: a feature, topic, platform or actor, by name or IRI), with how many statements and articles.
// params: about
// columns: actor, actor_id, actor_type, stance, statements, articles
MATCH (actor:Resource)<-[:SPEAKER]-(statement:Statement)-[:TARGET]->(target:Resource)
WHERE $about IS NULL OR target.uri = $about
OPTIONAL MATCH (statement)-[:ARTICLE]->(doc:Resource)
WITH actor, statement.stance AS stance, count(DISTINCT statement) AS statements, count(DISTINCT doc) AS articles
RETURN head([] + actor.label) AS actor, actor.uri AS actor_id,
       reduce(m = null, l IN labels(actor) | CASE WHEN l = 'Resource' OR m <= l THEN m ELSE l END) AS actor_type,
       stance, statements, articles
ORDER BY stance, actor_id
