"""The one-stop back office in the Wagtail admin (/admin/mot-cua/): work queue, dossier page, actions, files, forms.

Thin callers: reads come from selectors, every change from a service (which checks the permission and the
transition table again). A dossier the user may not see answers 404, so ids reveal nothing.
"""

import datetime as dt
import re

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal.dossiers import permissions, selectors
from portal.dossiers.admin_forms import ACTION_FORMS, available_forms
from portal.dossiers.constants import IN_HAND, OPEN_STATUSES, DossierStatus, EventAction
from portal.dossiers.errors import DossierError
from portal.dossiers.models import Dossier, DossierApology, DossierFile
from portal.dossiers.services import (
    dossier_apology_deadline,
    dossier_needs_apology,
    dossier_next_step,
)
from portal.rules.services import rule_value, working_days_add
from portal.units.models import Unit

PAGE_SIZE = 50
FLAG_FILTERS = [
    ("overdue", "Quá hạn"),
    ("due_soon", "Sắp đến hạn"),
    ("needs_apology", "Cần gửi phiếu xin lỗi (Mẫu 04)"),
]
STATUS_FILTERS = [(status.value, status.label) for status in OPEN_STATUSES]


def apology_due_by(today: dt.date) -> dt.date:
    """The latest appointment date whose Mẫu 04 deadline has come by `today`.

    The deadline is `lead` working days before the appointment (services.dossier_apology_deadline), so it has
    come exactly when the appointment is at most `lead` working days after today: one threshold for the whole
    queue instead of a calendar lookup per dossier (the lead in force today is used).
    """
    lead = rule_value("dossier.apology_lead_working_days", on=today)
    return working_days_add(today, lead) if lead else today


def needs_apology_filter(queryset, today: dt.date):
    """Dossiers in hand whose apology is due and not yet sent for the current appointment."""
    sent = DossierApology.objects.filter(dossier=OuterRef("pk"), previous_date=OuterRef("appointment_date"))
    return queryset.filter(
        status__in=IN_HAND, appointment_date__isnull=False, appointment_date__lte=apology_due_by(today),
    ).exclude(Exists(sent))


def queue_flags(dossier, *, today: dt.date, soon: dt.date, apology_by: dt.date) -> list[tuple[str, str]]:
    """(css class, text) badges of a queue row; uses the prefetched apologies only."""
    flags = []
    in_hand = dossier.status in IN_HAND and dossier.appointment_date is not None
    if in_hand and dossier.appointment_date < today:
        flags.append(("overdue", "Quá hạn"))
    elif in_hand and dossier.appointment_date <= soon:
        flags.append(("soon", "Sắp đến hạn"))
    apologies = list(dossier.apologies.all())
    if in_hand and dossier.appointment_date <= apology_by and not any(
        apology.previous_date == dossier.appointment_date for apology in apologies
    ):
        flags.append(("apology", "Cần gửi phiếu xin lỗi (Mẫu 04)"))
    if any(apology.late for apology in apologies):
        flags.append(("late", "Xin lỗi muộn"))
    return flags


def _forbidden(request):
    return TemplateResponse(request, "dossiers/admin/forbidden.html", {}, status=403)


def _queue_units(user, unit_ids):
    units = Unit.objects.order_by("sort_order", "name")
    if unit_ids is not None:
        return list(units.filter(pk__in=unit_ids))
    # A superuser: the units that have open dossiers, not every commune of the province.
    return list(units.filter(pk__in=Dossier.objects.filter(status__in=OPEN_STATUSES).values("handling_unit")))


def queue(request):
    if not permissions.can_see_queue(request.user):
        return _forbidden(request)
    user = request.user
    units = _queue_units(user, permissions.units_user_supervises(user))
    try:
        unit_id = int(request.GET.get("don-vi") or 0)
    except ValueError:
        unit_id = 0
    if unit_id not in {unit.pk for unit in units}:
        unit_id = 0
    status = request.GET.get("trang-thai", "")
    if status not in dict(STATUS_FILTERS):
        status = ""
    flag = request.GET.get("canh-bao", "")
    if flag not in dict(FLAG_FILTERS):
        flag = ""

    today = timezone.localdate()
    dossiers, soon = selectors.queue_for(
        user, unit_id=unit_id or None, status=status or None, flag=flag if flag in ("overdue", "due_soon") else None,
        today=today,
    )
    if flag == "needs_apology":
        dossiers = needs_apology_filter(dossiers, today)
    # Earliest appointment first; dossiers not yet received (no appointment) after them, oldest first.
    dossiers = dossiers.order_by(F("appointment_date").asc(nulls_last=True), "submitted_at", "pk")
    page = Paginator(dossiers, PAGE_SIZE).get_page(request.GET.get("p"))
    apology_by = apology_due_by(today)
    rows = [(dossier, queue_flags(dossier, today=today, soon=soon, apology_by=apology_by)) for dossier in page.object_list]
    context = {
        "page_obj": page, "rows": rows, "units": units, "unit_id": unit_id, "status": status, "flag": flag,
        "status_filters": STATUS_FILTERS, "flag_filters": FLAG_FILTERS, "today": today,
        "filtered": bool(unit_id or status or flag),
    }
    return TemplateResponse(request, "dossiers/admin/queue.html", context)


def _accessible(request, pk) -> Dossier:
    dossier = (
        Dossier.objects.select_related("procedure", "handling_unit", "receiving_unit").exclude(status=DossierStatus.DRAFT)
        .filter(pk=pk).first()
    )
    if dossier is None or not permissions.can_view(request.user, dossier):
        raise Http404
    return dossier


