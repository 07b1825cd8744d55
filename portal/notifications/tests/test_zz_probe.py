import pytest
from django.contrib.auth import get_user_model
from portal.notifications.tests.test_delivery import _host
pytestmark = pytest.mark.django_db
def test_probe(client):
    op = get_user_model().objects.create_superuser("op", "o@x.vn", "pw-123456789")
    client.force_login(op)
    html = client.get("/admin/hop-thu-di/", HTTP_HOST=_host()).content.decode()
    import re
    i = html.find("hop-thu-di")
    print([html[m.start()-200:m.end()+50] for m in re.finditer("hop", html)][:3])
    print("Hộp thư" in html, "H\\u1ed9p" in html)
