// name: trace_graph
// description: The path of one innovation as a graph, for Neo4j Browser's graph view: one path per fact, from
//  the measure (its key or its name in any case) to where it originated, the batch and the document that
//  released it, the documents that promoted it, where it was replicated and who adopted it; then, marked
//  derived, the DIFFUSED_TO edges its diffusion adds from its origin zones. Columns: the step, whether the path
//  is derived, the keys of the path's nodes and the path itself (keys and relationship types in path order).
// params: measure (str) — a measure key (national:pilot-measures:1:1) or its name in any case
// columns: measure_key, step, derived, nodes, path
// example: measure=national:pilot-measures:1:1
MATCH (m:Measure)
WHERE m.key = $measure OR toLower(m.name) = toLower($measure)
CALL (m) {
  MATCH p = (m)-[:ORIGINATED_IN]->(:Zone)
  RETURN 1 AS step, false AS derived, p
  UNION ALL
  MATCH p = (m)-[:IN_BATCH]->(:Batch)-[:RELEASED_BY]->(:Document)
  RETURN 2 AS step, false AS derived, p
  UNION ALL
  MATCH p = (m)-[:PROMOTED_BY]->(:Document)
  RETURN 3 AS step, false AS derived, p
  UNION ALL
  MATCH p = (m)-[:REPLICATED_TO]->()
  RETURN 4 AS step, false AS derived, p
  UNION ALL
  MATCH p = (m)-[:IN_BATCH]->(:Batch)-[:REPLICATED_TO]->()
  RETURN 4 AS step, false AS derived, p
  UNION ALL
  MATCH p = ()-[:ADOPTED]->(m)
  RETURN 5 AS step, false AS derived, p
  UNION ALL
  MATCH p = (m)-[:ORIGINATED_IN]->(:Zone)-[r:DIFFUSED_TO]->()
  WHERE r.measure = m.key
  RETURN 6 AS step, true AS derived, p
}
RETURN m.key AS measure_key, step, derived, [n IN nodes(p) | n.key] AS nodes, p AS path
ORDER BY measure_key, step, nodes
