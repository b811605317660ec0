"""A national batch's cases listed in prose, for :mod:`loaders.report`: pass ``listed-batch-cases``.

The cases a batch's release and the sentences after it list (after the words of ``BATCH_LIST_LEADS`` or
``RELEASE_LIST_LEADS``), each an innovation of the batch or, when a table lists the batch, matched to its row; and
the list splitting they share. The other passes of batches and notices in prose live in
:mod:`loaders.report_prose` and :mod:`loaders.report_texts`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pftz.ground.names import title_score
from pftz.ground.schema import DERIVED, Label, MeasureKind, Rel
from pftz.loaders.documents import slug
from pftz.loaders.lexicon import (
    BATCH_LIST_LEADS,
    BODY_ITEM_VERBS,
    CARDINALS,
    CITING_VERBS,
    CONTAIN_VERBS,
    EXAMPLE_NOUNS,
    ITEM_CLAUSE_OPENERS,
    ITEM_ORIGIN_VERBS,
    LIST_ITEM_NOUNS,
    LIST_SUBJECTS,
    RELEASE_LIST_LEADS,
    alternation,
)
from pftz.loaders.narrative import CaseFact
from pftz.loaders.records import NodeRef
from pftz.loaders.report_context import (
    KIND_OF_BATCH,
    _Collector,
    _Context,
    _para_sentences,
    _ProseBatch,
    _sentences,
)
from pftz.loaders.report_story import SCOPE_LIST_MARGIN, _norm_title
from pftz.loaders.report_tables import _batch_key

AMONG_LEAD_RE = re.compile(
    rf"\bamong\s+the\s+(?:[\w-]+\s+){{0,4}}?{alternation(LIST_ITEM_NOUNS)}\s+(?:are|were|is|was)\b\s*", re.IGNORECASE
)
"""A lead that names the batch's items by a definite phrase and lists some after its verb: "Among the industrial
development cases are A (X FTZ); B (Y FTZ)" (it refers back to the batch by itself)."""
HOLDS_LEAD_RE = re.compile(
    rf"\b{alternation(LIST_SUBJECTS)}\s+(?:also\s+)?{alternation(CONTAIN_VERBS)}\b"
    r"(?:\s*,\s*among (?:others|them)\s*,)?\s*",
    re.IGNORECASE,
)
"""A lead whose subject stands for the batch and whose verb holds the items after it: "It includes A from X PFTZ",
"The batch also contains B", "It included, among others, C" (an aside "among others" no part of the first item)."""
CITED_LEAD_RE = re.compile(
    rf"\b{alternation(CITING_VERBS)}\s+(?:(?:\d+|{alternation(CARDINALS)}|several|some|a few)\s+)?"
    rf"(?:such\s+)?{alternation(EXAMPLE_NOUNS)}\s*:\s*",
    re.IGNORECASE,
)
"""A lead that gives some of the batch's items as examples after a colon: "Zhao cited three examples: A; B; and C"
(it refers back to the batch by itself)."""
LIST_LEAD_RE = re.compile(
    rf"\b{alternation(BATCH_LIST_LEADS)}\b\s*|{AMONG_LEAD_RE.pattern}|{HOLDS_LEAD_RE.pattern}|{CITED_LEAD_RE.pattern}",
    re.IGNORECASE,
)
RELEASE_LEAD_RE = re.compile(rf"\b{alternation((*BATCH_LIST_LEADS, *RELEASE_LIST_LEADS))}\b\s*", re.IGNORECASE)
"""The lead of a list in the sentence that releases the batch, after the batch's name."""
ITEM_SPLIT_RE = re.compile(
    rf",\s*(?:and\s+|as well as\s+)?(?!{alternation(ITEM_CLAUSE_OPENERS)}\b)(?=(?:the|a|an)\s|[a-z\"“])"
    r"|\s+and\s+(?=(?:the|a|an)\s|[a-z]+ing\s)"
    r"|;\s*(?:and\s*,?\s*)?"
)
"""Where a list of cases splits: after a comma (and "and", "as well as") before an article or a word in lower case,
after "and" before an article or a gerund ("implementing A and promoting B"), at a semicolon ("A (X FTZ); and B");
not before a capitalised name (a list
of zones is not split) nor before a clause telling of the case before (``ITEM_CLAUSE_OPENERS``: "..., which
allows ...")."""
ITEM_ORIGIN_AFTER_RE = re.compile(
    rf"\s+(?:jointly\s+|first\s+)?{alternation(ITEM_ORIGIN_VERBS)}\s+(?:together\s+|jointly\s+)?(?:by|in)\s+.*$"
)
"""The origin printed after a listed case: "jointly proposed by ...", ", first piloted in ...", "developed together
by ..."."""
ITEM_PLACE_AFTER_RE = re.compile(
    r"\s+(?:of|from|in|at|by)\s+(?:the\s+)?(?:[A-Z][\w'’()-]*\s*)+(?:of\s+(?:the\s+)?(?:[A-Z][\w'’()-]*\s*)+)?$"
)
"""The place printed after a listed case: "from Tianjin PFTZ", "from the Zhoushan Area of Zhejiang PFTZ"."""
ITEM_OWNER_BEFORE_RE = re.compile(r"^(?:(?:[A-Z][\w()-]*\s+)+(?:PFTZ|FTZ|FTP)(?:'s|’s)\s+)")
LISTED_RESOLVED = "a case the paragraph that releases the batch lists"
"""``resolved`` of the derived ``IN_BATCH`` edge of a case a batch's paragraph lists ("cases include ...")."""


