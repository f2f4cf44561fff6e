"""The three provinces' ready-made airtime policies (cms.broadcasting.presets)."""

from django.db import migrations

from cms.broadcasting.services import presets_apply


def create(apps, schema_editor):
    presets_apply(
        policy_model=apps.get_model("broadcasting", "AirtimePolicy"),
        window_model=apps.get_model("broadcasting", "AirtimeWindow"),
        reset=False,
    )


class Migration(migrations.Migration):
    dependencies = [("broadcasting", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
