import { and, asc, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { randomInt } from "node:crypto";
import { allGradersSubmitted, anonymousGradingConflicts, type Grade, type HandlingKind } from "~/domain/take-home";
import { getDb, preparedQuery, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

const { takeHomes, takeHomeGraders, takeHomeGrades, applications, roles, users } = schema;

/** A random alias, unrelated to ids or names, so graders cannot guess who it is. */
function newAlias(): string {
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  return `Candidate ${letters[randomInt(letters.length)]}${letters[randomInt(letters.length)]}-${randomInt(10, 100)}`;
}

export function assignTakeHome(input: {
  applicationId: number;
  values: {
    title: string;
    instructions: string;
    materialsUrl: string | null;
    timeBoxHours: number;
    dueOn: string;
    paid: boolean;
    amount: number | null;
    currency: string;
    anonymous: boolean;
    graderIds: number[];
  };
  actorId: number;
}): number {
  return getDb().transaction((tx) => {
    const { graderIds, ...values } = input.values;
    const { id } = tx
      .insert(takeHomes)
      .values({
        ...values,
        amount: values.paid ? values.amount : null,
        applicationId: input.applicationId,
        alias: newAlias(),
        createdById: input.actorId,
      })
      .returning({ id: takeHomes.id })
      .get();
    tx.insert(takeHomeGraders)
      .values(graderIds.map((userId) => ({ takeHomeId: id, userId })))
      .run();
    return id;
  });
}

export function getTakeHome(id: number) {
  const db = getDb();
  const takeHome = db.select().from(takeHomes).where(eq(takeHomes.id, id)).get();
  if (!takeHome) return null;
  const application = db
    .select({
      id: applications.id,
      roleId: applications.roleId,
      candidateId: applications.candidateId,
      agencyId: applications.agencyId,
    })
    .from(applications)
    .where(eq(applications.id, takeHome.applicationId))
    .get()!;
  const role = db
    .select({ id: roles.id, title: roles.title })
    .from(roles)
    .where(eq(roles.id, application.roleId))
    .get()!;
  const graders = db
    .select({ userId: takeHomeGraders.userId, name: users.name })
    .from(takeHomeGraders)
    .innerJoin(users, eq(users.id, takeHomeGraders.userId))
    .where(eq(takeHomeGraders.takeHomeId, id))
    .orderBy(asc(users.name))
    .all();
  const grades = db.select().from(takeHomeGrades).where(eq(takeHomeGrades.takeHomeId, id)).all();
  const revealedBy =
    takeHome.revealedById === null
      ? null
      : (db.select({ name: users.name }).from(users).where(eq(users.id, takeHome.revealedById)).get()?.name ?? null);
  return { takeHome, application, role, graders, grades, revealedBy };
}

export function listTakeHomesForApplication(applicationId: number) {
  const rows = getDb()
    .select()
    .from(takeHomes)
    .where(eq(takeHomes.applicationId, applicationId))
    .orderBy(asc(takeHomes.createdAt), asc(takeHomes.id))
    .all();
  return rows.map((t) => {
    const found = getTakeHome(t.id)!;
    return { ...t, graders: found.graders, grades: found.grades };
  });
}

export type TakeHomeUpdate =
  | { intent: "submitted"; submissionUrl: string | null; submittedAt: Date }
  | { intent: "extend"; extendedTo: string; extensionReason: string }
  | { intent: "waive"; waiverReason: string };

/** Which changes each status allows: a submission or extension only while assigned; a waiver until graded. */
export function isChangeAllowed(status: string, intent: TakeHomeUpdate["intent"]): boolean {
  if (intent === "submitted" || intent === "extend") return status === "assigned";
  return status === "assigned" || status === "submitted" || status === "grading";
}

/** Record that a take-home's candidate was revealed to its graders, and by whom, in the caller's transaction. */
function auditReveal(th: { id: number; applicationId: number }, actorId: number) {
  recordAudit({
    actorId,
    action: "take_home.reveal",
    subject: { type: "take_home", id: th.id },
    applicationId: th.applicationId,
    fields: ["revealedAt", "revealedById"],
  });
}

export function updateTakeHome(input: { id: number; version: number; change: TakeHomeUpdate; actorId: number }): {
  ok: boolean;
  reason?: "conflict" | "state";
} {
  return getDb().transaction((tx) => {
    const current = tx.select().from(takeHomes).where(eq(takeHomes.id, input.id)).get();
    if (!current || current.version !== input.version) return { ok: false, reason: "conflict" as const };
    if (!isChangeAllowed(current.status, input.change.intent)) return { ok: false, reason: "state" as const };
    return applyTakeHomeUpdate(tx, current, input);
  });
}

type TakeHomeRow = typeof takeHomes.$inferSelect;
type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

function applyTakeHomeUpdate(
  tx: Tx,
  current: TakeHomeRow,
  input: { id: number; version: number; change: TakeHomeUpdate; actorId: number },
): { ok: boolean; reason?: "conflict" } {
  // Waiving ends anonymous grading: the identity is revealed, and that is recorded like any reveal.
  const revealing = input.change.intent === "waive" && current.anonymous && current.revealedAt === null;
  const reveal = revealing ? { revealedAt: new Date(), revealedById: input.actorId } : {};
  const set =
    input.change.intent === "submitted"
      ? {
          status: "submitted" as const,
          submissionUrl: input.change.submissionUrl,
          submittedAt: input.change.submittedAt,
        }
      : input.change.intent === "extend"
        ? { extendedTo: input.change.extendedTo, extensionReason: input.change.extensionReason }
        : { status: "waived" as const, waiverReason: input.change.waiverReason };
  const changed = tx
    .update(takeHomes)
    .set({ ...set, ...reveal, version: input.version + 1, updatedAt: new Date() })
    .where(and(eq(takeHomes.id, input.id), eq(takeHomes.version, input.version)))
    .run().changes;
  if (changed === 0) return { ok: false, reason: "conflict" };
  if (revealing) auditReveal(current, input.actorId);
  return { ok: true };
}

export type GradeValues = Omit<Grade, never> & { notes: string | null };
/** `version` is the grade's record version after the save. */
export type SaveGradeResult =
  { ok: true; revealed: boolean; version: number } | { ok: false; reason: "conflict" | "locked" | "not-ready" };

/**
 * Save a grader's draft or submission. The first grade moves the take-home
 * to grading; the last assigned grader's submission marks it graded and, for
 * anonymous grading, records the reveal. One transaction.
 */
export function saveGrade(input: {
  takeHomeId: number;
  graderId: number;
  version: number | null;
  submit: boolean;
  values: Partial<GradeValues>;
  now?: Date;
}): SaveGradeResult {
  const now = input.now ?? new Date();
  return getDb().transaction((tx) => {
    const th = tx.select().from(takeHomes).where(eq(takeHomes.id, input.takeHomeId)).get()!;
    if (th.status === "assigned" || th.status === "waived") return { ok: false, reason: "not-ready" } as const;
    const existing = tx
      .select()
      .from(takeHomeGrades)
      .where(and(eq(takeHomeGrades.takeHomeId, th.id), eq(takeHomeGrades.graderId, input.graderId)))
      .get();
    if ((existing?.version ?? null) !== input.version) return { ok: false, reason: "conflict" } as const;
    if (existing?.status === "submitted") return { ok: false, reason: "locked" } as const;
    const fields = {
      ...input.values,
      status: input.submit ? ("submitted" as const) : ("draft" as const),
      submittedAt: input.submit ? now : null,
      updatedAt: now,
    };
    if (existing)
      tx.update(takeHomeGrades)
        .set({ ...fields, version: existing.version + 1 })
        .where(eq(takeHomeGrades.id, existing.id))
        .run();
    else
      tx.insert(takeHomeGrades)
        .values({ takeHomeId: th.id, graderId: input.graderId, ...fields, createdAt: now })
        .run();

    const graderIds = tx
      .select({ id: takeHomeGraders.userId })
      .from(takeHomeGraders)
      .where(eq(takeHomeGraders.takeHomeId, th.id))
      .all()
      .map((g) => g.id);
    const submitted = tx
      .select({ id: takeHomeGrades.graderId })
      .from(takeHomeGrades)
      .where(and(eq(takeHomeGrades.takeHomeId, th.id), eq(takeHomeGrades.status, "submitted")))
      .all()
      .map((g) => g.id);
    const done = allGradersSubmitted(graderIds, submitted);
    const reveal = done && th.anonymous && th.revealedAt === null;
    tx.update(takeHomes)
      .set({
        status: done ? "graded" : "grading",
        revealedAt: reveal ? now : th.revealedAt,
        revealedById: reveal ? input.graderId : th.revealedById,
        version: th.version + 1,
        updatedAt: now,
      })
      .where(eq(takeHomes.id, th.id))
      .run();
    // The last grader's submission is what reveals the candidate: that grader is the actor.
    if (reveal) auditReveal(th, input.graderId);
    return { ok: true, revealed: reveal, version: existing ? existing.version + 1 : 1 } as const;
  });
}

// Asked on every request that names a record: prepared once. Every application
// of a candidate the user grades anonymously is masked, on any role, so the
// alias is not broken by the same person showing by name on another board;
// except where the user manages a role the candidate applied to: they handle
// that candidate anyway, so they are never locked out of their own role and see
// the name everywhere (assigning such a grader anonymously is refused).
const maskedLookup = preparedQuery((db) =>
  db.$client.prepare<{ userId: number }, { id: number; alias: string }>(`
    select distinct other.id as id, th.alias as alias
    from take_homes th
    join take_home_graders g on g.take_home_id = th.id and g.user_id = :userId
    join applications graded on graded.id = th.application_id
    join applications other on other.id = graded.id or (graded.candidate_id is not null and other.candidate_id = graded.candidate_id)
    where th.anonymous = 1 and th.revealed_at is null and th.status in ('assigned', 'submitted', 'grading')
      and not exists (
        select 1 from applications mine
        join role_team rt on rt.role_id = mine.role_id and rt.user_id = :userId and rt.team_role = 'hiring_manager'
        where mine.id = graded.id or (graded.candidate_id is not null and mine.candidate_id = graded.candidate_id)
      )`),
);

/**
 * Applications whose subject a user must not be able to identify right now,
 * with the alias to show instead: those of a candidate with an anonymous
 * take-home they grade that is not yet revealed (see maskedLookup).
 */
export function listMaskedApplications(userId: number): { id: number; alias: string }[] {
  return maskedLookup().all({ userId });
}

export function listMaskedApplicationIds(userId: number): number[] {
  return listMaskedApplications(userId).map((r) => r.id);
}

/**
 * Who has met or handled the candidate (or bidding agency) of an application,
 * on any of their applications: they know who it is, so they cannot grade it
 * anonymously. Keyed by user, with the reason to show.
 */
export function findAnonymousGradingConflicts(applicationId: number): Map<number, string> {
  const db = getDb();
  const app = db.select().from(applications).where(eq(applications.id, applicationId)).get();
  if (!app) return new Map();
  const appIds = app.candidateId
    ? db
        .select({ id: applications.id })
        .from(applications)
        .where(eq(applications.candidateId, app.candidateId))
        .all()
        .map((r) => r.id)
    : [app.id];
  const { roleTeam, interviews, interviewPanel, candidates, stageHistory, complianceChecks, complianceHistory } =
    schema;
  const handled: { userId: number | null; kind: HandlingKind }[] = [
    ...db
      .select({ userId: roleTeam.userId })
      .from(roleTeam)
      .innerJoin(applications, eq(applications.roleId, roleTeam.roleId))
      .where(and(inArray(applications.id, appIds), eq(roleTeam.teamRole, "hiring_manager")))
      .all()
      .map((r) => ({ ...r, kind: "manages" as const })),
    ...db
      .select({ userId: interviewPanel.userId })
      .from(interviewPanel)
      .innerJoin(interviews, eq(interviews.id, interviewPanel.interviewId))
      .where(inArray(interviews.applicationId, appIds))
      .all()
      .map((r) => ({ ...r, kind: "interviewed" as const })),
    ...(app.candidateId
      ? db.select({ userId: candidates.createdById }).from(candidates).where(eq(candidates.id, app.candidateId)).all()
      : []
    ).map((r) => ({ ...r, kind: "added-candidate" as const })),
    ...db
      .select({ userId: applications.createdById })
      .from(applications)
      .where(inArray(applications.id, appIds))
      .all()
      .map((r) => ({ ...r, kind: "added-to-pipeline" as const })),
    ...db
      .select({ userId: stageHistory.movedById })
      .from(stageHistory)
      .where(and(inArray(stageHistory.applicationId, appIds), isNotNull(stageHistory.fromStage)))
      .all()
      .map((r) => ({ ...r, kind: "moved" as const })),
    ...db
      .select({ userId: complianceHistory.changedById })
      .from(complianceHistory)
      .innerJoin(complianceChecks, eq(complianceChecks.id, complianceHistory.checkId))
      .where(
        app.candidateId
          ? or(inArray(complianceChecks.applicationId, appIds), eq(complianceChecks.candidateId, app.candidateId))
          : inArray(complianceChecks.applicationId, appIds),
      )
      .all()
      .map((r) => ({ ...r, kind: "checks" as const })),
  ];
  return anonymousGradingConflicts(
    handled.filter((h): h is { userId: number; kind: HandlingKind } => h.userId !== null),
  );
}

/** The take-homes a user grades, for their home page. */
export function getGradingQueue(userId: number) {
  return getDb()
    .select({
      id: takeHomes.id,
      title: takeHomes.title,
      alias: takeHomes.alias,
      status: takeHomes.status,
      dueOn: takeHomes.dueOn,
      anonymous: takeHomes.anonymous,
      revealedAt: takeHomes.revealedAt,
      roleTitle: roles.title,
      gradeStatus: takeHomeGrades.status,
    })
    .from(takeHomeGraders)
    .innerJoin(takeHomes, eq(takeHomes.id, takeHomeGraders.takeHomeId))
    .innerJoin(applications, eq(applications.id, takeHomes.applicationId))
    .innerJoin(roles, eq(roles.id, applications.roleId))
    .leftJoin(takeHomeGrades, and(eq(takeHomeGrades.takeHomeId, takeHomes.id), eq(takeHomeGrades.graderId, userId)))
    .where(eq(takeHomeGraders.userId, userId))
    .orderBy(asc(takeHomes.dueOn))
    .all();
}

/** Users who grade an application's anonymous take-home that is not revealed yet. */
export function listAnonymousGraderIds(applicationId: number): number[] {
  return getDb()
    .select({ id: takeHomeGraders.userId })
    .from(takeHomeGraders)
    .innerJoin(takeHomes, eq(takeHomes.id, takeHomeGraders.takeHomeId))
    .where(
      and(
        eq(takeHomes.applicationId, applicationId),
        eq(takeHomes.anonymous, true),
        isNull(takeHomes.revealedAt),
        inArray(takeHomes.status, ["assigned", "submitted", "grading"]),
      ),
    )
    .all()
    .map((r) => r.id);
}