CLAUSE_ITEM_RE = re.compile(r"(?:was|were|is|are|has|have|had|will)\b")
"""A piece of a list that opens with a verb is a clause about the item before it ("..., was promoted as ..."), no
item."""
RELATIVE_AFTER_RE = re.compile(r",\s+(?:which|that|who|whose|where|under which|in which|allowing|enabling)\s")
"""A clause telling of a listed case after it, no part of its name."""
ASIDE_RE = re.compile(r"(?:for|in|on|at|with|from|by|as for|regarding|among)\s")
"""A piece of a list that opens with a preposition is an aside before the next item ("and, for the aviation
industry, a ...", "It included, among others, a ..."), no item."""
LATTER_RE = re.compile(r"the\s+(?P<which>latter|former)\b", re.IGNORECASE)
"""A piece of a list that opens with "the latter" or "the former" tells of an item before it ("A and B, the latter
first launched in the Nansha Area of Guangdong PFTZ"), no item."""
LATTER_AFTER_RE = re.compile(r",\s+the\s+(?:latter|former)\b.*$", re.IGNORECASE)
SINGLE_QUOTED_RE = re.compile(r"(?<!\w)['‘«]([^'‘’«»]+)['’»](?!\w)")
"""Words a text quotes with single quotes or guillemets; an apostrophe inside or after a word is none."""
COUNT_RE = re.compile(rf"(?:\d+|{alternation(CARDINALS)})\s+(?:more\s+|other\s+)?[a-z]+s\b", re.IGNORECASE)
"""A piece of a list that opens with a count of a plural noun ("24 items in three fields") counts the items, no item
("one code for all" is one)."""
JOINT_ORIGIN_RE = re.compile(rf"\b(?:jointly|together)\s+(?:[a-z]+\s+)?{alternation(ITEM_ORIGIN_VERBS)}\b")
"""An item's origin clause that makes it one innovation of its zones together ("jointly developed by A and B")."""
CO_AUTHOR_RE = re.compile(r"(?:the\s+)?[A-Z]")
"""A piece after an item's origin clause that opens with a proper name is one more of its authors ("jointly explored
by Guangdong PFTZ and the Macao SAR government"), no item."""


