"""The one-stop back office in the admin: the work queue, the dossier page, actions through POSTs, files and forms."""

import datetime as dt
import re

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from portal.conftest import PASSWORD, make_user
from portal.dossiers import admin_menu
from portal.dossiers.admin_views import apology_due_by, queue_flags
from portal.dossiers.constants import DossierStatus, EventAction
from portal.dossiers.models import Dossier, DossierApology, DossierEvent, DossierFile
from portal.dossiers.services import dossier_needs_apology, dossier_supplement
from portal.dossiers.tests.factories import online_procedure, simple_units, submitted
from portal.editorial.constants import Role
from portal.rules.services import rules_changed, working_days_add

S = DossierStatus
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def login(client, username):
    client.logout()
    assert client.login(username=username, password=PASSWORD)


def rows_of(html: str) -> dict[str, str]:
    """Queue rows by dossier code."""
    rows = {}
    for row in html.split("<tr>")[2:]:
        match = re.search(r">([^<]+)</a></td>", row)
        if match:
            rows[match.group(1)] = row
    return rows


def in_hand(dossier, *, appointment, status=S.PROCESSING):
    now = timezone.now()
    Dossier.objects.filter(pk=dossier.pk).update(status=status, received_at=now, appointment_date=appointment,
                                                 legal_due_date=appointment)
    dossier.refresh_from_db()
    return dossier


def test_needs_apology_threshold_of_the_queue_agrees_with_the_service(db):
    """The queue flags with one threshold what the service decides per dossier, on every kind of day."""
    units = simple_units()
    dossier = submitted(online_procedure(units["commune"]), receiving=units["commune"])
    dossier.status = S.PROCESSING
    start = dt.date(2026, 2, 9)  # Monday; Tết 2026 and weekends inside the span when the operator entered them
    for offset in range(0, 21):
        today = start + dt.timedelta(days=offset)
        limit = apology_due_by(today)
        for shift in range(-3, 12):
            dossier.appointment_date = today + dt.timedelta(days=shift)
            flagged = any(css == "apology" for css, _ in queue_flags(dossier, today=today, soon=today, apology_by=limit))
            assert flagged == dossier_needs_apology(dossier, today=today), (today, dossier.appointment_date)


