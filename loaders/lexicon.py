"""The report's words: one list per kind of word, one home.

The narrative rules (:mod:`loaders.narrative`) build their patterns from
these lists, so a new phrasing is often a new word here, not a new rule.
Nothing here names an edition's layout (titles, tables, headings); these
are the words of the language the reports are written in.

Each list is a tuple of lower-case words or phrases unless said otherwise;
:func:`alternation` turns one into a regular-expression alternation
(longest first, so ``joint conference mechanism`` wins over ``mechanism``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# --------------------------------------------------------------------------- heading words
CROSS_REGIONAL_HEADING = "cross-regional"
"""A chapter whose heading holds this word tells cross-regional cooperation: its cases are cross-regional."""

CASES_PART_HEADING = "institutional innovation"
"""The part whose heading holds these words tells the zones' cases (an item heading there may name one)."""

# --------------------------------------------------------------------------- ordinals and counts
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
"""Ordinal words, in order (``third`` is 3)."""


# --------------------------------------------------------------------------- verbs


CO_ACTOR_WORDS = ("together with", "jointly with", "in conjunction with", "in cooperation with", "alongside")
"""Words that join a co-actor to a subject: ``X PFTZ, together with Y PFTZ, established ...``."""

CO_WORK_VERBS = ("worked with", "cooperated with", "collaborated with", "teamed up with", "partnered with")
"""Verbs by which a zone works on an innovation with another: ``X PFTZ worked with Y PFTZ on a "..." scheme``."""

PASSIVE_ADOPT_VERBS = (
    "replicated",
    "replicated and scaled up",
    "replicated and promoted",
    "replicated and applied",
    "scaled up",
    "adopted",
    "taken up",
    "picked up",
    "rolled out",
    "extended",
    "applied",
    "copied",
    "borrowed",
    "emulated",
    "promoted and applied",
    "introduced",
    "promoted",
    "learned from",
    "learnt from",
    "learned",
    "learnt",
    "drawn on",
    "drawn upon",
    "taken as a reference",
    "taken as a model",
    "adapted",
)
"""Past participles of a passive adoption, the adopter after them: ``"<name>" has been taken up by <province>``,
``the "<name>" model has been learned by the FTZs in X and Y``."""

BY_ADOPT_VERBS = (
    "replicated", "adopted", "taken up", "picked up", "copied", "borrowed", "emulated", "learned from", "learnt from",
    "learned", "learnt", "drawn on", "drawn upon", "taken as a reference", "taken as a model", "adapted",
)  # fmt: skip
"""Of :data:`PASSIVE_ADOPT_VERBS`, those whose ``by <X>`` names the adopter (``launched by`` names the origin)."""

INTO_ADOPT_VERBS = ("introduced", "promoted")
"""Of :data:`PASSIVE_ADOPT_VERBS`, those that adopt only with ``to``/``in``/``into`` and a named origin before
(``"<name>" was introduced in Shanghai PFTZ`` alone tells where it began)."""

PILOT_VERB_FORMS = (
    "pioneer(?:ed|s)", "launch(?:ed|es)", "introduc(?:ed|es)", "establish(?:ed|es)", "creat(?:ed|es)",
    "buil(?:t|ds)", "develop(?:ed|s)", "explor(?:ed|es)", "implement(?:ed|s)", "pilot(?:ed|s)", "set up", "sets up",
    "roll(?:ed|s) out", "complet(?:ed|es)", "facilitat(?:ed|es)", "accomplish(?:ed|es)", "process(?:ed|es)",
    "promot(?:ed|es)", "handl(?:ed|es)", "carri(?:ed) out", "carries out", "initiat(?:ed|es)", "open(?:ed|s)",
    "form(?:ed|s)", "innovat(?:ed|es)", "advanc(?:ed|es)", "conduct(?:ed|s)", "provid(?:ed|es)", "deploy(?:ed|s)",
    "upgrad(?:ed|es)", "resulted in", "include[sd]?", "puts? in(?:to)? place", r"contribut(?:ed|es)(?!\s+to\b)",
    "puts? forward",
    r"(?:is|was)\s+the\s+(?:source|origin|birthplace)\s+of",
    r"support(?:ed|s)\s+(?:[\w-]+\s+){1,3}?in\s+(?:conducting|launching|carrying out|piloting|establishing|developing)",
)  # fmt: skip
"""Verbs of piloting, as patterns of their forms (past, present): a zone's object after them may name a practice
(``include`` for ``These include ...``; ``The X Area contributed a ...``, ``the Y Area is the source of a ...``)."""

PILOT_PARTICIPLES = (
    "establishing", "creating", "facilitating", "launching", "introducing", "building", "developing", "exploring",
    "piloting", "pioneering", "setting up", "forming", "opening", "rolling out", "implementing", "deploying",
)  # fmt: skip
"""Participles that continue a clause with another practice (``..., establishing a ... mechanism``)."""

PILOT_INFINITIVES = (
    "provide", "establish", "launch", "create", "build", "develop", "explore", "pilot", "introduce", "set up", "open",
    "implement",
)  # fmt: skip
"""Infinitives of purpose that continue a clause with a practice (``partnered with X to provide ...``)."""

CASE_VERB_STEMS = (
    "implement", "introduc", "pioneer", "launch", "establish", "creat", "develop", "explor", "promot", "adopt",
    "buil", "set up", "sets up", "roll", "innovat", "pilot", "appl", "carr", "form", "put", "achiev", "complet",
    "facilitat", "accomplish", "upgrad", "advanc", "enabl", "optimi", "refin", "construct", "deploy", "streamlin",
    "expand", "extend", "offer", "provid", "take", "took", "led", "lead", "produc", "contribut", "opened", "maintain",
    "operat", "devis", "design", "invent", "institut", "craft", "inaugurat",
)  # fmt: skip
"""Stems of the verbs by which a zone makes a quoted innovation its own (``launched "<name>"``, ``devised``,
``designed``, ``instituted``)."""

REPLICATE_PATTERNS = (
    r"replicat\w* and scal\w* up", "replication and scaling of", r"learn\w* from", r"disseminat\w*",
)  # fmt: skip
"""Verbs of replicating and scaling up, as patterns: ``<adopter> replicated and scaled up "<name>"``."""

LAUNCH_PARTICIPLES = (
    "launched", "developed", "introduced", "piloted", "created", "established", "pioneered", "designed", "built",
    "set up", "initiated", "explored", "tried", "trialled", "trialed", "first used", "first applied", "originated",
)  # fmt: skip
"""Participles of an appositive that names a practice's zones: ``A <practice>, jointly launched by X PFTZ, ...``
(``used`` and ``applied`` only after ``first``: ``used by`` alone names a user, not the origin)."""

RELATIVE_PILOT_VERBS = (
    "launched", "developed", "piloted", "created", "established", "pioneered", "designed", "built", "set up",
    "initiated", "explored", "trialled", "trialed", "implemented", "put in place", "rolled out", "devised",
    "put forward", "came up with", "started",
)  # fmt: skip
"""Verbs by which a zone, as the subject of a relative clause, made the practice before it its own (``the "<name>"
service, which Shandong FTZ piloted in Qingdao``); not ``introduced`` nor ``adopted`` (a zone may introduce what
another made)."""

ACTIVE_ADOPT_VERBS = (
    "adopted",
    "has adopted",
    "have adopted",
    "drew on",
    "drew upon",
    "drawing on",
    "has drawn on",
    "have drawn on",
    "learned from",
    "learnt from",
    "has learned from",
    "have learned from",
    "borrowed",
    "has borrowed",
    "emulated",
    "has emulated",
    "replicated",
    "has replicated",
    "have replicated",
    "copied",
    "introduced",
    "has introduced",
    "took as a reference",
    "took as reference",
    "took up",
    "has taken up",
    "have taken up",
    "picked up",
    "has picked up",
    "has taken as a reference",
    "took as a model",
    "following the example of",
    "following the practice of",
    "drawing on the experience of",
    "learning from",
    "inspired by",
    "modelled",
    "modeled",
    "referenced",
    "referencing",
    "with reference to",
    "has used",
    "have used",
)
"""Active verbs of an adopter taking up another's named innovation: ``Gansu Province drew on "<name>" of X PFTZ``."""

REFERENCE_VERBS = ("took", "has taken", "have taken", "taking", "takes", "used", "has used", "treated")
"""Verbs of ``took "<name>" of X PFTZ as a reference``, with :data:`REFERENCE_PHRASES` after the name."""

