"""The questions of `mgcheck assess`, asked one by one in a terminal.

Only what applies is asked: no pregnancy question for men, no leg details without leg symptoms,
no dose details without a supplement. Every answer is checked and, when it cannot be used,
explained and asked again. The result is the same dict an answers file holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from mgcheck.errors import MgcheckError
from mgcheck.i18n import Language, Translator, current, translator
from mgcheck.models.answers import Answers, Diet, Legs, Supplement, bounds, whole_bounds
from mgcheck.models.assess_data import AssessData
from mgcheck.models.base import Text, one_line
from mgcheck.vocab import (
    LEGACY_VALUES,
    Condition,
    DietGroup,
    Distress,
    LookAlike,
    MagnesiumUnit,
    Medicine,
    Sex,
    Symptom,
)

T = TypeVar("T")
YES = {"j", "ja", "y", "yes"}
NO = {"n", "nej", "no"}
DONT_KNOW = {"ved ikke", "vedikke", "ved ik", "?", "don't know", "dont know", "unknown", "ukendt"}
PREGNANCY_AGES = range(12, 56)
_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*$")
_LAB = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([a-zA-Z/]+)\s*$")


class Prompter:
    """Asks one thing at a time until the answer can be used; counts the questions asked."""

    def __init__(
        self,
        read: Callable[[str], str],
        say: Callable[[str], None],
        t: Translator | None = None,
    ) -> None:
        self._read = read
        self.say = say
        self.prompts = 0
        self.t = t or translator(current())  # the words of the questions' frame

    def ask(self, prompt: str, parse: Callable[[str], T], problem: str) -> T:
        """Ask until ``parse`` accepts the answer; ``problem`` explains what a good one is."""
        self.prompts += 1
        while True:
            try:
                line = self._read(prompt)
            except EOFError:
                raise MgcheckError(
                    self.t("input ended before the questions were finished; nothing was saved.")
                ) from None
            try:
                return parse(line.strip())
            except ValueError:
                self.say(problem)

    def confirm(self, question: str) -> bool:
        def parse(text: str) -> bool:
            word = text.casefold()
            if word in YES:
                return True
            if word in NO:
                return False
            raise ValueError(text)

        return self.ask(f"{question} {self.t('[y/n]')} ", parse, self.t("Answer y or n."))

    def confirm_or_unknown(self, question: str) -> bool | None:
        """Yes, no, or don't know (None): for questions a person may not be able to answer."""

        def parse(text: str) -> bool | None:
            word = " ".join(text.casefold().split())
            if word in YES:
                return True
            if word in NO:
                return False
            if word in DONT_KNOW:
                return None
            raise ValueError(text)

        hint = self.t("[y/n/don't know]")
        return self.ask(f"{question} {hint} ", parse, self.t("Answer y, n or don't know."))

    def whole_number(
        self, prompt: str, low: int, high: int, *, optional: bool = False
    ) -> int | None:
        def parse(text: str) -> int | None:
            if optional and not text:
                return None
            value = int(text)
            if not low <= value <= high:
                raise ValueError(text)
            return value

        return self.ask(
            f"{prompt} ",
            parse,
            self.t("Write a whole number from {low} to {high}.").format(low=low, high=high),
        )

    def decimal(self, prompt: str, low: float, high: float) -> float:
        def parse(text: str) -> float:
            match = _NUMBER.match(text)
            if match is None:
                raise ValueError(text)
            value = float(match.group(1).replace(",", "."))
            if not low <= value <= high:
                raise ValueError(text)
            return value

        return self.ask(
            f"{prompt} ",
            parse,
            self.t("Write a number from {low} to {high}; a decimal comma is fine (0,5).").format(
                low=low, high=high
            ),
        )


