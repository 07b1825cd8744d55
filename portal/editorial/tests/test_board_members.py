import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from portal.conftest import PASSWORD
from portal.editorial.constants import Role
from portal.editorial.permissions import user_roles

pytestmark = pytest.mark.django_db
HOST = "stttt.quangbinh.localhost"


def test_site_admin_adds_and_removes_board_members_of_own_site_only(client, registry, board):
    stttt, syt = registry["stttt"], registry["syt"]
    assert client.login(username="stttt.qt", password=PASSWORD)
    page = client.get(reverse("editorial:board", args=[stttt.pk]), HTTP_HOST=HOST)
    assert page.status_code == 200 and "stttt.btv" in page.content.decode()

    client.post(
        reverse("editorial:add", args=[stttt.pk]),
        {"username": "stttt.moi", "role": Role.CONTRIBUTOR, "full_name": "Lê Văn Mới", "email": "moi@example.gov.vn", "password": "Mat-khau-moi-2026"},
        HTTP_HOST=HOST,
    )
    new = get_user_model().objects.get(username="stttt.moi")
    assert user_roles(new) == {stttt.pk: {Role.CONTRIBUTOR}}
    assert new.first_name == "Mới" and new.last_name == "Lê Văn"
    assert not new.is_superuser

    # Another unit's board is out of reach, for reading and writing.
    assert client.get(reverse("editorial:board", args=[syt.pk]), HTTP_HOST=HOST).status_code == 404
    client.post(reverse("editorial:add", args=[syt.pk]), {"username": "stttt.moi", "role": Role.BOARD_HEAD}, HTTP_HOST=HOST)
    new = get_user_model().objects.get(username="stttt.moi")
    assert syt.pk not in user_roles(new)

    client.post(reverse("editorial:remove", args=[stttt.pk]), {"user": new.pk, "role": Role.CONTRIBUTOR}, HTTP_HOST=HOST)
    new = get_user_model().objects.get(username="stttt.moi")
    assert user_roles(new) == {}


def test_weak_password_is_refused_with_a_message(client, registry, board):
    assert client.login(username="stttt.tb", password=PASSWORD)
    response = client.post(
        reverse("editorial:add", args=[registry["stttt"].pk]),
        {"username": "yeu", "role": Role.EDITOR, "password": "123"},
        HTTP_HOST=HOST,
        follow=True,
    )
    assert not get_user_model().objects.filter(username="yeu").exists()
    assert "quá ngắn" in response.content.decode() or "mật khẩu" in response.content.decode().lower()


def test_editors_and_contributors_cannot_manage_the_board(client, registry, board):
    for username in ("stttt.btv", "stttt.ctv"):
        client.logout()
        assert client.login(username=username, password=PASSWORD)
        assert client.get(reverse("editorial:board", args=[registry["stttt"].pk]), HTTP_HOST=HOST).status_code == 404


def test_vietnamese_names_read_family_name_first(db):
    user = get_user_model()(username="an", first_name="An", last_name="Nguyễn Văn")
    assert user.get_full_name() == "Nguyễn Văn An"
