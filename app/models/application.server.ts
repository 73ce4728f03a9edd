import { and, asc, count, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { lapsedChecks, missingChecks, type CheckType } from "~/domain/compliance";
import { stageGate } from "~/domain/offer";
import { checkMove, gatedStages, type MoveProblem, type Stage } from "~/domain/pipeline";
import { judgeSubmission, type SubmissionVerdict } from "~/domain/submissions";
import { recordAudit, recordAudits } from "./audit.server";
import { queueWebhookEvent } from "./webhook.server";
import { getDb, schema } from "~/utils/db.server";
import { listChecksForApplication, toCheckStates } from "./compliance.server";
import { getOfferGateView } from "./offer.server";
import { DAY_MS, isoDay } from "~/domain/dates";

const { applications, candidates, agencies, agencyContacts, agencySubmissions, stageHistory, roles, users } = schema;

/**
 * One role's pipeline board: per stage, the applications waiting longest
 * first, at most `perStage` of them (a big role has hundreds per stage; the
 * rollup lists them all), plus how many each stage holds.
 */
export function listPipeline(roleId: number, perStage: number) {
  const db = getDb();
  const submitter = sql<
    string | null
  >`(select name from agencies where agencies.id = ${applications.submittedByAgencyId})`;
  const ranked = db
    .select({
      id: applications.id,
      stage: applications.stage,
      stageChangedAt: applications.stageChangedAt,
      version: applications.version,
      candidateId: applications.candidateId,
      agencyId: applications.agencyId,
      candidateName: sql<string | null>`${candidates.name}`.as("candidate_name"),
      engagementType: candidates.engagementType,
      agencyName: sql<string | null>`${agencies.name}`.as("agency_name"),
      submittedBy: submitter.as("submitted_by"),
      place:
        sql<number>`row_number() over (partition by ${applications.stage} order by ${applications.stageChangedAt}, ${applications.id})`.as(
          "place",
        ),
    })
    .from(applications)
    .leftJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(eq(applications.roleId, roleId))
    .as("ranked");
  const items = db
    .select()
    .from(ranked)
    .where(lte(ranked.place, perStage))
    .orderBy(asc(ranked.stageChangedAt), asc(ranked.id))
    .all();
  const counts = Object.fromEntries(countApplicationsByStage(roleId).map((c) => [c.stage, c.n])) as Partial<
    Record<Stage, number>
  >;
  return { items, counts };
}

export function countApplicationsByStage(roleId: number) {
  return getDb()
    .select({ stage: applications.stage, n: count() })
    .from(applications)
    .where(eq(applications.roleId, roleId))
    .groupBy(applications.stage)
    .all();
}

export function getApplication(id: number) {
  const db = getDb();
  const application = db.select().from(applications).where(eq(applications.id, id)).get();
  if (!application) return null;
  const role = db
    .select({
      id: roles.id,
      title: roles.title,
      requiredChecks: roles.requiredChecks,
      touchesSensitiveData: roles.touchesSensitiveData,
      engagementModels: roles.engagementModels,
      currency: roles.currency,
    })
    .from(roles)
    .where(eq(roles.id, application.roleId))
    .get()!;
  const candidate = application.candidateId
    ? db
        .select({
          id: candidates.id,
          name: candidates.name,
          email: candidates.email,
          engagementType: candidates.engagementType,
        })
        .from(candidates)
        .where(eq(candidates.id, application.candidateId))
        .get()
    : null;
  const agency = application.agencyId
    ? db
        .select({ id: agencies.id, name: agencies.name, kind: agencies.kind })
        .from(agencies)
        .where(eq(agencies.id, application.agencyId))
        .get()
    : null;
  const history = db
    .select({
      id: stageHistory.id,
      fromStage: stageHistory.fromStage,
      toStage: stageHistory.toStage,
      movedAt: stageHistory.movedAt,
      note: stageHistory.note,
      movedBy: users.name,
    })
    .from(stageHistory)
    .leftJoin(users, eq(users.id, stageHistory.movedById))
    .where(eq(stageHistory.applicationId, id))
    .orderBy(asc(stageHistory.movedAt), asc(stageHistory.id))
    .all();
  const submissions = application.candidateId
    ? db
        .select({
          id: agencySubmissions.id,
          agency: agencies.name,
          contact: agencyContacts.name,
          submittedAt: agencySubmissions.submittedAt,
          counts: agencySubmissions.counts,
          duplicateOf: agencySubmissions.duplicateOf,
        })
        .from(agencySubmissions)
        .innerJoin(agencies, eq(agencies.id, agencySubmissions.agencyId))
        .leftJoin(agencyContacts, eq(agencyContacts.id, agencySubmissions.contactId))
        .where(
          and(
            eq(agencySubmissions.roleId, application.roleId),
            eq(agencySubmissions.candidateId, application.candidateId),
          ),
        )
        // Arrival order: the first one recorded is the one that counts.
        .orderBy(asc(agencySubmissions.id))
        .all()
    : [];
  return { application, role, candidate, agency, history, submissions };
}

export type AddResult = { applicationId: number; created: boolean; submission: SubmissionVerdict | null };

/**
 * Add people just created (an import: none of them is on any role yet) to one role at a starting stage, as
 * `addCandidateToRole` adds one: an application each, its first stage in the history and an audit entry each.
 * Many rows per statement; called inside the import's transaction, it commits or rolls back with the candidates.
 */
export function addNewCandidatesToRole(input: {
  roleId: number;
  candidateIds: number[];
  stage: Stage;
  actorId: number;
  now?: Date;
}): number[] {
  const now = input.now ?? new Date();
  return getDb().transaction((tx) => {
    const ids: number[] = [];
    for (let i = 0; i < input.candidateIds.length; i += ADD_CHUNK) {
      const added = tx
        .insert(applications)
        .values(
          input.candidateIds.slice(i, i + ADD_CHUNK).map((candidateId) => ({
            roleId: input.roleId,
            candidateId,
            stage: input.stage,
            stageChangedAt: now,
            createdById: input.actorId,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: applications.id })
        .all();
      tx.insert(stageHistory)
        .values(
          added.map(({ id }) => ({
            applicationId: id,
            fromStage: null,
            toStage: input.stage,
            movedById: input.actorId,
            movedAt: now,
          })),
        )
        .run();
      ids.push(...added.map((a) => a.id));
    }
    recordAudits(
      ids.map((id) => ({
        actorId: input.actorId,
        action: "application.create" as const,
        subject: { type: "application" as const, id },
        roleId: input.roleId,
        applicationId: id,
        detail: { to: input.stage },
      })),
    );
    return ids;
  });
}

/** Applications per INSERT when adding many: 8 bound values each, well under SQLite's limit. */
const ADD_CHUNK = 500;

/**
 * Put a candidate on a role, directly or as an agency's submission, in one
 * transaction. A person already on the role is not added twice; a later
 * agency submission for them is recorded and flagged as a duplicate.
 */
export function addCandidateToRole(input: {
  roleId: number;
  candidateId: number;
  stage: Stage;
  submission: { agencyId: number; contactId: number | null; submittedAt: Date } | null;
  actorId: number;
  now?: Date;
}): AddResult {
  const now = input.now ?? new Date();
  return getDb().transaction((tx) => {
    const existing = tx
      .select({
        id: applications.id,
        createdAt: applications.createdAt,
        submittedByAgencyId: applications.submittedByAgencyId,
      })
      .from(applications)
      .where(and(eq(applications.roleId, input.roleId), eq(applications.candidateId, input.candidateId)))
      .get();
    let verdict: SubmissionVerdict | null = null;
    if (input.submission) {
      const prior = tx
        .select({ agencyId: agencySubmissions.agencyId, submittedAt: agencySubmissions.submittedAt })
        .from(agencySubmissions)
        .where(
          and(
            eq(agencySubmissions.roleId, input.roleId),
            eq(agencySubmissions.candidateId, input.candidateId),
            eq(agencySubmissions.counts, true),
          ),
        )
        .all();
      // Someone already on the role without a counted agency submission reached us directly.
      const direct =
        existing && existing.submittedByAgencyId === null ? [{ agencyId: null, submittedAt: existing.createdAt }] : [];
      verdict = judgeSubmission([...prior, ...direct], {
        agencyId: input.submission.agencyId,
        submittedAt: input.submission.submittedAt,
      });
      tx.insert(agencySubmissions)
        .values({
          roleId: input.roleId,
          candidateId: input.candidateId,
          agencyId: input.submission.agencyId,
          contactId: input.submission.contactId,
          submittedAt: input.submission.submittedAt,
          counts: verdict.counts,
          duplicateOf: verdict.counts ? null : verdict.duplicateOf,
          recordedById: input.actorId,
        })
        .run();
    }
    if (existing) return { applicationId: existing.id, created: false, submission: verdict };
    const { id } = tx
      .insert(applications)
      .values({
        roleId: input.roleId,
        candidateId: input.candidateId,
        stage: input.stage,
        stageChangedAt: now,
        submittedByAgencyId: verdict?.counts ? input.submission!.agencyId : null,
        createdById: input.actorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: applications.id })
      .get();
    tx.insert(stageHistory)
      .values({ applicationId: id, fromStage: null, toStage: input.stage, movedById: input.actorId, movedAt: now })
      .run();
    recordAudit({
      actorId: input.actorId,
      action: "application.create",
      subject: { type: "application", id },
      roleId: input.roleId,
      applicationId: id,
      detail: { to: input.stage },
    });
    return { applicationId: id, created: true, submission: verdict };
  });
}

/** An agency bidding for the role as a team. */
export type BidQuote = { amount: number; currency: string; teamSize: number | null; weeks: number | null };

/** The quote's columns: the price, its currency, the team it covers and how many weeks it runs. */
const quoteColumns = (q: BidQuote | null) => ({
  quoteAmount: q?.amount ?? null,
  quoteCurrency: q ? q.currency : null,
  quoteTeamSize: q?.teamSize ?? null,
  quoteWeeks: q?.weeks ?? null,
});

export function addAgencyBid(input: {
  roleId: number;
  agencyId: number;
  stage: Stage;
  actorId: number;
  /** Its quote when the agency has given one (only from those who may see pay). */
  quote?: BidQuote | null;
  now?: Date;
}): {
  applicationId: number;
  created: boolean;
} {
  const now = input.now ?? new Date();
  return getDb().transaction((tx) => {
    const existing = tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.roleId, input.roleId),
          eq(applications.agencyId, input.agencyId),
          isNull(applications.candidateId),
        ),
      )
      .get();
    if (existing) return { applicationId: existing.id, created: false };
    const { id } = tx
      .insert(applications)
      .values({
        roleId: input.roleId,
        agencyId: input.agencyId,
        stage: input.stage,
        stageChangedAt: now,
        ...(input.quote ? quoteColumns(input.quote) : {}),
        createdById: input.actorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: applications.id })
      .get();
    tx.insert(stageHistory)
      .values({ applicationId: id, fromStage: null, toStage: input.stage, movedById: input.actorId, movedAt: now })
      .run();
    recordAudit({
      actorId: input.actorId,
      action: "application.create",
      subject: { type: "application", id },
      roleId: input.roleId,
      applicationId: id,
      detail: { to: input.stage, kind: "agency_bid" },
    });
    return { applicationId: id, created: true };
  });
}

