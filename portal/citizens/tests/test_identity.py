"""Login through the national identity provider (VNeID) over OpenID Connect, against a local sandbox provider.

The sandbox is a tiny OIDC server (http.server in a thread) with /authorize, /token and /userinfo: it checks
PKCE, client authentication and single-use codes, and signs ID tokens with the client secret (HS256).
"""

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from portal.citizens import services
from portal.citizens.models import CitizenProfile, ExternalIdentity
from portal.citizens.selectors import citizen_can_submit
from portal.citizens.tests.conftest import MAIN, PASSWORD, last_code

pytestmark = pytest.mark.django_db
CLIENT_ID = "cong-dvc-quang-binh"
CLIENT_SECRET = "bi-mat-cua-ung-dung"
CALLBACK = "http://quangbinh.localhost/tai-khoan/dinh-danh/vneid/ve/"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class SandboxIdentityProvider:
    """The sandbox of the national identity system: one registered client, one person at a time."""

    def __init__(self):
        self.claims = {}
        self.codes = {}
        self.tokens = {}
        self.token_calls = 0
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, status, payload):
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                if url.path == "/authorize":
                    query = dict(urllib.parse.parse_qsl(url.query))
                    assert query["client_id"] == CLIENT_ID and query["response_type"] == "code"
                    assert query["code_challenge_method"] == "S256" and "openid" in query["scope"].split()
                    code = secrets.token_urlsafe(16)
                    provider.codes[code] = {**query, "claims": dict(provider.claims)}
                    location = query["redirect_uri"] + "?" + urllib.parse.urlencode({"code": code, "state": query["state"]})
                    self.send_response(302)
                    self.send_header("Location", location)
                    self.end_headers()
                elif url.path == "/userinfo":
                    claims = provider.tokens.get(self.headers.get("Authorization", "").removeprefix("Bearer "))
                    if claims is None:
                        self._json(401, {"error": "invalid_token"})
                    else:
                        self._json(200, claims)
                else:
                    self._json(404, {"error": "not_found"})

            def do_POST(self):
                provider.token_calls += 1
                length = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
                if self.headers.get("Authorization") != expected:
                    return self._json(401, {"error": "invalid_client"})
                grant = provider.codes.pop(form.get("code", ""), None)  # single use
                if grant is None or form.get("redirect_uri") != grant["redirect_uri"]:
                    return self._json(400, {"error": "invalid_grant"})
                if _b64(hashlib.sha256(form.get("code_verifier", "").encode()).digest()) != grant["code_challenge"]:
                    return self._json(400, {"error": "invalid_grant", "error_description": "PKCE"})
                claims = grant["claims"]
                header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
                payload = _b64(json.dumps({
                    "iss": provider.issuer, "aud": CLIENT_ID, "sub": claims["sub"], "nonce": grant["nonce"],
                    "iat": int(time.time()), "exp": int(time.time()) + 300,
                }).encode())
                signature = _b64(hmac.new(CLIENT_SECRET.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest())
                access_token = secrets.token_urlsafe(16)
                provider.tokens[access_token] = claims
                return self._json(200, {"access_token": access_token, "token_type": "Bearer", "id_token": f"{header}.{payload}.{signature}"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def authorize(url: str) -> str:
    """What the person's browser does at the provider: log in there and come back with a redirect."""
    try:
        urllib.request.build_opener(_NoRedirect).open(url, timeout=5)
    except urllib.error.HTTPError as answer:
        assert answer.code == 302
        return answer.headers["Location"]
    raise AssertionError("the provider did not redirect back")


def callback_path(location: str) -> str:
    parts = urllib.parse.urlsplit(location)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == CALLBACK
    return f"{parts.path}?{parts.query}"


@pytest.fixture
def sandbox(settings):
    provider = SandboxIdentityProvider()
    settings.PORTAL_OIDC_ISSUER = provider.issuer
    settings.PORTAL_OIDC_CLIENT_ID = CLIENT_ID
    settings.PORTAL_OIDC_CLIENT_SECRET = CLIENT_SECRET
    settings.PORTAL_OIDC_AUTHORIZE_URL = f"{provider.issuer}/authorize"
    settings.PORTAL_OIDC_TOKEN_URL = f"{provider.issuer}/token"
    settings.PORTAL_OIDC_USERINFO_URL = f"{provider.issuer}/userinfo"
    yield provider
    provider.stop()


def test_login_through_the_identity_provider(client, hosts, sandbox, settings):
    sandbox.claims = {
        "sub": "vneid-0001", "name": "Hoàng  Thị   Lan", "id_number": "044190001234", "phone_number": "+84912777888",
        "email": "lan.hoang@example.com", "birthdate": "1990-05-17",
    }
    login_page = client.get("/tai-khoan/dang-nhap/?next=/dich-vu-cong/ho-so/", HTTP_HOST=MAIN).content.decode()
    assert "Đăng nhập bằng tài khoản định danh điện tử (VNeID)" in login_page
    assert 'href="/tai-khoan/dinh-danh/vneid/?next=/dich-vu-cong/ho-so/"' in login_page

    begin = client.get("/tai-khoan/dinh-danh/vneid/?next=/dich-vu-cong/ho-so/", HTTP_HOST=MAIN)
    assert begin.status_code == 302 and begin["Location"].startswith(f"{sandbox.issuer}/authorize?")
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(begin["Location"]).query))
    assert query["redirect_uri"] == CALLBACK and query["state"] and query["nonce"] and len(query["code_challenge"]) == 43
    done = client.get(callback_path(authorize(begin["Location"])), HTTP_HOST=MAIN)
    assert done.status_code == 302 and done["Location"] == "/dich-vu-cong/ho-so/"

    user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    profile = user.citizen_profile
    assert (profile.full_name, profile.id_number, profile.phone, profile.email) == ("Hoàng Thị Lan", "044190001234", "0912777888", "lan.hoang@example.com")
    assert str(profile.birth_date) == "1990-05-17" and not user.has_usable_password() and not user.is_staff
    # What the provider vouches for counts as verified: the account can submit at once.
    assert profile.phone_verified_at and profile.email_verified_at and citizen_can_submit(user)
    assert ExternalIdentity.objects.get().user == user
    home = client.get("/tai-khoan/", HTTP_HOST=MAIN).content.decode()
    assert "VNEID" in home and "✓ Đã xác minh" in home

    # The same person again: the same account, no second one.
    client.post("/tai-khoan/dang-xuat/", HTTP_HOST=MAIN)
    begin = client.get("/tai-khoan/dinh-danh/vneid/", HTTP_HOST=MAIN)
    assert client.get(callback_path(authorize(begin["Location"])), HTTP_HOST=MAIN)["Location"] == "/tai-khoan/"
    assert int(client.session["_auth_user_id"]) == user.pk and CitizenProfile.objects.count() == 1
    assert ExternalIdentity.objects.get().last_login_at is not None

    # A wrong state is refused before the code is redeemed, and nobody is logged in.
    client.post("/tai-khoan/dang-xuat/", HTTP_HOST=MAIN)
    begin = client.get("/tai-khoan/dinh-danh/vneid/", HTTP_HOST=MAIN)
    path = callback_path(authorize(begin["Location"]))
    calls = sandbox.token_calls
    forged = client.get(path.replace("state=", "state=x"), HTTP_HOST=MAIN)
    assert forged.status_code == 400 and "Phiên đăng nhập không hợp lệ" in forged.content.decode()
    assert sandbox.token_calls == calls and "_auth_user_id" not in client.session
    # Replaying the return leg later finds no pending login in the session.
    replay = client.get(path, HTTP_HOST=MAIN)
    assert replay.status_code == 400 and "_auth_user_id" not in client.session

    # A code the provider refuses (already used) ends on the same page, not a server error.
    begin = client.get("/tai-khoan/dinh-danh/vneid/", HTTP_HOST=MAIN)
    path = callback_path(authorize(begin["Location"]))
    code = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(path).query))["code"]
    sandbox.codes.pop(code)
    refused = client.get(path, HTTP_HOST=MAIN)
    assert refused.status_code == 400 and "Không đăng nhập được bằng tài khoản định danh điện tử" in refused.content.decode()
    assert "_auth_user_id" not in client.session

    # Someone who registered with a password and verified the e-mail the provider vouches for: linked, not duplicated.
    local = services.citizen_register(kind="individual", full_name="Phan Văn Tú", email="tu.phan@example.com", password=PASSWORD)
    services.code_check(user=local, channel="email", code=last_code("tu.phan@example.com"))
    sandbox.claims = {"sub": "vneid-0002", "name": "Phan Văn Tú", "email": "tu.phan@example.com", "phone_number": "0912999000"}
    begin = client.get("/tai-khoan/dinh-danh/vneid/", HTTP_HOST=MAIN)
    client.get(callback_path(authorize(begin["Location"])), HTTP_HOST=MAIN)
    assert int(client.session["_auth_user_id"]) == local.pk
    local.citizen_profile.refresh_from_db()
    assert local.citizen_profile.phone == "0912999000" and local.citizen_profile.phone_verified_at is not None
    assert ExternalIdentity.objects.get(subject="vneid-0002").user == local and CitizenProfile.objects.count() == 2
    actions = set(ModelLogEntry.objects.filter(action__startswith="portal.citizen.identity").values_list("action", flat=True))
    assert actions == {"portal.citizen.identity_create", "portal.citizen.identity_login", "portal.citizen.identity_link"}

    # Without configuration there is no such provider.
    client.post("/tai-khoan/dang-xuat/", HTTP_HOST=MAIN)
    settings.PORTAL_OIDC_TOKEN_URL = ""
    assert client.get("/tai-khoan/dinh-danh/vneid/", HTTP_HOST=MAIN).status_code == 404
    page = client.get("/tai-khoan/dang-nhap/", HTTP_HOST=MAIN)
    assert page.status_code == 200 and "VNeID" not in page.content.decode()
