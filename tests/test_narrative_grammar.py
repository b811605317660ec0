"""Tests of the narrative grammar: one registry of rules of one signature, the lexicon, rule names in provenance.

Each rule of :data:`loaders.narrative.RULES` has an excerpt here that it reads (issue 24, item 2).
"""

from __future__ import annotations

import inspect

import pytest

from pftz.ground.schema import Label, Rel
from pftz.loaders import lexicon
from pftz.loaders.evaluate import facts_from_report
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.narrative import RULES, Clause, Narrative, Rule, read_narrative
from pftz.loaders.report import load_report, parse_report
from pftz.loaders.structure import parse_structure
from pftz.loaders.text import paragraphs, split_lines
from tests.perturb import report_facts, rewrapped

GAZ = Gazetteer.default()


def _read(text: str) -> Narrative:
    lines = split_lines(text)
    return read_narrative(paragraphs(lines), parse_structure(lines), GAZ)


def _rules_fired(text: str) -> set[str]:
    n = _read(text)
    return {f.rule for f in (*n.cases, *n.adoptions, *n.efforts)}


# --------------------------------------------------------------------------- the registry
def test_rules_have_one_signature_a_name_and_a_docstring() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for r in RULES:
        assert isinstance(r, Rule)
        assert r.doc, f"rule {r.name} has no docstring"
        params = list(inspect.signature(r.prod).parameters.values())
        assert len(params) == 1 and params[0].annotation in (Clause, "Clause"), r.name


# one excerpt per registry rule: the fact-level rule names each may record
EXCERPTS: dict[str, tuple[str, set[str]]] = {
    "provincial-example": (
        "Xinjiang PFTZ has produced two batches of institutional innovations, which were replicated and scaled up "
        'across the entire region. Specifically, the "cross-port mutual recognition for foreign vehicles" was one.',
        {"provincial-example"},
    ),
    "this-model": (
        'Hubei PFTZ has explored a "one-stop credit repair" model for market entities. This model has been '
        "replicated and scaled up across the province.",
        {"this-model"},
    ),
    "group-pronoun": (
        "The nine provinces and autonomous regions along the Yellow River have leveraged the Yellow River Basin "
        "PFTZ Alliance to use shared policies. They have steadily promoted the cross-regional sharing of "
        "high-quality services within the alliance.",
        {"group-pronoun"},
    ),
    "new-batch": (
        "PFTZs in Fujian and Liaoning have promoted the replication and scaling of a new batch of institutional "
        "innovations across their respective provinces.",
        {"new-batch"},
    ),
    "scope-list": (
        "In total, 17 measures are replicated and scaled up across all PFTZs, including smart supervision of "
        "bonded warehouses, online filing of foreign trade operators, and paperless release of imported goods.",
        {"scope-list"},
    ),
    "body-promoted": (
        'The Ministry of Commerce promoted the "one-stop export credit insurance window" throughout the country.',
        {"body-promoted"},
    ),
    "replicated": (
        'Shanxi Province replicated and scaled up the "ship supervision and declaration" model from the 5th batch '
        "of best practices.",
        {"replicated"},
    ),
    "adopted-by": (
        'For example, the "smart supervision model for bonded fuel oil blending" of Zhoushan Area of Zhejiang PFTZ '
        "has been replicated in the Jiaxing coordinated innovation zone of Zhejiang PFTZ, cutting costs by 20%.",
        {"adopted-by"},
    ),
    "drew-on": (
        'Gansu Province drew on the "customs clearance model for rail-sea intermodal transport" of Chongqing PFTZ '
        "to build its own channel.",
        {"drew-on"},
    ),
    "alliance": (
        "PFTZs in Shanghai, Jiangsu, Zhejiang, and Anhui have set up the Yangtze River Delta PFTZ Alliance.",
        {"alliance"},
    ),
    "alliance-items": (
        "The Northern Ports PFTZ Alliance brings together the Tianjin, Hebei and Liaoning PFTZs.\n\nThe second "
        "batch of 6 innovations includes a shared berth plan for coal carriers, set up by the Hebei and Liaoning FTZs.",
        {"alliance", "alliance-batch"},
    ),
    "joint-action": (
        "PFTZs in Shanghai, Jiangsu, Zhejiang, and Anhui, through the Yangtze River Delta PFTZ Alliance, jointly "
        'issued the "Initiative on Cooperative Development of PFTZs".',
        {"joint-action"},
    ),
    "titles-and-lists": (
        "Sichuan and Chongqing PFTZs have jointly launched integrated power supply service reforms, and jointly "
        "explored new models of strong-village cooperation.",
        {"joint-clauses"},
    ),
    "quoted-case": (
        'Shanghai PFTZ\'s "integrated license for convergent business" allows enterprises to combine approvals.',
        {"possessive"},
    ),
    "unquoted-practice": (
        "For example, Shanghai PFTZ has introduced cross-border applications for digital RMB, facilitating the "
        "nation's first payment.",
        {"object"},
    ),
    "took-the-lead": (
        "Hainan FTP took the lead in piloting bonded maintenance of aircraft engines, which cut costs.",
        {"took-the-lead"},
    ),
    "listed-for": (
        'Henan PFTZ launched the "one waybill to the end" model in 2022. The Henan Provincial People\'s Government '
        "listed the model in its fifth batch of cases of the Henan FTZ in 2023 for replication across the province.",
        {"listed-for"},
    ),
    "appeared-in": (
        'The "one vessel, multiple refuelling points" supervision was first piloted in the Zhoushan Area of the '
        "Zhejiang Pilot FTZ in 2018; within three years comparable arrangements had appeared in the Dalian Area of "
        "the China (Liaoning) Pilot Free Trade Zone and in the Qingdao Area of Shandong FTZ.",
        {"appeared-in"},
    ),
    "among-scope": (
        "Among the achievements to be replicated region-wide:\n- the Nanning Area of Guangxi PFTZ's "
        '"cross-border RMB settlement for sellers", which has served merchants;\n- Guangxi PFTZ\'s "online '
        'mediation of commercial disputes".',
        {"among-scope"},
    ),
    "among-national": (
        'Among the items to be replicated nationwide are the "joint inspection at border ports" model of Yunnan '
        'PFTZ and the "digital bill of lading" service from Shandong PFTZ.',
        {"among-national"},
    ),
    "which-adopted": (
        "Fujian PFTZ's joint approval of sea use and construction permits for port projects, which Zhejiang "
        "Province replicated in 2027, lets a project apply once.",
        {"which-adopted"},
    ),
    "following-lead": (
        "Following the lead of Guangxi PFTZ, Gansu introduced a one-stop service for border trade settlement at "
        "its land ports.",
        {"following-lead"},
    ),
    "zone-batch": (
        "For example, the Office of the Leading Group for Hunan PFTZ Work released the seventh batch of 24 "
        "institutional innovations in May 2027, of which 20 are replicated province-wide.",
        {"zone-batch"},
    ),
    "listed-then-scope": (
        "The ministry compiled the fourth batch of 12 reform experiences. They include online renewal of pilot "
        "licences for ships, and shared credit files of customs brokers. These experiences are applied throughout "
        "the country.",
        {"listed-then-scope"},
    ),
    "applies-in": (
        'The "joint fee list" model for port charges of Shandong PFTZ is to be replicated in all PFTZs, while the '
        '"bonded soybean crushing" model for Russian imports of Heilongjiang PFTZ applies only in designated areas.',
        {"applies-in"},
    ),
    "defined-term": (
        'The "remote audit of bonded stocks" of Fujian PFTZ, referred to below as the Fujian audit model, was '
        "widely praised. The Fujian audit model has since been extended to Jiangxi Province.",
        {"defined-term"},
    ),
    "listed-item": (
        "3. A bonded grain ledger for imported soybeans (Shandong PFTZ) -- replicated in Linyi and across the "
        "province;",
        {"listed-item"},
    ),
    "dubbed": (
        "A bonded repair model developed in the Hainan FTP has been taken up by Hunan Province. Under the model, "
        'known as "repair on arrival" for aircraft engines, parts clear in a day.',
        {"dubbed"},
    ),
    "batch-includes": (
        "Tianjin PFTZ has released six batches of its own cases. The latest batch includes a bonded ledger for "
        "leased aircraft and a one-window check for cruise crews.",
        {"batch-includes"},
    ),
    "adopter-noun": (
        'Shaanxi PFTZ set up a "seed export passport" for farm exporters. Its adopters include Gansu Province and '
        "Ningxia.",
        {"adopter-noun"},
    ),
    "extended-from": (
        'The Ministry of Transport issued the "Notice on Cruise Ports" in 2030, extending to all PFTZs the '
        "bonded catering supply service for cruise ships first tried in the Lingang Special Area (Shanghai).",
        {"extended-from"},
    ),
    "fronted-adoption": (
        'Hubei PFTZ launched a "river cargo pass" for barges on the Han River. Learning from this practice, Jiangxi '
        "Province opened a barge pass office at Jiujiang.",
        {"fronted-adoption"},
    ),
}


