"""One ranked search over every node: names, aliases, printed variants, context phrases, evidence.

Why SQLite FTS5
---------------
The graph of one report holds a few hundred nodes and a few thousand evidence
sentences. SQLite's FTS5 (in the standard library's :mod:`sqlite3`) gives
BM25 relevance with a weight per column (``bm25()``), in memory, built in a
few milliseconds and with nothing to install; the pure-Python BM25 packages
would add a dependency for less (no column weights, no vocabulary table).
Typo tolerance comes from the vocabulary of the indexed texts: each
search word also counts through the indexed words within a few edits of it
(rapidfuzz's Levenshtein distance), as Lucene's fuzzy term ``word~N`` does on
Neo4j.

The ranking rules (both backends)
---------------------------------
1. A search equal to a node's key comes first.
2. Then nodes whose name, title or number is the search itself, compared by
   :func:`ground.names.normalize_name`; then those one of whose other names
   (aliases, printed variants, Chinese name, abbreviation: the rest of the
   ``names`` field of :data:`ground.schema.SEARCH_FIELDS`) is the search. So
   "Shanghai PFTZ" is the zone first, and its administration (printed once as
   "Shanghai PFTZ") next.
3. Then by relevance: BM25 over the fields of :data:`ground.schema.SEARCH_FIELDS`
   with their weights (names 10, context phrases 3, evidence sentences 1). A
   word counts once as typed and once through the words within
   :func:`max_edits` edits of it, so exact words outrank near ones and a typo
   still finds its node. Words are OR-ed: more of them matched ranks higher,
   none of them is required.
4. Ties: label, then key.

On NetworkX the relevance is FTS5's ``bm25()``; on Neo4j it is Lucene's score
from ``db.index.fulltext.queryNodes`` on :data:`ground.schema.SEARCH_INDEX`
(the same fields and boosts). The two scores are not the same numbers, but
the rules and fields are, and the test over every name of the graph finds
each node first on both.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("Zone:sh", label="Zone", key="sh", name="Shanghai PFTZ", provenance=[])
>>> G.add_node("Zone:lg", label="Zone", key="lg", name="Lingang area of Shanghai PFTZ", provenance=[])
>>> [h.key for h in search(G, "shanghai pftz")]
['sh', 'lg']
>>> [h.key for h in search(G, "lingang shangai")]  # a typo
['lg', 'sh']
"""

from __future__ import annotations

import json
import re
import sqlite3
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from pftz.graph.index import index_of
from pftz.graph.sqlite_graph import SqliteGraph, is_graph, out_edges_of
from pftz.ground.errors import Neo4jError, QueryError
from pftz.ground.names import SEARCH_DELIMITERS, normalize_name, search_problem, search_words
from pftz.ground.schema import (
    ALIAS_SEPARATOR,
    ALIASES,
    KEY,
    LINKED,
    PROVENANCE,
    SEARCH_FIELDS,
    SEARCH_INDEX,
    Label,
    Rel,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "CLOSE",
    "SEARCH_COLUMNS",
    "Hit",
    "close_hits",
    "lucene_query",
    "max_edits",
    "merge_linked",
    "name_values",
    "search",
    "search_index",
    "search_index_to_sqlite",
    "search_rows",
    "search_terms",
]

_WORD_RE = re.compile(r"[a-z0-9]+")
"""A search word: what :func:`ground.names.search_words` keeps of a text."""

CLOSE = 0.5
"""A hit scores close to the best when its relevance is at least this share of the best's (same rank tier)."""

TOKENIZER = "porter unicode61 remove_diacritics 2"
"""The FTS5 tokenizer: words of letters and digits, stemmed (``wines`` finds ``wine``)."""

ANALYZER = "english"
"""The Lucene analyzer of the Neo4j index: standard tokens, stemmed, as :data:`TOKENIZER` does."""

TIERS = {"key": 3, "name": 2, "alias": 1, "words": 0}
"""The rank tiers of :attr:`Hit.match`: a key typed in full, a name, another name, words."""

