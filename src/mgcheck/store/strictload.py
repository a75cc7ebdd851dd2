"""Strict reading of YAML and JSON documents that come from a person or another program.

What PyYAML and ``json`` accept silently, and why mgcheck refuses it:

- a key twice (``age: 52`` … ``age: 10``): the last one would win without a word;
- YAML anchors and aliases (``&a``, ``*a``): a 450-byte "alias bomb" expands to gigabytes, and an
  answers file or food table has no use for them; merge keys (``<<``) need them anyway;
- nesting deeper than any mgcheck file needs (the parsers recurse);
- numbers too long to convert (Python refuses integers of more than 4,300 digits with a
  ValueError that would otherwise surface as an unexpected error) and dates that do not exist.

Every refusal is one line naming the file and, for YAML, the line; an outside value in a message
is cut short (:func:`mgcheck.safetext.shown`). Sizes are capped before parsing, by
:func:`mgcheck.store.textfile.read_file`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _
from mgcheck.safetext import shown

MAX_DEPTH = 32  # mgcheck's own files nest at most 5 levels
MAX_INT_DIGITS = 30  # more is a typing error in every field mgcheck reads


class _Refused(Exception):
    """A problem found while constructing, with the line it is on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@cache
def _loader_class() -> Any:
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[misc]
        mgcheck_name = ""

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            if not isinstance(node, yaml.MappingNode):
                return base.construct_mapping(self, node, deep)  # type: ignore[no-any-return]
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _Refused(_anchor_message(self.mgcheck_name, line))
                key = self.construct_object(key_node, deep=deep)
                try:
                    taken = key in mapping
                except TypeError:  # a list or mapping as a key
                    raise _Refused(
                        _("{file}: line {line}: a key must be a name").format(
                            file=self.mgcheck_name, line=line
                        )
                    ) from None
                if taken:
                    raise _Refused(
                        _("{file}: line {line}: the key '{key}' appears twice").format(
                            file=self.mgcheck_name, line=line, key=shown(key)
                        )
                    )
                mapping[key] = self.construct_object(value_node, deep=deep)
            return mapping

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int":
                digits = sum(char.isdigit() for char in node.value)
                if digits > MAX_INT_DIGITS:
                    raise _Refused(_unreadable(self.mgcheck_name, node))
            try:
                return base.construct_object(self, node, deep)
            except (ValueError, OverflowError) as exc:
                raise _Refused(_unreadable(self.mgcheck_name, node)) from exc

    return StrictLoader


def _anchor_message(name: str, line: int) -> str:
    return _(
        "{file}: line {line}: anchors, aliases and merge keys (&, *, <<) are not allowed here"
    ).format(file=name, line=line)


def _unreadable(name: str, node: Any) -> str:
    return _("{file}: line {line}: '{value}' is not a value mgcheck can read").format(
        file=name, line=node.start_mark.line + 1, value=shown(node.value)
    )


def _invalid(name: str, exc: Exception, text: str = "") -> MgcheckError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else "?"
    message = _("{file}: not valid YAML or JSON (line {line})").format(file=name, line=line)
    lines = text.splitlines()
    if isinstance(line, int) and 0 < line <= len(lines) and "\t" in lines[line - 1]:
        # An editor's tab is the commonest way to break YAML, and invisible: name it.
        message += " " + _("(a tab: indent with spaces)")
    return MgcheckError(message)


def _check_events(text: str, name: str, loader: Any) -> None:
    """One cheap pass over the parser's events: no anchors or aliases, bounded nesting."""
    import yaml

    depth = 0
    parser = loader(text)
    try:
        while parser.check_event():
            event = parser.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise MgcheckError(_anchor_message(name, line))
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise MgcheckError(
                        _("{file}: line {line}: nested more than {depth} levels deep").format(
                            file=name, line=line, depth=MAX_DEPTH
                        )
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as exc:
        raise _invalid(name, exc, text) from exc
    finally:
        parser.dispose()


def load_yaml(text: str, name: str, *, trusted: bool = False) -> Any:
    """Parse YAML (JSON is YAML too), refusing duplicate keys and unreadable values.

    ``trusted`` (mgcheck's own data files) skips the pass for anchors and depth, which costs a
    second parse; duplicate keys are refused everywhere.
    """
    import yaml

    loader_class = _loader_class()
    if not trusted:
        _check_events(text, name, loader_class)
    loader = loader_class(text)
    loader.mgcheck_name = name
    try:
        return loader.get_single_data()
    except _Refused as exc:
        raise MgcheckError(exc.message) from None
    except yaml.YAMLError as exc:
        raise _invalid(name, exc, text) from exc
    except RecursionError:
        raise MgcheckError(
            _("{file}: line {line}: nested more than {depth} levels deep").format(
                file=name, line="?", depth=MAX_DEPTH
            )
        ) from None
    finally:
        loader.dispose()


def load_json(text: str, name: str) -> Any:
    """Parse JSON, refusing duplicate keys, NaN and Infinity, overlong numbers, deep nesting."""
    import json

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        document: dict[str, Any] = {}
        for key, value in pairs:
            if key in document:
                raise _Refused(
                    _("{file}: the key '{key}' appears twice").format(file=name, key=shown(key))
                )
            document[key] = value
        return document

    def number(text: str) -> int:
        if len(text) > MAX_INT_DIGITS:
            raise _Refused(
                _("{file}: '{value}' is not a value mgcheck can read").format(
                    file=name, value=shown(text)
                )
            )
        return int(text)

    def constant(text: str) -> float:
        raise _Refused(
            _("{file}: '{value}' is not a value mgcheck can read").format(file=name, value=text)
        )

    try:
        return json.loads(text, object_pairs_hook=unique, parse_int=number, parse_constant=constant)
    except _Refused as exc:
        raise MgcheckError(exc.message) from None
    except json.JSONDecodeError as exc:
        raise MgcheckError(
            _("{file}: not valid JSON (line {line})").format(file=name, line=exc.lineno)
        ) from exc
    except RecursionError:
        raise MgcheckError(_("{file}: nested too deeply").format(file=name)) from None
