import { and, asc, count, eq, inArray, notInArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { scopesFor } from "~/domain/policy";
import type { CandidateFormValues } from "~/schemas/candidate";
import { containsPattern, getDb, schema } from "~/utils/db.server";
import type { Viewer } from "./role.server";

const { candidates, applications, roleTeam } = schema;

export const PAGE_SIZE = 25;

/** Candidate ids a viewer without read:candidate:any may see: those with applications on their roles. */
function visibleCandidateIds(viewerId: number) {
  const db = getDb();
  const myRoles = db.select({ id: roleTeam.roleId }).from(roleTeam).where(eq(roleTeam.userId, viewerId));
  return db.select({ id: applications.candidateId }).from(applications).where(inArray(applications.roleId, myRoles));
}

export function searchCandidates(viewer: Viewer, input: { query: string; page: number; hide?: number[] }) {
  const db = getDb();
  const conditions: SQL[] = [];
  if (input.hide?.length) conditions.push(notInArray(candidates.id, input.hide));
  if (!scopesFor(viewer.kind, "read:candidate").includes("any")) {
    const unattached = sql`not exists (select 1 from applications where applications.candidate_id = ${candidates.id})`;
    conditions.push(
      or(
        inArray(candidates.id, visibleCandidateIds(viewer.id)),
        and(eq(candidates.createdById, viewer.id), unattached),
      )!,
    );
  }
  const q = input.query.trim().toLowerCase();
  if (q) {
    const pattern = containsPattern(q);
    conditions.push(
      or(
        sql_like(candidates.name, pattern),
        sql_like(candidates.email, pattern),
        // Match skill values, not the JSON text around them (so a quote or comma matches nothing).
        sql`exists (select 1 from json_each(${candidates.skills}) where value like ${pattern} escape '\\')`,
      )!,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db.select({ n: count() }).from(candidates).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pageCount);
  const rows = db
    .select({
      id: candidates.id,
      name: candidates.name,
      email: candidates.email,
      location: candidates.location,
      engagementType: candidates.engagementType,
      skills: candidates.skills,
      source: candidates.source,
    })
    .from(candidates)
    .where(where)
    .orderBy(asc(candidates.name), asc(candidates.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  return { rows, total, page, pageCount };
}

function sql_like(column: AnyColumn, pattern: string): SQL {
  // LIKE is case-insensitive for ASCII in SQLite; ESCAPE makes % and _ typed in the search literal.
  return sql`${column} like ${pattern} escape '\\'`;
}

export function getCandidate(id: number) {
  return getDb().select().from(candidates).where(eq(candidates.id, id)).get();
}

export function findCandidateByEmail(email: string) {
  return getDb()
    .select({ id: candidates.id, name: candidates.name })
    .from(candidates)
    .where(eq(candidates.email, email.trim().toLowerCase()))
    .get();
}

/**
 * In a transaction on purpose, as every INSERT ... RETURNING here: read with
 * `.get()` outside one, the row comes back before SQLite commits, and a commit
 * the disk refuses would go unnoticed (the id then reused by the next insert).
 */
export function createCandidate(values: CandidateFormValues, createdById: number): number {
  return getDb().transaction(
    (tx) =>
      tx
        .insert(candidates)
        .values({ ...values, createdById })
        .returning({ id: candidates.id })
        .get().id,
  );
}

/** Insert many candidates in one transaction: all of them or none. */
export function importCandidates(rows: CandidateFormValues[], createdById: number): number[] {
  return getDb().transaction((tx) =>
    rows.map(
      (values) =>
        tx
          .insert(candidates)
          .values({ ...values, createdById })
          .returning({ id: candidates.id })
          .get().id,
    ),
  );
}

export function existingEmails(emails: string[]): Set<string> {
  if (emails.length === 0) return new Set();
  const found = new Set<string>();
  // Chunked to stay under SQLite's bound-parameter limit on large files.
  for (let i = 0; i < emails.length; i += 500) {
    for (const row of getDb()
      .select({ email: candidates.email })
      .from(candidates)
      .where(inArray(candidates.email, emails.slice(i, i + 500)))
      .all()) {
      found.add(row.email);
    }
  }
  return found;
}

export type SaveResult = { ok: true } | { ok: false; reason: "conflict" | "not-found" };

export function updateCandidate(input: { id: number; version: number; values: CandidateFormValues }): SaveResult {
  return getDb().transaction((tx) => {
    const changed = tx
      .update(candidates)
      .set({ ...input.values, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(candidates.id, input.id), eq(candidates.version, input.version)))
      .run().changes;
    if (changed > 0) return { ok: true } as const;
    const exists = tx.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, input.id)).get();
    return { ok: false, reason: exists ? "conflict" : "not-found" } as const;
  });
}

export function listCandidateOptions() {
  return getDb()
    .select({ id: candidates.id, name: candidates.name, email: candidates.email })
    .from(candidates)
    .orderBy(asc(candidates.name))
    .all();
}

/** Candidates to choose from when adding to a pipeline: the best matches for a query, or the newest. */
export function candidateChoices(query: string, limit = 50) {
  const db = getDb();
  const q = query.trim().toLowerCase();
  const where = q
    ? or(sql_like(candidates.name, containsPattern(q)), sql_like(candidates.email, containsPattern(q)))
    : undefined;
  return db
    .select({
      id: candidates.id,
      name: candidates.name,
      email: candidates.email,
      engagementType: candidates.engagementType,
    })
    .from(candidates)
    .where(where)
    .orderBy(asc(candidates.name))
    .limit(limit)
    .all();
}
