from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.statement_output import StatementOutput
from ...types import Response


def _get_kwargs(
    buyer_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/insurer/buyers/{buyer_id}/financial-statements/".format(
            buyer_id=quote(str(buyer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[StatementOutput] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = StatementOutput.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[StatementOutput]]:
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
) -> Response[Problem | list[StatementOutput]]:
    """A buyer's financial statements, latest year first

     Mix into a DRF view whose POST creates something.

    The view implements `handle_post` (or inherits a generic `post`, e.g. from
    CreateAPIView); this mixin's `post` wraps it.

    Args:
        buyer_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[StatementOutput]]
    """

    kwargs = _get_kwargs(
        buyer_id=buyer_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    buyer_id: int,
    *,
    client: AuthenticatedClient,
) -> Problem | list[StatementOutput] | None:
    """A buyer's financial statements, latest year first

     Mix into a DRF view whose POST creates something.

    The view implements `handle_post` (or inherits a generic `post`, e.g. from
    CreateAPIView); this mixin's `post` wraps it.

    Args:
        buyer_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[StatementOutput]
    """

    return sync_detailed(
        buyer_id=buyer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    buyer_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[StatementOutput]]:
    """A buyer's financial statements, latest year first

     Mix into a DRF view whose POST creates something.

    The view implements `handle_post` (or inherits a generic `post`, e.g. from
    CreateAPIView); this mixin's `post` wraps it.

    Args:
        buyer_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[StatementOutput]]
    """

    kwargs = _get_kwargs(
        buyer_id=buyer_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    buyer_id: int,
    *,
    client: AuthenticatedClient,
) -> Problem | list[StatementOutput] | None:
    """A buyer's financial statements, latest year first

     Mix into a DRF view whose POST creates something.

    The view implements `handle_post` (or inherits a generic `post`, e.g. from
    CreateAPIView); this mixin's `post` wraps it.

    Args:
        buyer_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[StatementOutput]
    """

    return (
        await asyncio_detailed(
            buyer_id=buyer_id,
            client=client,
        )
    ).parsed
