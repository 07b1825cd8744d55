import os
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.core import env
from portal.core.management.commands.env_docs import render

COMMITTED = Path(settings.BASE_DIR) / "docs" / "configuration.md"


def test_committed_configuration_md_is_up_to_date():
    out = StringIO()
    call_command("env_docs", "--check", stdout=out)
    assert "khớp" in out.getvalue()
    call_command("env_docs", "--check", str(COMMITTED), stdout=StringIO())


def test_rendering_documents_every_registered_variable_by_group():
    text = render()
    assert text.startswith("# Configuration")
    assert "generated" in text.split("\n## ", 1)[0]
    for name in ("DATABASE_URL", "PORTAL_BASE_DOMAIN", "REDIS_URL", "DJANGO_SECRET_KEY"):
        assert f"| `{name}` |" in text
    # production.py registers its S3 variables even though S3 is off here.
    assert "| `S3_BUCKET` |" in text
    assert "## Dữ liệu" in text and "## Cổng" in text
    assert "Tên miền của Trang chính" in text  # help_text is the description


def test_defaults_are_the_production_ones_whatever_this_machine_sets(monkeypatch):
    monkeypatch.setenv("PORTAL_BASE_DOMAIN", "example.test")
    monkeypatch.setenv("DATABASE_URL", "postgres://u@h/db")
    text = render()
    assert "| `PORTAL_BASE_DOMAIN` | `quangbinh.gov.vn` |" in text
    assert "`quangbinh.gov.vn,.quangbinh.gov.vn`" in text
    assert "`sqlite:///<BASE_DIR>/var/portal.sqlite3`" in text
    assert str(settings.BASE_DIR) not in text
    assert "| `DJANGO_SECRET_KEY` | *(bắt buộc)* |" in text


def test_rendering_leaves_the_running_settings_alone():
    registry_before = dict(env.REGISTRY)
    base_before = sys.modules["portal.settings.base"]
    storages_before = settings.STORAGES["default"]
    domain_before = os.environ.get("PORTAL_BASE_DOMAIN")
    render()
    registry_after = dict(env.REGISTRY)
    assert registry_after == registry_before
    assert sys.modules["portal.settings.base"] is base_before
    assert settings.STORAGES["default"] == storages_before
    assert os.environ.get("PORTAL_BASE_DOMAIN") == domain_before


def test_check_fails_on_a_stale_file_and_writing_fixes_it(tmp_path):
    target = tmp_path / "configuration.md"
    target.write_text("# Configuration\n\nstale\n", encoding="utf-8")
    with pytest.raises(CommandError, match="env_docs"):
        call_command("env_docs", "--check", str(target), stdout=StringIO())
    call_command("env_docs", str(target), stdout=StringIO())
    call_command("env_docs", "--check", str(target), stdout=StringIO())
    assert target.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8")
