import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.insurer_exposure import InsurerExposure
from ...models.problem import Problem
from ...models.v1_insurer_exposure_retrieve_by import V1InsurerExposureRetrieveBy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    by: V1InsurerExposureRetrieveBy | Unset = V1InsurerExposureRetrieveBy.BUYER,
    on: datetime.date | Unset = UNSET,
    top: int | Unset = 50,
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

    params["top"] = top

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/insurer/exposure/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InsurerExposure | Problem | None:
    if response.status_code == 200:
        response_200 = InsurerExposure.from_dict(response.json())

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
) -> Response[InsurerExposure | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    by: V1InsurerExposureRetrieveBy | Unset = V1InsurerExposureRetrieveBy.BUYER,
    on: datetime.date | Unset = UNSET,
    top: int | Unset = 50,
) -> Response[InsurerExposure | Problem]:
    """The insurer's exposure by buyer, country or sector

     The decided amounts of every limit in force, all insureds, summed per group and converted to the
    reporting currency with the latest rate recorded on or before `on` (today by default); largest
    first, the `top` ones listed. Amounts in a currency without a rate are listed apart.

    Args:
        by (V1InsurerExposureRetrieveBy | Unset):  Default: V1InsurerExposureRetrieveBy.BUYER.
        on (datetime.date | Unset):
        top (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsurerExposure | Problem]
    """

    kwargs = _get_kwargs(
        by=by,
        on=on,
        top=top,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    by: V1InsurerExposureRetrieveBy | Unset = V1InsurerExposureRetrieveBy.BUYER,
    on: datetime.date | Unset = UNSET,
    top: int | Unset = 50,
) -> InsurerExposure | Problem | None:
    """The insurer's exposure by buyer, country or sector

     The decided amounts of every limit in force, all insureds, summed per group and converted to the
    reporting currency with the latest rate recorded on or before `on` (today by default); largest
    first, the `top` ones listed. Amounts in a currency without a rate are listed apart.

    Args:
        by (V1InsurerExposureRetrieveBy | Unset):  Default: V1InsurerExposureRetrieveBy.BUYER.
        on (datetime.date | Unset):
        top (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsurerExposure | Problem
    """

    return sync_detailed(
        client=client,
        by=by,
        on=on,
        top=top,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    by: V1InsurerExposureRetrieveBy | Unset = V1InsurerExposureRetrieveBy.BUYER,
    on: datetime.date | Unset = UNSET,
    top: int | Unset = 50,
) -> Response[InsurerExposure | Problem]:
    """The insurer's exposure by buyer, country or sector

     The decided amounts of every limit in force, all insureds, summed per group and converted to the
    reporting currency with the latest rate recorded on or before `on` (today by default); largest
    first, the `top` ones listed. Amounts in a currency without a rate are listed apart.

    Args:
        by (V1InsurerExposureRetrieveBy | Unset):  Default: V1InsurerExposureRetrieveBy.BUYER.
        on (datetime.date | Unset):
        top (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsurerExposure | Problem]
    """

    kwargs = _get_kwargs(
        by=by,
        on=on,
        top=top,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    by: V1InsurerExposureRetrieveBy | Unset = V1InsurerExposureRetrieveBy.BUYER,
    on: datetime.date | Unset = UNSET,
    top: int | Unset = 50,
) -> InsurerExposure | Problem | None:
    """The insurer's exposure by buyer, country or sector

     The decided amounts of every limit in force, all insureds, summed per group and converted to the
    reporting currency with the latest rate recorded on or before `on` (today by default); largest
    first, the `top` ones listed. Amounts in a currency without a rate are listed apart.

    Args:
        by (V1InsurerExposureRetrieveBy | Unset):  Default: V1InsurerExposureRetrieveBy.BUYER.
        on (datetime.date | Unset):
        top (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsurerExposure | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            by=by,
            on=on,
            top=top,
        )
    ).parsed
