"""The ``pftz`` command line: a thin layer over the Python API.

Every library error (:class:`~ground.errors.PftzGraphError`) becomes one clear
line and exit code 1; secrets come only from environment variables.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import click

from pftz.ground.dates import PartialDate
from pftz.ground.errors import Neo4jError, PftzGraphError
from pftz.ground.io import LOCK_WAIT, atomic_write_text, check_not_an_input, file_sha256, staged_folder
from pftz.ground.schema import DERIVED, Label, database_name_problem
from pftz.loaders.header import FIELDS as HEADER_FIELDS
from pftz.loaders.header import TextHeader, check_date
from pftz.loaders.manifest import BUNDLED_REPORT, load_manifest
from pftz.shell.entry import run

if TYPE_CHECKING:
    import pandas as pd

    from pftz.loaders.records import ParsedReport
    from pftz.shell.cache import CachedBuild

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
REPORT_ARG = click.argument("reports", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
DATA_OPT = click.option(
    "--data",
    "data_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A CSV or JSON file of your own coded zones, documents, measures or adoption events (repeatable).",
)
STRICT_OPT = click.option("--strict", is_flag=True, help="Fail (exit 1) if the loaders report any warning.")


@dataclass(frozen=True)
class Reading:
    """How to read the texts: the edition profile and the header of a text that prints none."""

    profile: Path | None = None
    header: TextHeader = field(default_factory=TextHeader)

    def key(self) -> str:
        """What of this changes a build (for the build cache)."""
        prof = file_sha256(self.profile) if self.profile else ""
        return f"profile {prof} header {json.dumps([getattr(self.header, f) for f in HEADER_FIELDS])}"


def reading_options(f: Any) -> Any:
    """The options of how a text is read: --profile, and --title --date --publisher --url."""
    opts = [
        click.option(
            "--profile",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="The edition profile (TOML) of an edition printed with another layout "
            "(default: data/profiles/default.toml, the 2025 conventions).",
        ),
        click.option("--title", default="", help="The text's title, for a text that prints none (a press release)."),
        click.option("--date", "date_", default="", help="The text's date: 2025, 2025-06 or 2025-06-12."),
        click.option("--publisher", default="", help='Who published the text (a body: "Ministry of Commerce").'),
        click.option("--url", default="", help="The text's address."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _reading(profile: Path | None, title: str, date_: str, publisher: str, url: str, n_texts: int) -> Reading:
    """The reading options, checked: a header describes one text; its date is an ISO date."""
    date = check_date(date_, "--date") if date_.strip() else ""
    header = TextHeader(title.strip(), date, publisher.strip(), url.strip())
    if header and n_texts != 1:
        msg = "--title, --date, --publisher and --url describe one text; for several, give each a TEXT.header.json"
        raise click.UsageError(msg)
    return Reading(profile, header)
BOM_OPT = click.option(
    "--bom/--no-bom",
    default=True,
    show_default=True,
    help="Start CSV tables with a UTF-8 byte-order mark, so that Excel shows the Chinese names intact "
    "(pandas reads it with encoding='utf-8-sig', R with fileEncoding='UTF-8-BOM').",
)
DATA_STRICT_OPT = click.option(
    "--strict",
    is_flag=True,
    help="Load nothing and exit 1 if any row of a --data file is bad (pftz parse --strict checks a report).",
)


NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
MAX_DEPTH = 10
"""The deepest neighbourhood ``pftz viz --focus`` draws (beyond a few hops it is the whole graph)."""


class Neo4jUri(click.ParamType):
    """A Neo4j server URI: ``bolt``, ``neo4j`` or their ``+s`` / ``+ssc`` forms, with a host."""

    name = "URI"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        uri = str(value).strip()
        text = re.sub(r"//[^/@]*@", "//", uri)  # never echo credentials written into the URI
        try:
            parts = urlsplit(text)
            host = parts.hostname
            _ = parts.port  # a port that is not a number raises here
        except ValueError as e:
            self.fail(f"{text!r} is not a URI ({e}); e.g. bolt://localhost:7687", param, ctx)
        if parts.scheme not in NEO4J_SCHEMES:
            shown = parts.scheme or "none"
            self.fail(
                f"{text!r} has the scheme {shown!r}; use one of {', '.join(s + '://' for s in NEO4J_SCHEMES)} "
                "(e.g. bolt://localhost:7687)",
                param,
                ctx,
            )
        if not host:
            self.fail(f"{text!r} names no host; e.g. bolt://localhost:7687", param, ctx)
        return uri


NEO4J_URI = Neo4jUri()


def _tls_hint(e: Neo4jError, uri: str) -> Neo4jError:
    """Add what an encrypted URI to a plain server usually means to a connection error."""
    scheme = urlsplit(uri).scheme
    if scheme.endswith(("+s", "+ssc")) and "reach" in str(e):
        plain = scheme.partition("+")[0]
        msg = (
            f"{e}. The URI asks for an encrypted connection ({scheme}://): if the server does not use TLS "
            f"(a local server usually does not), use {plain}:// instead"
        )
        return Neo4jError(msg)
    return e


class _Group(click.Group):
    """A click group that turns library errors into one clear line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PftzGraphError as e:
            raise click.ClickException(str(e)) from e


def _echo_err(msg: str) -> None:
    click.echo(msg, err=True)


def _inputs(reports: Sequence[Path], data_files: Sequence[Path] = ()) -> list[Path]:
    """The files a command reads (the bundled report when none is named)."""
    return [*(reports or [BUNDLED_REPORT]), *data_files]


def _load_reports(reports: Sequence[Path], strict: bool, reading: Reading | None = None) -> list[ParsedReport]:

    from pftz.loaders.report import load_report
    paths: Sequence[Path | None] = list(reports) or [None]
    reading = reading or Reading()
    out = []
    for p in paths:
        r = load_report(p, strict=strict, profile=reading.profile, header=reading.header)
        n_entities = len({(e.label, e.key) for e in r.entities})
        _echo_err(
            f"parsed {r.source}: {n_entities:,} entities, {len(r.relations):,} relation mentions, "
            f"{len(r.tables)} tables, {len(r.warnings)} warnings"
        )
        out.append(r)
    return out


def _load_data(data_files: Sequence[Path], strict: bool, known: Sequence[ParsedReport]) -> list[ParsedReport]:
    """Read researchers' files; each may refer to keys of the reports and of the files before it."""
    from pftz.loaders.userdata import load_user_data
    if not data_files:
        return []

    out: list[ParsedReport] = []
    for p in data_files:
        r = load_user_data(p, strict=strict, known=[*known, *out])
        _echo_err(f"read {r.source}: {len(r.entities):,} entities, {len(r.relations):,} relations")
        out.append(r)
    return out


def _show_warnings(reports: Sequence[ParsedReport], limit: int = 50) -> None:
    warnings = [str(w) for r in reports for w in r.warnings]
    failed = sum(1 for r in reports for c in r.checks if not c.ok)
    _show_warning_lines(warnings, failed, _list_hint(reports), limit)


def _list_hint(reports: Sequence[ParsedReport]) -> str:
    """The command that lists every warning of these sources (``parse`` reads reports only)."""
    from pftz.loaders.records import USER_SECTION
    hints = []
    for r in reports:
        if not r.warnings:
            continue
        if dict(r.meta).get("section") == USER_SECTION:
            hints.append(f"pftz build --data {r.source} --strict lists those of {r.source} with their lines")
        else:
            hints.append(f"pftz parse {r.source} --json lists those of {r.source}")
    return "; ".join(dict.fromkeys(hints))


