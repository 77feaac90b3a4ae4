from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.proposal_input_request import ProposalInputRequest
from ...models.proposal_output import ProposalOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ProposalInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/proposals/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProposalOutput | None:
    if response.status_code == 201:
        response_201 = ProposalOutput.from_dict(response.json())

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
) -> Response[Problem | ProposalOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ProposalInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProposalOutput]:
    """Apply for cover (a proposal)

     Expected turnover by buyer country, the buyers you want covered (a registry buyer's id, or a new
    buyer's name and country) with amounts, three years of loss history, your longest credit period and
    the percentage of cover you want. Every amount in `currency`. Possible without any policy yet. Send
    an `Idempotency-Key` to retry safely.

    Args:
        idempotency_key (str | Unset):
        body (ProposalInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalOutput]
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
    body: ProposalInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProposalOutput | None:
    """Apply for cover (a proposal)

     Expected turnover by buyer country, the buyers you want covered (a registry buyer's id, or a new
    buyer's name and country) with amounts, three years of loss history, your longest credit period and
    the percentage of cover you want. Every amount in `currency`. Possible without any policy yet. Send
    an `Idempotency-Key` to retry safely.

    Args:
        idempotency_key (str | Unset):
        body (ProposalInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalOutput
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProposalInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProposalOutput]:
    """Apply for cover (a proposal)

     Expected turnover by buyer country, the buyers you want covered (a registry buyer's id, or a new
    buyer's name and country) with amounts, three years of loss history, your longest credit period and
    the percentage of cover you want. Every amount in `currency`. Possible without any policy yet. Send
    an `Idempotency-Key` to retry safely.

    Args:
        idempotency_key (str | Unset):
        body (ProposalInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProposalOutput]
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
    body: ProposalInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProposalOutput | None:
    """Apply for cover (a proposal)

     Expected turnover by buyer country, the buyers you want covered (a registry buyer's id, or a new
    buyer's name and country) with amounts, three years of loss history, your longest credit period and
    the percentage of cover you want. Every amount in `currency`. Possible without any policy yet. Send
    an `Idempotency-Key` to retry safely.

    Args:
        idempotency_key (str | Unset):
        body (ProposalInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProposalOutput
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
