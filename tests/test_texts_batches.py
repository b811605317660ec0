"""Batches stated in the prose of a text that is not an edition, and the innovations they hold."""

from __future__ import annotations

import pytest

from pftz.ground.schema import Label, Rel
from pftz.loaders.records import ParsedReport
from pftz.loaders.report import parse_report
from tests.perturb import rewrapped


def _national(r: ParsedReport) -> dict[str, tuple[str, bool]]:
    """Measure name -> (national batch key, derived) of every IN_BATCH edge to a national batch."""
    names = {e.key: e.name for e in r.entities if e.label is Label.MEASURE}
    return {
        names[x.start.key]: (x.end.key, bool(x.properties.get("derived")))
        for x in r.relations
        if x.type is Rel.IN_BATCH and x.end.key.startswith("national:")
    }


RELEASE = """MOFCOM Releases a Batch

Beijing - The Ministry of Commerce on Tuesday released the sixth batch of 22 "best practice cases" of PFTZs.

In investment facilitation, the selected cases include Sichuan FTZ's "one-code management of
enterprise credit" and the "green certificate traceability for exports" pioneered by Jiangsu FTZ.

The ministry will also compile a fourth batch of successful reform experience in 2026.
Hubei FTZ's "pledge financing of data assets" is still under study.
"""


def test_the_cases_a_release_lists_after_the_batch_are_its_items_derived() -> None:
    found = _national(parse_report(RELEASE, "release.txt"))
    assert found == {
        "one-code management of enterprise credit": ("national:best-practices:6", True),
        "green certificate traceability for exports": ("national:best-practices:6", True),
    }  # the case after the next batch's sentence is not the sixth batch's


SELECTED = (
    'Since 2020, Guangxi has issued five earlier batches. Two of them, the "group settlement of border trade '
    'foreign exchange" and the "one-stop service for ASEAN fruit imports", were selected by the Ministry of '
    "Commerce for the fifth batch of best practice cases and promoted nationwide. Guangxi FTZ's "
    '"online mediation of disputes" is new.\n'
)


def test_innovations_selected_by_a_ministry_for_a_batch_are_stated_items() -> None:
    r = parse_report(SELECTED, "selected.txt")
    found = _national(r)
    assert found == {
        "group settlement of border trade foreign exchange": ("national:best-practices:5", False),
        "one-stop service for ASEAN fruit imports": ("national:best-practices:5", False),
    }
    assert ("mofcom", "national:best-practices:5") in {
        (x.start.key, x.end.key) for x in r.relations if x.type is Rel.RESPONSIBLE_FOR
    }


def _bodies(r: ParsedReport) -> set[str]:
    return {e.name for e in r.entities if e.label is Label.ISSUING_BODY}


def test_a_body_acting_on_a_document_or_a_batch_is_read() -> None:
    text = (
        "The Henan Provincial People's Government listed the model in its fifth batch of cases of the Henan FTZ. "
        "The General Administration of Customs approved an extension of the waybill standard to Henan FTZ. "
        "Together with the experience replicated by the State Council, 401 innovations of the PFTZs were "
        "replicated. The Ministry of Transport said freight grew in Henan FTZ.\n"
    )
    found = _bodies(parse_report(text, "news.txt"))
    assert {"Henan Provincial People's Government", "General Administration of Customs", "State Council"} <= found
    assert not any("Transport" in b for b in found)  # named, but not acting on a document or a batch


def test_a_leading_group_is_a_body_named_after_its_task() -> None:
    text = (
        "With the approval of the People's Government of Guangxi Zhuang Autonomous Region, the Office of the "
        "Leading Group for the Construction of China (Guangxi) Pilot Free Trade Zone has issued the "
        '"Notice on Replicating the Sixth Batch of Achievements of Guangxi PFTZ".\n'
    )
    assert "Office of the Leading Group for the Construction of China (Guangxi) Pilot Free Trade Zone" in _bodies(
        parse_report(text, "release.txt")
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The Office of the Leading Group for the Construction of the Shaanxi Pilot FTZ recently issued the sixth "
            "batch of 20 innovations of the zone.\n",
            "Office of the Leading Group for the Construction of the Shaanxi Pilot FTZ",
        ),
        (
            "The cases were chosen by the Office of the Leading Group for the Development of Hainan Free Trade Port "
            "from 40 proposals of its parks.\n",
            "Office of the Leading Group for the Development of Hainan Free Trade Port",
        ),
        (
            "In Jiangxi, the third and fourth batches were released by the Jiangxi Provincial Leading Group Office "
            "for PFTZ Work in March and October 2031.\n",
            "Jiangxi Provincial Leading Group Office for PFTZ Work",
        ),
        (
            "In March 2031, the Central Committee's Leading Group for Comprehensively Deepening Reform reviewed the "
            "plan.\n",
            "Central Committee's Leading Group for Comprehensively Deepening Reform",
        ),
    ],
)
def test_a_leading_group_or_its_office_ends_at_a_word_none_of_its_name(text: str, want: str) -> None:
    """A leading group's name (its office "Leading Group Office for" too) runs up to the first lower-case word that
    is none of its name's ("recently", "from", "reviewed") or a date ("in March"), on one line or re-wrapped."""
    for t in (text, rewrapped(text)):
        assert want in _bodies(parse_report(t, "release.txt"))


