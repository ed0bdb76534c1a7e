"""Find, read, parse, merge and validate data files: TOML in, validated records and every
problem (file:line: record: field: message) out.

Line numbers are found only when a problem needs one: each file's text is kept, and scanned
for its `[[section]]` headers and keys on the first `place()` call.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import tomli as tomllib  # the mypyc-compiled build parses ~3x faster than the stdlib's
from pydantic_core import ValidationError  # what pydantic.ValidationError is

try:  # 2.3-3x faster than tomli (docs/performance.md); optional, so a platform without its wheel still works
    from rtoml import loads as _fast_loads
except ImportError:  # pragma: no cover - rtoml ships wheels for the platforms CI uses
    _fast_loads = None

from .catalog import SECTION_NAMES, SHARED_ID_SECTIONS, SINGULAR
from .consistency import model_problem
from .dates import date_bounds
from .dictvalidation import record_types, validators
from .errors import DataError

# The Pydantic models (`schema`) are imported only to judge a record the dict validators refuse
# (`dictvalidation`): a load of valid data never imports Pydantic itself.
SECTIONS = SECTION_NAMES
#: `BenchmarkUnit.PERCENT` (tests/test_dictvalidation.py checks they agree).
PERCENT = "percent"

MAX_FILE_BYTES = 32 * 1024 * 1024


class SourceFile:
    """A data file's text, scanned for line numbers on first need."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self._places: dict[str, list[tuple[int, dict[str, int]]]] | None = None

    def place(self, section: str, index: int, name: str | None) -> int | None:
        if self._places is None:
            self._places = record_places(self.text)
        headers = self._places.get(section, [])
        if index < len(headers):
            line, fields = headers[index]
            return fields.get(name, line) if name else line
        return top_level_line(self.text, section)


@dataclass
class RawRecord:
    """A record as read from TOML, before validation, with where each field came from."""

    section: str
    data: dict[str, Any]
    source: SourceFile
    index: int
    #: field -> (file, index in that file's section) for fields a later layer overrode
    field_sources: dict[str, tuple[SourceFile, int]] = field(default_factory=dict)
    origins: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        value = self.data.get("id")
        return value if isinstance(value, str) else "?"

    @property
    def file(self) -> str:
        return self.source.name

    @property
    def line(self) -> int | None:
        return self.source.place(self.section, self.index, None)

    def place(self, name: str | None) -> tuple[str, int | None]:
        src, index = self.field_sources.get(name or "", (self.source, self.index))
        return src.name, src.place(self.section, index, name)

def data_files(path: Path) -> list[Path]:
    """A TOML file, or every `*.toml` below a directory, in a stable order."""
    try:
        if path.is_dir():
            return sorted(p for p in path.rglob("*.toml") if p.is_file())
        if path.exists():
            return [path]
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    raise DataError("no such file or directory", file=str(path))


def read_text(path: Path, *, expected: str = "a TOML file", max_bytes: int | None = None) -> str:
    """The file's text, refusing what cannot be data: huge, binary or not UTF-8 (a BOM is dropped)."""
    name = str(path)
    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    try:
        if path.is_dir():
            raise DataError(f"is a directory, expected {expected}", file=name)
        size = path.stat().st_size
        if size > max_bytes:
            raise DataError(
                f"file is {size // (1024 * 1024)} MiB, over the {max_bytes // (1024 * 1024)} MiB limit",
                file=name,
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError("no such file or directory", file=name) from None
    except PermissionError:
        raise DataError("permission denied", file=name) from None
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", file=name) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"not UTF-8 text (byte {exc.start})", file=name, line=line) from None


_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """The document; `rtoml` (Rust) parses it, and `tomli` has the last word on anything rtoml
    refuses, so what is accepted and every error message are tomli's (docs/performance.md)."""
    if _fast_loads is not None:
        try:
            return _fast_loads(text)
        except Exception:  # noqa: BLE001 - rtoml's refusal is only a reason to ask tomli
            pass
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_POS.search(msg)
        line = int(m.group(1)) if m else None
        msg = _TOML_POS.sub("", msg).strip() or "invalid TOML"
        if m:
            msg += f" (column {m.group(2)})"
        raise DataError(f"malformed TOML: {msg}", file=name, line=line) from None


_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_\-\"]+)\s*\]\]")
_ANY_HEADER = re.compile(r"^\s*\[")
_KEY = re.compile(r"^\s*\"?([A-Za-z0-9_\-]+)\"?\s*(?:\.|=)")
_SUBTABLE = re.compile(r"^\s*\[\s*[A-Za-z0-9_\-]+\s*\.\s*([A-Za-z0-9_\-]+)")


