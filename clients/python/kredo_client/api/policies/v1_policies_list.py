import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_policy_output_list import PaginatedPolicyOutputList
from ...models.problem import Problem
from ...models.v1_policies_list_status import V1PoliciesListStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    active_on: datetime.date | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: V1PoliciesListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_active_on: str | Unset = UNSET
    if not isinstance(active_on, Unset):
        json_active_on = active_on.isoformat()
    params["active_on"] = json_active_on

    params["currency"] = currency

    params["cursor"] = cursor

    params["page"] = page

    params["page_size"] = page_size

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/policies/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedPolicyOutputList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedPolicyOutputList.from_dict(response.json())

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
) -> Response[PaginatedPolicyOutputList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    active_on: datetime.date | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: V1PoliciesListStatus | Unset = UNSET,
) -> Response[PaginatedPolicyOutputList | Problem]:
    """List the tenant's policies

     Generic DRF views get their queryset from a tenant-scoped selector.

    Subclasses set `model` and implement `get_tenant_queryset(tenant)`; schema
    generation (no request tenant) gets an empty queryset of the model.

    Args:
        active_on (datetime.date | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (V1PoliciesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedPolicyOutputList | Problem]
    """

    kwargs = _get_kwargs(
        active_on=active_on,
        currency=currency,
        cursor=cursor,
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
    active_on: datetime.date | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: V1PoliciesListStatus | Unset = UNSET,
) -> PaginatedPolicyOutputList | Problem | None:
    """List the tenant's policies

     Generic DRF views get their queryset from a tenant-scoped selector.

    Subclasses set `model` and implement `get_tenant_queryset(tenant)`; schema
    generation (no request tenant) gets an empty queryset of the model.

    Args:
        active_on (datetime.date | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (V1PoliciesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedPolicyOutputList | Problem
    """

    return sync_detailed(
        client=client,
        active_on=active_on,
        currency=currency,
        cursor=cursor,
        page=page,
        page_size=page_size,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    active_on: datetime.date | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: V1PoliciesListStatus | Unset = UNSET,
) -> Response[PaginatedPolicyOutputList | Problem]:
    """List the tenant's policies

     Generic DRF views get their queryset from a tenant-scoped selector.

    Subclasses set `model` and implement `get_tenant_queryset(tenant)`; schema
    generation (no request tenant) gets an empty queryset of the model.

    Args:
        active_on (datetime.date | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (V1PoliciesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedPolicyOutputList | Problem]
    """

    kwargs = _get_kwargs(
        active_on=active_on,
        currency=currency,
        cursor=cursor,
        page=page,
        page_size=page_size,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    active_on: datetime.date | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: V1PoliciesListStatus | Unset = UNSET,
) -> PaginatedPolicyOutputList | Problem | None:
    """List the tenant's policies

     Generic DRF views get their queryset from a tenant-scoped selector.

    Subclasses set `model` and implement `get_tenant_queryset(tenant)`; schema
    generation (no request tenant) gets an empty queryset of the model.

    Args:
        active_on (datetime.date | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        status (V1PoliciesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedPolicyOutputList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            active_on=active_on,
            currency=currency,
            cursor=cursor,
            page=page,
            page_size=page_size,
            status=status,
        )
    ).parsed
