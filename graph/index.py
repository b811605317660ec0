"""Look-up indexes of an embedded graph: nodes by label and key, measures by word.

Neo4j answers ``MATCH (m:Measure {key: $k})`` through its key constraint and
a word search through the ``measure_text`` full-text index; the NetworkX
twins would scan every node for both. :func:`index_of` gives them the same
shortcuts: the nodes of each label, the node of each ``(label, key)`` and a
word index over the measures' ``name``, ``title`` and ``text``.

The word index is exact for the twins' substring rule: a search word made of
``a-z`` and ``0-9`` is a substring of a text only inside one maximal run of
letters and digits of that text (a *token*), so the measures whose texts
contain the word are those having a token that contains it. The tokens
containing a word of three or more characters are found through a trigram
index of the vocabulary (Lucene's ``*word*`` wildcard on the full-text index
scans its term dictionary in the same spirit); the word whose tokens hold the
fewest measures gives the candidates, and the other words filter them.

An index is built on first use and kept for the graph object (weakly: it
goes with the graph). It is rebuilt when the number of nodes has changed (a
constant-time check; the index holds nothing of the edges); code that edits
names, titles or keys of a graph in place calls :func:`invalidate`.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pftz.graph.sqlite_graph import SqliteGraph
from pftz.ground.schema import KEY, Label

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["GraphIndex", "index_of", "invalidate"]

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_TEXT_FIELDS = ("name", "title", "text")


class GraphIndex:
    """Nodes by label, by ``(label, key)``, and measures by the tokens of their texts.

    Parameters
    ----------
    G
        The graph (node attribute ``label``, ``key``; measures' ``name``,
        ``title``, ``text``).
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.stamp = G.number_of_nodes()
        by_label: dict[str, list[Hashable]] = defaultdict(list)
        self._by_key: dict[tuple[str, Any], Hashable] = {}
        postings: dict[str, list[Hashable]] = defaultdict(list)
        self._texts: dict[Hashable, tuple[str, ...]] = {}
        for n, d in G.nodes(data=True):
            label = d.get("label")
            by_label[label].append(n)
            self._by_key.setdefault((label, d.get(KEY)), n)
            if label == Label.MEASURE.value:
                texts = tuple(v.lower() for f in _TEXT_FIELDS if isinstance(v := d.get(f), str))
                self._texts[n] = texts
                for token in {tok for text in texts for tok in _TOKEN_RE.findall(text)}:
                    postings[token].append(n)
        self._by_label = dict(by_label)
        self._order = {n: i for i, n in enumerate(self._by_label.get(Label.MEASURE.value, []))}
        self._postings = dict(postings)
        grams: dict[str, list[str]] = defaultdict(list)
        for token in postings:
            for g in {token[i : i + 3] for i in range(len(token) - 2)}:
                grams[g].append(token)
        self._grams = dict(grams)

    def nodes(self, label: Label) -> list[Hashable]:
        """The nodes of ``label``, in the graph's node order."""
        return self._by_label.get(label.value, [])

    def find(self, label: Label, key: Any) -> Hashable | None:
        """The first node (in node order) of ``label`` whose ``key`` is ``key``, or None."""
        return self._by_key.get((label.value, key))

    def measures_with(self, words: Sequence[str]) -> list[Hashable]:
        """The measures whose name, title or text contains every word (``a-z0-9`` words), in node order.

        Examples
        --------
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("Measure:a", label="Measure", key="a", name="One-stop e-Commerce service")
        >>> G.add_node("Measure:b", label="Measure", key="b", name="Bonded maintenance")
        >>> GraphIndex(G).measures_with(["stop", "commerce"])
        ['Measure:a']
        """
        unique = list(dict.fromkeys(words))
        if not unique:
            return []
        seeds = [(self._tokens_containing(w), w) for w in unique if len(w) >= 3]
        if seeds:
            tokens, seed = min(seeds, key=lambda s: (sum(len(self._postings[t]) for t in s[0]), s[1]))
            candidates: Iterable[Hashable] = {n for t in tokens for n in self._postings[t]}
        else:  # only one- and two-letter words: every measure is a candidate
            seed, candidates = "", self._texts
        rest = [w for w in unique if w != seed]
        found = [n for n in candidates if all(any(w in text for text in self._texts[n]) for w in rest)]
        return sorted(found, key=self._order.__getitem__)

    def _tokens_containing(self, word: str) -> list[str]:
        """The tokens of the vocabulary that contain ``word`` (three characters or more)."""
        lists = sorted((self._grams.get(word[i : i + 3], []) for i in range(len(word) - 2)), key=len)
        return [t for t in lists[0] if word in t]


class _SqliteIndex(GraphIndex):
    """The index of a :class:`graph.sqlite_graph.SqliteGraph`: labels and keys through its SQL indexes,
    the word index (which reads every measure) only when a word search asks for it."""

    def __init__(self, G: SqliteGraph) -> None:
        self.stamp = G.number_of_nodes()
        self._g = G
        self._words: GraphIndex | None = None

    def nodes(self, label: Label) -> list[Hashable]:
        return list(self._g.nodes_of(label.value))

    def find(self, label: Label, key: Any) -> Hashable | None:
        return self._g.find(label.value, key)

    def measures_with(self, words: Sequence[str]) -> list[Hashable]:
        if self._words is None:
            self._words = GraphIndex(self._g)  # it reads G.nodes(data=True) only
        return self._words.measures_with(words)


_INDEXES: weakref.WeakKeyDictionary[Any, GraphIndex] = weakref.WeakKeyDictionary()


def index_of(G: nx.MultiDiGraph | SqliteGraph) -> GraphIndex:
    """Return the index of ``G``, building it on first use or after nodes were added or removed."""
    index = _INDEXES.get(G)
    if index is None or index.stamp != G.number_of_nodes():
        index = _INDEXES[G] = _SqliteIndex(G) if isinstance(G, SqliteGraph) else GraphIndex(G)
    return index


def invalidate(graphs: nx.MultiDiGraph | Iterable[nx.MultiDiGraph]) -> None:
    """Forget the index of a graph (or of several) whose texts or keys were edited in place."""
    import networkx as nx

    for G in [graphs] if isinstance(graphs, nx.MultiDiGraph) else graphs:
        _INDEXES.pop(G, None)
