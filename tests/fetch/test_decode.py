"""monitor.fetch.decode: response bytes -> text, whatever the charset labels say."""

from __future__ import annotations

import pytest

from monitor.fetch.decode import decode_body, looks_binary


@pytest.mark.parametrize(
    ("content", "content_type", "expected_text", "expected_codec"),
    [
        ("Привет, мир".encode(), "text/html; charset=UTF-8", "Привет, мир", "utf-8"),
        (b"caf\xe9", "text/html; charset=latin-1", "café", "cp1252"),
        (
            b"\x93quoted\x94",
            "text/html; charset=iso-8859-1",
            "\u201cquoted\u201d",
            "cp1252",
        ),  # as browsers do
        ("café".encode(), "text/html; charset=iso-8859-1", "café", "utf-8"),
        (b"plain ascii", None, "plain ascii", "utf-8"),
        (b"", "text/html; charset=utf-8", "", "utf-8"),
        (b"text", "text/html; charset=no-such-charset", "text", "utf-8"),
        (b"\xef\xbb\xbfhello", "text/plain; charset=cp1251", "hello", "utf-8"),
    ],
)
def test_decode_body(
    content: bytes, content_type: str | None, expected_text: str, expected_codec: str
) -> None:
    assert decode_body(content, content_type) == (expected_text, expected_codec)


def test_decode_body_never_raises_on_garbage() -> None:
    garbage = bytes(range(128, 256)) * 3
    for content_type in (None, "text/html", "text/html; charset=utf-8", "text/html; charset=ascii"):
        text, codec = decode_body(garbage, content_type)
        assert isinstance(text, str) and codec


def test_binary_bodies_are_recognised_and_text_is_not() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n" + bytes(200), "text/html")
    assert not looks_binary("Привет, мир".encode(), "text/html; charset=utf-8")


def test_binary_is_judged_by_the_share_of_control_bytes_not_one() -> None:
    page = b"<html><body><p>" + b"The river rose. " * 200 + b"</p></body></html>"
    assert not looks_binary(page[:100] + b"\x00" + page[100:], "text/html")
    assert not looks_binary(page.replace(b"rose", b"ro\x01e", 3), "text/html")
    assert looks_binary(bytes(range(256)) * 16, "text/html")  # as much control as compressed data has
    assert looks_binary(b"\x00" * 10 + page[:100], "text/html")


def test_decoded_text_carries_no_nul() -> None:
    assert decode_body(b"<p>a\x00b</p>", "text/html; charset=utf-8") == ("<p>ab</p>", "utf-8")
