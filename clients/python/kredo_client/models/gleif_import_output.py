from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_job_state_enum import ImportJobStateEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="GleifImportOutput")


@_attrs_define
class GleifImportOutput:
    """
    Attributes:
        id (int):
        rows (int | None): Records in the file; null until the worker has read it.
        issues_url (str):
        created_at (datetime.datetime):
        state (ImportJobStateEnum | Unset): * `queued` - Queued
            * `running` - Importing
            * `done` - Done
            * `failed` - Refused
        filename (str | Unset):
        dry_run (bool | Unset):
        rows_done (int | Unset):
        buyers_updated (int | Unset):
        names_updated (int | Unset):
        statuses_updated (int | Unset):
        leis_added (int | Unset):
        invalid_leis (int | Unset):
        conflicts (int | Unset):
        unmatched (int | Unset):
        lapsed_on_buyers (int | Unset):
        rows_with_errors (int | Unset):
        file_error (str | Unset):
        started_at (datetime.datetime | None | Unset):
        finished_at (datetime.datetime | None | Unset):
    """

    id: int
    rows: int | None
    issues_url: str
    created_at: datetime.datetime
    state: ImportJobStateEnum | Unset = UNSET
    filename: str | Unset = UNSET
    dry_run: bool | Unset = UNSET
    rows_done: int | Unset = UNSET
    buyers_updated: int | Unset = UNSET
    names_updated: int | Unset = UNSET
    statuses_updated: int | Unset = UNSET
    leis_added: int | Unset = UNSET
    invalid_leis: int | Unset = UNSET
    conflicts: int | Unset = UNSET
    unmatched: int | Unset = UNSET
    lapsed_on_buyers: int | Unset = UNSET
    rows_with_errors: int | Unset = UNSET
    file_error: str | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        rows: int | None
        rows = self.rows

        issues_url = self.issues_url

        created_at = self.created_at.isoformat()

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        filename = self.filename

        dry_run = self.dry_run

        rows_done = self.rows_done

        buyers_updated = self.buyers_updated

        names_updated = self.names_updated

        statuses_updated = self.statuses_updated

        leis_added = self.leis_added

        invalid_leis = self.invalid_leis

        conflicts = self.conflicts

        unmatched = self.unmatched

        lapsed_on_buyers = self.lapsed_on_buyers

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
                "rows": rows,
                "issues_url": issues_url,
                "created_at": created_at,
            }
        )
        if state is not UNSET:
            field_dict["state"] = state
        if filename is not UNSET:
            field_dict["filename"] = filename
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if rows_done is not UNSET:
            field_dict["rows_done"] = rows_done
        if buyers_updated is not UNSET:
            field_dict["buyers_updated"] = buyers_updated
        if names_updated is not UNSET:
            field_dict["names_updated"] = names_updated
        if statuses_updated is not UNSET:
            field_dict["statuses_updated"] = statuses_updated
        if leis_added is not UNSET:
            field_dict["leis_added"] = leis_added
        if invalid_leis is not UNSET:
            field_dict["invalid_leis"] = invalid_leis
        if conflicts is not UNSET:
            field_dict["conflicts"] = conflicts
        if unmatched is not UNSET:
            field_dict["unmatched"] = unmatched
        if lapsed_on_buyers is not UNSET:
            field_dict["lapsed_on_buyers"] = lapsed_on_buyers
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

        def _parse_rows(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rows = _parse_rows(d.pop("rows"))

        issues_url = d.pop("issues_url")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _state = d.pop("state", UNSET)
        state: ImportJobStateEnum | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = ImportJobStateEnum(_state)

        filename = d.pop("filename", UNSET)

        dry_run = d.pop("dry_run", UNSET)

        rows_done = d.pop("rows_done", UNSET)

        buyers_updated = d.pop("buyers_updated", UNSET)

        names_updated = d.pop("names_updated", UNSET)

        statuses_updated = d.pop("statuses_updated", UNSET)

        leis_added = d.pop("leis_added", UNSET)

        invalid_leis = d.pop("invalid_leis", UNSET)

        conflicts = d.pop("conflicts", UNSET)

        unmatched = d.pop("unmatched", UNSET)

        lapsed_on_buyers = d.pop("lapsed_on_buyers", UNSET)

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

        gleif_import_output = cls(
            id=id,
            rows=rows,
            issues_url=issues_url,
            created_at=created_at,
            state=state,
            filename=filename,
            dry_run=dry_run,
            rows_done=rows_done,
            buyers_updated=buyers_updated,
            names_updated=names_updated,
            statuses_updated=statuses_updated,
            leis_added=leis_added,
            invalid_leis=invalid_leis,
            conflicts=conflicts,
            unmatched=unmatched,
            lapsed_on_buyers=lapsed_on_buyers,
            rows_with_errors=rows_with_errors,
            file_error=file_error,
            started_at=started_at,
            finished_at=finished_at,
        )

        gleif_import_output.additional_properties = d
        return gleif_import_output

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
