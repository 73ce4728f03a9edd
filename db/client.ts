// The SQLite connection. Only app/utils/db.server.ts imports this module, so
// every query in the app goes through one door (and stays out of the browser).
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import * as schema from "./schema";

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

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
  return sqlite;
}

export function createDatabase(path: string, synchronous: "FULL" | "NORMAL" = "FULL"): AppDatabase {
  return drizzle(openSqlite(path, synchronous), { schema }) as AppDatabase;
}
