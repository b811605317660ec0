// name: documents_by_body
// description: How many documents each issuing body issued (alone or jointly) per year, with their keys.
//  The year is the document's year, else the first four characters of its date; documents with neither
//  are counted under a null year, listed last.
// columns: body_key, body, year, documents, document_keys
MATCH (d:Document)-[:ISSUED_BY]->(b:IssuingBody)
WITH b, d, coalesce(d.year, toInteger(left(d.date, 4))) AS year
ORDER BY d.key
WITH b, year, count(d) AS documents, collect(d.key) AS document_keys
RETURN b.key AS body_key, b.name AS body, year, documents, document_keys
ORDER BY year, documents DESC, body_key