def record_places(text: str) -> dict[str, list[tuple[int, dict[str, int]]]]:
    """For each `[[section]]` header: its line and the lines of the record's top-level keys."""
    places: dict[str, list[tuple[int, dict[str, int]]]] = {}
    current: dict[str, int] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        m = _HEADER.match(line)
        if m:
            current = {}
            places.setdefault(m.group(1).strip('"'), []).append((number, current))
            continue
        if current is None:
            continue
        sub = _SUBTABLE.match(line)
        if sub:
            current.setdefault(sub.group(1), number)
            continue
        if _ANY_HEADER.match(line):
            current = None
            continue
        key = _KEY.match(line)
        if key:
            current.setdefault(key.group(1), number)
    return places


def top_level_line(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*(\[+\s*)?\"?{re.escape(key)}\"?\s*(=|\]|\.)")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


@dataclass
class Layer:
    """The records of one layer (bundled data, or one user path), keyed by (section, id)."""

    records: dict[tuple[str, str], RawRecord] = field(default_factory=dict)
    info: dict[str, Any] | None = None


#: One input of a layer, in order: a file's (name, text), or a problem found reading it.
Input = tuple[str, str] | DataError


def read_layer(paths: Iterable[Path], problems: list[DataError], display_root: Path | None = None) -> Layer:
    return parse_inputs(read_inputs(paths, display_root), problems)


def read_inputs(paths: Iterable[Path], display_root: Path | None = None) -> list[Input]:
    """Every file's text, read before anything is parsed (a helper process parses the same
    texts: `parallel`), with reading problems kept in their place."""
    out: list[Input] = []
    for root in paths:
        try:
            files = data_files(root)
        except DataError as exc:
            out.append(exc)
            continue
        if not files and root.is_dir():
            out.append(DataError("directory holds no .toml files", file=str(root)))
        for path in files:
            name = _display(path, display_root)
            try:
                out.append((name, read_text(path)))
            except DataError as exc:
                out.append(exc)
    return out


def parse_inputs(inputs: Iterable[Input], problems: list[DataError]) -> Layer:
    layer = Layer()
    for item in inputs:
        if isinstance(item, DataError):
            problems.append(item)
            continue
        name, text = item
        try:
            doc = parse_toml(text, name)
        except DataError as exc:
            problems.append(exc)
            continue
        if not doc:
            problems.append(DataError("file holds no records", file=name, line=1))
            continue
        _read_document(doc, SourceFile(name, text), layer, problems)
    return layer


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.relative_to(root))
        except ValueError:
            pass
    return str(path)


