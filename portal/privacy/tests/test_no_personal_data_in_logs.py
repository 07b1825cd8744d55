"""Personal data never appears in the audit log, in Python logging output or in any URL a person is sent to."""

import json
import logging
import re

import pytest
from django.apps import apps
from wagtail.models import ModelLogEntry

from portal.dossiers.tests.factories import online_procedure
from portal.moderation.forms import form_token
from portal.notifications.models import Message
from portal.privacy.tests.conftest import MAIN, pdf

pytestmark = pytest.mark.django_db
PHONE, PHONE_TYPED, EMAIL = "0978654321", "0978 654 321", "vo.thi.sen@example.vn"
ID_NUMBER, NAME = "044188009911", "Võ Thị Sen"


def _code(recipient):
    message = Message.objects.filter(recipient=recipient, event="citizen.verify").order_by("-pk").first()
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def test_registration_dossier_and_question_leave_no_contact_in_logs_or_urls(client, registry, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    locations = []

    def follow(response):
        while response.status_code in (301, 302):
            locations.append(response["Location"])
            response = client.get(response["Location"], HTTP_HOST=MAIN)
        return response

    with django_capture_on_commit_callbacks(execute=True):
        registered = client.post("/tai-khoan/dang-ky/", {
            "token": form_token(), "website": "", "kind": "individual", "full_name": NAME, "email": EMAIL, "phone": PHONE_TYPED,
            "password1": "Hoa-phuong-do-2026", "password2": "Hoa-phuong-do-2026", "consent": "on",
        }, HTTP_HOST=MAIN)
    assert registered.status_code == 302
    follow(registered)
    for channel, recipient in (("sms", PHONE), ("email", EMAIL)):
        follow(client.post("/tai-khoan/xac-minh/", {"channel": channel, f"{channel}-code": _code(recipient)}, HTTP_HOST=MAIN))
    follow(client.post("/tai-khoan/sua/", {"full_name": NAME, "id_number": ID_NUMBER, "email": EMAIL, "phone": PHONE,
                                           "address": "Bảo Ninh"}, HTTP_HOST=MAIN))

    procedure = online_procedure(registry["baoninh"])
    url = f"/dich-vu-cong/thu-tuc/{procedure.national_code}/nop-ho-so/"
    key = client.get(url, HTTP_HOST=MAIN).context["form"].initial["idempotency_key"]
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(url, {
            "idempotency_key": key, "handling_unit": registry["baoninh"].pk, "receiving_unit": registry["baoninh"].pk,
            "applicant_name": NAME, "applicant_phone": PHONE, "applicant_email": EMAIL, "applicant_id_number": ID_NUMBER,
            "applicant_address": "Bảo Ninh", "result_delivery": "in_person", "postal_address": "", "f_ten_tre": "Bé Na",
            "action": "submit", f"paper_{procedure.papers.get().pk}": pdf(),
        }, HTTP_HOST=MAIN)
    assert submitted.status_code == 302, submitted.context["form"].errors
    follow(submitted)

    stttt = registry["stttt"].hostname
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post("/hoi-dap/gui/", {
            "token": form_token(), "website": "", "kind": "question", "title": "Hỏi về khai sinh", "content": "Cần giấy gì?",
            "asker_name": NAME, "asker_email": EMAIL, "asker_phone": PHONE_TYPED, "asker_address": "Bảo Ninh", "consent": "on",
        }, HTTP_HOST=stttt)
    assert asked.status_code == 302
    locations.append(asked["Location"])

    assert Message.objects.filter(recipient=PHONE).exists()  # the flow really ran and sent to these contacts
    assert ModelLogEntry.objects.filter(action="portal.citizen.register").exists()
    assert ModelLogEntry.objects.filter(action__startswith="portal.dossier.").exists()
    assert ModelLogEntry.objects.filter(action="portal.question.receive").exists()
    audit = json.dumps(list(ModelLogEntry.objects.values("label", "data")), ensure_ascii=False)
    if apps.is_installed("portal.audit"):  # the append-only chain mirrors every log entry: it must be clean too
        audit += json.dumps(list(apps.get_model("audit", "AuditEntry").objects.values()), default=str, ensure_ascii=False)
    assert NAME not in audit  # accounts are logged under their generated username, not the person's name
    output = "\n".join(record.getMessage() for record in caplog.records)
    for value in (PHONE, PHONE_TYPED, EMAIL, ID_NUMBER, PHONE[-6:]):
        assert value not in audit, value
        assert value not in output, value
        assert not any(value in location for location in locations), value
    assert locations and all("@" not in location for location in locations)
