"""Fill the exposure summary from the limits already in force (one INSERT ... SELECT)."""

from django.db import migrations


def fill(apps, schema_editor):
    from limits.exposure_summary import rebuild

    rebuild(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("limits", "0008_exposure_summary_and_newest_index")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
