"""Build a page set in the article-html layout from Mozilla Readability's test pages (or newspaper's, or
trafilatura's), so that the shared scorer (`../shared/tools/news_score.py --pages DIR`) reads it like
`../shared/data/article-html`.

Readability's `test/test-pages/<name>/` holds real pages saved from news sites (`source.html`) with the
article as Readability extracts it (`expected.html`). They are pages no rule of ours was written against: gold
timelines for the news reports among them (`news-heldout/set14.csv`) were written from the article text
before any extractor run on them. The pages stay in the Readability checkout; this script writes the layout
the scorer wants into a folder of your choice:

    git clone https://github.com/mozilla/readability /tmp/readability
    python benchmarks/readability_pages.py /tmp/readability /tmp/readability-pages
    python3 ../shared/tools/news_score.py --gold benchmarks/news-heldout/set14.csv \
        --pages /tmp/readability-pages
    python benchmarks/readability_pages.py --newspaper /tmp/newspaper /tmp/newspaper-pages         # set15
    python benchmarks/readability_pages.py --trafilatura /tmp/trafilatura /tmp/trafilatura-pages   # set16
    python benchmarks/readability_pages.py --trafilatura --set17 /tmp/trafilatura /tmp/more-pages  # set17
    python benchmarks/readability_pages.py --goose3 /tmp/goose3 /tmp/goose3-pages                   # set18
    python benchmarks/readability_pages.py --postlight /tmp/parser /tmp/postlight-pages             # set19
    python benchmarks/readability_pages.py --newspaper4k /tmp/newspaper4k /tmp/newspaper4k-pages    # set20
    python benchmarks/readability_pages.py --postlight --set21 /tmp/parser /tmp/postlight-more      # set21
    python benchmarks/readability_pages.py --htmldate /tmp/htmldate /tmp/htmldate-pages              # set22
    python benchmarks/readability_pages.py --htmldate --set23 /tmp/htmldate /tmp/htmldate-more       # set23
    python benchmarks/readability_pages.py --fundus /tmp/fundus /tmp/fundus-pages                    # set24
    python benchmarks/readability_pages.py --fundus --set25 /tmp/fundus /tmp/fundus-more             # set25
    python benchmarks/readability_pages.py --fundus --set26 /tmp/fundus /tmp/fundus-deleted          # set26
    python benchmarks/readability_pages.py --irdata /tmp/ir-research-data /tmp/irdata-pages          # set28
    python benchmarks/readability_pages.py --irdata --big5 13 /tmp/ir-research-data /tmp/big5-13    # set29
    python benchmarks/readability_pages.py --irdata --big5 09 /tmp/ir-research-data /tmp/big5-09    # set30
    python benchmarks/readability_pages.py --irdata --big5 17 /tmp/ir-research-data /tmp/big5-17    # set31
    python benchmarks/readability_pages.py --irdata --big5 05 /tmp/ir-research-data /tmp/big5-05    # set32
    python benchmarks/readability_pages.py --irdata --set33 /tmp/ir-research-data /tmp/irdata-more   # set33
    python benchmarks/readability_pages.py --irdata --set34 /tmp/ir-research-data /tmp/big5-more    # set34
    python benchmarks/readability_pages.py --irdata --set35 /tmp/ir-research-data /tmp/big5-set35   # set35
    python benchmarks/readability_pages.py --irdata --set36 /tmp/ir-research-data /tmp/big5-set36   # set36
    python benchmarks/readability_pages.py --irdata --set37 /tmp/ir-research-data /tmp/big5-set37   # set37
    python benchmarks/readability_pages.py --irdata --set38 /tmp/ir-research-data /tmp/irdata-set38  # set38
    python benchmarks/readability_pages.py --irdata --set39 /tmp/ir-research-data /tmp/irdata-set39  # set39
    python benchmarks/readability_pages.py --irdata --set40 /tmp/ir-research-data /tmp/irdata-set40  # set40
    python benchmarks/readability_pages.py --irdata --set41 /tmp/ir-research-data /tmp/irdata-set41  # set41
    python benchmarks/readability_pages.py --irdata --set42 /tmp/ir-research-data /tmp/irdata-set42  # set42
    python benchmarks/readability_pages.py --irdata --set43 /tmp/ir-research-data /tmp/irdata-set43  # set43
    python benchmarks/readability_pages.py --irdata --set44 /tmp/ir-research-data /tmp/irdata-set44  # set44
    python benchmarks/readability_pages.py --irdata --set45 /tmp/ir-research-data /tmp/irdata-set45  # set45
    python benchmarks/readability_pages.py --irdata --set46 /tmp/ir-research-data /tmp/irdata-set46  # set46
    python benchmarks/readability_pages.py --irdata --set47 /tmp/ir-research-data /tmp/irdata-set47  # set47
    python benchmarks/readability_pages.py --irdata --set48 /tmp/ir-research-data /tmp/irdata-set48  # set48
    python benchmarks/readability_pages.py --irdata --set49 /tmp/ir-research-data /tmp/irdata-set49  # set49
    python benchmarks/readability_pages.py --trafilatura --set50 /tmp/trafilatura /tmp/traf-set50  # set50
    python benchmarks/readability_pages.py --irdata --set51 /tmp/ir-research-data /tmp/irdata-set51  # set51
    python benchmarks/readability_pages.py --l3s 52 /tmp/page-signal /tmp/l3s-set52                   # set52
    python benchmarks/readability_pages.py --l3s 53 /tmp/page-signal /tmp/l3s-set53                   # set53
    python benchmarks/readability_pages.py --l3s 56 /tmp/page-signal /tmp/l3s-set56                 # set56-63

Which pages each set takes is data, in `held_out_pages.py` beside this script.

`ground-truth.json` maps each page's key (the SHA-1 of "readability/<name>"; its first 12 characters are the
page id the gold names) to its `articleBody` (the paragraphs of expected.html, one blank line between them)
and `url` (the page's canonical address, where it states one).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import lxml.html

# the page lists of each set: a data module beside this script
sys.path.insert(0, str(Path(__file__).resolve().parent))
import held_out_pages as held_out  # noqa: E402

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "figcaption")
_SPACE_RE = re.compile(r"\s+")
_META_VALUE_RE = re.compile(r"(<meta\b[^>]*?\s)value=", re.IGNORECASE)


def page_key(name: str, source: str = "readability") -> str:
    """The page's key: stable, and its first 12 hex characters name it in a gold file."""
    return hashlib.sha1(f"{source}/{name}".encode()).hexdigest()


