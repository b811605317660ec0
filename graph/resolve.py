"""Entity resolution of measures: one innovation under several wordings.

The report names the same innovation differently in its narrative and in its
appendix tables, e.g. the new "smart form" model for business registration
(narrative) and the "Intelligent Form" model for enterprise registration
services (Appendix 1, Table 1), or the "seamless renewal" of enterprise permits
and Seamless license renewal for enterprises. :func:`resolve_measures` finds
such pairs and merges them, or links them for review.

How titles are compared
-----------------------
Each measure's ``name`` and ``title`` are normalised
(:func:`normalize_title`): Unicode, quotes and dashes unified, case folded,
punctuation and hyphens made spaces, words of more than four letters ending
in a single ``s`` made singular, each word replaced through :data:`SYNONYMS`
and the :data:`STOP_WORDS` dropped. Two normalised titles score the mean of
rapidfuzz's ``token_set_ratio`` (high when one title's words are a subset of
the other's) and ``token_sort_ratio`` (which penalises the words left over, so
that a short title such as "green channel" does not match every longer title
containing it). A pair's score is the best over the name/title variants.

What is compared and what happens
---------------------------------
Titles are blocked before they are compared (:func:`candidate_pairs`: shared
rare words and a sorted neighbourhood), so time and memory grow linearly with
the number of measures. Two measures in the same batch are never paired: the
rows of one table are distinct by construction. A pair scoring at least
:data:`MERGE_THRESHOLD` is merged, unless both measures have origin zones and
no origin in common, or either measure's key was given by a researcher's own
file (a key the researcher chose is never merged away by similarity), or the
merge would put two rows of one batch into one node; such a pair can at most
be proposed. A pair scoring at least :data:`REVIEW_THRESHOLD` gets a
``SAME_AS`` edge (``score``, ``status="uncertain"``, ``derived=True``) for a
person to review (:func:`review_pairs`).

A merge keeps the canonical node: a measure of a national batch first (the
appendix tables), then any batch or table row, then the lowest key. The other
node's edges and provenance move to it, its missing properties are filled in,
and its name is added to the ``aliases`` property (names joined by
:data:`ground.schema.ALIAS_SEPARATOR`). Everything is sorted, so the result is
deterministic.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
import pandas as pd

from pftz.graph.provenance import merge_provenance, prov_sort_key
from pftz.ground.names import MERGE_THRESHOLD, REVIEW_THRESHOLD, normalize_title, pair_scores, title_score
from pftz.ground.schema import ALIAS_SEPARATOR, ALIASES, DERIVED, KEY, LINKED, PROVENANCE, Label, Rel
from pftz.loaders.records import USER_SECTION

__all__ = [
    "NARRATIVE_ROW_RULE",
    "REVIEW_COLUMNS",
    "ResolveSummary",
    "candidate_pairs",
    "link_narrative_rows",
    "merge_measures",
    "resolve_measures",
    "review_pairs",
]

UNCERTAIN = "uncertain"
"""``status`` of the ``SAME_AS`` edges the resolver adds."""


REVIEW_COLUMNS = ("left_key", "left_name", "right_key", "right_name", "score")
"""Columns of :func:`review_pairs`."""


@dataclass(frozen=True, slots=True)
class ResolveSummary:
    """What :func:`resolve_measures` did.

    Parameters
    ----------
    compared
        Pairs of measures compared.
    merged
        Measures merged into another (nodes removed).
    uncertain
        ``SAME_AS`` edges added for review.
    merges
        ``(kept key, merged key, score)`` per merge, in the order done.
    """

    compared: int
    merged: int
    uncertain: int
    merges: tuple[tuple[str, str, float], ...]


def _is_measure(G: nx.MultiDiGraph, n: str) -> bool:
    return bool(G.nodes[n].get("label") == Label.MEASURE.value)


def _targets(G: nx.MultiDiGraph, n: str, rel: Rel) -> frozenset[str]:
    return frozenset(v for _, v, d in G.out_edges(n, data=True) if d.get("type") == rel.value)


def _rank(G: nx.MultiDiGraph, n: str) -> tuple[int, str]:
    """Sort key of canonical preference: national batch, any batch or row, the rest; then key."""
    batches = _targets(G, n, Rel.IN_BATCH)
    if any(G.nodes[b].get("level") == "national" for b in batches):
        tier = 0
    elif batches or G.nodes[n].get("row") is not None:
        tier = 1
    else:
        tier = 2
    return tier, str(G.nodes[n].get(KEY, n))


def _variants(data: dict[str, Any]) -> list[str]:
    out = []
    for prop in ("name", "title"):
        v = data.get(prop)
        if isinstance(v, str) and v.strip():
            norm = normalize_title(v)
            if norm and norm not in out:
                out.append(norm)
    return out


def _move_edge(G: nx.MultiDiGraph, u: str, v: str, k: str, data: dict[str, Any]) -> None:
    if G.has_edge(u, v, k):
        old = G.edges[u, v, k]
        for prop, value in data.items():
            if prop != PROVENANCE and old.get(prop) in (None, ""):
                old[prop] = value
        old[PROVENANCE] = merge_provenance(old.get(PROVENANCE), data.get(PROVENANCE))
    else:
        G.add_edge(u, v, key=k, **{**data, PROVENANCE: merge_provenance(data.get(PROVENANCE))})


def merge_measures(G: nx.MultiDiGraph, keep: str, drop: str) -> None:
    """Merge one measure node into another.

    The edges of ``drop`` move to ``keep`` (merged with an edge of the same
    key if there is one; edges between the two are dropped), its provenance is
    added, the properties ``keep`` lacks are filled from it, and its name and
    aliases are added to ``keep``'s ``aliases``. ``drop`` is removed.

    Parameters
    ----------
    G
        The graph, modified in place.
    keep, drop
        Node ids of the measure to keep and the one to merge into it.
    """
    if keep == drop:
        return
    for u, _, k, d in list(G.in_edges(drop, keys=True, data=True)):
        if u not in (keep, drop):
            _move_edge(G, u, keep, k, dict(d))
    for _, v, k, d in list(G.out_edges(drop, keys=True, data=True)):
        if v not in (keep, drop):
            _move_edge(G, keep, v, k, dict(d))
    kd, dd = G.nodes[keep], G.nodes[drop]
    names = [a for a in str(kd.get(ALIASES) or "").split(ALIAS_SEPARATOR) if a]
    names += [str(dd.get("name") or "")]
    names += [a for a in str(dd.get(ALIASES) or "").split(ALIAS_SEPARATOR) if a]
    aliases = sorted({a for a in names if a and a != kd.get("name")})
    for prop, value in dd.items():
        if prop in ("label", KEY, "name", PROVENANCE, ALIASES):
            continue
        if kd.get(prop) in (None, ""):
            kd[prop] = value
    if aliases:
        kd[ALIASES] = ALIAS_SEPARATOR.join(aliases)
    kd[PROVENANCE] = merge_provenance(kd.get(PROVENANCE), dd.get(PROVENANCE))
    G.remove_node(drop)


def _same_as_edges(G: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    return [
        (u, v, k)
        for u, v, k, d in G.edges(keys=True, data=True)
        if d.get("type") == Rel.SAME_AS.value and d.get(DERIVED) is True
    ]


BLOCK_MAX = 40
"""A word shared by at most this many distinct titles makes a block: its titles are compared with each other."""

BLOCK_KEYS = 3
"""How many of a title's rarest words make its blocks."""

