// A role's funnel, worked out from its stage history: how far each application got, the share of those
// who reached a stage that went on to the next, and how long applications stay in each stage.
import { median } from "./calibration";
import { DAY_MS } from "./dates";
import { activeStages, isOpenStage, type ActiveStage, type Stage } from "./pipeline";

/** One move in the stage history. The history is ordered by application, then by when (and in which order) it moved. */
export type StageMove = { applicationId: number; toStage: string; movedAt: Date };

export type FunnelStage = {
  stage: ActiveStage;
  /** Applications in the stage now. */
  current: number;
  /** Applications that got this far (or further) at some point. */
  reached: number;
  /** Of those who reached the stage before, the share who reached this one (two decimals); none for the first stage. */
  passThrough: number | null;
  /** Median days in the stage (one decimal), over stays that ended and those still under way. */
  medianDays: number | null;
};

/** Per application, the index in activeStages of the furthest stage its history reached (exits do not count). */
export function furthestStages(history: StageMove[]): Map<number, number> {
  const furthest = new Map<number, number>();
  for (const h of history) {
    const idx = activeStages.indexOf(h.toStage as ActiveStage);
    if (idx >= 0) furthest.set(h.applicationId, Math.max(furthest.get(h.applicationId) ?? -1, idx));
  }
  return furthest;
}

/**
 * Days spent in each stage, per stage: every stay that ended with a later move, and the stay an open application
 * is in now (counted to `now`). A closed application's last stay has no end and does not count.
 */
export function daysInStages(
  history: StageMove[],
  currentStages: Map<number, Stage>,
  now: Date,
): Record<string, number[]> {
  const durations: Record<string, number[]> = {};
  for (let i = 0; i < history.length; i++) {
    const h = history[i];
    const next = history[i + 1]?.applicationId === h.applicationId ? history[i + 1].movedAt : null;
    const stage = currentStages.get(h.applicationId);
    const open = stage !== undefined && stage === h.toStage && next === null && isOpenStage(stage);
    if (next || open) (durations[h.toStage] ??= []).push(((next ?? now).getTime() - h.movedAt.getTime()) / DAY_MS);
  }
  return durations;
}

/** The share of `prior` who went on to `reached`, to two decimals; none when nobody was there to pass through. */
export function passThroughRate(reached: number, prior: number): number | null {
  return prior === 0 ? null : Math.round((reached / prior) * 100) / 100;
}

/** The median of the stays, to one decimal; none without any. */
export function medianDaysInStage(days: number[]): number | null {
  const m = median(days);
  return m === null ? null : Math.round(m * 10) / 10;
}

/** The funnel over the active stages, from the applications (their stage now) and their stage history. */
export function roleFunnel(
  applications: { id: number; stage: Stage }[],
  history: StageMove[],
  now: Date,
): FunnelStage[] {
  const furthest = [...furthestStages(history).values()];
  const durations = daysInStages(history, new Map(applications.map((a) => [a.id, a.stage])), now);
  const reachedAtLeast = (k: number) => furthest.filter((f) => f >= k).length;
  return activeStages.map((stage, k) => ({
    stage,
    current: applications.filter((a) => a.stage === stage).length,
    reached: reachedAtLeast(k),
    passThrough: k === 0 ? null : passThroughRate(reachedAtLeast(k), reachedAtLeast(k - 1)),
    medianDays: medianDaysInStage(durations[stage] ?? []),
  }));
}