def test_every_rule_has_an_excerpt() -> None:
    assert set(EXCERPTS) == {r.name for r in RULES}


@pytest.mark.parametrize("name", list(EXCERPTS))
def test_each_rule_reads_its_excerpt(name: str) -> None:
    text, rules = EXCERPTS[name]
    assert rules <= _rules_fired(text), name


# --------------------------------------------------------------------------- clauses, not lines
def _adoptions(text: str) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {(a.name, a.adopter_kind, a.adopter_key, a.origins) for a in _read(text).adoptions}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            'Fujian PFTZ\'s "cross-Straits mutual recognition of professional titles" has been taken up by Jiangxi '
            "Province, benefiting 300 professionals.",
            ("cross-Straits mutual recognition of professional titles", "province", "jiangxi", ("fujian",)),
        ),
        (
            'Hubei PFTZ has explored a "one-stop credit repair" model for market entities. This model has been '
            "replicated and scaled up across Hubei Province, covering all cities.",
            ("one-stop credit repair", "province", "hubei", ("hubei",)),
        ),
        (
            'Guangxi PFTZ launched the "single-window service for cross-border trucks". The practice has since been '
            "taken up by Yunnan Province.",
            ("single-window service for cross-border trucks", "province", "yunnan", ("guangxi",)),
        ),
        (
            'Shanxi Province has adopted Shanghai PFTZ\'s "integrated license for convergent business", issuing '
            "1,200 licenses in 2024.",
            ("integrated license for convergent business", "province", "shanxi", ("shanghai",)),
        ),
        (
            'Inner Mongolia Autonomous Region took the "green channel for urgently needed medical devices" of '
            "Hainan FTP as a reference.",
            ("green channel for urgently needed medical devices", "province", "inner-mongolia", ("hainan-ftp",)),
        ),
        (
            'The "paperless port release" model of Tianjin PFTZ has been replicated province-wide in Hebei.',
            ("paperless port release", "province", "hebei", ("tianjin",)),
        ),
        (
            'Tianjin PFTZ\'s "paperless port release" model has been replicated province-wide.',
            ("paperless port release", "province", "tianjin", ("tianjin",)),
        ),
    ],
    ids=["taken-up-by", "this-model-across", "the-practice", "has-adopted", "as-a-reference", "scope-in", "scope"],
)
def test_adoption_in_either_direction(text: str, want: tuple[str, str, str, tuple[str, ...]]) -> None:
    assert want in _adoptions(text)


def test_no_adoption_of_a_zone_by_itself_or_of_a_launch() -> None:
    def new_rules(text: str) -> set[str]:
        return {a.rule for a in _read(text).adoptions} & {"adopted-by", "drew-on"}

    assert not new_rules('The "bonded maintenance of aircraft engines" was launched by Hainan FTP in March 2024.')
    assert not new_rules(
        'The "new mechanism for coordinated market regulation in PFTZs in Beijing, Tianjin, and Hebei" has been '
        "adopted in Beijing, Tianjin, and Hebei by unifying standards."
    )
    assert not new_rules('Shanghai PFTZ adopted "one code per machine" management for imported components.')


def test_a_co_actor_makes_a_joint_case() -> None:
    text = (
        'Shandong PFTZ, together with Henan PFTZ, established the "joint customs transit mechanism for inland '
        'ports", reducing time by half.'
    )
    (case,) = _read(text).cases
    assert case.zones == ("henan", "shandong") and case.joint


def test_passive_launch_and_under_credit_the_zone_after() -> None:
    got = {c.name: c.zones for c in _read(
        'The "bonded maintenance of aircraft engines" was launched by Hainan FTP in March 2024. Under the "one '
        'license for multiple sites" reform launched by Anhui PFTZ, enterprises can add sites.'
    ).cases}  # fmt: skip
    assert got == {
        "bonded maintenance of aircraft engines": ("hainan-ftp",),
        "one license for multiple sites": ("anhui",),
    }


def test_a_sentence_cut_by_a_page_break_is_one_sentence() -> None:
    text = (
        "PFTZs of Beijing, Tianjin, and Hebei convened the Third Joint Conference on the\n\n\n\nCoordinated "
        "Development of Beijing PFTZs, Tianjin PFTZ and Hebei PFTZ. During the conference, a plan was signed."
    )
    names = {e.name for e in _read(text).efforts}
    assert (
        "Third Joint Conference on the Coordinated Development of Beijing PFTZs, Tianjin PFTZ and Hebei PFTZ" in names
    )


# --------------------------------------------------------------------------- the lexicon
def test_lexicon_lists_are_one_home_of_words() -> None:
    for attr in (
        "PILOT_VERB_FORMS",
        "PASSIVE_ADOPT_VERBS",
        "ACTIVE_ADOPT_VERBS",
        "PROVINCE_SCOPES",
        "CASE_HEADS",
        "BODY_HEADS",
        "TITLE_WORDS",
        "ORDINALS",
        "ANAPHORA",
    ):
        words = getattr(lexicon, attr)
        assert words and len(words) == len(set(words)), attr
    assert lexicon.ORDINALS[2] == "third"
    assert lexicon.body_kind("Yellow River Basin PFTZ Alliance") == "alliance"
    assert lexicon.body_kind("Joint Conference Mechanism for the Beijing-Tianjin-Hebei PFTZs") == "mechanism"


# --------------------------------------------------------------------------- rule names in provenance
def test_a_fact_records_its_rule_in_its_provenance() -> None:
    report = load_report()
    case_edges = [r for r in report.relations if r.type is Rel.ORIGINATED_IN and r.provenance.rule]
    assert {r.provenance.rule for r in case_edges} >= {"possessive", "verb", "joint-clauses"}
    adopted = [r for r in report.relations if r.type is Rel.ADOPTED]
    read = [r for r in adopted if r.provenance.rule]  # the rest come from the tables, read by no narrative rule
    assert len(read) >= 20 and all(r.provenance.to_dict()["rule"] == r.provenance.rule for r in read)
    zones = [e for e in report.entities if e.label is Label.ZONE and not e.provenance.rule]
    assert zones and "rule" not in zones[0].provenance.to_dict()  # other readers record no rule


