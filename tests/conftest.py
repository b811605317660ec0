pytest_plugins = ["tests.neo4j_fixtures", "tests.browser"]
