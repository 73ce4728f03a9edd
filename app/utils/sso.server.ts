// Single sign-on through an OpenID Connect provider, with openid-client: the authorization code flow with PKCE,
// state and nonce; the ID token's signature, issuer, audience, expiry and nonce are checked by the library.
//
// Discovery happens at the first sign-in, not at start, so the app starts (and passwords work) while the provider
// is down; a failed discovery is forgotten, so the next attempt tries again. The flow's secrets (state, nonce,
// PKCE verifier) and where to land live in a short-lived signed cookie, cleared by the callback.
// Matching and mapping rules: app/domain/sso.ts. Why: docs/decisions/095-single-sign-on.md.
import { createCookie, redirect, type Cookie } from "@remix-run/node";
import * as oidc from "openid-client";
import {
  claimGroups,
  isEmailVerified,
  nameFromClaims,
  planSsoSignIn,
  type SsoIdentity,
  type SsoRefusal,
  type SsoSettings,
} from "~/domain/sso";
import { recordAudit } from "~/models/audit.server";
import { deleteExpiredSessions } from "~/models/session.server";
import { applySsoSignIn, findAccountByEmail, findSsoLinkedAccount } from "~/models/sso.server";
import { adoptBrowserTimeZone } from "~/models/user.server";
import type { UserKind } from "~/domain/reference";
import { getEnv, type Env } from "./env.server";
import { safeRedirect, startSession } from "./session.server";

export const SSO_CALLBACK_PATH = "/auth/sso/callback";
/** Ten minutes to sign in at the provider; after that the flow cookie is gone and the callback refuses. */
const FLOW_SECONDS = 600;
/** How long discovery may take before the sign-in gives up with "provider unavailable". */
const DISCOVERY_TIMEOUT_SECONDS = 5;

export type SsoConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: string;
  groupsClaim: string;
  ssoOnly: boolean;
  settings: SsoSettings;
};

/** Single sign-on as configured, or null when OIDC_ISSUER is unset. */
export function getSsoConfig(env: Env = getEnv()): SsoConfig | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    name: env.OIDC_NAME,
    scopes: env.OIDC_SCOPES,
    groupsClaim: env.OIDC_GROUPS_CLAIM,
    ssoOnly: env.OIDC_ONLY,
    settings: {
      groupKinds: env.OIDC_GROUP_KINDS,
      jit: env.OIDC_JIT,
      jitKind: env.OIDC_JIT_KIND ?? null,
      breakGlassEmail: env.OIDC_BREAK_GLASS_EMAIL ?? null,
    },
  };
}

/**
 * In SSO-only mode, whether this account may still sign in with a password: the break-glass admin's, named by
 * email, and only while it is an admin. `kind` is undefined when no account has the email.
 */
export function passwordAllowedFor(
  account: { email: string; kind: UserKind | undefined },
  config = getSsoConfig(),
): boolean {
  if (!config?.ssoOnly) return true;
  return account.email.trim().toLowerCase() === config.settings.breakGlassEmail && account.kind === "admin";
}

// ---------------------------------------------------------------------------------------------------------------
// Discovery: lazy, cached per provider, forgotten on failure.

let discovered: { key: string; config: Promise<oidc.Configuration> } | null = null;

function isLoopback(issuer: string): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(issuer).hostname);
}

async function providerConfiguration(config: SsoConfig): Promise<oidc.Configuration> {
  const key = `${config.issuer} ${config.clientId}`;
  if (discovered?.key !== key) {
    // client_secret_basic: the client authentication every provider must support (RFC 6749, 2.3.1).
    const auth = oidc.ClientSecretBasic(config.clientSecret);
    const pending = oidc.discovery(new URL(config.issuer), config.clientId, undefined, auth, {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      // Plain http only to a provider on this machine (development and tests); env.server.ts refuses it elsewhere.
      execute: isLoopback(config.issuer) ? [oidc.allowInsecureRequests] : [],
    });
    const entry = { key, config: pending };
    discovered = entry;
    pending.catch(() => {
      if (discovered === entry) discovered = null;
    });
  }
  return discovered!.config;
}

