"""Batches and their items as texts that are not editions state them: notices, press releases, papers.

A notice's items under its headings of scope are read in :mod:`loaders.prose_notices`; a press
release names a batch in a sentence, with its ordinal, size and issuer ("The State Council's eighth batch of reform
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
    EXAMPLE_ADOPT_VERBS,
    FIRST_SINCE_WORDS,
    NATIONAL_BATCH_VERBS,
    NOTICE_ITEM_WORDS,
    ORDINALS,
    ORIGIN_PASSIVE_VERBS,
    ORIGIN_SOURCE_PHRASES,
    PROVINCE_RELEASE_VERBS,
    alternation,
)
from pftz.loaders.prose_notices import _QUOTES_RE, FindMentions, _split_outside, item_name, scope_of
from pftz.loaders.text import Paragraph

_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINALS) + r"|eleventh|twelfth)"


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
FIRST_SINCE_RE = re.compile(rf"^[^,;.]{{0,60}}?\b(?:{alternation(FIRST_SINCE_WORDS)})\b")
"""After "the first batch of ...": "... compiled since <event>" (the first since then, not the series' first)."""
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
    keeps those whose series is a national one. "The first batch of ... since <event>"
    is the first since then, not a number in its series: not returned.
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
                if ordinal_of(m.group("ord")) == 1 and FIRST_SINCE_RE.match(s[end:]):
                    continue  # "the first batch of best practices compiled since ...": not the series' number
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
    "batch_items",
    "descriptive",
    "ordinal_of",
    "prose_batches",
    "scoped_examples",
]
