"""A story's timeline as ONE self-contained HTML page (inline CSS and SVG, no script, no external resource).

Rendered server-side so the file works offline, in any browser, and cannot run anything from the data:

- a time axis (SVG): one lane per kind, a marker per item at its date (a bar across its period when the
  date is a week, month...), each marker linking to the item below; hovering shows the summary;
- one small step chart per figure series (subject, metric): values by date, revised values hollow with a
  dashed line to the value that superseded them, and a table of the values;
- the items in date order (undated last), each with its evidence and source links in a <details>.

Every piece of data is HTML-escaped; a link is only made from an http(s) URL (anything else is shown as text).
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

from monitor.extract.spans import DateSpan, date_span
from monitor.numbers import format_figure, format_number
from monitor.redact import redact
from monitor.track.conflicts import rivals
from monitor.track.timeline import REMOVED, REVISED, SourceReport, TimelineEntry, normalise_name

# Colour-blind-safe palette (Okabe-Ito); kinds are given colours in sorted order.
_PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")

_CSS = """
:root { --fg:#1d1d1f; --muted:#6b6b70; --line:#d9d9de; --bg:#fff; --card:#f6f6f8; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--fg);
       background:var(--bg); }
header, main { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .25rem; }
h2, h3 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line);
         padding-bottom: .25rem; }