// ---------------------------------------------------------------------------------------------------------------
// The flow cookie.

export type SsoFlow = { state: string; nonce: string; verifier: string; redirectTo: string; timeZone: string };

let flowCookie: Cookie | null = null;
/** Signed with the session secret, httpOnly, SameSite=Lax (the provider's redirect back is a top-level GET). */
export function ssoFlowCookie(): Cookie {
  const env = getEnv();
  flowCookie ??= createCookie("hiring_sso_flow", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.NODE_ENV === "production" && env.COOKIE_SECURE,
    path: "/auth/sso",
    maxAge: FLOW_SECONDS,
    secrets: [env.sessionSecret],
  });
  return flowCookie;
}

async function readFlow(request: Request): Promise<SsoFlow | null> {
  const value = (await ssoFlowCookie().parse(request.headers.get("Cookie"))) as Partial<SsoFlow> | null;
  if (!value || typeof value !== "object") return null;
  const { state, nonce, verifier, redirectTo, timeZone } = value;
  if ([state, nonce, verifier, redirectTo].some((v) => typeof v !== "string" || v === "")) return null;
  return { state, nonce, verifier, redirectTo, timeZone: typeof timeZone === "string" ? timeZone : "" } as SsoFlow;
}

function callbackUrl(request: Request): string {
  const origin = getEnv().APP_ORIGIN?.replace(/\/+$/, "") ?? new URL(request.url).origin;
  return `${origin}${SSO_CALLBACK_PATH}`;
}

/** Back to the login page with the refusal named in the URL; the flow cookie is cleared. */
export async function refuse(reason: SsoRefusal, redirectTo = "/"): Promise<Response> {
  const params = new URLSearchParams({ sso_error: reason });
  if (redirectTo !== "/") params.set("redirectTo", redirectTo);
  return redirect(`/login?${params}`, {
    headers: { "Set-Cookie": await ssoFlowCookie().serialize("", { maxAge: 0 }) },
  });
}

function auditFailure(reason: SsoRefusal, accountId?: number) {
  recordAudit({
    actorId: null,
    action: "auth.sign_in_failed",
    subject: accountId ? { type: "user", id: accountId } : undefined,
    detail: { method: "sso", reason },
  });
}

/** Send the browser to the provider. */
export async function beginSsoSignIn(request: Request): Promise<Response> {
  const config = getSsoConfig();
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"));
  if (!config) return refuse("not_configured", redirectTo);
  let provider: oidc.Configuration;
  try {
    provider = await providerConfiguration(config);
  } catch (error) {
    console.error(`Single sign-on: discovery at ${config.issuer} failed: ${(error as Error).message}`);
    auditFailure("provider_unavailable");
    return refuse("provider_unavailable", redirectTo);
  }
  const flow: SsoFlow = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    redirectTo,
    timeZone: (url.searchParams.get("timeZone") ?? "").slice(0, 64),
  };
  const target = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: callbackUrl(request),
    scope: config.scopes,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
  });
  return redirect(target.href, { headers: { "Set-Cookie": await ssoFlowCookie().serialize(flow) } });
}

