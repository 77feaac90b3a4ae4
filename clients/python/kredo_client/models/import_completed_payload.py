from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_completed_payload_kind import ImportCompletedPayloadKind
from ..models.import_completed_payload_mode import ImportCompletedPayloadMode
from ..models.import_completed_payload_state import ImportCompletedPayloadState

T = TypeVar("T", bound="ImportCompletedPayload")


@_attrs_define
class ImportCompletedPayload:
    """`data` of the import.completed webhook: the job's outcome (the row errors are at `errors_url`).

    Attributes:
        job_id (int):
        kind (ImportCompletedPayloadKind): * `limit_requests` - limit_requests
        state (ImportCompletedPayloadState): * `done` - done
            * `failed` - failed
        filename (str):
        mode (ImportCompletedPayloadMode): * `all_or_nothing` - Create only if every row is valid
            * `valid_rows` - Create the valid rows, report the others
        rows (int | None):
        created (int):
        decided (int):
        referred (int):
        rows_with_errors (int):
        errors_url (str): The API path of the row errors as CSV.
    """

    job_id: int
    kind: ImportCompletedPayloadKind
    state: ImportCompletedPayloadState
    filename: str
    mode: ImportCompletedPayloadMode
    rows: int | None
    created: int
    decided: int
    referred: int
    rows_with_errors: int
    errors_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        kind = self.kind.value

        state = self.state.value

        filename = self.filename

        mode = self.mode.value

        rows: int | None
        rows = self.rows

        created = self.created

        decided = self.decided

        referred = self.referred

        rows_with_errors = self.rows_with_errors

        errors_url = self.errors_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "kind": kind,
                "state": state,
                "filename": filename,
                "mode": mode,
                "rows": rows,
                "created": created,
                "decided": decided,
                "referred": referred,
                "rows_with_errors": rows_with_errors,
                "errors_url": errors_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job_id = d.pop("job_id")

        kind = ImportCompletedPayloadKind(d.pop("kind"))

        state = ImportCompletedPayloadState(d.pop("state"))

        filename = d.pop("filename")

        mode = ImportCompletedPayloadMode(d.pop("mode"))

        def _parse_rows(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rows = _parse_rows(d.pop("rows"))

        created = d.pop("created")

        decided = d.pop("decided")

        referred = d.pop("referred")

        rows_with_errors = d.pop("rows_with_errors")

        errors_url = d.pop("errors_url")

        import_completed_payload = cls(
            job_id=job_id,
            kind=kind,
            state=state,
            filename=filename,
            mode=mode,
            rows=rows,
            created=created,
            decided=decided,
            referred=referred,
            rows_with_errors=rows_with_errors,
            errors_url=errors_url,
        )

        import_completed_payload.additional_properties = d
        return import_completed_payload

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
