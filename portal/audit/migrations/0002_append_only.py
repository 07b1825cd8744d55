"""The audit table refuses UPDATE and DELETE (vendor-specific triggers); the chain's anchor row exists from the start."""

from django.db import migrations

from portal.audit import guard_sql


def anchor_create(apps, schema_editor):
    AuditAnchor = apps.get_model("audit", "AuditAnchor")
    AuditAnchor.objects.using(schema_editor.connection.alias).get_or_create(pk=1, defaults={"seq": 0, "hash": "0" * 64})


def guard_install(apps, schema_editor):
    guard_sql.install(schema_editor)


def guard_remove(apps, schema_editor):
    guard_sql.remove(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.RunPython(anchor_create, migrations.RunPython.noop),
        migrations.RunPython(guard_install, guard_remove),
    ]
