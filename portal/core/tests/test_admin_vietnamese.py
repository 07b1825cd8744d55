"""The Wagtail admin is shown in Vietnamese: portal/locale fills the gaps of Wagtail's vi catalogues.

See portal/locale/README.md. No polib here: a tiny .po reader is enough.
"""

import functools
import gettext as gnu_gettext
import re
import unicodedata
from pathlib import Path

import django
import pytest
import wagtail
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "portal" / "locale" / "vi" / "LC_MESSAGES"

# The apps whose English catalogues the portal catalogue was built from (see build_catalogue.py):
# label -> (package, locale parent inside the package).
APPS = {
    "wagtail": ("wagtail", ""),
    "wagtail.admin": ("wagtail", "admin"),
    "wagtail.documents": ("wagtail", "documents"),
    "wagtail.images": ("wagtail", "images"),
    "wagtail.snippets": ("wagtail", "snippets"),
    "wagtail.users": ("wagtail", "users"),
    "wagtail.contrib.settings": ("wagtail", "contrib/settings"),
    "wagtail.contrib.redirects": ("wagtail", "contrib/redirects"),
    "wagtail.contrib.forms": ("wagtail", "contrib/forms"),
    "wagtail.embeds": ("wagtail", "embeds"),
    "wagtail.sites": ("wagtail", "sites"),
    "wagtail.search": ("wagtail", "search"),
    "django": ("django", "conf"),
    "django.contrib.auth": ("django", "contrib/auth"),
}
PACKAGE_DIRS = {
    "wagtail": Path(wagtail.__file__).resolve().parent,
    "django": Path(django.__file__).resolve().parent,
}

# Strings editors meet every day, with the app whose English catalogue lists them.
SAMPLE = [
    ("wagtail.admin", "Save draft"),
    ("wagtail.admin", "Publish"),
    ("wagtail.admin", "Submit to %(workflow_name)s"),
    ("wagtail.admin", "Schedule to publish"),
    ("wagtail.admin", "Set publishing schedule"),
    ("wagtail.admin", "Preview"),
    ("wagtail.admin", "Awaiting your review"),
    ("wagtail.admin", "Your most recent edits"),
    ("wagtail.admin", "Locked pages"),
    ("wagtail.admin", "Aging pages"),
    ("wagtail.admin", "Site history"),
    ("wagtail.admin", "Workflows"),
    ("wagtail.admin", "Collections"),
    ("wagtail.admin", "Choose another page"),
    ("wagtail.admin", "Add child page"),
    ("wagtail.admin", "Are you sure you want to delete this page?"),
    ("wagtail.admin", "Page '%(page_title)s' has been published."),
    ("wagtail.admin", "Page '%(page_title)s' has been submitted for moderation."),
    ("wagtail.admin", "Sign in"),
    ("wagtail.admin", "Forgotten password?"),
    ("wagtail.admin", "Log out"),
    ("wagtail.admin", "Bulk actions"),
    ("wagtail", "Draft saved"),
    ("wagtail", "In progress"),
    ("wagtail", "Needs changes"),
    ("wagtail", "Request changes"),
    ("wagtail", "Password required"),
    ("wagtail.images", "Insert image"),
    ("wagtail.images", "Choose another image"),
    ("wagtail.images", "Focal point"),
    ("wagtail.documents", "Add multiple documents"),
    ("wagtail.documents", "Choose another document"),
    ("wagtail.snippets", "Snippets"),
    ("wagtail.users", "Username"),
    ("wagtail.contrib.redirects", "Redirects"),
    ("wagtail.contrib.forms", "Form data"),
]

# Python %-format (named or positional) and str.format ({name}) placeholders.
PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[-#0 +]*\d*(?:\.\d+)?[sdif]|\{[A-Za-z_0-9]*\}"
)

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(text):
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text.strip()[1:-1])


def read_po(path):
    """Minimal .po reader: dicts with msgctxt, msgid, msgid_plural, msgstr (a list) and flags."""
    entries, cur, field = [], None, None
    for raw in [*path.read_text(encoding="utf-8").split("\n"), ""]:
        line = raw.strip(" \t\r")
        if line.startswith("#~"):
            continue
        # A blank line, or a comment/msgctxt/msgid after a msgstr, closes the current entry.
        if cur is not None and (
            not line or (cur["msgstr"] and line.startswith(("#", "msgctxt", "msgid ")))
        ):
            if cur["msgid"]:
                entries.append(cur)
            cur = None
        if not line:
            continue
        if cur is None:
            cur = {"msgctxt": None, "msgid": "", "msgid_plural": None, "msgstr": [], "flags": set()}
        if line.startswith("#,"):
            cur["flags"].update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if field == "msgstr":
                cur["msgstr"][-1] += _unquote(line)
            else:
                cur[field] += _unquote(line)
        else:
            keyword, _, rest = line.partition(" ")
            field = "msgstr" if keyword.startswith("msgstr") else keyword
            if field == "msgstr":
                cur["msgstr"].append(_unquote(rest))
            else:
                cur[field] = _unquote(rest)
    return entries


