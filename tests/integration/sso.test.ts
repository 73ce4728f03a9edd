// Single sign-on against a real OpenID Connect provider (oidc-provider, started here on a local port): the app's
// own loaders with real Requests and cookies, openid-client talking HTTP to the provider, a real SQLite file.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ssoRefusalMessages } from "~/domain/sso";
import { listUsers, updateUser } from "~/models/user.server";
import * as home from "~/routes/_index";
import * as account from "~/routes/account";
import * as ssoCallback from "~/routes/auth.sso.callback";
import * as ssoStart from "~/routes/auth.sso";
import * as login from "~/routes/login";
import { getDb, schema } from "~/utils/db.server";
import { reloadEnv } from "~/utils/env.server";
import { getCurrentSession } from "~/utils/session.server";
import { ssoFlowCookie } from "~/utils/sso.server";
import { resetThrottle } from "~/utils/throttle.server";
import { ORIGIN, cookieFor, cookieFromResponse, get, invoke, latestAudit, post, userIdByEmail } from "../support/http";
import { CLIENT_ID, CLIENT_SECRET, freePort, signInAt, startProvider, type TestProvider } from "../support/oidc";

const PASSWORD = "interview-loop-2026";
const GROUP_KINDS = "talent-admins=admin,hr=recruiter,eng-leads=hiring_manager";
const oidcVariables = [
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_NAME",
  "OIDC_GROUP_KINDS",
  "OIDC_JIT",
  "OIDC_JIT_KIND",
  "OIDC_ONLY",
  "OIDC_BREAK_GLASS_EMAIL",
];

let provider: TestProvider;

/** Point the app at a provider, with extra settings; the environment is read again at once. */
function configure(issuer: string, extra: Record<string, string> = {}) {
  for (const key of oidcVariables) delete process.env[key];
  Object.assign(process.env, {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_NAME: "Northwind SSO",
    ...extra,
  });
  reloadEnv();
}

const user = (email: string) => getDb().select().from(schema.users).where(eq(schema.users.email, email)).get();
const sessionsOf = (email: string) =>
  getDb()
    .select()
    .from(schema.sessions)
    .where(eq(schema.sessions.userId, userIdByEmail(email)))
    .all();

/** Press "Sign in with …": the app's redirect to the provider and its flow cookie. */
async function begin(query = "") {
  const out = await invoke(ssoStart.loader, get(`/auth/sso${query}`));
  expect(out.status).toBe(302);
  return { authorizeUrl: out.location!, flowCookie: cookieFromResponse(new Response(null, { headers: out.headers })) };
}

/** The provider's redirect back, handled by the app's callback with the browser's flow cookie. */
async function callback(returnTo: URL, flowCookie: string) {
  return invoke(ssoCallback.loader, get(`${returnTo.pathname}${returnTo.search}`, flowCookie));
}

/** The whole round trip: begin, sign in at the provider as `login`, come back. */
async function signInThroughProvider(loginName: string, query = "") {
  const { authorizeUrl, flowCookie } = await begin(query);
  const returnTo = await signInAt(authorizeUrl, loginName);
  return callback(returnTo, flowCookie);
}

function refusedWith(out: { status: number; location: string | null }, reason: keyof typeof ssoRefusalMessages) {
  expect(out.status).toBe(302);
  expect(new URL(out.location!, ORIGIN).searchParams.get("sso_error")).toBe(reason);
  const entry = latestAudit()[0];
  expect(entry.action).toBe("auth.sign_in_failed");
  expect(entry.detail).toMatchObject({ method: "sso", reason });
}

beforeAll(async () => {
  provider = await startProvider({
    redirectUris: [`${ORIGIN}/auth/sso/callback`],
    accounts: {
      dana: { email: "dana@northwind.test", email_verified: true, name: "Dana Whitfield", groups: [] },
      sam: { email: "sam@northwind.test", email_verified: true, name: "Sam Chen", groups: ["eng-leads", "hr"] },
      priya: { email: "Priya@Northwind.test", email_verified: false, name: "Priya Raman" },
      riley: { email: "riley@northwind.test", email_verified: true },
      jordan: { email: "jordan@northwind.test", email_verified: true },
      morgan: { email: "morgan@northwind.test", email_verified: true, groups: ["eng-leads"] },
      newcomer: { email: "ada@northwind.test", email_verified: true, name: "Ada Lovelace", groups: [] },
      "new-hr": { email: "grace@northwind.test", email_verified: true, name: "Grace Hopper", groups: ["hr"] },
      outsider: { email: "outsider@northwind.test", email_verified: true, groups: ["marketing"] },
      "dana-twin": { email: "dana@northwind.test", email_verified: true },
    },
  });
});

