"""Text from outside (notes, food tables, imported files, file names) made safe to print.

A terminal obeys control characters: ESC and the C1 CSI (U+009B) start sequences that set the
window title, add links, clear the screen or move the cursor. Every output path therefore shows
them instead of sending them: Rich output and stderr lines through :func:`visible`, JSON through
:func:`dumps`. Newline and tab are kept where text may have lines; :func:`shown` is for a value
quoted inside a one-line message, so it shows them too and cuts long values short.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls except tab and newline, DEL, C1 controls, and lone surrogates (which come from
# undecodable bytes in file names and arguments, or from "\ud800" escapes in JSON).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
# What json.dumps(ensure_ascii=False) leaves raw although a terminal would act on it.
_JSON_RAW = re.compile("[\x7f-\x9f\ud800-\udfff\u2028\u2029]")
_SURROGATE_ESCAPE = range(0xDC80, 0xDD00)  # os.fsdecode's stand-ins for undecodable bytes

CUT = 80  # characters of an outside value quoted in a message


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 block: ␀ … ␟, one cell wide like the character
    if code == 0x7F:
        return "␡"
    if code in _SURROGATE_ESCAPE:
        return f"\\x{code - 0xDC00:02x}"  # the byte that could not be decoded
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"\\u{code:04x}"  # C1 controls and the Unicode line separators


def visible(text: str) -> str:
    """``text`` with every control character shown as a symbol; newline and tab kept."""
    return _UNSAFE.sub(_picture, text) if _UNSAFE.search(text) else text


def shown(value: object, limit: int = CUT) -> str:
    """An outside value for a one-line message: on one line, visible, at most ``limit`` long."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _UNSAFE_IN_LINE.sub(_picture, text)


def is_clean(text: str, allowed: str = "") -> bool:
    """True if ``text`` has no control character (other than those in ``allowed``)."""
    return all(char in allowed for char in _UNSAFE_IN_LINE.findall(text))


def dumps(document: Any, indent: int | None = 2, ascii_only: bool = False) -> str:
    """JSON whose every control character is an escape: lossless, and inert in a terminal."""
    import json

    text = json.dumps(
        document,
        ensure_ascii=ascii_only,
        indent=indent,
    )
    if ascii_only or not _JSON_RAW.search(text):
        return text
    # Outside strings JSON is ASCII, so these characters can only be inside a string.
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