def portal_entries(domain):
    return read_po(LOCALE_DIR / f"{domain}.po")


@functools.cache
def english_msgids(app):
    package, rel = APPS[app]
    locale = PACKAGE_DIRS[package] / rel / "locale"
    return {
        (e["msgctxt"], e["msgid"]): e for e in read_po(locale / "en" / "LC_MESSAGES" / "django.po")
    }


@pytest.mark.parametrize(("app", "msgid"), SAMPLE, ids=[m for _, m in SAMPLE])
def test_everyday_admin_strings_are_vietnamese(app, msgid):
    assert (None, msgid) in english_msgids(app), f"{msgid!r} is no longer in {app}'s catalogue"
    with translation.override("vi"):
        translated = translation.gettext(msgid)
    assert translated != msgid
    assert translated.strip()


def test_plural_strings_use_the_single_vietnamese_form():
    with translation.override("vi"):
        for n in (1, 5):
            text = translation.ngettext("Delete 1 page", "Delete %(counter)s pages", n) % {
                "counter": n
            }
            assert text == f"Xoá {n} trang"
        # Django's own vi catalogue lacks the time-since strings shown all over the admin.
        assert translation.ngettext("%(num)d day", "%(num)d days", 3) % {"num": 3} == "3 ngày"


def test_every_msgid_of_the_listed_wagtail_apps_is_translated():
    """After a Wagtail upgrade this fails until portal/locale/build_catalogue.py is re-run.

    Django's own catalogues are left out: their vi translations keep many names as they are
    ("Afrikaans", "%s KB"), so "same as English" means nothing there.
    """
    same_in_vietnamese = {"Wagtail API v2", "Wagtail API v3", "Email", "URL", "ID"}
    untranslated = []
    with translation.override("vi"):
        for app in (a for a in APPS if a.startswith("wagtail")):
            for (_, msgid), entry in english_msgids(app).items():
                if entry["msgid_plural"] is not None:
                    result, english = (
                        translation.ngettext(msgid, entry["msgid_plural"], 2),
                        entry["msgid_plural"],
                    )
                elif entry["msgctxt"] is not None:
                    result, english = translation.pgettext(entry["msgctxt"], msgid), msgid
                else:
                    result, english = translation.gettext(msgid), msgid
                if (
                    result == english
                    and msgid not in same_in_vietnamese
                    and PLACEHOLDER.sub("", msgid).strip(" -:")
                ):
                    untranslated.append(f"{app}: {msgid!r}")
    assert not untranslated, "run portal/locale/build_catalogue.py and translate:\n" + "\n".join(
        untranslated
    )


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_translations_keep_every_placeholder(domain):
    """Every placeholder of the msgid (and msgid_plural) is in the msgstr, and no other."""
    problems = []
    for e in portal_entries(domain):
        for msgstr in e["msgstr"]:
            found = PLACEHOLDER.findall(msgstr)
            if e["msgid_plural"] is None:
                ok = sorted(found) == sorted(PLACEHOLDER.findall(e["msgid"]))
            else:
                # Vietnamese has one plural form, written from msgid_plural ("%(count)s trang").
                wanted = set(PLACEHOLDER.findall(e["msgid"])) | set(
                    PLACEHOLDER.findall(e["msgid_plural"])
                )
                ok = set(found) == wanted
            if not ok:
                problems.append(f"{e['msgid']!r} -> {msgstr!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_catalogue_is_complete_nfc_and_compiled(domain):
    entries = portal_entries(domain)
    assert entries
    with open(LOCALE_DIR / f"{domain}.mo", "rb") as fh:
        compiled = gnu_gettext.GNUTranslations(fh)
    for e in entries:
        assert len(e["msgstr"]) == 1 and e["msgstr"][0], f"untranslated: {e['msgid']!r}"
        msgstr = e["msgstr"][0]
        assert unicodedata.is_normalized("NFC", msgstr), e["msgid"]
        for source in (e["msgid"], e["msgid_plural"] or e["msgid"]):
            assert len(source) - len(source.lstrip()) == len(msgstr) - len(msgstr.lstrip()), e[
                "msgid"
            ]
            assert len(source) - len(source.rstrip()) == len(msgstr) - len(msgstr.rstrip()), e[
                "msgid"
            ]
        ctx, msgid, plural = e["msgctxt"], e["msgid"], e["msgid_plural"]
        if plural is None:
            got = compiled.gettext(msgid) if ctx is None else compiled.pgettext(ctx, msgid)
        else:
            got = (
                compiled.ngettext(msgid, plural, 2)
                if ctx is None
                else compiled.npgettext(ctx, msgid, plural, 2)
            )
        assert got == msgstr, f"{domain}.mo is stale for {msgid!r}: run msgfmt"
