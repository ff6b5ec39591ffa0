"""Notification messages from alerts (monitor/publish/notify.py): fields, templates, one message per story."""

from __future__ import annotations

import pytest

from monitor.publish.alerts import (
    content_changed_alert,
    correction_added_alert,
    headline_changed_alert,
    source_unpublished_alert,
)
from monitor.publish.notify import MAX_LINES, TEMPLATE_FIELDS, check_template, compose, template_fields

URL = "https://news.example.org/ferry"


def test_every_field_is_there_for_every_alert() -> None:
    for alert in (content_changed_alert("harbour", URL, 1, 2, ["A new sentence."], 0),
                  source_unpublished_alert("harbour", URL, 3, "http_404")):
        fields = template_fields(alert)
        assert set(fields) == set(TEMPLATE_FIELDS)
        assert fields["story"] == "harbour" and fields["url"] == URL and fields["event"] == alert.event


def test_old_and_new_and_the_summary_without_the_suffix() -> None:
    headline = template_fields(headline_changed_alert("harbour", URL, "Ferry aground", "Ferry freed", 2))
    assert (headline["old"], headline["new"]) == ("Ferry aground", "Ferry freed")
    assert headline["summary"] == "“Ferry aground” -> “Ferry freed” (version 2)"
    changed = template_fields(content_changed_alert("harbour", URL, 1, 2, 1, 0))
    assert (changed["old"], changed["new"]) == ("1", "2")
    correction = template_fields(correction_added_alert("harbour", URL, "Correction: 180, not 120.", 3))
    assert correction["text"] == "Correction: 180, not 120."


def test_one_alert_is_one_message_and_many_are_one_digest() -> None:
    one = compose([source_unpublished_alert("harbour", URL, 3, "http_404")],
                  title="{story}: {event}", body="{summary} {url}")
    assert (one.title, one.count) == ("harbour: source_unpublished", 1)
    assert one.body == f"the page is gone (http_404) after 3 stored versions {URL}"
    many = [content_changed_alert("harbour", URL, n, n + 1, 1, 1) for n in range(MAX_LINES + 5)]
    many.append(headline_changed_alert("harbour", URL, "a", "b", 7))
    digest = compose(many, title="{story}: {event} ({count})", body="{event}")
    assert digest.title == f"harbour: {MAX_LINES + 5} content_changed, 1 headline_changed ({MAX_LINES + 6})"
    lines = digest.body.splitlines()
    assert len(lines) == MAX_LINES + 1 and lines[-1] == "... and 6 more alerts"


@pytest.mark.parametrize(("template", "problem"), [
    ("{sumary}", "{sumary} is not a template field"),
    ("{story.__class__}", "is not a template field"),
    ("{story[0]}", "is not a template field"),
    ("{story", "is not a template"),
    ("{}", "{} is not a template field"),
    ("{story:{summary}}", "may not hold another field"),
])
def test_bad_templates_are_named(template: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem.replace("{", r"\{").replace("}", r"\}").replace("[", r"\[")):
        check_template(template)


def test_good_templates_pass() -> None:
    check_template("{story}: {event} ({date:>10}) {url!r} {{literal}}")
