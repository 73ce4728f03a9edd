import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as userPage from "~/routes/admin.users.$userId";
import * as users from "~/routes/admin.users._index";
import * as login from "~/routes/login";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, invoke, post, totalChanges, userIdByEmail } from "../support/http";

type Failure = { fieldErrors: Record<string, string[]>; formError: string | null };
const userCount = () => getDb().select().from(schema.users).all().length;

describe("admin user management", () => {
  it("creates a user who can then sign in, with the email normalised", async () => {
    const admin = await cookieFor("morgan@northwind.test");
    const out = await invoke(
      users.action,
      post(
        "/admin/users",
        { name: "Noor Haddad", email: " Noor@Northwind.TEST ", kind: "interviewer", password: "amber-falcon-ridge-77" },
        { cookie: admin },
      ),
    );
    expect(out.status).toBe(302);
    const row = getDb().select().from(schema.users).where(eq(schema.users.email, "noor@northwind.test")).get()!;
    expect(row).toMatchObject({ name: "Noor Haddad", kind: "interviewer", active: true });
    expect(row.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(out.location).toBe(`/admin/users/${row.id}?saved=created`);
    const signIn = await invoke(
      login.action,
      post("/login", { email: "noor@northwind.test", password: "amber-falcon-ridge-77" }),
    );
    expect(signIn.status).toBe(302);
  });

  it("refuses bad input, duplicates and common passwords with field errors and no row", async () => {
    const admin = await cookieFor("morgan@northwind.test");
    const before = userCount();
    const changes = totalChanges();
    const bad = await invoke(
      users.action,
      post("/admin/users", { name: "", email: "not-an-email", kind: "owner", password: "short" }, { cookie: admin }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.data as Failure).fieldErrors).sort()).toEqual(["email", "kind", "name", "password"]);
    const dup = await invoke(
      users.action,
      post(
        "/admin/users",
        { name: "Dana Again", email: "dana@northwind.test", kind: "admin", password: "amber-falcon-ridge-77" },
        { cookie: admin },
      ),
    );
    expect((dup.data as Failure).fieldErrors.email).toEqual(["A user with this email already exists"]);
    const common = await invoke(
      users.action,
      post(
        "/admin/users",
        { name: "Lee", email: "lee@northwind.test", kind: "recruiter", password: "iloveyou1234" },
        { cookie: admin },
      ),
    );
    expect((common.data as Failure).fieldErrors.password[0]).toMatch(/too common/);
    // What was typed comes back to fill the form again, except the password.
    expect((common.data as { values: Record<string, string> }).values).toEqual({
      name: "Lee",
      email: "lee@northwind.test",
      kind: "recruiter",
    });
    expect(JSON.stringify(common.data)).not.toContain("iloveyou1234");
    expect(userCount()).toBe(before);
    expect(totalChanges()).toBe(changes);
  });

  it("does not let an admin remove their own admin access", async () => {
    const admin = await cookieFor("morgan@northwind.test");
    const id = userIdByEmail("morgan@northwind.test");
    const out = await invoke(
      userPage.action,
      post(
        `/admin/users/${id}`,
        { intent: "update", name: "Morgan Patel", kind: "recruiter", active: "on", version: "1" },
        { cookie: admin },
      ),
      { userId: String(id) },
    );
    expect(out.status).toBe(400);
    expect((out.data as { values: Record<string, string> }).values).toMatchObject({
      intent: "update",
      kind: "recruiter",
    });
    expect(getDb().select().from(schema.users).where(eq(schema.users.id, id)).get()!.kind).toBe("admin");
  });

  it("an admin can set a locked-out user's password, which ends their sessions", async () => {
    const admin = await cookieFor("morgan@northwind.test");
    await cookieFor("jordan@northwind.test");
    const id = userIdByEmail("jordan@northwind.test");
    const out = await invoke(
      userPage.action,
      post(`/admin/users/${id}`, { intent: "set-password", password: "copper-tundra-willow-5" }, { cookie: admin }),
      { userId: String(id) },
    );
    expect(out.status).toBe(302);
    expect(getDb().select().from(schema.sessions).where(eq(schema.sessions.userId, id)).all()).toHaveLength(0);
  });
});
