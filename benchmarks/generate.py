"""Write a synthetic dataset in the real `data/` layout: N models over N/50 organisations, with
licences and events in proportion, shaped like the bundled records (openness, sources, notes).

    python benchmarks/generate.py 10000 /tmp/synth-10k

Deterministic: the same N gives the same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ACCESS = ["open-unrestricted", "open-restricted", "open-noncommercial", "api", "api", "hosted", "limited"]
COUNTRIES = ["US", "CN", "FR", "GB", "DE", "CA", "KR", "JP", "AE", "IL", "IN", "CH"]
MODALITIES = ['["text"]', '["text", "image"]', '["text", "code"]', '["text", "image", "audio"]']


def organisation(i: int) -> str:
    return (
        f'[[organizations]]\nid = "org-{i}"\nname = "Organisation {i}"\naliases = ["Org{i}"]\n'
        f'country = "{COUNTRIES[i % len(COUNTRIES)]}"\nkind = "company"\nfounded = "{2000 + i % 25}-0{1 + i % 9}"\n'
        f'website = "https://org-{i}.example"\n'
        f'sources = [{{ url = "https://org-{i}.example/about", kind = "developer" }}]\n\n'
    )


def model(i: int, org: int, rng: random.Random) -> str:
    access = ACCESS[i % len(ACCESS)]
    lines = [
        "[[models]]",
        f'id = "model-{i}"',
        f'name = "Model {i} {rng.choice(["Instruct", "Base", "Chat", "Pro", "Mini"])}"',
        f'aliases = ["org-{org}/model-{i}"]',
        f'organization = "org-{org}"',
        f'family = "family-{i // 20}"',
        f'release_date = "{2016 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}"',
        f'access = "{access}"',
    ]
    if access.startswith("open-"):
        lines += [f'weights_gated = {"true" if i % 3 else "false"}', f'license = "license-{i % 40}"']
    moe = i % 5 == 0
    params = round(0.5 + (i * 7919 % 7000) / 10, 1)
    lines += [f'architecture = "{"moe" if moe else "dense"}"', f"params_b = {params}"]
    if moe:
        lines.append(f"active_params_b = {round(params / 8, 1)}")
    lines += [
        f"context_length = {4096 * (1 + i % 32)}",
        'context_length_basis = "exact"',
        f"modalities = {MODALITIES[i % len(MODALITIES)]}",
        'output_modalities = ["text"]',
    ]
    if i % 4 == 1 and i > 10:
        lines += [f'base_model = "model-{i - 7}"', 'base_relation = "finetune"']
    lines += [
        f'sources = [{{ url = "https://huggingface.co/org-{org}/model-{i}", kind = "model-card" }}, "https://arxiv.org/abs/2401.{i:05d}"]',
        f'notes = "Synthetic record {i}: a note of ordinary length, like the bundled notes, about where each fact comes from."',
    ]
    if access.startswith("open-"):
        card = f"https://huggingface.co/org-{org}/model-{i}"
        lines += [
            "",
            "[models.openness]",
            f'weights = {{ grade = "open", evidence = "{card}" }}',
            f'license = {{ grade = "partial", evidence = "{card}", note = "Use restrictions." }}',
            f'training_data = {{ grade = "closed", evidence = "{card}" }}',
        ]
    return "\n".join(lines) + "\n\n"


def generate(n: int, out: Path) -> Path:
    rng = random.Random(n)
    (out / "models").mkdir(parents=True, exist_ok=True)
    orgs = max(1, n // 50)
    (out / "licenses.toml").write_text(
        "".join(
            f'[[licenses]]\nid = "license-{j}"\nname = "Licence {j}"\nosi_approved = {"true" if j % 2 else "false"}\n'
            f'commercial_use = "{["yes", "conditional", "no"][j % 3]}"\nsources = ["https://licenses.example/{j}"]\n\n'
            for j in range(40)
        ),
        encoding="utf-8",
    )
    per_org: dict[int, list[str]] = {o: [organisation(o)] for o in range(orgs)}
    for i in range(n):
        per_org[i % orgs].append(model(i, i % orgs, rng))
    for o, parts in per_org.items():
        (out / "models" / f"org-{o}.toml").write_text("".join(parts), encoding="utf-8")
    events = max(1, n // 10)
    (out / "events.toml").write_text(
        "".join(
            f'[[events]]\nid = "event-{k}"\ndate = "{2016 + k % 10}-{1 + k % 12:02d}"\nkind = "release"\n'
            f'title = "Event {k}"\norganizations = ["org-{k % orgs}"]\nmodels = ["model-{k % n}"]\n'
            f'sources = ["https://news.example/{k}"]\n\n'
            for k in range(events)
        ),
        encoding="utf-8",
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of models")
    parser.add_argument("out", type=Path, help="directory to write (created)")
    args = parser.parse_args()
    generate(args.n, args.out)
    print(f"wrote {args.n} models to {args.out}")


if __name__ == "__main__":
    main()
