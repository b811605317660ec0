"""A notice's items under its headings of scope, for :mod:`loaders.prose_batches`.

A State Council notice lists the items of a batch under headings of scope
("(I) Reform items to be replicated and promoted nationwide (12 items)"),
numbered by field ("1. In the field of trade facilitation: A; B. (Departments
responsible: the X and the Y)"). The functions here are pure: they take the
paragraphs of a text and return frozen records; :mod:`loaders.report` turns them
into nodes and edges. The words live in :mod:`loaders.lexicon`; nothing here
names one text's title, number or line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pftz.ground.schema import Scope
from pftz.loaders.gazetteer_scan import Mention
from pftz.loaders.lexicon import (
    COUNTED_LIST_LEADS,
    DESIGNATED_SCOPES,
    FIELD_LEADS,
    ITEM_ORIGIN_LEADS,
    ITEM_SCOPE_LABELS,
    JOINT_ITEM_VERBS,
    LIST_ITEM_NOUNS,
    LIST_LEAD_VERBS,
    NATIONAL_SCOPES,
    NOTICE_ITEM_WORDS,
    NOTICE_REPLICATE_VERBS,
    PROVINCE_SCOPES,
    PROVINCE_SCOPES_MORE,
    RESPONSIBLE_WORDS,
    alternation,
)
from pftz.loaders.text import Paragraph

FindMentions = Callable[[str], list[Mention]]
"""A finder of zone, province or body mentions in a text (the gazetteer's, or the collector's memoised one)."""
FindLists = Callable[[str], list[list[Mention]]]
"""A finder of lists of zones ("the FTZs in A, B and C") in a text."""


# --------------------------------------------------------------------------- a notice's list of items by scope
_REPLICATE = rf"(?i:{alternation(NOTICE_REPLICATE_VERBS)})(?:\s+and\s+(?i:{alternation(NOTICE_REPLICATE_VERBS)}))?"
"""A verb of replicating, alone or two joined by "and" ("replicated and disseminated", "promoted and replicated")."""
SCOPE_HEADING_RE = re.compile(
    r"^\s*(?:\(?[IVXivx]{1,4}\)|[IVX]{1,4}\.|\(\d{1,2}\)|\d{1,2}\.|[A-H]\.)?\s*"
    rf"(?:[A-Z][\w-]*\s+){{0,3}}?(?i:{alternation(NOTICE_ITEM_WORDS)})\s+(?:(?:to\s+be|that\s+are\s+to\s+be|for)\s+)?"
    rf"(?:{_REPLICATE}|replication(?:\s+and\s+promotion)?)\s+"
    r"(?P<scope>[^():]{3,120}?)\s*(?:\((?P<count>\d{1,3})\s+items?\))?\s*(?:,?\s*(?:including|includes?|are))?\s*[:.,]?\s*$"
)
"""A heading over the items of one scope: "(II) Items to be replicated and promoted in all pilot free trade
zones (3 items)", "... nationwide (14 items), including:" (wrapped before "including:" too)."""
ITEM_START_RE = re.compile(r"^\s*(?:\(?(?P<no>\d{1,2})\s*[.)、]|[-•*·▪–])\s+(?=\S)")
"""The start of a numbered or bulleted item ("1. In the field of ...", "5. "Bonded maintenance ..."", "- the ...")."""
TOP_HEADING_RE = re.compile(r"^\s*(?:[IVX]{1,4}\.|[一二三四五六七八九十]+、)\s+\S")
"""A heading of the notice's next part ("II. Earnestly organizing implementation"): the list ends."""
_FIELD_RE = re.compile(rf"^\s*(?i:{alternation(FIELD_LEADS)})\b")
_IN_PLACE_RE = re.compile(r"^\s*(?:[Ii]n|[Aa]t|[Ww]ithin|[Aa]cross)\s+(?:the\s+)?(?P<place>.+?)\s*$")
_RESPONSIBLE_RE = re.compile(rf"\((?P<inner>[^()]*(?i:{alternation(RESPONSIBLE_WORDS)})[^()]*)\)\s*[.;]?\s*$")
"""The bodies in charge closing an item: "(Departments responsible: ...)", "(responsible department: ...);"."""
_ITEM_ORIGIN = rf"(?i:{alternation(ITEM_ORIGIN_LEADS)})\s+(?:(?:jointly|first)\s+)?(?:from|in|by|at)\s+"
"""The words before an item's origin zone: "Originating from", "first tried in", "pioneered by"."""
_ORIGIN_TAIL_RE = re.compile(rf",\s+{_ITEM_ORIGIN}(?:the\s+)?(?P<who>[^,;()]{{3,80}}?)\s*[.;]?\s*$")
"""An item's origin zone in a participle clause after it: "A, first tried in the Tianjin FTZ;"."""
_TRAILING_PAREN_RE = re.compile(r"\s*\((?P<inner>[^()]{2,160})\)\s*[.;]?\s*$")
_QUOTES_RE = re.compile(r"[\"“”]")
_LEADING_ARTICLE_RE = re.compile(r"^(?:(?:the|a|an)\s+)", re.IGNORECASE)
_LEAD_MAX = 140
_ITEM_SCOPE_RE = re.compile(
    r",\s*(?:(?:which|that)\s+(?:is|are)\s+|(?:is|are)\s+)?to\s+be\s+"
    rf"{_REPLICATE}\s+(?P<scope>[^;]{{3,200}}?)\s*[.;]?\s*$"
)
"""An item's own scope after it: "Bonded repair of ..., to be replicated and promoted in coastal PFTZs"."""
_COUNTED_LEAD_RE = re.compile(
    rf"^[^:\"“;()]{{0,140}}?\b(?:\d{{1,3}}|[a-z]+)\s+(?i:{alternation(NOTICE_ITEM_WORDS)}),?\s+"
    rf"(?:{alternation(COUNTED_LIST_LEADS)}),?\s+"
)
"""A lead counting the items and naming some after it, the lead of the items as a colon is: "In the field of
government functions, 10 items including A (...) and B (...)", "Four measures, such as A; B"."""
_BRACKET_AND_RE = re.compile(r"(?<=\))\s*,?\s+and\s+(?=\S)")
"""An "and" right after an item's closing bracket: the next item starts ("A (experience of X FTZ) and the B")."""
_ONLY_PAREN_RE = re.compile(r"^\s*(?:(?:and|or)\s+)?\([^()]*\)\s*[.;]?\s*$", re.IGNORECASE)
"""A part that is only a bracket ("and (six other items, omitted)"): no item."""
_WHOLE_PFTZS_RE = re.compile(r"^(?:all\s+)?(?:the\s+)?(?:pilot\s+free\s+trade\s+zones|p?ftzs)$", re.IGNORECASE)
_LIST_HEAD_RE = re.compile(
    r"^(?:(?:and|or|in|at|the)\s+)*(?:(?:pilot\s+free\s+trade\s+zones|p?ftzs)(?:\s+(?:in|of))?)?$", re.IGNORECASE
)
"""What is left of a list of zones once its members are cut out ("the PFTZs in", "and"): no group."""
_PLACE_SPLIT_RE = re.compile(r",?\s+(?:and|as\s+well\s+as)\s+(?:(?:in|at|within)\s+)?(?:the\s+)?", re.IGNORECASE)
"""Characters at most of an item's lead before its colon ("In border areas with land ports open to ...:")."""
LIST_LEAD_RE = re.compile(
    rf"(?:\b(?i:{alternation(LIST_ITEM_NOUNS)})\b[^.:;!?]{{0,120}}?\b(?i:{alternation(LIST_LEAD_VERBS)})"
    rf"|\b(?i:the\s+following|these|as\s+follows)\b[^.:;!?]{{0,60}}?\b(?i:{alternation(LIST_ITEM_NOUNS)}))\s*:\s*$"
)
"""A sentence leading into a numbered list of a batch's items: "The items, grouped by field, include:", "The
cases in customs clearance are as follows:", "It lists the following measures:"."""
_SCOPE_PAREN_RE = re.compile(
    rf"^\s*(?:(?:in|at|within|across|throughout)\s|(?i:{alternation(NATIONAL_SCOPES[:3])})\s*$)", re.IGNORECASE
)
"""A parenthesis after an item that is its own scope ("(nationwide)", "(in coastal PFTZs)"), not its origin."""
_PROPER_PAREN_RE = re.compile(r"^[A-Z][\w'’-]*(?:\s+(?:of|the|and|in|[A-Z][\w'’-]*))*$")
"""A parenthesis after an item that is only a proper name ("(Tianfu New Area of Chengdu)"): a place, no part of
the name (its origin when the finder knows it)."""
_JOINT_WITH_RE = re.compile(
    rf",\s*(?:(?:which|that)\s+(?:was|were)\s+)?jointly\s+(?:{alternation(JOINT_ITEM_VERBS)})\s+"
    r"(?:with|by|together\s+with)\s+(?P<who>[^;()]{3,160}?)\s*$",
    re.IGNORECASE,
)
"""An item's co-author after it: "A, jointly explored with the Chongqing Pilot FTZ": a joint innovation."""
_LATER_SENTENCE_RE = re.compile(r"(?<=[\w\"”')])\.\s+(?=[A-Z])")
_ORIGIN_SENTENCE_RE = re.compile(rf"^\s*{_ITEM_ORIGIN}(?P<who>[^,;]{{3,160}})")
_SCOPE_LABEL_RE = re.compile(rf"^\s*(?i:{alternation(ITEM_SCOPE_LABELS)})\s*:\s*(?P<scope>[^;]{{3,200}}?)\s*[.;]?\s*$")


