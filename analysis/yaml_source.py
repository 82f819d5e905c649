"""YAML files read with the line of every key, so that a bad value in a parameter or scenario file
is reported as `file:line: key: problem`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

Location = tuple[str | int, ...]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: much faster


class ScenarioFileError(ValueError):
    """A parameter or scenario file that cannot be used; the message says where and why."""

    def __init__(self, path: Path | str, line: int | None, key: str, problem: str) -> None:
        self.path, self.line, self.key, self.problem = Path(path), line, key, problem
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {key}: {problem}" if key else f"{where}: {problem}")


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML mapping and the line (1-based) where each key path starts."""

    path: Path
    data: dict[str, Any]
    lines: dict[Location, int]

    def line_of(self, location: Location) -> int | None:
        """The line of the longest known prefix of `location` (a pydantic error's `loc`)."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return None

    def error(self, location: Location, problem: str) -> ScenarioFileError:
        key = ".".join(str(part) for part in location)
        return ScenarioFileError(self.path, self.line_of(location), key, problem)

    def validation_error(
        self, error: ValidationError, prefix: Location = ()
    ) -> ScenarioFileError:
        """The first problem pydantic found, in words a working-group member can act on.

        `prefix` places an error of a nested model (validated on its own) back in the file.
        """
        first = error.errors()[0]
        location = prefix + tuple(first["loc"])
        kind = first["type"]
        if kind == "extra_forbidden":
            problem = f"unknown key {location[-1]!r}"
        elif kind in ("union_tag_invalid", "union_tag_not_found"):
            tag = first.get("ctx", {}).get("tag", "")
            expected = first.get("ctx", {}).get("expected_tags", "")
            problem = f"bad distribution {tag!r}: expected one of {expected}"
            if kind == "union_tag_not_found":
                problem = f"no 'distribution' given: expected one of {expected}"
        elif kind == "missing":
            problem = f"missing key {location[-1]!r}"
        else:
            problem = first["msg"].removeprefix("Value error, ")
        # pydantic names the union member after the tag; drop it so the key path stays the file's
        location = tuple(
            part
            for part in location
            if part not in ("triangular", "beta", "lognormal", "fixed", "spec")
        )
        return self.error(location, problem)


def read_yaml(path: Path, text: str | None = None) -> YamlDocument:
    """Parse `path` (or `text`, reported as `path`); duplicate keys and non-mapping documents
    are errors with their line."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ScenarioFileError(path, None, "", f"cannot read the file ({exc.strerror})"
                                    ) from exc
    try:
        root = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ScenarioFileError(path, line, "", f"not valid YAML: {exc.problem}") from exc
    if not isinstance(data, dict) or root is None:
        raise ScenarioFileError(path, 1, "", "expected a mapping of keys (name, levers, priors …)")
    lines: dict[Location, int] = {(): root.start_mark.line + 1}
    _walk(path, root, (), lines)
    return YamlDocument(path, data, lines)


def _walk(path: Path, node: yaml.Node, location: Location, lines: dict[Location, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise ScenarioFileError(
                    path, key_node.start_mark.line + 1, ".".join((*map(str, location), key)),
                    "duplicate key",
                )
            seen.add(key)
            lines[(*location, key)] = key_node.start_mark.line + 1
            _walk(path, value_node, (*location, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*location, index)] = item.start_mark.line + 1
            _walk(path, item, (*location, index), lines)
