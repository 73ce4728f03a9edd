import { describe, expect, it } from "vitest";
import {
  acceptanceRefusal,
  approvalState,
  approvalsNeeded,
  changedTerms,
  countsAsApprover,
  decisionRefusal,
  editRefusal,
  isMaterialEdit,
  offerStatus,
  ruleText,
  stageGate,
  type ApprovalRecord,
  type OfferTerms,
} from "./offer";

const terms: OfferTerms = { payKind: "annual", amount: 210_000, currency: "USD", startDate: "2027-02-01" };
const everyone = () => true;
const rec = (
  approverId: number,
  decision: "approve" | "decline",
  termsVersion = 1,
  decidedAt = approverId,
): ApprovalRecord => ({ approverId, decision, termsVersion, decidedAt });

describe("material edits", () => {
  it("counts pay kind, amount, currency and start date as new terms", () => {
    expect(changedTerms(terms, { ...terms, amount: 215_000 })).toEqual(["amount"]);
    expect(changedTerms(terms, { ...terms, payKind: "hourly", currency: "EUR" })).toEqual(["payKind", "currency"]);
    expect(isMaterialEdit(terms, { ...terms, startDate: "2027-03-01" })).toBe(true);
  });
  it("does not count the same terms (a note edit) as new terms", () => {
    expect(isMaterialEdit(terms, { ...terms })).toBe(false);
  });
});

describe("approval rule", () => {
  const chain = { approverIds: [1, 2, 3], required: null };
  it("needs all of the chain, N of it, or one approval when no chain is chosen", () => {
    expect(approvalsNeeded(chain)).toBe(3);
    expect(approvalsNeeded({ approverIds: [1, 2, 3], required: 2 })).toBe(2);
    expect(approvalsNeeded({ approverIds: [1], required: 2 })).toBe(1);
    expect(approvalsNeeded({ approverIds: [], required: null })).toBe(1);
    expect(ruleText({ approverIds: [1, 2, 3], required: 2 })).toBe("Any 2 of the 3 approvers");
    expect(ruleText(chain)).toBe("All 3 approvers");
  });

  it("counts only approvals of the current terms", () => {
    const state = approvalState({
      termsVersion: 2,
      creatorId: 9,
      chain,
      records: [rec(1, "approve", 1), rec(2, "approve", 1), rec(3, "approve", 2)],
      isEligible: everyone,
    });
    expect(state).toMatchObject({ state: "pending", approvals: 1, needed: 3, approvedBy: [3] });
  });

  it("is approved once enough approvers approve the current terms (N of M)", () => {
    const state = approvalState({
      termsVersion: 1,
      creatorId: 9,
      chain: { approverIds: [1, 2, 3], required: 2 },
      records: [rec(1, "approve"), rec(3, "approve")],
      isEligible: everyone,
    });
    expect(state.state).toBe("approved");
  });

  it("treats a decline as a veto until the decliner approves or the terms change", () => {
    const n2 = { approverIds: [1, 2, 3], required: 2 };
    expect(
      approvalState({
        termsVersion: 1,
        creatorId: 9,
        chain: n2,
        records: [rec(1, "approve"), rec(2, "approve"), rec(3, "decline")],
        isEligible: everyone,
      }).state,
    ).toBe("declined");
    // The decliner changes their mind: their latest decision counts.
    expect(
      approvalState({
        termsVersion: 1,
        creatorId: 9,
        chain: n2,
        records: [rec(3, "decline", 1, 1), rec(3, "approve", 1, 5), rec(1, "approve")],
        isEligible: everyone,
      }).state,
    ).toBe("approved");
    // New terms: the old decline no longer counts.
    expect(
      approvalState({ termsVersion: 2, creatorId: 9, chain: n2, records: [rec(3, "decline", 1)], isEligible: everyone })
        .state,
    ).toBe("pending");
  });

  it("ignores people off the chain and approvers who may no longer see the role's pay", () => {
    const state = approvalState({
      termsVersion: 1,
      creatorId: 9,
      chain: { approverIds: [1, 2], required: null },
      records: [rec(1, "approve"), rec(7, "approve"), rec(2, "approve")],
      isEligible: (id) => id !== 2,
    });
    expect(state).toMatchObject({ state: "pending", approvedBy: [1] });
  });

  it("without a chain, needs one approval by someone other than the author", () => {
    const none = { approverIds: [], required: null };
    expect(
      approvalState({ termsVersion: 1, creatorId: 9, chain: none, records: [rec(9, "approve")], isEligible: everyone })
        .state,
    ).toBe("pending");
    expect(
      approvalState({ termsVersion: 1, creatorId: 9, chain: none, records: [rec(4, "approve")], isEligible: everyone })
        .state,
    ).toBe("approved");
    expect(countsAsApprover({ chain: none, creatorId: 9, userId: 9, eligible: true })).toBe(false);
    // On a chain, the author approves explicitly like anyone else on it.
    expect(
      countsAsApprover({ chain: { approverIds: [9], required: null }, creatorId: 9, userId: 9, eligible: true }),
    ).toBe(true);
    expect(
      countsAsApprover({ chain: { approverIds: [9], required: null }, creatorId: 1, userId: 9, eligible: false }),
    ).toBe(false);
  });
});

