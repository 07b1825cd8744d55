from django.contrib.auth.models import Group
from django.db import models

from portal.editorial.constants import Role


class SiteRole(models.Model):
    """Ties one Django group to one role on one unit's site."""

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="site_role", verbose_name="Nhóm")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="site_roles", verbose_name="Đơn vị")
    role = models.CharField("Vai trò", max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = "Vai trò trong ban biên tập"
        verbose_name_plural = "Vai trò trong ban biên tập"
        constraints = [models.UniqueConstraint(fields=["unit", "role"], name="one_group_per_unit_role")]

    def __str__(self):
        return self.group.name
