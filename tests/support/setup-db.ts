// Per test file: a private copy of the template database, so files can run in
// parallel workers against real SQLite files without seeing each other.
import { copyFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll } from "vitest";

const file = resolve("tests/.tmp", `test-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${Date.now()}.db`);
copyFileSync(resolve("tests/.tmp/template.db"), file);
process.env.DATABASE_PATH = file;
process.env.SESSION_SECRET = "test-secret-test-secret-test-secret-0123";
process.env.NODE_ENV = "test";

afterAll(async () => {
  const { getDb } = await import("~/utils/db.server");
  getDb().$client.close();
});
