from collections.abc import Iterator

import pytest

pytest_plugins = ["tests.neo4j_fixtures", "tests.browser"]

SHARED_NEO4J_GROUP = "neo4j"
"""The ``xdist_group`` of every test that uses the shared Neo4j server of ``make test``: one worker runs them all."""


def pytest_configure(config: pytest.Config) -> None:
    # pytest-xdist registers this marker itself; registered here too, so that --strict-markers
    # accepts it when the tests run without xdist (a developer running one file).
    config.addinivalue_line("markers", "xdist_group(name): run the tests of one group in one xdist worker")


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads the group into the test's id
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put every test of the shared Neo4j server in one ``xdist_group`` (``-n 2 --dist loadgroup``).

    Those tests empty and fill the one database in turn, so no two may run at the same time: a test
    is in the group when it uses the server's fixtures (``neo4j_connection``, and ``neo4j_db`` and the
    modules' own fixtures built on it) or carries the ``neo4j`` marker, unless its only server is a
    private one (``spare_neo4j``: its own ports and run dir), which may run beside the others.
    """
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        shared = "neo4j_connection" in fixtures
        private_only = "spare_neo4j" in fixtures and not shared
        if shared or (item.get_closest_marker("neo4j") is not None and not private_only):
            item.add_marker(pytest.mark.xdist_group(SHARED_NEO4J_GROUP))


@pytest.fixture(autouse=True, scope="session")
def _private_build_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the CLI's build cache (shell/cache.py) of a test run in a temporary folder, not the user's."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PFTZ_CACHE_DIR", str(tmp_path_factory.mktemp("pftz-cache")))
        yield
