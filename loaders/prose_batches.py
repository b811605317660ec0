"""Batches and their items as texts that are not editions state them: notices, press releases, papers.

A State Council notice lists the items of a batch under headings of scope
("(I) Reform items to be replicated and promoted nationwide (12 items)"),
numbered by field ("1. In the field of trade facilitation: A; B. (Departments
responsible: the X and the Y)"); a press release names a batch in a sentence,
with its ordinal, size and issuer ("The State Council's eighth batch of reform
pilot experience", "did the State Council include the model in the eighth
batch", "Hubei releases 10th batch of FTZ institutional innovations"). The
functions here are pure: they take the paragraphs of a text and return frozen
records; :mod:`loaders.report` turns them into nodes and edges. The words live in
:mod:`loaders.lexicon`; nothing here names one text's title, number or line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pftz.ground.schema import Scope
from pftz.loaders.gazetteer_scan import Mention
from pftz.loaders.lexicon import (
    ANAPHORA,
    BATCH_OF_NOTHING,
    DESIGNATED_SCOPES,
    EXAMPLE_ADOPT_VERBS,
    FIELD_LEADS,
    ITEM_ORIGIN_LEADS,
    ITEM_SCOPE_LABELS,
    JOINT_ITEM_VERBS,
    LIST_ITEM_NOUNS,
    LIST_LEAD_VERBS,
    NATIONAL_BATCH_VERBS,
    NATIONAL_SCOPES,
    NOTICE_ITEM_WORDS,
    NOTICE_REPLICATE_VERBS,
    ORDINALS,
    ORIGIN_PASSIVE_VERBS,
    ORIGIN_SOURCE_PHRASES,
    PROVINCE_RELEASE_VERBS,
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

_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINALS) + r"|eleventh|twelfth)"

# --------------------------------------------------------------------------- a notice's list of items by scope
SCOPE_HEADING_RE = re.compile(
    r"^\s*(?:\(?[IVXivx]{1,4}\)|[IVX]{1,4}\.|\(\d{1,2}\)|\d{1,2}\.|[A-H]\.)?\s*"
    rf"(?:[A-Z][\w-]*\s+){{0,3}}?(?i:{alternation(NOTICE_ITEM_WORDS)})\s+(?:(?:to\s+be|that\s+are\s+to\s+be|for)\s+)?"
    rf"(?:(?i:{alternation(NOTICE_REPLICATE_VERBS)})|replication(?:\s+and\s+promotion)?)\s+"
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
    rf"(?i:{alternation(NOTICE_REPLICATE_VERBS)})\s+(?P<scope>[^;]{{3,200}}?)\s*[.;]?\s*$"
)
"""An item's own scope after it: "Bonded repair of ..., to be replicated and promoted in coastal PFTZs"."""
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
    if 0 < colon < min(_LEAD_MAX, quote_at):
        lead = text[:colon]
        body, shift = text[colon + 1 :], colon + 1
        if not _FIELD_RE.match(lead) and _IN_PLACE_RE.match(lead) and sc is not Scope.NATIONWIDE:
            sc, where = scope_of(lead) or Scope.DESIGNATED_AREAS, _where(lead)
    out: list[ScopedItem] = []
    for off, part in _split_outside(body, ";"):
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
    heading or a paragraph that is neither a heading nor an item.

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


