"""Response bytes -> text: media types, charsets and binary sniffing.

The charset comes from a byte-order mark, then the Content-Type header, then the markup's own declaration
(`<meta charset>`, `<?xml encoding?>`), then detection among the encodings of the web; decoding never raises
(at worst, replacement characters).
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_body", "is_text_type", "looks_binary", "media_type"]


_TEXT_TYPES = frozenset({"application/json", "application/javascript", "application/ecmascript"})
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# XML without a byte-order mark in UTF-32/UTF-16: "<?" as its first characters (XML 1.0, Appendix F).
_XML_SIGNATURES = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)
# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do pages written for browsers.
_WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "ascii", "latin-1"})
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.IGNORECASE)
_SNIFF_BYTES = 4096
BINARY_SHARE = 0.05  # control bytes in the first _SNIFF_BYTES over which a body is binary, not text
# Detection chooses among the encodings of the web (WHATWG Encoding Standard, as Python codecs): unrestricted,
# charset-normalizer reads a mislabelled windows-1252 page ("Zürich") as the DOS code page cp775 ("Z³rich").
_WEB_CODECS = (
    "utf_8", "cp866", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7",
    "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r", "koi8_u",
    "mac_roman", "mac_cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255",
    "cp1256", "cp1257", "cp1258", "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr",
    "utf_16_be", "utf_16_le",
)


def media_type(content_type: str | None) -> str | None:
    """`text/html; charset=utf-8` -> `text/html`."""
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def is_text_type(mtype: str | None) -> bool:
    """True for media types whose body is meant to be read as text (HTML, XML feeds, JSON, plain)."""
    if mtype is None:
        return False
    return mtype.startswith("text/") or mtype in _TEXT_TYPES or mtype.endswith(("+xml", "+json", "/xml"))


def _charset_param(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _codec(label: str | None) -> str | None:
    """Python codec name for a charset label, or None when Python does not know it."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in _WINDOWS_1252_ALIASES else name


def _markup_charset(content: bytes) -> str | None:
    head = content[:_SNIFF_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _is_non_ascii_utf8(content: bytes) -> bool:
    if content.isascii():
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(content: bytes) -> tuple[str, str]:
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Imported on the first page that is not UTF-8 (few are): not at every start of a poll cycle (~15 ms).
    import charset_normalizer

    best = charset_normalizer.from_bytes(content, cp_isolation=list(_WEB_CODECS)).best()
    if best is not None and best.encoding:
        return content.decode(best.encoding, errors="replace"), best.encoding
    return content.decode("utf-8", errors="replace"), "utf-8"


def decode_body(content: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode a body to (text, codec name) with NUL characters dropped; never raises (see `_decode`).

    No text format uses NUL, and neither lxml nor a PostgreSQL text column takes it.

    >>> decode_body("café".encode(), "text/html; charset=iso-8859-1")
    ('café', 'utf-8')
    """
    text, codec = _decode(content, content_type)
    return text.replace("\x00", "") if "\x00" in text else text, codec


def _decode(content: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode a body to (text, codec name); never raises.

    Order: a byte-order mark (or the UTF-16/32 shape of an XML declaration); the Content-Type charset; the
    page's own <meta charset>, http-equiv or XML declaration; then detection (UTF-8 first, then
    charset-normalizer, among the web's encodings). A declared charset that cannot decode the bytes is
    skipped. Bytes that are valid non-ASCII UTF-8 are read as UTF-8 even when a legacy single-byte charset is
    declared: that mislabel is common, and the reverse accident is vanishingly rare.
    """
    for bom, codec in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(codec, errors="replace"), codec
    for signature, codec in _XML_SIGNATURES:
        if content.startswith(signature):
            return content.decode(codec, errors="replace"), codec
    for label in (_charset_param(content_type), _markup_charset(content)):
        declared = _codec(label)
        if declared is None:
            continue
        codec = declared
        if not codec.startswith(("utf-8", "utf-16", "utf-32")) and _is_non_ascii_utf8(content):
            return content.decode("utf-8"), "utf-8"
        try:
            return content.decode(codec), codec
        except UnicodeDecodeError:
            continue  # the declaration is wrong; try the next one, then detection
    return _detect(content)


def looks_binary(content: bytes, content_type: str | None = None) -> bool:
    """True when the start of `content` is not text in any ASCII-compatible charset.

    Judged by the share of control bytes (NUL included; tab, newlines, form feed and escape excepted) in the
    first 4 KiB: over `BINARY_SHARE` it is binary. Compressed or image data has about 10% of them, text none
    at all, so a page with a stray NUL or two is still read as the text it is.
    """
    head = content[:_SNIFF_BYTES]
    if not head or any(head.startswith(mark) for mark, _ in (*_BOMS, *_XML_SIGNATURES)):
        return False
    declared = _codec(_charset_param(content_type)) or ""
    if declared.startswith(("utf-16", "utf-32")):
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f\x1b")
    return controls > len(head) * BINARY_SHARE


# --------------------------------------------------------------------------------------------- the fetcher
