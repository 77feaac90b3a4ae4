from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.risk_check import RiskCheck
from ...models.risk_check_input_request import RiskCheckInputRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RiskCheckInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/risk-check/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RiskCheck | None:
    if response.status_code == 200:
        response_200 = RiskCheck.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RiskCheck]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RiskCheckInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RiskCheck]:
    """Risk check before selling

     What a limit of `amount` on the buyer (or a prospect of `country` and `sector_nace`) would meet
    today: the country and sector risk, whether it would likely be decided automatically and at what
    cover, the terms allowed, the deadlines of an invoice shipped today and the premium it adds. Read-
    only: nothing is requested or saved.

    Args:
        idempotency_key (str | Unset):
        body (RiskCheckInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskCheck]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: RiskCheckInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RiskCheck | None:
    """Risk check before selling

     What a limit of `amount` on the buyer (or a prospect of `country` and `sector_nace`) would meet
    today: the country and sector risk, whether it would likely be decided automatically and at what
    cover, the terms allowed, the deadlines of an invoice shipped today and the premium it adds. Read-
    only: nothing is requested or saved.

    Args:
        idempotency_key (str | Unset):
        body (RiskCheckInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskCheck
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RiskCheckInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RiskCheck]:
    """Risk check before selling

     What a limit of `amount` on the buyer (or a prospect of `country` and `sector_nace`) would meet
    today: the country and sector risk, whether it would likely be decided automatically and at what
    cover, the terms allowed, the deadlines of an invoice shipped today and the premium it adds. Read-
    only: nothing is requested or saved.

    Args:
        idempotency_key (str | Unset):
        body (RiskCheckInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RiskCheck]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RiskCheckInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RiskCheck | None:
    """Risk check before selling

     What a limit of `amount` on the buyer (or a prospect of `country` and `sector_nace`) would meet
    today: the country and sector risk, whether it would likely be decided automatically and at what
    cover, the terms allowed, the deadlines of an invoice shipped today and the premium it adds. Read-
    only: nothing is requested or saved.

    Args:
        idempotency_key (str | Unset):
        body (RiskCheckInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RiskCheck
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
