"""Render docs/configuration.md from the variables declared with ``portal.core.env.config``.

The registry is filled as settings modules load. To document the *defaults* (not
whatever this machine happens to set), the settings modules are loaded again,
fresh, with every documented variable removed from the environment; the live
settings, modules and registry are restored afterwards. Project paths in defaults
are written as ``<BASE_DIR>`` so the file is the same on every checkout.
"""

import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.core import env

# Loaded in this order; production declares the S3 variables.
SETTINGS_MODULES = ("portal.settings.base", "portal.settings.production")
# Set while loading so that variables declared only when a feature is on are registered too.
FEATURE_SWITCHES = {"PORTAL_USE_S3": "true"}
_REQUIRED_PLACEHOLDER = "env-docs-placeholder-not-a-real-value"

HEADER = """\
# Configuration

> **This file is generated** by `python manage.py env_docs` from `portal/settings/base.py` and
> `portal/settings/production.py`. Edit the `help_text` in the settings and regenerate; the test
> suite runs `env_docs --check` and fails when this file is out of date.

Every setting that differs between machines is read from the environment by
`portal.core.env.config()`. Booleans accept `1`, `true`, `yes`, `on` (anything else is false);
lists are comma-separated. An empty variable counts as unset. The defaults below are the
**production** defaults (`portal.settings.base` / `portal.settings.production`);
`portal.settings.dev` (used by `make demo`) and `portal.settings.test` preset a few of them for
local use (for example `PORTAL_BASE_DOMAIN=quangbinh.localhost`, `DJANGO_SECURE_SSL_REDIRECT=false`)
unless the variable is already set. `<BASE_DIR>` is the directory of the checkout (the one with
`manage.py`). Variables marked *bắt buộc* (required) have no default: the process refuses to start
without them.
"""


def _format_default(value, base_dir: str) -> str:
    if value is None:
        return "*(bắt buộc)*"
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (list, tuple)):
        text = ",".join(str(item) for item in value)
    else:
        text = str(value)
    if text == "":
        return "*(trống)*"
    text = text.replace(base_dir, "<BASE_DIR>")
    return f"`{text}`".replace("|", "\\|")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


@contextmanager
def _pristine_environment(names: set[str], required: set[str]) -> Iterator[None]:
    """Hide ``names`` from the environment (``required`` get a placeholder), then put it all back."""
    saved = {name: os.environ.get(name) for name in names | set(FEATURE_SWITCHES)}
    for name in names:
        os.environ.pop(name, None)
    for name in required:
        os.environ[name] = _REQUIRED_PLACEHOLDER
    os.environ.update(FEATURE_SWITCHES)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def _fresh_modules(names: tuple[str, ...]) -> Iterator[None]:
    """Let ``names`` be imported anew without touching the modules the running settings came from."""
    saved = {name: sys.modules.pop(name) for name in names if name in sys.modules}
    package = sys.modules.get("portal.settings")
    saved_attrs = {name: getattr(package, name.rsplit(".", 1)[1], None) for name in names} if package else {}
    try:
        yield
    finally:
        for name in names:
            sys.modules.pop(name, None)
        sys.modules.update(saved)
        for name, value in saved_attrs.items():
            attr = name.rsplit(".", 1)[1]
            if value is None:
                if hasattr(package, attr):
                    delattr(package, attr)
            else:
                setattr(package, attr, value)


def collect_variables() -> list[env.EnvVar]:
    """Every documented variable with its production default, in declaration order."""
    live = dict(env.REGISTRY)
    required = {name for name, var in live.items() if var.default is None}
    try:
        with _pristine_environment(set(live), required), _fresh_modules(SETTINGS_MODULES):
            env.REGISTRY.clear()
            for module in SETTINGS_MODULES:
                importlib.import_module(module)
            collected = list(env.REGISTRY.values())
    except RuntimeError as error:  # a required variable the running settings did not declare
        raise CommandError(str(error)) from error
    finally:
        env.REGISTRY.clear()
        env.REGISTRY.update(live)
    return collected


def render(variables: list[env.EnvVar] | None = None) -> str:
    if variables is None:
        variables = collect_variables()
    base_dir = str(settings.BASE_DIR)
    groups: dict[str, list[env.EnvVar]] = {}
    for var in variables:
        groups.setdefault(var.group, []).append(var)
    lines = [HEADER]
    lines.append("## Groups\n")
    lines.extend(f"- [{group}](#{_anchor(group)}) ({len(items)})" for group, items in groups.items())
    lines.append("")
    for group, items in groups.items():
        lines.append(f"## {group}\n")
        lines.append("| Biến | Mặc định | Mô tả |")
        lines.append("|---|---|---|")
        lines.extend(
            f"| `{var.name}` | {_format_default(var.default, base_dir)} | {_cell(var.help_text)} |" for var in items
        )
        lines.append("")
    return "\n".join(lines)


def _anchor(heading: str) -> str:
    # GitHub keeps letters (with diacritics) and digits, lowercases, turns spaces into "-".
    return "".join(ch if ch.isalnum() or ch == "-" else "-" if ch == " " else "" for ch in heading.lower())


class Command(BaseCommand):
    help = (
        "Sinh tài liệu biến môi trường (docs/configuration.md) từ các lời gọi config() trong settings; "
        "với --check, báo lỗi nếu tệp đã cam kết khác mã nguồn."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            default=None,
            help="Tệp đích (mặc định: docs/configuration.md trong thư mục dự án).",
        )
        parser.add_argument("--check", action="store_true", help="Chỉ kiểm tra, không ghi.")

    def handle(self, *args, path=None, check=False, **options):
        path = path or Path(settings.BASE_DIR) / "docs" / "configuration.md"
        rendered = render()
        if check:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != rendered:
                raise CommandError(
                    f"{path} không khớp với các biến môi trường trong settings: "
                    "chạy `python manage.py env_docs` rồi cam kết lại."
                )
            self.stdout.write(f"{path}: khớp.")
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
        self.stdout.write(f"Đã ghi {path}.")
