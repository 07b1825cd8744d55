from django.db import migrations


def load(apps, schema_editor):
    from portal.rules.services import rules_ensure_defaults

    rules_ensure_defaults(apps.get_model("rules", "LegalRule"), apps.get_model("rules", "CalendarDay"))


class Migration(migrations.Migration):
    dependencies = [("rules", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
