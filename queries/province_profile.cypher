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
  RETURN 1 AS part, 'zone' AS section, z AS item, [] AS from_zones, z.kind AS detail, z.established AS date
  UNION ALL
  MATCH (g)-[r:ADOPTED]->(m:Measure)
  RETURN 2 AS part, 'adopted' AS section, m AS item,
         COLLECT { MATCH (m)-[:ORIGINATED_IN]->(o:Zone) RETURN DISTINCT o.key AS k ORDER BY k } AS from_zones,
         r.outcome AS detail, r.date AS date
  UNION ALL
  MATCH (z:Zone)-[:LOCATED_IN]->(g)
  MATCH (z)-[r:ADOPTED]->(m:Measure)
  RETURN 3 AS part, 'adopted by ' + z.key AS section, m AS item,
         COLLECT { MATCH (m)-[:ORIGINATED_IN]->(o:Zone) RETURN DISTINCT o.key AS k ORDER BY k } AS from_zones,
         r.outcome AS detail, r.date AS date
  UNION ALL
  MATCH (m:Measure)-[r:REPLICATED_TO]->(g)
  RETURN 4 AS part, 'replicated to it' AS section, m AS item,
         COLLECT { MATCH (m)-[:ORIGINATED_IN]->(o:Zone) RETURN DISTINCT o.key AS k ORDER BY k } AS from_zones,
         r.scope AS detail, r.date AS date
  UNION ALL
  MATCH (o:Zone)-[r:DIFFUSED_TO]->(g)
  WITH o, r,
       [x IN [CASE WHEN r.date IS :: STRING THEN r.date END] WHERE x =~ '(?!0000)[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?'
          AND (size(x) < 10 OR toInteger(right(x, 2)) <= (date({year: toInteger(left(x, 4)),
               month: toInteger(substring(x, 5, 2)), day: 1}) + duration({months: 1}) - duration({days: 1})).day)
        | [left(x + '-01-01', 10), CASE size(x) WHEN 4 THEN x + '-12-31' WHEN 7 THEN x + '-31' ELSE x END]] AS period
  WHERE r.date IS NULL
        OR ($since IS NULL OR any(p IN period WHERE p[1] >= left($since + '-01-01', 10)))
        AND ($until IS NULL OR any(p IN period WHERE p[0] <= CASE size($until) WHEN 4 THEN $until + '-12-31'
                                                         WHEN 7 THEN $until + '-31' ELSE $until END))
  WITH r.measure AS measure_key, r.via AS via, min(r.date) AS date, collect(DISTINCT o.key) AS froms
  MATCH (m:Measure {key: measure_key})
  RETURN 5 AS part, 'received (derived)' AS section, m AS item,
         COLLECT { UNWIND froms AS k RETURN k ORDER BY k } AS from_zones, via AS detail, date
}
WITH g, part, section, item, from_zones, detail, date,
     [x IN [CASE WHEN date IS :: STRING THEN date END] WHERE x =~ '(?!0000)[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?'
        AND (size(x) < 10 OR toInteger(right(x, 2)) <= (date({year: toInteger(left(x, 4)),
             month: toInteger(substring(x, 5, 2)), day: 1}) + duration({months: 1}) - duration({days: 1})).day)
      | [left(x + '-01-01', 10), CASE size(x) WHEN 4 THEN x + '-12-31' WHEN 7 THEN x + '-31' ELSE x END]] AS period
WHERE date IS NULL
      OR ($since IS NULL OR any(p IN period WHERE p[1] >= left($since + '-01-01', 10)))
      AND ($until IS NULL OR any(p IN period WHERE p[0] <= CASE size($until) WHEN 4 THEN $until + '-12-31'
                                                       WHEN 7 THEN $until + '-31' ELSE $until END))
RETURN g.key AS province_key, g.name AS province, section, head(labels(item)) AS item_label,
       item.key AS item_key, item.name AS item, from_zones, detail, date
ORDER BY province_key, part, section, item_key, detail, date