# --------------------------------------------------------------------------- forms of the 2026 development edition
def test_scope_lists_of_a_second_batch() -> None:
    text = (
        "Of the 20 measures, 12 are to be replicated and scaled up throughout the country, including accepting "
        "electronic certificates of origin, and publishing procurement intentions in advance. The other 8 measures "
        "are extended to all PFTZs, including piloting the transfer of non-performing loans abroad."
    )
    got = {(a.name, a.adopter_key) for a in _read(text).adoptions}
    assert ("accepting electronic certificates of origin", "nationwide") in got
    assert ("piloting the transfer of non-performing loans abroad", "all PFTZs") in got


def test_new_batches_replicated_across_their_provinces() -> None:
    text = (
        "PFTZs in Guangdong, Sichuan and other localities released new batches of provincial innovations in 2025 "
        "and replicated them across their respective provinces."
    )
    got = {(a.adopter_key, a.origins) for a in _read(text).adoptions if a.rule == "new-batch"}
    assert got == {("guangdong", ("guangdong",)), ("sichuan", ("sichuan",))}


def test_an_alliance_batch_named_in_the_next_sentence() -> None:
    text = (
        "The Yangtze River Delta PFTZ Alliance, made up of the PFTZs in Shanghai, Jiangsu, Zhejiang and Anhui, "
        'released its fourth batch of 10 collaborative institutional innovations. **For example**, the "shared '
        'bonded warehouse supervision data" allows transfers without inspection.'
    )
    n = _read(text)
    (e,) = n.efforts
    assert e.members == ("anhui", "jiangsu", "shanghai", "zhejiang") and e.batch == (4, 10)
    assert e.released == ("shared bonded warehouse supervision data",)
    assert {(c.name, c.zones, c.joint) for c in n.cases} == {
        ("shared bonded warehouse supervision data", ("anhui", "jiangsu", "shanghai", "zhejiang"), True)
    }


def test_a_cooperation_platform_of_two_zones_and_a_province() -> None:
    text = (
        "In June 2025, Chongqing PFTZ, Guangxi PFTZ and Guizhou Province set up the Western Corridor Customs "
        "Cooperation Platform, which released a list of joint measures."
    )
    (e,) = _read(text).efforts
    assert (e.kind, e.members, e.provinces) == ("cooperation platform", ("chongqing", "guangxi"), ("guizhou",))


def test_a_joint_document_of_an_alliance_with_provinces() -> None:
    text = (
        "The Yellow River Basin PFTZ Alliance, composed of the PFTZs of Shandong and Henan together with Shanxi "
        'and Gansu, issued the "Joint Action Plan for Open Development of the Yellow River Basin".'
    )
    efforts = {e.name: e for e in _read(text).efforts}
    alliance = efforts["Yellow River Basin PFTZ Alliance"]
    assert (alliance.members, alliance.provinces) == (("henan", "shandong"), ("gansu", "shanxi"))
    plan = efforts["Joint Action Plan for Open Development of the Yellow River Basin"]
    assert plan.by == "Yellow River Basin PFTZ Alliance" and plan.provinces == ("gansu", "shanxi")


def test_a_practice_launched_by_zones_in_an_appositive() -> None:
    text = (
        "A shared supervision model for bonded logistics centers along the river, jointly launched by Hubei and "
        "Hunan PFTZs, has allowed enterprises to use a single guarantee."
    )
    (case,) = _read(text).cases
    assert case.zones == ("hubei", "hunan") and case.joint and case.rule == "launched-by"


def test_an_anaphor_stands_for_what_an_adopter_took_up() -> None:
    text = (
        'Guizhou Province learned from Chongqing PFTZ\'s "whole-chain innovation in data marketization" and set up '
        "a registration center. The practice was later adopted by Gansu Province."
    )
    got = {(a.name, a.adopter_key, a.origins) for a in _read(text).adoptions}
    assert ("whole-chain innovation in data marketization", "gansu", ("chongqing",)) in got
    assert ("whole-chain innovation in data marketization", "guizhou", ("chongqing",)) in got


def test_each_clause_its_own_adoption() -> None:
    text = (
        'Qinghai Province borrowed the "full electronic tax payment" from the seventh batch of reform pilot '
        'experience, and Jilin Province took as a reference the "smart railway inspection model" of Liaoning PFTZ.'
    )
    got = {(a.name, a.adopter_key, a.origins) for a in _read(text).adoptions}
    assert ("full electronic tax payment", "qinghai", ()) in got
    assert ("smart railway inspection model", "jilin", ("liaoning",)) in got


def test_the_model_drew_on_another_zone() -> None:
    text = (
        'Shaanxi PFTZ\'s "intellectual property securitization for hard technology firms" raised RMB 510 million. '
        "The model drew on the experience of Guangdong PFTZ."
    )
    got = {(a.name, a.adopter_kind, a.adopter_key, a.origins) for a in _read(text).adoptions}
    assert got == {
        ("intellectual property securitization for hard technology firms", "zone", "shaanxi", ("guangdong",))
    }


def test_a_page_number_between_the_halves_of_a_cut_sentence() -> None:
    text = (
        "Qinghai Province borrowed the \"cross-border RMB full electronic\n\nReport on China's Pilot Free Trade "
        'Zones\n2026\n\n\n\n11\n\ntax payment" from the seventh batch of reform pilot experience.'
    )
    (a,) = _read(text).adoptions
    assert a.name == "cross-border RMB full electronic tax payment"


def test_a_body_printed_in_lower_case_is_an_alliance_not_a_case() -> None:
    text = (
        "Shanghai, Jiangsu and Zhejiang PFTZs set up a joint conference mechanism for customs cooperation in the "
        "Yangtze River Delta, which meets twice a year. In 2025, Chongqing PFTZ, Guangxi PFTZ and Guizhou Province "
        "established a cooperation platform for the western corridor. Shanghai PFTZ set up a cooperation platform "
        "for overseas investors."
    )
    n = _read(text)
    got = {(e.name, e.kind, e.members, e.provinces) for e in n.efforts}
    assert got == {
        (
            "joint conference mechanism for customs cooperation in the Yangtze River Delta",
            "mechanism",
            ("jiangsu", "shanghai", "zhejiang"),
            (),
        ),
        (
            "cooperation platform for the western corridor",
            "cooperation platform",
            ("chongqing", "guangxi"),
            ("guizhou",),
        ),
    }
    assert not any("joint conference mechanism" in c.name for c in n.cases)


def test_an_unquoted_innovation_of_another_zone() -> None:
    got = _adoptions(
        "Zhejiang Province replicated Shanghai PFTZ's smart customs clearance model for bonded goods, cutting "
        "costs. Anhui Province drew on the cross-border data management model of Shanghai PFTZ."
    )
    assert ("smart customs clearance model for bonded goods", "province", "zhejiang", ("shanghai",)) in got
    assert ("cross-border data management model", "province", "anhui", ("shanghai",)) in got


