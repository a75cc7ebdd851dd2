"""Every JSON document mgcheck writes validates against the schema `mgcheck schemas` prints.

The documents are made here by the commands themselves (in-process, as a user would type
them), for the inputs of the golden cases (tests/golden/cases.py), in both languages, on
stdout and in files: every kind, and every field a schema declares, in at least one real
document. Each is written as the one envelope writes it (two-space indents, UTF-8 as is,
keys in the order the code gives them). This is why the goldens keep no JSON transcripts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest

from mgcheck.models.outputs import SHAPES

if TYPE_CHECKING:
    from conftest import Cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "golden"))
from cases import ANSWERS, DIARY_CSV, FOODS_TABLE, JSON_ANSWERS, _trial_nights

# One worker makes this module's shared fixture once (pytest-xdist, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("schemas")

# The answers files that are refused (their --json is tested below, as errors).
REFUSED = ("bad", "unknown_form")
DOSE = "magnesiumcitrat 400 mg forbindelse"  # the whole compound (issue 17)


class Made:
    """The documents the commands write: each command's stdout must be one JSON document."""

    def __init__(self, cli: Cli, folder: Path) -> None:
        self.cli = cli
        self.folder = folder
        self.env = {"MGCHECK_HOME": str(folder / "home"), "MGCHECK_LANG": "en"}
        self.documents: list[tuple[str, dict[str, Any]]] = []

    def stdout(self, *args: str, lang: str = "en", today: str | None = None) -> None:
        env = {**self.env, "MGCHECK_LANG": lang}
        if today is not None:
            env["MGCHECK_TODAY"] = today
        result = self.cli.run(*args, env=env)
        assert result.exit_code == 0, (args, result.output)
        self.keep(f"{' '.join(args)} ({lang})", result.stdout)

    def file(self, name: str, where: str) -> None:
        self.keep(where, (self.folder / name).read_text(encoding="utf-8"))

    def quiet(self, *args: str, today: str | None = None) -> None:
        """A command whose output is not JSON (it sets the diary up)."""
        env = self.env if today is None else {**self.env, "MGCHECK_TODAY": today}
        result = self.cli.run(*args, env=env)
        assert result.exit_code == 0, (args, result.output)

    def keep(self, where: str, text: str) -> None:
        document = json.loads(text)
        assert isinstance(document, dict), where
        assert text == json.dumps(document, indent=2, ensure_ascii=False) + "\n", where
        self.documents.append((where, document))


def _written_the_next_day(
    csv_text: str, late: tuple[str, ...] = ("2025-01-20", "2025-01-21")
) -> str:
    """The kept trial as a diary written each morning, but for ``late`` nights, filled in two
    weeks after (issue 18 point 7): so the result has an analysis without the late nights."""
    import datetime as dt

    header, *rows = csv_text.splitlines()
    out = [header + ",written_on"]
    for row in rows:
        night = dt.date.fromisoformat(row[:10])
        written = night + dt.timedelta(days=14 if row[:10] in late else 1)
        out.append(f"{row},{written.isoformat()}")
    return "\n".join(out) + "\n"