WINDOW = 8
"""Sorted neighbourhood: each title is compared with the next this many titles in each sort order."""


def candidate_pairs(texts: list[str]) -> npt.NDArray[np.int64]:
    """The pairs of titles worth scoring, found by blocking, as record-linkage tools do.

    A pair is a candidate when the two titles share one of their
    :data:`BLOCK_KEYS` rarest words and that word is in at most
    :data:`BLOCK_MAX` titles (standard blocking on rare tokens), or when
    they lie within :data:`WINDOW` of each other in one of three sort
    orders (the title, its words sorted, its words reversed: the sorted
    neighbourhood method), which finds titles that differ in one word among
    many common ones. Both bound the candidates of a title by a constant, so
    the work grows linearly with the number of titles, not with its square.

    Parameters
    ----------
    texts
        Distinct normalised titles.

    Returns
    -------
    numpy.ndarray
        An ``(m, 2)`` array of index pairs ``i < j``, sorted, without repeats.

    Examples
    --------
    >>> candidate_pairs(["smart form model", "smart form model service", "green channel"]).tolist()
    [[0, 1], [0, 2], [1, 2]]
    """
    n = len(texts)
    words = [t.split() for t in texts]
    df: Counter[str] = Counter(w for ws in words for w in set(ws))
    blocks: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in sorted(set(ws), key=lambda w: (df[w], w))[:BLOCK_KEYS]:
            if 1 < df[w] <= BLOCK_MAX:
                blocks.setdefault(w, []).append(i)
    left: list[int] = []
    right: list[int] = []
    for members in blocks.values():
        for a, b in itertools.combinations(members, 2):
            left.append(a)
            right.append(b)
    orders = (
        lambda i: texts[i],
        lambda i: " ".join(sorted(words[i])),
        lambda i: " ".join(reversed(words[i])),
    )
    for order_key in orders:
        order = sorted(range(n), key=order_key)
        for p, i in enumerate(order):
            for j in order[p + 1 : p + 1 + WINDOW]:
                left.append(i)
                right.append(j)
    if not left:
        return np.zeros((0, 2), dtype=np.int64)
    xs, ys = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
    lo, hi = np.minimum(xs, ys), np.maximum(xs, ys)
    codes = np.unique(lo * np.int64(n) + hi)
    out: npt.NDArray[np.int64] = np.stack([codes // n, codes % n], axis=1)
    return out


def _best_scores(
    measures: list[str], variants: dict[str, list[str]], threshold: float
) -> tuple[dict[tuple[str, str], float], int]:
    """The best :func:`ground.names.title_score` of each pair ``a < b`` of measures that reaches ``threshold``.

    Each distinct variant text is scored once against its candidates
    (:func:`candidate_pairs`) with rapidfuzz's ``cpdist`` (the same scorers
    as :func:`~ground.names.title_score`, in C++); the pairs at or above the
    threshold are spread over the measures holding each text. Measures that
    share one text score 100 with each other. Returns the scores and the
    number of title pairs compared.
    """
    index: dict[str, int] = {}
    owners: list[list[int]] = []
    for i, n in enumerate(measures):
        for v in variants[n]:
            k = index.setdefault(v, len(index))
            if k == len(owners):
                owners.append([])
            owners[k].append(i)
    texts = list(index)
    found: dict[tuple[str, str], float] = {}

    def spread(x: int, y: int, score: float) -> None:
        for a in owners[x]:
            for b in owners[y]:
                if a != b:
                    pair = (measures[a], measures[b]) if a < b else (measures[b], measures[a])
                    found[pair] = max(found.get(pair, 0.0), score)

    for k in range(len(texts)):
        if len(owners[k]) > 1:
            spread(k, k, 100.0)
    pairs = candidate_pairs(texts)
    for start in range(0, len(pairs), _CHUNK):
        block = pairs[start : start + _CHUNK]
        left, right = block[:, 0].tolist(), block[:, 1].tolist()
        scores = pair_scores([texts[i] for i in left], [texts[j] for j in right], cutoff=threshold)
        hits = np.flatnonzero(scores >= threshold)  # only the pairs that reach it go on (most do not)
        for i, j, score in zip(block[hits, 0].tolist(), block[hits, 1].tolist(), scores[hits].tolist(), strict=True):
            spread(i, j, score)
    return found, len(pairs)


_CHUNK = 65536
"""Candidate pairs scored at once."""


def _explicit(G: nx.MultiDiGraph, n: str) -> bool:
    """Whether a researcher's own file gave this measure its key (then it is never merged by similarity)."""
    return any(
        isinstance(p, Mapping) and p.get("section") == USER_SECTION for p in G.nodes[n].get(PROVENANCE) or ()
    )


def resolve_measures(
    G: nx.MultiDiGraph,
    *,
    merge_threshold: float = MERGE_THRESHOLD,
    review_threshold: float = REVIEW_THRESHOLD,
) -> ResolveSummary:
    """Merge measures that are one innovation and link the doubtful pairs.

    Earlier derived ``SAME_AS`` edges are replaced, so running it twice gives
    the same graph.

    Parameters
    ----------
    G
        The graph, modified in place.
    merge_threshold
        Score from which a pair is merged.
    review_threshold
        Score from which a pair gets an uncertain ``SAME_AS`` edge.

    Returns
    -------
    ResolveSummary
        Counts and the merges done.
    """
    G.remove_edges_from(_same_as_edges(G))
    measures = sorted(n for n in G.nodes if _is_measure(G, n))
    variants = {n: _variants(G.nodes[n]) for n in measures}
    batches = {n: _targets(G, n, Rel.IN_BATCH) for n in measures}
    origins = {n: _targets(G, n, Rel.ORIGINATED_IN) for n in measures}

    with_variants = [n for n in measures if variants[n]]
    explicit = {n for n in measures if _explicit(G, n)}
    found, compared = _best_scores(with_variants, variants, review_threshold)
    # (-score, a, b, mergeable): sorted as they are, best score first, then the keys
    ranked: list[tuple[float, str, str, bool]] = []
    for (a, b), score in found.items():
        if batches[a] & batches[b]:  # rows of one batch are distinct by construction
            continue
        # a researcher's key is never merged into another by similarity: the pair is only proposed
        mergeable = not (origins[a] and origins[b] and not origins[a] & origins[b])
        mergeable = mergeable and a not in explicit and b not in explicit
        ranked.append((-round(score, 1), a, b, mergeable))
    ranked.sort()

    # greedy clustering, best pairs first; a cluster never holds two rows of one batch
    cluster = {n: n for n in measures}
    members: dict[str, list[str]] = {n: [n] for n in measures}
    cl_batches = dict(batches)
    pair_score: dict[tuple[str, str], float] = {}
    for neg, a, b, mergeable in ranked:
        score = -neg
        if score < merge_threshold:
            break  # the rest score lower still
        if not mergeable:
            continue
        ca, cb = cluster[a], cluster[b]
        if ca == cb or cl_batches[ca] & cl_batches[cb]:
            continue
        for n in members[cb]:
            cluster[n] = ca
        members[ca] += members.pop(cb)
        cl_batches[ca] = cl_batches[ca] | cl_batches.pop(cb)
        pair_score[a, b] = score

    merged_score: dict[str, float] = {}
    for (a, b), score in pair_score.items():
        for n in (a, b):
            merged_score[n] = max(merged_score.get(n, score), score)
    merges: list[tuple[str, str, float]] = []
    canonical: dict[str, str] = {}
    for root in sorted(members):
        group = members[root]
        if len(group) == 1:
            canonical[group[0]] = group[0]
            continue
        group = sorted(group, key=lambda n: _rank(G, n))
        keep = group[0]
        for n in group:
            canonical[n] = keep
        for drop in group[1:]:
            merges.append((str(G.nodes[keep][KEY]), str(G.nodes[drop][KEY]), merged_score.get(drop, merge_threshold)))
            merge_measures(G, keep, drop)

    # each node's place in the order of canonical preference (after the merges): the first of a pair is kept
    place = {n: i for i, n in enumerate(sorted(set(canonical.values()), key=lambda n: _rank(G, n)))}
    links: dict[tuple[str, str], float] = {}
    for neg, a, b, _ in ranked:  # best score first: a pair's first score is its best
        ca, cb = canonical[a], canonical[b]
        if ca != cb:
            links.setdefault((ca, cb) if place[ca] < place[cb] else (cb, ca), -neg)
    # a pair above the merge threshold that could not merge (origins or batches conflict) lands here too
    first: dict[str, tuple[list[dict[str, Any]], Any]] = {}  # per node: its first evidence and its sort key
    for n in place:
        own = merge_provenance(G.nodes[n].get(PROVENANCE, [])[:1])
        first[n] = own, prov_sort_key(own[0]) if own else None

    def evidence(u: str, v: str) -> list[dict[str, Any]]:
        """``merge_provenance`` of the first evidence of ``u`` and of ``v`` (each normalised and keyed once)."""
        (pu, ku), (pv, kv) = first[u], first[v]
        if ku is None or kv is None:
            return merge_provenance(pu, pv)
        a, b = pu[0], pv[0]
        return [a] if a == b else [a, b] if ku <= kv else [b, a]  # as merge_provenance sorts two entries

    for (u, v), score in sorted(links.items()):
        prov = evidence(u, v)
        G.add_edge(
            u,
            v,
            key=Rel.SAME_AS.value,
            type=Rel.SAME_AS.value,
            score=score,
            status=UNCERTAIN,
            **{DERIVED: True, PROVENANCE: prov},
        )
    return ResolveSummary(compared=compared, merged=len(merges), uncertain=len(links), merges=tuple(merges))


def review_pairs(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Return the uncertain ``SAME_AS`` pairs for review, best score first.

    Parameters
    ----------
    G
        The graph.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`REVIEW_COLUMNS`: ``left_key``, ``left_name``,
        ``right_key``, ``right_name``, ``score``; sorted by score (descending),
        then keys.
    """
    rows: list[dict[str, Any]] = []
    for u, v, d in G.edges(data=True):
        if d.get("type") != Rel.SAME_AS.value or d.get("status", UNCERTAIN) != UNCERTAIN:
            continue
        rows.append(
            {
                "left_key": G.nodes[u].get(KEY),
                "left_name": G.nodes[u].get("name"),
                "right_key": G.nodes[v].get(KEY),
                "right_name": G.nodes[v].get("name"),
                "score": float(d.get("score") or 0.0),
            }
        )
    df = pd.DataFrame(rows, columns=list(REVIEW_COLUMNS))
    if df.empty:
        return df.astype({"score": float})
    return df.sort_values(["score", "left_key", "right_key"], ascending=[False, True, True]).reset_index(
        drop=True
    )



NARRATIVE_ROW_RULE = "narrative wording matched to a row of the batch and scope its sentence names"
"""``rule`` of the ``SAME_AS`` edges :func:`link_narrative_rows` adds."""

LINK_FLOOR = 40.0
"""The least title score of a clear match (the rows compared are few: one batch, one scope)."""

LINK_MARGIN = 10.0
"""How far a clear match scores above the next row of the same batch and scope."""


def _scope_of(G: nx.MultiDiGraph, n: str) -> set[str]:
    scopes = {str(d.get("scope")) for _, _, d in G.out_edges(n, data=True)
              if d.get("type") == Rel.REPLICATED_TO.value and d.get("scope")}  # fmt: skip
    if G.nodes[n].get("scope"):
        scopes.add(str(G.nodes[n]["scope"]))
    return scopes


def _sentences(d: Mapping[str, Any]) -> set[tuple[str, str]]:
    return {
        (str(p.get("source")), str(p.get("quote")))
        for p in d.get(PROVENANCE) or ()
        if isinstance(p, Mapping) and p.get("quote")
    }


def link_narrative_rows(
    G: nx.MultiDiGraph, *, floor: float = LINK_FLOOR, margin: float = LINK_MARGIN
) -> list[tuple[str, str, float]]:
    """Rule: a measure a sentence words in its own way is the row of the batch and scope the sentence names.

    An overview sentence lists some items of a national batch in its own words ("13 measures are to be
    replicated nationwide, including ..."). The reader matches most items to their table rows; an item it
    cannot match becomes a measure of its own, with no batch and no row, adopted by the scope. Among all
    rows, its wording matches none clearly; among the rows of the one batch the sentence names (the batch
    of every other item of the same sentence the reader placed) with the scope the sentence names (the
    ``scope`` of its ``ADOPTED`` edge) and not already matched to another item of the sentence, it often
    does. When the best of those rows scores at least ``floor`` and at least ``margin`` above the next
    (:func:`ground.names.title_score` over name and title), the row gets a ``SAME_AS`` edge to the measure
    (``status`` :data:`ground.schema.LINKED`, ``rule`` :data:`NARRATIVE_ROW_RULE`, ``score``, ``derived``), and the
    measure's wording joins the row's aliases, so that a search with either wording finds the row and
    ``trace`` tells one story. Otherwise (no batch, several, no clear winner) nothing is linked.

    Parameters
    ----------
    G
        The graph, modified in place (after :func:`resolve_measures`, which removes derived ``SAME_AS``
        edges).
    floor, margin
        The least score of a clear match and its least lead over the next row.

    Returns
    -------
    list of tuple
        ``(row key, measure key, score)`` per link, sorted.
    """
    measures = sorted(n for n in G.nodes if _is_measure(G, n))
    loose = [n for n in measures if G.nodes[n].get("row") is None and not _targets(G, n, Rel.IN_BATCH)]
    adopted_in: dict[tuple[str, str], set[str]] = {}  # a sentence -> the measures it says were adopted
    for _, v, d in G.edges(data=True):
        if d.get("type") == Rel.ADOPTED.value and _is_measure(G, v):
            for s in _sentences(d):
                adopted_in.setdefault(s, set()).add(v)
    links: list[tuple[str, str, float]] = []
    for n in loose:
        found: dict[str, tuple[float, dict[str, Any]]] = {}
        for _, _, d in G.in_edges(n, data=True):
            if d.get("type") != Rel.ADOPTED.value or not d.get("scope"):
                continue
            items = set().union(*(adopted_in.get(s, set()) for s in _sentences(d))) - {n}
            batches = {b for m in items for b in _targets(G, m, Rel.IN_BATCH)
                       if G.nodes[b].get("level") == "national"}  # fmt: skip
            if len(batches) != 1:
                continue
            (batch,) = batches
            rows = sorted(
                m for m, _, e in G.in_edges(batch, data=True)
                if e.get("type") == Rel.IN_BATCH.value and m not in items and str(d["scope"]) in _scope_of(G, m)
            )  # fmt: skip
            mine = _variants(G.nodes[n])
            scored = sorted(
                ((max((title_score(a, b) for a in mine for b in _variants(G.nodes[m])), default=0.0), m) for m in rows),
                key=lambda t: (-t[0], t[1]),
            )
            if not scored:
                continue
            best, row = scored[0]
            second = scored[1][0] if len(scored) > 1 else 0.0
            if best >= floor and best - second >= margin:
                prev = found.get(row)
                found[row] = (max(best, prev[0]) if prev else best, d)
        if len(found) != 1:
            continue
        ((row, (score, adopted)),) = found.items()
        for u, v in ((row, n), (n, row)):
            if G.has_edge(u, v, Rel.SAME_AS.value):
                G.remove_edge(u, v, Rel.SAME_AS.value)
        prov = merge_provenance(G.nodes[row].get(PROVENANCE, [])[:1], adopted.get(PROVENANCE))
        G.add_edge(
            row,
            n,
            key=Rel.SAME_AS.value,
            type=Rel.SAME_AS.value,
            score=round(score, 1),
            status=LINKED,
            rule=NARRATIVE_ROW_RULE,
            **{DERIVED: True, PROVENANCE: prov},
        )
        rd = G.nodes[row]
        aliases = [a for a in str(rd.get(ALIASES) or "").split(ALIAS_SEPARATOR) if a]
        name = str(G.nodes[n].get("name") or "")
        if name and name not in aliases and name != rd.get("name"):
            rd[ALIASES] = ALIAS_SEPARATOR.join(sorted([*aliases, name]))
        links.append((str(rd.get(KEY)), str(G.nodes[n].get(KEY)), round(score, 1)))
    return sorted(links)
