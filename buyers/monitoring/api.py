"""The insured's alerts in the API: `GET /api/v1/buyer-alerts/` (newest first, keyset with ?cursor=) and
`POST /api/v1/buyer-alerts/read/` (mark some or all read). Thin: buyers.monitoring.selectors and services."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from buyers.monitoring import selectors, services
from buyers.monitoring.models import AlertCode, BuyerAlert
from core.webhooks.payloads import BuyerPayload


class BuyerAlertSerializer(serializers.ModelSerializer):
    code = serializers.ChoiceField(choices=AlertCode.choices)
    message = serializers.SerializerMethodField(help_text="The alert in the request's language (Accept-Language).")
    buyer = BuyerPayload()
    is_read = serializers.SerializerMethodField()

    class Meta:
        model = BuyerAlert
        fields = ["id", "buyer", "code", "message", "params", "raised_on", "is_read", "created_at"]

    def get_message(self, alert) -> str:
        return selectors.alert_text(alert)

    def get_is_read(self, alert) -> bool:
        return alert.read_at is not None


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(child=serializers.IntegerField(min_value=1), required=False, max_length=500,
                                help_text="The alerts to mark read; omitted: every unread alert (of `buyer`).")
    buyer = serializers.IntegerField(min_value=1, required=False)


class MarkedSerializer(serializers.Serializer):
    marked_read = serializers.IntegerField()


@extend_schema_view(get=extend_schema(
    summary="Alerts on your buyers",
    description=("Early warnings raised by the insurer's daily job: a grade downgrade, an overdue you notified, "
                 "new adverse information (another insured's overdue: never whose), a limit nearly used up, "
                 "payment behaviour worsening, a limit expiring or under review. Newest first; `?cursor=` walks "
                 "the list by keyset. `code` and `params` are stable; `message` is in the request's language."),
    tags=["buyers"],
    parameters=[OpenApiParameter("buyer", int, description="Only this buyer's alerts."),
                OpenApiParameter("unread", bool, description="true: unread only; false: read only.")],
))
class BuyerAlertListApi(generics.ListAPIView):
    serializer_class = BuyerAlertSerializer
    required_permission = "buyers.view_buyer"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return BuyerAlert.objects.none()
        params = self.request.query_params
        buyer = params.get("buyer")
        unread = {"true": True, "false": False}.get(params.get("unread", "").lower())
        return selectors.alerts_for_tenant(tenant=self.request.tenant, unread=unread,
                                           buyer_id=int(buyer) if buyer and buyer.isdigit() else None)


class BuyerAlertReadApi(APIView):
    """Read-only in effect on the insurer's data: marking read is the insured's own flag, repeating it is harmless."""

    required_permission = "buyers.view_buyer"

    @extend_schema(summary="Mark alerts read", tags=["buyers"], request=MarkReadSerializer,
                   responses={200: MarkedSerializer},
                   description="Marks your alerts read (those named, or all unread). Safe to repeat.")
    def post(self, request):
        data = MarkReadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        count = services.mark_alerts_read(tenant=request.tenant, alert_ids=data.validated_data.get("ids"),
                                          buyer_id=data.validated_data.get("buyer"))
        return Response({"marked_read": count})
