// Interviews: scheduling, rescheduling and cancelling, an interview with its panel, an application's
// interviews, panel seats.
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import {
  enqueueInterviewCancellation,
  enqueueInterviewInvitations,
  enqueueInterviewUpdate,
} from "./interview-mail.server";
import { ensureTemplateId } from "./template.server";

const { scorecards, interviews, interviewPanel, applications, roles, users } = schema;

export type ScheduleInput = {
  applicationId: number;
  kind: (typeof interviews.$inferInsert)["kind"];
  startsAt: Date;
  endsAt: Date;
  panelIds: number[];
  focusAreas: string[];
  prompts: string[];
  customQuestions: string[];
  includeGovernance: boolean;
  actorId: number;
};

export function scheduleInterview(input: ScheduleInput): number {
  const db = getDb();
  return db.transaction((tx) => {
    const app = tx
      .select({ roleId: applications.roleId })
      .from(applications)
      .where(eq(applications.id, input.applicationId))
      .get()!;
    const templateId = ensureTemplateId(app.roleId, input.actorId);
    const { id } = tx
      .insert(interviews)
      .values({
        applicationId: input.applicationId,
        templateId,
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        focusAreas: input.focusAreas,
        prompts: input.prompts,
        customQuestions: input.customQuestions,
        includeGovernance: input.includeGovernance,
        createdById: input.actorId,
      })
      .returning({ id: interviews.id })
      .get();
    tx.insert(interviewPanel)
      .values(input.panelIds.map((userId) => ({ interviewId: id, userId })))
      .run();
    // Each panelist's invitation commits with the interview, or neither does.
    enqueueInterviewInvitations(id);
    return id;
  });
}

export type InterviewChangeResult =
  | { ok: true }
  | { ok: false; reason: "not-found" | "conflict" | "cancelled" }
  | { ok: false; reason: "started"; names: string[] };

function interviewWithRole(id: number) {
  return getDb()
    .select({ interview: interviews, roleId: applications.roleId })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(eq(interviews.id, id))
    .get();
}

function panelIdsOf(interviewId: number): number[] {
  return getDb()
    .select({ id: interviewPanel.userId })
    .from(interviewPanel)
    .where(eq(interviewPanel.interviewId, interviewId))
    .all()
    .map((r) => r.id);
}

/**
 * Move an interview (new start and end, and the panel when given) in one transaction: the
 * calendar sequence goes up by one, each panelist who stays gets an update, each one added an
 * invitation, each one removed a cancellation (interview-mail.server.ts), and the audit log an
 * entry. Refused: a stale version, a cancelled interview, or removing someone who has started
 * their scorecard (their words would be orphaned).
 */
export function rescheduleInterview(input: {
  interviewId: number;
  version: number;
  startsAt: Date;
  endsAt: Date;
  panelIds: number[] | null;
  actorId: number;
  now?: Date;
}): InterviewChangeResult {
  const now = input.now ?? new Date();
  return getDb().transaction((tx): InterviewChangeResult => {
    const found = interviewWithRole(input.interviewId);
    if (!found) return { ok: false, reason: "not-found" };
    const { interview, roleId } = found;
    if (interview.cancelledAt) return { ok: false, reason: "cancelled" };
    if (interview.version !== input.version) return { ok: false, reason: "conflict" };
    const before = panelIdsOf(interview.id);
    const after = input.panelIds ?? before;
    const removed = before.filter((id) => !after.includes(id));
    const added = after.filter((id) => !before.includes(id));
    if (removed.length) {
      const started = tx
        .select({ name: users.name })
        .from(scorecards)
        .innerJoin(users, eq(users.id, scorecards.interviewerId))
        .where(and(eq(scorecards.interviewId, interview.id), inArray(scorecards.interviewerId, removed)))
        .all();
      if (started.length) return { ok: false, reason: "started", names: started.map((r) => r.name) };
      tx.delete(interviewPanel)
        .where(and(eq(interviewPanel.interviewId, interview.id), inArray(interviewPanel.userId, removed)))
        .run();
    }
    if (added.length)
      tx.insert(interviewPanel)
        .values(added.map((userId) => ({ interviewId: interview.id, userId })))
        .run();
    tx.update(interviews)
      .set({
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        sequence: interview.sequence + 1,
        version: interview.version + 1,
        updatedAt: now,
      })
      .where(and(eq(interviews.id, interview.id), eq(interviews.version, interview.version)))
      .run();
    enqueueInterviewUpdate(interview.id, before, now);
    const fields = [
      ...(interview.startsAt.getTime() !== input.startsAt.getTime() ? ["startsAt"] : []),
      ...(interview.endsAt.getTime() !== input.endsAt.getTime() ? ["endsAt"] : []),
      ...(removed.length || added.length ? ["panel"] : []),
    ];
    recordAudit({
      actorId: input.actorId,
      action: "interview.reschedule",
      subject: { type: "interview", id: interview.id },
      roleId,
      applicationId: interview.applicationId,
      fields,
      detail: { kind: interview.kind },
    });
    return { ok: true };
  });
}

