// description: Pairs of entities targeted by the same statements (with stance against: criticised together), optionally by one speaker; each pair once.
// params: speaker, stance
// columns: target_a, target_a_id, target_b, target_b_id, statements
MATCH (a:Resource)<-[:TARGET]-(statement:Statement)-[:TARGET]->(b:Resource)
WHERE a.uri < b.uri
  AND ($stance IS NULL OR statement.stance = $stance)
  AND ($speaker IS NULL OR EXISTS {
         MATCH (statement)-[:SPEAKER]->(s:Resource)
         WHERE s.uri = $speaker })
WITH a, b, count(DISTINCT statement) AS statements
RETURN head([] + a.label) AS target_a, a.uri AS target_a_id, head([] + b.label) AS target_b, b.uri AS target_b_id, statements
ORDER BY statements DESC, target_a_id, target_b_id