def article_body(expected_html: str) -> str:
    """The text of Readability's extracted article: one paragraph per block element, innermost blocks only."""
    root = lxml.html.fromstring(expected_html)
    paragraphs = []
    for el in root.iter(*_BLOCKS):
        if any(child.tag in _BLOCKS for child in el.iterdescendants()):
            continue  # "<li><p>..</p></li>": the inner block holds the text
        text = _SPACE_RE.sub(" ", el.text_content()).strip()
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def canonical_url(source_html: str) -> str:
    """The address the page gives itself (`<link rel=canonical>` or `og:url`), else an empty string."""
    # bytes, because lxml refuses a str that keeps its XML encoding declaration
    root = lxml.html.fromstring(source_html.encode("utf-8"))
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = root.xpath(xpath)
        if found and str(found[0]).startswith("http"):
            return str(found[0])
    return ""


def build(readability: Path, out: Path) -> int:
    """Write ground-truth.json and html/<key>.html.gz for the news pages; return how many were written."""
    pages_dir = readability / "test" / "test-pages"
    pages = {
        page_key(name): (
            name,
            (pages_dir / name / "source.html").read_text(encoding="utf-8"),
            article_body((pages_dir / name / "expected.html").read_text(encoding="utf-8")),
        )
        for name in held_out.NEWS_PAGES
    }
    return _write(pages, out)


def build_newspaper(newspaper: Path, out: Path) -> int:
    """The same layout from newspaper's `tests/data/html/<name>.html` and its expected `text/<name>.txt`."""
    data = newspaper / "tests" / "data"
    pages = {
        page_key(name, "newspaper"): (
            name,
            (data / "html" / f"{name}.html").read_text(encoding="utf-8", errors="replace"),
            (data / "text" / f"{name}.txt").read_text(encoding="utf-8", errors="replace").strip(),
        )
        for name in held_out.NEWSPAPER_PAGES
    }
    return _write(pages, out)