PRIMARY_NAMES = ("name", "title", "number")
"""The names of a node that rank above its other names (aliases, printed variants)."""

CANDIDATES = 50
"""How many candidates the relevance step hands to the ranking rules."""

SEARCH_COLUMNS = ("rank", "label", "key", "name", "kind", "zone", "batch", "date", "line", "score", "match")
"""The columns of :func:`search_rows`."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked candidate of a search.

    Parameters
    ----------
    label, key, name
        The node.
    kind
        Its ``kind`` (a measure's kind, a zone's kind), if any.
    zones
        The zones it concerns: a zone itself, a measure's origin zones.
    batches
        The batches of a measure, a batch itself.
    date
        Its date, else its batch's date, else None.
    line
        The first line of the report it was read from.
    score
        Relevance (FTS5 bm25 on NetworkX, Lucene on Neo4j), rounded.
    match
        ``"key"``, ``"name"`` (its name, title or number is the search), ``"alias"``
        (another of its names is) or ``"words"``.
    same_as
        The key of the measure it is linked to as one innovation (``SAME_AS`` with ``status``
        ``linked``, :func:`graph.resolve.link_narrative_rows`), when it is the other wording; the
        search ranks the two once, as that measure.
    """

    label: str
    key: str
    name: str
    kind: str | None
    zones: tuple[str, ...]
    batches: tuple[str, ...]
    date: str | None
    line: int | None
    score: float
    match: str
    same_as: str | None = None

    @property
    def node(self) -> str:
        """The NetworkX node id."""
        return f"{self.label}:{self.key}"

    @property
    def tier(self) -> int:
        """Rank tier: 3 key, 2 name, 1 alias, 0 words."""
        return TIERS.get(self.match, 0)


def max_edits(word: str) -> int:
    """How many edits a search word tolerates: 0 up to 3 letters, 1 up to 6, else 2 (Lucene's limit).

    Examples
    --------
    >>> [max_edits(w) for w in ("tax", "wine", "shangai", "supervision")]
    [0, 1, 2, 2]
    """
    return 0 if len(word) <= 3 else 1 if len(word) <= 6 else 2


def _field_text(data: Mapping[str, Any], prop: str) -> list[str]:
    """The texts of one node property: aliases split, evidence quotes, scalars as text."""
    value = data.get(prop)
    if prop == PROVENANCE:
        entries = value if isinstance(value, list | tuple) else []
        quotes = []
        for p in entries:
            if isinstance(p, str):  # Neo4j keeps provenance as JSON strings
                try:
                    p = json.loads(p)
                except ValueError:
                    continue
            if isinstance(p, Mapping) and isinstance(p.get("quote"), str):
                quotes.append(p["quote"])
        return list(dict.fromkeys(quotes))
    if value is None or isinstance(value, bool):
        return []
    if prop == ALIASES and isinstance(value, str):
        return [a for a in value.split(ALIAS_SEPARATOR) if a.strip()]
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v is not None]
    return [str(value)]


def name_values(data: Mapping[str, Any]) -> list[str]:
    """Every name of a node: the texts of the ``names`` field of :data:`ground.schema.SEARCH_FIELDS`."""
    return [t for prop in SEARCH_FIELDS["names"][1] for t in _field_text(data, prop)]


def name_match(data: Mapping[str, Any], wanted: str) -> str | None:
    """``"name"`` if a node's name, title or number is ``wanted`` (normalised), ``"alias"`` if another name is."""
    if not wanted:
        return None
    primary = [t for prop in PRIMARY_NAMES for t in _field_text(data, prop)]
    if any(normalize_name(t) == wanted for t in primary):
        return "name"
    if any(normalize_name(t) == wanted for t in name_values(data)):
        return "alias"
    return None


