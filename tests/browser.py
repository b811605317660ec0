"""Pytest fixtures that drive Debian's headless Chromium through Playwright, offline.

Registered in ``tests/conftest.py`` (``pytest_plugins``). Chromium comes from
the Debian package (``tools/setup-test-deps.sh``), never from
``playwright install``. When it is missing the fixtures fail the test: a
browser test never skips.

* ``browser`` (session): a launched :class:`playwright.sync_api.Browser`.
* ``open_offline``: a function ``open_offline(path) -> OfflinePage`` that opens
  an HTML file from disk in a fresh context with the network off: every request
  that is not ``file:``, ``data:``, ``blob:`` or ``about:`` is aborted and
  recorded, and console errors and uncaught page errors are collected.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Route,
    ViewportSize,
    sync_playwright,
)

CHROMIUM = Path(os.environ.get("PFTZ_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
VIEWPORT: ViewportSize = {"width": 1280, "height": 860}


def launch_chromium(playwright: Playwright) -> Browser:
    """Launch Debian's Chromium headless; fail clearly when it is not installed."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run tools/setup-test-deps.sh "
            "(apt-get install chromium), or set PFTZ_CHROMIUM",
            pytrace=False,
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@dataclass
class OfflinePage:
    """A page opened from disk with the network off, and what it tried and reported."""

    page: Page
    context: BrowserContext
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Every network request attempted, console error and uncaught error, as lines."""
        return (
            [f"request: {u}" for u in self.requests]
            + [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
        )

    def wait_drawn(self, timeout_ms: float = 60_000) -> None:
        """Wait until the pyvis page has drawn once and its layout is stable."""
        self.page.wait_for_function("() => window.pftz && window.pftz.drawn && window.pftz.stable", timeout=timeout_ms)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium for the session."""
    with sync_playwright() as p:
        b = launch_chromium(p)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def open_offline(browser: Browser) -> Iterator[Callable[..., OfflinePage]]:
    """Return ``open_offline(path)``; the contexts it opens are closed after the test."""
    contexts: list[BrowserContext] = []

    def _open(path: Path, *, wait: bool = True) -> OfflinePage:
        context = browser.new_context(offline=True, viewport=VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        opened = OfflinePage(page, context)

        def route(r: Route) -> None:
            url = r.request.url
            if url.startswith(LOCAL_SCHEMES):
                r.continue_()
            else:
                opened.requests.append(url)
                r.abort()

        def on_request(req: Request) -> None:
            url = req.url
            if not url.startswith(LOCAL_SCHEMES) and url not in opened.requests:
                opened.requests.append(url)

        def on_console(msg: ConsoleMessage) -> None:
            if msg.type == "error":
                opened.console_errors.append(msg.text)

        context.route("**/*", route)
        page.on("request", on_request)
        page.on("console", on_console)
        page.on("pageerror", lambda e: opened.page_errors.append(str(e)))
        page.goto(Path(path).resolve().as_uri(), wait_until="load")
        if wait:
            opened.wait_drawn()
        return opened

    yield _open
    for c in contexts:
        c.close()


def label_overlaps(op: OfflinePage) -> list[tuple[str, str]]:
    """Pairs of visible labelled nodes whose drawn boxes (shape and label, as the page reports them) overlap."""
    boxes = op.page.evaluate("pftzLabelBoxes()")
    out = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]:
                out.append((a["id"], b["id"]))
    return out


def click_node(op: OfflinePage, nid: str) -> None:
    """Click a node with the mouse, where the page draws it."""
    x, y = op.page.evaluate(
        """id => {
            const p = network.canvasToDOM(network.getPositions([id])[id]);
            const r = document.getElementById('mynetwork').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top];
        }""",
        nid,
    )
    op.page.mouse.click(x, y)
