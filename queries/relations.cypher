// description: Relations between entities (owns, hasFeature, plansFeature, lacksFeature, leads, refersCasesTo, basedIn, speaksFor, memberOf) and in how many articles each is stated; optionally those of one entity (as subject or object).
// params: entity
// columns: subject, subject_id, relation, object, object_id, articles
//
// A relation is stated once per article, as a :RelationMention; the relation itself is in its subject's description.
MATCH (mention:RelationMention)-[:SUBJECT]->(subject:Resource), (mention)-[:OBJECT]->(object:Resource),
      (mention)-[:ARTICLE]->(doc:Resource)
WHERE mention.predicate IN ['owns', 'hasFeature', 'plansFeature', 'lacksFeature', 'leads', 'refersCasesTo', 'basedIn',
                            'speaksFor', 'memberOf']
  AND ($entity IS NULL OR subject.uri = $entity OR object.uri = $entity)
WITH subject, object, mention.predicate AS relation, count(DISTINCT doc) AS articles
RETURN head([] + subject.label) AS subject, subject.uri AS subject_id, relation,
       head([] + object.label) AS object, object.uri AS object_id, articles
ORDER BY subject_id, relation, object_id