def _first_line(data: Mapping[str, Any]) -> int | None:
    value = data.get(PROVENANCE)
    for p in value if isinstance(value, list | tuple) else []:
        if isinstance(p, str):
            try:
                p = json.loads(p)
            except ValueError:
                continue
        if isinstance(p, Mapping) and isinstance(p.get("line"), int) and not isinstance(p.get("line"), bool):
            return int(p["line"])
    return None


STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    ]
)
"""Words a search does not count: the stop words of Lucene's english analyzer (the Neo4j index drops them)."""

MAX_WORDS = 8
"""A search counts at most this many distinct words, the longest (Lucene limits a query to 1,024 clauses)."""


def search_terms(text: str) -> list[str]:
    """The words a search counts: distinct ``a-z0-9`` words, at most :data:`MAX_WORDS`, the longest kept.

    Examples
    --------
    >>> search_terms("a new model for ship supervision and declaration in the jiaxing zone of zhejiang")
    ['new', 'model', 'ship', 'supervision', 'declaration', 'jiaxing', 'zone', 'zhejiang']
    """
    words = [w for w in dict.fromkeys(search_words(text)) if w not in STOP_WORDS]
    if len(words) <= MAX_WORDS:
        return words
    keep = set(sorted(words, key=lambda w: (-len(w), words.index(w)))[:MAX_WORDS])
    return [w for w in words if w in keep]


def lucene_query(words: Sequence[str], *, fuzzy: bool = True) -> str:
    """The Lucene query of a search on :data:`ground.schema.SEARCH_INDEX`: each word per field, with its boost.

    Words are ``a-z0-9`` only (:func:`ground.names.search_words`), so nothing needs escaping. The names
    field also takes each word as a fuzzy term (``word~N``, :func:`max_edits`), which finds a typo.

    Examples
    --------
    >>> lucene_query(["wine"])[:40]
    'name:(wine wine~1)^10 title:(wine wine~1'
    """
    plain = " ".join(words)
    near = " ".join(f"{w} {w}~{max_edits(w)}" if max_edits(w) and fuzzy else w for w in words)
    return " ".join(
        f"{prop}:({near if field == 'names' else plain})^{weight:g}"
        for field, (weight, props) in SEARCH_FIELDS.items()
        for prop in props
    )


# --------------------------------------------------------------------------- NetworkX: SQLite FTS5


