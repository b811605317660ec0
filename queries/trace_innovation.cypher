// name: trace_innovation
// description: The path of one innovation, the measure best matching a few words (as search_measures ranks
//  them) or with that exact key: where it originated and the documents that launched its pilot (naming
//  exactly its origin zones, dated no later than its batch or promotion), the batch and documents that carried it, the bodies
//  that issued them or are responsible, where it was replicated and who adopted it, with dates; one row per
//  fact and evidence entry (source file, line, quote). Derived DIFFUSED_TO edges are left out. A time window
//  (since, until) keeps the dated facts whose period overlaps it; undated facts (origin, bodies) stay as context.
//  A SAME_AS neighbour is named last: 'the same innovation as' when a rule linked the two wordings clearly
//  (status linked), else 'possibly the same as'; pftz trace runs this query on it too and merges a linked one.
// params: words (str) — a few words of the measure's name or title, or its key
// params: since (date, default null) — keep dated facts on or after this partial date (2024 overlaps 2024-06); undated facts stay
// params: until (date, default null) — keep dated facts on or before this partial date
// columns: measure_key, measure, kind, step, fact, relation, node_label, node_key, node, detail, date, source, line, quote
// example: words=ship supervision and declaration
OPTIONAL MATCH (k:Measure {key: $words})
CALL (k) {
  WITH k
  WHERE k IS NOT NULL
  RETURN k AS m, 1 AS exact, 0 AS score
  UNION
  WITH k, [w IN split(toLower($words), ['\t', '\n', '\r', ' ', '\u00A0', '\u3000', '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', ':', ';', '<', '=', '>', '?', '@', '[', '\\', ']', '^', '_', '`', '{', '|', '}', '~', '–', '—', '‘', '’', '“', '”', '…', '·', '，', '。', '、', '：', '；', '（', '）', '《', '》', '〔', '〕', '【', '】', '！', '？']) WHERE w =~ '[a-z0-9]+'] AS words
  WHERE k IS NULL AND size(words) > 0
  CALL db.index.fulltext.queryNodes('measure_text', reduce(q = '', w IN words | q + ' +*' + w + '*'))
  YIELD node
  WITH node AS m, words, [f IN [node.name, node.title, node.text] | toLower(coalesce(f, ''))] AS fields
  WHERE all(w IN words WHERE any(f IN fields WHERE f CONTAINS w))
  WITH m, words, fields,
       '(?s)(.*[^a-z0-9])?' + reduce(s = head(words), w IN tail(words) | s + '[^a-z0-9]+' + w) + '([^a-z0-9].*)?'
       AS phrase
  RETURN m, 0 AS exact,
         4 * size([w IN words WHERE any(f IN fields WHERE f =~ '(?s)(.*[^a-z0-9])?' + w + '([^a-z0-9].*)?')])
         + CASE WHEN any(f IN fields WHERE f =~ phrase) THEN 2 ELSE 0 END
         + CASE WHEN all(w IN words WHERE fields[0] CONTAINS w) THEN 1 ELSE 0 END AS score
}
WITH m ORDER BY exact DESC, score DESC, m.key LIMIT 1
CALL (m) {
  RETURN 0 AS step, 'measure' AS fact, null AS relation, m AS n, m.kind AS detail, null AS date, null AS dated,
         m.provenance AS prov
  UNION ALL
  MATCH (m)-[r:ORIGINATED_IN]->(n:Zone)
  RETURN 1 AS step, 'originated in' AS fact, type(r) AS relation, n, n.kind AS detail, null AS date, null AS dated,
         r.provenance AS prov
  UNION ALL
  // Where the pilot began: the documents naming exactly the zones the measure originated in (issuers aside).
  // A document dated after the measure's batch or promotion did not launch its pilot.
  MATCH (m)-[:ORIGINATED_IN]->(o:Zone)
  WITH m, collect(DISTINCT o) AS origin
  WITH m, origin,
       reduce(f = null, x IN [(m)-[:IN_BATCH]->(b:Batch) | b.date_start] + [(m)-[:PROMOTED_BY]->(d:Document) | d.date_start]
              | CASE WHEN x IS NULL THEN f WHEN f IS NULL OR x < f THEN x ELSE f END) AS first
  UNWIND origin AS z
  MATCH (n:Document)-[r:NAMES_ZONE]->(z)
  WHERE coalesce(r.role, '') <> 'issuer'
  WITH origin, first, n, collect(DISTINCT z) AS named, collect(r) AS rs
  WHERE size(named) = size(origin)
    AND NOT EXISTS { MATCH (n)-[x:NAMES_ZONE]->(other:Zone) WHERE coalesce(x.role, '') <> 'issuer' AND NOT other IN origin }
    AND (first IS NULL OR n.date_start IS NULL OR n.date_start <= first)
  RETURN 2 AS step, 'pilot launched by' AS fact, 'NAMES_ZONE' AS relation, n, n.number AS detail, n.date AS date,
         n AS dated, reduce(acc = [], r IN rs | acc + [p IN coalesce(r.provenance, []) WHERE NOT p IN acc]) AS prov
  UNION ALL
  MATCH (m)-[r:IN_BATCH]->(n:Batch)
  RETURN 3 AS step, 'in batch' AS fact, type(r) AS relation, n,
         CASE WHEN r.row IS NULL THEN null ELSE 'row ' + toString(r.row) END AS detail, n.date AS date, n AS dated,
         r.provenance AS prov
  UNION ALL
  MATCH (m)-[:IN_BATCH]->(:Batch)-[r:RELEASED_BY]->(n)
  RETURN 4 AS step, 'batch released by' AS fact, type(r) AS relation, n, n.number AS detail, n.date AS date,
         n AS dated, r.provenance AS prov
  UNION ALL
  MATCH (m)-[r:PROMOTED_BY]->(n:Document)
  RETURN 5 AS step, 'promoted by' AS fact, type(r) AS relation, n, n.number AS detail, n.date AS date,
         n AS dated, r.provenance AS prov
  UNION ALL
  UNWIND [(m)-[:PROMOTED_BY]->(d:Document) | d] + [(m)-[:IN_BATCH]->(:Batch)-[:RELEASED_BY]->(d:Document) | d] AS d
  WITH DISTINCT d
  MATCH (d)-[r:ISSUED_BY]->(n:IssuingBody)
  RETURN 6 AS step, 'document issued by' AS fact, type(r) AS relation, n, coalesce(d.number, d.key) AS detail,
         d.date AS date, d AS dated, r.provenance AS prov
  UNION ALL
  MATCH (n:IssuingBody)-[r:RESPONSIBLE_FOR]->(m)
  RETURN 7 AS step, 'responsible for the measure' AS fact, type(r) AS relation, n, null AS detail, null AS date,
         null AS dated, r.provenance AS prov
  UNION ALL
  MATCH (m)-[:IN_BATCH]->(b:Batch)<-[r:RESPONSIBLE_FOR]-(n:IssuingBody)
  RETURN 7 AS step, 'responsible for the batch' AS fact, type(r) AS relation, n, b.key AS detail, null AS date,
         null AS dated, r.provenance AS prov
  UNION ALL
  MATCH (m)-[r:REPLICATED_TO]->(n)
  RETURN 8 AS step, 'replicated to' AS fact, type(r) AS relation, n, r.scope AS detail, r.date AS date,
         r AS dated, r.provenance AS prov
  UNION ALL
  MATCH (m)-[:IN_BATCH]->(:Batch)-[r:REPLICATED_TO]->(n)
  RETURN 8 AS step, 'batch replicated to' AS fact, type(r) AS relation, n, r.scope AS detail, r.date AS date,
         r AS dated, r.provenance AS prov
  UNION ALL
  MATCH (n)-[r:ADOPTED]->(m)
  RETURN 9 AS step, 'adopted by' AS fact, type(r) AS relation, n, r.outcome AS detail, r.date AS date,
         r AS dated, r.provenance AS prov
  UNION ALL
  MATCH (m)-[r:SAME_AS]-(n:Measure)
  RETURN 10 AS step, CASE r.status WHEN 'linked' THEN 'the same innovation as' ELSE 'possibly the same as' END AS fact, type(r) AS relation, n, r.status AS detail, null AS date,
         null AS dated, r.provenance AS prov
}
// The time window: one comparison of the period stored when the graph was built (date_start..date_end);
// undated facts stay, a date without a period (invalid) lies outside.
WITH m, step, fact, relation, n, detail, date, prov, dated.date_start AS ds, dated.date_end AS de
WHERE ($since IS NULL AND $until IS NULL) OR (ds IS NULL AND date IS NULL)
      OR (ds IS NOT NULL AND ($since IS NULL OR de >= $since) AND ($until IS NULL OR left(ds, size($until)) <= $until))