def test_ftzs_in_a_list_of_places_are_one_actor() -> None:
    text = (
        "The FTZs in Shanghai, Guangdong, and Tianjin established a mechanism for mutual recognition of "
        "inspection results for bonded maintenance, so that an engine is not inspected again."
    )
    (case,) = _read(text).cases
    assert set(case.zones) == {"shanghai", "guangdong", "tianjin"}


def test_together_with_is_a_co_actor_not_a_joint_action() -> None:
    text = (
        "Pilot free trade zones in Chongqing, Sichuan, Guangxi, Yunnan and Shaanxi, together with Guizhou and "
        "Gansu provinces, on Thursday set up the Western Land-Sea Corridor Pilot Free Trade Zone Alliance."
    )
    assert {e.rule for e in _read(text).efforts} == {"alliance"}


def test_an_anaphor_object_with_a_place_after_it_and_a_list_of_provinces() -> None:
    text = (
        'Henan FTZ launched the "one waybill to the end" model in 2022.\n\n'
        "The Shaanxi Pilot FTZ introduced the model at the Xi'an International Port Area in March 2024, while "
        "Anhui Province and Guizhou Province adopted it for rail-sea shipments last year."
    )
    got = {(a.adopter_key, a.origins) for a in _read(text).adoptions if a.name == "one waybill to the end"}
    assert got == {("shaanxi", ("henan",)), ("anhui", ("henan",)), ("guizhou", ("henan",))}


def test_the_cases_after_a_province_wide_lead_are_replicated_in_their_province() -> None:
    text = (
        "Among the achievements to be replicated region-wide:\n- the Nanning Area of Guangxi PFTZ's "
        '"cross-border RMB settlement for sellers", which has served merchants;\n- Guangxi PFTZ\'s "online '
        'mediation of commercial disputes".'
    )
    got = {(a.name, a.adopter_key, a.scope) for a in _read(text).adoptions if a.rule == "among-scope"}
    assert got == {
        ("cross-border RMB settlement for sellers", "guangxi", "province-wide"),
        ("online mediation of commercial disputes", "guangxi", "province-wide"),
    }
    assert not _read(text.replace("region-wide", "in bonded zones")).adoptions


def _joint_cases(text: str) -> dict[str, frozenset[str]]:
    """The joint zone cases of a text read whole (the report's zone finder knows the areas)."""
    facts = facts_from_report(parse_report(text + "\n", "excerpt.txt"))
    return {f.name: f.actors for f in facts if f.fact == "zone_case" and f.joint}


def test_an_area_and_its_pftz_then_another_area_are_two_joint_origins() -> None:
    text = (
        'They include a "one bill of lading for sea-rail intermodal transport" jointly developed by the Guoyuan '
        "Port Area of the China (Chongqing) Pilot Free Trade Zone and the Qinzhou Port Area of the Guangxi FTZ."
    )
    assert _joint_cases(text) == {
        "one bill of lading for sea-rail intermodal transport": frozenset({"zone:chongqing", "zone:guangxi"})
    }


def test_zones_that_signed_a_memorandum_acted_together() -> None:
    text = (
        "In a separate development, the FTZs in Shandong, Jiangsu, and Hebei on Wednesday signed a memorandum "
        "on port-to-port sharing of customs inspection data in Qingdao."
    )
    facts = facts_from_report(parse_report(text + "\n", "excerpt.txt"))
    # what they signed is a document the three issued together, not a joint innovation
    assert not _joint_cases(text)
    assert {(f.fact, f.name, f.actors) for f in facts if f.fact == "joint_effort"} == {
        (
            "joint_effort",
            "memorandum on port-to-port sharing of customs inspection data in Qingdao",
            frozenset({"zone:shandong", "zone:jiangsu", "zone:hebei"}),
        )
    }


def test_a_zone_that_contributed_a_quoted_practice_piloted_it() -> None:
    text = 'Zhejiang PFTZ contributed "one port, multiple berths" supervision for LNG bunkering, cutting costs.'
    assert {(c.name, c.zones) for c in _read(text).cases} == {("one port, multiple berths", ("zhejiang",))}


def test_an_anaphor_listed_in_a_batch_for_replication_across_the_province() -> None:
    text = (
        'Henan PFTZ launched the "one waybill to the end" model in 2022. The Henan Provincial People\'s Government '
        "listed the model in its fifth batch of cases of the Henan FTZ in 2023 for replication across the province."
    )
    got = {(a.name, a.adopter_key, a.origins) for a in _read(text).adoptions if a.rule == "listed-for"}
    assert got == {("one waybill to the end", "henan", ("henan",))}
    assert not [a for a in _read(text.replace("across the province", "in Zhengzhou")).adoptions]


@pytest.mark.parametrize(
    "text",
    [
        'Yunnan PFTZ set up the "border trade settlement desk" in 2024.\n\nThe practice was included in the ninth '
        "batch of pilot experience that the State Council published for nationwide replication in 2026.",
        # perturbed: re-wrapped, another zone and anaphor, curly quotes
        "Guangxi PFTZ set up the \u201ccross-border\nfinance window\u201d in 2024. The model has also been\nincluded "
        "in the ninth batch of pilot experience released for nationwide replication.",
    ],
)
def test_an_anaphor_included_in_a_batch_for_nationwide_replication_as_a_passive_subject(text: str) -> None:
    got = {(a.adopter_key, a.origins) for a in _read(text).adoptions if a.rule == "listed-for"}
    zone = "yunnan" if "Yunnan" in text else "guangxi"
    assert got == {("nationwide", (zone,))}
    # a practice only mentioned, not the subject of the inclusion: nothing
    other = text.replace("The practice was included", "Officials said the practice was included")
    other = other.replace("The model has also been\nincluded", "Officials said the model has also been\nincluded")
    assert not [a for a in _read(other).adoptions if a.rule == "listed-for"]


# --------------------------------------------------------------------------- forms of the 2027b development edition


@pytest.mark.parametrize(
    "head", ["Report on China's Pilot Free Trade Zones 2027", "Report on China's Pilot Free Trade Zones\n\n2027"]
)
def test_a_quote_cut_by_a_page_break_with_the_year_on_the_head_line(head: str) -> None:
    text = (
        'For example, the "integrated approval of port operations for LNG\n\n'
        f"{head}\n\n46\n\n\n\n"
        'bunkering vessels" first developed by Zhejiang PFTZ has been replicated in the Jiaxing coordinated '
        "innovation zone of Zhejiang PFTZ, cutting the approval time."
    )
    name = "integrated approval of port operations for LNG bunkering vessels"
    got = report_facts(text)
    assert ("zone_case", name, frozenset({"zone:zhejiang"}), "") in got
    assert ("adoption", name, frozenset({"zone:zhejiang"}), "city:jiaxing") in got


