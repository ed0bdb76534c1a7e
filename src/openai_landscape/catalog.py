"""The catalog: every record as plain JSON-ready data, looked up by id or alias.

Records are validated once (`datafiles`, with Pydantic) and then held as plain data, the same
whether they came from the TOML files or from the cache: models as columns for filtering and
sorting plus one JSON text each for output, the other sections as dicts. `load` and `check` are
the entry points; the cache (`cache.py`) sits between them and the files.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

from .errors import DataError, DataProblems, NotFoundError
from .sources import describe, has_primary, org_domains

ENV_DATA = "LANDSCAPE_DATA"
SHARED_ID_SECTIONS = ("models", "organizations", "events", "software")
SECTION_NAMES = ("models", "organizations", "events", "software", "licenses", "benchmarks", "scores")
SINGULAR = {
    "models": "model",
    "organizations": "organization",
    "events": "event",
    "software": "software",
    "licenses": "license",
    "benchmarks": "benchmark",
    "scores": "score",
}
#: Model JSON keys that are derived, not TOML fields.
DERIVED_KEYS = ("open_weights", "source_details")


def bundled_data_dir() -> Path:
    """The data shipped in the wheel, or `data/` of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_data"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data"


def date_start(value: str | None) -> str | None:
    """The first day a partial date can mean, as an ISO string that sorts: `2023` -> `2023-01-01`."""
    if not value:
        return None
    if len(value) == 4:
        return value + "-01-01"
    if len(value) == 7:
        return value + "-01"
    return value


def date_end(value: str) -> str:
    """The last day a partial date can mean: `2023-02` -> `2023-02-28`."""
    if len(value) == 10:
        return value
    if len(value) == 4:
        return value + "-12-31"
    year, month = int(value[:4]), int(value[5:7])
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).isoformat()


