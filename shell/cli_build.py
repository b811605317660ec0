"""The ``pftz`` commands that read and build: ``parse``, ``eval``, ``build``, ``stats``, ``export``, ``review``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from pftz.ground.io import LOCK_WAIT, atomic_write_text, check_not_an_input, staged_folder
from pftz.loaders.manifest import load_manifest
from pftz.shell.cli_base import (
    BOM_OPT,
    DATA_OPT,
    DATA_STRICT_OPT,
    REPORT_ARG,
    SQLITE_FILE,
    STRICT_OPT,
    LazyChoice,
    _build,
    _echo_err,
    _inputs,
    _reading,
    _show_warnings,
    cli,
    reading_options,
)


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
    from pftz.queries.sqlite import metadata_path, save_sqlite
    from pftz.queries.tables_files import write_tables
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
        tables = write_tables(G, stage / "tables", reports=load_manifest(), bom=bom)
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


EXPORT_FORMATS = LazyChoice("pftz.graph.exports", "FORMATS", extra=("sqlite",))


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