def _later_sentences(text: str) -> tuple[str, str, str]:
    """An item told in sentences: its first sentence (the name), the origin and the scope the later ones state.

    "Bonded repair of aircraft engines. Originating from the Tianjin FTZ, it lets ... Scope: nationwide." is
    ("Bonded repair of aircraft engines.", "the Tianjin FTZ", "nationwide"); an item with no later sentence of
    origin or scope is left whole, ("...", "", "").

    Examples
    --------
    >>> _later_sentences("Joint tally of cold-chain cargo. Pioneered by Ningbo FTZ, it saves a day. Scope: ports.")
    ('Joint tally of cold-chain cargo.', 'Ningbo FTZ', 'ports')
    """
    parts = _LATER_SENTENCE_RE.split(text)
    if len(parts) < 2:
        return text, "", ""
    who = scope = ""
    for s in parts[1:]:
        if (om := _ORIGIN_SENTENCE_RE.match(s)) and not who:
            who = om.group("who")
        elif (sm := _SCOPE_LABEL_RE.match(s)) and not scope:
            scope = sm.group("scope")
    return (parts[0] + ".", who, scope) if who or scope else (text, "", "")


_RELATIVE_RE = re.compile(r",\s+(?:in\s+which|under\s+which|by\s+which|through\s+which|whereby|which|where)\s")
"""A relative clause describing an item ("A ..., in which the bill, once endorsed, may be pledged"): no name."""
_LEAD_SCOPES: tuple[tuple[Scope, tuple[str, ...]], ...] = (
    (Scope.NATIONWIDE, ("nationwide", "across the country", "throughout the country")),
    (Scope.ALL_PFTZS, ("in all pilot free trade zones", "in all pftzs", "in all ftzs")),
    (Scope.PROVINCE_WIDE, (*PROVINCE_SCOPES, *PROVINCE_SCOPES_MORE)),
    (Scope.DESIGNATED_AREAS, DESIGNATED_SCOPES),
)
_PLACES_SPLIT_RE = re.compile(r",?\s+and\s+(?:the\s+)?(?=[A-Z])")


