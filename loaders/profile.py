"""Edition profiles: what differs from one edition of the report to the next, read from a data file.

An edition's running heads, the heading of its contents, its part and appendix
markers, the parts it cannot do without, the words of its caption and source
lines and its column headings with their synonyms live in a TOML file under
``data/profiles/`` (``default.toml`` holds the 2025 conventions and serves any
edition printed the same way). :func:`load_profile` reads one once; the parsers
take the :class:`Profile` as an argument, so no word of an edition's layout is
written in the code.

Tables are recognised by their columns: :meth:`Profile.column_role` maps a
printed heading to a role (``"measure"``, ``"zone"``, ``"batch"`` ...) through
the synonyms, and :meth:`Profile.columns_of` gives a table's roles.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pftz.ground.errors import ReferenceDataError
from pftz.loaders.lexicon import NUMBER_FORMS
from pftz.loaders.manifest import PROFILE_DIR, PROFILE_SIDECAR_SUFFIX  # the paths live in the light manifest module

DEFAULT_PROFILE = PROFILE_DIR / "default.toml"
"""The profile of the 2025 conventions: every command uses it unless given another."""

ROLES = (
    "measure",
    "document_title",
    "bodies",
    "scope",
    "document",
    "year",
    "zone",
    "batch",
    "quantity",
    "content",
)
"""The column roles a profile may name (see ``data/profiles/default.toml``)."""

_NORM_RE = re.compile(r"[^a-z0-9]+")
_YEAR_AFTER_RE = re.compile(r" (?:19|20)\d\d$")
"""An edition year printed after the running head on its line."""


def words(text: str) -> str:
    """Return ``text`` casefolded, with every run of other characters than letters and digits one space.

    Examples
    --------
    >>> words("  Batch of  replication-and scaling ")
    'batch of replication and scaling'
    """
    return _NORM_RE.sub(" ", text.casefold().replace("’", "'").replace("'", "")).strip()


def _heading_key(text: str) -> str:
    """A column heading's words, each without a plural ``s`` (printed or in brackets): "Measures", "Measure(s)" and
    "Measure" agree.

    Examples
    --------
    >>> _heading_key("Pilot zone(s)")
    'pilot zone'
    """
    text = re.sub(r"(?<=\w)\(s\)", "s", text)
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words(text).split()
    )


@dataclass(frozen=True, slots=True)
class Required:
    """A part or appendix an edition cannot do without (its number as printed) and what it holds."""

    section: str
    what: str


@dataclass(frozen=True)
class Profile:
    """The printed conventions of an edition (see ``data/profiles/default.toml`` for each field).

    Parameters
    ----------
    name
        A name for messages (``"2025 conventions"``).
    path
        The file it was read from.
    running_heads
        Lines of the running head, as printed.
    contents
        Headings of the table of contents.
    part, appendix
        The words before a part's and an appendix's number.
    chapter
        The word before a chapter's number in the body ("Chapter 3 ..."); empty when an edition
        prints a chapter as its number alone on a line, followed by its title.
    required
        Parts or appendices whose absence from an edition is an error.
    milestones, zone_cases
        Title words of the part of milestones and of the part of zone cases.
    field_prefixes
        Words before a chapter's field in the zone-cases part, longest first.
    caption, source, row_number
        The caption words (``Table``; an edition may print ``Schedule`` and ``List``), the words of a
        source line, the heading of the row-number column.
    issued_by_zones
        Caption words saying the zones of a table's zone column issued its documents.
    columns
        Each role with its headings (synonyms), as printed.
    batch_kinds, default_batch_kind
        The kind of a batch by the words of its name, first match first; the kind when none matches.
    continued
        The title of a caption repeated after a page break (``Table 9-9 (continued)``): the same table goes on.
    numbers
        How heading numbers are printed: ``"roman"``, ``"arabic"``, ``"words"`` (:data:`loaders.lexicon.NUMBER_FORMS`).
    total_national, total_pftzs, total_scope, total_scopes
        The phrases of sentences stating totals (``[totals]``): of national innovations, of PFTZs, of measures
        replicated to a scope, and the scopes (``N`` a number, ``B`` the number of batches, ``S`` a scope).
    section_marker, chapter_marker, item_marker
        The shape of a numbered section, chapter (in the contents) and item, ``N`` for the number: ``"(N)"``.
    """

    name: str
    path: str
    running_heads: tuple[str, ...]
    contents: tuple[str, ...]
    part: str
    appendix: str
    chapter: str
    required: tuple[Required, ...]
    milestones: tuple[str, ...]
    zone_cases: tuple[str, ...]
    field_prefixes: tuple[str, ...]
    caption: tuple[str, ...]
    source: tuple[str, ...]
    row_number: tuple[str, ...]
    issued_by_zones: tuple[str, ...]
    columns: tuple[tuple[str, tuple[str, ...]], ...]
    batch_kinds: tuple[tuple[str, tuple[str, ...]], ...] = ()
    default_batch_kind: str = "institutional-innovations"
    continued: tuple[str, ...] = ("continued",)
    numbers: tuple[str, ...] = ("roman", "arabic", "words")
    total_national: tuple[str, ...] = ()
    total_pftzs: tuple[str, ...] = ()
    total_scope: tuple[str, ...] = ()
    total_scopes: tuple[str, ...] = ()
    section_marker: str = "(N)"
    chapter_marker: str = "N."
    item_marker: str = "N."
    _heads: frozenset[str] = field(init=False, repr=False, compare=False, hash=False)
    _roles: dict[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _head_max: int = field(init=False, repr=False, compare=False, hash=False)
    _head_initials: frozenset[str] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        roles: dict[str, str] = {}
        for role, names in self.columns:
            for n in names:
                roles.setdefault(_heading_key(n), role)
        # derived once: the parsers ask for every line and every heading
        object.__setattr__(self, "_heads", frozenset(words(h) for h in self.running_heads))
        object.__setattr__(self, "_roles", roles)
        # a line much longer than every running head is none (a cheap test before normalising it)
        object.__setattr__(self, "_head_max", 2 * max((len(h) for h in self.running_heads), default=0) + 8)
        object.__setattr__(self, "_head_initials", frozenset(h[0] for h in self._heads if h))

    def column_role(self, heading: str) -> str | None:
        """Return the role of a printed column heading, or None when no synonym names it.

        Examples
        --------
        >>> default_profile().column_role("Department in charge")
        'bodies'
        >>> default_profile().column_role("measures")
        'measure'
        >>> default_profile().column_role("Category") is None
        True

        A heading no synonym names has the role of its head noun: the last word
        of its first phrase ("Reform item" is an item, "Highlights and
        coverage" highlights, "Name of the zone" a name, which has no role).

        >>> default_profile().column_role("Reform item")
        'measure'
        >>> default_profile().column_role("Highlights and coverage")
        'content'

        A scope and contents joined by "and" head a column of contents: the column
        prints the examples, each with its scope ("Coverage and examples").

        >>> default_profile().column_role("Coverage and examples")
        'content'
        """
        key = _heading_key(heading)
        if (role := self._roles.get(key)) is not None:
            return role
        head = re.split(r"\b(?:and|of|or|for|in|by)\b|[,;/(]", key, maxsplit=1)[0].split()
        role = self._roles.get(head[-1]) if head else None
        if role == "scope" and " and " in key:
            second = key.rsplit(" and ", 1)[1].split()
            if second and self._roles.get(second[-1]) == "content":
                return "content"
        return role

    def columns_of(self, headings: Iterable[str]) -> dict[str, str]:
        """Map each role to the first heading of ``headings`` that has it.

        Examples
        --------
        >>> default_profile().columns_of(["No.", "PFTZ", "Batch", "Category"])
        {'zone': 'PFTZ', 'batch': 'Batch'}
        """
        out: dict[str, str] = {}
        for h in headings:
            role = self.column_role(h)
            if role is not None:
                out.setdefault(role, h)
        return out

    def is_running_head(self, text: str) -> bool:
        """Whether a line is part of the running head."""
        t = text.strip()
        if not t or len(t) > self._head_max or t[0].casefold() not in self._head_initials:
            return False  # cheap tests first: most lines are long or start otherwise
        w = words(t)
        # the edition year may follow the head on the same line ("Report on ... Zones 2027")
        return w in self._heads or (_YEAR_AFTER_RE.search(w) is not None and _YEAR_AFTER_RE.sub("", w) in self._heads)

    def caption_says_issued_by_zones(self, caption: str) -> bool:
        """Whether a caption says the zones of its zone column issued the documents it lists."""
        w = f" {words(caption)} "
        return any(f" {words(p)} " in w for p in self.issued_by_zones)

    def batch_kind(self, phrase: str) -> str:
        """The kind of a batch named by ``phrase`` ("best practices" -> ``"best-practices"``).

        Examples
        --------
        >>> default_profile().batch_kind("the third batch of 24 successful reform experience promoted by departments")
        'department-experience'
        >>> default_profile().batch_kind("a new batch of 38 institutional innovations")
        'institutional-innovations'
        """
        p = phrase.casefold()
        for kind, names in self.batch_kinds:
            if any(n in p for n in names):
                return kind
        return self.default_batch_kind

    def field_of(self, chapter_title: str) -> str:
        """The field a chapter of the zone-cases part covers: its title after the profile's prefix."""
        for prefix in self.field_prefixes:
            if chapter_title.casefold().startswith(prefix.casefold() + " "):
                return chapter_title[len(prefix) + 1 :].strip()
        return chapter_title


def _strings(data: Mapping[str, Any], key: str, where: str, path: str) -> tuple[str, ...]:
    value = data.get(key)
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        msg = f"profile: [{where}] {key} must be a non-empty list of words"
        raise ReferenceDataError(msg, path)
    return tuple(value)


def _table(data: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        msg = f"profile: the table [{key}] is missing"
        raise ReferenceDataError(msg, path)
    return value


def _toml(text: str, path: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        line = re.search(r"line (\d+)", str(e))
        msg = f"profile: not valid TOML: {e}"
        raise ReferenceDataError(msg, path, int(line.group(1)) if line else None) from e


def _merged(base: Mapping[str, Any], data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` over ``base``: a table of ``data`` replaces the keys it gives, keeps the others."""
    out = dict(base)
    for key, value in data.items():
        out[key] = {**out[key], **value} if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def parse_profile(text: str, path: str = "profile.toml", *, base: str | None = None) -> Profile:
    """Read a profile from TOML text.

    Parameters
    ----------
    text
        The TOML text (the fields of ``data/profiles/default.toml``).
    path
        The file name, for messages.
    base
        The TOML text of the profile this one changes: every field it does
        not give is the base's. None for a profile that gives every field.

    Returns
    -------
    Profile
        The profile.

    Raises
    ------
    ReferenceDataError
        The TOML is malformed (with its line), or a field is missing or of the wrong type.
    """
    data = _toml(text, path)
    if base is not None:
        data = _merged(_toml(base, str(DEFAULT_PROFILE)), data)
    page = _table(data, "page", path)
    structure = _table(data, "structure", path)
    tables = _table(data, "tables", path)
    columns = _table(data, "columns", path)
    totals = data.get("totals", {}) if isinstance(data.get("totals"), dict) else {}
    unknown = sorted(set(columns) - set(ROLES))
    if unknown:
        msg = f"profile: unknown column roles {unknown}; the roles are {list(ROLES)}"
        raise ReferenceDataError(msg, path)
    required: list[Required] = []
    for item in structure.get("required", []):
        if not isinstance(item, dict) or not isinstance(item.get("section"), str):
            msg = "profile: [structure] required holds { section = ..., what = ... } items"
            raise ReferenceDataError(msg, path)
        required.append(Required(item["section"], str(item.get("what", ""))))
    prefixes = _strings(structure, "field_prefixes", "structure", path)
    batches = data.get("batches", {})
    kinds: list[tuple[str, tuple[str, ...]]] = []
    for item in batches.get("kinds", []) if isinstance(batches, dict) else ():
        if not isinstance(item, dict) or not isinstance(item.get("kind"), str):
            msg = "profile: [batches] kinds holds { kind = ..., words = [...] } items"
            raise ReferenceDataError(msg, path)
        kinds.append((item["kind"], tuple(w.casefold() for w in _strings(item, "words", "batches", path))))
    return Profile(
        name=str(data.get("name", Path(path).stem)),
        path=path,
        running_heads=_strings(page, "running_heads", "page", path),
        contents=_strings(structure, "contents", "structure", path),
        part=_strings(structure, "part", "structure", path)[0],
        appendix=_strings(structure, "appendix", "structure", path)[0],
        chapter=str(structure.get("chapter", "")).strip(),
        required=tuple(required),
        milestones=_strings(structure, "milestones", "structure", path),
        zone_cases=_strings(structure, "zone_cases", "structure", path),
        field_prefixes=tuple(sorted(prefixes, key=len, reverse=True)),
        caption=_strings(tables, "caption", "tables", path),
        source=_strings(tables, "source", "tables", path),
        row_number=_strings(tables, "row_number", "tables", path),
        issued_by_zones=tuple(tables.get("issued_by_zones", ())),
        columns=tuple((role, _strings(columns, role, "columns", path)) for role in ROLES if role in columns),
        batch_kinds=tuple(kinds),
        default_batch_kind=str(batches.get("default", "institutional-innovations")),
        continued=tuple(tables.get("continued", ("continued",))),
        numbers=_numbers(structure, path),
        total_national=tuple(totals.get("national", ())),
        total_pftzs=tuple(totals.get("pftzs", ())),
        total_scope=tuple(totals.get("scope", ())),
        total_scopes=tuple(totals.get("scopes", ())),
        section_marker=_marker(structure, "section_marker", path),
        chapter_marker=_marker(structure, "chapter_marker", path),
        item_marker=_marker(structure, "item_marker", path),
    )


def _numbers(structure: Mapping[str, Any], path: str) -> tuple[str, ...]:
    forms = _strings(structure, "numbers", "structure", path) if "numbers" in structure else ("roman", "arabic")
    unknown = sorted(set(forms) - set(NUMBER_FORMS))
    if unknown:
        msg = f"profile: [structure] numbers {unknown} unknown; the forms are {sorted(NUMBER_FORMS)}"
        raise ReferenceDataError(msg, path)
    return forms


def _marker(structure: Mapping[str, Any], key: str, path: str) -> str:
    value = structure.get(key, "(N)" if key == "section_marker" else "N.")
    if not isinstance(value, str) or value.count("N") != 1:
        msg = f"profile: [structure] {key} must be a heading's shape with one N for its number, such as '(N)'"
        raise ReferenceDataError(msg, path)
    return value


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        msg = f"cannot read the profile: {e}"
        raise ReferenceDataError(msg, str(path)) from e


@functools.lru_cache(maxsize=16)
def _load_cached(path: Path) -> Profile:
    base = None if path == DEFAULT_PROFILE else _read(DEFAULT_PROFILE)
    return parse_profile(_read(path), str(path), base=base)


def load_profile(path: str | Path | None = None) -> Profile:
    """Read a profile file once (later calls with the same path return the same profile).

    A profile gives what its edition prints differently; every field it does not
    give is the default profile's (a table it gives replaces only the keys it names).

    Parameters
    ----------
    path
        A TOML profile; :data:`DEFAULT_PROFILE` when omitted.

    Returns
    -------
    Profile
        The profile.

    Raises
    ------
    ReferenceDataError
        The file cannot be read or is not a valid profile.
    """
    return _load_cached(Path(path).resolve() if path is not None else DEFAULT_PROFILE)


def default_profile() -> Profile:
    """Return the profile of the 2025 conventions (``data/profiles/default.toml``)."""
    return load_profile()


def alternation(phrases: Sequence[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of white space.

    Examples
    --------
    >>> alternation(["Source", "Sources"])
    '(?:Sources|Source)'
    """
    parts = [r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(set(phrases), key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")"


__all__ = [
    "DEFAULT_PROFILE",
    "PROFILE_SIDECAR_SUFFIX",
    "ROLES",
    "Profile",
    "Required",
    "alternation",
    "default_profile",
    "load_profile",
    "words",
]
