import { describe, expect, it } from "vitest";
import {
  activityActionsFor,
  activityText,
  auditActions,
  auditDetailProblem,
  auditPruneBefore,
  auditRecordHref,
  changedFields,
  maskName,
} from "./audit";

describe("audit details", () => {
  it("accept labels, counts and flags under known keys only", () => {
    expect(auditDetailProblem({ from: "interviewing", to: "offer", rows: 12, dryRun: true })).toBeNull();
    expect(auditDetailProblem({ note: "x" })).toEqual({ key: "note", problem: "not an audit detail" });
    expect(auditDetailProblem({ reason: "Jane asked" })?.problem).toBe("must be a short label");
    expect(auditDetailProblem({ reason: "x".repeat(41) })?.problem).toBe("must be a short label");
    expect(auditDetailProblem({ rows: { n: 1 } })?.problem).toBe("must be a label, a number or a flag");
  });

  it("mask a name to its first letter", () => {
    expect(maskName("jane Doe")).toBe("J***");
    expect(maskName("Ólafur")).toBe("Ó***");
    expect(maskName("  ")).toBe("***");
  });

  it("name the fields that changed, never their values", () => {
    const before: Record<string, unknown> = {
      status: "verified",
      evidenceRef: "A-1",
      expiresOn: null,
      at: new Date(1),
    };
    expect(changedFields(before, { status: "verified", evidenceRef: "A-2", at: new Date(1) })).toEqual(["evidenceRef"]);
    expect(changedFields(before, { expiresOn: "2027-01-01" })).toEqual(["expiresOn"]);
  });

  it("keep entries at least a year whatever the setting", () => {
    const now = new Date("2026-12-07T00:00:00Z");
    expect(auditPruneBefore(now, 30).toISOString()).toBe("2025-12-07T00:00:00.000Z");
    expect(auditPruneBefore(now, 730).toISOString()).toBe("2024-12-07T00:00:00.000Z");
  });

  it("link an entry to its record's page", () => {
    expect(auditRecordHref({ subjectType: "candidate", subjectId: 4, applicationId: null })).toBe("/candidates/4");
    expect(auditRecordHref({ subjectType: "application", subjectId: 9, applicationId: 9 })).toBe("/applications/9");
  });
});

describe("an application's activity panel", () => {
  it("shows offer and pay entries only to those who may see offers, checks only to those who may see checks", () => {
    const none = activityActionsFor({ offer: false, compliance: false, allFeedback: false });
    expect(none).toContain("application.stage_move");
    for (const hidden of [
      "offer.update",
      "pay.view",
      "check.update",
      "findings.view",
      "scorecard.submit",
      "decision.record",
    ] as const)
      expect(none).not.toContain(hidden);
    const all = activityActionsFor({ offer: true, compliance: true, allFeedback: true });
    expect(all).toEqual([...auditActions]);
    const hr = activityActionsFor({ offer: false, compliance: true, allFeedback: true });
    expect(hr).toContain("check.update");
    expect(hr).not.toContain("offer.update");
  });

  it("reads an entry in words", () => {
    expect(
      activityText({
        action: "application.stage_move",
        fields: ["stage", "note"],
        detail: { from: "screening", to: "rejected" },
      }),
    ).toBe("Moved a stage (Screening → Rejected)");
    expect(activityText({ action: "check.update", fields: ["status", "evidenceRef"], detail: {} })).toBe(
      "Changed a compliance check (fields: status, evidenceRef)",
    );
    expect(activityText({ action: "decision.record", fields: [], detail: { outcome: "advance" } })).toBe(
      "Recorded a decision (advance)",
    );
  });
});
