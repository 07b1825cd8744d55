from django.db import migrations


def load(apps, schema_editor):
    # Adds only the rules that are missing (retention, audit, takedown, personal data, licences: issue #5).
    from portal.rules.services import rules_ensure_defaults

    rules_ensure_defaults(apps.get_model("rules", "LegalRule"), apps.get_model("rules", "CalendarDay"))


class Migration(migrations.Migration):
    dependencies = [("rules", "0003_dossier_rules")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
