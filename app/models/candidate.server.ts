import { and, asc, count, eq, inArray, isNull, max, sql, type SQL } from "drizzle-orm";
import { scopesFor } from "~/domain/policy";
import { ftsMatchExpression, readsInNameOrder } from "~/domain/search";
import type { CandidateFormValues } from "~/schemas/candidate";
import { getDb, schema } from "~/utils/db.server";
import type { Viewer } from "./role.server";
import { recordAudit } from "./audit.server";
import { addNewCandidatesToRole } from "./application.server";
import type { Stage } from "~/domain/pipeline";

const { candidates } = schema;

export const PAGE_SIZE = 25;

/**
 * Candidate ids a viewer without read:candidate:any may see: those with
 * applications on their roles, and those they added who are on no role yet.
 * Each half is served by an index (role_team by user, applications by role,
 * candidates by creator), so it costs what the viewer may see.
 */
function visibleCandidateIds(viewerId: number): SQL {
  return sql`(
    select a.candidate_id from applications a
      where a.role_id in (select role_id from role_team where user_id = ${viewerId}) and a.candidate_id is not null
    union
    select c.id from candidates c
      where c.created_by_id = ${viewerId}
        and not exists (select 1 from applications a where a.candidate_id = c.id)
  )`;
}

/**
 * A page of the candidates a viewer may see, by name, matching a typed query
 * (`matchesSearch` in app/domain/search.ts, answered by the FTS5 index
 * candidates_fts; a query with nothing searchable in it finds no one), with
 * the total counted on the index. When many match (a common last name), the
 * page is read by walking the name index and keeping the ids the index
 * matched, so it costs about a page's worth of entries rather than a row
 * lookup per match; when few match, their rows are looked up and sorted
 * (`readsInNameOrder`). Both give the same rows.
 */
export function searchCandidates(viewer: Viewer, input: { query: string; page: number; hide?: number[] }) {
  const db = getDb();
  // Conditions on a candidate id, so the count can run on the index alone.
  const idConditions = (id: SQL): SQL[] => {
    const out: SQL[] = [];
    if (input.hide?.length) out.push(sql`${id} not in ${input.hide}`);
    if (!scopesFor(viewer.kind, "read:candidate").includes("any"))
      out.push(sql`${id} in ${visibleCandidateIds(viewer.id)}`);
    return out;
  };
  const q = input.query.trim();
  const expression = q ? ftsMatchExpression(q) : null;
  if (q && expression === null) return { rows: [], total: 0, page: 1, pageCount: 1 };
  // `+rowid`: a rowid IN (...) handed to FTS5 would run the match once per id (100 times slower).
  const matching = expression
    ? sql.join([sql`candidates_fts match ${expression}`, ...idConditions(sql.raw("+rowid"))], sql` and `)
    : null;
  const total = matching
    ? (db.get<{ n: number }>(sql`select count(*) as n from candidates_fts where ${matching}`)?.n ?? 0)
    : countWhere(idConditions(sql`${candidates.id}`));
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pageCount);
  const offset = (page - 1) * PAGE_SIZE;
  const walk =
    matching !== null &&
    readsInNameOrder({ matches: total, candidates: candidateIdCeiling(), offset, pageSize: PAGE_SIZE });
  // With a query, the viewer's conditions apply to the index's matches, so only the ids that pass are looked up.
  const conditions = !matching
    ? idConditions(sql`${candidates.id}`)
    : walk
      ? [
          sql`${candidates.id} in (select c.id from candidates c indexed by candidates_name_idx
            where c.id in (select rowid from candidates_fts where ${matching})
            order by c.name, c.id limit ${PAGE_SIZE} offset ${offset})`,
        ]
      : [sql`${candidates.id} in (select rowid from candidates_fts where ${matching})`];
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
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(candidates.name), asc(candidates.id))
    .limit(PAGE_SIZE)
    .offset(walk ? 0 : offset)
    .all();
  return { rows, total, page, pageCount };
}

