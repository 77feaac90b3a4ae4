from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_collection_case_output_list import PaginatedCollectionCaseOutputList
from ...models.problem import Problem
from ...models.v1_collection_cases_list_status import V1CollectionCasesListStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    claim: float | Unset = UNSET,
    cursor: str | Unset = UNSET,
    overdue: float | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: V1CollectionCasesListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["claim"] = claim

    params["cursor"] = cursor

    params["overdue"] = overdue

    params["page"] = page

    params["page_size"] = page_size

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/collection-cases/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedCollectionCaseOutputList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedCollectionCaseOutputList.from_dict(response.json())

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
) -> Response[PaginatedCollectionCaseOutputList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    claim: float | Unset = UNSET,
    cursor: str | Unset = UNSET,
    overdue: float | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: V1CollectionCasesListStatus | Unset = UNSET,
) -> Response[PaginatedCollectionCaseOutputList | Problem]:
    """Your debts in collection, with their status

     Generic DRF views get their queryset from a tenant-scoped selector.

    Subclasses set `model` and implement `get_tenant_queryset(tenant)`; schema
    generation (no request tenant) gets an empty queryset of the model.

    Args:
        claim (float | Unset):
        cursor (str | Unset):
        overdue (float | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (V1CollectionCasesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedCollectionCaseOutputList | Problem]
    """

    kwargs = _get_kwargs(
        claim=claim,
        cursor=cursor,
        overdue=overdue,
        page=page,
        page_size=page_size,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    claim: float | Unset = UNSET,
    cursor: str | Unset = UNSET,
    overdue: float | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: V1CollectionCasesListStatus | Unset = UNSET,
) -> PaginatedCollectionCaseOutputList | Problem | None:
    """Your debts in collection, with their status

     Generic DRF views get their queryset from a tenant-scoped selector.

    Subclasses set `model` and implement `get_tenant_queryset(tenant)`; schema
    generation (no request tenant) gets an empty queryset of the model.

    Args:
        claim (float | Unset):
        cursor (str | Unset):
        overdue (float | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (V1CollectionCasesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedCollectionCaseOutputList | Problem
    """

    return sync_detailed(
        client=client,
        claim=claim,
        cursor=cursor,
        overdue=overdue,
        page=page,
        page_size=page_size,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    claim: float | Unset = UNSET,
    cursor: str | Unset = UNSET,
    overdue: float | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: V1CollectionCasesListStatus | Unset = UNSET,
) -> Response[PaginatedCollectionCaseOutputList | Problem]:
    """Your debts in collection, with their status

     Generic DRF views get their queryset from a tenant-scoped selector.

    Subclasses set `model` and implement `get_tenant_queryset(tenant)`; schema
    generation (no request tenant) gets an empty queryset of the model.

    Args:
        claim (float | Unset):
        cursor (str | Unset):
        overdue (float | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (V1CollectionCasesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedCollectionCaseOutputList | Problem]
    """

    kwargs = _get_kwargs(
        claim=claim,
        cursor=cursor,
        overdue=overdue,
        page=page,
        page_size=page_size,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    claim: float | Unset = UNSET,
    cursor: str | Unset = UNSET,
    overdue: float | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: V1CollectionCasesListStatus | Unset = UNSET,
) -> PaginatedCollectionCaseOutputList | Problem | None:
    """Your debts in collection, with their status

     Generic DRF views get their queryset from a tenant-scoped selector.

    Subclasses set `model` and implement `get_tenant_queryset(tenant)`; schema
    generation (no request tenant) gets an empty queryset of the model.

    Args:
        claim (float | Unset):
        cursor (str | Unset):
        overdue (float | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (V1CollectionCasesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedCollectionCaseOutputList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            claim=claim,
            cursor=cursor,
            overdue=overdue,
            page=page,
            page_size=page_size,
            status=status,
        )
    ).parsed
