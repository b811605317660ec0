"""Adoptions in the forms of a later edition (issue 24): a later clause with its subject elided, a second passive
verb of one sentence, scope lists cut by semicolons, the origin of a name credited before, a list of zones as the
adopter, a defined name used later, "the same practice" as the object, and the clause of a "learned from".

Each form has an excerpt (reworded, never a line of a development text) and a perturbed copy: the same
statement in other words with other places, both re-wrapped at other widths.
"""

from __future__ import annotations

import pytest

from pftz.ground.schema import Label, Rel
from pftz.loaders.report import parse_report
from tests.perturb import report_facts, rewrapped


def _adopted(text: str) -> set[tuple[str, str, str]]:
    """(name, origins joined, adopter) of every adoption of a text."""
    return {(n, ";".join(sorted(a)), ad) for f, n, a, ad in report_facts(text) if f == "adoption"}


FORMS = [
    # (excerpt, a perturbed rewording, what each states as (name, origins, adopter))
    (  # "This model ..., and has since been taken up by X": the elided subject of the second clause
        'The Nansha Area of Guangdong PFTZ piloted the "graded penalty waiver for first offences", under which '
        "firms get advice instead of a fine. This model has been replicated across Guangdong Province, and has "
        "since been taken up by Jiangxi Province.",
        'Fujian PFTZ launched the "one-visit filing of ship agents". This practice has been replicated and scaled '
        "up across Fujian Province, and was later taken up by Guangxi.",
        {
            ("graded penalty waiver for first offences", "zone:guangdong", "province:guangdong"),
            ("graded penalty waiver for first offences", "zone:guangdong", "province:jiangxi"),
        },
        {
            ("one-visit filing of ship agents", "zone:fujian", "province:fujian"),
            ("one-visit filing of ship agents", "zone:fujian", "province:guangxi"),
        },
    ),
    (  # two passive verbs of one sentence, the second with its own quoted name; a list of zones as adopter
        'The "bonded repair pool" model of Shanghai PFTZ was extended to the PFTZs of Jiangsu and Anhui in 2027, '
        'and the "port health declaration in one form" of Tianjin PFTZ has been taken as a reference in designated '
        "areas of Shandong PFTZ.",
        'In 2026 the "shared customs broker credit file" of Zhejiang PFTZ was introduced to the Fujian and '
        'Guangdong FTZs, while the "online notarisation of leases" of Hubei PFTZ has been adopted by Hunan Province.',
        {
            ("bonded repair pool", "zone:shanghai", "zone:jiangsu"),
            ("bonded repair pool", "zone:shanghai", "zone:anhui"),
            ("port health declaration in one form", "zone:tianjin", "zone:shandong"),
        },
        {
            ("shared customs broker credit file", "zone:zhejiang", "zone:fujian"),
            ("shared customs broker credit file", "zone:zhejiang", "zone:guangdong"),
            ("online notarisation of leases", "zone:hubei", "province:hunan"),
        },
    ),
    (  # a name credited to a zone before, taken up later with no zone printed: its origin is that zone's
        'Sichuan PFTZ established the "rail freight pre-declaration model for western corridors" in 2027. '
        'The "rail freight pre-declaration model for western corridors" was introduced to Guizhou in 2028, and in '
        '2028, Yunnan adopted the "rail freight pre-declaration model for western corridors" for its own trains.',
        'Shaanxi PFTZ launched the "air cargo one-stop security screening" in 2026. In 2027, Gansu adopted the '
        '"air cargo one-stop security screening" at its airport.',
        {
            ("rail freight pre-declaration model for western corridors", "zone:sichuan", "province:guizhou"),
            ("rail freight pre-declaration model for western corridors", "zone:sichuan", "province:yunnan"),
        },
        {("air cargo one-stop security screening", "zone:shaanxi", "province:gansu")},
    ),
    (  # a defined name, used as the subject of a later sentence
        'The "remote audit of bonded stocks" of Fujian PFTZ, referred to below as the Fujian audit model, has '
        "been emulated by Jiangxi. The Fujian audit model was also extended to the PFTZs of Zhejiang and Anhui.",
        'Hunan PFTZ\'s "credit-linked customs guarantee" (hereinafter the "Hunan guarantee model") has been adopted '
        "by Guizhou Province. The Hunan guarantee model has since been taken up by Yunnan Province as well.",
        {
            ("remote audit of bonded stocks", "zone:fujian", "province:jiangxi"),
            ("Fujian audit model", "zone:fujian", "zone:zhejiang"),
            ("Fujian audit model", "zone:fujian", "zone:anhui"),
        },
        {
            ("credit-linked customs guarantee", "zone:hunan", "province:guizhou"),
            ("Hunan guarantee model", "zone:hunan", "province:yunnan"),
        },
    ),
    (  # "the same practice" as the object of an active adoption; a "learned from" in the second clause
        'Jiangsu PFTZ\'s "self-service printing of export licences" lets exporters print licences themselves. '
        "Anhui PFTZ has adopted the same practice for its Hefei Area.",
        'Liaoning PFTZ\'s "joint berth booking for ro-ro ships" cut waiting time by a day. Hebei PFTZ introduced '
        "the same model for its Caofeidian Area.",
        {
            ("self-service printing of export licences", "zone:jiangsu", "zone:anhui"),
        },
        {("joint berth booking for ro-ro ships", "zone:liaoning", "zone:hebei")},
    ),
    (  # adopters of several kinds in one list: a province, "the city of X", a city after its province's possessive
        'Hunan PFTZ introduced the "river-port bonded transfer" model for barges. The model has been taken up by '
        "Jiangxi Province and by the city of Jingzhou.",
        'Hubei PFTZ launched the "cold-chain customs service" for fruit trains. The service was learned from by the '
        "Yueyang Area of Hunan PFTZ and by Inner Mongolia's Erenhot.",
        {
            ("river-port bonded transfer", "zone:hunan", "province:jiangxi"),
            ("river-port bonded transfer", "zone:hunan", "city:jingzhou"),
        },
        {
            ("cold-chain customs service", "zone:hubei", "zone:hunan"),
            ("cold-chain customs service", "zone:hubei", "city:erenhot"),
        },
    ),
    (  # a subject list of several kinds: provinces and "the city of X" took a zone's practice as a reference
        'Guizhou, Shanxi and the city of Shiyan took Chongqing PFTZ\'s "one-stop rail freight credit" as a '
        "reference in 2030.",
        'Qinghai and the city of Baotou drew on Shaanxi PFTZ\'s "dryland seed export package".',
        {
            ("one-stop rail freight credit", "zone:chongqing", "province:guizhou"),
            ("one-stop rail freight credit", "zone:chongqing", "province:shanxi"),
            ("one-stop rail freight credit", "zone:chongqing", "city:shiyan"),
        },
        {
            ("dryland seed export package", "zone:shaanxi", "province:qinghai"),
            ("dryland seed export package", "zone:shaanxi", "city:baotou"),
        },
    ),
    (  # "the regime", "the centre" stand for the innovation named before; a province locating the adopter before
        'Tianjin PFTZ introduced a "bonded aircraft parts pool" regime for airlines. The regime was taken as a '
        "reference by the Lingang Special Area in Shanghai and by Hebei.",
        'Sichuan PFTZ opened a "foreign talent service" centre for engineers. The centre was emulated by the Nansha '
        "Area in Guangdong and by Guizhou Province.",
        {
            ("bonded aircraft parts pool", "zone:tianjin", "zone:shanghai"),
            ("bonded aircraft parts pool", "zone:tianjin", "province:hebei"),
        },
        {
            ("foreign talent service", "zone:sichuan", "zone:guangdong"),
            ("foreign talent service", "zone:sichuan", "province:guizhou"),
        },
    ),
]


