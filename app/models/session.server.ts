import { and, eq, gt, lte, ne, sql } from "drizzle-orm";
import type { UserKind } from "~/domain/reference";
import { countRows, getDb, preparedQuery, schema } from "~/utils/db.server";

const { sessions, users } = schema;

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  kind: UserKind;
  /** The IANA zone times are shown in; null until the first sign-in sets it (UTC meanwhile). */
  timeZone: string | null;
};

export function createSession(input: {
  id: string;
  userId: number;
  createdAt: Date;
  expiresAt: Date;
  userAgent: string | null;
}): void {
  getDb().insert(sessions).values(input).run();
}

const sessionLookup = preparedQuery((db) =>
  db
    .select({
      expiresAt: sessions.expiresAt,
      id: users.id,
      email: users.email,
      name: users.name,
      kind: users.kind,
      timeZone: users.timeZone,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("id")),
        gt(sessions.expiresAt, sql.placeholder("now")),
        eq(users.active, true),
      ),
    )
    .prepare(),
);

/** A live session of an active user, or null. Expired rows are left for cleanup at sign-in. */
export function getSessionWithUser(id: string, now: Date): { user: SessionUser; expiresAt: Date } | null {
  const row = sessionLookup().get({ id, now: now.getTime() });
  if (!row) return null;
  const { expiresAt, ...user } = row;
  return { user, expiresAt };
}

export function deleteSession(id: string): void {
  getDb().delete(sessions).where(eq(sessions.id, id)).run();
}

/** End every session of a user, optionally keeping the one making the change. */
export function deleteSessionsForUser(userId: number, keepSessionId?: string): void {
  getDb()
    .delete(sessions)
    .where(
      keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId),
    )
    .run();
}

export function deleteExpiredSessions(now: Date): void {
  getDb().delete(sessions).where(lte(sessions.expiresAt, now)).run();
}

export function countSessionsForUser(userId: number): number {
  return countRows(sessions, eq(sessions.userId, userId));
}