# --------------------------------------------------------------------------- batches named in prose
BATCH_RE = re.compile(
    rf"\b(?P<ord>(?i:{_ORD}))\s+[Bb]atch\s+of\s+(?!{alternation(BATCH_OF_NOTHING)}\b)(?:(?P<count>\d{{1,3}})\s+(?:items\s+of\s+)?)?"
    r"(?P<what>[\"“']?[A-Za-z][A-Za-z \"“”'’-]*?)"
    r"(?=\s*[,.;:()]|\s+(?:from|in|for|that|which|to|was|were|is|are|has|have|had|shall|will|would|released|issued|"
    r"promoted|by|of the China|of the|of China|of (?:[A-Z][a-z]+ )?(?:Pilot|PFTZ|FTZ)|comprises|comprising|contains|"
    r"containing|contained|covers|covering|includes|including|included|totaling|totalling|with|and|as|on|at|"
    r"since|under|published|approved|selected|listed)\b|\s+(?=\d)|\s*$)"
)
"""A batch named in prose: "the eighth batch of 18 items of reform pilot experience", "10th batch of FTZ
institutional innovations", "the sixth batch of 24 "best practice cases"", in a title "Seventh Batch of
Institutional Innovation Achievements of China (Jiangsu) Pilot Free Trade Zone"."""
COUNT_AFTER_RE = re.compile(
    r"^[^.;]{0,40}?\b(?:contained|contains|comprising|comprises|of|covering|with)\s+(?P<n>\d{1,3})\s+"
    r"(?:items|cases|measures|practices)\b"
)
"""A batch's size printed after it ("..., released last November, contained 18 items")."""
_NATIONAL_VERB_RE = re.compile(rf"\b(?:{alternation(NATIONAL_BATCH_VERBS)})\b")
_POSSESSIVE_RE = re.compile(r"^\s*(?:'s|’s)\s+(?:(?:latest|new|newly released|recent)\s+)?$")
_OF_BODY_ON_RE = re.compile(r"^\s+on\s+(?:[A-Z][\w'’-]*\s+|a\s+|and\s+|in\s+|the\s+|of\s+)*$")
_THAT_BODY_RE = re.compile(r"^\s*(?:that|which)\s+(?:the\s+)?$")
_RELEASE_BY_RE = re.compile(rf"^[^;.]{{0,80}}?\b(?:{alternation(NATIONAL_BATCH_VERBS)})\s+by\s+(?:the\s+)?$")
_PROVINCE_VERB_RE = re.compile(
    rf"^\s*(?:has\s+|have\s+)?(?:{alternation(PROVINCE_RELEASE_VERBS)})\s+(?:its\s+|the\s+)?$"
)
_OWNER_AFTER_RE = re.compile(
    r"^\s*of\s+(?:the\s+)?(?P<zone>(?:China\s*\([A-Z][a-z]+\)\s*Pilot Free Trade Zone|[A-Z][a-z]+\s+(?:Pilot\s+)?"
    r"(?:PFTZ|FTZ|Free Trade Zone|Pilot Free Trade Zone|Free Trade Port)))"
)
REACH = 160
_TITLE_AND_RE = re.compile(r"\s+and\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*(?=\s+of\b|\s*[,.;:()\"”]|\s*$)")
"""The rest of a batch's name in title case after "and": "Sixth Batch of Reform and Innovation Achievements of"."""
_ALLIANCE_RE = re.compile(r"\b[Aa]lliance\b")
"""Characters at most between a national body and the batch it acts on."""


@dataclass(frozen=True)
class ProseBatch:
    """A batch a sentence names.

    Parameters
    ----------
    ordinal, count
        Its ordinal and, where printed, its size.
    what
        The words after "batch of" (they tell its series: best practices, reform experience ...).
    line, sentence, phrase
        Where it is named.
    body
        The national body the sentence says released it, if any.
    owner
        The zone (key) whose own batch it is, for a provincial batch; else None.
    """

    ordinal: int
    count: int | None
    what: str
    line: int
    sentence: str
    phrase: str
    body: Mention | None
    owner: str | None


def ordinal_of(word: str) -> int:
    """The number of an ordinal ("eighth" -> 8, "10th" -> 10)."""
    w = word.lower()
    words = (*ORDINALS, "eleventh", "twelfth")
    return words.index(w) + 1 if w in words else int(re.match(r"\d+", w).group(0))  # type: ignore[union-attr]


def _national_body(s: str, at: int, end: int, bodies: Sequence[Mention]) -> Mention | None:
    """The body a sentence says acts on the batch at ``s[at:end]``.

    "<body> ... include/select/released ... the <ordinal> batch" (a verb between, no
    semicolon), "<body>'s <ordinal> batch", "Notice of <body> on ... the <ordinal> Batch",
    "the <ordinal> batch ... that <body> promoted", "... released by <body>".
    """
    before = [b for b in bodies if b.end <= at and at - b.end <= REACH]
    if before:
        b = before[-1]
        between = s[b.end : at]
        if _POSSESSIVE_RE.match(between) or (";" not in between and _NATIONAL_VERB_RE.search(between)):
            return b
        if _OF_BODY_ON_RE.match(between) and re.search(r"\bof\s+(?:the\s+)?$", s[: b.start]):
            return b
    for b in bodies:
        if b.start < end:
            continue
        gap = s[end : b.start]
        if b.start - end > REACH:
            break
        if (_THAT_BODY_RE.match(gap[-12:]) or re.search(r"\b(?:that|which)\s+(?:the\s+)?$", gap)) and (
            _NATIONAL_VERB_RE.match(s[b.end :].lstrip())
        ):
            return b
        if _RELEASE_BY_RE.match(gap):
            return b
        break
    return None