def test_queue_orders_flags_filters_and_keeps_units_apart(client, registry, django_assert_max_num_queries):
    baoninh, syt, province = registry["baoninh"], registry["syt"], registry["province"]
    host = province.hostname
    make_user("bn.motcua", (baoninh, Role.ONE_STOP))
    make_user("syt.motcua", (syt, Role.ONE_STOP))
    make_user("bn.btv", (baoninh, Role.EDITOR))
    procedure = online_procedure(baoninh)
    today = timezone.localdate()
    soon_date = working_days_add(today, 1)

    new = submitted(procedure, receiving=baoninh)
    later = in_hand(submitted(procedure, receiving=baoninh), appointment=today + dt.timedelta(days=30))
    soon = in_hand(submitted(procedure, receiving=baoninh), appointment=soon_date)
    late = in_hand(submitted(procedure, receiving=baoninh), appointment=today - dt.timedelta(days=3))
    DossierApology.objects.create(dossier=late, issued_at=timezone.now(), reason="Chờ ý kiến phối hợp",
                                  previous_date=today - dt.timedelta(days=10), new_date=late.appointment_date, late=True)
    syt_procedure = online_procedure(syt, code="1.000002", name="Cấp chứng chỉ hành nghề")
    theirs = submitted(syt_procedure, receiving=syt)

    url = reverse("dossiers_admin:queue")
    login(client, "bn.motcua")
    with django_assert_max_num_queries(25) as few:
        html = client.get(url, HTTP_HOST=host).content.decode()
    queries_for_four = len(few)
    # Earliest appointment first, dossiers not yet received (no appointment) last; the other unit's not at all.
    positions = [html.index(d.code) for d in (late, soon, later, new)]
    assert positions == sorted(positions)
    assert theirs.code not in html
    rows = rows_of(html)
    assert {"Quá hạn", "Cần gửi phiếu xin lỗi (Mẫu 04)", "Xin lỗi muộn"} <= set(re.findall(r'mc-badge[^"]*">([^<]+)', rows[late.code]))
    assert re.findall(r'mc-badge[^"]*">([^<]+)', rows[soon.code]) == ["Sắp đến hạn", "Cần gửi phiếu xin lỗi (Mẫu 04)"]
    assert "mc-badge" not in rows[later.code] and "mc-badge" not in rows[new.code]
    assert f"{soon_date:%d/%m/%Y}" in rows[soon.code] and "Chưa hẹn" in rows[new.code]
    assert "Nguyễn Văn An" in rows[new.code] and "Đăng ký khai sinh" in rows[new.code]
    for dossier in (late, soon, later, new):  # the badge says what the service says
        assert ("Cần gửi phiếu xin lỗi" in rows[dossier.code]) == dossier_needs_apology(dossier)

    def codes(**query):
        return set(rows_of(client.get(url, query, HTTP_HOST=host).content.decode()))

    assert codes(**{"canh-bao": "overdue"}) == {late.code}
    assert codes(**{"canh-bao": "due_soon"}) == {soon.code}
    assert codes(**{"canh-bao": "needs_apology"}) == {late.code, soon.code}
    assert codes(**{"trang-thai": "submitted"}) == {new.code}
    assert codes(**{"don-vi": str(syt.pk)}) == {late.code, soon.code, later.code, new.code}  # not one of theirs: ignored

    # Thirty dossiers cost the same number of queries as four (flags come from the prefetch and one threshold).
    extra = Dossier.objects.bulk_create([
        Dossier(code=f"BN-TEST-{i:02d}", procedure=procedure, receiving_unit=baoninh, handling_unit=baoninh,
                status=S.PROCESSING, applicant_name=f"Người nộp {i}", submitted_at=timezone.now(), received_at=timezone.now(),
                appointment_date=today + dt.timedelta(days=i - 13))
        for i in range(26)
    ])
    DossierApology.objects.bulk_create([
        DossierApology(dossier=d, issued_at=timezone.now(), reason="Chậm", previous_date=d.appointment_date - dt.timedelta(days=5),
                       new_date=d.appointment_date, late=i % 2 == 0) for i, d in enumerate(extra[::3])
    ])
    rules_changed()  # the same cold rule cache as the first request
    with django_assert_max_num_queries(queries_for_four):
        html = client.get(url, HTTP_HOST=host).content.decode()
    assert len(rows_of(html)) == 30 and "BN-TEST-25" in html

    # Another unit's officer sees only their own; someone without a one-stop or board-head role is refused.
    login(client, "syt.motcua")
    assert set(rows_of(client.get(url, HTTP_HOST=host).content.decode())) == {theirs.code}
    admin_menu.register()
    admin_menu.register()  # once only
    assert hooks.get_hooks("register_admin_menu_item").count(admin_menu.menu_item) == 1
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(username="syt.motcua")
    assert admin_menu.menu_item().is_shown(request)
    request.user = get_user_model().objects.get(username="bn.btv")
    assert not admin_menu.menu_item().is_shown(request)
    login(client, "bn.btv")
    refused = client.get(url, HTTP_HOST=host)
    assert refused.status_code == 403 and "không có quyền" in refused.content.decode()


