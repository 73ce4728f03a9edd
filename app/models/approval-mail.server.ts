// Mail about offers and decisions, queued in the transaction of the change:
// each approver is asked when an offer's terms need their approval; the role's
// hiring managers hear when the approval comes out approved or declined, and
// when a decision is recorded (by someone else). Names only as the recipient
// may see them; never the offer's terms (pay), which stay on the pages.
import { and, eq, inArray, ne } from "drizzle-orm";
import { decisionOutcomeLabels, type DecisionOutcome } from "~/domain/decision";
import { approvalOutcome, approvalRequest, decisionRecorded } from "~/domain/notification-mail";
import { stageLabels, type Stage } from "~/domain/pipeline";
import { getDb, schema } from "~/utils/db.server";
import { getEnv, mailLinkOrigin } from "~/utils/env.server";
import { enqueueMail, type MailInput } from "./mail.server";
import { getMask, getShownName } from "./masking.server";

const { users, roleTeam, applications, roles, candidates, agencies } = schema;

function applicationFacts(applicationId: number) {
  return getDb()
    .select({
      roleId: roles.id,
      roleTitle: roles.title,
      candidateName: candidates.name,
      agencyName: agencies.name,
    })
    .from(applications)
    .innerJoin(roles, eq(roles.id, applications.roleId))
    .leftJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(eq(applications.id, applicationId))
    .get()!;
}

type Person = { id: number; name: string; email: string };

function activeUsers(ids: number[]): Person[] {
  if (ids.length === 0) return [];
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)))
    .all();
}

/** The role's active hiring managers, but for `exceptId` (who made the change and needs no mail about it). */
function hiringManagers(roleId: number, exceptId: number | null): Person[] {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(roleTeam)
    .innerJoin(users, eq(users.id, roleTeam.userId))
    .where(
      and(
        eq(roleTeam.roleId, roleId),
        eq(roleTeam.teamRole, "hiring_manager"),
        eq(users.active, true),
        ...(exceptId !== null ? [ne(users.id, exceptId)] : []),
      ),
    )
    .all();
}

const shownFor = (person: Person, applicationId: number, facts: ReturnType<typeof applicationFacts>) =>
  getShownName(getMask(person.id), applicationId, facts.candidateName ?? facts.agencyName ?? "the candidate");

/** Queue one message about the application to each person, keyed per person; how many were new. */
function enqueueToEach(
  people: Person[],
  message: { kind: MailInput["kind"]; applicationId: number; key: string },
  content: (person: Person) => { subject: string; text: string; html: string },
): number {
  let queued = 0;
  for (const person of people) {
    const added = enqueueMail({
      idempotencyKey: `${message.key}:${person.id}`,
      kind: message.kind,
      recipientId: person.id,
      recipientAddress: person.email,
      applicationId: message.applicationId,
      ...content(person),
    });
    if (added) queued += 1;
  }
  return queued;
}

/** Ask each approver (as the caller's rule chose them) for the current terms; the one who saved them is not mailed. */
export function enqueueApprovalRequests(input: {
  offerId: number;
  applicationId: number;
  termsVersion: number;
  approverIds: number[];
  askedById: number;
}): number {
  const facts = applicationFacts(input.applicationId);
  const origin = mailLinkOrigin(getEnv());
  const askedBy = activeUsers([input.askedById])[0]?.name ?? null;
  const approvers = activeUsers(input.approverIds.filter((id) => id !== input.askedById));
  const key = `approval-request:${input.offerId}:${input.termsVersion}`;
  return enqueueToEach(approvers, { kind: "approval_request", applicationId: input.applicationId, key }, (person) =>
    approvalRequest({
      recipientName: person.name,
      shownName: shownFor(person, input.applicationId, facts),
      roleTitle: facts.roleTitle,
      askedBy,
      approvalsUrl: `${origin}/approvals`,
      newTerms: true,
    }),
  );
}

/** Tell the role's hiring managers where the offer's approval came out (the approver who decided it is left out). */
export function enqueueApprovalOutcome(input: {
  offerId: number;
  applicationId: number;
  termsVersion: number;
  outcome: "approved" | "declined";
  actorId: number;
}): number {
  const facts = applicationFacts(input.applicationId);
  const origin = mailLinkOrigin(getEnv());
  const key = `approval-outcome:${input.offerId}:${input.termsVersion}:${input.outcome}`;
  const managers = hiringManagers(facts.roleId, input.actorId);
  return enqueueToEach(managers, { kind: "approval_outcome", applicationId: input.applicationId, key }, (person) =>
    approvalOutcome({
      recipientName: person.name,
      shownName: shownFor(person, input.applicationId, facts),
      roleTitle: facts.roleTitle,
      outcome: input.outcome,
      offerUrl: `${origin}/applications/${input.applicationId}/offer`,
    }),
  );
}

/** Tell the role's hiring managers (but the one who recorded it) that a decision was recorded. */
export function enqueueDecisionRecorded(input: {
  decisionId: number;
  applicationId: number;
  stage: Stage;
  outcome: DecisionOutcome;
  actorId: number;
}): number {
  const facts = applicationFacts(input.applicationId);
  const origin = mailLinkOrigin(getEnv());
  const decidedBy = activeUsers([input.actorId])[0]?.name ?? null;
  const key = `decision-recorded:${input.decisionId}`;
  const managers = hiringManagers(facts.roleId, input.actorId);
  return enqueueToEach(managers, { kind: "decision_recorded", applicationId: input.applicationId, key }, (person) =>
    decisionRecorded({
      recipientName: person.name,
      shownName: shownFor(person, input.applicationId, facts),
      roleTitle: facts.roleTitle,
      outcomeLabel: decisionOutcomeLabels[input.outcome],
      decidedBy,
      stageLabel: stageLabels[input.stage],
      applicationUrl: `${origin}/applications/${input.applicationId}`,
    }),
  );
}
