import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import {
  defaultAreas,
  OVERDUE_AFTER_MS,
  queueStates,
  templateChange,
  type QueueState,
  type Rating,
  type Recommendation,
  type TemplateArea,
} from "~/domain/scorecard";
import { shownName, type Mask } from "./masking.server";
import { getDb, schema } from "~/utils/db.server";

const {
  scorecardTemplates,
  scorecards,
  scorecardRatings,
  scorecardAmendments,
  interviews,
  interviewPanel,
  applications,
  roles,
  users,
} = schema;

export type Template = { id: number | null; version: number; areas: TemplateArea[] };

/** The role's current template; a role that never saved one uses the default (persisted on first use). */
export function currentTemplate(roleId: number): Template {
  const row = getDb()
    .select()
    .from(scorecardTemplates)
    .where(eq(scorecardTemplates.roleId, roleId))
    .orderBy(desc(scorecardTemplates.version))
    .get();
  return row
    ? { id: row.id, version: row.version, areas: row.areas as TemplateArea[] }
    : { id: null, version: 1, areas: defaultAreas };
}

export function templateById(id: number): Template | null {
  const row = getDb().select().from(scorecardTemplates).where(eq(scorecardTemplates.id, id)).get();
  return row ? { id: row.id, version: row.version, areas: row.areas as TemplateArea[] } : null;
}

/** The id of the role's current template, creating version 1 from the default if needed. Call inside a write. */
export function ensureTemplateId(roleId: number, actorId: number | null): number {
  const current = currentTemplate(roleId);
  if (current.id !== null) return current.id;
  return getDb()
    .insert(scorecardTemplates)
    .values({ roleId, version: 1, areas: current.areas, createdById: actorId, createdAt: new Date() })
    .returning({ id: scorecardTemplates.id })
    .get().id;
}

/** Save a role's template: in place while unused, as a new version once any scorecard used it. Also sets blindness. */
export function saveTemplate(input: {
  roleId: number;
  areas: TemplateArea[];
  blindFeedback: boolean;
  actorId: number;
}): { version: number; created: boolean } {
  const db = getDb();
  return db.transaction((tx) => {
    tx.update(roles)
      .set({ blindFeedback: input.blindFeedback, updatedAt: new Date() })
      .where(eq(roles.id, input.roleId))
      .run();
    const current = tx
      .select()
      .from(scorecardTemplates)
      .where(eq(scorecardTemplates.roleId, input.roleId))
      .orderBy(desc(scorecardTemplates.version))
      .get();
    const used = current
      ? tx.select({ id: scorecards.id }).from(scorecards).where(eq(scorecards.templateId, current.id)).get() !==
        undefined
      : false;
    if (current && templateChange({ used }) === "edit-in-place") {
      tx.update(scorecardTemplates).set({ areas: input.areas }).where(eq(scorecardTemplates.id, current.id)).run();
      return { version: current.version, created: false };
    }
    const version = (current?.version ?? 0) + 1;
    tx.insert(scorecardTemplates)
      .values({ roleId: input.roleId, version, areas: input.areas, createdById: input.actorId, createdAt: new Date() })
      .run();
    return { version, created: true };
  });
}

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

export type ScorecardValues = {
  /** rating 0 in a draft: not rated yet (kept only to hold evidence notes); null: not assessed. */
  ratings: Record<string, { rating: Rating | 0 | null; evidence: string | null }>;
  weakSignals: string[];
  keyTakeaways: string | null;
  recommendation: Recommendation;
  recommendationChosen: boolean;
};

export function getScorecard(interviewId: number, interviewerId: number) {
  const db = getDb();
  const card = db
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.interviewId, interviewId), eq(scorecards.interviewerId, interviewerId)))
    .get();
  if (!card) return null;
  const ratings = db.select().from(scorecardRatings).where(eq(scorecardRatings.scorecardId, card.id)).all();
  const amendments = db
    .select({
      id: scorecardAmendments.id,
      reason: scorecardAmendments.reason,
      before: scorecardAmendments.before,
      amendedAt: scorecardAmendments.amendedAt,
      by: users.name,
    })
    .from(scorecardAmendments)
    .leftJoin(users, eq(users.id, scorecardAmendments.amendedById))
    .where(eq(scorecardAmendments.scorecardId, card.id))
    .orderBy(asc(scorecardAmendments.amendedAt))
    .all();
  return { card, ratings, amendments };
}

