import { describe, expect, it } from "vitest";
import { candidateConsents, consentState, retainConsentUntil } from "./consent";

const today = "2026-12-07";

describe("consentState", () => {
  it("is missing without a day given", () => {
    expect(consentState({ givenAt: null, source: null, expiresAt: null }, today)).toBe("missing");
  });
  it("is current with no last day, or a last day today or later", () => {
    expect(consentState({ givenAt: "2026-01-01", source: "email", expiresAt: null }, today)).toBe("current");
    expect(consentState({ givenAt: "2026-01-01", source: "email", expiresAt: today }, today)).toBe("current");
  });
  it("is expired the day after its last day", () => {
    expect(consentState({ givenAt: "2025-01-01", source: "email", expiresAt: "2026-12-06" }, today)).toBe("expired");
  });
});

describe("retainConsentUntil", () => {
  it("extends retention only with a current consent that has a last day", () => {
    expect(retainConsentUntil({ givenAt: "2026-01-01", source: "call", expiresAt: "2028-01-01" }, today)).toBe(
      "2028-01-01",
    );
    expect(retainConsentUntil({ givenAt: "2026-01-01", source: "call", expiresAt: null }, today)).toBeNull();
    expect(retainConsentUntil({ givenAt: "2024-01-01", source: "call", expiresAt: "2025-01-01" }, today)).toBeNull();
    expect(retainConsentUntil({ givenAt: null, source: null, expiresAt: "2028-01-01" }, today)).toBeNull();
  });
});

describe("candidateConsents", () => {
  it("reads a candidate row's two consents", () => {
    const consents = candidateConsents({
      consentProcessAt: "2026-02-01",
      consentProcessSource: "application_form",
      consentProcessExpiresAt: null,
      consentRetainAt: "2024-02-01",
      consentRetainSource: "email",
      consentRetainExpiresAt: "2025-02-01",
    });
    expect(consents.process).toEqual({ givenAt: "2026-02-01", source: "application_form", expiresAt: null });
    expect(consentState(consents.process, today)).toBe("current");
    expect(consentState(consents.retain, today)).toBe("expired");
  });
});
