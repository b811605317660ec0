"""Compare what the loader read with a hand annotation of the report.

An annotation file (format in ``docs/annotations.md``) lists one row per fact
the report states: ``zone_case``, ``adoption`` or ``joint_effort``, with the
line, the name as printed, the actors as typed tokens (``zone:shanghai``,
``province:shanxi``, ``city:jiaxing``, ``group:<words>``), the adopter and the
joint flag. :func:`parse_annotations` reads it (every bad row reported
together, with its line); :func:`facts_from_report` turns a
:class:`~loaders.records.ParsedReport` into facts of the same three types;
:func:`evaluate` matches the two and computes precision, recall and F1 per fact
type, the share of matches whose actors are exactly right, the misses and the
false positives.

Matching (documented, so that figures can be reproduced):

* a gold row and a predicted fact match when their types agree, the gold line
  lies within :data:`LINE_TOLERANCE` lines of one of the lines where the loader
  read the fact, and
* ``zone_case``: the names are alike (:func:`names_match`) and they share at
  least one actor;
* ``adoption``: the adopters are equal (:func:`same_adopter`: a national scope in any of its wordings is one
  adopter) and, when both name an innovation, the
  names are alike (an empty gold name is a provincial batch without named
  examples: any fact of that adopter at that place matches; a named gold row
  is not matched by a fact without a name);
* ``joint_effort``: the names are alike or the member sets overlap.

Recall is the share of gold rows matched by some fact; precision the share of
facts matched by some gold row (a fact read twice, at two places, is one fact
with two lines). The loader never reads annotation files.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pftz.ground.errors import AnnotationError
from pftz.ground.names import normalize_title, title_score
from pftz.ground.schema import SCOPE_REGION_KEYS, Label, MeasureKind, Rel, ZoneKind
from pftz.loaders.lexicon import ANAPHOR_DETERMINERS, NATIONAL_SCOPES
from pftz.loaders.records import Entity, NodeRef, ParsedReport
from pftz.loaders.report import ORDINAL_WORDS, TEXT_DOCUMENT_PREFIX, batch_kind
from pftz.loaders.text import furniture_lines, split_lines

HEADER = ("fact", "line", "name", "actors", "adopter", "joint", "quote")
"""The columns of an annotation file, in order."""

FACT_TYPES = ("zone_case", "adoption", "joint_effort", "area", "body", "document", "national", "batch")
"""The fact types an annotation row may have, in report order."""

ENTITY_TYPES = frozenset({"area", "body", "document", "batch"})
"""Fact types that name a thing once (one gold row per distinct area, body, document or batch): matched by
name and actors wherever the loader read it, not by line."""

TOKEN_KINDS = ("zone", "province", "city", "group", "body")
"""The kinds of typed actor tokens (``kind:value``)."""

LINE_TOLERANCE = 8
"""How many lines a gold row's line may be from a line where the fact was read
(the loader records where the sentence starts; the annotation where the name starts)."""

NAME_MATCH = 70.0
"""Similarity (:func:`ground.names.title_score`) above which two names are the same innovation."""

CASE_KINDS = frozenset({str(MeasureKind.ZONE_CASE), str(MeasureKind.INNOVATION), str(MeasureKind.PROVINCIAL)})
"""Measure kinds that are zone cases: a zone's own innovation, including the named examples of a
zone's provincial batch (the table of provincial batches: they originate in that PFTZ); the national batches' rows,
promoted by a ministry, are not."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact of the three annotated types, from an annotation or from the loader.

    Parameters
    ----------
    fact
        One of :data:`FACT_TYPES`.
    lines
        The report lines where it is stated (one for a gold row).
    name
        The name as printed (may be empty for an adoption).
    actors
        Origins (zone case, adoption) or members (joint effort) as typed tokens.
    adopter
        The adopter's token (adoption only).
    joint
        A zone case with several origins presented as one joint innovation.
    quote
        Evidence for humans.
    source_line
        Line of the annotation file (0 for a loader fact).
    rule
        The narrative rule that read a loader fact (its provenance's ``rule``), ``""`` if none.
    """

    fact: str
    lines: tuple[int, ...]
    name: str
    actors: frozenset[str]
    adopter: str = ""
    joint: bool = False
    quote: str = ""
    source_line: int = 0
    aliases: tuple[str, ...] = ()
    """Other names of the same thing the loader knows (a body's abbreviation, a document's number)."""
    rule: str = ""

    @property
    def unsure(self) -> bool:
        """Whether the annotator marked the row unsure (its quote starts ``UNSURE:``).

        An unsure row counts when a fact matches it (as a hit, and the fact is
        no false positive) and is left out of recall when none does.
        """
        return self.quote.startswith("UNSURE:")

    def describe(self) -> str:
        """One line for humans: type, line(s), name, actors, adopter."""
        where = ",".join(str(n) for n in self.lines[:3]) + ("..." if len(self.lines) > 3 else "")
        parts = [f"line {where}", repr(self.name)]
        if self.actors:
            parts.append(";".join(sorted(self.actors)))
        if self.adopter:
            parts.append(f"-> {self.adopter}")
        if self.joint:
            parts.append("joint")
        if self.rule:
            parts.append(f"[rule {self.rule}]")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 of one fact type, with what was missed and what was wrong."""

    fact: str
    gold: int
    predicted: int
    gold_matched: int
    predicted_matched: int
    exact_actors: int
    misses: tuple[Fact, ...] = ()
    false_positives: tuple[Fact, ...] = ()
    unsure_left: int = 0
    """Unsure gold rows (quote ``UNSURE: ...``) that no fact matched: neither misses nor in ``gold``."""

    @property
    def precision(self) -> float:
        """Share of the loader's facts that some gold row matches (1.0 when there are none)."""
        return self.predicted_matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of the gold rows that some fact matches (1.0 when there are none)."""
        return self.gold_matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def exact_share(self) -> float:
        """Share of the matched gold rows whose actors (and adopter, joint flag) the loader got exactly."""
        return self.exact_actors / self.gold_matched if self.gold_matched else 1.0


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The scores of every fact type."""

    scores: tuple[Score, ...] = field(default=())

    def score(self, fact: str) -> Score:
        """Return the :class:`Score` of one fact type."""
        return next(s for s in self.scores if s.fact == fact)

    def summary(self) -> list[str]:
        """Lines of a table: type, gold, predicted, P, R, F1, exact actors, unsure rows left out."""
        head = f"{'fact':13} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6} {'exact':>6}"
        out = [f"{head} {'unsure unmatched':>17}"]
        for s in self.scores:
            if not s.gold and not s.unsure_left:
                out.append(f"{s.fact:13} {'-':>5} {s.predicted:5d}  (not annotated)")
                continue
            out.append(
                f"{s.fact:13} {s.gold:5d} {s.predicted:5d} {s.precision:6.1%} {s.recall:6.1%} "
                f"{s.f1:6.1%} {s.exact_share:6.1%} {s.unsure_left:17d}"
            )
        return out


# --------------------------------------------------------------------------- annotations
def _tokens(value: str, line: int, column: str, problems: list[tuple[int, str]]) -> list[str]:
    out: list[str] = []
    for tok in (t for t in value.split(";") if t != ""):
        kind, sep, rest = tok.partition(":")
        if not sep or kind not in TOKEN_KINDS or not rest.strip() or tok != tok.strip():
            problems.append((line, f"{column}: {tok!r} is not a typed token ({'|'.join(TOKEN_KINDS)}:<value>)"))
            continue
        out.append(f"group:{rest.lower()}" if kind == "group" else tok)
    return out


def parse_annotations(text: str, source: str = "annotations.csv") -> list[Fact]:
    """Read an annotation file into gold :class:`Fact` rows.

    Parameters
    ----------
    text
        The CSV text (header ``fact,line,name,actors,adopter,joint,quote``).
    source
        The file name, for messages.

    Returns
    -------
    list of Fact
        One per row, in file order.

    Raises
    ------
    AnnotationError
        A wrong header, an unknown fact type, a line that is not a positive
        integer, a malformed token, an adopter on a non-adoption row, a joint
        flag other than ``yes`` or empty, or a row with the wrong number of
        cells. Every problem is listed; the error carries the first one's line.

    Examples
    --------
    >>> rows = parse_annotations("fact,line,name,actors,adopter,joint,quote\\n"
    ...                          "zone_case,882,integrated license,zone:shanghai,,,x\\n")
    >>> rows[0].fact, rows[0].lines, sorted(rows[0].actors)
    ('zone_case', (882,), ['zone:shanghai'])
    """
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    try:
        header = next(reader)
    except StopIteration:
        msg = f"empty annotation file (expected the header {','.join(HEADER)})"
        raise AnnotationError(msg, source, 1) from None
    if tuple(h.strip() for h in header) != HEADER:
        msg = f"header is {','.join(header)!r}; expected {','.join(HEADER)!r}"
        raise AnnotationError(msg, source, 1)
    problems: list[tuple[int, str]] = []
    out: list[Fact] = []
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as e:
        msg = f"not valid CSV: {e}"
        raise AnnotationError(msg, source, reader.line_num) from e
    for line, row in rows:
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(HEADER):
            problems.append((line, f"{len(row)} cells; expected {len(HEADER)} ({','.join(HEADER)})"))
            continue
        fact, lno, name, actors, adopter, joint, quote = (c.strip() for c in row)
        if fact not in FACT_TYPES:
            problems.append((line, f"fact {fact!r} is not one of {', '.join(FACT_TYPES)}"))
            continue
        if not lno.isdigit() or int(lno) < 1:
            problems.append((line, f"line {lno!r} is not a positive integer"))
            continue
        toks = _tokens(actors, line, "actors", problems)
        adopt = _tokens(adopter, line, "adopter", problems)
        if fact == "adoption" and len(adopt) != 1:
            problems.append((line, "an adoption row needs exactly one adopter token"))
        if fact != "adoption" and adopt:
            problems.append((line, f"adopter is only for adoption rows, not {fact}"))
        if joint not in ("", "yes"):
            problems.append((line, f"joint is {joint!r}; write yes or leave it empty"))
        if not name and fact not in ("adoption", "joint_effort"):
            problems.append((line, f"a {fact} row needs a name"))
        out.append(
            Fact(fact, (int(lno),), name, frozenset(toks), adopt[0] if adopt else "", joint == "yes", quote, line)
        )
    if problems:
        first = min(problems)[0]
        shown = "; ".join(f"line {n}: {m}" for n, m in sorted(problems)[:20])
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        msg = f"{len(problems)} bad rows: {shown}{more}"
        raise AnnotationError(msg, source, first)
    return out


def load_annotations(paths: Iterable[str | Path]) -> list[Fact]:
    """Read one or more annotation files (thin wrapper of :func:`parse_annotations`).

    Raises
    ------
    AnnotationError
        A file cannot be read or has bad rows (file and line in the message).
    """
    out: list[Fact] = []
    for p in paths:
        path = Path(p)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            msg = f"cannot read the annotation file: {e}"
            raise AnnotationError(msg, str(path)) from e
        try:
            out.extend(parse_annotations(text, path.name))
        except AnnotationError as e:
            raise AnnotationError(e.msg, str(path), e.line) from e
    return out


# --------------------------------------------------------------------------- the loader's facts
def _token(label: Label, key: str, entities: dict[tuple[Label, str], Entity]) -> str:
    """The typed token of a zone or region node (a sub-area counts as its PFTZ, a coordinated zone as its city)."""
    e = entities.get((label, key))
    if label is Label.ZONE:
        if e is not None and e.properties.get("kind") == str(ZoneKind.COORDINATED):
            return f"city:{e.name.split(' coordinated')[0].lower()}"  # a coordinated zone is its city
        return f"zone:{key.split('/', 1)[0]}"
    kind = e.properties.get("kind") if e else None
    if kind == "city":
        return f"city:{(e.name if e else key).lower()}"
    if kind in ("group", "scope"):
        return f"group:{(e.name if e else key).lower()}"  # a scope (All PFTZs, Nationwide) is a group
    return f"province:{key}"


def facts_from_report(report: ParsedReport, line_map: dict[int, int] | None = None) -> list[Fact]:
    """The zone cases, adoptions and joint efforts of a parsed report, as :class:`Fact` objects.

    Parameters
    ----------
    report
        What :func:`loaders.report.parse_report` returned.
    line_map
        Lines of the report read -> lines of the annotated report (:func:`align_lines`),
        when the loader read a copy in another layout.

    Returns
    -------
    list of Fact
        * ``zone_case``: every measure of a zone-case kind with ``ORIGINATED_IN``
          edges; lines are those of the edges; ``joint`` from the measure.
        * ``adoption``: every ``ADOPTED`` edge (its ``adopter`` as printed, if
          any, as a ``group:`` token), and every ``REPLICATED_TO`` edge to a
          province or city (not to a scope such as "All PFTZs"); one fact
          per (innovation or batch, adopter); actors are the edge's ``origin``
          or the measure's origins.
        * ``joint_effort``: every alliance node with its ``MEMBER_OF`` members
          (or ``group:<members as printed>``), and every joint or cross-regional
          measure of a zone-case kind with its origins (or the partners as printed), and
          every document several zones issued together (``NAMES_ZONE`` role ``issuer``).
    """
    lmap = line_map or {}

    def at(line: int) -> int:
        return lmap.get(line, line)

    entities: dict[tuple[Label, str], Entity] = {}
    lines_of: dict[tuple[Label, str], set[int]] = {}
    rules_of: dict[tuple[Label, str] | tuple[NodeRef, str], set[str]] = {}
    for e in report.entities:
        entities.setdefault((e.label, e.key), e)
        lines_of.setdefault((e.label, e.key), set()).add(at(e.provenance.line))
        if e.provenance.rule:
            rules_of.setdefault((e.label, e.key), set()).add(e.provenance.rule)

    def rule(k: tuple[Label, str] | tuple[NodeRef, str]) -> str:
        return ",".join(sorted(rules_of.get(k, ())))

    origins: dict[str, set[str]] = {}
    origin_lines: dict[str, set[int]] = {}
    members: dict[str, set[str]] = {}
    issuers: dict[str, set[str]] = {}
    issued_by: dict[str, set[str]] = {}  # a document -> the alliances that issued it (their members issued it)
    adoptions: dict[tuple[NodeRef, str], tuple[set[int], set[str]]] = {}
    as_printed: dict[tuple[NodeRef, str], str] = {}
    scope_keys = set(SCOPE_REGION_KEYS.values())
    for r in report.relations:
        if r.type is Rel.ORIGINATED_IN and r.start.label is Label.MEASURE:
            origins.setdefault(r.start.key, set()).add(_token(r.end.label, r.end.key, entities))
            origin_lines.setdefault(r.start.key, set()).add(at(r.provenance.line))
        elif r.type is Rel.MEMBER_OF and r.end.label is Label.ALLIANCE:
            members.setdefault(r.end.key, set()).add(_token(r.start.label, r.start.key, entities))
        elif r.type is Rel.NAMES_ZONE and r.properties.get("role") == "issuer":
            issuers.setdefault(r.start.key, set()).add(_token(r.end.label, r.end.key, entities))
        elif r.type is Rel.ISSUED_BY and r.end.label is Label.ALLIANCE:
            issued_by.setdefault(r.start.key, set()).add(r.end.key)
    narrowed = {(r.end, r.start) for r in report.relations if r.type is Rel.ADOPTED and r.properties.get("adopter")}
    for r in report.relations:
        if r.type is Rel.ADOPTED and r.properties.get("adopter"):
            adopter, target = f"group:{str(r.properties['adopter']).lower()}", r.end
        elif r.type is Rel.ADOPTED:
            adopter, target = _token(r.start.label, r.start.key, entities), r.end
        elif r.type is Rel.REPLICATED_TO and r.end.label is Label.REGION and r.end.key not in scope_keys:
            if (r.start, r.end) in narrowed:
                continue  # read as an adoption by the designated areas, not by the whole province
            adopter, target = _token(r.end.label, r.end.key, entities), r.start
        else:
            continue
        stated = str(r.properties.get("origin") or "")
        # an area's origin ("zone:shanghai/lin-gang-special-area") counts as its PFTZ, as in :func:`_token`
        actors = {a.split("/", 1)[0] for a in stated.split(";") if a} if stated else set(origins.get(target.key, ()))
        if r.properties.get("as_printed"):
            as_printed[(target, adopter)] = str(r.properties["as_printed"])
        lines, acts = adoptions.setdefault((target, adopter), (set(), set()))
        lines.add(at(r.provenance.line))
        if r.provenance.rule:
            rules_of.setdefault((target, adopter), set()).add(r.provenance.rule)
        acts |= actors
    for doc, alliances in issued_by.items():
        issuers.setdefault(doc, set()).update(m for a in alliances for m in members.get(a, ()))
    out: list[Fact] = []
    for (label, key), e in entities.items():
        printed = e.properties.get("members")
        if label is Label.MEASURE and (e.properties.get("joint") or e.properties.get("cross_regional")):
            out.append(
                Fact(
                    "joint_effort",
                    tuple(sorted(origin_lines.get(key) or lines_of[(label, key)])),
                    e.name,
                    frozenset({f"group:{str(printed).lower()}"} if printed else origins.get(key, ())),
                    quote=e.provenance.quote[:150],
                    rule=rule((label, key)),
                )
            )
        if label is Label.MEASURE and e.properties.get("kind") in CASE_KINDS and key in origins:
            out.append(
                Fact(
                    "zone_case",
                    tuple(sorted(origin_lines[key])),
                    e.name,
                    frozenset(origins[key]),
                    joint=bool(e.properties.get("joint")),
                    quote=e.provenance.quote[:150],
                    rule=rule((label, key)),
                )
            )
        elif label is Label.DOCUMENT and len(issuers.get(key, ())) > 1:
            out.append(
                Fact(
                    "joint_effort",
                    tuple(sorted(lines_of[(label, key)])),
                    e.name,
                    frozenset(issuers[key]),
                    quote=e.provenance.quote[:150],
                    rule=rule((label, key)),
                )
            )
        elif label is Label.ALLIANCE:
            acts = members.get(key) or set()
            if not acts and (printed := e.properties.get("members")):
                acts = {f"group:{str(printed).lower()}"}
            out.append(
                Fact(
                    "joint_effort",
                    tuple(sorted(lines_of[(label, key)])),
                    e.name,
                    frozenset(acts),
                    quote=e.provenance.quote[:150],
                    rule=rule((label, key)),
                )
            )
    out.extend(_entity_facts(report, entities, lines_of, origins, at))
    for (target, adopter), (lines, acts) in adoptions.items():
        te = entities.get((target.label, target.key))
        name = te.name if te is not None and target.label is Label.MEASURE else ""
        name = as_printed.get((target, adopter), name)
        out.append(
            Fact(
                "adoption",
                tuple(sorted(lines)),
                name,
                frozenset(acts),
                adopter=adopter,
                quote=te.provenance.quote[:150] if te else "",
                rule=rule((target, adopter)),
            )
        )
    out.sort(key=lambda f: (FACT_TYPES.index(f.fact), f.lines, f.name, f.adopter))
    return out


def _names(e: Entity, *props: str) -> tuple[str, ...]:
    """The entity's name and the named properties that hold other names of it, without repeats."""
    seen = dict.fromkeys([e.name, *(str(e.properties.get(p) or "") for p in props)])
    return tuple(n for n in seen if n)


def _entity_facts(
    report: ParsedReport,
    entities: dict[tuple[Label, str], Entity],
    lines_of: dict[tuple[Label, str], set[int]],
    origins: dict[str, set[str]],
    at: Callable[[int], int],
) -> list[Fact]:
    """Areas, bodies, documents, batches and national innovations, one fact per node."""
    parent: dict[str, str] = {}
    national: set[str] = set()
    batches = {k for (lb, k), e in entities.items() if lb is Label.BATCH and e.properties.get("level") == "national"}
    members: dict[str, set[str]] = {}
    released_by: dict[str, str] = {}
    province_owned: dict[str, str] = {}
    for r in report.relations:
        if r.type is Rel.PART_OF and r.start.label is Label.ZONE:
            parent.setdefault(r.start.key, r.end.key)
        elif r.type is Rel.IN_BATCH and r.end.key in batches:
            national.add(r.start.key)
        elif r.type is Rel.MEMBER_OF and r.end.label is Label.ALLIANCE:
            members.setdefault(r.end.key, set()).add(_token(r.start.label, r.start.key, entities))
        elif r.type is Rel.RELEASED_BY and r.start.label is Label.BATCH and r.end.label is Label.ALLIANCE:
            released_by[r.start.key] = r.end.key
        elif r.type is Rel.MEMBER_OF and r.end.label is Label.BATCH and r.start.label is Label.REGION:
            province_owned[r.end.key] = r.start.key  # a province without a zone owns its batch
    out: list[Fact] = []
    for (label, key), e in entities.items():
        lines = tuple(sorted(lines_of[(label, key)]))
        quote = e.provenance.quote[:150]
        if label is Label.ZONE and e.properties.get("kind") == str(ZoneKind.SUB_AREA):
            top = parent.get(key, key.split("/", 1)[0])
            names = _names(e, "aliases")
            out.append(Fact("area", lines, e.name, frozenset({f"zone:{top}"}), quote=quote, aliases=names))
        elif label is Label.ISSUING_BODY:
            names = _names(e, "canonical_name", "abbreviation", "printed_name")
            out.append(Fact("body", lines, e.name, frozenset(), quote=quote, aliases=names))
        elif label is Label.DOCUMENT and not key.startswith(TEXT_DOCUMENT_PREFIX):
            # the text read is the source of the facts, not a document it names
            names = _names(e, "title", "number")
            out.append(Fact("document", lines, e.name, frozenset(), quote=quote, aliases=names))
        elif label is Label.BATCH:
            owner = key.split(":")[1] if e.properties.get("level") == "provincial" else ""
            acts = frozenset({f"zone:{owner}"}) if owner else frozenset()
            if key in province_owned:
                acts = frozenset({f"province:{province_owned[key]}"})
            if key in released_by:  # a batch of a body of several members: its members
                acts = frozenset(members.get(released_by[key], ()))
            out.append(Fact("batch", lines, e.name, acts, quote=quote))
        elif label is Label.MEASURE and key in national:
            out.append(Fact("national", lines, e.name, frozenset(origins.get(key, ())), quote=quote))
    return out


def align_lines(reference: str, other: str) -> dict[int, int]:
    """Map each line of ``other`` to the line of ``reference`` holding the same words.

    The annotation's lines are those of the report it was written on; a copy in
    another layout (re-wrapped, page breaks moved) holds the same words in the
    same order on other lines. Words are counted on both sides without page
    furniture (running heads, edition years); a line of ``other`` maps to the
    reference line that holds its first word.

    Parameters
    ----------
    reference
        The text the annotation was written on.
    other
        The text the loader read.

    Returns
    -------
    dict of int to int
        ``other`` line -> ``reference`` line, for every line of ``other``.

    Examples
    --------
    >>> align_lines("a b c\\n\\nd e", "a b\\nc\\n\\nd\\ne")
    {1: 1, 2: 1, 3: 3, 4: 3, 5: 3}
    """

    def starts(text: str) -> list[tuple[int, int]]:
        lines = split_lines(text)
        skip = furniture_lines(lines)
        out: list[tuple[int, int]] = []
        count = 0
        for ln in lines:
            n = 0 if ln.no in skip else len(ln.text.split())
            out.append((count, ln.no))
            count += n
        return out

    ref = starts(reference)
    ref_first = [w for w, _ in ref]
    ref_no = [n for _, n in ref]
    out: dict[int, int] = {}
    for w, no in starts(other):
        # blank lines share the start of the next line with words: the last of equals is that line
        i = bisect.bisect_right(ref_first, w) - 1
        out[no] = ref_no[max(i, 0)]
    return out


def same_words(reference: str, other: str) -> bool:
    """Whether ``other`` holds the words of ``reference`` in the same order (page furniture aside): another
    layout of the same text, whose lines :func:`align_lines` maps, not another edition.

    Examples
    --------
    >>> same_words("a b c\\n\\nd e", "a b\\nc\\n\\nd\\ne"), same_words("a b c", "a b d")
    (True, False)
    """

    def words(text: str) -> list[str]:
        lines = split_lines(text)
        skip = furniture_lines(lines)
        return [w for ln in lines if ln.no not in skip for w in ln.text.split()]

    return words(reference) == words(other)


# --------------------------------------------------------------------------- matching
def names_match(a: str, b: str) -> float:
    """Return how alike two innovation names are (0-100); containment of one in the other is 100.

    Examples
    --------
    >>> names_match('smart form model for business registration', '"smart form" model') >= NAME_MATCH
    True
    """
    na, nb = normalize_title(a.replace('"', " ")), normalize_title(b.replace('"', " "))
    if not na or not nb:
        return 0.0
    if f" {na} " in f" {nb} " or f" {nb} " in f" {na} ":
        return 100.0
    return title_score(na, nb)


_ANAPHOR_NAME_RE = re.compile(
    rf"^(?:{'|'.join(ANAPHOR_DETERMINERS)})\s+(?:same\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?$", re.I
)


def is_anaphor_name(name: str) -> bool:
    """Whether an adoption's annotated name is an anaphor (``The practice``, ``the same model``): it names what the
    text named before, whatever the loader calls it. ``is_anaphor_name("these measures")`` is True."""
    return bool(_ANAPHOR_NAME_RE.match(name.strip()))


_NATIONAL_GROUPS = {f"group:{p.lower()}" for p in NATIONAL_SCOPES}


def same_adopter(token: str) -> str:
    """An adopter token with a national scope in any of its printed wordings as one: ``group:throughout the
    country`` and ``group:nationwide`` are the same adopter, ``group:all pilot free trade zones`` and
    ``group:all pftzs`` too.

    Examples
    --------
    >>> same_adopter("group:throughout the country"), same_adopter("group:all pilot free trade zones")
    ('group:nationwide', 'group:all pftzs')
    """
    if token not in _NATIONAL_GROUPS:
        return token
    return "group:all pftzs" if "pftz" in token or "pilot free trade" in token else "group:nationwide"


def _best_name(gold: Fact, pred: Fact) -> float:
    """How alike the gold name is to any name the loader knows for the fact."""
    return max((names_match(gold.name, n) for n in (pred.name, *pred.aliases) if n), default=0.0)


_ORDINAL_RE = re.compile(
    r"\b(?:(?P<n>\d+)(?:st|nd|rd|th)?|(?P<w>" + "|".join(ORDINAL_WORDS) + r"))\s+batch", re.IGNORECASE
)


def _batch_ordinal(name: str) -> int | None:
    m = _ORDINAL_RE.search(name)
    if m is None:
        return None
    return int(m.group("n")) if m.group("n") else ORDINAL_WORDS[m.group("w").lower()]


def _batch_match(gold: Fact, pred: Fact) -> float:
    """A batch: the same ordinal (when the gold name prints one), the same owner, and a kind alike."""
    if gold.actors != pred.actors:
        return 0.0
    ordinal = _batch_ordinal(gold.name)
    if ordinal is not None and ordinal != _batch_ordinal(pred.name):
        return 0.0
    if gold.actors:
        return 100.0 if ordinal is not None else 50.0  # a zone's batch: ordinal and owner say which
    return 100.0 if batch_kind(gold.name) == batch_kind(pred.name) else 0.0


def _near(gold: Fact, pred: Fact, tolerance: int) -> bool:
    return any(abs(gold.lines[0] - n) <= tolerance for n in pred.lines)


def _matches(gold: Fact, pred: Fact, tolerance: int) -> float:
    """A match score (0 = no match) of a gold row and a loader fact."""
    if gold.fact != pred.fact:
        return 0.0
    if gold.fact == "batch":
        return _batch_match(gold, pred)
    if gold.fact in ENTITY_TYPES:
        score = _best_name(gold, pred)
        return score if score >= NAME_MATCH and (not gold.actors or gold.actors & pred.actors) else 0.0
    if not _near(gold, pred, tolerance):
        return 0.0
    if gold.fact == "national":
        score = _best_name(gold, pred)
        return score if score >= NAME_MATCH else 0.0
    score = names_match(gold.name, pred.name) if gold.name and pred.name else 0.0
    if gold.fact == "zone_case":
        return score if score >= NAME_MATCH and gold.actors & pred.actors else 0.0
    if gold.fact == "adoption":
        if same_adopter(gold.adopter) != same_adopter(pred.adopter):
            return 0.0
        if gold.name and is_anaphor_name(gold.name):
            return max(score, 50.0) if pred.name else 0.0  # "The practice": what the loader resolved it to
        if gold.name and pred.name:
            return score if score >= NAME_MATCH else 0.0
        if gold.name:
            return 0.0  # a named example is not read by a batch-level fact
        return 50.0
    if score >= NAME_MATCH or gold.actors & pred.actors:
        return max(score, 1.0)
    return 0.0


def _exact(gold: Fact, pred: Fact) -> bool:
    if gold.fact in ("body", "document", "batch"):
        return True
    if gold.fact == "national":
        return not gold.actors or gold.actors == pred.actors
    if gold.fact == "zone_case":
        return gold.actors == pred.actors and gold.joint == pred.joint
    if gold.fact == "adoption":
        return not gold.actors or gold.actors == pred.actors
    return gold.actors == pred.actors


def evaluate(gold: Sequence[Fact], predicted: Sequence[Fact], tolerance: int = LINE_TOLERANCE) -> Evaluation:
    """Match gold rows with the loader's facts and score each fact type.

    Parameters
    ----------
    gold
        Rows of :func:`parse_annotations`.
    predicted
        Facts of :func:`facts_from_report`.
    tolerance
        See :data:`LINE_TOLERANCE`.

    Returns
    -------
    Evaluation
        One :class:`Score` per fact type (see the module docstring for the rules).
    """
    scores: list[Score] = []
    for fact in FACT_TYPES:
        g = [x for x in gold if x.fact == fact]
        p = [x for x in predicted if x.fact == fact]
        matched_pred: set[int] = set()
        misses: list[Fact] = []
        exact = 0
        unsure_left = 0
        for row in g:
            best: tuple[float, int] | None = None
            for i, cand in enumerate(p):
                s = _matches(row, cand, tolerance)
                if s > 0:
                    matched_pred.add(i)
                    if best is None or s > best[0]:
                        best = (s, i)
            if best is None and row.unsure:
                unsure_left += 1
            elif best is None:
                misses.append(row)
            elif _exact(row, p[best[1]]):
                exact += 1
        fps = tuple(x for i, x in enumerate(p) if i not in matched_pred)
        n = len(g) - unsure_left
        scores.append(
            Score(fact, n, len(p), n - len(misses), len(matched_pred), exact, tuple(misses), fps, unsure_left)
        )
    return Evaluation(tuple(scores))


__all__ = [
    "FACT_TYPES",
    "HEADER",
    "Evaluation",
    "Fact",
    "Score",
    "evaluate",
    "facts_from_report",
    "load_annotations",
    "names_match",
    "parse_annotations",
]