class _Fts:
    """An in-memory SQLite FTS5 index of a graph's nodes: one table per search field.

    One table per field (names, context, evidence), each text once: BM25's
    length normalisation then compares a name with names and a quote with
    quotes (FTS5's ``bm25()`` normalises by the length of the whole row, so one
    table with a column per field would let a node's many evidence sentences
    drown its name).

    Built in memory, or inside a given database (the build cache keeps it there beside the graph,
    :func:`search_index_to_sqlite`, and :meth:`from_db` opens it again as it was written).
    """

    def __init__(self, G: nx.MultiDiGraph | SqliteGraph, db: sqlite3.Connection | None = None) -> None:
        self.stamp = G.number_of_nodes()
        self.db = db if db is not None else sqlite3.connect(":memory:", check_same_thread=False)
        self.nodes: list[Any] = []
        self.names: dict[str, dict[Any, str]] = {}
        self.tables: list[tuple[str, float]] = []
        rows: dict[str, list[tuple[int, str]]] = {}
        props = [(field, w, group) for field, (w, group) in SEARCH_FIELDS.items()]
        for n, d in G.nodes(data=True):
            self.nodes.append(n)
            for v in dict.fromkeys(normalize_name(v) for v in name_values(d)):
                match = name_match(d, v)
                if v and match:
                    self.names.setdefault(v, {})[n] = match
            for field, _, group in props:
                text = "\n".join(dict.fromkeys(t for p in group for t in _field_text(d, p)))
                if text:
                    rows.setdefault(field, []).append((len(self.nodes), text))
        vocab: set[str] = set()
        for i, (field, w, _) in enumerate(props):
            if field not in rows:
                continue
            table = f"f{i}"  # the table names are ours, never a user's
            # unicode61 splits at every character that is not a letter or digit and porter stems the words, as
            # Lucene's english analyzer does for the ASCII words a search keeps.
            self.db.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(t, tokenize='{TOKENIZER}')")
            self.db.executemany(f"INSERT INTO {table}(rowid, t) VALUES (?, ?)", rows[field])  # noqa: S608
            # The words as written (the index holds stems): a typed word is known when the text holds it.
            vocab.update(_WORD_RE.findall("\n".join(text for _, text in rows[field]).lower()))
            self.tables.append((table, w))
        self.vocab = sorted(vocab)
        self.known = vocab
        if db is not None:
            state = {"stamp": self.stamp, "nodes": self.nodes, "names": self.names, "tables": self.tables,
                     "vocab": self.vocab}  # fmt: skip
            db.execute(f"CREATE TABLE {_STATE} (data TEXT NOT NULL)")
            db.execute(f"INSERT INTO {_STATE} (data) VALUES (?)", (json.dumps(state, ensure_ascii=False),))  # noqa: S608
            db.commit()

    @classmethod
    def from_db(cls, db: sqlite3.Connection) -> _Fts | None:
        """The index a database holds (written by ``_Fts(G, db)``), or None when it holds none."""
        try:
            row = db.execute(f"SELECT data FROM {_STATE}").fetchone()  # noqa: S608
        except sqlite3.DatabaseError:
            return None
        if row is None:
            return None
        state = json.loads(row[0])
        self = cls.__new__(cls)
        self.db, self.stamp, self.nodes = db, int(state["stamp"]), list(state["nodes"])
        self.names = {str(k): dict(v) for k, v in state["names"].items()}
        self.tables = [(str(t), float(w)) for t, w in state["tables"]]
        self.vocab = list(state["vocab"])
        self.known = set(self.vocab)
        return self

    def near(self, word: str) -> dict[int, list[str]]:
        """The indexed words within :func:`max_edits` of ``word`` by their distance (0: itself, when indexed)."""
        k = max_edits(word)
        if not k:
            return {0: [word]} if word in self.known else {}
        out: dict[int, list[str]] = {}
        for term, distance, _ in process.extract(
            word, self.vocab, scorer=Levenshtein.distance, score_cutoff=k, limit=None
        ):
            out.setdefault(int(distance), []).append(term)
        return out

    def _run(self, terms: Iterable[str], weight: float, out: dict[Any, float]) -> None:
        query = " OR ".join(f'"{t}"' for t in dict.fromkeys(terms))
        if not query:
            return
        for table, w in self.tables:
            sql = f"SELECT rowid, -bm25({table}) FROM {table} WHERE {table} MATCH ?"  # noqa: S608
            for rowid, score in self.db.execute(sql, (query,)):
                n = self.nodes[rowid - 1]
                out[n] = out.get(n, 0.0) + weight * w * score

    def scores(self, words: Sequence[str]) -> dict[Any, float]:
        """Relevance of every matching node: the words as typed, plus their near words.

        A typed word that the index does not hold counts through the indexed words
        nearest to it (``d`` edits, at most :func:`max_edits`), with the weight
        ``1 - d/n`` for a word of ``n`` letters, as Lucene weighs the terms of a
        fuzzy query by their similarity.
        """
        out: dict[Any, float] = {}
        unique = list(dict.fromkeys(words))
        self._run((w for w in unique if w in self.known), 1.0, out)
        for w in unique:
            near = self.near(w)
            # Only the nearest words of a typo: a rarer word two edits away must not outweigh the word meant.
            d = min((d for d in near if d), default=None)
            if d is not None and 0 not in near:
                self._run(near[d], round(1 - d / len(w), 3), out)
        return out

    def named(self, text: str) -> dict[Any, str]:
        """The nodes one of whose names is ``text``, with :func:`name_match`'s answer."""
        return self.names.get(normalize_name(text), {})


