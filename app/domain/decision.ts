// Hiring decisions: what may be decided, what a decision must rest on, when it
// goes against the weighted total, when an application is waiting for one, and
// who may read the reasoning. Pure: no database, no clock.
import { activeStages, isOpenStage, type Stage } from "./pipeline";
import { scorecardState } from "./scorecard";
import { isoDay } from "./dates";

export const decisionOutcomes = ["advance", "hire", "reject", "hold"] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];
export const decisionOutcomeLabels: Record<DecisionOutcome, string> = {
  advance: "Advance",
  hire: "Hire",
  reject: "Reject",
  hold: "Hold",
};
export const decisionOutcomeHints: Record<DecisionOutcome, string> = {
  advance: "Moves the application to the next stage (into Offer only once the required checks are cleared).",
  hire: "Records the decision to hire; the move to Offer and Hired stays with the offer and its checks.",
  reject: "Moves the application to Rejected, with the reason chosen below.",
  hold: "Leaves the application where it is.",
};

/**
 * The weighted total is advisory. A decision goes against it when it says yes
 * to a total under the line between "No" (2) and "Yes" (3), or no to a total
 * at "Yes" or above, or hires someone with a must-pass area under the bar.
 */
export const YES_BELOW = 2.5;
export const NO_AT_OR_ABOVE = 3;

export type AgainstTotal = { against: boolean; reasons: string[] };

export function againstTotal(input: {
  outcome: DecisionOutcome;
  weightedTotal: number | null;
  mustPassBelow: string[];
}): AgainstTotal {
  const { outcome, weightedTotal: total } = input;
  const reasons: string[] = [];
  const yes = outcome === "hire" || outcome === "advance";
  if (yes && total !== null && total < YES_BELOW)
    reasons.push(`${outcome === "hire" ? "Hire" : "Advance"} with a weighted total of ${total}, under ${YES_BELOW}`);
  if (outcome === "reject" && total !== null && total >= NO_AT_OR_ABOVE)
    reasons.push(`Reject with a weighted total of ${total}, at or above ${NO_AT_OR_ABOVE}`);
  if (outcome === "hire" && input.mustPassBelow.length)
    reasons.push(`Hire with a must-pass area under the bar: ${input.mustPassBelow.join(", ")}`);
  return { against: reasons.length > 0, reasons };
}

/** Where a decision takes the application: the next stage, Rejected, or nowhere (hire and hold record only). */
export function stageAfter(outcome: DecisionOutcome, stage: Stage): Stage | null {
  if (outcome === "reject") return "rejected";
  if (outcome !== "advance") return null;
  const i = activeStages.indexOf(stage as (typeof activeStages)[number]);
  return i >= 0 && i < activeStages.length - 1 ? activeStages[i + 1] : null;
}

export type DecisionProblem = { field: string; message: string };

/**
 * What the server checks beyond the form's own shape, against the evidence:
 * the cited areas belong to the template the scorecards were filled against,
 * cited scorecards are this application's submitted ones, and a change of a
 * decision already taken at this stage says why.
 */
export function checkDecision(input: {
  stage: Stage;
  outcome: DecisionOutcome;
  citedAreas: string[];
  citedScorecards: number[];
  areaKeys: string[];
  scorecardIds: number[];
  changing: boolean;
  changeReason: string | null;
}): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (!isOpenStage(input.stage))
    problems.push({
      field: "outcome",
      message: "This application is closed: move it back to a stage before deciding again",
    });
  if (input.outcome === "advance" && stageAfter("advance", input.stage) === null)
    problems.push({ field: "outcome", message: "There is no stage after this one to advance to" });
  if (input.citedAreas.length === 0)
    problems.push({ field: "citedAreas", message: "Cite at least one area the decision rests on" });
  else if (input.citedAreas.some((k) => !input.areaKeys.includes(k)))
    problems.push({ field: "citedAreas", message: "Cite areas of the scorecard this application was assessed on" });
  if (input.citedScorecards.some((id) => !input.scorecardIds.includes(id)))
    problems.push({ field: "citedScorecards", message: "Cite only this application's submitted scorecards" });
  if (input.changing && !input.changeReason)
    problems.push({ field: "changeReason", message: "Say why the decision already recorded at this stage is changed" });
  return problems;
}

/**
 * A decision already taken at the application's current stage is changed,
 * never overwritten: the new one supersedes it.
 */
export function decisionAtStage<T extends { stage: string; decidedAt: Date; id: number }>(
  decisions: T[],
  stage: Stage,
): T | null {
  const here = decisions.filter((d) => d.stage === stage);
  return here.sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime() || b.id - a.id)[0] ?? null;
}

export type Evidence = {
  stage: Stage;
  /** Every panel seat on the application's interviews: its scorecard status and when the interview ended. */
  seats: { status: "draft" | "submitted" | null; endsAt: Date; submittedAt: Date | null }[];
  takeHomes: { status: string; gradedAt: Date | null }[];
  decidedStages: string[];
};

/**
 * An application needs a decision when it is open, has no decision at its
 * current stage, every scorecard its panels owe is submitted (none due,
 * overdue, or for an interview still to come, and at least one in), and every
 * take-home it was set is graded (or waived). Returns when the last piece of
 * evidence came in (the list's order), or null when it does not need one.
 */
export function needsDecision(e: Evidence, now: Date): Date | null {
  if (!isOpenStage(e.stage) || e.decidedStages.includes(e.stage)) return null;
  if (e.seats.length === 0) return null;
  if (e.seats.some((s) => scorecardState({ status: s.status, interviewEndsAt: s.endsAt, now }) !== "submitted"))
    return null;
  if (e.takeHomes.some((t) => t.status !== "graded" && t.status !== "waived")) return null;
  const times = [...e.seats.map((s) => s.submittedAt), ...e.takeHomes.map((t) => t.gradedAt)].filter(
    (d): d is Date => d !== null,
  );
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}

/**
 * The rationale cites the panel's evidence, so it follows the blind rule, and
 * more strictly: whoever may read every scorecard reads it; anyone else only
 * with no scorecard still to write for this application and the panel's
 * scorecards open to them. Everyone who may read the application sees the
 * outcome, who decided and when.
 */
export function seesRationale(input: {
  seesAll: boolean;
  blind: boolean;
  seatsOwed: number;
  viewerHasSubmitted: boolean;
}): boolean {
  if (input.seesAll) return true;
  if (input.seatsOwed > 0) return false;
  return !input.blind || input.viewerHasSubmitted;
}

/** A decision in one cell (rollup, comparison, CSV): "Hire · 2026-05-12", and whether it went against the total. */
export function decisionCell(
  d: { outcome: DecisionOutcome; decidedAt: Date | string; againstTotal: boolean } | null,
): string {
  if (!d) return "none yet";
  const day = isoDay(new Date(d.decidedAt));
  return `${decisionOutcomeLabels[d.outcome]} · ${day}${d.againstTotal ? " · against the weighted total" : ""}`;
}
