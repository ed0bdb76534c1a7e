"""Record types of the dataset: what a TOML record may say, checked field by field.

Every model forbids unknown keys, so a misspelt field is an error, never silently dropped.
Cross-record rules (references, uniqueness) live in `catalog`, which sees all records at once.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .consistency import model_problem
from .dates import check_partial_date

SLUG = r"^[a-z0-9][a-z0-9._+-]*$"
PartialDate = Annotated[str, AfterValidator(check_partial_date)]
#: Checked in Rust by Pydantic's pattern; `datafiles` words the error as "is not an http(s) URL".
URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$"
Url = Annotated[str, Field(pattern=URL_PATTERN)]
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
    RETIRED = "retired"  # was offered, now shut down by its developer (the date is an access-change event)

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
    """`unknown` is a grade: the developer's pages were checked and publish nothing on it."""

    OPEN = "open"
    PARTIAL = "partial"
    CLOSED = "closed"
    UNKNOWN = "unknown"


class CommercialUse(str, Enum):
    YES = "yes"
    CONDITIONAL = "conditional"
    NO = "no"


class SourceKind(str, Enum):
    """What a source is. The first seven are primary material (`sources.PRIMARY_KINDS`); the rest secondary."""

    DEVELOPER = "developer"  # the developer's own page, blog post, announcement or system card
    MODEL_CARD = "model-card"  # the model card (Hugging Face, GitHub, or the developer's docs)
    PAPER = "paper"  # the developer's paper or technical report
    REPOSITORY = "repository"  # the developer's code or weights repository
    LICENSE_TEXT = "license-text"
    REGULATOR = "regulator"  # a law, regulator's or government's own text
    CLOUD_CARD = "cloud-card"  # a cloud provider's model card (Bedrock, Vertex AI, Azure)
    PRESS = "press"
    ENCYCLOPEDIA = "encyclopedia"
    AGGREGATOR = "aggregator"  # leaderboards, databases, model directories, third-party wikis
    OTHER = "other"


class BaseRelation(str, Enum):
    """How a model was made from its `base_model`, as the source states it (Hugging Face's
    base_model relations, plus the kinds model cards and papers describe)."""

    FINETUNE = "finetune"
    ADAPTER = "adapter"
    QUANTIZED = "quantized"
    MERGE = "merge"
    CONTINUED_PRETRAINING = "continued-pretraining"
    DISTILLATION = "distillation"
    UPSCALING = "upscaling"
    MULTIMODAL_EXTENSION = "multimodal-extension"


class ContextBasis(str, Enum):
    """Where a context length comes from: an exact count, or a stated "128K" read as 128,000."""

    EXACT = "exact"  # the token count in the config or card (131072)
    NOMINAL = "nominal"  # the developer's "128K" figure, K = 1,000 (128000)


class Record(BaseModel):
    """Common base: strict, immutable values."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Source(Record):
    """A source URL with what it is; a plain URL string is also accepted (its kind is then
    inferred from the address, see `sources.py`)."""

    url: Url
    kind: SourceKind
    #: The primary document this URL reproduces verbatim (a GitHub mirror of a model card, a feed
    #: mirror of a developer's post); `kind` is then the original's kind.
    copy_of: Url | None = None
    note: Text | None = None


SourceItem = Url | Source
Sources = Annotated[list[SourceItem], Field(min_length=1)]


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
    native_context_length: Annotated[int, Field(gt=0, le=1_000_000_000)] | None = Field(
        default=None, description="Context the model was pretrained with, when the developer states an extended one too."
    )
    context_length_basis: ContextBasis | None = None
    announced: PartialDate | None = Field(default=None, description="Announcement date, when earlier than release_date.")
    open_weights_since: PartialDate | None = Field(
        default=None, description="When the weights became downloadable, when later than release_date."
    )
    modalities: list[Modality] = []
    output_modalities: list[Modality] = []
    base_model: Slug | None = None
    base_relation: BaseRelation | None = None
    teacher: Slug | None = Field(default=None, description="For a distillation: the model whose outputs it learnt from.")
    successor_of: Slug | None = Field(default=None, description="The earlier version this one succeeds (no weight derivation implied).")
    openness: Openness | None = None
    sources: Sources
    notes: Text | None = None

    @property
    def open_weights(self) -> bool:
        return self.access.open_weights

    @model_validator(mode="after")
    def _consistent(self) -> Model:
        problem = model_problem(_JsonView(self))
        if problem:
            raise ValueError(problem)
        return self


class _JsonView:
    """A model's fields as `model_dump(mode="json")` would give them (enums as their values)."""

    def __init__(self, record: BaseModel) -> None:
        self.record = record

    def __getitem__(self, name: str) -> Any:
        value = getattr(self.record, name)
        return value.value if isinstance(value, Enum) else value