FORMS += [
    (  # an unquoted practice after a zone's possessive, adopted in a relative clause, then by an anaphor
        "Fujian PFTZ's joint approval of sea use and construction permits for port projects, which Zhejiang "
        "Province replicated in 2027, lets a project apply once; the practice was later adopted by Hainan as well.",
        "Hubei PFTZ's centralised verification of energy-saving reports for industrial parks, which Hunan "
        "replicated last year, saves weeks; the practice has since been taken up by Guizhou Province too.",
        {
            ("joint approval of sea use and construction permits for port projects", "zone:fujian", p)
            for p in ("province:zhejiang", "province:hainan")
        },
        {
            ("centralised verification of energy-saving reports for industrial parks", "zone:hubei", p)
            for p in ("province:hunan", "province:guizhou")
        },
    ),
    (  # an unquoted practice after a zone's possessive as the subject of a passive, a list of provinces adopting
        "Tianjin PFTZ's cross-border factoring of medical equipment leases for small lessors has been replicated "
        "by Hebei, Shanxi and Shandong.",
        "Jiangsu PFTZ's bonded testing of imported semiconductor equipment for research institutes has been "
        "taken up by Anhui and Hubei.",
        {
            ("cross-border factoring of medical equipment leases for small lessors", "zone:tianjin", f"province:{p}")
            for p in ("hebei", "shanxi", "shandong")
        },
        {
            (
                "bonded testing of imported semiconductor equipment for research institutes",
                "zone:jiangsu",
                f"province:{p}",
            )
            for p in ("anhui", "hubei")
        },
    ),
    (  # "Following the lead of X, Y introduced <practice>": the origin named in the lead
        "Following the lead of Guangxi PFTZ, Gansu introduced a one-stop service for border trade settlement at "
        "its land ports.",
        'Following the example of Shaanxi PFTZ, Qinghai Province launched the "rail-air cargo transfer in one go" '
        "at its airport.",
        {("one-stop service for border trade settlement", "zone:guangxi", "province:gansu")},
        {("rail-air cargo transfer in one go", "zone:shaanxi", "province:qinghai")},
    ),
]


