"""Data is never markup or terminal control: make strings inert before they reach a terminal."""

from __future__ import annotations

import json
import re
from json.encoder import c_make_encoder, encode_basestring
from typing import Any

# DEL, C1 controls, and the Unicode marks that reorder or hide text (bidi overrides and
# isolates, directional marks, zero-width characters, line/paragraph separators, BOM).
_INVISIBLE = "\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
#: Everything unsafe except newline and tab: for multi-line text such as notes.
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f{_INVISIBLE}]")
#: Everything unsafe, newline and tab included: for one-line cells.
_UNSAFE_ONE_LINE = re.compile(f"[\x00-\x1f{_INVISIBLE}]")
#: What json.dumps leaves raw inside strings (it already escapes C0 controls).
_JSON_RAW = re.compile(f"[{_INVISIBLE}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(value: str, *, keep_newlines: bool = False) -> str:
    """Show control characters as visible escapes (`\\x1b`, `\\u202e`) instead of obeying them."""
    return (_UNSAFE if keep_newlines else _UNSAFE_ONE_LINE).sub(_escape, value)


def escape_invisible(serialized: str) -> str:
    """Escape, as `\\uXXXX`, what JSON and TOML serializers leave raw inside their strings.

    Valid only on serializer output where these characters can occur only inside quoted
    strings, which is the case for json.dumps and tomli_w (basic strings).
    """
    if serialized.isascii() and "\x7f" not in serialized:  # all it escapes but DEL is outside ASCII
        return serialized
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", serialized)


def json_dumps(value: Any, *, indent: int | None = 2) -> str:
    """JSON with every control or reordering character escaped, other non-ASCII text kept readable."""
    if indent is None and _LINE_ENCODER is not None:
        return escape_invisible("".join(_LINE_ENCODER(value, 0)))
    return escape_invisible(json.dumps(value, ensure_ascii=False, indent=indent))


#: One reused C encoder for one-line JSON, writing what `json.dumps(value, ensure_ascii=False)`
#: writes: json.dumps builds a new one per call, a fifth of the time of 10,000 model lines.
#: No circular-reference check (records are trees).
_LINE_ENCODER = (
    c_make_encoder(None, json.JSONEncoder().default, encode_basestring, None, ": ", ", ", False, False, True)
    if c_make_encoder is not None
    else None
)
