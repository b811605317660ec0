"""The gazetteer: resolve names of zones, provinces, areas, cities and bodies to keys, and find them in text.

:class:`Gazetteer` is built from the curated reference records (:mod:`loaders.reference`); it
resolves the many spellings of a zone, a province or a body to one key and finds their mentions
in free text (:mod:`loaders.gazetteer_scan`), with the printed forms of
:mod:`loaders.gazetteer_forms`.

Examples
--------
>>> gaz = Gazetteer.default()
>>> gaz.zone("China (Shanghai) Pilot Free Trade Zone")
'shanghai'
>>> [m.key for m in gaz.find_zones("Beijing PFTZ, Shanghai PFTZ, as well as Hainan FTP")]
['beijing', 'shanghai', 'hainan-ftp']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from rapidfuzz import fuzz, process

from pftz.ground.errors import ReferenceDataError
from pftz.ground.names import NAME_LEFT, NAME_RIGHT, name_alternation, normalize_name
from pftz.ground.schema import ZoneKind
from pftz.loaders.gazetteer_forms import (
    _ABBREVIATION_RE,
    _AREA_HEAD_RE,
    _AREA_TAIL_RE,
    _FTP_TEMPLATES,
    _GENERAL_OFFICE_RE,
    _GOV_OF_RE,
    _GOV_SUFFIX_RE,
    _LIST_HEAD_RE,
    _PFTZ_TEMPLATES,
    _STRIPPABLE_SUFFIXES,
    _ZONE_WORDS,
    ZoneMatch,
    _best_form_score,
    _claim,
    _closest_province,
    _government_names,
    _has_government,
    _list_spans,
    _places,
    _province_names,
    _zone_list_patterns,
)
from pftz.loaders.gazetteer_scan import _CASE_SPECIALS_RE, Mention, _Names, _scan
from pftz.loaders.reference import (
    AREAS_FILE,
    BODIES_FILE,
    GOVERNMENT_PREFIX,
    PROVINCES_FILE,
    ZONES_FILE,
    load_areas,
    load_bodies,
    load_cities,
    load_provinces,
    load_zones,
)
from pftz.loaders.reference_rows import AreaRef, BodyRef, CityRef, ProvinceRef, ZoneRef


class Gazetteer:
    """Resolve names of zones, provinces and bodies to keys, and find them in text.

    Parameters
    ----------
    zones, provinces, bodies
        The curated records, as returned by :func:`load_zones`,
        :func:`load_provinces` and :func:`load_bodies`.
    areas
        The areas of the zones (:func:`load_areas`), if any.

    Raises
    ------
    ReferenceDataError
        If a zone names an unknown province, or two records claim the same
        name or alias.

    Notes
    -----
    Zone names are generated for every place name ``X`` of the zone's province
    (its name and aliases): ``"X PFTZ"``, ``"China (X) Pilot Free Trade
    Zone"``, ``"X Pilot Free Trade Zone"``, ``"X FTZ"``, ``"PFTZ in X"``,
    ``"PFTZ of X"`` for PFTZs and ``"X FTP"``, ``"X Free Trade Port"`` for
    FTPs. A generated name that two zones would share is dropped.

    Provincial people's governments are not listed in bodies.csv: names such
    as ``"People's Government of Zhejiang Province"`` resolve to the generated
    key ``"gov-zhejiang"`` (see :meth:`body_ref`).

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> gaz.zone("Zhejiang PFTZ's"), gaz.province("Shanxi Province"), gaz.body("MOFCOM")
    ('zhejiang', 'shanxi', 'mofcom')
    >>> m = gaz.zone_fuzzy("Zhejaing PFTZ")
    >>> m.key, round(m.score, 1), m.fuzzy
    ('zhejiang', 92.3, True)
    >>> gaz.zone_fuzzy("Shanxi PFTZ") is None
    True
    """

    def __init__(
        self,
        zones: Mapping[str, ZoneRef],
        provinces: Mapping[str, ProvinceRef],
        bodies: Mapping[str, BodyRef],
        areas: Mapping[str, AreaRef] | None = None,
        cities: Mapping[str, CityRef] | None = None,
    ) -> None:
        self.zones: dict[str, ZoneRef] = dict(zones)
        self.cities: dict[str, CityRef] = dict(cities or {})
        city_forms = {f: c.key for c in self.cities.values() for f in (c.name, *c.aliases)}
        self._city_forms: dict[str, str] = {normalize_name(f): k for f, k in city_forms.items()}
        forms = sorted(city_forms, key=len, reverse=True)
        self._city_re = (
            re.compile(rf"\b(?:{'|'.join(map(re.escape, forms))})\b(?:\s+(?:City|County))?") if forms else None
        )
        self.areas: dict[str, AreaRef] = dict(areas or {})
        for a in self.areas.values():
            if a.zone not in self.zones:
                msg = f"area {a.key!r} names unknown zone {a.zone!r}"
                raise ReferenceDataError(msg, AREAS_FILE)
        self._area_forms: dict[str, list[str]] = {}
        for a in self.areas.values():
            for form in (a.name, *a.aliases):
                owners = self._area_forms.setdefault(normalize_name(form), [])
                if a.key not in owners:
                    owners.append(a.key)
        self._area_names: _Names | None = None
        # the last word of every area name: a cheap test before the scan (most sentences name no area)
        last = sorted({f.split()[-1] for a in self.areas.values() for f in (a.name, *a.aliases)})
        self._area_hint = re.compile(rf"\b(?:{'|'.join(map(re.escape, last))})\b", re.IGNORECASE) if last else None
        # the same test on the lower-cased text, case-sensitive (faster): of ASCII words, in a text without
        # CASE_SPECIALS (lower-casing keeps the length and what is a word character)
        self._area_hint_lower = (
            re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted({w.lower() for w in last})))})\b")
            if last and all(w.isascii() for w in last)
            else None
        )
        self.provinces: dict[str, ProvinceRef] = dict(provinces)
        self.bodies: dict[str, BodyRef] = dict(bodies)
        for z in self.zones.values():
            if z.province not in self.provinces:
                msg = f"zone {z.key!r} names unknown province {z.province!r}"
                raise ReferenceDataError(msg, ZONES_FILE)

        # provinces ---------------------------------------------------------
        self._province_forms: dict[str, str] = {}
        self._province_surface: list[tuple[str, bool]] = []
        for p in self.provinces.values():
            for form in _province_names(p):
                _claim(self._province_forms, form, p.key, PROVINCES_FILE)
                self._province_surface.append((form, True))

        # zones ---------------------------------------------------------------
        self._zone_forms: dict[str, str] = {}
        self._zone_surface: list[tuple[str, bool]] = []
        for z in self.zones.values():
            for form in (z.name, *z.aliases):
                _claim(self._zone_forms, form, z.key, ZONES_FILE)
                self._zone_surface.append((form, False))
        generated: dict[str, set[str]] = {}
        generated_surface: dict[str, list[str]] = {}
        for z in self.zones.values():
            templates = {ZoneKind.PFTZ.value: _PFTZ_TEMPLATES, ZoneKind.FTP.value: _FTP_TEMPLATES}.get(z.kind, ())
            for place in _places(self.provinces[z.province]):
                for t in templates:
                    form = t.format(x=place)
                    generated.setdefault(normalize_name(form), set()).add(z.key)
                    generated_surface.setdefault(normalize_name(form), []).append(form)
        for norm, keys in generated.items():
            if len(keys) == 1 and norm not in self._zone_forms:
                self._zone_forms[norm] = next(iter(keys))
                self._zone_surface.extend((f, False) for f in generated_surface[norm])
        self._zone_of_province: dict[tuple[str, str], str] = {}
        for z in self.zones.values():
            self._zone_of_province.setdefault((z.province, z.kind), z.key)

        # bodies --------------------------------------------------------------
        self._body_forms: dict[str, str] = {}
        self._body_abbreviations: dict[str, str] = {}
        self._body_surface: list[tuple[str, bool]] = []
        for b in self.bodies.values():
            for form in (b.name, b.abbreviation, *b.aliases):
                if not form:
                    continue
                if _ABBREVIATION_RE.match(form):
                    _claim(self._body_abbreviations, form, b.key, BODIES_FILE, normalize=False)
                    self._body_surface.append((form, True))
                else:
                    _claim(self._body_forms, form, b.key, BODIES_FILE)
                    self._body_surface.append((form, False))
        for p in self.provinces.values():
            if not _has_government(p):
                continue
            for form in _government_names(p):
                norm = normalize_name(form)
                if norm not in self._body_forms:
                    self._body_forms[norm] = GOVERNMENT_PREFIX + p.key
                    self._body_surface.append((form, False))

        self._zone_re: re.Pattern[str] | None = None
        self._names: dict[str, _Names] = {}
        self._body_re: re.Pattern[str] | None = None
        self._province_re: re.Pattern[str] | None = None
        self._list_res: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None = None

    # -- construction helpers ---------------------------------------------------

    @classmethod
    def default(cls) -> Gazetteer:
        """Return the gazetteer of the files in :data:`REFERENCE_DIR` (built once, cached).

        Returns
        -------
        Gazetteer
            The shared default gazetteer.

        Raises
        ------
        ReferenceDataError
            If a reference file is broken.
        """
        return _default_gazetteer()

    # -- exact resolution -------------------------------------------------------

    def zone(self, name: str) -> str | None:
        """Return the key of the zone a name denotes, or None.

        Exact on the normalised name, aliases and generated forms; a trailing
        plural or possessive ``s`` after PFTZ/FTP (``"Beijing PFTZs"``,
        ``"Shandong PFTZ's"``) is tolerated.

        Parameters
        ----------
        name
            A zone name as written.

        Returns
        -------
        str or None
            The zone key.

        Examples
        --------
        >>> Gazetteer.default().zone("China (zhejiang) Pilot Free Trade Zone")
        'zhejiang'
        """
        norm = normalize_name(name)
        key = self._zone_forms.get(norm)
        if key is None and norm.endswith("s"):
            key = self._zone_forms.get(norm[:-1])
        return key

    def province(self, name: str) -> str | None:
        """Return the key of the province a name denotes, or None.

        Exact on the normalised name and aliases, with or without a trailing
        ``Province``, ``Municipality``, ``Autonomous Region``, ``SAR``,
        ``Special Administrative Region`` or ``City``. ``"Shanxi"`` and
        ``"Shaanxi"`` are different provinces and are never conflated.

        Parameters
        ----------
        name
            A province name as written.

        Returns
        -------
        str or None
            The province key.
        """
        norm = normalize_name(name)
        key = self._province_forms.get(norm)
        if key is None:
            for suffix in _STRIPPABLE_SUFFIXES:
                if norm.endswith(suffix):
                    key = self._province_forms.get(norm[: -len(suffix)])
                    break
        return key

    def body(self, name: str) -> str | None:
        """Return the key of the issuing body a name denotes, or None.

        Tries, in order: an abbreviation (case-sensitive: ``"MOST"`` but not
        ``"most"``); the normalised name or alias; a provincial people's
        government (``"People's Government of <Province>"``, ``"<Province>
        Provincial People's Government"``, ``"<Municipality> Municipal People's
        Government"``), which gives a generated ``gov-<province>`` key; and
        ``"General Office of <body>"`` for bodies whose general office is not
        listed itself, which gives the body's key.

        Parameters
        ----------
        name
            A body name as written.

        Returns
        -------
        str or None
            The body key, or a generated government key.

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> gaz.body("the General Administration of Customs")
        'gac'
        >>> gaz.body("Shanghai Municipal People's Government")
        'gov-shanghai'
        """
        stripped = name.strip()
        if stripped in self._body_abbreviations:
            return self._body_abbreviations[stripped]
        norm = normalize_name(name)
        if not norm:
            return None
        key = self._body_forms.get(norm)
        if key is not None:
            return key
        for rx in (_GOV_OF_RE, _GOV_SUFFIX_RE):
            m = rx.match(norm)
            if m:
                pk = self.province(m.group(1))
                if pk is not None and _has_government(self.provinces[pk]):
                    return GOVERNMENT_PREFIX + pk
                return None
        m = _GENERAL_OFFICE_RE.match(norm)
        if m:
            return self.body(m.group(1))
        return None

    def body_ref(self, key: str) -> BodyRef | None:
        """Return the record of a body key, including generated government keys.

        Parameters
        ----------
        key
            A key of bodies.csv or ``gov-<province key>``.

        Returns
        -------
        BodyRef or None
            The record; for ``gov-zhejiang`` a generated one named
            ``"People's Government of Zhejiang"`` with level ``"local"``.
        """
        if key in self.bodies:
            return self.bodies[key]
        if key.startswith(GOVERNMENT_PREFIX):
            p = self.provinces.get(key[len(GOVERNMENT_PREFIX) :])
            if p is not None and _has_government(p):
                name_zh = f"{p.name_zh}人民政府" if p.name_zh else ""
                return BodyRef(key, f"People's Government of {p.name}", "", name_zh, "local", ())
        return None

    def zone_ref(self, key: str) -> ZoneRef | None:
        """Return the zone of a key, an area's key giving its zone's (``"shanghai/lin-gang-special-area"``).

        Parameters
        ----------
        key
            A zone key, or an area's key ``<zone>/<area>`` (curated or not).

        Returns
        -------
        ZoneRef or None
            The zone, or None for an unknown key.

        Examples
        --------
        >>> Gazetteer.default().zone_ref("guangdong/hengqin-area").name
        'Guangdong PFTZ'
        """
        return self.zones.get(key.split("/", 1)[0])

    def zone_of_province(self, province_key: str, kind: str = ZoneKind.PFTZ.value) -> str | None:
        """Return the key of the zone of a kind in a province, or None.

        Parameters
        ----------
        province_key
            A key of provinces.csv.
        kind
            The zone kind (``"PFTZ"`` or ``"FTP"``).

        Returns
        -------
        str or None
            The zone key (``zone_of_province("hainan", "FTP") == "hainan-ftp"``).
        """
        return self._zone_of_province.get((province_key, kind))

    # -- fuzzy resolution --------------------------------------------------------

    def zone_fuzzy(self, name: str, cutoff: float = 90) -> ZoneMatch | None:
        """Resolve a possibly misspelt zone name.

        An exact resolution (:meth:`zone`) scores 100. Otherwise, when the
        place part of the name (what is left without words such as PFTZ,
        Pilot, Free Trade Zone, China) is exactly a province, that province
        wins: its zone is returned, or None if it has none (``"Shanxi PFTZ"``
        never becomes Shaanxi). Otherwise the closest known zone name by
        :func:`rapidfuzz.fuzz.ratio` is taken if it scores at least
        ``cutoff`` and its province is also the closest province to the
        place part.

        Parameters
        ----------
        name
            A zone name as written.
        cutoff
            Minimum similarity (0–100) for a fuzzy match.

        Returns
        -------
        ZoneMatch or None
            ``(key, score)``; ``match.fuzzy`` is True when the score is below
            100, which the caller should surface as a warning.
        """
        key = self.zone(name)
        if key is not None:
            return ZoneMatch(key, 100.0)
        # "Huber PFTZ's" -> "huber pftz": plural and possessive s are no evidence of a misspelling
        tokens = [t[:-1] if t in ("pftzs", "ftzs", "ftps") else t for t in normalize_name(name).split()]
        norm = " ".join(tokens)
        place = " ".join(t for t in tokens if t not in _ZONE_WORDS)
        if not place:
            return None
        kind = ZoneKind.FTP.value if {"ftp", "ftps", "port", "ports"} & set(tokens) else ZoneKind.PFTZ.value
        for candidate in (place, place[:-1] if place.endswith("s") else ""):
            pk = self.province(candidate) if candidate else None
            if pk is None:
                continue
            zk = self.zone_of_province(pk, kind) or self.zone_of_province(pk)
            if zk is None:
                return None
            return ZoneMatch(zk, _best_form_score(self._zone_forms, norm, zk))
        forms = list(self._zone_forms)
        best = process.extractOne(norm, forms, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return None
        zk = self._zone_forms[best[0]]
        if _closest_province(self._province_forms, place) != self.zones[zk].province:
            return None
        return ZoneMatch(zk, float(best[1]))

    # -- text scanning -----------------------------------------------------------

    def zone_pattern(self) -> re.Pattern[str]:
        """Return the compiled regex matching every zone name (case-insensitive).

        Alternatives are longest first, bounded by non-letters; a plural ``s``
        after the name (``"Chongqing PFTZs"``) is part of the match, a
        possessive ``'s`` is not.

        Returns
        -------
        re.Pattern
            The pattern.
        """
        if self._zone_re is None:
            alts = name_alternation((f, True) for f, _ in self._zone_surface)
            self._zone_re = re.compile(rf"{NAME_LEFT}(?:{alts})s?{NAME_RIGHT}", re.IGNORECASE)
        return self._zone_re

    def body_pattern(self) -> re.Pattern[str]:
        """Return the compiled regex matching every body name.

        Names and aliases match case-insensitively, abbreviations (``MOST``,
        ``SAFE``) only in capitals. Provincial people's governments are
        included.

        Returns
        -------
        re.Pattern
            The pattern.
        """
        if self._body_re is None:
            self._body_re = re.compile(rf"{NAME_LEFT}(?:{name_alternation(self._body_surface)}){NAME_RIGHT}")
        return self._body_re

    def province_pattern(self) -> re.Pattern[str]:
        """Return the compiled regex matching every province name (case-sensitive).

        Returns
        -------
        re.Pattern
            The pattern.
        """
        if self._province_re is None:
            self._province_re = re.compile(rf"{NAME_LEFT}(?:{name_alternation(self._province_surface)}){NAME_RIGHT}")
        return self._province_re

    def _scanner(self, kind: str) -> _Names:
        """The scan of zone, body or province names, made once; only zone names are anchored (few anchor words),
        zone and body names are scanned by their heads."""
        names = self._names.get(kind)
        if names is None:
            if kind == "zone":
                surface = [(f, True) for f, _ in self._zone_surface]
                names = _Names.of(self.zone_pattern(), (f for f, _ in surface), surface=surface, tail="s?")
            elif kind == "body":
                names = _Names.of(self.body_pattern(), (), surface=self._body_surface)
            else:  # a short alternation: scanned whole faster than by heads
                names = _Names(self.province_pattern())
            self._names[kind] = names
        return names

    def find_zones(self, text: str) -> list[Mention]:
        """Find every zone mention in a text.

        Parameters
        ----------
        text
            Free text, e.g. one sentence of the report.

        Returns
        -------
        list[Mention]
            Mentions in text order; overlaps are resolved to the longest.

        Examples
        --------
        >>> [m.text for m in Gazetteer.default().find_zones("Sichuan and Chongqing PFTZs have")]
        ['Chongqing PFTZs']
        """
        out = []
        for m in _scan(self._scanner("zone"), text):
            key = self.zone(m.group(0))
            if key is not None:
                out.append(Mention(key, m.start(), m.end(), m.group(0)))
        return out

    def area(self, name: str, zone: str | None = None) -> str | None:
        """Return the key of the area a printed name denotes, or None.

        A name that is not ``standalone`` in areas.csv (``"Central Area"``)
        resolves only with its zone; a name two zones share, only with one.

        Parameters
        ----------
        name
            An area name as printed (``"Qianhai & Shekou Area"``, ``"Hengqin"``).
        zone
            The key of the zone the text places it in, if any.

        Returns
        -------
        str or None
            The area's node key (``"guangdong/hengqin-area"``).

        Examples
        --------
        >>> g = Gazetteer.default()
        >>> g.area("Lingang Special Area"), g.area("Central Area"), g.area("Central Area", "shaanxi")
        ('shanghai/lin-gang-special-area', None, 'shaanxi/central-area')
        """
        keys = [k for k in self._area_forms.get(normalize_name(name), ()) if zone is None or self.areas[k].zone == zone]
        if len(keys) != 1 or (zone is None and not self.areas[keys[0]].standalone):
            return None
        return keys[0]

    def find_areas(self, text: str) -> list[Mention]:
        """Find the areas of zones a text names, each with its zone when printed with it.

        Reads ``<area>``, ``<area> of (the) <zone>``, ``<area> in <zone>``,
        ``<area> (<zone>)`` and ``<zone>('s) <area>``; the mention spans the
        zone too, so it stands for the area, not the zone. An area name read
        only with its zone is skipped when printed alone (but for its zone
        printed before it in the text: ``Beijing PFTZ's "..." reform, piloted in
        the International Business Service Area``), and an area printed with
        another zone than its own is skipped.

        Parameters
        ----------
        text
            Free text, e.g. one sentence.

        Returns
        -------
        list[Mention]
            Mentions in text order, keyed by the area's node key.

        Examples
        --------
        >>> g = Gazetteer.default()
        >>> [m.text for m in g.find_areas("Lin-gang Special Area of Shanghai PFTZ and Hengqin launched")]
        ['Lin-gang Special Area of Shanghai PFTZ', 'Hengqin']
        >>> g.find_areas("its Hengqin Area")[0].key
        'guangdong/hengqin-area'
        """
        if not self._area_word_in(text):
            return []
        if self._area_names is None:
            forms = [f for a in self.areas.values() for f in (a.name, *a.aliases)]
            # "the Hefei area of Anhui PFTZ": a lower-case "area" is read only with its zone (below)
            forms += [f"{f[:-5]} area" for f in forms if f.endswith(" Area")]
            surface = [(f, True) for f in forms]
            alts = name_alternation(surface)
            self._area_names = _Names.of(re.compile(rf"{NAME_LEFT}(?:{alts}){NAME_RIGHT}"), forms, surface=surface)
        found = _scan(self._area_names, text)
        if not found:
            return []
        zones = self.find_zones(text)
        out: list[Mention] = []
        for m in found:
            start, end, parent = m.start(), m.end(), None
            if (tail := _AREA_TAIL_RE.match(text, end)) is not None:
                z = next((z for z in zones if z.start == tail.end()), None)
                if z is not None:
                    parent, end = z.key, z.end
                    if tail.group(0).rstrip().endswith("(") and (close := re.match(r"\s*\)", text[end:])):
                        end += close.end()
            if parent is None:
                z = next((z for z in zones if z.end <= start and _AREA_HEAD_RE.fullmatch(text, z.end, start)), None)
                if z is not None:
                    parent, start = z.key, z.start
                    if text[z.end : m.start()].strip() == "(" and (close := re.match(r"\s*\)", text[end:])):
                        end += close.end()  # "Beijing PFTZ (High-end Industry Area)"
            if parent is None and m.group(0).endswith(" area"):
                continue
            key = self.area(m.group(0), parent)
            if key is None and parent is None:
                # "Beijing PFTZ's "..." reform, piloted in the International Business Service Area": a name read
                # only with its zone, that zone printed before it in the text
                before = {z.key for z in zones if z.end <= start}
                keys = [k for k in self._area_forms.get(normalize_name(m.group(0)), ()) if self.areas[k].zone in before]
                key = keys[0] if len(keys) == 1 else None
            if key is not None:
                out.append(Mention(key, start, end, text[start:end]))
        return out

    def _area_word_in(self, text: str) -> bool:
        """Whether ``text`` holds the last word of an area name: the cheap test before the scan of areas."""
        if self._area_hint is None:
            return False
        if self._area_hint_lower is not None and not _CASE_SPECIALS_RE.search(text):
            return self._area_hint_lower.search(text.lower()) is not None
        return self._area_hint.search(text) is not None

    def find_bodies(self, text: str) -> list[Mention]:
        """Find every issuing-body mention in a text.

        Parameters
        ----------
        text
            Free text.

        Returns
        -------
        list[Mention]
            Mentions in text order; overlaps are resolved to the longest, so
            ``"General Office of the State Council"`` is one mention, not two.
        """
        out = []
        for m in _scan(self._scanner("body"), text):
            key = self.body(m.group(0))
            if key is not None:
                out.append(Mention(key, m.start(), m.end(), m.group(0)))
        return out

    def find_cities(self, text: str) -> list[Mention]:
        """Find every mention of a city or county of cities.csv (``Ganzhou City``, ``Kunshan``).

        A name followed by ``Area`` or ``coordinated`` names a zone's area or a coordinated innovation
        zone, not the city, and is skipped.

        Parameters
        ----------
        text
            Free text.

        Returns
        -------
        list[Mention]
            Mentions in text order, keyed by the city's key.
        """
        if self._city_re is None:
            return []
        out = []
        for m in self._city_re.finditer(text):
            if re.match(r"\s+(?:[A-Z][\w-]*\s+)*(?:Area|coordinated|Port)\b", text[m.end() :]):
                continue
            word = re.sub(r"\s+(?:City|County)$", "", m.group(0))
            key = self._city_forms.get(normalize_name(word)) or self._city_forms.get(normalize_name(m.group(0)))
            if key is not None:
                out.append(Mention(key, m.start(), m.end(), m.group(0)))
        return out

    def find_provinces(self, text: str, *, exclude_zones: bool = False) -> list[Mention]:
        """Find every province mention in a text.

        Parameters
        ----------
        text
            Free text.
        exclude_zones
            If True, drop province names that are part of a zone mention
            (the ``Shanghai`` of ``Shanghai PFTZ``).

        Returns
        -------
        list[Mention]
            Mentions in text order; overlaps are resolved to the longest.
        """
        spans = [(z.start, z.end) for z in self.find_zones(text)] if exclude_zones else []
        out = []
        for m in _scan(self._scanner("province"), text):
            if any(s <= m.start() and m.end() <= e for s, e in spans):
                continue
            key = self.province(m.group(0))
            if key is not None:
                out.append(Mention(key, m.start(), m.end(), m.group(0)))
        return out

    def _list_patterns(self) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        """Compile the patterns of zone lists: ``PFTZs in A, B, and C``, ``A, B and C PFTZs``.

        The fourth pattern is the cheap test of the second: the last place of a list printed before its
        head, after ``and`` or a dash, ends right before the head.
        """
        if self._list_res is None:
            self._list_res = _zone_list_patterns(self._province_surface)
        return self._list_res

    def find_zone_lists(self, text: str) -> list[list[Mention]]:
        """Find lists of PFTZs given by place names.

        Recognises ``"PFTZs (of|in) A, B, and C"`` (also ending in ``"and
        other regions"``), ``"A, B and C PFTZs"`` and ``"A-B-C PFTZs"``. Each
        place is mapped to the PFTZ of its province; places without a PFTZ are
        left out. What follows the list (``", as well as Hainan FTP"``) is not
        part of it: :meth:`find_zones` finds such mentions.

        Parameters
        ----------
        text
            Free text.

        Returns
        -------
        list[list[Mention]]
            One list of member mentions (zone keys, spans of the place names)
            per list found, in text order.

        Examples
        --------
        >>> lists = Gazetteer.default().find_zone_lists("PFTZs in Beijing, Tianjin, and Hebei")
        >>> [m.key for m in lists[0]]
        ['beijing', 'tianjin', 'hebei']
        """
        lowered = text.lower()
        if "ftzs" not in lowered and "zones" not in lowered:
            return []  # every head ends in one of these: a test in C before the head pattern
        heads = [h.span() for h in _LIST_HEAD_RE.finditer(text)]
        if not heads:
            return []  # both list patterns hold the head: a quick test first
        after, before, name, ending = self._list_patterns()
        spans = _list_spans(text, heads, after, before, ending)
        out: list[list[Mention]] = []
        for s, e in sorted(spans):
            members = []
            for m in name.finditer(text, s, e):
                pk = self.province(m.group(0))
                zk = self.zone_of_province(pk) if pk is not None else None
                if zk is not None:
                    members.append(Mention(zk, m.start(), m.end(), m.group(0)))
            if members:
                out.append(members)
        return out


@functools.cache
def _default_gazetteer() -> Gazetteer:
    """Build the gazetteer of the default reference files once."""
    provinces = load_provinces()
    zones = load_zones(provinces=provinces)
    return Gazetteer(zones, provinces, load_bodies(), load_areas(zones=zones), load_cities(provinces=provinces))
