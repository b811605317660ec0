from collections.abc import Generator, Iterator

import pytest

pytest_plugins = ["tests.neo4j_fixtures", "tests.browser"]

SHARED_NEO4J_GROUP = "neo4j"
"""The ``xdist_group`` of every test that uses the shared Neo4j server of ``make test``: one worker runs them all."""


def pytest_configure(config: pytest.Config) -> None:
    # pytest-xdist registers this marker itself; registered here too, so that --strict-markers
    # accepts it when the tests run without xdist (a developer running one file).
    config.addinivalue_line("markers", "xdist_group(name): run the tests of one group in one xdist worker")


@pytest.hookimpl(wrapper=True)  # around every other plugin's hook, xdist's too
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> Generator[None, None, None]:
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
    yield
    if getattr(config.option, "loadgroup", False):  # an xdist worker of --dist loadgroup
        _suffix_groups(items)


def _suffix_groups(items: list[pytest.Item]) -> None:
    """Make sure each grouped test's id ends in ``@group``: the xdist controller groups by that suffix alone.

    pytest-xdist 3.8 writes it into ``Item._nodeid``, which pytest 9.2 no longer reads (the id is
    ``Item._id``), so its groups would silently vanish and the shared server's tests run side by
    side. This adds the suffix where xdist could not, and stops the run if it cannot either.
    """
    for item in items:
        marks = item.iter_markers("xdist_group")
        groups = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in marks})
        suffix = "@" + "_".join(groups)
        if not groups or item.nodeid.endswith(suffix):
            continue
        if hasattr(item, "_id"):  # pytest 9.2: a NodeId, parsed from its string
            item._id = type(item._id).parse(item.nodeid + suffix)
        if not item.nodeid.endswith(suffix):
            raise pytest.UsageError(f"cannot put {item.nodeid} in its xdist_group {suffix[1:]}: tests would race")


@pytest.fixture(autouse=True, scope="session")
def _private_build_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the CLI's build cache (shell/cache.py) of a test run in a temporary folder, not the user's."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PFTZ_CACHE_DIR", str(tmp_path_factory.mktemp("pftz-cache")))
        yield
