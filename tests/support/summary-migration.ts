// Summary rows kept by triggers (db/calibration-summaries.ts, db/calibration-totals.ts, db/board-summaries.ts) are
// written twice: in their module, and frozen in the migration that made them. The two must say the same.
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "vitest";
import { seededRandom } from "~/domain/random";
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

/** What one random write is given: the connection it goes through, the seeded draws, and a table's ids. */
export type RandomWrite = {
  db: Database.Database;
  rand: () => number;
  pick: <T>(xs: readonly T[]) => T;
  ids: (table: string) => number[];
  /** The write's number, from 0. */
  i: number;
  /** A random open or closed application, as a row. */
  app: { id: number; candidate_id: number | null; agency_id: number | null };
};

/**
 * `steps` random writes from `seed`, each through this process's connection or, as a CLI would write, through
 * another one, chosen at random: what summary rows kept by triggers must survive.
 */
export function randomWritesFromTwoConnections(seed: number, steps: number, write: (w: RandomWrite) => void): void {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const mine = getDb().$client;
  const other = new Database(mine.name);
  other.pragma("foreign_keys = ON");
  const ids = (table: string) => (mine.prepare(`select id from ${table}`).all() as { id: number }[]).map((r) => r.id);
  try {
    for (let i = 0; i < steps; i++) {
      const db = rand() < 0.5 ? mine : other;
      const app = db
        .prepare("select * from applications where id = ?")
        .get(pick(ids("applications"))) as RandomWrite["app"];
      write({ db, rand, pick, ids, i, app });
    }
  } finally {
    other.close();
  }
}
