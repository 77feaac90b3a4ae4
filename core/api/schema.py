"""The OpenAPI document says what every operation may answer on error: problem details (core.api.problems).

A drf-spectacular postprocessing hook, so no view has to list them: every operation gets the error answers the
API's plumbing can give it (authentication, permissions, a missing object, a bad or too large body, throttling,
an outage), each `application/problem+json` with the `Problem` schema. An answer a view documented already
keeps its description and gets the schema.

A second hook (`for_generated_clients`) shapes the document for client generators (clients/python, made by
bin/generate_client): one request content type per operation, the `Idempotency-Key` header on every POST, and
every money amount one `Money` component (a client then has one Money type, not one per field).
"""

from core.api.fields import MONEY_SCHEMA
from core.api.idempotency import HEADER, MAX_KEY_LENGTH
from core.api.problems import CONTENT_TYPE

PROBLEM = "Problem"
PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details; `code` is stable, `errors` point into the request body.",
    "properties": {
        "type": {"type": "string", "format": "uri-reference", "example": "/problems/validation_error"},
        "title": {"type": "string", "example": "Invalid input"},
        "status": {"type": "integer", "example": 400},
        "detail": {"type": "string", "example": "The request has invalid fields."},
        "instance": {"type": "string", "format": "uri-reference", "example": "/api/v1/overdues/"},
        "code": {"type": "string", "example": "validation_error"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "pointer": {"type": "string", "description": "RFC 6901 JSON pointer; \"\" is the whole body.",
                                "example": "/invoices/0/due_date"},
                    "code": {"type": "string", "example": "invalid"},
                    "detail": {"type": "string", "example": "Date has wrong format."},
                },
                "required": ["pointer", "code", "detail"],
            },
        },
    },
    "required": ["type", "title", "status", "detail", "instance", "code", "errors"],
}

_EVERY_OPERATION = {
    "400": "Invalid input (`validation_error`, `parse_error`, `too_deeply_nested`) or refused by a business rule "
           "(the rule's code).",
    "401": "No or an invalid token (`not_authenticated`, `authentication_failed`).",
    "403": "Authenticated, but not allowed (`permission_denied`).",
    "404": "No such object among yours (`not_found`).",
    "406": "The Accept header asks for a type the operation cannot give (`not_acceptable`).",
    "429": "Too many requests (`throttled`); see Retry-After.",
    "503": "Database or broker briefly unreachable (`service_unavailable`); see Retry-After.",
}
_WITH_A_BODY = {
    "413": "The body is larger than the API accepts (`request_too_large`).",
    "415": "The body's Content-Type is not one the operation reads (`unsupported_media_type`).",
}
_IDEMPOTENT_POST = {
    "409": "A request with this Idempotency-Key is still in progress (`idempotency_key_in_use`); retry later.",
    "422": "This Idempotency-Key was used with a different request (`idempotency_key_reused`).",
}
_RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait before retrying."}}
_METHODS = ("get", "put", "patch", "post", "delete")


def _problem_content() -> dict:
    return {CONTENT_TYPE: {"schema": {"$ref": f"#/components/schemas/{PROBLEM}"}}}


def add_problem_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})[PROBLEM] = PROBLEM_SCHEMA
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in _METHODS:
                continue
            expected = dict(_EVERY_OPERATION)
            if method in ("post", "put", "patch"):
                expected.update(_WITH_A_BODY)
            if method == "post":
                expected.update(_IDEMPOTENT_POST)
            responses = operation.setdefault("responses", {})
            for status, description in expected.items():
                responses.setdefault(status, {"description": description})
            for status, response in responses.items():
                if str(status)[0] in "45":
                    response["content"] = _problem_content()
                    if str(status) in ("429", "503"):
                        response["headers"] = _RETRY_AFTER
    return result


# The API reads JSON, forms and multipart alike (DRF's parsers), but a generator given three content types for
# one body writes a client that sends the last one (openapi-python-client sends multipart, and its code does not
# even import). The document offers one way per operation: JSON, or multipart where only an upload is read.
_PREFERRED_REQUEST_TYPES = ("application/json", "multipart/form-data")
IDEMPOTENCY_KEY_PARAMETER = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "schema": {"type": "string", "maxLength": MAX_KEY_LENGTH},
    "description": "Any unique string (a random UUID per operation): a retry with the same key and body returns "
                   "the first answer (`Idempotent-Replayed: true`) instead of acting twice. Keys are kept 72 hours by default.",
}


MONEY = "Money"
# What a field may say beside the type itself (its own description, read-only in outputs).
_FIELD_KEYWORDS = ("description", "readOnly", "writeOnly", "title")


def _as_money_reference(schema):
    """Every inline Money object (MoneyField, ColumnMoneyField, their nullable forms) becomes a reference."""
    if isinstance(schema, list):
        return [_as_money_reference(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("properties") == MONEY_SCHEMA["properties"]:
        reference = {"$ref": f"#/components/schemas/{MONEY}"}
        nullable = isinstance(schema.get("type"), list) and "null" in schema["type"]
        shaped = {"oneOf": [reference, {"type": "null"}]} if nullable else reference
        return {**shaped, **{key: schema[key] for key in _FIELD_KEYWORDS if key in schema}}
    return {key: _as_money_reference(value) for key, value in schema.items()}


def for_generated_clients(result, generator, request, public):
    result["paths"] = _as_money_reference(result.get("paths", {}))
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in list(schemas.items()):
        schemas[name] = _as_money_reference(schema)
    schemas[MONEY] = {**MONEY_SCHEMA, "description": "Money: the amount a decimal string at the currency's minor "
                                                      "unit (never a float), the currency an ISO 4217 code."}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in _METHODS:
                continue
            body = operation.get("requestBody")
            if body and len(body.get("content", {})) > 1:
                kept = next(t for t in (*_PREFERRED_REQUEST_TYPES, *body["content"]) if t in body["content"])
                body["content"] = {kept: body["content"][kept]}
            if method == "post":
                parameters = operation.setdefault("parameters", [])
                if not any(p.get("in") == "header" and p.get("name") == HEADER for p in parameters):
                    parameters.append(IDEMPOTENCY_KEY_PARAMETER)
    return result