def lead_scope(text: str) -> tuple[Scope | None, str]:
    """The one scope a list's lead states (its sentence and the one before), as printed; nothing when it states
    none or several ("18 are replicated nationwide and six in specific areas": each item's own scope then).

    Examples
    --------
    >>> sc, where = lead_scope("They are hereby issued for replication across the province. The items are:")
    >>> str(sc), where
    ('Province-wide', 'across the province')
    >>> lead_scope("Twelve apply nationwide and four in designated areas. They include:")
    (None, '')
    """
    t = " ".join(text.lower().split())
    found = [(sc, ph) for sc, phrases in _LEAD_SCOPES for ph in phrases if re.search(rf"\b{re.escape(ph)}\b", t)]
    if len({sc for sc, _ in found}) != 1:
        return None, ""
    return found[0]


def scope_places(where: str) -> list[str]:
    """The places of a scope as printed, one adopter each when it joins proper names ("the Beijing-Tianjin-Hebei
    region and the Yangtze River Delta"); a scope of common words stays whole ("border and coastal ports").

    Examples
    --------
    >>> scope_places("Pearl River Delta and the Chengdu-Chongqing economic circle")
    ['Pearl River Delta', 'Chengdu-Chongqing economic circle']
    >>> scope_places("border and coastal ports")
    ['border and coastal ports']
    """
    parts = [x.strip(" ,") for x in _PLACES_SPLIT_RE.split(where)]
    if len(parts) > 1 and all(x[:1].isupper() for x in parts):
        return parts
    return [where] if where else []


