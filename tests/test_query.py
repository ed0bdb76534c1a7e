"""`query` as a library: plain functions over a catalog, no terminal, no CLI."""

import pytest

from openai_landscape import query
from openai_landscape.catalog import load
from openai_landscape.errors import NotFoundError, UsageError

from .conftest import MINI


@pytest.fixture(scope="module")
def catalog():
    return load([MINI], bundled=False, use_cache=False)


def ids(catalog, q):
    return [catalog.models.ids[i] for i in query.select_models(catalog, q)]


def test_select_models_returns_positions_in_release_order(catalog):
    assert ids(catalog, query.ModelQuery()) == ["acme-chat", "acme-1-7b", "acme-2-70b", "bleu-7b", "bleu-moe", "acme-vision", "dragon-r"]


def test_filters_combine(catalog):
    q = query.ModelQuery(open_weights=True, arch="moe", min_params="100b")
    assert ids(catalog, q) == ["dragon-r"]
    assert ids(catalog, query.ModelQuery(access=("api", "hosted"), sort="id")) == ["acme-chat", "acme-vision"]
    assert ids(catalog, query.ModelQuery(min_context="8k")) == ["bleu-7b", "bleu-moe", "dragon-r"]
    assert ids(catalog, query.ModelQuery(base_model="acme-1-7b")) == ["acme-2-70b"]


def test_search_matches_all_words_in_any_order_across_separators(catalog):
    assert ids(catalog, query.ModelQuery(search="7b bleu")) == ["bleu-7b", "bleu-moe"]  # "8x7B" contains 7b
    assert ids(catalog, query.ModelQuery(search="moe bleu")) == ["bleu-moe"]
    assert ids(catalog, query.ModelQuery(search="acme 2")) == ["acme-2-70b"]
    assert query.search_suggestions(catalog, "dragn") == ["dragon-r"]


def test_bad_values_name_the_query_field_not_a_flag(catalog):
    with pytest.raises(UsageError) as info:
        query.select_models(catalog, query.ModelQuery(since="20x3"))
    assert info.value.field == "since"
    with pytest.raises(UsageError) as info:
        query.select_models(catalog, query.ModelQuery(limit=-1))
    assert info.value.field == "limit"
    with pytest.raises(NotFoundError):
        query.select_models(catalog, query.ModelQuery(orgs=("nobody",)))


def test_sort_puts_unknown_last_either_way(catalog):
    forward = ids(catalog, query.ModelQuery(sort="params_b"))
    backward = ids(catalog, query.ModelQuery(sort="params_b", reverse=True))
    assert forward[-2:] == backward[-2:] == ["acme-chat", "acme-vision"]


def test_family_and_prefix_lookups(catalog):
    assert [catalog.models.ids[i] for i in query.matching_ids(catalog, "acme")] == ["acme-chat", "acme-1-7b", "acme-2-70b", "acme-vision"]
    assert [catalog.models.ids[i] for i in query.matching_ids(catalog, "bleu")] == ["bleu-7b", "bleu-moe"]


def test_timeline_marks_access_as_it_was_on_each_date(catalog):
    entries = {(e.id, e.kind): e for e in query.timeline(catalog)}
    assert entries[("dragon-r-opened", "access-change")].open_weights is True
    assert all(e.date >= "2024" for e in query.timeline(catalog, since="2024"))


def test_organisations_count_their_models(catalog):
    rows = {r["id"]: r for r in query.organizations(catalog)}
    assert (rows["acme"]["models"], rows["acme"]["open_weights"], rows["acme"]["closed"]) == (4, 2, 2)


def test_licences_count_their_models(catalog):
    rows = {r["id"]: r["models"] for r in query.licenses(catalog)}
    assert rows["apache-2.0"] == 3


def test_vocabularies_kept_outside_the_schema_match_it():
    """`query` keeps the enums' values as plain tuples so filtering never imports Pydantic."""
    from openai_landscape import schema

    assert query.ACCESS_LEVELS == tuple(a.value for a in schema.Access)
    assert query.ARCHITECTURES == tuple(a.value for a in schema.Architecture)
    assert query.MODALITIES == tuple(m.value for m in schema.Modality)
    assert query.ORG_KINDS == tuple(k.value for k in schema.OrgKind)
    assert query.EVENT_KINDS == tuple(k.value for k in schema.EventKind)
    assert set(query.MODEL_FIELDS) == (set(schema.Model.model_fields) - {"openness", "sources"}) | {"open_weights"}


def test_source_kinds_match_the_schema():
    from openai_landscape import schema, sources

    kinds = {k.value for k in schema.SourceKind}
    assert sources.PRIMARY_KINDS < kinds and set(sources.HOST_RULES.values()) <= kinds


def test_a_hugging_face_discussion_or_space_is_not_a_model_card():
    from openai_landscape.sources import infer_kind

    assert infer_kind("https://huggingface.co/mistralai/Codestral-22B-v0.1") == "model-card"
    assert infer_kind("https://huggingface.co/mistralai/Codestral-22B-v0.1/discussions/8") == "other"
    assert infer_kind("https://huggingface.co/spaces/tiiuae/falcon-180b-license/blob/main/index.html") == "other"
    assert infer_kind("https://huggingface.co/papers/2401.04088") == "paper"