/** The highest candidate id: how many entries the name index holds, near enough, read in one step. */
function candidateIdCeiling(): number {
  return (
    getDb()
      .select({ n: max(candidates.id) })
      .from(candidates)
      .get()?.n ?? 0
  );
}

/** The candidates `conditions` keep; all of them from their kept count (row_counts, db/home-counts.ts). */
function countWhere(conditions: SQL[]): number {
  if (conditions.length === 0)
    return (
      getDb().get<{ n: number }>(
        sql`select coalesce((select n from row_counts where name = 'candidates' and key = 0), 0) as n`,
      )?.n ?? 0
    );
  return (
    getDb()
      .select({ n: count() })
      .from(candidates)
      .where(conditions.length ? and(...conditions) : undefined)
      .get()?.n ?? 0
  );
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

/**
 * Insert many candidates in one transaction: all of them or none. Many rows per
 * statement: building and preparing one statement per row would cost more
 * than the inserts themselves on a 10,000-row file. With `attach`, each one is
 * also added to that role at that stage (an application, its first stage and
 * its audit entry, as adding one by hand does), in the same transaction.
 * `rejected`: rows of the file left out for their errors (counted in the log).
 */
export function importCandidates(
  rows: CandidateFormValues[],
  createdById: number,
  options: { attach?: { roleId: number; stage: Stage } | null; rejected?: number } = {},
): number[] {
  return getDb().transaction((tx) => {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += IMPORT_CHUNK)
      for (const row of tx
        .insert(candidates)
        .values(rows.slice(i, i + IMPORT_CHUNK).map((values) => ({ ...values, createdById })))
        .returning({ id: candidates.id })
        .all())
        ids.push(row.id);
    // With the rows, in their transaction: how many, never who.
    recordAudit({
      actorId: createdById,
      action: "csv.import",
      ...(options.attach ? { roleId: options.attach.roleId } : {}),
      detail: {
        report: "candidates",
        rows: ids.length,
        format: "csv",
        ...(options.rejected ? { rejected: options.rejected } : {}),
      },
    });
    ids.sort((a, b) => a - b);
    if (options.attach) addNewCandidatesToRole({ ...options.attach, candidateIds: ids, actorId: createdById });
    return ids;
  });
}

/** Rows per INSERT: about 28 bound values each, well under SQLite's limit of 32,766. */
const IMPORT_CHUNK = 500;

export function findExistingEmails(emails: string[]): Set<string> {
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

export type SaveResult = { ok: true } | { ok: false; reason: "conflict" | "not-found" | "erased" };

export function updateCandidate(input: { id: number; version: number; values: CandidateFormValues }): SaveResult {
  return getDb().transaction((tx) => {
    const changed = tx
      .update(candidates)
      .set({ ...input.values, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(candidates.id, input.id), eq(candidates.version, input.version), isNull(candidates.erasedAt)))
      .run().changes;
    if (changed > 0) return { ok: true } as const;
    const found = tx
      .select({ erasedAt: candidates.erasedAt })
      .from(candidates)
      .where(eq(candidates.id, input.id))
      .get();
    // An erased person has nothing left to edit: their record stays empty.
    return { ok: false, reason: !found ? "not-found" : found.erasedAt ? "erased" : "conflict" } as const;
  });
}

export function listCandidateOptions() {
  return getDb()
    .select({ id: candidates.id, name: candidates.name, email: candidates.email })
    .from(candidates)
    .orderBy(asc(candidates.name))
    .all();
}

/** Candidates to choose from when adding to a pipeline: the best matches for a query (as the candidate search), or all by name. */
export function searchCandidateOptions(query: string, limit = 50) {
  const q = query.trim();
  const expression = q ? ftsMatchExpression(q) : null;
  if (q && expression === null) return [];
  return getDb()
    .select({
      id: candidates.id,
      name: candidates.name,
      email: candidates.email,
      engagementType: candidates.engagementType,
    })
    .from(candidates)
    .where(
      expression
        ? sql`${candidates.id} in (select rowid from candidates_fts where candidates_fts match ${expression})`
        : undefined,
    )
    .orderBy(asc(candidates.name))
    .limit(limit)
    .all();
}
