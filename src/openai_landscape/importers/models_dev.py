"""Import a checkout of sst/models.dev (https://github.com/sst/models.dev) into our records.

Layout of that repository, as read for this importer (branch `dev`):

    models/<lab>/<model>.toml                  provider-agnostic facts about one model
    providers/<provider>/provider.toml         name, env, npm, api, doc
    providers/<provider>/models/<id>.toml      a model as one provider serves it; <id> may
                                               hold a slash (subfolders), e.g. anthropic/claude-x

A model's id is its path without `.toml`. A provider file with `base_model = "<lab>/<model>"`
inherits the lab file's facts and adds serving details (cost, limits): the same model served
elsewhere, so it is counted as a duplicate, never emitted. A provider file without `base_model`
carries a full definition and is imported like a lab file, its organisation taken from the
subfolder (`providers/p/models/<lab>/x.toml`) or else from the provider itself.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from openai_landscape.datafiles import parse_toml, read_text
from openai_landscape.errors import DataError
from openai_landscape.schema import License, Model, Organization

from ._common import (
    UNSPECIFIED_LICENSE_ID,
    ImportReport,
    access_for_license,
    clean_record,
    known_licenses,
    license_lookup,
    norm,
    partial_date,
    positive_number,
    round_billions,
    slugify,
    unique_id,
    unspecified_license,
)

REPO_URL = "https://github.com/sst/models.dev"
BLOB_URL = f"{REPO_URL}/blob/dev/"
TREE_URL = f"{REPO_URL}/tree/dev/"

#: models.dev modality -> our Modality value. models.dev also allows "pdf", which has no equivalent.
MODALITIES = {"text": "text", "image": "image", "audio": "audio", "video": "video"}

#: Fields read into our records.
MAPPED = {
    "name", "description", "family", "release_date", "knowledge", "open_weights", "license",
    "limit", "modalities", "parameters", "weights", "base_model", "status",
}
#: Fields of the models.dev schema deliberately left out: serving, pricing and API details.
IGNORED = {
    "id", "attachment", "reasoning", "reasoning_options", "tool_call", "interleaved",
    "structured_output", "temperature", "last_updated", "cost", "cost_cn", "cost_points",
    "experimental", "provider", "doc", "endpoints", "benchmarks", "links", "series",
    "base_model_omit", "deprecation_date",
}


def github_url(rel: str, *, tree: bool = False) -> str:
    return (TREE_URL if tree else BLOB_URL) + quote(rel, safe="/:+@._-~")


class _Reader:
    def __init__(self, root: Path, today: dt.date | None) -> None:
        self.root = root
        self.today = today
        self.report = ImportReport()
        self.models: list[dict[str, Any]] = []
        self.orgs: dict[str, dict[str, Any]] = {}
        self.licenses: dict[str, dict[str, Any]] = {}
        self.ids: set[str] = set()
        self.names: dict[str, str] = {}  # norm(name) + org -> model id, for slug collisions
        self.by_path: dict[str, str] = {}  # models.dev path id -> our model id
        self.unknown_fields: dict[str, list[str]] = defaultdict(list)
        self.provider_names: dict[str, str] = {}

    def note(self, rel: str, message: str) -> None:
        self.report.unmapped.append(f"{rel}: {message}")

    # --- organisations ------------------------------------------------------------------------

    def provider_name(self, provider: str) -> str | None:
        if provider in self.provider_names:
            return self.provider_names[provider] or None
        path = self.root / "providers" / provider / "provider.toml"
        name = ""
        if path.is_file():
            doc = parse_toml(read_text(path), str(path))
            value = doc.get("name")
            if isinstance(value, str) and value.strip():
                name = value.strip()
        self.provider_names[provider] = name
        return name or None

    def organization(self, dirname: str, where: str) -> str:
        """The id of the organisation named by a lab or provider directory, created on first use."""
        oid = slugify(dirname, fallback="unknown-org")
        if oid not in self.orgs:
            pretty = self.provider_name(dirname)
            provider_file = self.root / "providers" / dirname / "provider.toml"
            source = github_url(self.rel(provider_file)) if provider_file.is_file() else github_url(where, tree=True)
            self.orgs[oid] = clean_record(
                {
                    "id": oid,
                    "name": pretty or dirname,
                    "aliases": [dirname] if pretty and norm(pretty) != norm(dirname) else [],
                    "sources": [source],
                    "notes": f"Imported from models.dev directory {where}/.",
                }
            )
        return oid

    # --- files --------------------------------------------------------------------------------

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def load(self, path: Path) -> dict[str, Any]:
        return parse_toml(read_text(path), str(path))

    def run(self) -> ImportReport:
        lab_files: list[tuple[str, str, str, dict[str, Any]]] = []  # rel, path id, org dir, doc
        provider_files: list[tuple[str, str, str, str, dict[str, Any]]] = []  # + provider
        models_dir = self.root / "models"
        if models_dir.is_dir():
            for path in sorted(models_dir.rglob("*.toml"), key=lambda p: p.as_posix()):
                if not path.is_file():
                    continue
                rel = self.rel(path)
                parts = PurePosixPath(rel).parts[1:]
                if len(parts) < 2:
                    self.note(rel, "not inside a lab folder (models/<lab>/<model>.toml); skipped")
                    continue
                path_id = str(PurePosixPath(*parts).with_suffix(""))
                lab_files.append((rel, path_id, parts[0], self.load(path)))
        providers_dir = self.root / "providers"
        if providers_dir.is_dir():
            for pdir in sorted(p for p in providers_dir.iterdir() if p.is_dir()):
                mdir = pdir / "models"
                if not mdir.is_dir():
                    continue
                for path in sorted(mdir.rglob("*.toml"), key=lambda p: p.as_posix()):
                    if not path.is_file():
                        continue
                    rel = self.rel(path)
                    path_id = str(PurePosixPath(path.relative_to(mdir).as_posix()).with_suffix(""))
                    sub = PurePosixPath(path_id).parts
                    org_dir = sub[0] if len(sub) > 1 else pdir.name
                    provider_files.append((rel, path_id, org_dir, pdir.name, self.load(path)))

        # Full definitions first (lab files, then provider files), so that base_model
        # references and name collisions resolve to lab records.
        for rel, path_id, org_dir, doc in lab_files:
            if "base_model" not in doc:
                self.model(rel, path_id, org_dir, doc, where=f"models/{org_dir}")
        for rel, path_id, org_dir, provider, doc in provider_files:
            if "base_model" not in doc:
                where = f"providers/{provider}/models/{org_dir}" if org_dir != provider else f"providers/{provider}"
                self.model(rel, path_id, org_dir, doc, where=where, provider=provider)
        for rel, _path_id, _org, doc in lab_files:
            if "base_model" in doc:
                self.base_model_copy(rel, doc["base_model"])
        for rel, _path_id, _org, _provider, doc in provider_files:
            if "base_model" in doc:
                self.base_model_copy(rel, doc["base_model"])

        for key, files in sorted(self.unknown_fields.items()):
            shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
            self.report.unmapped.append(f"field {key!r} is not part of the models.dev schema this importer knows; ignored in {shown}")

        # Model and organisation ids share one namespace.
        for rec in self.models:
            if rec["id"] in self.orgs:
                new = unique_id(f"{rec['organization']}-{rec['id']}", self.ids | set(self.orgs))
                self.ids.add(new)
                rec["id"] = new
        self.report.sections = {
            "models": self.models,
            "organizations": [clean_record(o, Organization) for o in self.orgs.values()],
            "licenses": [clean_record(lic, License) for lic in self.licenses.values()],
        }
        return self.report

    def base_model_copy(self, rel: str, base: Any) -> None:
        if not isinstance(base, str) or not base.strip():
            self.note(rel, f"base_model: {base!r} is not a model id; file skipped")
            return
        target = self.by_path.get(base.strip())
        if target is None:
            self.note(rel, f"base_model: {base!r} matches no imported file under models/; file skipped")
            return
        self.report.duplicates.append(f"{rel} -> {target}")

    # --- one model ----------------------------------------------------------------------------

    def model(self, rel: str, path_id: str, org_dir: str, doc: dict[str, Any], *, where: str, provider: str | None = None) -> None:
        for key in doc:
            if key not in MAPPED and key not in IGNORED:
                self.unknown_fields[key].append(rel)
        name = doc.get("name")
        if not isinstance(name, str) or not name.strip():
            self.note(rel, "name: missing or not a string; file skipped")
            return
        name = name.strip()
        org = self.organization(org_dir, where)
        stem = PurePosixPath(path_id).name
        mid = slugify(stem, fallback=slugify(name, fallback="model"))
        key = f"{org}:{norm(name)}"
        if key in self.names:
            self.report.duplicates.append(f"{rel} -> {self.names[key]}")
            return
        if mid in self.ids:
            mid = unique_id(f"{org}-{mid}", self.ids)
        self.ids.add(mid)
        self.names[key] = mid
        if provider is None:  # base_model names files under models/ only
            self.by_path.setdefault(path_id, mid)

        url = github_url(rel)
        notes: list[str] = []
        rec: dict[str, Any] = {"id": mid, "name": name}
        aliases = [path_id] if path_id.casefold() not in (mid, name.casefold()) else []
        rec["aliases"] = aliases
        rec["organization"] = org

        family = doc.get("family")
        if isinstance(family, str) and family.strip():
            rec["family"] = slugify(family, fallback="")
            if not rec["family"]:
                del rec["family"]
                self.note(rel, f"family: {family!r} cannot be an id; left out")

        release = doc.get("release_date")
        if release is not None:
            value, why = partial_date(str(release), self.today)
            if value:
                rec["release_date"] = value
            else:
                self.note(rel, f"release_date: {why}; left out")

        rec.update(self.access(rel, doc, url))

        params = doc.get("parameters")
        if isinstance(params, dict):
            self.parameters(rel, params, rec, notes)
        elif params is not None:
            self.note(rel, "parameters: not a table; left out")

        limit = doc.get("limit")
        if isinstance(limit, dict):
            context = limit.get("context")
            if isinstance(context, int) and not isinstance(context, bool) and 0 < context <= 1_000_000_000:
                rec["context_length"] = context
            elif context not in (None, 0):
                self.note(rel, f"limit.context: {context!r} is not a token count; left out")

        modalities = doc.get("modalities")
        if isinstance(modalities, dict):
            rec["modalities"] = self.modalities(rel, "input", modalities.get("input"))
            rec["output_modalities"] = self.modalities(rel, "output", modalities.get("output"))

        description = doc.get("description")
        if isinstance(description, str) and description.strip():
            notes.insert(0, description.strip().rstrip(".")[:1000] + ".")
        knowledge = doc.get("knowledge")
        if isinstance(knowledge, (str, dt.date)) and str(knowledge).strip():
            notes.append(f"Knowledge cutoff {str(knowledge).strip()}.")
        status = doc.get("status")
        if isinstance(status, str) and status.strip():
            notes.append(f"models.dev status: {status.strip()}.")
        if provider is not None:
            pname = self.provider_name(provider) or provider
            notes.append(f"Defined by provider {pname} on models.dev (no lab file); organisation taken from its directory, check it.")
        notes.append("Imported from models.dev.")
        rec["notes"] = " ".join(notes)[:4000]

        sources = [url]
        weights = doc.get("weights")
        if isinstance(weights, list):
            for item in weights:
                wurl = item.get("url") if isinstance(item, dict) else None
                if isinstance(wurl, str) and wurl.startswith(("https://", "http://")) and " " not in wurl and wurl not in sources:
                    sources.append(wurl)
        rec["sources"] = sources
        self.models.append(clean_record(rec, Model))

    def access(self, rel: str, doc: dict[str, Any], url: str) -> dict[str, Any]:
        open_weights = doc.get("open_weights")
        lic = doc.get("license")
        if open_weights is False:
            return {"access": "api"}
        if open_weights is not True:
            self.note(rel, f"open_weights: {open_weights!r} is not true/false; access set to 'api'")
            return {"access": "api"}
        if isinstance(lic, str) and lic.strip():
            known = license_lookup().get(norm(lic))
            if known:
                self.licenses.setdefault(known, dict(known_licenses()[known]))
                return {"access": access_for_license(known), "license": known}
            lid = slugify(lic, fallback=UNSPECIFIED_LICENSE_ID)
            if lid not in self.licenses and lid != UNSPECIFIED_LICENSE_ID:
                self.licenses[lid] = {
                    "id": lid,
                    "name": lic.strip()[:200],
                    "osi_approved": False,
                    "sources": [url],
                    "notes": "Named by models.dev; terms not checked by the importer.",
                }
            elif lid == UNSPECIFIED_LICENSE_ID:
                self.licenses.setdefault(lid, unspecified_license(REPO_URL))
            self.note(rel, f"license: {lic!r} is not a licence this importer knows; written as licence {lid!r} (osi_approved = false) and access 'open-restricted'")
            return {"access": "open-restricted", "license": lid}
        self.licenses.setdefault(UNSPECIFIED_LICENSE_ID, unspecified_license(REPO_URL))
        self.note(rel, f"open_weights = true but no license: access set to 'open-restricted', license to {UNSPECIFIED_LICENSE_ID!r}")
        return {"access": "open-restricted", "license": UNSPECIFIED_LICENSE_ID}

    def parameters(self, rel: str, params: dict[str, Any], rec: dict[str, Any], notes: list[str]) -> None:
        total = positive_number(params.get("total"))
        active = positive_number(params.get("active"))
        if total is not None:
            if total / 1e9 > 100_000:
                self.note(rel, f"parameters.total: {params.get('total')!r} is implausibly large; left out")
                total = None
            else:
                rec["params_b"] = round_billions(total)
        if active is not None:
            if total is not None and active > total:
                self.note(rel, "parameters.active exceeds parameters.total; active left out")
            elif active / 1e9 <= 100_000:
                rec["active_params_b"] = round_billions(active)
        arch = params.get("architecture")
        if isinstance(arch, str):
            if arch.strip().casefold() in ("moe", "dense"):
                rec["architecture"] = arch.strip().casefold()
            else:
                self.note(rel, f"parameters.architecture: {arch!r} has no equivalent")
        if params.get("estimate") is True and total is not None:
            notes.append("Parameter count is an estimate (models.dev).")

    def modalities(self, rel: str, side: str, values: Any) -> list[str]:
        if values is None:
            return []
        if not isinstance(values, list):
            self.note(rel, f"modalities.{side}: not a list; left out")
            return []
        out: list[str] = []
        for value in values:
            mapped = MODALITIES.get(value.casefold()) if isinstance(value, str) else None
            if mapped is None:
                self.note(rel, f"modalities.{side}: {value!r} has no equivalent")
            elif mapped not in out:
                out.append(mapped)
        return out


def read_models_dev(root: Path, *, today: dt.date | None = None) -> ImportReport:
    """Records from a models.dev checkout (its root, holding `models/` and/or `providers/`)."""
    root = Path(root)
    if not root.exists():
        raise DataError("no such file or directory", file=str(root))
    if not root.is_dir():
        raise DataError("not a directory; expected a models.dev checkout holding models/ or providers/", file=str(root))
    if not (root / "models").is_dir() and not (root / "providers").is_dir():
        raise DataError("not a models.dev checkout: no models/ or providers/ directory", file=str(root))
    try:
        return _Reader(root, today).run()
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", file=str(exc.filename or root)) from None