_STATE = "search_state"
"""The table of a saved index's word list, node order and names (its FTS5 tables are ``f0``, ``f1``, ...)."""

_INDEXES: weakref.WeakKeyDictionary[Any, _Fts] = weakref.WeakKeyDictionary()


def _fts(G: nx.MultiDiGraph | SqliteGraph) -> _Fts:
    index = _INDEXES.get(G)
    if index is None or index.stamp != G.number_of_nodes():
        saved = _Fts.from_db(G.db) if isinstance(G, SqliteGraph) else None
        index = _INDEXES[G] = saved if saved is not None and saved.stamp == G.number_of_nodes() else _Fts(G)
    return index


def search_index_to_sqlite(G: nx.MultiDiGraph, db: sqlite3.Connection) -> None:
    """Build the search index of a graph inside a database (the build cache keeps it beside the graph).

    The index is also kept for ``G``, so a search on ``G`` in this process does not build it again.

    Parameters
    ----------
    G
        The graph.
    db
        An open database (it stays open while ``G`` is searched).
    """
    _INDEXES[G] = _Fts(G, db)


def _targets(G: nx.MultiDiGraph, n: Any, rel: Rel, label: Label) -> list[Any]:
    return [v for _, v, _ in out_edges_of(G, n, rel.value) if G.nodes[v].get("label") == label.value]


def _hit_nx(G: nx.MultiDiGraph, n: Any, score: float, match: str) -> Hit:
    d = G.nodes[n]
    label = str(d.get("label"))
    if label == Label.ZONE.value:
        zones = [str(d.get(KEY))]
    else:
        zones = [str(G.nodes[z].get(KEY)) for z in _targets(G, n, Rel.ORIGINATED_IN, Label.ZONE)]
    batches = [b for b in _targets(G, n, Rel.IN_BATCH, Label.BATCH)]
    date = d.get("date")
    if date is None:
        date = next((G.nodes[b].get("date") for b in batches if G.nodes[b].get("date")), None)
    keys = [str(G.nodes[b].get(KEY)) for b in batches] or ([str(d.get(KEY))] if label == Label.BATCH.value else [])
    linked = sorted(str(G.nodes[u].get(KEY)) for u, _, e in out_edges_of(G, n, Rel.SAME_AS.value, "v")
                    if e.get("status") == LINKED)  # fmt: skip
    return Hit(
        label, str(d.get(KEY)), str(d.get("name") or d.get(KEY)), d.get("kind"), tuple(sorted(set(zones))),
        tuple(sorted(set(keys))), None if date is None else str(date), _first_line(d), round(score, 3), match,
        linked[0] if linked else None,
    )  # fmt: skip


def _search_nx(G: nx.MultiDiGraph, text: str, words: Sequence[str], labels: set[str] | None) -> list[Hit]:
    fts = _fts(G)
    scores = fts.scores(words) if words else {}
    found: dict[Any, tuple[int, float]] = {}
    exact = index_of(G)
    for label in [Label(x) for x in labels] if labels is not None else list(Label):
        n = exact.find(label, text.strip())
        if n is not None:
            found[n] = (TIERS["key"], scores.get(n, 0.0))
    for n, match in fts.named(text).items():
        if n not in found and (labels is None or G.nodes[n].get("label") in labels):
            found[n] = (TIERS[match], scores.get(n, 0.0))
    for n, s in scores.items():
        if n not in found and (labels is None or G.nodes[n].get("label") in labels):
            found[n] = (0, s)
    ranked = sorted(found.items(), key=lambda t: (-t[1][0], -t[1][1], str(G.nodes[t[0]].get("label")), str(t[0])))
    by_tier = {tier: m for m, tier in TIERS.items()}
    return [_hit_nx(G, n, s, by_tier[tier]) for n, (tier, s) in ranked[:CANDIDATES]]


# --------------------------------------------------------------------------- Neo4j: the full-text index


