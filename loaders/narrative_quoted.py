"""Quoted names and joint lists: partly quoted names, organisations as subjects, bold case titles,
joint clause lists and ``This has resulted in a ... model``; used by the zone-case rules of
:data:`loaders.narrative.RULES`.
"""

from __future__ import annotations

import re

from pftz.loaders.lexicon import CASE_HEADS, QUOTED_HEADS_MORE, TITLE_WORDS, TITLE_WORDS_MORE, alternation
from pftz.loaders.narrative_cases import chain, looks_like_innovation
from pftz.loaders.narrative_facts import CASE_VERBS, PROPER_WORDS, SEP_RE, SUBJECT_WORDS, Actor, Sentence, is_case_name
from pftz.loaders.narrative_practice_names import DOCUMENT_WORD_RE
from pftz.loaders.quotes import Quoted

# --------------------------------------------------------------------------- quoted names and joint lists
_HEAD_WORDS = "|".join((*CASE_HEADS, *QUOTED_HEADS_MORE))
_HEAD_AFTER_RE = re.compile(rf"^\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{_HEAD_WORDS})s?\b")
"""A quote followed by up to two lower-case words and a head noun: ``"Chip–Optics Chain" online trading platform``."""
_HEAD_BEFORE_RE = re.compile(
    rf"\b(?:the|a|an|its|their|new|pilot|first)\s+(?P<pre>(?:[\w–-]+\s+){{0,3}}?(?:{_HEAD_WORDS})s?\s+(?:for|of)\s+)$"
)
"""A quote after its head noun: ``a comprehensive service platform for "going global"``."""
_MODIFIER_BEFORE_RE = re.compile(r"\b(?:the|a|an|its|their)\s+(?P<pre>(?:[\w-]+\s+){1,2}?)$")
"""Modifiers between the article and the quote: ``an FTA benefit-oriented "One-Click Access" smart platform``."""
_OPENING_PRONOUN_RE = re.compile(r"^(?:[A-Z][^,;]{0,80},\s*)?(?:it|they|It|They)\s+(?:has\s+|have\s+|had\s+)?")
_VERB_GAP_RE = re.compile(rf"\b{CASE_VERBS}\s+(?:(?:the|a|an|its|new|first|pilot|nation's|country's|China's)\s+)*$")
_TITLE_HEAD_RE = re.compile(rf"\b(?:{_HEAD_WORDS})s?\b", re.IGNORECASE)
_DOC_WORD_RE = re.compile(rf"\b{alternation((*TITLE_WORDS, *TITLE_WORDS_MORE))}\b")
_ORG_SUBJECT_RE = re.compile(
    r"(?:The|the)\s+(?P<org>[A-Z][\w'’–-]*(?:\s+(?:[A-Z][\w'’()–-]*|of|for|and|on|the))*)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?[a-z]"
)
"""A sentence opening with an organisation, up to its verb: ``The Haixia Equity Exchange has continuously e``."""
_NATIONAL_BODY_RE = re.compile(
    r"\b(?:Ministry|State Council|State Administration|General Administration|People's Bank|Central|National|"
    r"China Securities|Supreme)\b"
)
"""A national body is not a body of the zone whose paragraph names it."""
_ANY_QUOTE_RE = re.compile('["“”]')
_SINGLE_QUOTE_RE = re.compile(r"(?<![\w])['‘]|['’](?![\w])")


def title_case(name: str) -> bool:
    """Whether most content words of a name are capitalised (a proper name, see :func:`is_case_name`)."""
    words: list[str] = [w for w in re.findall(r"[\w'’+-]+", name) if w.lower() not in PROPER_WORDS]
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 2 and caps >= 0.7 * len(words)


def _partly_quoted(text: str, q: Quoted) -> tuple[str, int]:
    """The printed phrase of a partly quoted name and where it starts (``("", q.start)`` when none)."""
    name = q.name.replace('"', "").strip()
    head = text[max(0, q.start - 90) : q.start]
    if head.endswith(("for ", "of ")) and (pm := _HEAD_BEFORE_RE.search(head)):
        return f"{pm.group('pre')}{name}".strip(), q.start - len(pm.group("pre"))
    am = _HEAD_AFTER_RE.match(text[q.end :])
    if not am or (title_case(q.name) and len(am.group(0).split()) < 2):
        return "", q.start  # a brand right before its head noun is a product: the "Single Window" platform
    pre = ""
    if (mm := _MODIFIER_BEFORE_RE.search(head[-40:])) and not re.search(
        rf"\b(?:{CASE_VERBS}|new|pilot|first|nation's|country's|China's)\s", mm.group("pre")
    ):
        pre = mm.group("pre")
    rest = text[q.end + am.end() :]
    more = re.match(r"\s+(?:for|of)(?:\s+(?!(?:which|that|to|and|in)\b)[\w'’&+–-]+){1,8}", rest)
    tail = more.group(0) if more and not re.search(r"\b(?:by|with|through|thereby)\b", more.group(0)) else ""
    return f"{pre}{name}{am.group(0)}{tail}".strip(), q.start - len(pre)