class ModelTable(Mapping[str, dict[str, Any]]):
    """Models as columns (one list per field, for filtering and sorting) and one compact JSON
    text per model (written as is for JSON output); a full record is decoded on demand."""

    def __init__(self, columns: dict[str, list[Any]], texts: Sequence[str]) -> None:
        self.columns = columns
        self.texts = texts
        self.ids: list[str] = columns.get("id", [])
        self._positions: dict[str, int] | None = None
        self._records: dict[int, dict[str, Any]] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __getitem__(self, mid: str) -> dict[str, Any]:
        return self.record(self.positions()[mid])

    def __contains__(self, mid: object) -> bool:
        return mid in self.positions()

    def positions(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = {mid: i for i, mid in enumerate(self.ids)}
        return self._positions

    def column(self, name: str) -> list[Any]:
        return self.columns[name]

    def record(self, i: int) -> dict[str, Any]:
        rec = self._records.get(i)
        if rec is None:
            rec = self._records[i] = json.loads(self.texts[i])
        return rec

    def records(self, positions: Iterable[int]) -> list[dict[str, Any]]:
        return [self.record(i) for i in positions]


class Catalog:
    """All records, plain. Sections other than models are decoded lazily from their loaders."""

    def __init__(
        self,
        models: ModelTable | None = None,
        sections: Mapping[str, Callable[[], dict[str, dict[str, Any]]] | dict[str, dict[str, Any]]] | None = None,
        info: dict[str, Any] | None = None,
        origins: Callable[[], dict[tuple[str, str], list[str]]] | dict[tuple[str, str], list[str]] | None = None,
        paths: list[str] | None = None,
    ) -> None:
        self.models = models if models is not None else ModelTable({"id": []}, [])
        self._sections: dict[str, Any] = dict(sections or {})
        self.info = info
        self._origins = origins if origins is not None else {}
        self.paths = paths or []
        self._index: dict[str, dict[str, tuple[str, str]]] = {}

    def section(self, name: str) -> Mapping[str, dict[str, Any]]:
        if name == "models":
            return self.models
        value = self._sections.get(name)
        if value is None:
            value = self._sections[name] = {}
        elif callable(value):
            value = self._sections[name] = value()
        return value

    organizations = property(lambda self: self.section("organizations"))
    events = property(lambda self: self.section("events"))
    software = property(lambda self: self.section("software"))
    licenses = property(lambda self: self.section("licenses"))
    benchmarks = property(lambda self: self.section("benchmarks"))
    scores = property(lambda self: self.section("scores"))

    @property
    def origins(self) -> dict[tuple[str, str], list[str]]:
        if callable(self._origins):
            self._origins = self._origins()
        return self._origins

    def as_of(self) -> str | None:
        return self.info.get("as_of") if self.info else None

    def _section_index(self, name: str) -> dict[str, tuple[str, str]]:
        """Casefolded names and aliases, then ids, of one section; ids win over aliases."""
        index = self._index.get(name)
        if index is None:
            index = {}
            sec = self.section(name)
            if name == "models":
                names, aliases = self.models.columns.get("name", []), self.models.columns.get("aliases", [])
                for mid, mname, al in zip(self.models.ids, names, aliases, strict=False):
                    for alias in [*(al or []), mname]:
                        index.setdefault(alias.casefold(), (name, mid))
            else:
                for rid, rec in sec.items():
                    for alias in [*rec.get("aliases", []), rec.get("name") or rec.get("title") or ""]:
                        index.setdefault(alias.casefold(), (name, rid))
            for rid in sec:
                index[rid.casefold()] = (name, rid)
            self._index[name] = index
        return index

    def lookup(self, ident: str, sections: Sequence[str] = SHARED_ID_SECTIONS) -> tuple[str, dict[str, Any]] | None:
        key = ident.strip().casefold()
        for name in sections:  # ids of any section first, then names and aliases
            hit = self._section_index(name).get(key)
            if hit and hit[1].casefold() == key:
                return hit[0], self.section(hit[0])[hit[1]]
        for name in sections:
            hit = self._section_index(name).get(key)
            if hit:
                return hit[0], self.section(hit[0])[hit[1]]
        return None

    def find(self, ident: str, sections: Sequence[str] = SHARED_ID_SECTIONS) -> tuple[str, dict[str, Any]]:
        """The record an id, name or alias names (case-insensitive), or NotFoundError with a hint."""
        hit = self.lookup(ident, sections)
        if hit:
            return hit
        kinds = ", ".join(SINGULAR[s] for s in sections[:-1]) + (" or " if len(sections) > 1 else "") + SINGULAR[sections[-1]]
        raise NotFoundError(f"no {kinds} with id or alias {ident!r}{self.hint(ident, sections)}")

    def hint(self, ident: str, sections: Sequence[str]) -> str:
        candidates: dict[str, tuple[str, str]] = {}
        for name in sections:
            candidates.update(self._section_index(name))
        close = difflib.get_close_matches(ident.strip().casefold(), list(candidates), n=3, cutoff=0.6)
        if not close:
            return ""
        return " (did you mean " + ", ".join(dict.fromkeys(candidates[c][1] for c in close)) + "?)"

    def find_model(self, ident: str) -> dict[str, Any]:
        return self.find(ident, ("models",))[1]

    def find_organization(self, ident: str) -> dict[str, Any]:
        return self.find(ident, ("organizations",))[1]

    def origin_lines(self, section: str, rid: str) -> list[str]:
        """Each file a record came from, with the line of its `[[section]]` header (found now,
        by scanning that file's lines: the load never pays for line numbers)."""
        out = []
        for name in self.origins.get((section, rid), []):
            path = Path(name)
            if not path.is_absolute() and not path.exists():
                path = bundled_data_dir().parent / name
            try:
                text = path.read_text(encoding="utf-8-sig")
            except OSError:
                out.append(name)
                continue
            line = header_line(text, section, rid)
            out.append(f"{name}:{line}" if line else name)
        return out


def header_line(text: str, section: str, rid: str) -> int | None:
    """The line of the `[[section]]` header whose record has `id = "rid"`."""
    header = None
    target = re.compile(r"""^\s*id\s*=\s*(["'])""" + re.escape(rid) + r"\1\s*(#.*)?$")
    opening = re.compile(r"^\s*\[\[\s*" + re.escape(section) + r"\s*\]\]")
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("["):
            header = number if opening.match(line) else (header if line.lstrip().startswith("[" + section + ".") else None)
            continue
        if header is not None and target.match(line):
            return header
    return None


# --- from validated records to plain data ----------------------------------------------------


def plain_catalog(
    valid: Any,
    info: dict[str, Any] | None,
    origins: dict[tuple[str, str], list[str]],
    paths: list[str],
    helper: Any = None,
) -> Catalog:
    """The catalog of validated records (JSON-ready dicts, by section), with their sources
    described and derived fields added: what the cache stores. `helper` (`parallel`): a child
    process writing the texts of the models from `helper_split` on."""
    domains, opened_by_event = model_context(valid)
    orgs = valid.organizations
    for rid, o in orgs.items():
        _add_sources(o, domains[rid])
    licenses = valid.licenses
    for lic in licenses.values():
        _add_sources(lic, [])
    events = valid.events
    for e in events.values():
        _add_sources(e, [d for o in e["organizations"] for d in domains.get(o, [])])
    software = valid.software
    for s in software.values():
        _add_sources(s, domains.get(s.get("organization") or "", []))
    benchmarks = valid.benchmarks
    for b in benchmarks.values():
        _add_sources(b, [])

    rows = model_rows(valid, opened_by_event)
    split = len(rows) if helper is None else helper_split(len(rows))
    texts, primary = model_texts(rows[:split], domains)
    if split < len(rows):
        answer = helper.result()
        if answer is not None and answer[0] == [r["id"] for r in rows[split:]]:
            texts += answer[1]
            primary += answer[2]
        else:
            more_texts, more_primary = model_texts(rows[split:], domains)
            texts += more_texts
            primary += more_primary
    columns: dict[str, list[Any]] = {"id": []}
    if rows:
        keys = [k for k in rows[0] if k not in ("openness", "sources", "source_details")]
        columns = dict(zip(keys, map(list, zip(*map(itemgetter(*keys), rows), strict=True)), strict=True))
        columns["open_source"] = [is_open_source(r, licenses) for r in rows]
        columns["primary_sourced"] = primary
        columns["country"] = [orgs.get(r["organization"], {}).get("country") for r in rows]

    scores = valid.scores
    for sc in scores.values():
        model_org = None
        if sc["model"] in valid.models:
            model_org = valid.models[sc["model"]]["organization"]
        _add_sources(sc, domains.get(model_org or "", []) if sc["measured_by"] == "developer" else domains.get(sc["measured_by"], []))
    sections = {
        "organizations": orgs,
        "events": events,
        "software": software,
        "licenses": licenses,
        "benchmarks": benchmarks,
        "scores": scores,
    }
    return Catalog(ModelTable(columns, texts), sections, info, origins, paths)


def model_context(valid: Any) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Each organisation's own domains, and the date an access event first opened each model."""
    domains = {rid: org_domains(o) for rid, o in valid.organizations.items()}
    opened_by_event: dict[str, str] = {}
    for e in sorted(valid.events.values(), key=lambda e: date_start(e["date"]) or ""):
        if e.get("access", "") and e["access"].startswith("open-"):
            for mid in e["models"]:
                opened_by_event.setdefault(mid, e["date"])
    return domains, opened_by_event


def model_rows(valid: Any, opened_by_event: Mapping[str, str]) -> list[dict[str, Any]]:
    """The models with their derived fields (sources are described later, in `model_texts`)."""
    rows = []
    for rid, rec in valid.models.items():
        rec["open_weights"] = rec["access"].startswith("open-")
        if rec["open_weights"] and not rec["open_weights_since"] and rid in opened_by_event:
            opened = opened_by_event[rid]
            if rec["release_date"] and (date_start(opened) or "") > (date_start(rec["release_date"]) or ""):
                rec["open_weights_since"] = opened
        rows.append(rec)
    return rows


def model_texts(rows: Sequence[dict[str, Any]], domains: Mapping[str, list[str]]) -> tuple[list[str], list[bool]]:
    """Each model's JSON text (its sources described first) and whether it has a primary source."""
    from .escaping import json_dumps

    texts, primary = [], []
    for rec in rows:
        _add_sources(rec, domains.get(rec["organization"], []))
        texts.append(json_dumps(rec, indent=None))
        primary.append(has_primary(rec))
    return texts, primary


#: The share of the models whose texts the helper process writes: it skips the cross-record
#: rules, the other sections and the columns, so it can take more than half (docs/performance.md).
HELPER_SHARE = 0.55


def helper_split(n: int) -> int:
    return n - int(n * HELPER_SHARE)


def _add_sources(rec: dict[str, Any], own_domains: list[str]) -> None:
    """`sources` as URLs (the JSON contract) and `source_details` with each one's kind."""
    details = describe(rec["sources"], own_domains)
    for d, s in zip(details, rec["sources"], strict=True):
        if isinstance(s, dict):
            if s.get("copy_of"):
                d["copy_of"] = s["copy_of"]
            if s.get("note"):
                d["note"] = s["note"]
    rec["sources"] = [d["url"] for d in details]
    rec["source_details"] = details


def is_open_source(model: Mapping[str, Any], licenses: Mapping[str, Mapping[str, Any]]) -> bool:
    """OSI's Open Source AI Definition, approximated from recorded data (see docs/data.md).

    Open weights under an OSI-approved licence, training code graded open, and the
    training data at least documented (data or data documentation graded open or partial).
    """
    if not model.get("open_weights") or not model.get("license"):
        return False
    lic = licenses.get(model["license"])
    if lic is None or not lic.get("osi_approved"):
        return False
    o = model.get("openness") or {}
    code = o.get("training_code")
    if not code or code.get("grade") != "open":
        return False
    documented = ("open", "partial")
    return any((o.get(c) or {}).get("grade") in documented for c in ("training_data", "data_documentation"))


# --- entry points ---------------------------------------------------------------------------


def user_paths(data: Sequence[str] = ()) -> list[Path]:
    """`--data` paths after those of LANDSCAPE_DATA (an os.pathsep-separated list)."""
    env = os.environ.get(ENV_DATA, "")
    paths = [Path(p) for p in env.split(os.pathsep) if p.strip()]
    return paths + [Path(p) for p in data]


def check(
    data: Sequence[str | Path] = (),
    *,
    bundled: bool = True,
    today: dt.date | None = None,
    progress: Any = None,
) -> tuple[Catalog, list[DataError]]:
    """Read and validate everything, no cache; the catalog of the valid records and every problem.
    `progress`: a context to show while parsing and validating (entered after any fork)."""
    import contextlib
    import gc

    # A load allocates millions of objects and no cycles; the collector's passes over them cost
    # half of Pydantic's validation time at 10,000 models (docs/performance.md).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(data, bundled, today, progress or contextlib.nullcontext())
    finally:
        # What the load built lives until exit: freezing it spares every later collection a
        # walk over millions of objects (about 50 ms at 10,000 models); refcounts still free it.
        gc.freeze()
        if enabled:
            gc.enable()


def _check(data: Sequence[str | Path], bundled: bool, today: dt.date | None, progress: Any) -> tuple[Catalog, list[DataError]]:
    from . import parallel
    from .datafiles import read_inputs

    inputs = []
    if bundled:
        root = bundled_data_dir()
        inputs.append(read_inputs([root], display_root=root.parent))
    for path in data:
        inputs.append(read_inputs([Path(path)]))
    size = sum(len(item[1]) for layer in inputs for item in layer if isinstance(item, tuple))
    helper = parallel.start(lambda: _helper_work(inputs, today), size)
    try:
        with progress:
            problems: list[DataError] = []
            merged, valid, dataset = _validated(inputs, today, problems, rules=True)
            origins = {ident: raw.origins for ident, raw in merged.items()}
            paths = [str(bundled_data_dir())] * bundled + [str(p) for p in data]
            return plain_catalog(valid, dataset, origins, paths, helper), problems
    finally:
        if helper is not None:
            helper.close()


def _validated(inputs: list[Any], today: dt.date | None, problems: list[DataError], rules: bool) -> tuple[Any, Any, Any]:
    from .datafiles import merge_layers, parse_inputs, validate

    merged, info = merge_layers([parse_inputs(layer, problems) for layer in inputs])
    valid, dataset = validate(merged, info, problems, today, rules=rules)
    return merged, valid, dataset


def _helper_work(inputs: list[Any], today: dt.date | None) -> tuple[list[str], list[str], list[bool]]:
    """In the helper process: the same parse and validation, then the texts of the last models."""
    _, valid, _ = _validated(inputs, today, [], rules=False)
    domains, opened_by_event = model_context(valid)
    rows = model_rows(valid, opened_by_event)
    rows = rows[helper_split(len(rows)) :]
    texts, primary = model_texts(rows, domains)
    return [r["id"] for r in rows], texts, primary


def load(
    data: Sequence[str | Path] = (),
    *,
    bundled: bool = True,
    today: dt.date | None = None,
    use_cache: bool = True,
) -> Catalog:
    """The catalog (from the cache when every input file is unchanged), or DataProblems naming
    the first problem and counting the rest."""
    from . import cache

    key = cache.input_key([Path(p) for p in data], bundled) if use_cache and today is None else None
    if key is not None:
        hit = cache.read(key)
        if hit is not None:
            return hit
    catalog, problems = check(data, bundled=bundled, today=today, progress=_progress(key))
    if problems:
        raise DataProblems(problems)
    if key is not None:
        cache.write(key, catalog)
    return catalog


#: Input size above which a cold load takes about half a second or more on a 2-core machine.
PROGRESS_BYTES = 1_500_000


def _progress(key: Any) -> Any:
    """A spinner on stderr while a large cold load runs, only when stderr is a terminal."""
    import contextlib
    import sys

    total = 0
    if key is not None:
        total = sum(entry[1] for entry in key[1] if isinstance(entry, tuple) and len(entry) == 5)
    try:
        interactive = sys.stderr.isatty()
    except (AttributeError, ValueError):
        interactive = False
    if total < PROGRESS_BYTES or not interactive:
        return contextlib.nullcontext()
    from rich.console import Console

    megabytes = total / 1e6
    return Console(file=sys.stderr).status(f"reading and validating {megabytes:.0f} MB of data (cached for next time)")
