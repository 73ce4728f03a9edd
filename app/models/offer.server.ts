// Offers, their approvals and each role's approval chain. The rules (what is
// new terms, when an offer is approved, the gate) are in app/domain/offer.ts.
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import {
  acceptanceRefusal,
  approvalState,
  countsAsApprover,
  decisionRefusal,
  editRefusal,
  isMaterialEdit,
  offerStatus,
  ruleText,
  type ApprovalChain,
  type ApprovalState,
  type OfferGateView,
  type OfferStatus,
} from "~/domain/offer";
import { holds } from "~/domain/policy";
import type { PayKind, UserKind } from "~/domain/reference";
import type { OfferFormValues } from "~/schemas/offer";
import { getDb, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { queueWebhookEvent } from "./webhook.server";
import { changedFields, type AuditDetail } from "~/domain/audit";
import { enqueueApprovalOutcome, enqueueApprovalRequests } from "./approval-mail.server";

const {
  offers,
  offerApprovals,
  roleOfferApprovers,
  roleOfferRules,
  roleTeam,
  users,
  applications,
  roles,
  candidates,
  agencies,
} = schema;

type Lifecycle = "open" | "accepted" | "withdrawn";

/** Active users who may see a role's pay (and so may approve its offers): HR, admins, the role's hiring managers. */
export function listPayViewers(roleId: number): { id: number; name: string; kind: UserKind }[] {
  const rows = getDb()
    .select({ id: users.id, name: users.name, kind: users.kind, teamRole: roleTeam.teamRole })
    .from(users)
    .leftJoin(roleTeam, and(eq(roleTeam.userId, users.id), eq(roleTeam.roleId, roleId)))
    .where(eq(users.active, true))
    .orderBy(asc(users.name))
    .all();
  return rows.filter((u) => holds(u.kind, "read:offer", u.teamRole)).map(({ id, name, kind }) => ({ id, name, kind }));
}

export type ChainSettings = { chosenIds: number[]; required: number | null; version: number | null };

/** The approvers chosen for a role (as stored) and its rule; version null while never saved. */
export function getChainSettings(roleId: number): ChainSettings {
  const db = getDb();
  const chosenIds = db
    .select({ id: roleOfferApprovers.userId })
    .from(roleOfferApprovers)
    .where(eq(roleOfferApprovers.roleId, roleId))
    .all()
    .map((r) => r.id);
  const rule = db.select().from(roleOfferRules).where(eq(roleOfferRules.roleId, roleId)).get();
  return { chosenIds, required: rule?.required ?? null, version: rule?.version ?? null };
}

/** The chain in force: chosen approvers who may still see the role's pay. */
function chainInForce(roleId: number) {
  const viewers = listPayViewers(roleId);
  const eligible = new Set(viewers.map((v) => v.id));
  const settings = getChainSettings(roleId);
  const chain: ApprovalChain = {
    approverIds: settings.chosenIds.filter((id) => eligible.has(id)),
    required: settings.required,
  };
  return { chain, eligible, viewers };
}

/** Save a role's chain, if unchanged since the page was opened. Approvers must be people who may see the role's pay. */
export function saveChain(input: {
  roleId: number;
  approverIds: number[];
  required: number | null;
  version: number | null;
  actorId: number;
  now?: Date;
}): { ok: true } | { ok: false; reason: "conflict" | "ineligible" } {
  const now = input.now ?? new Date();
  return getDb().transaction((tx) => {
    const current = tx.select().from(roleOfferRules).where(eq(roleOfferRules.roleId, input.roleId)).get();
    if ((current?.version ?? null) !== input.version) return { ok: false, reason: "conflict" } as const;
    const eligible = new Set(listPayViewers(input.roleId).map((v) => v.id));
    if (input.approverIds.some((id) => !eligible.has(id))) return { ok: false, reason: "ineligible" } as const;
    tx.delete(roleOfferApprovers).where(eq(roleOfferApprovers.roleId, input.roleId)).run();
    if (input.approverIds.length)
      tx.insert(roleOfferApprovers)
        .values(input.approverIds.map((userId) => ({ roleId: input.roleId, userId })))
        .run();
    if (current) {
      tx.update(roleOfferRules)
        .set({ required: input.required, version: current.version + 1, updatedById: input.actorId, updatedAt: now })
        .where(eq(roleOfferRules.roleId, input.roleId))
        .run();
    } else {
      tx.insert(roleOfferRules)
        .values({ roleId: input.roleId, required: input.required, updatedById: input.actorId, updatedAt: now })
        .run();
    }
    return { ok: true } as const;
  });
}

type OfferRow = typeof offers.$inferSelect;

function activeOffer(applicationId: number): OfferRow | undefined {
  return getDb()
    .select()
    .from(offers)
    .where(and(eq(offers.applicationId, applicationId), ne(offers.status, "withdrawn")))
    .get();
}

function recordsOf(offerIds: number[]) {
  if (offerIds.length === 0) return [];
  return getDb()
    .select({
      offerId: offerApprovals.offerId,
      approverId: offerApprovals.approverId,
      approverName: users.name,
      termsVersion: offerApprovals.termsVersion,
      decision: offerApprovals.decision,
      comment: offerApprovals.comment,
      decidedAt: offerApprovals.decidedAt,
    })
    .from(offerApprovals)
    .innerJoin(users, eq(users.id, offerApprovals.approverId))
    .where(inArray(offerApprovals.offerId, offerIds))
    .orderBy(asc(offerApprovals.decidedAt), asc(offerApprovals.id))
    .all();
}

function stateOf(offer: OfferRow, chain: ApprovalChain, eligible: Set<number>, records: ReturnType<typeof recordsOf>) {
  const approval = approvalState({
    termsVersion: offer.termsVersion,
    creatorId: offer.createdById,
    chain,
    records,
    isEligible: (id) => eligible.has(id),
  });
  return { approval, status: offerStatus(offer.status as Lifecycle, approval) };
}

/** What the stage gate reads of an application's offer. */
export function getOfferGateView(applicationId: number): OfferGateView | null {
  const offer = activeOffer(applicationId);
  if (!offer) return null;
  const roleId = getDb()
    .select({ roleId: applications.roleId })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .get()!.roleId;
  const { chain, eligible } = chainInForce(roleId);
  const { approval, status } = stateOf(offer, chain, eligible, recordsOf([offer.id]));
  return { status, approvals: approval.approvals, needed: approval.needed };
}

export type OfferView = {
  id: number;
  termsVersion: number;
  payKind: PayKind;
  amount: number;
  currency: string;
  startDate: string;
  termsNote: string | null;
  status: OfferStatus;
  version: number;
  acceptedOn: string | null;
  acceptedBy: string | null;
  createdBy: string | null;
  approval: ApprovalState;
  rule: string;
  /** The chain's approvers (or, without a chain, whoever decided), each with their decision on the current terms. */
  approvers: { id: number; name: string; decision: "approve" | "decline" | null; comment: string | null }[];
  /** Every decision, newest first, with the terms it was given for. */
  decisions: {
    approverName: string;
    decision: "approve" | "decline";
    comment: string | null;
    termsVersion: number;
    decidedAt: Date;
  }[];
};

/** An application's offer with its approvals, or null. Callers decide who may see it: it carries pay. */
export function getOfferForApplication(applicationId: number, roleId: number): OfferView | null {
  const offer = activeOffer(applicationId);
  if (!offer) return null;
  const { chain, eligible, viewers } = chainInForce(roleId);
  const records = recordsOf([offer.id]);
  const { approval, status } = stateOf(offer, chain, eligible, records);
  const names = new Map(viewers.map((v) => [v.id, v.name]));
  const people = chain.approverIds.length
    ? chain.approverIds
    : [...new Set(records.filter((r) => r.termsVersion === offer.termsVersion).map((r) => r.approverId))];
  const latestFor = (id: number) =>
    [...records].reverse().find((r) => r.approverId === id && r.termsVersion === offer.termsVersion);
  const nameOf = (id: number | null) =>
    id === null ? null : (getDb().select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null);
  return {
    id: offer.id,
    termsVersion: offer.termsVersion,
    payKind: offer.payKind,
    amount: offer.amount,
    currency: offer.currency,
    startDate: offer.startDate,
    termsNote: offer.termsNote,
    status,
    version: offer.version,
    acceptedOn: offer.acceptedOn,
    acceptedBy: nameOf(offer.acceptedById),
    createdBy: nameOf(offer.createdById),
    approval,
    rule: ruleText(chain),
    approvers: people.map((id) => {
      const latest = latestFor(id);
      const counted = approval.approvedBy.includes(id) || approval.declinedBy.includes(id);
      return {
        id,
        name: names.get(id) ?? latest?.approverName ?? "Former approver",
        decision: counted ? (latest?.decision ?? null) : null,
        comment: counted ? (latest?.comment ?? null) : null,
      };
    }),
    decisions: [...records].reverse().map(({ approverName, decision, comment, termsVersion, decidedAt }) => ({
      approverName,
      decision,
      comment,
      termsVersion,
      decidedAt,
    })),
  };
}

export type SaveOfferResult =
  | { ok: true; offerId: number; created: boolean; newTerms: boolean }
  | { ok: false; reason: "conflict" }
  | { ok: false; reason: "locked"; message: string };

/**
 * Create or edit an application's offer in one transaction. New terms (pay
 * kind, amount, currency, start date) bump the terms version, so approvals of
 * the old terms stop counting; a note edit keeps them.
 */
export function saveOffer(input: {
  applicationId: number;
  values: OfferFormValues;
  version: number | null;
  actorId: number;
  now?: Date;
}): SaveOfferResult {
  const now = input.now ?? new Date();
  const { payKind, amount, currency, startDate, termsNote } = input.values;
  return getDb().transaction((tx) => {
    const existing = activeOffer(input.applicationId);
    if (!existing) {
      // The form was opened on an offer that has since gone: not a fresh create.
      if (input.version !== null) return { ok: false, reason: "conflict" } as const;
      const { id } = tx
        .insert(offers)
        .values({
          applicationId: input.applicationId,
          payKind,
          amount,
          currency,
          startDate,
          termsNote,
          createdById: input.actorId,
          updatedById: input.actorId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: offers.id })
        .get();
      auditOffer(input.applicationId, input.actorId, "offer.update", id, {
        fields: ["payKind", "amount", "currency", "startDate", ...(termsNote ? ["termsNote"] : [])],
        detail: { status: "open" },
      });
      askApprovers(id, input.applicationId, 1, input.actorId, input.actorId);
      return { ok: true, offerId: id, created: true, newTerms: true } as const;
    }
    if (input.version !== existing.version) return { ok: false, reason: "conflict" } as const;
    const locked = editRefusal(existing.status as Lifecycle);
    if (locked) return { ok: false, reason: "locked", message: locked } as const;
    const newTerms = isMaterialEdit(existing, { payKind, amount, currency, startDate });
    tx.update(offers)
      .set({
        payKind,
        amount,
        currency,
        startDate,
        termsNote,
        termsVersion: existing.termsVersion + (newTerms ? 1 : 0),
        version: existing.version + 1,
        updatedById: input.actorId,
        updatedAt: now,
      })
      .where(and(eq(offers.id, existing.id), eq(offers.version, existing.version)))
      .run();
    auditOffer(input.applicationId, input.actorId, "offer.update", existing.id, {
      fields: changedFields(existing, { payKind, amount, currency, startDate, termsNote }),
    });
    if (newTerms)
      askApprovers(existing.id, input.applicationId, existing.termsVersion + 1, existing.createdById, input.actorId);
    return { ok: true, offerId: existing.id, created: false, newTerms } as const;
  });
}

/**
 * New terms need approving: each member of the role's chain, or with no chain everyone who may see the
 * role's pay, is asked by mail (the author never; countsAsApprover's rule), in the saving transaction.
 */
function askApprovers(
  offerId: number,
  applicationId: number,
  termsVersion: number,
  authorId: number | null,
  actorId: number,
) {
  const roleId = getDb()
    .select({ roleId: applications.roleId })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .get()!.roleId;
  const { chain, eligible } = chainInForce(roleId);
  const approverIds = [...eligible].filter((userId) =>
    countsAsApprover({ chain, creatorId: authorId, userId, eligible: true }),
  );
  enqueueApprovalRequests({ offerId, applicationId, termsVersion, approverIds, askedById: actorId });
}

type OfferInRole = { offer: OfferRow; roleId: number };

function offerWithRole(offerId: number): OfferInRole | null {
  const row = getDb()
    .select({ offer: offers, roleId: applications.roleId })
    .from(offers)
    .innerJoin(applications, eq(applications.id, offers.applicationId))
    .where(eq(offers.id, offerId))
    .get();
  return row ?? null;
}

export type DecideResult =
  | { ok: true; applicationId: number }
  | { ok: false; reason: "not-found" | "stale" }
  | { ok: false; reason: "refused"; message: string };

/**
 * An approver approves or declines the terms they were shown (`termsVersion`):
 * if the terms changed since, nothing is recorded and they are asked to look again.
 */
export function decideOffer(input: {
  offerId: number;
  termsVersion: number;
  decision: "approve" | "decline";
  comment: string | null;
  actorId: number;
  now?: Date;
}): DecideResult {
  const now = input.now ?? new Date();
  return getDb().transaction((tx) => {
    const found = offerWithRole(input.offerId);
    if (!found || found.offer.status === "withdrawn") return { ok: false, reason: "not-found" } as const;
    const { chain, eligible } = chainInForce(found.roleId);
    const counts = countsAsApprover({
      chain,
      creatorId: found.offer.createdById,
      userId: input.actorId,
      eligible: eligible.has(input.actorId),
    });
    const refusal = decisionRefusal({ lifecycle: found.offer.status as Lifecycle, counts });
    if (refusal) return { ok: false, reason: "refused", message: refusal } as const;
    if (found.offer.termsVersion !== input.termsVersion) return { ok: false, reason: "stale" } as const;
    const before = stateOf(found.offer, chain, eligible, recordsOf([found.offer.id])).approval.state;
    tx.insert(offerApprovals)
      .values({
        offerId: found.offer.id,
        termsVersion: input.termsVersion,
        approverId: input.actorId,
        decision: input.decision,
        comment: input.comment,
        decidedAt: now,
      })
      .run();
    auditOffer(found.offer.applicationId, input.actorId, "offer.approve", found.offer.id, {
      detail: { outcome: input.decision },
    });
    // The hiring managers hear when this decision settled the approval one way or the other.
    const after = stateOf(found.offer, chain, eligible, recordsOf([found.offer.id])).approval.state;
    // Integrators hear once the current terms are approved by the whole chain, not of each approval.
    if (after === "approved" && before !== "approved")
      queueWebhookEvent(
        "offer.approved",
        {
          offer_id: found.offer.id,
          application_id: found.offer.applicationId,
          role_id: found.roleId,
          terms_version: found.offer.termsVersion,
        },
        now,
      );
    if (after !== before && after !== "pending")
      enqueueApprovalOutcome({
        offerId: found.offer.id,
        applicationId: found.offer.applicationId,
        termsVersion: found.offer.termsVersion,
        outcome: after,
        actorId: input.actorId,
      });
    return { ok: true, applicationId: found.offer.applicationId } as const;
  });
}

export type AcceptResult =
  { ok: true } | { ok: false; reason: "not-found" | "conflict" } | { ok: false; reason: "refused"; message: string };

/** HR records that the candidate accepted an approved offer, and on which day. */
export function acceptOffer(input: {
  applicationId: number;
  version: number;
  acceptedOn: string;
  actorId: number;
  now?: Date;
}): AcceptResult {
  const now = input.now ?? new Date();
  return getDb().transaction((tx) => {
    const offer = activeOffer(input.applicationId);
    if (!offer) return { ok: false, reason: "not-found" } as const;
    if (offer.version !== input.version) return { ok: false, reason: "conflict" } as const;
    const roleId = tx
      .select({ roleId: applications.roleId })
      .from(applications)
      .where(eq(applications.id, input.applicationId))
      .get()!.roleId;
    const { chain, eligible } = chainInForce(roleId);
    const refusal = acceptanceRefusal(stateOf(offer, chain, eligible, recordsOf([offer.id])).status);
    if (refusal) return { ok: false, reason: "refused", message: refusal } as const;
    tx.update(offers)
      .set({
        status: "accepted",
        acceptedOn: input.acceptedOn,
        acceptedById: input.actorId,
        version: offer.version + 1,
        updatedById: input.actorId,
        updatedAt: now,
      })
      .where(and(eq(offers.id, offer.id), eq(offers.version, offer.version)))
      .run();
    auditOffer(input.applicationId, input.actorId, "offer.accept", offer.id, { detail: { status: "accepted" } });
    return { ok: true } as const;
  });
}

/** An offer's entry: its id and application, field names and labels; never its terms. */
function auditOffer(
  applicationId: number,
  actorId: number,
  action: "offer.update" | "offer.approve" | "offer.accept",
  offerId: number,
  extra: { fields?: string[]; detail?: AuditDetail },
) {
  const roleId = getDb()
    .select({ roleId: applications.roleId })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .get()?.roleId;
  recordAudit({ actorId, action, subject: { type: "offer", id: offerId }, roleId, applicationId, ...extra });
}

export type AwaitingItem = {
  offerId: number;
  applicationId: number;
  termsVersion: number;
  subject: string;
  roleTitle: string;
  payKind: PayKind;
  amount: number;
  currency: string;
  startDate: string;
  termsNote: string | null;
  createdBy: string | null;
  approvals: number;
  needed: number;
  /** Approvals this user gave for earlier terms: the terms changed since. */
  reapproval: boolean;
};

/**
 * Offers waiting for this user's decision: open, not yet approved or declined,
 * where they count as an approver and have not decided on the current terms.
 */
export function listOffersAwaiting(user: { id: number; kind: UserKind }): AwaitingItem[] {
  const db = getDb();
  const creator = sql<string | null>`(select name from users where users.id = ${offers.createdById})`;
  const rows = db
    .select({
      offer: offers,
      roleId: roles.id,
      roleTitle: roles.title,
      subject: sql<string>`coalesce(${candidates.name}, ${agencies.name})`,
      createdBy: creator,
    })
    .from(offers)
    .innerJoin(applications, eq(applications.id, offers.applicationId))
    .innerJoin(roles, eq(roles.id, applications.roleId))
    .leftJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(eq(offers.status, "open"))
    .orderBy(asc(offers.updatedAt), asc(offers.id))
    .all();
  const chains = new Map<number, ReturnType<typeof chainInForce>>();
  const records = recordsOf(rows.map((r) => r.offer.id));
  const out: AwaitingItem[] = [];
  for (const row of rows) {
    if (!chains.has(row.roleId)) chains.set(row.roleId, chainInForce(row.roleId));
    const { chain, eligible } = chains.get(row.roleId)!;
    if (
      !countsAsApprover({ chain, creatorId: row.offer.createdById, userId: user.id, eligible: eligible.has(user.id) })
    )
      continue;
    const own = records.filter((r) => r.offerId === row.offer.id);
    const { approval, status } = stateOf(row.offer, chain, eligible, own);
    if (status !== "pending_approval") continue;
    const mine = own.filter((r) => r.approverId === user.id);
    if (mine.some((r) => r.termsVersion === row.offer.termsVersion)) continue;
    const { offer } = row;
    out.push({
      offerId: offer.id,
      applicationId: offer.applicationId,
      termsVersion: offer.termsVersion,
      subject: row.subject,
      roleTitle: row.roleTitle,
      payKind: offer.payKind,
      amount: offer.amount,
      currency: offer.currency,
      startDate: offer.startDate,
      termsNote: offer.termsNote,
      createdBy: row.createdBy,
      approvals: approval.approvals,
      needed: approval.needed,
      reapproval: mine.some((r) => r.decision === "approve"),
    });
  }
  return out;
}

/** This user's latest decisions, newest first, for the approvals page's "decided" list. */
export function listRecentOfferDecisions(userId: number, limit = 10) {
  return getDb()
    .select({
      applicationId: offers.applicationId,
      subject: sql<string>`coalesce(${candidates.name}, ${agencies.name})`,
      roleTitle: roles.title,
      decision: offerApprovals.decision,
      comment: offerApprovals.comment,
      termsVersion: offerApprovals.termsVersion,
      decidedAt: offerApprovals.decidedAt,
    })
    .from(offerApprovals)
    .innerJoin(offers, eq(offers.id, offerApprovals.offerId))
    .innerJoin(applications, eq(applications.id, offers.applicationId))
    .innerJoin(roles, eq(roles.id, applications.roleId))
    .leftJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(eq(offerApprovals.approverId, userId))
    .orderBy(desc(offerApprovals.decidedAt), desc(offerApprovals.id))
    .limit(limit)
    .all();
}

/** A role's chain in words and names, for pages that show it before any offer exists. */
export function getChainSummary(roleId: number): { rule: string; approvers: string[] } {
  const { chain, viewers } = chainInForce(roleId);
  return {
    rule: ruleText(chain),
    approvers: viewers.filter((v) => chain.approverIds.includes(v.id)).map((v) => v.name),
  };
}