class Interview(Prompter):
    def __init__(
        self,
        data: AssessData,
        lang: Language,
        read: Callable[[str], str],
        say: Callable[[str], None],
    ) -> None:
        super().__init__(read, say, translator(lang))
        self.data = data
        self.lang = lang

    # --- asking ------------------------------------------------------------------------------

    def question(self, key: str, **values: str) -> str:
        return self.data.questions.questions[key].get(self.lang).format(**values)

    def yes_no(self, key: str) -> bool:
        return self.confirm(self.question(key))

    def whole(self, key: str, low: int, high: int) -> int:
        value = self.whole_number(self.question(key), low, high)
        assert value is not None
        return value

    def _menu(self, options: Sequence[tuple[Any, Text]]) -> None:
        for number, (_value, label) in enumerate(options, start=1):
            self.say(f"  {number}. {label.get(self.lang)}")

    def one_of(self, key: str, options: Sequence[tuple[T, Text]]) -> T:
        self.say(self.question(key))
        self._menu(options)

        def parse(text: str) -> T:
            index = int(text) - 1
            if not 0 <= index < len(options):
                raise ValueError(text)
            return options[index][0]

        return self.ask(
            self.t("Number: "),
            parse,
            self.t("Write one number from 1 to {n}.").format(n=len(options)),
        )

    def some_of(self, key: str, options: Sequence[tuple[T, Text]]) -> list[T]:
        self.say(self.question(key))
        self._menu(options)

        def parse(text: str) -> list[T]:
            if not text:
                return []
            picked: list[T] = []
            for part in re.split(r"[\s,;]+", text):
                index = int(part) - 1
                if not 0 <= index < len(options):
                    raise ValueError(text)
                if options[index][0] not in picked:
                    picked.append(options[index][0])
            return picked

        return self.ask(
            self.t("Numbers, e.g. 1,3 (Enter for none): "),
            parse,
            self.t(
                "Write numbers from 1 to {n}, separated by commas, or press Enter for none."
            ).format(n=len(options)),
        )

    # --- the questions -----------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        labels = self.data.questions.labels
        answers: dict[str, Any] = {}
        answers["age"] = self.whole("age", *whole_bounds(Answers, "age"))
        sex = self.one_of("sex", [(s, labels.sex[s]) for s in Sex])
        answers["sex"] = sex.value
        takes_iron = False
        if sex is Sex.FEMALE and answers["age"] in PREGNANCY_AGES:
            answers["pregnant"] = self.yes_no("pregnant")
            if answers["pregnant"]:
                # Danish pregnancy care advises iron from week 10 (sst-pregnancy-iron).
                takes_iron = self.yes_no("pregnant_iron")
            else:
                answers["breastfeeding"] = self.yes_no("breastfeeding")
        answers["conditions"] = [
            c.value
            for c in self.some_of("conditions", [(c, labels.conditions[c]) for c in Condition])
        ]
        offered = [
            (m, labels.medicines[m])
            for m in Medicine
            if m.value not in LEGACY_VALUES and not (takes_iron and m is Medicine.IRON)
        ]
        answers["medicines"] = [
            *(["iron"] if takes_iron else []),
            *(m.value for m in self.some_of("medicines", offered)),
        ]
        if self.yes_no("taking_magnesium"):
            answers["magnesium"] = self.supplement()
        else:
            answers["considering_magnesium"] = self.yes_no("considering_magnesium")
        answers["symptoms_now"] = [
            s.value
            for s in self.some_of(
                "symptoms_now",
                [(s, labels.symptoms[s]) for s in Symptom if s.value not in LEGACY_VALUES],
            )
        ]
        if self.yes_no("has_legs"):
            answers["legs"] = self.legs()
        if self.yes_no("has_diet"):
            answers["diet"] = {
                group.value: self.decimal(
                    self.question("diet_group", group=labels.diet[group].get(self.lang)),
                    *bounds(Diet, group.value),
                )
                for group in DietGroup
            }
        if self.yes_no("has_labs"):
            labs = self.labs()
            if labs:
                answers["labs"] = labs
        return answers

    def supplement(self) -> dict[str, Any]:
        from mgcheck.rules.assess import UNKNOWN_FORM_WORDS
        from mgcheck.rules.dose import (
            FormProblem,
            InvalidAmount,
            parse_amount,
            resolve_form,
        )

        def form(text: str) -> str:
            if text.casefold() in UNKNOWN_FORM_WORDS:
                return "unknown"
            one_line(text)  # a name is a name: one line, no control characters (asked again)
            try:
                resolve_form(self.data.forms, text)
            except FormProblem as exc:
                raise ValueError(text) from exc
            return text

        def amount(text: str) -> float:
            try:
                return parse_amount(text)
            except InvalidAmount as exc:
                raise ValueError(text) from exc

        return {
            "form": self.ask(
                f"{self.question('form')} ",
                form,
                self.t(
                    "mgcheck does not know that form. See mgcheck dose --list, or type unknown."
                ),
            ),
            "amount_mg": self.ask(
                f"{self.question('amount_mg')} ",
                amount,
                self.t("Write the amount, e.g. 400, 400 mg or 1,5 g."),
            ),
            "elemental": self._elemental(),
            "per_day": self.whole("per_day", *whole_bounds(Supplement, "per_day")),
        }

    def _elemental(self) -> bool | str:
        known = self.confirm_or_unknown(self.question("elemental"))
        return "unknown" if known is None else known

    def legs(self) -> dict[str, Any]:
        labels = self.data.questions.labels
        legs: dict[str, Any] = {
            key: self.yes_no(key)
            for key in (
                "urge_to_move",
                "worse_at_rest",
                "better_when_moving",
                "worse_evening_night",
            )
        }
        legs["look_alikes"] = [
            a.value
            for a in self.some_of("look_alikes", [(a, labels.look_alikes[a]) for a in LookAlike])
        ]
        legs["days_per_week"] = self.whole("days_per_week", *whole_bounds(Legs, "days_per_week"))
        legs["distress"] = self.one_of(
            "distress", [(d, labels.distress[d]) for d in Distress]
        ).value
        legs["sleep_disturbed"] = self.yes_no("sleep_disturbed")
        return legs

    def labs(self) -> dict[str, Any]:
        units = {u.value.casefold(): u.value for u in MagnesiumUnit}

        def magnesium(text: str) -> dict[str, Any] | None:
            if not text:
                return None
            match = _LAB.match(text)
            if match is None or match.group(2).casefold() not in units:
                raise ValueError(text)
            value = float(match.group(1).replace(",", "."))
            if not 0 < value <= 20:
                raise ValueError(text)
            return {"value": value, "unit": units[match.group(2).casefold()]}

        def ferritin(text: str) -> dict[str, Any] | None:
            if not text:
                return None
            match = _NUMBER.match(text.removesuffix("µg/L").removesuffix("ug/L"))
            if match is None:
                raise ValueError(text)
            value = float(match.group(1).replace(",", "."))
            if not 0 < value <= 10_000:
                raise ValueError(text)
            return {"value": value, "unit": "ug/L"}

        labs: dict[str, Any] = {}
        mg = self.ask(
            f"{self.question('lab_magnesium')}: ",
            magnesium,
            self.t("Write the value and its unit, e.g. 0,68 mmol/L, 1,7 mg/dL or 1,4 mEq/L."),
        )
        if mg:
            labs["magnesium"] = mg
        fe = self.ask(
            f"{self.question('lab_ferritin')}: ",
            ferritin,
            self.t("Write the ferritin value in µg/L, e.g. 40."),
        )
        if fe:
            labs["ferritin"] = fe

        def saturation(text: str) -> dict[str, Any] | None:
            if not text:
                return None
            match = _NUMBER.match(text.removesuffix("%"))
            if match is None:
                raise ValueError(text)
            value = float(match.group(1).replace(",", "."))
            if not 0 <= value <= 100:
                raise ValueError(text)
            return {"value": value, "unit": "%"}

        tsat = self.ask(
            f"{self.question('lab_tsat')}: ",
            saturation,
            self.t("Write the transferrin saturation in %, e.g. 18."),
        )
        if tsat:
            labs["transferrin_saturation"] = tsat
        return labs
