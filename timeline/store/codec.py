"""The dataclasses of timeline.model as JSON records and back, typed by their own annotations.

The decoder is made once per class from its type hints (nested dataclasses,
lists, tuples, optionals, enums, dates), so a record comes back as the same
typed object it was written from, and a field added to a dataclass later is
simply its default in records written before it.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


def encode(obj: object) -> str:
    """A dataclass instance as a JSON record: the text ``asdict`` would give, without its deep copies (they were
    a third of a large build's time in the client)."""
    return json.dumps(obj, default=_plain, ensure_ascii=False)


def decode(cls: type[T], record: str) -> T:
    """The instance of ``cls`` a JSON record was written from."""
    return _converter(cls)(json.loads(record))


def _plain(value: object) -> str | dict:
    """A nested dataclass as its fields, a date as ISO text.

    A dataclass instance's own ``__dict__`` is its fields in order when it holds exactly them (as one made by its
    ``__init__`` does): given as it is, it spares a dict built by a getattr per field (a third of encoding's time).
    """
    names = _field_names(type(value))
    if names:
        own = getattr(value, "__dict__", None)
        if own is not None and own.keys() == _field_set(type(value)):
            return own
        return {name: getattr(value, name) for name in names}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind)) if is_dataclass(kind) else ()


@cache
def _field_set(kind: type) -> frozenset[str]:
    return frozenset(_field_names(kind))


@cache
def _converter(kind: Any) -> Callable[[Any], Any]:
    """A function turning the JSON form of a value of type ``kind`` back into that type."""
    origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        inner = _converter(next(arg for arg in args if arg is not type(None)))
        return _same if inner is _same else lambda value: None if value is None else inner(value)
    if origin is list:
        item = _converter(args[0])
        return _same if item is _same else lambda value: [item(v) for v in value]
    if origin is tuple:
        return tuple
    if is_dataclass(kind):
        return _dataclass_converter(kind)
    if kind is datetime:
        return datetime.fromisoformat
    if kind is date:
        return date.fromisoformat
    if isinstance(kind, type) and issubclass(kind, Enum):
        return {member.value: member for member in kind}.__getitem__  # a lookup: calling the class costs more
    return _same


def _dataclass_converter(cls: type) -> Callable[[dict], Any]:
    """Only the fields whose JSON form differs from the value are converted; the others pass as they are."""
    hints = get_type_hints(cls)
    names = frozenset(f.name for f in fields(cls))
    converters = [(f.name, converter) for f in fields(cls) if (converter := _converter(hints[f.name])) is not _same]

    def convert(record: dict) -> Any:
        for name, convert_field in converters:
            if name in record:
                record[name] = convert_field(record[name])
        if not record.keys() <= names:  # a field since removed from the class
            record = {name: value for name, value in record.items() if name in names}
        return cls(**record)
    return convert


def _same(value: Any) -> Any:
    return value