ADOPTIONS_2027B = [
    # (excerpt, a perturbed rewording, the adoptions (name, origin, adopter) each states)
    (
        'Fujian PFTZ\'s "facial recognition for online financial services for Taiwan compatriots" has been extended '
        "to all branches of the banks concerned in Guangdong and Zhejiang.",
        'Hubei PFTZ\'s "credit repair in one go for market entities" was rolled out to the courts concerned in '
        "Jiangxi, Hunan and Anhui.",
    ),
    (
        "Henan PFTZ's \"air cargo e-waybill + pre-clearance\" model was introduced to Guangxi's Qinzhou Port Area "
        "in 2026.",
        "Chongqing PFTZ's \"railway bill of lading pledge financing\" was introduced to Sichuan's Qingbaijiang "
        "Area last year.",
    ),
    (
        'Hainan FTP launched "real-world data studies for imported innovative drugs". This practice was learned '
        "from by the Hengqin Area, which applied it to Macao-registered drugs.",
        'Tianjin PFTZ developed an "aircraft lease asset transfer service". The approach has since been learnt '
        "from by the Nansha Area.",
    ),
    (
        'Shanxi Province learned from Anhui PFTZ\'s "pre-approval + commitment" model for construction permits, '
        'and in 2026, Yunnan Province adopted Hebei PFTZ\'s "smart review" of engineering construction drawings.',
        'Gansu Province learned from Shaanxi PFTZ\'s "use before payment" model, while last year Qinghai Province '
        'borrowed Hubei PFTZ\'s "patent pool operation model" for optoelectronics.',
    ),
]
EXPECTED_2027B = [
    (
        {
            ("facial recognition for online financial services for Taiwan compatriots", "zone:fujian", a)
            for a in ("province:guangdong", "province:zhejiang")
        },
        {
            ("credit repair in one go for market entities", "zone:hubei", a)
            for a in ("province:jiangxi", "province:hunan", "province:anhui")
        },
    ),
    (
        {("air cargo e-waybill + pre-clearance", "zone:henan", "zone:guangxi")},
        {("railway bill of lading pledge financing", "zone:chongqing", "zone:sichuan")},
    ),
    (
        {("real-world data studies for imported innovative drugs", "zone:hainan-ftp", "zone:guangdong")},
        {("aircraft lease asset transfer service", "zone:tianjin", "zone:guangdong")},
    ),
    (
        {
            ("pre-approval + commitment", "zone:anhui", "province:shanxi"),
            ("smart review", "zone:hebei", "province:yunnan"),
        },
        {
            ("use before payment", "zone:shaanxi", "province:gansu"),
            ("patent pool operation model", "zone:hubei", "province:qinghai"),
        },
    ),
]


def _adopted(text: str) -> set[tuple[str, str, str]]:
    return {(n, next(iter(sorted(a)), ""), ad) for f, n, a, ad in report_facts(text) if f == "adoption"}


@pytest.mark.parametrize("k", range(len(ADOPTIONS_2027B)))
def test_adoptions_of_the_2027b_forms_and_a_perturbed_copy(k: int) -> None:
    text, reworded = ADOPTIONS_2027B[k]
    want, want_reworded = EXPECTED_2027B[k]
    assert _adopted(text) == want
    assert _adopted(rewrapped(text)) == want
    assert _adopted(reworded) == want_reworded
    assert _adopted(rewrapped(reworded, 38)) == want_reworded


def test_a_region_without_a_pftz_that_introduced_a_quoted_innovation_adopted_it() -> None:
    text = (
        "Jilin borrowed a whitelist-based bonded maintenance model for aircraft engines from Tianjin PFTZ, and "
        'Inner Mongolia introduced the "bonded blending of imported copper concentrate" for ores imported '
        "through Erenhot."
    )
    got = report_facts(text)
    assert ("adoption", "bonded blending of imported copper concentrate", frozenset(), "province:inner-mongolia") in got
    # the zone of the clause before is no origin of the region's innovation
    assert not [f for f in got if f[0] == "zone_case" and f[1].startswith("bonded blending")]
    reworded = rewrapped(
        'Gansu drew on Shaanxi PFTZ\'s "use before payment" model, while Ningxia adopted the "tax withholding '
        'services for commodity trade" in its ports.'
    )
    got = report_facts(reworded)
    assert ("adoption", "tax withholding services for commodity trade", frozenset(), "province:ningxia") in got
    assert not [f for f in got if f[0] == "zone_case" and f[1].startswith("tax withholding")]
    # a province with a PFTZ of its own that introduced a quoted name without an origin: its own case, no adoption
    text = 'Hunan PFTZ set up a "one-stop export service", and Hunan Province introduced the "one card for talent".'
    assert not [f for f in report_facts(text) if f[0] == "adoption"]


def test_a_first_of_its_kind_after_any_verb_is_the_zones_case() -> None:
    text = (
        'For example, Lingang Special Area (Shanghai) released the nation\'s first "general data list" for '
        "cross-border transfer in the intelligent connected vehicle industry, under which firms may transfer data."
    )
    cases = {(n, a) for f, n, a, _ in report_facts(text) if f == "zone_case"}
    assert cases == {("general data list", frozenset({"zone:shanghai"}))}
    reworded = rewrapped(
        'Chongqing PFTZ unveiled China\'s first "used car export one certificate" model for dealers, cutting costs.', 30
    )
    cases = {(n, a) for f, n, a, _ in report_facts(reworded) if f == "zone_case"}
    assert cases == {("used car export one certificate", frozenset({"zone:chongqing"}))}


def test_a_word_cut_at_its_hyphen_by_a_line_end_is_one_word() -> None:
    (p,) = paragraphs(
        split_lines("Jiangsu PFTZ's cross-\nborder relocation without re-\nregistration for high-\nand low-sulfur oil.")
    )
    assert p.text == "Jiangsu PFTZ's cross-border relocation without re-registration for high- and low-sulfur oil."
    assert [p.line_at(p.text.index(w)) for w in ("border", "registration", "and low")] == [2, 3, 4]


CASES_2027B = [
    # (excerpt, its zone cases (name, origins)), each then read reworded and re-wrapped too
    (
        "Guangdong PFTZ continued to align rules with Hong Kong SAR. The Nansha Area of Guangdong PFTZ set up a "
        "port office. In Hengqin, the zone piloted the use of Macao-registered medical devices in designated "
        "medical institutions, and 31 devices had been approved by the end of 2026.",
        {("use of Macao-registered medical devices in designated medical institutions", frozenset({"zone:guangdong"}))},
    ),
    (
        "Fujian PFTZ continued to align rules with Taiwan. In Xiamen, the PFTZ piloted the application of "
        "Taiwan industry standards in public construction projects, and ten firms took part.",
        {("application of Taiwan industry standards in public construction projects", frozenset({"zone:fujian"}))},
    ),
    (
        "For example, the Zhoushan Area of Zhejiang PFTZ supplied 7.4 million tonnes of bonded marine fuel in 2026 "
        "and launched ship-to-ship bonded LNG bunkering at anchorage, the first such operation at a Chinese port.",
        {("ship-to-ship bonded LNG bunkering at anchorage", frozenset({"zone:zhejiang"}))},
    ),
    (
        "Shandong PFTZ handled 3 million tonnes of ore last year and introduced bonded blending of copper "
        "concentrate for export, the nation's first such business.",
        {("bonded blending of copper concentrate for export", frozenset({"zone:shandong"}))},
    ),
    (
        "Hebei PFTZ's Xiong'an Area applies artificial intelligence to the review of construction drawings. The "
        '"smart review of engineering construction drawings" checks compliance with 1,300 standards automatically.',
        {("smart review of engineering construction drawings", frozenset({"zone:hebei"}))},
    ),
    (
        'Under the "Kashgar centralized inspection model for agricultural products from Central Asia", Xinjiang '
        "PFTZ's Kashgar Area carries out inspection and quarantine of fruit and nuts in one designated centre.",
        {
            (
                "Kashgar centralized inspection model for agricultural products from Central Asia",
                frozenset({"zone:xinjiang"}),
            )
        },
    ),
    (
        'Through its "one card for foreign talent service", Hunan PFTZ integrates work permits and residence '
        "permits on one card.",
        {("one card for foreign talent service", frozenset({"zone:hunan"}))},
    ),
    (
        "Shipping information sharing for the middle reaches of the Yangtze River, jointly launched by Hubei and "
        "Hunan PFTZs, lets ports in Wuhan and Yueyang share vessel data.",
        {
            (
                "Shipping information sharing for the middle reaches of the Yangtze River",
                frozenset({"zone:hubei", "zone:hunan"}),
            )
        },
    ),
]


