import { describe, expect, it } from "vitest";
import {
  boardFilterFromParams,
  boardFilterParams,
  checkSnapshot,
  byAttention,
  checkFlags,
  checkHistoryText,
  checkSaveProblems,
  EXPIRY_PASSED_MESSAGE,
  lapsedChecks,
  VERIFIED_NEEDS_EVIDENCE_MESSAGE,
  effectiveStatus,
  isCheckProblem,
  missingCheckText,
  offerGate,
  requestAgeText,
  requiredChecksFor,
  type CheckState,
  type MissingCheck,
} from "./compliance";

const today = "2026-11-21";

describe("requiredChecksFor", () => {
  it("always requires NDA, IP assignment and classification", () => {
    expect(requiredChecksFor({ touchesSensitiveData: false })).toEqual([
      "nda",
      "ip_assignment",
      "worker_classification",
    ]);
  });
  it("adds a background check and data-access clearance for sensitive data", () => {
    expect(requiredChecksFor({ touchesSensitiveData: true })).toEqual([
      "nda",
      "ip_assignment",
      "worker_classification",
      "background_check",
      "data_access_clearance",
    ]);
  });
  it("keeps extra checks a role asks for, in a stable order, and ignores unknown ones", () => {
    expect(requiredChecksFor({ touchesSensitiveData: false, extra: ["right_to_work", "nda", "astrology"] })).toEqual([
      "nda",
      "ip_assignment",
      "worker_classification",
      "right_to_work",
    ]);
  });
});

