// `npm run candidate:export -- <candidateId>` (compiled: `node build/cli/candidate-export.js <id>`):
// everything held about one candidate, as JSON on standard output, for a
// subject-access request answered by an operator. Logged in the audit log.

const USAGE = "Usage: npm run --silent candidate:export -- <candidateId> > candidate.json";

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  if (args.length !== 1 || !/^\d+$/.test(args[0])) {
    console.error(USAGE);
    process.exit(2);
  }
  const { prepareDatabase } = await import("~/utils/db.server");
  const { exportCandidateData } = await import("~/models/subject-access.server");
  await prepareDatabase({ seedDemo: false });
  const data = exportCandidateData(Number(args[0]), null, new Date());
  if (!data) {
    console.error(`No candidate with id ${args[0]}.`);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
