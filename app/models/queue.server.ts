// The interviewer's queue: what they owe (upcoming, due, overdue) and what they have submitted.
import { and, asc, desc, eq, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { OVERDUE_AFTER_MS, queueStates, type QueueState } from "~/domain/scorecard";
import { getDb, schema } from "~/utils/db.server";
import { getShownName, type Mask } from "./masking.server";

const { scorecards, interviews, interviewPanel, applications, roles } = schema;

/**
 * The interviewer's queue: interviews they sit on and still owe a scorecard
 * for, in the three states of scorecardState (upcoming, due, overdue), and
 * the ones they have submitted; a cancelled interview is in none of them. The time windows are computed in SQL from the
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
        .where(and(eq(interviewPanel.userId, userId), isNull(interviews.cancelledAt)))
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
        .where(and(eq(interviewPanel.userId, userId), isNull(interviews.cancelledAt), lists[state]))
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
export function getInterviewerQueue(
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
export function getInterviewerQueuePage(
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
export function toQueueItemView(q: QueueItem, mask: Mask) {
  const masked = mask.applicationIds.has(q.applicationId);
  return {
    interviewId: q.interviewId,
    kind: q.kind,
    startsAt: q.startsAt,
    roleTitle: q.roleTitle,
    who: getShownName(mask, q.applicationId, q.candidateName ?? q.agencyName ?? ""),
    masked,
    draft: q.status === "draft",
    submittedAt: q.submittedAt,
  };
}