export type MoveResult =
  | { ok: true }
  | { ok: false; reason: "not-found" | "conflict" }
  | { ok: false; reason: "invalid"; problem: MoveProblem }
  | { ok: false; reason: "gate"; message: string; missing: CheckType[] };

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];
type ApplicationRow = typeof applications.$inferSelect;

/**
 * Move inside a caller's transaction: the move's own rules (checkMove: a
 * rejection's reason, a hire undone only with a reason and a confirmation),
 * then the stage gate (checks and offer), then the write and its history line.
 */
export function moveApplicationWithin(
  tx: Tx,
  app: ApplicationRow,
  input: {
    toStage: Stage;
    rejectionReason: string | null;
    note: string | null;
    confirmUndoHire?: boolean;
    actorId: number;
  },
  now: Date,
): Exclude<MoveResult, { reason: "not-found" | "conflict" }> {
  const problem = checkMove({
    from: app.stage,
    to: input.toStage,
    rejectionReason: input.rejectionReason,
    note: input.note,
    confirmUndoHire: input.confirmUndoHire,
  });
  if (problem) return { ok: false, reason: "invalid", problem };
  const role = tx.select({ requiredChecks: roles.requiredChecks }).from(roles).where(eq(roles.id, app.roleId)).get()!;
  const checks = toCheckStates(
    listChecksForApplication({ applicationId: app.id, candidateId: app.candidateId, agencyId: app.agencyId }),
  );
  // The stage gate: the required checks, and for offer an approved offer, for hired an accepted one.
  const offer = gatedStages.includes(input.toStage) ? getOfferGateView(app.id) : null;
  const missing = missingChecks(role.requiredChecks, checks, isoDay(now));
  const gate = stageGate({
    toStage: input.toStage,
    missingChecks: missing,
    offer,
    lapsed: lapsedChecks(checks, isoDay(now)),
  });
  if (!gate.ok) return { ok: false, reason: "gate", message: gate.message, missing: gate.missingChecks };
  const exiting = input.toStage === "rejected" || input.toStage === "withdrawn";
  tx.update(applications)
    .set({
      stage: input.toStage,
      stageChangedAt: now,
      rejectionReason: input.toStage === "rejected" ? input.rejectionReason : null,
      exitNote: exiting ? input.note : app.exitNote,
      version: app.version + 1,
      updatedAt: now,
    })
    .where(and(eq(applications.id, app.id), eq(applications.version, app.version)))
    .run();
  tx.insert(stageHistory)
    .values({
      applicationId: app.id,
      fromStage: app.stage,
      toStage: input.toStage,
      movedById: input.actorId,
      movedAt: now,
      note: input.note,
    })
    .run();
  // The note and any reason are the mover's words: the log keeps which stages, and that a note was written.
  recordAudit({
    actorId: input.actorId,
    action: "application.stage_move",
    subject: { type: "application", id: app.id },
    roleId: app.roleId,
    applicationId: app.id,
    fields: ["stage", ...(input.note ? ["note"] : [])],
    detail: { from: app.stage, to: input.toStage },
  });
  const moved = { application_id: app.id, role_id: app.roleId, from_stage: app.stage, stage: input.toStage };
  queueWebhookEvent("application.stage_moved", moved, now);
  return { ok: true };
}

