from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.buyer_import_input_request import BuyerImportInputRequest
from ...models.buyer_import_output import BuyerImportOutput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BuyerImportInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/insurer/buyer-imports/",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BuyerImportOutput | Problem | None:
    if response.status_code == 202:
        response_202 = BuyerImportOutput.from_dict(response.json())

        return response_202

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
) -> Response[BuyerImportOutput | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BuyerImportInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[BuyerImportOutput | Problem]:
    """Import buyers from a CSV file

     Multipart form with `file` and `mode`. Stored and imported in the background in batches of 1,000
    rows: the answer is 202 with the job, to be followed at its `Location`. A row whose registration
    number, VAT number or LEI a buyer already has (same country) updates that buyer; an identifier given
    again on a later row of the file is an error on that row. A file that cannot be read at all (too
    large, not UTF-8, a wrong header) is refused at once with a problem on `/file`. Send an
    `Idempotency-Key` to retry safely.

    Args:
        idempotency_key (str | Unset):
        body (BuyerImportInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuyerImportOutput | Problem]
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
    body: BuyerImportInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> BuyerImportOutput | Problem | None:
    """Import buyers from a CSV file

     Multipart form with `file` and `mode`. Stored and imported in the background in batches of 1,000
    rows: the answer is 202 with the job, to be followed at its `Location`. A row whose registration
    number, VAT number or LEI a buyer already has (same country) updates that buyer; an identifier given
    again on a later row of the file is an error on that row. A file that cannot be read at all (too
    large, not UTF-8, a wrong header) is refused at once with a problem on `/file`. Send an
    `Idempotency-Key` to retry safely.

    Args:
        idempotency_key (str | Unset):
        body (BuyerImportInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuyerImportOutput | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BuyerImportInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[BuyerImportOutput | Problem]:
    """Import buyers from a CSV file

     Multipart form with `file` and `mode`. Stored and imported in the background in batches of 1,000
    rows: the answer is 202 with the job, to be followed at its `Location`. A row whose registration
    number, VAT number or LEI a buyer already has (same country) updates that buyer; an identifier given
    again on a later row of the file is an error on that row. A file that cannot be read at all (too
    large, not UTF-8, a wrong header) is refused at once with a problem on `/file`. Send an
    `Idempotency-Key` to retry safely.

    Args:
        idempotency_key (str | Unset):
        body (BuyerImportInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuyerImportOutput | Problem]
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
    body: BuyerImportInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> BuyerImportOutput | Problem | None:
    """Import buyers from a CSV file

     Multipart form with `file` and `mode`. Stored and imported in the background in batches of 1,000
    rows: the answer is 202 with the job, to be followed at its `Location`. A row whose registration
    number, VAT number or LEI a buyer already has (same country) updates that buyer; an identifier given
    again on a later row of the file is an error on that row. A file that cannot be read at all (too
    large, not UTF-8, a wrong header) is refused at once with a problem on `/file`. Send an
    `Idempotency-Key` to retry safely.

    Args:
        idempotency_key (str | Unset):
        body (BuyerImportInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuyerImportOutput | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