def _read_document(doc: dict[str, Any], src: SourceFile, layer: Layer, problems: list[DataError]) -> None:
    name, text = src.name, src.text
    for key, value in doc.items():
        if key == "dataset":
            if not isinstance(value, dict):
                problems.append(DataError("must be a table", file=name, line=top_level_line(text, key), field=key))
                continue
            layer.info = {**(layer.info or {}), **value, "__file__": name, "__line__": top_level_line(text, key)}
            continue
        if key not in SECTIONS:
            problems.append(
                DataError(
                    f"unknown section{suggest(key, [*SECTIONS, 'dataset'])}; expected one of "
                    + ", ".join(f"[[{s}]]" for s in SECTIONS),
                    file=name,
                    line=top_level_line(text, key),
                    field=key,
                )
            )
            continue
        if not isinstance(value, list):
            problems.append(
                DataError(f"must be an array of tables ([[{key}]])", file=name, line=top_level_line(text, key), field=key)
            )
            continue
        records = layer.records
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                problems.append(DataError(f"{key}[{i}] must be a table", file=name, line=src.place(key, i, None), field=key))
                continue
            rid = item.get("id")
            if not isinstance(rid, str) or not rid:
                problems.append(
                    DataError(
                        "missing required field (every record needs a string id)",
                        file=name,
                        line=src.place(key, i, None),
                        record=f"{key}[{i}]",
                        field="id",
                    )
                )
                continue
            ident = (key, rid)
            if ident in records:
                first = records[ident]
                problems.append(
                    DataError(
                        f"duplicate {SINGULAR[key]} id, first defined at {first.file}:{first.line}",
                        file=name,
                        line=src.place(key, i, "id"),
                        record=rid,
                        field="id",
                    )
                )
                continue
            records[ident] = RawRecord(key, item, src, i, origins=[name])


def merge_layers(layers: Sequence[Layer]) -> tuple[dict[tuple[str, str], RawRecord], dict[str, Any] | None]:
    """Later layers override earlier ones field by field; lists are replaced, not appended."""
    if len(layers) == 1:
        return layers[0].records, layers[0].info
    merged: dict[tuple[str, str], RawRecord] = {}
    info: dict[str, Any] | None = None
    for layer in layers:
        if layer.info:
            info = {**(info or {}), **layer.info}
        for ident, raw in layer.records.items():
            base = merged.get(ident)
            if base is None:
                merged[ident] = RawRecord(raw.section, dict(raw.data), raw.source, raw.index, {}, list(raw.origins))
                continue
            base.data.update(raw.data)
            for name in raw.data:
                base.field_sources[name] = (raw.source, raw.index)
            base.origins.extend(raw.origins)
    return merged, info


# --- validation -----------------------------------------------------------------------------


def _pydantic_problems(raw: RawRecord, exc: ValidationError) -> list[DataError]:
    from .schema import URL_PATTERN

    kind = record_types()[raw.section]
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        top = loc[0] if loc else None
        file, line = raw.place(top)
        field_path = ".".join(loc) if loc else None
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            allowed: Iterable[str] = kind.model_fields
            if len(loc) > 1:
                allowed = _nested_fields(kind, loc[:-1])
            msg = "unknown field" + suggest(loc[-1], allowed)
        elif err["type"] == "missing":
            msg = "missing required field"
        elif err["type"] == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == URL_PATTERN:
            msg = f"{err['input']!r} is not an http(s) URL"
        elif msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        elif "input" in err and err["type"] not in ("missing",):
            msg = f"{msg} (got {err['input']!r})" if not isinstance(err["input"], (dict, list)) else msg
        out.append(DataError(msg, file=file, line=line, record=raw.id, field=field_path))
    return out


def _nested_fields(kind: Any, path: list[str]) -> Iterable[str]:
    from .schema import Evidence, Openness

    if path and path[0] == "openness":
        return Openness.model_fields if len(path) == 1 else Evidence.model_fields
    return kind.model_fields


def validate(
    merged: dict[tuple[str, str], RawRecord],
    info: dict[str, Any] | None,
    problems: list[DataError],
    today: dt.date | None = None,
    *,
    rules: bool = True,
) -> tuple[SimpleNamespace, dict[str, Any] | None]:
    """Validate every record with Pydantic, then (unless `rules` is false) the cross-record
    rules; the valid records by section, as the JSON-ready dicts `model_dump(mode="json")` gives."""
    valid = SimpleNamespace(**{name: {} for name in SECTIONS})
    fast = validators()
    for raw in merged.values():
        section, data = raw.section, raw.data
        record = _fast_record(fast.get(section), section, data)
        if record is None:
            try:
                record = record_types()[section].model_validate(data).model_dump(mode="json")
            except ValidationError as exc:
                problems.extend(_pydantic_problems(raw, exc))
                continue
        getattr(valid, section)[data["id"]] = record
    valid.section = lambda name: getattr(valid, name)
    dataset = None
    if info:
        clean = {k: v for k, v in info.items() if not k.startswith("__")}
        dataset = _fast_record(fast.get("dataset"), "dataset", clean)
        if dataset is None:
            try:
                dataset = record_types()["dataset"].model_validate(clean).model_dump(mode="json")
            except ValidationError as exc:
                for err in exc.errors():
                    problems.append(
                        DataError(
                            err["msg"].removeprefix("Value error, "),
                            file=info.get("__file__"),
                            line=info.get("__line__"),
                            record="dataset",
                            field=".".join(str(p) for p in err["loc"]),
                        )
                    )
    if rules:
        problems.extend(check_rules(valid, merged, today or dt.date.today()))
    return valid, dataset


