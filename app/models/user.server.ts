import { and, asc, count, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { isTimeZone } from "~/domain/dates";
import { userKinds, type UserKind } from "~/domain/reference";
import { pageWithin, userSearchWords, USERS_PER_PAGE, type UserListFilter } from "~/domain/user-list";
import { containsPattern, countRows, getDb, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

const { users, sessions } = schema;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function getUserForSignIn(email: string) {
  return getDb()
    .select({ id: users.id, kind: users.kind, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
}

/** Signs in through the identity provider (linked at a first single sign-on). */
const ssoLinked = sql<boolean>`${users.ssoSubject} is not null`.mapWith(Boolean);

/** What a list of users shows of each. */
const listedUser = {
  id: users.id,
  email: users.email,
  name: users.name,
  kind: users.kind,
  active: users.active,
  ssoLinked,
};

export function getUserById(id: number) {
  return getDb()
    .select({ ...listedUser, version: users.version, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, id))
    .get();
}

export function getPasswordHash(userId: number): string | undefined {
  return getDb().select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)).get()?.h;
}

export function listUsers() {
  return getDb().select(listedUser).from(users).orderBy(asc(users.name)).all();
}

function userListConditions(filter: UserListFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.kind !== "all") conditions.push(eq(users.kind, filter.kind));
  if (filter.status !== "all") conditions.push(eq(users.active, filter.status === "active"));
  for (const word of userSearchWords(filter.query)) {
    const pattern = containsPattern(word);
    conditions.push(sql`(${users.name} like ${pattern} escape '\\' or ${users.email} like ${pattern} escape '\\')`);
  }
  return conditions.length ? and(...conditions) : undefined;
}

/**
 * One page of the admin's list of users matching a filter, by name, with how many match in all: the database
 * filters, counts and sorts, and only the page's rows come back.
 */
export function listUsersPage(filter: UserListFilter, requestedPage: unknown) {
  const where = userListConditions(filter);
  const total = countRows(users, where);
  const { page, pageCount } = pageWithin(requestedPage, total, USERS_PER_PAGE);
  const rows = getDb()
    .select(listedUser)
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(USERS_PER_PAGE)
    .offset((page - 1) * USERS_PER_PAGE)
    .all();
  return { rows, total, page, pageCount, firstShown: (page - 1) * USERS_PER_PAGE + 1 };
}

/** How many users there are of each kind, active and deactivated, counted by the database. */
export function countUsersByKind(): Record<UserKind, { active: number; deactivated: number }> {
  const counts = Object.fromEntries(userKinds.map((k) => [k, { active: 0, deactivated: 0 }])) as Record<
    UserKind,
    { active: number; deactivated: number }
  >;
  const rows = getDb()
    .select({ kind: users.kind, active: users.active, n: count() })
    .from(users)
    .groupBy(users.kind, users.active)
    .all();
  for (const r of rows) counts[r.kind][r.active ? "active" : "deactivated"] += r.n;
  return counts;
}

/** Active users who can sit on a hiring team, for the role form's pickers. */
export function listTeamMemberOptions() {
  return getDb()
    .select({ id: users.id, name: users.name, kind: users.kind })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.kind, ["hiring_manager", "interviewer", "recruiter", "admin"])))
    .orderBy(asc(users.name))
    .all();
}

export function isEmailTaken(email: string): boolean {
  return countRows(users, eq(users.email, normalizeEmail(email))) > 0;
}

/** In a transaction so that a refused commit throws (see createCandidate). */
export function createUser(
  input: { email: string; name: string; kind: UserKind; passwordHash: string },
  actorId: number | null,
): number {
  return getDb().transaction((tx) => {
    const id = tx
      .insert(users)
      .values({ ...input, email: normalizeEmail(input.email) })
      .returning({ id: users.id })
      .get().id;
    recordAudit({ actorId, action: "user.create", subject: { type: "user", id }, detail: { kind: input.kind } });
    return id;
  });
}

