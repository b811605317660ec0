// name: innovators
// description: Zones ranked by how many of the innovations that originated in them reached national
//  replication (a national batch, or replicated, by itself or through its batch, to Nationwide or All PFTZs)
//  or provincial replication (a provincial batch, or replicated to a province or city); adopted counts those
//  a zone or province adopted. Every zone is listed, those without innovations last.
// columns: zone_key, zone, kind, innovations, national, provincial, replicated, adopted
MATCH (z:Zone)
OPTIONAL MATCH (m:Measure)-[:ORIGINATED_IN]->(z)
WITH z, m,
     EXISTS { (m)-[:IN_BATCH]->(:Batch {level: 'national'}) }
     OR EXISTS { (m)-[:REPLICATED_TO]->(:Region {kind: 'scope'}) }
     OR EXISTS { (m)-[:IN_BATCH]->(:Batch)-[:REPLICATED_TO]->(:Region {kind: 'scope'}) } AS national,
     EXISTS { (m)-[:IN_BATCH]->(:Batch {level: 'provincial'}) }
     OR EXISTS { (m)-[:REPLICATED_TO]->(t:Region) WHERE t.kind IN ['province', 'city'] }
     OR EXISTS { (m)-[:IN_BATCH]->(:Batch)-[:REPLICATED_TO]->(t:Region) WHERE t.kind IN ['province', 'city'] }
     AS provincial,
     EXISTS { ()-[:ADOPTED]->(m) } AS adopted
WITH z, count(DISTINCT m) AS innovations,
     count(DISTINCT CASE WHEN national THEN m END) AS national,
     count(DISTINCT CASE WHEN provincial THEN m END) AS provincial,
     count(DISTINCT CASE WHEN national OR provincial THEN m END) AS replicated,
     count(DISTINCT CASE WHEN adopted THEN m END) AS adopted
RETURN z.key AS zone_key, z.name AS zone, z.kind AS kind, innovations, national, provincial, replicated, adopted
ORDER BY replicated DESC, national DESC, innovations DESC, zone_key
