import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";
import {
  claimGroups,
  isEmailVerified,
  kindForGroups,
  nameFromClaims,
  parseGroupKinds,
  planSsoSignIn,
  type SsoAccount,
  type SsoIdentity,
  type SsoSettings,
} from "./sso";

const rules = [
  { group: "talent-admins", kind: "admin" },
  { group: "hr", kind: "recruiter" },
  { group: "eng-leads", kind: "hiring_manager" },
] as const;

describe("the group-to-kind map", () => {
  it("reads group=kind pairs, ignoring spaces and empty parts", () => {
    expect(parseGroupKinds(" talent-admins = admin, hr=recruiter,,eng-leads=hiring_manager ")).toEqual({
      ok: true,
      rules,
    });
    expect(parseGroupKinds("")).toEqual({ ok: true, rules: [] });
    // A group name may hold "=" (the kind is after the last one), not a comma.
    expect(parseGroupKinds("ou=groups=recruiter")).toEqual({
      ok: true,
      rules: [{ group: "ou=groups", kind: "recruiter" }],
    });
  });

  it("refuses unknown kinds, missing groups and a group named twice", () => {
    expect(parseGroupKinds("hr=boss")).toMatchObject({ ok: false, problem: expect.stringContaining('"boss"') });
    expect(parseGroupKinds("=admin")).toMatchObject({ ok: false });
    expect(parseGroupKinds("hr=recruiter,hr=admin")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("twice"),
    });
  });

  it("gives the most privileged kind among the matching groups, or none", () => {
    expect(kindForGroups(["eng-leads", "hr"], rules)).toBe("recruiter");
    expect(kindForGroups(["eng-leads", "talent-admins"], rules)).toBe("admin");
    expect(kindForGroups(["eng-leads"], rules)).toBe("hiring_manager");
    expect(kindForGroups(["HR", "marketing"], rules)).toBeNull();
    expect(kindForGroups([], [])).toBeNull();
  });

  it("reads a groups claim as an array of names or one name", () => {
    expect(claimGroups(["a", 3, "b"])).toEqual(["a", "b"]);
    expect(claimGroups("a")).toEqual(["a"]);
    expect(claimGroups(undefined)).toEqual([]);
    expect(claimGroups({ a: 1 })).toEqual([]);
  });

  it("counts an email as verified only when the provider says true", () => {
    expect(isEmailVerified(true)).toBe(true);
    expect(isEmailVerified("true")).toBe(true);
    for (const v of [false, "false", undefined, 1, "yes"]) expect(isEmailVerified(v)).toBe(false);
  });

  it("names a new account from the provider's name, given and family names, or the email", () => {
    expect(nameFromClaims({ name: " Ada Lovelace " }, "ada@x.test")).toBe("Ada Lovelace");
    expect(nameFromClaims({ given_name: "Ada", family_name: "Lovelace" }, "ada@x.test")).toBe("Ada Lovelace");
    expect(nameFromClaims({}, "ada@x.test")).toBe("ada");
  });
});

