"""Choosing guidance sections; pure functions over the guidance data."""

from __future__ import annotations

import re

from mgcheck.folding import fold
from mgcheck.models.guidance import GuidanceFile, Section


class UnknownSection(LookupError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.known = known


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def pick_sections(guidance: GuidanceFile, name: str | None) -> list[Section]:
    """All sections, most urgent first; or the one whose id or alias matches ``name``."""
    if name is None:
        return list(guidance.sections)
    wanted = _key(name)
    for section in guidance.sections:
        if wanted in {_key(section.id), *(_key(a) for a in section.aliases)}:
            return [section]
    raise UnknownSection(name, [s.id for s in guidance.sections])
