"""Neo4j Browser is ready on connect: it loads the project's style and opens the guide to the named queries.

The project's server (tools/neo4j/Launcher.java) serves docs/neo4j-browser.grass and docs/neo4j-guide.html
on 127.0.0.1 and names them in ``browser.post_connect_cmd``. Headless Chromium logs in like a user, with no
drag-and-drop and no ``:style`` typed, and checks the guide's first slide and the colour of a drawn Zone.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from playwright.sync_api import Browser

from graph.neo4j_store import graph_to_neo4j
from ground.schema import NODE_TYPES, Label
from queries import browser_guide_html, list_queries
from tests.browser import VIEWPORT
from tests.synthetic import synthetic_graph


@pytest.mark.neo4j
@pytest.mark.browser
def test_browser_applies_the_style_and_opens_the_guide_on_connect(
    neo4j_db: tuple[Any, str], browser: Browser
) -> None:
    driver, db = neo4j_db
    graph_to_neo4j(synthetic_graph(10, 4), driver, database=db)
    http, bolt = os.environ.get("NEO4J_HTTP_PORT", "7474"), os.environ.get("NEO4J_BOLT_PORT", "7687")
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.goto(f"http://127.0.0.1:{http}/browser/?dbms=bolt://127.0.0.1:{bolt}&db={db}", wait_until="load")
        page.locator('[data-testid="password"]').wait_for(timeout=90_000)
        page.fill('[data-testid="username"]', os.environ.get("NEO4J_USER", "neo4j"))
        page.fill('[data-testid="password"]', os.environ.get("NEO4J_PASSWORD", "pftz-test-password"))
        page.click('[data-testid="connect"]')
        # the guide opens by itself, with every named query listed on its first slide
        drawer = page.locator('[data-testid="guidesDrawer"]')
        drawer.get_by_text("pftz-graph: the named queries").wait_for(timeout=90_000)
        first_slide = drawer.inner_text()
        assert all(q.name in first_slide for q in list_queries())
        assert "<slide" in browser_guide_html()
        # the style is applied: a Zone is drawn in the project's Zone colour, not the Browser's default
        page.click('[data-testid="activeEditor"]')
        page.keyboard.type("MATCH (z:Zone) RETURN z LIMIT 3")
        page.click('[data-testid="editor-Run"]')
        page.locator("svg g.node circle.b-outline").first.wait_for(timeout=90_000)
        fills = page.eval_on_selector_all("svg g.node circle.b-outline", "els => els.map(e => e.getAttribute('fill'))")
        assert fills and set(fills) == {NODE_TYPES[Label.ZONE].color}
    finally:
        context.close()
