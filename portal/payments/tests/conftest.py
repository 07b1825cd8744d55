import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from portal.conftest import PASSWORD, make_user
from portal.dossiers.constants import DossierStatus
from portal.dossiers.models import Dossier
from portal.payments.gateways import gateway_get
from portal.procedures.models import GovernmentLevel, Procedure, ProcedureStatus
from portal.units.constants import UnitKind
from portal.units.models import Unit
from portal.units.provisioning import sites_provision
from portal.units.services import units_relabel

VN = ZoneInfo("Asia/Ho_Chi_Minh")
FEE = 50000


def at(year, month, day, hour=10, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN)


def login(client, user):
    client.logout()
    assert client.login(username=user.get_username(), password=PASSWORD)


def make_unit(code="44-STN", name="Sở Thử nghiệm") -> Unit:
    return Unit.objects.create(code=code, kind=UnitKind.AGENCY, name=name)


def make_procedure(unit, *, code="1.000001", fee=FEE, online_payment=True) -> Procedure:
    return Procedure.objects.create(
        national_code=code, name="Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp", unit=unit,
        primary_level=GovernmentLevel.PROVINCE, fee_amount=fee, online_payment=online_payment, online_submission=True,
        status=ProcedureStatus.PUBLISHED,
    )


def make_dossier(procedure, applicant, *, unit=None, code="000.00.44.H46-260305-0001", status=DossierStatus.SUBMITTED,
                 fee=FEE) -> Dossier:
    unit = unit or procedure.unit
    return Dossier.objects.create(
        code=code, procedure=procedure, receiving_unit=unit, handling_unit=unit, status=status, applicant=applicant,
        applicant_name="Nguyễn Văn An", applicant_phone="0912345678", fee_amount=fee,
    )


def signed(payment, *, status="success", transaction_id="GD0001", amount=None, timestamp="1772679600") -> dict:
    """A callback as the sandbox gateway would sign it."""
    data = {
        "order_ref": payment.order_ref, "transaction_id": transaction_id,
        "amount": str(payment.amount if amount is None else amount), "status": status, "timestamp": timestamp,
    }
    data["signature"] = gateway_get("sandbox").sign(data)
    return data


@pytest.fixture
def setup(db, client):
    """A unit with its site (the client talks to it), a procedure with a 50.000 đồng fee payable online,
    a citizen and their submitted dossier."""
    unit = make_unit()
    units_relabel()
    unit.refresh_from_db()
    sites_provision(units=[unit])
    unit.refresh_from_db()
    client.defaults["HTTP_HOST"] = unit.hostname
    procedure = make_procedure(unit)
    citizen = make_user("cong.dan")
    dossier = make_dossier(procedure, citizen)
    return {"unit": unit, "procedure": procedure, "citizen": citizen, "dossier": dossier}
