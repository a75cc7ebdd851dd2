"""The questions of `mgcheck assess`, asked one by one in a terminal and answered in people's words.

Only what applies is asked: no pregnancy question for men, no breastfeeding question in
pregnancy, no leg details without leg symptoms, no dose details without a supplement. Answers
are read by :mod:`mgcheck.rules.understand` with the words of data/words.yaml: numbers or the
options' own words (``kvinde``, ``furosemid og omeprazol``), units (``67 år``, ``18 ng/ml``),
fractions and ranges, "ved ikke". A word that points at several options gets one question back
naming them; an answer that cannot be used is explained and asked again. The result is the same
dict an answers file holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from mgcheck.errors import MgcheckError
from mgcheck.i18n import _, current, join_and
from mgcheck.models.answers import Answers, Diet, Legs, Supplement, bounds, whole_bounds
from mgcheck.models.assess_data import AssessData
from mgcheck.models.base import Text, one_line
from mgcheck.vocab import (
    LEGACY_VALUES,
    Condition,
    DietGroup,
    Distress,
    LookAlike,
    Medicine,
    Sex,
    Symptom,
)

if TYPE_CHECKING:
    from mgcheck.models.guidance import FormsFile
    from mgcheck.models.words import WordsFile
    from mgcheck.rules.label import LabelDose, Said
    from mgcheck.rules.understand import Ambiguous, LabKind, MenuName, MenuWords, NotUnderstood

T = TypeVar("T")
PREGNANCY_AGES = range(12, 56)


class Refused(ValueError):
    """An answer that cannot be used, with the sentence that says why (asked again)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Prompter:
    """Asks one thing at a time until the answer can be used.

    ``prompts`` counts the questions, ``reasks`` the answers that had to be asked again and
    ``follow_ups`` the questions back ("which do you mean?", "which unit?"): the terminal tests
    count them, so an answer the issue says must be understood can never quietly cost a re-ask.
    ``width`` is the terminal's: every prompt is wrapped to it at spaces (:meth:`line`). It is
    the console's when ``say`` is its :func:`~mgcheck.render.console.sayer`, as in every
    command; None (a plain ``say``, as tests give) leaves prompts as they are. It asks in the
    language spoken now (``i18n.current``); inside ``with i18n.speaking(lang):`` it asks in
    ``lang``, every word of it.
    """

    def __init__(
        self,
        read: Callable[[str], str],
        say: Callable[[str], None],
        words: WordsFile | None = None,
        *,
        width: int | None = None,
    ) -> None:
        self._read = read
        self.say = say
        if width is None:
            from mgcheck.render.console import Sayer

            width = say.width if isinstance(say, Sayer) else None
        self.width = width
        self.prompts = 0
        self.reasks = 0
        self.follow_ups = 0
        self._words = words

    @property
    def words(self) -> WordsFile:
        """The words people type (data/words.yaml), from the compiled snapshot."""
        if self._words is None:
            from mgcheck.store import snapshot

            self._words = snapshot.words()
        return self._words

    # --- reading -----------------------------------------------------------------------------

    def line(self, prompt: str) -> str:
        """One line from the person; Ctrl-D is a clear error, Ctrl-C first ends the line.

        Every question is asked here: one too long for the terminal is wrapped at spaces, its
        earlier lines said and its last line given to ``read`` (so the terminal never breaks a
        word, and the answer is typed after the question's last word)."""
        if self.width is not None:
            from mgcheck.render.console import prompt_lines

            *before, prompt = prompt_lines(prompt, self.width)
            for text in before:
                self.say(text)
        try:
            return self._read(prompt)
        except EOFError:
            raise MgcheckError(
                _("input ended before the questions were finished; nothing was saved.")
            ) from None
        except KeyboardInterrupt:
            self.say("")  # the prompt's line ends here, not glued to the shell's next prompt
            raise

    def follow_up(self, prompt: str) -> str:
        """A question back about the answer just given (not a new question)."""
        self.follow_ups += 1
        return self.line(prompt).strip()

    def refuse(self, message: str) -> None:
        self.reasks += 1
        self.say(message)

    def ask(self, prompt: str, parse: Callable[[str], T], problem: str) -> T:
        """Ask until ``parse`` accepts the answer. A :class:`Refused` says its own reason;
        any other ValueError gets ``problem``, which explains what a good answer is."""
        self.prompts += 1
        while True:
            text = self.line(prompt)
            try:
                return parse(text.strip())
            except Refused as refused:
                self.refuse(refused.message)
            except ValueError:
                self.refuse(problem)

    # --- yes and no --------------------------------------------------------------------------

    def _yes_no(self, text: str, unsure: str | None) -> bool:
        from mgcheck.rules.understand import read_yes_no_unknown

        said = read_yes_no_unknown(text, self.words)
        if said is True or said is False:
            return said
        if said is None and unsure is not None:
            raise Refused(unsure)
        raise Refused(_("Answer y or n."))

    def confirm(self, question: str, unsure: str | None = None) -> bool:
        """Yes or no, in words (``ja``, ``jo``, ``nej tak``, ``yes``); "ved ikke" gets
        ``unsure``, the sentence that helps this question's person choose."""
        return self.ask(
            f"{question} {_('[y/n]')} ",
            lambda text: self._yes_no(text, unsure),
            _("Answer y or n."),
        )

    def confirm_or_unknown(self, question: str) -> bool | None:
        """Yes, no, or don't know (None): for questions a person may not be able to answer."""
        from mgcheck.rules.understand import NotUnderstood, read_yes_no_unknown

        def parse(text: str) -> bool | None:
            said = read_yes_no_unknown(text, self.words)
            if isinstance(said, NotUnderstood):
                raise Refused(_("Answer y, n or don't know."))
            return said

        hint = _("[y/n/don't know]")
        return self.ask(f"{question} {hint} ", parse, _("Answer y, n or don't know."))

    # --- labels ------------------------------------------------------------------------------

    def settle_label(self, read: LabelDose, forms: FormsFile) -> LabelDose:
        """Ask whether the amount of a label that does not say is magnesium itself, with the
        self-check's own question (data/questions.yaml); "ved ikke" keeps both readings, judged
        on the higher (rules/label.py). Every command that reads a label at a terminal asks
        here, so they all ask alike."""
        from mgcheck.store import snapshot

        amounts = [f"{p.part.form} {p.part.amount}" for p in read.parts if p.settled == "open"]
        self.say(
            _(
                "The label does not say whether {amounts} is magnesium itself or the whole "
                "compound."
            ).format(amounts=join_and(amounts))
        )
        question = snapshot.questions().questions["elemental"].get(current())
        known = self.confirm_or_unknown(question)
        said: Said = "unknown" if known is None else "elemental" if known else "compound"
        return read.answered(said, forms)

    # --- numbers -----------------------------------------------------------------------------

    def _number(
        self,
        text: str,
        low: float,
        high: float,
        *,
        whole: bool,
        quantity: str | None,
        example: float,
        middle: bool,
        out_of: int | None = None,
        nouns: tuple[str, ...] = (),
    ) -> float:
        """A number as typed (``67 år``, ``½``, ``1,5``, ``to``); a range is settled here: its
        middle is taken and said (``middle``), or which end is asked back."""
        from mgcheck.rules.understand import (
            Expect,
            NeedsUnit,
            NotUnderstood,
            Number,
            Range,
            explain,
            explain_higher,
            explain_range,
            read_number,
        )

        expect = Expect(
            low, high, example, whole=whole, quantity=quantity, out_of=out_of, nouns=nouns
        )
        read = read_number(text, current(), self.words, expect)
        while True:
            if isinstance(read, Number):
                return read.value
            if isinstance(read, NeedsUnit):  # no quantity asked here has to ask its unit
                return read.value
            if isinstance(read, Range):
                if middle and not (whole and read.middle != int(read.middle)):
                    self.say(explain_range(read, self.words, current(), middle=True))
                    return read.middle
                prompt = explain_range(read, self.words, current(), middle=False)
                again = read_number(self.follow_up(prompt + " "), current(), self.words, expect)
                if isinstance(again, NotUnderstood) and again.reason == "dont_know":
                    # "ved ikke" to "Er det 4 eller 5?": the higher, the safer count, and said
                    self.say(explain_higher(read, self.words, current()))
                    return read.high
                read = again
                continue
            raise Refused(explain(read, self.words, current()))

    def whole_number(
        self,
        prompt: str,
        low: int,
        high: int,
        *,
        example: float,
        optional: bool = False,
        quantity: str | None = None,
        out_of: int | None = None,
    ) -> int | None:
        """A whole number from ``low`` to ``high``; Enter gives None when ``optional``.
        ``example`` is a typical answer, said when one cannot be used; ``out_of``: a score on
        that scale, which may be typed "7 ud af 10" or "7/10"."""

        def parse(text: str) -> int | None:
            if optional and not text:
                return None
            return int(
                self._number(
                    text,
                    low,
                    high,
                    whole=True,
                    quantity=quantity,
                    example=example,
                    middle=False,
                    out_of=out_of,
                )
            )

        return self.ask(f"{prompt} ", parse, "")

    def decimal(
        self,
        prompt: str,
        low: float,
        high: float,
        *,
        example: float,
        quantity: str | None = None,
        nouns: tuple[str, ...] = (),
    ) -> float:
        """A number from ``low`` to ``high``; a range counts as its middle, and says so.
        ``example`` is a typical answer, said when one cannot be used; ``nouns``: what is
        counted, which may follow the number ("2 skiver rugbrød")."""
        return self.ask(
            f"{prompt} ",
            lambda text: self._number(
                text,
                low,
                high,
                whole=False,
                quantity=quantity,
                example=example,
                middle=True,
                nouns=nouns,
            ),
            "",
        )


