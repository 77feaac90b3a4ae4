from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_insured_relation_output_list import PaginatedInsuredRelationOutputList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    buyer: float | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tenant: float | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["buyer"] = buyer

    params["cursor"] = cursor

    params["page"] = page

    params["page_size"] = page_size

    params["tenant"] = tenant

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/insurer/insured-relations/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedInsuredRelationOutputList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedInsuredRelationOutputList.from_dict(response.json())

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
) -> Response[PaginatedInsuredRelationOutputList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    buyer: float | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tenant: float | Unset = UNSET,
) -> Response[PaginatedInsuredRelationOutputList | Problem]:
    """Buyers related to insureds (`?tenant=`, `?buyer=`), newest first

     Mix into a DRF view whose POST creates something.

    The view implements `handle_post` (or inherits a generic `post`, e.g. from
    CreateAPIView); this mixin's `post` wraps it.

    Args:
        buyer (float | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tenant (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedInsuredRelationOutputList | Problem]
    """

    kwargs = _get_kwargs(
        buyer=buyer,
        cursor=cursor,
        page=page,
        page_size=page_size,
        tenant=tenant,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    buyer: float | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tenant: float | Unset = UNSET,
) -> PaginatedInsuredRelationOutputList | Problem | None:
    """Buyers related to insureds (`?tenant=`, `?buyer=`), newest first

     Mix into a DRF view whose POST creates something.

    The view implements `handle_post` (or inherits a generic `post`, e.g. from
    CreateAPIView); this mixin's `post` wraps it.

    Args:
        buyer (float | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tenant (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedInsuredRelationOutputList | Problem
    """

    return sync_detailed(
        client=client,
        buyer=buyer,
        cursor=cursor,
        page=page,
        page_size=page_size,
        tenant=tenant,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    buyer: float | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tenant: float | Unset = UNSET,
) -> Response[PaginatedInsuredRelationOutputList | Problem]:
    """Buyers related to insureds (`?tenant=`, `?buyer=`), newest first

     Mix into a DRF view whose POST creates something.

    The view implements `handle_post` (or inherits a generic `post`, e.g. from
    CreateAPIView); this mixin's `post` wraps it.

    Args:
        buyer (float | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tenant (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedInsuredRelationOutputList | Problem]
    """

    kwargs = _get_kwargs(
        buyer=buyer,
        cursor=cursor,
        page=page,
        page_size=page_size,
        tenant=tenant,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    buyer: float | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    tenant: float | Unset = UNSET,
) -> PaginatedInsuredRelationOutputList | Problem | None:
    """Buyers related to insureds (`?tenant=`, `?buyer=`), newest first

     Mix into a DRF view whose POST creates something.

    The view implements `handle_post` (or inherits a generic `post`, e.g. from
    CreateAPIView); this mixin's `post` wraps it.

    Args:
        buyer (float | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        tenant (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedInsuredRelationOutputList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            buyer=buyer,
            cursor=cursor,
            page=page,
            page_size=page_size,
            tenant=tenant,
        )
    ).parsed