describe("offerGate", () => {
  const required = requiredChecksFor({ touchesSensitiveData: true });
  const ok = (
    type: CheckState["type"],
    status: CheckState["status"] = "verified",
    expiresAt: string | null = null,
  ): CheckState => ({ type, status, expiresAt });

  it("lets moves before the offer through whatever the paperwork", () => {
    expect(offerGate({ to: "final", required, checks: [], today })).toEqual({ ok: true });
  });

  it("refuses an offer and names every missing check", () => {
    const result = offerGate({
      to: "offer",
      required,
      checks: [ok("nda"), ok("ip_assignment", "requested"), ok("background_check", "failed")],
      today,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing).toEqual([
      "ip_assignment",
      "worker_classification",
      "background_check",
      "data_access_clearance",
    ]);
    expect(result.message).toBe(
      "Cannot move to Offer until these required checks are verified or waived: IP assignment, Worker classification, Background check and Sensitive-data access clearance.",
    );
  });

  it("counts waived checks and refuses expired ones", () => {
    const checks = [
      ok("nda", "verified", "2026-11-20"),
      ok("ip_assignment", "waived"),
      ok("worker_classification"),
      ok("background_check"),
      ok("data_access_clearance"),
    ];
    const result = offerGate({ to: "hired", required, checks, today });
    expect(result).toMatchObject({ ok: false, missing: ["nda"] });
    checks[0] = ok("nda", "verified", "2027-11-20");
    expect(offerGate({ to: "hired", required, checks, today })).toEqual({ ok: true });
  });
});

describe("status display and flags", () => {
  it("shows a verified check past its expiry as expired", () => {
    expect(effectiveStatus({ type: "nda", status: "verified", expiresAt: "2026-01-01" }, today)).toBe("expired");
    expect(effectiveStatus(undefined, today)).toBe("not_requested");
  });
  it("flags requests open over 7 days and checks expiring within 30 days", () => {
    expect(checkFlags({ status: "requested", requestedAt: "2026-11-10", expiresAt: null }, today)).toEqual({
      stale: true,
      expiringSoon: false,
    });
    expect(checkFlags({ status: "requested", requestedAt: "2026-11-18", expiresAt: null }, today)).toEqual({
      stale: false,
      expiringSoon: false,
    });
    expect(checkFlags({ status: "verified", requestedAt: null, expiresAt: "2026-12-10" }, today)).toEqual({
      stale: false,
      expiringSoon: true,
    });
  });
});

describe("requestAgeText", () => {
  it("says how long ago a request went out, in days", () => {
    expect(requestAgeText("2026-11-21", "2026-11-21")).toBe("today");
    expect(requestAgeText("2026-11-20", "2026-11-21")).toBe("1 day ago");
    expect(requestAgeText("2026-11-09", "2026-11-21")).toBe("12 days ago");
    // A request dated ahead of the server's day (another time zone) reads as today, not "-1 days ago".
    expect(requestAgeText("2026-11-22", "2026-11-21")).toBe("today");
  });
});

describe("missing checks", () => {
  it("puts failures and lapses first, then work not started, then work under way, and says each one's state", () => {
    const list: MissingCheck[] = [
      { type: "nda", status: "requested" },
      { type: "background_check", status: "not_requested" },
      { type: "ip_assignment", status: "failed" },
      { type: "worker_classification", status: "received" },
      { type: "data_access_clearance", status: "expired" },
    ];
    expect([...list].sort(byAttention).map(missingCheckText)).toEqual([
      "IP assignment (failed)",
      "Sensitive-data access clearance (expired)",
      "Background check (not requested)",
      "NDA (requested)",
      "Worker classification (received)",
    ]);
    expect(list.filter(isCheckProblem).map((m) => m.type)).toEqual(["ip_assignment", "data_access_clearance"]);
  });
});

describe("what a check may be saved as", () => {
  const check = (status: CheckState["status"], more: Partial<Parameters<typeof checkSaveProblems>[0]> = {}) => ({
    status,
    expiresAt: null,
    evidenceRef: "DS-1",
    rationale: null,
    ...more,
  });

  it("refuses a verified or received check whose expiry has passed, and keeps one expiring today or later", () => {
    for (const status of ["verified", "received"] as const) {
      expect(checkSaveProblems(check(status, { expiresAt: "2026-11-20" }), today)).toEqual([
        { field: "expiresAt", message: EXPIRY_PASSED_MESSAGE },
      ]);
      expect(checkSaveProblems(check(status, { expiresAt: today }), today)).toEqual([]);
      expect(checkSaveProblems(check(status, { expiresAt: "2027-01-01" }), today)).toEqual([]);
      expect(checkSaveProblems(check(status), today)).toEqual([]);
    }
    // A past date is what an expired, failed or requested check may well carry.
    for (const status of ["expired", "failed", "requested", "waived"] as const)
      expect(checkSaveProblems(check(status, { expiresAt: "2020-01-01" }), today)).toEqual([]);
  });

  it("asks a verified check for its evidence reference, or a note saying why there is none", () => {
    expect(checkSaveProblems(check("verified", { evidenceRef: null }), today)).toEqual([
      { field: "evidenceRef", message: VERIFIED_NEEDS_EVIDENCE_MESSAGE },
    ]);
    expect(checkSaveProblems(check("verified", { evidenceRef: null, rationale: "Signed on paper" }), today)).toEqual(
      [],
    );
    expect(checkSaveProblems(check("received", { evidenceRef: null }), today)).toEqual([]);
    expect(checkSaveProblems(check("verified", { evidenceRef: null, expiresAt: "2026-01-01" }), today)).toHaveLength(2);
  });
});

describe("the gate names a lapsed check's expiry", () => {
  const required = requiredChecksFor({ touchesSensitiveData: false });
  const checks: CheckState[] = [
    { type: "nda", status: "verified", expiresAt: "2026-01-03" },
    { type: "ip_assignment", status: "verified", expiresAt: null },
    { type: "worker_classification", status: "requested", expiresAt: "2026-01-01" },
  ];

  it("lists checks past their expiry with the date, and only those", () => {
    expect(lapsedChecks(checks, today)).toEqual({ nda: "2026-01-03" });
    const result = offerGate({ to: "offer", required, checks, today });
    expect(result).toMatchObject({
      ok: false,
      message:
        "Cannot move to Offer until these required checks are verified or waived: NDA (expired Jan 3, 2026) and Worker classification.",
    });
  });
});

describe("checkHistoryText", () => {
  it("says which fields a save changed, not the status twice", () => {
    expect(checkHistoryText({ status: "verified", fields: ["status", "evidenceRef"] })).toBe(
      "set verified; changed evidence reference",
    );
    expect(checkHistoryText({ status: "verified", fields: ["evidenceRef"] })).toBe("changed evidence reference");
    expect(checkHistoryText({ status: "verified", fields: ["expiresAt", "evidenceRef", "detail"] })).toBe(
      "changed expiry date, evidence reference and findings",
    );
    expect(checkHistoryText({ status: "not_requested", fields: ["status"] })).toBe("set not requested");
    expect(checkHistoryText({ status: "verified", fields: [] })).toBe("saved again (verified) with no change");
  });

  it("reads an entry saved before fields were kept as the status it set", () => {
    expect(checkHistoryText({ status: "received", fields: null })).toBe("set received");
  });
});

describe("a check's history snapshot", () => {
  it("keeps the columns as JSON and never the findings", () => {
    const at = new Date("2026-12-01T10:00:00Z");
    expect(checkSnapshot({ detail: "Two convictions", status: "verified", verifiedAt: at, evidenceRef: null })).toEqual(
      {
        detail: "(recorded)",
        status: "verified",
        verifiedAt: "2026-12-01T10:00:00.000Z",
        evidenceRef: null,
      },
    );
    expect(checkSnapshot({ detail: null, status: "requested" })).toEqual({ detail: null, status: "requested" });
  });
});

describe("boardFilterFromParams", () => {
  it("reads several checks from repeated parameters, in the checks' order, dropping unknown ones", () => {
    const filter = boardFilterFromParams(
      new URLSearchParams(
        "check=ip_assignment&check=nope&check=nda&check=nda&status=requested&role=12&stage=finalists",
      ),
    );
    expect(filter).toEqual({ roleId: 12, types: ["nda", "ip_assignment"], status: "requested", finalists: true });
    expect(boardFilterParams(filter)).toEqual([
      ["role", "12"],
      ["stage", "finalists"],
      ["check", "nda"],
      ["check", "ip_assignment"],
      ["status", "requested"],
    ]);
  });

  it("reads a missing or bad value as the board's default", () => {
    expect(boardFilterFromParams(new URLSearchParams("role=-3&status=lost&stage=x"))).toEqual({
      roleId: null,
      types: [],
      status: "missing",
      finalists: false,
    });
  });
});