@dataclass(frozen=True)
class ScopedItem:
    """An innovation a notice orders replicated within a scope.

    Parameters
    ----------
    name
        The item as printed, quotation marks and a leading article removed.
    line
        The line its name starts on.
    quote
        The numbered item it is part of, as printed.
    scope
        The normalised scope (Nationwide, All PFTZs, Designated areas), or None when not understood.
    where
        The scope as printed ("nationwide", "special customs supervision areas").
    zones
        The origin zones a parenthesis after the item names (``"..." (Fujian FTZ, Guangdong FTZ)``).
    bodies
        The bodies in charge, from the item's "(Departments responsible: ...)".
    """

    name: str
    line: int
    quote: str
    scope: Scope | None
    where: str
    zones: tuple[Mention, ...]
    bodies: tuple[Mention, ...]
    places: tuple[Mention, ...] = ()
    """The zones the item's own scope names ("..., to be replicated in the PFTZs in Yunnan and Guangxi"): each
    adopts it; ``where`` then holds what else the scope names ("coastal PFTZs"), or nothing."""
    listed: bool = False
    """Whether the item is under a sentence leading into a list ("The items are:"), not a heading of scope."""
    partners: tuple[Mention, ...] = ()
    """The zones the item names as its co-authors ("A, jointly explored with the Chongqing Pilot FTZ")."""


def scope_of(printed: str) -> Scope | None:
    """The :class:`~ground.schema.Scope` of a scope as a notice prints it, or None.

    Examples
    --------
    >>> [str(scope_of(s)) for s in ("nationwide", "in all pilot free trade zones", "in specific regions")]
    ['Nationwide', 'All PFTZs', 'Designated areas']
    """
    t = " ".join(printed.lower().split())
    if re.search(r"\b(?:pilot free trade zones|p?ftzs)\b", t):
        return Scope.ALL_PFTZS
    if re.search(r"\bnationwide\b|\bacross the country\b|\bthroughout the country\b|\bnational\b", t):
        return Scope.NATIONWIDE
    if any(p in t for p in PROVINCE_SCOPES):
        return Scope.PROVINCE_WIDE
    if any(p in t for p in DESIGNATED_SCOPES):
        return Scope.DESIGNATED_AREAS
    return Scope.DESIGNATED_AREAS if _IN_PLACE_RE.match(printed) else None


def _where(printed: str) -> str:
    """The scope's words without "in" and an article: "in the pilot free trade zones" -> "pilot free trade zones"."""
    m = _IN_PLACE_RE.match(printed)
    return (m.group("place") if m else printed).strip(" .:")


def _lines(p: Paragraph) -> list[tuple[int, int, str]]:
    """The paragraph's source lines: (offset in its text, line number, the line's text)."""
    ends = [*p.offsets[1:], len(p.text) + 1]
    return [
        (o, n, p.text[o : e - 1] if e - 1 > o else p.text[o:e])
        for o, e, n in zip(p.offsets, ends, p.line_nos, strict=True)
    ]


def _split_outside(text: str, sep: str) -> list[tuple[int, str]]:
    """``text`` split at ``sep`` outside parentheses and quotation marks, each part with its offset."""
    out: list[tuple[int, str]] = []
    depth, quoted, start = 0, False, 0
    for i, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif ch == '"':
            quoted = not quoted
        elif ch == "“":
            quoted = True
        elif ch == "”":
            quoted = False
        elif ch == sep and depth == 0 and not quoted:
            out.append((start, text[start:i]))
            start = i + 1
    out.append((start, text[start:]))
    return out


