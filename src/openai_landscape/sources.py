"""What each source is: the kind a record states, or else the kind its address implies.

A source written as `{ url = "...", kind = "model-card" }` says what it is. A plain URL gets a
kind from the rules below (arXiv is a paper, Wikipedia an encyclopedia, the organisation's own
domains its developer pages); an address no rule knows stays `None` (unclassified), which
counts as secondary. The rules are a default, documented in docs/data.md; an explicit kind wins.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from typing import Any

PRIMARY_KINDS = frozenset({"developer", "model-card", "paper", "repository", "license-text", "regulator", "cloud-card"})

#: host suffix -> kind. Longest suffix wins; a path prefix may narrow a rule (host, path).
HOST_RULES: dict[str, str] = {
    "arxiv.org": "paper",
    "aclanthology.org": "paper",
    "openreview.net": "paper",
    "proceedings.neurips.cc": "paper",
    "papers.nips.cc": "paper",
    "proceedings.mlr.press": "paper",
    "jmlr.org": "paper",
    "nature.com": "paper",
    "science.org": "paper",
    "huggingface.co": "model-card",
    "github.com": "repository",
    "raw.githubusercontent.com": "repository",
    "gitlab.com": "repository",
    "modelscope.cn": "model-card",
    "wikipedia.org": "encyclopedia",
    "britannica.com": "encyclopedia",
    "eur-lex.europa.eu": "regulator",
    "europa.eu": "regulator",
    "gov.uk": "regulator",
    "legislation.gov.uk": "regulator",
    "federalregister.gov": "regulator",
    "whitehouse.gov": "regulator",
    "congress.gov": "regulator",
    "nist.gov": "regulator",
    "commerce.gov": "regulator",
    "bis.gov": "regulator",
    "cac.gov.cn": "regulator",
    "gov.cn": "regulator",
    "leginfo.legislature.ca.gov": "regulator",
    "oecd.org": "regulator",
    "opensource.org": "license-text",
    "apache.org": "license-text",
    "creativecommons.org": "license-text",
    "spdx.org": "license-text",
    "aws.amazon.com": "cloud-card",
    "docs.aws.amazon.com": "cloud-card",
    "cloud.google.com": "cloud-card",
    "learn.microsoft.com": "cloud-card",
    "azure.microsoft.com": "cloud-card",
    "ai.azure.com": "cloud-card",
    "techcrunch.com": "press",
    "theverge.com": "press",
    "reuters.com": "press",
    "bloomberg.com": "press",
    "cnbc.com": "press",
    "venturebeat.com": "press",
    "wired.com": "press",
    "nytimes.com": "press",
    "ft.com": "press",
    "arstechnica.com": "press",
    "theguardian.com": "press",
    "bbc.co.uk": "press",
    "bbc.com": "press",
    "axios.com": "press",
    "theinformation.com": "press",
    "scmp.com": "press",
    "zdnet.com": "press",
    "engadget.com": "press",
    "forbes.com": "press",
    "businessinsider.com": "press",
    "semafor.com": "press",
    "siliconangle.com": "press",
    "marktechpost.com": "press",
    "infoq.com": "press",
    "the-decoder.com": "press",
    "analyticsindiamag.com": "press",
    "pandaily.com": "press",
    "technode.com": "press",
    "cnn.com": "press",
    "apnews.com": "press",
    "wsj.com": "press",
    "lmarena.ai": "aggregator",
    "artificialanalysis.ai": "aggregator",
    "epoch.ai": "aggregator",
    "epochai.org": "aggregator",
    "models.dev": "aggregator",
    "openrouter.ai": "aggregator",
    "paperswithcode.com": "aggregator",
    "llm-stats.com": "aggregator",
    "lifearchitect.ai": "aggregator",
}
#: Hugging Face pages that are not a developer's model card (nor is a repository's discussion thread).
HF_SECONDARY_PREFIXES = ("/blog/", "/spaces/", "/datasets/", "/docs/", "/learn/")


_AUTHORITY = re.compile(r"://([^/?#]*)")


def host_of(url: str) -> str:
    """The lowercased host of an http(s) URL, without `www.`, user info or port."""
    m = _AUTHORITY.search(url)
    if not m:
        return ""
    host = m.group(1).rpartition("@")[2].split(":", 1)[0]
    return host.casefold().removeprefix("www.")


def _suffix_match(host: str, suffixes: Collection[str]) -> str | None:
    """The longest of `suffixes` that is `host` or a parent domain of it."""
    labels = host.split(".")
    for i in range(len(labels) - 1):
        candidate = ".".join(labels[i:])
        if candidate in suffixes:
            return candidate
    return None


@lru_cache(maxsize=4096)
def _host_kind(host: str) -> str | None:
    match = _suffix_match(host, HOST_RULES)
    return HOST_RULES[match] if match else None


def infer_kind(url: str, own_domains: Collection[str] = ()) -> str | None:
    """The kind a plain URL implies, or None when no rule knows the address."""
    host = host_of(url)
    path = url.split(host, 1)[-1] if host.endswith("huggingface.co") else ""
    hf_secondary = path.startswith(HF_SECONDARY_PREFIXES) or "/discussions" in path
    return _kind(host, path.startswith("/papers/"), hf_secondary, frozenset(own_domains))


@lru_cache(maxsize=65536)
def _kind(host: str, hf_paper: bool, hf_secondary: bool, own_domains: frozenset[str]) -> str | None:
    """Cached per host (a cold load of 10,000 models asks for every URL's kind)."""
    if own_domains and _suffix_match(host, own_domains):
        return "developer"
    kind = _host_kind(host)
    if kind == "model-card" and host.endswith("huggingface.co"):
        if hf_paper:
            return "paper"
        if hf_secondary:
            return "other"
    return kind


def org_domains(org: Any) -> list[str]:
    """An organisation's own domains: its `domains` plus its website's host (less `www.`)."""
    if org is None:
        return []
    domains = list(org.get("domains") or []) if isinstance(org, dict) else list(org.domains)
    website = org.get("website") if isinstance(org, dict) else org.website
    if website:
        host = host_of(website)
        parts = host.split(".")
        domains.append(host)
        if len(parts) > 2 and parts[-2] not in ("co", "com", "org", "ac", "gov"):
            domains.append(".".join(parts[-2:]))
    return domains


def has_primary(record: Mapping[str, Any]) -> bool:
    """Whether any of a plain record's described sources (`source_details`) is primary."""
    return any(d["primary"] for d in record.get("source_details", ()))


def describe(sources: Iterable[Any], own_domains: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Each source as {url, kind, primary, stated}: `stated` is false when the kind was inferred."""
    own = frozenset(own_domains)  # a frozenset passes through unchanged
    out = []
    for s in sources:
        if isinstance(s, str):
            url, kind, stated = s, infer_kind(s, own), False
        elif isinstance(s, dict):
            url, kind, stated = s["url"], s["kind"], True
        else:
            url, kind, stated = s.url, s.kind.value, True
        out.append({"url": url, "kind": kind, "primary": kind in PRIMARY_KINDS, "stated": stated})
    return out