LOUD_COMMANDS = ("parse", "build")
"""The commands that print every load warning; the others print their count (``pftz -v`` shows them)."""


def _loud() -> bool:
    """Whether this command prints the load warnings: ``parse``, ``build``, or any with ``pftz -v``."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return True
    root = ctx.find_root()
    return ctx.info_name in LOUD_COMMANDS or bool(root.params.get("verbose"))


def _build_fresh(
    reports: Sequence[Path], data_files: Sequence[Path], strict: bool, loud: bool, reading: Reading
) -> CachedBuild:
    from pftz.graph.build import graph_from_reports
    from pftz.graph.validate import validate
    from pftz.loaders.reference import load_reference
    from pftz.loaders.report import load_report
    from pftz.loaders.userdata import load_user_data
    from pftz.shell.cache import CachedBuild
    paths: list[Path | None] = [*reports] or [None]
    parsed = (
        _load_reports(reports, strict=False, reading=reading)
        if loud
        else [load_report(p, profile=reading.profile, header=reading.header) for p in paths]
    )
    if loud:
        parsed += _load_data(data_files, strict, parsed)
    else:
        for p in data_files:
            parsed.append(load_user_data(p, strict=strict, known=list(parsed)))
    merges: list[str] = []
    contested: list[str] = []
    # what the build's summary needs of the records, read before they are handed over: the build
    # frees each input's records once it has grouped them (10^6 rows of user data are 400 MB of records)
    warnings = tuple(str(w) for r in parsed for w in r.warnings)
    failed = sum(1 for r in parsed for c in r.checks if not c.ok)
    sources = tuple(
        f"{r.source}: {len({(e.label, e.key) for e in r.entities}):,} entities, "
        f"{len(r.relations):,} relations, {len(r.warnings)} warnings"
        for r in parsed
    )
    hint = _list_hint(parsed)
    G = graph_from_reports(_handed_over(parsed), reference=load_reference(), merges=merges, contested=contested)
    validate(G)
    return CachedBuild(
        G, warnings=(*contested, *warnings, *merges), failed_checks=failed, sources=sources, hint=hint
    )


def _handed_over(reports: list[ParsedReport]) -> Iterator[ParsedReport]:
    """Each input, taken out of ``reports`` as it is handed to the build: no list keeps its records alive."""
    while reports:
        yield reports.pop(0)


def _show_warning_lines(warnings: Sequence[str], failed: int, hint: str, limit: int = 50) -> None:
    if failed:
        _echo_err(f"{failed} stated totals do not match (see the warnings)")
    if not warnings:
        return
    if len(warnings) > limit:
        _show_warning_kinds(warnings, hint, limit)
        return
    _echo_err(f"{len(warnings)} warnings:")
    for w in warnings:
        _echo_err(f"  {w}")


_WARNING_CODE_RE = re.compile(r": \[([a-z0-9-]+)\] ")


def _show_warning_kinds(warnings: Sequence[str], hint: str, limit: int) -> None:
    """Many warnings: their count by kind, then the first few of each kind (``limit`` lines in all)."""
    kinds: dict[str, list[str]] = {}
    for w in warnings:
        m = _WARNING_CODE_RE.search(w)
        kinds.setdefault(m.group(1) if m else "other", []).append(w)
    by_count = sorted(kinds.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    summary = ", ".join(f"{k} {len(ws):,}" for k, ws in by_count)
    _echo_err(f"{len(warnings):,} warnings, by kind: {summary}")
    each = max(1, limit // len(kinds))
    for k, ws in by_count:
        for w in ws[:each]:
            _echo_err(f"  {w}")
        if len(ws) > each:
            _echo_err(f"  ... and {len(ws) - each:,} more {k}")
    _echo_err(f"  (every warning: {hint})")


def _build(
    reports: Sequence[Path],
    data_files: Sequence[Path] = (),
    strict: bool = False,
    reading: Reading | None = None,
    lite: bool = False,
) -> Any:
    """The graph of the inputs, from the build cache when an earlier command built the same inputs.

    ``parse`` and ``build`` (and any command under ``pftz -v``) print every load
    warning; the others print one line with their count. ``lite``: from the cache, the graph
    is read row by row as asked (:class:`graph.sqlite_graph.SqliteGraph`), for the commands
    that read a few neighbourhoods (``trace``, ``search``).
    """
    from pftz.shell.cache import cached_build
    loud = _loud()
    reading = reading or Reading()
    options = ("strict " if strict else "") + (reading.key() if reading != Reading() else "")
    result = cached_build(
        reports,
        data_files,
        lambda: _build_fresh(reports, data_files, strict, loud, reading),
        options.strip(),
        on_problem=_echo_err,
        lite=lite,
    )
    if loud:
        if result.from_cache:
            for line in result.sources:
                _echo_err(f"read {line} (cached build)")
        _show_warning_lines(result.warnings, result.failed_checks, result.hint)
    else:
        cached = " (cached build)" if result.from_cache else ""
        n = len(result.warnings)
        checks = f", {result.failed_checks} stated totals do not match" if result.failed_checks else ""
        shown = "; pftz -v ... shows them" if n or checks else ""
        _echo_err(f"graph: {result.graph.number_of_nodes():,} nodes{cached}; {n} load warnings{checks}{shown}")
    return result.graph


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(package_name="pftz-graph")
@click.option("-v", "--verbose", is_flag=True, help="Print every load warning (parse and build always do).")
def cli(verbose: bool) -> None:
    """pftz-graph: the policy graph of China's Pilot Free Trade Zones.

    Every command reads the bundled 2025 report unless you name other report
    files. Run `pftz COMMAND -h` for the options and an example of each.
    Commands after a build reuse it from a cache keyed by the inputs' sha256
    and the package version (PFTZ_CACHE_DIR=off turns it off).

    \b
    Example:
        pftz build --out out/
        pftz trace "smart form"
    """


@cli.command()
@click.argument("report", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Write the records as JSON (format pftz-records/1).")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the JSON here, not to stdout."
)
@click.option(
    "--unread", is_flag=True, help="List every narrative quoted span and zone mention that produced no fact."
)
@STRICT_OPT
@reading_options
def parse(
    report: Path | None,
    as_json: bool,
    output: Path | None,
    strict: bool,
    unread: bool,
    profile: Path | None,
    title: str,
    date_: str,
    publisher: str,
    url: str,
) -> None:
    """Parse a report, or any English text about the zones, and print its load report.

    The load report gives counts, checks of stated totals and warnings. A text
    that is not an edition of the report (a press release, a circular, a news
    report) is read for its paragraphs; give what it does not print with
    --title, --date, --publisher and --url, or in TEXT.header.json beside it.
    An edition with another layout is read with its --profile.

    The load report ends with the share of narrative paragraphs that yielded at
    least one fact (zone case, adoption, cross-regional effort); --unread lists
    what the narrative reader did not turn into a fact, with file:line.

    \b
    Example:
        pftz parse
        pftz parse --unread
        pftz parse my-report.txt --json -o records.json --strict
        pftz parse release.txt --title "MOFCOM releases the eighth batch" --date 2025-06-12 --publisher MOFCOM
    """
    from pftz.loaders.report import load_report

    if output is not None:
        check_not_an_input(output, _inputs([report] if report else []))
    reading = _reading(profile, title, date_, publisher, url, 1)
    r = load_report(report, strict=strict, profile=reading.profile, header=reading.header)
    if as_json or output:
        text = json.dumps(r.to_json(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"
        if output:
            atomic_write_text(output, text)
            _echo_err(f"wrote {output}")
        else:
            click.echo(text, nl=False)
        return
    click.echo(f"report: {r.source} (sha256 {r.sha256[:12]}...)")
    click.echo(f"structure: {len(r.sections)} headings, {len(r.tables)} tables")
    for t in r.tables:
        click.echo(f"  Table {t.id}: {len(t.rows)} rows (lines {t.line}-{t.end_line})")
    click.echo("records (distinct):")
    for name, n in r.counts().items():
        click.echo(f"  {name:16} {n:6,}")
    click.echo("stated totals:")
    for c in r.checks:
        mark = "ok" if c.ok else "MISMATCH"
        click.echo(f"  {mark:8} {c.name}: stated {c.stated}, found {c.found} (line {c.line})")
    _show_warnings([r], limit=1000)
    read, total = r.narrative_paragraphs
    share = f"{read / total:.0%}" if total else "n/a"
    click.echo(f"narrative: {read} of {total} paragraphs ({share}) yielded at least one fact")
    if unread:
        click.echo(f"unread ({len(r.unread)}):")
        for u in r.unread:
            what = "quote" if u.code == "unread-quote" else "zone"
            click.echo(f"  {u.source}:{u.line}: {what} {u.message!r}")


@cli.command(name="eval")
@click.argument("annotations", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("report", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--show", default=30, show_default=True, help="How many misses and false positives to list per type.")
@click.option(
    "--profile",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The edition profile (TOML) of REPORT, when it is printed with another layout.",
)
@click.option(
    "--annotated-on",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The text whose lines the annotation gives, when a copy of it in another layout is read "
    "(default: the bundled report for such a copy; a text of its own is its own reference).",
)
def eval_(annotations: Path, report: Path | None, show: int, profile: Path | None, annotated_on: Path | None) -> None:
    """Compare the reading of a report with a hand annotation: precision, recall, F1 per fact type.

    ANNOTATIONS is a CSV in the format of docs/annotations.md; REPORT is the
    bundled report unless given. An annotation is written on the lines of the
    text it annotates; a copy of the bundled report (or of --annotated-on) in another layout (the same
    words) is aligned to it word by word, so its annotations serve the copy. Misses (annotated, not read)
    and false positives (read, not annotated) are listed with their lines.

    \b
    Example:
        pftz eval tests/annotations/sample.csv
        pftz eval my-annotations.csv rewrapped-report.txt --show 100
        pftz eval tests/editions/report-2026a.gold.csv tests/editions/report-2026a.txt
    """
    from pftz.loaders.evaluate import align_lines, evaluate, facts_from_report, load_annotations
    from pftz.loaders.report import BUNDLED_REPORT, load_report
    gold = load_annotations([annotations])
    r = load_report(report, profile=profile)
    line_map = None
    if report is not None:
        reference = (annotated_on or BUNDLED_REPORT).read_text(encoding="utf-8", errors="replace")
        other = report.read_text(encoding="utf-8", errors="replace")
        # another layout of the bundled report is aligned to it; another text is annotated on its own lines
        from pftz.loaders.evaluate import same_words

        line_map = align_lines(reference, other) if other != reference and same_words(reference, other) else None
    result = evaluate(gold, facts_from_report(r, line_map))
    click.echo(f"annotations: {annotations} ({len(gold)} rows); report: {r.source}")
    for line in result.summary():
        click.echo(line)
    for s in result.scores:
        if not s.gold and not s.unsure_left:
            continue  # a type the annotation does not cover: its facts are not false positives
        for what, items in (("missed", s.misses), ("false positive", s.false_positives)):
            for f in items[:show]:
                click.echo(f"  {s.fact} {what}: {f.describe()}")
            if len(items) > show:
                click.echo(f"  ... and {len(items) - show} more {s.fact} {what}")


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"), show_default=True
)
@click.option("--no-html", is_flag=True, help="Skip the interactive HTML site.")
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=LOCK_WAIT,
    show_default=True,
    help="Seconds to wait while another build writes the same folder.",
)
@DATA_STRICT_OPT
@reading_options
@BOM_OPT
def build(
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
    out_dir: Path,
    no_html: bool,
    wait: float,
    strict: bool,
    profile: Path | None,
    title: str,
    date_: str,
    publisher: str,
    url: str,
    bom: bool,
) -> None:
    """Build the graph (bundled report by default), write every export and print a summary.

    REPORTS are editions of the report or other English texts about the zones
    (press releases, circulars, news); see `pftz parse -h` for --profile and
    the header options of a text that prints no title block.

    The outputs are written as one set: into a staging folder next to --out,
    read back and checked, then swapped into place. A failed or killed build
    leaves the earlier set as it was; nothing of an earlier build survives a
    successful one. A second build of the same folder waits for the first.

    \b
    Example:
        pftz build --out out/
        pftz build report-2025.txt report-2026.txt --data my-events.csv --out out/
        pftz build release.txt --title "Eighth batch of best practices" --date 2025-06 --publisher MOFCOM
    """
    from pftz.graph.exports import FORMATS, write_all
    from pftz.graph.exports_cascades import cascade_summary
    from pftz.queries import tables as qtables
    from pftz.queries.sqlite import metadata_path, save_sqlite
    from pftz.shell import viz as gviz

    check_not_an_input(out_dir, _inputs(reports, data_files), folder=True)
    reading = _reading(profile, title, date_, publisher, url, max(len(reports), 1))
    G = _build(reports, data_files, strict, reading)
    written: dict[str, str] = {}
    pages: list[Path] = []

    database = [SQLITE_FILE, metadata_path(SQLITE_FILE).name]

    def check(stage: Path) -> list[str]:
        return _missing_outputs(stage, [stage / name for name in [*FORMATS.values(), *database]], pages)

    known = {*FORMATS.values(), *database, "html", "tables"}
    with staged_folder(
        out_dir, known=known, check=check, wait=wait, on_wait=_echo_err, on_kept=_echo_err
    ) as stage:
        for fmt, path in write_all(G, stage, positions=_layout(G)).items():
            written[fmt] = str(out_dir / path.relative_to(stage))
        save_sqlite(G, stage / SQLITE_FILE, reports=load_manifest())
        written["sqlite"] = f"{out_dir / SQLITE_FILE} (pftz serve {out_dir / SQLITE_FILE} opens it in Datasette)"
        tables = qtables.write_tables(G, stage / "tables", reports=load_manifest(), bom=bom)
        written["tables"] = f"{out_dir / 'tables'}/ ({len(tables)} files)"
        if not no_html:
            site = gviz.write_site(G, stage / "html")
            pages.extend(p for v in site.values() for p in v)
            index = out_dir / site["index"][0].relative_to(stage)
            written["html"] = f"{index} ({len(pages)} pages)"
    _echo_stats(G)
    cs = cascade_summary(G)
    click.echo(f"cascades: {cs.kept:,} kept, {cs.left_out:,} left out (fewer than two distinct stated times)")
    click.echo(f"exports in {out_dir}/:")
    for name, shown in sorted(written.items()):
        click.echo(f"  {name:12} {shown}")


_HREF_RE = re.compile(r"""href=["']([^"'#?:]+\.html)["']""")


def _missing_outputs(stage: Path, exports: Iterable[Path], pages: Sequence[Path]) -> list[str]:
    """What a staged build lacks: an export, a page the site wrote, or a page a written page links to."""
    problems = [f"{p.relative_to(stage)} was not written" for p in exports if not p.exists()]
    for page in pages:
        if not page.is_file() or page.stat().st_size == 0:
            problems.append(f"page {page.relative_to(stage)} is missing or empty")
            continue
        if page.name != "index.html":
            continue
        for href in _HREF_RE.findall(page.read_text(encoding="utf-8", errors="replace")):
            if not (page.parent / href).is_file():
                problems.append(f"{page.relative_to(stage)} links to {href}, which was not written")
    return problems


def _echo_stats(G: Any) -> None:

    from pftz.graph.stats import graph_stats
    s = graph_stats(G)
    click.echo(
        f"graph: {s['nodes']:,} nodes, {s['edges']:,} edges ({s['stated_edges']:,} stated, "
        f"{s['derived_edges']:,} derived)"
    )
    for label, n in s["labels"].items():
        click.echo(f"  {label:16} {n:6,}")
    for rel, n in s["relationships"].items():
        derived = " (derived)" if rel in s["derived"] else ""
        click.echo(f"  {rel:16} {n:6,}{derived}")


@cli.command()
@REPORT_ARG
@DATA_OPT
def stats(reports: tuple[Path, ...], data_files: tuple[Path, ...]) -> None:
    """Print node and edge counts per label and relationship type.

    \b
    Example:
        pftz stats
    """
    _echo_stats(_build(reports, data_files))


class LazyChoice(click.Choice):
    """A :class:`click.Choice` whose choices are read from a module only when a command needs them.

    The export formats and table names live beside heavy libraries (pandas, networkx); reading them
    at import would make every command, ``pftz --version`` included, pay for those imports.
    """

    def __init__(self, module: str, attribute: str, extra: tuple[str, ...] = ()) -> None:
        self._where = (module, attribute)
        self._extra = extra
        self._choices: tuple[str, ...] | None = None
        super().__init__((), case_sensitive=True)

    @property
    def choices(self) -> tuple[str, ...]:
        if self._choices is None:
            import importlib

            module, attribute = self._where
            self._choices = (*getattr(importlib.import_module(module), attribute), *self._extra)
        return self._choices

    @choices.setter
    def choices(self, value: Any) -> None:
        pass  # click.Choice.__init__ sets it; the module gives it


EXPORT_FORMATS = LazyChoice("pftz.graph.exports", "FORMATS", extra=("sqlite",))
SQLITE_FILE = "pftz.db"
"""The SQLite database ``pftz build`` writes (with ``pftz.metadata.json`` for Datasette beside it)."""


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option("--format", "fmt", type=EXPORT_FORMATS, required=True, help="Export format.")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), required=True, help="Output file (a folder for neo4j-admin)."
)
def export(reports: tuple[Path, ...], data_files: tuple[Path, ...], fmt: str, output: Path) -> None:
    """Export the graph: GraphML (Gephi), GEXF with time, colours and positions, node-link JSON,
    neo4j-admin CSV, cascades CSV (R), or SQLite for Datasette.

    sqlite writes one database (the four flat tables, nodes, edges and their evidence, foreign keys,
    full-text search) and FILE.metadata.json beside it; pftz serve FILE.db opens both in Datasette.

    \b
    Example:
        pftz export --format gexf -o pftz.gexf
        pftz export --format neo4j-admin -o import/
        pftz export --format sqlite -o pftz.db
    """
    from pftz.graph.exports import export as write_export

    check_not_an_input(output, _inputs(reports, data_files), folder=True)
    if fmt == "sqlite":  # its metadata file beside it is an output too
        from pftz.queries.sqlite import metadata_path

        check_not_an_input(metadata_path(output), _inputs(reports, data_files))
    G = _build(reports, data_files)
    if fmt == "sqlite":
        from pftz.queries.sqlite import save_sqlite

        db, meta = save_sqlite(G, output, reports=load_manifest())
        click.echo(f"wrote {db} and {meta}")
        return
    write_export(G, fmt, output, positions=_layout(G) if fmt == "gexf" else None)
    click.echo(f"wrote {output}")


def _layout(G: Any) -> dict[str, tuple[float, float]]:
    """The positions of the site's whole-graph page, for the GEXF file (Gephi opens it laid out)."""
    from pftz.shell import viz as gviz

    return gviz.force_positions(gviz.aggregate_diffusion(G))


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True, help="How many pairs to show.")
def review(reports: tuple[Path, ...], data_files: tuple[Path, ...], limit: int) -> None:
    """List uncertain entity pairs (possible SAME_AS) with their scores, for a person to check.

    \b
    Example:
        pftz review --limit 20
    """
    from pftz.graph.resolve import review_pairs

    G = _build(reports, data_files)
    df = review_pairs(G)
    if df.empty:
        click.echo("no uncertain pairs")
        return
    click.echo(df.head(limit).to_string(index=False))