def item_name(part: str) -> str:
    """An item's name as printed: quotation marks, a leading article and end punctuation removed.

    Examples
    --------
    >>> item_name(' the "tiered release" model for imported mineral samples.')
    'tiered release model for imported mineral samples'
    """
    name = " ".join(_QUOTES_RE.sub("", part).split()).strip(" ,.;:")
    return _LEADING_ARTICLE_RE.sub("", name).strip()


def _item(
    text: str,
    at: int,
    p: Paragraph,
    scope: tuple[Scope | None, str],
    find_zones: FindMentions,
    find_bodies: FindMentions,
    find_lists: FindLists | None = None,
    listed: bool = False,
) -> list[ScopedItem]:
    """The innovations of one numbered item (its text after the number, at offset ``at`` of ``p``)."""
    bodies: tuple[Mention, ...] = ()
    if m := _RESPONSIBLE_RE.search(text):
        bodies = tuple(find_bodies(m.group("inner")))
        text = text[: m.start()]
    sc, where = scope
    text, origin, stated = _later_sentences(text)
    colon = text.find(":")
    quote_at = min((i for i in (text.find('"'), text.find("“")) if i >= 0), default=len(text))
    body, shift = text, 0
    cm: re.Match[str] | None = None
    if 0 < colon < min(_LEAD_MAX, quote_at):
        lead = text[:colon]
        body, shift = text[colon + 1 :], colon + 1
        if not _FIELD_RE.match(lead) and _IN_PLACE_RE.match(lead) and sc is not Scope.NATIONWIDE:
            sc, where = scope_of(lead) or Scope.DESIGNATED_AREAS, _where(lead)
    elif cm := _COUNTED_LEAD_RE.match(text):
        body, shift = text[cm.end() :], cm.end()  # "In the field of ..., 10 items including A (...) and B"
    out: list[ScopedItem] = []
    for off, part in _item_parts(body):
        if _ONLY_PAREN_RE.match(part):
            continue
        zones: tuple[Mention, ...] = ()
        own: tuple[Scope | None, str, tuple[Mention, ...]] = (sc, where, ())
        if stated and scope_of(stated) is not None:
            own = _item_scope(stated, find_zones, find_lists)  # "... . Scope: all special customs supervision areas"
        if origin:
            zones = tuple(find_zones(origin))  # "... . Originating from the Tianjin FTZ, ..."
        if (tp := _TRAILING_PAREN_RE.search(part)) and (found := find_zones(tp.group("inner"))):
            zones, part = tuple(found), part[: tp.start()]
        elif (ot := _ORIGIN_TAIL_RE.search(part)) and (found := find_zones(ot.group("who"))):
            zones, part = tuple(found), part[: ot.start()]  # "A, first tried in the Tianjin FTZ"
        elif tp and _SCOPE_PAREN_RE.match(tp.group("inner")) and scope_of(tp.group("inner")) is not None:
            own, part = _item_scope(tp.group("inner"), find_zones, find_lists), part[: tp.start()]  # "(nationwide)"
        elif tp and _RESPONSIBLE_RE.search(part):
            part = part[: tp.start()]  # "A (responsible department: ...); B": the bodies of A alone
        elif tp and _PROPER_PAREN_RE.match(tp.group("inner").strip()):
            part = part[: tp.start()]  # "(Tianfu New Area of Chengdu)": a place the finder does not know
        if im := _ITEM_SCOPE_RE.search(part):
            own, part = _item_scope(im.group("scope"), find_zones, find_lists), part[: im.start()]
        partners: tuple[Mention, ...] = ()
        if (jm := _JOINT_WITH_RE.search(part)) and (mates := find_zones(jm.group("who"))):
            partners, part = tuple(mates), part[: jm.start()]
        if rm := _RELATIVE_RE.search(part):
            part = part[: rm.start()]
        name = item_name(part)
        if len(name.split()) < 2 or len(name) > 240:
            continue
        lead_ws = len(part) - len(part.lstrip())
        start = at + shift + off + lead_ws
        quote = " ".join(text.split())[:300]
        out.append(ScopedItem(name, p.line_at(start), quote, own[0], own[1], zones, bodies, own[2], listed, partners))
    return out