class Interview(Prompter):
    def __init__(
        self,
        data: AssessData,
        read: Callable[[str], str],
        say: Callable[[str], None],
        words: WordsFile | None = None,
        *,
        width: int | None = None,
    ) -> None:
        super().__init__(read, say, words, width=width)
        self.data = data
        self._menus: dict[str, MenuWords] = {}

    # --- asking ------------------------------------------------------------------------------

    def question(self, key: str, **values: str) -> str:
        return self.data.questions.questions[key].get(current()).format(**values)

    def yes_no(self, key: str, unsure: str | None = None) -> bool:
        return self.confirm(
            self.question(key),
            unsure or _("Answer y or n: whichever fits you best."),
        )

    def whole(self, key: str, low: int, high: int, quantity: str, example: float) -> int:
        value = self.whole_number(self.question(key), low, high, quantity=quantity, example=example)
        assert value is not None
        return value

    def _menu_words(self, name: MenuName) -> MenuWords:
        if name not in self._menus:
            from mgcheck.rules.understand import menu_words

            self._menus[name] = menu_words(self.words, name)
        return self._menus[name]

    def _list(self, options: Sequence[tuple[Any, Text]]) -> None:
        for number, (_value, label) in enumerate(options, start=1):
            self.say(f"  {number}. {label.get(current())}")

    def one_of(self, key: str, menu: MenuName, options: Sequence[tuple[T, Text]]) -> T:
        """One option, by number or in words; a word that fits several is asked back."""
        from mgcheck.rules.understand import Ambiguous, Chosen, choose_one, explain

        self.say(self.question(key))
        self._list(options)
        words = self._menu_words(menu)

        def parse(text: str) -> T:
            chosen = choose_one(text, options, words)
            if isinstance(chosen, Chosen):
                return chosen.value
            if isinstance(chosen, Ambiguous):
                settled = self._settle(chosen, options, words, several=False)
                if settled:
                    return settled[0]
                raise Refused(_("Then choose the one that fits best from the list."))
            raise Refused(explain(chosen, self.words, current()))

        return self.ask(_("Number or word: "), parse, "")

    def some_of(self, key: str, menu: MenuName, options: Sequence[tuple[T, Text]]) -> list[T]:
        """Any number of options, by numbers or words ("furosemid og omeprazol"); Enter for
        none. Words that fit several are asked back; pieces not understood are asked again
        while what was understood is kept."""
        self.say(self.question(key))
        self._list(options)
        words = self._menu_words(menu)
        prompt = _("Numbers or words, e.g. 1,3 (Enter for none): ")
        return self.ask(prompt, lambda text: self._pick(text, options, words), "")

    def _pick(self, text: str, options: Sequence[tuple[T, Text]], words: MenuWords) -> list[T]:
        from mgcheck.rules.understand import NotUnderstood, Picked, choose_some, explain_picked

        picked = choose_some(text, options, words)
        if isinstance(picked, NotUnderstood):
            from mgcheck.rules.understand import explain

            raise Refused(explain(picked, self.words, current()))
        values = list(picked.values)
        if picked.not_listed:
            for line in explain_picked(
                Picked((), (), (), picked.not_listed), options, words, current()
            ):
                self.say(line)
        for ambiguous in picked.ambiguous:
            values += [
                v for v in self._settle(ambiguous, options, words, several=True) if v not in values
            ]
        if picked.unknown:
            self.reasks += 1
            for line in explain_picked(Picked((), (), picked.unknown), options, words, current()):
                self.say(line)
            if values:
                shown = join_and([self._label(v, options) for v in values])
                self.say(_("So far: {answers}.").format(answers=shown))
            more = self.follow_up(_("Type it again, or press Enter to leave it out: "))
            if more:
                values += [v for v in self._pick(more, options, words) if v not in values]
        return values

    def _label(self, value: object, options: Sequence[tuple[Any, Text]]) -> str:
        return next(label.get(current()) for v, label in options if v == value)

    def _settle(
        self,
        ambiguous: Ambiguous[T],
        options: Sequence[tuple[T, Text]],
        words: MenuWords,
        *,
        several: bool,
    ) -> list[T]:
        """Ask back which of the candidates a word meant: one short question naming them.
        "Ingen af dem" / "none of them" gives none. One candidate is a real choice, yes or no
        ("nyrer": kidney disease?), not a list of one: a misspelling is yes or no, a word that
        points at one option yes, no or don't know (counted, to be safe, and said so)."""
        from mgcheck.rules.understand import (
            Chosen,
            NotUnderstood,
            choose_one,
            choose_some,
            explain,
            read_yes_no_unknown,
        )

        candidates = [(c, label) for c, label in options if c in ambiguous.candidates]
        if ambiguous.guess and len(candidates) == 1:
            value, label = candidates[0]
            question = _('Do you mean "{answer}"?').format(answer=label.get(current()))
            while True:
                text = self.follow_up(f"{question} {_('[y/n]')} ")
                try:
                    return [value] if self._yes_no(text, None) else []
                except Refused as refused:
                    self.refuse(refused.message)
        if len(candidates) == 1:
            value, label = candidates[0]
            answer = label.get(current())
            question = _('By "{phrase}", do you mean {answer}?').format(
                phrase=ambiguous.phrase, answer=answer
            )
            while True:
                hint = _("[y/n/don't know]")
                said = read_yes_no_unknown(self.follow_up(f"{question} {hint} "), self.words)
                if said is None:
                    self.say(
                        _(
                            'I am counting "{answer}", to be safe: ask your doctor whether it '
                            "applies to you."
                        ).format(answer=answer)
                    )
                    return [value]
                if isinstance(said, bool):
                    return [value] if said else []
                self.refuse(_("Answer y, n or don't know."))
        self.say(_('What do you mean by "{phrase}"?').format(phrase=ambiguous.phrase))
        self._list(candidates)
        prompt = _('Numbers, or "none of them": ') if several else _('Number, or "none of them": ')
        while True:
            text = self.follow_up(prompt)
            if text:
                picked = choose_some(text, candidates, words)
                if not isinstance(picked, NotUnderstood) and picked.complete:
                    if not picked.values and not picked.not_listed:
                        return []  # "none of them"
                    if several and picked.values:
                        return list(picked.values)
                if not several:
                    chosen = choose_one(text, candidates, words)
                    if isinstance(chosen, Chosen):
                        return [chosen.value]
                    if isinstance(chosen, NotUnderstood):
                        self.refuse(explain(chosen, self.words, current()))
                        continue
            self.refuse(prompt.strip().rstrip(":"))

    # --- the questions -----------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        labels = self.data.questions.labels
        answers = self.about_you()
        if self.yes_no(
            "taking_magnesium",
            _("If you take anything with magnesium in it now, answer y; otherwise n."),
        ):
            answers["magnesium"] = self.supplement()
        else:
            answers["considering_magnesium"] = self.yes_no("considering_magnesium")
        return self._rest(answers, labels)

    def about_you(self) -> dict[str, Any]:
        """Age, sex, pregnancy, conditions and medicines: what the self-check and the trial's
        safety screen both need before anything about magnesium."""
        labels = self.data.questions.labels
        answers: dict[str, Any] = {}
        answers["age"] = self.whole("age", *whole_bounds(Answers, "age"), "years", 67)
        sex = self.one_of("sex", "sex", [(s, labels.sex[s]) for s in Sex])
        answers["sex"] = sex.value
        takes_iron = False
        if sex is Sex.FEMALE and answers["age"] in PREGNANCY_AGES:
            answers["pregnant"] = self.yes_no(
                "pregnant", _("If you may be pregnant, answer y; otherwise n.")
            )
            if answers["pregnant"]:
                # Danish pregnancy care advises iron from week 10 (sst-pregnancy-iron).
                takes_iron = self.yes_no("pregnant_iron")
            else:
                answers["breastfeeding"] = self.yes_no("breastfeeding")
        answers["conditions"] = [
            c.value
            for c in self.some_of(
                "conditions", "conditions", [(c, labels.conditions[c]) for c in Condition]
            )
        ]
        offered = [
            (m, labels.medicines[m])
            for m in Medicine
            if m.value not in LEGACY_VALUES and not (takes_iron and m is Medicine.IRON)
        ]
        answers["medicines"] = [
            *(["iron"] if takes_iron else []),
            *(m.value for m in self.some_of("medicines", "medicines", offered)),
        ]
        return answers

    def _rest(self, answers: dict[str, Any], labels: Any) -> dict[str, Any]:
        """Symptoms, legs, diet and labs: the rest of the self-check."""
        answers["symptoms_now"] = [
            s.value
            for s in self.some_of(
                "symptoms_now",
                "symptoms",
                [(s, labels.symptoms[s]) for s in Symptom if s.value not in LEGACY_VALUES],
            )
        ]
        if self.yes_no("has_legs"):
            answers["legs"] = self.legs()
        if self.yes_no("has_diet"):
            foods = self.words.menus.diet.words
            answers["diet"] = {
                group.value: self.decimal(
                    self.question("diet_group", group=labels.diet[group].get(current())),
                    *bounds(Diet, group.value),
                    quantity="portions",
                    example=1,
                    nouns=tuple(foods[group.value].every()),
                )
                for group in DietGroup
            }
        if self.yes_no("has_labs"):
            labs = self.labs()
            if labs:
                answers["labs"] = labs
        return answers

    def supplement(self) -> dict[str, Any]:
        """Form, amount, whether the mg is magnesium itself, and how many a day. A whole label
        typed at the first question (``bisglycinat 100 mg elementært``) answers the next two."""
        label: dict[str, Any] = {}
        form = self.ask(
            f"{self.question('form')} ",
            lambda text: self._form(text, label),
            _("mgcheck does not know that form. See mgcheck dose --list, or type don't know."),
        )
        supplement: dict[str, Any] = {"form": form}
        if "amount_mg" in label:
            supplement["amount_mg"] = label["amount_mg"]
        else:
            supplement["amount_mg"] = self.ask(
                f"{self.question('amount_mg')} ",
                self._amount,
                _("Write the amount, e.g. 400, 400 mg or 1,5 g."),
            )
        if "elemental" in label:
            supplement["elemental"] = label["elemental"]
        else:
            known = self.confirm_or_unknown(self.question("elemental"))
            supplement["elemental"] = "unknown" if known is None else known
        supplement["per_day"] = label.get("per_day") or self.whole(
            "per_day", *whole_bounds(Supplement, "per_day"), "per_day", 2
        )
        return supplement

    def _form(self, text: str, label: dict[str, Any]) -> str:
        """The form as the label names it, "ved ikke" (unknown), or the whole label."""
        from mgcheck.rules.assess import UNKNOWN_FORM_WORDS
        from mgcheck.rules.dose import FormProblem, NeedsElemental, UnknownForm, resolve_form
        from mgcheck.rules.label import read_label
        from mgcheck.rules.understand import LabelReading, is_dont_know, read_label_words

        if text.casefold() in UNKNOWN_FORM_WORDS or (text and is_dont_know(text, self.words)):
            return "unknown"
        one_line(text)  # a name is a name: one line, no control characters (asked again)
        if any(ch.isdigit() for ch in text):
            try:
                read: LabelDose | None = _one_part(
                    read_label(text.split(), self.data.forms, self.words)
                )
            except FormProblem:
                read = None  # the form's name is refused below, with suggestions
                words = read_label_words(text.split(), self.words)
                if isinstance(words, LabelReading) and words.parts[0].form:
                    text = words.parts[0].form
            if read is not None:
                part = read.parts[0]
                label["amount_mg"] = part.part.amount_mg
                if read.per_day is not None:
                    label["per_day"] = read.per_day
                if part.settled == "label":  # the label's own words say how to read it
                    label["elemental"] = _SAID_BY_READING[part.dose.reading]
                if part.part.form is None:
                    return "unknown"  # "magnesium 100 mg": magnesium itself, any form
                text = part.part.form
        try:
            resolve_form(self.data.forms, text)
        except FormProblem as problem:
            if label.get("elemental") is True:
                return text  # magnesium itself: the form does not change the amount
            label.clear()
            if isinstance(problem, UnknownForm) and problem.suggestions:
                names = ", ".join(f.name.get(current()) for f in problem.suggestions)
                raise Refused(
                    _(
                        "mgcheck does not know that form. Did you mean: {names}? "
                        'Or type "don\'t know".'
                    ).format(names=names)
                ) from None
            if isinstance(problem, NeedsElemental):
                raise Refused(
                    problem.entry.note.get(current())
                    + " "
                    + _(
                        'Type "don\'t know", then say yes when asked whether the mg is '
                        "magnesium itself."
                    )
                ) from None
            raise ValueError(text) from None
        return text

    def _amount(self, text: str) -> float:
        from mgcheck.cli.messages import amount
        from mgcheck.rules.dose import InvalidAmount, parse_amount
        from mgcheck.rules.understand import is_dont_know

        if text and is_dont_know(text, self.words):
            raise Refused(_("Look on the label: it gives the mg per tablet or dose."))
        try:
            return parse_amount(text)
        except InvalidAmount as exc:
            raise Refused(amount(exc)) from None

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
            for a in self.some_of(
                "look_alikes", "look_alikes", [(a, labels.look_alikes[a]) for a in LookAlike]
            )
        ]
        legs["days_per_week"] = self.whole(
            "days_per_week", *whole_bounds(Legs, "days_per_week"), "days_per_week", 3
        )
        legs["distress"] = self.one_of(
            "distress", "distress", [(d, labels.distress[d]) for d in Distress]
        ).value
        legs["sleep_disturbed"] = self.yes_no("sleep_disturbed")
        return legs

    def labs(self) -> dict[str, Any]:
        """Each value as the lab wrote it, with or without its unit; Enter or "ved ikke" for
        none. Blood magnesium without a unit asks which (Enter: mmol/L, as Danish labs use)."""
        from functools import partial

        labs: dict[str, Any] = {}
        kinds: tuple[tuple[LabKind, str], ...] = (
            ("magnesium", "lab_magnesium"),
            ("ferritin", "lab_ferritin"),
            ("transferrin_saturation", "lab_tsat"),
        )
        for kind, question in kinds:
            value = self.ask(f"{self.question(question)}: ", partial(self._lab, kind=kind), "")
            if value is not None:
                labs[kind] = value
            if kind == "magnesium" and value is not None and not self._range_kept(value):
                # The laboratory's own range judges the value (issue 17, point 5); asked only
                # when it was not typed with the value ("P-Magnesium 1,05 mmol/l (0,70-1,00)").
                found = self.ask(
                    f"{self.question('lab_magnesium_range')}: ",
                    partial(self._lab_range, lab=value),
                    "",
                )
                if found is not None:
                    value["range"] = list(found)
        return labs

    @staticmethod
    def _range_kept(lab: dict[str, Any]) -> bool:
        """Whether a range typed with the value holds for it; one that cannot (another unit)
        is dropped, so the range question asks for it."""
        from mgcheck.models.answers import MagnesiumLab

        if "range" not in lab:
            return False
        try:
            MagnesiumLab.model_validate(lab)
        except ValueError:
            del lab["range"]
            return False
        return True

    def _lab_range(self, text: str, lab: dict[str, Any]) -> tuple[float, float] | None:
        """The range printed on the result ("0,70-1,00"), in the value's unit; Enter or "ved
        ikke" for none."""
        from pydantic import ValidationError

        from mgcheck.models.answers import MagnesiumLab, read_range
        from mgcheck.rules.understand import is_dont_know

        if not text or is_dont_know(text, self.words):
            return None
        try:
            found = read_range(text)
        except ValueError:
            raise Refused(
                _("Write the range as the result gives it, e.g. 0,70-1,00, or press Enter.")
            ) from None
        try:
            MagnesiumLab.model_validate({**lab, "range": list(found)})
        except ValidationError:
            raise Refused(
                _(
                    "That range does not look like one in {unit}: give it in the same unit "
                    "as the value, or press Enter."
                ).format(unit=lab["unit"])
            ) from None
        return found

    def _lab(self, text: str, kind: LabKind) -> dict[str, Any] | None:
        from mgcheck.folding import phrase_key
        from mgcheck.rules.understand import (
            NeedsUnit,
            NotUnderstood,
            Number,
            Unknown,
            explain,
            explain_unit,
            read_lab,
            read_unit,
        )

        if not text or phrase_key(text) in {phrase_key(p) for p in self.words.answers.none.every()}:
            return None  # Enter, "ingen", "nej": no such result
        read = read_lab(text, kind, self.words)
        if isinstance(read, Unknown):
            return None
        if isinstance(read, NotUnderstood):
            raise Refused(explain(read, self.words, current()))
        kept = {} if read.reference is None else {"range": list(read.reference)}
        if isinstance(read, Number):
            return {"value": read.value, "unit": read.unit, **kept}
        assert isinstance(read, NeedsUnit)
        quantity = f"lab_{kind}"
        while True:
            unit = read_unit(
                self.follow_up(explain_unit(read, self.words, current()) + " "),
                quantity,
                self.words,
            )
            if isinstance(unit, str):
                return {"value": read.value, "unit": unit, **kept}
            if isinstance(unit, Unknown):
                self.say(
                    _("I am counting {unit}, the unit Danish laboratories use.").format(
                        unit=read.default
                    )
                )
                return {"value": read.value, "unit": read.default, **kept}
            self.refuse(explain(unit, self.words, current()))


def _one_part(read: LabelDose | NotUnderstood) -> LabelDose | None:
    """A label of one compound, as the self-check's supplement question takes it."""
    from mgcheck.rules.label import LabelDose

    return read if isinstance(read, LabelDose) and len(read.parts) == 1 else None


# How the self-check's answers file says what the label's words said (``elemental``).
_SAID_BY_READING: dict[str, bool | str] = {
    "elemental": True,
    "both": "unknown",
    "label": False,
    "any_form": False,
}
