// The records behind single sign-on: finding the account a provider's identity belongs to, linking it by issuer
// and subject, creating a just-in-time account, and applying the kind the provider's groups give.
// The decisions are app/domain/sso.ts's planSsoSignIn; this file only reads and writes.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { UserKind } from "~/domain/reference";
import type { SsoPlan } from "~/domain/sso";
import { getDb, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { normalizeEmail } from "./user.server";

const { users } = schema;

/** No scrypt hash has this form, so verifyPassword refuses every password for an account that has it. */
export const NO_PASSWORD = "!sso-only";

const accountColumns = {
  id: users.id,
  email: users.email,
  kind: users.kind,
  active: users.active,
  ssoIssuer: users.ssoIssuer,
  ssoSubject: users.ssoSubject,
};

export function findSsoLinkedAccount(issuer: string, subject: string) {
  return getDb()
    .select(accountColumns)
    .from(users)
    .where(and(eq(users.ssoIssuer, issuer), eq(users.ssoSubject, subject)))
    .get();
}

export function findAccountByEmail(email: string) {
  return getDb()
    .select(accountColumns)
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
}

/**
 * Carry out a sign-in plan in one transaction: link the account to the provider's identity, change its kind to
 * the one its groups give (audited as a kind change by no one), or create it. Returns the account's id.
 */
export function applySsoSignIn(
  plan: Extract<SsoPlan, { ok: true }>,
  identity: { issuer: string; subject: string; email: string | null; name: string },
): number {
  return getDb().transaction((tx) => {
    if (plan.action === "create") {
      const id = tx
        .insert(users)
        .values({
          email: normalizeEmail(identity.email ?? ""),
          name: identity.name,
          kind: plan.kind,
          passwordHash: NO_PASSWORD,
          ssoIssuer: identity.issuer,
          ssoSubject: identity.subject,
        })
        .returning({ id: users.id })
        .get().id;
      recordAudit({
        actorId: null,
        action: "user.create",
        subject: { type: "user", id },
        detail: { kind: plan.kind, trigger: "sso" },
      });
      return id;
    }
    const set: { ssoIssuer?: string; ssoSubject?: string; kind?: UserKind; version?: SQL; updatedAt: Date } = {
      updatedAt: new Date(),
    };
    if (plan.link) Object.assign(set, { ssoIssuer: identity.issuer, ssoSubject: identity.subject });
    // A kind change moves the version, so an admin's open edit form of this user learns of it.
    if (plan.kindChange) Object.assign(set, { kind: plan.kindChange.to, version: sql`${users.version} + 1` });
    if (plan.link || plan.kindChange) tx.update(users).set(set).where(eq(users.id, plan.accountId)).run();
    if (plan.kindChange)
      recordAudit({
        actorId: null,
        action: "user.kind_change",
        subject: { type: "user", id: plan.accountId },
        fields: ["kind"],
        detail: { from: plan.kindChange.from, to: plan.kindChange.to, trigger: "sso" },
      });
    return plan.accountId;
  });
}

/** Whether the account signs in through the identity provider (linked to an issuer and subject). */
export function isSsoLinked(userId: number): boolean {
  const row = getDb().select({ s: users.ssoSubject }).from(users).where(eq(users.id, userId)).get();
  return Boolean(row?.s);
}