_NEO4J_SEARCH = f"""
CALL db.index.fulltext.queryNodes('{SEARCH_INDEX}', $lucene, {{limit: $limit}}) YIELD node, score
RETURN node, score
UNION
MATCH (node) WHERE node.{KEY} = $text
RETURN node, 0.0 AS score
"""
_NEO4J_NAMES = f"""
MATCH (node) WHERE any(p IN $props WHERE node[p] IN $spellings)
   OR any(a IN split(coalesce(node.{ALIASES}, ''), $sep) WHERE a IN $spellings)
RETURN node, 0.0 AS score
"""
_NEO4J_CONTEXT = f"""
UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
RETURN id,
       [(n)-[:{Rel.ORIGINATED_IN.value}]->(z:{Label.ZONE.value}) | z.{KEY}] AS zones,
       [(n)-[:{Rel.IN_BATCH.value}]->(b:{Label.BATCH.value}) | [b.{KEY}, b.date]] AS batches,
       [(n)<-[s:{Rel.SAME_AS.value}]-(o:{Label.MEASURE.value}) WHERE s.status = $linked | o.{KEY}] AS linked
"""


def _search_neo4j(backend: Any, text: str, words: Sequence[str], labels: set[str] | None) -> list[Hit]:
    import neo4j

    driver, database = backend if isinstance(backend, tuple) else (backend, None)
    wanted = normalize_name(text)
    try:
        found: dict[str, tuple[Any, float]] = {}
        queries: list[tuple[str, dict[str, Any]]] = []
        if words:
            queries.append((_NEO4J_SEARCH, {"lucene": lucene_query(words), "limit": CANDIDATES * 2,
                                            "text": text.strip()}))  # fmt: skip
        else:
            queries.append(("MATCH (node) WHERE node.key = $text RETURN node, 0.0 AS score", {"text": text.strip()}))
        queries_plain = (_NEO4J_SEARCH, {"lucene": lucene_query(words, fuzzy=False), "limit": CANDIDATES * 2,
                                         "text": text.strip()})  # fmt: skip
        # Names equal to the search, whatever the analyzer made of them (Chinese names, document numbers).
        spellings = sorted({text.strip(), text.strip().lower(), text.strip().title()})
        props = [p for p in SEARCH_FIELDS["names"][1] if p != ALIASES]
        queries.append((_NEO4J_NAMES, {"props": props, "spellings": spellings, "sep": ALIAS_SEPARATOR}))
        for query, params in queries:
            try:
                records, _, _ = driver.execute_query(
                    query, params, database_=database, routing_=neo4j.RoutingControl.READ
                )
            except neo4j.exceptions.ClientError as e:
                if "TooManyNestedClauses" not in str(e.message) or not words:
                    raise
                # Fuzzy terms of many words expanded past Lucene's clause limit: the words as typed.
                records, _, _ = driver.execute_query(
                    queries_plain[0], queries_plain[1], database_=database, routing_=neo4j.RoutingControl.READ
                )
            for r in records:
                node = r["node"]
                prev = found.get(node.element_id)
                found[node.element_id] = (node, max(float(r["score"]), prev[1] if prev else 0.0))
        ids = list(found)
        context, _, _ = driver.execute_query(_NEO4J_CONTEXT, {"ids": ids, "linked": LINKED}, database_=database,
                                             routing_=neo4j.RoutingControl.READ)  # fmt: skip
    except neo4j.exceptions.Neo4jError as e:
        msg = f"search failed on Neo4j: {e.code}: {e.message}"
        raise Neo4jError(msg) from e
    except (neo4j.exceptions.DriverError, OSError) as e:
        msg = f"search could not run on Neo4j: {type(e).__name__}: {e}"
        raise Neo4jError(msg) from e
    ctx = {r["id"]: r for r in context}
    hits = []
    for eid, (node, score) in found.items():
        d = dict(node)
        label = next((lab for lab in node.labels if lab in {x.value for x in Label}), None)
        if label is None or (labels is not None and label not in labels):
            continue
        if d.get(KEY) == text.strip():
            match = "key"
        elif name_match(d, wanted):
            match = str(name_match(d, wanted))
        elif score > 0:
            match = "words"
        else:
            continue
        c = ctx.get(eid)
        zones = [str(d.get(KEY))] if label == Label.ZONE.value else [str(z) for z in (c["zones"] if c else [])]
        batches = [tuple(b) for b in (c["batches"] if c else [])]
        date = d.get("date") or next((b[1] for b in batches if b[1]), None)
        keys = [str(b[0]) for b in batches] or ([str(d.get(KEY))] if label == Label.BATCH.value else [])
        linked = sorted(str(k) for k in (c["linked"] if c else []))
        hits.append(
            Hit(label, str(d.get(KEY)), str(d.get("name") or d.get(KEY)), d.get("kind"), tuple(sorted(set(zones))),
                tuple(sorted(set(keys))), None if date is None else str(date), _first_line(d), round(score, 3),
                match, linked[0] if linked else None)
        )  # fmt: skip
    return hits


