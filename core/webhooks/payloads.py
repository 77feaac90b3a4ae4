"""Pieces the apps' webhook payload serializers share (the payloads' shape for the OpenAPI document)."""

from rest_framework import serializers


class MoneyPayload(serializers.Serializer):
    amount = serializers.CharField(help_text="A decimal string, never a float, e.g. \"40000.00\".")
    currency = serializers.CharField(help_text="ISO 4217, e.g. EUR.")


class BuyerPayload(serializers.Serializer):
    id = serializers.IntegerField()
    legal_name = serializers.CharField()
    country = serializers.CharField(required=False, help_text="ISO 3166 alpha-2.")
