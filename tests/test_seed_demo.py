"""`seed_demo` (make run) is safe to run twice: the second run errs on nothing and duplicates nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.unscoped]

# Every table the command writes, directly or through services (decisions, notifications, outbox).
SEEDED = [
    "accounts.Tenant", "accounts.Membership", "auth.User", "auth.Group", "policies.Policy",
    "buyers.Buyer", "buyers.CountryRisk", "core.ExchangeRate", "limits.CreditLimit", "limits.LimitDecision",
    "core.Notification", "core.OutboxMessage", "claims.Overdue", "claims.Invoice", "claims.Claim",
    "claims.ClaimDocument", "claims.ClaimTransition", "recoveries.Recovery", "policies.TurnoverDeclaration",
]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path, today):
    settings.MEDIA_ROOT = tmp_path
    # The demo's claim data follows its 2026 policy: seed as on a day it runs, whatever the real date.
    from datetime import date

    today(date(2026, 11, 25))


def row_counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in SEEDED}


def test_seed_demo_twice_creates_nothing_twice(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())
    first = row_counts()
    # The first run really seeds: the second run's equality below would otherwise prove nothing.
    assert first["accounts.Tenant"] == 2 and first["policies.Policy"] == 3 and first["limits.CreditLimit"] >= 1
    # While the 2026 demo policy runs: a paid claim with its documents and a recovery, two overdues, turnover.
    assert first["claims.Overdue"] == 2 and first["claims.Claim"] == 1 and first["recoveries.Recovery"] == 1
    assert first["claims.ClaimDocument"] == 4 and first["policies.TurnoverDeclaration"] > 0

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())
    assert row_counts() == first


def test_seed_demo_keeps_each_users_roles_on_a_second_run():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    User = apps.get_model("auth.User")
    credit = User.objects.get(username="iberia-credit")
    assert list(credit.groups.values_list("name", flat=True)) == ["Credit manager"]
    assert User.objects.get(username="iberia-credit").membership.tenant.legal_name == "Iberia Export S.L."
