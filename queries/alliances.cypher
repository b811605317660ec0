// name: alliances
// description: Alliances and joint mechanisms of PFTZs: their member zones, the batches they released
//  and how many measures those batches hold in the graph.
// columns: alliance_key, alliance, kind, members, batches, measures
MATCH (a:Alliance)
RETURN a.key AS alliance_key, a.name AS alliance, a.kind AS kind,
       COLLECT { MATCH (z:Zone)-[:MEMBER_OF]->(a) RETURN DISTINCT z.key AS k ORDER BY k } AS members,
       COLLECT { MATCH (b:Batch)-[:RELEASED_BY]->(a) RETURN DISTINCT b.key AS k ORDER BY k } AS batches,
       COUNT { MATCH (m:Measure)-[:IN_BATCH]->(:Batch)-[:RELEASED_BY]->(a) RETURN DISTINCT m } AS measures
ORDER BY alliance_key