def _make(cli: Cli, folder: Path) -> list[tuple[str, dict[str, Any]]]:
    made = Made(cli, folder)
    for name, text in ANSWERS.items():
        if text and name not in REFUSED:
            (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
            made.stdout("assess", "--answers", str(folder / f"{name}.yaml"), "--json")
    example = cli.run("assess", "--example", env=made.env).stdout
    (folder / "example.yaml").write_text(example, encoding="utf-8")
    made.stdout("assess", "--answers", str(folder / "example.yaml"), "--json", lang="da")
    stdin = cli.run("assess", "--answers", "-", "--json", input=JSON_ANSWERS, env=made.env)
    made.keep("assess --answers - --json", stdin.stdout)
    report = str(folder / "report.json")
    made.quiet("assess", "--answers", str(folder / "adult_citrate.yaml"), "--output", report)
    made.file("report.json", "assess --output report.json")
    for lang in ("en", "da"):
        made.stdout("warnings", "--json", lang=lang)
        made.stdout("foods", "--json", "--top", "3", lang=lang)
        made.stdout("sources", "--json", lang=lang)
        made.stdout("dose", "--list", "--json", lang=lang)
    made.stdout("dose", "citrate", "400", "--json")
    made.stdout("dose", "citrate", "400", "--age", "15", "--json")  # no article figure under 18
    made.stdout("dose", "glycinat", "800", "oxid", "200", "--json")
    made.stdout("dose", "citrat", "400", "--maybe-elemental", "--json", lang="da")
    (folder / "own.yaml").write_text(FOODS_TABLE, encoding="utf-8")
    made.stdout("foods", "--foods", str(folder / "own.yaml"), "--json")
    made.stdout("foods", "--all", "--search", "rye", "--json")
    made.stdout("foods", "--all", "--search", "rugbrød", "--json", lang="da")
    # the diary: an empty one, then 50 nights
    made.stdout("diary", "list", "--json")
    made.stdout("diary", "compare", "--json")
    (folder / "diary.csv").write_text(DIARY_CSV, encoding="utf-8")
    made.quiet("diary", "import", str(folder / "diary.csv"))
    made.stdout("diary", "list", "--all", "--json")
    made.stdout("diary", "list", "--since", "2025-04-01", "--json", lang="da")
    made.stdout("diary", "compare", "--json", lang="da")
    made.stdout("diary", "compare", "--split", "2025-03-16", "--json")
    made.stdout("diary", "export", "--format", "json")
    made.quiet("diary", "export", "--output", str(folder / "export.json"))
    made.file("export.json", "diary export --output export.json")
    # the trial: planned, running, done, stopped (the golden case's dates)
    made.quiet("diary", "forget", "--all", "--yes")
    plan = (
        "diary",
        "trial",
        "plan",
        "--answers",
        str(folder / "healthy_man.yaml"),
        "--run-in",
        "0",
    )
    made.stdout(*plan, "--seed", "7", "--dose", DOSE, "--json", today="2024-11-30")
    made.stdout("diary", "trial", "show", "--json", today="2024-12-10", lang="da")
    made.stdout("diary", "trial", "result", "--json", today="2024-12-10")
    (folder / "nights.csv").write_text(_written_the_next_day(_trial_nights()), encoding="utf-8")
    made.quiet("diary", "import", str(folder / "nights.csv"), "--replace", today="2025-03-01")
    made.stdout("diary", "trial", "result", "--json", today="2025-03-01")
    made.stdout("diary", "trial", "result", "--json", today="2025-03-01", lang="da")
    again = ("--seed", "7", "--dose", "magnesium 200 mg", "--pairs", "5", "--start", "2025-03-01")
    made.stdout(*plan, *again, "--json", today="2025-03-01", lang="da")
    made.quiet("diary", "trial", "stop", "--yes", today="2025-03-01")
    for lang in ("en", "da"):
        made.stdout("diary", "trial", "show", "--all", "--json", today="2025-03-01", lang=lang)
    made.stdout("diary", "export", "--format", "json")  # now with its plans
    # a finished trial with a period without one usable night: that pair left out, and said
    made.env["MGCHECK_HOME"] = str(folder / "home-refusal")
    made.stdout(*plan, "--seed", "7", "--dose", DOSE, "--json", today="2024-11-30")
    periods = made.documents[-1][1]["periods"]
    empty = next(p for p in periods if p["pair"] == 3 and p["arm"] == "magnesium")
    rows = _trial_nights().splitlines(keepends=True)
    kept = [row for row in rows if not empty["start"] <= row[:10] <= empty["end"]]
    (folder / "gap.csv").write_text("".join(kept), encoding="utf-8")
    made.quiet("diary", "import", str(folder / "gap.csv"), "--replace", today="2025-03-01")
    made.stdout("diary", "trial", "result", "--json", today="2025-03-01")
    # Analysed as randomised with the complete pairs (issue 18): the lost pair is named.
    assert made.documents[-1][1]["pairs_not_used"], "the trial should name the pair it left out"
    return made.documents


@pytest.fixture(scope="module")
def documents(cli: Cli, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Any]]:
    return _make(cli, tmp_path_factory.mktemp("documents"))


def _schema(cli: Cli, kind: str) -> dict[str, Any]:
    result = cli.run("schemas", kind)
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert isinstance(schema, dict)
    return schema


@pytest.fixture(scope="module")
def schemas(cli: Cli) -> dict[str, dict[str, Any]]:
    return {kind: _schema(cli, kind) for kind in SHAPES}


