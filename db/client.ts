// The SQLite connection. Only app/utils/db.server.ts imports this module, so
// every query in the app goes through one door (and stays out of the browser).
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import * as schema from "./schema";

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The size of one allocation made and freed at the first connection: see raiseMallocThresholds. */
export const MALLOC_WARM_BYTES = 4 * 1024 * 1024;
let mallocWarmed = false;

/**
 * glibc's malloc gives the top of its heap back to the system as soon as more than its trim threshold (128 KB at
 * first) is free there, so a query whose sorts and temporary tables take a few megabytes and free them makes the
 * next one fault every page in again: measured, the same queries ran 3 to 8 times slower once the process had
 * loaded its modules. glibc raises that threshold to twice the size of the largest block it mapped and was given
 * back (mallopt(3), "dynamic mmap threshold"), so SQLite allocates and frees one such block here (a zeroblob made
 * real by substr), once per process. Elsewhere this is one short-lived allocation.
 */
function raiseMallocThresholds(sqlite: Database.Database) {
  if (mallocWarmed) return;
  mallocWarmed = true;
  sqlite.prepare("select length(substr(zeroblob(?), 1, 1))").get(MALLOC_WARM_BYTES);
}

export function openSqlite(path: string, synchronous: "FULL" | "NORMAL" = "FULL"): Database.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Deleted and overwritten content is zeroed in the file, so an erased candidate leaves no bytes behind.
  sqlite.pragma("secure_delete = ON");
  // FULL until a benchmark shows NORMAL is needed: a committed scorecard must survive a power cut.
  sqlite.pragma(`synchronous = ${synchronous}`);
  raiseMallocThresholds(sqlite);
  return sqlite;
}

export function createDatabase(path: string, synchronous: "FULL" | "NORMAL" = "FULL"): AppDatabase {
  return drizzle(openSqlite(path, synchronous), { schema }) as AppDatabase;
}
