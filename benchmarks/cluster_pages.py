"""Lay out the pages of the held-out clusters (benchmarks/news-heldout/clusters/) for cluster_misses.py.

Those clusters are stories that several outlets covered, found among other projects' saved test pages
(newspaper's, htmldate's, trafilatura's evaluation pages), not in ../shared: written blind by people who read
only the pages, they measure how the cross-source rules fare on pages no rule was written from. Each cluster
file names, beside the usual `pages`/`shared`/`apart`, the `sources` of its pages: `owner/name@commit:path` in
a public git repository. The pages stay there; this script writes, for each cluster, the layout
`cluster_misses.py --clusters` reads: `<out>/<cluster>/cluster.yaml`, `ground-truth.json` (each page's key,
its canonical `url` and its `articleBody` as trafilatura extracts it) and `html/<key>.html.gz`. A page's key
is the SHA-1 of "owner+name/path"; its first 12 characters are the page id the cluster names.

    python benchmarks/cluster_pages.py --mirrors /work/.mirror /tmp/blind-pages   # owner+name/repo git dirs
    python benchmarks/cluster_pages.py --clone adbar/htmldate=/tmp/htmldate ... /tmp/blind-pages
    python benchmarks/cluster_misses.py --clusters /tmp/blind-pages

(`--mirrors`: the folder the tool library's `fetch` fills; `--clone owner/name=DIR`: a checkout of that
repository; a page is read at the commit its source names either way.)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import lxml.html
import trafilatura
import yaml

CLUSTERS = Path(__file__).resolve().parent / "news-heldout" / "clusters"


def page_key(repo: str, path: str) -> str:
    """The page's key: SHA-1 of "owner+name/path" (its first 12 hex characters are the page id)."""
    return hashlib.sha1(f"{repo.replace('/', '+')}/{path}".encode()).hexdigest()


def _git_dir(repo: str, mirrors: Path | None, clones: dict[str, Path]) -> Path:
    if repo in clones:
        return clones[repo]
    if mirrors is not None and (found := mirrors / repo.replace("/", "+") / "repo").is_dir():
        return found
    sys.exit(f"no copy of {repo}: give --mirrors DIR or --clone {repo}=DIR")


def _read(git_dir: Path, commit: str, path: str) -> bytes:
    return subprocess.run(["git", "-C", str(git_dir), "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout


def _canonical_url(raw: bytes) -> str:
    tree = lxml.html.fromstring(raw)
    for xpath in ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"):
        if found := tree.xpath(xpath):
            return str(found[0]).strip()
    return ""


def build(cluster_file: Path, out: Path, mirrors: Path | None, clones: dict[str, Path]) -> int:
    """One cluster's layout under `out`; returns how many pages it wrote."""
    cluster = yaml.safe_load(cluster_file.read_text(encoding="utf-8"))
    folder = out / cluster_file.stem
    (folder / "html").mkdir(parents=True, exist_ok=True)
    truth = {}
    for page_id, source in cluster["sources"].items():
        repo, rest = str(source).split("@", 1)
        commit, path = rest.split(":", 1)
        key = page_key(repo, path)
        if not key.startswith(str(page_id)):
            sys.exit(f"{cluster_file.name}: page {page_id} is not {source} (key {key[:12]})")
        raw = _read(_git_dir(repo, mirrors, clones), commit, path)
        (folder / "html" / f"{key}.html.gz").write_bytes(gzip.compress(raw))
        body = trafilatura.extract(raw.decode("utf-8", errors="replace")) or ""
        truth[key] = {"url": _canonical_url(raw), "articleBody": body, "source": str(source)}
    listing = json.dumps(truth, indent=1, ensure_ascii=False)
    (folder / "ground-truth.json").write_text(listing, encoding="utf-8")
    (folder / "cluster.yaml").write_text(cluster_file.read_text(encoding="utf-8"), encoding="utf-8")
    return len(truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write the clusters' pages into")
    parser.add_argument("--mirrors", type=Path, help="a folder of owner+name/repo git directories")
    parser.add_argument("--clone", action="append", default=[], metavar="OWNER/NAME=DIR",
                        help="a checkout of one repository the sources name (repeatable)")
    args = parser.parse_args()
    clones = dict((name, Path(folder)) for name, folder in (c.split("=", 1) for c in args.clone))
    for cluster_file in sorted(CLUSTERS.glob("*.yaml")):
        pages = build(cluster_file, args.out, args.mirrors, clones)
        print(f"{cluster_file.stem}: {pages} pages")


if __name__ == "__main__":
    main()
