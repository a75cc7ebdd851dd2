"""What the report's document needs beyond the findings: the doctor's tables (blood values
with what they are compared with, medicines and supplement), the diet estimate's groups or
why it is not shown, and the sources behind each figure.

Built by :func:`mgcheck.results.assess.build_report`, in the report's language (which it speaks
while it builds: ``i18n.speaking``); pure, like it.
The renderers only lay these out: which value is compared with which limit, and whether the
diet estimate may be shown, is decided here and in the rules, never in ``render/``.
"""

from __future__ import annotations

from typing import Literal

from mgcheck.i18n import _, current, format_number
from mgcheck.models.answers import Answers
from mgcheck.models.assess_data import AssessData
from mgcheck.record import Record
from mgcheck.rules.assess import Assessment, BloodState, magnesium_mmol_per_l
from mgcheck.rules.limits import upper_limit
from mgcheck.vocab import Level, MagnesiumUnit

FOOD_SOURCES = ("usda-sr28", "fineli-20")  # the datasets data/foods.yaml is built from

# Why an answered diet has no estimate in the report: under 18 the check shows no amounts;
# when magnesium must stop, and beside an urgent finding, an intake figure would invite
# topping up or reassure beside a danger sign.
DietWithheld = Literal["under_18", "must_stop", "urgent"]


class LabRow(Record):
    """A blood value as the person gave it, and what it is compared with."""

    name: str
    value: str  # with its unit; another unit's value converted to mmol/L beside it
    compared: str  # the reference range or the guideline's threshold, in words
    sources: tuple[str, ...]


class DietRow(Record):
    group: str  # the group as the question named it, with its portion
    short: str  # the group's name alone
    portions: float  # a day, as answered
    mg: float  # a day, from this group


class Supplement(Record):
    name: str  # the form, or "elemental magnesium", in the report's language
    dose: str  # "400 mg × 2 a day"
    # A label read both ways: what each end of the day's range is (review 2, point 8).
    readings: str | None = None


