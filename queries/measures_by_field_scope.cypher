// name: measures_by_field_scope
// description: Measures counted by kind, field and replication scope (null where the report gives none).
// columns: kind, field, scope, measures
MATCH (m:Measure)
RETURN m.kind AS kind, m.field AS field, m.scope AS scope, count(*) AS measures
ORDER BY kind, field, scope
