"""Login through an external identity provider, behind one small interface.

The national identity system (VNeID) offers OpenID Connect; `OidcProvider` is the authorization-code
flow with PKCE (S256), `state` and `nonce` kept in the session, the token and userinfo calls made
with urllib and timeouts. It is enabled only when its settings are filled in (docs: PORTAL_OIDC_*).
Another provider plugs in by subclassing `IdentityProvider` and adding it to `identity_providers()`.
"""

import base64
import datetime as dt
import hashlib
import hmac
import json
import logging
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings

from portal.pages.chrome import main_portal_url

logger = logging.getLogger(__name__)

SESSION_KEY = "citizens.identity"
# A login started longer ago than this is not finished; the person starts again.
FLOW_MAX_AGE_SECONDS = 10 * 60
CLOCK_SKEW_SECONDS = 120
DEFAULT_LABEL = "Đăng nhập bằng tài khoản định danh điện tử (VNeID)"


@dataclass(frozen=True)
class IdentityClaims:
    """What the provider tells about the person; empty strings for what it did not send."""

    subject: str
    full_name: str = ""
    id_number: str = ""
    phone: str = ""
    email: str = ""
    birth_date: dt.date | None = None


class IdentityError(Exception):
    """The login through the provider did not succeed; `message` is for the person, `detail` for the log."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(detail or message)
        self.message = message
        self.detail = detail


class IdentityProvider:
    name = ""
    label = ""

    def begin(self, request) -> str:
        """Remember what the return leg needs (in the session) and give the URL to send the browser to."""
        raise NotImplementedError

    def complete(self, request) -> IdentityClaims:
        """Check the return leg (`request.GET`) and return who logged in; raise IdentityError otherwise."""
        raise NotImplementedError

    def callback_url(self) -> str:
        # Accounts live on the main portal; this exact address is registered with the provider.
        return f"{main_portal_url()}tai-khoan/dinh-danh/{self.name}/ve/"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_FAILED = "Không đăng nhập được bằng tài khoản định danh điện tử. Vui lòng thử lại sau ít phút."
_HMAC_ALGORITHMS = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}


class OidcProvider(IdentityProvider):
    """OpenID Connect authorization-code flow with PKCE, for VNeID or any conforming provider."""

    name = "vneid"

    def __init__(
        self,
        *,
        issuer: str,
        client_id: str,
        authorize_url: str,
        token_url: str,
        userinfo_url: str,
        client_secret: str = "",
        label: str = DEFAULT_LABEL,
        scopes: str = "openid profile email phone",
        id_number_claim: str = "id_number",
        timeout: float = 10,
    ):
        self.issuer = issuer
        self.client_id = client_id
        self.client_secret = client_secret
        self.authorize_url = authorize_url
        self.token_url = token_url
        self.userinfo_url = userinfo_url
        self.label = label or DEFAULT_LABEL
        self.scopes = scopes
        self.id_number_claim = id_number_claim
        self.timeout = timeout

    @classmethod
    def from_settings(cls) -> "OidcProvider | None":
        """The configured provider, or None while any of issuer, client id and the three endpoints is missing."""
        values = {
            "issuer": getattr(settings, "PORTAL_OIDC_ISSUER", ""),
            "client_id": getattr(settings, "PORTAL_OIDC_CLIENT_ID", ""),
            "authorize_url": getattr(settings, "PORTAL_OIDC_AUTHORIZE_URL", ""),
            "token_url": getattr(settings, "PORTAL_OIDC_TOKEN_URL", ""),
            "userinfo_url": getattr(settings, "PORTAL_OIDC_USERINFO_URL", ""),
        }
        if not all(values.values()):
            return None
        return cls(
            **values,
            client_secret=getattr(settings, "PORTAL_OIDC_CLIENT_SECRET", ""),
            label=getattr(settings, "PORTAL_OIDC_LABEL", DEFAULT_LABEL),
            scopes=getattr(settings, "PORTAL_OIDC_SCOPES", "openid profile email phone"),
            id_number_claim=getattr(settings, "PORTAL_OIDC_ID_NUMBER_CLAIM", "id_number"),
        )

    # --- first leg ---

    def begin(self, request) -> str:
        state, nonce, verifier = secrets.token_urlsafe(32), secrets.token_urlsafe(32), secrets.token_urlsafe(64)
        request.session[f"{SESSION_KEY}:{self.name}"] = {"state": state, "nonce": nonce, "verifier": verifier, "started": time.time()}
        params = {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.callback_url(),
            "scope": self.scopes,
            "state": state,
            "nonce": nonce,
            "code_challenge": _b64url(hashlib.sha256(verifier.encode("ascii")).digest()),
            "code_challenge_method": "S256",
        }
        separator = "&" if "?" in self.authorize_url else "?"
        return f"{self.authorize_url}{separator}{urllib.parse.urlencode(params)}"

    # --- return leg ---

    def complete(self, request) -> IdentityClaims:
        pending = request.session.pop(f"{SESSION_KEY}:{self.name}", None)
        if not pending:
            raise IdentityError("Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng bắt đầu lại.", "no pending flow in session")
        if request.GET.get("error"):
            raise IdentityError("Việc đăng nhập bằng định danh điện tử đã bị huỷ hoặc bị từ chối.", f"provider error {request.GET.get('error')}")
        if not hmac.compare_digest(request.GET.get("state", ""), pending["state"]):
            raise IdentityError("Phiên đăng nhập không hợp lệ. Vui lòng bắt đầu lại.", "state mismatch")
        if time.time() - pending["started"] > FLOW_MAX_AGE_SECONDS:
            raise IdentityError("Phiên đăng nhập đã hết hạn. Vui lòng bắt đầu lại.", "flow too old")
        code = request.GET.get("code", "")
        if not code:
            raise IdentityError(_FAILED, "no code")
        tokens = self._token(code, pending["verifier"])
        id_claims = self._id_token_claims(tokens.get("id_token", ""), pending["nonce"])
        access_token = tokens.get("access_token")
        if not access_token:
            raise IdentityError(_FAILED, "no access token")
        info = self._userinfo(access_token)
        # OIDC Core 5.3.2: the userinfo answer must be about the same subject as the ID token.
        if str(info.get("sub", "")) != str(id_claims.get("sub", "")):
            raise IdentityError(_FAILED, "userinfo subject differs from ID token subject")
        return self._claims({**id_claims, **info})

    def _request_json(self, request: urllib.request.Request, what: str) -> dict:
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            raise IdentityError(_FAILED, f"{what}: HTTP {error.code}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise IdentityError(_FAILED, f"{what}: {error}") from error
        except ValueError as error:
            raise IdentityError(_FAILED, f"{what}: not JSON") from error
        if not isinstance(payload, dict):
            raise IdentityError(_FAILED, f"{what}: not a JSON object")
        return payload

    def _token(self, code: str, verifier: str) -> dict:
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": self.callback_url(), "code_verifier": verifier}
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        if self.client_secret:
            # client_secret_basic (the OIDC default); both parts form-encoded first (RFC 6749 §2.3.1).
            pair = f"{urllib.parse.quote(self.client_id, safe='')}:{urllib.parse.quote(self.client_secret, safe='')}"
            headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
        else:
            form["client_id"] = self.client_id  # a public client: PKCE alone proves it started the flow
        request = urllib.request.Request(self.token_url, data=urllib.parse.urlencode(form).encode(), headers=headers, method="POST")
        return self._request_json(request, "token")

    def _userinfo(self, access_token: str) -> dict:
        request = urllib.request.Request(
            self.userinfo_url, headers={"Authorization": f"Bearer {access_token}", "Accept": "application/json"}, method="GET"
        )
        return self._request_json(request, "userinfo")

    def _id_token_claims(self, id_token: str, nonce: str) -> dict:
        """Check the ID token the token endpoint returned: signature or TLS, issuer, audience, expiry, nonce."""
        try:
            header_b64, payload_b64, signature_b64 = id_token.split(".")
            header = json.loads(_b64url_decode(header_b64))
            claims = json.loads(_b64url_decode(payload_b64))
        except (ValueError, AttributeError) as error:
            raise IdentityError(_FAILED, "ID token unreadable") from error
        algorithm = header.get("alg", "none")
        if algorithm in _HMAC_ALGORITHMS and self.client_secret:
            expected = hmac.new(self.client_secret.encode(), f"{header_b64}.{payload_b64}".encode("ascii"), _HMAC_ALGORITHMS[algorithm]).digest()
            if not hmac.compare_digest(expected, _b64url_decode(signature_b64)):
                raise IdentityError(_FAILED, "ID token signature invalid")
        elif algorithm == "none" or not self.token_url.startswith("https://"):
            # An asymmetric signature is not checked here: OIDC Core 3.1.3.7 (6) lets the TLS connection to the
            # token endpoint stand in for it, which is only true over https.
            raise IdentityError(_FAILED, f"ID token alg {algorithm} not accepted over {self.token_url.split(':')[0]}")
        audience = claims.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        now = time.time()
        if claims.get("iss") != self.issuer:
            raise IdentityError(_FAILED, "ID token issuer differs")
        if self.client_id not in audiences:
            raise IdentityError(_FAILED, "ID token audience differs")
        if not isinstance(claims.get("exp"), int | float) or claims["exp"] < now - CLOCK_SKEW_SECONDS:
            raise IdentityError(_FAILED, "ID token expired")
        if not hmac.compare_digest(str(claims.get("nonce", "")), nonce):
            raise IdentityError(_FAILED, "ID token nonce differs")
        if not claims.get("sub"):
            raise IdentityError(_FAILED, "ID token without subject")
        return claims

    def _claims(self, data: dict) -> IdentityClaims:
        name = str(data.get("name") or " ".join(str(data.get(k, "")) for k in ("family_name", "middle_name", "given_name") if data.get(k)))
        birth_date = None
        if data.get("birthdate"):
            try:
                birth_date = dt.date.fromisoformat(str(data["birthdate"]))
            except ValueError:
                logger.warning("OIDC birthdate not ISO: %r", data["birthdate"])
        return IdentityClaims(
            subject=str(data["sub"]),
            full_name=" ".join(name.split()),
            id_number=str(data.get(self.id_number_claim) or ""),
            # What the provider itself marks unverified does not count as verified here either.
            phone=str(data.get("phone_number") or "") if data.get("phone_number_verified") is not False else "",
            email=str(data.get("email") or "") if data.get("email_verified") is not False else "",
            birth_date=birth_date,
        )


def identity_providers() -> list[IdentityProvider]:
    """The identity providers configured on this installation, in the order the login page shows them."""
    providers = []
    oidc = OidcProvider.from_settings()
    if oidc is not None:
        providers.append(oidc)
    return providers


def identity_provider(name: str) -> IdentityProvider | None:
    return next((p for p in identity_providers() if p.name == name), None)
