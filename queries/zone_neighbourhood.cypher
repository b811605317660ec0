// name: zone_neighbourhood
// description: A zone's neighbourhood as a graph, for Neo4j Browser's graph view: every stated relationship
//  of the zone (the measures it originated and adopted, the documents that name it, its province, alliances
//  and parts), one path each; with derived=true also the derived DIFFUSED_TO edges into and out of it,
//  marked derived. Columns: the zone, the relationship type, whether it is derived, the keys of the path's
//  nodes and the path itself (keys and relationship types in path order).
// params: zone (str) — a zone key (shanghai) or its name in any case (Shanghai PFTZ)
// params: derived (int, default 0) — 1 to add the derived DIFFUSED_TO edges, 0 for stated facts only
// columns: zone_key, relation, derived, nodes, path
// example: zone=shanghai; derived=0
MATCH (z:Zone)
WHERE z.key = $zone OR toLower(z.name) = toLower($zone)
MATCH p = (z)-[r]-()
WITH z, p, r, coalesce(r.derived, false) AS derived
WHERE NOT derived OR $derived = 1
RETURN z.key AS zone_key, type(r) AS relation, derived, [n IN nodes(p) | n.key] AS nodes, p AS path
ORDER BY zone_key, derived, relation, nodes
