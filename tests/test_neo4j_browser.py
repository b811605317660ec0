"""Neo4j Browser is ready on connect: it loads the project's style and opens the guide to the named queries.

The project's server (tools/neo4j/Launcher.java) serves docs/neo4j-browser.grass and docs/neo4j-guide.html
on 127.0.0.1 and names them in ``browser.post_connect_cmd``. Headless Chromium logs in like a user, with no
drag-and-drop and no ``:style`` typed, and checks the guide's first slide and the colour of a drawn Zone.
A private server on other ports advertises those ports (discovery endpoint and connect form) and lets no
request leave 127.0.0.1; every slide of the guide runs from clicks alone and returns rows.
"""

from __future__ import annotations

import json
import os
import re
import urllib.request
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, Route, expect

from pftz.graph.build import graph_from_reports
from pftz.graph.neo4j_store import graph_to_neo4j
from pftz.ground.schema import NODE_TYPES, Label
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from pftz.queries import list_queries
from pftz.shell.docs import DERIVED_COLOR
from pftz.shell.guide import browser_guide_html
from tests.browser import VIEWPORT
from tests.neo4j_fixtures import SpareNeo4j
from tests.synthetic import synthetic_graph

PASSWORD = os.environ.get("NEO4J_PASSWORD", "pftz-test-password")


def _log_in(page: Page, http: int | str, *, db: str | None = None) -> None:
    """Open the Browser of the server on ``http``, log in with the form's address and wait for the guide."""
    page.goto(f"http://127.0.0.1:{http}/browser/", wait_until="load")
    page.locator('[data-testid="password"]').wait_for(timeout=90_000)
    page.fill('[data-testid="username"]', os.environ.get("NEO4J_USER", "neo4j"))
    page.fill('[data-testid="password"]', PASSWORD)
    if db is not None:
        page.fill('[data-testid="database"]', db)
    page.click('[data-testid="connect"]')
    page.locator('[data-testid="guidesDrawer"]').get_by_text("pftz-graph: the named queries").wait_for(timeout=90_000)


@pytest.mark.neo4j
@pytest.mark.browser
def test_browser_applies_the_style_and_opens_the_guide_on_connect(neo4j_db: tuple[Any, str], browser: Browser) -> None:
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


@pytest.mark.neo4j
@pytest.mark.browser
def test_a_server_on_other_ports_advertises_them_and_nothing_leaves_127_0_0_1(
    spare_neo4j: SpareNeo4j, browser: Browser
) -> None:
    spare_neo4j.start()
    bolt, http = spare_neo4j.bolt_port, spare_neo4j.http_port
    assert {bolt, http}.isdisjoint({7687, 7474})
    with urllib.request.urlopen(f"http://127.0.0.1:{http}/", timeout=30) as answer:
        discovery = json.load(answer)
    assert discovery["bolt_direct"] == f"bolt://127.0.0.1:{bolt}"
    assert discovery["bolt_routing"] == f"neo4j://127.0.0.1:{bolt}"

    context = browser.new_context(viewport=VIEWPORT)
    sent: list[str] = []  # requests that reached the network
    refused: dict[str, str] = {}  # requests the page's Content-Security-Policy stopped before they left

    def route(r: Route) -> None:
        sent.append(r.request.url)
        if urlsplit(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            r.abort()

    def failed(req: Request) -> None:
        refused[req.url] = req.failure or ""

    context.route("**/*", route)
    page = context.new_page()
    page.on("requestfailed", failed)
    try:
        page.goto(f"http://127.0.0.1:{http}/browser/", wait_until="load")
        page.locator('[data-testid="boltaddress"]').wait_for(timeout=90_000)
        assert page.input_value('[data-testid="boltaddress"]') == f"127.0.0.1:{bolt}"
        _log_in(page, http)
        page.wait_for_timeout(3_000)  # whatever the Browser sends after it connects
        assert sent, "the request log is empty: the route did not see the Browser's requests"
        assert [u for u in sent if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                and urlsplit(u).hostname != "127.0.0.1"] == []  # fmt: skip
        outside = {u: why for u, why in refused.items() if urlsplit(u).hostname != "127.0.0.1"}
        assert all(why == "csp" for why in outside.values()), outside
    finally:
        context.close()


def _run_and_read(page: Page) -> tuple[str, str]:
    """Run what the editor holds; return the new result frame's text and status line once it has finished."""
    # The Browser keeps a bounded number of frames, so mark the old ones rather than count them.
    page.eval_on_selector_all('[data-testid="frame"]', "fs => fs.forEach(f => f.dataset.pftzSeen = '1')")
    page.click('[data-testid="editor-Run"]')
    page.wait_for_function(
        """() => { const f = document.querySelector('[data-testid="frame"]');
                   const bar = f && f.querySelector('[data-testid="frameStatusbar"]');
                   return f && !f.dataset.pftzSeen && !f.querySelector('[data-testid="spinner"]')
                          && (bar && bar.innerText.trim().length > 0
                              || /parameters|Displaying \\d+ nodes/.test(f.innerText)); }""",
        timeout=120_000,
    )
    frame = page.locator('[data-testid="frame"]').first
    bar = frame.locator('[data-testid="frameStatusbar"]')
    return frame.inner_text(), bar.inner_text() if bar.count() else ""


@pytest.mark.neo4j
@pytest.mark.browser
def test_every_guide_slide_runs_from_clicks_and_returns_rows(neo4j_db: tuple[Any, str], browser: Browser) -> None:
    driver, db = neo4j_db
    graph_to_neo4j(graph_from_reports([load_report()], reference=load_reference()), driver, database=db)
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        _log_in(page, os.environ.get("NEO4J_HTTP_PORT", "7474"), db=db)
        drawer = page.locator('[data-testid="guidesDrawer"]')
        seen = []
        for q in list_queries():
            drawer.locator('[data-testid="guideNextSlide"]').click()
            # the carousel moves after the click: wait for the slide's title (it once read the last one at load)
            expect(drawer.locator(".slide h3").first).to_have_text(q.name, timeout=30_000)
            blocks = drawer.locator(".slide pre.runnable")
            assert blocks.count() == (2 if q.params else 1), q.name
            for k in range(blocks.count()):
                blocks.nth(k).click()  # a click puts the block into the editor
                text, status = _run_and_read(page)
                if k + 1 < blocks.count():
                    assert "Successfully set your parameters" in text, f"{q.name}: {text!r}"
                    continue
                # a table says how many records it streamed; the graph view how many nodes it draws
                shown = re.search(r"(?:Started streaming|Displaying) (\d+) (?:records|nodes)", f"{status}\n{text}")
                assert shown and int(shown.group(1)) > 0, f"{q.name}: {status!r}"
                if q.name == "trace_graph":  # derived edges drawn apart from stated ones, by the project's style
                    drawn = page.locator('[data-testid="frame"]').first.locator("svg g.relationship path.b-outline")
                    drawn.first.wait_for(timeout=60_000)  # the graph view draws after the status line
                    fills = drawn.evaluate_all("els => els.map(e => e.getAttribute('fill'))")
                    assert DERIVED_COLOR in fills and set(fills) - {DERIVED_COLOR}, fills
                seen.append(q.name)
        assert seen == [q.name for q in list_queries()]
    finally:
        context.close()