def neo4j_options(f: Any) -> Any:
    """Connection options shared by the Neo4j commands (the password only from NEO4J_PASSWORD)."""
    f = click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database name [NEO4J_DATABASE].")(f)
    f = click.option("--user", envvar="NEO4J_USER", default=None, help="User name [NEO4J_USER].")(f)
    return f


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option(
    "--neo4j",
    "uri",
    envvar="NEO4J_URI",
    default=None,
    type=NEO4J_URI,
    help="Server URI, e.g. bolt://localhost:7687 or neo4j+s://... [NEO4J_URI]; required unless --offline.",
)
@neo4j_options
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=5000,
    show_default=True,
    help="Rows per transaction (1 or more).",
)
@click.option(
    "--offline",
    is_flag=True,
    help="Import into a new database of a stopped server with `neo4j-admin database import full` "
    "(NEO4J_ADMIN, $NEO4J_HOME/bin/neo4j-admin or neo4j-admin on PATH): for very large first loads.",
)
def load(
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
    uri: str | None,
    user: str | None,
    database: str | None,
    batch_size: int,
    offline: bool,
) -> None:
    """Load the graph into Neo4j (idempotent: re-running changes nothing). Password from NEO4J_PASSWORD.

    Into an empty database the load creates nodes and relationships (no look-ups); into one that
    holds the project's nodes it merges. --offline writes the neo4j-admin CSV bundle (as
    `pftz build` writes out/neo4j-import/) and imports it into a database that does not exist yet,
    with the server stopped; start the server and run `pftz load --neo4j URI` once afterwards for
    the key constraints and the full-text index.

    \b
    Example:
        NEO4J_PASSWORD=secret pftz load --neo4j bolt://localhost:7687
        NEO4J_HOME=/opt/neo4j pftz load --offline --database neo4j
    """
    from pftz.graph.neo4j_store import connect, graph_to_neo4j

    problem = database_name_problem(database) if database is not None else None
    if problem is not None:
        raise click.ClickException(f"--database: {problem}")
    if offline:
        _load_offline(reports, data_files, database or "neo4j")
        return
    if uri is None:
        raise click.UsageError("Missing option '--neo4j' (the server URI), or use --offline.")
    G = _build(reports, data_files)
    try:
        driver, db = connect(uri, user, None, database)
    except Neo4jError as e:
        raise _tls_hint(e, uri) from e
    created: dict[str, int] = {}
    started = time.perf_counter()
    try:
        with click.progressbar(
            length=G.number_of_nodes() + G.number_of_edges(),
            label=f"loading {G.number_of_nodes():,} nodes and {G.number_of_edges():,} relationships",
            file=sys.stderr,
            show_pos=True,
        ) as bar:
            done = [0]

            def progress(n: int, total: int) -> None:
                bar.update(n - done[0])
                done[0] = n

            counts = graph_to_neo4j(
                G, driver, database=db, batch_size=batch_size, progress=progress, created=created
            )
    finally:
        driver.close()
    click.echo(_load_summary(uri, db, counts, created, time.perf_counter() - started))