def _items(text: str) -> list[str]:
    """The items of a list (split by :data:`ITEM_SPLIT_RE`), a piece that names one more author of the item before
    it joined back to that item, a clause about "the latter" (or "the former") joined to the item it stands for."""
    out: list[str] = []
    for piece in ITEM_SPLIT_RE.split(text):
        if out and ITEM_ORIGIN_AFTER_RE.search(out[-1]) and CO_AUTHOR_RE.match(piece.strip()):
            out[-1] = f"{out[-1]} and {piece}"
        elif out and (m := LATTER_RE.match(piece.strip())):
            at = -2 if m.group("which").lower() == "former" and len(out) > 1 else -1
            out[at] = f"{out[at]}, {piece}"
        else:
            out.append(piece)
    return out


def _item_name(item: str) -> str:
    """A listed case's name: without its article, the words of its kind before "such as", its zone before it
    ("Jiangsu PFTZ's") or after it ("of Tianjin PFTZ", "jointly proposed by ..."), a clause on "the latter", and its
    quotation marks (double, single or guillemets)."""
    name = re.sub(r"^(?:the|a|an)\s+", "", item.strip(" .;,"))
    name = re.sub(r"^[a-z][\w-]*\s+(?:[a-z][\w-]*\s+)?such as\s+", "", name)  # "innovating experience such as <A>"
    name = LATTER_AFTER_RE.sub("", ITEM_OWNER_BEFORE_RE.sub("", name))
    name = ITEM_ORIGIN_AFTER_RE.sub("", name)
    name = ITEM_PLACE_AFTER_RE.sub("", name)
    name = RELATIVE_AFTER_RE.split(name, maxsplit=1)[0]  # "..., which lets small exporters borrow ..."
    name = re.sub(r"\s*\([^()]*\)$", "", name)  # its zones in brackets after it: "... (Tianjin FTZ)"
    name = SINGLE_QUOTED_RE.sub(r"\1", name)  # 'green lane', ‘green lane’, «green lane»
    return " ".join(name.replace('"', " ").replace("“", " ").replace("”", " ").split()).rstrip(" ,;:")


def _listed_batch_cases(c: _Collector, ctx: _Context) -> None:
    """Rule: the cases listed after a national batch's release that no table lists ("In January 2026, MOFCOM
    published the sixth batch of "best practice cases" ... In trade facilitation, cases include Jiangsu PFTZ's
    "<A>" and the <B> of Tianjin PFTZ.", "Other practices in the batch include a <C> and a <D>."): each case
    listed after the words of ``BATCH_LIST_LEADS``, quoted or not, is an innovation of the batch, piloted by the
    zones printed with it; so is each the release's own sentence lists after the batch's name (``RELEASE_LIST_LEADS``
    too: "... decided to replicate the second batch of 18 pilot measures ..., among them allowing <E>").

    In an edition, the list is in the paragraph that releases the batch (its narrative names cases of many kinds
    after a batch); in a text that is not an edition, in any sentence after the release up to the next sentence
    naming another batch, save a zone's case the narrative read there (pass ``prose-batch-items`` puts it in the
    batch). The text does not say of each case that it is in the batch: the ``IN_BATCH`` edge is derived. A batch
    a table lists is read from its table.
    """
    done: set[str] = set()
    for b in ctx.prose_batches:
        if not b.released or b.ref.key in done:
            continue
        if b.ref.key in ctx.batch_tables:
            _listed_rows(c, ctx, b)
            continue
        if not ctx.edition:
            done.add(b.ref.key)  # a text's title and its first sentence may both release the batch
        kind = str(KIND_OF_BATCH.get(b.kind, MeasureKind.INNOVATION))
        after = _after_release(ctx, b)
        for line, sent, lead in _release_lists(ctx, b, after):
            # in a text, a zone's case the narrative read in the sentence is the batch's item already
            cases = [] if ctx.edition else [_words(f.name) for f in ctx.story.cases if f.quote == sent and f.zones]
            for item in _items(sent[lead.end() :].rstrip(" .")):
                name = _item_name(item)
                if len(name.split()) < 2 or any(n in _words(name) for n in cases) or CLAUSE_ITEM_RE.match(name):
                    continue
                if ASIDE_RE.match(name) or COUNT_RE.match(name):
                    continue  # "for the aviation industry": an aside before the item; "24 items": a count
                zones = {m.key for m in c.find_zones(item)} | {z.key for lst in c.find_zone_lists(item) for z in lst}
                # "..., jointly developed by Jiangsu PFTZ and Anhui PFTZ": one joint innovation of several zones
                joint = len({z.split("/", 1)[0] for z in zones}) > 1 and JOINT_ORIGIN_RE.search(item) is not None
                m = c.node(
                    Label.MEASURE,
                    f"{b.ref.key}:{slug(name)}",
                    name,
                    line,
                    sent,
                    kind=kind,
                    title=name,
                    joint=True if joint else None,
                    cross_regional=True if joint else None,
                )
                c.rel(Rel.IN_BATCH, m, b.ref, line, sent, resolved=LISTED_RESOLVED, **{DERIVED: True})
                for z in sorted(zones):
                    c.rel(Rel.ORIGINATED_IN, m, c.zone(z, line, sent), line, sent)
        for line, sent, body, name in _body_items(c, ctx, b, after):
            if any(
                e.label is Label.MEASURE and e.provenance.quote == sent and slug(e.name) == slug(name)
                for e in c.entities
            ):
                continue  # the narrative read it there already ("body-promoted")
            m = c.node(Label.MEASURE, f"{b.ref.key}:{slug(name)}", name, line, sent, kind=kind, title=name)
            c.rel(Rel.IN_BATCH, m, b.ref, line, sent, resolved=BODY_ITEM_RESOLVED, **{DERIVED: True})
            c.rel(Rel.RESPONSIBLE_FOR, body, m, line, sent)


