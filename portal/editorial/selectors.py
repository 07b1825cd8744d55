from django.contrib.auth import get_user_model

from portal.editorial.constants import DECIDING_ROLES
from portal.editorial.models import SiteRole


def main_board_emails() -> list[str]:
    from portal.units.services import unit_main

    main = unit_main()
    if main is None:
        return []
    users = get_user_model().objects.filter(
        is_active=True, groups__site_role__unit=main, groups__site_role__role__in=DECIDING_ROLES
    ).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def site_role_groups(unit_ids):
    return SiteRole.objects.filter(unit_id__in=unit_ids).select_related("group", "unit").order_by("unit__sort_order", "role")
