"""Importers of models.dev and Epoch AI data: mappings, reports, dedupe, and loadable output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from openai_landscape.catalog import check
from openai_landscape.errors import DataError
from openai_landscape.export import to_toml
from openai_landscape.importers import ImportReport, dedupe, read_epoch_csv, read_models_dev
from openai_landscape.importers._common import partial_date, slugify, unique_id
from openai_landscape.importers.epoch import ACCESS, EPOCH_URL, split_countries
from openai_landscape.schema import Access

from .conftest import FIXTURES, MINI

MODELS_DEV = FIXTURES / "models-dev"
EPOCH_CSV = FIXTURES / "epoch" / "models.csv"
BLOB = "https://github.com/sst/models.dev/blob/dev/"


def by_id(report: ImportReport, section: str = "models") -> dict[str, dict]:
    return {rec["id"]: rec for rec in report.sections[section]}


def loads_cleanly(tmp_path: Path, report: ImportReport, *extra: Path) -> None:
    out = tmp_path / "imported.toml"
    out.write_text(to_toml(report.sections), encoding="utf-8")
    catalog, problems = check([*extra, out], bundled=False)
    assert [str(p) for p in problems] == []
    assert set(by_id(report)) <= set(catalog.models)


@pytest.fixture(scope="module")
def mini():
    catalog, problems = check([MINI], bundled=False)
    assert problems == []
    return catalog


# --- models.dev -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def md() -> ImportReport:
    return read_models_dev(MODELS_DEV)


def test_models_dev_lab_model(md):
    m = by_id(md)["open-chat-8b"]
    assert m["name"] == "Open Chat 8B"
    assert m["aliases"] == ["openlab/open-chat-8b"]
    assert m["organization"] == "openlab"
    assert m["family"] == "open-chat"
    assert m["release_date"] == "2025-04"  # month precision kept
    assert m["access"] == "open-unrestricted"
    assert m["license"] == "apache-2.0"  # "Apache-2.0" matched by SPDX id
    assert m["params_b"] == 8.03
    assert m["architecture"] == "dense"
    assert m["context_length"] == 131072
    assert m["modalities"] == ["text"] and m["output_modalities"] == ["text"]
    assert m["sources"] == [BLOB + "models/openlab/open-chat-8b.toml", "https://huggingface.co/openlab/open-chat-8b"]
    assert "Knowledge cutoff 2024-12." in m["notes"]
    assert "apache-2.0" in by_id(md, "licenses")


def test_models_dev_closed_model_and_unmappable_modality(md):
    m = by_id(md)["closed-pro"]
    assert m["access"] == "api"
    assert "license" not in m
    assert m["context_length"] == 1_000_000
    assert m["modalities"] == ["text", "image", "audio", "video"]
    assert m["output_modalities"] == ["text", "audio"]
    assert "models/closedco/closed-pro.toml: modalities.input: 'pdf' has no equivalent" in md.unmapped


def test_models_dev_open_weights_without_licence_is_reported(md):
    m = by_id(md)["open-vision-72b"]
    assert m["access"] == "open-restricted"
    assert m["license"] == "unspecified"
    assert (m["params_b"], m["active_params_b"], m["architecture"]) == (72, 9, "moe")
    assert "estimate" in m["notes"]
    assert m["modalities"] == ["text", "image"]
    assert any(line.startswith("models/openlab/open-vision-72b.toml: open_weights = true but no license") for line in md.unmapped)
    lic = by_id(md, "licenses")["unspecified"]
    assert lic["osi_approved"] is False


def test_models_dev_base_model_files_are_duplicates_not_models(md):
    assert md.duplicates == [
        "providers/closedco/models/closed-pro.toml -> closed-pro",
        "providers/hostly/models/openlab/open-chat-8b.toml -> open-chat-8b",
    ]
    assert sorted(by_id(md)) == ["bleu-7b", "closed-pro", "hostly-turbo", "open-chat-8b", "open-vision-72b"]
    assert not any("providers/closedco" in s for m in md.sections["models"] for s in m["sources"])


def test_models_dev_provider_model_and_organizations(md):
    m = by_id(md)["hostly-turbo"]
    assert m["organization"] == "hostly"
    assert m["sources"] == [BLOB + "providers/hostly/models/hostly-turbo.toml"]
    orgs = by_id(md, "organizations")
    assert orgs["hostly"]["name"] == "Hostly"  # from providers/hostly/provider.toml
    assert orgs["closedco"]["name"] == "ClosedCo"
    assert orgs["closedco"]["sources"] == [BLOB + "providers/closedco/provider.toml"]
    assert orgs["openlab"]["sources"] == ["https://github.com/sst/models.dev/tree/dev/models/openlab"]


def test_models_dev_output_loads_on_its_own(md, tmp_path):
    loads_cleanly(tmp_path, md)


def test_models_dev_dedupe_against_catalog(md, mini, tmp_path):
    out = dedupe(md, mini)
    assert "Bleu 7B -> bleu-7b" in out.duplicates
    assert "bleu-7b" not in by_id(out)
    assert "bleu" not in by_id(out, "organizations")  # the catalog has it
    assert "apache-2.0" not in by_id(out, "licenses")  # the catalog has it
    assert "unspecified" in by_id(out, "licenses")
    assert md.duplicates[0] in out.duplicates
    loads_cleanly(tmp_path, out, MINI)


def test_models_dev_unknown_fields_future_dates_and_odd_values(tmp_path):
    lab = tmp_path / "models" / "lab"
    lab.mkdir(parents=True)
    (lab / "m:1.toml").write_text(
        'name = "M One"\nrelease_date = "2030-01"\nopen_weights = true\nlicense = "Frobnicate Licence"\n'
        'shiny = true\n[limit]\ncontext = 0\noutput = 0\n[modalities]\ninput = ["text"]\noutput = ["text", "3d"]\n',
        encoding="utf-8",
    )
    (lab / "nameless.toml").write_text("open_weights = false\n", encoding="utf-8")
    report = read_models_dev(tmp_path, today=dt.date(2026, 1, 1))
    m = by_id(report)["m-1"]
    assert "release_date" not in m and "context_length" not in m
    assert m["license"] == "frobnicate-licence" and m["access"] == "open-restricted"
    lines = "\n".join(report.unmapped)
    assert "models/lab/m:1.toml: release_date: '2030-01' is in the future; left out" in lines
    assert "models/lab/m:1.toml: modalities.output: '3d' has no equivalent" in lines
    assert "field 'shiny'" in lines
    assert "models/lab/nameless.toml: name: missing or not a string; file skipped" in lines
    assert "Frobnicate Licence" in lines
    loads_cleanly(tmp_path, report)


def test_models_dev_base_model_pointing_nowhere(tmp_path):
    (tmp_path / "providers" / "p" / "models").mkdir(parents=True)
    (tmp_path / "providers" / "p" / "models" / "x.toml").write_text('base_model = "lab/nothing"\n', encoding="utf-8")
    report = read_models_dev(tmp_path)
    assert report.sections["models"] == []
    assert report.unmapped == ["providers/p/models/x.toml: base_model: 'lab/nothing' matches no imported file under models/; file skipped"]


def test_models_dev_bad_input(tmp_path):
    with pytest.raises(DataError, match="not a models.dev checkout"):
        read_models_dev(tmp_path)
    with pytest.raises(DataError, match="not a directory"):
        read_models_dev(EPOCH_CSV)
    with pytest.raises(DataError, match="no such file"):
        read_models_dev(tmp_path / "missing")
    bad = tmp_path / "models" / "lab" / "bad.toml"
    bad.parent.mkdir(parents=True)
    bad.write_text('name = "x"\nopen_weights = \n', encoding="utf-8")
    with pytest.raises(DataError, match="malformed TOML") as err:
        read_models_dev(tmp_path)
    assert err.value.file == str(bad) and err.value.line == 2
    bad.write_bytes(b'name = "\xff"\n')
    with pytest.raises(DataError, match="not UTF-8"):
        read_models_dev(tmp_path)


def test_slugify():
    assert slugify("gpt-oss:120b") == "gpt-oss-120b"
    assert slugify("  Claude Sonnet 4.5 (Thinking) ") == "claude-sonnet-4.5-thinking"
    assert slugify("C++ Coder") == "c++-coder"
    assert slugify("???", fallback="model") == "model"
    assert len(unique_id("x" * 130, {"x" * 110})) <= 120


def test_partial_dates_keep_their_precision():
    today = dt.date(2026, 1, 1)
    assert partial_date("2023", today) == ("2023", None)
    assert partial_date("2023-07", today) == ("2023-07", None)
    assert partial_date("2023-07-18 00:00:00", today) == ("2023-07-18", None)
    assert partial_date("2023-07-18T12:00:00Z", today) == ("2023-07-18", None)
    assert partial_date("July 2023", today)[0] is None
    assert partial_date("2027-01", today) == (None, "'2027-01' is in the future")


# --- Epoch AI ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ep() -> ImportReport:
    return read_epoch_csv(EPOCH_CSV)


def test_epoch_access_values_are_ours():
    assert set(ACCESS.values()) <= {a.value for a in Access}
    assert ACCESS["open weights (restricted use)"] == "open-restricted"
    assert ACCESS["hosted access (no api)"] == "hosted"


def test_epoch_open_model_with_several_organizations(ep):
    m = by_id(ep)["nimbus-13b"]
    assert m["organization"] == "nimbus-research"
    assert m["access"] == "open-unrestricted"
    assert m["license"] == "apache-2.0"  # read from "Accessibility notes"
    assert m["params_b"] == 13  # Parameters 1.3e10
    assert m["release_date"] == "2024-05-02"
    assert m["sources"] == ["https://arxiv.org/abs/2405.00001"]
    assert "Tsinghua University" in m["notes"]
    org = by_id(ep, "organizations")["nimbus-research"]
    assert org == {"id": "nimbus-research", "name": "Nimbus Research", "country": "CN", "sources": [EPOCH_URL], "notes": "Imported from Epoch AI."}
    assert "tsinghua-university" not in by_id(ep, "organizations")


def test_epoch_unreleased_and_month_precision(ep):
    m = by_id(ep)["secret-1"]
    assert m["access"] == "unreleased"
    assert m["release_date"] == "2023-11"
    assert m["sources"] == [EPOCH_URL]  # no Link
    assert by_id(ep, "organizations")["google-deepmind"]["country"] == "GB"


def test_epoch_bad_date_is_reported(ep):
    m = by_id(ep)["falcon-q"]
    assert "release_date" not in m
    assert m["access"] == "api" and m["params_b"] == 40
    assert "models.csv:5: Falcon-Q: Publication date: '2024-13-40' is not a real date (month must be in 1..12); left out" in ep.unmapped
    assert by_id(ep, "organizations")["technology-innovation-institute"]["country"] == "AE"


def test_epoch_noncommercial_without_licence_and_other_rows(ep):
    m = by_id(ep)["orca-mini-3b"]
    assert (m["access"], m["license"], m["params_b"]) == ("open-noncommercial", "unspecified", 3)
    assert "Epoch AI base model: Orca 13B." in m["notes"]
    assert "models.csv:6: Orca Mini 3B: open weights but no licence named; license set to 'unspecified'" in ep.unmapped
    atlas = by_id(ep)["atlas-chat"]
    assert (atlas["access"], atlas["release_date"], atlas["sources"]) == ("hosted", "2024", [EPOCH_URL])
    assert "country" not in by_id(ep, "organizations")["atlas-labs"]
    assert "models.csv:7: Atlas Chat: Country (of organization): 'Multinational' has no certain ISO code; left out of atlas-labs" in ep.unmapped
    assert "models.csv:8: Mystery-X: Model accessibility: 'Unknown' has no equivalent; row skipped" in ep.unmapped
    assert "mystery-x" not in by_id(ep)


def test_epoch_output_loads_on_its_own(ep, tmp_path):
    loads_cleanly(tmp_path, ep)


def test_epoch_dedupe_against_catalog(ep, mini, tmp_path):
    out = dedupe(ep, mini)
    assert out.duplicates == ["Acme-2 70B -> acme-2-70b"]
    assert "acme-2-70b" not in by_id(out)
    assert "acme-ai" not in by_id(out, "organizations")  # "Acme AI" is the catalog's acme
    assert len(out.sections["models"]) == len(ep.sections["models"]) - 1
    loads_cleanly(tmp_path, out, MINI)


def test_dedupe_rewrites_references_and_renames_clashing_ids(mini, tmp_path):
    csv_path = tmp_path / "e.csv"
    csv_path.write_text(
        "Model,Organization,Publication date,Model accessibility,Country (of organization)\n"
        "Acme-3,Acme AI,2024-01-01,API access,United States of America\n"
        "Dragon,Bleu Labs,2024-02-01,API access,France\n"
        "Acme 3,Acme AI,2024-01-01,API access,United States of America\n",
        encoding="utf-8",
    )
    report = read_epoch_csv(csv_path)
    assert report.duplicates == ["Acme 3 -> acme-3"]  # same name up to punctuation, same file
    out = dedupe(report, mini)
    models = by_id(out)
    assert models["acme-3"]["organization"] == "acme"
    assert models["bleu-dragon"]["name"] == "Dragon"  # "dragon" is an organisation id in the catalog
    assert out.sections["organizations"] == []
    loads_cleanly(tmp_path, out, MINI)


def test_dedupe_within_import_by_alias():
    rec = {"organization": "x", "access": "api", "sources": ["https://example.org"]}
    report = ImportReport(
        sections={
            "models": [{"id": "a", "name": "Alpha", **rec}, {"id": "b", "name": "Beta", "aliases": ["alpha"], **rec}],
            "organizations": [{"id": "x", "name": "X", "sources": ["https://example.org"]}],
            "licenses": [],
        }
    )
    out = dedupe(report, check([MINI], bundled=False)[0])
    assert [m["id"] for m in out.sections["models"]] == ["a"]
    assert out.duplicates == ["Beta -> a"]
    assert [o["id"] for o in out.sections["organizations"]] == ["x"]


def test_epoch_country_splitting():
    assert split_countries("United States of America,United Kingdom of Great Britain and Northern Ireland") == [
        "United States of America",
        "United Kingdom of Great Britain and Northern Ireland",
    ]
    assert split_countries("Korea, Republic of") == ["Korea, Republic of"]


def test_epoch_bad_input(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Name,Organization\nfoo,bar\n", encoding="utf-8")
    with pytest.raises(DataError, match="missing columns 'Model', 'Model accessibility'") as err:
        read_epoch_csv(path)
    assert err.value.file == str(path) and err.value.line == 1
    path.write_bytes(b"Model,Organization,Model accessibility\nCaf\xe9,X,API access\n")
    with pytest.raises(DataError, match="not UTF-8") as err:
        read_epoch_csv(path)
    assert err.value.line == 2
    path.write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="empty"):
        read_epoch_csv(path)
    with pytest.raises(DataError, match="directory"):
        read_epoch_csv(tmp_path)
    with pytest.raises(DataError, match="no such file"):
        read_epoch_csv(tmp_path / "missing.csv")
    path.write_text('Model,Organization,Model accessibility\nok,X,API access\n"unterminated,X,API access\n', encoding="utf-8")
    with pytest.raises(DataError, match="malformed CSV") as err:
        read_epoch_csv(path)
    assert err.value.line == 3