@pytest.mark.parametrize("k", range(len(CASES_2027B)))
def test_zone_cases_of_the_2027b_forms_and_a_perturbed_copy(k: int) -> None:
    text, want = CASES_2027B[k]
    for copy in (text, rewrapped(text), rewrapped(text, 33)):
        assert {(n, a) for f, n, a, _ in report_facts(copy) if f == "zone_case"} == want


def test_a_quoted_subject_after_a_case_of_its_zone_restates_it() -> None:
    text = (
        'Hebei PFTZ\'s Xiong\'an Area launched a "smart review" system for drawings. The "smart review of '
        'engineering construction drawings" checks compliance with 1,300 standards automatically.'
    )
    assert {n for f, n, _a, _ in report_facts(text) if f == "zone_case"} == {"smart review"}


def test_zones_that_released_new_batches_of_provincial_replication_adopted_them() -> None:
    for text in (
        "PFTZs in Sichuan, Hubei, Guangdong and other provinces released new batches of provincial replication "
        "in 2026 (see the table below).",
        rewrapped(
            "In 2025, the PFTZs in Hunan and Yunnan published new batches for provincial replication, covering trade "
            "and finance.",
            29,
        ),
    ):
        got = {(a, ad) for f, _n, a, ad in report_facts(text) if f == "adoption"}
        keys = {ad.split(":")[1] for _a, ad in got}
        assert got == {(frozenset({f"zone:{k}"}), f"province:{k}") for k in keys}
        assert keys in ({"sichuan", "hubei", "guangdong"}, {"hunan", "yunnan"})


def test_an_unquoted_practice_developed_in_a_zone_adapted_by_two_zones_in_turn() -> None:
    text = (
        "The SPV leasing model developed in the Dongjiang area of Tianjin FTZ from 2009 onwards was adapted by the "
        "Nansha Area of Guangdong FTZ in 2016 and later by the Lingang Special Area of the Shanghai Pilot FTZ."
    )
    reworded = (
        "A bonded maintenance model first piloted in the Xiamen Area of Fujian PFTZ has been adopted by the Hunan "
        "Pilot FTZ in March 2024, and then by the Hainan Free Trade Port."
    )
    for copy, name, origin, adopters in (
        (text, "SPV leasing model", "tianjin", {"guangdong", "shanghai"}),
        (rewrapped(reworded, 31), "bonded maintenance model", "fujian", {"hunan", "hainan-ftp"}),
    ):
        got = report_facts(copy)
        assert {ad for f, n, a, ad in got if f == "adoption" and n == name and a == {f"zone:{origin}"}} == {
            f"zone:{k}" for k in adopters
        }
        assert ("zone_case", name, frozenset({f"zone:{origin}"}), "") in got


def test_a_passive_adoption_by_a_list_of_zones_and_its_for_the_zone_before() -> None:
    text = (
        'Chongqing FTZ\'s "railway bill of lading as a document of title" was taken up by Sichuan FTZ and the '
        "Guangxi Pilot FTZ. Conversely, practices that depend on the special legal status of Hainan Free Trade "
        'Port, such as its "zero-tariff list for self-use production equipment", have diffused to no other zone.'
    )
    for copy in (text, rewrapped(text, 41)):
        got = report_facts(copy)
        assert {ad for f, _n, _a, ad in got if f == "adoption"} == {"zone:sichuan", "zone:guangxi"}
        assert (
            "zone_case",
            "zero-tariff list for self-use production equipment",
            frozenset({"zone:hainan-ftp"}),
            "",
        ) in got
    # "its" after another proper name is that one's
    text = 'Hainan FTP hosts the Boao Forum, such as its "annual dialogue on open economies for the world".'
    assert not [f for f in report_facts(text) if f[0] == "zone_case"]


def test_an_anaphor_included_in_a_national_batch_for_replication_nationwide() -> None:
    text = (
        'The "one vessel, multiple refuelling points" supervision was first piloted in the Zhoushan Area of the '
        "Zhejiang Pilot FTZ in 2018. Only afterwards did the State Council include the practice in the sixth batch "
        "of reform pilot experience for replication nationwide."
    )
    for copy in (text, rewrapped(text, 44)):
        assert ("one vessel, multiple refuelling points", "nationwide") in {
            (a.name, a.adopter_key) for a in _read(copy).adoptions
        }


def test_an_alliance_batch_of_a_quoted_and_an_unquoted_innovation_is_two_cases_once_each() -> None:
    text = (
        "In 2026, the Yangtze River Delta PFTZ Alliance, formed by the PFTZs of Shanghai, Jiangsu, Zhejiang and "
        'Anhui, released its fourth batch of 14 joint institutional innovations, including the "cross-regional '
        'mutual recognition of bonded R&D whitelists" and a unified credit evaluation of logistics enterprises in '
        "the delta."
    )
    members = frozenset({"zone:shanghai", "zone:jiangsu", "zone:zhejiang", "zone:anhui"})
    for copy in (text, rewrapped(text, 36)):
        cases = [(n, a) for f, n, a, _ in report_facts(copy) if f == "zone_case"]
        assert sorted(cases) == [
            ("cross-regional mutual recognition of bonded R&D whitelists", members),
            ("unified credit evaluation of logistics enterprises in the delta", members),
        ]


def test_a_copy_of_an_innovation_that_appeared_in_other_zones_is_adopted_by_each() -> None:
    text = EXCERPTS["appeared-in"][0]
    reworded = (
        'Tianjin PFTZ created an "aircraft lease asset transfer service" in 2019. Since then, similar practices '
        "have spread to Hunan Province and Anhui Province."
    )
    for copy, want in (
        (text, {("zone:zhejiang", "zone:liaoning"), ("zone:zhejiang", "zone:shandong")}),
        (rewrapped(reworded, 35), {("zone:tianjin", "province:hunan"), ("zone:tianjin", "province:anhui")}),
    ):
        got = {(next(iter(a)), ad) for f, _n, a, ad in report_facts(copy) if f == "adoption"}
        assert got == want
    # no likeness subject: no adoption
    assert not [f for f in report_facts(reworded.replace("similar practices", "exports")) if f[0] == "adoption"]


def test_a_date_printed_in_an_adoptions_own_clause_dates_it() -> None:
    def dates(text: str) -> dict[str, str]:
        return {a.adopter_key: a.date for a in _read(text).adoptions}

    text = (
        "The SPV leasing model developed in the Dongjiang area of Tianjin FTZ from 2009 onwards was adapted by the "
        "Nansha Area of Guangdong FTZ in 2016 and later by the Lingang Special Area of the Shanghai Pilot FTZ."
    )
    report = parse_report(rewrapped(text) + "\n", "excerpt.txt")
    got = {r.start.key.split("/")[0]: r.properties.get("date") for r in report.relations if r.type is Rel.ADOPTED}
    assert got == {"guangdong": "2016", "shanghai": None}
    text = (
        'Shanxi Province learned from Anhui PFTZ\'s "pre-approval + commitment" model, and in March 2026, Yunnan '
        'Province adopted Hebei PFTZ\'s "smart review" of engineering construction drawings.'
    )
    assert dates(text)["yunnan"] == "2026-03"
    assert dates(
        "Henan PFTZ's \"air cargo e-waybill\" model was introduced to Guangxi's Qinzhou Port Area in 2026."
    ) == {"guangxi": "2026"}
    text = (
        'Chongqing FTZ\'s "railway bill of lading as a document of title", first used for vehicles in 2017, was '
        "taken up by Sichuan FTZ."
    )
    assert dates(text) == {"sichuan": ""}  # the year of its first use is no date of the adoption