afterAll(async () => {
  await provider?.close();
  for (const key of oidcVariables) delete process.env[key];
  reloadEnv();
});

beforeEach(() => {
  resetThrottle();
  configure(provider.issuer);
});
afterEach(() => {
  provider.idTokenTtl = 3600;
});

describe("sign-in through the provider", () => {
  it("signs a known user in by verified email, links the account, audits it, and lands where asked", async () => {
    const sessionsBefore = sessionsOf("dana@northwind.test").length;
    const { authorizeUrl, flowCookie } = await begin("?redirectTo=/roles");
    const target = new URL(authorizeUrl);
    // Authorization code flow with PKCE (S256), state and nonce; the flow cookie is signed, httpOnly, Lax.
    expect(target.origin).toBe(provider.issuer);
    expect(Object.fromEntries(target.searchParams)).toMatchObject({
      response_type: "code",
      client_id: CLIENT_ID,
      redirect_uri: `${ORIGIN}/auth/sso/callback`,
      code_challenge_method: "S256",
    });
    for (const p of ["state", "nonce", "code_challenge"]) expect(target.searchParams.get(p)).toMatch(/^[\w-]{20,}$/);
    const out = await callback(await signInAt(authorizeUrl, "dana"), flowCookie);

    expect(out.status).toBe(302);
    expect(out.location).toBe("/roles");
    const cookies = out.headers.getSetCookie();
    expect(cookies.some((c) => /^hiring_session=/.test(c) && /HttpOnly/i.test(c))).toBe(true);
    // The flow cookie is cleared on the way back.
    expect(cookies.some((c) => /^hiring_sso_flow=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
    expect(sessionsOf("dana@northwind.test")).toHaveLength(sessionsBefore + 1);

    const session = cookies.find((c) => c.startsWith("hiring_session="))!.split(";")[0];
    const page = await invoke(home.loader, get("/", session));
    expect((page.data as { kind: string }).kind).toBe("hiring_manager");

    expect(user("dana@northwind.test")).toMatchObject({ ssoIssuer: provider.issuer, ssoSubject: "dana" });
    // The admin pages say the account is linked.
    const listed = listUsers().find((u) => u.email === "dana@northwind.test")!;
    expect(listed.ssoLinked).toBe(true);
    expect(listUsers().find((u) => u.email === "priya@northwind.test")!.ssoLinked).toBe(false);
    const [entry] = latestAudit();
    expect(entry).toMatchObject({
      action: "auth.sign_in",
      actorId: userIdByEmail("dana@northwind.test"),
      detail: { method: "sso" },
    });
    // No email, token or name in the log.
    expect(JSON.stringify(latestAudit(3))).not.toMatch(/northwind|Dana|eyJ/);
  });

  it("shows the button on the login page, keeps landing pages on this site, and sends a signed-in user home", async () => {
    const page = await invoke(login.loader, get("/login"));
    expect(page.data).toEqual({ sso: { name: "Northwind SSO", only: false }, ssoError: null });
    // An unknown sso_error is not echoed.
    expect((await invoke(login.loader, get("/login?sso_error=<b>hi</b>"))).data).toMatchObject({ ssoError: null });

    const { authorizeUrl, flowCookie } = await begin("?redirectTo=//evil.example/steal");
    const out = await callback(await signInAt(authorizeUrl, "dana"), flowCookie);
    expect(out.location).toBe("/");

    const session = out.headers
      .getSetCookie()
      .find((c) => c.startsWith("hiring_session="))!
      .split(";")[0];
    const again = await invoke(ssoStart.loader, get("/auth/sso", session));
    expect(again).toMatchObject({ status: 302, location: "/" });
  });

  it("finds a linked account by issuer and subject next time, whatever the email at the provider became", async () => {
    await signInThroughProvider("dana");
    provider.accounts.set("dana", { email: "dana.whitfield@elsewhere.test", email_verified: false });
    try {
      const out = await signInThroughProvider("dana");
      expect(out.status).toBe(302);
      expect(out.location).toBe("/");
      expect(latestAudit()[0]).toMatchObject({ action: "auth.sign_in", actorId: userIdByEmail("dana@northwind.test") });
    } finally {
      provider.accounts.set("dana", { email: "dana@northwind.test", email_verified: true, groups: [] });
    }
  });

  it("refuses a second identity with a linked account's email (it does not take the account over)", async () => {
    await signInThroughProvider("dana");
    const out = await signInThroughProvider("dana-twin");
    refusedWith(out, "linked_elsewhere");
  });
});

describe("what the callback refuses", () => {
  it("refuses a tampered state, and creates no session", async () => {
    const before = sessionsOf("jordan@northwind.test").length;
    const { authorizeUrl, flowCookie } = await begin();
    const returnTo = await signInAt(authorizeUrl, "jordan");
    returnTo.searchParams.set("state", "attacker-chosen-state-value");
    const out = await callback(returnTo, flowCookie);
    refusedWith(out, "state_mismatch");
    expect(out.headers.getSetCookie().some((c) => c.startsWith("hiring_session="))).toBe(false);
    expect(sessionsOf("jordan@northwind.test")).toHaveLength(before);
  });

  it("refuses an ID token whose nonce is not the one this browser's flow sent", async () => {
    const { authorizeUrl, flowCookie } = await begin();
    const returnTo = await signInAt(authorizeUrl, "jordan");
    // Another flow's cookie, validly signed, with the same state but another nonce.
    const flow = await ssoFlowCookie().parse(flowCookie);
    const altered = cookieFromResponse(
      new Response(null, {
        headers: { "Set-Cookie": await ssoFlowCookie().serialize({ ...flow, nonce: "another-nonce" }) },
      }),
    );
    refusedWith(await callback(returnTo, altered), "nonce_mismatch");
  });

  it("refuses a code redeemed without the PKCE verifier that goes with it (the provider refuses it)", async () => {
    const { authorizeUrl, flowCookie } = await begin();
    const returnTo = await signInAt(authorizeUrl, "jordan");
    const flow = await ssoFlowCookie().parse(flowCookie);
    const altered = cookieFromResponse(
      new Response(null, {
        headers: { "Set-Cookie": await ssoFlowCookie().serialize({ ...flow, verifier: "x".repeat(43) }) },
      }),
    );
    refusedWith(await callback(returnTo, altered), "provider_error");
  });

  it("refuses an expired ID token", async () => {
    provider.idTokenTtl = -120;
    refusedWith(await signInThroughProvider("jordan"), "token_expired");
  });

  it("refuses a callback without this browser's flow cookie, and one with a forged cookie", async () => {
    const { authorizeUrl } = await begin();
    const returnTo = await signInAt(authorizeUrl, "jordan");
    refusedWith(await callback(returnTo, ""), "flow_missing");
    refusedWith(await callback(returnTo, "hiring_sso_flow=eyJzdGF0ZSI6IngifQ%3D%3D.forged"), "flow_missing");
  });

  it("brings the provider's refusal (Cancel at the provider) back to the login page in words", async () => {
    const { authorizeUrl, flowCookie } = await begin();
    const returnTo = await signInAt(authorizeUrl, { cancel: true });
    expect(returnTo.searchParams.get("error")).toBe("access_denied");
    const out = await callback(returnTo, flowCookie);
    refusedWith(out, "access_denied");
    const page = await invoke(login.loader, get(out.location!));
    expect((page.data as { ssoError: string }).ssoError).toBe(ssoRefusalMessages.access_denied);
  });

  it("refuses an email the provider has not verified", async () => {
    refusedWith(await signInThroughProvider("priya"), "unverified_email");
    expect(user("priya@northwind.test")!.ssoSubject).toBeNull();
  });

  it("refuses a deactivated user, naming the account in the log", async () => {
    const id = userIdByEmail("riley@northwind.test");
    const riley = user("riley@northwind.test")!;
    expect(
      updateUser({ id, version: riley.version, name: riley.name, kind: riley.kind, active: false, actorId: null }).ok,
    ).toBe(true);
    const out = await signInThroughProvider("riley");
    refusedWith(out, "deactivated");
    expect(latestAudit()[0]).toMatchObject({ subjectType: "user", subjectId: id });
    expect(sessionsOf("riley@northwind.test")).toHaveLength(0);
  });

  it("deactivating a user ends the sessions they started through the provider", async () => {
    const out = await signInThroughProvider("jordan");
    const session = out.headers
      .getSetCookie()
      .find((c) => c.startsWith("hiring_session="))!
      .split(";")[0];
    expect(await getCurrentSession(get("/", session))).not.toBeNull();
    const jordan = user("jordan@northwind.test")!;
    updateUser({
      id: jordan.id,
      version: jordan.version,
      name: jordan.name,
      kind: jordan.kind,
      active: false,
      actorId: null,
    });
    expect(await getCurrentSession(get("/", session))).toBeNull();
    expect(sessionsOf("jordan@northwind.test")).toHaveLength(0);
    updateUser({
      id: jordan.id,
      version: jordan.version + 1,
      name: jordan.name,
      kind: jordan.kind,
      active: true,
      actorId: null,
    });
  });
});

describe("unknown people and groups", () => {
  it("refuses an unknown user while just-in-time creation is off (the default)", async () => {
    refusedWith(await signInThroughProvider("newcomer"), "unknown_user");
    expect(user("ada@northwind.test")).toBeUndefined();
  });

  it("creates an unknown user when just-in-time creation is on, with no usable password", async () => {
    configure(provider.issuer, { OIDC_JIT: "true", OIDC_JIT_KIND: "interviewer" });
    const out = await signInThroughProvider("newcomer", "?timeZone=Europe/Berlin");
    expect(out.status).toBe(302);
    const created = user("ada@northwind.test")!;
    expect(created).toMatchObject({ name: "Ada Lovelace", kind: "interviewer", ssoSubject: "newcomer", active: true });
    // The browser's zone, sent with the button, is adopted at the first sign-in as the password form does.
    expect(created.timeZone).toBe("Europe/Berlin");
    const [create, signIn] = latestAudit(2);
    expect(create).toMatchObject({
      action: "user.create",
      actorId: null,
      detail: { kind: "interviewer", trigger: "sso" },
    });
    expect(signIn).toMatchObject({ action: "auth.sign_in", actorId: created.id });
    // Its account page offers no password change; an account with a password keeps it.
    const newSession = out.headers
      .getSetCookie()
      .find((c) => c.startsWith("hiring_session="))!
      .split(";")[0];
    const accountPage = await invoke(account.loader, get("/account", newSession));
    expect((accountPage.data as { ssoOnlyAccount: string | null }).ssoOnlyAccount).toBe("Northwind SSO");
    const danaPage = await invoke(account.loader, get("/account", await cookieFor("dana@northwind.test")));
    expect((danaPage.data as { ssoOnlyAccount: string | null }).ssoOnlyAccount).toBeNull();
    // No password signs this account in.
    for (const password of [PASSWORD, created.passwordHash]) {
      const attempt = await invoke(login.action, post("/login", { email: "ada@northwind.test", password }));
      expect(attempt.status).toBe(400);
    }
  });

  it("with just-in-time creation but no kind for people without a mapped group, refuses them", async () => {
    configure(provider.issuer, { OIDC_JIT: "true", OIDC_GROUP_KINDS: GROUP_KINDS });
    refusedWith(await signInThroughProvider("outsider"), "no_matching_group");
    expect(user("outsider@northwind.test")).toBeUndefined();
    const out = await signInThroughProvider("new-hr");
    expect(out.status).toBe(302);
    expect(user("grace@northwind.test")!.kind).toBe("recruiter");
  });

  it("maps groups to the most privileged kind at each sign-in, audited as a kind change", async () => {
    configure(provider.issuer, { OIDC_GROUP_KINDS: GROUP_KINDS });
    const sam = user("sam@northwind.test")!;
    expect(sam.kind).toBe("interviewer");
    const out = await signInThroughProvider("sam");
    expect(out.status).toBe(302);
    const after = user("sam@northwind.test")!;
    // eng-leads gives hiring manager, hr gives recruiter: the more privileged wins.
    expect(after.kind).toBe("recruiter");
    expect(after.version).toBe(sam.version + 1);
    const [change, signIn] = latestAudit(2);
    expect(change).toMatchObject({
      action: "user.kind_change",
      actorId: null,
      subjectId: sam.id,
      fields: ["kind"],
      detail: { from: "interviewer", to: "recruiter", trigger: "sso" },
    });
    expect(signIn.action).toBe("auth.sign_in");

    // Out of every mapped group: the kind stays as it is.
    provider.accounts.set("sam", { email: "sam@northwind.test", email_verified: true, groups: ["unmapped"] });
    await signInThroughProvider("sam");
    expect(user("sam@northwind.test")!.kind).toBe("recruiter");
  });

  it("never changes the break-glass admin's kind through groups", async () => {
    configure(provider.issuer, { OIDC_GROUP_KINDS: GROUP_KINDS, OIDC_BREAK_GLASS_EMAIL: "morgan@northwind.test" });
    const out = await signInThroughProvider("morgan");
    expect(out.status).toBe(302);
    expect(user("morgan@northwind.test")!.kind).toBe("admin");
  });
});

describe("single sign-on only", () => {
  beforeEach(() => configure(provider.issuer, { OIDC_ONLY: "true", OIDC_BREAK_GLASS_EMAIL: "Morgan@Northwind.test" }));

  it("refuses passwords on the server for everyone but the break-glass admin", async () => {
    const refused = await invoke(login.action, post("/login", { email: "priya@northwind.test", password: PASSWORD }));
    expect(refused.status).toBe(400);
    expect((refused.data as { formError: string }).formError).toMatch(/Passwords are turned off.*Northwind SSO/);
    expect(latestAudit()[0]).toMatchObject({ action: "auth.sign_in_failed", detail: { reason: "sso_only" } });

    const breakGlass = await invoke(
      login.action,
      post("/login", { email: "morgan@northwind.test", password: PASSWORD }),
    );
    expect(breakGlass.status).toBe(302);
  });

  it("keeps the break-glass password only while that account is an admin", async () => {
    configure(provider.issuer, { OIDC_ONLY: "true", OIDC_BREAK_GLASS_EMAIL: "priya@northwind.test" });
    const refused = await invoke(login.action, post("/login", { email: "priya@northwind.test", password: PASSWORD }));
    expect(refused.status).toBe(400);
    expect(refused.headers.get("Set-Cookie")).toBeNull();
    expect(latestAudit()[0]).toMatchObject({ action: "auth.sign_in_failed", detail: { reason: "sso_only" } });
  });

  it("tells the login page to show only the provider's button", async () => {
    const page = await invoke(login.loader, get("/login"));
    expect(page.data).toEqual({ sso: { name: "Northwind SSO", only: true }, ssoError: null });
  });

  it("refuses to start without a break-glass admin", async () => {
    configure(provider.issuer, { OIDC_ONLY: "true" });
    await expect(invoke(login.loader, get("/login"))).rejects.toThrow(/OIDC_BREAK_GLASS_EMAIL/);
  });
});

describe("a provider that is down", () => {
  it("gives a clear message at the first use, keeps passwords working, and works once the provider is back", async () => {
    const port = await freePort();
    configure(`http://localhost:${port}`);
    const down = await invoke(ssoStart.loader, get("/auth/sso"));
    refusedWith(down, "provider_unavailable");
    const page = await invoke(login.loader, get(down.location!));
    expect((page.data as { ssoError: string }).ssoError).toBe(ssoRefusalMessages.provider_unavailable);
    const password = await invoke(login.action, post("/login", { email: "dana@northwind.test", password: PASSWORD }));
    expect(password.status).toBe(302);

    const late = await startProvider({
      port,
      redirectUris: [`${ORIGIN}/auth/sso/callback`],
      accounts: { tomas: { email: "tomas@northwind.test", email_verified: true } },
    });
    try {
      const out = await signInThroughProvider("tomas");
      expect(out.status).toBe(302);
      expect(latestAudit()[0]).toMatchObject({
        action: "auth.sign_in",
        actorId: userIdByEmail("tomas@northwind.test"),
      });
    } finally {
      await late.close();
    }
  });
});
