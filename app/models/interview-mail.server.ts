// Mail about interviews: the invitation each panelist gets when an interview
// is scheduled, the update (or cancellation) when it is rescheduled or
// cancelled, queued in the transaction of that change. Each panelist's copy
// names the candidate as that panelist may see them (an alias for a blind
// grader), shows times in their own zone, and carries no pay or findings.
import { eq, inArray } from "drizzle-orm";
import { calendarText } from "~/domain/calendar";
import { readerZone } from "~/domain/dates";
import { interviewInvitation, type InterviewChange } from "~/domain/invitation-mail";
import type { MailKind } from "~/domain/mail";
import { interviewKindLabels } from "~/schemas/interview";
import { getDb, schema } from "~/utils/db.server";
import { getEnv, mailLinkOrigin } from "~/utils/env.server";
import { enqueueMail } from "./mail.server";
import { getMask, getShownName } from "./masking.server";

const { interviews, interviewPanel, applications, candidates, agencies, roles, users } = schema;

/** The sender as an organizer: "Name <address>" or a bare address. */
export function parseMailbox(from: string): { name: string; email: string } {
  const angled = from.match(/^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/);
  if (angled) return { name: angled[1].trim() || angled[2].trim(), email: angled[2].trim() };
  return { name: from.trim(), email: from.trim() };
}

/** The calendar UID of an interview: the same for its invitation, updates and cancellation. */
export function interviewCalendarUid(interviewId: number, origin: string): string {
  return `interview-${interviewId}@${new URL(origin).hostname}`;
}

function loadInterviewFacts(interviewId: number) {
  const db = getDb();
  const row = db
    .select({
      id: interviews.id,
      kind: interviews.kind,
      startsAt: interviews.startsAt,
      endsAt: interviews.endsAt,
      sequence: interviews.sequence,
      applicationId: applications.id,
      candidateName: candidates.name,
      agencyName: agencies.name,
      roleTitle: roles.title,
    })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(roles, eq(roles.id, applications.roleId))
    .leftJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(eq(interviews.id, interviewId))
    .get();
  if (!row) throw new Error(`No interview ${interviewId}`);
  const panel = db
    .select(personColumns)
    .from(interviewPanel)
    .innerJoin(users, eq(users.id, interviewPanel.userId))
    .where(eq(interviewPanel.interviewId, interviewId))
    .all();
  return { ...row, panel };
}

const personColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  active: users.active,
  timeZone: users.timeZone,
};
type Person = { id: number; name: string; email: string; active: boolean; timeZone: string | null };
type InterviewFacts = ReturnType<typeof loadInterviewFacts>;

const mailKindOf: Record<InterviewChange, MailKind> = {
  invitation: "interview_invitation",
  update: "interview_update",
  cancel: "interview_cancel",
  removed: "interview_cancel",
};

/**
 * Queue one person's copy: the words for what changed for them, in their zone, under the
 * name they may see, with the .ics (REQUEST, or CANCEL for a cancellation or removal) at the
 * interview's current sequence. The key names the interview, the person, the sequence and the kind.
 */
function enqueueInterviewMailFor(
  facts: InterviewFacts,
  person: Person,
  change: InterviewChange,
  options: { now: Date; reason?: string | null },
): boolean {
  const env = getEnv();
  const origin = mailLinkOrigin(env);
  const kitUrl = `${origin}/interviews/${facts.id}`;
  const scorecardUrl = `${kitUrl}/scorecard`;
  const kindLabel = interviewKindLabels[facts.kind];
  const realName = facts.candidateName ?? facts.agencyName ?? "the candidate";
  const shownName = getShownName(getMask(person.id), facts.applicationId, realName);
  const content = interviewInvitation({
    recipientName: person.name,
    shownName,
    roleTitle: facts.roleTitle,
    kindLabel,
    startsAt: facts.startsAt,
    endsAt: facts.endsAt,
    kitUrl,
    scorecardUrl,
    timeZone: readerZone(person.timeZone),
    change,
    reason: options.reason ?? null,
  });
  const method = change === "cancel" || change === "removed" ? "CANCEL" : "REQUEST";
  const ics = calendarText({
    uid: interviewCalendarUid(facts.id, origin),
    sequence: facts.sequence,
    method,
    start: facts.startsAt,
    end: facts.endsAt,
    stamp: options.now,
    summary: `${kindLabel}: ${shownName} (${facts.roleTitle})`,
    description: `Interview kit: ${kitUrl}\nYour scorecard: ${scorecardUrl}`,
    url: kitUrl,
    organizer: parseMailbox(env.MAIL_FROM),
    attendees: [{ name: person.name, email: person.email }],
  });
  const keyKind = change === "invitation" ? "interview-invitation" : `interview-${change}`;
  return enqueueMail({
    idempotencyKey: `${keyKind}:${facts.id}:${person.id}:${facts.sequence}`,
    kind: mailKindOf[change],
    recipientId: person.id,
    recipientAddress: person.email,
    applicationId: facts.applicationId,
    subject: content.subject,
    text: content.text,
    html: content.html,
    calendar: { method, content: ics },
  });
}

/**
 * Queue an invitation (at the interview's sequence, 0 when new) to every active panelist,
 * with an .ics REQUEST. Call inside the transaction that schedules it.
 * Returns how many were queued (a repeat call queues none).
 */
export function enqueueInterviewInvitations(interviewId: number, now = new Date()): number {
  const facts = loadInterviewFacts(interviewId);
  return facts.panel.filter((p) => p.active && enqueueInterviewMailFor(facts, p, "invitation", { now })).length;
}

/**
 * After a reschedule (the interview already holds its new times, panel and sequence): an update to
 * each panelist who stays, an invitation to each one added, a CANCEL to each one removed, all at
 * the new sequence and the same UID. Call inside the reschedule's transaction.
 */
export function enqueueInterviewUpdate(interviewId: number, previousPanelIds: number[], now = new Date()): number {
  const facts = loadInterviewFacts(interviewId);
  let queued = 0;
  for (const person of facts.panel.filter((p) => p.active)) {
    const change = previousPanelIds.includes(person.id) ? "update" : "invitation";
    if (enqueueInterviewMailFor(facts, person, change, { now })) queued += 1;
  }
  const current = new Set(facts.panel.map((p) => p.id));
  const removedIds = previousPanelIds.filter((id) => !current.has(id));
  if (removedIds.length) {
    const removed = getDb().select(personColumns).from(users).where(inArray(users.id, removedIds)).all();
    for (const person of removed.filter((p) => p.active)) {
      if (enqueueInterviewMailFor(facts, person, "removed", { now })) queued += 1;
    }
  }
  return queued;
}

/** A CANCEL, at the interview's new sequence, to every active panelist. Call inside the cancellation's transaction. */
export function enqueueInterviewCancellation(interviewId: number, reason: string | null, now = new Date()): number {
  const facts = loadInterviewFacts(interviewId);
  return facts.panel.filter((p) => p.active && enqueueInterviewMailFor(facts, p, "cancel", { now, reason })).length;
}
