"""The ``pftz`` click group and what its commands share: options, reading the inputs, the cached build.

The commands register on :data:`cli` from :mod:`shell.cli_build`, :mod:`shell.cli_load`,
:mod:`shell.cli_query` and :mod:`shell.cli_views`; :mod:`shell.cli` imports them all and runs the group.
Every library error (:class:`~ground.errors.PftzGraphError`) becomes one clear line and exit code 1.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pftz.ground.errors import PftzGraphError
from pftz.ground.io import file_sha256
from pftz.loaders.header import FIELDS as HEADER_FIELDS
from pftz.loaders.header import TextHeader, check_date
from pftz.loaders.manifest import BUNDLED_REPORT

if TYPE_CHECKING:
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
SQLITE_FILE = "pftz.db"
"""The SQLite database ``pftz build`` writes (with ``pftz.metadata.json`` for Datasette beside it)."""


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


def _shell_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)
