from django.db import migrations


def load(apps, schema_editor):
    # Adds only the rules that are missing (the one-stop deadlines of issue #4); edited values stay.
    from portal.rules.services import rules_ensure_defaults

    rules_ensure_defaults(apps.get_model("rules", "LegalRule"), apps.get_model("rules", "CalendarDay"))


class Migration(migrations.Migration):
    dependencies = [("rules", "0002_load_defaults")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
