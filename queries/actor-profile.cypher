// description: Everything known about an actor (actor: a name or IRI), one fact per row: type, alias, role, organisations and platforms (speaksFor, memberOf, leads, owns, basedIn, refersCasesTo), sameAs, and counts of statements made, received and articles.
// params: actor
// columns: actor, actor_id, field, value, value_id
MATCH (actor:Resource)
WHERE actor.label IS NOT NULL
  AND ($actor IS NULL OR actor.uri = $actor)
CALL (actor) {
  UNWIND [l IN labels(actor) WHERE l <> 'Resource'] AS value
  RETURN 'type' AS field, value, null AS value_id
  UNION
  UNWIND [] + coalesce(actor.altLabel, []) AS value
  RETURN 'alias' AS field, value, null AS value_id
  UNION
  UNWIND [] + coalesce(actor.holdsRole, []) AS value
  RETURN 'role' AS field, value, null AS value_id
  UNION
  MATCH (actor)-[r:SPEAKS_FOR|MEMBER_OF|LEADS|OWNS|BASED_IN|REFERS_CASES_TO]->(object:Resource)
  MATCH (term:_Term {kind: 'relationship', name: type(r)})
  RETURN split(term.iri, '#')[1] AS field, head([] + object.label) AS value, object.uri AS value_id
  UNION
  MATCH (actor)-[:SAME_AS]->(same:Resource)
  RETURN 'sameAs' AS field, same.uri AS value, same.uri AS value_id
  UNION
  RETURN 'statements_made' AS field, COUNT { (actor)<-[:SPEAKER]-(:Statement) } AS value, null AS value_id
  UNION
  RETURN 'statements_received' AS field, COUNT { (actor)<-[:TARGET]-(:Statement) } AS value, null AS value_id
  UNION
  RETURN 'articles' AS field, COUNT { (actor)-[:MENTIONED_IN]->() } AS value, null AS value_id
}
RETURN head([] + actor.label) AS actor, actor.uri AS actor_id, field, value, value_id
ORDER BY actor_id, field, value