/**
 * What a panelist's scorecard is filled against: the interview, their own
 * scorecard if any, the template version (the scorecard's own, else the one the
 * interview was scheduled against, else the role's current one) and the
 * interview's focus areas on it. Null when the interview does not exist.
 */
export function getScorecardContext(interviewId: number, userId: number) {
  const found = getInterview(interviewId);
  if (!found) return null;
  const own = getScorecard(interviewId, userId);
  const templateId = own?.card.templateId ?? found.interview.templateId;
  const template = (templateId ? templateById(templateId) : null) ?? currentTemplate(found.role.id);
  const areas = template.areas.filter((a) => found.interview.focusAreas.includes(a.key));
  return { found, own, template, areas };
}

/** `version` is the scorecard's record version after the save, for the next save from the same page. */
export type SaveScorecardResult =
  { ok: true; id: number; version: number } | { ok: false; reason: "conflict" | "locked" | "not-submitted" };

function snapshot(cardId: number) {
  const db = getDb();
  const card = db.select().from(scorecards).where(eq(scorecards.id, cardId)).get()!;
  const ratings = db
    .select({ areaKey: scorecardRatings.areaKey, rating: scorecardRatings.rating, evidence: scorecardRatings.evidence })
    .from(scorecardRatings)
    .where(eq(scorecardRatings.scorecardId, cardId))
    .all();
  return {
    recommendation: card.recommendation,
    keyTakeaways: card.keyTakeaways,
    weakSignals: card.weakSignals,
    submittedAt: card.submittedAt?.toISOString() ?? null,
    ratings,
  };
}

/**
 * Save a draft, submit, or amend, in one transaction. Drafts and submissions
 * need the version the author loaded; a submitted scorecard changes only by
 * amendment, which keeps the previous state and the reason.
 */
export function saveScorecard(input: {
  interviewId: number;
  interviewerId: number;
  roleId: number;
  /** The interview's template; a new scorecard is filled against it. */
  templateId: number | null;
  mode: "draft" | "submit" | "amend";
  version: number | null;
  values: ScorecardValues;
  amendReason?: string;
  now?: Date;
}): SaveScorecardResult {
  const now = input.now ?? new Date();
  const db = getDb();
  return db.transaction((tx) => {
    const existing = tx
      .select()
      .from(scorecards)
      .where(and(eq(scorecards.interviewId, input.interviewId), eq(scorecards.interviewerId, input.interviewerId)))
      .get();
    if ((existing?.version ?? null) !== input.version) return { ok: false, reason: "conflict" } as const;
    if (existing?.status === "submitted" && input.mode !== "amend") return { ok: false, reason: "locked" } as const;
    if (input.mode === "amend" && existing?.status !== "submitted")
      return { ok: false, reason: "not-submitted" } as const;

    let id: number;
    const fields = {
      recommendation: input.values.recommendation,
      recommendationChosen: input.values.recommendationChosen,
      keyTakeaways: input.values.keyTakeaways,
      weakSignals: input.values.weakSignals,
      updatedAt: now,
    };
    if (existing) {
      if (input.mode === "amend") {
        tx.insert(scorecardAmendments)
          .values({
            scorecardId: existing.id,
            reason: input.amendReason ?? "",
            before: snapshot(existing.id),
            amendedById: input.interviewerId,
            amendedAt: now,
          })
          .run();
      }
      const changed = tx
        .update(scorecards)
        .set({
          ...fields,
          status: input.mode === "draft" ? "draft" : "submitted",
          submittedAt: input.mode === "submit" ? now : existing.submittedAt,
          version: existing.version + 1,
        })
        .where(and(eq(scorecards.id, existing.id), eq(scorecards.version, existing.version)))
        .run().changes;
      if (changed === 0) return { ok: false, reason: "conflict" } as const;
      id = existing.id;
      tx.delete(scorecardRatings).where(eq(scorecardRatings.scorecardId, id)).run();
    } else {
      const templateId = input.templateId ?? ensureTemplateId(input.roleId, input.interviewerId);
      id = tx
        .insert(scorecards)
        .values({
          interviewId: input.interviewId,
          interviewerId: input.interviewerId,
          templateId,
          ...fields,
          status: input.mode === "submit" ? "submitted" : "draft",
          submittedAt: input.mode === "submit" ? now : null,
          createdAt: now,
        })
        .returning({ id: scorecards.id })
        .get().id;
    }
    const rows = Object.entries(input.values.ratings).map(([areaKey, r]) => ({
      scorecardId: id,
      areaKey,
      rating: r.rating,
      evidence: r.evidence,
    }));
    if (rows.length) tx.insert(scorecardRatings).values(rows).run();
    return { ok: true, id, version: existing ? existing.version + 1 : 1 } as const;
  });
}