def partly_quoted_name(text: str, q: Quoted) -> str:
    """The printed phrase of a name of which only a part is quoted, ``""`` when the quote stands alone.

    Accepts a quote followed by at most two lower-case words and a head noun
    (``"Chip–Optics Chain" online trading platform``, ``"one-time entry,
    simultaneous declaration" customs clearance model``; a quote in title
    case needs at least one such word: the ``"Single Window" platform`` is a
    product, not a case), with up to two
    modifiers after the article (``an FTA benefit-oriented "One-Click Access"
    smart platform``) and a ``for``/``of`` phrase after the head noun (``a
    pilot "whitelist" system for the import of such items``); and a quote after
    its head noun (``a comprehensive service platform for "going global"``).
    Rejects a quote with neither (a name quoted whole, a description).

    Examples
    --------
    >>> from pftz.loaders.quotes import quoted_spans
    >>> s = 'Hubei PFTZ established the "Chip–Optics Chain" online trading platform, a public platform.'
    >>> partly_quoted_name(s, quoted_spans(s)[0])
    'Chip–Optics Chain online trading platform'
    >>> s = 'It launched a comprehensive service platform for "going global", which integrates'
    >>> partly_quoted_name(s, quoted_spans(s)[0])
    'comprehensive service platform for going global'
    """
    return _partly_quoted(text, q)[0]


def case_partly_quoted(s: Sentence, q: Quoted, prior: Actor | None, last_subject: Actor | None) -> str:
    """The printed name of a partly quoted case (:func:`partly_quoted_name`) whose subject the caller resolves.

    Accepts an innovation verb (and at most an article and ``new``/``first``/
    ``pilot``) right before the phrase, whose subject is the last zone before
    it (``prior``: at most 25 words earlier, no semicolon) or ``it``/``they``
    opening the sentence, after an introductory phrase too (``In collaboration
    with Singapore, it has piloted a "..." model``), continuing the
    paragraph's subject zone. Rejects a quote naming a document (``Plan``,
    ``Measures`` ...). Returns ``""`` when it does not apply.
    """
    full, start = _partly_quoted(s.text, q)
    if not full or _DOC_WORD_RE.search(q.name) or not _VERB_GAP_RE.search(s.text[max(0, start - 60) : start]):
        return ""
    if any(o.end <= start and (prior is None or o.start > prior.end) for o in s.quotes):
        return ""  # a quoted name between subject and phrase is the subject: X's "A" establishes a "b" system
    if prior is not None:
        gap = s.text[prior.end : start]
        return full if ";" not in gap and len(gap.split()) <= 25 else ""
    return full if last_subject is not None and _OPENING_PRONOUN_RE.match(s.text) else ""


def case_org_subject(s: Sentence, q: Quoted, last_subject: Actor | None) -> Actor | None:
    """``The Haixia Equity Exchange ... launched the "Cross-Straits Integration Service"``: a body of the zone acts.

    Accepts a sentence that opens with an organisation (``The`` and a proper
    name in title case), names no zone itself, and has an innovation verb (and
    at most an article) right before the quote, inside a paragraph whose
    subject is one zone: the case is that zone's. A title-case quote must name
    a head noun (``Service``, ``Window``, ``Platform`` ...) and no document
    word (``Plan``, ``Measures``, ``Initiative`` ...); a lower-case one must
    look like an innovation (:func:`looks_like_innovation`). Rejects a
    national body (``the Ministry of ...``, ``the People's Bank of China``:
    not the zone's) and a quote followed by ``to "..."`` (an old state
    upgraded to a new one).
    """
    if last_subject is None or len(last_subject.keys) != 1 or s.actors:
        return None
    if not (om := _ORG_SUBJECT_RE.match(s.text)) or _NATIONAL_BODY_RE.search(om["org"]):
        return None
    if not _VERB_GAP_RE.search(s.text[max(0, q.start - 60) : q.start]):
        return None
    if re.match(r"\s+(?:[\w-]+\s+){0,2}?to\s+[\"“]", s.text[q.end :]) or _DOC_WORD_RE.search(q.name):
        return None
    if title_case(q.name):
        return last_subject if _TITLE_HEAD_RE.search(q.name) else None
    return last_subject if is_case_name(q.name, s.text, q) and looks_like_innovation(s, q) else None