# --------------------------------------------------------------------------- the search


def _labels(labels: Iterable[Label | str] | None) -> set[str] | None:
    return None if labels is None else {Label(lab).value for lab in labels}


def search(
    backend: Any, text: str, *, labels: Iterable[Label | str] | None = None, limit: int | None = 10
) -> list[Hit]:
    """Rank the nodes for a few words, best first (the rules are in the module's docstring).

    Parameters
    ----------
    backend
        A NetworkX graph, a Neo4j driver or a ``(driver, database)`` pair.
    text
        What a person typed: words, a name, a document number, a key.
    labels
        Only nodes of these labels.
    limit
        At most this many hits (None: every candidate).

    Returns
    -------
    list of Hit
        Empty when nothing matches.

    Raises
    ------
    QueryError
        The text is longer than a search may be (:func:`ground.names.search_problem`): the same
        one line on both backends.
    """
    if bad := search_problem(text):
        raise QueryError(bad)
    words = search_terms(text)
    wanted = _labels(labels)
    if is_graph(backend):
        hits = _search_nx(backend, text, words, wanted)
    else:
        hits = _search_neo4j(backend, text, words, wanted)
    hits = merge_linked(hits)
    hits.sort(key=lambda h: (-h.tier, -h.score, h.label, h.key))
    return hits if limit is None else hits[:limit]


def merge_linked(hits: Sequence[Hit]) -> list[Hit]:
    """One hit per innovation: a wording linked to a measure (:attr:`Hit.same_as`) ranks as that measure.

    The measure holds the wording among its aliases, so it is among the hits whenever the wording
    is; it takes the better tier and score of the two, and the wording's own hit goes. A wording
    whose measure is not among the hits, or whose key was typed, stays.

    Examples
    --------
    >>> a = Hit("Measure", "row", "wines with descriptors", None, (), (), None, 1, 2.0, "words")
    >>> b = Hit("Measure", "narr", "import of wine", None, (), (), None, 2, 5.0, "name", "row")
    >>> [(h.key, h.score, h.match) for h in merge_linked([b, a])]
    [('row', 5.0, 'name')]
    """
    by_key = {h.key: h for h in hits if h.label == Label.MEASURE.value}
    out: dict[str, Hit] = {}
    for h in hits:
        target = by_key.get(h.same_as) if h.same_as and h.match != "key" else None
        if target is None:
            out.setdefault(h.node, h)
            continue
        have = out.get(target.node, target)
        best = h if (h.tier, h.score) > (have.tier, have.score) else have
        out[target.node] = replace(have, score=max(h.score, have.score), match=best.match)
    return list(out.values())


def close_hits(hits: Sequence[Hit], share: float = CLOSE) -> list[Hit]:
    """The hits after the first that score close to it: same tier, relevance at least ``share`` of its.

    Parameters
    ----------
    hits
        Ranked hits (from :func:`search`).
    share
        The share of the best relevance that counts as close.

    Returns
    -------
    list of Hit
    """
    if not hits:
        return []
    best = hits[0]
    return [h for h in hits[1:] if h.tier == best.tier and h.score >= share * best.score]