LISTED_ROW_MATCH = 75.0
"""Similarity above which a case a batch's passage lists is the row of the batch's table of that name (the passage
rewords the rows), when the runner-up row scores at least ``SCOPE_LIST_MARGIN`` less."""


def _row_of(rows: dict[str, str], name: str) -> str | None:
    """The key of the row (of ``rows``: key -> normalised title) a reworded name of two words or more clearly
    denotes: close enough and well ahead of the runner-up."""
    if len(name.split()) < 2:
        return None
    wanted = _norm_title(name)
    scored = sorted(((title_score(t, wanted), k) for k, t in rows.items()), reverse=True)
    if not scored or scored[0][0] < LISTED_ROW_MATCH:
        return None
    return scored[0][1] if len(scored) == 1 or scored[0][0] - scored[1][0] >= SCOPE_LIST_MARGIN else None


def _listed_rows(c: _Collector, ctx: _Context, b: _ProseBatch) -> None:
    """The cases the passage of a batch a table lists names after the words of ``BATCH_LIST_LEADS``: each one the
    table lists under a name close enough is that row, named there too (evidence of the row; nothing new is
    created: a case the table does not list is left unread); a piece that names no row whole is tried at each side
    of its "and" ("A on inland waterways and B for enterprises": two rows); so is an innovation a body spread there
    (:func:`_body_items`)."""
    rows = {k: _norm_title(t) for k, t in ctx.titles.items() if k.startswith(b.ref.key + ":")}
    after = _after_release(ctx, b)
    for line, sent, lead in _release_lists(ctx, b, after):
        for item in ITEM_SPLIT_RE.split(sent[lead.end() :].rstrip(" .")):
            name = _item_name(item)
            key = _row_of(rows, name)
            # "A of B and C for D" names no row whole: each side of its "and" may name one
            keys = (
                [key] if key is not None else [_row_of(rows, p) for p in AND_RE.split(name)] if " and " in name else []
            )
            for k in keys:
                if k is not None:
                    c.node(Label.MEASURE, k, ctx.titles[k], line, sent)
    for line, sent, _body, name in _body_items(c, ctx, b, after):  # "<body> promoted the "A" experience": its row
        if (key := _row_of(rows, name)) is not None:
            c.node(Label.MEASURE, key, ctx.titles[key], line, sent)


AND_RE = re.compile(r"\s+and\s+")