def build_trafilatura(trafilatura_checkout: Path, out: Path,
                      names: tuple[str, ...] = held_out.TRAFILATURA_PAGES,
                      source_name: str = "trafilatura") -> int:
    """The same layout from trafilatura's `tests/eval/<name>.html` or, failing that, `tests/cache/<name>.html`
    (or htmldate's, which keeps its evaluation pages the same way), the body trafilatura's extraction."""
    pages = {}
    for name in names:
        tests = trafilatura_checkout / "tests"
        path = tests / "eval" / f"{name}.html"
        source = (path if path.is_file() else tests / "cache" / f"{name}.html").read_text(encoding="utf-8",
                                                                                          errors="replace")
        pages[page_key(name, source_name)] = (name, source, _trafilatura_body(source))
    return _write(pages, out)


def build_goose3(goose3_checkout: Path, out: Path) -> int:
    """The same layout from goose3's `tests/data/content/test_<name>.html`, the body trafilatura's extraction
    and the URL the test's JSON names when the page states none."""
    pages = {}
    content = goose3_checkout / "tests" / "data" / "content"
    for name in held_out.GOOSE3_PAGES:
        source = (content / f"test_{name}.html").read_text(encoding="utf-8", errors="replace")
        body = _trafilatura_body(source)
        pages[page_key(name, "goose3")] = (name, _with_address(source, content / f"test_{name}.json"), body)
    return _write(pages, out)


def build_saved(checkout: Path, out: Path, source: str) -> int:
    """The same layout from Postlight Parser's fixtures or newspaper4k's test pages, the body trafilatura's
    extraction."""
    pages = {}
    if source == "postlight-more":
        saved = [(path.removesuffix(".html"), _saved_at(checkout, f"fixtures/{path}", rev))
                 for path, rev in held_out.POSTLIGHT_MORE_PAGES]
    elif source == "postlight":
        saved = [(name, checkout / "fixtures" / f"{name}.html") for name in held_out.POSTLIGHT_PAGES]
    else:
        saved = [(name, checkout / "tests" / "data" / "html" / f"{name}.html")
                 for name in held_out.NEWSPAPER4K_PAGES]
    for name, page in saved:
        html = page if isinstance(page, str) else page.read_text(encoding="utf-8", errors="replace")
        if source.startswith("postlight"):  # saved with every <meta content=> renamed value=
            html = _META_VALUE_RE.sub(r"\1content=", html)
        body = _trafilatura_body(html)
        html = _with_address(html, checkout / "tests" / "data" / "metadata" / f"{name}.json")
        pages[page_key(name, source.removesuffix("-more"))] = (name, html, body)
    return _write(pages, out)


def build_irdata(checkout: Path, out: Path, folder: str = "chaos-all") -> int:
    """The same layout from ir-research-data's `Extraction/<folder>/html/<name>`, the body trafilatura's
    extraction (page key of "irdata/<name>", or of "irdata/big5-13/<name>" for the big sites' pages, which
    are archive.org copies: served as the site served them, `unarchived`); the folder "chaos-all-more" is
    chaos-all's pages of set33, "big5-set34" to "big5-set37" the big sites' pages of set34 to set37."""
    pages = {}
    big5 = {"big5-13": held_out.BIG5_13_PAGES, "big5-09": held_out.BIG5_09_PAGES,
            "big5-17": held_out.BIG5_17_PAGES,
            "big5-05": held_out.BIG5_05_PAGES}
    if folder.startswith("chaos-all"):
        more = folder.endswith("-more")
        names, prefix = (held_out.IRDATA_MORE_PAGES if more else held_out.IRDATA_PAGES), ""
        folder = "chaos-all"
    elif folder.startswith("big5-set"):
        for path in held_out.BIG5_LATER_SETS[int(folder.removeprefix("big5-set"))]:
            sub, name = path.split("/")
            # (the web search results are no archive copies, and their keys name no folder: set28's)
            pages.update(_irdata_page(checkout, sub, name, "" if sub == "chaos-all" else None))
        return _write(pages, out)
    else:
        names, prefix = big5[folder], f"{folder}/"
    for name in names:
        pages.update(_irdata_page(checkout, folder, name, prefix))
    return _write(pages, out)


