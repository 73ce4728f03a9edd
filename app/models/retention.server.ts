// The retention rule and its run: the admin's period (one row), every
// candidate's facts read in a few set queries for the pure rule
// (retentionPlan in app/domain/retention.ts), and the run that erases exactly
// the plan's list with eraseCandidate, one candidate at a time, logging one
// "retention.run" entry with counts. The preview and the run call the same
// getRetentionPlan, so what the page lists is what the run erases.
import { createHash } from "node:crypto";
import { desc, eq, inArray, sql } from "drizzle-orm";
import { isoDay } from "~/domain/dates";
import { openStages } from "~/domain/pipeline";
import { retentionPlan, type HoldRow, type RetentionCandidate, type RetentionPlan } from "~/domain/retention";
import { getDb, schema as s } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { eraseCandidate } from "./erasure.server";

export function getRetentionSettings() {
  return (
    getDb()
      .select({
        months: s.retentionSettings.months,
        updatedAt: s.retentionSettings.updatedAt,
        updatedBy: s.users.name,
        version: s.retentionSettings.version,
      })
      .from(s.retentionSettings)
      .leftJoin(s.users, eq(s.users.id, s.retentionSettings.updatedById))
      .where(eq(s.retentionSettings.id, 1))
      .get() ?? null
  );
}

/** Set the period; false when the settings changed since `version` was read (0: never set). */
export function saveRetentionSettings(input: { months: number; version: number; actorId: number; now: Date }) {
  return getDb().transaction((tx) => {
    const current = tx.select().from(s.retentionSettings).where(eq(s.retentionSettings.id, 1)).get();
    if ((current?.version ?? 0) !== input.version) return false;
    tx.insert(s.retentionSettings)
      .values({ id: 1, months: input.months, updatedById: input.actorId, updatedAt: input.now, version: 1 })
      .onConflictDoUpdate({
        target: s.retentionSettings.id,
        set: { months: input.months, updatedById: input.actorId, updatedAt: input.now, version: input.version + 1 },
      })
      .run();
    recordAudit({ actorId: input.actorId, action: "retention.update", detail: { months: input.months } });
    return true;
  });
}

/**
 * Every candidate's facts for the rule: the last activity (the latest change to
 * their record or any of their applications), whether an application is open
 * or an offer in play (as getErasureBlockers in erasure.server.ts decides), their holds and consent to be kept.
 */
export function listRetentionCandidates(): RetentionCandidate[] {
  const db = getDb();
  const rows = db.all<{
    id: number;
    erased: number;
    last: number;
    active: number;
    retainAt: string | null;
    retainSource: string | null;
    retainExpiresAt: string | null;
  }>(sql`
    select c.id, c.erased_at is not null as erased,
      max(c.created_at, c.updated_at, coalesce(
        (select max(max(a.created_at, a.updated_at, a.stage_changed_at)) from applications a where a.candidate_id = c.id),
        0)) as last,
      exists (
        select 1 from applications a where a.candidate_id = c.id and (
          a.stage in ${openStages}
          or exists (select 1 from offers o where o.application_id = a.id and o.status = 'open'))
      ) as active,
      c.consent_retain_at as retainAt, c.consent_retain_source as retainSource,
      c.consent_retain_expires_at as retainExpiresAt
    from candidates c`);
  const holds = new Map<number, HoldRow[]>();
  for (const h of db
    .select({
      candidateId: s.candidateHolds.candidateId,
      until: s.candidateHolds.until,
      endedAt: s.candidateHolds.endedAt,
    })
    .from(s.candidateHolds)
    .all()) {
    const list = holds.get(h.candidateId) ?? [];
    list.push({ until: h.until, endedAt: h.endedAt });
    holds.set(h.candidateId, list);
  }
  return rows.map((r) => ({
    id: r.id,
    lastActivity: new Date(r.last),
    erased: r.erased === 1,
    active: r.active === 1,
    holds: holds.get(r.id) ?? [],
    retainConsent: {
      givenAt: r.retainAt,
      source: r.retainSource as RetentionCandidate["retainConsent"]["source"],
      expiresAt: r.retainExpiresAt,
    },
  }));
}

/** Who the rule would erase now, and why: the preview, and the run's list. */
export function getRetentionPlan(now: Date, minMonths: number): RetentionPlan {
  return retentionPlan(listRetentionCandidates(), { months: getRetentionSettings()?.months ?? null, minMonths }, now);
}

export type RetentionOutcome = {
  due: number;
  erased: number;
  /** Due in the plan but refused by eraseCandidate at the moment of erasing (something changed meanwhile). */
  refused: number;
  erasedIds: number[];
};

/**
 * Erase everyone the plan lists, each in its own transaction (eraseCandidate),
 * then log one entry with the counts. Running it again erases no one new: the
 * erased are skipped by the plan.
 */
export function runRetention(input: {
  actorId: number | null;
  now: Date;
  minMonths: number;
  trigger: "page" | "cli" | "schedule";
}): RetentionOutcome {
  const plan = getRetentionPlan(input.now, input.minMonths);
  const outcome: RetentionOutcome = { due: plan.due.length, erased: 0, refused: 0, erasedIds: [] };
  for (const verdict of plan.due) {
    const result = eraseCandidate({
      candidateId: verdict.candidateId,
      actorId: input.actorId,
      reason: `Retention rule (${isoDay(input.now)}): ${verdict.reason}`,
      now: input.now,
    });
    if (result.ok) {
      outcome.erased++;
      outcome.erasedIds.push(verdict.candidateId);
    } else outcome.refused++;
  }
  recordAudit({
    actorId: input.actorId,
    action: "retention.run",
    detail: { due: outcome.due, erased: outcome.erased, refused: outcome.refused, trigger: input.trigger },
  });
  return outcome;
}

/** A fingerprint of the plan's list, so a run goes ahead only on the list the admin saw. */
export function retentionPlanKey(plan: RetentionPlan): string {
  return createHash("sha256")
    .update(plan.due.map((d) => d.candidateId).join(","))
    .digest("hex");
}

/** Names of the candidates on one page of the preview, for the admin who decides. */
export function listCandidateNames(ids: number[]): Map<number, string> {
  if (!ids.length) return new Map();
  const rows = getDb()
    .select({ id: s.candidates.id, name: s.candidates.name })
    .from(s.candidates)
    .where(inArray(s.candidates.id, ids))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The daily run's latest claim, for the page. */
export function getLastScheduledRun(job: string) {
  return (
    getDb()
      .select()
      .from(s.scheduledRuns)
      .where(eq(s.scheduledRuns.job, job))
      .orderBy(desc(s.scheduledRuns.day))
      .limit(1)
      .get() ?? null
  );
}