def _listed_not_cases(c: _Collector, ctx: _Context) -> None:
    """Rule: in an edition, a name the narrative credited to a zone in a sentence that lists the cases of a national
    batch no table lists, after its release ("Among them, the "A" export service developed by X PFTZ ...", "The same
    batch included a B ... from Y PFTZ", "In trade facilitation, cases include X PFTZ's "C" ...") or in a later
    paragraph whose subject is the batch ("The sixth batch ... It includes ..."), is an item of that batch, promoted
    by the ministry, not the zone's own case there: the narrative's case of that sentence is dropped when its name
    lies within an item the list names (pass ``listed-batch-cases`` reads the item). The same innovation told as
    the zone's case in another sentence stays its case.
    """
    if not ctx.edition or not ctx.story.cases:
        return
    listed: dict[str, list[str]] = {}
    for b in ctx.prose_batches:
        if not b.released or b.ref.key in ctx.batch_tables:
            continue
        for _line, sent, lead in _release_lists(ctx, b, _after_release(ctx, b)):
            names = [_words(_item_name(item)) for item in _items(sent[lead.end() :].rstrip(" ."))]
            listed.setdefault(sent, []).extend(n for n in names if len(n.split()) > 1)
    if not listed:
        return

    def in_list(f: CaseFact) -> bool:
        names = listed.get(f.quote)
        if not names:
            return False
        mine = _words(f.name)
        return any(mine in n or n in mine for n in names)

    kept = tuple(f for f in ctx.story.cases if not in_list(f))
    if len(kept) < len(ctx.story.cases):
        ctx.story = replace(ctx.story, cases=kept)


