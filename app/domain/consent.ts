// Consent a candidate gave: to process their data (to consider them for roles)
// and to retain it (to keep them on file past the retention period). Each has
// the day it was given, how, and an optional last day; without a last day it
// holds until withdrawn. Pure rules: no database, no clock but the one passed.

export const consentSources = ["application_form", "email", "call", "agency", "careers_site", "other"] as const;
export type ConsentSource = (typeof consentSources)[number];
export const consentSourceLabels: Record<ConsentSource, string> = {
  application_form: "Application form",
  email: "Email",
  call: "Call or interview",
  agency: "Through their agency",
  careers_site: "Careers site",
  other: "Other",
};

export const consentPurposes = ["process", "retain"] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export const consentPurposeLabels: Record<ConsentPurpose, string> = {
  process: "To process their data",
  retain: "To keep them on file",
};

export type Consent = { givenAt: string | null; source: ConsentSource | null; expiresAt: string | null };
export type ConsentState = "current" | "expired" | "missing";
export const consentStateLabels: Record<ConsentState, string> = {
  current: "Current",
  expired: "Expired",
  missing: "Not recorded",
};

/** Where a consent stands on `today` (ISO day): missing without a day given, expired after its last day. */
export function consentState(consent: Consent, today: string): ConsentState {
  if (!consent.givenAt) return "missing";
  if (consent.expiresAt !== null && consent.expiresAt < today) return "expired";
  return "current";
}

/** A candidate row's two consents. */
export function candidateConsents(row: {
  consentProcessAt: string | null;
  consentProcessSource: ConsentSource | null;
  consentProcessExpiresAt: string | null;
  consentRetainAt: string | null;
  consentRetainSource: ConsentSource | null;
  consentRetainExpiresAt: string | null;
}): Record<ConsentPurpose, Consent> {
  return {
    process: {
      givenAt: row.consentProcessAt,
      source: row.consentProcessSource,
      expiresAt: row.consentProcessExpiresAt,
    },
    retain: { givenAt: row.consentRetainAt, source: row.consentRetainSource, expiresAt: row.consentRetainExpiresAt },
  };
}

/**
 * The day consent to retain lets us keep the candidate until, or null: only a
 * current consent with a last day extends retention (one with no last day
 * holds until withdrawn, and then the retention period alone decides).
 */
export function retainConsentUntil(consent: Consent, today: string): string | null {
  return consentState(consent, today) === "current" && consent.expiresAt ? consent.expiresAt : null;
}