def test_the_general_office_of_a_ministry_is_its_own_body() -> None:
    text = 'The General Office of MOFCOM issued the "Notice on Disseminating the Sixth Batch of Cases of PFTZs".\n'
    assert "General Office of MOFCOM" in _bodies(parse_report(text, "release.txt"))


def test_items_selected_for_a_batch_and_promoted_nationwide_are_adopted_nationwide() -> None:
    r = parse_report(SELECTED, "selected.txt")
    adopted = {(x.start.key, x.end.key.rsplit(":", 1)[1]) for x in r.relations if x.type is Rel.ADOPTED}
    assert adopted == {
        ("nationwide", "group-settlement-of-border-trade-foreign-exchange"),
        ("nationwide", "one-stop-service-for-asean-fruit-imports"),
    }


def _batches(r: ParsedReport) -> dict[str, object]:
    return {e.key: e.properties.get("count") for e in r.entities if e.label is Label.BATCH}


def test_a_zones_own_batch_in_prose_is_a_provincial_batch() -> None:
    text = (
        "Hubei PFTZ released its tenth batch of 28 institutional innovations. The Henan Provincial People's "
        "Government listed the model in its fifth batch of institutional innovation cases of the Henan FTZ in 2023.\n"
    )
    found = _batches(parse_report(text, "news.txt"))
    assert found == {
        "provincial:hubei:institutional-innovations:10": 28,
        "provincial:henan:institutional-innovations:5": None,
    }


@pytest.mark.parametrize("wrap", [0, 37])
@pytest.mark.parametrize(
    ("text", "key", "count"),
    [
        (  # a relative clause on the zone, its possessive pronoun before the batch
            "One more case is Yunnan PFTZ, whose second batch of 14 institutional innovations listed a "
            '"border trade credit pool" in the Honghe Area.',
            "provincial:yunnan:institutional-innovations:2",
            14,
        ),
        (  # the zone's own possessive, another verb, other quote marks
            "Shaanxi PFTZ\u2019s ninth batch of 31 innovations featured a \u201crail freight credit bill\u201d "
            "first tried in the Xi'an Area.",
            "provincial:shaanxi:institutional-innovations:9",
            31,
        ),
        (  # the batch after a zone named mid-sentence, no count
            "Officials said that Hunan PFTZ's third batch of institutional innovations included the \"bonded storage "
            'model for imported ores".',
            "provincial:hunan:institutional-innovations:3",
            None,
        ),
    ],
)
def test_a_batch_after_a_zones_possessive_is_its_provincial_batch(
    text: str, key: str, count: int | None, wrap: int
) -> None:
    found = _batches(parse_report((rewrapped(text, wrap) if wrap else text) + "\n", "news.txt"))
    assert found == {key: count}


def test_a_batch_after_a_possessive_of_no_zone_is_not_a_zones() -> None:
    text = "Shaanxi PFTZ cited the report's ninth batch of 31 innovations, whose sixth batch of items was released.\n"
    assert not any(k.startswith("provincial:") for k in _batches(parse_report(text, "news.txt")))


def test_an_alliances_batch_is_not_a_zones() -> None:
    text = "The Yangtze River Delta PFTZ Alliance of Shanghai PFTZ and Anhui PFTZ released its fourth batch of cases.\n"
    assert not any(k.startswith("provincial:") for k in _batches(parse_report(text, "news.txt")))