def test_officers_process_a_dossier_through_the_admin(client, registry, django_capture_on_commit_callbacks):
    baoninh, syt, province = registry["baoninh"], registry["syt"], registry["province"]
    host = province.hostname
    officer = make_user("bn.motcua", (baoninh, Role.ONE_STOP), first_name="Thu", last_name="Lê Thị")
    make_user("bn.tb", (baoninh, Role.BOARD_HEAD))
    make_user("syt.motcua", (syt, Role.ONE_STOP))
    citizen = make_user("congdan")
    procedure = online_procedure(baoninh)
    dossier = submitted(procedure, receiving=baoninh)
    Dossier.objects.filter(pk=dossier.pk).update(applicant=citizen)
    detail = reverse("dossiers_admin:detail", args=[dossier.pk])

    def act(action, data=None, **extra):
        return client.post(reverse("dossiers_admin:act", args=[dossier.pk, action]), data or {}, HTTP_HOST=host, **extra)

    def status():
        return Dossier.objects.values_list("status", flat=True).get(pk=dossier.pk)

    # Another unit's officer: 404 for the page, the forms and every action; nothing changes.
    login(client, "syt.motcua")
    assert client.get(detail, HTTP_HOST=host).status_code == 404
    assert client.get(reverse("dossiers_admin:form", args=[dossier.pk, 5]), HTTP_HOST=host).status_code == 404
    assert act("receive").status_code == 404
    assert status() == S.SUBMITTED

    # The board head supervises: sees the dossier, may not act.
    login(client, "bn.tb")
    html = client.get(detail, HTTP_HOST=host).content.decode()
    assert dossier.code in html and "Nguyễn Văn Bình" in html and "Không có thao tác nào" in html

    login(client, "bn.motcua")
    html = client.get(detail, HTTP_HOST=host).content.decode()
    shown = set(re.findall(rf'/admin/mot-cua/{dossier.pk}/([a-z_]+)/"', html))
    assert shown == {"receive", "request_supplement", "refuse"}  # exactly what the table allows from “submitted”
    assert "Họ, chữ đệm và tên người được khai sinh" in html and "044090000001" in html
    assert reverse("dossiers_admin:form", args=[dossier.pk, 1]) not in html  # no receipt before receipt

    # An illegal action is refused with the service's words and changes nothing.
    events_before = DossierEvent.objects.filter(dossier=dossier).count()
    response = act("result", {"summary": "Cấp giấy khai sinh"}, follow=True)
    assert "Không thể “có kết quả giải quyết”" in response.content.decode()
    assert status() == S.SUBMITTED and DossierEvent.objects.filter(dossier=dossier).count() == events_before
    # A required field left empty: the page again with an error summary linked to the field.
    response = act("refuse", {"reason": "  "})
    body = response.content.decode()
    assert response.status_code == 400 and "Phải ghi rõ lý do từ chối." in body and 'href="#refuse-reason"' in body
    assert 'aria-describedby="refuse-reason-help refuse-reason-error"' in body and status() == S.SUBMITTED

    # Receive → Mẫu 01.
    response = act("receive", follow=True)
    dossier.refresh_from_db()
    assert dossier.status == S.RECEIVED and f"Ngày hẹn trả kết quả: {dossier.appointment_date:%d/%m/%Y}" in response.content.decode()
    receipt = client.get(reverse("dossiers_admin:form", args=[dossier.pk, 1]), HTTP_HOST=host)
    assert receipt.status_code == 200 and receipt["Content-Type"] == "application/pdf"
    assert receipt.content.startswith(b"%PDF") and receipt["Content-Disposition"] == f'inline; filename="mau-01-{dossier.code}.pdf"'

    assert act("start").status_code == 302 and status() == S.PROCESSING
    assert act("request_supplement", {"note": "Bản sao giấy chứng sinh"}).status_code == 302 and status() == S.SUSPENDED
    supplement_event = DossierEvent.objects.get(dossier=dossier, action=EventAction.REQUEST_SUPPLEMENT)
    form_02 = client.get(reverse("dossiers_admin:form", args=[dossier.pk, 2]) + f"?event={supplement_event.pk}", HTTP_HOST=host)
    assert form_02.status_code == 200 and form_02.content.startswith(b"%PDF")
    assert client.get(reverse("dossiers_admin:form", args=[dossier.pk, 3]) + f"?event={supplement_event.pk}",
                      HTTP_HOST=host).status_code == 404  # not a refusal

    dossier_supplement(dossier=dossier, user=citizen, note="Đã nộp bản sao giấy chứng sinh")
    assert status() == S.PROCESSING
    assert act("suspend", {"note": "Chờ xác minh nơi cư trú"}).status_code == 302 and status() == S.SUSPENDED
    assert act("resume").status_code == 302 and status() == S.PROCESSING

    # The apology is prompted when the appointment is near, prefilled two working days later.
    appointment = working_days_add(timezone.localdate(), 1)
    Dossier.objects.filter(pk=dossier.pk).update(appointment_date=appointment)
    html = client.get(detail, HTTP_HOST=host).content.decode()
    suggestion = working_days_add(appointment, 2)
    assert "Cần gửi phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)" in html
    assert f'value="{suggestion:%d/%m/%Y}"' in html
    assert f"/{dossier.pk}/request_supplement/" not in html  # Mẫu 02 once only (rule dossier.supplement_max_requests)
    response = act("apologise", {"reason": "Chờ ý kiến cơ quan phối hợp", "new_date": f"{suggestion:%d/%m/%Y}"}, follow=True)
    assert f"ngày hẹn mới: {suggestion:%d/%m/%Y}" in response.content.decode()
    apology = DossierApology.objects.get(dossier=dossier)
    assert not apology.late and apology.issued_by == officer
    form_04 = client.get(reverse("dossiers_admin:form", args=[dossier.pk, 4]) + f"?apology={apology.pk}", HTTP_HOST=host)
    assert form_04.status_code == 200 and form_04["Content-Disposition"] == f'inline; filename="mau-04-{dossier.code}.pdf"'

    # Result with a file, then returned by post.
    upload = SimpleUploadedFile("ket-qua.pdf", PDF, content_type="application/pdf")
    assert act("result", {"summary": "Cấp giấy khai sinh số 12/2026", "result_file": upload}).status_code == 302
    assert status() == S.RESULT_READY
    result_file = DossierFile.objects.get(dossier=dossier, kind="result")
    download = client.get(reverse("dossiers_admin:file", args=[dossier.pk, result_file.pk]), HTTP_HOST=host)
    assert download["Content-Type"] == "application/pdf" and download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF
    login(client, "syt.motcua")
    assert client.get(reverse("dossiers_admin:file", args=[dossier.pk, result_file.pk]), HTTP_HOST=host).status_code == 404
    login(client, "bn.motcua")
    with django_capture_on_commit_callbacks(execute=True):
        response = act("return", {"method": "post"}, follow=True)
    assert "Đã trả kết quả hồ sơ" in response.content.decode() and status() == S.RETURNED

    events = list(DossierEvent.objects.filter(dossier=dossier).order_by("at", "pk"))
    assert [e.action for e in events] == [
        "submit", "receive", "start", "request_supplement", "supplement", "suspend", "resume", "apologise", "result", "return",
    ]
    assert all(e.actor_name == "Lê Thị Thu" for e in events[1:] if e.action != "supplement")
    html = client.get(detail, HTTP_HOST=host).content.decode()
    assert "Trả kết quả" in html and "Đang giải quyết → Tạm dừng, chờ người nộp bổ sung" in html
    assert timezone.localtime(events[1].at).strftime("%d/%m/%Y %H:%M") in html and "Lê Thị Thu" in html
    assert "Không có thao tác nào" in html  # returned: nothing left to do
    control = client.get(reverse("dossiers_admin:form", args=[dossier.pk, 5]), HTTP_HOST=host)
    assert control.content.startswith(b"%PDF")

    # Transfer: handed in at the province's centre, handled by Bảo Ninh (NĐ 118/2025), moved to Đồng Hới.
    donghoi = registry["donghoi"]
    make_user("tc.motcua", (province, Role.ONE_STOP))
    get_user_model().objects.create_superuser("vanhanh", "vanhanh@example.gov.vn", PASSWORD)
    procedure = online_procedure(baoninh, code="1.000003", handlers=(baoninh, donghoi))
    dossier = submitted(procedure, receiving=province, handling=baoninh)
    detail = reverse("dossiers_admin:detail", args=[dossier.pk])

    login(client, "tc.motcua")  # the reception point receives and hands over, but does not process
    assert client.post(reverse("dossiers_admin:act", args=[dossier.pk, "receive"]), HTTP_HOST=host).status_code == 302
    html = client.get(detail, HTTP_HOST=host).content.decode()
    assert set(re.findall(rf'/admin/mot-cua/{dossier.pk}/([a-z_]+)/"', html)) == {"start"}

    login(client, "bn.motcua")
    html = client.get(detail, HTTP_HOST=host).content.decode()
    options = re.search(r'<select name="to_unit"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert donghoi.display_name in options and syt.display_name not in options and baoninh.display_name not in options
    response = client.post(reverse("dossiers_admin:act", args=[dossier.pk, "transfer"]),
                           {"to_unit": str(syt.pk)}, HTTP_HOST=host)
    assert response.status_code == 400 and "Đơn vị nhận không hợp lệ." in response.content.decode()
    response = client.post(reverse("dossiers_admin:act", args=[dossier.pk, "transfer"]),
                           {"to_unit": str(donghoi.pk), "note": "Thuộc thẩm quyền thành phố"}, HTTP_HOST=host)
    # Bảo Ninh no longer holds it: back to the queue, and the page is closed to them now.
    assert response["Location"] == reverse("dossiers_admin:queue")
    assert client.get(detail, HTTP_HOST=host).status_code == 404
    event = DossierEvent.objects.get(dossier=dossier, action=EventAction.TRANSFER)
    assert (event.from_unit, event.to_unit) == (baoninh, donghoi)

    client.logout()
    assert client.login(username="vanhanh", password=PASSWORD)
    html = client.get(detail, HTTP_HOST=host).content.decode()
    options = re.search(r'<select name="to_unit"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert syt.display_name in options  # a superuser may send it anywhere
    assert f"<dt>Đơn vị giải quyết</dt><dd>{donghoi.display_name}</dd>" in html
