"""Streaming one string field out of a JSON reply while the model is still writing it.

The copywriter answers with structured JSON, but the person watching wants the long
body to appear word by word. :class:`JsonStringFieldStream` is fed the raw deltas and
yields the decoded text of one field (``body_long``) as soon as it arrives, handling
escapes split across deltas, so the pieces concatenate to exactly the value that
``json.loads`` later reads.
"""

from __future__ import annotations

import re

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class JsonStringFieldStream:
    """Incremental decoder of the first top-level-looking ``"field": "..."`` string."""

    def __init__(self, field: str) -> None:
        self._start = re.compile(r'"' + re.escape(field) + r'"\s*:\s*"')
        self._buffer = ""
        self._pos = -1  # index of the next undecoded character of the value; -1 = not found
        self.done = False

    def feed(self, delta: str) -> str:
        """Add raw reply text; return the newly decoded part of the field (may be empty)."""
        if self.done:
            return ""
        self._buffer += delta
        if self._pos < 0:
            match = self._start.search(self._buffer)
            if match is None:
                return ""
            self._pos = match.end()
        return self._decode()

    def _decode(self) -> str:
        out: list[str] = []
        buf, i = self._buffer, self._pos
        while i < len(buf):
            ch = buf[i]
            if ch == '"':
                self.done = True
                i += 1
                break
            if ch != "\\":
                out.append(ch)
                i += 1
                continue
            if i + 1 >= len(buf):
                break  # escape split across deltas: wait for the rest
            kind = buf[i + 1]
            if kind != "u":
                out.append(_ESCAPES.get(kind, kind))
                i += 2
                continue
            decoded, used = _unicode_escape(buf, i)
            if used == 0:
                break
            out.append(decoded)
            i += used
        self._pos = i
        return "".join(out)


def _unicode_escape(buf: str, i: int) -> tuple[str, int]:
    """Decode ``\\uXXXX`` (and a following low surrogate) at ``i``; (text, 0) if incomplete."""
    if i + 6 > len(buf):
        return "", 0
    code = int(buf[i + 2 : i + 6], 16)
    if 0xD800 <= code <= 0xDBFF:
        if i + 12 > len(buf):
            return "", 0
        if buf[i + 6 : i + 8] == "\\u":
            low = int(buf[i + 8 : i + 12], 16)
            if 0xDC00 <= low <= 0xDFFF:
                return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), 12
    return chr(code), 6