FORMS += [
    (  # cities of a list each followed by its province; an anaphor for the case named before
        'Fujian PFTZ\'s Xiamen Area launched "pre-inspection at the wharf" for seafood exports, under which '
        "inspectors check catches on landing. The approach has been extended to Linyi in Shandong and Changshu "
        "in Jiangsu.",
        'Hubei PFTZ\'s Wuhan Area launched the "night clearance window" for air freight. The practice has been '
        "extended to Yichang and Xiangyang in Hubei.",
        {("pre-inspection at the wharf", "zone:fujian", f"city:{c}") for c in ("linyi", "changshu")},
        {("night clearance window", "zone:hubei", f"city:{c}") for c in ("yichang", "xiangyang")},
    ),
    (  # cities of the paragraph's zone's province, named after a designated scope: that zone's innovation
        "In May 2027, Guangxi PFTZ released its sixth batch of 28 institutional innovations. A port logistics "
        '"credit list" for ASEAN carriers is replicated in designated areas, namely the border cities of Chongzuo '
        "and Fangchenggang.",
        "Jiangxi has no PFTZ of its own. In 2026, Hubei PFTZ released its ninth batch of 20 innovations. The "
        '"green pass" for cold-chain trucks is replicated in designated areas, namely Yichang and Huangshi.',
        {("credit list", "zone:guangxi", f"city:{c}") for c in ("chongzuo", "fangchenggang")},
        {("green pass", "zone:hubei", f"city:{c}") for c in ("yichang", "huangshi")},
    ),
    (  # a coordinated innovation zone takes up an item whose origin the sentence does not print
        'Similarly, "single declaration, split release" for cross-border B2B parcels, an item of the ninth batch, '
        "has been replicated in the Wenzhou coordinated innovation zone of Zhejiang PFTZ.",
        'The "bonded exhibition, tax on sale" model for imported artworks has also been replicated in the Jiaxing '
        "coordinated innovation zone of Zhejiang PFTZ.",
        {("single declaration, split release", "", "city:wenzhou")},
        {("bonded exhibition, tax on sale", "", "city:jiaxing")},
    ),
    (  # an item of a national batch adopted, then "The approach" taken up by two cities
        'Jiangxi Province borrowed the "certificate-free credit pledge" approach for project approvals from the '
        "eighth batch of reform pilot experience. The approach has since been taken up by Ganzhou and Jiujiang.",
        'Henan Province borrowed the "tax-free bonded display" model from the seventh batch of best practices. '
        "The model has since been taken up by Luoyang and Kaifeng.",
        {("certificate-free credit pledge", "", f"city:{c}") for c in ("ganzhou", "jiujiang")},
        {("tax-free bonded display", "", f"city:{c}") for c in ("luoyang", "kaifeng")},
    ),
    (  # a bare subject naming the opening words of the paragraph's case: that case
        "The Yueyang Area of Hunan PFTZ pioneered bonded refining of imported copper concentrates, with tax paid on "
        "the metal sold at home. Bonded refining has been taken up by Jiangxi Province for its smelters.",
        "Shaanxi PFTZ piloted cross-border leasing of agricultural drones for Central Asian farms. Cross-border "
        "leasing has since been adopted by Gansu Province as well.",
        {("bonded refining of imported copper concentrates", "zone:hunan", "province:jiangxi")},
        {("cross-border leasing of agricultural drones for Central Asian farms", "zone:shaanxi", "province:gansu")},
    ),
]


FORMS += [
    (  # "new provincial batches ... promoted them within their provinces": each zone's batch, its province
        "PFTZs in Fujian, Hunan, Sichuan and other localities released new provincial batches in 2026 and promoted "
        "them within their provinces.",
        "PFTZs in Shandong and Hebei issued new provincial-level batches last year and extended them within their "
        "respective provinces.",
        {("", f"zone:{z}", f"province:{z}") for z in ("fujian", "hunan", "sichuan")},
        {("", f"zone:{z}", f"province:{z}") for z in ("shandong", "hebei")},
    ),
    (  # a zone's batch of a count, the province-wide share in its sentence or the next; its unquoted items
        "For example, the Office of the Leading Group for Hunan PFTZ Work released the seventh batch of 24 "
        "institutional innovations in May 2027, of which 20 are replicated province-wide.",
        "Shaanxi PFTZ released its ninth batch of 22 institutional innovations in 2026, including joint inspection "
        'of rail containers at inland ports, an online "one-form" filing for forwarders, and shared credit files of '
        "freight forwarders for Central Asia routes. All 22 have been replicated province-wide.",
        {("", "zone:hunan", "province:hunan")},
        {
            ("joint inspection of rail containers at inland ports", "zone:shaanxi", "province:shaanxi"),
            ("shared credit files of freight forwarders for Central Asia routes", "zone:shaanxi", "province:shaanxi"),
        },
    ),
]


