// name: batch_reach
// description: How far each batch's measures reached: distinct zones and provinces reached by derived
//  diffusion (from the measures' origin zones), by adoption or by stated replication (of a measure or of
//  the batch). scoped counts the measures replicated to a scope (Nationwide, All PFTZs), which reaches
//  places the graph does not list one by one when a measure has no origin zone.
// columns: batch_key, batch, level, date, measures, scoped, zones, provinces
MATCH (b:Batch)
WITH b, COLLECT { MATCH (m:Measure)-[:IN_BATCH]->(b) RETURN DISTINCT m } AS ms
WITH b, ms, COLLECT {
       UNWIND ms AS m
       MATCH (m)-[:ORIGINATED_IN]->(:Zone)-[r:DIFFUSED_TO]->(t)
       WHERE r.measure = m.key
       RETURN t
       UNION
       UNWIND ms AS m
       MATCH (t)-[:ADOPTED]->(m)
       RETURN t
       UNION
       UNWIND ms AS m
       MATCH (m)-[:REPLICATED_TO]->(t)
       RETURN t
       UNION
       MATCH (b)-[:REPLICATED_TO]->(t)
       RETURN t
     } AS reached,
     EXISTS { (b)-[:REPLICATED_TO]->(:Region {kind: 'scope'}) } AS batch_scoped
RETURN b.key AS batch_key, b.name AS batch, b.level AS level, b.date AS date, size(ms) AS measures,
       size([m IN ms WHERE batch_scoped OR EXISTS { (m)-[:REPLICATED_TO]->(:Region {kind: 'scope'}) }]) AS scoped,
       size([t IN reached WHERE t:Zone]) AS zones,
       size([t IN reached WHERE t:Region AND t.kind = 'province']) AS provinces
ORDER BY provinces DESC, zones DESC, batch_key