/** Move an application to another stage, through the offer gate, recording who and when; all or nothing. */
export function moveApplication(input: {
  id: number;
  version: number;
  toStage: Stage;
  rejectionReason: string | null;
  note: string | null;
  confirmUndoHire?: boolean;
  actorId: number;
  now?: Date;
}): MoveResult {
  const now = input.now ?? new Date();
  return getDb().transaction((tx) => {
    const app = tx.select().from(applications).where(eq(applications.id, input.id)).get();
    if (!app) return { ok: false, reason: "not-found" } as const;
    if (app.version !== input.version) return { ok: false, reason: "conflict" } as const;
    return moveApplicationWithin(tx, app, input, now);
  });
}

/** Of these people, those already in a role's pipeline (one query over the role's applications). */
export function listCandidateIdsOnRole(roleId: number, candidateIds: number[]): Set<number> {
  if (candidateIds.length === 0) return new Set();
  const rows = getDb()
    .select({ id: applications.candidateId })
    .from(applications)
    .where(and(eq(applications.roleId, roleId), inArray(applications.candidateId, candidateIds)))
    .all();
  return new Set(rows.map((r) => r.id).filter((id): id is number => id !== null));
}

/** A candidate's applications on roles the viewer may see (all when `roleIds` is null). */
export function listApplicationsOfCandidate(candidateId: number) {
  return getDb()
    .select({
      id: applications.id,
      roleId: roles.id,
      roleTitle: roles.title,
      stage: applications.stage,
      stageChangedAt: applications.stageChangedAt,
    })
    .from(applications)
    .innerJoin(roles, eq(roles.id, applications.roleId))
    .where(eq(applications.candidateId, candidateId))
    .orderBy(asc(roles.title))
    .all();
}

