// name: review_list
// description: What a person should check: pairs of measures that may be one innovation (uncertain
//  SAME_AS edges, best score first), then measures with no origin zone (their diffusion cannot be drawn).
//  Names left unresolved by the loaders never reach the graph, so they are not listed here.
// columns: issue, measure_key, measure, kind, other_key, other, score
CALL () {
  MATCH (a:Measure)-[r:SAME_AS]->(b:Measure)
  WHERE coalesce(r.status, 'uncertain') = 'uncertain'
  RETURN 'uncertain SAME_AS' AS issue, a AS m, b AS o, r.score AS score
  UNION ALL
  MATCH (m:Measure)
  WHERE NOT EXISTS { (m)-[:ORIGINATED_IN]->(:Zone) }
  RETURN 'no origin' AS issue, m, null AS o, null AS score
}
RETURN issue, m.key AS measure_key, m.name AS measure, m.kind AS kind, o.key AS other_key, o.name AS other, score
ORDER BY issue DESC, score DESC, measure_key, other_key