def test_a_list_of_measures_belongs_to_the_batch_named_before_it() -> None:
    text = (
        'In September 2025 the State Council released the second batch of 26 pilot measures in the "Notice on '
        'Replicating the Second Batch of Pilot Measures" (G.F. [2025] No. 21). Of the 26 measures, 15 are to be '
        "replicated and scaled up throughout the country, including allowing overseas exporters to apply for "
        "advance rulings on origin, and accepting electronic certificates of origin issued through data exchange.\n"
    )
    found = _national(parse_report(text, "circular.txt"))
    assert found == {
        "allowing overseas exporters to apply for advance rulings on origin": ("national:pilot-measures:2", True),
        "accepting electronic certificates of origin issued through data exchange": (
            "national:pilot-measures:2",
            True,
        ),
    }


def test_a_quoted_title_after_a_verb_of_issuing_is_a_document() -> None:
    text = (
        "The Hubei Provincial People's Government issued the \"Several Measures on Supporting the Coordinated "
        'Innovation Zones of Hubei PFTZ", the first of its kind. Officials called it "a plan for the future".\n'
    )
    r = parse_report(text, "news.txt")
    titles = {e.name for e in r.entities if e.label is Label.DOCUMENT and not e.key.startswith("text:")}
    assert titles == {"Several Measures on Supporting the Coordinated Innovation Zones of Hubei PFTZ"}


HEADLINE = """{head}

Recently, a joint office{wrap}issued a notice on the ninth batch of 12 "best practice cases",
asking localities to learn from them.

In port services, the China (Fujian) Pilot Free Trade Zone created a "one-box{wrap}transit" model for imported timber.
The Chongqing FTZ, for its part, piloted a 'rail-sea bill of lading pledge' scheme for inland exporters.
"""


def test_a_headline_in_the_present_releases_the_batch_the_cases_after_it_fill() -> None:
    """A headline in the present ("MOFCOM Releases the Ninth Batch ...") releases the batch as the past does: the
    zones' cases the text tells after it are the batch's items (derived), however the headline is printed."""
    heads = (
        "MOFCOM Releases the Ninth Batch of Best Practice Cases of Pilot Free Trade Zones",
        "Ministry of Commerce unveils ninth batch of best practice cases",
        "MOFCOM publishes the ninth batch of best practice cases of PFTZs",
        "The Ministry of Commerce issues the ninth batch of best practice cases",
    )
    for head in heads:
        for wrap in (" ", "\n"):
            found = _national(parse_report(HEADLINE.format(head=head, wrap=wrap), "release.txt"))
            assert set(found.values()) == {("national:best-practices:9", True)}, (head, found)
            assert any("one-box transit" in n for n in found) and any("lading" in n for n in found), (head, found)


def test_a_headline_that_only_reports_a_batch_releases_nothing() -> None:
    """A headline that names a batch without a verb of releasing leaves the cases after it out of any batch."""
    text = HEADLINE.format(head="Zones learn from the ninth batch of best practice cases", wrap=" ")
    assert _national(parse_report(text, "release.txt")) == {}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The meeting called on the Ministry of Commerce and the General Administration of Customs to publish\n"
            "the list of measures of Hubei FTZ.\n",
            {"Ministry of Commerce", "General Administration of Customs"},
        ),
        (
            "The forum urged the National Development and Reform Commission, the Ministry of Finance and the "
            "People's Bank of China to support Sichuan FTZ.\n",
            {"National Development and Reform Commission", "Ministry of Finance", "People's Bank of China"},
        ),
        (
            "The notice asks the General Administration of Customs to extend the waybill reform of Henan FTZ.\n",
            {"General Administration of Customs"},
        ),
    ],
)
def test_bodies_tasked_with_an_act_are_read(text: str, want: set[str]) -> None:
    """``called on <body> and <body> to <verb>``: each body of the list is one acting, as printed and re-wrapped."""
    assert want <= _bodies(parse_report(text, "news.txt"))
    assert want <= _bodies(parse_report(rewrapped(text, 41), "news.txt"))