def prose_batches(
    paras: Sequence[Paragraph],
    sentences_of: Callable[[Paragraph], Sequence[tuple[int, str]]],
    find_zones: FindMentions,
    find_bodies: FindMentions,
    find_provinces: FindMentions,
    zone_of_province: Callable[[str], str | None],
) -> list[ProseBatch]:
    """Rule: a batch a sentence names, with its ordinal, size, issuer or owner.

    A national body acting on it (:func:`_national_body`) makes it national; a
    zone printed after it ("... of the China (Hubei) Pilot Free Trade Zone") or a
    province (or zone) releasing it ("Hubei releases 10th batch of ...") makes it
    that zone's own. Other batches are returned without issuer or owner: the caller
    keeps those whose series is a national one.
    """
    out: list[ProseBatch] = []
    for p in paras:
        for off, s in sentences_of(p):
            if "atch" not in s:
                continue
            bodies = find_bodies(s)
            for m in BATCH_RE.finditer(s):
                at, end = m.start(), m.end()
                what = m.group("what")
                if what[:1].isupper() and (tm := _TITLE_AND_RE.match(s, end)):
                    what, end = what + s[end : tm.end()], tm.end()  # "... Batch of Reform and Innovation Achievements"
                while at > 0 and s[at - 1] == " ":
                    at -= 1
                art = re.search(r"(?:\bthe|\ba|\bits)\s*$", s[:at])
                at = art.start() if art else m.start()
                count = int(m.group("count")) if m.group("count") else None
                if count is None and (c := COUNT_AFTER_RE.match(s[end:])):
                    count = int(c.group("n"))
                owner: str | None = None
                if ow := _OWNER_AFTER_RE.match(s[end:]):
                    found = find_zones(ow.group("zone"))
                    owner = found[0].key.split("/", 1)[0] if found else None
                body = None if owner else _national_body(s, at, end, bodies)
                if owner is None and body is None and not _ALLIANCE_RE.search(s[:at]):  # an alliance's: the narrative's
                    provs = [pm for pm in find_provinces(s[:at]) if _PROVINCE_VERB_RE.match(s[pm.end : at])]
                    # "Hubei releases its 10th batch", or a zone's possessive: "Hubei FTZ's ninth batch of ..."
                    zs = [
                        z
                        for z in find_zones(s[:at])
                        if _PROVINCE_VERB_RE.match(s[z.end : at]) or _POSSESSIVE_RE.match(s[z.end : at])
                    ]
                    if zs:
                        owner = zs[-1].key.split("/", 1)[0]
                    elif provs:
                        owner = zone_of_province(provs[-1].key)
                line = p.line_at(off + m.start())
                out.append(
                    ProseBatch(ordinal_of(m.group("ord")), count, what, line, s, s[m.start() : end], body, owner)
                )
    return out