def _neo4j_admin() -> list[str] | None:
    """The neo4j-admin command: NEO4J_ADMIN, else $NEO4J_HOME/bin/neo4j-admin, else neo4j-admin on PATH."""
    named = os.environ.get("NEO4J_ADMIN")
    if named:
        return [named]
    home = os.environ.get("NEO4J_HOME")
    if home and (Path(home) / "bin" / "neo4j-admin").is_file():
        return [str(Path(home) / "bin" / "neo4j-admin")]
    found = shutil.which("neo4j-admin")
    return [found] if found else None


def _load_offline(reports: tuple[Path, ...], data_files: tuple[Path, ...], database: str) -> None:
    """``pftz load --offline``: the neo4j-admin bundle, imported with ``neo4j-admin database import full``."""
    from pftz.graph.exports_neo4j import neo4j_admin_import_args, save_neo4j_admin_csv
    admin = _neo4j_admin()
    if admin is None:
        msg = (
            "--offline needs neo4j-admin, which was not found: set NEO4J_HOME to the Neo4j installation "
            "(bin/neo4j-admin), put neo4j-admin on PATH, or name the command in NEO4J_ADMIN. To import by hand: "
            f"stop the server, run `pftz build --out out/`, then `NEO4J_HOME=/path/to/neo4j "
            f"out/neo4j-import/import.sh {database}`; then start the server and run `pftz load --neo4j URI` "
            "once for the constraints and the full-text index."
        )
        raise click.ClickException(msg)
    G = _build(reports, data_files)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pftz-neo4j-import-") as tmp:
        bundle = save_neo4j_admin_csv(G, Path(tmp) / "neo4j-import")
        command = [*admin, *neo4j_admin_import_args(bundle, database)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as e:
            raise click.ClickException(f"cannot run {admin[0]}: {e.strerror or e}") from e
    if done.returncode != 0:
        msg = f"{admin[0]} database import full {database} failed (exit {done.returncode}): {_admin_reason(done)}"
        raise click.ClickException(msg)
    click.echo(
        f"imported {G.number_of_nodes():,} nodes and {G.number_of_edges():,} relationships into database "
        f"{database} with {admin[0]} in {time.perf_counter() - started:.1f} s\n"
        "  next: start the server, then run `pftz load --neo4j URI` once for the key constraints and the "
        "full-text index (it finds every node and relationship already there)"
    )


_ADMIN_GENERIC = ("error importing csv file", "run with '--verbose'", "import failed.")


def _admin_reason(done: subprocess.CompletedProcess[str]) -> str:
    """neo4j-admin's own reason for a refusal (e.g. the database exists), not its generic last words."""
    lines = [ln.strip() for ln in (done.stderr + "\n" + done.stdout).splitlines() if ln.strip()]
    own = [
        ln
        for ln in done.stderr.splitlines()
        if ln.strip() and not ln.lstrip().upper().startswith("WARNING") and not ln.lower().startswith(_ADMIN_GENERIC)
    ]
    if own:
        reason = own[0].strip()
        if "--overwrite-destination" in reason:
            reason += " (pftz never overwrites a database: drop it first, or import into another --database)"
        return reason
    errors = [ln for ln in lines if "exception" in ln.lower() or "error" in ln.lower()]
    return (errors or lines or ["no output"])[0]


def _load_summary(uri: str, db: str, counts: dict[str, int], created: dict[str, int], seconds: float) -> str:
    """``loaded into URI (database neo4j) in 2.1 s: 387 nodes (0 created, 387 matched), ...``."""
    parts = []
    for what in ("nodes", "relationships"):
        n, new = counts.get(what, 0), created.get(what, 0)
        parts.append(f"{n:,} {what} ({new:,} created, {n - new:,} matched)")
    per_type = ", ".join(f"{k} {v:,}" for k, v in counts.items() if k not in ("nodes", "relationships"))
    return f"loaded into {uri} (database {db}) in {seconds:.1f} s: " + ", ".join(parts) + f"\n  {per_type}"


QUERY_FORMATS = ("table", "csv", "json")
KEYS_OPT = click.option(
    "--keys", is_flag=True, help="Show the node keys in the terminal table (csv and json always have them)."
)
NEO4J_QUERY_OPT = click.option(
    "--neo4j",
    "uri",
    default=None,
    type=NEO4J_URI,
    help="Run on this Neo4j server (e.g. bolt://localhost:7687) instead of the graph built from the reports; "
    "credentials from NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE.",
)
REPORT_OPT = click.option(
    "--report",
    "reports",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Build the graph from this report instead of the bundled one (repeatable).",
)


class PartialDateType(click.ParamType):
    """A partial ISO date (``2024``, ``2024-06``, ``2024-06-30``) for ``--since``/``--until``."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> PartialDate:
        try:
            return PartialDate.parse(value)
        except ValueError:
            self.fail(f"{value!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024-06)", param, ctx)


SINCE_OPT = click.option(
    "--since",
    type=PartialDateType(),
    default=None,
    help="Keep dated facts on or after this date; a date is its whole period (2024 overlaps 2024-06).",
)
UNTIL_OPT = click.option(
    "--until", type=PartialDateType(), default=None, help="Keep dated facts on or before this date (YYYY[-MM[-DD]])."
)


def _window_params(since: PartialDate | None, until: PartialDate | None) -> dict[str, str]:
    return {k: v.iso for k, v in (("since", since), ("until", until)) if v is not None}


def _query_backend(
    uri: str | None, reports: Sequence[Path], data_files: Sequence[Path], lite: bool = False
) -> tuple[Any, Any]:
    """Return ``(backend, driver to close or None)``: a Neo4j connection, or the graph built from the reports
    (``lite``: read from the build cache as asked, see :func:`_build`)."""
    if uri:
        from pftz.graph.neo4j_store import connect  # the driver only when a server is named

        try:
            driver, db = connect(uri)
        except Neo4jError as e:
            raise _tls_hint(e, uri) from e
        return (driver, db), driver
    return _build(reports, data_files, lite=lite), None


def _plain(value: Any) -> Any:
    """A DataFrame cell as plain JSON data (NaN and pandas NA as None)."""
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str | int | float | bool):
        return value  # plain already: no need to import pandas to say so
    import pandas as pd

    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value


_DERIVED_MARK = "derived"


def _readable(df: Any, keys: bool = False) -> Any:
    """A query's frame made readable for a terminal; what it says about the rows goes to stderr.

    The subject of a profile (the first key and name columns, when every row has the same) is
    printed once above the table; the number of stated and derived rows is said first, and
    plainly when the report states nothing about the subject (every row derived); rows with
    dates are put in date order within their section; ``*_key`` columns are hidden unless
    ``keys``.
    """
    if df.empty:
        return df
    cols = list(df.columns)
    if len(cols) >= 2 and cols[0].endswith("_key") and len(df) > 1 and df[cols[0]].nunique(dropna=False) == 1:
        what = cols[0][: -len("_key")]
        subject = f"{df.iloc[0][cols[1]]} [{df.iloc[0][cols[0]]}]"
        _echo_err(f"{what}: {subject}")
        df = df.drop(columns=cols[:2])
        marked = [c for c in ("section", "fact") if c in df.columns]
        if marked:
            derived = int(df[marked[0]].astype(str).str.contains(_DERIVED_MARK).sum())
            stated = len(df) - derived
            _echo_err(f"{len(df):,} rows: {stated:,} stated by the report, {derived:,} derived")
            if not stated:
                _echo_err(f"the report states nothing about {subject}: every row is derived")
        if "section" in df.columns and "date" in df.columns:
            order = {v: i for i, v in enumerate(dict.fromkeys(df["section"]))}
            df = df.assign(_s=df["section"].map(order), _d=df["date"].fillna("\uffff"))
            df = df.sort_values(["_s", "_d"], kind="stable").drop(columns=["_s", "_d"])
    if not keys:
        df = df.drop(columns=[c for c in df.columns if c == "key" or c.endswith("_key")])
    return df.reset_index(drop=True)


def _echo_frame(df: Any, fmt: str, width: int = 60) -> None:
    from pftz.graph.exports_people import people_csv
    from pftz.queries import tables as qtables
    if fmt == "json":
        rows = [{c: _plain(v) for c, v in zip(df.columns, row, strict=True)} for row in df.itertuples(index=False)]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        # lists joined with "; " and formula-safe cells, as in the files of pftz table
        click.echo(people_csv(qtables.flatten(df)), nl=False)
        return
    if df.empty:
        click.echo("(no rows)")
        return
    if sys.stdout.isatty():
        _echo_rich(df)
        return

    def cell(v: Any) -> str:
        v = _plain(v)
        text = "" if v is None else ", ".join(map(str, v)) if isinstance(v, list) else str(v)
        return _cut(" ".join(text.split()), width)

    click.echo(df.map(cell).to_string(index=False))


def _cell_text(v: Any, limit: int = 400) -> str:
    v = _plain(v)
    text = "" if v is None else "; ".join(map(str, v)) if isinstance(v, list) else str(v)
    return _cut(" ".join(text.split()), limit)


def rich_table(df: pd.DataFrame, width: int) -> str:
    """Render a frame as a table that fits ``width`` columns, long cells wrapped (rich).

    Cell text is passed as plain :class:`rich.text.Text`, so brackets in the
    report's text are never read as markup.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for c in df.columns:
        table.add_column(str(c), overflow="fold")
    for row in df.itertuples(index=False):
        table.add_row(*(Text(_cell_text(v)) for v in row))
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, force_terminal=False).print(table)
    return out.getvalue()