/** Every scorecard for an application, with its ratings and template version; the caller applies the blind rule. */
export function scorecardsForApplication(applicationId: number) {
  const db = getDb();
  const cards = db
    .select({
      id: scorecards.id,
      interviewId: scorecards.interviewId,
      interviewKind: interviews.kind,
      interviewerId: scorecards.interviewerId,
      interviewerName: users.name,
      status: scorecards.status,
      recommendation: scorecards.recommendation,
      keyTakeaways: scorecards.keyTakeaways,
      weakSignals: scorecards.weakSignals,
      submittedAt: scorecards.submittedAt,
      templateId: scorecards.templateId,
      templateVersion: scorecardTemplates.version,
      templateAreas: scorecardTemplates.areas,
    })
    .from(scorecards)
    .innerJoin(interviews, eq(interviews.id, scorecards.interviewId))
    .innerJoin(users, eq(users.id, scorecards.interviewerId))
    .innerJoin(scorecardTemplates, eq(scorecardTemplates.id, scorecards.templateId))
    .where(eq(interviews.applicationId, applicationId))
    .orderBy(asc(interviews.startsAt), asc(users.name))
    .all();
  const ids = cards.map((c) => c.id);
  const ratings = ids.length
    ? db.select().from(scorecardRatings).where(inArray(scorecardRatings.scorecardId, ids)).all()
    : [];
  const amended = ids.length
    ? db
        .select({ scorecardId: scorecardAmendments.scorecardId })
        .from(scorecardAmendments)
        .where(inArray(scorecardAmendments.scorecardId, ids))
        .all()
        .map((a) => a.scorecardId)
    : [];
  return cards.map((c) => ({
    ...c,
    templateAreas: c.templateAreas as TemplateArea[],
    ratings: ratings.filter((r) => r.scorecardId === c.id),
    amendments: amended.filter((a) => a === c.id).length,
  }));
}

/**
 * The interviewer's queue: interviews they sit on and still owe a scorecard
 * for, in the three states of scorecardState (upcoming, due, overdue), and
 * the ones they have submitted. The time windows are computed in SQL from the
 * same OVERDUE_AFTER_MS, so a queue of thousands costs a count and short lists.
 */
function queueQueries(userId: number, now: Date) {
  const db = getDb();
  const owed = or(isNull(scorecards.status), ne(scorecards.status, "submitted"))!;
  const nowMs = now.getTime();
  const overdueBefore = nowMs - OVERDUE_AFTER_MS;
  const lists: Record<ListState, SQL> = {
    upcoming: sql`${owed} and ${interviews.endsAt} > ${nowMs}`,
    due: sql`${owed} and ${interviews.endsAt} <= ${nowMs} and ${interviews.endsAt} >= ${overdueBefore}`,
    overdue: sql`${owed} and ${interviews.endsAt} < ${overdueBefore}`,
    submitted: sql`${scorecards.status} = 'submitted'`,
  };
  const count = (state: ListState) => sql<number>`coalesce(sum(case when ${lists[state]} then 1 else 0 end), 0)`;
  return {
    totals: (): Record<ListState, number> =>
      db
        .select({
          upcoming: count("upcoming"),
          due: count("due"),
          overdue: count("overdue"),
          submitted: count("submitted"),
        })
        .from(interviewPanel)
        .innerJoin(interviews, eq(interviews.id, interviewPanel.interviewId))
        .leftJoin(scorecards, and(eq(scorecards.interviewId, interviews.id), eq(scorecards.interviewerId, userId)))
        .where(eq(interviewPanel.userId, userId))
        .get() ?? { upcoming: 0, due: 0, overdue: 0, submitted: 0 },
    /** One list's seats: what is owed earliest first, what is submitted latest first. */
    items: (state: ListState, limit: number, offset = 0): QueueItem[] =>
      db
        .select({
          interviewId: interviews.id,
          kind: interviews.kind,
          startsAt: interviews.startsAt,
          endsAt: interviews.endsAt,
          applicationId: applications.id,
          roleTitle: roles.title,
          candidateId: applications.candidateId,
          candidateName: schema.candidates.name,
          agencyName: schema.agencies.name,
          status: scorecards.status,
          submittedAt: scorecards.submittedAt,
        })
        .from(interviewPanel)
        .innerJoin(interviews, eq(interviews.id, interviewPanel.interviewId))
        .innerJoin(applications, eq(applications.id, interviews.applicationId))
        .innerJoin(roles, eq(roles.id, applications.roleId))
        .leftJoin(schema.candidates, eq(schema.candidates.id, applications.candidateId))
        .leftJoin(schema.agencies, eq(schema.agencies.id, applications.agencyId))
        .leftJoin(scorecards, and(eq(scorecards.interviewId, interviews.id), eq(scorecards.interviewerId, userId)))
        .where(and(eq(interviewPanel.userId, userId), lists[state]))
        .orderBy(
          ...(state === "submitted"
            ? [desc(scorecards.submittedAt), desc(interviews.id)]
            : [asc(interviews.startsAt), asc(interviews.id)]),
        )
        .limit(limit)
        .offset(offset)
        .all(),
  };
}

