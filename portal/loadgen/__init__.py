"""Load for benchmarks: `manage.py generate_load` fills the database with an insurer's book at scale.

Rows are written with batched bulk_create (no signals, no audit-trail rows: the generated history is the
decisions, transitions and cover stops themselves), each valid as the services would have written it, and
every value is drawn from one random.Random(seed), so a seed always gives the same data (dates counted
from `today`). It lives in the portal because it writes to every area.
"""

import math
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import Tenant
from claims.claims.models import Claim, ClaimDocument, ClaimTransition
from claims.next_deadline import rebuild as rebuild_deadline_dates
from claims.overdues.models import Overdue
from limits import exposure_summary
from limits.models import CoverStop, CreditLimit, LimitDecision
from portal.loadgen import claims, limits, overdues, registry
from portal.loadgen.batch import Progress, own_timestamps
from portal.loadgen.fake import Fake

LOAD_PASSWORD = "kredo-load-2026"  # generated users are for benchmarks only


class LoadExists(Exception):
    pass


@dataclass(frozen=True)
class LoadSizes:
    buyers: int
    limits: int  # of the large insured; every other insured holds a twentieth of it
    overdues: int
    invoices: int
    claims: int
    tenants: int = 3


@dataclass(frozen=True)
class LoadSummary:
    seed: int
    tenant_ids: list[int]
    counts: dict[str, int]
    seconds: dict[str, float]

    @property
    def large_tenant_id(self) -> int:
        return self.tenant_ids[0]


def admin_username(seed: int, tenant_index: int) -> str:
    return f"load{seed}-{tenant_index}-admin"


def generate(*, sizes: LoadSizes, seed: int, today: date | None = None, progress: Progress | None = None) -> LoadSummary:
    progress = progress or Progress()
    fake = Fake(seed, today or timezone.localdate())
    with scopes_disabled(), transaction.atomic():
        if Tenant.objects.filter(registration_number=registry.tenant_registration(seed, 0)).exists():
            raise LoadExists(f"The load of seed {seed} is already in this database.")
        tenants = registry.create_tenants(fake=fake, seed=seed, count=max(1, sizes.tenants), password=LOAD_PASSWORD)
        per_tenant = [sizes.limits] + [sizes.limits // 20] * (len(tenants) - 1)
        policy_counts = [max(3, math.ceil(n / max(1, sizes.buyers)) + 1) for n in per_tenant]
        policies = registry.create_policies(fake=fake, seed=seed, tenants=tenants, per_tenant=policy_counts)
        registry.record_country_risks_and_rates(fake=fake)
        buyers = registry.create_buyers(fake=fake, seed=seed, count=sizes.buyers, progress=progress)
        with own_timestamps(CreditLimit, LimitDecision, Overdue, CoverStop, Claim, ClaimTransition, ClaimDocument):
            limit_plans = []
            for t, tenant in enumerate(tenants):
                count = min(per_tenant[t], len(policies[t]) * len(buyers))
                limit_plans += limits.plan_limits(fake=fake, tenant=tenant, policies=policies[t], buyers=buyers,
                                                  count=count, reference_prefix=f"L{t}-")
            limits.write_limits(limit_plans, progress=progress)
            large = [p for p in limit_plans if p.limit.tenant_id == tenants[0].pk]
            overdue_plans = overdues.plan_overdues(fake=fake, limit_plans=large, count=sizes.overdues,
                                                   invoices=sizes.invoices, claims=sizes.claims,
                                                   reference_prefix="OD-")
            overdues.write_overdues(overdue_plans, progress=progress)
            User = get_user_model()
            users = {"insured": User.objects.get(username=admin_username(seed, 0)),
                     "handler": User.objects.get(username=f"load{seed}-claims")}
            claims.write_claims(fake=fake, overdue_plans=overdue_plans, users=users, progress=progress)
        # The limits were written in bulk, past the services: their exposure summary in one INSERT ... SELECT.
        exposure_summary.rebuild()
        # Written in bulk, past the services: the overdues' stored deadline dates are computed once, in batches.
        rebuild_deadline_dates()
    counts = {
        "buyers": len(buyers), "limits": len(limit_plans), "overdues": len(overdue_plans),
        "invoices": sum(len(p.invoices) for p in overdue_plans),
        "claims": sum(1 for p in overdue_plans if p.claim_cause),
    }
    return LoadSummary(seed=seed, tenant_ids=[t.pk for t in tenants], counts=counts,
                       seconds={table: s for table, (_, s) in progress.totals.items()})


__all__ = ["LoadSizes", "LoadSummary", "LoadExists", "generate", "admin_username", "LOAD_PASSWORD"]