class ReportFacts(Record):
    answers: tuple[tuple[str, str], ...]  # the answers the doctor's tables do not show
    labs: tuple[LabRow, ...]
    medicines: tuple[str, ...]
    supplement: Supplement | None
    considering: bool  # no supplement, but thinking of one
    diet: tuple[DietRow, ...]  # the estimate's groups, largest first; empty when not shown
    diet_withheld: DietWithheld | None  # set only when the diet questions were answered
    need_sources: tuple[str, ...]
    limit_sources: tuple[str, ...]
    food_sources: tuple[str, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source these facts cite, in the order the document cites them."""
        keys = [*self.need_sources, *self.limit_sources]
        if self.diet:
            keys += self.food_sources
        keys += [key for lab in self.labs for key in lab.sources]
        return tuple(dict.fromkeys(keys))


def diet_withheld(answers: Answers, assessment: Assessment) -> DietWithheld | None:
    """Why the diet estimate is not shown although its questions were answered, or None."""
    if answers.diet is None:
        return None
    if assessment.diet is None or not assessment.adult:
        return "under_18"
    if assessment.must_stop:
        return "must_stop"
    # Beside something urgent, an estimate that reaches the need would reassure; one below it
    # is shown (the rules keep "your diet may give too little" there).
    if assessment.level is Level.URGENT and not any(h.id == "diet-low" for h in assessment.hits):
        return "urgent"
    return None


def _flag(state: BloodState) -> str:
    """Where the value lies against the range it was judged against, for the doctor."""
    if state in (BloodState.CRITICAL_LOW, BloodState.LOW):
        return _("below the range")
    if state is BloodState.EDGE_LOW:
        return _("just below the range")
    if state is BloodState.EDGE_HIGH:
        return _("just above the range")
    if state in (BloodState.HIGH, BloodState.CRITICAL_HIGH):
        return _("above the range")
    return _("within the range")


def _labs(answers: Answers, assessment: Assessment, data: AssessData) -> tuple[LabRow, ...]:
    labs = answers.labs
    if labs is None:
        return ()
    rows: list[LabRow] = []
    limits = data.limits
    blood = assessment.blood
    if labs.magnesium is not None and blood is not None:
        mg = labs.magnesium
        value = f"{format_number(mg.value, 2)} {mg.unit.value}"
        if mg.unit is not MagnesiumUnit.MMOL_L:
            value += f" = {format_number(magnesium_mmol_per_l(mg), 2)} mmol/L"
        value += f" ({_flag(blood.state)})"
        # The range the value was judged against (review 2: the doctor's table and "For you"
        # compare with the same range): the person's laboratory's when given.
        lab = blood.range
        span = f"{format_number(lab.low, 2)}–{format_number(lab.high, 2)} mmol/L"
        if blood.own:
            compared = _("the person's laboratory's range: {range}").format(range=span)
            if mg.unit is not MagnesiumUnit.MMOL_L and mg.range is not None:
                low, high = (format_number(end, 2) for end in mg.range)
                compared += f" (= {low}–{high} {mg.unit.value})"
            sources = limits.lab_spread.sources
        elif lab.child:
            compared = _("reference range for this age: {range}").format(range=span)
            sources = limits.child_lab_ranges.sources
        else:
            compared = _("reference range for adults: {range}").format(range=span)
            sources = limits.lab_range.sources
        rows.append(LabRow(_("Blood magnesium"), value, compared, tuple(sources)))
    iron = limits.iron
    if labs.ferritin is not None:
        rows.append(
            LabRow(
                _("Ferritin"),
                f"{format_number(labs.ferritin.value, 0)} µg/L",
                _("restless legs: guidelines suggest iron at {value} µg/L or lower").format(
                    value=format_number(iron.ferritin_ug_per_l)
                ),
                tuple(iron.sources),
            )
        )
    if labs.transferrin_saturation is not None:
        rows.append(
            LabRow(
                _("Transferrin saturation"),
                f"{format_number(labs.transferrin_saturation.value, 0)} %",
                _("restless legs: guidelines suggest iron below {value} %").format(
                    value=format_number(iron.tsat_pct)
                ),
                tuple(iron.sources),
            )
        )
    return tuple(rows)


def _diet(answers: Answers, assessment: Assessment, data: AssessData) -> list[DietRow]:
    if answers.diet is None or assessment.diet is None:
        return []
    rows = []
    for group, label in data.questions.labels.diet.items():
        text = label.get(current())
        rows.append(
            DietRow(
                group=text,
                short=text.split(" (", 1)[0],
                portions=getattr(answers.diet, group.value),
                mg=assessment.diet.by_group[group.value],
            )
        )
    return sorted(rows, key=lambda row: -row.mg)


def report_facts(
    answers: Answers,
    assessment: Assessment,
    data: AssessData,
    summary: list[tuple[str, str]],
    supplement: Supplement | None,
) -> ReportFacts:
    """The facts for ``answers`` in the language spoken now; ``summary`` is the report's
    answers in it."""
    lang = current()
    withheld = diet_withheld(answers, assessment)
    diet = [] if withheld else _diet(answers, assessment, data)
    labs = _labs(answers, assessment, data)
    # Shown in the doctor's tables (or beside the diet estimate) instead of as answers.
    moved = {_("Medicines"), _("Magnesium supplement"), *(lab.name for lab in labs)}
    if diet:
        moved.add(_("Portions a day"))
    need_sources: tuple[str, ...] = ()
    limit_sources: tuple[str, ...] = ()
    if assessment.adult:
        std = data.limits.standard(assessment.standard)
        need_sources = tuple(std.intake_sources) if assessment.need_mg is not None else ()
        row = upper_limit(std, answers.age)
        limit_sources = () if row is None else tuple(row.sources)
    labels = data.questions.labels
    return ReportFacts(
        answers=tuple(row for row in summary if row[0] not in moved),
        labs=labs,
        medicines=tuple(labels.medicines[m].get(lang) for m in answers.medicines),
        supplement=supplement,
        considering=answers.magnesium is None and answers.considering_magnesium,
        diet=tuple(diet),
        diet_withheld=withheld,
        need_sources=need_sources,
        limit_sources=limit_sources,
        food_sources=FOOD_SOURCES,
    )
