// The one door to the database: the only app module that imports db/.
// One connection per process, kept across dev reloads.
import { count, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { createDatabase, type AppDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import * as tables from "../../db/schema";
import { DEMO_PASSWORD, demoUsers, seedDemoData } from "../../db/seed";
import { getEnv } from "./env.server";
import { hashPassword } from "./password.server";

export const schema = tables;

/** A "contains" pattern for SQL LIKE with % and _ in the text taken literally (use with `escape '\\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A cheap query proving the database answers (the health route). */
export function pingDatabase(): void {
  getDb().$client.prepare("select 1").get();
}

/** COUNT(*) of a table, synchronously (drizzle's $count is async-only). */
export function countRows(table: SQLiteTable, where?: SQL): number {
  return getDb().select({ n: count() }).from(table).where(where).get()?.n ?? 0;
}

const globalForDb = globalThis as unknown as { __appDb?: { path: string; db: AppDatabase } };

export function getDb(): AppDatabase {
  const path = getEnv().DATABASE_PATH;
  if (!globalForDb.__appDb || globalForDb.__appDb.path !== path) {
    globalForDb.__appDb = { path, db: createDatabase(path, getEnv().SQLITE_SYNCHRONOUS) };
  }
  return globalForDb.__appDb.db;
}

export type PreparedDatabase = {
  seeded: boolean;
  userCount: number;
  demoPassword: string;
  demoLogins: { email: string; name: string; kind: string }[];
};

/** Migrate, and on an empty database seed the demo (when asked). Used by `npm start` and the tests. */
export async function prepareDatabase(options: { seedDemo: boolean; today?: Date }): Promise<PreparedDatabase> {
  const db = getDb();
  migrateDatabase(db.$client);
  let userCount = countRows(schema.users);
  let seeded = false;
  if (options.seedDemo && userCount === 0) {
    // One hash for every demo account: the demo password is public anyway.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    seedDemoData(db, { passwordHash, today: options.today ?? new Date() });
    seeded = true;
    userCount = countRows(schema.users);
  }
  const demoEmails = demoUsers.map((u) => u.email);
  const present = db.select({ email: schema.users.email }).from(schema.users).all().map((u) => u.email);
  const demoLogins = demoEmails.every((e) => present.includes(e)) ? demoUsers.map(({ email, name, kind }) => ({ email, name, kind })) : [];
  return { seeded, userCount, demoPassword: DEMO_PASSWORD, demoLogins };
}
