"""Fixtures for account tests: the main portal and one unit's site, provisioned through the real services."""

import re

import pytest

from portal.moderation.forms import form_token
from portal.notifications.models import Message

MAIN = "quangbinh.localhost"
PASSWORD = "Hoa-phuong-do-2026"


@pytest.fixture
def hosts(db):
    """The province (main portal) and Sở TTTT, each with its own site; lighter than the full registry."""
    from portal.units.constants import UnitKind
    from portal.units.models import Unit
    from portal.units.provisioning import sites_provision
    from portal.units.services import units_relabel

    province = Unit.objects.create(code="44", kind=UnitKind.PROVINCE, name="Tỉnh Quảng Bình", division_type="Tỉnh", sort_order=0)
    Unit.objects.create(code="44-STTTT", kind=UnitKind.AGENCY, name="Sở Thông tin và Truyền thông", abbreviation="STTTT", parent=province, sort_order=1)
    units_relabel()
    sites_provision()
    return {u.code: u for u in Unit.objects.all()}


def register_data(**overrides) -> dict:
    data = {
        "token": form_token(),
        "website": "",
        "kind": "individual",
        "full_name": "Nguyễn Thị Hoa",
        "organisation_name": "",
        "tax_code": "",
        "email": "",
        "phone": "0912 345 678",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def register(client, **overrides):
    return client.post("/tai-khoan/dang-ky/", register_data(**overrides), HTTP_HOST=MAIN)


def last_code(recipient: str) -> str:
    """The code in the newest verification message to `recipient`, read from the outbox like the person would."""
    message = Message.objects.filter(recipient=recipient, event="citizen.verify").order_by("-pk").first()
    assert message is not None, f"no verification message to {recipient}"
    return re.search(r"\b(\d{6})\b", message.body).group(1)
