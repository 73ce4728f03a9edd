// Builds one migrated, seeded template database per test run. Each test file
// then works on its own copy (tests/support/setup-db.ts).
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";

export const TMP_DIR = resolve("tests/.tmp");
export const TEMPLATE_DB = resolve(TMP_DIR, "template.db");

export default async function globalSetup() {
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  process.env.DATABASE_PATH = TEMPLATE_DB;
  process.env.SESSION_SECRET = "test-secret-test-secret-test-secret-0123";
  process.env.NODE_ENV = "test";
  const { prepareDatabase, getDb } = await import("../../app/utils/db.server");
  await prepareDatabase({ seedDemo: true });
  // Fold the WAL into the main file so a plain file copy is a complete database.
  getDb().$client.pragma("wal_checkpoint(TRUNCATE)");
  getDb().$client.close();
  return () => rmSync(TMP_DIR, { recursive: true, force: true });
}