def test_an_adoption_sentence_naming_the_origin_again_is_evidence_of_its_case() -> None:
    text = (
        "Tianjin PFTZ took the lead in piloting a whitelist-based bonded maintenance model for aircraft engines in "
        "its Tianjin Airport Area.\n\nJilin borrowed a whitelist-based bonded maintenance model for aircraft engines "
        "from Tianjin PFTZ to serve its airlines.\n\nShaanxi PFTZ's \"intellectual property securitization for hard "
        'technology enterprises" issued the first such product. The model drew on the experience of Guangdong PFTZ.'
    )
    for copy in (text, rewrapped(text, 52)):
        facts = facts_from_report(parse_report(copy + "\n", "excerpt.txt"))
        cases = {f.name: (f.actors, len(f.lines)) for f in facts if f.fact == "zone_case"}
        name = "whitelist-based bonded maintenance model for aircraft engines"
        assert cases[name] == (frozenset({"zone:tianjin"}), 2)  # read where piloted and where Jilin borrowed it
        # the adopter's own case is not credited to the zone it drew on
        assert cases["intellectual property securitization for hard technology enterprises"][0] == {"zone:shaanxi"}


# --------------------------------------------------------------------------- members of bodies (tune-more)
_BODIES = (
    "In the south, the Pearl River PFTZ Alliance of Guangdong, Guangxi and Hainan released its third batch of 9 "
    "joint institutional innovations. The new body follows the Northeast PFTZ Coordination Mechanism for the "
    "Liaoning and Heilongjiang PFTZs and the Grand Canal PFTZ Alliance of six provinces and municipalities. The "
    "Hubei and Hunan pilot FTZs jointly operate the Dongting river transfer hub, where barges are cleared as "
    "\u201cone river, one check\u201d. The Shenzhen\u2013Hong Kong Cooperation Zone, which is jointly managed by "
    "Guangdong Province and the Hong Kong SAR, opened in May."
)


@pytest.mark.parametrize("perturb", [lambda t: t, rewrapped, lambda t: t.replace("Hubei and Hunan", "Henan and Anhui")])
def test_the_members_of_bodies_printed_after_their_names(perturb: object) -> None:
    """A body "of" a list of places (its members), a body before "and the <another body>" (two bodies), a body "of"
    a printed group, a place several zones "jointly operate" (a body, not a joint innovation), a body "jointly
    managed by" two regions (its members, provinces)."""
    text = perturb(_BODIES)  # type: ignore[operator]
    pair = ("anhui", "henan") if "Henan and Anhui" in text else ("hubei", "hunan")
    n = _read(text)
    got = {(e.name, e.members, e.provinces, e.members_text) for e in n.efforts}
    assert got == {
        ("Pearl River PFTZ Alliance", ("guangdong", "guangxi", "hainan"), (), ""),
        ("Northeast PFTZ Coordination Mechanism for the Liaoning and Heilongjiang PFTZs", ("heilongjiang", "liaoning"),
         (), ""),
        ("Grand Canal PFTZ Alliance", (), (), "six provinces and municipalities"),
        ("Dongting river transfer hub", pair, (), ""),
        ("Shenzhen\u2013Hong Kong Cooperation Zone", (), ("guangdong", "hong-kong"), ""),
    }  # fmt: skip
    assert not any("transfer hub" in c.name or "one river" in c.name for c in n.cases)


_ITEMS = (
    "The Northern Ports PFTZ Alliance brings together the Tianjin, Hebei and Liaoning PFTZs and Shanxi Province.\n\n"
    "The second batch of 6 innovations includes the \u201cone berth, two cargoes\u201d plan for coal carriers, "
    "developed jointly by the Caofeidian Area of the Hebei FTZ and the Dalian Area of the Liaoning FTZ, which has "
    "cut waiting times by a day. It also includes joint credit ratings of shipping agents among all members, a "
    "common list of bonded fuel suppliers drawn up by the Tianjin and Hebei FTZs, and a relay service for coal "
    "trains, worked out by the pilot free trade zones of Liaoning and Tianjin."
)


@pytest.mark.parametrize(
    "perturb",
    [lambda t: t, lambda t: rewrapped(t, 41), lambda t: t.replace("\u201c", '"').replace("\u201d", '"')],
)
def test_the_items_of_a_bodys_batch_named_by_its_ordinal(perturb: object) -> None:
    """The second batch of 6 innovations includes A, developed jointly by X and Y, ... It also includes B, C drawn
    up by Z, and D, worked out by W: each item the body's, a joint case of its developers or of all its members;
    its quoted name no case apart."""
    n = _read(perturb(_ITEMS))  # type: ignore[operator]
    got = {(c.name, c.zones, c.rule) for c in n.cases}
    assert got == {
        ("one berth, two cargoes plan for coal carriers", ("hebei", "liaoning"), "alliance-batch"),
        (
            "joint credit ratings of shipping agents among all members",
            ("hebei", "liaoning", "tianjin"),
            "alliance-batch",
        ),
        ("common list of bonded fuel suppliers", ("hebei", "tianjin"), "alliance-batch"),
        ("relay service for coal trains", ("liaoning", "tianjin"), "alliance-batch"),
    }
    (batch,) = {e.batch for e in n.efforts if e.batch}
    assert batch == (2, 6)


def test_a_zones_batch_listing_its_items_is_no_bodys() -> None:
    """A batch sentence far from any body, or naming its zone before the list, is not read as a body's batch."""
    far = _ITEMS.replace("\n\nThe second", "\n\n" + "Trade grew.\n\n" * 6 + "The second")
    assert not [c for c in _read(far).cases if c.rule == "alliance-batch"]
    own = _ITEMS.replace("The second batch of 6 innovations includes", "The second batch of Hebei PFTZ includes")
    assert not [c for c in _read(own).cases if c.rule == "alliance-batch"]


@pytest.mark.parametrize("joined", [False, True])
def test_a_province_member_is_credited_with_the_items_of_all_members(joined: bool) -> None:
    """An item of a body's batch credited to all its members names its province members too (a derived origin), a
    province printed among the members or one that "joined as a partner member"; an item its developers are named
    for does not."""
    text = _ITEMS
    if joined:
        text = text.replace(" PFTZs and Shanxi Province.", " PFTZs. Shanxi Province joined as a partner member.")
    cases = {(n, a) for f, n, a, _ in report_facts(text) if f == "zone_case"}
    whole = frozenset({"zone:hebei", "zone:liaoning", "zone:tianjin", "province:shanxi"})
    assert ("joint credit ratings of shipping agents among all members", whole) in cases
    assert ("common list of bonded fuel suppliers", frozenset({"zone:hebei", "zone:tianjin"})) in cases


