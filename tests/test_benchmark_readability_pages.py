"""benchmarks/readability_pages.py lays Readability's test pages out as the shared scorer reads a page set."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

from tests.benchmark_scripts import load_script

pages = load_script("held_out_pages")

SOURCE = (
    '<html><head><link rel="canonical" href="https://news.example.com/2020/05/05/ferry.html"></head>'
    "<body><p>Menu</p><article><p>The ferry sailed on Tuesday.</p></article></body></html>"
)
EXPECTED = (
    "<div><h2>Ferry back</h2><ul><li><p>The ferry   sailed\n on Tuesday.</p></li></ul>"
    "<p>Crews cheered.</p></div>"
)


def test_the_page_set_has_each_news_pages_body_url_and_html(tmp_path: Path) -> None:
    bench = load_script("readability_pages")
    readability = tmp_path / "readability"
    for name in pages.NEWS_PAGES:
        page = readability / "test" / "test-pages" / name
        page.mkdir(parents=True)
        (page / "source.html").write_text(SOURCE, encoding="utf-8")
        (page / "expected.html").write_text(EXPECTED, encoding="utf-8")

    assert bench.build(readability, tmp_path / "out") == len(pages.NEWS_PAGES)

    truth = json.loads((tmp_path / "out" / "ground-truth.json").read_text(encoding="utf-8"))
    key = bench.page_key("bbc-1")
    assert truth[key]["name"] == "bbc-1"
    assert truth[key]["url"] == "https://news.example.com/2020/05/05/ferry.html"
    # one paragraph per innermost block, white space collapsed
    assert truth[key]["articleBody"] == "Ferry back\n\nThe ferry sailed on Tuesday.\n\nCrews cheered."
    html = gzip.decompress((tmp_path / "out" / "html" / f"{key}.html.gz").read_bytes()).decode()
    assert html == SOURCE


def test_newspapers_pages_keep_their_expected_text_as_the_body(tmp_path: Path) -> None:
    bench = load_script("readability_pages")
    data = tmp_path / "newspaper" / "tests" / "data"
    (data / "html").mkdir(parents=True)
    (data / "text").mkdir()
    for name in pages.NEWSPAPER_PAGES:
        (data / "html" / f"{name}.html").write_text(SOURCE, encoding="utf-8")
        (data / "text" / f"{name}.txt").write_text("The ferry sailed on Tuesday.\n\n", encoding="utf-8")

    assert bench.build_newspaper(tmp_path / "newspaper", tmp_path / "out") == len(pages.NEWSPAPER_PAGES)

    truth = json.loads((tmp_path / "out" / "ground-truth.json").read_text(encoding="utf-8"))
    key = bench.page_key("nj.com1", "newspaper")
    assert (truth[key]["name"], truth[key]["articleBody"]) == ("nj.com1", "The ferry sailed on Tuesday.")
    assert key != bench.page_key("nj.com1")  # the two sources never share a page id


def test_trafilaturas_pages_take_trafilaturas_text_as_the_body(tmp_path: Path) -> None:
    bench = load_script("readability_pages")
    page = (
        '<html><head><link rel="canonical" href="https://news.example.com/2022/04/21/ferry/"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Ferry back</h1>"
        "<p>The island's ferry sailed again on Tuesday after a month in dry dock, the port said.</p>"
        "<p>Crews cheered as the first passengers boarded the vessel for the crossing.</p>"
        "</article><footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>"
    )
    checkout = _saved_pages(tmp_path / "trafilatura", "tests/eval/{}.html", pages.TRAFILATURA_PAGES, page)

    assert bench.build_trafilatura(checkout, tmp_path / "out") == len(pages.TRAFILATURA_PAGES)

    truth = json.loads((tmp_path / "out" / "ground-truth.json").read_text(encoding="utf-8"))
    entry = truth[bench.page_key("kxan.com-Voters", "trafilatura")]
    assert entry["url"] == "https://news.example.com/2022/04/21/ferry/"
    paragraphs = entry["articleBody"].split("\n\n")
    assert paragraphs[-2].startswith("The island's ferry sailed again on Tuesday")
    assert paragraphs[-1].startswith("Crews cheered")
    assert "Copyright" not in entry["articleBody"] and "Home" not in entry["articleBody"]


def test_trafilaturas_second_batch_shares_no_page_and_reads_an_xml_declaration(tmp_path: Path) -> None:
    bench = load_script("readability_pages")
    assert not set(pages.TRAFILATURA_PAGES) & set(pages.TRAFILATURA_MORE_PAGES)
    # Saved pages may open with an XML declaration, which lxml refuses in a str.
    page = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<html><head>'
        '<meta property="og:url" content="https://news.example.com/2023/11/08/gas-leak/"></head><body><article>'
        "<h1>Village closed</h1><p>The shopping village closed on Wednesday after a gas leak, the fire chief"
        " said.</p><p>Crews shut off the main line and checked every store before the afternoon.</p>"
        "</article></body></html>"
    )
    more = pages.TRAFILATURA_MORE_PAGES
    checkout = _saved_pages(tmp_path / "trafilatura", "tests/eval/{}.html", more, page)

    written = bench.build_trafilatura(checkout, tmp_path / "out", more)

    assert written == len(pages.TRAFILATURA_MORE_PAGES)
    truth = json.loads((tmp_path / "out" / "ground-truth.json").read_text(encoding="utf-8"))
    entry = truth[bench.page_key("wsvn.com-crash", "trafilatura")]
    assert entry["url"] == "https://news.example.com/2023/11/08/gas-leak/"
    assert "closed on Wednesday after a gas leak" in entry["articleBody"]


def test_goose3s_pages_take_the_address_of_their_test_when_the_page_names_none(tmp_path: Path) -> None:
    bench = load_script("readability_pages")
    page = (
        "<html><head><title>Monument closes</title></head><body><article><h1>Monument closes</h1>"
        "<p>The monument closed on Tuesday after the earthquake cracked its peak, park officials said.</p>"
        "<p>Engineers will inspect the stone before it opens again to the public.</p></article></body></html>"
    )
    checkout = _saved_pages(tmp_path / "goose3", "tests/data/content/test_{}.html", pages.GOOSE3_PAGES, page)
    for name in pages.GOOSE3_PAGES:
        test = {"url": f"https://news.example.com/2011/08/24/{name}/"}
        (checkout / f"tests/data/content/test_{name}.json").write_text(json.dumps(test), encoding="utf-8")

    assert bench.build_goose3(checkout, tmp_path / "out") == len(pages.GOOSE3_PAGES)

    truth = json.loads((tmp_path / "out" / "ground-truth.json").read_text(encoding="utf-8"))
    entry = truth[bench.page_key("time2", "goose3")]
    assert entry["url"] == "https://news.example.com/2011/08/24/time2/"
    assert "closed on Tuesday after the earthquake" in entry["articleBody"]
    assert bench.page_key("time2", "goose3") != bench.page_key("time2", "trafilatura")


def test_postlights_fixtures_get_their_meta_content_back_and_newspaper4ks_pages_their_address(
    tmp_path: Path,
) -> None:
    bench = load_script("readability_pages")
    # Postlight saved its fixtures with every <meta content=> renamed value=; the page as served had content=.
    page = (
        '<html><head><meta name="article:published_time" value="2016-12-21T23:49:10Z"></head><body><article>'
        "<h1>Bridge shut</h1><p>The bridge shut on Wednesday after inspectors found a crack.</p>"
        "<p>Drivers were sent over the river by the old ferry road until the repairs end.</p>"
        "</article></body></html>"
    )
    checkout = _saved_pages(tmp_path / "parser", "fixtures/{}.html", pages.POSTLIGHT_PAGES, page)
    assert bench.build_saved(checkout, tmp_path / "out", "postlight") == len(pages.POSTLIGHT_PAGES)
    key = bench.page_key("www.npr.org", "postlight")
    html = gzip.decompress((tmp_path / "out" / "html" / f"{key}.html.gz").read_bytes()).decode()
    assert '<meta name="article:published_time" content="2016-12-21T23:49:10Z">' in html

    n4k = _saved_pages(tmp_path / "n4k", "tests/data/html/{}.html", pages.NEWSPAPER4K_PAGES, page)
    for name in pages.NEWSPAPER4K_PAGES:
        meta = n4k / "tests" / "data" / "metadata" / f"{name}.json"
        meta.parent.mkdir(parents=True, exist_ok=True)
        meta.write_text(json.dumps({"url": f"https://news.example.com/2016/12/21/{name}/"}), encoding="utf-8")
    assert bench.build_saved(n4k, tmp_path / "out4k", "newspaper4k") == len(pages.NEWSPAPER4K_PAGES)
    truth = json.loads((tmp_path / "out4k" / "ground-truth.json").read_text(encoding="utf-8"))
    entry = truth[bench.page_key("cnn_002", "newspaper4k")]
    assert entry["url"] == "https://news.example.com/2016/12/21/cnn_002/"
    assert "shut on Wednesday after inspectors" in entry["articleBody"]


def _saved_pages(checkout: Path, pattern: str, names: tuple[str, ...], page: str) -> Path:
    """A checkout holding the same saved page under each name, at `pattern` ("tests/eval/{}.html")."""
    for name in names:
        path = checkout / pattern.format(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    return checkout


def test_a_fixture_of_postlights_history_is_read_from_its_commit(tmp_path: Path) -> None:
    bench = load_script("readability_pages")
    checkout = tmp_path / "parser"
    (checkout / "fixtures").mkdir(parents=True)
    (checkout / "fixtures" / "news.html").write_text("<p>The bridge shut on Wednesday.</p>", encoding="utf-8")
    git = ["git", "-C", str(checkout), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "fixture"], check=True)
    (checkout / "fixtures" / "news.html").unlink()  # renamed or dropped since, as many were

    assert bench._saved_at(checkout, "fixtures/news.html", "HEAD") == "<p>The bridge shut on Wednesday.</p>"
    assert bench._saved_at(checkout, "fixtures/news.html", "") == checkout / "fixtures" / "news.html"


def test_fundus_pages_take_the_paragraphs_its_test_expects_of_each_saved_version(tmp_path: Path) -> None:
    bench = load_script("readability_pages")
    data = tmp_path / "fundus" / "tests" / "resources" / "parser" / "test_data" / "uk"
    data.mkdir(parents=True)
    names = ("uk/Courier_2024_07_17", "uk/Courier_2024_11_29")
    dam, ferry = "The dam cracked on Monday.", "The ferry sailed on Tuesday."
    for name, story in zip(names, (dam, ferry), strict=True):
        page = f"<html><head></head><body><article><p>{story}</p></article></body></html>"
        (data / f"{name.split('/')[1]}.html.gz").write_bytes(gzip.compress(page.encode()))
    versions = {  # one parser version a saved page, in the order of the pages' dates
        "V1": {"body": {"summary": ["Dam cracks"], "sections": [{"paragraphs": [dam]}]}},
        "V2": {"body": {"sections": [{"headline": ["Ferry back"], "paragraphs": [ferry]}]}},
    }
    (data / "Courier.json").write_text(json.dumps(versions), encoding="utf-8")
    info = {f"{n.split('/')[1]}.html.gz": {"url": f"https://courier.example.com/{i}"}
            for i, n in enumerate(names)}
    (data / "meta.info").write_text(json.dumps(info), encoding="utf-8")

    assert bench.build_fundus(tmp_path / "fundus", tmp_path / "out", names) == 2
    truth = json.loads((tmp_path / "out" / "ground-truth.json").read_text(encoding="utf-8"))
    later = truth[bench.page_key("uk/Courier_2024_11_29", "fundus")]
    assert later["articleBody"] == f"Ferry back\n\n{ferry}"
    assert later["url"] == "https://courier.example.com/1"
    key = bench.page_key("uk/Courier_2024_11_29", "fundus")
    html = gzip.decompress((tmp_path / "out" / "html" / f"{key}.html.gz").read_bytes()).decode()
    assert '<link rel="canonical" href="https://courier.example.com/1">' in html  # the address to read with
    assert truth[bench.page_key("uk/Courier_2024_07_17", "fundus")]["articleBody"] == f"Dam cracks\n\n{dam}"
    assert set(pages.FUNDUS_PAGES).isdisjoint(pages.FUNDUS_MORE_PAGES)


def test_a_fundus_page_its_history_deleted_is_read_as_the_commit_before_held_it(tmp_path: Path) -> None:
    bench = load_script("readability_pages")
    checkout = tmp_path / "fundus"
    data = checkout / "tests" / "resources" / "parser" / "test_data" / "na"
    data.mkdir(parents=True)
    page = "<html><head></head><body><article><p>A dump fire broke out on Monday.</p></article></body></html>"
    (data / "Courier_2023_11_28.html.gz").write_bytes(gzip.compress(page.encode()))
    versions = {"V1": {"body": {"sections": [{"paragraphs": ["A dump fire broke out on Monday."]}]}}}
    (data / "Courier.json").write_text(json.dumps(versions), encoding="utf-8")
    info = {"Courier_2023_11_28.html.gz": {"url": "https://courier.example.com/fire"}}
    (data / "meta.info").write_text(json.dumps(info), encoding="utf-8")
    git = ["git", "-C", str(checkout), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "a page"], check=True)
    subprocess.run([*git, "rm", "-q", str(data / "Courier_2023_11_28.html.gz")], check=True)
    (data / "Courier.json").write_text("{}", encoding="utf-8")
    subprocess.run([*git, "commit", "-qam", "replaced"], check=True)
    head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True)
    deleted = head.stdout.strip()

    name = "na/Courier_2023_11_28"
    assert bench.build_fundus(checkout, tmp_path / "out", (name,), {name: deleted}) == 1
    truth = json.loads((tmp_path / "out" / "ground-truth.json").read_text(encoding="utf-8"))
    entry = truth[bench.page_key(name, "fundus")]
    assert entry["articleBody"] == "A dump fire broke out on Monday."
    assert entry["url"] == "https://courier.example.com/fire"


ARCHIVED = (
    '<html><head><script src="//archive.org/includes/analytics.js?v=cf34f82"></script>'
    "<!-- End Wayback Rewrite JS Include -->"
    '<link rel="stylesheet" href="/web/20090322131029cs_/http://www.nypost.com:80/css/re_all.css">'
    '<meta name="last-updated" content="2009-03-12 14:54:07"></head><body>'
    "<!-- BEGIN WAYBACK TOOLBAR INSERT -->"
    '<div id="wm-ipp"><input type="text" name="url" id="wmtbURL" '
    'value="http://www.nypost.com:80/seven/03122009/news/shoe.htm"> 22 Mar 2009</div>'
    "<!-- END WAYBACK TOOLBAR INSERT -->"
    '<a href="http://web.archive.org/web/20090322131029/http://www.nypost.com:80/rss/news.xml">RSS</a>'
    "<p>The court convicted the journalist on Thursday.</p></body></html>"
)


def test_an_archived_page_is_laid_out_as_its_site_served_it() -> None:
    page = load_script("readability_pages").unarchived(ARCHIVED)
    assert "wmtbURL" not in page and "archive.org" not in page and "/web/2009" not in page
    assert 'href="http://www.nypost.com/css/re_all.css"' in page
    assert 'href="http://www.nypost.com/rss/news.xml"' in page
    assert '<link rel="canonical" href="http://www.nypost.com/seven/03122009/news/shoe.htm">' in page
    assert "The court convicted the journalist on Thursday." in page


def test_l3s_pages_take_the_address_the_collection_maps_them_to(tmp_path: Path) -> None:
    bench = load_script("readability_pages")
    folder = tmp_path / "page-signal" / bench.L3S_FOLDER
    (folder / "original").mkdir(parents=True)
    mapping = []
    for n, prefix in enumerate(pages.L3S_SETS[52]):
        uuid = f"{prefix}-0000-4000-8000-00000000000{n % 10}"
        story = "<html><HEAD><title>Ferry</title></HEAD><body><article><p>" + (
            "The harbour ferry sailed again on Tuesday after a week of repairs, its crew said. " * 4
        ) + "</p></article></body></html>"
        (folder / "original" / f"{uuid}.html").write_bytes(story.encode("utf-8"))
        mapping.append(f"<urn:uuid:{uuid}>\thttp://news.example.com/{n}.html")
    (folder / "url-mapping.txt").write_text("\n".join(mapping) + "\n", encoding="utf-8")

    assert bench.build_l3s(tmp_path / "page-signal", tmp_path / "out", 52) == len(pages.L3S_SETS[52])
    truth = json.loads((tmp_path / "out" / "ground-truth.json").read_text(encoding="utf-8"))
    first = f"{pages.L3S_SETS[52][0]}-0000-4000-8000-000000000000"
    key = bench.page_key(first, "l3s")
    # the address comes from the collection's map (as a canonical link in the head, whatever its case)
    assert truth[key]["url"] == "http://news.example.com/0.html"
    assert "harbour ferry sailed again on Tuesday" in truth[key]["articleBody"]
