// description: The articles in the graph: file name, headline, date, publisher, language, how many statements and entities were found in each.
// params:
// columns: article, article_id, title, date, publisher, language, statements, entities
MATCH (doc:NewsArticle)
RETURN doc.sourceFile AS article, doc.uri AS article_id, doc.headline AS title, doc.datePublished AS date,
       doc.publisher AS publisher, doc.inLanguage AS language,
       COUNT { (doc)<-[:ARTICLE]-(:Statement) } AS statements,
       COUNT { (doc)<-[:MENTIONED_IN]-() } AS entities
ORDER BY date, article
