"""Roles are Django groups; their permissions are declared here, in one place."""

from django.utils.translation import gettext_lazy as _

TENANT_ADMIN = "Tenant admin"
CREDIT_MANAGER = "Credit manager"
FINANCE = "Finance"
UNDERWRITER = "Underwriter"
CLAIMS_HANDLER = "Claims handler"

TENANT_ROLES = [TENANT_ADMIN, CREDIT_MANAGER, FINANCE]
STAFF_ROLES = [UNDERWRITER, CLAIMS_HANDLER]

ROLE_LABELS = {
    TENANT_ADMIN: _("Tenant admin"),
    CREDIT_MANAGER: _("Credit manager"),
    FINANCE: _("Finance"),
    UNDERWRITER: _("Underwriter"),
    CLAIMS_HANDLER: _("Claims handler"),
}

# "app_label.codename" per role. Later apps add their permissions here.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    TENANT_ADMIN: [
        "accounts.manage_members",
        "accounts.manage_api_tokens",
        "core.manage_webhooks",
        "policies.view_policy",
        "limits.request_limit",
        "limits.view_creditlimit",
        "buyers.view_buyer",
        "buyers.add_buyer",
        # The credit file's notes (buyers.credit_file): the insured's own, on the buyers it sees.
        "buyers.add_buyernote",
        "claims.view_overdue",
        "claims.view_claim",
        "policies.declare_turnover",
        "policies.view_turnoverdeclaration",
        "policies.view_premiuminvoice",
        # Proposals and quotes (policies.proposals): the insured's tenant admin applies and accepts.
        "policies.add_proposal",
        "policies.view_proposal",
        "policies.view_quote",
        "policies.decide_quote",
        # The policy's life (policies.periods): the tenant admin answers a renewal offer and gives notice.
        "policies.answer_renewal_offer",
        "policies.give_policy_notice",
    ],
    CREDIT_MANAGER: ["policies.view_policy", "limits.request_limit", "limits.view_creditlimit",
                     "buyers.view_buyer", "buyers.add_buyer", "buyers.add_buyernote", "claims.view_overdue",
                     "claims.declare_overdue"],
    # Finance follows money: it may declare an overdue too, then files and follows the claim.
    FINANCE: ["policies.view_policy", "limits.view_creditlimit",
              "claims.view_overdue", "claims.declare_overdue", "claims.view_claim", "claims.file_claim",
              "recoveries.declare_direct_receipt", "policies.declare_turnover", "policies.view_turnoverdeclaration",
              "policies.view_premiuminvoice"],
    UNDERWRITER: [
        "accounts.view_tenant",
        "accounts.view_membership",
        "policies.view_policy",
        "policies.add_policy",
        "policies.change_policy",
        # Terms change only by endorsement: a new terms version (policies.endorsements).
        "policies.view_termsversion",
        "policies.add_termsversion",
        # A bank as loss payee is an endorsement too (policies.loss_payees).
        "policies.view_losspayee",
        "policies.add_losspayee",
        "policies.change_losspayee",
        "limits.view_creditlimit",
        "limits.decide_limit",
        "limits.view_limitdecision",
        "limits.view_autodecisionrule",
        "limits.change_autodecisionrule",
        "limits.add_autodecisionrule",
        # Scorecard versions (limits.scorecard): edited until a decision uses them, then copied.
        "limits.view_scorecard",
        "limits.change_scorecard",
        "limits.add_scorecard",
        "limits.view_coverstop",
        "limits.change_coverstop",
        "buyers.view_buyer",
        "buyers.add_buyer",
        "buyers.change_buyer",
        # Buyers related to an insured (buyers.relations): excluded from its cover unless its terms cover them.
        "buyers.view_insuredrelation",
        "buyers.add_insuredrelation",
        "buyers.delete_insuredrelation",
        "buyers.grade_buyer",
        "buyers.merge_buyer",
        "buyers.view_countryrisk",
        "buyers.change_countryrisk",
        "buyers.add_countryrisk",
        # Buyers' financial statements (buyers.financials): recorded in the admin or imported by CSV.
        "buyers.view_financialstatement",
        "buyers.add_financialstatement",
        "buyers.change_financialstatement",
        # The insurer's payment experience per buyer (buyers.credit_file), written by the nightly job.
        "buyers.view_paymentexperience",
        # Buyer imports from CSV (buyers.imports): upload in the admin or the insurer API, follow, errors file.
        "buyers.view_buyerimportjob",
        "buyers.add_buyerimportjob",
        # GLEIF golden-copy imports (buyers.gleif): upload in the admin or the insurer API, follow, issues file.
        "buyers.view_gleifimportjob",
        "buyers.add_gleifimportjob",
        "claims.view_overdue",
        "claims.change_overdue",
        "claims.view_invoice",
        "claims.waive_lateness",
        "claims.view_claim",
        "policies.view_turnoverdeclaration",
        "policies.view_periodpremium",
        "policies.view_premiumschedule",
        "policies.add_premiumschedule",
        "policies.change_premiumschedule",
        # Premium invoices (policies.premium.invoices): staff record payments and follow suspensions.
        "policies.view_premiuminvoice",
        "policies.record_premium_payment",
        "policies.view_premiumpayment",
        "policies.view_premiumsuspension",
        # Proposals and quotes (policies.proposals): quote, offer and issue.
        "policies.view_proposal",
        "policies.view_quote",
        "policies.add_quote",
        "policies.change_quote",
        "policies.cancel_premium_invoice",
        # Periods and renewal (policies.periods): change an open offer, give notice for the insurer.
        "policies.view_insuranceperiod",
        "policies.view_renewaloffer",
        "policies.change_renewaloffer",
        "policies.view_policynotice",
        "policies.give_policy_notice",
    ],
    CLAIMS_HANDLER: [
        "limits.view_creditlimit",
        "buyers.view_buyer",
        "accounts.view_tenant",
        "policies.view_policy",
        "policies.view_termsversion",
        "policies.view_losspayee",
        "claims.view_overdue",
        "claims.view_invoice",
        "claims.view_claim",
        "claims.change_claim",
        "claims.handle_claim",
        "claims.approve_claim",
        "claims.pay_claim",
        "claims.view_claimdocument",
        "recoveries.record_recovery",
        "recoveries.manage_collection",
        "recoveries.view_recovery",
        "recoveries.view_collectioncost",
        "recoveries.view_settlement",
        "recoveries.view_collectioncase",
        "recoveries.change_collectioncase",
        # Insurer tokens for the back office's recovery integrations (/api/v1/insurer/).
        "accounts.add_insurerapitoken",
        "accounts.view_insurerapitoken",
        "accounts.change_insurerapitoken",
    ],
}


def ensure_role_groups(sender=None, **kwargs):
    """Create the role groups and set exactly the declared permissions (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if found is not None:  # a permission of an app not yet migrated is added on its migrate
                wanted.append(found)
        group.permissions.set(wanted)
