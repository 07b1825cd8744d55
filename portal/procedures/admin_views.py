"""Admin for the procedure catalogue: thin callers of services, guarded by procedures.permissions.

Procedures the user may not see answer 404, so ids reveal nothing; seen but not editable answers 403.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from portal.core.text import fold
from portal.procedures import permissions, services
from portal.procedures.forms import PaperFormSet, ProcedureForm, paper_initial
from portal.procedures.models import (
    Field,
    GovernmentLevel,
    Procedure,
    ProcedureHandling,
    ProcedureStatus,
)
from portal.units.models import Unit

STATUS_FILTERS = [("", "Tất cả"), *ProcedureStatus.choices]


def _require_admin(request) -> set[int] | None:
    unit_ids = permissions.units_user_manages_procedures_for(request.user)
    if unit_ids is not None and not unit_ids:
        raise PermissionDenied
    return unit_ids


def _visible(request, pk) -> Procedure:
    procedure = Procedure.objects.select_related("unit", "field").filter(pk=pk).first()
    if procedure is None or not permissions.can_view_procedure(request.user, procedure):
        raise Http404
    return procedure


def _editable(request, pk) -> Procedure:
    procedure = _visible(request, pk)
    if not permissions.can_edit_procedure(request.user, procedure):
        raise PermissionDenied
    return procedure


def procedure_list(request):
    unit_ids = _require_admin(request)
    rows = Procedure.objects.select_related("unit", "field")
    if unit_ids is not None:
        rows = rows.filter(Q(unit_id__in=unit_ids) | Q(handlings__unit_id__in=unit_ids)).distinct()
    status = request.GET.get("trang-thai", "")
    if status in ProcedureStatus.values:
        rows = rows.filter(status=status)
    level = request.GET.get("cap", "")
    if level in GovernmentLevel.values:
        rows = rows.filter(primary_level=level)
    try:
        field_id = int(request.GET.get("linh-vuc") or 0)
    except ValueError:
        field_id = 0
    if field_id:
        rows = rows.filter(field_id=field_id)
    query = (request.GET.get("q") or "").strip()
    if query:
        rows = rows.filter(Q(national_code__icontains=query) | Q(name_folded__contains=fold(query)))
    page = Paginator(rows.order_by("name", "pk"), 50).get_page(request.GET.get("p"))
    context = {
        "page_obj": page, "status": status, "status_filters": STATUS_FILTERS, "level": level,
        "levels": GovernmentLevel.choices, "fields": Field.objects.order_by("name"), "field_id": field_id, "q": query,
    }
    return TemplateResponse(request, "procedures/admin/list.html", context)


def procedure_detail(request, pk):
    procedure = _visible(request, pk)
    user = request.user
    can_edit = permissions.can_edit_procedure(user, procedure)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form = ProcedureForm(request.POST, instance=Procedure.objects.get(pk=procedure.pk))
        papers = PaperFormSet(request.POST, request.FILES, prefix="giay-to")
        if form.is_valid() and papers.is_valid():
            paper_rows = [
                {**row.cleaned_data, "template_file": row.cleaned_data.get("template_file")}
                for row in papers.forms if row.has_changed() or row.cleaned_data.get("id")
            ]
            try:
                services.procedure_save_from_admin(
                    procedure=Procedure.objects.get(pk=procedure.pk), actor=user, changes=form.changes(), papers=paper_rows,
                )
            except services.ProcedureError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"Đã lưu thủ tục {procedure.national_code}.")
                return redirect("procedures_admin:detail", pk=procedure.pk)
    else:
        form = ProcedureForm(instance=procedure)
        papers = PaperFormSet(initial=paper_initial(procedure), prefix="giay-to")
    handlings = ProcedureHandling.objects.filter(procedure=procedure).select_related("unit").order_by("unit__sort_order", "unit__name")
    unit_ids = permissions.units_user_manages_procedures_for(user)
    if not can_edit and unit_ids is not None:
        handlings = handlings.filter(unit_id__in=unit_ids)
    context = {
        "procedure": procedure, "form": form, "papers": papers, "can_edit": can_edit,
        "missing": services.procedure_missing_fields(procedure), "handlings": handlings,
        "existing_papers": {p.pk: p for p in procedure.papers.all()},
        "history": ModelLogEntry.objects.for_instance(procedure).select_related("user").order_by("-timestamp")[:30],
        "S": ProcedureStatus,
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "procedures/admin/detail.html", context, status=status)


@require_POST
def procedure_publish(request, pk):
    procedure = _editable(request, pk)
    try:
        services.procedure_publish(procedure=procedure, actor=request.user)
    except services.ProcedureError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Đã công khai thủ tục {procedure.national_code}.")
    return redirect("procedures_admin:detail", pk=procedure.pk)


@require_POST
def procedure_withdraw(request, pk):
    procedure = _editable(request, pk)
    services.procedure_withdraw(procedure=procedure, actor=request.user)
    messages.success(request, f"Đã bãi bỏ thủ tục {procedure.national_code}; các đơn vị thôi nhận hồ sơ trực tuyến.")
    return redirect("procedures_admin:detail", pk=procedure.pk)


@require_POST
def procedure_online(request, pk, unit_pk):
    procedure = _visible(request, pk)
    unit = Unit.objects.filter(pk=unit_pk).first()
    if unit is None or not permissions.can_set_online(request.user, procedure, unit.pk):
        raise Http404
    enabled = request.POST.get("enabled") == "1"
    try:
        services.procedure_set_online(procedure=procedure, unit=unit, enabled=enabled, actor=request.user)
    except services.ProcedureError as error:
        messages.error(request, str(error))
    else:
        verb = "bắt đầu" if enabled else "thôi"
        messages.success(request, f"{unit.display_name} {verb} nhận hồ sơ trực tuyến thủ tục {procedure.national_code}.")
    return redirect("procedures_admin:detail", pk=procedure.pk)


app_name = "procedures_admin"
urlpatterns = [
    path("", procedure_list, name="list"),
    path("<int:pk>/", procedure_detail, name="detail"),
    path("<int:pk>/cong-khai/", procedure_publish, name="publish"),
    path("<int:pk>/bai-bo/", procedure_withdraw, name="withdraw"),
    path("<int:pk>/truc-tuyen/<int:unit_pk>/", procedure_online, name="online"),
]
