"""Language choice, the Danish catalogue and numbers written the local way."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgcheck.i18n import _, choose_language, current, format_number, join_and, speaking

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import i18n as catalogue  # noqa: E402  (scripts/i18n.py, the catalogue tool)


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        ([], {}, "en"),
        (["foods", "--lang", "da"], {}, "da"),
        (["--lang=da", "foods"], {"MGCHECK_LANG": "en"}, "da"),
        (["--lang", "en"], {"MGCHECK_LANG": "da", "LANG": "da_DK.UTF-8"}, "en"),
        ([], {"MGCHECK_LANG": "da", "LANG": "en_GB.UTF-8"}, "da"),
        ([], {"MGCHECK_LANG": "fr", "LANG": "da_DK.UTF-8"}, "da"),  # unknown value: fall through
        ([], {"LANGUAGE": "da:en", "LANG": "en_US.UTF-8"}, "da"),
        ([], {"LANGUAGE": "", "LC_ALL": "da_DK.UTF-8"}, "da"),
        ([], {"LC_ALL": "C", "LANG": "da_DK.UTF-8"}, "en"),  # LC_ALL outranks LANG
        ([], {"LC_MESSAGES": "da_DK", "LANG": "en_US"}, "da"),
        ([], {"LANG": "da_DK.UTF-8"}, "da"),
        ([], {"LANG": "de_DE.UTF-8"}, "en"),
        (["--", "--lang", "da"], {}, "en"),  # after -- it is an argument, not an option
    ],
)
def test_language_precedence(argv: list[str], env: dict[str, str], expected: str) -> None:
    assert choose_language(argv, env) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "da", "en"),
    [
        (0.7, 1, "0,7", "0.7"),
        (1234, 0, "1.234", "1,234"),
        (9453.25, 2, "9.453,25", "9,453.25"),
        (0, 0, "0", "0"),
        (0.05, 2, "0,05", "0.05"),
        (1234567.891, 1, "1.234.567,9", "1,234,567.9"),
        # halves away from zero, as people round (Python's round() gives 242 and 0.12)
        (242.5, 0, "243", "243"),
        (0.125, 2, "0,13", "0.13"),
        (2.675, 2, "2,68", "2.68"),  # the number as written, not its binary 2.67499...
        (999.95, 1, "1.000,0", "1,000.0"),  # the carry reaches the thousands
        (55.3, 0, "55", "55"),
    ],
)
def test_numbers(value: float, decimals: int, da: str, en: str) -> None:
    assert format_number(value, decimals, "da") == da
    assert format_number(value, decimals, "en") == en


DANISH_NUMBER = re.compile(r"\d{1,3}(\.\d{3})*(,\d+)?")


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False), st.integers(0, 3))
def test_a_danish_number_reads_back_as_the_number(value: float, decimals: int) -> None:
    """Read as a Dane reads it (dots group thousands, the comma starts the decimals), it is
    the number to the decimals asked for, with exactly that many after the comma."""
    danish = format_number(value, decimals, "da")
    assert DANISH_NUMBER.fullmatch(danish), danish
    whole, _comma, fraction = danish.partition(",")
    assert len(fraction) == decimals
    read = float(whole.replace(".", "") + "." + (fraction or "0"))
    assert abs(read - value) <= 0.5 * 10**-decimals + 1e-9 * max(1.0, value)


def test_speaking_sets_the_language_and_puts_the_earlier_one_back() -> None:
    assert current() == "en"  # the suite's language (conftest)
    with speaking("da"):
        assert _("Options") == "Tilvalg"
        assert join_and(["a", "b", "c"]) == "a, b og c"
        assert format_number(1234.5, 1) == "1.234,5"
        with speaking("en"):
            assert _("Options") == "Options"
        assert current() == "da"
    assert current() == "en"
    with pytest.raises(KeyError), speaking("da"):
        raise KeyError("an error inside still restores the language")
    assert current() == "en"


def test_a_thread_speaks_its_own_language() -> None:
    """The language is a context variable: while a thread speaks Danish, this one still
    speaks English (a module global would have been Danish for both)."""
    import threading

    inside, done = threading.Event(), threading.Event()
    heard: list[str] = []

    def in_danish() -> None:
        with speaking("da"):
            inside.set()
            done.wait(timeout=60)
            heard.append(_("Options"))

    worker = threading.Thread(target=in_danish)
    worker.start()
    assert inside.wait(timeout=60)
    heard.append(_("Options"))  # while the thread is inside its `with`
    done.set()
    worker.join(timeout=60)
    assert heard == ["Options", "Tilvalg"]


def test_every_message_has_danish_and_mo_is_fresh() -> None:
    assert catalogue.problems() == []


def test_catalogue_tool_finds_a_missing_translation(tmp_path: Path) -> None:
    """The check above could not fail if extraction found nothing; prove it finds messages."""
    module = tmp_path / "mod.py"
    module.write_text('from mgcheck.i18n import _\n_("A brand-new message")\n', encoding="utf-8")
    assert "A brand-new message" in catalogue.extract(tmp_path)
    assert len(catalogue.extract()) > 50


def test_compiled_catalogue_round_trips_through_gettext(tmp_path: Path) -> None:
    import gettext

    entries = {"": "Content-Type: text/plain; charset=UTF-8\n", "Food": "Fødevare"}
    mo = tmp_path / "x.mo"
    mo.write_bytes(catalogue.compile_mo(entries))
    with mo.open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("Food") == "Fødevare"


def _help(*args: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in {"LANG", "LANGUAGE", "LC_ALL"}}
    clean.update(env)
    result = subprocess.run(
        [sys.executable, "-m", "mgcheck", *args],
        capture_output=True,
        text=True,
        env=clean,
        check=True,
    )
    return result.stdout


def test_help_follows_lang_including_typer_panels() -> None:
    danish = _help("foods", "--help", "--lang", "da")
    assert "Tilvalg" in danish
    assert "Vis fødevarer med meget magnesium" in danish
    english = _help("foods", "--help", "--lang", "en", LANG="da_DK.UTF-8")
    assert "Options" in english
    assert "Tilvalg" not in english


def test_help_follows_the_locale() -> None:
    assert "Kommandoer" in _help("--help", LANG="da_DK.UTF-8")
    assert "Commands" in _help("--help", MGCHECK_LANG="en", LANG="da_DK.UTF-8")