def test_a_body_tasked_with_nothing_is_not_read() -> None:
    """A body after a tasking verb with no "to <verb>" after it (``asked the Ministry of Transport about ...``) is
    only named."""
    text = "Reporters asked the Ministry of Transport about freight in Henan FTZ.\n"
    assert not any("Transport" in b for b in _bodies(parse_report(text, "news.txt")))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Since 2016, 31 of the zone's measures have been replicated nationwide by the State Council.\n",
            {"State Council"},
        ),
        (
            "Twelve of its reforms were promoted province-wide by the Sichuan Provincial People's Government "
            "in 2029.\n",
            {"Sichuan Provincial People's Government"},
        ),
        (
            "It entered the ninth batch, which the State Council asked all provinces to replicate throughout the "
            "country.\n",
            {"State Council"},
        ),
        (
            "The Ministry of Commerce urged local governments to promote the list of Hubei FTZ.\n",
            {"Ministry of Commerce"},
        ),
    ],
)
def test_a_body_acting_with_a_scope_between_or_tasking_others_is_read(text: str, want: set[str]) -> None:
    """``replicated nationwide by <body>`` (a scope between the participle and "by"), ``<body> asked all regions to
    replicate``: the body is one acting, as printed and re-wrapped."""
    assert want <= _bodies(parse_report(text, "news.txt"))
    assert want <= _bodies(parse_report(rewrapped(text, 37), "news.txt"))


def test_a_body_asking_nothing_of_replication_is_not_read() -> None:
    text = "The Ministry of Transport asked reporters to wait for the freight figures of Henan FTZ.\n"
    assert not any("Transport" in b for b in _bodies(parse_report(text, "news.txt")))


@pytest.mark.parametrize(
    "text",
    [
        "It entered the fourth batch of 30 innovations that the Hunan Provincial People's Government promoted "
        "province-wide in May.\n",
        "The model joined the batch of 12 cases which the Ministry of Commerce selected for replication in 2031.\n",
    ],
)
def test_a_body_as_the_subject_of_a_relative_clause_on_a_batch_is_read(text: str) -> None:
    want = {"Hunan Provincial People's Government"} if "Hunan" in text else {"Ministry of Commerce"}
    assert want <= _bodies(parse_report(text, "news.txt"))
    assert want <= _bodies(parse_report(rewrapped(text, 39), "news.txt"))


def test_a_body_in_a_relative_clause_on_no_batch_is_not_read() -> None:
    text = "It is a port that the Ministry of Transport promoted in 2031 for Henan FTZ.\n"
    assert not any("Transport" in b for b in _bodies(parse_report(text, "news.txt")))


@pytest.mark.parametrize(
    "text",
    [
        "The step follows the Notice on Learning from the Reform Experience of Pilot Free Trade Zones, issued by "
        "the General Office of the Anhui Provincial People's Government in June.\n",
        "The county acted under the Circular on Replicating the Institutional Innovations of Hubei FTZ, issued by "
        "the Ministry of Commerce last year.\n",
    ],
)
def test_an_unquoted_title_before_a_comma_and_issued_by_is_a_document(text: str) -> None:
    for t in (text, rewrapped(text, 44)):
        r = parse_report(t, "news.txt")
        titles = {e.name for e in r.entities if e.label is Label.DOCUMENT}
        assert any(x.startswith(("Notice on Learning", "Circular on Replicating")) for x in titles), titles


@pytest.mark.parametrize("wrap", [0, 43])
def test_the_cases_after_in_the_batch_such_as_are_its_items(wrap: int) -> None:
    """``Other cases in the batch, such as a <practice>, were submitted by ...``: an item of the batch named before,
    its zones unsaid."""
    text = (
        'MOFCOM Releases a Batch\n\nThe Ministry of Commerce on Friday released the seventh batch of 18 "best '
        'practice cases" of PFTZs.\n\nOther cases in the batch, such as a shared register of bonded repair '
        "enterprises, were proposed by zones the ministry did not name.\n"
    )
    if wrap:
        text = rewrapped(text, wrap)
    found = _national(parse_report(text, "release.txt"))
    assert found.get("shared register of bonded repair enterprises") == ("national:best-practices:7", True), found
    assert not any(n.startswith("were") for n in found)


CITED = (
    "Officials from the Ministry of Commerce briefed the media on Monday. Deputy Minister Wu said the State Council "
    "had approved the ninth batch of 19 reform pilot experience items for replication across the country. "
    '"Each item has been tested for a year," Wu said. Wu cited three examples: the "cloud tally" for bulk grain '
    "pioneered in Liaoning FTZ; the bonded storage of imported vaccines, first piloted in the Qianhai Area of "
    "Guangdong FTZ; and a shared register of river pilots developed together by the Hubei and Hunan pilot FTZs.\n"
)


