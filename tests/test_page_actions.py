"""What a page offers comes from one selector per object (state and role), never decided again in a template.

The objects reach these selectors through the tenant's own selectors; here they are built unsaved, since only
their state and the user's roles decide.
"""

import pytest

from accounts.roles import CREDIT_MANAGER, FINANCE
from claims.claims.models import Claim
from claims.claims.selectors import claim_actions
from claims.overdues.models import Overdue
from claims.overdues.selectors import overdue_actions
from limits.models import CreditLimit
from limits.selectors import limit_actions
from tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def credit_manager(tenant):
    return member(tenant, [CREDIT_MANAGER])


@pytest.fixture
def finance_only(tenant):
    return member(tenant, [FINANCE])


@pytest.mark.parametrize("state, editable", [("pending", True), ("in_force", False), ("refused", False)])
def test_a_request_is_edited_by_the_credit_manager_while_pending(credit_manager, finance_only, state, editable):
    limit = CreditLimit(state=state)
    assert limit_actions(limit=limit, user=credit_manager).can_edit is editable
    assert limit_actions(limit=limit, user=finance_only).can_edit is False


@pytest.mark.parametrize("state, notify, manage", [
    ("draft", True, True), ("open", False, True), ("cleared", False, False), ("claimed", False, False),
])
def test_an_overdue_is_notified_while_a_draft_and_managed_while_live(credit_manager, state, notify, manage):
    actions = overdue_actions(overdue=Overdue(state=state), user=credit_manager)
    assert (actions.can_notify, actions.can_manage) == (notify, manage)


def test_an_overdue_offers_nothing_to_a_user_who_may_not_declare(tenant):
    reader = member(tenant, [])
    actions = overdue_actions(overdue=Overdue(state="draft"), user=reader)
    assert (actions.can_notify, actions.can_manage) == (False, False)


@pytest.mark.parametrize("state, submit, withdraw, upload", [
    ("draft", True, True, True),
    ("submitted", False, True, True),
    ("incomplete", False, True, True),
    ("approved", False, False, False),
    ("paid", False, False, False),
])
def test_a_claim_offers_what_its_state_machine_allows_finance(finance_only, state, submit, withdraw, upload):
    actions = claim_actions(claim=Claim(state=state), user=finance_only)
    assert (actions.can_submit, actions.can_withdraw, actions.can_upload) == (submit, withdraw, upload)


def test_a_claim_offers_nothing_to_the_credit_manager(credit_manager):
    actions = claim_actions(claim=Claim(state="draft"), user=credit_manager)
    assert (actions.can_submit, actions.can_withdraw, actions.can_upload) == (False, False, False)
