// The audit log: recording an entry (inside the caller's transaction when there
// is one, so the entry commits with the change it records), reading it back
// with filters and pages, and pruning what is past its retention.
import { and, asc, desc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import {
  AUDIT_PAGE_SIZE,
  auditDetailProblem,
  auditPruneBefore,
  type AuditAction,
  type AuditDetail,
  type AuditFilter,
  type AuditSubject,
} from "~/domain/audit";
import { addDays } from "~/domain/dates";
import { currentRequestScope } from "~/utils/request-scope";
import { countRows, getDb, schema, writeUncounted } from "~/utils/db.server";

const { auditEvents, users } = schema;

export type AuditEventInput = {
  /** Null for the system (a scheduled run, a CLI) or an unknown account. */
  actorId: number | null;
  action: AuditAction;
  subject?: { type: AuditSubject; id: number };
  roleId?: number | null;
  applicationId?: number | null;
  /** Names of the fields that changed; never their values. */
  fields?: string[];
  detail?: AuditDetail;
};

const fieldName = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/**
 * Append one entry. Better-sqlite3 runs one transaction per connection, so
 * called inside a model's transaction the entry commits or rolls back with
 * it. Refuses (throws) a detail or field name that could carry personal text.
 */
export function recordAudit(event: AuditEventInput): void {
  recordAudits([event]);
}

/** Entries per INSERT when many are appended at once: 11 bound values each. */
const AUDIT_CHUNK = 500;

/**
 * Append many entries, as `recordAudit` does one (same checks, same request details), many rows per statement:
 * an import that adds thousands of applications logs each without thousands of statements.
 */
export function recordAudits(events: AuditEventInput[]): void {
  for (const event of events) {
    const problem = auditDetailProblem(event.detail ?? {});
    if (problem) throw new Error(`Audit detail "${problem.key}" ${problem.problem}`);
    const badField = (event.fields ?? []).find((f) => !fieldName.test(f));
    if (badField !== undefined) throw new Error("Audit fields are field names");
  }
  const scope = currentRequestScope();
  const rows = events.map((event) => ({
    actorId: event.actorId,
    action: event.action,
    subjectType: event.subject?.type ?? null,
    subjectId: event.subject?.id ?? null,
    roleId: event.roleId ?? null,
    applicationId: event.applicationId ?? null,
    fields: event.fields ?? [],
    detail: event.detail ?? {},
    clientIp: scope?.clientIp ?? null,
    userAgent: scope?.userAgent ?? null,
    requestId: scope?.requestId ?? null,
  }));
  for (let i = 0; i < rows.length; i += AUDIT_CHUNK)
    getDb()
      .insert(auditEvents)
      .values(rows.slice(i, i + AUDIT_CHUNK))
      .run();
}

/**
 * A page showing pay or background-check findings was served: one entry per page, naming the record the
 * page is about (a candidate, an application, a role) and, where a page shows several people's figures,
 * how many (`rows`). Called from a loader only after it decided the viewer is shown the figures; a page
 * that hides them records nothing.
 */
export function recordView(event: {
  actorId: number;
  action: "pay.view" | "findings.view";
  /** The record the page is about; none for a page across records (the approvals list). */
  subject?: { type: AuditSubject; id: number };
  roleId?: number | null;
  applicationId?: number | null;
  rows?: number;
}): void {
  // No cached figure reads the log: the entry leaves the database's version (and every cache keyed on it) as it was.
  writeUncounted(() =>
    recordAudit({
      actorId: event.actorId,
      action: event.action,
      subject: event.subject,
      roleId: event.roleId ?? null,
      applicationId: event.applicationId ?? null,
      detail: event.rows === undefined ? {} : { rows: event.rows },
    }),
  );
}

function whereOf(filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.actorId) parts.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.action) parts.push(eq(auditEvents.action, filter.action));
  if (filter.subjectType) parts.push(eq(auditEvents.subjectType, filter.subjectType));
  if (filter.subjectId) parts.push(eq(auditEvents.subjectId, filter.subjectId));
  if (filter.applicationId) parts.push(eq(auditEvents.applicationId, filter.applicationId));
  if (filter.from) parts.push(gte(auditEvents.at, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) parts.push(lt(auditEvents.at, addDays(new Date(`${filter.to}T00:00:00Z`), 1)));
  return parts.length ? and(...parts) : undefined;
}

const entryColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  actorId: auditEvents.actorId,
  actorName: users.name,
  action: auditEvents.action,
  subjectType: auditEvents.subjectType,
  subjectId: auditEvents.subjectId,
  roleId: auditEvents.roleId,
  applicationId: auditEvents.applicationId,
  fields: auditEvents.fields,
  detail: auditEvents.detail,
  clientIp: auditEvents.clientIp,
  userAgent: auditEvents.userAgent,
  requestId: auditEvents.requestId,
};

export type AuditEntry = {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: AuditAction;
  subjectType: AuditSubject | null;
  subjectId: number | null;
  roleId: number | null;
  applicationId: number | null;
  fields: string[];
  detail: AuditDetail;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
};

/** One page of entries, newest first, and how many match in all. */
export function listAuditEvents(
  filter: AuditFilter,
  page: number,
  pageSize = AUDIT_PAGE_SIZE,
): { entries: AuditEntry[]; total: number } {
  const where = whereOf(filter);
  const entries = getDb()
    .select(entryColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(pageSize)
    .offset(Math.max(0, page - 1) * pageSize)
    .all();
  return { entries, total: countRows(auditEvents, where) };
}

/** Every matching entry, oldest first, up to `limit` (the CSV export). */
export function listAuditEventsForExport(filter: AuditFilter, limit: number): AuditEntry[] {
  return getDb()
    .select(entryColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(whereOf(filter))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .limit(limit)
    .all();
}

/** The users who appear in the log or could, for the filter's picker. */
export function listAuditActorOptions(): { id: number; name: string }[] {
  return getDb().select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name)).all();
}

/** Delete entries past the retention period (never under a year: the table's trigger refuses). Returns how many. */
export function pruneAuditEvents(now: Date, retentionDays: number): number {
  return getDb()
    .delete(auditEvents)
    .where(lt(auditEvents.at, auditPruneBefore(now, retentionDays)))
    .run().changes;
}

/**
 * The latest entries about one application that this viewer may read: the kinds `actions` allows
 * (activityActionsFor), and the viewer's own entries whatever their kind.
 */
export function listApplicationActivity(
  applicationId: number,
  viewerId: number,
  actions: AuditAction[],
  limit = 20,
): { entries: AuditEntry[]; total: number } {
  const where = and(
    eq(auditEvents.applicationId, applicationId),
    or(inArray(auditEvents.action, actions), eq(auditEvents.actorId, viewerId)),
  );
  const entries = getDb()
    .select(entryColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit)
    .all();
  return { entries, total: countRows(auditEvents, where) };
}