/** Each state's count and its first `shown` items, earliest first (the home page). */
export function interviewerQueue(
  userId: number,
  now: Date,
  shown: number,
): Record<QueueState, { total: number; items: QueueItem[] }> {
  const q = queueQueries(userId, now);
  const totals = q.totals();
  return Object.fromEntries(
    queueStates.map((state) => [state, { total: totals[state], items: totals[state] ? q.items(state, shown) : [] }]),
  ) as Record<QueueState, { total: number; items: QueueItem[] }>;
}

/**
 * One page of one state, with every state's count (the interviews page). With
 * no state asked for, the most pressing one that has anything in it. A page
 * past the end shows the last one.
 */
export function interviewerQueuePage(
  userId: number,
  now: Date,
  asked: ListState | null,
  page: number,
  perPage: number,
) {
  const q = queueQueries(userId, now);
  const totals = q.totals();
  const state = asked ?? queueStates.find((s) => totals[s] > 0) ?? queueStates[0];
  const pageCount = Math.max(1, Math.ceil(totals[state] / perPage));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  return {
    state,
    totals,
    page: current,
    pageCount,
    items: totals[state] ? q.items(state, perPage, (current - 1) * perPage) : [],
  };
}

export type QueueItem = {
  interviewId: number;
  kind: (typeof interviews.$inferSelect)["kind"];
  startsAt: Date;
  endsAt: Date;
  applicationId: number;
  roleTitle: string;
  candidateId: number | null;
  candidateName: string | null;
  agencyName: string | null;
  status: "draft" | "submitted" | null;
  submittedAt: Date | null;
};

/** The interviews page's lists: the three states of what is owed, and what the interviewer has submitted. */
export type ListState = QueueState | "submitted";

/** A queue item as pages show it: someone the viewer grades anonymously appears under the take-home's alias only. */
export function queueItemView(q: QueueItem, mask: Mask) {
  const masked = mask.applicationIds.has(q.applicationId);
  return {
    interviewId: q.interviewId,
    kind: q.kind,
    startsAt: q.startsAt,
    roleTitle: q.roleTitle,
    who: shownName(mask, q.applicationId, q.candidateName ?? q.agencyName ?? ""),
    masked,
    draft: q.status === "draft",
    submittedAt: q.submittedAt,
  };
}

/** Who on an interview's panel has a scorecard, in which state, against which template. */
export function scorecardStatuses(interviewId: number) {
  return getDb()
    .select({ interviewerId: scorecards.interviewerId, status: scorecards.status, templateId: scorecards.templateId })
    .from(scorecards)
    .where(eq(scorecards.interviewId, interviewId))
    .all();
}

/** The interviews of an application a user sits on, and whether their scorecard for each is submitted. */
export function panelSeats(applicationId: number, userId: number) {
  return getDb()
    .select({ interviewId: interviews.id, status: scorecards.status })
    .from(interviewPanel)
    .innerJoin(interviews, eq(interviews.id, interviewPanel.interviewId))
    .leftJoin(scorecards, and(eq(scorecards.interviewId, interviews.id), eq(scorecards.interviewerId, userId)))
    .where(and(eq(interviews.applicationId, applicationId), eq(interviewPanel.userId, userId)))
    .all();
}

/** Everyone on any interview panel of an application. */
export function panelistIds(applicationId: number): number[] {
  return getDb()
    .selectDistinct({ id: interviewPanel.userId })
    .from(interviewPanel)
    .innerJoin(interviews, eq(interviews.id, interviewPanel.interviewId))
    .where(eq(interviews.applicationId, applicationId))
    .all()
    .map((r) => r.id);
}
