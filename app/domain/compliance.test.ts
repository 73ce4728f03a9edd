import { describe, expect, it } from "vitest";
import {
  byAttention,
  checkFlags,
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
