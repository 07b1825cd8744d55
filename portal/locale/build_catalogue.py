"""Build / refresh the Vietnamese gap-filling catalogues for the Wagtail admin.

Wagtail's own ``vi`` catalogues are only partly translated. Django reads the
catalogues in ``LOCALE_PATHS`` before the apps' own, so the entries kept in
``portal/locale/vi/LC_MESSAGES/django.po`` and ``djangojs.po`` fill the gaps
for every Wagtail app at once.

What this script does (stdlib only, no polib):

1. For every app in ``APPS`` read ``<app>/locale/en/LC_MESSAGES/<domain>.po``
   (the English catalogue lists every msgid, with msgctxt and plurals) and
   ``<app>/locale/vi/LC_MESSAGES/<domain>.po``.
2. A msgid is *missing* when the app's vi catalogue has no translation for it
   (absent, empty msgstr, or marked fuzzy; or listed in ``RETRANSLATE`` because
   Wagtail's "translation" is unusable). Translated ones are left to Wagtail.
3. The missing entries of all apps are merged (keyed by msgctxt + msgid) and
   written to our catalogue, keeping the translations it already holds. New
   msgids get an empty msgstr; entries Wagtail no longer needs are dropped.
4. It prints, per app, how many msgids are missing and how many of those are
   still untranslated in our catalogue.

Usage (from the repository root, after a Wagtail upgrade)::

    .venv/bin/python portal/locale/build_catalogue.py --check    # report only (exit 1 if gaps)
    .venv/bin/python portal/locale/build_catalogue.py            # rewrite the .po files

then translate the entries left with an empty ``msgstr`` and compile::

    .venv/bin/python portal/locale/build_catalogue.py --compile  # rewrite + msgfmt --check
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_DIR = HERE / "vi" / "LC_MESSAGES"

# (label, package, locale parent relative to the package, gettext domain). The Wagtail apps
# are the ones the admin is built from; Django core and django.contrib.auth are included because
# editors see their strings in the admin too ("3 ngày trước", form and password validation).
APPS: list[tuple[str, str, str, str]] = [
    ("wagtail", "wagtail", "", "django"),
    ("wagtail.admin", "wagtail", "admin", "django"),
    ("wagtail.documents", "wagtail", "documents", "django"),
    ("wagtail.images", "wagtail", "images", "django"),
    ("wagtail.snippets", "wagtail", "snippets", "django"),
    ("wagtail.users", "wagtail", "users", "django"),
    ("wagtail.contrib.settings", "wagtail", "contrib/settings", "django"),
    ("wagtail.contrib.redirects", "wagtail", "contrib/redirects", "django"),
    ("wagtail.contrib.forms", "wagtail", "contrib/forms", "django"),
    ("wagtail.embeds", "wagtail", "embeds", "django"),
    ("wagtail.sites", "wagtail", "sites", "django"),
    ("wagtail.search", "wagtail", "search", "django"),
    ("django", "django", "conf", "django"),
    ("django.contrib.auth", "django", "contrib/auth", "django"),
    ("wagtail.admin", "wagtail", "admin", "djangojs"),
]

# Entries that Wagtail's vi catalogue "translates" but unusably, treated as missing: the English
# text copied over ("Username"), or a placeholder glued to the next word ("Nhập %(...)scủa bạn"
# on the login page). "Email"/"URL" are left alone: Vietnamese uses the loanwords.
RETRANSLATE: set[tuple[str | None, str]] = {
    (None, "Username"),
    (None, "Resubmit to %(task_name)s"),
    (None, "%(label)s and Publish"),
    (None, "Your %(username_field)s and password didn't match. Please try again."),
    (None, "Enter your %(username_field_name)s"),
    # Editors read these every day; Wagtail's "Thực hiện …" / "Xem bản live" say too little.
    (None, "Submit to %(workflow_name)s"),
    (None, "View live"),
}

HEADER = (
    "Project-Id-Version: portal (Wagtail admin, Vietnamese gap-filling catalogue)\n"
    "Report-Msgid-Bugs-To: \n"
    "PO-Revision-Date: {date}\n"
    "Last-Translator: portal team\n"
    "Language-Team: Vietnamese\n"
    "Language: vi\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=1; plural=0;\n"
)


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # extracted comments ("#." lines)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        if "fuzzy" in self.flags:
            return False
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural.values())
        return bool(self.msgstr)


# --------------------------------------------------------------------------- reading

_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}


def _unquote(text: str) -> str:
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"not a quoted string: {text!r}")
    body, out, i = text[1:-1], [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            out.append(_ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def read_po(path: Path) -> list[Entry]:
    """Parse a .po file; obsolete (``#~``) entries and the header are skipped."""
    entries: list[Entry] = []
    cur = Entry()
    started = False
    target: tuple[str, int | None] | None = None  # which field continuation lines extend

    def finish():
        nonlocal cur, started, target
        if started and cur.msgid != "":
            entries.append(cur)
        cur, started, target = Entry(), False, None

    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = raw.strip(" \t\r")
        if not line:
            if started:
                finish()
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#"):
            if started and target and target[0].startswith("msgstr"):
                finish()
            if line.startswith("#,"):
                cur.flags.extend(f.strip() for f in line[2:].split(",") if f.strip())
            elif line.startswith("#."):
                cur.comments.append(line[2:].strip())
            continue
        if line.startswith('"'):
            value = _unquote(line)
            name, idx = target
            if name == "msgstr" and idx is not None:
                cur.msgstr_plural[idx] += value
            else:
                setattr(cur, name, getattr(cur, name) + value)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and started and target and target[0] == "msgstr":
            finish()
        started = True
        value = _unquote(rest)
        if keyword.startswith("msgstr["):
            idx = int(keyword[7:-1])
            cur.msgstr_plural[idx] = value
            target = ("msgstr", idx)
        elif keyword in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
            setattr(cur, keyword, value)
            target = (keyword, None)
        else:
            raise ValueError(f"{path}: cannot parse line {raw!r}")
    finish()
    return entries


# --------------------------------------------------------------------------- writing


def _quote(text: str) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    return '"' + text.replace("\n", "\\n") + '"'


def _field(keyword: str, text: str) -> str:
    # Split after each "\n" only: str.splitlines() would also break on U+2028 and friends.
    parts = [p for p in re.split(r"(?<=\n)", text) if p]
    if len(parts) <= 1:
        return f"{keyword} {_quote(text)}\n"
    return f'{keyword} ""\n' + "".join(_quote(p) + "\n" for p in parts)


def write_po(path: Path, entries: list[Entry]) -> None:
    out = [
        "# Vietnamese translations filling the gaps of Wagtail's own vi catalogues.\n",
        "# Generated by portal/locale/build_catalogue.py; see portal/locale/README.md.\n",
        'msgid ""\n',
        _field("msgstr", HEADER.format(date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000"))),
        "\n",
    ]
    for e in entries:
        out.extend(f"#. {c}\n" for c in e.comments)
        flags = [f for f in e.flags if f != "fuzzy"]
        if flags:
            out.append("#, " + ", ".join(flags) + "\n")
        if e.msgctxt is not None:
            out.append(_field("msgctxt", e.msgctxt))
        out.append(_field("msgid", e.msgid))
        if e.msgid_plural is not None:
            out.append(_field("msgid_plural", e.msgid_plural))
            out.append(
                _field("msgstr[0]", unicodedata.normalize("NFC", e.msgstr_plural.get(0, "")))
            )
        else:
            out.append(_field("msgstr", unicodedata.normalize("NFC", e.msgstr)))
        out.append("\n")
    path.write_text("".join(out), encoding="utf-8")


# --------------------------------------------------------------------------- building


def package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{package} is not importable; run with the project's virtualenv")
    return Path(spec.origin).parent


def missing_entries(domain: str) -> tuple[dict[tuple, Entry], dict[str, list[tuple]]]:
    """Entries (from the English catalogues) lacking a vi translation, merged over apps."""
    merged: dict[tuple, Entry] = {}
    per_app: dict[str, list[tuple]] = {}
    for label, package, rel, dom in APPS:
        if dom != domain:
            continue
        locale = package_dir(package) / rel / "locale"
        en = read_po(locale / "en" / "LC_MESSAGES" / f"{domain}.po")
        vi_path = locale / "vi" / "LC_MESSAGES" / f"{domain}.po"
        vi = read_po(vi_path) if vi_path.exists() else []
        done = {e.key for e in vi if e.translated and e.key not in RETRANSLATE}
        keys = []
        for e in en:
            if e.key in done:
                continue
            keys.append(e.key)
            if e.key not in merged:
                merged[e.key] = Entry(
                    msgid=e.msgid,
                    msgctxt=e.msgctxt,
                    msgid_plural=e.msgid_plural,
                    flags=[f for f in e.flags if f.endswith("-format")],
                    comments=[f"app: {label}"] + [c for c in e.comments if c],
                )
            else:
                merged[e.key].comments.insert(
                    sum(c.startswith("app: ") for c in merged[e.key].comments), f"app: {label}"
                )
        per_app[label] = keys
    return merged, per_app


def build(domain: str, translations: dict[tuple, str] | None = None, write: bool = True) -> dict:
    """Rebuild one domain's catalogue; ``translations`` (key -> msgstr) override our .po."""
    path = OUT_DIR / f"{domain}.po"
    known: dict[tuple, str] = {}
    if path.exists():
        for e in read_po(path):
            value = e.msgstr_plural.get(0, "") if e.msgid_plural is not None else e.msgstr
            if value:
                known[e.key] = value
    known.update(translations or {})
    merged, per_app = missing_entries(domain)
    entries = []
    for key, entry in merged.items():
        value = known.get(key, "")
        if entry.msgid_plural is not None:
            entry.msgstr_plural = {0: value}
        else:
            entry.msgstr = value
        entries.append(entry)
    if write:
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        write_po(path, entries)
    report = {}
    for label, keys in per_app.items():
        report[label] = (len(keys), sum(1 for k in keys if not known.get(k)))
    return report


def compile_mo() -> None:
    """Compile both catalogues with GNU msgfmt (apt-get install gettext)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        raise SystemExit("msgfmt not found: install GNU gettext")
    for domain in ("django", "djangojs"):
        po = OUT_DIR / f"{domain}.po"
        subprocess.run([msgfmt, "--check", "-o", str(po.with_suffix(".mo")), str(po)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only, do not write")
    parser.add_argument(
        "--compile", action="store_true", help="also run msgfmt --check to write the .mo files"
    )
    args = parser.parse_args(argv)
    untranslated = 0
    for domain in ("django", "djangojs"):
        report = build(domain, write=not args.check)
        for label, (missing, left) in report.items():
            sys.stdout.write(
                f"{domain:9} {label:28} missing in its vi catalogue: {missing:4}  untranslated here: {left}\n"
            )
            untranslated += left
    if args.compile and not args.check:
        compile_mo()
    return 1 if (args.check and untranslated) else 0


if __name__ == "__main__":
    sys.exit(main())
