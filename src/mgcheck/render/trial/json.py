"""`mgcheck diary trial --json`: the ``mgcheck.trial`` and ``mgcheck.trial.history`` payloads
(the envelope is render/console.write_json's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from mgcheck.i18n import current
from mgcheck.models.guidance import SourceEntry
from mgcheck.models.plan import Plan, minimum_p
from mgcheck.models.trial import TrialFile
from mgcheck.render.trial.words import (
    chances_text,
    no_estimate_text,
    not_finished_text,
    verdict_text,
)
from mgcheck.results.trial import Outcome, Planning, TrialState
from mgcheck.rules.trial import can_reach
from mgcheck.rules.trial_analysis import Analysis

if TYPE_CHECKING:
    from mgcheck.models import outputs
    from mgcheck.models.outputs import TrialPlan


def plan_json(plan: Plan, today: dt.date) -> TrialPlan:
    """The plan as the export keeps it (the one serialiser, store/diary_files.plan_dict),
    without its periods (the payload lists them with more), with its status as of today and
    what follows from it."""
    from mgcheck.store.diary_files import plan_dict

    kept = {key: value for key, value in plan_dict(plan).items() if key != "periods"}
    derived = {
        "status": plan.status_on(today).value,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "pairs": plan.pairs,
        "minimum_p": minimum_p(plan.pairs),
        "can_reach_alpha": can_reach(plan.pairs, plan.alpha),
    }
    return cast("TrialPlan", {**kept, **derived})


def _check(analysis: Analysis | None) -> outputs.TrialCheck | None:
    """A sensitivity check (or sleep) in short: its pairs, difference, interval, test, verdict."""
    if analysis is None:
        return None
    estimate = analysis.estimate
    if estimate is None:
        return {
            "pairs_used": sum(r.used for r in analysis.rows),
            "difference": None,
            "interval": None,
            "p_randomization": None,
            "probability_better": None,
            "verdict": "not_enough_nights",
        }
    return {
        "pairs_used": estimate.pairs_used,
        "difference": estimate.difference,
        "interval": {"low": estimate.low, "high": estimate.high},
        "p_randomization": estimate.p_randomization,
        "probability_better": estimate.probability_better,
        "verdict": estimate.verdict.value,
    }


def _periods(
    state: TrialState, outcome: Outcome | None, hidden: bool
) -> list[outputs.TrialPeriod]:
    plan = state.plan
    summaries = {}
    if outcome is not None and outcome.analysis is not None:
        summaries = {s.period.start: s for s in outcome.analysis.periods}
    periods: list[outputs.TrialPeriod] = []
    for period in plan.periods:
        item: outputs.TrialPeriod = {
            "pair": period.pair,
            "arm": None if hidden else period.arm.value,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "counted_from": (period.start + dt.timedelta(days=plan.washout_days)).isoformat(),
        }
        if outcome is not None:
            summary = summaries.get(period.start)
            item["mean"] = None if summary is None else summary.mean
            item["counted"] = None if summary is None else len(summary.counted)
            item["off_plan"] = None if summary is None else len(summary.off_plan)
            item["missing"] = None if summary is None else len(summary.missing)
        periods.append(item)
    return periods


def planning_json(planning: Planning) -> outputs.TrialPlanning:
    """What the plan can find for this person: the run-in, the measured spread (or None), the
    smallest difference found 4 times in 5, the example figures, designs of the same length."""
    spread = planning.spread
    return {
        "run_in": [d.isoformat() for d in planning.run_in[:1] + planning.run_in[-1:]],
        "run_in_written": planning.written,
        "spread": None
        if spread is None
        else {
            "nights": spread.nights,
            "mean": spread.mean,
            "sd": spread.sd,
            "correlation": spread.correlation,
        },
        "smallest_found": planning.smallest,
        "assumed": [{"sd": sd, "smallest_found": found} for sd, found in planning.assumed],
        "correlation": planning.correlation,
        "designs": [
            {
                "pairs": d.pairs,
                "period_days": d.period_days,
                "washout_days": d.washout_days,
                "nights": d.nights,
                "smallest_found": d.smallest,
            }
            for d in planning.designs
        ],
    }


def trial_json(
    state: TrialState,
    trial: TrialFile,
    outcome: Outcome | None = None,
    sources: Sequence[tuple[int, SourceEntry]] = (),
    planning: Planning | None = None,
) -> outputs.TrialPayload:
    """The payload of ``mgcheck.trial``: the schedule always (a blinded plan's arms only once
    it has ended); the result with ``outcome``."""
    plan = state.plan
    hidden = plan.blinded and state.running
    tonight = state.tonight
    payload: outputs.TrialPayload = {
        "plan": plan_json(plan, state.today),
        "today": state.today.isoformat(),
        "tonight": None
        if tonight is None
        else {
            "night": tonight.night.isoformat(),
            "pair": tonight.period.pair,
            "period": tonight.number,
            "arm": None if hidden else tonight.period.arm.value,
            "washout": tonight.washout,
        },
        "outcome": trial.outcome.text.get(current()),
        "periods": _periods(state, outcome, hidden),
        "planning": None if planning is None else planning_json(planning),
        "lost": [
            {
                "pair": side.pair,
                "arm": None if hidden else side.arm.value,
                "nights": side.nights,
                "possible": side.possible,
                "needed": side.needed,
            }
            for side in state.lost
        ],
        "extensible": state.extensible,
    }
    if outcome is None:
        return payload
    progress = state.progress
    payload["progress"] = {
        "passed": progress.passed,
        "recorded": progress.recorded,
        "followed": progress.followed,
        "off_plan": progress.off_plan,
        "missing": progress.missing,
        "left": progress.left,
    }
    result = outcome.analysis
    payload["finished"] = result is not None
    if result is None:
        payload.update({"verdict": "not_finished", "verdict_text": not_finished_text(state)})
        return payload
    primary = result.primary
    estimate = primary.estimate
    verdict: outputs.Verdict
    if estimate is None:
        verdict, text = "not_enough_nights", no_estimate_text(primary)
    else:
        verdict, text = estimate.verdict.value, verdict_text(estimate, trial)
    payload.update(
        {
            "analysis": "as_randomised",
            "pairs": [
                {
                    "pair": r.pair,
                    "magnesium_mean": r.magnesium_mean,
                    "none_mean": r.none_mean,
                    "difference": r.difference,
                    "magnesium_nights": r.magnesium_nights,
                    "none_nights": r.none_nights,
                    "used": r.used,
                }
                for r in primary.rows
            ],
            "pairs_used": sum(r.used for r in primary.rows),
            "pairs_not_used": [
                {"pair": s.pair, "arm": s.arm.value, "nights": s.nights, "needed": s.needed}
                for s in primary.shortfalls
            ],
            "difference": None if estimate is None else estimate.difference,
            "interval": None if estimate is None else {"low": estimate.low, "high": estimate.high},
            "p_randomization": None if estimate is None else estimate.p_randomization,
            "minimum_p": None if estimate is None else estimate.minimum_p,
            "probability_better": None if estimate is None else estimate.probability_better,
            "probability_matters": None if estimate is None else estimate.probability_matters,
            "verdict": verdict,
            "verdict_text": text,
            "chances_text": None if estimate is None else chances_text(estimate, plan, trial),
            "importance": None
            if estimate is None or estimate.importance is None
            else estimate.importance.value,
            "adherence": {
                "planned": result.adherence.planned,
                "recorded": result.adherence.recorded,
                "followed": result.adherence.followed,
                "off_plan": result.adherence.off_plan,
                "missing": result.adherence.missing,
                "share_followed": result.adherence.share_followed,
            },
            "on_plan": _check(result.on_plan),
            "without_late": _check(result.without_late),
            "entered_late": len(result.entered_late),
            "entered_after_result": len(result.entered_after_result),
            "late_nights": sorted(
                d.isoformat() for d in {*result.entered_late, *result.entered_after_result}
            ),
            "sleep": _check(result.sleep),
            "carryover": [
                {
                    "night": row.night,
                    "magnesium_mean": row.magnesium_mean,
                    "magnesium_nights": row.magnesium_count,
                    "none_mean": row.none_mean,
                    "none_nights": row.none_count,
                }
                for row in result.carryover
            ],
            "harms": {
                "magnesium_nights": result.harms.magnesium_nights,
                "magnesium_with": result.harms.magnesium_with,
                "none_nights": result.harms.none_nights,
                "none_with": result.harms.none_with,
                "magnesium_effects": list(result.harms.magnesium_effects),
                "none_effects": list(result.harms.none_effects),
            },
            "caveats": [
                {
                    "id": name,
                    "text": getattr(trial, name).text.get(current()),
                    "sources": list(getattr(trial, name).sources),
                }
                for name in ("expectation", "blinding", "slow_onset")
            ],
            "sources": [s.key for _n, s in sources],
        }
    )
    return payload


def history_json(plans: Sequence[Plan], today: dt.date) -> outputs.TrialHistoryPayload:
    return {"plans": [plan_json(p, today) for p in plans]}