export function listApplicationsOfAgency(agencyId: number) {
  return getDb()
    .select({ id: applications.id, roleId: roles.id, roleTitle: roles.title, stage: applications.stage })
    .from(applications)
    .innerJoin(roles, eq(roles.id, applications.roleId))
    .where(eq(applications.agencyId, agencyId))
    .all();
}

export function listSubmissionsOfAgency(agencyId: number) {
  return getDb()
    .select({
      id: agencySubmissions.id,
      candidateId: candidates.id,
      candidate: candidates.name,
      roleId: roles.id,
      role: roles.title,
      submittedAt: agencySubmissions.submittedAt,
      counts: agencySubmissions.counts,
      duplicateOf: agencySubmissions.duplicateOf,
    })
    .from(agencySubmissions)
    .innerJoin(candidates, eq(candidates.id, agencySubmissions.candidateId))
    .innerJoin(roles, eq(roles.id, agencySubmissions.roleId))
    .where(eq(agencySubmissions.agencyId, agencyId))
    .orderBy(asc(agencySubmissions.submittedAt))
    .all();
}

/**
 * Open applications that have sat in their stage for more than `days`, oldest
 * first. The stage list is the condition of the partial index
 * applications_open_stage_changed_idx, so this reads `limit` index entries.
 */
/** Open applications in one stage since before `days` ago: the condition the partial index serves. */
function staleWhere(days: number, now: Date) {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  return and(
    sql`${applications.stage} in ('sourced','screening','interviewing','take_home','final','offer')`,
    sql`${applications.stageChangedAt} < ${cutoff.getTime()}`,
  );
}

