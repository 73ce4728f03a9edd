// Scorecard reminders: a scan, run by the server's scheduler every few minutes
// and when the mail worker starts, finds panel seats whose interview has ended
// and whose scorecard is not submitted, and queues "due" (ended) or "overdue"
// (past OVERDUE_AFTER_MS) to the panelist. The idempotency key names the
// interview, the panelist and the kind, so each goes out once however often
// the scan runs and however many servers run it. Only interviews that ended
// in the last REMINDER_WINDOW_DAYS count: an old database does not flood
// inboxes the first time it runs. Cancelled interviews owe nothing.
import { and, eq, gte, isNull, lte, ne, or } from "drizzle-orm";
import { addDays } from "~/domain/dates";
import { scorecardReminder } from "~/domain/notification-mail";
import { scorecardState } from "~/domain/scorecard";
import { interviewKindLabels } from "~/schemas/interview";
import { getDb, schema } from "~/utils/db.server";
import { getEnv, mailLinkOrigin } from "~/utils/env.server";
import { enqueueMail } from "./mail.server";
import { getMask, getShownName, type Mask } from "./masking.server";

const { interviews, interviewPanel, scorecards, applications, roles, candidates, agencies, users } = schema;

/** Interviews that ended longer ago than this get no reminders. */
export const REMINDER_WINDOW_DAYS = 7;

/** The longest an interview can last (the scheduling form's limit is 8 hours): bounds the scan by start time. */
const LONGEST_INTERVIEW_MS = 24 * 3_600_000;

/** Panel seats owed a scorecard whose interview ended between `since` and `now`, not cancelled. */
function listOwedSeats(now: Date) {
  const since = addDays(now, -REMINDER_WINDOW_DAYS);
  const owed = or(isNull(scorecards.status), ne(scorecards.status, "submitted"));
  return getDb()
    .select({
      interviewId: interviews.id,
      kind: interviews.kind,
      endsAt: interviews.endsAt,
      applicationId: applications.id,
      roleTitle: roles.title,
      candidateName: candidates.name,
      agencyName: agencies.name,
      userId: users.id,
      userName: users.name,
      email: users.email,
      timeZone: users.timeZone,
      status: scorecards.status,
    })
    .from(interviews)
    .innerJoin(interviewPanel, eq(interviewPanel.interviewId, interviews.id))
    .innerJoin(users, eq(users.id, interviewPanel.userId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(roles, eq(roles.id, applications.roleId))
    .leftJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(agencies, eq(agencies.id, applications.agencyId))
    .leftJoin(
      scorecards,
      and(eq(scorecards.interviewId, interviews.id), eq(scorecards.interviewerId, interviewPanel.userId)),
    )
    .where(
      and(
        // Through the start-time index: anything that ended in the window started at most a day before it.
        gte(interviews.startsAt, new Date(since.getTime() - LONGEST_INTERVIEW_MS)),
        lte(interviews.startsAt, now),
        gte(interviews.endsAt, since),
        lte(interviews.endsAt, now),
        isNull(interviews.cancelledAt),
        eq(users.active, true),
        owed,
      ),
    )
    .all();
}

export type ReminderScan = { due: number; overdue: number };

/** Queue the reminders due at `now` that have not gone out yet; returns how many of each were queued. */
export function enqueueScorecardReminders(now = new Date()): ReminderScan {
  const origin = mailLinkOrigin(getEnv());
  const seats = listOwedSeats(now);
  const masks = new Map<number, Mask>();
  const maskOf = (userId: number) => masks.get(userId) ?? masks.set(userId, getMask(userId)).get(userId)!;
  const queued: ReminderScan = { due: 0, overdue: 0 };
  getDb().transaction(() => {
    for (const seat of seats) {
      const state = scorecardState({ status: seat.status, interviewEndsAt: seat.endsAt, now });
      if (state !== "due" && state !== "overdue") continue;
      const realName = seat.candidateName ?? seat.agencyName ?? "the candidate";
      const content = scorecardReminder({
        recipientName: seat.userName,
        shownName: getShownName(maskOf(seat.userId), seat.applicationId, realName),
        roleTitle: seat.roleTitle,
        kindLabel: interviewKindLabels[seat.kind],
        endsAt: seat.endsAt,
        scorecardUrl: `${origin}/interviews/${seat.interviewId}/scorecard`,
        timeZone: seat.timeZone,
        state,
      });
      const added = enqueueMail({
        idempotencyKey: `scorecard-${state}:${seat.interviewId}:${seat.userId}`,
        kind: state === "due" ? "scorecard_due" : "scorecard_overdue",
        recipientId: seat.userId,
        recipientAddress: seat.email,
        applicationId: seat.applicationId,
        ...content,
      });
      if (added) queued[state] += 1;
    }
  });
  return queued;
}
