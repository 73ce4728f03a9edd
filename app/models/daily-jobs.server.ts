// The daily jobs: the retention rule, and pruning the audit log, the API's call log and finished webhook
// deliveries past the audit log's period. Each server
// process schedules them (app/utils/daily-jobs.server.ts); before running, a
// process claims the job's day with an insert in a transaction, so when two
// processes share the database only the first runs it that day.
import { and, eq } from "drizzle-orm";
import { auditPruneBefore } from "~/domain/audit";
import { isoDay } from "~/domain/dates";
import { getDb, schema as s } from "~/utils/db.server";
import { pruneApiCalls } from "./api-key.server";
import { pruneAuditEvents } from "./audit.server";
import { runRetention } from "./retention.server";
import { pruneWebhookDeliveries } from "./webhook.server";

export const RETENTION_JOB = "retention";

/** Claim `job` for the UTC day of `now`: true for the one process that gets it, false for every other. */
export function claimDailyRun(job: string, now: Date): boolean {
  return getDb().transaction(
    (tx) =>
      tx
        .insert(s.scheduledRuns)
        .values({ job, day: isoDay(now), claimedAt: now })
        .onConflictDoNothing()
        .run().changes === 1,
  );
}

function finishDailyRun(job: string, now: Date, outcome: Record<string, number | string>) {
  getDb()
    .update(s.scheduledRuns)
    .set({ finishedAt: new Date(), outcome })
    .where(and(eq(s.scheduledRuns.job, job), eq(s.scheduledRuns.day, isoDay(now))))
    .run();
}

export type DailyRunResult =
  { ran: false } | { ran: true; erased: number; refused: number; due: number; auditPruned: number; logsPruned: number };

/**
 * The day's run, if this process claims it: the retention rule, then the audit log, the API's call log and
 * finished webhook deliveries past the audit log's period.
 */
export function runDailyJobs(input: { now: Date; minMonths: number; auditRetentionDays: number }): DailyRunResult {
  if (!claimDailyRun(RETENTION_JOB, input.now)) return { ran: false };
  const outcome = runRetention({ actorId: null, now: input.now, minMonths: input.minMonths, trigger: "schedule" });
  const auditPruned = pruneAuditEvents(input.now, input.auditRetentionDays);
  const before = auditPruneBefore(input.now, input.auditRetentionDays);
  const logsPruned = pruneApiCalls(before) + pruneWebhookDeliveries(before);
  const result = { due: outcome.due, erased: outcome.erased, refused: outcome.refused, auditPruned, logsPruned };
  finishDailyRun(RETENTION_JOB, input.now, result);
  return { ran: true, ...result };
}
