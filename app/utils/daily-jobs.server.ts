// The daily run inside the server: croner fires at RETENTION_RUN_HOUR each
// day (server time) and runDailyJobs does the day's work if this process
// claims it first (app/models/daily-jobs.server.ts). RETENTION_SCHEDULE=off
// leaves it to `npm run retention` from the operator's own scheduler.
import { Cron } from "croner";
import { runDailyJobs } from "~/models/daily-jobs.server";
import type { Env } from "./env.server";

/** Start the daily schedule; returns the job (stop() ends it) or null when off. */
export function startDailyJobs(env: Env): Cron | null {
  if (env.RETENTION_SCHEDULE === "off") return null;
  return new Cron(`0 ${env.RETENTION_RUN_HOUR} * * *`, { name: "daily-retention", protect: true }, () => {
    try {
      const result = runDailyJobs({
        now: new Date(),
        minMonths: env.RETENTION_MIN_MONTHS,
        auditRetentionDays: env.AUDIT_RETENTION_DAYS,
      });
      if (result.ran)
        console.log(
          `daily run: retention erased ${result.erased} of ${result.due} due (${result.refused} refused); ` +
            `${result.auditPruned} audit entries and ${result.logsPruned} API calls and webhook deliveries ` +
            `past ${env.AUDIT_RETENTION_DAYS} days pruned`,
        );
    } catch (error) {
      // A failed run must not take the server down; the day stays claimed, the next day runs again.
      console.error("daily run failed:", error instanceof Error ? error.message : error);
    }
  });
}
