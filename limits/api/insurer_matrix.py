"""The automatic-decision matrix in the insurer API: read it, add a rule, change one (limits.services.matrix).

Underwriters only (`limits.change_autodecisionrule`, as in the admin; a claims handler gets 403). The matrix
belongs to no insured: an `Idempotency-Key` on a POST is filed under no tenant (core.api.idempotency).
"""

from django.http import Http404
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsInsurerStaff
from core.api.idempotency import IdempotentPostMixin
from limits import services
from limits.api.insurer_serializers import AutoDecisionRuleInputSerializer, AutoDecisionRuleOutputSerializer
from limits.models import AutoDecisionRule

TAGS = ["insurer: limits"]
REFUSED = OpenApiResponse(description="Invalid fields: problem details with pointers.")
RULE = {"min_grade": 1, "max_grade": 3, "max_amount": {"amount": "50000.00", "currency": "EUR"}, "is_active": True}
RULE_EXAMPLE = OpenApiExample("Grades 1-3 up to 50,000 EUR", value=RULE, request_only=True)
ANSWER_EXAMPLE = OpenApiExample("The rule", value={"id": 1, **RULE}, response_only=True)


def _save(data, rule=None) -> AutoDecisionRule:
    amount = data["max_amount"]
    return services.save_auto_decision_rule(rule=rule, min_grade=data["min_grade"], max_grade=data["max_grade"],
                                            max_amount=amount.amount, currency=str(amount.currency),
                                            is_active=data["is_active"])


@extend_schema_view(
    get=extend_schema(summary="The automatic-decision matrix",
                      description=("Per range of buyer grades, the largest amount approved at once on policies "
                                   "no scorecard covers (converted with the recorded rates); beyond it, or for "
                                   "grades no active rule covers, a request waits for an underwriter."),
                      tags=TAGS, responses={200: AutoDecisionRuleOutputSerializer(many=True)},
                      examples=[ANSWER_EXAMPLE]),
    post=extend_schema(summary="Add a rule to the matrix",
                       description="Send an `Idempotency-Key` to retry safely.", tags=TAGS,
                       request=AutoDecisionRuleInputSerializer,
                       responses={201: AutoDecisionRuleOutputSerializer, 400: REFUSED},
                       examples=[RULE_EXAMPLE, ANSWER_EXAMPLE]),
)
class AutoDecisionMatrixApi(IdempotentPostMixin, APIView):
    permission_classes = [IsInsurerStaff]
    serializer_class = AutoDecisionRuleOutputSerializer
    insurer_wide_keys = True

    @property
    def required_permission(self):
        return "limits.view_autodecisionrule" if self.request.method == "GET" else "limits.add_autodecisionrule"

    def get(self, request):
        rules = AutoDecisionRule.objects.order_by("min_grade", "max_grade", "pk")
        return Response(AutoDecisionRuleOutputSerializer(rules, many=True).data)

    def handle_post(self, request):
        parsed = AutoDecisionRuleInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        rule = _save(parsed.validated_data)
        return Response(AutoDecisionRuleOutputSerializer(rule).data, status=status.HTTP_201_CREATED)


@extend_schema_view(put=extend_schema(
    summary="Change a rule of the matrix",
    description="Every field, as on creation; `is_active: false` sets the rule aside. Repeating it changes nothing.",
    tags=TAGS, request=AutoDecisionRuleInputSerializer,
    responses={200: AutoDecisionRuleOutputSerializer, 400: REFUSED,
               404: OpenApiResponse(description="No such rule.")},
    examples=[RULE_EXAMPLE, ANSWER_EXAMPLE],
))
class AutoDecisionRuleApi(APIView):
    permission_classes = [IsInsurerStaff]
    required_permission = "limits.change_autodecisionrule"
    serializer_class = AutoDecisionRuleOutputSerializer

    def put(self, request, rule_id):
        try:
            rule = AutoDecisionRule.objects.get(pk=rule_id)
        except AutoDecisionRule.DoesNotExist as exc:
            raise Http404 from exc
        parsed = AutoDecisionRuleInputSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        return Response(AutoDecisionRuleOutputSerializer(_save(parsed.validated_data, rule)).data)