/** Why the library refused the provider's answer, in our words. */
export function refusalForError(error: unknown): SsoRefusal {
  const err = error as { code?: string; error?: string; cause?: { code?: string; cause?: { claim?: string } } };
  if (err instanceof oidc.AuthorizationResponseError)
    return err.error === "access_denied" ? "access_denied" : "provider_error";
  if (err instanceof oidc.ResponseBodyError) return "provider_error";
  const code = err.cause?.code ?? err.code;
  const claim = err.cause?.cause?.claim;
  if (code === "OAUTH_JWT_TIMESTAMP_CHECK_FAILED") return "token_expired";
  if (code === "OAUTH_JWT_CLAIM_COMPARISON_FAILED" && claim === "nonce") return "nonce_mismatch";
  if (code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED" || code === "OAUTH_INVALID_RESPONSE") return "token_invalid";
  if (error instanceof TypeError || code === "OAUTH_RESPONSE_IS_NOT_CONFORM") return "provider_unavailable";
  return "token_invalid";
}

type Tokens = Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;

/** The ID token's claims, completed from the UserInfo endpoint when the email or groups are not in it. */
async function identityClaims(provider: oidc.Configuration, tokens: Tokens, config: SsoConfig) {
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error("no ID token");
  let claims: Record<string, unknown> = { ...idClaims };
  const needsMore = ["email", "email_verified", config.groupsClaim].some((c) => claims[c] === undefined);
  if (needsMore && provider.serverMetadata().userinfo_endpoint && tokens.access_token) {
    const info = await oidc.fetchUserInfo(provider, tokens.access_token, idClaims.sub);
    // The ID token's verified claims win; the user info (same subject, checked by the library) fills the gaps.
    claims = { ...info, ...claims };
  }
  const identity: SsoIdentity = {
    issuer: idClaims.iss,
    subject: idClaims.sub,
    email: typeof claims.email === "string" && claims.email.includes("@") ? claims.email.trim().toLowerCase() : null,
    emailVerified: isEmailVerified(claims.email_verified),
    groups: claimGroups(claims[config.groupsClaim]),
  };
  return { identity, claims };
}

/** The provider's answer: check it, find or create the account, start the app's own session. */
export async function finishSsoSignIn(request: Request): Promise<Response> {
  const config = getSsoConfig();
  if (!config) return refuse("not_configured");
  const flow = await readFlow(request);
  const url = new URL(request.url);
  if (!flow) {
    auditFailure("flow_missing");
    return refuse("flow_missing");
  }
  const fail = async (reason: SsoRefusal, accountId?: number) => {
    auditFailure(reason, accountId);
    return refuse(reason, flow.redirectTo);
  };
  if (url.searchParams.get("state") !== flow.state) return fail("state_mismatch");
  const providerError = url.searchParams.get("error");
  if (providerError) return fail(providerError === "access_denied" ? "access_denied" : "provider_error");

  let provider: oidc.Configuration;
  let identity: SsoIdentity;
  let claims: Record<string, unknown>;
  try {
    provider = await providerConfiguration(config);
  } catch {
    return fail("provider_unavailable");
  }
  try {
    const current = new URL(callbackUrl(request));
    current.search = url.search;
    const tokens = await oidc.authorizationCodeGrant(
      provider,
      current,
      { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true },
      { redirect_uri: callbackUrl(request) },
    );
    ({ identity, claims } = await identityClaims(provider, tokens, config));
  } catch (error) {
    const reason = refusalForError(error);
    console.error(`Single sign-on: the provider's answer was refused (${reason}): ${(error as Error).message}`);
    return fail(reason);
  }

  const linked = findSsoLinkedAccount(identity.issuer, identity.subject) ?? null;
  const byEmail = !linked && identity.email ? (findAccountByEmail(identity.email) ?? null) : null;
  const plan = planSsoSignIn({ identity, linked, byEmail, settings: config.settings });
  if (!plan.ok) return fail(plan.reason, plan.accountId);

  const userId = applySsoSignIn(plan, { ...identity, name: nameFromClaims(claims, identity.email ?? "") });
  deleteExpiredSessions(new Date());
  recordAudit({
    actorId: userId,
    action: "auth.sign_in",
    subject: { type: "user", id: userId },
    detail: { method: "sso" },
  });
  adoptBrowserTimeZone(userId, flow.timeZone);
  const response = await startSession({
    userId,
    userAgent: request.headers.get("User-Agent"),
    redirectTo: safeRedirect(flow.redirectTo),
  });
  response.headers.append("Set-Cookie", await ssoFlowCookie().serialize("", { maxAge: 0 }));
  return response;
}
