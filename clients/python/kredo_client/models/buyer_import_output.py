from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_job_state_enum import ImportJobStateEnum
from ..models.mode_enum import ModeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="BuyerImportOutput")


@_attrs_define
class BuyerImportOutput:
    """
    Attributes:
        id (int):
        mode (ModeEnum): * `all_or_nothing` - Create only if every row is valid
            * `valid_rows` - Create the valid rows, report the others
        rows (int | None): Rows in the file; null until the worker has read it.
        errors_url (str):
        created_at (datetime.datetime):
        state (ImportJobStateEnum | Unset): * `queued` - Queued
            * `running` - Importing
            * `done` - Done
            * `failed` - Refused
        filename (str | Unset):
        rows_done (int | Unset):
        created (int | Unset):
        updated (int | Unset):
        rows_with_errors (int | Unset):
        file_error (str | Unset):
        started_at (datetime.datetime | None | Unset):
        finished_at (datetime.datetime | None | Unset):
    """

    id: int
    mode: ModeEnum
    rows: int | None
    errors_url: str
    created_at: datetime.datetime
    state: ImportJobStateEnum | Unset = UNSET
    filename: str | Unset = UNSET
    rows_done: int | Unset = UNSET
    created: int | Unset = UNSET
    updated: int | Unset = UNSET
    rows_with_errors: int | Unset = UNSET
    file_error: str | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        mode = self.mode.value

        rows: int | None
        rows = self.rows

        errors_url = self.errors_url

        created_at = self.created_at.isoformat()

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        filename = self.filename

        rows_done = self.rows_done

        created = self.created

        updated = self.updated

        rows_with_errors = self.rows_with_errors

        file_error = self.file_error

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "mode": mode,
                "rows": rows,
                "errors_url": errors_url,
                "created_at": created_at,
            }
        )
        if state is not UNSET:
            field_dict["state"] = state
        if filename is not UNSET:
            field_dict["filename"] = filename
        if rows_done is not UNSET:
            field_dict["rows_done"] = rows_done
        if created is not UNSET:
            field_dict["created"] = created
        if updated is not UNSET:
            field_dict["updated"] = updated
        if rows_with_errors is not UNSET:
            field_dict["rows_with_errors"] = rows_with_errors
        if file_error is not UNSET:
            field_dict["file_error"] = file_error
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        mode = ModeEnum(d.pop("mode"))

        def _parse_rows(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rows = _parse_rows(d.pop("rows"))

        errors_url = d.pop("errors_url")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _state = d.pop("state", UNSET)
        state: ImportJobStateEnum | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = ImportJobStateEnum(_state)

        filename = d.pop("filename", UNSET)

        rows_done = d.pop("rows_done", UNSET)

        created = d.pop("created", UNSET)

        updated = d.pop("updated", UNSET)

        rows_with_errors = d.pop("rows_with_errors", UNSET)

        file_error = d.pop("file_error", UNSET)

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        buyer_import_output = cls(
            id=id,
            mode=mode,
            rows=rows,
            errors_url=errors_url,
            created_at=created_at,
            state=state,
            filename=filename,
            rows_done=rows_done,
            created=created,
            updated=updated,
            rows_with_errors=rows_with_errors,
            file_error=file_error,
            started_at=started_at,
            finished_at=finished_at,
        )

        buyer_import_output.additional_properties = d
        return buyer_import_output

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
