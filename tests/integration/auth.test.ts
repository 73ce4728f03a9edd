import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as account from "~/routes/account";
import * as adminUser from "~/routes/admin.users.$userId";
import * as home from "~/routes/_index";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as newRole from "~/routes/roles.new";
import { getDb, schema } from "~/utils/db.server";
import { getCurrentSession } from "~/utils/session.server";
import { resetThrottle } from "~/utils/throttle.server";
import {
  context,
  cookieFor,
  cookieFromResponse,
  get,
  invoke,
  post,
  totalChanges,
  userIdByEmail,
} from "../support/http";

const PASSWORD = "interview-loop-2026";
const sessionsOf = (email: string) =>
  getDb()
    .select()
    .from(schema.sessions)
    .where(eq(schema.sessions.userId, userIdByEmail(email)))
    .all();

// Each test starts with a fresh one-minute throttle window.
beforeEach(() => resetThrottle());

describe("sign-in", () => {
  it("signs in with the right password and lands on the requested page with a session cookie", async () => {
    const out = await invoke(
      login.action,
      post("/login", { email: " Dana@Northwind.test ", password: PASSWORD, redirectTo: "/roles" }),
    );
    expect(out.status).toBe(302);
    expect(out.location).toBe("/roles");
    const setCookie = out.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // The cookie holds a signed session id only: no user data.
    expect(setCookie).not.toMatch(/dana|hiring_manager/i);
    expect(sessionsOf("dana@northwind.test")).toHaveLength(1);

    const page = await invoke(
      home.loader,
      get("/", cookieFromResponse(new Response(null, { headers: { "Set-Cookie": setCookie } }))),
    );
    expect(page.status).toBe(200);
    expect((page.data as { kind: string }).kind).toBe("hiring_manager");
  });

  it("refuses a wrong password or unknown email with one message, and creates no session", async () => {
    const before = sessionsOf("dana@northwind.test").length;
    const wrong = await invoke(
      login.action,
      post("/login", { email: "dana@northwind.test", password: "not-the-password-at-all" }),
    );
    const unknown = await invoke(login.action, post("/login", { email: "nobody@northwind.test", password: PASSWORD }));
    for (const out of [wrong, unknown]) {
      expect(out.status).toBe(400);
      expect((out.data as { formError: string }).formError).toBe(
        "That email and password do not match an active account.",
      );
    }
    // The email comes back to fill the form again; the password never leaves the request.
    expect((wrong.data as { values: Record<string, string> }).values).toEqual({ email: "dana@northwind.test" });
    expect(JSON.stringify(wrong.data)).not.toContain("not-the-password-at-all");
    expect(sessionsOf("dana@northwind.test")).toHaveLength(before);
  });

  it("shows field errors for an empty form", async () => {
    const out = await invoke(login.action, post("/login", { email: "", password: "" }));
    expect(out.status).toBe(400);
    const { fieldErrors } = out.data as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(fieldErrors).sort()).toEqual(["email", "password"]);
    expect(fieldErrors.email[0]).toBe("Email is required");
    expect(fieldErrors.password[0]).toBe("Enter your password");
  });

  it("never redirects off-site after sign-in", async () => {
    const out = await invoke(
      login.action,
      post("/login", { email: "sam@northwind.test", password: PASSWORD, redirectTo: "//evil.example/x" }),
    );
    expect(out.location).toBe("/");
  });
});

describe("throttling", () => {
  it("answers 429 with a clear message after 10 attempts a minute on one account, from any IP", async () => {
    for (let i = 0; i < 10; i++) {
      const out = await invoke(
        login.action,
        post("/login", { email: "riley@northwind.test", password: "wrong-password-xyz" }),
        {},
        context({ clientIp: `198.51.100.${i}` }),
      );
      expect(out.status).toBe(400);
    }
    const eleventh = await invoke(
      login.action,
      post("/login", { email: "riley@northwind.test", password: PASSWORD }),
      {},
      context({ clientIp: "198.51.100.99" }),
    );
    expect(eleventh.status).toBe(429);
    expect((eleventh.data as { formError: string }).formError).toMatch(/Too many sign-in attempts\. Wait \d+ seconds/);
    expect(Number(eleventh.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((eleventh.data as { values: Record<string, string> }).values).toEqual({ email: "riley@northwind.test" });
    expect(sessionsOf("riley@northwind.test")).toHaveLength(0);
  });

  it("limits one IP across many accounts", async () => {
    const ip = context({ clientIp: "192.0.2.50" });
    for (let i = 0; i < 10; i++) {
      await invoke(
        login.action,
        post("/login", { email: `guess${i}@northwind.test`, password: "whatever-password" }),
        {},
        ip,
      );
    }
    const out = await invoke(
      login.action,
      post("/login", { email: "jordan@northwind.test", password: PASSWORD }),
      {},
      ip,
    );
    expect(out.status).toBe(429);
  });
});

describe("session expiry", () => {
  it("ends a session after 30 idle minutes, and slides while the user is active", async () => {
    const t0 = Date.now();
    const cookie = await cookieFor("sam@northwind.test", t0);
    const ctx = context();
    expect(await getCurrentSession(get("/", cookie), ctx, t0 + 20 * 60_000)).not.toBeNull();
    const refreshed = ctx.cookies[0].split(";")[0];
    expect(ctx.cookies[0]).toMatch(/Max-Age=1800/);

    expect(await getCurrentSession(get("/", cookie), context(), t0 + 31 * 60_000)).toBeNull();
    expect(await getCurrentSession(get("/", refreshed), context(), t0 + 45 * 60_000)).not.toBeNull();
  });

  it("ends a session at its absolute lifetime even when active", async () => {
    const cookie = await cookieFor("sam@northwind.test");
    for (const session of sessionsOf("sam@northwind.test")) {
      expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 3_600_000);
    }
    expect((await invoke(home.loader, get("/", cookie))).status).toBe(200);
    getDb()
      .update(schema.sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.sessions.userId, userIdByEmail("sam@northwind.test")))
      .run();
    const out = await invoke(home.loader, get("/", cookie));
    expect(out.status).toBe(302);
    expect(out.location).toBe("/login?redirectTo=%2F");
  });

  it("rejects a tampered cookie", async () => {
    const cookie = await cookieFor("sam@northwind.test");
    const [name, value] = cookie.split("=");
    const tampered = `${name}=${value.slice(0, -3)}abc`;
    expect((await invoke(home.loader, get("/", tampered))).status).toBe(302);
  });
});