def _fast_record(fast: Any, section: str, data: dict[str, Any]) -> dict[str, Any] | None:
    """The plain record, or None when anything is wrong (or no dict validator): the Pydantic
    model then says what."""
    if fast is None:
        return None
    try:
        record = fast.validate_python(data)
    except ValidationError:
        return None
    if section == "models" and model_problem(record) is not None:
        return None
    return record


def check_rules(catalog: Any, raws: dict[tuple[str, str], RawRecord], today: dt.date) -> list[DataError]:
    """Rules that need more than one record: references, cycles, shared ids, dates, duplicates.
    `raws`: where each record came from (at least every valid one)."""
    problems: list[DataError] = []

    def problem(section: str, rid: str, fieldname: str | None, message: str) -> None:
        raw = raws[(section, rid)]
        file, line = raw.place(fieldname)
        problems.append(DataError(message, file=file, line=line, record=rid, field=fieldname))

    def ref(section: str, rid: str, fieldname: str, target: str, value: str | None) -> None:
        if value is None or value in catalog.section(target):
            return
        problem(section, rid, fieldname, f"unknown {SINGULAR[target]} {value!r}{suggest(value, catalog.section(target))}")

    seen: dict[str, str] = {}
    for section in SHARED_ID_SECTIONS:
        for rid in catalog.section(section):
            if rid in seen:
                problem(section, rid, "id", f"id is also used by a{'n' if seen[rid][0] in 'aeiou' else ''} {seen[rid]}")
            else:
                seen[rid] = SINGULAR[section]

    for rid, m in catalog.models.items():
        base = m["base_model"]
        ref("models", rid, "organization", "organizations", m["organization"])
        ref("models", rid, "license", "licenses", m["license"])
        ref("models", rid, "base_model", "models", base)
        ref("models", rid, "teacher", "models", m["teacher"])
        ref("models", rid, "successor_of", "models", m["successor_of"])
        if m["successor_of"] == rid:
            problem("models", rid, "successor_of", "a model cannot succeed itself")
        if not m["license"] and m["access"].startswith("open-"):
            problem("models", rid, "license", f"access is {m['access']}: open weights need a license")
        if base == rid:
            problem("models", rid, "base_model", "a model cannot be its own base_model")
        _check_future(problem, "models", rid, "release_date", m["release_date"], today)
    problems.extend(_base_model_cycles(catalog, raws))

    for rid, o in catalog.organizations.items():
        ref("organizations", rid, "parent", "organizations", o["parent"])
        _check_future(problem, "organizations", rid, "founded", o["founded"], today)
    for rid, e in catalog.events.items():
        for org in e["organizations"]:
            ref("events", rid, "organizations", "organizations", org)
        for mid in e["models"]:
            ref("events", rid, "models", "models", mid)
        for sid in e["software"]:
            ref("events", rid, "software", "software", sid)
        if e["access"] is not None and not e["models"]:
            problem("events", rid, "access", "an access change needs the models it applies to")
        _check_future(problem, "events", rid, "date", e["date"], today)
    for rid, s in catalog.software.items():
        ref("software", rid, "organization", "organizations", s["organization"])
        ref("software", rid, "license", "licenses", s["license"])
        _check_future(problem, "software", rid, "release_date", s["release_date"], today)

    for rid, b in catalog.benchmarks.items():
        start, until = b["discriminates_from"], b["discriminates_until"]
        if start and until and until < start:
            problem("benchmarks", rid, "discriminates_until", "is before discriminates_from")
        _check_future(problem, "benchmarks", rid, "released", b["released"], today)
    seen_scores: dict[tuple[str, str, str, str, str], str] = {}
    percent = PERCENT
    for rid, sc in catalog.scores.items():
        ref("scores", rid, "model", "models", sc["model"])
        ref("scores", rid, "benchmark", "benchmarks", sc["benchmark"])
        if sc["measured_by"] != "developer":
            ref("scores", rid, "measured_by", "organizations", sc["measured_by"])
        bench = catalog.benchmarks.get(sc["benchmark"])
        if bench is not None and bench["unit"] == percent and not 0 <= sc["value"] <= 100:
            problem("scores", rid, "value", f"{sc['value']:g} is not a percentage (0 to 100)")
        _check_future(problem, "scores", rid, "published", sc["published"], today)
        for url in source_urls(sc["sources"]):
            # One page may report two checkpoints of a model (DeepSeek's change log: V3, then V3-0324).
            key = (sc["model"], sc["benchmark"], sc["setting"] or "", sc["checkpoint"] or "", url)
            if key in seen_scores:
                problem("scores", rid, "sources", f"same model, benchmark, setting, checkpoint and source as score {seen_scores[key]!r}")
                break
            seen_scores[key] = rid

    problems.extend(_duplicate_models(catalog, raws))
    return problems


