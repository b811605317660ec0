// name: province_profile
// description: What a province adopted, from whom and when: its own stated adoptions and those of the zones
//  located in it (from_zones: the zones the measure originated in), the measures replicated to it by name,
//  the measures that reached it by derived diffusion (one row per measure and carrier, earliest date,
//  from_zones: the origin zones it came from) and the zones located in it (date: established). A time window
//  (since, until) keeps the dated rows whose period overlaps it (received: the edges dated in it).
// params: province (str) — a province key (shanxi, guangdong) or its name in any case (Shanxi)
// params: since (date, default null) — keep dated rows on or after this partial date (2024 overlaps 2024-06); undated rows stay
// params: until (date, default null) — keep dated rows on or before this partial date
// columns: province_key, province, section, item_label, item_key, item, from_zones, detail, date
// example: province=shanxi
MATCH (g:Region {kind: 'province'})
WHERE g.key = $province OR toLower(g.name) = toLower($province)
CALL (g) {
  MATCH (z:Zone)-[:LOCATED_IN]->(g)
  RETURN 1 AS part, 'zone' AS section, z AS item, [] AS from_zones, z.kind AS detail, z.established AS date, z AS dated
  UNION ALL
  MATCH (g)-[r:ADOPTED]->(m:Measure)
  RETURN 2 AS part, 'adopted' AS section, m AS item,
         COLLECT { MATCH (m)-[:ORIGINATED_IN]->(o:Zone) RETURN DISTINCT o.key AS k ORDER BY k } AS from_zones,
         r.outcome AS detail, r.date AS date, r AS dated
  UNION ALL
  MATCH (z:Zone)-[:LOCATED_IN]->(g)
  MATCH (z)-[r:ADOPTED]->(m:Measure)
  RETURN 3 AS part, 'adopted by ' + z.key AS section, m AS item,
         COLLECT { MATCH (m)-[:ORIGINATED_IN]->(o:Zone) RETURN DISTINCT o.key AS k ORDER BY k } AS from_zones,
         r.outcome AS detail, r.date AS date, r AS dated
  UNION ALL
  MATCH (m:Measure)-[r:REPLICATED_TO]->(g)
  RETURN 4 AS part, 'replicated to it' AS section, m AS item,
         COLLECT { MATCH (m)-[:ORIGINATED_IN]->(o:Zone) RETURN DISTINCT o.key AS k ORDER BY k } AS from_zones,
         r.scope AS detail, r.date AS date, r AS dated
  UNION ALL
  MATCH (o:Zone)-[r:DIFFUSED_TO]->(g)
  WHERE ($since IS NULL AND $until IS NULL) OR (r.date_start IS NULL AND r.date IS NULL)
        OR (r.date_start IS NOT NULL AND ($since IS NULL OR r.date_end >= $since) AND ($until IS NULL OR left(r.date_start, size($until)) <= $until))
  WITH r.measure AS measure_key, r.via AS via, min(r.date) AS date,
       {date_start: min(r.date_start), date_end: max(r.date_end)} AS dated, collect(DISTINCT o.key) AS froms
  MATCH (m:Measure {key: measure_key})
  RETURN 5 AS part, 'received (derived)' AS section, m AS item,
         COLLECT { UNWIND froms AS k RETURN k ORDER BY k } AS from_zones, via AS detail, date, dated
}
WITH g, part, section, item, from_zones, detail, date, dated.date_start AS ds, dated.date_end AS de
WHERE ($since IS NULL AND $until IS NULL) OR (ds IS NULL AND date IS NULL)
      OR (ds IS NOT NULL AND ($since IS NULL OR de >= $since) AND ($until IS NULL OR left(ds, size($until)) <= $until))
RETURN g.key AS province_key, g.name AS province, section, head(labels(item)) AS item_label,
       item.key AS item_key, item.name AS item, from_zones, detail, date
ORDER BY province_key, part, section, item_key, detail, date
