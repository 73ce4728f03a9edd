// The production server: `node build/cli/start.js` (compiled by `npm run build`;
// `npm start` builds when needed, then runs it). Migrates, seeds demo data on
// first run, serves the build.
process.env.NODE_ENV ??= "production";

// Modules are imported only once NODE_ENV is set (in main); this keeps the file a module.
export {};

async function main() {
  const { serve } = await import("./serve");
  await serve();
}

main().catch((error) => {
  // A refusal to start (a missing production database, say) is a message for the operator, not a crash.
  console.error(error instanceof Error && error.name === "DatabaseSetupRefused" ? error.message : error);
  process.exit(1);
});
