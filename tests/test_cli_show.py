import json


def test_show_model_lists_every_field_and_its_sources(run):
    out = run("show", "acme-2-70b").stdout
    assert "Acme-2 70B (acme-2-70b)" in out
    assert "Acme AI (acme, US)" in out
    assert "acme-2-70b <- acme-1-7b" in out
    assert "https://example.org/acme-2" in out


def test_show_matches_ids_case_insensitively_and_by_alias(run):
    assert run.json("show", "ACME-2-70B")["id"] == "acme-2-70b"
    assert run.json("show", "acme1-7b")["id"] == "acme-1-7b"


def test_show_unknown_id_suggests_the_closest_and_exits_1(run):
    result = run("show", "acme-2-7b", code=1)
    assert result.stderr.strip() == (
        "landscape: error: no model, organization, event, software or license with id or alias "
        "'acme-2-7b' (did you mean acme-2-70b, acme-1-7b?)"
    )
    assert result.stdout == ""


def test_show_json_has_record_fields_history_and_derivatives(run):
    data = run.json("show", "acme-1-7b")
    assert data["record_type"] == "model"
    assert data["open_weights"] is True
    assert data["derived_models"] == ["acme-2-70b"]
    assert [h["id"] for h in data["history"]] == ["acme-1-leak"]
    assert data["origins"][0].endswith("models.toml:1")


def test_show_tells_the_access_story(run):
    out = run("show", "dragon-r").stdout
    assert "History" in out and "2024-03-17" in out and "open-unrestricted" in out


def test_show_organisation_lists_its_models(run):
    data = run.json("show", "bleu")
    assert data["record_type"] == "organization"
    assert data["models"] == ["bleu-7b", "bleu-moe"]
    out = run("show", "bleu").stdout
    assert "Bleu MoE" in out and "Bleu Labs" in out


def test_show_event_and_software(run):
    assert run.json("show", "acme-1-leak")["kind"] == "leak"
    assert run.json("show", "torchlight")["record_type"] == "software"
    assert "Acme-1 weights leaked" in run("show", "acme-1-leak").stdout


def test_show_csv_is_one_row(run):
    lines = run("show", "bleu-7b", "--format", "csv").stdout.splitlines()
    assert lines[0].startswith("id,name,")
    assert lines[1].startswith("bleu-7b,Bleu 7B,")


def test_compare_marks_differing_fields(run):
    result = run("compare", "bleu-7b", "bleu-moe")
    lines = result.stdout.splitlines()
    arch = next(line for line in lines if line.startswith("Arch"))
    assert arch.split() == ["Arch", "*", "dense", "moe"]
    family = next(line for line in lines if line.startswith("Family"))
    assert "*" not in family
    assert "fields differ" in result.stderr


def test_compare_json(run):
    data = run.json("compare", "bleu-7b", "BLEU-MOE")
    assert [m["id"] for m in data["models"]] == ["bleu-7b", "bleu-moe"]
    assert "architecture" in data["differing_fields"]
    assert "family" not in data["differing_fields"]


def test_compare_diff_only_and_csv(run):
    out = run("compare", "bleu-7b", "bleu-moe", "--diff", "--format", "csv").stdout.splitlines()
    assert out[0] == "field,bleu-7b,bleu-moe,differs"
    assert "architecture,dense,moe,true" in out
    assert not any(line.startswith("family,") for line in out)


def test_compare_needs_two_ids_and_known_ones(run):
    assert "at least two" in run("compare", "bleu-7b", code=2).stderr
    assert "did you mean bleu-moe" in run("compare", "bleu-7b", "bleu-mo", code=1).stderr


def test_timeline_is_in_date_order_with_models_software_and_events(run):
    rows = run.json("timeline")
    assert [r["id"] for r in rows][:3] == ["acme-founded", "torchlight", "acme-chat"]
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates, key=lambda d: d + "-01-01"[len(d) - 4 :])
    assert set(rows[0]) == {"date", "kind", "id", "title", "organizations", "open_weights", "note"}


def test_timeline_filters(run):
    assert [r["id"] for r in run.json("timeline", "--kind", "leak", "--kind", "regulation")] == ["acme-1-leak", "ai-act"]
    assert [r["id"] for r in run.json("timeline", "--since", "2024", "--org", "dragon")] == ["dragon-r-opened", "dragon-r"]
    opened = [r["id"] for r in run.json("timeline", "--open-weights", "--since", "2024")]
    assert opened == ["dragon-r-opened", "dragon-r"]


def test_timeline_table_groups_by_year(run):
    out = run("timeline", "--until", "2016").stdout
    lines = out.splitlines()
    assert [line for line in lines if line in ("2015", "2016")] == ["2015", "2016"]
    dated = [line.split()[0] for line in lines if line[:4].isdigit() and len(line) > 4]
    assert dated == ["2015-12-11", "2016-09"]


def test_bad_timeline_kind(run):
    assert "--kind: 'lek' is not one of" in run("timeline", "--kind", "lek", code=2).stderr


def test_orgs_counts_open_and_closed(run):
    rows = {r["id"]: r for r in run.json("orgs")}
    assert rows["acme"]["models"] == 4 and rows["acme"]["open_weights"] == 2 and rows["acme"]["closed"] == 2
    assert rows["bleu"]["country"] == "FR"
    assert [r["id"] for r in run.json("orgs", "--sort", "open_weights", "--reverse")][0] in ("acme", "bleu")
    assert [r["id"] for r in run.json("orgs", "--country", "cn")] == ["dragon"]


def test_info_reports_as_of_and_counts(run):
    data = run.json("info")
    assert data["as_of"] == "2025-06-30"
    assert (data["models"], data["open_weights_models"], data["closed_models"]) == (7, 5, 2)
    assert data["events"] == 4


def test_version(run):
    assert run("--version", mini=False).stdout.startswith("landscape ")


def test_every_listing_takes_every_format(run):
    for command in (["models"], ["timeline"], ["orgs"]):
        for fmt in ("table", "json", "jsonl", "csv", "markdown"):
            result = run(*command, "--format", fmt)
            assert result.stdout.strip(), (command, fmt)
        assert json.loads(run(*command, "--json").stdout)


def test_show_licence_lists_its_terms_and_models(run):
    data = run.json("show", "APACHE-2.0")
    assert data["record_type"] == "license" and data["osi_approved"] is True
    assert data["models"] == ["bleu-7b", "bleu-moe", "dragon-r"]
    assert "Apache License 2.0" in run("show", "apache-2.0").stdout


def test_orgs_kind_and_search_filters(run):
    assert [r["id"] for r in run.json("orgs", "--kind", "lab")] == ["bleu"]
    assert [r["id"] for r in run.json("orgs", "--search", "DRAGON")] == ["dragon"]
    assert "--kind: 'labb' is not one of" in run("orgs", "--kind", "labb", code=2).stderr


def test_no_arguments_prints_help_and_no_error_line(run):
    result = run(mini=False, code=2)
    assert "Usage: landscape" in result.stdout
    assert "error" not in result.stderr


def test_show_names_the_original_a_verbatim_copy_reproduces(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")
    out = run("show", "gpt-2", mini=False).stdout
    row = next(line for line in out.splitlines() if "openai_monitor" in line)
    assert row.split()[-1] == "https://openai.com/index/gpt-2-1-5b-release/"
    assert "Copy of" in out