def search_rows(hits: Sequence[Hit]) -> list[list[Any]]:
    """Rows of :data:`SEARCH_COLUMNS` for a table of hits."""
    return [
        [i, h.label, h.key, h.name, h.kind, "; ".join(h.zones) or None, "; ".join(h.batches) or None, h.date,
         h.line, h.score, h.match]
        for i, h in enumerate(hits, 1)
    ]  # fmt: skip


# --------------------------------------------------------------------------- the index, for a page's script


def _fts_stems(words: Sequence[str]) -> dict[str, str]:
    """The term the FTS5 tokenizer (:data:`TOKENIZER`) makes of each word: what a search for it looks up."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute(f"CREATE VIRTUAL TABLE w USING fts5(t, tokenize='{TOKENIZER}')")
        db.executemany("INSERT INTO w(rowid, t) VALUES (?, ?)", enumerate(words, 1))
        db.execute("CREATE VIRTUAL TABLE temp.wv USING fts5vocab(main, w, instance)")
        return {words[doc - 1]: term for term, doc in db.execute("SELECT term, doc FROM wv")}
    finally:
        db.close()


def search_index(G: nx.MultiDiGraph) -> dict[str, Any]:
    """What :func:`search` ranks with on NetworkX, as JSON data, so that a page's script ranks the same.

    A search on the site (``shell/templates/search.js``) runs the rules of this module on it: keys,
    names, then the BM25 of FTS5 (``bm25()``: k1 = 1.2, b = 0.75, IDF ``log((N - n + 0.5) / (n + 0.5))``,
    at least 1e-6) per field with its weight, typed words and the near words of a typo, ties by label
    and key.

    Parameters
    ----------
    G
        The graph.

    Returns
    -------
    dict
        ``nodes``: ``[label, key]`` in node order (the numbers below); ``names``: normalised name ->
        ``[[node, tier]]`` (tier 2 a name, 1 another name); ``vocab``: each indexed word as written ->
        the term FTS5 looks up for it; ``fields``: per field ``[weight, rows, tokens, {term: [node, count,
        ...]}, {node: length}]``; ``stop``, ``delimiters``, ``max_words``, ``candidates``: the rest of the
        rules.
    """
    fts = _fts(G)
    nodes = [[str(G.nodes[n].get("label")), str(G.nodes[n].get(KEY))] for n in fts.nodes]
    number = {n: i for i, n in enumerate(fts.nodes)}
    names = {
        text: [[number[n], TIERS[match]] for n, match in sorted(found.items(), key=lambda t: number[t[0]])]
        for text, found in sorted(fts.names.items())
    }
    fields = []
    for table, weight in fts.tables:
        fts.db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v{table} USING fts5vocab(main, {table}, instance)")
        postings: dict[str, dict[int, int]] = {}
        lengths: dict[int, int] = {}
        for term, doc in fts.db.execute(f"SELECT term, doc FROM temp.v{table} ORDER BY term, doc"):  # noqa: S608
            row = postings.setdefault(term, {})
            row[doc - 1] = row.get(doc - 1, 0) + 1
            lengths[doc - 1] = lengths.get(doc - 1, 0) + 1
        (rows,) = fts.db.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608
        fields.append([
            weight, rows, sum(lengths.values()),
            {t: [x for doc, tf in sorted(p.items()) for x in (doc, tf)] for t, p in sorted(postings.items())},
            {str(doc): n for doc, n in sorted(lengths.items())},
        ])  # fmt: skip
    return {
        "nodes": nodes,
        "names": names,
        "vocab": _fts_stems(fts.vocab),
        "fields": fields,
        "stop": sorted(STOP_WORDS),
        "delimiters": "".join(SEARCH_DELIMITERS),
        "max_words": MAX_WORDS,
        "candidates": CANDIDATES,
    }