def _irdata_page(checkout: Path, folder: str, name: str, prefix: str | None = None
                 ) -> dict[str, tuple[str, str, str]]:
    """One ir-research-data page in the layout's terms; the big sites' archive.org copies `unarchived`."""
    prefix = f"{folder}/" if prefix is None else prefix
    page = checkout / "Extraction" / folder / "html" / name
    html = page.read_text(encoding="utf-8", errors="replace")
    if prefix:
        html = unarchived(html)
    return {page_key(prefix + name, "irdata"): (name, html, _trafilatura_body(html))}


# The Wayback Machine's additions to a page it serves: its toolbar, its scripts, and every address rewritten
# to one of its own ("/web/20090322131029cs_/http://www.nypost.com:80/css/..."), whose stamps a date finder
# reads as the page's (a page of 12 March dated the 22nd, the day it was archived).
_TOOLBAR_RE = re.compile(
    r"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->", re.S | re.I)
_REWRITE_JS_RE = re.compile(r"<script[^>]*(?:archive\.org|/static/js/)[^>]*>.*?</script>|"
                            r"<!--\s*End Wayback Rewrite JS Include\s*-->", re.S | re.I)
_ARCHIVED_URL_RE = re.compile(r"(?:https?://web(?:-beta)?\.archive\.org)?/web/\d{14}(?:[a-z]{2}_)?/(https?://)")
_TOOLBAR_URL_RE = re.compile(r'id="wmtbURL"\s+value="(https?://[^"]+)"')
_DEFAULT_PORT_RE = re.compile(r"(https?://[^/\s\"':]+):80(?=[/\"'\s])")


def unarchived(html: str) -> str:
    """An archive.org copy as the site served it: the toolbar and the archive's scripts taken out, every
    address the archive rewrote given back, and the page's own address (the toolbar's) as its canonical link
    where it gives none, as a monitor fetching the page knows it."""
    address = _TOOLBAR_URL_RE.search(html)
    html = _REWRITE_JS_RE.sub("", _TOOLBAR_RE.sub("", html))
    html = _DEFAULT_PORT_RE.sub(r"\1", _ARCHIVED_URL_RE.sub(r"\1", html))
    if address and not re.search(r'rel="canonical"|property="og:url"', html):
        own = _DEFAULT_PORT_RE.sub(r"\1", address.group(1) + " ").strip()
        link = f'<link rel="canonical" href="{own}">'
        html = re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + link, html, count=1, flags=re.I)
    return html


def build_fundus(
    checkout: Path, out: Path, names: tuple[str, ...], deleted_in: dict[str, str] | None = None
) -> int:
    """The same layout from Fundus's `<country>/<Publisher>_<date>.html.gz`, the body the paragraphs its test
    expects of that page and the address its `meta.info` records; a page of `deleted_in` (name -> the commit
    that removed it) as the commit before that one held it, with its test's expectations of then."""
    pages = {}
    for name in names:
        country, saved = name.split("/")
        publisher = saved.rsplit("_", 3)[0]
        rev = f"{deleted_in[name]}^" if deleted_in else ""
        folder = f"tests/resources/parser/test_data/{country}"
        raw = gzip.decompress(_fundus_file(checkout, f"{folder}/{saved}.html.gz", rev))
        html = raw.decode("utf-8", "replace")
        # One parser version a saved page, in the order of the pages' dates ("V1", "V1_1", "V2").
        versions = json.loads(_fundus_file(checkout, f"{folder}/{publisher}.json", rev))
        listing = _fundus_listing(checkout, folder, rev)
        saved_pages = sorted(p for p in listing if p.startswith(f"{publisher}_"))
        expected = versions[sorted(versions)[saved_pages.index(f"{saved}.html.gz")]]
        paragraphs = list(expected["body"].get("summary", []))
        for section in expected["body"]["sections"]:
            paragraphs += section.get("headline", []) + section["paragraphs"]
        url = json.loads(_fundus_file(checkout, f"{folder}/meta.info", rev))[f"{saved}.html.gz"]["url"]
        if not canonical_url(html):
            html = html.replace("<head>", f'<head><link rel="canonical" href="{url}">', 1)
        pages[page_key(name, "fundus")] = (name, html, "\n\n".join(paragraphs))
    return _write(pages, out)