# --------------------------------------------------------------------------- the items a sentence puts in a batch
_ITEM_VERB_RE = re.compile(
    r"\b(?:include|includes|included|including|select|selects|selected|list|lists|listed|put|added|add)\s+"
    r"(?P<obj>(?:the|a|an)\s+[^,;:\"“”]{3,120}?|it|them)\s+(?:in|into|for|to)\s+(?:the|its)\s+$"
)
"""An unquoted item between a verb of listing and the batch ("... include the e-seal relay model in the eighth
batch")."""
_ORIGIN_AFTER_RE = re.compile(
    r"^[^;:.\"“”]{0,80}?\b(?:(?:(?:developed|piloted|pioneered|created|explored|launched|introduced|first tried|"
    rf"{alternation(ORIGIN_PASSIVE_VERBS)})\s+(?:by|in))|{alternation(ORIGIN_SOURCE_PHRASES)})\s+(?:the\s+)?"
)
"""What stands between an item and its origin zone: "... model for imported mineral samples developed by the",
"..., which came out of the"."""
_LISTED_EXAMPLE_RE = re.compile(
    r"^\s*(?:(?:among|of)\s+(?:them|these|those)\s+(?:were|was|are|is)\s+)?(?:and\s+)?"
    r"(?:the|a|an)\s+(?P<np>[^,;:\"“”()]{6,120}?),\s+(?:(?:which|that)\s+(?:was\s+|were\s+)?)?(?=\w)",
    re.IGNORECASE,
)
"""An unquoted example opening one of the parts (split at ";") of a sentence that lists a batch's examples, before
the clause naming its origin: "Among them were the X, piloted by ...; a Y, which came out of ...; and the Z, first
tried in ..."."""
_PARTITIVE_RE = re.compile(r"^\s*(?:among|of)\s+(?:them|these|those)\b", re.IGNORECASE)
"""An example sentence that opens on a part of the batch's measures: what the batch sentence states of them (a
national scope) it states of each one."""
_EXAMPLE_RE = re.compile(
    r"\b(?:for instance|for example|such as|including|among (?:them|these|those))\b", re.IGNORECASE
)
_BATCH_SUBJECT_RE = re.compile(
    r"^\s*(?:It|The\s+batch|This\s+batch|The\s+new\s+batch|The\s+list)\s+"
    r"(?:includes|included|contains|contained|covers|covered|comprises|comprised)\b"
)
"""A next sentence whose subject is the batch itself ("It includes 21 items, among them ..."): its examples are
in the scope the sentence on the batch stated."""
_AND_ITEM_RE = re.compile(
    r"[^;:.\"“”]{0,120}?\s+and\s+(?:a|an|the)\s+(?P<name>[a-z][\w'’&+-]*(?:\s+[a-z][\w'’&+-]*){1,10}?)"
    r"(?=\s+(?:developed|piloted|pioneered|created|explored|launched|introduced|first tried)\s+(?:by|in)\s)"
)
"""An unquoted item joined after a quoted one, with its own origin (matched from the quoted one's end):
'... the "A" ... first tried in X and a unified registration system for ship mortgages developed by Y'."""
_NATIONAL_AFTER_RE = re.compile(
    r"^[^;]{0,120}?\b(?:replicated|promoted|replication|promotion|scaled up|rolled out|applied)\s+"
    r"(?:and\s+\w+(?:\s+up)?\s+)?"
    r"(?P<scope>nationwide|across the country|throughout the country|in all (?:pilot free trade zones|PFTZs|FTZs))"
    r"(?!\s+or\b)"
)
"""A national scope after the batch ("... for replication nationwide", "... that the State Council promoted
nationwide"), not one of two ("nationwide or in specific regions")."""
_ED_TAIL_RE = re.compile(r"(?:\s+(?:first|jointly|originally))?\s+\w+ed$")
"""A participle of origin ending a name's words, with its adverb ("... medical devices first tried"): no part of it."""


@dataclass(frozen=True)
class BatchItem:
    """An innovation a text puts into a batch it names in prose.

    Parameters
    ----------
    batch
        The batch (one of :func:`prose_batches`' records).
    name, line, quote
        The innovation as printed, where.
    zones
        Its origin zones where the sentence prints them ("... developed by the Wuhan Area").
    scope
        The national scope the sentence replicates the batch in, if any.
    stated
        True when the batch's own sentence names it; False for an example in the next sentence ("Inner
        Mongolia, for instance, has replicated the "..." model"): the text does not say it of each one.
    """

    batch: ProseBatch
    name: str
    line: int
    quote: str
    zones: tuple[Mention, ...]
    scope: Scope | None
    stated: bool
    adopter: Mention | None = None
    """For an example: the place (a zone, or a province printed alone) its clause says applied it."""
    adopter_kind: str = ""
    """``zone`` or ``province``."""
    since: int = 0
    """For an item printed as an anaphor ("include the practice in ...", ``name`` empty): the line its paragraph
    starts on, where the innovation it stands for is named."""


def _named(s: str, start: int, end: int, name: str) -> tuple[str, int]:
    """The fuller name of a quoted span ``s[start:end]`` and where it ends: the lower-case words (and acronyms:
    RMB, R&D) after it, up to a verb, a preposition of place or punctuation, without trailing function words."""
    m = re.match(
        r"(?:\s+(?!(?:has|have|had|is|are|was|were|that|which|to|in|by|at|with|as|under|from)\b)"
        r"(?:[a-z0-9][\w'’&+–-]*|[A-Z]{2,}[\w&]*)){1,10}",
        s[end:],
    )
    tail = m.group(0) if m else ""
    if nxt := _NEXT_NP_RE.search(tail):
        tail = tail[: nxt.start()]  # "... of outbound vehicles and the <next item>"
    tail = _TRAILING_WORDS_RE.sub("", _ED_TAIL_RE.sub("", tail))
    return item_name(name + tail), end + len(tail)