describe("revocation", () => {
  it("sign-out deletes the session so the old cookie stops working", async () => {
    const cookie = await cookieFor("jordan@northwind.test");
    const out = await invoke(logout.action, post("/logout", {}, { cookie }));
    expect(out.location).toBe("/login");
    expect(sessionsOf("jordan@northwind.test")).toHaveLength(0);
    expect((await invoke(home.loader, get("/", cookie))).location).toMatch(/^\/login/);
  });

  it("a password change ends every other session of the user but keeps this one", async () => {
    const here = await cookieFor("priya@northwind.test");
    const elsewhere = await cookieFor("priya@northwind.test");
    const out = await invoke(
      account.action,
      post(
        "/account",
        {
          currentPassword: PASSWORD,
          newPassword: "quartz-lantern-meadow-91",
          confirmPassword: "quartz-lantern-meadow-91",
        },
        { cookie: here },
      ),
    );
    expect(out.status).toBe(200);
    expect((await invoke(home.loader, get("/", here))).status).toBe(200);
    expect((await invoke(home.loader, get("/", elsewhere))).status).toBe(302);
    const relogin = await invoke(
      login.action,
      post("/login", { email: "priya@northwind.test", password: "quartz-lantern-meadow-91" }),
    );
    expect(relogin.status).toBe(302);
  });

  it("a weak or common new password is refused with nothing changed", async () => {
    const cookie = await cookieFor("tomas@northwind.test");
    const before = totalChanges();
    const out = await invoke(
      account.action,
      post(
        "/account",
        { currentPassword: PASSWORD, newPassword: "password1234", confirmPassword: "password1234" },
        { cookie },
      ),
    );
    expect(out.status).toBe(400);
    expect((out.data as { fieldErrors: Record<string, string[]> }).fieldErrors.newPassword[0]).toMatch(/too common/);
    const short = await invoke(
      account.action,
      post("/account", { currentPassword: PASSWORD, newPassword: "short", confirmPassword: "short" }, { cookie }),
    );
    expect((short.data as { fieldErrors: Record<string, string[]> }).fieldErrors.newPassword[0]).toBe(
      "Use at least 12 characters",
    );
    expect(totalChanges()).toBe(before);
  });

  it("deactivating a user ends their sessions and blocks sign-in", async () => {
    const victim = await cookieFor("riley@northwind.test");
    const admin = await cookieFor("morgan@northwind.test");
    const rileyId = userIdByEmail("riley@northwind.test");
    const version = getDb().select().from(schema.users).where(eq(schema.users.id, rileyId)).get()!.version;
    const out = await invoke(
      adminUser.action,
      post(
        `/admin/users/${rileyId}`,
        { intent: "update", name: "Riley Novak", kind: "interviewer", version: String(version) },
        { cookie: admin },
      ),
      { userId: String(rileyId) },
    );
    expect(out.status).toBe(302);
    expect(sessionsOf("riley@northwind.test")).toHaveLength(0);
    expect((await invoke(home.loader, get("/", victim))).status).toBe(302);
    const again = await invoke(login.action, post("/login", { email: "riley@northwind.test", password: PASSWORD }));
    expect(again.status).toBe(400);
  });
});

describe("cross-origin writes", () => {
  const role = {
    title: "Evil role",
    team: "X",
    location: "Remote",
    headcount: "1",
    status: "draft",
    currency: "USD",
  };

  it("refuses a POST from another origin with 403 and writes nothing", async () => {
    const cookie = await cookieFor("morgan@northwind.test");
    const hm = String(userIdByEmail("dana@northwind.test"));
    const before = totalChanges();
    const out = await invoke(
      newRole.action,
      post("/roles/new", { ...role, hiringManagerIds: hm }, { cookie, origin: "https://evil.example" }),
    );
    expect(out.status).toBe(403);
    expect(out.data).toBe("Cross-origin request refused.");
    const noOrigin = await invoke(
      newRole.action,
      post("/roles/new", { ...role, hiringManagerIds: hm }, { cookie, origin: null }),
    );
    expect(noOrigin.status).toBe(403);
    expect(totalChanges()).toBe(before);
    expect(getDb().select().from(schema.roles).where(eq(schema.roles.title, "Evil role")).all()).toHaveLength(0);
  });

  it("refuses a cross-origin sign-in attempt too", async () => {
    const before = sessionsOf("dana@northwind.test").length;
    const out = await invoke(
      login.action,
      post("/login", { email: "dana@northwind.test", password: PASSWORD }, { origin: "https://evil.example" }),
    );
    expect(out.status).toBe(403);
    expect(sessionsOf("dana@northwind.test")).toHaveLength(before);
  });

  it("accepts Sec-Fetch-Site: same-origin when a browser sends no Origin", async () => {
    const request = new Request("http://localhost:3000/login", {
      method: "POST",
      body: new URLSearchParams({ email: "dana@northwind.test", password: PASSWORD }),
      headers: { "Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect((await invoke(login.action, request)).status).toBe(302);
  });
});
