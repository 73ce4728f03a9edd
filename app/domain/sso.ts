// Single sign-on rules that need no network or database: reading the group-to-kind map, choosing a kind from a
// person's groups, deciding what a sign-in through the identity provider does, and the words for each refusal.
// The flow itself (openid-client) is in app/utils/sso.server.ts; the records in app/models/sso.server.ts.
import { userKinds, type UserKind } from "./reference";

export type GroupKindRule = { group: string; kind: UserKind };

/** Most privileged first: when a person's groups match several kinds, the first of these wins. */
export const kindPrivilege: readonly UserKind[] = ["admin", "recruiter", "hiring_manager", "interviewer"];

/**
 * `talent-admins=admin,hr=recruiter,eng-leads=hiring_manager`: comma-separated `group=kind` pairs. A group may
 * appear once; spaces around names are ignored, group names are compared exactly (case-sensitive, as providers
 * send them).
 */
export function parseGroupKinds(text: string): { ok: true; rules: GroupKindRule[] } | { ok: false; problem: string } {
  const rules: GroupKindRule[] = [];
  for (const part of text.split(",")) {
    const pair = part.trim();
    if (pair === "") continue;
    const at = pair.lastIndexOf("=");
    const group = at > 0 ? pair.slice(0, at).trim() : "";
    const kind = at > 0 ? pair.slice(at + 1).trim() : "";
    if (!group) return { ok: false, problem: `"${pair}" is not group=kind` };
    if (!(userKinds as readonly string[]).includes(kind))
      return { ok: false, problem: `"${kind}" is not a user kind (${userKinds.join(", ")})` };
    if (rules.some((r) => r.group === group)) return { ok: false, problem: `group "${group}" appears twice` };
    rules.push({ group, kind: kind as UserKind });
  }
  return { ok: true, rules };
}

/** The groups a claim carries: an array of strings (Okta, Keycloak, Entra ID), or one string. Anything else: none. */
export function claimGroups(value: unknown): string[] {
  if (typeof value === "string") return value ? [value] : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/** The most privileged kind any of the groups maps to, or null when none is mapped. */
export function kindForGroups(groups: readonly string[], rules: readonly GroupKindRule[]): UserKind | null {
  const matched = new Set(rules.filter((r) => groups.includes(r.group)).map((r) => r.kind));
  return kindPrivilege.find((k) => matched.has(k)) ?? null;
}

/** Providers send `email_verified` as a boolean; a few send the string "true". Anything else is not verified. */
export function isEmailVerified(value: unknown): boolean {
  return value === true || value === "true";
}

/** Why a sign-in through the identity provider was refused; each is also the audit entry's reason. */
export const ssoRefusals = [
  "not_configured",
  "provider_unavailable",
  "provider_error",
  "access_denied",
  "flow_missing",
  "state_mismatch",
  "nonce_mismatch",
  "token_expired",
  "token_invalid",
  "no_email",
  "unverified_email",
  "unknown_user",
  "no_matching_group",
  "linked_elsewhere",
  "deactivated",
] as const;
export type SsoRefusal = (typeof ssoRefusals)[number];

/** What the login page says. Never which account exists: an unknown and a refused account read alike to strangers. */
export const ssoRefusalMessages: Record<SsoRefusal, string> = {
  not_configured: "Single sign-on is not set up here. Sign in with your email and password.",
  provider_unavailable:
    "The sign-in provider could not be reached. Try again in a minute; if it persists, tell your admin.",
  provider_error: "The sign-in provider refused the request. Try again; if it persists, tell your admin.",
  access_denied: "Sign-in was cancelled or refused at the provider.",
  flow_missing: "That sign-in took too long or was started in another browser. Start again.",
  state_mismatch: "That sign-in could not be verified. Start again.",
  nonce_mismatch: "That sign-in could not be verified. Start again.",
  token_expired: "The provider's answer had expired. Start again; if it persists, the provider's clock may be wrong.",
  token_invalid: "The provider's answer could not be verified. Start again; if it persists, tell your admin.",
  no_email: "The provider did not share your email address, so your account could not be found. Ask your admin.",
  unverified_email: "Your email address is not verified at the provider, so it cannot be matched to an account.",
  unknown_user: "There is no account here for you. Ask your admin to add you.",
  no_matching_group: "Your groups at the provider give no access here. Ask your admin.",
  linked_elsewhere: "Your account here is linked to another sign-in at the provider. Ask your admin.",
  deactivated: "Your account here is deactivated. Ask your admin.",
};

export function isSsoRefusal(value: unknown): value is SsoRefusal {
  return typeof value === "string" && (ssoRefusals as readonly string[]).includes(value);
}

/** An account as the matching sees it. */
export type SsoAccount = {
  id: number;
  kind: UserKind;
  active: boolean;
  ssoIssuer: string | null;
  ssoSubject: string | null;
};

export type SsoSettings = {
  groupKinds: readonly GroupKindRule[];
  /** Create unknown people on their first sign-in. */
  jit: boolean;
  /** The kind a new person gets when none of their groups is mapped; null refuses them. */
  jitKind: UserKind | null;
  /** The break-glass admin's email, normalized: its kind never follows the provider's groups. */
  breakGlassEmail: string | null;
};

export type SsoIdentity = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  groups: string[];
};

