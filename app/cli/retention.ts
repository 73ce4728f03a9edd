// `npm run retention -- --dry-run` (compiled: `node build/cli/retention.js`):
// the retention rule from the command line. With --dry-run it prints who the
// rule would erase today and why; without, it erases them as the admin page's
// "Run now" does (the same plan, eraseCandidate per candidate, one audit
// entry). Candidates are named "Candidate #id" only.
import { parseArgs } from "node:util";

const USAGE = "Usage: npm run retention -- [--dry-run]";

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { "dry-run": { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) return console.log(USAGE);
  const { prepareDatabase } = await import("~/utils/db.server");
  const { getEnv } = await import("~/utils/env.server");
  const { getRetentionPlan, runRetention } = await import("~/models/retention.server");
  const { recordAudit } = await import("~/models/audit.server");
  await prepareDatabase({ seedDemo: false });
  const { RETENTION_MIN_MONTHS: minMonths } = getEnv();
  const now = new Date();
  const plan = getRetentionPlan(now, minMonths);
  if (!plan.ruleSet) {
    console.log("No retention period is set (Admin > Retention): the rule erases no one.");
    return;
  }
  console.log(
    `${plan.due.length} due · ${plan.active} kept while an application is active · ` +
      `${plan.keptByHoldOrConsent} kept by a hold or consent · ${plan.alreadyErased} already erased`,
  );
  for (const d of plan.due) console.log(`  Candidate #${d.candidateId}: ${d.reason}`);
  if (values["dry-run"]) {
    recordAudit({
      actorId: null,
      action: "retention.run",
      detail: { dryRun: true, due: plan.due.length, trigger: "cli" },
    });
    console.log("Dry run: nothing erased.");
    return;
  }
  const outcome = runRetention({ actorId: null, now, minMonths, trigger: "cli" });
  console.log(
    `Erased ${outcome.erased} of ${outcome.due}` +
      (outcome.refused ? ` (${outcome.refused} refused: something changed since the plan was made)` : "") +
      ". Backups taken before now still hold their data.",
  );
  if (outcome.refused) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
