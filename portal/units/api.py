from ninja import Router, Schema

from portal.units import selectors

router = Router(tags=["Đơn vị"])


class UnitOut(Schema):
    code: str
    name: str
    kind: str
    parent_code: str | None
    hostname: str
    site_url: str
    active: bool


@router.get("/units/", response=list[UnitOut], summary="Danh sách đơn vị và địa chỉ trang của từng đơn vị")
def list_units(request):
    return [
        UnitOut(
            code=u.code,
            name=u.name,
            kind=u.kind,
            parent_code=u.parent.code if u.parent else None,
            hostname=u.hostname,
            site_url=u.site_url if u.site_id else "",
            active=u.is_active,
        )
        for u in selectors.unit_list_for_api()
    ]