def _echo_rich(df: pd.DataFrame) -> None:
    click.echo(rich_table(df, shutil.get_terminal_size().columns), nl=False)


def _parse_params(params: Sequence[str]) -> dict[str, str]:
    """Turn ``-p KEY=VALUE`` options into a dict."""
    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            msg = f"parameter {item!r} is not KEY=VALUE"
            raise click.BadParameter(msg, param_hint="-p")
        values[key.strip()] = value
    return values


@cli.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries, their parameters and columns.")
@NEO4J_QUERY_OPT
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
@KEYS_OPT
@SINCE_OPT
@UNTIL_OPT
@REPORT_OPT
@DATA_OPT
def query(
    name: str | None,
    params: tuple[str, ...],
    list_queries: bool,
    uri: str | None,
    fmt: str,
    keys: bool,
    since: PartialDate | None,
    until: PartialDate | None,
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
) -> None:
    """Run a named query (queries/*.cypher) on the graph or on Neo4j and print its rows.

    \b
    Example:
        pftz query --list
        pftz query zone_profile -p zone=shanghai --since 2024
        pftz query province_profile -p province=shanxi
        pftz query diffusion_paths -p source=beijing -p target=chongqing --format csv
        NEO4J_PASSWORD=secret pftz query innovators --neo4j bolt://localhost:7687 --format json
    """
    from pftz import queries
    from pftz.queries.names import check_names

    if list_queries:
        for info in queries.list_queries():
            signature = ", ".join(
                f"{p.name}: {p.type}" + ("" if p.required else f" = {p.default}") for p in info.params
            )
            click.echo(f"{info.name}({signature})")
            click.echo(f"    {info.description}")
            for p in info.params:
                click.echo(f"    -p {p.name}=...  {p.description}")
            click.echo(f"    columns: {', '.join(info.columns)}")
        return
    if not name:
        msg = "name a query (pftz query --list shows them)"
        raise click.UsageError(msg)
    values: dict[str, Any] = _parse_params(params)
    info = queries.load_query(name)  # an unknown name fails before the graph is built
    window = _window_params(since, until)
    if window and not {"since", "until"} <= {p.name for p in info.params}:
        timed = [q.name for q in queries.list_queries() if "since" in {p.name for p in q.params}]
        msg = f"query {name!r} has no time window; --since/--until work with: {', '.join(timed)}"
        raise click.UsageError(msg)
    values.update(window)
    backend, driver = _query_backend(uri, reports, data_files)
    try:
        check_names(name, backend, values)
        if name == "trace_innovation" and isinstance(values.get("words"), str):
            # the words find the measure by the ranked search, as pftz trace does
            best, others = queries.find_measure(backend, values["words"])
            if best is not None:
                values["words"] = best.key
            if others:
                _echo_err(_others_line(others))
        df = queries.run(name, backend, **values)
    finally:
        if driver is not None:
            driver.close()
    _echo_err(f"{name}: {len(df):,} rows")
    if fmt == "table":
        df = _readable(df, keys)
    _echo_frame(df, fmt)