@pytest.mark.parametrize("text", [CITED, rewrapped(CITED), CITED.replace('"cloud tally"', "\u2018cloud tally\u2019")])
def test_examples_cited_after_a_batch_approved_are_its_items(text: str) -> None:
    """ "<body> had approved the ninth batch ...": a release; "<someone> cited three examples: A pioneered in X; B,
    first piloted in Y; and C developed together by Z and W": A-C are the batch's items (derived), their origins
    no part of their names (A the zone's case the narrative read, by its quoted name)."""
    found = _national(parse_report(text, "briefing.txt"))
    assert found == {
        "cloud tally": ("national:reform-experience:9", True),
        "bonded storage of imported vaccines": ("national:reform-experience:9", True),
        "shared register of river pilots": ("national:reform-experience:9", True),
    }


THEY_INCLUDE = (
    "The Ministry of Commerce released the ninth batch of 12 best practice cases on Friday. In customs, the cases "
    "include the bonded transfer of leased ships and a pre-check of cold-chain imports. In finance, they include "
    "a pool of export credit insurance for small firms. They also include the joint registry of data products.\n\n"
    "Shenzhen also issued a plan on Friday. It includes a park for start-ups and a fund for young founders.\n"
)


@pytest.mark.parametrize("text", [THEY_INCLUDE, rewrapped(THEY_INCLUDE)])
def test_they_include_after_a_list_of_the_batch_on_the_release_line(text: str) -> None:
    """In a text, sentences after the release on its own line list the batch's cases too; "they include" and "they
    also include" right after a list of its cases go on with it; "It includes" after a sentence of no list does
    not."""
    assert set(_national(parse_report(text, "release.txt"))) == {
        "bonded transfer of leased ships",
        "pre-check of cold-chain imports",
        "pool of export credit insurance for small firms",
        "joint registry of data products",
    }


DEFINED = (
    "In May, the Office of the Inter-Ministerial Joint Conference on PFTZ Work (hereinafter the "
    '"Joint Conference Office"), which sits in the Ministry of Commerce, released the ninth batch of 12 "best '
    'practice cases" for reference by all localities. The cases include the "river toll card" of Hunan FTZ.\n'
)


@pytest.mark.parametrize("text", [DEFINED, rewrapped(DEFINED), DEFINED.replace("hereinafter the", "hereafter")])
def test_a_name_defined_in_the_release_is_no_item(text: str) -> None:
    """A quoted name after "hereinafter (the)" in the sentence on a batch is a defined term, no item of it."""
    assert set(_national(parse_report(text, "release.txt"))) == {"river toll card"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            'In May 2031, the Central Commission for Further Reform reviewed the implementation of the "Opinions on '
            'Deepening Reform of Border Ports" and called for bolder trials.\n',
            "Opinions on Deepening Reform of Border Ports",
        ),
        (
            "The commission reviewed progress under the \u201cPlan for Building a Digital Trade Hub in the PFTZs\u201d "
            "in June.\n",
            "Plan for Building a Digital Trade Hub in the PFTZs",
        ),
        (
            "In June 2031, the Central Committee's Leading Group for Comprehensively Deepening Reform reviewed the "
            "Guiding Opinions on Opening Up Services Trade in PFTZs, which set the course for five years.\n",
            "Guiding Opinions on Opening Up Services Trade in PFTZs",
        ),
    ],
)
def test_a_document_a_body_reviewed_is_read(text: str, want: str) -> None:
    """A body "reviewed" a document (quoted after "the implementation of" or "progress under", or unquoted): the
    document is read, and the body as acting on it."""
    for t in (text, rewrapped(text)):
        r = parse_report(t, "news.txt")
        docs = {str(e.properties.get("title") or e.name) for e in r.entities if e.label is Label.DOCUMENT}
        assert want in docs


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The Tianjin Municipal People's Government approved in June 2031 the Action Plan for Binhai New Area to "
            "Lead Shipping Finance Reform, which sets out 30 tasks.\n",
            "Action Plan for Binhai New Area to Lead Shipping Finance Reform",
        ),
        (
            "The customs rules will change. The notice, titled Notice on Extending the Pilot of Bonded Repair to "
            "Inland Ports, takes effect in May.\n",
            "Notice on Extending the Pilot of Bonded Repair to Inland Ports",
        ),
        (
            "The move follows the Linyi Municipal People's Government's Work Plan for Learning from Pilot Free Trade "
            "Zones to Improve Port Services, issued in April, which lists 25 tasks.\n",
            "Work Plan for Learning from Pilot Free Trade Zones to Improve Port Services",
        ),
        (
            "It was announced by the State Taxation Administration, which issued the Announcement on Extending "
            "Departure Tax Refunds to Cruise Ports (Announcement No. 14 of 2031).\n",
            "Announcement on Extending Departure Tax Refunds to Cruise Ports",
        ),
        (
            'The platform released the "Shared List for Cold-Chain Logistics in the Northwest" in July.\n',
            "Shared List for Cold-Chain Logistics in the Northwest",
        ),
        (
            'Its first joint document, the "Bohai Rim Port Clearance Initiative", was signed by the four parties in '
            "Yantai.\n",
            "Bohai Rim Port Clearance Initiative",
        ),
    ],
)
def test_a_title_after_a_date_a_naming_word_a_possessive_or_of_a_list_is_read(text: str, want: str) -> None:
    """An unquoted title after a verb and a date ("approved in June 2031 the ..."), after "titled", after a body's
    possessive and before ", issued in <month>", or before "(Announcement No. N of <year>)"; a quoted "List" released,
    an "Initiative" signed in the passive after a comma: each read as a document."""
    for t in (text, rewrapped(text)):
        r = parse_report(t, "news.txt")
        docs = {str(e.properties.get("title") or e.name) for e in r.entities if e.label is Label.DOCUMENT}
        assert want in docs


