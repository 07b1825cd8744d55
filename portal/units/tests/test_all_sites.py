"""With the real registry of Quảng Bình, every active unit's site answers with its own name."""

import pytest
from django.core.management import call_command

from portal.units.models import Unit

pytestmark = pytest.mark.django_db


def test_every_active_unit_answers_on_its_hostname_and_is_listed_by_the_api(client):
    call_command("import_units", "--province", "44")
    call_command("provision_sites")
    units = list(Unit.objects.active().select_related("site"))
    assert len(units) >= 170
    for unit in units:
        assert unit.site is not None, unit
        response = client.get("/", HTTP_HOST=unit.hostname)
        assert response.status_code == 200, unit.hostname
        assert unit.display_name in response.content.decode(), unit.hostname

    rows = client.get("/api/v1/units/", HTTP_HOST="quangbinh.localhost").json()
    assert {row["hostname"] for row in rows} == {unit.hostname for unit in units}
    assert all(row["site_url"] for row in rows)
