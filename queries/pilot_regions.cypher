// name: pilot_regions
// description: The zones a document names (as pilots or otherwise, issuers excepted) and what happened
//  afterwards to the measures piloted in exactly those zones (link 'piloted in the named zones'), and to
//  the measures without any stated origin in the same batches (link 'same batch, no origin stated'):
//  their batch, the documents that promoted them and where they were replicated (by themselves or
//  through their batch), with dates. For G.Fa.[2023]9: the six Pilot Regions, the 30 pilot measures,
//  G.H.[2024]156, All PFTZs or Nationwide.
// params: document (str) — a document key or number, e.g. G.Fa.[2023]9 or G.Fa. [2023] No. 9
// columns: document_key, document_date, pilot_zones, link, batch_key, row, measure_key, measure, promoted_by, promoted_date, scope, replicated_to, replicated_date
// example: document=G.Fa.[2023]9
MATCH (d:Document)
WHERE d.key = $document OR d.number = $document
MATCH (d)-[n:NAMES_ZONE]->(z:Zone)
WHERE coalesce(n.role, '') <> 'issuer'
WITH d, z
ORDER BY z.key
WITH d, collect(DISTINCT z) AS zones, collect(DISTINCT z.key) AS pilot_zones
UNWIND zones AS z
MATCH (m:Measure)-[:ORIGINATED_IN]->(z)
WITH d, zones, pilot_zones, m, count(DISTINCT z) AS hits
WHERE hits = size(zones) AND NOT EXISTS { MATCH (m)-[:ORIGINATED_IN]->(o:Zone) WHERE NOT o IN zones }
WITH d, pilot_zones, collect(m) AS piloted
WITH d, pilot_zones, piloted, COLLECT {
       UNWIND piloted AS m
       MATCH (m)-[:IN_BATCH]->(:Batch)<-[:IN_BATCH]-(o:Measure)
       WHERE NOT EXISTS { (o)-[:ORIGINATED_IN]->(:Zone) }
       RETURN DISTINCT o
     } AS batchmates
UNWIND [m IN piloted | [m, 'piloted in the named zones']] + [m IN batchmates | [m, 'same batch, no origin stated']]
       AS pair
WITH d, pilot_zones, pair[0] AS m, pair[1] AS link
OPTIONAL MATCH (m)-[:IN_BATCH]->(b:Batch)
OPTIONAL MATCH (m)-[:PROMOTED_BY]->(p:Document)
WITH d, pilot_zones, m, link, b, p,
     [(m)-[r:REPLICATED_TO]->(t) | [r.scope, t.key, r.date]]
     + CASE WHEN b IS NULL THEN [] ELSE [(b)-[r:REPLICATED_TO]->(t) | [r.scope, t.key, r.date]] END AS reps
UNWIND CASE WHEN size(reps) = 0 THEN [[null, null, null]] ELSE reps END AS rep
RETURN d.key AS document_key, d.date AS document_date, pilot_zones, link, b.key AS batch_key, m.row AS row,
       m.key AS measure_key, m.name AS measure, p.key AS promoted_by, p.date AS promoted_date,
       rep[0] AS scope, rep[1] AS replicated_to, rep[2] AS replicated_date
ORDER BY document_key, batch_key, row, measure_key, promoted_by, replicated_to, scope, replicated_date