describe("what a sign-in does", () => {
  const settings: SsoSettings = { groupKinds: rules, jit: false, jitKind: null, breakGlassEmail: "root@x.test" };
  const identity: SsoIdentity = {
    issuer: "https://idp",
    subject: "s1",
    email: "a@x.test",
    emailVerified: true,
    groups: [],
  };
  const account: SsoAccount & { email: string } = {
    id: 7,
    email: "a@x.test",
    kind: "interviewer",
    active: true,
    ssoIssuer: null,
    ssoSubject: null,
  };
  const linkedAccount = { ...account, ssoIssuer: "https://idp", ssoSubject: "s1" };

  it("links an account found by verified email, and signs a linked one in whatever its email", () => {
    expect(planSsoSignIn({ identity, linked: null, byEmail: account, settings })).toEqual({
      ok: true,
      action: "sign_in",
      accountId: 7,
      link: true,
      kindChange: null,
    });
    const moved = { ...identity, email: "new@y.test", emailVerified: false };
    expect(planSsoSignIn({ identity: moved, linked: linkedAccount, byEmail: null, settings })).toMatchObject({
      ok: true,
      link: false,
    });
  });

  it("refuses an unverified or missing email, an unknown person, an account linked elsewhere, a deactivated one", () => {
    const plan = (over: Partial<SsoIdentity>, byEmail: typeof account | null = account) =>
      planSsoSignIn({ identity: { ...identity, ...over }, linked: null, byEmail, settings });
    expect(plan({ emailVerified: false })).toEqual({ ok: false, reason: "unverified_email" });
    expect(plan({ email: null })).toEqual({ ok: false, reason: "no_email" });
    expect(plan({}, null)).toEqual({ ok: false, reason: "unknown_user" });
    expect(plan({}, { ...account, ssoIssuer: "https://idp", ssoSubject: "other" })).toEqual({
      ok: false,
      reason: "linked_elsewhere",
      accountId: 7,
    });
    expect(plan({}, { ...account, active: false })).toEqual({ ok: false, reason: "deactivated", accountId: 7 });
    expect(
      planSsoSignIn({ identity, linked: { ...linkedAccount, active: false }, byEmail: null, settings }),
    ).toMatchObject({ ok: false, reason: "deactivated" });
  });

  it("creates an unknown person only with just-in-time creation, with their groups' kind or the configured one", () => {
    const jit = { ...settings, jit: true };
    expect(planSsoSignIn({ identity, linked: null, byEmail: null, settings: jit })).toEqual({
      ok: false,
      reason: "no_matching_group",
    });
    expect(
      planSsoSignIn({ identity, linked: null, byEmail: null, settings: { ...jit, jitKind: "interviewer" } }),
    ).toEqual({ ok: true, action: "create", kind: "interviewer" });
    expect(
      planSsoSignIn({ identity: { ...identity, groups: ["hr"] }, linked: null, byEmail: null, settings: jit }),
    ).toEqual({ ok: true, action: "create", kind: "recruiter" });
  });

  it("follows the groups' kind when one matches, keeps it when none does, and never moves the break-glass admin", () => {
    const withGroups = (groups: string[], acc = linkedAccount) =>
      planSsoSignIn({ identity: { ...identity, groups }, linked: acc, byEmail: null, settings });
    expect(withGroups(["eng-leads"])).toMatchObject({ kindChange: { from: "interviewer", to: "hiring_manager" } });
    expect(withGroups(["marketing"])).toMatchObject({ kindChange: null });
    expect(withGroups(["hr"], { ...linkedAccount, kind: "admin" })).toMatchObject({
      kindChange: { from: "admin", to: "recruiter" },
    });
    expect(withGroups(["hr"], { ...linkedAccount, kind: "admin", email: "root@x.test" })).toMatchObject({
      kindChange: null,
    });
  });
});

describe("single sign-on configuration", () => {
  const base = { NODE_ENV: "test" as const };
  const sso = { OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_ID: "app", OIDC_CLIENT_SECRET: "secret" };

  it("is off by default, with its defaults", () => {
    const env = parseEnv(base);
    expect(env.OIDC_ISSUER).toBeUndefined();
    expect(env).toMatchObject({ OIDC_JIT: false, OIDC_ONLY: false, OIDC_GROUPS_CLAIM: "groups", OIDC_GROUP_KINDS: [] });
  });

  it("reads the group map and the break-glass email", () => {
    const env = parseEnv({
      ...base,
      ...sso,
      OIDC_GROUP_KINDS: "hr=recruiter",
      OIDC_ONLY: "true",
      OIDC_BREAK_GLASS_EMAIL: " Root@Example.com",
    });
    expect(env.OIDC_GROUP_KINDS).toEqual([{ group: "hr", kind: "recruiter" }]);
    expect(env.OIDC_BREAK_GLASS_EMAIL).toBe("root@example.com");
  });

  it("fails fast, naming each variable that is wrong", () => {
    expect(() => parseEnv({ ...base, OIDC_ISSUER: "https://login.example.com" })).toThrow(
      /OIDC_CLIENT_ID: must be set with the other OIDC_ variables[\s\S]*OIDC_CLIENT_SECRET/,
    );
    expect(() => parseEnv({ ...base, ...sso, OIDC_ISSUER: "http://login.example.com" })).toThrow(
      /OIDC_ISSUER: must be an https/,
    );
    expect(parseEnv({ ...base, ...sso, OIDC_ISSUER: "http://localhost:9000" }).OIDC_ISSUER).toBe(
      "http://localhost:9000",
    );
    expect(() => parseEnv({ ...base, ...sso, OIDC_GROUP_KINDS: "hr=boss" })).toThrow(/OIDC_GROUP_KINDS: "boss"/);
    expect(() => parseEnv({ ...base, ...sso, OIDC_JIT_KIND: "admin" })).toThrow(/OIDC_JIT_KIND: cannot be admin/);
    expect(() => parseEnv({ ...base, ...sso, OIDC_ONLY: "true" })).toThrow(/OIDC_BREAK_GLASS_EMAIL/);
    expect(() => parseEnv({ ...base, OIDC_ONLY: "true", OIDC_BREAK_GLASS_EMAIL: "a@b.test" })).toThrow(
      /OIDC_ONLY: needs OIDC_ISSUER/,
    );
    expect(() => parseEnv({ ...base, ...sso, OIDC_SCOPES: "email profile" })).toThrow(
      /OIDC_SCOPES: must include openid/,
    );
  });
});