// Provenance entries are JSON strings with sorted keys; cut line, source and quote out of them.
UNWIND CASE WHEN size(coalesce(prov, [])) = 0 THEN [null] ELSE prov END AS p
WITH m, step, fact, relation, n, detail, date, toInteger(split(split(p, '"line":')[1], [',', '}'])[0]) AS line,
     [rest IN [split(p, '"source":"')[1], split(p, '"quote":"')[1]] | split(rest, '","')] AS cut
WITH m, step, fact, relation, n, detail, date, line,
     [parts IN cut | CASE WHEN size(parts) = 1 THEN left(parts[0], size(parts[0]) - 2) ELSE parts[0] END] AS raw
WITH m, step, fact, relation, n, detail, date, line,
     [s IN raw | replace(replace(replace(replace(replace(replace(replace(
       s, '\\\\', '\u0001'), '\\"', '"'), '\\n', '\n'), '\\r', '\r'), '\\t', '\t'), '\\/', '/'), '\u0001', '\\')] AS text
RETURN m.key AS measure_key, m.name AS measure, m.kind AS kind, step, fact, relation,
       head(labels(n)) AS node_label, n.key AS node_key, n.name AS node, detail, date,
       text[0] AS source, line, text[1] AS quote
ORDER BY step, date, node_label, node_key, detail, line, quote, source
