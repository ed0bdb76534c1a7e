#!/usr/bin/env bash
# Regenerates docs/usage.md from real runs against the bundled data.
set -u
cd "$(dirname "$0")/.."
export NO_COLOR=1 COLUMNS=110
unset LANDSCAPE_DATA
L="${LANDSCAPE:-landscape}"
run() { echo '```console'; echo "\$ landscape $*"; eval "$L $*" 2>&1; echo '```'; echo; }
{
echo "# Using landscape"
echo
echo "Every example below is a real run against the bundled dataset (as of $($L info --json | python3 -c 'import json,sys;print(json.load(sys.stdin)["as_of"])')), pasted unedited at a width of 110 columns."
echo "Regenerate with \`bash docs/make_usage.sh\`."
echo
echo "## models: list, filter, sort"
echo; echo "Which open-weight MoE models above 100B came out in 2025?"; echo
run models --open-weights --arch moe --min-params 100 --since 2025 --until 2025 --columns id,organization,release_date,params_b,active_params_b,license
echo "Filters combine with AND; \`--org\` and \`--country\` repeat with OR. \`--sort\` takes any field; unknown values sort last in either direction."
echo
run models --org meta --family llama-2 --sort params_b --reverse
run models --country FR --open-weights --limit 5 --format markdown --columns id,name,release_date,license
run models --license-allows commercial --max-params 3 --since 2025-06 --json --columns id,params_b,license
echo "## show: one record, everything known"
echo
run show llama-2-70b
run show GROK-1 --json
run show llama-2-7
echo "## compare: side by side"
echo
run compare llama-2-70b mixtral-8x7b grok-1
echo "## timeline: releases and events by year"
echo
run timeline --since 2023-02 --until 2023-07 --kind leak --kind model --org meta
run timeline --kind regulation --since 2024 --format csv
echo "## orgs"
echo
run orgs --country CN --sort open_weights --reverse --limit 6
echo "## licenses"
echo
run licenses --sort models --reverse
echo "## info"
echo
run info
echo "## Your own data: validate, export, schema, import"
echo
echo "See [own-data.md](own-data.md) for worked examples."
echo
run validate data/models/meta.toml
run export --org mistral-ai --arch moe --models-only
echo "## Bad input"
echo
run models --since 20x3
run models --sort nosuchfield
run models --format yaml
} > docs/usage.md