def _item_parts(body: str) -> list[tuple[int, str]]:
    """An item's text split into its innovations, each with its offset: at semicolons outside brackets and
    quotation marks, and at an "and" right after a closing bracket ("A (experience of X FTZ) and the B").

    Examples
    --------
    >>> [p for _, p in _item_parts('the "one map" service (experience of Hubei FTZ) and remote hearings; C')]
    ['the "one map" service (experience of Hubei FTZ)', 'remote hearings', ' C']
    """
    out: list[tuple[int, str]] = []
    for off, part in _split_outside(body, ";"):
        at = 0
        for m in _BRACKET_AND_RE.finditer(part):
            out.append((off + at, part[at : m.start()]))
            at = m.end()
        out.append((off + at, part[at:]))
    return out


def _item_scope(
    printed: str, find_zones: FindMentions, find_lists: FindLists | None = None
) -> tuple[Scope | None, str, tuple[Mention, ...]]:
    """The scope an item states after it: its :class:`Scope`, what it names that is no zone, the zones it names.

    "in the PFTZs in Hebei, Henan and Hubei" is those three zones; "in coastal PFTZs and in the Hainan Free
    Trade Port" a group ("coastal PFTZs") and a zone; "in the special customs supervision areas of the PFTZs"
    a group, in designated areas (only "all the PFTZs" is the scope of all PFTZs).

    Examples
    --------
    >>> from pftz.loaders.gazetteer import Gazetteer
    >>> g = Gazetteer.default()
    >>> sc, where, zs = _item_scope("in inland PFTZs and in Hubei FTZ", g.find_zones, g.find_zone_lists)
    >>> str(sc), where, [z.key for z in zs]
    ('Designated areas', 'inland PFTZs', ['hubei'])
    >>> sc, where, zs = _item_scope("in the FTZs in Hebei, Henan and Hunan", g.find_zones, g.find_zone_lists)
    >>> str(sc), where, [z.key for z in zs]
    ('Designated areas', '', ['hebei', 'henan', 'hunan'])
    """
    where = _where(printed)
    sc = scope_of(printed)
    if sc is Scope.ALL_PFTZS and not _WHOLE_PFTZS_RE.match(where):
        sc = Scope.DESIGNATED_AREAS
    if sc is Scope.NATIONWIDE:
        return sc, where, ()
    listed = [z for lst in (find_lists(where) if find_lists else []) for z in lst]
    zones = listed + [z for z in find_zones(where) if not any(x.start <= z.start < x.end for x in listed)]
    if not zones:
        return sc, where, ()
    zones.sort(key=lambda z: z.start)
    # what the scope names besides its zones: the conjuncts left once the zones (and a list's head) are cut out
    rest, at = [], 0
    for z in zones:
        rest.append(where[at : z.start])
        at = z.end
    rest.append(where[at:])
    groups = [
        g
        for piece in rest
        for g in (x.strip(" ,") for x in _PLACE_SPLIT_RE.split(piece))
        if g and not _LIST_HEAD_RE.match(g)
    ]
    return sc or Scope.DESIGNATED_AREAS, " and ".join(groups), tuple(zones)


HEADING_CHARS = 60
"""A numbered line this short, without punctuation or quotation marks, is a heading, not an item."""


def _heading_like(rest: str, after: str = "") -> bool:
    """Whether a numbered line's text is a heading ("Organizing implementation"), not an item: short, without
    punctuation, and not going on on the next line ``after`` (an item cut short goes on in lower case or with
    its bodies in brackets: "2. Online renewal of work permits" / "(responsible department: ...)")."""
    t = rest.strip()
    goes_on = re.match(r"\s*(?:[a-z(]|$)", after) is not None and after.strip() != ""
    return len(t) < HEADING_CHARS and not re.search(r"[:;,.\"“”()]", t) and not goes_on


