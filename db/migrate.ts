// Applies the committed drizzle-kit migrations safely.
//
// drizzle-kit rebuilds SQLite tables (CREATE __new_x, copy, DROP x, RENAME) and
// emits PRAGMA foreign_keys=OFF inside the migration, which SQLite ignores inside
// a transaction: ON DELETE CASCADE children would be wiped silently. So foreign
// keys are turned off on the connection before migrating and the result is
// checked with foreign_key_check before they are turned back on.
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { resolve } from "node:path";

// Resolved from the working directory (the repository root) rather than this
// file, because this module is also bundled into the server build.
export const migrationsFolder = resolve("db/migrations");

export function migrateDatabase(sqlite: Database.Database): void {
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(drizzle(sqlite), { migrationsFolder });
    const problems = sqlite.pragma("foreign_key_check") as unknown[];
    if (problems.length > 0) {
      throw new Error(
        `Migration left ${problems.length} rows violating foreign keys: ${JSON.stringify(problems.slice(0, 5))}`,
      );
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}