section.story > h2 { font-size: 1.35rem; border: 0; margin-top: 2.5rem; }
.meta, .muted { color: var(--muted); font-size: .875rem; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
svg { display: block; width: 100%; height: auto; }
svg.axis { min-width: 40rem; }
svg text { font: 13px system-ui, sans-serif; fill: var(--muted); }
svg.axis text { font-size: 15px; }
svg a:focus rect, svg a:focus circle, svg a:focus path { stroke: var(--fg); stroke-width: 2; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .8125rem; margin: .25rem 0; padding: 0;
          list-style: none; }
.swatch { display: inline-block; width: .75rem; height: .75rem; border-radius: 50%; margin-right: .3rem;
          vertical-align: -1px; }
.series { margin: 1rem 0 1.5rem; padding: .75rem; background: var(--card); border-radius: .5rem; }
.series figcaption { font-weight: 600; }
.series svg { max-width: 34rem; }
table { border-collapse: collapse; font-size: .875rem; margin-top: .5rem; width: 100%; }
th, td { text-align: left; padding: .2rem .5rem .2rem 0; border-bottom: 1px solid var(--line);
         vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ol.items { list-style: none; margin: 0; padding: 0; }
li.item { position: relative; margin: 0 0 .75rem; padding: .5rem .75rem .5rem 1rem; background: var(--card);
          border-left: 4px solid var(--kind, #888); border-radius: .25rem; }
li.item:target { outline: 2px solid var(--fg); }
li.status-removed, li.status-revised { opacity: .7; }
li.status-removed .summary { text-decoration: line-through; }
.when { font-weight: 600; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 1rem; background: #fff;
         border: 1px solid var(--line); margin-left: .35rem; }
.badge.disputed { background: #fdecea; border-color: #D55E00; color: #8a2c00; font-weight: 600; }
.summary { margin: .15rem 0; overflow-wrap: anywhere; }
details { font-size: .875rem; }
summary { cursor: pointer; color: var(--muted); }
blockquote { margin: .4rem 0; padding-left: .6rem; border-left: 3px solid var(--line);
             overflow-wrap: anywhere; }
ul.sources { margin: .25rem 0; padding-left: 1.1rem; }
ul.sources li { overflow-wrap: anywhere; }
a { color: #0057a3; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.25rem; }
  th:nth-child(4), td:nth-child(4) { display: none; }
}
@media (prefers-color-scheme: dark) {
  :root { --fg:#ececf0; --muted:#a0a0a8; --line:#3a3a40; --bg:#151517; --card:#222226; }
  .badge { background: #151517; }
  a { color: #7cb7ff; }
}
"""


def _e(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute, the credentials of any URL in it redacted."""
    return html.escape("" if value is None else redact(str(value)), quote=True)


def safe_url(url: str | None) -> str | None:
    """Return the URL fit for an href (http/https with a host), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return urlunsplit(parts)


def _link(url: str | None) -> str:
    href = safe_url(url)
    if href is None:
        return f'<span class="muted">{_e(url)}</span>' if url else ""
    return f'<a href="{_e(href)}" rel="noopener noreferrer nofollow">{_e(url)}</a>'


def _day(day: dt.date) -> str:
    """'30 Mar' (strftime's %-d is not portable)."""
    return f"{day.day} {day:%b}"


def _when(entry: TimelineEntry, span: DateSpan | None) -> str:
    if span is None:
        return f'<span class="when">{_e(entry.date or "undated")}</span>'
    label = entry.date or ""
    if span.start != span.end:
        label += f" ({_day(span.start)} – {_day(span.end)} {span.end.year})"
    elif entry.precision == "day":
        label = f"{span.start:%a} {_day(span.start)} {span.start.year}"
    return f'<time class="when" datetime="{_e(span.start.isoformat())}">{_e(label)}</time>'


def _kind_colours(entries: Iterable[TimelineEntry]) -> dict[str, str]:
    kinds = sorted({e.kind for e in entries})
    return {k: _PALETTE[i % len(_PALETTE)] for i, k in enumerate(kinds)}


def _sorted(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    def key(e: TimelineEntry) -> tuple[object, ...]:
        span = date_span(e.date)
        return (span is None, span.start if span else dt.date.max, span.end if span else dt.date.max, e.kind,
                e.event_id)

    return sorted(entries, key=key)


# --- time axis -------------------------------------------------------------------------------------------

_AXIS_W, _LABEL_W, _LANE_H, _TOP = 1000, 120, 30, 32


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    days = (last - first).days
    if days <= 45:
        step = max(1, days // 8 or 1)
        return [(first + dt.timedelta(days=i), _day(first + dt.timedelta(days=i)))
                for i in range(0, days + 1, step)]
    if days <= 800:
        ticks, month = [], dt.date(first.year, first.month, 1)
        every = 1 if days <= 240 else 3
        while month <= last:
            if month >= first and (month.month - 1) % every == 0:
                ticks.append((month, f"{month:%b %Y}"))
            month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        return ticks
    every = max(1, (last.year - first.year) // 8)
    return [(dt.date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1, every)]


def _axis_svg(entries: Sequence[TimelineEntry], colours: dict[str, str]) -> str:
    dated = [(e, s) for e in entries if (s := date_span(e.date)) is not None]
    if not dated:
        return '<p class="muted">No dated items yet.</p>'
    first = min(s.start for _, s in dated)
    last = max(s.end for _, s in dated)
    first, last = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    total = max((last - first).days + 1, 1)
    plot_w = _AXIS_W - _LABEL_W - 10

    def x(day: dt.date) -> float:
        return _LABEL_W + plot_w * (day - first).days / total

    kinds = sorted({e.kind for e, _ in dated})
    height = _TOP + _LANE_H * len(kinds) + 8
    out = [f'<svg class="axis" viewBox="0 0 {_AXIS_W} {height}" role="img" '
           f'aria-label="Time axis of {len(dated)} dated items">']
    for day, label in _ticks(first, last):
        tx = x(day)
        out.append(f'<line x1="{tx:.1f}" y1="{_TOP - 8}" x2="{tx:.1f}" y2="{height - 4}" stroke="#d9d9de"/>')
        out.append(f'<text x="{tx:.1f}" y="{_TOP - 12}" text-anchor="middle">{_e(label)}</text>')
    for lane, kind in enumerate(kinds):
        cy = _TOP + _LANE_H * lane + _LANE_H / 2
        out.append(f'<text x="4" y="{cy + 4:.1f}">{_e(kind)}</text>')
        out.append(f'<line x1="{_LABEL_W}" y1="{cy}" x2="{_AXIS_W - 10}" y2="{cy}" stroke="#ececf0"/>')
        for entry, span in dated:
            if entry.kind != kind:
                continue
            colour = colours[kind]
            hollow = entry.status in (REMOVED, REVISED)
            fill = "none" if hollow else colour
            tip = f"{entry.date} · {entry.kind} · {entry.summary} ({entry.status})"
            out.append(f'<a href="#{_e(entry.event_id)}"><title>{_e(tip)}</title>')
            if span.start == span.end:
                out.append(f'<circle cx="{x(span.start) + plot_w / total / 2:.1f}" cy="{cy}" r="6" '
                           f'fill="{fill}" stroke="{colour}" stroke-width="2"/>')
            else:
                x0, x1 = x(span.start), x(span.end + dt.timedelta(days=1))
                out.append(f'<rect x="{x0:.1f}" y="{cy - 5}" width="{max(x1 - x0, 4):.1f}" height="10" '
                           f'rx="5" fill="{fill}" fill-opacity="{0.35 if not hollow else 0}" '
                           f'stroke="{colour}" stroke-width="1.5"/>')
            out.append("</a>")
    out.append("</svg>")
    legend = "".join(
        f'<li><span class="swatch" style="background:{colours[k]}"></span>{_e(k)}</li>' for k in kinds
    )
    return (f'<div class="scroll">{"".join(out)}</div><ul class="legend">{legend}'
            '<li>hollow: removed or revised</li></ul>')


# --- figure series ---------------------------------------------------------------------------------------

_CHART_W, _CHART_H, _PAD_L, _PAD_B = 480, 160, 64, 30


def _figure_day(entry: TimelineEntry) -> dt.date | None:
    span = date_span(entry.date)
    if span is not None:
        return span.end
    try:
        return dt.date.fromisoformat(str(entry.published or "")[:10])
    except ValueError:
        return None


def _value_ticks(low: float, high: float) -> list[float]:
    """Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) covering low..high."""
    if high <= low:
        high = low + 1
    raw = (high - low) / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    count = math.ceil((high - first) / step - 1e-9)
    if first + count * step <= high:  # leave headroom above the highest point
        count += 1
    return [first + i * step for i in range(count + 1)]


def _series_svg(figures: Sequence[TimelineEntry]) -> str:
    points = [(d, f) for f in figures if (d := _figure_day(f)) is not None and f.value is not None]
    if not points:
        return ""
    days = [d for d, _ in points]
    first, last = min(days) - dt.timedelta(days=1), max(days) + dt.timedelta(days=1)
    total = max((last - first).days, 1)
    values = [float(f.value) for _, f in points if f.value is not None]
    ticks = _value_ticks(min(0.0, min(values)), max(values))
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = _CHART_W - _PAD_L - 10, _CHART_H - _PAD_B - 10

    def px(day: dt.date) -> float:
        return _PAD_L + plot_w * (day - first).days / total

    def py(value: float) -> float:
        return 10 + plot_h * (1 - (value - low) / ((high - low) or 1))

    out = [f'<svg viewBox="0 0 {_CHART_W} {_CHART_H}" role="img" aria-label="Values by date">']
    for value in ticks:
        y = py(value)
        out.append(f'<line x1="{_PAD_L}" y1="{y:.1f}" x2="{_CHART_W - 10}" y2="{y:.1f}" stroke="#d9d9de"/>')
        label = _e(format_number(value, missing=""))
        out.append(f'<text x="{_PAD_L - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    for day in sorted(set(days)):
        out.append(f'<text x="{px(day):.1f}" y="{_CHART_H - 10}" text-anchor="middle">{_day(day)}</text>')
    # Step line through the current value of each day: the non-revised one when there is one.
    by_day: dict[dt.date, TimelineEntry] = {}
    # Same day, several values: the current one, else the latest seen (the end of the revision chain).
    for day, f in sorted(points, key=lambda p: (p[0], p[1].status == REVISED, -p[1].first_seen.timestamp())):
        by_day.setdefault(day, f)
    coords = [(px(day), py(float(by_day[day].value or 0))) for day in sorted(by_day)]
    if len(coords) > 1:
        steps = "".join(f" H{cx:.1f} V{cy:.1f}" for cx, cy in coords[1:])
        out.append(f'<path d="M{coords[0][0]:.1f} {coords[0][1]:.1f}{steps}" fill="none" stroke="#0072B2" '
                   'stroke-width="2"/>')
    ids = {f.event_id: (d, f) for d, f in points}
    for day, f in points:
        if f.status == REVISED and f.superseded_by in ids:
            nd, nf = ids[f.superseded_by]
            out.append(f'<line x1="{px(day):.1f}" y1="{py(float(f.value or 0)):.1f}" x2="{px(nd):.1f}" '
                       f'y2="{py(float(nf.value or 0)):.1f}" stroke="#D55E00" stroke-dasharray="4 3"/>')
    for day, f in points:
        hollow = f.status in (REMOVED, REVISED)
        tip = f"{f.date or day.isoformat()}: {format_number(f.value, missing='')} ({f.status})"
        out.append(f'<a href="#{_e(f.event_id)}"><title>{_e(tip)}</title><circle cx="{px(day):.1f}" '
                   f'cy="{py(float(f.value or 0)):.1f}" r="5" fill="{"#fff" if hollow else "#0072B2"}" '
                   f'stroke="{"#D55E00" if f.status == REVISED else "#0072B2"}" stroke-width="2"/></a>')
    out.append("</svg>")
    return f'<div class="scroll">{"".join(out)}</div>'


def _series_section(entries: Sequence[TimelineEntry], anchor: str = "", h: str = "h2") -> str:
    groups: dict[tuple[str, str], list[TimelineEntry]] = defaultdict(list)
    labels: dict[tuple[str, str], str] = {}
    for e in entries:
        if e.is_figure:
            key = (normalise_name(e.subject), normalise_name(e.metric))
            groups[key].append(e)
            labels.setdefault(key, " — ".join(p for p in (e.subject, e.metric) if p) or "figure")
    if not groups:
        return ""
    parts = [f'<section id="{anchor}figures"><{h}>Figures</{h}>']
    disputed = rivals(entries)
    for key in sorted(groups):
        figures = _sorted(groups[key])
        rows = "".join(
            f'<tr><td><a href="#{_e(f.event_id)}">{_e(f.date or "undated")}</a></td>'
            f'<td class="num">{_e(_qualified(f))}</td>'
            f"<td>{_e('disputed' if f.event_id in disputed else f.status)}</td>"
            f"<td>{_link(f.source_url)}</td></tr>"
            for f in figures
        )
        parts.append(
            f'<figure class="series"><figcaption>{_e(labels[key])}</figcaption>{_series_svg(figures)}'
            f"<table><thead><tr><th>date</th><th>value</th><th>status</th><th>source</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></figure>"
        )
    parts.append("</section>")
    return "".join(parts)


def _qualified(entry: TimelineEntry) -> str:
    return format_figure(entry.value, entry.qualifier, entry.unit, missing="")


# --- item list -------------------------------------------------------------------------------------------


def _source_html(report: SourceReport, first: bool, origin: str) -> str:
    when = f", first reported {_stamp(report.first_seen)}" if report.first_seen is not None else ""
    copy = f", a copy of {_e(origin)}" if origin != report.source_url else ""
    return (
        f"<li>{_link(report.source_url)} <span class=\"muted\">({'first reporter, ' if first else ''}"
        f"version {_e(report.version)}{_e(when)}{copy}{'' if report.present else ', no longer there'})</span>"
        f"<blockquote>{_e(report.evidence)}</blockquote></li>"
    )


def _item_html(
    entry: TimelineEntry, colour: str, rivals: Sequence[TimelineEntry] = (),
    origins: Mapping[str, str] | None = None,
) -> str:
    span = date_span(entry.date)
    origin_of = origins or {}
    reports = sorted(entry.sources, key=lambda s: (s.first_seen is None, s.first_seen or entry.first_seen))
    sources = "".join(
        _source_html(s, i == 0, origin_of.get(s.source_url, s.source_url)) for i, s in enumerate(reports)
    ) or f"<li>{_link(entry.source_url)}<blockquote>{_e(entry.evidence)}</blockquote></li>"
    extra = []
    if entry.actors:
        extra.append("actors: " + ", ".join(entry.actors))
    if entry.location:
        extra.append(f"location: {entry.location}")
    if entry.is_figure:
        extra.append(f"{' '.join(p for p in (entry.subject, entry.metric) if p)}: {_qualified(entry)}")
    details = f'<p class="muted">{_e(" · ".join(extra))}</p>' if extra else ""
    n = entry.source_count
    present = {s.source_url for s in entry.sources if s.present}
    m = len({origin_of.get(url, url) for url in present})
    disputed = "".join(
        f'<span class="badge disputed" title="{_e(", ".join(s.source_url for s in r.sources if s.present))}">'
        f"disputed: {_e(_qualified(r))}</span>"
        for r in rivals
    )
    return (
        f'<li class="item kind-{_e(entry.kind)} status-{_e(entry.status)}" id="{_e(entry.event_id)}" '
        f'style="--kind:{colour}">{_when(entry, span)}<span class="badge">{_e(entry.kind)}</span>'
        f'<span class="badge">{_e(entry.status)}</span>'
        f'<span class="badge" title="sources reporting it; independent origins among them">{n} source'
        f"{'' if n == 1 else 's'} · {m} origin{'' if m == 1 else 's'}</span>{disputed}"
        f'<p class="summary">{_e(entry.summary)}</p>{details}'
        f"<details><summary>Evidence · {n} source{'' if n == 1 else 's'}</summary>"
        f'<blockquote>{_e(entry.evidence)}</blockquote><ul class="sources">{sources}</ul></details></li>'
    )


def _summary_line(items: Sequence[TimelineEntry]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for e in items:
        counts[e.status] += 1
    status_text = ", ".join(f"{counts[s]} {s}" for s in ("active", REVISED, REMOVED) if counts[s])
    return f"{len(items)} item{'' if len(items) == 1 else 's'}" + (f" ({status_text})" if status_text else "")


def _story_html(
    entries: Iterable[TimelineEntry], anchor: str, level: int, origins: Mapping[str, str] | None = None
) -> str:
    """The axis, figure charts and item list of one story, headings at <h{level}>."""
    items = _sorted(entries)
    colours = _kind_colours(items)
    disputed = rivals(items)

    def item(e: TimelineEntry) -> str:
        return _item_html(e, colours[e.kind], disputed.get(e.event_id, ()), origins)

    h = f"h{level}"
    dated = [e for e in items if date_span(e.date) is not None]
    undated = [e for e in items if date_span(e.date) is None]
    body = [
        f'<section id="{anchor}axis"><{h}>Time axis</{h}>{_axis_svg(items, colours)}</section>',
        _series_section(items, anchor, h),
        f'<section id="{anchor}items"><{h}>Timeline</{h}><ol class="items">',
        "".join(item(e) for e in dated),
        "</ol>",
    ]
    if undated:
        body += [f"<{h}>Undated</{h}>", '<ol class="items">',
                 "".join(item(e) for e in undated), "</ol>"]
    body.append("</section>")
    return "".join(body)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def _stamp(generated_at: dt.datetime | str) -> str:
    if isinstance(generated_at, dt.datetime):
        return generated_at.isoformat(timespec="seconds")
    return str(generated_at)


def render_report(
    story_title: str, entries: Iterable[TimelineEntry], generated_at: dt.datetime | str,
    origins: Mapping[str, str] | None = None,
) -> str:
    """Return the whole HTML page for one story's timeline (a str to write as UTF-8); `origins` maps source
    URLs to their origin (monitor.track.origins), for the count of independent origins of each item."""
    items = list(entries)
    header = (
        f'<header><h1>{_e(story_title)}</h1><p class="meta">Generated <time>{_e(_stamp(generated_at))}</time>'
        f" · {_e(_summary_line(items))}</p></header>"
    )
    return _page(f"{story_title} — timeline", f"{header}<main>{_story_html(items, '', 2, origins)}</main>")


def render_stories(
    stories: Sequence[tuple[str, Iterable[TimelineEntry]]],
    generated_at: dt.datetime | str,
    title: str = "Story timelines",
    origins: Mapping[str, str] | None = None,
) -> str:
    """One page for several stories: a contents list, then each story as in render_report.

    With a single story this is render_report.
    """
    if len(stories) == 1:
        return render_report(stories[0][0], stories[0][1], generated_at, origins)
    sections, contents = [], []
    for i, (story_title, entries) in enumerate(stories, start=1):
        items = list(entries)
        anchor = f"story-{i}"
        contents.append(f'<li><a href="#{anchor}">{_e(story_title)}</a> '
                        f'<span class="muted">{_e(_summary_line(items))}</span></li>')
        sections.append(f'<section class="story" id="{anchor}"><h2>{_e(story_title)}</h2>'
                        f"{_story_html(items, anchor + '-', 3, origins)}</section>")
    header = (
        f'<header><h1>{_e(title)}</h1><p class="meta">Generated <time>{_e(_stamp(generated_at))}</time></p>'
        f'<ul>{"".join(contents)}</ul></header>'
    )
    return _page(title, f"{header}<main>{''.join(sections)}</main>")


class _StoryLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...


class _TimelineSource(Protocol):
    def load_timeline(self, story: str | None = None) -> Sequence[TimelineEntry]: ...
    def source_origins(self, story: str | None = None) -> Mapping[str, str]: ...


def write_report(
    store: _TimelineSource, stories: Sequence[_StoryLike], path: Path, generated_at: dt.datetime | None = None
) -> None:
    """Render the stories' timelines from `store` (anything with `.load_timeline(story=id)` and
    `.source_origins(story=id)`) into one file."""
    now = generated_at or dt.datetime.now(dt.UTC)
    pages = [(story.title or story.id, store.load_timeline(story=story.id)) for story in stories]
    origins: dict[str, str] = {}
    for story in stories:
        origins.update(store.source_origins(story.id))
    path.write_text(render_stories(pages, now, origins=origins), encoding="utf-8")
