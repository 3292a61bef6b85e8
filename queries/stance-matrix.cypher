// description: Actor × target: how many statements each speaker made about each target, split by stance.
// params:
// columns: actor, actor_id, target, target_id, for, against, neutral, total
MATCH (actor:Resource)<-[:SPEAKER]-(statement:Statement)-[:TARGET]->(target:Resource)
WITH actor, target,
     count(DISTINCT CASE WHEN statement.stance = 'for' THEN statement END) AS for_,
     count(DISTINCT CASE WHEN statement.stance = 'against' THEN statement END) AS against,
     count(DISTINCT CASE WHEN statement.stance = 'neutral' THEN statement END) AS neutral,
     count(DISTINCT statement) AS total
RETURN head([] + actor.label) AS actor, actor.uri AS actor_id, head([] + target.label) AS target, target.uri AS target_id,
       for_ AS `for`, against, neutral, total
ORDER BY actor_id, target_id