/**
 * Cancel an interview in one transaction: stamped with when and by whom, the sequence up by one,
 * a CANCEL to every panelist (with the reason, if given, in the mail only: the audit log keeps no
 * free text), and an audit entry. A cancelled interview stays on record, owes no scorecards and
 * cannot be moved again.
 */
export function cancelInterview(input: {
  interviewId: number;
  version: number;
  reason: string | null;
  actorId: number;
  now?: Date;
}): InterviewChangeResult {
  const now = input.now ?? new Date();
  return getDb().transaction((): InterviewChangeResult => {
    const found = interviewWithRole(input.interviewId);
    if (!found) return { ok: false, reason: "not-found" };
    const { interview, roleId } = found;
    if (interview.cancelledAt) return { ok: false, reason: "cancelled" };
    if (interview.version !== input.version) return { ok: false, reason: "conflict" };
    getDb()
      .update(interviews)
      .set({
        cancelledAt: now,
        cancelledById: input.actorId,
        sequence: interview.sequence + 1,
        version: interview.version + 1,
        updatedAt: now,
      })
      .where(and(eq(interviews.id, interview.id), eq(interviews.version, interview.version)))
      .run();
    enqueueInterviewCancellation(interview.id, input.reason, now);
    recordAudit({
      actorId: input.actorId,
      action: "interview.cancel",
      subject: { type: "interview", id: interview.id },
      roleId,
      applicationId: interview.applicationId,
      fields: ["cancelledAt", ...(input.reason ? ["reason"] : [])],
      detail: { kind: interview.kind },
    });
    return { ok: true };
  });
}

export function getInterview(id: number) {
  const db = getDb();
  const interview = db.select().from(interviews).where(eq(interviews.id, id)).get();
  if (!interview) return null;
  const app = db
    .select({
      id: applications.id,
      roleId: applications.roleId,
      candidateId: applications.candidateId,
      agencyId: applications.agencyId,
    })
    .from(applications)
    .where(eq(applications.id, interview.applicationId))
    .get()!;
  const role = db
    .select({ id: roles.id, title: roles.title, blindFeedback: roles.blindFeedback })
    .from(roles)
    .where(eq(roles.id, app.roleId))
    .get()!;
  const panel = db
    .select({ userId: interviewPanel.userId, name: users.name })
    .from(interviewPanel)
    .innerJoin(users, eq(users.id, interviewPanel.userId))
    .where(eq(interviewPanel.interviewId, id))
    .orderBy(asc(users.name))
    .all();
  const cancelledBy = interview.cancelledById
    ? (db.select({ name: users.name }).from(users).where(eq(users.id, interview.cancelledById)).get()?.name ?? null)
    : null;
  return { interview, application: app, role, panel, cancelledBy };
}

export function listInterviews(applicationId: number) {
  const db = getDb();
  const rows = db
    .select()
    .from(interviews)
    .where(eq(interviews.applicationId, applicationId))
    .orderBy(asc(interviews.startsAt))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const panel = db
    .select({ interviewId: interviewPanel.interviewId, userId: interviewPanel.userId, name: users.name })
    .from(interviewPanel)
    .innerJoin(users, eq(users.id, interviewPanel.userId))
    .where(inArray(interviewPanel.interviewId, ids))
    .all();
  const cards = db
    .select({ interviewId: scorecards.interviewId, interviewerId: scorecards.interviewerId, status: scorecards.status })
    .from(scorecards)
    .where(inArray(scorecards.interviewId, ids))
    .all();
  return rows.map((r) => ({
    ...r,
    panel: panel
      .filter((p) => p.interviewId === r.id)
      .map((p) => ({
        userId: p.userId,
        name: p.name,
        status: cards.find((c) => c.interviewId === r.id && c.interviewerId === p.userId)?.status ?? null,
      })),
  }));
}

/** The interviews of an application a user sits on, and whether their scorecard for each is submitted. */
export function listPanelSeats(applicationId: number, userId: number) {
  return getDb()
    .select({ interviewId: interviews.id, status: scorecards.status })
    .from(interviewPanel)
    .innerJoin(interviews, eq(interviews.id, interviewPanel.interviewId))
    .leftJoin(scorecards, and(eq(scorecards.interviewId, interviews.id), eq(scorecards.interviewerId, userId)))
    .where(and(eq(interviews.applicationId, applicationId), eq(interviewPanel.userId, userId)))
    .all();
}

/** Everyone on any interview panel of an application. */
export function listPanelistIds(applicationId: number): number[] {
  return getDb()
    .selectDistinct({ id: interviewPanel.userId })
    .from(interviewPanel)
    .innerJoin(interviews, eq(interviews.id, interviewPanel.interviewId))
    .where(eq(interviews.applicationId, applicationId))
    .all()
    .map((r) => r.id);
}
