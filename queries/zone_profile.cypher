// name: zone_profile
// description: A zone's profile: the innovations that originated in it or in one of its areas (detail: the
//  area), the documents that name it, the measures it adopted, those that reached it (derived diffusion: one
//  row per measure and carrier, earliest date), the alliances or groups it belongs to, the zones it is part
//  of or that are part of it, and the
//  province it lies in (so a zone without cases of its own still has its context). A time
//  window (since, until) keeps the dated rows whose period overlaps it (received: the edges dated in it).
// params: zone (str) — a zone key (shanghai, zhejiang/jiaxing-coordinated-innovation-zone) or its name in any case (Shanghai PFTZ)
// params: since (date, default null) — keep dated facts on or after this partial date (2024 overlaps 2024-06); undated facts stay
// params: until (date, default null) — keep dated facts on or before this partial date
// columns: zone_key, zone, section, item_label, item_key, item, detail, date
// example: zone=shanghai
MATCH (z:Zone)
WHERE z.key = $zone OR toLower(z.name) = toLower($zone)
CALL (z) {
  MATCH (m:Measure)-[:ORIGINATED_IN]->(z)
  RETURN 1 AS part, 'innovation' AS section, m AS item, m.kind AS detail, null AS date, null AS dated
  UNION ALL
  MATCH (m:Measure)-[:ORIGINATED_IN]->(s:Zone)-[:PART_OF]->(z)
  RETURN 1 AS part, 'innovation of a part' AS section, m AS item, s.key AS detail, null AS date, null AS dated
  UNION ALL
  MATCH (d:Document)-[r:NAMES_ZONE]->(z)
  RETURN 2 AS part, 'named by' AS section, d AS item, r.role AS detail, d.date AS date, d AS dated
  UNION ALL
  MATCH (z)-[r:ADOPTED]->(m:Measure)
  RETURN 3 AS part, 'adopted' AS section, m AS item, r.outcome AS detail, r.date AS date, r AS dated
  UNION ALL
  MATCH (:Zone)-[r:DIFFUSED_TO]->(z)
  WHERE ($since IS NULL AND $until IS NULL) OR (r.date_start IS NULL AND r.date IS NULL)
        OR (r.date_start IS NOT NULL AND ($since IS NULL OR r.date_end >= $since) AND ($until IS NULL OR left(r.date_start, size($until)) <= $until))
  WITH r.measure AS measure_key, r.via AS via, min(r.date) AS date,
       {date_start: min(r.date_start), date_end: max(r.date_end)} AS dated
  MATCH (m:Measure {key: measure_key})
  RETURN 4 AS part, 'received' AS section, m AS item, via AS detail, date, dated
  UNION ALL
  MATCH (z)-[:MEMBER_OF]->(a)
  RETURN 5 AS part, 'member of' AS section, a AS item, a.kind AS detail, null AS date, null AS dated
  UNION ALL
  MATCH (z)-[:PART_OF]->(p:Zone)
  RETURN 6 AS part, 'part of' AS section, p AS item, p.kind AS detail, null AS date, null AS dated
  UNION ALL
  MATCH (s:Zone)-[:PART_OF]->(z)
  RETURN 7 AS part, 'has part' AS section, s AS item, s.kind AS detail, null AS date, null AS dated
  UNION ALL
  MATCH (z)-[:LOCATED_IN]->(r:Region)
  RETURN 8 AS part, 'located in' AS section, r AS item, r.kind AS detail, null AS date, null AS dated
}
WITH z, part, section, item, detail, date, dated.date_start AS ds, dated.date_end AS de
WHERE ($since IS NULL AND $until IS NULL) OR (ds IS NULL AND date IS NULL)
      OR (ds IS NOT NULL AND ($since IS NULL OR de >= $since) AND ($until IS NULL OR left(ds, size($until)) <= $until))
RETURN z.key AS zone_key, z.name AS zone, section, head(labels(item)) AS item_label, item.key AS item_key,
       item.name AS item, detail, date
ORDER BY zone_key, part, item_key, detail, date
