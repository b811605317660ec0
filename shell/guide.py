"""The Neo4j Browser guide to the named queries (``docs/neo4j-guide.html``), from a template.

The project's Neo4j server (``tools/neo4j/Launcher.java``) opens it after the
Browser connects. Each slide runs from clicks alone: its one ``:params`` line
(every parameter, null ones included) and then its query.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader

from pftz.queries import browser_params, list_queries

__all__ = ["browser_guide_html"]


def browser_guide_html() -> str:
    """Return the Neo4j Browser guide to the named queries.

    One slide to start (what the graph holds, how parameters are set) and one
    per query: its description, the ``:params`` line of its example and its
    Cypher, both runnable blocks. All text is HTML-escaped by the template.

    Returns
    -------
    str
    """
    env = Environment(loader=PackageLoader("pftz.shell", "templates"), autoescape=True, keep_trailing_newline=True)
    slides = [
        {
            "name": q.name,
            "summary": q.description.split(". ")[0],
            "description": q.description,
            "params": browser_params(q),
            "columns": ", ".join(q.columns),
            "cypher": q.cypher.rstrip(),
            "graph": "path" in q.columns,
        }
        for q in list_queries()
    ]
    return env.get_template("neo4j-guide.html").render(slides=slides)
