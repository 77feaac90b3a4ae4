from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assign_input_request import AssignInputRequest
from ...models.insurer_loss_payee_output import InsurerLossPayeeOutput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    policy_id: int,
    *,
    body: AssignInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/insurer/policies/{policy_id}/loss-payees/".format(
            policy_id=quote(str(policy_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InsurerLossPayeeOutput | Problem | None:
    if response.status_code == 201:
        response_201 = InsurerLossPayeeOutput.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

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
) -> Response[InsurerLossPayeeOutput | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    policy_id: int,
    *,
    client: AuthenticatedClient,
    body: AssignInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[InsurerLossPayeeOutput | Problem]:
    """Assign the indemnity on a buyer, or on the whole policy, to a bank

     An endorsement: from `effective_from` claims on the buyer (or, without `buyer`, on every buyer
    without an assignment of its own) are paid to the bank, which is told of limit decisions,
    reductions, overdues and claims on what it finances. The insured is told. Answers 201 with the
    assignment. Send an `Idempotency-Key` to retry safely.

    Args:
        policy_id (int):
        idempotency_key (str | Unset):
        body (AssignInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsurerLossPayeeOutput | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    policy_id: int,
    *,
    client: AuthenticatedClient,
    body: AssignInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> InsurerLossPayeeOutput | Problem | None:
    """Assign the indemnity on a buyer, or on the whole policy, to a bank

     An endorsement: from `effective_from` claims on the buyer (or, without `buyer`, on every buyer
    without an assignment of its own) are paid to the bank, which is told of limit decisions,
    reductions, overdues and claims on what it finances. The insured is told. Answers 201 with the
    assignment. Send an `Idempotency-Key` to retry safely.

    Args:
        policy_id (int):
        idempotency_key (str | Unset):
        body (AssignInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsurerLossPayeeOutput | Problem
    """

    return sync_detailed(
        policy_id=policy_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    policy_id: int,
    *,
    client: AuthenticatedClient,
    body: AssignInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[InsurerLossPayeeOutput | Problem]:
    """Assign the indemnity on a buyer, or on the whole policy, to a bank

     An endorsement: from `effective_from` claims on the buyer (or, without `buyer`, on every buyer
    without an assignment of its own) are paid to the bank, which is told of limit decisions,
    reductions, overdues and claims on what it finances. The insured is told. Answers 201 with the
    assignment. Send an `Idempotency-Key` to retry safely.

    Args:
        policy_id (int):
        idempotency_key (str | Unset):
        body (AssignInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsurerLossPayeeOutput | Problem]
    """

    kwargs = _get_kwargs(
        policy_id=policy_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    policy_id: int,
    *,
    client: AuthenticatedClient,
    body: AssignInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> InsurerLossPayeeOutput | Problem | None:
    """Assign the indemnity on a buyer, or on the whole policy, to a bank

     An endorsement: from `effective_from` claims on the buyer (or, without `buyer`, on every buyer
    without an assignment of its own) are paid to the bank, which is told of limit decisions,
    reductions, overdues and claims on what it finances. The insured is told. Answers 201 with the
    assignment. Send an `Idempotency-Key` to retry safely.

    Args:
        policy_id (int):
        idempotency_key (str | Unset):
        body (AssignInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsurerLossPayeeOutput | Problem
    """

    return (
        await asyncio_detailed(
            policy_id=policy_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
