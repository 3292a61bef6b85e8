// description: Which platform has, plans or lacks which feature (end-to-end encryption, scanning...), who owns the platform, and in how many articles; optionally for one platform and/or feature.
// params: platform, feature
// columns: owner, owner_id, platform, platform_id, feature, feature_id, relation, articles
MATCH (mention:RelationMention)-[:SUBJECT]->(platform:Resource), (mention)-[:OBJECT]->(feature:Resource),
      (mention)-[:ARTICLE]->(doc:Resource)
WHERE mention.predicate IN ['hasFeature', 'plansFeature', 'lacksFeature']
  AND ($platform IS NULL OR platform.uri = $platform)
  AND ($feature IS NULL OR feature.uri = $feature)
WITH platform, feature, mention.predicate AS predicate, count(DISTINCT doc) AS articles
OPTIONAL MATCH (owner:Resource)-[:OWNS]->(platform)
RETURN head([] + owner.label) AS owner, owner.uri AS owner_id,
       head([] + platform.label) AS platform, platform.uri AS platform_id,
       head([] + feature.label) AS feature, feature.uri AS feature_id,
       CASE predicate WHEN 'hasFeature' THEN 'has' WHEN 'plansFeature' THEN 'plans' ELSE 'lacks' END AS relation,
       articles
ORDER BY platform_id, feature_id, relation, owner_id