BOLD_RE = re.compile(r"\*\*(?P<body>[^*]+?)(?:\*\*|$)")
_BOLD_OBJECT_RE = re.compile(
    rf"(?:'s|’s)?\s+(?:has\s+|have\s+)?(?:(?:also|\w+ly)\s+)?(?P<verb>{CASE_VERBS})\s+"
    r"(?:(?:the|a|an|its|China's|the nation's|the country's|nation's|country's|first|new)\s+)*"
)


def case_bold_title(s: Sentence) -> list[tuple[Actor, str]]:
    """``**Chongqing PFTZ establishes a 'four teams' working mechanism for ...**``: a bold case title.

    Accepts a bold span that opens with a zone (or a list of zones), followed
    by an innovation verb: the name is the object, from after its article (and
    ``China's first``) to the end of the bold span, commas included, single
    quotes dropped. Rejects a span whose object holds a double quote (the
    quoted rules read those), names a document, or has fewer than three or
    more than thirty words. The caller leaves the quotes in the rest of the
    title's sentence unread as names: they describe the titled case.
    """
    out: list[tuple[Actor, str]] = []
    if not s.actors or "**" not in s.original:
        return out
    for m in BOLD_RE.finditer(s.original):
        body_start = m.start("body")
        first = [a for a in s.actors if a.start >= body_start and not s.text[body_start : a.start].strip()]
        if not first:
            continue
        actor = first[0]
        for a in s.actors[s.actors.index(actor) + 1 :]:
            if not SEP_RE.fullmatch(s.text[actor.end : a.start]):
                break
            actor = chain(s, a)
        om = _BOLD_OBJECT_RE.match(s.text, actor.end)
        if not om or om.end() > m.end("body"):
            continue
        name = s.original[om.end() : m.end("body")].strip().rstrip(".,;: ")
        if _ANY_QUOTE_RE.search(name) or _DOC_WORD_RE.search(name) or not 3 <= len(name.split()) <= 30:
            continue
        out.append((actor, _SINGLE_QUOTE_RE.sub("", name).strip()))
    return out


_ACTIVITY_RE = re.compile(
    r"(?:explorations?|efforts?|collaboration|cooperation|work|measures|such|launch of|broadening|expanding)\b",
    re.IGNORECASE,
)
_OBJECT_PRONOUNS = frozenset({"it", "its", "their", "they", "this", "these", "such", "more", "various", "multiple"})


def named_object(name: str) -> bool:
    """Whether an unquoted object names a practice: two to sixteen words, not an activity, pronoun or document.

    Rejects ``efforts to ...``, ``cooperation with ...`` (activities), ``its ...``/``these ...``, a name
    with a quote left in it and one naming a document (``Plan``, ``Measures``, ``Opinions`` ...).
    """
    words = name.split()
    if not 2 <= len(words) <= 16 or not words[0][:1].isalpha() or words[0].lower() in _OBJECT_PRONOUNS:
        return False
    if _ANY_QUOTE_RE.search(name) or _ACTIVITY_RE.match(name):
        return False
    return not DOCUMENT_WORD_RE.search(name)


_CLAUSE_VERB = r"(?:[a-z]+ed|built|set up|made|undertook|led|won|began)"
_CLAUSE_START_RE = re.compile(
    rf"\s*(?:'s\s+)?(?:has\s+|have\s+|had\s+)?(?:(?:also|jointly|\w+ly)\s+)*(?P<verb>{_CLAUSE_VERB})\s+"
)
_CLAUSE_SPLIT_RE = re.compile(rf",\s*(?:and\s+)?(?:(?:also|jointly|\w+ly)\s+)*(?={_CLAUSE_VERB}\s+[\w\"“])")
_CLAUSE_END_RE = re.compile(r"\s(?:to|which|that|thereby|so as|in order)\s|,\s*(?:thereby|which|[a-z]+ing)\b|\.$")
_AREA_OF_RE = re.compile(
    r"\s*,?\s*and\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,4}(?:Areas?|Zones?|Section)\s+of\s+(?:the\s+)?"
)
"""``Yunnan PFTZ and Lin-gang Special Area of Shanghai PFTZ``: an area of the next zone joined by ``and``."""
_GROUP_SUBJECT_RE = re.compile(r"^(?:They|These PFTZs|The (?:two|three|four|five|six|seven|eight|nine) PFTZs)\b")