FORMS += [
    (  # an anaphor after a time phrase with no comma; a time phrase between the verb and "by"; a modified version
        'A clear example is the "sail first, file later" model for leased yachts pioneered in 2024 by the Qianhai '
        "Area of Guangdong PFTZ. Within two years the model was emulated by the Zhejiang and Fujian PFTZs, and in 2027 "
        "the Qingdao Area of Shandong PFTZ adopted a modified version adapted to cold waters.",
        'The "shared return warehouse" model, jointly piloted by the Hubei and Hunan Pilot FTZs in 2026, was taken '
        "up within a year by the Henan and Anhui FTZs.",
        {("sail first, file later", "zone:guangdong", f"zone:{z}") for z in ("zhejiang", "fujian", "shandong")},
        {("shared return warehouse", "zone:hubei;zone:hunan", f"zone:{z}") for z in ("henan", "anhui")},
    ),
    (  # used at ports in a list of provinces; included "for nationwide replication"
        'The "one filing for several supplies" model for foreign ships, first piloted by the Ningbo Area of the '
        "China (Zhejiang) Pilot Free Trade Zone in 2024, is now used at ports in Hebei, Liaoning and Hainan. The "
        "State Council then included the model in the ninth batch of reform pilot experience for nationwide "
        "replication.",
        'The "berth-side release" model for fruit imports, first piloted by Guangxi PFTZ in 2025, is now used at '
        "border ports in Yunnan and Xinjiang.",
        {
            *(("one filing for several supplies", "zone:zhejiang", f"province:{p}") for p in ("hebei", "liaoning")),
            ("one filing for several supplies", "zone:zhejiang", "province:hainan"),
            # the case is named by its printed phrase up to the appositive naming its zone
            ("one filing for several supplies model for foreign ships", "zone:zhejiang", "group:nationwide"),
        },
        {("berth-side release", "zone:guangxi", f"province:{p}") for p in ("yunnan", "xinjiang")},
    ),
    (  # regions without a PFTZ: an unquoted object taken as a reference; "extended" a quoted name to a place
        "Shanxi Province took as a reference the graded supervision of bonded repair firms based on customs credit "
        'and applied it in its bonded zones. Outside the PFTZs, the Tibet Autonomous Region extended the "one '
        'check, two releases" model for border freight to Burang Port.',
        "Qinghai Province took as a reference the joint inspection of bulk potash imports at inland ports and used "
        'it in Golmud. Inner Mongolia extended the "single form for border trucks" model to Erenhot.',
        {
            ("graded supervision of bonded repair firms based on customs credit", "", "province:shanxi"),
            ("one check, two releases", "", "province:tibet"),
        },
        {
            ("joint inspection of bulk potash imports at inland ports", "", "province:qinghai"),
            ("single form for border trucks", "", "province:inner-mongolia"),
        },
    ),
    (  # an unquoted practice after the origin zone's possessive, its tail not a practice word
        "Liaoning PFTZ drew on Heilongjiang PFTZ's management of seasonal labour permits for border farms and "
        "applied it in its Dalian Area.",
        "Guangxi PFTZ borrowed Yunnan PFTZ's handling of cross-border motorbike permits for border residents.",
        {("management of seasonal labour permits for border farms", "zone:heilongjiang", "zone:liaoning")},
        {("handling of cross-border motorbike permits for border residents", "zone:yunnan", "zone:guangxi")},
    ),
    (  # shorter forms of cases credited before, as an active object and a passive subject; a colon before
        "Among the innovations for province-wide replication, the Suzhou Area's \"full-chain bonded test model for "
        'clinical samples" lets samples move under one bond. The Nanjing Area\'s "single window for foreign '
        "experts' visas, residence and insurance\" merges three procedures.\n\nSome have spread already: Wuxi "
        "and Changzhou have introduced the bonded test model for clinical samples in their parks, and the single "
        "window for foreign experts has been replicated by Yangzhou.",
        'Ningbo Area of Zhejiang PFTZ launched the "night-time customs clearance service for cross-border parcels". '
        "Two cities followed early: Wenzhou has introduced the night-time customs clearance service in its port.",
        {
            ("full-chain bonded test model for clinical samples", "zone:jiangsu", "province:jiangsu"),
            ("single window for foreign experts' visas, residence and insurance", "zone:jiangsu", "province:jiangsu"),
            *(
                ("full-chain bonded test model for clinical samples", "zone:jiangsu", f"city:{c}")
                for c in ("wuxi", "changzhou")
            ),
            ("single window for foreign experts' visas, residence and insurance", "zone:jiangsu", "city:yangzhou"),
        },
        {("night-time customs clearance service for cross-border parcels", "zone:zhejiang", "city:wenzhou")},
    ),
    (  # a zone's batch named after it, "for replication across the province", its unquoted item
        "The Fujian provincial government released the sixth batch of 28 institutional innovations of the Fujian "
        'FTZ in May, including the Pingtan ship supply model and a "credit repair by booking" service for traders, '
        "for replication across the province.",
        "It released the fourth batch of 19 institutional innovations of the Hubei FTZ in 2026, including the "
        "Xiangyang car export pre-check model, for replication across the province.",
        {("Pingtan ship supply model", "zone:fujian", "province:fujian")},
        {("Xiangyang car export pre-check model", "zone:hubei", "province:hubei")},
    ),
]


def _cases(text: str) -> set[tuple[str, str]]:
    """(name, zones joined) of every zone case of a text."""
    return {(n, ";".join(sorted(a))) for f, n, a, _ad in report_facts(text) if f == "zone_case"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # the possessive practice of a passive adoption is the zone's case
            "Tianjin PFTZ's cross-border factoring of medical equipment leases for small lessors has been replicated "
            "by Hebei, Shanxi and Shandong.",
            {("cross-border factoring of medical equipment leases for small lessors", "zone:tianjin")},
        ),
        (  # "The resulting "<name>"" continues the paragraph's zone
            "Zhejiang PFTZ set out to shorten the review of ship fuel blending at Zhoushan. The resulting "
            '"one-stop review of blended fuel for bunkering" has cut the time from 10 to 3 days.',
            {("one-stop review of blended fuel for bunkering", "zone:zhejiang")},
        ),
        (  # an unquoted practice of a zone and its co-actor: a joint case of both
            "Liaoning PFTZ, together with Heilongjiang PFTZ, set up a shared platform for cold-chain rail freight to "
            "Russia, cutting the wait at border stations.",
            {("shared platform for cold-chain rail freight to Russia", "zone:heilongjiang;zone:liaoning")},
        ),
        (  # two quoted names joined in one object after the zones' verb: both the zones' cases
            "The Pearl River PFTZ Alliance, made up of the PFTZs of Guangdong, Guangxi and Fujian, released its third "
            'batch of 12 institutional innovations, among which the "shared ro-ro ferry manifest" and the "single '
            'pilotage booking for cross-strait vessels" were jointly developed by the three PFTZs.',
            {
                ("shared ro-ro ferry manifest", "zone:fujian;zone:guangdong;zone:guangxi"),
                ("single pilotage booking for cross-strait vessels", "zone:fujian;zone:guangdong;zone:guangxi"),
            },
        ),
        (  # a co-actor named after the quoted name: a joint case of both zones
            'The Lianyungang Area of Jiangsu PFTZ opened a "sea-rail grain corridor to Kazakhstan" jointly with '
            "Shandong PFTZ, cutting transit by four days.",
            {("sea-rail grain corridor to Kazakhstan", "zone:jiangsu;zone:shandong")},
        ),
        (  # a quoted name in an appositive, the passive verb after it naming the zones; named by the whole phrase
            'One of the measures, a "bonded pallet pool" scheme for grain trains, was designed by the Heilongjiang '
            "and Liaoning PFTZs, and will be offered to other zones.",
            {("bonded pallet pool scheme for grain trains", "zone:heilongjiang;zone:liaoning")},
        ),
        (  # the place opening the sentence before the quoted name: its zone's case
            'In the Lianyungang Area of Jiangsu PFTZ, a "one-ticket rail transfer for Central Asian grain" let '
            "importers book freight once.",
            {("one-ticket rail transfer for Central Asian grain", "zone:jiangsu")},
        ),
        (  # "opened" a quoted service, an area between the zone and its verb
            'Xinjiang PFTZ, through its Kashgar Area, opened a "cross-border parcel train to South Asia" service.',
            {("cross-border parcel train to South Asia", "zone:xinjiang")},
        ),
    ],
)
def test_cases_of_the_later_forms(text: str, want: set[tuple[str, str]]) -> None:
    for t in (text, rewrapped(text, 43)):
        assert _cases(t) >= want


