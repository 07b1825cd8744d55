"""Public pages of citizen and business accounts, under /tai-khoan/ on the main portal."""

import hashlib
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from portal.citizens import selectors, services
from portal.citizens.constants import ContactChannel
from portal.citizens.decorators import citizen_login_required, on_main_portal
from portal.citizens.forms import CodeForm, LoginForm, ProfileForm, RegistrationForm
from portal.citizens.identity import IdentityError, identity_provider, identity_providers
from portal.citizens.validators import email_normalise, phone_normalise
from portal.core.middleware import client_ip
from portal.moderation.forms import SpamSuspected, rate_limit_hit
from portal.pages.chrome import chrome_for_request

logger = logging.getLogger(__name__)

HOME = "/tai-khoan/"
VERIFY = "/tai-khoan/xac-minh/"
BACKEND = "django.contrib.auth.backends.ModelBackend"
IDENTITY_NEXT_KEY = "citizens.identity.next"
LOGIN_WINDOW_SECONDS = 15 * 60
CODE_WINDOW_SECONDS = 15 * 60
ACCOUNT_CRUMBS = [("Tài khoản", HOME)]


def _page(request, template, title, context=None, *, crumbs=None, status=200):
    full = chrome_for_request(request, title, crumbs=crumbs)
    full.update(context or {})
    return render(request, template, full, status=status)


def _limited(request, minutes: int):
    return _page(request, "citizens/limited.html", "Tạm dừng do thao tác quá nhiều lần", {"minutes": minutes}, status=429)


def _safe_next(request, target: str | None) -> str:
    """`next` only when it stays on this host (no other site, no scheme tricks); else ""."""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


# Failed logins are counted per IP and per account identifier (a reception desk shares one IP, so only failures count).


def _login_keys(request, identifier: str) -> list[str]:
    identifier = identifier.strip()
    normalised = email_normalise(identifier) if "@" in identifier else phone_normalise(identifier)
    digest = hashlib.sha256(normalised.encode()).hexdigest()[:32]
    return [f"citizens:login-fail:ip:{client_ip(request)}", f"citizens:login-fail:id:{digest}"]


def _login_blocked(keys: list[str]) -> bool:
    return any(cache.get(key, 0) >= settings.PORTAL_LOGIN_RATE_LIMIT for key in keys)


def _login_failed(keys: list[str]) -> None:
    for key in keys:
        cache.add(key, 0, LOGIN_WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, LOGIN_WINDOW_SECONDS)


@on_main_portal
@never_cache
@sensitive_post_parameters("password1", "password2")
def register(request):
    if request.user.is_authenticated and selectors.citizen_profile(request.user) is not None:
        return HttpResponseRedirect(HOME)
    if request.method == "POST":
        form = RegistrationForm(request.POST, request=request)
        try:
            form.check_robot()
        except SpamSuspected:
            return _page(request, "citizens/not_sent.html", "Chưa đăng ký được", status=400)
        if form.is_valid():
            # Its own limit, higher than other public forms: a one-stop desk registers many people from one address.
            if rate_limit_hit(request, "tai-khoan-dang-ky", getattr(settings, "PORTAL_REGISTER_RATE_LIMIT", 20), 3600):
                return _limited(request, 60)
            data = form.cleaned_data
            try:
                user = services.citizen_register(
                    kind=data["kind"], full_name=data["full_name"], organisation_name=data.get("organisation_name", ""),
                    tax_code=data.get("tax_code", ""), email=data["email"], phone=data["phone"], password=data["password1"],
                    ip_address=client_ip(request),
                )
            except services.CitizenError as error:
                form.add_error(error.field or None, error.message)
            else:
                login(request, user, backend=BACKEND)
                messages.success(request, "Đã tạo tài khoản. Hãy nhập mã xác minh vừa được gửi đến liên lạc của bạn.")
                return HttpResponseRedirect(VERIFY)
    else:
        form = RegistrationForm(request=request)
    return _page(request, "citizens/register.html", "Đăng ký tài khoản", {"form": form, "providers": identity_providers()}, crumbs=ACCOUNT_CRUMBS)


