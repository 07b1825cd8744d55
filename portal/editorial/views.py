"""Board membership screens for Trưởng ban and Quản trị trang: thin callers of services."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from portal.editorial import permissions, services
from portal.editorial.constants import Role
from portal.editorial.models import SiteRole
from portal.units.models import Unit


def _managed_unit(request, unit_id) -> Unit:
    if not permissions.can_manage_members(request.user, unit_id):
        raise Http404
    return get_object_or_404(Unit, pk=unit_id)


def board_index(request):
    unit_ids = permissions.units_user_manages_members_of(request.user)
    if not unit_ids:
        raise PermissionDenied
    if len(unit_ids) == 1 or request.GET.get("don-vi"):
        unit_id = int(request.GET.get("don-vi") or next(iter(unit_ids)))
        return redirect("editorial:board", unit_id=unit_id)
    units = Unit.objects.filter(pk__in=unit_ids).order_by("sort_order", "code")[:300]
    return TemplateResponse(request, "editorial/board_index.html", {"units": units})


def board_detail(request, unit_id):
    unit = _managed_unit(request, unit_id)
    roles = SiteRole.objects.filter(unit=unit).select_related("group").prefetch_related("group__user_set")
    members = [(Role(r.role).label, r.role, sorted(r.group.user_set.all(), key=lambda u: u.username)) for r in roles]
    return TemplateResponse(request, "editorial/board.html", {"unit": unit, "members": members, "roles": Role.choices})


@require_POST
def board_add(request, unit_id):
    unit = _managed_unit(request, unit_id)
    try:
        user = services.member_add(
            actor=request.user,
            unit=unit,
            role=request.POST.get("role", ""),
            username=request.POST.get("username", ""),
            full_name=request.POST.get("full_name", ""),
            email=request.POST.get("email", ""),
            password=request.POST.get("password", ""),
        )
    except services.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Đã giao vai trò cho {user.get_username()}.")
    return redirect("editorial:board", unit_id=unit.pk)


@require_POST
def board_remove(request, unit_id):
    unit = _managed_unit(request, unit_id)
    user = get_object_or_404(get_user_model(), pk=request.POST.get("user"))
    try:
        services.member_remove(actor=request.user, unit=unit, role=request.POST.get("role", ""), user=user)
    except (services.MembershipError, SiteRole.DoesNotExist) as error:
        raise Http404 from error
    messages.success(request, f"Đã thu hồi vai trò của {user.get_username()}.")
    return redirect("editorial:board", unit_id=unit.pk)