@pytest.mark.parametrize("width", [0, 50])
def test_a_place_after_a_preposition_is_no_co_subject(width: int) -> None:
    text = (
        "Beijing PFTZ opened the first foreign-owned clinic in its Tianzhu Area, and Hainan FTP has set up a "
        "one-window service for yacht registration, under which papers are issued within a day."
    )
    got = _cases(rewrapped(text, width) if width else text)
    assert ("one-window service for yacht registration", "zone:hainan-ftp") in got
    assert not any(z.count(";") for _n, z in got)


FORMS += [
    (  # an unquoted practice "of <zone>" as the subject of a passive adoption: also that zone's case
        "The cold-chain pallet sharing scheme of Liaoning PFTZ was introduced to Jilin in 2030, halving the cost "
        "of returning empty pallets.",
        "The bonded repair filing system for offshore drilling rigs of Hainan FTP was extended to Guangxi last "
        "spring, and firms there now file once.",
        {("cold-chain pallet sharing scheme", "zone:liaoning", "province:jilin")},
        {("bonded repair filing system for offshore drilling rigs", "zone:hainan-ftp", "province:guangxi")},
    ),
]


FORMS += [
    (  # a news story: the zone told in the lead paragraph, the name in the next ("Under the "<name>" model, ..."),
        # the adopters after it, a list of zones with its head in lower case
        "A customs reform born in the Qianhai Area of the China (Guangdong) Pilot Free Trade Zone has spread to "
        'other provinces.\n\nUnder the "two-step release for bonded fuel" model, tankers refuel before their '
        "papers are checked.\n\nThe model has since been introduced in the Fujian and Zhejiang pilot free trade zones.",
        "A port reform first tried in the Nansha Area of the China (Guangdong) Pilot Free Trade Zone has travelled "
        'far.\n\nUnder the "berth-side pre-clearance for ro-ro cars" model, car carriers unload without waiting.'
        "\n\nThe model was later taken up by the Tianjin and Shandong pilot free trade zones.",
        {("two-step release for bonded fuel", "zone:guangdong", f"zone:{z}") for z in ("fujian", "zhejiang")},
        {("berth-side pre-clearance for ro-ro cars", "zone:guangdong", f"zone:{z}") for z in ("tianjin", "shandong")},
    ),
]


FORMS += [
    (  # an anaphor with its origin's place ("the Fujian reform"), a clause of time after it
        'Fujian PFTZ piloted the "single ticket for cross-strait ro-ro freight" in 2026. Officials said the '
        "Ningbo Area of Zhejiang PFTZ learned from the Fujian reform when drafting its own rules.",
        'Tianjin PFTZ launched a "shared berth calendar for bulk carriers" in 2027. Hebei PFTZ later drew on the '
        "Tianjin model while planning its ore terminal.",
        {("single ticket for cross-strait ro-ro freight", "zone:fujian", "zone:zhejiang")},
        {("shared berth calendar for bulk carriers", "zone:tianjin", "zone:hebei")},
    ),
]


FORMS += [
    (  # a coordinated innovation zone copying "the zone's" innovation; a second clause with its own passive verb
        "The Yantai coordinated innovation zone of Shandong PFTZ copied the zone's \"single ledger for bonded "
        'seafood processing", and the "joint patrol of border trade markets" of Yunnan PFTZ was transplanted to the '
        "Pingxiang Area of Guangxi PFTZ.",
        'The Wuhu coordinated innovation zone of Anhui PFTZ copied the zone\'s "one-stop filing for robot exports", '
        'and the "shared crew pool for river barges" of Hubei PFTZ was transplanted to the Yueyang Area of Hunan PFTZ.',
        {
            ("single ledger for bonded seafood processing", "zone:shandong", "city:yantai"),
            ("joint patrol of border trade markets", "zone:yunnan", "zone:guangxi"),
        },
        {
            ("one-stop filing for robot exports", "zone:anhui", "city:wuhu"),
            ("shared crew pool for river barges", "zone:hubei", "zone:hunan"),
        },
    ),
]


@pytest.mark.parametrize("width", [0, 41])
def test_a_cross_reference_after_a_scope_list_is_no_item(width: int) -> None:
    text = (
        'Of the 20 items, 16 are to be replicated throughout the country, including the "bonded cold-chain pallet '
        'pool" from Liaoning PFTZ; four are to be replicated in all PFTZs, including the "single form for ro-ro '
        'car exports" from Guangxi PFTZ (see Appendix 2, Table 4).'
    )
    got = {(n, ad) for n, _a, ad in _adopted(rewrapped(text, width) if width else text)}
    assert ("single form for ro-ro car exports from Guangxi PFTZ", "group:all pftzs") in got
    assert not any("Appendix" in n or "including" in n for n, _ad in got), got
    assert not any(ad == "group:nationwide" and "ro-ro" in n for n, ad in got), got


