"""Bytes to text: detect the encoding, refuse binary, and tidy typography without moving offsets."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# Replacements that keep the string length, so evidence offsets stay valid.
_SAME_LENGTH = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\r": "\n",
                              "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


class UnreadableInput(ValueError):
    """The bytes are not text we can read; the message says why."""


class TruncatedText(str):
    """Text decoded from a file whose last bytes were an incomplete character; ``note`` says so."""

    note: str = ""


def decode(data: bytes) -> str:
    """Decode article bytes: BOMs first, then UTF-8, then charset detection (Windows-1252, Latin-1 ...)."""
    if not data:
        raise UnreadableInput("empty file")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                raise UnreadableInput(f"truncated or invalid {codec} text at byte {err.start}") from err
    if b"\x00" in data[:4096]:
        raise UnreadableInput("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.start >= len(data) - 3:
            text = TruncatedText(data[:err.start].decode("utf-8"))
            text.note = f"truncated UTF-8: the incomplete character in the last {len(data) - err.start} byte(s) was dropped"
            return text
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableInput("undecodable: no text encoding fits these bytes")
    return str(best)


def tidy(text: str) -> str:
    """Straighten curly quotes, normalise non-breaking spaces and CR line ends; same length in, same length out."""
    return text.replace("\r\n", " \n").translate(_SAME_LENGTH)