_DESCRIBED_RE = re.compile(
    r"\b(?:described as|called|dubbed|known as|termed|hailed as|seen as|regarded as|so-called|as|aims? to|"
    r"calls? for|slogan|motto|principle of|(?:hereinafter|hereafter)(?: referred to as)?(?: the)?)\s*$",
    re.IGNORECASE,
)
_ARTICLE_START_RE = re.compile(r"^(?:a|an|the|this|these|its|our|their)\s", re.IGNORECASE)


def descriptive(s: str, start: int, name: str) -> bool:
    """Whether a quoted span describes rather than names ("described as "a new round of opening-up"")."""
    return bool(_ARTICLE_START_RE.match(name) or _DESCRIBED_RE.search(s[:start]))


def _origin_after(s: str, stop: int, find_zones: FindMentions) -> tuple[Mention, ...]:
    """The zone printed right after an item ending at ``s[stop]`` ("... developed by the Wuhan Area", "... of the
    Shanghai FTZ"), if any."""
    om = _ORIGIN_AFTER_RE.match(s[stop:]) or _OF_ZONE_RE.match(s[stop:])
    found = find_zones(s[stop + om.end() : stop + om.end() + 80]) if om else []
    return tuple(found[:1]) if found and found[0].start <= 2 else ()


_NEXT_NP_RE = re.compile(r"\s+(?:and|or|as well as)\s+(?:the|a|an|its|their)\b")
_TRAILING_WORDS_RE = re.compile(r"(?:\s+(?:and|or|of|the|for|with|to|in|a|an|on|at|by|from))+$")
_OF_ZONE_RE = re.compile(r"^\s*(?:of|from|by|in)\s+(?:the\s+)?")
"""Between an item and its zone printed right after it: "the "smart customs" model of the Shanghai FTZ"."""


_CLAUSE_START_RE = re.compile(r"(?:^|;|,\s*(?:and|while|whereas)\s+)")
_EXAMPLE_VERB_RE = re.compile(
    r"^(?P<who>[^;]{2,80}?),?\s+(?:(?:for instance|for example|in turn|also|already),?\s+)*"
    rf"(?:(?:has|have|had)\s+)?(?:{alternation(EXAMPLE_ADOPT_VERBS)})\s+(?:the\s+|a\s+|an\s+|its\s+)?$"
)
"""A clause's adopter before its verb and the example: "Inner Mongolia, for instance, has replicated the"."""


def _example_adopter(
    before: str, find_zones: FindMentions, find_provinces: Callable[..., list[Mention]]
) -> tuple[Mention | None, str]:
    """The place the clause ending in ``before`` (the text up to an example's quotation mark) says applied it."""
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(before)]
    clause = before[starts[-1] if starts else 0 :]
    m = _EXAMPLE_VERB_RE.match(clause.lstrip())
    if m is None:
        return None, ""
    who = m.group("who")
    if zs := find_zones(who):
        return zs[0], "zone"
    ps = find_provinces(who, exclude_zones=True)
    return (ps[0], "province") if ps else (None, "")


