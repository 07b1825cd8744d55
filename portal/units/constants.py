from django.db import models


class UnitKind(models.TextChoices):
    PROVINCE = "province", "Tỉnh (UBND tỉnh)"
    AGENCY = "agency", "Sở, ban, ngành"
    DISTRICT = "district", "Cấp huyện (huyện, thị xã, thành phố)"
    COMMUNE = "commune", "Cấp xã (xã, phường, thị trấn)"
    SERVICE_UNIT = "service_unit", "Đơn vị sự nghiệp"


# Who keeps a contested label (Điều 3): the higher level first, then the lower GSO code.
KIND_PRIORITY = {
    UnitKind.PROVINCE: 0,
    UnitKind.AGENCY: 1,
    UnitKind.DISTRICT: 2,
    UnitKind.SERVICE_UNIT: 3,
    UnitKind.COMMUNE: 4,
}
