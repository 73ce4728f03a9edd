// The hiring pipeline: stages in order, two exits, and what a move needs.

import { engagementFits } from "./engagement";
import { DAY_MS } from "./dates";

export const activeStages = ["sourced", "screening", "interviewing", "take_home", "final", "offer", "hired"] as const;
export const exitStages = ["rejected", "withdrawn"] as const;
export const stages = [...activeStages, ...exitStages] as const;
export type Stage = (typeof stages)[number];
export type ActiveStage = (typeof activeStages)[number];

export const stageLabels: Record<Stage, string> = {
  sourced: "Sourced",
  screening: "Screening",
  interviewing: "Interviewing",
  take_home: "Take-home",
  final: "Final",
  offer: "Offer",
  hired: "Hired",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

/** Stages from which compliance must be complete: an offer cannot go out while a required check is open. */
export const gatedStages: readonly Stage[] = ["offer", "hired"];

/** Applications still in play (not hired, rejected or withdrawn). */
export function isOpenStage(stage: Stage): boolean {
  return stage !== "hired" && stage !== "rejected" && stage !== "withdrawn";
}

/** The stages of applications still in play, in pipeline order. */
export const openStages: readonly Stage[] = stages.filter(isOpenStage);

/** "Finalists" for compliance summaries: far enough along that paperwork matters. */
export function isFinalist(stage: Stage): boolean {
  return stage === "final" || stage === "offer" || stage === "hired";
}

export type MoveProblem = { field: "toStage" | "rejectionReason" | "note" | "confirmUndoHire"; message: string };

/**
 * A move out of Hired undoes a hire: it needs a written reason (the note) and
 * an explicit confirmation, so no single click can do it.
 */
export function checkMove(input: {
  from: Stage;
  to: Stage;
  rejectionReason: string | null;
  note?: string | null;
  confirmUndoHire?: boolean;
}): MoveProblem | null {
  if (input.from === input.to) return { field: "toStage", message: `Already in ${stageLabels[input.to]}` };
  if (input.to === "rejected" && !input.rejectionReason) {
    return { field: "rejectionReason", message: "Choose why this application is rejected" };
  }
  if (undoesHire(input.from, input.to)) {
    if (!input.note) return { field: "note", message: "Say why this hire is undone" };
    if (!input.confirmUndoHire) return { field: "confirmUndoHire", message: "Confirm that this undoes a hire" };
  }
  return null;
}

export function undoesHire(from: Stage, to: Stage): boolean {
  return from === "hired" && to !== "hired";
}

/** A stage filter's value for every stage still in play (not hired, rejected or withdrawn). */
export const OPEN_STAGES = "open";

/** A full-time hire usually takes 90-120 days from opening the role (DOMAIN.md). */
export const FULL_TIME_HIRE_DAYS = { min: 90, max: 120 } as const;

/** Where a role's days open sit against that norm. */
export function timeToHireNorm(daysOpen: number): "under" | "within" | "past" {
  return daysOpen > FULL_TIME_HIRE_DAYS.max ? "past" : daysOpen >= FULL_TIME_HIRE_DAYS.min ? "within" : "under";
}

/** A filled or closed role is settled: its clock has stopped. */
export function isSettledRole(status: string): boolean {
  return status === "filled" || status === "closed";
}

/** `norm` is null for a role that seeks no permanent hire (contractors, freelancers, agencies only): the norm is not theirs. */
export type RoleAge = {
  days: number;
  phase: "draft" | "open" | "on_hold" | "filled" | "closed";
  norm: "under" | "within" | "past" | null;
};

/**
 * How long a role has been open: from its creation to now, or to when it was
 * filled or closed. A draft's days are only its age.
 */
export function roleAge(
  role: { status: string; createdAt: Date; closedAt: Date | null; engagementModels: readonly string[] },
  now: Date,
): RoleAge {
  const settled = isSettledRole(role.status);
  const end = settled && role.closedAt ? role.closedAt : now;
  const days = Math.max(0, Math.floor((end.getTime() - role.createdAt.getTime()) / DAY_MS));
  const phase =
    role.status === "draft" || role.status === "on_hold"
      ? role.status
      : settled
        ? (role.status as "filled" | "closed")
        : "open";
  // The full-time norm is a role's exactly when a full-time hire would fit it.
  return { days, phase, norm: engagementFits(role.engagementModels, "full_time") ? timeToHireNorm(days) : null };
}

const dayCount = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
const normWords = { under: "under", within: "within", past: "past" } as const;

/** The role's age in one phrase, against the full-time norm (where it applies) while it is open or once filled. */
export function roleAgeText(age: RoleAge): string {
  const against = age.norm
    ? ` (${normWords[age.norm]} the ${FULL_TIME_HIRE_DAYS.min}-${FULL_TIME_HIRE_DAYS.max} days a full-time hire usually takes)`
    : "";
  if (age.phase === "draft") return `Created ${dayCount(age.days)} ago, not open yet`;
  if (age.phase === "filled") return `Filled after ${dayCount(age.days)}${against}`;
  if (age.phase === "closed") return `Closed after ${dayCount(age.days)}`;
  if (age.phase === "on_hold") return `On hold, open ${dayCount(age.days)}${against}`;
  return `Open ${dayCount(age.days)}${against}`;
}
