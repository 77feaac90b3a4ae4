from decimal import Decimal

from django.db import migrations

# domain.md: grade 1-3: 50,000; 4-5: 20,000; 6+: none (referred to an underwriter).
MATRIX = [(1, 3, Decimal("50000")), (4, 5, Decimal("20000"))]


def forwards(apps, schema_editor):
    Rule = apps.get_model("limits", "AutoDecisionRule")
    if not Rule.objects.exists():
        Rule.objects.bulk_create(
            [Rule(min_grade=lo, max_grade=hi, max_amount=amount, currency="EUR") for lo, hi, amount in MATRIX]
        )


class Migration(migrations.Migration):
    dependencies = [("limits", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
