from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.auto_decision_rule_input_request import AutoDecisionRuleInputRequest
from ...models.auto_decision_rule_output import AutoDecisionRuleOutput
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    rule_id: int,
    *,
    body: AutoDecisionRuleInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/insurer/auto-decision-rules/{rule_id}/".format(
            rule_id=quote(str(rule_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AutoDecisionRuleOutput | Problem | None:
    if response.status_code == 200:
        response_200 = AutoDecisionRuleOutput.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AutoDecisionRuleOutput | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    rule_id: int,
    *,
    client: AuthenticatedClient,
    body: AutoDecisionRuleInputRequest,
) -> Response[AutoDecisionRuleOutput | Problem]:
    """Change a rule of the matrix

     Every field, as on creation; `is_active: false` sets the rule aside. Repeating it changes nothing.

    Args:
        rule_id (int):
        body (AutoDecisionRuleInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AutoDecisionRuleOutput | Problem]
    """

    kwargs = _get_kwargs(
        rule_id=rule_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    rule_id: int,
    *,
    client: AuthenticatedClient,
    body: AutoDecisionRuleInputRequest,
) -> AutoDecisionRuleOutput | Problem | None:
    """Change a rule of the matrix

     Every field, as on creation; `is_active: false` sets the rule aside. Repeating it changes nothing.

    Args:
        rule_id (int):
        body (AutoDecisionRuleInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AutoDecisionRuleOutput | Problem
    """

    return sync_detailed(
        rule_id=rule_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    rule_id: int,
    *,
    client: AuthenticatedClient,
    body: AutoDecisionRuleInputRequest,
) -> Response[AutoDecisionRuleOutput | Problem]:
    """Change a rule of the matrix

     Every field, as on creation; `is_active: false` sets the rule aside. Repeating it changes nothing.

    Args:
        rule_id (int):
        body (AutoDecisionRuleInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AutoDecisionRuleOutput | Problem]
    """

    kwargs = _get_kwargs(
        rule_id=rule_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    rule_id: int,
    *,
    client: AuthenticatedClient,
    body: AutoDecisionRuleInputRequest,
) -> AutoDecisionRuleOutput | Problem | None:
    """Change a rule of the matrix

     Every field, as on creation; `is_active: false` sets the rule aside. Repeating it changes nothing.

    Args:
        rule_id (int):
        body (AutoDecisionRuleInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AutoDecisionRuleOutput | Problem
    """

    return (
        await asyncio_detailed(
            rule_id=rule_id,
            client=client,
            body=body,
        )
    ).parsed