def _form_data_rows(dossier) -> list[tuple[str, str]]:
    """The form's answers with the labels the procedure's form gave them, in the form's order."""
    data = dict(dossier.form_data or {})
    rows = []
    for field in dossier.procedure.form_schema or []:
        name = field.get("name")
        if name in data:
            rows.append((field.get("label") or name, data.pop(name)))
    rows.extend((name, value) for name, value in data.items())  # answers to fields since removed from the form
    return rows


def _detail_context(request, dossier, bound=None) -> dict:
    today = timezone.localdate()
    events = selectors.timeline(dossier)
    apologies = list(dossier.apologies.order_by("issued_at", "pk"))
    pdf_links = []
    if dossier.received_at:
        pdf_links.append(("Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả", 1, ""))
    for event in events:
        if event.action == EventAction.REQUEST_SUPPLEMENT:
            pdf_links.append((f"Mẫu 02 – Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ ({timezone.localtime(event.at):%d/%m/%Y})",
                              2, f"?event={event.pk}"))
        elif event.action == EventAction.REFUSE:
            pdf_links.append((f"Mẫu 03 – Phiếu từ chối tiếp nhận giải quyết hồ sơ ({timezone.localtime(event.at):%d/%m/%Y})",
                              3, f"?event={event.pk}"))
    for apology in apologies:
        pdf_links.append((f"Mẫu 04 – Phiếu xin lỗi và hẹn lại ngày trả kết quả ({timezone.localtime(apology.issued_at):%d/%m/%Y})",
                          4, f"?apology={apology.pk}"))
    pdf_links.append(("Mẫu 05 – Phiếu kiểm soát quá trình giải quyết hồ sơ", 5, ""))
    forms = available_forms(request.user, dossier, bound)
    needs_apology = dossier_needs_apology(dossier, today=today)
    return {
        "dossier": dossier,
        "form_rows": _form_data_rows(dossier),
        "files": list(dossier.files.select_related("paper").order_by("uploaded_at", "pk")),
        "events": events,
        "apologies": apologies,
        "apology_deadline": dossier_apology_deadline(dossier) if dossier.status in IN_HAND else None,
        "needs_apology": needs_apology,
        "overdue": selectors.is_overdue(dossier, today),
        "next_step": dossier_next_step(dossier),
        "pdf_links": pdf_links,
        "forms": forms,
        "apology_form": next((form for form in forms if form.action == EventAction.APOLOGISE), None) if needs_apology else None,
        "bound": bound,
        "today": today,
    }


def detail(request, pk):
    dossier = _accessible(request, pk)
    return TemplateResponse(request, "dossiers/admin/detail.html", _detail_context(request, dossier))


@require_POST
def act(request, pk, action):
    form_class = ACTION_FORMS.get(action)
    if form_class is None:
        raise Http404
    dossier = _accessible(request, pk)
    form = form_class(request.POST, request.FILES, dossier=dossier, user=request.user)
    if not form.is_valid():
        if form_class.allowed(request.user, dossier):
            # Show the page again with this form's errors next to its fields.
            form.describe()
            return TemplateResponse(request, "dossiers/admin/detail.html", _detail_context(request, dossier, form), status=400)
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect("dossiers_admin:detail", pk=dossier.pk)
    try:
        done = form.perform()
    except DossierError as error:
        messages.error(request, str(error))
        return redirect("dossiers_admin:detail", pk=dossier.pk)
    messages.success(request, done)
    dossier.refresh_from_db(fields=["handling_unit", "receiving_unit"])
    if not permissions.can_view(request.user, dossier):
        return redirect("dossiers_admin:queue")  # handed over to a unit the officer does not work for
    return redirect("dossiers_admin:detail", pk=dossier.pk)


def _private_headers(response):
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def dossier_file(request, pk, file_id):
    dossier = _accessible(request, pk)
    stored = DossierFile.objects.filter(pk=file_id, dossier=dossier).first()
    if stored is None:
        raise Http404
    try:
        handle = stored.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=stored.original_name or stored.file.name.rsplit("/", 1)[-1],
                            content_type=stored.content_type or "application/octet-stream")
    return _private_headers(response)


def _safe_code(dossier) -> str:
    return re.sub(r"[^A-Za-z0-9.-]+", "-", dossier.code or "").strip("-") or str(dossier.pk)


def _int_param(request, name) -> int:
    value = request.GET.get(name, "")
    if not value.isdigit():
        raise Http404
    return int(value)


def form_pdf(request, pk, number):
    """Mẫu 01–05 of the dossier as a PDF shown in the browser; 02/03 per event, 04 per apology."""
    from portal.dossiers import documents

    dossier = _accessible(request, pk)
    if number == 1:
        if dossier.received_at is None:
            raise Http404
        content = documents.form_01_receipt(dossier)
    elif number in (2, 3):
        action = EventAction.REQUEST_SUPPLEMENT if number == 2 else EventAction.REFUSE
        event = dossier.events.filter(pk=_int_param(request, "event"), action=action).first()
        if event is None:
            raise Http404
        content = (documents.form_02_supplement if number == 2 else documents.form_03_refusal)(dossier, event)
    elif number == 4:
        apology = dossier.apologies.filter(pk=_int_param(request, "apology")).first()
        if apology is None:
            raise Http404
        apology.dossier = dossier
        content = documents.form_04_apology(apology)
    elif number == 5:
        content = documents.form_05_control(dossier)
    else:
        raise Http404
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="mau-0{number}-{_safe_code(dossier)}.pdf"'
    return _private_headers(response)