export function buildStaleApplicationsQuery(days: number, now = new Date(), limit = 10) {
  return getDb()
    .select({
      id: applications.id,
      stage: applications.stage,
      since: applications.stageChangedAt,
      roleTitle: roles.title,
      name: sql<string>`coalesce(${candidates.name}, ${agencies.name})`,
    })
    .from(applications)
    .innerJoin(roles, eq(roles.id, applications.roleId))
    .leftJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(staleWhere(days, now))
    .orderBy(asc(applications.stageChangedAt), asc(applications.id))
    .limit(limit);
}

export function listStaleApplications(days: number, now = new Date(), limit = 10) {
  return buildStaleApplicationsQuery(days, now, limit).all();
}

/**
 * How many open applications have sat in one stage for over `days`: the kept count per day their stage changed
 * (open_stage_days, db/home-counts.ts) for the days before the cutoff's, and the cutoff's own day counted on the
 * list's partial index (named, because on a large database the planner otherwise prefers reading the table).
 */
export function countStaleApplications(days: number, now = new Date()): number {
  const cutoff = now.getTime() - days * DAY_MS;
  const cutoffDay = Math.floor(cutoff / DAY_MS);
  return (
    getDb().get<{ n: number }>(sql`select
      (select coalesce(sum(n), 0) from open_stage_days where day < ${cutoffDay})
      + (select count(*) from applications indexed by applications_open_stage_changed_idx
          where ${staleWhere(days, now)} and ${applications.stageChangedAt} >= ${cutoffDay * DAY_MS}) as n`)?.n ?? 0
  );
}

/** The agency bids on a role (agencies bidding as a team), with their quotes. */
export function listAgencyBids(roleId: number) {
  return getDb()
    .select({
      id: applications.id,
      agencyName: agencies.name,
      stage: applications.stage,
      quoteAmount: applications.quoteAmount,
      quoteCurrency: applications.quoteCurrency,
      version: applications.version,
    })
    .from(applications)
    .innerJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(eq(applications.roleId, roleId))
    .orderBy(asc(agencies.name))
    .all();
}

/**
 * Record an agency bid's quote (price, currency, team, weeks), if the application is an agency bid and unchanged
 * since the form was opened.
 */
export function saveAgencyQuote(input: {
  applicationId: number;
  quote: BidQuote;
  version: number;
  actorId: number;
}): "saved" | "not-found" | "stale" {
  const db = getDb();
  return db.transaction(() => {
    const bid = db
      .select({ version: applications.version, roleId: applications.roleId })
      .from(applications)
      .where(and(eq(applications.id, input.applicationId), isNotNull(applications.agencyId)))
      .get();
    if (!bid) return "not-found";
    if (bid.version !== input.version) return "stale";
    db.update(applications)
      .set({ ...quoteColumns(input.quote), version: input.version + 1, updatedAt: new Date() })
      .where(eq(applications.id, input.applicationId))
      .run();
    // The fields, never the figures: the log is read by people who may not see pay.
    recordAudit({
      actorId: input.actorId,
      action: "application.quote",
      subject: { type: "application", id: input.applicationId },
      roleId: bid.roleId,
      applicationId: input.applicationId,
      fields: ["quoteAmount", "quoteCurrency", "quoteTeamSize", "quoteWeeks"],
    });
    return "saved";
  });
}