describe("who may decide, accept, edit", () => {
  it("lets only counted approvers decide, and only while the offer is open", () => {
    expect(decisionRefusal({ lifecycle: "open", counts: true })).toBeNull();
    expect(decisionRefusal({ lifecycle: "open", counts: false })).toBe("You are not an approver of this offer.");
    expect(decisionRefusal({ lifecycle: "accepted", counts: true })).toMatch(/accepted/);
  });
  it("marks accepted only an approved offer, and locks accepted terms", () => {
    expect(acceptanceRefusal("approved")).toBeNull();
    expect(acceptanceRefusal("pending_approval")).toBe(
      "Only an approved offer can be marked accepted; this one is waiting for approval.",
    );
    expect(editRefusal("accepted")).toMatch(/not edited/);
    expect(editRefusal("open")).toBeNull();
  });
  it("reads the stored lifecycle with the approvals", () => {
    expect(offerStatus("open", { state: "pending" })).toBe("pending_approval");
    expect(offerStatus("open", { state: "approved" })).toBe("approved");
    expect(offerStatus("accepted", { state: "pending" })).toBe("accepted");
  });
});

describe("the stage gate", () => {
  const pending = { status: "pending_approval" as const, approvals: 1, needed: 2 };
  it("lets moves before offer through without looking", () => {
    expect(stageGate({ toStage: "final", missingChecks: ["nda"], offer: null })).toEqual({ ok: true });
  });

  it("names a check refused for its expiry with the date it expired", () => {
    expect(
      stageGate({ toStage: "offer", missingChecks: ["nda"], offer: null, lapsed: { nda: "2025-12-31" } }),
    ).toMatchObject({
      message:
        "Cannot move to Offer until these required checks are verified or waived: NDA (expired Dec 31, 2025). It also needs an approved offer (no offer yet).",
    });
  });

  it("refuses offer without an approved offer, naming the count", () => {
    const gate = stageGate({ toStage: "offer", missingChecks: [], offer: pending });
    expect(gate).toMatchObject({
      ok: false,
      missing: ["an approved offer (1 of 2 approvals)"],
      message: "Cannot move to Offer until it has an approved offer (1 of 2 approvals).",
    });
    expect(stageGate({ toStage: "offer", missingChecks: [], offer: null })).toMatchObject({
      message: "Cannot move to Offer until it has an approved offer (no offer yet).",
    });
    expect(stageGate({ toStage: "offer", missingChecks: [], offer: { ...pending, status: "declined" } })).toMatchObject(
      { missing: ["an approved offer (the offer was declined)"] },
    );
  });

  it("names missing checks and the offer together, checks first in their usual words", () => {
    const gate = stageGate({ toStage: "offer", missingChecks: ["nda", "ip_assignment"], offer: null });
    expect(gate).toMatchObject({
      ok: false,
      missingChecks: ["nda", "ip_assignment"],
      missing: ["NDA", "IP assignment", "an approved offer (no offer yet)"],
      message:
        "Cannot move to Offer until these required checks are verified or waived: NDA and IP assignment. It also needs an approved offer (no offer yet).",
    });
  });

  it("allows offer with the checks clear and the offer approved (or already accepted)", () => {
    expect(
      stageGate({ toStage: "offer", missingChecks: [], offer: { status: "approved", approvals: 2, needed: 2 } }),
    ).toEqual({ ok: true });
    expect(
      stageGate({ toStage: "offer", missingChecks: [], offer: { status: "accepted", approvals: 2, needed: 2 } }),
    ).toEqual({ ok: true });
  });

  it("refuses hired until the offer is marked accepted", () => {
    const approved = { status: "approved" as const, approvals: 2, needed: 2 };
    expect(stageGate({ toStage: "hired", missingChecks: [], offer: approved })).toMatchObject({
      ok: false,
      message: "Cannot move to Hired until the offer is marked accepted.",
    });
    expect(stageGate({ toStage: "hired", missingChecks: ["nda"], offer: approved })).toMatchObject({
      message:
        "Cannot move to Hired until these required checks are verified or waived: NDA. It also needs the offer marked accepted.",
    });
    expect(stageGate({ toStage: "hired", missingChecks: [], offer: { ...approved, status: "accepted" } })).toEqual({
      ok: true,
    });
  });

  it("keeps the old wording when only checks are missing", () => {
    const gate = stageGate({
      toStage: "offer",
      missingChecks: ["nda"],
      offer: { status: "approved", approvals: 1, needed: 1 },
    });
    expect(gate).toMatchObject({
      message: "Cannot move to Offer until these required checks are verified or waived: NDA.",
      missing: ["NDA"],
    });
  });
});
