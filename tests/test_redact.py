"""monitor/redact.py: the userinfo of every URL in a text is hidden, nothing else changes."""

from __future__ import annotations

import pytest

from monitor.redact import redact


@pytest.mark.parametrize(("text", "shown"), [
    ("http://user:pw@example.org/", "http://***@example.org/"),
    ("https://token@example.org/feed?x=a@b", "https://***@example.org/feed?x=a@b"),
    ("http://u:p@ss@example.org:8080/a", "http://***@example.org:8080/a"),  # an unescaped '@' in the password
    ("postgresql+psycopg://bob:s3cret@db/news", "postgresql+psycopg://***@db/news"),
    ("failed: 'http://a:b@x.org/1' then https://c:d@y.org/2.",
     "failed: 'http://***@x.org/1' then https://***@y.org/2."),
])
def test_userinfo_is_redacted_wherever_a_url_is(text: str, shown: str) -> None:
    assert redact(text) == shown


@pytest.mark.parametrize("text", [
    "http://example.org/a@b", "write to desk@example.org", "https://example.org/?mail=a@b.c", "plain text",
])
def test_text_without_credentials_is_unchanged(text: str) -> None:
    assert redact(text) == text
