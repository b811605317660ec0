"""Adopters that follow: "the Henan PFTZ adopted it in 2022, the Shaanxi and Sichuan PFTZs followed in 2023".

Papers and news tell a spread as a sequence: one adopter is named with the
innovation, the next ones only "followed" (in a year). The narrative reads the
first adoption (:mod:`loaders.narrative`); :func:`with_followers` adds one
adoption of the same innovation, from the same origins, for each place a
"<places> followed" clause of the same sentence names. The words live in
:mod:`loaders.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from pftz.loaders.gazetteer_scan import Mention
from pftz.loaders.lexicon import FOLLOW_VERBS, alternation
from pftz.loaders.narrative import AdoptionFact, Narrative

FOLLOWED_RE = re.compile(
    r"(?:^|[,;:]\s*|\band\s+|\bwhile\s+)(?:then\s+)?(?P<who>(?:the\s+)?[A-Z][^,;:.()]{1,80}?)\s+"
    r"(?:(?:soon|later|also|then|quickly)\s+)?"
    rf"(?:{alternation(FOLLOW_VERBS)})(?:\s+in\s+(?P<year>(?:19|20)\d\d))?\b"
)
"""A clause whose subject follows the adopter named before it: "Guizhou and Shaanxi followed in 2025"."""


def followers(
    a: AdoptionFact,
    find_zone_lists: Callable[[str], list[list[Mention]]],
    find_provinces: Callable[..., list[Mention]],
    find_zones: Callable[[str], list[Mention]] | None = None,
) -> list[AdoptionFact]:
    """The adoptions a "<places> followed" clause in the sentence of adoption ``a`` states.

    Each place (a zone of a list, a zone printed alone when ``find_zones`` is given: ``and Tianjin PFTZ followed
    in its X Area``, or a province printed alone) that is not ``a``'s adopter adopts
    what ``a``'s adopter adopted, with the same origins; the rule is ``followed``.

    Examples
    --------
    >>> from pftz.loaders.gazetteer import Gazetteer
    >>> g = Gazetteer.default()
    >>> a = AdoptionFact("x model", "province", "sichuan", "Sichuan", 3,
    ...     "Sichuan adopted it in 2023, Guizhou and Shaanxi followed in 2025.", "drew-on")
    >>> [f.adopter_key for f in followers(a, g.find_zone_lists, g.find_provinces)]
    ['guizhou', 'shaanxi']
    """
    out: list[AdoptionFact] = []
    if not any(v in a.quote for v in FOLLOW_VERBS):
        return out  # a quick test before the pattern, which needs one of the verbs
    seen = {a.adopter_key, *(o.split("/", 1)[0] for o in a.origins)}  # never the origin itself
    for m in FOLLOWED_RE.finditer(a.quote):
        who = m.group("who")
        zones = [z for group in find_zone_lists(who) for z in group] or (find_zones(who) if find_zones else [])
        places = [("zone", z.key, z.text) for z in zones] or [
            ("province", p.key, p.text) for p in find_provinces(who, exclude_zones=True)
        ]
        for kind, key, text in places:
            if key in seen or key.split("/", 1)[0] in seen:
                continue
            seen.add(key)
            out.append(
                replace(a, adopter_kind=kind, adopter_key=key, adopter_name=text, rule="followed", adopter_zone="")
            )
    return out


def with_followers(
    story: Narrative,
    find_zone_lists: Callable[[str], list[list[Mention]]],
    find_provinces: Callable[..., list[Mention]],
    find_zones: Callable[[str], list[Mention]] | None = None,
) -> Narrative:
    """The narrative with the adoptions of followers (:func:`followers`) added after those they follow."""
    extra = [
        f
        for a in story.adoptions
        if a.name and a.adopter_kind in ("zone", "province")
        for f in followers(a, find_zone_lists, find_provinces, find_zones)
    ]
    known = {(a.adopter_key, a.name, a.line) for a in story.adoptions}
    new = [f for f in extra if (f.adopter_key, f.name, f.line) not in known]
    return replace(story, adoptions=(*story.adoptions, *new)) if new else story


__all__ = ["followers", "with_followers"]