BACK_TO_BATCH_RE = re.compile(r"\b(?:the|these|selected|other)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
"""In a text, what makes a list after the release the batch's: the sentence names the batch, or its lead refers
back ("Other practices in the batch include", "the selected cases include"), not any "measures include"."""


def _release_lists(ctx: _Context, b: _ProseBatch, after: list[tuple[int, str]]) -> list[tuple[int, str, re.Match[str]]]:
    """The sentences that list cases of batch ``b`` after its release (``after``: :func:`_after_release`), with their
    lines and the lead of the list."""
    at = b.sentence.find(b.phrase)
    own = RELEASE_LEAD_RE.search(b.sentence, at + len(b.phrase)) if at >= 0 else None
    leads = [(b.line, b.sentence, own)] + [(ln, s, LIST_LEAD_RE.search(s)) for ln, s in after]
    out: list[tuple[int, str, re.Match[str]]] = []
    chained = True  # in a text, "It includes ...", "They include ..." right after the release or a list of its cases
    for ln, s, m in leads:
        if m is not None and (
            ctx.edition
            or s is b.sentence
            or "batch" in s[: m.end()].lower()
            or BACK_TO_BATCH_RE.search(s[: m.start()])
            or AMONG_LEAD_RE.match(m.group(0))
            or CITED_LEAD_RE.match(m.group(0))
            or (chained and HOLDS_LEAD_RE.match(m.group(0)))
        ):
            out.append((ln, s, m))
            chained = True
        else:
            chained = s is b.sentence
    return out


def _words(name: str) -> str:
    """A name's words, lower case, one space apart (to find one name inside another)."""
    return " " + " ".join(re.findall(r"\w+", name.casefold())) + " "


def _after_release(ctx: _Context, b: _ProseBatch) -> list[tuple[int, str]]:
    """The sentences after the one releasing batch ``b`` that may list its cases, with their lines: in an edition,
    the rest of its paragraph; in a text, every sentence up to the next one naming another batch."""
    if ctx.edition:
        para = next((p for p in ctx.paras if p.line <= b.line <= p.end_line and b.sentence in p.text), None)
        if para is None:
            return []
        sents = [(para.line_at(off), sent) for off, sent in _para_sentences(para)]
        at = next((i for i, (_ln, sent) in enumerate(sents) if sent == b.sentence), len(sents))
        return sents[at + 1 :] + _paragraphs_on(ctx, b, para.line)
    others = [
        ln
        for kind, o, _n, _s, ln, _p in ctx.batch_phrases
        if ln > b.line and _batch_key("national", kind, o) != b.ref.key
    ]
    end = min(others, default=10**9)
    out: list[tuple[int, str]] = []
    after = False  # the sentences after the release's own, on its line too
    for p, off, s in _sentences(ctx.paras):
        ln = p.line_at(off)
        after = after or ln > b.line
        if after and ln < end and s != b.sentence:
            out.append((ln, s))
        after = after or (ln == b.line and s == b.sentence)
    return out


BATCH_SUBJECT_RE = re.compile(r"^(?:(?:the|this|that)\s+)?\s*$", re.IGNORECASE)
"""What may stand before a batch's name that opens a sentence as its subject ("The sixth batch of best practice
cases covered fewer items ...")."""


def _paragraphs_on(ctx: _Context, b: _ProseBatch, released_in: int) -> list[tuple[int, str]]:
    """In an edition, the sentences of a later paragraph about batch ``b``: one whose first sentence opens with the
    batch's name as its subject ("The sixth batch of best practice cases is grouped under ... . It includes ...");
    the paragraph lists the batch's cases as its release's own paragraph does."""
    out: list[tuple[int, str]] = []
    for kind, o, _n, s, ln, phrase in ctx.batch_phrases:
        at = s.find(phrase)
        if ln <= b.line or _batch_key("national", kind, o) != b.ref.key or not BATCH_SUBJECT_RE.match(s[:at] + " "):
            continue
        para = next((p for p in ctx.paras if p.line <= ln <= p.end_line and p.line > released_in), None)
        if para is None or not (sents := _para_sentences(para)) or sents[0][1] != s:
            continue
        out.extend((para.line_at(off), sent) for off, sent in sents if (para.line_at(off), sent) not in out)
    return out


BODY_ITEM_RE = re.compile(
    rf"\s+(?:(?:has|have|had|also|then)\s+)*{alternation(BODY_ITEM_VERBS)}\s+(?:the\s+)?[\"“](?P<name>[^\"“”]{{8,200}})[\"”]"
)
"""A national body's verb of spreading and the innovation it quotes: "... promoted the "A" experience"."""
BODY_VERB_QUOTE_RE = re.compile(rf"{alternation(BODY_ITEM_VERBS)}\s+(?:the\s+)?[\"“]")
BODY_ITEM_RESOLVED = "an innovation a national body spread, in the passage on the batch"
"""``resolved`` of the derived ``IN_BATCH`` edge of an innovation a body spread in a batch's passage."""


def _body_items(
    c: _Collector, ctx: _Context, b: _ProseBatch, after: list[tuple[int, str]]
) -> list[tuple[int, str, NodeRef, str]]:
    """The innovations a national body spread in the passage on batch ``b`` ("In the fourth batch of departmental
    experience, the Ministry of Ecology and Environment promoted the "A" experience", "... released the fifth batch
    ... The People's Bank of China promoted the "B" throughout the country, and the Ministry of Transport extended
    the "C" to all coastal ports"): each quoted after a body's verb of spreading (``BODY_ITEM_VERBS``), with its line,
    sentence and body. The passage is, in an edition, the release's paragraph and a sentence naming the batch (a
    text's are read by pass ``prose-batch-items``)."""
    if not ctx.edition:
        return []  # a text's sentences on a batch are read by pass ``prose-batch-items``
    sents = [(ln, s) for kind, o, _n, s, ln, _p in ctx.batch_phrases if _batch_key("national", kind, o) == b.ref.key]
    sents += [(b.line, b.sentence), *after]
    out: list[tuple[int, str, NodeRef, str]] = []
    for line, s in dict.fromkeys(sents):
        if not BODY_VERB_QUOTE_RE.search(s):
            continue  # a quick test before the bodies are looked up
        for m in c.gaz.find_bodies(s):
            ref = c.gaz.body_ref(m.key)
            q = BODY_ITEM_RE.match(s, m.end)
            if q is None or ref is None or ref.level == "local" or not (body := c.body(m.key, line, s, m.text)):
                continue
            out.append((line, s, body, " ".join(q.group("name").split())))
    return out
