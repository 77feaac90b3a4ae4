import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exposure_page import ExposurePage
from ...models.problem import Problem
from ...models.v1_exposure_retrieve_by import V1ExposureRetrieveBy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    by: V1ExposureRetrieveBy | Unset = V1ExposureRetrieveBy.BUYER,
    on: datetime.date | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by.value

    params["by"] = json_by

    json_on: str | Unset = UNSET
    if not isinstance(on, Unset):
        json_on = on.isoformat()
    params["on"] = json_on

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exposure/",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExposurePage | Problem | None:
    if response.status_code == 200:
        response_200 = ExposurePage.from_dict(response.json())

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
) -> Response[ExposurePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    by: V1ExposureRetrieveBy | Unset = V1ExposureRetrieveBy.BUYER,
    on: datetime.date | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> Response[ExposurePage | Problem]:
    """Your exposure by buyer or by country

     The decided amounts of your limits in force, summed per buyer (or buyer country), in each of your
    policies' currencies and converted to the insurer's reporting currency with the latest recorded
    exchange rate on or before `on` (today by default). Largest first; totals cover every row, not only
    the page.

    Args:
        by (V1ExposureRetrieveBy | Unset):  Default: V1ExposureRetrieveBy.BUYER.
        on (datetime.date | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExposurePage | Problem]
    """

    kwargs = _get_kwargs(
        by=by,
        on=on,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    by: V1ExposureRetrieveBy | Unset = V1ExposureRetrieveBy.BUYER,
    on: datetime.date | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> ExposurePage | Problem | None:
    """Your exposure by buyer or by country

     The decided amounts of your limits in force, summed per buyer (or buyer country), in each of your
    policies' currencies and converted to the insurer's reporting currency with the latest recorded
    exchange rate on or before `on` (today by default). Largest first; totals cover every row, not only
    the page.

    Args:
        by (V1ExposureRetrieveBy | Unset):  Default: V1ExposureRetrieveBy.BUYER.
        on (datetime.date | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExposurePage | Problem
    """

    return sync_detailed(
        client=client,
        by=by,
        on=on,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    by: V1ExposureRetrieveBy | Unset = V1ExposureRetrieveBy.BUYER,
    on: datetime.date | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> Response[ExposurePage | Problem]:
    """Your exposure by buyer or by country

     The decided amounts of your limits in force, summed per buyer (or buyer country), in each of your
    policies' currencies and converted to the insurer's reporting currency with the latest recorded
    exchange rate on or before `on` (today by default). Largest first; totals cover every row, not only
    the page.

    Args:
        by (V1ExposureRetrieveBy | Unset):  Default: V1ExposureRetrieveBy.BUYER.
        on (datetime.date | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExposurePage | Problem]
    """

    kwargs = _get_kwargs(
        by=by,
        on=on,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    by: V1ExposureRetrieveBy | Unset = V1ExposureRetrieveBy.BUYER,
    on: datetime.date | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> ExposurePage | Problem | None:
    """Your exposure by buyer or by country

     The decided amounts of your limits in force, summed per buyer (or buyer country), in each of your
    policies' currencies and converted to the insurer's reporting currency with the latest recorded
    exchange rate on or before `on` (today by default). Largest first; totals cover every row, not only
    the page.

    Args:
        by (V1ExposureRetrieveBy | Unset):  Default: V1ExposureRetrieveBy.BUYER.
        on (datetime.date | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExposurePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            by=by,
            on=on,
            page=page,
            page_size=page_size,
        )
    ).parsed
