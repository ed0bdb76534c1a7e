"""The bundled dataset, as a whole: loads cleanly, covers the seeds, every fact sourced."""

import re
from collections import Counter

import pytest

from openai_landscape.catalog import check
from openai_landscape.schema import date_bounds


@pytest.fixture(scope="module")
def loaded():
    return check()


@pytest.fixture(scope="module")
def catalog(loaded):
    return loaded[0]


def test_bundled_data_has_no_problems(loaded):
    _, problems = loaded
    assert [str(p) for p in problems] == []


def test_coverage_targets(catalog):
    assert len(catalog.models) >= 250
    assert len(catalog.organizations) >= 60
    assert len(catalog.events) >= 100
    countries = Counter(catalog.organizations[m["organization"]]["country"] for m in catalog.models.values())
    assert {"US", "CN", "FR", "AE"} <= set(countries)
    assert sum(m["open_weights"] for m in catalog.models.values()) >= 100


URL = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/\S*)?$")


def test_every_record_has_well_formed_source_urls(catalog):
    for section in ("models", "organizations", "events", "software", "licenses"):
        for rid, record in catalog.section(section).items():
            assert record["sources"], (section, rid)
            for url in record["sources"]:
                assert URL.match(url), (section, rid, url)


def test_no_date_after_the_as_of_date(catalog):
    as_of = date_bounds(catalog.as_of())[1]
    dated = [(m["id"], m["release_date"]) for m in catalog.models.values()] + [(e["id"], e["date"]) for e in catalog.events.values()]
    late = [(rid, d) for rid, d in dated if d and date_bounds(d)[0] > as_of]
    assert late == []


def test_each_openness_grade_has_evidence(catalog):
    for m in catalog.models.values():
        for name, ev in (m["openness"] or {}).items():
            assert ev is None or URL.match(ev["evidence"]), (m["id"], name)


def test_open_weights_models_have_licences_with_known_terms(catalog):
    for m in catalog.models.values():
        if m["open_weights"]:
            assert m["license"] in catalog.licenses, m["id"]
    osi = {lic["id"] for lic in catalog.licenses.values() if lic["osi_approved"]}
    assert {"apache-2.0", "mit"} <= osi
    assert not catalog.licenses["llama-2"]["osi_approved"]


SEED_MODELS = [
    "gpt-3", "gpt-4", "chatgpt", "claude-1", "gemini-1.0-ultra", "llama-7b", "llama-13b", "llama-33b",
    "llama-65b", "llama-2-7b", "llama-2-13b", "llama-2-70b", "mistral-7b", "mixtral-8x7b", "grok-1",
    "deepseek-r1", "gpt-oss-120b", "gpt-oss-20b",
]
SEED_ORGS = [
    "google", "google-deepmind", "openai", "microsoft", "anthropic", "meta", "mistral-ai", "hugging-face",
    "together-ai", "perplexity-ai", "amd", "intel", "nvidia", "qualcomm", "xai", "modular", "tesla",
    "deepseek", "minimax", "upenn", "european-union", "us-government", "osi", "world-economic-forum",
]
SEED_SOFTWARE = ["tensorflow", "pytorch", "hugging-face-transformers", "hugging-face-hub", "modular-max"]


def test_every_seed_entity_is_present(catalog):
    assert [m for m in SEED_MODELS if m not in catalog.models] == []
    assert [o for o in SEED_ORGS if o not in catalog.organizations] == []
    assert [s for s in SEED_SOFTWARE if s not in catalog.software] == []
    assert any(m["organization"] == "minimax" for m in catalog.models.values())


def test_seed_facts_from_primary_sources(catalog):
    sizes = {mid: catalog.models[mid]["params_b"] for mid in ("llama-2-7b", "llama-2-13b", "llama-2-70b", "grok-1")}
    assert sizes == {"llama-2-7b": 7, "llama-2-13b": 13, "llama-2-70b": 70, "grok-1": 314}
    assert catalog.models["llama-2-70b"]["release_date"] == "2023-07-18"
    assert catalog.models["llama-7b"]["access"] == "open-noncommercial"
    assert catalog.models["grok-1"]["license"] == "apache-2.0"
    assert catalog.models["mixtral-8x7b"]["architecture"] == "moe"


def test_access_story_events_exist(catalog):
    kinds = Counter(e["kind"] for e in catalog.events.values())
    assert kinds["leak"] >= 1 and kinds["regulation"] >= 5
    leak = [e for e in catalog.events.values() if e["kind"] == "leak" and "llama-7b" in e["models"]]
    assert leak, "the LLaMA leak must name the LLaMA models"
    opened = [e for e in catalog.events.values() if "grok-1" in e["models"] and e["access"] is not None]
    assert opened and opened[0]["access"] == "open-unrestricted"
