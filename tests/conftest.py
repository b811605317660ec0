from collections.abc import Iterator

import pytest

pytest_plugins = ["tests.neo4j_fixtures", "tests.browser"]


@pytest.fixture(autouse=True, scope="session")
def _private_build_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the CLI's build cache (shell/cache.py) of a test run in a temporary folder, not the user's."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PFTZ_CACHE_DIR", str(tmp_path_factory.mktemp("pftz-cache")))
        yield