@pytest.mark.parametrize(
    "text",
    [
        "So far the State Council has promoted nine batches of reform pilot experience nationwide, 380 items in all.\n",
        "Together with the reform experience that the State Council has promoted nationwide, the zones have "
        "contributed 402 innovations.\n",
        "The General Administration of Customs promoted ten facilitation measures for bonded zones last year.\n",
    ],
)
def test_a_body_that_promoted_batches_or_measures_is_read(text: str) -> None:
    """A national body that "promoted" batches or measures (in a relative clause too) acts on them: it is read."""
    for t in (text, rewrapped(text)):
        found = _bodies(parse_report(t, "news.txt"))
        assert found & {"State Council", "General Administration of Customs"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Jiaxing has acted on the lesson. The Jiaxing Municipal People's Government approved a list of 30 "
            "innovations to be introduced this year.\n",
            "Jiaxing Municipal People's Government",
        ),
        (
            "The change follows the Zhuhai Municipal People\u2019s Government\u2019s Action Plan for Aligning with "
            "Hengqin Rules, issued in May.\n",
            "Zhuhai Municipal People\u2019s Government",
        ),
        (
            "Last spring the Xiamen Municipal People's Government followed with the Several Measures on Supporting "
            "Shipping Finance in Xiamen, which took effect at once.\n",
            "Xiamen Municipal People's Government",
        ),
    ],
)
def test_a_city_government_acting_on_a_document_is_read(text: str, want: str) -> None:
    """A city's government named by its place and level, acting on a document (a verb after it, its possessive
    before a title, "followed with the ..."), is a body; one only named is not."""
    for t in (text, rewrapped(text)):
        assert want in _bodies(parse_report(t, "news.txt"))
    said = "An official of the Jiaxing Municipal People's Government said Zhejiang FTZ's list was long.\n"
    assert not any("Jiaxing" in b for b in _bodies(parse_report(said, "news.txt")))


def test_a_title_after_a_phrase_of_putting_it_out_is_read() -> None:
    """ "... followed with the Several Measures on ..., which ...": the unquoted title is a document."""
    text = (
        "Last spring the Xiamen Municipal People's Government followed with the Several Measures on Supporting "
        "Shipping Finance in Xiamen, which took effect at once.\n"
    )
    for t in (text, rewrapped(text)):
        r = parse_report(t, "news.txt")
        docs = {str(e.properties.get("title") or e.name) for e in r.entities if e.label is Label.DOCUMENT}
        assert "Several Measures on Supporting Shipping Finance in Xiamen" in docs


