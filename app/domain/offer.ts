// Offers and their approval: which edits change the terms (and so void the
// approvals given), whether an offer is approved under its role's rule, who may
// decide, and the stage gate that joins the required checks to the offer.
import { gateCheckName, type CheckType } from "./compliance";
import { gatedStages, stageLabels, type Stage } from "./pipeline";
import type { PayKind } from "./reference";

/** What an approver signs off: editing any of these makes new terms, and approvals of the old ones stop counting. */
export type OfferTerms = { payKind: PayKind; amount: number; currency: string; startDate: string };
export const materialFields = [
  "payKind",
  "amount",
  "currency",
  "startDate",
] as const satisfies readonly (keyof OfferTerms)[];

/** The terms that differ; a terms note alone is not among them (it changes no pay and no date). */
export function changedTerms(before: OfferTerms, after: OfferTerms): (keyof OfferTerms)[] {
  return materialFields.filter((f) => before[f] !== after[f]);
}

export function isMaterialEdit(before: OfferTerms, after: OfferTerms): boolean {
  return changedTerms(before, after).length > 0;
}

/**
 * A role's chain: the approvers chosen (already narrowed to those who may still
 * see the role's pay), and how many must approve: null for all of them.
 */
export type ApprovalChain = { approverIds: readonly number[]; required: number | null };
export type ApprovalRecord = {
  approverId: number;
  termsVersion: number;
  decision: "approve" | "decline";
  decidedAt: Date | number;
};

/**
 * With nobody chosen, an offer still needs a second pair of eyes: one approval
 * from someone who may see the role's pay other than its author. Pay should not
 * go out on one person's word, and a role without a chain must not be stuck.
 */
export const DEFAULT_APPROVALS = 1;

export function approvalsNeeded(chain: ApprovalChain): number {
  if (chain.approverIds.length === 0) return DEFAULT_APPROVALS;
  if (chain.required === null) return chain.approverIds.length;
  return Math.min(Math.max(1, chain.required), chain.approverIds.length);
}

/** The rule in words, for the offer page and the role's approvals page. */
export function ruleText(chain: ApprovalChain): string {
  const n = chain.approverIds.length;
  if (n === 0) return "One approval from anyone who may see this role's pay, other than the offer's author";
  if (n === 1) return "The one approver's approval";
  if (chain.required === null || chain.required >= n) return `All ${n} approvers`;
  return `Any ${approvalsNeeded(chain)} of the ${n} approvers`;
}

/**
 * Whether a user's decision counts on this offer. `eligible`: they may see the
 * role's pay. On a chain, only its members count (creating an offer is not
 * approving it, so an author on the chain still approves explicitly); without
 * one, anyone eligible except the author.
 */
export function countsAsApprover(input: {
  chain: ApprovalChain;
  creatorId: number | null;
  userId: number;
  eligible: boolean;
}): boolean {
  if (!input.eligible) return false;
  if (input.chain.approverIds.length > 0) return input.chain.approverIds.includes(input.userId);
  return input.userId !== input.creatorId;
}

export type ApprovalState = {
  state: "approved" | "declined" | "pending";
  approvals: number;
  needed: number;
  /** Who approved or declined the current terms (latest decision each). */
  approvedBy: number[];
  declinedBy: number[];
};

/**
 * Where an offer's approval stands for its current terms. Only decisions on the
 * current terms count, and only each approver's latest. A decline is a veto
 * until the terms are edited (new terms, asked afresh) or the decliner
 * approves after all: an approval chain that lets a "no" be outvoted is not
 * one most companies would sign up to.
 */
export function approvalState(input: {
  termsVersion: number;
  creatorId: number | null;
  chain: ApprovalChain;
  records: readonly ApprovalRecord[];
  isEligible: (userId: number) => boolean;
}): ApprovalState {
  const latest = new Map<number, ApprovalRecord>();
  const ordered = [...input.records].sort((a, b) => Number(a.decidedAt) - Number(b.decidedAt));
  for (const r of ordered) {
    if (r.termsVersion !== input.termsVersion) continue;
    if (
      !countsAsApprover({
        chain: input.chain,
        creatorId: input.creatorId,
        userId: r.approverId,
        eligible: input.isEligible(r.approverId),
      })
    )
      continue;
    latest.set(r.approverId, r);
  }
  const approvedBy = [...latest.values()].filter((r) => r.decision === "approve").map((r) => r.approverId);
  const declinedBy = [...latest.values()].filter((r) => r.decision === "decline").map((r) => r.approverId);
  const needed = approvalsNeeded(input.chain);
  const state = declinedBy.length > 0 ? "declined" : approvedBy.length >= needed ? "approved" : "pending";
  return { state, approvals: Math.min(approvedBy.length, needed), needed, approvedBy, declinedBy };
}

