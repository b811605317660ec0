"""Documents generated from :mod:`ground.schema`: the schema reference, its diagram and the Browser style.

``pftz docs --out docs/`` writes them; a test checks the committed copies are
current, so the documentation cannot drift from the code.
"""

from __future__ import annotations

from pathlib import Path

from pftz.ground.io import atomic_write_text
from pftz.ground.schema import (
    COMMON_EDGE_PROPERTIES,
    COMMON_NODE_PROPERTIES,
    NODE_TYPES,
    PATTERNS,
    REL_TYPES,
    Rel,
)
from pftz.queries import catalogue_markdown
from pftz.shell.guide import browser_guide_html

DERIVED_RELS = frozenset({Rel.DIFFUSED_TO})
"""Relationship types that only derivation makes (``derived: true``); the Browser style draws them apart."""
DERIVED_COLOR = "#d0d0d0"


def mermaid_diagram() -> str:
    """A Mermaid flowchart of every allowed ``(label)-[REL]->(label)`` pattern."""
    lines = ["flowchart LR"]
    for label, t in NODE_TYPES.items():
        lines.append(f"    {label}([{label}])")
        lines.append(f"    style {label} fill:{t.color},color:#fff")
    for src, rel, dst in sorted(PATTERNS, key=lambda p: (str(p[1]), str(p[0]), str(p[2]))):
        lines.append(f"    {src} -- {rel} --> {dst}")
    return "\n".join(lines) + "\n"


def schema_markdown() -> str:
    """The schema reference in Markdown (labels, properties, relationships, patterns)."""
    out = [
        "# Schema reference",
        "",
        "Generated from `ground/schema.py` by `pftz docs`; do not edit by hand.",
        "",
        "Every node has "
        + ", ".join(f"`{k}`" for k in COMMON_NODE_PROPERTIES)
        + "; every relationship has "
        + ", ".join(f"`{k}`" for k in COMMON_EDGE_PROPERTIES)
        + ". `provenance` lists every place a fact was read: source file, its sha256, line, section and quote. "
        "Edges with `derived: true` are computed (diffusion), not stated by a source.",
        "",
        "```mermaid",
        mermaid_diagram().rstrip(),
        "```",
        "",
        "## Node labels",
        "",
        "| label | description | properties | required | colour | shape |",
        "|---|---|---|---|---|---|",
    ]
    for label, t in NODE_TYPES.items():
        props = ", ".join(f"`{k}`: {v}" for k, v in t.properties.items())
        req = ", ".join(f"`{k}`" for k in t.required) or "-"
        out.append(f"| `{label}` | {t.description} | {props} | {req} | `{t.color}` | {t.shape} |")
    out += ["", "## Relationship types", "", "| type | patterns | properties | description |", "|---|---|---|---|"]
    for rel, r in REL_TYPES.items():
        pats = "<br>".join(f"({s})->({d})" for s, d in r.patterns)
        props = ", ".join(f"`{k}`: {v}" for k, v in r.properties.items()) or "-"
        out.append(f"| `{rel}` | {pats} | {props} | {r.description} |")
    return "\n".join(out) + "\n"


def _text_color(hex_color: str) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if (0.299 * r + 0.587 * g + 0.114 * b) > 160 else "#FFFFFF"


def grass_stylesheet() -> str:
    """A Neo4j Browser style sheet (GRASS) with the colours and captions of the HTML exports."""
    out = [
        "node {",
        "  diameter: 50px;",
        "  color: #A5ABB6;",
        "  border-color: #9AA1AC;",
        "  border-width: 2px;",
        "  text-color-internal: #FFFFFF;",
        "  font-size: 10px;",
        "}",
        "relationship {",
        "  color: #A5ABB6;",
        "  shaft-width: 1px;",
        "  font-size: 8px;",
        "  padding: 3px;",
        "  text-color-external: #000000;",
        "  text-color-internal: #FFFFFF;",
        "  caption: '<type>';",
        "}",
    ]
    for label, t in NODE_TYPES.items():
        out += [
            f"node.{label} {{",
            f"  color: {t.color};",
            f"  border-color: {t.color};",
            f"  text-color-internal: {_text_color(t.color)};",
            f"  caption: '{{{t.caption}}}';",
            "}",
        ]
    for rel, r in REL_TYPES.items():
        if rel in DERIVED_RELS:  # inferred, never stated: thin, light and captioned so in the graph view
            out += [f"relationship.{rel} {{", f"  color: {DERIVED_COLOR};", "  shaft-width: 1px;"]
            out += ["  caption: 'derived';", "}"]
        else:
            out += [f"relationship.{rel} {{", f"  color: {r.color};", "  shaft-width: 2px;", "}"]
    return "\n".join(out) + "\n"


def write_docs(out_dir: str | Path) -> dict[str, Path]:
    """Write the generated documents into ``out_dir``; return name -> path."""
    d = Path(out_dir)
    written = {
        "schema": atomic_write_text(d / "schema.md", schema_markdown()),
        "grass": atomic_write_text(d / "neo4j-browser.grass", grass_stylesheet()),
    }
    written["queries"] = atomic_write_text(d / "queries.md", catalogue_markdown())
    written["guide"] = atomic_write_text(d / "neo4j-guide.html", browser_guide_html())
    return written