def _issued(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    r = parse_report(text, "ordered.txt")
    keys = {e.key for e in r.entities if e.label is Label.BATCH}
    return keys, {(x.start.key, x.end.key) for x in r.relations if x.type is Rel.RESPONSIBLE_FOR}


ORDERED = (
    "In 2027 the State Council directed that the third batch of 18 pilot measures aligned with international "
    "rules be scaled up across the country; the Ministry of Commerce published the seventh batch of 30 best "
    "practices from the zones; and, jointly with other ministries, it also issued the fifth batch of 19 "
    "successful reform experience promoted by various departments.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        ORDERED,
        rewrapped(ORDERED),
        ORDERED.replace("directed", "ordered").replace("it also issued", "the ministry released"),
        ORDERED.replace("best practices", "\u201cbest practices\u201d").replace("In 2027 ", ""),
    ],
)
def test_a_body_ordering_a_batch_spread_and_a_pronoun_for_the_body_release_it(text: str) -> None:
    keys, responsible = _issued(text)
    assert {"national:pilot-measures:3", "national:best-practices:7", "national:department-experience:5"} <= keys
    assert ("state-council", "national:pilot-measures:3") in responsible
    assert ("mofcom", "national:department-experience:5") in responsible  # "it": the ministry of the clause before


def test_a_pronoun_after_a_clause_whose_body_released_nothing_is_not_read() -> None:
    _keys, responsible = _issued(
        "The State Council met in May; it released the fifth batch of 19 successful reform experience.\n"
    )
    assert ("state-council", "national:department-experience:5") not in responsible


@pytest.mark.parametrize(
    "text",
    [
        "It is the first batch of best practice cases compiled since the new strategy was adopted, and it follows "
        "the fourth batch of 20 best practice cases released by MOFCOM in 2023.\n",
        rewrapped(
            "This is the first batch of 'best practice cases' selected ever since the zones were upgraded; the "
            "fourth batch of 20 best practice cases was released by MOFCOM in 2023.\n"
        ),
    ],
)
def test_the_first_batch_since_an_event_is_not_the_first_of_its_series(text: str) -> None:
    keys, _ = _issued(text)
    assert "national:best-practices:4" in keys
    assert "national:best-practices:1" not in keys


MEMBERS = (
    "The Ministry of Transport released the third batch of 15 best practices of the pilot free trade zones.\n\n"
    'Hubei FTZ contributed a "river-sea pilot booking" service for inland ports. Other practices in the batch '
    'include joint inspection of dangerous goods containers, the "one chart" service for berth allocation, and a '
    "shared register of ship crew certificates.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        MEMBERS,
        rewrapped(MEMBERS),
        MEMBERS.replace("Other practices in the batch include", "The remaining measures of this batch cover").replace(
            '"one chart"', "\u2018one chart\u2019"
        ),
    ],
)
def test_the_items_a_sentence_puts_in_the_batch_released_before_are_its_items_derived(text: str) -> None:
    found = _national(parse_report(text, "members.txt"))
    for name in (
        "joint inspection of dangerous goods containers",
        "one chart service for berth allocation",
        "shared register of ship crew certificates",
    ):
        assert found.get(name) == ("national:best-practices:3", True), found


def test_items_of_a_batch_with_no_release_before_are_not_read() -> None:
    text = MEMBERS.split("\n\n", 1)[1]
    assert "shared register of ship crew certificates" not in _national(parse_report(text, "members.txt"))


AFTER_BY = (
    "The zones followed the opening plan set out by the CPC Central Committee and the State Council. Upon evaluation "
    "by the Inter-Ministerial Joint Conference on the Work of Pilot Free Trade Zones, 14 more items will be spread. "
    "The Ministry of Justice said notaries were busy.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        AFTER_BY,
        rewrapped(AFTER_BY),
        AFTER_BY.replace("set out by", "laid down by").replace("Upon evaluation by", "After an assessment by"),
    ],
)
def test_bodies_after_a_participle_or_a_noun_of_their_act_and_by_are_read(text: str) -> None:
    found = {b.replace("- ", "-") for b in _bodies(parse_report(text, "notice.txt"))}  # a hyphen at a line's end
    assert {"CPC Central Committee", "State Council"} <= found
    assert "Inter-Ministerial Joint Conference on the Work of Pilot Free Trade Zones" in found  # the name as printed
    assert not any("Justice" in b or b.startswith("Office") for b in found)
    office = {
        b.replace("- ", "-")
        for b in _bodies(parse_report(text.replace("by the Inter", "by the Office of the Inter"), "n"))
    }
    assert "Office of the Inter-Ministerial Joint Conference on the Work of Pilot Free Trade Zones" in office