def _echo_trace(rows: Sequence[Any], quote_width: int = 160) -> None:
    last: tuple[Any, ...] | None = None
    measure = None
    for row in rows:
        if row.measure_key != measure:
            if measure is not None:
                click.echo("")
                click.echo(f"the same as {measure}, per the report's wording (SAME_AS), followed:")
            measure = row.measure_key
            click.echo(f"{row.measure}")
            click.echo(f"  key {row.measure_key} · {row.kind}")
            last = None
        fact = (row.step, row.fact, row.node_label, row.node_key, row.detail, row.date)
        if fact != last:
            last = fact
            if row.step:
                parts = [f"{row.node} [{row.node_label} {row.node_key}]"]
                detail = _plain(row.detail)
                if detail is not None:
                    parts.append(_cut(" ".join(str(detail).split()), 100))
                if _plain(row.date) is not None:
                    parts.append(str(row.date))
                click.echo(f"{row.fact}: " + " · ".join(parts))
        if _plain(row.quote) is not None:
            quote = _cut(" ".join(str(row.quote).split()), quote_width)
            click.echo(f'    {row.source}:{_plain(row.line)}  "{quote}"')


def _cut(text: str, width: int) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, with an ellipsis."""
    if len(text) <= width:
        return text
    head = text[: width - 1]
    space = head.rfind(" ")
    return (head[:space] if space > width // 2 else head).rstrip(" ,;:") + "…"


def _others_line(others: Sequence[Any], width: int = 70) -> str:
    """``3 more match: name [key], ...; use the key or more words``."""
    shown = "; ".join(f"{_cut(h.name, width)} [{h.key}]" for h in others[:5])
    more = f" and {len(others) - 5} more" if len(others) > 5 else ""
    return f"{len(others)} more match about as well: {shown}{more}; use the key or more words"


@cli.command(name="search")
@click.argument("words")
@click.option("--label", "labels", multiple=True, type=click.Choice([label.value for label in Label]),
              help="Only nodes of this label (repeatable).")  # fmt: skip
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="How many candidates.")
@click.option("--keys", is_flag=True, help="Show the node keys in the terminal table.")
@NEO4J_QUERY_OPT
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
@REPORT_OPT
@DATA_OPT
def search_(
    words: str,
    labels: tuple[str, ...],
    limit: int,
    keys: bool,
    uri: str | None,
    fmt: str,
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
) -> None:
    """List the nodes that best match a few words, ranked: names and aliases first, evidence sentences last.

    Relevance is BM25 over every name, alias and printed variant of every node,
    its context phrases and (weaker) its evidence sentences, with typos
    tolerated; a key or a name typed in full comes first. Each candidate shows
    its kind, zone, batch, date and the line of the report it was read from.

    \b
    Example:
        pftz search "ship supervision and declaration"
        pftz search "shanghia" --label Zone
        pftz search "G.H. [2024] No. 156" --format csv
    """
    import pandas as pd

    from pftz.queries.search import SEARCH_COLUMNS, search, search_rows

    backend, driver = _query_backend(uri, reports, data_files, lite=True)
    try:
        hits = search(backend, words, labels=labels or None, limit=limit)
    finally:
        if driver is not None:
            driver.close()
    if not hits:
        msg = f"nothing matches {words!r} (words are matched with typos tolerated; try other words)"
        raise click.ClickException(msg)
    df = pd.DataFrame(search_rows(hits), columns=list(SEARCH_COLUMNS))
    if fmt != "json" and not keys:
        df = df.drop(columns=["key"])
    _echo_err(f"search {words!r}: {len(hits)} candidates, best first")
    _echo_frame(df, fmt)


@cli.command()
@click.argument("words")
@NEO4J_QUERY_OPT
@click.option("--format", "fmt", type=click.Choice(("text", *QUERY_FORMATS)), default="text", show_default=True)
@SINCE_OPT
@UNTIL_OPT
@REPORT_OPT
@DATA_OPT
def trace(
    words: str,
    uri: str | None,
    fmt: str,
    since: PartialDate | None,
    until: PartialDate | None,
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
) -> None:
    """Trace an innovation: where it originated, which batch and documents carried it, who was
    responsible, where it was replicated and who adopted it, each fact with its evidence lines.

    WORDS are a few words of the measure's name, title or any wording the report prints for it
    (typos tolerated; the best match by pftz search is traced), or its key. The measures that match
    about as well are listed after the trace; measures the report words differently but that were
    linked as the same (SAME_AS) are traced too. With no match it says so and exits 1.

    \b
    Example:
        pftz trace "ship supervision and declaration"
        pftz trace "remanufactured products" --format csv
        pftz trace "smart form" --since 2024-01 --until 2024-12
        pftz trace national:pilot-measures:1:1 --neo4j bolt://localhost:7687
    """
    from pftz import queries

    backend, driver = _query_backend(uri, reports, data_files, lite=True)
    try:
        best, others = queries.find_measure(backend, words)
        found = None if best is None else queries.trace_rows(backend, best.key, since=since, until=until)
    finally:
        if driver is not None:
            driver.close()
    if best is None or found is None:
        msg = f"no measure matches {words!r}; pftz search {_shell_quote(words)} lists every kind of node that does"
        raise click.ClickException(msg)
    columns, rows = found
    if fmt == "text":
        from types import SimpleNamespace

        _echo_trace([SimpleNamespace(**dict(zip(columns, r, strict=True))) for r in rows])
        if others:
            click.echo("")
            click.echo(_others_line(others))
    else:
        from pftz.queries.twins import frame

        if others:
            _echo_err(_others_line(others))
        _echo_frame(frame(rows, columns), "table" if fmt == "table" else fmt)


def _shell_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def _best_node(G: Any, words: str) -> str:
    """The node that best matches a few words (the ranked search of ``pftz search``); the close ones are shown."""
    from pftz.queries.search import close_hits, search

    hits = search(G, words, limit=10)
    if not hits:
        msg = f"nothing matches {words!r}; pftz search {_shell_quote(words)} tries with typos tolerated"
        raise click.ClickException(msg)
    others = close_hits(hits)
    if others:
        _echo_err(_others_line(others))
    return hits[0].node


@cli.command()
@click.argument("name", type=LazyChoice("pftz.queries.tables", "TABLES"))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a .csv, .xlsx or .parquet file (by its extension) instead of printing.",
)
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
@SINCE_OPT
@UNTIL_OPT
@REPORT_OPT
@DATA_OPT
@BOM_OPT
def table(
    name: str,
    output: Path | None,
    fmt: str,
    since: PartialDate | None,
    until: PartialDate | None,
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
    bom: bool,
) -> None:
    """A flat table: one row per measure, adoption, document or zone, for a spreadsheet or a data frame.

    measures: key, title, level, batch, promoting documents, responsible bodies,
    origin zones, scope, replication and adoption dates, evidence lines.
    adoptions: who adopted what, when, and from which origin zones. documents
    and zones: one row each. List cells are "; "-joined in CSV and XLSX (and
    formula-safe) and native lists in Parquet. A CSV file starts with a UTF-8
    byte-order mark for Excel (--no-bom leaves it out); an XLSX file has a
    sheet named after the table (bold frozen header, filter, fitted widths)
    and an "about" sheet with the sources and the build. pftz build writes
    all four to out/tables/, and tables.xlsx with a sheet each.

    \b
    Example:
        pftz table measures -o measures.xlsx
        pftz table adoptions --since 2024-01 -o adoptions.csv
        pftz table zones -o zones.csv --no-bom
        pftz table zones --format csv | head
    """
    from pftz.queries import tables as qtables

    if output is not None:
        check_not_an_input(output, _inputs(reports, data_files))
    G = _build(reports, data_files)
    df = qtables.table(name, G, since=since, until=until)
    undated = qtables.left_out(df)
    if undated is not None and undated[0]:
        _echo_err(
            f"{name}: the time window left out {undated[0]:,} {undated[1]}; "
            "a window keeps dated facts only: drop --since/--until to include them"
        )
    if output is not None:
        about = qtables.about_rows(G, {name: df}, since=since, until=until, reports=load_manifest())
        qtables.write_table(df, output, name=name, about=about, bom=bom)
        click.echo(f"wrote {output} ({len(df):,} rows, {len(df.columns)} columns)")
        return
    _echo_err(f"{name}: {len(df):,} rows")
    _echo_frame(df, fmt)


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("graph.html"), show_default=True
)
@click.option("--focus", help="Words of an innovation, zone, document or body (or a node id): draw its neighbourhood.")
@click.option(
    "--depth",
    type=click.IntRange(0, MAX_DEPTH),
    default=1,
    show_default=True,
    help=f"Neighbourhood depth for --focus (0 to {MAX_DEPTH}).",
)
@click.option("--spread", help="Words of an innovation: its spread, left to right in time.")
@click.option("--query", "query_name", help="Draw the nodes a named query returns (its *_key columns).")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of --query.")
@click.option(
    "--layout", type=click.Choice(("force", "map")), default="force", show_default=True,
    help="map: places at their coordinates over the provinces' outline (the whole graph: zones, provinces and "
    "derived diffusion merged per pair).",
)  # fmt: skip
@click.option("--stated-only", is_flag=True, help="Leave out derived edges (diffusion, SAME_AS).")
@click.option(
    "--show-derived", is_flag=True,
    help="Draw derived edges from the start (the whole graph hides them behind the legend's toggle).",
)  # fmt: skip
@click.option(
    "--basemap", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --layout map: a GeoJSON file of polygons to draw under the places (e.g. a reviewed standard map) "
    "instead of the bundled Natural Earth outline.",
)  # fmt: skip
def viz(
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
    output: Path,
    focus: str | None,
    depth: int,
    spread: str | None,
    query_name: str | None,
    params: tuple[str, ...],
    layout: str,
    stated_only: bool,
    show_derived: bool,
    basemap: Path | None,
) -> None:
    """Write one self-contained interactive HTML file (works offline): the whole graph or a part of it.

    \b
    Example:
        pftz viz -o graph.html --stated-only
        pftz viz --focus "Shanghai PFTZ" --depth 1 -o shanghai.html
        pftz viz --spread "ship supervision and declaration" -o spread.html
        pftz viz --query zone_profile -p zone=hubei --layout map -o hubei.html
        pftz viz --layout map -o map.html
        pftz viz --layout map --basemap standard-map.geojson -o map.html
    """
    from pftz import queries
    from pftz.queries.names import check_names
    from pftz.shell import viz as gviz

    if sum(x is not None for x in (focus, spread, query_name)) > 1:
        msg = "give at most one of --focus, --spread and --query"
        raise click.UsageError(msg)
    check_not_an_input(output, _inputs(reports, data_files))
    if basemap is not None and (layout != "map" or spread is not None):
        msg = "--basemap draws under --layout map only"
        raise click.UsageError(msg)
    G = _build(reports, data_files)
    center = None
    if focus is not None:
        center = focus if focus in G else _best_node(G, focus)
    if stated_only:
        stated = [(u, v, k) for u, v, k, e in G.edges(keys=True, data=True) if not e.get(DERIVED)]
        H = G.edge_subgraph(stated).copy()
        if center is not None and center not in H:
            H.add_node(center, **G.nodes[center])  # a node with derived edges only still exists: draw it alone
        G = H
    title = None
    if spread is not None:
        best, others = queries.find_measure(G, spread)
        if best is None:
            msg = f"no innovation matches {spread!r}; pftz search {_shell_quote(spread)} lists what does"
            raise click.ClickException(msg)
        if others:
            _echo_err(_others_line(others))
        sub, pos = gviz.spread_view(G, best.node)
        path = gviz.render_html(sub, output, layout="spread", positions=pos)
        click.echo(f"wrote {path} ({sub.number_of_nodes():,} nodes, {sub.number_of_edges():,} edges)")
        return
    if focus is not None:
        G = gviz.focus_subgraph(G, center, depth)
        title = f"{focus} (depth {depth})"
    elif query_name is not None:
        values = _parse_params(params)
        queries.load_query(query_name)
        check_names(query_name, G, values)
        df = queries.run(query_name, G, **values)
        keys = {str(v) for c in df.columns if c.endswith("_key") for v in df[c].dropna()}
        nodes = [n for n, d in G.nodes(data=True) if d.get("key") in keys]
        if not nodes:
            msg = f"{query_name} returned no nodes to draw ({len(df)} rows)"
            raise click.ClickException(msg)
        G = G.subgraph(nodes).copy()
        title = f"{query_name} " + " ".join(params)
    if focus is None and query_name is None:
        # The whole graph: derived diffusion merged per pair, behind the legend's toggle unless --show-derived;
        # on the map, the zones and provinces only.
        G = gviz.map_view(G, derived=not stated_only) if layout == "map" else gviz.aggregate_diffusion(G)
    shown = show_derived or layout == "map" or focus is not None or query_name is not None
    path = gviz.render_html(G, output, title=title, layout=layout, show_derived=shown, basemap=basemap)  # type: ignore[arg-type]
    click.echo(f"wrote {path} ({G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges)")


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The figure: .svg, .png or .pdf.")
@click.option("--spread", help="Words of an innovation: its spread, left to right in time.")
@click.option("--zone", help="Words naming a zone (or its node id): what the report states about it.")
@click.option("--map", "draw_map", is_flag=True, help="The zones on the provinces' outline, with derived diffusion.")
@click.option(
    "--basemap", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --map: a GeoJSON file of polygons to draw under the zones (e.g. a reviewed standard map).",
)
def figure(
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
    output: Path,
    spread: str | None,
    zone: str | None,
    draw_map: bool,
    basemap: Path | None,
) -> None:
    """Draw a static figure for a paper or a slide (matplotlib): legend, source line, readable in greyscale.

    \b
    Example:
        pftz figure --spread "ship supervision and declaration" -o spread.pdf
        pftz figure --zone "Shanghai PFTZ" -o shanghai.svg
        pftz figure --map -o map.png
        pftz figure --map --basemap standard-map.geojson -o map.pdf
    """
    from pftz import queries

    # matplotlib takes about half a second to import; only this command needs it.
    from pftz.shell import figures

    if sum((spread is not None, zone is not None, draw_map)) != 1:
        msg = "give exactly one of --spread, --zone and --map"
        raise click.UsageError(msg)
    if basemap is not None and not draw_map:
        msg = "--basemap draws under --map only"
        raise click.UsageError(msg)
    if output.suffix.lower() not in figures.FORMATS:
        msg = f"{output}: write the figure as {', '.join(figures.FORMATS)}"
        raise click.UsageError(msg)
    check_not_an_input(output, _inputs(reports, data_files))
    G = _build(reports, data_files)
    if spread is not None:
        best, others = queries.find_measure(G, spread)
        if best is None:
            msg = f"no innovation matches {spread!r}; pftz search {_shell_quote(spread)} lists what does"
            raise click.ClickException(msg)
        if others:
            _echo_err(_others_line(others))
        fig = figures.spread_figure(G, best.node)
    elif zone is not None:
        fig = figures.zone_figure(G, zone)
    else:
        fig = figures.map_figure(G, basemap=basemap)
    path = figures.save_figure(fig, output)
    click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)")


DATASETTE_INSTALL = "pip install 'pftz-graph[datasette]'"


@cli.command()
@click.argument("database", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (this machine only).")
@click.option("-p", "--port", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port to listen on.")
def serve(database: Path | None, host: str, port: int) -> None:
    """Browse the SQLite database in Datasette: faceted tables, full-text search, SQL, CSV/JSON export.

    DATABASE is the file pftz build wrote (out/pftz.db by default) or pftz export --format sqlite; its
    metadata (FILE.metadata.json beside it) gives the titles, the source, column descriptions and facets.
    Needs the optional extra: pip install 'pftz-graph[datasette]'.

    \b
    Example:
        pftz build --out out/
        pftz serve out/pftz.db --port 8001
    """
    db = database or Path("out") / SQLITE_FILE
    if not db.is_file():
        msg = f"{db}: no such database; write it with `pftz build --out out/` or `pftz export --format sqlite -o {db}`"
        raise click.ClickException(msg)
    try:
        from datasette.cli import cli as datasette_cli
    except ImportError:
        msg = f"pftz serve needs Datasette, which is not installed: {DATASETTE_INSTALL}"
        raise click.ClickException(msg) from None
    from pftz.queries.sqlite import metadata_path

    args = ["serve", "--host", host, "--port", str(port)]
    meta = metadata_path(db)
    if meta.is_file():
        args += ["--metadata", str(meta)]
    args += ["--", str(db)]  # a database named like an option (`--reload`, `--root`) stays a file name
    _echo_err(f"serving {db} with Datasette on http://{host}:{port}/ (Ctrl-C stops it)")
    datasette_cli.main(args=args, prog_name="datasette")


@cli.command()
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"), show_default=True
)
def docs(out_dir: Path) -> None:
    """Regenerate the documents made from the code: schema reference, query catalogue, Browser style.

    \b
    Example:
        pftz docs --out docs/
    """
    from pftz.shell.docs import write_docs

    for name, path in write_docs(out_dir).items():
        click.echo(f"wrote {name:8} {path}")


def main() -> None:
    """Run the CLI with clean stops on SIGINT and SIGTERM (:mod:`shell.entry`, the console script's module)."""
    run(lambda: cli(prog_name="pftz"))


if __name__ == "__main__":  # pragma: no cover
    main()