@pytest.mark.parametrize("width", [0, 45])
def test_a_batch_released_on_behalf_of_a_mechanism_named_before(width: int) -> None:
    text = (
        "On Tuesday the pilot free trade zones of Hubei, Hunan and Anhui launched the Middle Yangtze Pilot Free "
        "Trade Zone Cooperation Mechanism.\n\nAt the meeting, the Wuhan Municipal Bureau of Commerce released on "
        'behalf of the mechanism a first batch of six joint institutional innovations. They include "one berth, '
        'three ports" scheduling for river barges, shared credit files of shipping agents, and a common list of '
        "bonded warehouses for grain."
    )
    facts = report_facts(rewrapped(text, width) if width else text)
    cases = {(n, ";".join(sorted(a))) for f, n, a, _ad in facts if f == "zone_case"}
    members = "zone:anhui;zone:hubei;zone:hunan"
    assert {
        ("one berth, three ports scheduling for river barges", members),
        ("shared credit files of shipping agents", members),
        ("common list of bonded warehouses for grain", members),
    } <= cases, cases
    assert any(f == "batch" and "Middle Yangtze" in n for f, n, _a, _ad in facts)


@pytest.mark.parametrize("width", [0, 39])
def test_a_national_body_promoting_an_innovation_nationwide(width: int) -> None:
    text = (
        'The General Administration of Customs promoted the "two-step declaration for bonded fuel" nationwide, '
        'and the Ministry of Transport extended the "single crew list for river barges" to all inland ports. '
        'Hubei PFTZ promoted the "credit file for shipping agents" throughout the country.'
    )
    got = _adopted(rewrapped(text, width) if width else text)
    assert ("two-step declaration for bonded fuel", "", "group:nationwide") in got
    assert not any(n.startswith(("single crew", "credit file")) and ad == "group:nationwide" for n, _o, ad in got)


@pytest.mark.parametrize("k", range(len(FORMS)))
def test_adoptions_of_the_later_forms_and_a_perturbed_copy(k: int) -> None:
    text, reworded, want, want_reworded = FORMS[k]
    assert _adopted(text) >= want
    assert _adopted(rewrapped(text)) >= want
    assert _adopted(reworded) >= want_reworded
    assert _adopted(rewrapped(reworded, 38)) >= want_reworded


def test_a_learned_from_in_a_second_clause_is_not_read_from_the_first_clause() -> None:
    text = (
        'Gansu Province drew on the "cold-chain block train" model of Yunnan PFTZ for its trains, and Qinghai '
        'Province learned from the "green lane" fast-track for bonded research materials.'
    )
    for t in (text, rewrapped(text, 41)):
        adopters = {ad for _n, _o, ad in _adopted(t)}
        assert "zone:yunnan" not in adopters
        assert {"province:gansu", "province:qinghai"} <= adopters


@pytest.mark.parametrize("width", [0, 44])
def test_scope_lists_cut_by_semicolons_each_with_its_scope(width: int) -> None:
    text = (
        'Among them, 12 measures are replicated throughout the country, including "online renewal of customs '
        'broker licences" and "joint inspection of transit containers"; three measures are replicated in all '
        'PFTZs, including the "white list" channel for imported research samples; and one measure is replicated '
        "in designated areas, such as bonded storage of crude oil at inland ports."
    )
    got = _adopted(rewrapped(text, width) if width else text)
    assert {
        ("online renewal of customs broker licences", "", "group:nationwide"),
        ("joint inspection of transit containers", "", "group:nationwide"),
        ("white list channel for imported research samples", "", "group:all pftzs"),
    } <= got
    assert ("bonded storage of crude oil at inland ports", "", "group:designated areas") in got
    assert not any("designated" in n or "including" in n for n, _o, _a in got)


@pytest.mark.parametrize("width", [0, 46])
def test_a_body_named_by_its_head_word_is_the_body_named_before(width: int) -> None:
    text = (
        "In May 2026, the PFTZs of Hubei, Hunan and Anhui set up the Middle Yangtze PFTZ Alliance. In "
        "October the Alliance released its first batch of 8 joint institutional innovations, including a shared "
        'list of river pilots for cargo ships, "joint berthing" of barges between river ports, and mutual '
        "recognition of customs brokers along the river."
    )
    got = report_facts(rewrapped(text, width) if width else text)
    members = frozenset({"zone:hubei", "zone:hunan", "zone:anhui"})
    cases = {n for f, n, a, _ad in got if f == "zone_case" and a == members}
    assert {
        "shared list of river pilots for cargo ships",
        "joint berthing of barges between river ports",
        "mutual recognition of customs brokers along the river",
    } <= cases


@pytest.mark.parametrize("width", [0, 39])
def test_a_two_word_quote_with_a_for_tail_is_a_case(width: int) -> None:
    text = (
        'Case: The Heihe Area of Heilongjiang PFTZ introduced a "laser tallying" for imported logs, scanning '
        "each wagon instead of counting by hand."
    )
    got = _cases(rewrapped(text, width) if width else text)
    assert any(n.startswith("laser tallying") and z == "zone:heilongjiang" for n, z in got)
    bare = text.replace('introduced a "laser', 'introduced "laser')  # right after the verb, no article
    assert any(n.startswith("laser tallying") and z == "zone:heilongjiang" for n, z in _cases(bare))


@pytest.mark.parametrize("width", [0, 48])
def test_items_listed_then_put_at_a_national_scope(width: int) -> None:
    text = (
        "In 2026 the ministry released the fourth batch of 12 reform experiences promoted by departments. They "
        'include online renewal of pilot licences for ships, the "single list" approach for port charges of '
        "container lines, and shared credit files of customs brokers. These experiences are applied throughout the "
        "country."
    )
    got = _adopted(rewrapped(text, width) if width else text)
    assert {
        ("online renewal of pilot licences for ships", "", "group:nationwide"),
        ("single list approach for port charges of container lines", "", "group:nationwide"),
        ("shared credit files of customs brokers", "", "group:nationwide"),
    } <= got
    reworded = text.replace("These experiences are applied throughout the country.", "They were well received.")
    assert not any(ad == "group:nationwide" for _n, _o, ad in _adopted(reworded))


