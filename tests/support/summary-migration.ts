// Summary rows kept by triggers (db/calibration-summaries.ts, db/calibration-totals.ts, db/board-summaries.ts) are
// written twice: in their module, and frozen in the migration that made them. The two must say the same.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "vitest";
import { getDb } from "~/utils/db.server";

/** The migration holds every trigger and backfill insert of the module, and the database has every trigger. */
export function expectMigrationHolds(
  file: string,
  sql: { triggerStatements: string[]; rebuildStatements: string[]; triggerNames: string[] },
) {
  const migration = readFileSync(resolve("db/migrations", file), "utf8");
  for (const statement of [...sql.triggerStatements, ...sql.rebuildStatements.filter((s) => s.startsWith("insert"))])
    expect(migration).toContain(`${statement};`);
  const triggers = getDb()
    .$client.prepare(
      "select name from sqlite_master where type = 'trigger' and name in (select value from json_each(?))",
    )
    .all(JSON.stringify(sql.triggerNames));
  expect(triggers).toHaveLength(sql.triggerNames.length);
}

/** What `read` finds after `statements` rebuild the summary rows from nothing, the rebuild then rolled back. */
export function readRebuilt<T>(statements: string[], read: () => T): T {
  const client = getDb().$client;
  client.exec("savepoint rebuild");
  try {
    for (const statement of statements) client.exec(statement);
    return read();
  } finally {
    client.exec("rollback to rebuild");
    client.exec("release rebuild");
  }
}