REFERENCE_PHRASES = (
    "as a reference",
    "as its reference",
    "as a model",
    "as an example",
    "as a template",
    "for reference",
)
"""What makes a verb of :data:`REFERENCE_VERBS` an adoption."""

CITY_ANAPHORA = ("city", "municipality", "prefecture")
"""Head nouns of a subject standing for the city the text last named as a subject (``The city also learned from
...``, ``The Yangtze River port city in June adopted ...``)."""

CITY_OWN_PARTS = ("zone", "district", "park", "port", "county", "bureau", "government", "centre", "center")
"""Head nouns of a part of that city in a possessive subject (``Its high-tech zone introduced ...``): the city
acts through it."""

ANAPHORA = (
    "this model",
    "the model",
    "this practice",
    "the practice",
    "this mechanism",
    "the mechanism",
    "this approach",
    "the approach",
    "this reform",
    "the reform",
    "this innovation",
    "the innovation",
    "this experience",
    "this initiative",
    "the initiative",
    "this system",
    "the system",
    "this measure",
    "the measure",
    "this service",
    "this platform",
    "the platform",
    "this arrangement",
    "the arrangement",
    "these arrangements",
    "this joint innovation",
    "the joint innovation",
    "it",
    "such practices",
    "these practices",
    "the channel",
    "this channel",
    "the service",
    "the scheme",
    "this scheme",
    "the window",
    "the regime",
    "this regime",
    "the centre",
    "this centre",
    "the procedure",
    "this procedure",
    "the center",
    "this center",
    "the list",
    "this list",
)
"""Subjects that stand for the innovation named just before: ``This model has been replicated across <province>``."""

LIKENESS_ANAPHORA = (
    "comparable arrangements",
    "similar arrangements",
    "similar models",
    "similar practices",
    "similar mechanisms",
    "a similar model",
    "a similar practice",
    "a similar mechanism",
    "the same model",
    "the same practice",
)
"""Subjects that stand for a copy of the innovation named before: ``comparable arrangements had appeared in <zone>``."""

SPREAD_VERBS = ("appeared", "emerged", "spread")
"""Intransitive verbs by which a copy of an innovation reaches a place (``had appeared in``, ``has spread to``)."""

GENERIC_PLURALS = ("innovations", "measures", "practices", "experiences", "cases", "achievements", "outcomes")
"""Plural heads of a batch or group of innovations, not one (``collaborative institutional innovations``)."""

EXAMPLE_LEADS = ("for example", "for instance", "among them", "these include", "they include", "examples include")
"""Openings of a sentence naming examples of what the sentence before told (``For example, the "..." ...``)."""

NATIONAL_SCOPES = (
    "nationwide",
    "across the country",
    "throughout the country",
    "the whole country",
    "the entire country",
    "the country",
    "all PFTZs",
    "all pilot free trade zones",
)
"""Scopes of a national replication (read by the national batches, not as one adopter)."""

# --------------------------------------------------------------------------- scopes
PROVINCE_SCOPES = (
    "province-wide",
    "provincewide",
    "region-wide",
    "across the province",
    "across the region",
    "throughout the province",
    "throughout the region",
    "across the entire province",
    "across the whole province",
    "across its province",
    "throughout its province",
    "across their provinces",
    "across the respective provinces",
    "in the whole province",
    "across the municipality",
    "city-wide",
    "citywide",
)
"""Phrases of a replication over the zone's own province."""

DESIGNATED_SCOPES = ("specific regions", "designated areas", "eligible areas", "certain areas")
"""Phrases of a replication to designated areas of a province."""

# --------------------------------------------------------------------------- nouns
CASE_HEADS = (
    "model", "mechanism", "service", "system", "platform", "reform", "approach", "initiative", "program",
    "programme", "pilot", "scheme", "window", "module", "regime", "practice", "method", "mode", "registry",
    "procedure", "ledger", "index", "protocol", "framework",
)  # fmt: skip
"""The nouns a named case ends in (``... supervision model``, ``a "one-day start-up" procedure``, ``a shared
ledger``, ``a joint price index``); each rule adds the ones its own form allows."""

PRACTICE_HEADS_MORE = (
    "base", "zone", "channel", "business", "case", "project", "transaction", "payment", "settlement",
    "transfer", "subcenter", "list", "scenario", "application", "sandbox", "lane", "database", "arrangement",
    "centre", "center", "permit", "loan", "hall", "desk", "counter",
)  # fmt: skip
"""Head nouns a named practice may end in besides :data:`CASE_HEADS`: what the text builds, not an activity."""

SITE_HEADS = ("hall", "desk", "counter")
"""Of :data:`PRACTICE_HEADS_MORE`, the places where a practice serves the public (``set up a joint customs and tax
service hall``): a named practice when a zone sets one up, but the outcome of the case told before when a sentence
says ``This has resulted in the establishment of a ... hall``."""

TITLED_CASE_HEADS = ("initiative", "model", "mechanism", "reform", "program", "programme", "pilot")
"""Head nouns after a quoted title that make it a case (``the "Easy Offshore" initiative``)."""

QUOTED_HEADS_MORE = ("management", "supervision", "channel", "center", "centre", "base", "hub", "list")
"""Head nouns after or before a partly quoted name besides :data:`CASE_HEADS`."""

QUANTITY_WORDS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "several", "some", "many",
    "numerous", "multiple",
)  # fmt: skip
"""Words of a count before a noun: an object that counts things is no named practice."""

BODY_NOUNS = (
    "institution", "institutions", "organization", "organizations", "association", "federation", "foundation",
    "station",
)  # fmt: skip
"""Nouns in ``-tion`` that name a body or a place, not an action (``the first ... research institution``)."""

BOUNDARY_WORDS = (
    "of", "for", "in", "on", "to", "as", "with", "between", "among", "across", "under", "over", "into", "from",
    "at", "via", "through", "by", "within", "involving", "concerning", "adopting", "targeting", "connecting",
    "including", "covering", "featuring", "using", "linking", "serving", "based", "aligned", "settled", "oriented",
    "combining", "allowing", "enabling", "letting", "offering", "providing", "like",
)  # fmt: skip
"""Words that end a noun phrase's pre-head part (prepositions, post-modifying participles)."""

FIXED_COMPOUNDS = ("bill of lading", "bills of lading", "letter of credit", "letters of credit")
"""Nouns of trade whose ``of`` ends no pre-head part (``a rail-sea bill of lading financing service``: its head is
``service``)."""

NOT_FIRST_WORDS = (
    "it", "its", "their", "they", "this", "these", "such", "more", "various", "multiple", "over", "and", "or",
    "all", "first", "into", "to", "in", "of", "for", "with", "on", "at", "from", "by", "through", "as", "other",
    "related", "relevant", "similar", "comparable",
)  # fmt: skip
"""Words that cannot start a named practice (``a similar ... centre``: a copy of one named elsewhere)."""

ACTION_NOUNS = (
    "establishment", "launch", "creation", "construction", "introduction", "development", "signing",
    "inauguration", "implementation", "use", "operation", "application",
)  # fmt: skip
"""Action nouns before the practice they act on (``the establishment of the ... Base``)."""

ADVERBS = (
    "also", "actively", "further", "successfully", "innovatively", "continuously", "vigorously", "proactively",
    "jointly", "officially", "recently", "fully", "gradually", "steadily", "comprehensively", "first",
)  # fmt: skip
"""Adverbs between a subject and its verb (``has actively explored``)."""

BEFORE_PHRASES = ("Prior to the reform", "Previously", "Before the reform", "In the past", "Under the previous")
"""Openings of a sentence telling a case's old state (case kept)."""

AFTER_PHRASES = ("Following the reform", "After the reform", "Following this reform", "Now")
"""Openings of a sentence telling a case's new state (case kept)."""


BODY_HEADS = (
    "alliance",
    "joint conference mechanism",
    "joint conference",
    "cooperation mechanism",
    "coordination mechanism",
    "linkage mechanism",
    "cooperation platform",
    "demonstration zone",
    "cooperation zone",
    "consortium",
    "league",
)
"""Head nouns of a body of several members (an :attr:`~ground.schema.Label.ALLIANCE`), as printed
capitalised in its name: ``Yangtze River Delta PFTZ Alliance``, ``Joint Conference Mechanism for
the Beijing-Tianjin-Hebei PFTZs``, ``Collaborative Opening-up Demonstration Zone of Sichuan PFTZ and
Chongqing PFTZ``. A joint innovation (a model, a reform of several zones) is none of these."""