export const offerStatuses = ["pending_approval", "approved", "declined", "accepted", "withdrawn"] as const;
export type OfferStatus = (typeof offerStatuses)[number];
export const offerStatusLabels: Record<OfferStatus, string> = {
  pending_approval: "Waiting for approval",
  approved: "Approved",
  declined: "Declined",
  accepted: "Accepted",
  withdrawn: "Withdrawn",
};

/** The stored lifecycle (open, accepted, withdrawn) read together with the approvals. */
export function offerStatus(
  lifecycle: "open" | "accepted" | "withdrawn",
  approval: Pick<ApprovalState, "state">,
): OfferStatus {
  if (lifecycle !== "open") return lifecycle;
  return approval.state === "pending" ? "pending_approval" : approval.state;
}

/** What the gate needs to know of an application's offer. */
export type OfferGateView = { status: OfferStatus; approvals: number; needed: number };

function approvalCount(offer: OfferGateView): string {
  return `${offer.approvals} of ${offer.needed} ${offer.needed === 1 ? "approval" : "approvals"}`;
}

/** What the offer still lacks for a move to `to`, in the refusal's words; null when nothing. */
export function offerShortfall(to: Stage, offer: OfferGateView | null): string | null {
  if (to === "offer") {
    if (!offer) return "an approved offer (no offer yet)";
    if (offer.status === "approved" || offer.status === "accepted") return null;
    if (offer.status === "declined") return "an approved offer (the offer was declined)";
    if (offer.status === "withdrawn") return "an approved offer (the offer was withdrawn)";
    return `an approved offer (${approvalCount(offer)})`;
  }
  if (to === "hired") {
    if (offer?.status === "accepted") return null;
    if (!offer) return "the offer marked accepted (no offer yet)";
    if (offer.status === "approved") return "the offer marked accepted";
    return `the offer marked accepted (it is ${offerStatusLabels[offer.status].toLowerCase()})`;
  }
  return null;
}

export type StageGateResult =
  | { ok: true }
  | { ok: false; missingChecks: CheckType[]; offerMissing: string | null; missing: string[]; message: string };

function listText(names: readonly string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * The stage gate: a move to offer needs every required check verified or
 * waived and an approved offer; a move to hired, the checks and the offer
 * marked accepted. The refusal names each thing missing. Its first sentence is
 * the checks' own (as the compliance panel words it), so HR reads one wording.
 */
export function stageGate(input: {
  toStage: Stage;
  missingChecks: readonly CheckType[];
  offer: OfferGateView | null;
  /** Missing checks whose expiry date has passed, with that date (lapsedChecks): named with it. */
  lapsed?: Partial<Record<CheckType, string>>;
}): StageGateResult {
  if (!gatedStages.includes(input.toStage)) return { ok: true };
  const offerMissing = offerShortfall(input.toStage, input.offer);
  if (input.missingChecks.length === 0 && !offerMissing) return { ok: true };
  const checkNames = input.missingChecks.map((t) => gateCheckName(t, input.lapsed));
  const stage = stageLabels[input.toStage];
  const checksPart = checkNames.length
    ? `these required checks are verified or waived: ${listText(checkNames)}.`
    : null;
  const offerPart = offerMissing
    ? input.toStage === "offer"
      ? `it has ${offerMissing}.`
      : `${offerMissing.replace(/^the offer marked/, "the offer is marked")}.`
    : null;
  const message = checksPart
    ? `Cannot move to ${stage} until ${checksPart}${offerPart ? ` It also needs ${offerMissing}.` : ""}`
    : `Cannot move to ${stage} until ${offerPart}`;
  return {
    ok: false,
    missingChecks: [...input.missingChecks],
    offerMissing,
    missing: [...checkNames, ...(offerMissing ? [offerMissing] : [])],
    message,
  };
}

/** Why a user may not approve or decline this offer now, or null if they may. */
export function decisionRefusal(input: {
  lifecycle: "open" | "accepted" | "withdrawn";
  counts: boolean;
}): string | null {
  if (input.lifecycle === "accepted") return "This offer has been accepted; its approvals are closed.";
  if (input.lifecycle === "withdrawn") return "This offer was withdrawn.";
  if (!input.counts) return "You are not an approver of this offer.";
  return null;
}

/** Why an offer cannot be marked accepted now, or null. */
export function acceptanceRefusal(status: OfferStatus): string | null {
  if (status === "approved") return null;
  if (status === "accepted") return "This offer is already marked accepted.";
  return `Only an approved offer can be marked accepted; this one is ${offerStatusLabels[status].toLowerCase()}.`;
}

/** Why an offer's terms cannot be edited now, or null. Accepted terms are what the candidate said yes to. */
export function editRefusal(lifecycle: "open" | "accepted" | "withdrawn"): string | null {
  if (lifecycle === "accepted") return "The candidate accepted these terms; an accepted offer is not edited.";
  if (lifecycle === "withdrawn") return "This offer was withdrawn.";
  return null;
}