@pytest.mark.parametrize("quote", ['"{}"', "\u201c{}\u201d"])
def test_a_document_the_members_of_a_body_signed_is_issued_by_the_body(quote: str) -> None:
    """ "The members signed the "<title naming the body>"": a document the body issued for its members (the body
    named in the title founds no other body)."""
    title = quote.format("Work Plan of the Northern Ports PFTZ Alliance for Shared Port Rules (2031-2033)")
    text = (
        "The Northern Ports PFTZ Alliance brings together the Tianjin, Hebei and Liaoning PFTZs and Shanxi Province."
        f"\n\nAt its first meeting in Dalian, the members signed the {title}, which sets out 12 tasks."
    )
    for copy in (text, rewrapped(text, 38)):
        efforts = _read(copy).efforts
        assert {e.name for e in efforts} == {
            "Northern Ports PFTZ Alliance",
            "Work Plan of the Northern Ports PFTZ Alliance for Shared Port Rules (2031-2033)",
        }
        (doc,) = [e for e in efforts if e.kind == "joint document"]
        assert (doc.members, doc.provinces, doc.by) == (
            ("hebei", "liaoning", "tianjin"),
            ("shanxi",),
            "Northern Ports PFTZ Alliance",
        )


# --------------------------------------------------------------------------- cases titled by their zone
ZONE_TITLES = """Shaanxi PFTZ: Cold-chain "green lane" for kiwifruit exports

Growers around the Xi'an Area send fruit abroad through a priority lane at the international port, where inspection
is done in the orchard. Exporters cut their waiting time by half in the first season.

Sichuan PFTZ, Chongqing PFTZ: Shared pilot licences for river pilots

Pilots certified in one of the two zones may guide vessels on the whole upper reach of the river without a second
examination, which the maritime authorities of both places endorsed in 2029.

Hainan FTP: Duty-free yacht leasing

The Yangpu Area of Hainan FTP introduced the "bonded yacht charter" model for foreign yachts in 2029, which the port
authority extended to every marina of the island.

Note: figures are provisional and will be revised.
"""


@pytest.mark.parametrize("variant", range(3))
def test_a_case_titled_by_its_zone_is_that_zones_case(variant: int) -> None:
    """A title "<zone>: <title>" alone on its line is the zone's case (several zones: joint), unless the paragraph
    under it already credits that zone with a case; a note with a colon is no title."""
    text = ZONE_TITLES
    if variant == 1:
        text = rewrapped(text)
    if variant == 2:  # other zones, other quote marks
        text = text.replace("Shaanxi PFTZ", "Hunan PFTZ").replace("Xi'an Area", "Changsha Area")
        text = text.replace('"green lane"', "\u201cgreen lane\u201d")
    shaanxi = "hunan" if variant == 2 else "shaanxi"
    n = _read(text)
    titled = {(c.name, c.zones, c.joint) for c in n.cases if c.rule == "zone-title"}
    assert titled == {
        ("Cold-chain green lane for kiwifruit exports", (shaanxi,), False),
        ("Shared pilot licences for river pilots", ("chongqing", "sichuan"), True),
    }
    assert not any(c.name == "Duty-free yacht leasing" for c in n.cases)  # its paragraph credits a case of Hainan


ZONE_TITLED_ADOPTIONS = """Hunan PFTZ: Bonded repair of river barges

The Yueyang Area of Hunan PFTZ developed a "dock-side bonded repair" model for barges on the Yangtze, so that
owners no longer sail to the coast for overhauls. The model has been taken up by Jiangxi Province.

Shandong PFTZ: Cold-storage credit for seafood traders

Traders in the Yantai Area pledge frozen stock held in bonded cold stores to obtain loans within a day, with the
stock watched by sensors. The practice has been taken up by Liaoning Province.
"""


@pytest.mark.parametrize("variant", range(3))
def test_an_anaphor_under_a_zone_title_stands_for_the_titled_case(variant: int) -> None:
    """An anaphor ("the practice") under a case's title "<zone>: <title>" is that title's case, not the case of
    the section before it."""
    text = ZONE_TITLED_ADOPTIONS
    if variant == 1:
        text = rewrapped(text)
    if variant == 2:  # other zones and quote marks
        text = text.replace("Shandong PFTZ", "Fujian PFTZ").replace("Yantai Area", "Xiamen Area")
        text = text.replace('"dock-side bonded repair"', "\u201cdock-side bonded repair\u201d")
    origin = "fujian" if variant == 2 else "shandong"
    got = {(a.name, a.origins, a.adopter_key) for a in _read(text).adoptions}
    assert ("Cold-storage credit for seafood traders", (origin,), "liaoning") in got, got
    assert not any(adopter == "liaoning" and "dock-side" in name for name, _o, adopter in got)


# --------------------------------------------------------------------------- joint work named after the fact
JOINT_WORK = (
    'The "Yellow Sea ro-ro cargo pre-clearance" scheme, a joint innovation of Shandong PFTZ and Jiangsu PFTZ, lets '
    "trucks leave the ferry without stopping. A cooperation platform for inland river ports, set up by Hubei PFTZ, "
    "Hunan PFTZ and Jiangxi Province, met in Wuhan in 2030."
)


@pytest.mark.parametrize("variant", range(3))
def test_a_joint_innovation_named_in_an_appositive_and_a_lower_case_body_as_subject(variant: int) -> None:
    """A quoted "<name>" scheme, a joint innovation of A and B" is a joint case of both; "A cooperation platform for
    ..., set up by A, B and C, met ..." is a body of several members (lower case, as its sentence's subject)."""
    text = JOINT_WORK
    if variant == 1:
        text = rewrapped(text, 44)
    if variant == 2:  # other zones, other quote marks, another verb of founding
        text = text.replace("Shandong PFTZ", "Fujian PFTZ").replace("Jiangsu PFTZ", "Zhejiang PFTZ")
        text = text.replace('"Yellow Sea', "\u201cYellow Sea").replace('pre-clearance"', "pre-clearance\u201d")
        text = text.replace("set up by", "formed by")
    pair = ("fujian", "zhejiang") if variant == 2 else ("jiangsu", "shandong")
    n = _read(text)
    joint = {(c.name, c.zones) for c in n.cases if c.joint}
    assert ("Yellow Sea ro-ro cargo pre-clearance", pair) in joint, joint
    bodies = {(e.name, e.members, e.provinces) for e in n.efforts if e.rule == "alliance"}
    assert ("cooperation platform for inland river ports", ("hubei", "hunan"), ("jiangxi",)) in bodies, bodies


@pytest.mark.parametrize(
    "text",
    [
        'Meanwhile, Guangxi PFTZ\'s "white-list" list for border traders, which relies on special border rules, '
        "has been watched by other zones.",
        # perturbed: another zone, curly quotes, re-wrapped, "list of"
        "In contrast, Yunnan FTZ\u2019s \u201cfast-track\u201d list of imported seeds for\nbreeding, which needs "
        "quarantine rules of its own, was copied by no one.",
    ],
)
def test_a_one_word_quote_after_a_zones_possessive_before_a_list_is_the_zones_case(text: str) -> None:
    got = {(f, n, a) for f, n, a, _ad in report_facts(text) if f == "zone_case"}
    if "Guangxi" in text:
        assert got == {("zone_case", "white-list list for border traders", frozenset({"zone:guangxi"}))}
    else:
        assert got == {("zone_case", "fast-track list of imported seeds for breeding", frozenset({"zone:yunnan"}))}
    # no head noun after the quote: no case
    assert not [f for f in report_facts(text.replace(" list ", " plea ", 1)) if f[0] == "zone_case"]