def case_joint_clauses(s: Sentence, last_subject: Actor | None) -> list[tuple[Actor, str, tuple[int, ...]]]:
    """Joint cases of a list of clauses whose subject is several zones.

    ``Sichuan and Chongqing PFTZs ... They have released 10 collaborative
    innovations, launched the "..." reform for ..., explored ..., established
    a "five-end" collaborative mechanism for ...``: each clause's object is
    one joint case of all the zones. Accepts a subject naming two or more
    zones at the sentence's start (or ``They``/``The three PFTZs`` continuing
    such a subject) followed by a verb, and either three or more clauses or
    ``jointly`` (``Yunnan PFTZ and Lin-gang Special Area of Shanghai PFTZ have
    jointly promoted the ...``). A clause is split at a comma followed by a
    past-tense verb, so an object may hold commas (``joint development,
    protection, and enforcement of ...``); its name runs to ``to``/``which``
    or the sentence end, quotes dropped, article dropped. Rejects an object
    that opens with a number (``released 10 collaborative innovations``), an
    activity, a pronoun or a document (see :func:`named_object`).

    Returns
    -------
    list of (Actor, str, tuple of int)
        The subject, each name, and the offsets of the quotes inside it.
    """
    out: list[tuple[Actor, str, tuple[int, ...]]] = []
    if not (len(s.actors) > 1 or any(len(a.keys) > 1 for a in s.actors) or s.text.startswith(("They", "The"))):
        return out  # no several zones, no pronoun: nothing joint (a cheap test first)
    subject: Actor | None = None
    at = 0
    head = [a for a in s.actors if len(s.text[: a.start].split()) <= SUBJECT_WORDS]
    if head:
        chained = head[0]
        for a in s.actors[s.actors.index(head[0]) + 1 :]:
            gap = s.text[chained.end : a.start]
            if not (SEP_RE.fullmatch(gap) or _AREA_OF_RE.fullmatch(gap)):
                break
            chained = Actor(chained.start, a.end, tuple(dict.fromkeys(chained.keys + a.keys)))
        if len(chained.keys) > 1:
            subject, at = chained, chained.end
    elif last_subject is not None and len(last_subject.keys) > 1 and (gm := _GROUP_SUBJECT_RE.match(s.text)):
        subject, at = last_subject, gm.end()
    if subject is None:
        return out
    vm = _CLAUSE_START_RE.match(s.text, at)
    if not vm:
        return out
    body = s.text[vm.start("verb") :]
    seps = list(_CLAUSE_SPLIT_RE.finditer(body))
    bounds = zip([0, *(m.end() for m in seps)], [*(m.start() for m in seps), len(body)], strict=True)
    clauses = [(vm.start("verb") + a, body[a:b]) for a, b in bounds]
    jointly = "jointly" in s.text[at : vm.end()]
    if len(clauses) < 3 and not jointly:
        return out
    for off, clause in clauses:
        cm = re.match(rf"(?:(?:also|jointly|\w+ly)\s+)*{_CLAUSE_VERB}\s+(?:(?:the|a|an|its)\s+)?", clause)
        if not cm:
            continue
        obj = clause[cm.end() :].rstrip(" ,")
        if em := _CLAUSE_END_RE.search(obj):
            obj = obj[: em.start()]
        name = re.sub(r"\s+", " ", _ANY_QUOTE_RE.sub("", obj)).strip(" ,.")
        if not name or name[:1].isdigit() or re.match(r"(?:\w+\s+)?batch(?:es)?\b", name) or not named_object(name):
            continue
        quotes = tuple(q.start for q in s.quotes if off <= q.start < off + len(clause))
        out.append((subject, name, quotes))
    return out


ORIGIN_PHRASE_RE = re.compile(
    r"^(?:This|It|These efforts)\s+(?:has\s+|have\s+)?(?:resulted in|led to|produced|formed|created)\s+"
    r"(?:a|an|the)\s+(?P<name>[a-z][\w\s'’-]*?\b(?:" + _HEAD_WORDS + r")s?\b(?:\s+(?:for|of)\s+[^,.;:]+?)?)(?=[,.;:]|$)"
)


def case_resulted_in(s: Sentence, last_subject: Actor | None) -> str:
    """``This has resulted in a reform model for the ownership of ...``: a result that names a practice.

    Accepts a sentence opening with ``This``/``It`` and ``resulted in``,
    ``led to``, ``produced``, ``formed`` or ``created`` followed by a noun
    phrase ending in a head noun (``model``, ``mechanism`` ...) and an
    optional ``for``/``of`` phrase up to the next punctuation; the paragraph's
    subject zone is the origin (the caller checks). Returns ``""`` otherwise.
    """
    if last_subject is None or not s.text.startswith(("T", "I")):
        return ""
    m = ORIGIN_PHRASE_RE.match(s.text)
    return m.group("name").strip() if m else ""
