// name: diffusion_paths
// description: Time-respecting diffusion paths from one zone to another: chains of derived DIFFUSED_TO
//  edges (which carry both replications and ADOPTED facts from the origin zone to the adopter) whose dates
//  never decrease, visiting no node twice, at most max_hops steps (4 at most: the pattern's literal bound).
//  A date stands for the last day of its period (2024 = 2024-12-31); undated edges cannot be on a path, nor
//  edges whose date is not a string written exactly YYYY, YYYY-MM or YYYY-MM-DD (ground.dates.period_end).
//  One row per path of edges: parallel edges (one per measure) give separate paths.
// params: source (str) — the key of the zone the paths start from, e.g. beijing
// params: target (str) — the key of the zone they end at, e.g. chongqing
// params: max_hops (int, default 3) — at most this many steps (the query stops at 4 anyway)
// columns: source_key, target_key, hops, path, measures, dates, via
// example: source=beijing; target=chongqing; max_hops=3
MATCH p = (a:Zone {key: $source})-[:DIFFUSED_TO*1..4]->(b:Zone {key: $target})
WHERE length(p) <= $max_hops
WITH a, b, p, relationships(p) AS rs, nodes(p) AS ns
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
WITH a, b, rs, ns, [r IN rs | CASE WHEN r.date IS :: STRING THEN r.date END] AS ds
WITH a, b, rs, ns, [d IN ds | CASE
       WHEN d =~ '(?!0000)[0-9]{4}' THEN date({year: toInteger(d), month: 12, day: 31})
       WHEN d =~ '(?!0000)[0-9]{4}-(0[1-9]|1[0-2])'
         THEN date({year: toInteger(left(d, 4)), month: toInteger(substring(d, 5, 2)), day: 1})
              + duration({months: 1}) - duration({days: 1})
       WHEN d =~ '(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])'
            AND toInteger(right(d, 2)) <= (date({year: toInteger(left(d, 4)),
                month: toInteger(substring(d, 5, 2)), day: 1}) + duration({months: 1}) - duration({days: 1})).day
         THEN date(d)
     END] AS ends
WHERE all(e IN ends WHERE e IS NOT NULL) AND all(i IN range(0, size(ends) - 2) WHERE ends[i] <= ends[i + 1])
RETURN a.key AS source_key, b.key AS target_key, size(rs) AS hops, [x IN ns | x.key] AS path,
       [r IN rs | r.measure] AS measures, [r IN rs | r.date] AS dates, [r IN rs | r.via] AS via
ORDER BY hops, path, dates, measures, via