def notice_items(
    paras: Sequence[Paragraph],
    find_zones: FindMentions,
    find_bodies: FindMentions,
    find_lists: FindLists | None = None,
) -> list[ScopedItem]:
    """Rule: the numbered items under a notice's headings of scope, each an innovation replicated in that scope.

    "(I) Reform items to be replicated and promoted nationwide (12 items)" opens a
    scope; each numbered line after it ("1. In the field of X: A; B. (Departments
    responsible: the Y and the Z)") holds items split at semicolons, the bodies in
    charge in a closing parenthesis, origin zones in a parenthesis after an item
    (``"A" (Fujian FTZ, Guangdong FTZ)``). Under a heading of designated areas an
    item's lead "In <places>:" is its own scope, and so is a scope after the item ("A, to be replicated and
    promoted in coastal PFTZs and in Hainan FTP": the zones it names in ``places``); a part that is only a
    bracket ("and (five other items, omitted)") is no item. The list ends at the next part's
    heading or a paragraph that is neither a heading nor an item. A field's lead may count its items and name some
    ("2. In the field of X, 10 items including A (experience of Y FTZ; ...) and B (...)"): the items after it,
    one after each closing parenthesis.

    A sentence leading into the list opens it too ("The items, grouped by field, include:", "The items are:",
    :data:`LIST_LEAD_RE`), with the one scope it or the sentence before it states (:func:`lead_scope`:
    "... issued for replication throughout the province. The items are:"), or none; a short unnumbered line
    before an item is a field's heading ("Trade facilitation"). Such an item's parenthesis may be its own
    scope ("(nationwide)", "(in coastal PFTZs with LNG terminals)"); a proper name in it that is no zone the
    finder knows is no part of its name; a co-author after it ("..., jointly explored with the Chongqing Pilot
    FTZ") is in ``partners``; a relative clause after it (", in which ...") is no part of its name.
    """
    out: list[ScopedItem] = []
    scope: tuple[Scope | None, str] | None = None
    listed = False
    for p in paras:
        pending: list[tuple[int, str, tuple[Scope | None, str]]] = []  # (offset of an item's text, its text, scope)
        started = False
        heading = ""  # a heading of scope read, no item under it yet: a wrapped heading goes on on the next line
        lines = _lines(p)
        for k, (off, _no, line) in enumerate(lines):
            after = lines[k + 1][2] if k + 1 < len(lines) else ""
            joined = f"{heading} {line.strip()}" if heading and not ITEM_START_RE.match(line) else ""
            if h := SCOPE_HEADING_RE.match(joined) or SCOPE_HEADING_RE.match(line):
                scope, listed = (scope_of(h.group("scope")), _where(h.group("scope"))), False
                heading, started = joined or line.strip(), True
                continue
            heading = ""
            if line.rstrip().endswith(":") and not ITEM_START_RE.match(line):
                lead = p.text[: off + len(line)]
                cut = max(lead.rfind(". ", 0, len(lead) - 2), lead.rfind("? ", 0, len(lead) - 2))
                if LIST_LEAD_RE.search(lead[cut + 1 :]):
                    before = lead.rfind(". ", 0, cut) if cut > 0 else -1
                    scope, listed, started = lead_scope(lead[before + 1 :]), True, True
                    continue
            if TOP_HEADING_RE.match(line):
                scope, started = None, True
            elif scope is None:
                continue
            elif listed and not pending and ITEM_START_RE.match(after) and _heading_like(line):
                continue  # "Trade facilitation": a field's heading over the items of a lead
            elif (im := ITEM_START_RE.match(line)) and _heading_like(line[im.end() :], after):
                scope, started = None, True  # "2. Organizing implementation": the notice's next part
            elif im:
                pending.append((off + im.end(), line[im.end() :], scope))
                started = True
            elif pending and started:
                at, txt, sc = pending[-1]
                pending[-1] = (at, txt + " " + line.strip(), sc)  # the item goes on on the next line
            elif not started:
                scope = None  # a paragraph that is not part of the list ends it
                break
        for at, txt, sc in pending:
            out.extend(_item(txt, at, p, sc, find_zones, find_bodies, find_lists, listed))
    return out


__all__ = [
    "ScopedItem",
    "item_name",
    "notice_items",
    "scope_of",
]