def test_a_defined_term_is_the_case_it_stands_for() -> None:
    text = (
        'The "remote audit of bonded stocks" of Fujian PFTZ, referred to below as the Fujian audit model, has '
        "been emulated by Jiangxi. The Fujian audit model was also extended to the PFTZs of Zhejiang and Anhui."
    )
    report = parse_report(text + "\n", "excerpt.txt")
    cases = [e for e in report.entities if e.label is Label.MEASURE and "audit" in e.name.lower()]
    assert [e.name for e in cases] == ["remote audit of bonded stocks"]  # one node: the term is no second case
    adopted = [r for r in report.relations if r.type is Rel.ADOPTED and r.end.key == cases[0].key]
    terms = {r.properties.get("as_printed") for r in adopted}
    assert "Fujian audit model" in terms
    assert all("defined-term" in str(r.properties.get("resolved")) for r in adopted if r.properties.get("as_printed"))


def test_a_bare_count_opens_a_clause_of_its_own_scope_in_a_cell() -> None:
    from pftz.loaders.table_cells import cell_examples

    cell = (
        'This batch includes 19 innovations replicated province-wide, such as the "one port, one fee list" model '
        'for shipping lines, and three replicated in designated areas, such as the "bonded orchid display" model.'
    )
    got = {e.name: e.scope for e in cell_examples(cell)}
    assert got == {"one port, one fee list": "", "bonded orchid display": "designated"}


@pytest.mark.parametrize("width", [0, 45])
def test_a_measure_that_applies_only_in_designated_areas(width: int) -> None:
    text = (
        'The "joint fee list" model for port charges of Shandong PFTZ is to be replicated in all PFTZs, while the '
        '"bonded soybean crushing" model for Russian imports of Heilongjiang PFTZ applies only in designated areas.'
    )
    got = _adopted(rewrapped(text, width) if width else text)
    assert ("bonded soybean crushing model", "zone:heilongjiang", "group:designated areas") in got
    assert not any(n.startswith("joint fee list") and ad == "group:designated areas" for n, _o, ad in got)


@pytest.mark.parametrize("width", [0, 42])
def test_an_appositive_participle_names_the_zones_of_a_quoted_case(width: int) -> None:
    text = (
        'The "shared inspection of bonded repair for medical devices", developed jointly by the Nanjing Area and '
        "the Lin-gang Special Area of the Shanghai Pilot Free Trade Zone, is also on the list."
    )
    got = _cases(rewrapped(text, width) if width else text)
    assert ("shared inspection of bonded repair for medical devices", "zone:jiangsu;zone:shanghai") in got
    later = text.replace("developed jointly by", "which has since been replicated in")
    assert not any(z for n, z in _cases(later) if n.startswith("shared inspection"))


def test_an_alliances_batch_adopted_by_a_region_goes_to_that_batch() -> None:
    text = (
        "The Pearl River PFTZ Alliance, made up of the PFTZs of Guangdong, Guangxi and Hainan FTP, released a "
        "third batch of 12 institutional innovations in May 2027.\n\nIn addition, the Pearl River PFTZ Alliance's "
        "third batch of innovations has been replicated across the whole province by Guizhou Province."
    )
    for t in (text, rewrapped(text, 44)):
        report = parse_report(t + "\n", "excerpt.txt")
        spread = [r for r in report.relations if r.type is Rel.REPLICATED_TO and r.end.key == "guizhou"]
        assert [r.start.key for r in spread] == ["alliance:pearl-river-pftz-alliance:institutional-innovations:3"]
        assert "zone:guangdong" in str(spread[0].properties.get("origin"))


def test_a_zones_own_batch_adopted_as_a_whole_is_that_batch() -> None:
    text = (
        "For example, the Office of the Leading Group for Hunan PFTZ Work released the seventh batch of 24 "
        "institutional innovations in May 2027, of which 20 are replicated province-wide."
    )
    report = parse_report(text + "\n", "excerpt.txt")
    spread = [r for r in report.relations if r.type is Rel.REPLICATED_TO and r.end.key == "hunan"]
    assert [r.start.key for r in spread] == ["provincial:hunan:institutional-innovations:7"]


@pytest.mark.parametrize("variant", range(3))
def test_it_after_a_national_scope_is_the_innovation_of_its_own_sentence(variant: int) -> None:
    """ "X's "<name>" has been replicated in all PFTZs, and it was introduced to A": "it" is that innovation,
    not the one of the sentence before."""
    text = (
        'Shandong PFTZ piloted the "berth-side bonded refuelling" service. Jiangsu PFTZ\'s "one-ticket river '
        'freight" model has been replicated in all PFTZs, and it was introduced to Guangxi and Shanxi in 2030.'
    )
    if variant == 1:
        text = rewrapped(text, 40)
    if variant == 2:
        text = text.replace("Jiangsu PFTZ", "Anhui PFTZ").replace("Shanxi", "Gansu").replace('"', "\u201c", 1)
        text = text.replace('refuelling"', "refuelling\u201d")
    origin, other = ("zone:anhui", "gansu") if variant == 2 else ("zone:jiangsu", "shanxi")
    got = _adopted(text)
    assert {
        ("one-ticket river freight", origin, "province:guangxi"),
        ("one-ticket river freight", origin, f"province:{other}"),
    } <= got
    assert not any("refuelling" in name for name, _o, _a in got)


