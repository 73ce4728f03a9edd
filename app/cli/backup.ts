// `npm run db:backup -- [path]`: a consistent, checked copy of the database,
// safe while the server runs. Without a path it goes to
// `<database folder>/backups/<name>-YYYYMMDD-HHMMSS.db` (UTC). Never overwrites.
import { isAbsolute, relative } from "node:path";

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  if (args.length > 1 || args.some((a) => a.startsWith("-"))) {
    console.error("Usage: npm run db:backup -- [path]");
    process.exit(2);
  }
  // Only DATABASE_PATH is needed: parseEnv, not getEnv, so a backup never generates a session secret.
  const { parseEnv } = await import("~/utils/env.server");
  const { backupDatabase, defaultBackupPath } = await import("~/utils/backup.server");
  const from = parseEnv(process.env).DATABASE_PATH;
  const to = args[0] ?? defaultBackupPath(from);
  const result = backupDatabase({ from, to });
  const mb = (result.bytes / 1024 / 1024).toFixed(2);
  const shown = relative(process.cwd(), result.path);
  console.log(`Backed up ${from} to ${shown.startsWith("..") || isAbsolute(shown) ? result.path : shown}`);
  console.log(
    `  ${result.bytes} bytes (${mb} MB) in ${result.milliseconds} ms; integrity_check ok, foreign_key_check ok`,
  );
  const width = Math.max(...Object.keys(result.tables).map((t) => t.length));
  for (const [table, rows] of Object.entries(result.tables)) console.log(`  ${table.padEnd(width)}  ${rows}`);
}

main().catch((error) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