BODY_REFERENCE_HEADS = ("alliance", "mechanism", "platform")
"""Head words by which a text refers back, in lower case, to a body of several members it named before (``released
on behalf of the mechanism a first batch of ...``)."""

RELEASE_REFERENCE_HEADS = ("measures", "innovations", "items", "list", "outcomes")
"""Nouns by which a sentence refers back to what a body of several members released, its subject listing the items:
``The measures include A, B and C``, ``Other items on the list include ...``."""

LOWER_BODY_HEADS = ("joint conference mechanism", "cooperation platform", "alliance", "demonstration zone")
"""Of :data:`BODY_HEADS`, those that name a body even printed in lower case after a founding verb (``set up a
joint conference mechanism for ...``); a lower-case ``coordination mechanism`` is a joint innovation."""

BODY_KIND = {
    "alliance": "alliance",
    "league": "alliance",
    "consortium": "alliance",
    "joint conference": "joint conference",
    "demonstration zone": "demonstration zone",
    "cooperation zone": "demonstration zone",
    "cooperation platform": "cooperation platform",
}
"""The kind of body a head noun names (a head not listed here is a ``mechanism``)."""


# --------------------------------------------------------------------------- title words
TITLE_WORDS = ("Plan", "Measures", "Opinions", "Notice", "Regulations", "Rules", "Guidelines")
"""Capitalised words that mark a document title (as printed, case kept): the one list of title words."""

TITLE_WORDS_MORE = ("Edition", "Law", "Catalogue", "Initiative", "Outline")
"""Words of a quoted title that is no case name, besides :data:`TITLE_WORDS`."""

JOINT_TITLE_WORDS = ("Initiative", "Declaration", "Agreement", "Circular", "Decision", "Requirements", "Specifications",
                     "Standards", "Consensus")  # fmt: skip