@on_main_portal
@never_cache
@sensitive_post_parameters("password")
def login_view(request):
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.user.is_authenticated and selectors.citizen_profile(request.user) is not None and request.method != "POST":
        return HttpResponseRedirect(next_url or HOME)
    form = LoginForm(request.POST or None)
    if request.method == "POST":
        keys = _login_keys(request, request.POST.get("identifier", ""))
        if _login_blocked(keys):
            return _limited(request, LOGIN_WINDOW_SECONDS // 60)
        if form.is_valid():
            user = services.citizen_authenticate(form.cleaned_data["identifier"], form.cleaned_data["password"])
            if user is not None:
                login(request, user, backend=BACKEND)
                return HttpResponseRedirect(next_url or HOME)
            _login_failed(keys)
            # One answer whether the contact has no account or the password is wrong.
            form.add_error(None, "Thư điện tử, số điện thoại hoặc mật khẩu không đúng.")
    context = {"form": form, "next": next_url, "providers": identity_providers()}
    return _page(request, "citizens/login.html", "Đăng nhập", context, crumbs=ACCOUNT_CRUMBS)


@on_main_portal
@require_POST
def logout_view(request):
    logout(request)
    return HttpResponseRedirect("/")


@on_main_portal
@never_cache
@citizen_login_required
def home(request):
    profile = selectors.citizen_profile(request.user)
    context = {
        "profile": profile,
        "contacts": selectors.citizen_contacts(profile),
        "blocker": selectors.citizen_submit_blocker(request.user),
        "identities": list(request.user.external_identities.order_by("provider")),
    }
    return _page(request, "citizens/home.html", "Tài khoản của tôi", context)


@on_main_portal
@never_cache
@citizen_login_required
def verify(request):
    user = request.user
    forms_by_channel = {}
    if request.method == "POST":
        channel = request.POST.get("channel", "")
        if channel not in ContactChannel.values:
            return HttpResponseRedirect(VERIFY)
        if request.POST.get("action") == "resend":
            if rate_limit_hit(request, "tai-khoan-gui-ma", settings.PORTAL_LOOKUP_RATE_LIMIT, CODE_WINDOW_SECONDS):
                return _limited(request, CODE_WINDOW_SECONDS // 60)
            try:
                services.code_send(user=user, channel=channel)
            except services.CitizenError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, f"Đã gửi mã mới đến {ContactChannel(channel).label.lower()} của bạn.")
            return HttpResponseRedirect(VERIFY)
        if rate_limit_hit(request, "tai-khoan-ma", settings.PORTAL_LOOKUP_RATE_LIMIT, CODE_WINDOW_SECONDS):
            return _limited(request, CODE_WINDOW_SECONDS // 60)
        form = CodeForm(request.POST, prefix=channel)
        if form.is_valid():
            try:
                services.code_check(user=user, channel=channel, code=form.cleaned_data["code"])
            except services.CitizenError as error:
                form.add_error("code", error.message)
            else:
                messages.success(request, f"Đã xác minh {ContactChannel(channel).label.lower()}.")
                user.citizen_profile.refresh_from_db()
                if selectors.citizen_can_submit(user):
                    return HttpResponseRedirect(HOME)
                return HttpResponseRedirect(VERIFY)
        forms_by_channel[channel] = form
    profile = selectors.citizen_profile(user)
    contacts = selectors.citizen_contacts(profile)
    items = [
        {"contact": c, "masked": services.contact_mask(c.channel, c.value), "form": forms_by_channel.get(c.channel) or CodeForm(prefix=c.channel)}
        for c in contacts
    ]
    context = {"items": items, "pending": [i for i in items if not i["contact"].verified], "can_submit": selectors.citizen_can_submit(user)}
    return _page(request, "citizens/verify.html", "Xác minh thư điện tử, số điện thoại", context, crumbs=ACCOUNT_CRUMBS)


@on_main_portal
@never_cache
@citizen_login_required
def edit(request):
    profile = selectors.citizen_profile(request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, kind=profile.kind)
        if form.is_valid():
            data = form.cleaned_data
            try:
                changed = services.profile_update(
                    user=request.user, full_name=data["full_name"], email=data["email"], phone=data["phone"],
                    organisation_name=data.get("organisation_name", ""), tax_code=data.get("tax_code", ""),
                    id_number=data["id_number"], address=data["address"],
                )
            except services.CitizenError as error:
                form.add_error(error.field or None, error.message)
            else:
                if changed:
                    messages.success(request, "Đã lưu. Hãy nhập mã xác minh vừa gửi đến liên lạc mới.")
                    return HttpResponseRedirect(VERIFY)
                messages.success(request, "Đã lưu thông tin tài khoản.")
                return HttpResponseRedirect(HOME)
    else:
        initial = {name: getattr(profile, name) for name in ("full_name", "organisation_name", "tax_code", "id_number", "email", "phone", "address")}
        form = ProfileForm(initial=initial, kind=profile.kind)
    return _page(request, "citizens/edit.html", "Sửa thông tin tài khoản", {"form": form, "profile": profile}, crumbs=ACCOUNT_CRUMBS)


@on_main_portal
@never_cache
def identity_begin(request, provider):
    idp = identity_provider(provider)
    if idp is None:
        raise Http404
    request.session[IDENTITY_NEXT_KEY] = _safe_next(request, request.GET.get("next"))
    return HttpResponseRedirect(idp.begin(request))


@on_main_portal
@never_cache
def identity_return(request, provider):
    idp = identity_provider(provider)
    if idp is None:
        raise Http404
    next_url = request.session.pop(IDENTITY_NEXT_KEY, "")
    try:
        claims = idp.complete(request)
        user = services.identity_login(provider=idp.name, claims=claims)
    except IdentityError as error:
        logger.warning("identity login via %s refused: %s", idp.name, error.detail)
        return _page(request, "citizens/identity_error.html", "Chưa đăng nhập được", {"message": error.message, "provider": idp}, status=400)
    except services.CitizenError as error:
        return _page(request, "citizens/identity_error.html", "Chưa đăng nhập được", {"message": error.message, "provider": idp}, status=400)
    login(request, user, backend=BACKEND)
    return HttpResponseRedirect(_safe_next(request, next_url) or HOME)
