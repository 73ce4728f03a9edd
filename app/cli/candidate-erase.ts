// `npm run candidate:erase -- <candidateId> --reason "<text>"` (compiled:
// `node build/cli/candidate-erase.js …`): erase a candidate as the page does
// (app/models/erasure.server.ts), for an operator. Refused, with the reason,
// while an application is open, an offer is in play or a legal hold applies.
import { parseArgs } from "node:util";

const USAGE = 'Usage: npm run candidate:erase -- <candidateId> --reason "why, for the record"';

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { reason: { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  if (values.help) return console.log(USAGE);
  const reason = values.reason?.trim() ?? "";
  if (positionals.length !== 1 || !/^\d+$/.test(positionals[0]) || !reason || reason.length > 500) {
    console.error(USAGE);
    process.exit(2);
  }
  const { prepareDatabase } = await import("~/utils/db.server");
  const { eraseCandidate } = await import("~/models/erasure.server");
  await prepareDatabase({ seedDemo: false });
  const id = Number(positionals[0]);
  const result = eraseCandidate({ candidateId: id, actorId: null, reason, now: new Date() });
  if (!result.ok) {
    console.error(result.reason === "not-found" ? `No candidate with id ${id}.` : `Not erased: ${result.message}`);
    process.exit(1);
  }
  console.log(`Erased candidate #${id}. Backups taken before now still hold their data.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
