"""The JSON keys scripts rely on (docs/json.md). Adding a key: update here and in the docs."""

MODEL_KEYS = {
    "id", "name", "aliases", "organization", "family", "release_date", "access", "weights_gated", "license",
    "architecture", "params_b", "active_params_b", "context_length", "native_context_length", "context_length_basis",
    "announced", "open_weights_since", "modalities", "output_modalities",
    "base_model", "base_relation", "teacher", "successor_of", "openness", "sources", "notes", "open_weights",
    "source_details",
}


def test_model_records(run):
    for row in run.json("models"):
        assert set(row) == MODEL_KEYS


def test_show_objects(run):
    assert set(run.json("show", "bleu-7b")) == MODEL_KEYS | {"record_type", "origins", "history", "derived_models", "scores"}
    org = run.json("show", "acme")
    assert set(org) == {"id", "name", "aliases", "country", "kind", "founded", "website", "parent", "domains", "sources", "notes", "source_details",
                        "record_type", "origins", "history", "models"}
    event = run.json("show", "acme-1-leak")
    assert set(event) == {"id", "date", "kind", "title", "organizations", "models", "software", "access", "sources",
                          "notes", "source_details", "record_type", "origins"}


def test_timeline_orgs_info_compare(run):
    assert {frozenset(r) for r in run.json("timeline")} == {frozenset({"date", "kind", "id", "title", "organizations", "open_weights", "note"})}
    assert {frozenset(r) for r in run.json("orgs")} == {frozenset({"id", "name", "country", "kind", "founded", "parent", "models", "open_weights", "closed"})}
    assert set(run.json("info")) == {"as_of", "models", "open_weights_models", "closed_models", "organizations", "events",
                                     "software", "licenses", "benchmarks", "scores", "completeness", "sources",
                                     "data_paths", "version"}
    assert set(run.json("compare", "bleu-7b", "bleu-moe")) == {"models", "differing_fields"}


def test_dates_are_iso_strings_at_their_precision_and_unknown_is_null(run):
    rows = {r["id"]: r for r in run.json("models")}
    assert rows["bleu-moe"]["release_date"] == "2023-12"
    assert rows["acme-vision"]["release_date"] == "2024"
    assert rows["acme-chat"]["params_b"] is None and rows["acme-chat"]["license"] is None
