// Retention rules: how long a candidate who is in no active hiring process is
// kept after their last activity, and who is due for erasure today, and why.
// The rule is "the later date wins": a candidate is kept until the latest of
// last activity + the admin's period (N months), last activity + the legal
// minimum (M months), the end of any legal hold, and the last day of a current
// consent to be kept on file. Never while an application is active (an open
// stage or an offer in play). Pure: rows in, verdicts out.
import { retainConsentUntil, type Consent } from "./consent";
import { isoDay } from "./dates";

/** US hiring-record rules: EEOC asks for one year, OFCCP (federal contractors) two, interview notes included. */
export const RETENTION_FLOOR_MONTHS = 12;
export const RETENTION_DEFAULT_MIN_MONTHS = 24;
export const RETENTION_MAX_MONTHS = 600;
export const RETENTION_PAGE_SIZE = 50;

export type RetentionRule = {
  /** The admin's period, or null while none is set (then no one is due). */
  months: number | null;
  /** The floor no period goes under (RETENTION_MIN_MONTHS). */
  minMonths: number;
};

export type HoldRow = { until: string; endedAt: Date | null };

export type RetentionCandidate = {
  id: number;
  /** The latest moment anything happened to them or their applications. */
  lastActivity: Date;
  erased: boolean;
  /** An application in an open stage, or an offer in play. */
  active: boolean;
  holds: HoldRow[];
  retainConsent: Consent;
};

export type KeptBy = "period" | "minimum" | "hold" | "consent";
export const keptByLabels: Record<KeptBy, string> = {
  period: "the retention period",
  minimum: "the legal minimum",
  hold: "a legal hold",
  consent: "their consent to be kept on file",
};

export type RetentionVerdict = {
  candidateId: number;
  lastActivity: string;
  keepUntil: string;
  keptBy: KeptBy;
  reason: string;
};

export type RetentionPlan = {
  /** Who would be erased today, oldest activity first. */
  due: RetentionVerdict[];
  /** Not erased now because an application is active. */
  active: number;
  /** Past the period but kept by a hold or consent. */
  keptByHoldOrConsent: number;
  alreadyErased: number;
  ruleSet: boolean;
};

/** The ISO day `months` calendar months after `day`, the day of month clamped (31 January + 1 = 28/29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return isoDay(target);
}

/** The last day a hold keeps the candidate: its end date; a hold HR ended early keeps nothing (null). */
export function holdEnds(hold: HoldRow): string | null {
  return hold.endedAt === null ? hold.until : null;
}

/** A hold applies on `today` when it has not been ended and its end date (inclusive) is not past. */
export function holdApplies(hold: HoldRow, today: string): boolean {
  return hold.endedAt === null && hold.until >= today;
}

/** The period in force: the admin's, never under the minimum. */
export function effectiveMonths(rule: RetentionRule): number | null {
  return rule.months === null ? null : Math.max(rule.months, rule.minMonths);
}

/** Until when a candidate is kept and what keeps them that long (the later date wins; ties go to the period). */
export function keepUntil(
  candidate: Pick<RetentionCandidate, "lastActivity" | "holds" | "retainConsent">,
  rule: RetentionRule & { months: number },
  today: string,
): { keepUntil: string; keptBy: KeptBy } {
  const last = isoDay(candidate.lastActivity);
  const dates: [string, KeptBy][] = [
    [addMonths(last, rule.months), "period"],
    [addMonths(last, rule.minMonths), "minimum"],
  ];
  for (const hold of candidate.holds) {
    const ends = holdEnds(hold);
    if (ends) dates.push([ends, "hold"]);
  }
  const consentUntil = retainConsentUntil(candidate.retainConsent, today);
  if (consentUntil) dates.push([consentUntil, "consent"]);
  return dates.reduce((best, [day, by]) => (day > best.keepUntil ? { keepUntil: day, keptBy: by } : best), {
    keepUntil: dates[0][0],
    keptBy: dates[0][1],
  });
}

function reasonFor(verdict: Omit<RetentionVerdict, "reason">, rule: RetentionRule & { months: number }): string {
  const period =
    verdict.keptBy === "minimum"
      ? `the legal minimum of ${rule.minMonths} months`
      : verdict.keptBy === "period"
        ? `the ${rule.months}-month retention period`
        : keptByLabels[verdict.keptBy];
  return `No active application; last activity ${verdict.lastActivity}; kept by ${period} until ${verdict.keepUntil}.`;
}

/**
 * Who is due for erasure on `now`: every candidate not yet erased, with no
 * active application, no hold that applies, whose keep-until day is past.
 */
export function retentionPlan(candidates: RetentionCandidate[], rule: RetentionRule, now: Date): RetentionPlan {
  const today = isoDay(now);
  const plan: RetentionPlan = { due: [], active: 0, keptByHoldOrConsent: 0, alreadyErased: 0, ruleSet: false };
  const months = effectiveMonths(rule);
  if (months === null) return plan;
  plan.ruleSet = true;
  const inForce = { months: rule.months!, minMonths: rule.minMonths };
  for (const c of candidates) {
    if (c.erased) {
      plan.alreadyErased++;
      continue;
    }
    if (c.active) {
      plan.active++;
      continue;
    }
    const kept = keepUntil(c, inForce, today);
    const held = c.holds.some((h) => holdApplies(h, today));
    if (kept.keepUntil >= today || held) {
      const pastPeriod = addMonths(isoDay(c.lastActivity), months) < today;
      if (pastPeriod && (kept.keptBy === "hold" || kept.keptBy === "consent" || held)) plan.keptByHoldOrConsent++;
      continue;
    }
    const verdict = { candidateId: c.id, lastActivity: isoDay(c.lastActivity), ...kept };
    plan.due.push({ ...verdict, reason: reasonFor(verdict, inForce) });
  }
  plan.due.sort((a, b) => a.lastActivity.localeCompare(b.lastActivity) || a.candidateId - b.candidateId);
  return plan;
}
