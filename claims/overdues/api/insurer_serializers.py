"""Underwriters' word on overdues in the insurer API: input serializers parse, output serializers answer.

The output is the insured's view of the overdue (same fields, same enums) with whose it is and whether its
cover stop is lifted. Rules are in claims.overdues.services.
"""

from rest_framework import serializers

from claims.overdues.api.serializers import OverdueDetailOutputSerializer, OverdueOutputSerializer
from core.api.fields import BoundedDateField


class ReinstateInputSerializer(serializers.Serializer):
    reinstated_on = BoundedDateField(required=False, allow_null=True, default=None,
                                     help_text="Shipments from this day are covered again; today if omitted. After "
                                               "the day cover stopped.")


class InsurerOverdueOutputSerializer(OverdueOutputSerializer):
    tenant_id = serializers.IntegerField()
    tenant = serializers.CharField(source="tenant.legal_name", help_text="The insured's legal name.")


class InsurerOverdueDetailOutputSerializer(OverdueDetailOutputSerializer, InsurerOverdueOutputSerializer):
    """The overdue with its invoices (each with its deadlines, lateness and extension) and payments."""