export type UpdateResult = { ok: true } | { ok: false; reason: "conflict" | "not-found" };

/** Change a user's name, kind or active flag; deactivation ends their sessions in the same transaction. */
export function updateUser(input: {
  id: number;
  version: number;
  name: string;
  kind: UserKind;
  active: boolean;
  actorId: number | null;
}): UpdateResult {
  const db = getDb();
  return db.transaction((tx) => {
    const current = tx
      .select({ version: users.version, name: users.name, kind: users.kind, active: users.active })
      .from(users)
      .where(eq(users.id, input.id))
      .get();
    if (!current) return { ok: false, reason: "not-found" } as const;
    const changed = tx
      .update(users)
      .set({
        name: input.name,
        kind: input.kind,
        active: input.active,
        version: input.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, input.id), eq(users.version, input.version)))
      .run().changes;
    if (changed === 0) return { ok: false, reason: "conflict" } as const;
    if (!input.active) tx.delete(sessions).where(eq(sessions.userId, input.id)).run();
    auditUserUpdate(current, input);
    return { ok: true } as const;
  });
}

/** One entry per kind of change: a kind change, a deactivation or reactivation, a rename. */
function auditUserUpdate(
  before: { name: string; kind: UserKind; active: boolean },
  after: { id: number; name: string; kind: UserKind; active: boolean; actorId: number | null },
) {
  const subject = { type: "user" as const, id: after.id };
  if (before.kind !== after.kind)
    recordAudit({
      actorId: after.actorId,
      action: "user.kind_change",
      subject,
      fields: ["kind"],
      detail: { from: before.kind, to: after.kind },
    });
  if (before.active !== after.active)
    recordAudit({ actorId: after.actorId, action: after.active ? "user.reactivate" : "user.deactivate", subject });
  if (before.name !== after.name)
    recordAudit({ actorId: after.actorId, action: "user.update", subject, fields: ["name"] });
}

/**
 * Set a new password hash and end the user's other sessions, atomically. An
 * admin setting someone's password is a reset, and is logged; `actorId` null
 * is the user changing their own.
 */
export function setPassword(input: {
  userId: number;
  passwordHash: string;
  keepSessionId?: string;
  resetById?: number;
}): void {
  const db = getDb();
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash: input.passwordHash, updatedAt: new Date() })
      .where(eq(users.id, input.userId))
      .run();
    const others = tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, input.userId)).all();
    for (const s of others) if (s.id !== input.keepSessionId) tx.delete(sessions).where(eq(sessions.id, s.id)).run();
    if (input.resetById !== undefined)
      recordAudit({
        actorId: input.resetById,
        action: "user.password_reset",
        subject: { type: "user", id: input.userId },
      });
  });
}

/**
 * The browser's zone, kept at a user's first sign-in: only while they have none
 * (a zone they chose is never replaced) and only a zone this runtime knows.
 * Returns whether it was stored.
 */
export function adoptBrowserTimeZone(userId: number, zone: string | null | undefined): boolean {
  if (!zone || !isTimeZone(zone)) return false;
  const changed = getDb()
    .update(users)
    .set({ timeZone: zone, updatedAt: new Date() })
    .where(and(eq(users.id, userId), isNull(users.timeZone)))
    .run().changes;
  return changed > 0;
}

/** A user's own time zone (null until set) and digest hour (null = off), for the account page. */
export function getTimePreferences(userId: number) {
  return getDb()
    .select({ timeZone: users.timeZone, digestHour: users.digestHour })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

/** Save a user's time zone and digest hour, chosen on their account page. */
export function setTimePreferences(input: { userId: number; timeZone: string; digestHour: number | null }): void {
  getDb()
    .update(users)
    .set({ timeZone: input.timeZone, digestHour: input.digestHour, updatedAt: new Date() })
    .where(eq(users.id, input.userId))
    .run();
}