def _fundus_listing(checkout: Path, folder: str, rev: str) -> list[str]:
    """The saved pages' file names in a folder of the checkout, or of that commit."""
    if not rev:
        return [path.name for path in (checkout / folder).glob("*.html.gz")]
    listed = subprocess.run(["git", "-C", str(checkout), "ls-tree", "--name-only", rev, f"{folder}/"],
                            capture_output=True, check=True, text=True).stdout.split()
    return [path.rsplit("/", 1)[1] for path in listed if path.endswith(".html.gz")]


def _fundus_file(checkout: Path, path: str, rev: str) -> bytes:
    """A file of the checkout as it is, or (`rev` given) as that commit held it."""
    if not rev:
        return (checkout / path).read_bytes()
    return subprocess.run(["git", "-C", str(checkout), "show", f"{rev}:{path}"], capture_output=True,
                          check=True).stdout


def _trafilatura_body(html: str) -> str:
    """The body of a saved page with no full expected text: trafilatura's extraction, a blank line between
    paragraphs."""
    import trafilatura  # noqa: PLC0415 (only the layouts of saved pages without a full text need it)

    body = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    return body.replace("\n", "\n\n")


L3S_FOLDER = Path("L3S-GN1-20100130203947-00001")
_HEAD_RE = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def build_l3s(checkout: Path, out: Path, number: int) -> int:
    """The same layout from the L3S-GN1 news collection (a checkout of github.com/geodrome/page-signal): the
    pages of set `number` (held_out_pages.L3S_SETS), each with the address the collection's url-mapping.txt
    gives it, the body trafilatura's extraction."""
    folder = checkout / L3S_FOLDER
    urls = dict(line.split("\t", 1) for line in
                (folder / "url-mapping.txt").read_text(encoding="utf-8").splitlines() if "\t" in line)
    pages = {}
    for prefix in held_out.L3S_SETS[number]:
        path = next((folder / "original").glob(f"{prefix}-*.html"))
        raw = path.read_bytes()
        try:  # (the pages were saved as fetched: most in UTF-8, whatever their markup declares)
            html = raw.decode("utf-8")
        except UnicodeDecodeError:
            html = raw.decode("cp1252", errors="replace")
        url = urls.get(f"<urn:uuid:{path.stem}>", "").strip()
        if url and not canonical_url(html):
            head = _HEAD_RE.search(html)
            if head is not None:
                html = f'{html[: head.end()]}<link rel="canonical" href="{url}">{html[head.end():]}'
        pages[page_key(path.stem, "l3s")] = (path.stem, html, _trafilatura_body(html))
    return _write(pages, out)


def _with_address(html: str, test_json: Path) -> str:
    """The page with the address its test gives (`{"url": ...}`) as canonical link, when it states none."""
    if canonical_url(html) or not test_json.exists():
        return html
    url = json.loads(test_json.read_text(encoding="utf-8")).get("url", "")
    return html.replace("<head>", f'<head><link rel="canonical" href="{url}">', 1)


def _saved_at(checkout: Path, path: str, rev: str) -> str | Path:
    """A fixture as the checkout holds it, or (`rev` given) as that commit of its history did."""
    if not rev:
        return checkout / path
    shown = subprocess.run(["git", "-C", str(checkout), "show", f"{rev}:{path}"], capture_output=True,
                           check=True)
    return shown.stdout.decode("utf-8", errors="replace")


