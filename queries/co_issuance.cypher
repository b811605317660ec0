// name: co_issuance
// description: Pairs of issuing bodies that issued documents together, with how many and which
//  (each pair once, the bodies in key order), most frequent first.
// columns: body_a_key, body_a, body_b_key, body_b, documents, document_keys
MATCH (a:IssuingBody)<-[:ISSUED_BY]-(d:Document)-[:ISSUED_BY]->(b:IssuingBody)
WHERE a.key < b.key
WITH a, b, d
ORDER BY d.key
WITH a, b, count(DISTINCT d) AS documents, collect(DISTINCT d.key) AS document_keys
RETURN a.key AS body_a_key, a.name AS body_a, b.key AS body_b_key, b.name AS body_b, documents, document_keys
ORDER BY documents DESC, body_a_key, body_b_key