export type SsoPlan =
  | { ok: false; reason: SsoRefusal; accountId?: number }
  | {
      ok: true;
      action: "sign_in";
      accountId: number;
      link: boolean;
      kindChange: { from: UserKind; to: UserKind } | null;
    }
  | { ok: true; action: "create"; kind: UserKind };

/**
 * What one sign-in does. `linked`: the account already linked to this issuer and subject; `byEmail`: the account
 * whose email is the provider's (looked up only when none is linked).
 *
 * - A linked account is found by issuer and subject, whatever its email at the provider has become.
 * - Otherwise the email must be verified at the provider, and matches one account; an account linked to another
 *   subject is refused (a second identity with the same address does not take it over).
 * - Unknown people are refused, or created when just-in-time creation is on (with their groups' kind, else the
 *   configured kind, else refused).
 * - Deactivated accounts are refused.
 * - With a group map, the groups decide the kind at every sign-in when one matches; no match keeps the kind.
 *   The break-glass account's kind never changes this way.
 */
export function planSsoSignIn(input: {
  identity: SsoIdentity;
  linked: (SsoAccount & { email: string }) | null;
  byEmail: (SsoAccount & { email: string }) | null;
  settings: SsoSettings;
}): SsoPlan {
  const { identity, settings } = input;
  const mapped = kindForGroups(identity.groups, settings.groupKinds);
  let account = input.linked;
  let link = false;
  if (!account) {
    if (!identity.email) return { ok: false, reason: "no_email" };
    if (!identity.emailVerified) return { ok: false, reason: "unverified_email" };
    account = input.byEmail;
    if (!account) {
      if (!settings.jit) return { ok: false, reason: "unknown_user" };
      const kind = mapped ?? settings.jitKind;
      return kind ? { ok: true, action: "create", kind } : { ok: false, reason: "no_matching_group" };
    }
    if (account.ssoSubject !== null || account.ssoIssuer !== null)
      return { ok: false, reason: "linked_elsewhere", accountId: account.id };
    link = true;
  }
  if (!account.active) return { ok: false, reason: "deactivated", accountId: account.id };
  const breakGlass = settings.breakGlassEmail !== null && account.email === settings.breakGlassEmail;
  const kindChange = mapped && mapped !== account.kind && !breakGlass ? { from: account.kind, to: mapped } : null;
  return { ok: true, action: "sign_in", accountId: account.id, link, kindChange };
}

/** A display name for a new account: the provider's name, else given and family names, else the email's local part. */
export function nameFromClaims(claims: Record<string, unknown>, email: string): string {
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const full = text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ");
  return (full || email.split("@")[0] || email).slice(0, 120);
}