def batch_items(
    paras: Sequence[Paragraph],
    sentences_of: Callable[[Paragraph], Sequence[tuple[int, str]]],
    batches: Sequence[ProseBatch],
    quoted: Callable[[str], Sequence[tuple[int, int, str]]],
    find_zones: FindMentions,
    find_provinces: Callable[..., list[Mention]],
) -> list[BatchItem]:
    """Rule: the innovations a sentence about a national batch names, and the examples the next one gives.

    "Two of them, including the "A" model developed by the Wuhan Area, were included
    in the eighth batch ... that the State Council promoted nationwide": A is an item
    of the batch, from the area's zone, replicated nationwide. "... did the State
    Council include the B model in the eighth batch": B (unquoted, between the verb
    and the batch). "Inner Mongolia, for instance, has replicated the "C" model": an
    example in the sentence after the batch's is an item of it, not stated of each.
    A document's title (its quoted words name a batch or start with a capital) is
    not an item; a sentence naming several batches is left alone.
    """
    by_sentence = {(b.line, b.sentence): b for b in batches}
    out: list[BatchItem] = []
    for p in paras:
        sents = list(sentences_of(p))
        for i, (off, s) in enumerate(sents):
            line = p.line_at(off)
            b = by_sentence.get((line, s)) or next((x for x in batches if x.sentence == s), None)
            if b is None:
                continue
            if len(BATCH_RE.findall(s)) > 1:
                continue  # a sentence naming several batches does not say which holds what it names
            at = s.find(b.phrase)
            sm = _NATIONAL_AFTER_RE.match(s[at + len(b.phrase) :])
            scope = scope_of(sm.group("scope")) if sm else None
            for start, end, name in quoted(s):
                if at <= start < at + len(b.phrase) or "batch" in name.lower() or name[:1].isupper():
                    continue  # the batch's own words, or a document's title
                if descriptive(s, start, name):
                    continue
                full, stop = _named(s, start, end, name)
                if len(full.split()) < 2:
                    continue
                zones = _origin_after(s, stop, find_zones)
                out.append(BatchItem(b, full, p.line_at(off + start), s, zones, scope, True))
            if vm := _ITEM_VERB_RE.search(s[:at]):
                obj, oline = vm.group("obj"), p.line_at(off + vm.start("obj"))
                if obj.lower() in ANAPHORA or obj.lower() in ("it", "them"):
                    out.append(BatchItem(b, "", oline, s, (), scope, True, since=p.line))
                elif not _QUOTES_RE.search(obj) and len(item_name(obj).split()) >= 2:
                    out.append(BatchItem(b, item_name(obj), oline, s, (), scope, True))
            if i + 1 < len(sents) and _EXAMPLE_RE.search(sents[i + 1][1]):
                noff, ns = sents[i + 1]
                part_scope = scope if _PARTITIVE_RE.match(ns) or _BATCH_SUBJECT_RE.match(ns) else None
                spans = quoted(ns)
                for start, end, name in spans:
                    full, stop = _named(ns, start, end, name)
                    named = not name[:1].isupper() and not descriptive(ns, start, name)
                    if len(full.split()) >= 2 and "batch" not in name.lower() and named:
                        who, kind = _example_adopter(ns[:start], find_zones, find_provinces)
                        zones = _origin_after(ns, stop, find_zones)
                        out.append(BatchItem(b, full, p.line_at(noff + start), ns, zones, part_scope, False, who, kind))
                        if zones and (am := _AND_ITEM_RE.match(ns, stop)):
                            at2 = am.start("name")
                            more = _origin_after(ns, am.end("name"), find_zones)
                            name2 = item_name(am.group("name"))
                            line2 = p.line_at(noff + at2)
                            out.append(BatchItem(b, name2, line2, ns, more, part_scope, False, who, kind))
                out.extend(_listed_examples(b, p, noff, ns, spans, part_scope, find_zones))
    return out


def _listed_examples(
    b: ProseBatch,
    p: Paragraph,
    off: int,
    s: str,
    spans: Sequence[tuple[int, int, str]],
    scope: Scope | None,
    find_zones: FindMentions,
) -> list[BatchItem]:
    """Rule: the unquoted examples of a batch a sentence lists in parts split at ";", each with its origin.

    "Among them were the X, piloted by the Tianjin FTZ; a Y, which came out of the Hainan FTP; and the Z, first
    tried in the Shandong FTZ": X, Y and Z are items of the batch from those zones. A part is read only when its
    noun phrase is unquoted and the clause after its comma names its origin zone; a quoted item is read by
    :func:`batch_items`.
    """
    if ";" not in s:
        return []
    out: list[BatchItem] = []
    for at, part in _split_outside(s, ";"):
        m = _LISTED_EXAMPLE_RE.match(part)
        if m is None or any(at <= q < at + len(part) for q, _e, _n in spans):
            continue
        zones = _origin_after(part, m.end("np") + 1, find_zones)
        name = item_name(m.group("np"))
        if zones and len(name.split()) >= 2 and "batch" not in name.lower():
            line = p.line_at(off + at + m.start("np"))
            out.append(BatchItem(b, name, line, s, zones, scope, False))
    return out