def _write(pages: dict[str, tuple[str, str, str]], out: Path) -> int:
    (out / "html").mkdir(parents=True, exist_ok=True)
    truth = {}
    for key, (name, source, body) in pages.items():
        truth[key] = {"name": name, "url": canonical_url(source), "articleBody": body}
        (out / "html" / f"{key}.html.gz").write_bytes(gzip.compress(source.encode("utf-8")))
    (out / "ground-truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8")
    return len(truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkout", type=Path, help="a checkout of github.com/mozilla/readability (or, with"
                        " --newspaper, of github.com/codelucas/newspaper; with --trafilatura, of"
                        " github.com/adbar/trafilatura)")
    parser.add_argument("out", type=Path, help="the folder to write the page set into")
    parser.add_argument("--newspaper", action="store_true", help="read newspaper's test pages (set15)")
    parser.add_argument("--trafilatura", action="store_true",
                        help="read trafilatura's evaluation pages (set16)")
    parser.add_argument("--set17", action="store_true",
                        help="with --trafilatura, read the second batch of its pages (set17)")
    parser.add_argument("--set50", action="store_true",
                        help="with --trafilatura, read the last of its news reports, some in its test cache"
                        " (set50)")
    parser.add_argument("--goose3", action="store_true", help="read goose3's test pages (set18)")
    parser.add_argument("--postlight", action="store_true",
                        help="read Postlight Parser's fixtures (set19; github.com/postlight/parser)")
    parser.add_argument("--set21", action="store_true",
                        help="with --postlight, read the fixtures its history holds (set21; a git clone)")
    parser.add_argument("--newspaper4k", action="store_true",
                        help="read newspaper4k's test pages (set20; github.com/AndyTheFactory/newspaper4k)")
    parser.add_argument("--htmldate", action="store_true",
                        help="read htmldate's evaluation pages (set22; github.com/adbar/htmldate)")
    parser.add_argument("--set23", action="store_true",
                        help="with --htmldate, read the other half of its news reports (set23)")
    parser.add_argument("--fundus", action="store_true",
                        help="read Fundus's parser test pages (set24; github.com/flairNLP/fundus)")
    parser.add_argument("--set25", action="store_true",
                        help="with --fundus, read the other half of its news reports (set25)")
    parser.add_argument("--set26", action="store_true",
                        help="with --fundus, read the news reports its history deleted (set26; a clone)")
    parser.add_argument("--irdata", action="store_true",
                        help="read news reports of ir-research-data's web search results (set28;"
                        " github.com/MSVCode/ir-research-data)")
    parser.add_argument("--set33", action="store_true",
                        help="with --irdata, 28 more of its web search results' news reports (set33)")
    for number in held_out.BIG5_LATER_SETS:
        parser.add_argument(f"--set{number}", action="store_true",
                            help=f"with --irdata, set{number}'s news reports of its folders, one to a story"
                            " (news-heldout/README.md)")
    parser.add_argument("--l3s", type=int, choices=sorted(held_out.L3S_SETS),
                        help="read that set's pages of the L3S-GN1 news collection (a checkout of"
                        " github.com/geodrome/page-signal)")
    parser.add_argument("--big5", choices=["13", "09", "17", "05"],
                        help="with --irdata, its big sites' news reports of 2013 (set29), 2009 (set30),"
                        " 2017 (set31) or 2005 (set32)")
    args = parser.parse_args()
    if args.l3s:
        n = build_l3s(args.checkout, args.out, args.l3s)
    elif args.irdata:
        later = next((n for n in held_out.BIG5_LATER_SETS if getattr(args, f"set{n}")), None)
        folder = (f"big5-{args.big5}" if args.big5 else f"big5-set{later}" if later
                  else "chaos-all-more" if args.set33 else "chaos-all")
        n = build_irdata(args.checkout, args.out, folder)
    elif args.fundus and args.set26:
        deleted = held_out.FUNDUS_DELETED_PAGES
        n = build_fundus(args.checkout, args.out, tuple(deleted), deleted)
    elif args.fundus:
        fundus = held_out.FUNDUS_MORE_PAGES if args.set25 else held_out.FUNDUS_PAGES
        n = build_fundus(args.checkout, args.out, fundus)
    elif args.htmldate:
        names = held_out.HTMLDATE_MORE_PAGES if args.set23 else held_out.HTMLDATE_PAGES
        n = build_trafilatura(args.checkout, args.out, names, "htmldate")
    elif args.postlight or args.newspaper4k:
        source = ("postlight-more" if args.set21 else "postlight") if args.postlight else "newspaper4k"
        n = build_saved(args.checkout, args.out, source)
    elif args.goose3:
        n = build_goose3(args.checkout, args.out)
    elif args.trafilatura:
        names = (held_out.TRAFILATURA_MORE_PAGES if args.set17 else held_out.TRAFILATURA_SET50_PAGES
                 if args.set50 else held_out.TRAFILATURA_PAGES)
        n = build_trafilatura(args.checkout, args.out, names)
    else:
        n = (build_newspaper if args.newspaper else build)(args.checkout, args.out)
    print(f"{n} pages written to {args.out} (ground-truth.json, html/)")


if __name__ == "__main__":
    main()
