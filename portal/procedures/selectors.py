"""Reads of the public procedure catalogue: which procedures a site shows, search, facets (L-42-12).

The page (`views.py`) and the API (`api.py`) both read through `procedure_catalogue`, so the
filters, the facet values and their counts are the same wherever the catalogue is shown.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from portal.core.text import collapse_spaces, fold
from portal.procedures.models import (
    ApplicantType,
    Audience,
    Channel,
    GovernmentLevel,
    Level2011,
    Level2022,
    Procedure,
    ProcedureHandling,
    ProcedurePaper,
    ProcedureStatus,
)

# "" is how the model stores "only information"; an empty GET parameter means "no filter", so
# the facet value that selects it has a name of its own. The same tokens serve the page and the API.
LEVEL_VALUES = {Level2022.FULL: "toan_trinh", Level2022.PARTIAL: "mot_phan", Level2022.NONE: "chi_thong_tin"}
LEVEL_BY_VALUE = {token: stored for stored, token in LEVEL_VALUES.items()}
LEVEL_SHORT = {Level2022.FULL: "toàn trình", Level2022.PARTIAL: "một phần", Level2022.NONE: "chỉ cung cấp thông tin"}
# Procedures not yet given a field still count, under this value, so the field counts add up too.
NO_FIELD = "chua-phan-loai"
NO_FIELD_LABEL = "Chưa phân loại lĩnh vực"
FACET_NAMES = ("audience", "field", "level", "unit")


@dataclass(frozen=True)
class CatalogueFilters:
    q: str = ""
    audience: str = ""
    field: str = ""
    level: str = ""
    unit: str = ""

    def cleaned(self) -> "CatalogueFilters":
        """Trimmed values; an audience or level that is not one of ours is dropped rather than matching nothing."""
        audience = self.audience.strip()
        level = self.level.strip()
        return CatalogueFilters(
            q=collapse_spaces(self.q or "")[:200],
            audience=audience if audience in Audience.values else "",
            field=self.field.strip(),
            level=level if level in LEVEL_BY_VALUE else "",
            unit=self.unit.strip(),
        )

    @property
    def active(self) -> bool:
        return any((self.q, self.audience, self.field, self.level, self.unit))


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Catalogue:
    procedures: QuerySet
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    filters: CatalogueFilters = field(default_factory=CatalogueFilters)


def procedures_for_site(unit) -> QuerySet:
    """The published procedures a site lists: all of them on the main portal (or a site without an
    owner), otherwise those the unit owns or handles. A subquery, not a join, so no row is counted twice."""
    procedures = Procedure.objects.filter(status=ProcedureStatus.PUBLISHED)
    if unit is not None and not unit.is_main:
        handled = ProcedureHandling.objects.filter(unit=unit).values("procedure_id")
        procedures = procedures.filter(Q(unit=unit) | Q(pk__in=handled))
    return procedures


def _search(procedures: QuerySet, q: str) -> QuerySet:
    """Every word must appear in the folded name or the national code, typed with or without diacritics."""
    for word in fold(q).split():
        procedures = procedures.filter(Q(name_folded__contains=word) | Q(national_code__icontains=word))
    return procedures


def _filter(procedures: QuerySet, filters: CatalogueFilters) -> QuerySet:
    if filters.q:
        procedures = _search(procedures, filters.q)
    if filters.audience:
        procedures = procedures.filter(audience=filters.audience)
    if filters.field == NO_FIELD:
        procedures = procedures.filter(field__isnull=True)
    elif filters.field:
        procedures = procedures.filter(field__slug=filters.field)
    if filters.level:
        procedures = procedures.filter(level_2022=LEVEL_BY_VALUE[filters.level])
    if filters.unit:
        procedures = procedures.filter(unit__code=filters.unit)
    return procedures


def _facets(procedures: QuerySet, filters: CatalogueFilters, with_unit: bool) -> dict[str, list[FacetValue]]:
    """One grouped query per facet over the current results. Zero counts are left out, except a
    selected value (so it can be unselected)."""
    grouped = procedures.order_by()
    audience_counts = dict(grouped.values_list("audience").annotate(n=Count("pk")))
    audience = [
        FacetValue(value, label, audience_counts.get(value, 0), value == filters.audience)
        for value, label in Audience.choices
        if audience_counts.get(value) or value == filters.audience
    ]
    level_counts = dict(grouped.values_list("level_2022").annotate(n=Count("pk")))
    level = [
        FacetValue(LEVEL_VALUES[stored], label, level_counts.get(stored, 0), LEVEL_VALUES[stored] == filters.level)
        for stored, label in Level2022.choices
        if level_counts.get(stored) or LEVEL_VALUES[stored] == filters.level
    ]
    fields = []
    for slug, name, count in grouped.values_list("field__slug", "field__name").annotate(n=Count("pk")):
        value = slug or NO_FIELD
        fields.append(FacetValue(value, name or NO_FIELD_LABEL, count, value == filters.field))
    # Named fields alphabetically (Vietnamese-aware enough for the display: folded), the unclassified last.
    fields.sort(key=lambda f: (f.value == NO_FIELD, fold(f.label)))
    facets = {"audience": audience, "field": fields, "level": level}
    if with_unit:
        from portal.units.models import Unit

        rows = grouped.values_list("unit__code", "unit__name", "unit__kind", "unit__division_type", "unit__sort_order").annotate(
            n=Count("pk")
        )
        units = []
        for code, name, kind, division_type, sort_order, count in rows:
            label = Unit(code=code, name=name, kind=kind, division_type=division_type).display_name
            units.append((sort_order, code, FacetValue(code, label, count, code == filters.unit)))
        facets["unit"] = [facet for _, _, facet in sorted(units, key=lambda row: row[:2])]
    return facets


def procedure_catalogue(unit, filters: CatalogueFilters, *, with_unit_facet: bool | None = None) -> Catalogue:
    """The site's published procedures after search and facet filters, with the facet counts.

    Facet counts are computed over the current results (all filters applied, including the
    facet's own), so each facet's counts add up to the number of results shown (L-42-12 (c)).
    A selected value is therefore the only one left in its facet: choosing another value
    means removing the filter first ("Bỏ lọc"), which is the drill-down the page offers.
    Constant cost: one query per facet, whatever the number of procedures.
    """
    filters = filters.cleaned()
    if with_unit_facet is None:
        with_unit_facet = unit is None or unit.is_main
    procedures = _filter(procedures_for_site(unit), filters)
    facets = _facets(procedures, filters, with_unit_facet)
    # By the folded name: the same order on SQLite and PostgreSQL whatever the database collation.
    listed = procedures.select_related("unit", "field").order_by("name_folded", "national_code")
    return Catalogue(procedures=listed, facets=facets, filters=filters)


def procedure_get_public(unit, national_code: str):
    """A published procedure the site may show, with everything its page needs, or None."""
    procedure = (
        procedures_for_site(unit)
        .select_related("unit", "field")
        .prefetch_related(
            Prefetch("papers", queryset=ProcedurePaper.objects.order_by("sort_order", "pk")),
            Prefetch(
                "handlings",
                queryset=ProcedureHandling.objects.select_related("unit").order_by("unit__sort_order", "unit__code"),
            ),
        )
        .filter(national_code=(national_code or "").strip())
        .first()
    )
    return procedure


def procedure_accepts_online_here(procedure) -> bool:
    """Online submission is offered when the procedure allows it and at least one unit receives it online."""
    return procedure.accepts_online and any(h.online_enabled for h in procedure.handlings.all())


def procedure_submit_url(procedure) -> str:
    """Where a citizen submits a dossier online: always the main portal (the province's one-stop shop)."""
    from portal.pages.chrome import main_portal_url

    if not procedure_accepts_online_here(procedure):
        return ""
    return f"{main_portal_url()}dich-vu-cong/thu-tuc/{procedure.national_code}/nop-ho-so/"


def _days(value):
    """Days of a channel row as a number, or None when the import could not read one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    try:
        number = float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else number


def labels(values, choices) -> list[str]:
    mapping = dict(choices)
    return [mapping.get(value, value) for value in values or []]


def procedure_facts(procedure) -> dict:
    """Labels people read, shared by the page, the print view and the API."""
    return {
        "government_levels": labels(procedure.levels, GovernmentLevel.choices),
        "applicant_types": labels(procedure.applicant_types, ApplicantType.choices),
        "level_2011_label": Level2011(procedure.level_2011).label if procedure.level_2011 in Level2011.values else "",
        "level_2022_label": Level2022(procedure.level_2022).label,
        "level_2022_short": LEVEL_SHORT[Level2022(procedure.level_2022)],
        "channels": [
            {
                "channel": row.get("channel", ""),
                "label": dict(Channel.choices).get(row.get("channel", ""), row.get("channel", "")),
                "days": _days(row.get("days")),
                "fee_text": row.get("fee_text", "") or "",
            }
            for row in (procedure.channels or [])
            if isinstance(row, dict)
        ],
    }
