from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.statement_input_request import StatementInputRequest
from ...models.statement_output import StatementOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    buyer_id: int,
    *,
    body: StatementInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/insurer/buyers/{buyer_id}/financial-statements/".format(
            buyer_id=quote(str(buyer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StatementOutput | None:
    if response.status_code == 201:
        response_201 = StatementOutput.from_dict(response.json())

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
) -> Response[Problem | StatementOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    buyer_id: int,
    *,
    client: AuthenticatedClient,
    body: StatementInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | StatementOutput]:
    """Record a buyer's financial statement for a year

     A year already recorded is replaced (the history keeps the earlier figures): 201 with the statement.
    The scorecard reads the latest year. Send an `Idempotency-Key` to retry safely.

    Args:
        buyer_id (int):
        idempotency_key (str | Unset):
        body (StatementInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementOutput]
    """

    kwargs = _get_kwargs(
        buyer_id=buyer_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    buyer_id: int,
    *,
    client: AuthenticatedClient,
    body: StatementInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | StatementOutput | None:
    """Record a buyer's financial statement for a year

     A year already recorded is replaced (the history keeps the earlier figures): 201 with the statement.
    The scorecard reads the latest year. Send an `Idempotency-Key` to retry safely.

    Args:
        buyer_id (int):
        idempotency_key (str | Unset):
        body (StatementInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementOutput
    """

    return sync_detailed(
        buyer_id=buyer_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    buyer_id: int,
    *,
    client: AuthenticatedClient,
    body: StatementInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | StatementOutput]:
    """Record a buyer's financial statement for a year

     A year already recorded is replaced (the history keeps the earlier figures): 201 with the statement.
    The scorecard reads the latest year. Send an `Idempotency-Key` to retry safely.

    Args:
        buyer_id (int):
        idempotency_key (str | Unset):
        body (StatementInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementOutput]
    """

    kwargs = _get_kwargs(
        buyer_id=buyer_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    buyer_id: int,
    *,
    client: AuthenticatedClient,
    body: StatementInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | StatementOutput | None:
    """Record a buyer's financial statement for a year

     A year already recorded is replaced (the history keeps the earlier figures): 201 with the statement.
    The scorecard reads the latest year. Send an `Idempotency-Key` to retry safely.

    Args:
        buyer_id (int):
        idempotency_key (str | Unset):
        body (StatementInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementOutput
    """

    return (
        await asyncio_detailed(
            buyer_id=buyer_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