UNSAID_ORIGIN = [
    # (text, what each states as (name, origins, adopter)): a passive verb of taking up with "by" names the adopter
    # even when no sentence says where the innovation began; the origin is left blank, not guessed
    (
        'A "one-stop berth booking" service for river barges has been taken up by Hunan Province, by Yichang '
        "and Jingzhou, and by the Yueyang Area of Hunan PFTZ.",
        {
            ("one-stop berth booking", "", "province:hunan"),
            ("one-stop berth booking", "", "city:yichang"),
            ("one-stop berth booking", "", "city:jingzhou"),
            ("one-stop berth booking", "", "zone:hunan"),
        },
    ),
    (  # another verb of the list, the adopter a zone
        "The 'shared bonded warehouse for small exporters' was borrowed by Shaanxi PFTZ in 2029.",
        {("shared bonded warehouse for small exporters", "", "zone:shaanxi")},
    ),
    (  # an anaphor in the next sentence stands for it
        'A "night-time customs clearance" scheme for fresh produce has been adopted by Yunnan Province. The '
        "scheme was later emulated by Guangxi as well.",
        {
            ("night-time customs clearance", "", "province:yunnan"),
            ("night-time customs clearance", "", "province:guangxi"),
        },
    ),
]


@pytest.mark.parametrize(("text", "stated"), UNSAID_ORIGIN)
@pytest.mark.parametrize("width", [0, 47])
def test_an_adoption_by_a_named_adopter_whose_origin_is_unsaid(
    text: str, stated: set[tuple[str, str, str]], width: int
) -> None:
    """Perturbed: re-wrapped at another width."""
    body = rewrapped(text, width) if width else text
    got = _adopted(body)
    for name, origins, adopter in stated:
        assert any(n.startswith(name) and o == origins and a == adopter for n, o, a in got), (name, adopter, got)


def test_replicated_in_a_zone_with_its_origin_unsaid_is_no_adoption() -> None:
    """``"<name>" was replicated in <zone>`` alone may tell where it began: no adoption is guessed."""
    text = 'The "smart berth allocation" model was replicated in Shandong PFTZ.'
    assert _adopted(text) == set()


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        (
            'Fujian PFTZ piloted a "paperless ship agency filing" service. Guangxi PFTZ took it as a reference in '
            "its Qinzhou Port Area.",
            ("paperless ship agency filing", "zone:fujian", "zone:guangxi"),
        ),
        (  # another phrase of the list, a province as the adopter, a time phrase first
            "Hubei PFTZ launched a 'shared customs broker pool' for river ports. In 2029, Jiangxi Province took it "
            "as a model for its inland ports.",
            ("shared customs broker pool", "zone:hubei", "province:jiangxi"),
        ),
    ],
)
@pytest.mark.parametrize("width", [0, 39])
def test_took_it_as_a_reference_adopts_the_innovation_named_before(
    text: str, stated: tuple[str, str, str], width: int
) -> None:
    """``<adopter> took it as a reference``: the pronoun is the innovation named just before. Perturbed: re-wrapped
    at another width."""
    body = rewrapped(text, width) if width else text
    assert any(n.startswith(stated[0]) and (o, a) == stated[1:] for n, o, a in _adopted(body)), _adopted(body)


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        (
            "The Heihe Area of Heilongjiang PFTZ introduced joint verification of rouble cash declarations, cutting "
            "delays. The Heihe practice of joint verification of rouble cash declarations was later borrowed by "
            "Jilin Province.",
            ("joint verification of rouble cash declarations", "zone:heilongjiang", "province:jilin"),
        ),
        (  # another head noun, a zone as the adopter, another verb of the list
            "Guangdong PFTZ piloted online mediation of cross-border consumer complaints in its Qianhai Area. "
            "The Qianhai model of online mediation of cross-border consumer complaints has been adopted by "
            "Hainan FTP.",
            ("online mediation of cross-border consumer complaints", "zone:guangdong", "zone:hainan-ftp"),
        ),
    ],
)
@pytest.mark.parametrize("width", [0, 43])
def test_a_places_practice_of_a_case_credited_before(text: str, stated: tuple[str, str, str], width: int) -> None:
    """``The <place> practice of <X> has been taken up by ...``: X is the case the text credited before (its zones
    the origin), the place before the head noun no part of its name. Perturbed: re-wrapped at another width."""
    body = rewrapped(text, width) if width else text
    assert stated in _adopted(body), _adopted(body)


@pytest.mark.parametrize(
    ("text", "stated", "not_stated"),
    [
        (
            'Tianjin PFTZ launched a "berth sharing" model. Hebei PFTZ, in its Caofeidian Area, introduced graded '
            "inspection of imported iron ore, and this practice was later extended to Shanxi Province.",
            ("graded inspection of imported iron ore", "zone:hebei", "province:shanxi"),
            ("berth sharing", "zone:tianjin", "province:shanxi"),
        ),
        (  # another anaphor and verb, the adopter a zone
            "Anhui PFTZ opened a 'lab sharing' scheme for start-ups. The Hefei Area of Anhui PFTZ piloted online "
            "arbitration of technology licensing disputes, and the practice has been taken up by Henan PFTZ.",
            ("online arbitration of technology licensing disputes", "zone:anhui", "zone:henan"),
            ("lab sharing", "zone:anhui", "zone:henan"),
        ),
    ],
)
@pytest.mark.parametrize("width", [0, 41])
def test_an_anaphor_after_a_clause_that_credits_an_unquoted_practice(
    text: str, stated: tuple[str, str, str], not_stated: tuple[str, str, str], width: int
) -> None:
    """``<zone> introduced <practice>, and this practice was extended to <X>``: the anaphor stands for the practice
    of its own sentence's earlier clause, not the innovation of the sentence before. Perturbed: re-wrapped."""
    body = rewrapped(text, width) if width else text
    got = _adopted(body)
    assert stated in got, got
    assert not any(n.startswith(not_stated[0]) and a == not_stated[2] for n, _o, a in got), got
