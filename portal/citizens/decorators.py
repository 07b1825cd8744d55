"""View guards for citizen pages: accounts live on the main portal, and most pages need a citizen login."""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render

from portal.citizens.selectors import citizen_profile
from portal.pages.chrome import chrome_for_request, main_portal_url

LOGIN_PATH = "/tai-khoan/dang-nhap/"


def on_main_portal(view):
    """On a unit's host, send the visitor to the same path on the main portal (one account, one address)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        host = request.get_host().rsplit(":", 1)[0].lower().rstrip(".")
        if host != settings.PORTAL_BASE_DOMAIN:
            return HttpResponseRedirect(main_portal_url() + request.get_full_path().lstrip("/"))
        return view(request, *args, **kwargs)

    return wrapper


def citizen_login_required(view):
    """Anonymous visitors go to the login page and come back (`next`); staff accounts get a 403 page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return HttpResponseRedirect(f"{LOGIN_PATH}?{urlencode({'next': request.get_full_path()})}")
        if citizen_profile(request.user) is None:
            context = chrome_for_request(request, "Không phải tài khoản công dân")
            return render(request, "citizens/not_citizen.html", context, status=403)
        return view(request, *args, **kwargs)

    return wrapper
