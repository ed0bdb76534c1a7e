"""Record types of the dataset: what a TOML record may say, checked field by field.

Every model forbids unknown keys, so a misspelt field is an error, never silently dropped.
Cross-record rules (references, uniqueness) live in `catalog`, which sees all records at once.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

SLUG = r"^[a-z0-9][a-z0-9._+-]*$"
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


def check_partial_date(value: str) -> str:
    """Accept `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and only real calendar dates."""
    start, _ = date_bounds(value)
    if start.year < 1900:
        raise ValueError(f"{value!r} is before 1900")
    return value


def check_url(value: str) -> str:
    if not _URL_RE.match(value):
        raise ValueError(f"{value!r} is not an http(s) URL")
    return value


def date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day a partial date can mean: `2023` -> 2023-01-01 .. 2023-12-31."""
    m = _DATE_RE.match(value)
    if not m:
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    try:
        if day is not None and month is not None:
            d = dt.date(year, month, day)
            return d, d
        if month is not None:
            start = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return start, nxt - dt.timedelta(days=1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None


PartialDate = Annotated[str, AfterValidator(check_partial_date)]
Url = Annotated[str, AfterValidator(check_url)]
Slug = Annotated[str, Field(pattern=SLUG, max_length=120)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]


class Access(str, Enum):
    """Epoch AI's accessibility categories, as exact values."""

    OPEN_UNRESTRICTED = "open-unrestricted"
    OPEN_RESTRICTED = "open-restricted"
    OPEN_NONCOMMERCIAL = "open-noncommercial"
    API = "api"
    HOSTED = "hosted"
    LIMITED = "limited"
    UNRELEASED = "unreleased"

    @property
    def open_weights(self) -> bool:
        return self.value.startswith("open-")


class Architecture(str, Enum):
    DENSE = "dense"
    MOE = "moe"


class Modality(str, Enum):
    TEXT = "text"
    CODE = "code"
    IMAGE = "image"
    AUDIO = "audio"
    VIDEO = "video"
    EMBEDDING = "embedding"
    ACTION = "action"
    THREE_D = "3d"


class OrgKind(str, Enum):
    COMPANY = "company"
    LAB = "lab"
    NON_PROFIT = "non-profit"
    ACADEMIC = "academic"
    GOVERNMENT = "government"
    COMMUNITY = "community"


class EventKind(str, Enum):
    RELEASE = "release"
    OPEN_SOURCING = "open-sourcing"
    LEAK = "leak"
    FOUNDING = "founding"
    FUNDING = "funding"
    PARTNERSHIP = "partnership"
    ACQUISITION = "acquisition"
    REGULATION = "regulation"
    POLICY = "policy"
    SUMMIT = "summit"
    LICENSE_CHANGE = "license-change"
    ACCESS_CHANGE = "access-change"
    PUBLICATION = "publication"
    PEOPLE = "people"
    OTHER = "other"


class SoftwareKind(str, Enum):
    FRAMEWORK = "framework"
    LIBRARY = "library"
    PLATFORM = "platform"
    KERNELS = "kernels"
    RUNTIME = "runtime"
    LANGUAGE = "language"


class Grade(str, Enum):
    OPEN = "open"
    PARTIAL = "partial"
    CLOSED = "closed"


class CommercialUse(str, Enum):
    YES = "yes"
    CONDITIONAL = "conditional"
    NO = "no"


class Record(BaseModel):
    """Common base: strict, immutable values."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Evidence(Record):
    grade: Grade
    evidence: Url
    note: Text | None = None


OPENNESS_COMPONENTS = (
    "weights",
    "inference_code",
    "training_code",
    "training_data",
    "data_documentation",
    "paper",
    "model_card",
    "license",
)


class Openness(Record):
    """Graded components, after the EU Open Source AI Index and the Model Openness Framework."""

    weights: Evidence | None = None
    inference_code: Evidence | None = None
    training_code: Evidence | None = None
    training_data: Evidence | None = None
    data_documentation: Evidence | None = None
    paper: Evidence | None = None
    model_card: Evidence | None = None
    license: Evidence | None = None


class Model(Record):
    id: Slug
    name: Text
    aliases: list[Text] = []
    organization: Slug
    family: Slug | None = None
    release_date: PartialDate | None = None
    access: Access
    weights_gated: bool | None = None
    license: Slug | None = None
    architecture: Architecture | None = None
    params_b: Annotated[float, Field(gt=0, le=100_000)] | None = None
    active_params_b: Annotated[float, Field(gt=0, le=100_000)] | None = None
    context_length: Annotated[int, Field(gt=0, le=1_000_000_000)] | None = None
    modalities: list[Modality] = []
    output_modalities: list[Modality] = []
    base_model: Slug | None = None
    openness: Openness | None = None
    sources: Annotated[list[Url], Field(min_length=1)]
    notes: Text | None = None

    @property
    def open_weights(self) -> bool:
        return self.access.open_weights

    @model_validator(mode="after")
    def _active_not_above_total(self) -> Model:
        if self.active_params_b is not None and self.params_b is not None:
            if self.active_params_b > self.params_b:
                raise ValueError(
                    f"active_params_b ({self.active_params_b}) exceeds params_b ({self.params_b})"
                )
        return self


class Organization(Record):
    id: Slug
    name: Text
    aliases: list[Text] = []
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    kind: OrgKind | None = None
    founded: PartialDate | None = None
    website: Url | None = None
    parent: Slug | None = None
    sources: Annotated[list[Url], Field(min_length=1)]
    notes: Text | None = None


class Event(Record):
    id: Slug
    date: PartialDate
    kind: EventKind
    title: Text
    organizations: list[Slug] = []
    models: list[Slug] = []
    software: list[Slug] = []
    access: Access | None = Field(
        default=None, description="The access the named models had from this date on."
    )
    sources: Annotated[list[Url], Field(min_length=1)]
    notes: Text | None = None


class Software(Record):
    """Frameworks, libraries, platforms and kernels: the open infrastructure of the landscape."""

    id: Slug
    name: Text
    aliases: list[Text] = []
    organization: Slug | None = None
    kind: SoftwareKind
    release_date: PartialDate | None = None
    license: Slug | None = None
    repository: Url | None = None
    sources: Annotated[list[Url], Field(min_length=1)]
    notes: Text | None = None


class License(Record):
    id: Slug
    name: Text
    spdx: str | None = None
    url: Url | None = None
    osi_approved: bool
    commercial_use: CommercialUse | None = None
    sources: Annotated[list[Url], Field(min_length=1)]
    notes: Text | None = None


class DatasetInfo(Record):
    as_of: PartialDate
    title: Text | None = None
    notes: Text | None = None


#: TOML top-level array name -> record type. A data file may hold any of them.
SECTIONS: dict[str, type[Record]] = {
    "models": Model,
    "organizations": Organization,
    "events": Event,
    "software": Software,
    "licenses": License,
}

def dump(record: BaseModel) -> dict[str, Any]:
    """JSON-ready dict: TOML field names in schema order, null for unknown."""
    data = record.model_dump(mode="json")
    if isinstance(record, Model):
        data["open_weights"] = record.open_weights
    return data


class DataFile(Record):
    """The shape of one data file: any of the record arrays, plus an optional [dataset] table."""

    model_config = ConfigDict(extra="forbid", title="landscape data file")

    dataset: DatasetInfo | None = None
    models: list[Model] = []
    organizations: list[Organization] = []
    events: list[Event] = []
    software: list[Software] = []
    licenses: list[License] = []


SCHEMA_KINDS: dict[str, type[BaseModel]] = {
    "file": DataFile,
    "model": Model,
    "organization": Organization,
    "event": Event,
    "software": Software,
    "license": License,
}


def json_schema(kind: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for one record type, or `file` for a whole data file."""
    schema = SCHEMA_KINDS[kind].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
