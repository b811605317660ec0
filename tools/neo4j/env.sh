# Connection settings of the test Neo4j server that tools/neo4j/neo4j.sh starts.
# Sourced by tools/run-tests.sh (and by neo4j.sh itself, so that the server and the
# tests always agree). It deliberately overrides NEO4J_URI/USER/PASSWORD/DATABASE a
# user may have set for another server: the tests wipe the database they talk to.
# To change the test password, set PFTZ_TEST_NEO4J_PASSWORD before starting.
export NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
export NEO4J_HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
export NEO4J_URI="bolt://127.0.0.1:${NEO4J_BOLT_PORT}"
export NEO4J_USER="neo4j"
export NEO4J_PASSWORD="${PFTZ_TEST_NEO4J_PASSWORD:-pftz-test-password}"
export NEO4J_DATABASE="neo4j"
