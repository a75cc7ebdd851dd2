"""Every JSON document mgcheck writes validates against the schema `mgcheck schemas` prints.

The documents are those of the golden transcripts (tests/golden/expected): real output of
every command, in both languages, written to stdout and to files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest

from mgcheck.models.outputs import SHAPES

if TYPE_CHECKING:
    from conftest import Cli

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "expected"


def _documents() -> list[tuple[str, dict[str, Any]]]:
    """(where, document) for every JSON object a transcript shows on stdout or in a file."""
    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(GOLDEN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        bodies = [part.split("--- stderr\n")[0] for part in text.split("--- stdout\n")[1:]]
        bodies += [
            part.partition("\n")[2]
            for part in text.split("--- file ")[1:]
            if part.partition("\n")[0].endswith(".json")
        ]
        for number, body in enumerate(bodies):
            if body.startswith("{"):
                document = json.loads(body.split("\n--- ")[0])
                if "schema" in document and str(document["schema"]).startswith("mgcheck."):
                    found.append((f"{path.stem}#{number}", document))
    return found


DOCUMENTS = _documents()


def _schema(cli: Cli, kind: str) -> dict[str, Any]:
    result = cli.run("schemas", kind)
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert isinstance(schema, dict)
    return schema


@pytest.fixture(scope="module")
def schemas(cli: Cli) -> dict[str, dict[str, Any]]:
    return {kind: _schema(cli, kind) for kind in SHAPES}


def test_every_printed_schema_is_a_valid_json_schema(schemas: dict[str, Any]) -> None:
    for kind, schema in schemas.items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$id"] == f"mgcheck.{kind}"


def test_every_kind_has_real_output_to_check() -> None:
    kinds = {document["schema"].removeprefix("mgcheck.") for _where, document in DOCUMENTS}
    assert kinds == set(SHAPES)


@pytest.mark.parametrize(("where", "document"), DOCUMENTS, ids=[w for w, _d in DOCUMENTS])
def test_real_output_matches_its_schema(
    where: str, document: dict[str, Any], schemas: dict[str, dict[str, Any]]
) -> None:
    schema = schemas[document["schema"].removeprefix("mgcheck.")]
    jsonschema.Draft202012Validator(schema).validate(document)


def test_a_document_with_a_new_field_fails_its_schema(schemas: dict[str, Any]) -> None:
    _where, document = next((w, d) for w, d in DOCUMENTS if d["schema"] == "mgcheck.sources")
    changed = {**document, "sources": [{**document["sources"][0], "new_field": 1}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schemas["sources"]).validate(changed)


def test_the_list_and_an_unknown_name(cli: Cli) -> None:
    listed = cli.run("schemas").stdout.splitlines()
    names = [line.split()[0] for line in listed if not line.startswith(" ")]  # then commands
    assert names == [f"mgcheck.{kind}" for kind in SHAPES]
    result = cli.run("schemas", "nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("mgcheck: no schema called 'nope'. Schemas: report, ")