# --------------------------------------------------------------------------- examples under a lead of scope
SCOPE_LEAD_RE = re.compile(
    r"(?:^|\s)(?:Among|Of)\s+(?:the|these|those)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:{alternation((*NOTICE_ITEM_WORDS, 'innovations', 'achievements', 'outcomes'))})\s+"
    r"(?:(?:to\s+be|that\s+will\s+be|that\s+are\s+to\s+be|being)\s+"
    r"(?:replicated|promoted|extended|scaled\s+up|rolled\s+out)(?:\s+and\s+\w+(?:\s+up)?)?\s+"
    r"(?P<scope>[^,;]{3,80})|for\s+(?P<scope_for>[^,;]{3,60}?)\s+(?:replication|promotion)),\s*"
)
"""A lead that tells the scope of the examples after it: "Among the items to be replicated province-wide, ...",
"Among the innovations for province-wide replication, ..."."""
_HOLDER = (
    r"(?:Special\s+)?Area|Pilot\s+FTZ|PFTZ|FTZ|Free\s+Trade\s+Port|Pilot\s+Free\s+Trade\s+Zone|"
    r"coordinated\s+(?:innovation|development)\s+zone"
)
POSSESSIVE_ITEM_RE = re.compile(
    rf"(?P<place>(?:China\s*\([A-Z][a-z]+\)\s*)?[A-Z][\w-]*(?:\s+(?:&\s+)?[A-Z][\w-]*){{0,3}}\s+(?:{_HOLDER}))"
    r"(?:'s|’s)\s+(?P<name>[^,;]{6,200}?)"
    r"(?=\s+(?:helps?|gives?|allows?|enables?|lets?|cuts?|reduces?|makes?|has|have|is|are|was|were|will|which|that|"
    r"provides?|offers?|ensures?|supports?|brings?|saves?|shortens?)\b|[,;.]|$)"
)
"""An example credited to its zone or area by a possessive: "the Xiangyang Area's full-chain traceability model"."""


@dataclass(frozen=True)
class ScopedExample:
    """An innovation a text names, after a lead of scope, as its zone's (or area's) own.

    Parameters
    ----------
    name, line, quote
        The innovation as printed (quotation marks removed), where.
    zone
        The zone or area the possessive credits.
    scope, where
        The scope of the lead, normalised and as printed ("province-wide").
    """

    name: str
    line: int
    quote: str
    zone: Mention | None
    scope: Scope | None
    where: str
    coordinated: str = ""
    """The coordinated innovation zone the possessive credits, when it names no PFTZ (``zone`` is then None)."""


def scoped_examples(
    paras: Sequence[Paragraph], sentences_of: Callable[[Paragraph], Sequence[tuple[int, str]]], find_zones: FindMentions
) -> list[ScopedExample]:
    """Rule: after "Among the items to be replicated <scope>," every "<zone or area>'s <innovation>" of the
    paragraph is that zone's innovation, replicated in the scope.

    "Among the items to be replicated province-wide, the Wuhan Area's "one-stop"
    compliance service for ... helps ... The Xiangyang Area's full-chain traceability
    supervision model for ... gives ...": each possessive names an item and its
    origin; the name ends at its verb or punctuation.
    """
    out: list[ScopedExample] = []
    for p in paras:
        where: str | None = None
        for off, s in sentences_of(p):
            if lead := SCOPE_LEAD_RE.search(s):  # at the start of a sentence, or after a heading run into it
                if lead.start() and not s[: lead.start()].rstrip().endswith(tuple("abcdefghijklmnopqrstuvwxyz")):
                    continue
                where = (lead.group("scope") or lead.group("scope_for")).strip()
            if where is None:
                continue
            scope = scope_of(where)
            for m in POSSESSIVE_ITEM_RE.finditer(s):
                zones = find_zones(m.group("place"))
                name = item_name(m.group("name"))
                coordinated = "" if zones or "coordinated" not in m.group("place") else m.group("place")
                if not (zones or coordinated) or len(name.split()) < 3:
                    continue
                zone = zones[-1] if zones else None
                line = p.line_at(off + m.start("name"))
                out.append(ScopedExample(name, line, s, zone, scope, where, coordinated))
    return out


__all__ = [
    "BatchItem",
    "ProseBatch",
    "ScopedExample",
    "ScopedItem",
    "batch_items",
    "descriptive",
    "item_name",
    "notice_items",
    "ordinal_of",
    "prose_batches",
    "scope_of",
    "scoped_examples",
]
