"""The reader on texts it was not written for: development texts written blind, with their gold.

``tests/editions/`` holds a later edition of the report and ``tests/texts/`` short texts of other
kinds (press releases, a circular, news, a paper's paragraph), each written by someone who never
read the loader, with a hand gold in the ``pftz eval`` format. The reader was tuned on the ones in
:data:`TUNED`; the thresholds below sit about five points under the figures measured when they
were set (issue 24). The texts of :data:`HELD_BACK` were held back until the document-level reader
was measured on them (issue 24: a later edition's tables, batches and documents, a circular's
list); they are development texts now, with thresholds of their own, and are read, which the loader
once refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pftz.graph.build import graph_from_reports
from pftz.graph.validate import validate
from pftz.loaders.evaluate import evaluate, facts_from_report, load_annotations
from pftz.loaders.report import load_report

HERE = Path(__file__).parent
FACTS = ("zone_case", "adoption", "joint_effort", "area", "body", "document", "national", "batch")
TUNED: dict[str, dict[str, tuple[float, float]]] = {
    # text -> fact type -> (minimum precision, minimum recall); measured 2026-12-05 (P / R):
    # 2026a zone cases 100/100 (97.9/97.9 before the narrative of issue 24), adoptions 92.7/95.0, joint efforts
    # 100/100, areas 100/87.0, bodies 100/100
    # (100/95.0 before issue 24's document-level reader),
    # documents 100/100 and batches 93.3/100 (93.3/93.8 and 92.9/92.9 before the document-level reader of
    # issue 24), national innovations 100/94.7
    "editions/report-2026a": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.87, 0.90),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.82),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.89),
        "batch": (0.88, 0.95),
    },
    # 01: everything 100/100 but batches 100/50 (a batch the ministry "will compile" is not read)
    "texts/01-mofcom-press-release": {
        "zone_case": (0.95, 0.95),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.45),
    },
    # 03: adoptions 100/77.8 (100/55.6 before cities were read as adopters; "the city of Ganzhou ... began a
    # trial" is not read); the rest 100/100
    "texts/03-xinhua-news-henan": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.72),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    # 04: adoptions 100/87.5; the rest 100/100
    "texts/04-guangxi-commerce-release": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.82),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    # 06: everything 100/100 (documents 100/50 until an unquoted agreement after "signed" was read)
    "texts/06-news-land-sea-alliance": {
        "zone_case": (0.95, 0.95),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.95),
        "document": (0.95, 0.95),
    },
    # 2027b (held back until issue 24's document-level reader; before it / after it, P/R): national
    # innovations 100/0 -> 100/100, batches 75/27.3 -> 92.3/100, documents 69.2/56.2 -> 100/100, bodies
    # 100/61.5 -> 100/100, areas 100/87.9 -> 100/90.9; zone cases 88.1/66.1 -> 92.6/88.3 and adoptions 93.3/51.7 ->
    # 90.3/76.9 (read as an edition now, its parts and tables found); with the narrative tuned on it too, zone
    # cases 96.5/98.3, adoptions 95.0/97.4, joint efforts 100/100 (exact 90)
    "editions/held-back/report-2027b": {
        "zone_case": (0.91, 0.93),
        "adoption": (0.90, 0.92),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.85),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.87, 0.95),
    },
    # 02 (a circular): national innovations 0 -> 100/100, adoptions 0 -> 100/100, batches 0 -> 100/100,
    # documents 100/50 -> 100/100; bodies 100/50 (the ministry that "shall ... strengthen guidance" is not read)
    "texts/02-state-council-circular": {
        "adoption": (0.95, 0.95),
        "body": (0.95, 0.45),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    # 05 (a paper's paragraph): batches 0 -> 100/100, bodies 100/50 -> 100/100; areas 100/83.3, zone cases
    # 100/50 -> 100/100 and adoptions 100/14.3 -> 100/100 (the narrative's)
    "texts/05-paper-diffusion": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.95),
        "area": (0.95, 0.78),
        "body": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    # second round (issue 24, prose batches, notices, papers), measured 2026-12-05 (P / R):
    # 07: zone cases 87.5/100, adoptions 100/87.5 (88.9/87.5 until another zone's later clause was cut from an
    # adoption's object), the rest 100/100
    "texts/07-mofcom-press-conference-best-practices": {
        "zone_case": (0.82, 0.95),
        "adoption": (0.95, 0.82),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    # 08: adoptions, bodies, national innovations, batches 100/100 (documents 0/0: the number under the title
    # is read as a document of its own)
    "texts/08-state-council-eighth-batch-notice": {
        "adoption": (0.95, 0.95),
        "body": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    # 10: everything 100/100 (adoptions 100/70 before the cities of "including those in A, B and C" were read)
    "texts/10-hubei-tenth-batch-release": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    # 11: everything 100/100
    "texts/11-working-paper-diffusion-paths": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    # 2027c (written blind in the second round, tuned on in the third; before / after, P/R): adoptions
    # 77.4/53.3 -> 95.2/87.0 (cities and counties, plural anaphora, items at a national scope), joint efforts
    # 83.3/75 -> 100/91.7 (exact 88.9 -> 90.9), zone cases 100/91.1 -> 100/94.6, batches 85.7/92.3 -> 93.3/93.3,
    # national innovations 100/76.1 -> 100/87.0; areas 100/100, bodies 100/88.2, documents 100/94.7 (unchanged)
    "editions/report-2027c": {
        "zone_case": (0.95, 0.89),
        "adoption": (0.90, 0.82),
        "joint_effort": (0.95, 0.86),
        "area": (0.95, 0.95),
        "body": (0.95, 0.83),
        "document": (0.95, 0.89),
        "national": (0.95, 0.82),
        "batch": (0.88, 0.88),
    },
    # Third round (written blind on the evening of 2026-12-05, tuned on the same evening; before -> after, P/R):
    # 2029e adoptions 76.2/44.4 -> 100/100 (94.4/94.4 scored before national wordings were one adopter), zone
    # cases 100/90.7 -> 100/100, documents 100/76.9 -> 100/100, bodies 100/83.3 -> 100/100, batches 100/81.8 ->
    # 100/100, national innovations 100/96 -> 100/100; 13 national innovations 0 -> 12 of 12; 14 national
    # innovations 0 -> 9 of 9, adoptions 66.7/22.2 -> 100/100; 16 adoptions 0 -> 100/77.8, its batch 0 -> 1 of 1;
    # 17 adoptions 0/0 -> 100/100 (zone cases 100/66.7 unchanged)
    "editions/report-2029e": {fact: (0.95, 0.95) for fact in FACTS},
    # 2028d, held back in the second round, tuned on in the third (without its profile): zone cases 96.8/60.0 ->
    # 97.4/74.5, adoptions 81.2/26.9 -> 97.6/73.6, bodies 100/76.2 -> 100/90.5, documents 100/90.5 -> 100/100
    # 2028d read without its profile after the fourth round (P / R): zone cases 97.9/90.2, adoptions 100/96.2, joint
    # efforts 100/100 (exact 100), national 98.0/92.7 (was 91.7/20.0), batches 100/100 (was 53.8/53.8)
    "editions/held-back/report-2028d": {
        "zone_case": (0.92, 0.85),
        "adoption": (0.95, 0.91),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.93, 0.87),
        "batch": (0.95, 0.95),
    },
    "texts/13-mofcom-seventh-best-practices": {
        fact: (0.95, 0.95) for fact in ("zone_case", "area", "body", "document", "national", "batch")
    },
    "texts/14-state-council-eighth-batch-circular": {
        fact: (0.95, 0.95) for fact in ("adoption", "body", "document", "national", "batch")
    },
    "texts/16-jiangsu-commerce-seventh-batch": {
        **{fact: (0.95, 0.95) for fact in ("zone_case", "joint_effort", "area", "body", "document", "batch")},
        "adoption": (0.95, 0.72),
    },
    # 2030f, 15 and 18 were held back to the end of the third round, then tuned on (held back -> after tuning):
    # 2030f zone cases 95.9/90.9 -> 98.1/100, adoptions 87.1/81.8 -> 94.1/93.9, documents 100/69.2 -> 100/100,
    # bodies 100/82.4 -> 100/100, joint efforts 100/85.7 -> 100/100, national innovations 100/28.0 -> 100/96.2;
    # 15 zone cases 0 -> 1 of 1, adoptions 100/12.5 -> 100/62.5; 18 zone cases 0 -> 4 of 4, joint efforts 1 -> 5 of 5
    "editions/held-back/report-2030f": {
        **{fact: (0.95, 0.95) for fact in ("zone_case", "joint_effort", "body", "document", "national")},
        "adoption": (0.89, 0.88),
        "area": (0.95, 0.90),
        "batch": (0.88, 0.95),
    },
    # 2031g, held back to the end of the round's second half, then tuned on (held back -> after tuning): zone cases
    # 94.0/95.7 -> 98.0/97.9, adoptions 78.1/82.9 -> 88.6/97.1, joint efforts 85.7/91.7 -> 100/100 (exact 83.3)
    "editions/held-back/report-2031g": {
        **{fact: (0.93, 0.92) for fact in ("zone_case", "area", "national", "batch")},
        "adoption": (0.83, 0.92),
        "joint_effort": (0.95, 0.95),
        "body": (0.95, 0.88),
        "document": (0.86, 0.95),
    },
    "texts/15-xinhua-henan-air-truck-waybill": {"zone_case": (0.95, 0.95), "adoption": (0.95, 0.57)},
    "texts/18-western-corridor-ftz-mechanism": {
        fact: (0.95, 0.95) for fact in ("zone_case", "joint_effort", "area", "body", "document", "batch")
    },
    "texts/12-xinhua-western-corridor-alliance": {
        fact: (0.95, 0.95) for fact in ("zone_case", "joint_effort", "area", "body", "document")
    },
    # the fourth round (session of 2026-12-06), measured blind before tuning (P / R): 2032h refused (a table cut by
    # a page break); 19 adoptions 50/50, documents 0/0, national 100/66.7; 20 zone cases, adoptions and its joint
    # effort 0 recall; 21 zone cases 80/100, documents 50/100; 22 zone cases 100/33.3, adoptions and documents 0;
    # 23 and 24 zone cases and adoptions 0; 25 adoptions 62.5/100; 26 zone cases 66.7/12.5, adoptions 100/20.0.
    # After tuning, in the order below: 2032h zone cases 82.1/96.0, adoptions 90.2/64.9, joint efforts 100/91.7;
    # 19-23 and 25 100/100 in every category; 24 zone cases and adoptions 100/66.7; 26 zone cases 100/87.5
    "editions/report-2032h": {
        "zone_case": (0.77, 0.90),
        "adoption": (0.85, 0.59),
        "joint_effort": (0.95, 0.86),
        "area": (0.92, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    "texts/19-mofcom-sixth-batch": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.95),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    "texts/20-sichuan-chongqing-joint-model": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.95),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    "texts/21-mofcom-presser-seventh-batch": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.95),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    "texts/22-scio-briefing-replication": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.95),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    "texts/23-xinhua-hainan-reconciliation": {
        "zone_case": (0.95, 0.95),
        "adoption": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    "texts/24-chinadaily-hubei-ftz-feature": {
        "zone_case": (0.95, 0.61),
        "adoption": (0.95, 0.61),
        "joint_effort": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.95),
    },
    "texts/25-state-council-eighth-batch-notice": {
        "adoption": (0.95, 0.95),
        "body": (0.95, 0.95),
        "document": (0.95, 0.95),
        "national": (0.95, 0.95),
        "batch": (0.95, 0.95),
    },
    "texts/26-yunnan-fourth-provincial-batch": {
        "zone_case": (0.95, 0.82),
        "adoption": (0.95, 0.95),
        "area": (0.95, 0.95),
        "body": (0.95, 0.70),
        "document": (0.95, 0.95),
    },
    "texts/17-paper-horizontal-diffusion": {
        **{fact: (0.95, 0.95) for fact in ("adoption", "joint_effort", "area", "body", "national", "batch")},
        "zone_case": (0.95, 0.61),
    },
    # the fifth round (session of 2026-12-06, written blind, tuned for generalisation; before -> after, P/R):
    # 33 national 100/0 -> 100/71.4, body 100/50; 34 body 100/0 -> 100/100 (national, batch, joint effort 0: left);
    # 35 adoption 100/25 -> 100/100; 36 adoption 100/25 -> 100/83.3; 37 adoption 80/80 -> 100/100, joint effort P 50;
    # 38 joint effort exact 16.7%
    "texts/33-mofcom-eighth-best-practice-cases": {
        **{fact: (0.95, 0.95) for fact in ("zone_case", "joint_effort", "area", "batch")},
        "body": (0.95, 0.45),
        "national": (0.95, 0.66),
    },
    "texts/34-state-council-executive-meeting-pilot-measures": {
        fact: (0.95, 0.95) for fact in ("zone_case", "area", "body")
    },
    "texts/35-yichang-adopts-wuhan-area-practice": {fact: (0.95, 0.95) for fact in ("zone_case", "adoption", "area")},
    "texts/36-jiangxi-daily-three-cities-borrow": {
        **{fact: (0.95, 0.95) for fact in ("zone_case", "area", "body")},
        "adoption": (0.95, 0.78),
    },
    "texts/37-mofcom-press-conference-ftz-achievements": {
        **{fact: (0.95, 0.95) for fact in ("zone_case", "adoption", "area", "batch")},
        "joint_effort": (0.45, 0.95),
        "body": (0.95, 0.45),
    },
    "texts/38-yellow-river-ftz-cooperation-joint-measures": {
        fact: (0.95, 0.95) for fact in ("zone_case", "joint_effort", "body")
    },
    # measured at the end of the fifth round (session of 2026-12-06, night), P/R %; thresholds 3 points below
    # 2033i: zone_case 92.5/94.7, adoption 75/69.4, joint_effort 100/77.8, area 100/95, body 100/90.9, document
    # 90/75, national 100/76.9, batch 100/90.9
    "editions/held-back/report-2033i": {
        "zone_case": (0.89, 0.91),
        "adoption": (0.72, 0.66),
        "joint_effort": (0.95, 0.74),
        "area": (0.95, 0.92),
        "body": (0.95, 0.87),
        "document": (0.87, 0.72),
        "national": (0.95, 0.73),
        "batch": (0.95, 0.87),
    },
    # 2034j: zone_case 93.8/95.3, adoption 100/80.3, joint_effort 91.7/93.3, area 97.2/100, body 100/84.2, document
    # 100/78.6, national 100/87.1, batch 100/86.7
    "editions/report-2034j": {
        "zone_case": (0.9, 0.92),
        "adoption": (0.95, 0.77),
        "joint_effort": (0.88, 0.9),
        "area": (0.94, 0.95),
        "body": (0.95, 0.81),
        "document": (0.95, 0.75),
        "national": (0.95, 0.84),
        "batch": (0.95, 0.83),
    },
    # 27: zone_case 83.3/100, adoption 100/100, joint_effort 100/100, area 100/100, body 100/50, document 100/100,
    # national 100/83.3, batch 100/100
    "texts/27-mofcom-seventh-best-practice-cases": {
        **{fact: (0.95, 0.95) for fact in ("adoption", "area", "batch", "document", "joint_effort")},
        "zone_case": (0.8, 0.95),
        "body": (0.95, 0.47),
        "national": (0.95, 0.8),
    },
    # 28: zone_case 100/100, joint_effort 100/100, area 100/100, document 100/100
    "texts/28-chinadaily-western-corridor-ftz-mechanism": {
        **{fact: (0.95, 0.95) for fact in ("area", "document", "joint_effort", "zone_case")},
    },
    # 29: zone_case 100/80, adoption 100/33.3, area 100/100, body 66.7/100, batch 100/100
    "texts/29-xinhua-fujian-27th-batch": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch")},
        "zone_case": (0.95, 0.77),
        "adoption": (0.95, 0.3),
        "body": (0.63, 0.95),
    },
    # 30: zone_case 100/100, adoption 100/100, area 100/100, body 100/100, national 100/100, batch 100/100
    "texts/30-state-council-executive-meeting": {
        **{fact: (0.95, 0.95) for fact in ("adoption", "area", "batch", "body", "national", "zone_case")},
    },
    # 31: zone_case 100/100, adoption 100/62.5, area 100/100, body 100/100, national 100/100, batch 100/100
    "texts/31-working-paper-diffusion-comparison": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch", "body", "national", "zone_case")},
        "adoption": (0.95, 0.59),
    },
    # 32: zone_case 100/50, adoption 100/0, area 100/100, body 100/0, document 100/0
    "texts/32-weifang-adopts-qianhai-mediation": {
        **{fact: (0.95, 0.95) for fact in ("area",)},
        "zone_case": (0.95, 0.47),
    },
    # 45: zone_case 100/100, joint_effort 100/100, area 100/100, body 100/100, national 100/88.9, batch 100/50
    "texts/45-mofcom-ninth-batch-best-practices": {
        **{fact: (0.95, 0.95) for fact in ("area", "body", "joint_effort", "zone_case")},
        "national": (0.95, 0.85),
        "batch": (0.95, 0.47),
    },
    # 46: zone_case 100/100, adoption 100/100, area 100/100, body 100/100, document 100/100
    "texts/46-ganzhou-nankang-adopts-xiamen-practice": {
        **{fact: (0.95, 0.95) for fact in ("adoption", "area", "body", "document", "zone_case")},
    },
    # 47: zone_case 100/55.6, adoption 100/100, area 100/100, body 100/100, national 100/100, batch 100/50
    "texts/47-qianhai-feature": {
        **{fact: (0.95, 0.95) for fact in ("adoption", "area", "body", "national")},
        "zone_case": (0.95, 0.52),
        "batch": (0.95, 0.47),
    },
    # 48: adoption 100/100, body 100/100, document 100/100, national 100/100, batch 100/100
    "texts/48-state-council-g-f-2027-6": {
        **{fact: (0.95, 0.95) for fact in ("adoption", "batch", "body", "document", "national")},
    },
    # 49: zone_case 100/66.7, adoption 100/25, joint_effort 100/0, area 100/100, body 50/100, batch 100/0
    "texts/49-interview-henan-ftz-official": {
        **{fact: (0.95, 0.95) for fact in ("area",)},
        "zone_case": (0.95, 0.63),
        "adoption": (0.95, 0.22),
        "body": (0.47, 0.95),
    },
    # 50: zone_case 100/100, adoption 100/50, joint_effort 100/100, area 100/100, body 100/50, document 100/50, batch
    # 100/100
    "texts/50-commentary-two-innovations-spread": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch", "joint_effort", "zone_case")},
        "adoption": (0.95, 0.47),
        "body": (0.95, 0.47),
        "document": (0.95, 0.47),
    },
    # 51: area 100/100, body 100/100, national 100/100, batch 100/100
    "texts/51-mofcom-sixth-batch": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch", "body", "national")},
    },
    # 52: zone_case 100/57.1, adoption 100/50, area 100/100, body 100/100, document 100/100, batch 100/0
    "texts/52-henan-replicates-ftz-measures": {
        **{fact: (0.95, 0.95) for fact in ("area", "body", "document")},
        "zone_case": (0.95, 0.54),
        "adoption": (0.95, 0.47),
    },
    # 53: zone_case 100/0, joint_effort 100/100, area 100/100, document 100/100
    "texts/53-yellow-river-ftz-areas-alliance": {
        **{fact: (0.95, 0.95) for fact in ("area", "document", "joint_effort")},
    },
    # 54: zone_case 100/100, adoption 100/100, joint_effort 100/100, area 100/66.7, body 100/100, document 100/100,
    # batch 100/100
    "texts/54-sichuan-commerce-eighth-batch": {
        **{fact: (0.95, 0.95) for fact in ("adoption", "batch", "body", "document", "joint_effort", "zone_case")},
        "area": (0.95, 0.63),
    },
    # 55: zone_case 75/60, adoption 100/50, joint_effort 100/100, area 100/66.7, body 100/100, document 100/100,
    # national 75/66.7, batch 100/100
    "texts/55-year-end-review-ftz": {
        **{fact: (0.95, 0.95) for fact in ("batch", "body", "document", "joint_effort")},
        "zone_case": (0.72, 0.57),
        "adoption": (0.95, 0.47),
        "area": (0.95, 0.63),
        "national": (0.72, 0.63),
    },
    # 56: zone_case 100/100, adoption 100/100, area 100/100, body 100/50, document 100/50
    "texts/56-gac-extends-hainan-pilot": {
        **{fact: (0.95, 0.95) for fact in ("adoption", "area", "zone_case")},
        "body": (0.95, 0.47),
        "document": (0.95, 0.47),
    },
    # held back in the fifth round and measured, then tuned on in its second half (P/R %, thresholds 3 points below)
    # 2035k: zone_case 91.8/97.9, adoption 97.1/94.4, joint_effort 100/94.4, area 97.3/100, body 100/94.7, document
    # 100/100, national 100/96.3, batch 100/100
    "editions/held-back/report-2035k": {
        **{fact: (0.95, 0.95) for fact in ("batch", "document")},
        "zone_case": (0.88, 0.94),
        "adoption": (0.94, 0.91),
        "joint_effort": (0.95, 0.91),
        "area": (0.94, 0.95),
        "body": (0.95, 0.91),
        "national": (0.95, 0.93),
    },
    # 39: adoption 100/100, joint_effort 100/100, area 100/100, body 100/100, document 100/100, national 100/100,
    # batch 100/100
    "texts/39-mofcom-sixth-batch-best-practices": {
        **{
            fact: (0.95, 0.95) for fact in ("adoption", "area", "batch", "body", "document", "joint_effort", "national")
        },
    },
    # 40: zone_case 100/75, adoption 100/80, area 100/100, body 100/100, national 100/100, batch 100/100
    "texts/40-daily-ftz-innovations-of-year": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch", "body", "national")},
        "zone_case": (0.95, 0.72),
        "adoption": (0.95, 0.77),
    },
    # 41: zone_case 100/60, adoption 100/83.3, area 100/100, body 75/75, document 100/100, batch 100/100
    "texts/41-fujian-ftz-innovations-replicated": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch", "document")},
        "zone_case": (0.95, 0.57),
        "adoption": (0.95, 0.8),
        "body": (0.72, 0.72),
    },
    # 42: zone_case 50/50, adoption 100/0, joint_effort 100/0, area 100/100, body 100/66.7, document 100/100, national
    # 100/0, batch 100/100
    "texts/42-scio-briefing-ftz": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch", "document")},
        "zone_case": (0.47, 0.47),
        "body": (0.95, 0.63),
    },
    # 43: zone_case 100/100, joint_effort 100/75, area 100/100
    "texts/43-wire-yangtze-ftz-cooperation": {
        **{fact: (0.95, 0.95) for fact in ("area", "zone_case")},
        "joint_effort": (0.95, 0.72),
    },
    # 44: adoption 100/100, area 100/100, body 100/100, document 100/100, national 100/100, batch 100/100
    "texts/44-gac-notice-replicating-pilot-experience": {
        **{fact: (0.95, 0.95) for fact in ("adoption", "area", "batch", "body", "document", "national")},
    },
    # sixth round (measured 2026-12-06, morning, after tuning on them): 2036l and texts 57-62 (held back to the end of
    # the fifth round), 2037m and texts 63-68 (held back to the middle of the sixth)
    # 2036l: zone_case 95.1/100, adoption 100/91.9, joint_effort 100/100, area 95.2/100, body 100/100, document
    # 91.7/100, national 100/100, batch 91.7/100
    "editions/held-back/report-2036l": {
        **{fact: (0.95, 0.95) for fact in ("body", "joint_effort", "national")},
        "zone_case": (0.92, 0.95),
        "adoption": (0.95, 0.88),
        "area": (0.92, 0.95),
        "document": (0.88, 0.95),
        "batch": (0.88, 0.95),
    },
    # 57: joint_effort 100/100, area 100/100, body 100/100, national 100/87.5, batch 100/100
    "texts/57-mofcom-seventh-batch-best-practices": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch", "body", "joint_effort")},
        "national": (0.95, 0.84),
    },
    # 58: zone_case 100/50, adoption 100/100, area 100/100, body 100/100, batch 100/50
    "texts/58-zhoushan-refueling-model-spreads": {
        **{fact: (0.95, 0.95) for fact in ("adoption", "area", "body")},
        "zone_case": (0.95, 0.47),
        "batch": (0.95, 0.47),
    },
    # 59: zone_case 50/50, adoption 100/66.7, area 100/100, body 100/100, document 100/100
    "texts/59-qianhai-feature": {
        **{fact: (0.95, 0.95) for fact in ("area", "body", "document")},
        "zone_case": (0.47, 0.47),
        "adoption": (0.95, 0.63),
    },
    # 60: adoption 87.5/100, body 100/100, document 100/100, national 100/100, batch 100/100
    "texts/60-state-council-eighth-batch-notice": {
        **{fact: (0.95, 0.95) for fact in ("batch", "body", "document", "national")},
        "adoption": (0.84, 0.95),
    },
    # 61: zone_case 100/75, adoption 100/85.7, area 100/100, body 75/100, batch 100/100
    "texts/61-shandong-sixth-batch-province-wide": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch")},
        "zone_case": (0.95, 0.72),
        "adoption": (0.95, 0.82),
        "body": (0.72, 0.95),
    },
    # 62: zone_case 100/100, joint_effort 100/100, area 100/100, document 100/100
    "texts/62-western-corridor-ftz-mechanism": {
        **{fact: (0.95, 0.95) for fact in ("area", "document", "joint_effort", "zone_case")},
    },
    # 2037m: zone_case 95.6/93.3, adoption 100/85.7, joint_effort 100/100, area 100/100, body 100/100, document
    # 100/91.7, national 100/87, batch 100/100
    "editions/held-back/report-2037m": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch", "body", "joint_effort")},
        "zone_case": (0.92, 0.9),
        "adoption": (0.95, 0.82),
        "document": (0.95, 0.88),
        "national": (0.95, 0.83),
    },
    # 63: adoption 100/0, joint_effort 100/100, area 100/100, body 100/100, document 100/50, national 100/90,
    # batch 100/100
    "texts/63-mofcom-sixth-batch-best-practices": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch", "body", "joint_effort")},
        "document": (0.95, 0.47),
        "national": (0.95, 0.87),
    },
    # 64: adoption 100/100, area 100/100, body 100/100, document 100/100, national 100/100, batch 100/100
    "texts/64-state-council-eighth-batch-circular": {
        **{fact: (0.95, 0.95) for fact in ("adoption", "area", "batch", "body", "document", "national")},
    },
    # 65: zone_case 100/100, adoption 100/75, area 100/100, body 100/66.7, national 100/100, batch 100/50
    "texts/65-anhui-tech-asset-insurance-news": {
        **{fact: (0.95, 0.95) for fact in ("area", "national", "zone_case")},
        "adoption": (0.95, 0.72),
        "body": (0.95, 0.63),
        "batch": (0.95, 0.47),
    },
    # 66: zone_case 100/100, adoption 87.5/77.8, joint_effort 100/100, area 100/100, body 100/100, document
    # 100/100, batch 100/100
    "texts/66-shandong-fourth-batch-provincial-release": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch", "body", "document", "joint_effort", "zone_case")},
        "adoption": (0.84, 0.74),
    },
    # 67: zone_case 100/50, adoption 100/0, joint_effort 100/0, area 100/100, national 0/0, batch 100/100
    "texts/67-marine-fuel-blending-diffusion-paper": {
        **{fact: (0.95, 0.95) for fact in ("area", "batch")},
        "zone_case": (0.95, 0.47),
    },
    # 68: zone_case 100/100, joint_effort 75/83.3, area 100/100, body 100/100, document 100/100
    "texts/68-western-corridor-ftz-alliance-brief": {
        **{fact: (0.95, 0.95) for fact in ("area", "body", "document", "zone_case")},
        "joint_effort": (0.72, 0.8),
    },
}
HELD_BACK = ("editions/held-back/report-2027b", "texts/02-state-council-circular", "texts/05-paper-diffusion")
SECOND_ROUND = (
    # written blind in the second round (session of 2026-12-05); 2028d, 09 and 12 are held back for the end
    # (07, 08, 10, 11 and 2027c were tuned on: see TUNED)
    "editions/held-back/report-2028d",
    "texts/09-china-daily-zhejiang-ftz-feature",
    "texts/12-xinhua-western-corridor-alliance",
)
THIRD_ROUND = (
    # written blind in the third round (session of 2026-12-05, evening); 2030f, 15 and 18 were held back to the end
    # of its first half, then tuned on (see TUNED); 2031g to the end of the second, then tuned on; 19 and 20 to
    # the end of the third (measured before and after, never tuned on)
    "editions/held-back/report-2030f",
    "editions/held-back/report-2031g",
    "texts/19-mofcom-sixth-batch",
    "texts/20-sichuan-chongqing-joint-model",
    "texts/15-xinhua-henan-air-truck-waybill",
    "texts/18-western-corridor-ftz-mechanism",
)
FOURTH_ROUND = (
    # written blind in the fourth round (session of 2026-12-06); 2032h and texts 19-26 were tuned on (see TUNED);
    # 2033i and texts 27-32 were held back to the end of the round (measured before and after, never tuned on)
    "editions/held-back/report-2033i",
    "texts/27-mofcom-seventh-best-practice-cases",
    "texts/28-chinadaily-western-corridor-ftz-mechanism",
    "texts/29-xinhua-fujian-27th-batch",
    "texts/30-state-council-executive-meeting",
    "texts/31-working-paper-diffusion-comparison",
    "texts/32-weifang-adopts-qianhai-mediation",
)

FIFTH_ROUND = (
    # written blind in the fifth round (session of 2026-12-06, night): 2034j and texts 45-56 were tuned on (see
    # TUNED); 2035k and texts 39-44 were held back to the end of the round (measured before and after, never tuned on)
    "editions/held-back/report-2035k",
    "texts/39-mofcom-sixth-batch-best-practices",
    "texts/40-daily-ftz-innovations-of-year",
    "texts/41-fujian-ftz-innovations-replicated",
    "texts/42-scio-briefing-ftz",
    "texts/43-wire-yangtze-ftz-cooperation",
    "texts/44-gac-notice-replicating-pilot-experience",
    "editions/report-2034j",
    "texts/45-mofcom-ninth-batch-best-practices",
    "texts/46-ganzhou-nankang-adopts-xiamen-practice",
    "texts/47-qianhai-feature",
    "texts/48-state-council-g-f-2027-6",
    "texts/49-interview-henan-ftz-official",
    "texts/50-commentary-two-innovations-spread",
    "texts/51-mofcom-sixth-batch",
    "texts/52-henan-replicates-ftz-measures",
    "texts/53-yellow-river-ftz-areas-alliance",
    "texts/54-sichuan-commerce-eighth-batch",
    "texts/55-year-end-review-ftz",
    "texts/56-gac-extends-hainan-pilot",
)


SIXTH_ROUND = (
    # written blind in the second half of the fifth round (session of 2026-12-06, night), once 2035k and texts
    # 39-44 were measured; held back to its end (measured before and after, never tuned on)
    "editions/held-back/report-2036l",
    "texts/57-mofcom-seventh-batch-best-practices",
    "texts/58-zhoushan-refueling-model-spreads",
    "texts/59-qianhai-feature",
    "texts/60-state-council-eighth-batch-notice",
    "texts/61-shandong-sixth-batch-province-wide",
    "texts/62-western-corridor-ftz-mechanism",
)
SEVENTH_ROUND = (
    # written blind in the sixth round (session of 2026-12-06, morning) and held back to its first measure (before
    # and after the round's main tuning, never tuned on before); then tuned on in the round's second part
    "editions/held-back/report-2037m",
    "texts/63-mofcom-sixth-batch-best-practices",
    "texts/64-state-council-eighth-batch-circular",
    "texts/65-anhui-tech-asset-insurance-news",
    "texts/66-shandong-fourth-batch-provincial-release",
    "texts/67-marine-fuel-blending-diffusion-paper",
    "texts/68-western-corridor-ftz-alliance-brief",
)
EIGHTH_ROUND = (
    # written blind in the second part of the sixth round (session of 2026-12-06, morning), once 2037m and texts
    # 63-68 were measured; held back to its end (measured before and after, never tuned on)
    "editions/held-back/report-2038n",
    "texts/69-mofcom-sixth-batch-best-practices",
    "texts/70-state-council-circular-ninth-batch",
    "texts/71-wire-fujian-tea-traceability",
    "texts/72-shandong-commerce-provincial-batch",
    "texts/73-paper-diffusion-bonded-maintenance",
    "texts/74-western-corridor-alliance",
)
ROUNDS = (
    HELD_BACK + SECOND_ROUND + THIRD_ROUND + FOURTH_ROUND + FIFTH_ROUND + SIXTH_ROUND + SEVENTH_ROUND + EIGHTH_ROUND
)
ALL_TEXTS = sorted({*TUNED, *ROUNDS})


@pytest.mark.parametrize("stem", sorted(TUNED))
def test_the_reader_on_a_development_text(stem: str) -> None:
    text, gold = HERE / f"{stem}.txt", HERE / f"{stem}.gold.csv"
    result = evaluate(load_annotations([gold]), facts_from_report(load_report(text)))
    low = []
    for fact, (p, r) in TUNED[stem].items():
        s = result.score(fact)
        assert s.gold, f"{stem}: the gold has no {fact} row to measure"
        low += [f"{fact} P {s.precision:.1%} < {p:.0%}"] if s.precision < p else []
        low += [f"{fact} R {s.recall:.1%} < {r:.0%}"] if s.recall < r else []
    assert not low, f"{stem}: " + "; ".join(low)


@pytest.mark.parametrize("stem", ROUNDS)
def test_a_held_back_text_is_read_not_refused(stem: str) -> None:
    report = load_report(HERE / f"{stem}.txt")
    assert report.entities and report.relations


def test_every_text_has_its_gold() -> None:
    texts = {p.with_suffix("") for p in [*HERE.glob("editions/**/*.txt"), *HERE.glob("texts/*.txt")]}
    rounds = set(ALL_TEXTS)
    assert {str(t.relative_to(HERE)) for t in texts} == rounds
    assert all(t.with_name(t.name + ".gold.csv").is_file() for t in texts)


@pytest.mark.parametrize("stem", ALL_TEXTS)
def test_every_text_builds_a_graph_the_schema_accepts(stem: str) -> None:
    # a property the reader writes and the schema does not define (a batch's level_from) once failed here
    validate(graph_from_reports(iter([load_report(HERE / f"{stem}.txt")])))


def test_an_edition_laid_out_otherwise_is_read_with_a_profile_alone() -> None:
    # 2028d (chapters, sections, tables captioned "Schedule" and "List") was measured blind first; a profile
    # of a dozen lines, no code, then finds its tables: national innovations 10.9% -> 85.5% recall
    from pftz.loaders.profile import load_profile

    stem = "editions/held-back/report-2028d"
    profile = load_profile(HERE / "editions" / "profiles" / "chapters-and-schedules.toml")
    report = load_report(HERE / f"{stem}.txt", profile=profile)
    result = evaluate(load_annotations([HERE / f"{stem}.gold.csv"]), facts_from_report(report))
    assert len(report.tables) >= 4
    assert result.score("national").recall >= 0.80 and result.score("national").precision >= 0.95
    assert result.score("batch").recall >= 0.95