def _kind(document: dict[str, Any]) -> str:
    return str(document["schema"]).removeprefix("mgcheck.")


def test_every_printed_schema_is_a_valid_json_schema(schemas: dict[str, Any]) -> None:
    for kind, schema in schemas.items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$id"] == f"mgcheck.{kind}"


def test_every_document_matches_its_schema(
    documents: list[tuple[str, dict[str, Any]]], schemas: dict[str, dict[str, Any]]
) -> None:
    failed = []
    for where, document in documents:
        validator = jsonschema.Draft202012Validator(schemas[_kind(document)])
        failed += [(where, error.message) for error in validator.iter_errors(document)]
    assert failed == []


def test_every_kind_has_real_output_in_each_language_it_speaks(
    documents: list[tuple[str, dict[str, Any]]],
) -> None:
    kinds = {_kind(document) for _where, document in documents}
    assert kinds == set(SHAPES)
    spoken = {(_kind(d), d["language"]) for _w, d in documents if "language" in d}
    for kind in {kind for kind, _lang in spoken}:
        assert {(kind, "da"), (kind, "en")} <= spoken, kind


def _declared(schema: dict[str, Any], node: Any, path: str, out: set[str]) -> None:
    """Every property path a schema declares, through its $refs (``trial.verdict``)."""
    if not isinstance(node, dict):
        return
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        _declared(schema, schema["$defs"][name], path, out)
    for key, sub in node.get("properties", {}).items():
        out.add(f"{path}.{key}".lstrip("."))
        _declared(schema, sub, f"{path}.{key}", out)
    for word in ("items", "additionalProperties"):
        _declared(schema, node.get(word), path, out)
    for word in ("anyOf", "oneOf", "allOf"):
        for sub in node.get(word, []):
            _declared(schema, sub, path, out)


def _present(node: Any, path: str, out: set[str]) -> None:
    if isinstance(node, dict):
        for key, sub in node.items():
            out.add(f"{path}.{key}".lstrip("."))
            _present(sub, f"{path}.{key}", out)
    elif isinstance(node, list):
        for sub in node:
            _present(sub, path, out)


def test_every_field_a_schema_declares_is_in_some_real_document(
    documents: list[tuple[str, dict[str, Any]]], schemas: dict[str, dict[str, Any]]
) -> None:
    """A schema checked only against documents that leave out its optional fields would let
    those fields drift: each is shown by at least one document."""
    missing = {}
    for kind, schema in schemas.items():
        declared: set[str] = set()
        _declared(schema, schema, "", declared)
        present: set[str] = set()
        for _where, document in documents:
            if _kind(document) == kind:
                _present(document, "", present)
        maps = {p for p in declared if p.split(".")[-1] in ("by_group",)}
        if declared - present - maps:
            missing[kind] = sorted(declared - present - maps)
    assert missing == {}, json.dumps(missing)


def test_a_document_with_a_new_field_fails_its_schema(
    documents: list[tuple[str, dict[str, Any]]], schemas: dict[str, Any]
) -> None:
    _where, document = next((w, d) for w, d in documents if _kind(d) == "sources")
    changed = {**document, "sources": [{**document["sources"][0], "new_field": 1}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schemas["sources"]).validate(changed)


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_answers_file_writes_no_json_and_the_same_lines(
    cli: Cli, tmp_path: Path, name: str
) -> None:
    """With --json an error is the same lines on stderr as without, and stdout stays empty
    (what the golden assess_bad_json and assess_unknown_form_json transcripts showed)."""
    answers = tmp_path / f"{name}.yaml"
    answers.write_text(ANSWERS[name], encoding="utf-8")
    plain = cli.run("assess", "--answers", str(answers))
    as_json = cli.run("assess", "--answers", str(answers), "--json")
    assert as_json.exit_code == plain.exit_code == 2
    assert as_json.stdout == ""
    assert as_json.stderr == plain.stderr != ""


def test_the_list_and_an_unknown_name(cli: Cli) -> None:
    listed = cli.run("schemas").stdout.splitlines()
    names = [line.split()[0] for line in listed if not line.startswith(" ")]  # then commands
    assert names == [f"mgcheck.{kind}" for kind in SHAPES]
    result = cli.run("schemas", "nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("mgcheck: no schema called 'nope'. Schemas: report, ")
