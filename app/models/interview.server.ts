// Interviews: scheduling, an interview with its panel, an application's interviews, panel seats.
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, schema } from "~/utils/db.server";
import { enqueueInterviewInvitations } from "./interview-mail.server";
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
  return { interview, application: app, role, panel };
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