"""Words of a title of a document several zones issued together, besides :data:`TITLE_WORDS`."""


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first, each escaped.

    Examples
    --------
    >>> alternation(("alliance", "joint conference"))
    '(?:joint\\\\ conference|alliance)'
    """
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


def body_kind(name: str) -> str:
    """The kind of body a name's head noun says (:data:`BODY_KIND`); ``mechanism`` for another head.

    Examples
    --------
    >>> body_kind("Yangtze River Delta PFTZ Alliance")
    'alliance'
    >>> body_kind("Collaborative Opening-up Demonstration Zone of Sichuan PFTZ and Chongqing PFTZ")
    'demonstration zone'
    """
    low = name.lower()
    found = [(low.find(h), -len(h), h) for h in BODY_HEADS if h in low]
    if not found:
        return "mechanism"
    head = min(found)[2]
    return BODY_KIND.get(head, "mechanism")


SELECTION_VERBS = ("selected", "chosen", "included", "listed", "picked")
"""Passive verbs by which a body puts innovations into its batch ("were selected by the Ministry of
Commerce for the fifth batch of best practice cases")."""


AGENT_VERBS = ("issued", "released", "approved", "listed", "published", "promulgated", "announced", "launched")
"""Verbs by which a body acts on a document or a batch: the body that stands before one ("The General
Administration of Customs approved ...") or after one with "by" ("... replicated by the State Council")
is named as issuing, releasing or approving."""

AGENT_BY_VERBS = (
    *AGENT_VERBS, "replicated", "promoted", "selected", "formulated", "laid down", "set out", "deployed", "evaluated",
    "assessed", "evaluation", "assessment", "review",
)  # fmt: skip
"""Participles before "by <body>" that name the body as the one acting ("replicated by the State Council", "the
strategy laid down by the CPC Central Committee and the State Council"), and nouns of its act ("upon evaluation by
the Inter-ministerial Joint Conference ...")."""

AGENT_BY_GAPS = (
    r"(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", "nationwide", "jointly", "last (?:week|month|year)",
    "this (?:week|month|year)", r"in\s+(?:19|20)\d\d",
)  # fmt: skip
"""Words that may stand between a participle of acting and its ``by`` (patterns): ``a notice issued Thursday by the
<body>``, ``practices promoted nationwide by the <body>``."""

LEADING_GROUP_HEADS = ("Leading Group for", "Leading Group of", "Leading Group Office for", "Leading Group Office of")
"""Head words of a leading group, a body named after its task ("the Office of the Leading Group for PFTZ
Work of Guangdong Province"); no list of bodies can hold every province's."""


RELEASE_VERBS_OF_ZONE = ("released", "issued", "published", "unveiled", "launched", "listed", "included")
"""Verbs before "its <ordinal> batch" by which a zone (or its province) releases its own batch ("Hubei PFTZ
released its tenth batch of 28 institutional innovations")."""


__all__ = [
    "ACTION_NOUNS",
    "ACTIVE_ADOPT_VERBS",
    "ADVERBS",
    "AFTER_PHRASES",
    "AGENT_BY_GAPS",
    "AGENT_BY_VERBS",
    "AGENT_VERBS",
    "AGENT_VERBS_MORE",
    "ANAPHORA",
    "BATCH_COUNT_NOUNS",
    "BATCH_ITEM_TAILS",
    "BATCH_LIST_LEADS",
    "BATCH_NAME_ENDS",
    "BATCH_ORDER_VERBS",
    "BATCH_RELEASE_VERBS",
    "BATCH_SUBJECT_PRONOUNS",
    "BATCH_TITLE_VERBS",
    "BEFORE_PHRASES",
    "BODY_HEADS",
    "BODY_KIND",
    "BODY_NOUNS",
    "BODY_REFERENCE_HEADS",
    "BOUNDARY_WORDS",
    "BY_ADOPT_VERBS",
    "CARDINALS",
    "CASES_PART_HEADING",
    "CASE_HEADS",
    "CASE_VERB_STEMS",
    "CITY_ANAPHORA",
    "CITY_OWN_PARTS",
    "CO_ACTOR_WORDS",
    "CO_WORK_VERBS",
    "CROSS_REGIONAL_HEADING",
    "DESIGNATED_SCOPES",
    "EXAMPLE_LEADS",
    "FIRST_SINCE_WORDS",
    "FIXED_COMPOUNDS",
    "FOUNDED_BY_PARTICIPLES",
    "GENERIC_PLURALS",
    "INTO_ADOPT_VERBS",
    "ISSUING_VERBS",
    "ITEM_ORIGIN_VERBS",
    "JOINT_PLACE_HEADS",
    "JOINT_RUN_PARTICIPLES",
    "JOINT_TITLE_WORDS",
    "LAUNCH_PARTICIPLES",
    "LEADING_GROUP_HEADS",
    "LIKENESS_ANAPHORA",
    "LIST_SCOPE_VERBS",
    "LOWER_BODY_HEADS",
    "NAMING_PHRASES",
    "NATIONAL_SCOPES",
    "NOT_FIRST_WORDS",
    "NUMBER_FORMS",
    "ORDINALS",
    "ORDINALS_MORE",
    "PARTY_COMMITTEE_HEADS",
    "PARTY_NAMES",
    "PASSIVE_ADOPT_VERBS",
    "PILOT_INFINITIVES",
    "PILOT_PARTICIPLES",
    "PILOT_VERB_FORMS",
    "PRACTICE_HEADS_MORE",
    "PROVINCE_SCOPES",
    "QUANTITY_WORDS",
    "QUOTED_HEADS_MORE",
    "REFERENCE_PHRASES",
    "REFERENCE_VERBS",
    "RELATIVE_PILOT_VERBS",
    "RELEASE_REFERENCE_HEADS",
    "RELEASE_VERBS_OF_ZONE",
    "REPLICATE_PATTERNS",
    "ROMAN_NUMERALS",
    "SELECTION_VERBS",
    "SELECTION_VERBS_ACTIVE",
    "SITE_HEADS",
    "SPREAD_VERBS",
    "TITLED_CASE_HEADS",
    "TITLE_NAMING_WORDS",
    "TITLE_SMALL_WORDS",
    "TITLE_SMALL_WORDS_MORE",
    "TITLE_WORDS",
    "TITLE_WORDS_MORE",
    "alternation",
    "body_kind",
    "number_value",
]


# --------------------------------------------------------------------------- numbers and document structure
ROMAN_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
"""Roman numerals of headings, in order (``IV`` is 4)."""

CARDINALS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
"""Number words, in order (``three`` is 3): ``Part One``, ``three batches``."""

ORDINALS_MORE = ("eleventh", "twelfth")
"""Ordinal words after :data:`ORDINALS`, in order (``eleventh`` is 11)."""

CAPTION_NOUNS = ("Table", "Schedule", "List", "Exhibit", "Chart")
"""Nouns a table's caption may open with (as printed, case kept), besides the profile's caption words: a caption
with one of them is a table's only when a header line (its first heading the column of row numbers) follows."""

NUMBER_FORMS = {
    "roman": r"[IVX]+",
    "arabic": r"\d{1,2}",
    "words": "(?i:" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + ")",
}
"""How a heading's number may be printed; a profile names the forms its edition uses (``[structure] numbers``)."""


def number_value(text: str) -> int | None:
    """The value of a heading number printed as a Roman numeral, digits or a word; None when it is none.

    Examples
    --------
    >>> number_value("IV"), number_value("12"), number_value("Three"), number_value("Part")
    (4, 12, 3, None)
    """
    t = text.strip()
    if t.isdigit():
        return int(t)
    if t in ROMAN_NUMERALS:
        return ROMAN_NUMERALS.index(t) + 1
    if t.casefold() in CARDINALS:
        return CARDINALS.index(t.casefold()) + 1
    return None


# --------------------------------------------------------------------------- batches, documents and bodies
BATCH_NAME_ENDS = ("from", "in", "titled", "to", "promoted", "aligned", "released", "compiled", "published", "issued")
"""Words that end a batch's name (``the fifth batch of best practices`` *from* ..., ... *released* by ...)."""

BATCH_COUNT_NOUNS = ("items", "cases", "measures", "innovations", "practices", "experiences", "outcomes", "reforms")
"""Nouns of a batch's size printed after its name: ``the eighth batch of reform pilot experience (24 items)``."""

BATCH_RELEASE_VERBS = (
    "released", "issued", "published", "unveiled", "announced", "rolled out", "launched", "compiled", "promoted",
    "decided", "approved", "releases", "releasing", "issues", "publishes", "unveils",
)  # fmt: skip
"""Verbs by which a body releases a batch (``MOFCOM published the sixth batch ...``, ``... compiled by MOFCOM``,
``the State Council decided to replicate and scale up the second batch of ...``), in the present of a headline too
(``MOFCOM Releases the Eighth Batch of ...``, ``... issues a notice releasing the ninth batch``)."""

BATCH_ORDER_VERBS = ("ordered", "directed", "instructed", "required", "mandated", "stipulated", "orders", "directs")
"""Verbs by which a body orders that a batch be spread (``the State Council ordered that the third batch of 20
pilot measures be replicated nationwide``, ``... directed that ... be scaled up``): it releases that batch; the
word "that" follows (the rule reads ``<verb> that ... the <ordinal> batch``)."""

BATCH_SUBJECT_PRONOUNS = ("it", "the ministry", "the council", "the commission", "the administration", "the office")
"""Subjects of a later clause that stand for the body of the clause before (``MOFCOM released the sixth batch of
best practices; and, with other departments, it released the fourth batch of ...``)."""

FIRST_SINCE_WORDS = ("since", "ever since")
"""Words after "the first batch of ..." that make "first" the first since an event, not the series' number (``the
first batch of best practices compiled since the upgrading strategy was issued``, in fact the series' sixth)."""

BATCH_TITLE_VERBS = ("replicating", "promoting", "scaling up", "releasing", "publishing", "issuing", "disseminating")
"""Words of a document's title that release the batch the title names (``Notice of the State Council on
Replicating and Promoting the Eighth Batch of Reform Pilot Experience``)."""

AGENT_VERBS_MORE = ("adopted", "compiled", "extended", "reviewed", "deliberated")
"""More verbs of a body acting on a document or a batch (``the CPC Central Committee adopted ... the "..."``, ``the
Central Commission for Further Reform reviewed the implementation of the "..."``), or on
measures it spreads (``the General Administration of Customs extended ten facilitation measures ...``)."""

PARTY_COMMITTEE_HEADS = ("Provincial Committee", "Municipal Committee", "Regional Committee")
"""Head words of a local party committee (``the Zhejiang Provincial Committee of the CPC``)."""

PARTY_NAMES = ("CPC", "Communist Party of China")
"""Names of the party, after a committee (``... Committee of the CPC``) or before it (``CPC Zhejiang ...``)."""

TITLE_SMALL_WORDS = (
    "of", "on", "for", "to", "with", "in", "and", "the", "a", "an", "by", "from", "at", "under", "after", "into",
    "through", "about", "between", "among", "outside", "within", "towards", "toward",
)  # fmt: skip
"""Lower-case words inside a document's title printed without quotes (``Notice on Several Measures to Further
Align with ... in Eligible PFTZs``); any other lower-case word ends it."""

BATCH_LIST_LEADS = (
    "cases include", "items include", "examples include", "practices include", "measures include",
    "innovations include", "batch includes", "batch include", "batch also includes", "cases also include",
    "they include", "they also include", "experience include", "experiences include", "batch included",
    "batch also included", "cases included", "among them, the", "among them the", "in the batch, such as",
    "in the batch such as", "it includes", "it included", "it contains", "it contained", "batch contains",
    "batch also contains", "batch contained", "batch also contained",
)  # fmt: skip
"""Words after which a paragraph that releases a batch lists its cases (``In trade facilitation, cases include
Jiangsu PFTZ's "..." and the aircraft lease asset transfer service of Tianjin PFTZ``, ``Other cases in the batch, such
as a ..., were submitted by ...``)."""

ITEM_CLAUSE_OPENERS = (
    "which", "that", "who", "whose", "where", "while", "including", "such as", "so that", "allowing", "enabling",
    "cutting", "making", "helping", "reducing", "covering", "under which", "with", "developed", "piloted",
    "proposed", "explored", "pioneered", "jointly", "first",
)  # fmt: skip
"""Words that open a clause telling of the listed case before it, not another case (``..., cutting clearance time by
half``, ``..., which allows ...``): a list is not split there."""

DOCUMENT_EXAMPLE_LEADS = ("documents such as", "documents—such as", "documents, such as", "another example is",
                          "one example is", "for example, the")  # fmt: skip
"""Words right before a quoted title that give it as an example of documents (``policy documents—such as the
"..."—were formulated``, ``Another example is the "..."``)."""

TITLE_EDITION_MARKS = ("Edition", "Interim", "Trial", "for Trial Implementation", "Draft")
"""What a title prints in brackets at its end (``... (Negative List) (2024 Edition)``, ``... (Interim)``): a quoted
name ending so is a document's title."""

JOIN_PHRASES = ("joined as partner members", "joined as members", "joined as observers", "joined the alliance",
                "joined it", "became partner members", "became members", "joined as a partner member",
                "joined as a member", "became a partner member", "became a member")  # fmt: skip
"""Words by which places join a body of several members named before (``Guizhou and Gansu provinces, which have
no pilot FTZ of their own, joined as partner members``)."""

LOCAL_BODY_HEADS = ("Department", "Bureau", "Commission", "Administration")
"""Heads of a department of a province's or a municipality's government (``the Jiangsu Provincial Department of
Commerce``, ``the Department of Commerce of Guangxi Zhuang Autonomous Region``); no list of bodies can hold every
province's."""

LOCAL_LEVELS = ("Provincial", "Municipal", "Autonomous Regional")
"""Adjectives of a province or a municipality before a local body (``Jiangxi Provincial ...``, ``Chongqing
Municipal ...``)."""

LOCAL_ASSEMBLY = "People's Congress"
"""The head of a local legislature, whose standing committee adopts regulations (``the Standing Committee of the
Hunan Provincial People's Congress``)."""

RELEASE_LIST_LEADS = ("among them",)
"""Words after which the sentence that releases a batch goes on to list some of its items (``... replicate the
second batch of 18 pilot measures ..., among them allowing ...``), besides :data:`BATCH_LIST_LEADS`."""

__all__ += [
    "DOCUMENT_EXAMPLE_LEADS",
    "ITEM_CLAUSE_OPENERS",
    "JOIN_PHRASES",
    "LOCAL_ASSEMBLY",
    "LOCAL_BODY_HEADS",
    "LOCAL_LEVELS",
    "RELEASE_LIST_LEADS",
    "TITLE_EDITION_MARKS",
]

ITEM_ORIGIN_VERBS = ("proposed", "developed", "piloted", "launched", "created", "explored", "pioneered", "submitted")
"""Participles that join a listed case to its zones after it (``... jointly proposed by Shanghai, Jiangsu ...``)."""

LIST_SCOPE_VERBS = ("replicated", "promoted", "scaled up", "rolled out", "extended", "applied")
"""Verbs of a list's heading that state the scope of its items (``Items to be replicated and promoted
nationwide``, ``... in all pilot free trade zones``, ``... in special customs supervision areas``)."""

TITLE_SMALL_WORDS_MORE = ("along", "against", "over", "upon", "via", "versus")
"""More lower-case words inside a title printed without quotes (``... Pilot Free Trade Zones along the ...``)."""

SELECTION_VERBS_ACTIVE = ("include", "includes", "included", "select", "selects", "selected", "list", "lists", "listed")
"""Active verbs by which a body puts an innovation into its batch (``the State Council included the practice in
the sixth batch of reform pilot experience``)."""

TITLE_NAMING_WORDS = ("titled", "entitled")
"""Words before a document's quoted title that name it: ``The notice, titled "Notice on ..."``."""

ISSUING_VERBS = (
    "issued", "approved", "released", "promulgated", "published", "formulated", "signed", "unveiled", "adopted",
    "introduced", "revised", "amended", "enacted",
)  # fmt: skip
"""The verbs of issuing a document, one list for every rule of documents: the verb before which the issuers stand
(``<bodies> jointly issued the "..."``), right before a quoted title or one printed without quotes (``the seven
regions signed the Framework Agreement on ...``), a few words before it or after it in the passive;
a legislature's ``revised the "... Regulations"`` too."""

BATCH_ITEM_TAILS = ("promoted by departments", "promoted by various departments", "promoted by relevant departments")
"""Words between a count of innovations and the batch they are in (``24 successful reform experience promoted by
departments in the third batch``)."""

# --------------------------------------------------------------------------- notices and prose batches (issue 24)
NOTICE_ITEM_WORDS = (
    "items", "item", "measures", "experiences", "experience", "reform items", "practices", "cases", "achievements",
)  # fmt: skip
"""Heads of a notice's heading over the items of one scope (``(I) Reform items to be replicated nationwide``)."""

NOTICE_REPLICATE_VERBS = (
    "replicated", "promoted", "scaled up", "disseminated", "extended", "rolled out", "popularized", "popularised",
    "spread", "generalized", "generalised",
)  # fmt: skip
"""Verbs of a notice's heading that orders items replicated within a scope, alone or two joined by "and"
(``replicated and promoted``, ``replicated and disseminated``, ``promoted and replicated``)."""

FIELD_LEADS = ("in the field of", "in the area of", "in the sphere of", "in the domain of", "regarding", "on")
"""Openings of an item's lead that name its field, not where it is replicated (``1. In the field of ...:``)."""

RESPONSIBLE_WORDS = ("responsible", "in charge", "lead department", "leading department", "lead unit")
"""Words of a parenthesis naming the bodies in charge of an item (``(Departments responsible: ...)``)."""

NATIONAL_BATCH_VERBS = (
    "released", "issued", "published", "unveiled", "announced", "rolled out", "launched", "decided", "included",
    "include", "includes", "selected", "select", "selects", "promoted", "approved", "listed", "compiled",
    "put forward", "put", "added", "named", "chose", "picked",
)  # fmt: skip
"""Verbs by which a national body acts on a batch it releases (``the State Council include the model in the
eighth batch``, ``MOFCOM select it for the sixth batch``, ``the batch that the State Council promoted``)."""

PROVINCE_RELEASE_VERBS = ("releases", "released", "issues", "issued", "publishes", "published", "unveils", "unveiled")
"""Verbs by which a province (or its zone) releases its own batch (``Hubei releases 10th batch of ...``)."""

LIST_LEAD_VERBS = (
    "include", "includes", "included", "are", "comprise", "comprises", "cover", "covers", "are as follows",
    "as follows", "the following", "are listed below", "listed below", "are listed as follows",
)  # fmt: skip
"""Words that close a sentence leading into a numbered list of items (``The items, grouped by field, include:``,
``The measures are as follows:``): the list that follows holds the batch's items."""

LIST_ITEM_NOUNS = (*NOTICE_ITEM_WORDS, "innovations", "models", "reforms", "examples", "practices")
"""Heads of a sentence leading into a list of a batch's items (``The innovations are listed below:``)."""

JOINT_ITEM_VERBS = ("explored", "developed", "piloted", "created", "launched", "built", "designed", "tried")
"""Participles of an item's clause naming a co-author (``..., jointly explored with the Chongqing Pilot FTZ``)."""

MEETING_NOUNS = ("executive meeting", "standing meeting", "plenary session", "meeting", "session")
"""What a national body holds and a text then names as the subject of its decisions (``Premier Li Qiang chaired a
State Council executive meeting ... The meeting decided to replicate ...``)."""

DECISION_VERBS = ("decided", "agreed", "resolved", "approved", "adopted", "determined")
"""Verbs by which a meeting of a body decides (``The meeting decided to replicate and promote a ninth batch``)."""

__all__ += [
    "DECISION_VERBS",
    "FIELD_LEADS",
    "JOINT_ITEM_VERBS",
    "LIST_ITEM_NOUNS",
    "LIST_LEAD_VERBS",
    "MEETING_NOUNS",
    "NATIONAL_BATCH_VERBS",
    "NOTICE_ITEM_WORDS",
    "NOTICE_REPLICATE_VERBS",
    "PROVINCE_RELEASE_VERBS",
    "RESPONSIBLE_WORDS",
]

SPEECH_VERBS = (
    "said", "says", "added", "noted", "stressed", "told", "explained", "remarked", "emphasized", "emphasised",
    "pointed out", "stated", "continued", "asked", "replied", "answered",
)  # fmt: skip
"""Verbs of saying: a quoted sentence before or after one is speech, not a name (``"...," the spokesperson
said``; ``Lin added: "..."``)."""

FOLLOW_VERBS = ("followed", "followed suit", "did the same", "came next", "joined them", "soon followed")
"""Verbs of a clause whose subject adopted what the adopter named before it did (``Guizhou and Shaanxi followed``)."""

__all__ += ["FOLLOW_VERBS", "SPEECH_VERBS"]

EXAMPLE_ADOPT_VERBS = (
    "replicated", "applied", "adopted", "introduced", "rolled out", "copied", "taken up", "put in place",
    "implemented", "borrowed", "followed",
)  # fmt: skip
"""Verbs of a clause in which a place applied an example of a batch (``Shanxi Province has applied the "..."``)."""

__all__ += ["EXAMPLE_ADOPT_VERBS"]

TRIAL_PARTICIPLES = ("testing", "trialling", "trialing", "trying out", "piloting", "running", "exploring", "developing")
"""Participles of a clause in which a place works on a quoted innovation after the place opening the sentence:
``In the Yichang Area, officials are now testing a "..." for ...``."""

__all__ += ["TRIAL_PARTICIPLES"]

ORIGIN_PASSIVE_VERBS = (
    "piloted", "developed", "introduced", "launched", "pioneered", "created", "originated", "first used",
    "tested", "tried out", "designed", "devised", "invented",
)  # fmt: skip
"""Verbs of origin after an innovation and before "in|by <zone>" (``... was first piloted in the Zhoushan Area``)."""

PAPER_ADOPT_VERBS = ("adapted", "taken up", "took up", "copied", "borrowed", "transplanted", "emulated", "imitated")
"""Verbs by which a place adopts an innovation in a paper's prose (``was adapted by the Nansha Area``)."""

__all__ += ["ORIGIN_PASSIVE_VERBS", "PAPER_ADOPT_VERBS"]

ORIGIN_SOURCE_PHRASES = (
    "came out of", "comes out of", "grew out of", "grows out of", "originated in", "originated from",
    "sprang from", "stemmed from", "stems from", "first tried in", "first tried by", "first used in",
)  # fmt: skip
"""Phrases after an item listed as an example of a batch and before its origin zone, besides a verb of
:data:`ORIGIN_PASSIVE_VERBS` with "by|in" (``..., which came out of the Hainan FTP``)."""

__all__ += ["ORIGIN_SOURCE_PHRASES"]


ITEM_ORIGIN_LEADS = (
    "originating", "originated", "originally", "pioneered", "piloted", "developed", "explored", "proposed",
    "first piloted", "first tried", "first tested", "first launched", "first introduced", "first explored",
    "coming", "sourced", "derived",
)  # fmt: skip
"""Words opening a sentence of origin after a notice's item, before "from|in|by|at <zone>" (``1. Bonded repair
of aircraft engines. Originating from the Tianjin FTZ. Scope: nationwide.``)."""

ITEM_SCOPE_LABELS = (
    "scope", "scope of application", "scope of replication", "scope of promotion", "applicable scope",
    "applicable areas", "applicable to", "area of application", "areas of application", "coverage",
    "to be promoted in", "to be replicated in",
)  # fmt: skip
"""Labels of an item's own scope in a sentence after it (``... Scope: all special customs supervision areas``)."""

__all__ += ["ITEM_ORIGIN_LEADS", "ITEM_SCOPE_LABELS"]

NAMED_HEADS_MORE = ("code", "rules", "form", "list", "card", "pass", "ledger", "seal", "profile", "procedure")
"""More heads of an innovation a text names by its zone (``the Chongqing inspection code``)."""

__all__ += ["NAMED_HEADS_MORE"]

PLURAL_ANAPHORA = (
    "these measures", "these practices", "these models", "these innovations", "these mechanisms",
    "both measures", "both practices", "both models", "the two measures", "the two practices", "the two models",
)  # fmt: skip
"""Subjects that stand for every innovation the sentence before named: ``These measures have since been
extended to Gansu`` (after ``Qinghai introduced the "A" and the "B"``)."""

LIST_JOINS = (",", "and", ", and", "as well as", "and the", ", and the", ", the")
"""What joins two quoted names of one object: ``introduced two of X's measures, the "A" and the "B"``."""

__all__ += ["LIST_JOINS", "PLURAL_ANAPHORA"]

PASSIVE_ADOPT_VERBS_MORE = ("used", "transplanted", "in use")
"""More past participles of a passive adoption that adopt only with ``in``/``to``/``into`` (like
:data:`INTO_ADOPT_VERBS`): ``it has since been used in Luoyang and Kaifeng``, ``"..." was transplanted to the
X Area of Y PFTZ``."""

PASSIVE_AUXILIARIES_MORE = ("will be", "is to be", "are to be", "shall be")
"""Auxiliaries of a passive adoption a text states as decided: ``will be extended to ... Xiangyang``,
``is to be replicated in all PFTZs``."""

__all__ += ["PASSIVE_ADOPT_VERBS_MORE", "PASSIVE_AUXILIARIES_MORE"]

PROVINCE_SCOPES_MORE = (
    "across the whole municipality",
    "throughout the municipality",
    "throughout the whole municipality",
    "across the entire municipality",
    "across the whole region",
    "across the entire region",
    "throughout the autonomous region",
    "across the autonomous region",
    "across the whole autonomous region",
    "throughout the whole autonomous region",
    "region-wide",
    "municipality-wide",
    "within their provinces",
    "within their respective provinces",
    "within their own provinces",
    "within the province",
    "within its province",
)
"""More scopes of a replication over the zone's own province-level division (a municipality, an autonomous
region): ``replicated across the whole municipality``."""

__all__ += ["PROVINCE_SCOPES_MORE"]

EXAMPLE_ORDINALS = {
    "the first": (0, 1), "the second": (1, 2), "the third": (2, 3), "the fourth": (3, 4), "the fifth": (4, 5),
    "the first two": (0, 2), "the first three": (0, 3), "the first four": (0, 4), "the last two": (-2, None),
    "the last": (-1, None), "the latter": (-1, None), "the former": (0, 1), "the other two": (-2, None),
}  # fmt: skip
"""Phrases that point back at examples a paragraph listed, as a slice of them in order: ``The first two are
replicated across the whole province; the third applies in designated areas``."""

__all__ += ["EXAMPLE_ORDINALS"]

ITEM_PLURALS = ("items", "reform items", "pilot measures", "best practices")
"""More plural heads of what a batch holds (``Among the items to be replicated throughout the country are ...``)."""

__all__ += ["ITEM_PLURALS"]

SPAN_WORDS = (
    "spans", "spanning", "straddles", "straddling", "stretches across", "covers parts of", "covering parts of",
)  # fmt: skip
"""Words before the places a body of several regions lies in, its members: ``the ... Demonstration Zone, which
spans Qingpu in Shanghai, Wujiang in Jiangsu and Jiashan in Zhejiang``."""

FOUNDED_BY_PARTICIPLES = ("formed", "set up", "established", "founded", "created", "launched", "initiated")
"""Participles of a passive that names who founded a body, its members after ``by`` (a time phrase may stand
between: ``the ... Mechanism was set up in 2024 by A, B and C``; ``the ... Alliance, formed in 2022 by the nine
provinces ... along the river``)."""

JOINT_RUN_PARTICIPLES = ("governed", "run", "managed", "operated", "administered", "built")
"""Participles after ``jointly`` naming who runs a body or a place together, its members: ``the ... Cooperation
Zone, which is jointly governed by Guangdong Province and the Macao SAR``; ``the X and Y PFTZs jointly run the
... operation area`` (the verb printed active)."""

JOINT_PLACE_HEADS = ("area", "zone", "park", "port", "hub", "base", "corridor")
"""Head nouns of a place several zones run together (``jointly run the Xiaoyangshan North operation area``): a body
of several members, not a joint innovation."""

__all__ += ["SPAN_WORDS"]

CARDINALS_MORE = (
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "twenty-one",
    "twenty-two", "twenty-three", "twenty-four", "twenty-five", "twenty-six", "twenty-seven", "twenty-eight",
    "twenty-nine", "thirty",
)  # fmt: skip
"""Counts a sentence spells out after :data:`CARDINALS` (``Fifteen measures are to be replicated ...``)."""

__all__ += ["CARDINALS_MORE"]
DOCUMENT_ACTING_VERBS = (
    "implemented", "implementing", "implements", "implement", "carried out", "carrying out", "carry out", "submitted",
    "reviewed", "reviewing", "deliberated",
)  # fmt: skip
"""Verbs of acting on a document right before its quoted title (``implemented the "Opinions on ..."``, ``the work
to implement the "Opinions on ..."``)."""

__all__ += ["DOCUMENT_ACTING_VERBS"]

NUMBER_WORDS_MORE = (
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty",
)  # fmt: skip
"""Number words after :data:`CARDINALS` that open a count (``Fifteen measures are to be replicated ...``)."""

__all__ += ["NUMBER_WORDS_MORE"]

BATCH_OF_NOTHING = ("its kind", "their kind", "this kind", "that kind", "its type", "their type")
"""Words after "batch of" that name no batch (``the first batch of its kind in three years``)."""

__all__ += ["BATCH_OF_NOTHING"]

EXTENSION_VERBS = ("extended", "expanded", "rolled out", "widened", "broadened", "opened up")
"""Verbs by which a body takes a zone's pilot to more zones (``has extended a pilot program for the "..." ... to six
other pilot free trade zones``)."""

__all__ += ["EXTENSION_VERBS"]

AGENT_VERBS_OF_DRAFTS = ("submitted", "drafted", "revised")
"""Verbs by which a body acts on a draft document (``The ... People's Government submitted the "Regulations ..."``)."""

TASKING_VERBS = ("called on", "calls on", "urged", "urges", "asked", "asks", "instructed", "required", "tasked")
"""Verbs tasking a body with an act (``The meeting called on the Ministry of Commerce to issue the list``): the
body named after them, with "to" and a verb after it, is one acting."""

DIRECTIVE_NOUNS = (
    "decisions and plans", "decisions and deployments", "decisions", "deployments", "plans", "arrangements",
    "instructions", "requirements",
)  # fmt: skip
"""Nouns of what a body decides, before "of <body>" (``acted on the decisions and plans of the CPC Central
Committee``): the body is named as the one deciding."""

__all__ += ["AGENT_VERBS_OF_DRAFTS", "DIRECTIVE_NOUNS", "TASKING_VERBS"]

DRAFTING_VERBS = (
    "draft", "drafting", "drafted", "formulate", "formulating", "revise", "revising", "finalize", "finalise",
    "reviewed", "deliberated",
)  # fmt: skip
"""Verbs of writing a document not yet issued, before its unquoted title (``will work with ... to draft the Several
Measures on ...``), or of reviewing its draft (``the Leading Group ... reviewed the Guiding Opinions on ...``)."""
__all__ += ["DRAFTING_VERBS"]

OTHER_BATCH_LEADS = ("a", "an", "another", "previous", "earlier", "past", "later", "other", "future", "further")
"""Words before "batch" that point away from the batch a text released (``before they entered a national batch``,
``previous batches have produced results``): the cases told after them are not that batch's."""
__all__ += ["OTHER_BATCH_LEADS"]

ENUMERATING_LEADS = ("another", "one more", "a further", "yet another")
"""Words that open a sentence's subject as one more of the items just told (``Another item, the X, originated in
...``), like the ordinals of ``The second, ...``; the noun after them is one of :data:`ENUMERATED_NOUNS`."""
ENUMERATED_NOUNS = ("item", "example", "case", "innovation", "practice", "measure", "one", "reform")
"""Nouns after :data:`ENUMERATING_LEADS`."""
__all__ += ["ENUMERATED_NOUNS", "ENUMERATING_LEADS"]

DOCUMENT_ACT_NOUNS = (
    "issuing", "issuance of", "enactment of", "promulgation of", "release of", "publication of", "formulation of",
    "revision of", "adoption of", "introduction of", "implementation of", "progress under", "review of",
)  # fmt: skip
"""Words of issuing a document right before its quoted title, a gerund or a noun with "of" (``Yunnan PFTZ
continued by issuing "..."``, ``Through the issuance of the "..."``, ``advanced the enactment of "..."``, ``reviewed
the implementation of the "..."``, ``reviewed progress under the "..."``)."""

__all__ += ["DOCUMENT_ACT_NOUNS"]

TITLE_WORDS_OF_RULES = ("Provisions", "Standards", "Catalog", "Catalogue", "List", "Initiative")
"""More capitalised words that mark a document title a verb of issuing quotes (``the issuance of the "Provisions on
the Supply Guarantee of ..."``, ``released the "Joint Service Standards for ..."``, ``released the "Unified Catalog
of ..."``, ``released the "Guiding List for ..."``, ``the "... Initiative", was signed by``), besides
:data:`TITLE_WORDS`."""

REVISION_WORDS = ("newly revised", "revised", "amended", "newly amended", "updated", "new")
"""Words between a verb of issuing and the quoted title of a revised document (``jointly issued the newly revised
"Rules for ..."``)."""

LETTER_TITLE_WORDS = ("Letter", "List")
"""More capitalised words that head a title printed without quotes (``the Letter of the General Office of the
Ministry of Commerce on Issuing the ... (S.Z.M.H. [2027] No. 4)``, ``released a Joint Action List for ...
(2027-2028)``), besides the title words of :data:`TITLE_WORDS` and the others."""

__all__ += ["LETTER_TITLE_WORDS", "REVISION_WORDS", "TITLE_WORDS_OF_RULES"]

SAME_ANAPHORA = (
    "the same practice", "the same model", "the same approach", "the same mechanism", "the same system",
    "the same service", "the same measure", "the same arrangement",
)  # fmt: skip
"""Objects that stand for the innovation named just before, adopted by another: ``Hebei PFTZ has adopted the same
practice for its Caofeidian Area``."""

__all__ += ["SAME_ANAPHORA"]

NAMING_PHRASES = ("dubbed", "known as", "nicknamed", "called", "named", "referred to as", "branded")
"""Phrases that name an innovation told before by its anaphor: ``Under the model, dubbed "<name>" for ...``."""

DEFINING_PHRASES = (
    "referred to below as", "referred to hereafter as", "hereinafter referred to as", "hereafter referred to as",
    "hereinafter called", "hereinafter", "hereafter", "known below as", "called below",
)  # fmt: skip
"""Phrases that give an innovation a name the text uses later: ``the "..." of Tianjin PFTZ, referred to below as
the Tianjin pre-assessment model, ...``, ``(hereinafter the "...")``."""

__all__ += ["DEFINING_PHRASES"]

FROM_ADOPT_PHRASES = (
    "borrowed from", "adopted from", "copied from", "learned from", "learnt from", "imported from",
    "transplanted from", "taken over from", "took over from", "drawn from", "modelled on", "modeled on",
    "patterned on",
)  # fmt: skip
"""Words that say what a zone took up came from elsewhere: the subject that "took over from Lianyungang the
"<name>" practice", or "introduced "<name>", a procedure borrowed from the X Area", adopted it; the name is no case of
that subject."""

__all__ += ["FROM_ADOPT_PHRASES"]

LEAD_PHRASES = (
    "following the lead of", "following the example of", "after the example of", "following in the footsteps of",
    "in the footsteps of", "taking a cue from", "taking its cue from", "inspired by the example of",
    "inspired by", "taking a page from", "taking a leaf out of", "learning from",
)  # fmt: skip
"""Openings of a sentence that name the origin of what its subject then did: ``Following the lead of Hainan FTP,
Ningxia introduced a one-window service for ship registration``."""

__all__ += ["LEAD_PHRASES"]

POSSESSIVE_LEAD_PHRASES = (
    "following", "after", "taking a cue from", "modelled on", "modeled on", "patterned on", "borrowing",
    "emulating", "copying",
)  # fmt: skip
"""Openings of a sentence that name the origin by its possessive before what its subject then did: ``Following
Zhoushan's lead, A and B introduced ...``, ``Modelled on Tianjin's leasing practice, Hainan FTP began offering ...``
(``lead`` and ``example`` after ``following`` or ``after``; a practice after the others)."""

__all__ += ["POSSESSIVE_LEAD_PHRASES"]

SUBJECT_ADJECTIVES = ("resulting", "ensuing", "new", "same")
"""Adjectives between the article and a quoted name opening its sentence as its subject: ``The resulting
"<name>" has cut the time ...`` (a case of the paragraph's subject zone)."""

__all__ += ["SUBJECT_ADJECTIVES"]

VERSION_ANAPHORA = (
    "a modified version", "an adapted version", "a localised version", "a localized version", "a simplified version",
    "an upgraded version", "its own version", "a version of it", "a version of the model", "a version of the system",
    "a version of the practice", "a version of the mechanism", "a version of the service", "a version of the scheme",
)  # fmt: skip
"""Objects that stand for a copy of the innovation named just before: ``the Dalian Area of Liaoning PFTZ adopted a
modified version adapted to ice-class vessels``."""

TIME_SPANS = ("within a year", "within two years", "within three years", "within months", "within a few months",
              "within eighteen months", "within six months", "soon after", "shortly afterwards", "later")  # fmt: skip
"""Time phrases that may stand between a passive verb of adopting and its adopter: ``was taken up within a year by
the Shaanxi and Yunnan FTZs``."""

PLACE_NOUNS = ("ports", "airports", "land ports", "border ports", "sea ports", "cities", "parks", "bonded zones")
"""Places of a province an innovation is used at: ``is now used at ports in Shandong, Fujian and Guangxi`` (the
provinces are the adopters)."""

__all__ += ["PLACE_NOUNS", "TIME_SPANS", "VERSION_ANAPHORA"]

OUTSIDE_ADOPT_VERBS = (
    "extended", "has extended", "rolled out", "has rolled out", "rolled", "has rolled", "applied", "has applied",
)  # fmt: skip
"""Active verbs that adopt only when their subject is a region without a PFTZ (a zone extending or applying a
practice is piloting its own): ``the Tibet Autonomous Region extended the "<name>" model ... to Gyirong Port``; or
whose object is an anaphor for another zone's innovation (``X PFTZ applied the model in its Y Area``, ``rolled it out
in ...``)."""

__all__ += ["OUTSIDE_ADOPT_VERBS"]

APPLY_VERBS = (
    "applies", "apply", "is applied", "are applied", "is to be applied", "are to be applied", "will apply",
    "is to be promoted", "are to be promoted",
)  # fmt: skip
"""Verbs by which a measure holds in a scope narrower than the country: ``the "<name>" model ... of Heilongjiang
PFTZ applies only in designated areas``, ``... are to be promoted in designated areas``."""

__all__ += ["APPLY_VERBS"]

JOINT_WORK_NOUNS = ("innovation", "initiative", "effort", "reform", "creation", "undertaking", "project")
"""Nouns of an appositive that names a quoted innovation's joint authors: ``the "..." arrangement, a joint
innovation of Heilongjiang PFTZ and Liaoning PFTZ, ...``."""

__all__ += ["JOINT_WORK_NOUNS"]

CELL_CLAUSE_WORDS = (
    "is", "are", "was", "were", "has", "have", "had", "been", "be", "will", "shall", "include", "includes",
    "including", "such as", "covering", "covers", "involving", "involves", "among",
)  # fmt: skip
"""Words that make a table cell a sentence about its examples rather than a bare list of their names: a cell
``Digital clearance for bulk chemicals; joint inspection of LNG bunkering`` names two innovations, a cell
``all 16 innovations are replicated across the region`` names none."""

__all__ += ["CELL_CLAUSE_WORDS"]

PLACE_SCOPE_LEADS = (
    "throughout", "across", "all over", "within", "across all of", "throughout all of", "across the whole of",
    "throughout the whole of", "in all of", "in the whole of",
)  # fmt: skip
"""Words before a place's name in a cell of scope: ``Throughout Tianjin``, ``Across the whole of Hainan``
(a row's own province named: a replication over the province)."""

__all__ += ["PLACE_SCOPE_LEADS"]

NOVELTY_VERB_STEMS = ("pioneer", "pilot", "introduc", "trial")
"""Stems of the verbs that make their object new where the zone acts: their unquoted object is a practice when
its head is an action noun too (``Fujian PFTZ introduced online arbitration of cross-Strait disputes``,
``piloted export supervision of used machinery``), not only a head noun of :data:`PRACTICE_HEADS_MORE`."""

__all__ += ["NOVELTY_VERB_STEMS"]


ORIGIN_APPOSITIVE_NOUNS = ("innovation", "practice", "reform", "pilot", "measure", "initiative", "experiment")
"""Nouns of an appositive that names where the practice before it began: ``its payroll service, a pilot that began
in Nansha``, ``a "..." procedure, another Fujian FTZ innovation``."""
ORIGIN_BEGIN_VERBS = ("began", "started", "originated", "first appeared", "emerged", "was born")
"""Verbs of beginning in such an appositive's relative clause (``a pilot that began in <zone>``)."""

__all__ += ["ORIGIN_APPOSITIVE_NOUNS", "ORIGIN_BEGIN_VERBS"]


ADOPTER_NOUNS = ("adopters", "followers", "takers", "adopting zones", "adopting regions")
"""Nouns for the places that took up an innovation, naming them in a list (``Adopters so far: A, for ...; B and
C``) or counting one among them (``Like A, B counts among the adopters``): the innovation named before."""

__all__ += ["ADOPTER_NOUNS"]

COUNTED_LIST_LEADS = ("including", "such as", "among them", "notably", "for example")
"""Words before the items named of a counted set of measures at a scope (``15 measures are to be applied in all
PFTZs, such as A and B``)."""

COUNTED_SCOPE_VERBS_ACTIVE = ("apply", "applies", "go", "goes", "extend", "extends", "cover", "covers")
"""Verbs in the active by which a counted set of measures reaches its scope (``the other 11 measures apply
nationwide, such as A``, ``nine will extend to the whole country, including B``), besides the passive of
:data:`LIST_SCOPE_VERBS` (``15 measures are to be replicated in all PFTZs``)."""

BATCH_MEMBER_VERBS = ("include", "includes", "included", "cover", "covers", "covered", "comprise", "comprises", "are")
"""Verbs whose subject is a part of a batch's items and whose objects are items (``Other practices in the batch
include A, B, and C``, ``The remaining measures of this batch cover D and E``)."""

__all__ += ["BATCH_MEMBER_VERBS", "COUNTED_LIST_LEADS", "COUNTED_SCOPE_VERBS_ACTIVE"]

DESCRIPTION_FOLLOWERS = (
    "at", "in", "for", "to", "on", "across", "into", "as", "through", "throughout", "from", "since", "with", "under",
    "when", "while", "within", "after", "before",
)  # fmt: skip
"""Words that may follow a definite description of the innovation named before, opening a place or a time (``has
borrowed the Qingdao platform to issue ...``, ``adopted the one-form application in its X Area``)."""
NOT_DESCRIPTION_HEADS = (
    "zone", "zones", "area", "areas", "province", "provinces", "city", "cities", "port", "ports", "region", "batch",
    "government", "country", "year", "same", "former", "latter", "enterprises", "firms", "companies", "authorities",
)  # fmt: skip
"""Heads of a definite noun phrase that name a place, a body, a batch or a time, never the innovation named before
(``the zone``, ``the authorities``), though its name holds the word."""

__all__ += ["DESCRIPTION_FOLLOWERS", "NOT_DESCRIPTION_HEADS"]

CONFINED_LEADS = ("confined to", "limited to", "restricted to", "available only in", "reserved for")
"""Words before the place a practice was kept to until a measure extended it (``extended the stamp duty treatment
previously confined to Shanghai to ...``): that place is its origin."""

__all__ += ["CONFINED_LEADS"]

ANAPHOR_DETERMINERS = ("the", "this", "these", "that", "those", "such", "both")
"""Words opening an anaphor printed as an adoption's name in an annotation (``The practice``, ``these measures``,
``the same model``): with a word or two after them, such a name names what the text named before
(`loaders.evaluate.is_anaphor_name`)."""

__all__ += ["ANAPHOR_DETERMINERS"]

FRONTED_ADOPT_PARTICIPLES = (
    "borrowing", "drawing on", "drawing upon", "learning from", "emulating", "copying", "adopting",
    "replicating", "taking",
)  # fmt: skip
"""Participles of adopting that open a sentence, the main clause's subject the adopter: ``Borrowing this approach,
Hainan FTP issued ...``."""

__all__ += ["FRONTED_ADOPT_PARTICIPLES"]


CONTAIN_VERBS = (
    "includes", "included", "include", "contains", "contained", "contain", "comprises", "comprised", "comprise",
    "features", "featured", "feature",
)  # fmt: skip
"""Verbs by which a batch (or "it", "they") holds the items listed after it (``It includes the "A" model from X
PFTZ``, ``The batch also contains B, which originated in Y PFTZ``)."""
LIST_SUBJECTS = ("it", "they", "the batch", "this batch", "that batch", "the same batch", "the list")
"""Subjects of a verb of :data:`CONTAIN_VERBS` standing for the batch the paragraph is about."""

__all__ += ["CONTAIN_VERBS", "LIST_SUBJECTS"]

CITING_VERBS = ("cited", "named", "gave", "highlighted", "mentioned", "singled out", "listed", "offered", "presented")
"""Verbs by which a speaker or a meeting gives some of a batch's items as examples after a colon (``Zhao cited three
examples: A pioneered in X; B, first piloted in Y; and C``)."""
EXAMPLE_NOUNS = ("examples", "example", "cases", "items", "instances")
"""Nouns of such examples (``cited three examples:``)."""

__all__ += ["CITING_VERBS", "EXAMPLE_NOUNS"]

BODY_ITEM_VERBS = ("promoted", "extended", "rolled out", "replicated", "scaled up")
"""Verbs by which a national body spreads one innovation of a batch of departments' experience, the innovation
quoted after them (``the Ministry of Transport extended the "..." to all coastal ports``)."""

__all__ += ["BODY_ITEM_VERBS"]

CITY_LEVELS = ("Municipal", "City")
"""Adjectives of a city before its government (``the Weifang Municipal People's Government``)."""
LOCAL_GOVERNMENT = "People's Government"
"""The head of a local government (``the Shenzhen Municipal People's Government``)."""
ISSUING_PHRASES = ("followed with", "came out with", "came up with", "rolled out", "unveiled")
"""Phrases by which a government puts out a document of its own (``the Shenzhen Municipal People's Government
followed with the Several Measures on ...``), besides the verbs of acting on a document."""

__all__ += ["CITY_LEVELS", "ISSUING_PHRASES", "LOCAL_GOVERNMENT"]

PROMOTED_OBJECTS = (*NOTICE_ITEM_WORDS, "batch", "batches", "innovations", "models", "reforms")
"""What a national body "promoted" when the verb makes it a body acting (``the State Council has promoted eight
batches of ...``, ``... promoted ten facilitation measures``), besides a national scope after the verb."""

__all__ += ["PROMOTED_OBJECTS"]
