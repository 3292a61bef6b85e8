// description: Relations between entities (owns, hasFeature, plansFeature, lacksFeature, leads, refersCasesTo, basedIn, speaksFor, memberOf) and in how many articles each is stated; optionally those of one entity (as subject or object).
// params: entity
// columns: subject, subject_id, relation, object, object_id, articles
//
// The relation's name is the local name of its predicate IRI, read from the _Term registry (docs/neo4j-mapping.md).
MATCH (subject:Resource)-[r:OWNS|HAS_FEATURE|PLANS_FEATURE|LACKS_FEATURE|LEADS|REFERS_CASES_TO|BASED_IN|SPEAKS_FOR|MEMBER_OF]->(object:Resource)
WHERE $entity IS NULL OR subject.uri = $entity OR object.uri = $entity
   OR any(name IN [] + coalesce(subject.label, []) + coalesce(subject.altLabel, []) WHERE toLower(name) = toLower($entity))
   OR any(name IN [] + coalesce(object.label, []) + coalesce(object.altLabel, []) WHERE toLower(name) = toLower($entity))
MATCH (term:_Term {kind: 'relationship', name: type(r)})
RETURN head([] + subject.label) AS subject, subject.uri AS subject_id, split(term.iri, '#')[1] AS relation,
       head([] + object.label) AS object, object.uri AS object_id, coalesce(size(r.graphs), 1) AS articles
ORDER BY subject_id, relation, object_id
