"""Citizen pages of the online public services: the dossier form, drafts, my dossiers, supplement, rating, lookup."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from portal.citizens.decorators import citizen_login_required, on_main_portal
from portal.citizens.selectors import citizen_profile, citizen_submit_blocker
from portal.dossiers import selectors
from portal.dossiers.api import NOT_FOUND, lookup_limited
from portal.dossiers.constants import (
    OPEN_STATUSES,
    TRANSITIONS,
    DossierStatus,
    EventAction,
    FileKind,
    ResultDelivery,
)
from portal.dossiers.errors import DossierError
from portal.dossiers.forms import DossierForm, LookupForm, RatingForm, SupplementForm
from portal.dossiers.models import Dossier, DossierFile
from portal.dossiers.services import (
    dossier_draft_save,
    dossier_missing_for_submission,
    dossier_next_step,
    dossier_rate,
    dossier_submit,
    dossier_supplement,
    dossier_withdraw,
)
from portal.pages.chrome import chrome_for_request
from portal.procedures.models import Procedure, ProcedureStatus
from portal.units.models import Unit

SERVICES = ("Dịch vụ công", "/dich-vu-cong/")
MINE = ("Hồ sơ của tôi", "/dich-vu-cong/ho-so/")
S = DossierStatus


def _procedure_or_404(code: str) -> Procedure:
    return get_object_or_404(
        Procedure.objects.prefetch_related("papers"), national_code=code, status=ProcedureStatus.PUBLISHED,
    )


def _own_dossier(request, pk: int) -> Dossier:
    dossier = get_object_or_404(Dossier.objects.select_related("procedure", "handling_unit", "receiving_unit"), pk=pk)
    if dossier.applicant_id != request.user.pk:
        raise Http404  # never tell a stranger that the dossier exists
    return dossier


def _form_units(procedure, handling_unit_id=None):
    handling = [h.unit for h in procedure.handlings.filter(online_enabled=True).select_related("unit").order_by("unit__sort_order", "unit__name")]
    chosen = next((unit for unit in handling if unit.pk == handling_unit_id), handling[0] if handling else None)
    reception = selectors.reception_points(chosen) if chosen else []
    extra = [unit for unit in handling if unit.pk not in {u.pk for u in reception}]
    return handling, reception + extra


@on_main_portal
@citizen_login_required
@require_http_methods(["GET", "POST"])
def dossier_form(request, code: str | None = None, pk: int | None = None):
    """New dossier for a procedure (`code`) or an existing draft (`pk`): save as draft or submit."""
    dossier = _own_dossier(request, pk) if pk else None
    if dossier is not None and dossier.status != S.DRAFT:
        return HttpResponseRedirect(reverse("dossier_detail", args=[dossier.pk]))
    procedure = dossier.procedure if dossier else _procedure_or_404(code)
    if not procedure.accepts_online:
        raise Http404
    blocker = citizen_submit_blocker(request.user)
    wanted_unit = request.POST.get("handling_unit") or (dossier.handling_unit_id if dossier else None)
    handling_units, reception_units = _form_units(procedure, int(wanted_unit) if str(wanted_unit or "").isdigit() else None)
    if not handling_units:
        raise Http404
    kwargs = {"procedure": procedure, "handling_units": handling_units, "reception_units": reception_units}
    problems: list[str] = []
    if request.method == "POST":
        form = DossierForm(request.POST, request.FILES, **kwargs)
        if form.is_valid() and not blocker:
            units = {unit.pk: unit for unit in Unit.objects.filter(pk__in=[form.cleaned_data["handling_unit"], form.cleaned_data["receiving_unit"]])}
            try:
                dossier = dossier_draft_save(
                    user=request.user, procedure=procedure, handling_unit=units[form.cleaned_data["handling_unit"]],
                    receiving_unit=units[form.cleaned_data["receiving_unit"]], applicant=form.applicant(),
                    form_data=form.form_data(), idempotency_key=form.cleaned_data["idempotency_key"],
                    result_delivery=form.cleaned_data["result_delivery"], postal_address=form.cleaned_data["postal_address"],
                    files=form.files_with_papers(), dossier=dossier,
                )
                if request.POST.get("action") == "submit" and dossier.status == S.DRAFT:
                    dossier = dossier_submit(dossier=dossier, user=request.user)
                if dossier.status == S.DRAFT:
                    messages.success(request, "Đã lưu bản nháp. Bạn có thể tiếp tục trên bất kỳ thiết bị nào sau khi đăng nhập.")
                    return HttpResponseRedirect(reverse("dossier_edit", args=[dossier.pk]))
                messages.success(request, f"Đã nộp hồ sơ. Mã hồ sơ của bạn: {dossier.code}.")
                return HttpResponseRedirect(reverse("dossier_detail", args=[dossier.pk]))
            except DossierError as error:
                problems.append(str(error))
                if dossier is not None and dossier.pk:
                    # The draft was saved before submission failed: keep the citizen on it.
                    form = DossierForm(initial=DossierForm.initial_from(dossier), **kwargs)
    else:
        initial = DossierForm.initial_from(dossier, citizen_profile(request.user))
        if dossier is None:
            # Hand it in where it is handled unless the citizen picks another reception point.
            initial.setdefault("handling_unit", handling_units[0].pk)
            initial.setdefault("receiving_unit", handling_units[0].pk)
        form = DossierForm(initial=initial, **kwargs)
    stored = list(dossier.files.filter(kind=FileKind.PAPER)) if dossier else []
    missing = dossier_missing_for_submission(dossier) if dossier and dossier.pk else []
    title = f"Nộp hồ sơ: {procedure.name}" if len(procedure.name) < 90 else "Nộp hồ sơ trực tuyến"
    context = chrome_for_request(request, title, crumbs=[SERVICES, (procedure.national_code, f"/dich-vu-cong/thu-tuc/{procedure.national_code}/")])
    context.update({
        "form": form, "procedure": procedure, "dossier": dossier, "stored_files": stored, "blocker": blocker,
        "problems": problems, "missing": missing,
        "schema_fields": [form[name] for name, _ in form.schema_names],
        "paper_fields": [(form[name], paper, [f for f in stored if f.paper_id == paper.pk]) for name, paper in form.paper_fields],
    })
    status = 400 if request.method == "POST" else 200
    return render(request, "dossiers/form.html", context, status=status)


@on_main_portal
@citizen_login_required
def my_dossiers(request):
    context = chrome_for_request(request, "Hồ sơ của tôi", crumbs=[SERVICES])
    context["dossiers"] = list(selectors.dossiers_of_applicant(request.user)[:200])
    return render(request, "dossiers/mine.html", context)


def _payment_state(dossier):
    from portal.payments.models import Payment

    return Payment.objects.filter(dossier=dossier, status="paid").exists()


@on_main_portal
@citizen_login_required
@require_http_methods(["GET", "POST"])
def dossier_detail(request, pk: int):
    dossier = _own_dossier(request, pk)
    if dossier.status == S.DRAFT:
        return HttpResponseRedirect(reverse("dossier_edit", args=[dossier.pk]))
    supplement_form = SupplementForm()
    rating_form = RatingForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "supplement":
                supplement_form = SupplementForm(request.POST, request.FILES)
                if supplement_form.is_valid():
                    upload = supplement_form.cleaned_data.get("file")
                    dossier_supplement(dossier=dossier, user=request.user, files=[(None, upload)] if upload else [],
                                       note=supplement_form.cleaned_data["note"])
                    messages.success(request, "Đã gửi giấy tờ bổ sung.")
                    return HttpResponseRedirect(request.path)
            elif action == "rate":
                rating_form = RatingForm(request.POST)
                if rating_form.is_valid():
                    dossier_rate(dossier=dossier, user=request.user, rating=rating_form.cleaned_data["rating"],
                                 comment=rating_form.cleaned_data["comment"])
                    messages.success(request, "Cảm ơn ông/bà đã đánh giá.")
                    return HttpResponseRedirect(request.path)
            elif action == "withdraw":
                dossier_withdraw(dossier=dossier, user=request.user, reason=request.POST.get("reason", ""))
                messages.success(request, "Đã rút hồ sơ.")
                return HttpResponseRedirect(request.path)
        except DossierError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(request.path)
    files = list(dossier.files.all())
    results = [f for f in files if f.kind == FileKind.RESULT]
    paid = _payment_state(dossier) if dossier.fee_amount else False
    context = chrome_for_request(request, f"Hồ sơ {dossier.code}", crumbs=[SERVICES, MINE])
    context.update({
        "dossier": dossier, "timeline": selectors.timeline(dossier), "next_step": dossier_next_step(dossier),
        "files": [f for f in files if f.kind != FileKind.RESULT],
        "results": results if dossier.status in (S.RESULT_READY, S.RETURNED) else [],
        "can_supplement": dossier.status in (S.SUPPLEMENT_REQUESTED, S.SUSPENDED),
        "can_rate": dossier.status == S.RETURNED and not hasattr_rating(dossier),
        "rating": getattr(dossier, "rating", None) if hasattr_rating(dossier) else None,
        "can_withdraw": dossier.status in TRANSITIONS[EventAction.WITHDRAW][0],
        "can_pay": bool(dossier.fee_amount and dossier.procedure.online_payment and not paid and dossier.status in OPEN_STATUSES),
        "paid": paid, "supplement_form": supplement_form, "rating_form": rating_form,
        "has_receipt": dossier.received_at is not None, "online_result": dossier.result_delivery == ResultDelivery.ONLINE,
    })
    return render(request, "dossiers/detail.html", context)


def hasattr_rating(dossier) -> bool:
    from portal.dossiers.models import DossierRating

    try:
        return dossier.rating is not None
    except DossierRating.DoesNotExist:
        return False


@on_main_portal
@citizen_login_required
def dossier_file(request, pk: int, file_pk: int):
    dossier = _own_dossier(request, pk)
    stored = get_object_or_404(DossierFile, pk=file_pk, dossier=dossier)
    if stored.kind == FileKind.RESULT and dossier.status not in (S.RESULT_READY, S.RETURNED):
        raise Http404
    response = FileResponse(stored.file.open("rb"), content_type=stored.content_type, as_attachment=True,
                            filename=stored.original_name)
    response["Cache-Control"] = "private, no-store"
    return response


@on_main_portal
@citizen_login_required
def dossier_receipt_pdf(request, pk: int):
    """Mẫu 01 for the citizen, once the dossier has been received."""
    from portal.dossiers.documents import form_01_receipt

    dossier = _own_dossier(request, pk)
    if dossier.received_at is None:
        raise Http404
    response = HttpResponse(form_01_receipt(dossier), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="mau-01-{dossier.code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def lookup(request):
    """Status by code + last four phone digits; POST so neither lands in URLs or logs. Same answer for every miss."""
    form = LookupForm(request.POST or None)
    dossier, not_found, limited = None, False, False
    if request.method == "POST" and form.is_valid():
        if lookup_limited(request):
            limited = True
        else:
            dossier = selectors.dossier_for_lookup(form.cleaned_data["code"], form.cleaned_data["phone_tail"])
            not_found = dossier is None
    context = chrome_for_request(request, "Tra cứu hồ sơ", crumbs=[SERVICES])
    context.update({
        "form": form, "dossier": dossier, "not_found": not_found, "not_found_message": NOT_FOUND, "limited": limited,
        "timeline": selectors.public_timeline(dossier) if dossier else [], "next_step": dossier_next_step(dossier) if dossier else "",
    })
    return render(request, "dossiers/lookup.html", context, status=429 if limited else 200)