class Organization(Record):
    id: Slug
    name: Text
    aliases: list[Text] = []
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    kind: OrgKind | None = None
    founded: PartialDate | None = None
    website: Url | None = None
    parent: Slug | None = None
    domains: list[Annotated[str, Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$")]] = Field(
        default=[], description="Web domains that are the organisation's own (its sources there count as developer pages)."
    )
    sources: Sources
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
    sources: Sources
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
    sources: Sources
    notes: Text | None = None


class License(Record):
    id: Slug
    name: Text
    spdx: str | None = None
    url: Url | None = None
    osi_approved: bool
    commercial_use: CommercialUse | None = None
    sources: Sources
    notes: Text | None = None


class BenchmarkUnit(str, Enum):
    PERCENT = "percent"
    ELO = "elo"
    SCORE = "score"


class Benchmark(Record):
    """A benchmark: what it measures, how to read its numbers, and when it told frontier models apart."""

    id: Slug
    name: Text
    aliases: list[Text] = []
    measures: Text
    unit: BenchmarkUnit
    higher_is_better: bool = True
    setting: Text | None = Field(default=None, description="The setting scores are compared in (e.g. 5-shot).")
    comparable_settings: list[Text] = Field(
        default=[], description="Other settings whose scores count as like-for-like with `setting`."
    )
    discriminates_from: Annotated[int, Field(ge=2000, le=2100)] | None = None
    discriminates_until: Annotated[int, Field(ge=2000, le=2100)] | None = Field(
        default=None, description="Last year it separated frontier models (saturation or retirement); null while it still does."
    )
    released: PartialDate | None = None
    sources: Sources
    notes: Text | None = None


class Score(Record):
    """One published result of one model checkpoint on one benchmark, with who measured it."""

    id: Slug
    model: Slug
    benchmark: Slug
    value: Annotated[float, Field(allow_inf_nan=False)]  # inf and NaN are not results, and not JSON
    setting: Text | None = None
    checkpoint: Text | None = Field(default=None, description="The exact checkpoint or API version measured, where named.")
    measured_by: Slug = Field(description="`developer`, or the organisation id of the third party that measured it.")
    published: PartialDate
    sources: Sources
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
    "benchmarks": Benchmark,
    "scores": Score,
}


def toml_ready(data: Any) -> Any:
    """A record as TOML writes it: unknown values (None) and empty lists dropped, recursively
    (absent means unknown), whole floats as integers."""
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            value = toml_ready(value)
            if value is None or value == [] or value == {}:
                continue
            out[key] = value
        return out
    if isinstance(data, list):
        return [toml_ready(v) for v in data]
    if isinstance(data, float) and data.is_integer():
        return int(data)
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
    benchmarks: list[Benchmark] = []
    scores: list[Score] = []


SCHEMA_KINDS: dict[str, type[BaseModel]] = {
    "file": DataFile,
    "model": Model,
    "organization": Organization,
    "event": Event,
    "software": Software,
    "license": License,
    "benchmark": Benchmark,
    "score": Score,
}


def json_schema(kind: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for one record type, or `file` for a whole data file."""
    schema = SCHEMA_KINDS[kind].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
