from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_queue_row_output_list import PaginatedQueueRowOutputList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    amount_max: float | Unset = UNSET,
    amount_min: float | Unset = UNSET,
    buyer: float | Unset = UNSET,
    country: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    grade: int | Unset = UNSET,
    grade_max: int | Unset = UNSET,
    grade_min: int | Unset = UNSET,
    max_age_days: float | Unset = UNSET,
    min_age_days: float | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    policy: float | Unset = UNSET,
    tenant: float | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["amount_max"] = amount_max

    params["amount_min"] = amount_min

    params["buyer"] = buyer

    params["country"] = country

    params["currency"] = currency

    params["cursor"] = cursor

    params["grade"] = grade

    params["grade_max"] = grade_max

    params["grade_min"] = grade_min

    params["max_age_days"] = max_age_days

    params["min_age_days"] = min_age_days

    params["page"] = page

    params["page_size"] = page_size

    params["policy"] = policy

    params["tenant"] = tenant

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/insurer/limits/queue/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedQueueRowOutputList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedQueueRowOutputList.from_dict(response.json())

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
) -> Response[PaginatedQueueRowOutputList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    amount_max: float | Unset = UNSET,
    amount_min: float | Unset = UNSET,
    buyer: float | Unset = UNSET,
    country: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    grade: int | Unset = UNSET,
    grade_max: int | Unset = UNSET,
    grade_min: int | Unset = UNSET,
    max_age_days: float | Unset = UNSET,
    min_age_days: float | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    policy: float | Unset = UNSET,
    tenant: float | Unset = UNSET,
) -> Response[PaginatedQueueRowOutputList | Problem]:
    """The underwriting queue, across insureds

     Pending limit requests, oldest first, each with its age and the scorecard's suggestion recorded when
    it was referred. Large queues are walked by keyset: `?cursor=` (empty to start).

    Args:
        amount_max (float | Unset):
        amount_min (float | Unset):
        buyer (float | Unset):
        country (str | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        grade (int | Unset):
        grade_max (int | Unset):
        grade_min (int | Unset):
        max_age_days (float | Unset):
        min_age_days (float | Unset):
        page (int | Unset):
        page_size (int | Unset):
        policy (float | Unset):
        tenant (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedQueueRowOutputList | Problem]
    """

    kwargs = _get_kwargs(
        amount_max=amount_max,
        amount_min=amount_min,
        buyer=buyer,
        country=country,
        currency=currency,
        cursor=cursor,
        grade=grade,
        grade_max=grade_max,
        grade_min=grade_min,
        max_age_days=max_age_days,
        min_age_days=min_age_days,
        page=page,
        page_size=page_size,
        policy=policy,
        tenant=tenant,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    amount_max: float | Unset = UNSET,
    amount_min: float | Unset = UNSET,
    buyer: float | Unset = UNSET,
    country: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    grade: int | Unset = UNSET,
    grade_max: int | Unset = UNSET,
    grade_min: int | Unset = UNSET,
    max_age_days: float | Unset = UNSET,
    min_age_days: float | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    policy: float | Unset = UNSET,
    tenant: float | Unset = UNSET,
) -> PaginatedQueueRowOutputList | Problem | None:
    """The underwriting queue, across insureds

     Pending limit requests, oldest first, each with its age and the scorecard's suggestion recorded when
    it was referred. Large queues are walked by keyset: `?cursor=` (empty to start).

    Args:
        amount_max (float | Unset):
        amount_min (float | Unset):
        buyer (float | Unset):
        country (str | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        grade (int | Unset):
        grade_max (int | Unset):
        grade_min (int | Unset):
        max_age_days (float | Unset):
        min_age_days (float | Unset):
        page (int | Unset):
        page_size (int | Unset):
        policy (float | Unset):
        tenant (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedQueueRowOutputList | Problem
    """

    return sync_detailed(
        client=client,
        amount_max=amount_max,
        amount_min=amount_min,
        buyer=buyer,
        country=country,
        currency=currency,
        cursor=cursor,
        grade=grade,
        grade_max=grade_max,
        grade_min=grade_min,
        max_age_days=max_age_days,
        min_age_days=min_age_days,
        page=page,
        page_size=page_size,
        policy=policy,
        tenant=tenant,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    amount_max: float | Unset = UNSET,
    amount_min: float | Unset = UNSET,
    buyer: float | Unset = UNSET,
    country: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    grade: int | Unset = UNSET,
    grade_max: int | Unset = UNSET,
    grade_min: int | Unset = UNSET,
    max_age_days: float | Unset = UNSET,
    min_age_days: float | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    policy: float | Unset = UNSET,
    tenant: float | Unset = UNSET,
) -> Response[PaginatedQueueRowOutputList | Problem]:
    """The underwriting queue, across insureds

     Pending limit requests, oldest first, each with its age and the scorecard's suggestion recorded when
    it was referred. Large queues are walked by keyset: `?cursor=` (empty to start).

    Args:
        amount_max (float | Unset):
        amount_min (float | Unset):
        buyer (float | Unset):
        country (str | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        grade (int | Unset):
        grade_max (int | Unset):
        grade_min (int | Unset):
        max_age_days (float | Unset):
        min_age_days (float | Unset):
        page (int | Unset):
        page_size (int | Unset):
        policy (float | Unset):
        tenant (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedQueueRowOutputList | Problem]
    """

    kwargs = _get_kwargs(
        amount_max=amount_max,
        amount_min=amount_min,
        buyer=buyer,
        country=country,
        currency=currency,
        cursor=cursor,
        grade=grade,
        grade_max=grade_max,
        grade_min=grade_min,
        max_age_days=max_age_days,
        min_age_days=min_age_days,
        page=page,
        page_size=page_size,
        policy=policy,
        tenant=tenant,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    amount_max: float | Unset = UNSET,
    amount_min: float | Unset = UNSET,
    buyer: float | Unset = UNSET,
    country: str | Unset = UNSET,
    currency: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    grade: int | Unset = UNSET,
    grade_max: int | Unset = UNSET,
    grade_min: int | Unset = UNSET,
    max_age_days: float | Unset = UNSET,
    min_age_days: float | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    policy: float | Unset = UNSET,
    tenant: float | Unset = UNSET,
) -> PaginatedQueueRowOutputList | Problem | None:
    """The underwriting queue, across insureds

     Pending limit requests, oldest first, each with its age and the scorecard's suggestion recorded when
    it was referred. Large queues are walked by keyset: `?cursor=` (empty to start).

    Args:
        amount_max (float | Unset):
        amount_min (float | Unset):
        buyer (float | Unset):
        country (str | Unset):
        currency (str | Unset):
        cursor (str | Unset):
        grade (int | Unset):
        grade_max (int | Unset):
        grade_min (int | Unset):
        max_age_days (float | Unset):
        min_age_days (float | Unset):
        page (int | Unset):
        page_size (int | Unset):
        policy (float | Unset):
        tenant (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedQueueRowOutputList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            amount_max=amount_max,
            amount_min=amount_min,
            buyer=buyer,
            country=country,
            currency=currency,
            cursor=cursor,
            grade=grade,
            grade_max=grade_max,
            grade_min=grade_min,
            max_age_days=max_age_days,
            min_age_days=min_age_days,
            page=page,
            page_size=page_size,
            policy=policy,
            tenant=tenant,
        )
    ).parsed
