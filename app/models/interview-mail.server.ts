// Mail about interviews: the invitation each panelist gets when an interview
// is scheduled, queued in the scheduling transaction. Each panelist's copy
// names the candidate as that panelist may see them (an alias for a blind
// grader) and carries no pay or findings.
import { eq } from "drizzle-orm";
import { calendarText } from "~/domain/calendar";
import { interviewInvitation } from "~/domain/invitation-mail";
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
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(interviewPanel)
    .innerJoin(users, eq(users.id, interviewPanel.userId))
    .where(eq(interviewPanel.interviewId, interviewId))
    .all();
  return { ...row, panel };
}

/**
 * Queue an invitation (sequence 0) to every active panelist of the interview,
 * with an .ics REQUEST. Call inside the transaction that schedules it.
 * Returns how many were queued (a repeat call queues none).
 */
export function enqueueInterviewInvitations(interviewId: number, now = new Date()): number {
  const env = getEnv();
  const origin = mailLinkOrigin(env);
  const facts = loadInterviewFacts(interviewId);
  const kitUrl = `${origin}/interviews/${interviewId}`;
  const scorecardUrl = `${kitUrl}/scorecard`;
  const kindLabel = interviewKindLabels[facts.kind];
  const realName = facts.candidateName ?? facts.agencyName ?? "the candidate";
  let queued = 0;
  for (const panelist of facts.panel.filter((p) => p.active)) {
    const shownName = getShownName(getMask(panelist.id), facts.applicationId, realName);
    const content = interviewInvitation({
      recipientName: panelist.name,
      shownName,
      roleTitle: facts.roleTitle,
      kindLabel,
      startsAt: facts.startsAt,
      endsAt: facts.endsAt,
      kitUrl,
      scorecardUrl,
    });
    const ics = calendarText({
      uid: interviewCalendarUid(interviewId, origin),
      sequence: 0,
      method: "REQUEST",
      start: facts.startsAt,
      end: facts.endsAt,
      stamp: now,
      summary: `${kindLabel}: ${shownName} (${facts.roleTitle})`,
      description: `Interview kit: ${kitUrl}\nYour scorecard: ${scorecardUrl}`,
      url: kitUrl,
      organizer: parseMailbox(env.MAIL_FROM),
      attendees: [{ name: panelist.name, email: panelist.email }],
    });
    const added = enqueueMail({
      idempotencyKey: `interview-invitation:${interviewId}:${panelist.id}:0`,
      kind: "interview_invitation",
      recipientId: panelist.id,
      recipientAddress: panelist.email,
      applicationId: facts.applicationId,
      subject: content.subject,
      text: content.text,
      html: content.html,
      calendar: { method: "REQUEST", content: ics },
    });
    if (added) queued += 1;
  }
  return queued;
}