def source_urls(sources: Iterable[Any]) -> list[str]:
    return [s if isinstance(s, str) else s["url"] for s in sources]


def _check_future(problem: Any, section: str, rid: str, fieldname: str, value: str | None, today: dt.date) -> None:
    if value and date_bounds(value)[0] > today:
        problem(section, rid, fieldname, f"{value} is in the future (today is {today.isoformat()})")


def _base_model_cycles(catalog: Any, raws: dict[tuple[str, str], RawRecord]) -> list[DataError]:
    problems = []
    reported: set[str] = set()
    for start in catalog.models:
        chain = [start]
        current = catalog.models[start]["base_model"]
        while current and current in catalog.models and current not in chain:
            chain.append(current)
            current = catalog.models[current]["base_model"]
        if current and current in chain and current != start:
            continue  # the cycle does not include start; it is reported from a member
        if current == start and len(chain) > 1 and not reported.intersection(chain):
            reported.update(chain)
            raw = raws[("models", start)]
            file, line = raw.place("base_model")
            loop = " -> ".join([*chain, start])
            problems.append(DataError(f"base_model cycle: {loop}", file=file, line=line, record=start, field="base_model"))
    return problems


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalized_name(name: str) -> str:
    """Letters and digits only, '+' kept as 'plus': 'Command R+' differs from 'Command R'."""
    return _NOT_ALNUM.sub("", name.casefold().replace("+", "plus"))


def _duplicate_models(catalog: Any, raws: dict[tuple[str, str], RawRecord]) -> list[DataError]:
    """Two records of one organisation with the same name, or an alias naming another model."""
    problems = []
    names: dict[tuple[str, str], str] = {}
    for rid, m in catalog.models.items():
        key = (m["organization"], normalized_name(m["name"]))
        if key in names:
            raw = raws[("models", rid)]
            file, line = raw.place("name")
            problems.append(
                DataError(f"same model as {names[key]!r} (same organization and name)", file=file, line=line, record=rid, field="name")
            )
        else:
            names[key] = rid
    owners: dict[str, str] = {rid.casefold(): rid for rid in catalog.models}
    for rid, m in catalog.models.items():
        for alias in m["aliases"]:
            other = owners.get(alias.casefold())
            if other and other != rid:
                raw = raws[("models", rid)]
                file, line = raw.place("aliases")
                problems.append(DataError(f"alias {alias!r} is the id of another model", file=file, line=line, record=rid, field="aliases"))
    return problems


