import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { USERS_PER_PAGE } from "~/domain/user-list";
import { userKinds } from "~/domain/reference";
import * as home from "~/routes/_index";
import * as userPage from "~/routes/admin.users.$userId";
import * as users from "~/routes/admin.users._index";
import * as login from "~/routes/login";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, post, totalChanges, userIdByEmail } from "../support/http";

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

describe("the admin's list of users, paged, searched and filtered in the database", () => {
  type ListData = {
    filter: { query: string; kind: string; status: string };
    rows: { id: number; name: string; email: string; kind: string; active: boolean }[];
    total: number;
    page: number;
    pageCount: number;
    firstShown: number;
    byKind: Record<string, { active: number; deactivated: number }>;
  };
  const list = async (query: string) =>
    (await invoke(users.loader, get(`/admin/users${query}`, await cookieFor("morgan@northwind.test"))))
      .data as ListData;
  /** Every page of a filtered list, followed by the pager from page 1 until the last. */
  const everyPage = async (params: Record<string, string>) => {
    const first = await list(`?${new URLSearchParams(params)}`);
    const rows = [...first.rows];
    for (let p = 2; p <= first.pageCount; p++) {
      const next = await list(`?${new URLSearchParams({ ...params, page: String(p) })}`);
      expect(next.page).toBe(p);
      expect(next.firstShown).toBe(rows.length + 1);
      rows.push(...next.rows);
    }
    return { first, rows };
  };
  /** The same list worked out plainly from every user row: filtered, then by name (SQLite's byte order) and id. */
  const recompute = (keep: (u: typeof schema.users.$inferSelect) => boolean) =>
    getDb()
      .select()
      .from(schema.users)
      .all()
      .filter(keep)
      .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)) || a.id - b.id)
      .map((u) => u.id);

  beforeAll(() => {
    // 70 more users than the demo's: two pages of interviewers and hiring managers, some deactivated.
    getDb()
      .insert(schema.users)
      .values(
        Array.from({ length: 70 }, (_, i) => ({
          name: `Paging Person ${String(i).padStart(2, "0")}`,
          email: `paging-${String(i).padStart(2, "0")}@northwind.test`,
          kind: i % 5 === 0 ? ("hiring_manager" as const) : ("interviewer" as const),
          active: i % 7 !== 0,
          passwordHash: "scrypt$131072$8$1$x$y",
        })),
      )
      .run();
    // Characters LIKE would read as wildcards, taken literally.
    getDb()
      .insert(schema.users)
      .values({
        name: "Percent 100% Under_Score",
        email: "odd_one@northwind.test",
        kind: "recruiter",
        passwordHash: "x",
      })
      .run();
  });

  it("shows 50 users a page by name, every user once across the pages, with the total counted", async () => {
    const { first, rows } = await everyPage({});
    expect(first.total).toBe(userCount());
    expect(first.total).toBeGreaterThan(USERS_PER_PAGE);
    expect(first.rows).toHaveLength(USERS_PER_PAGE);
    expect(first.pageCount).toBe(Math.ceil(first.total / USERS_PER_PAGE));
    expect(rows.map((r) => r.id)).toEqual(recompute(() => true));
    const counted = Object.values(first.byKind).reduce((n, k) => n + k.active + k.deactivated, 0);
    expect(counted).toBe(userCount());
  });

  it("a user on page 2 is found by searching their name or email, case-insensitively", async () => {
    const second = await list("?page=2");
    const target = second.rows.find((r) => r.email.startsWith("paging-"))!;
    expect(target).toBeDefined();
    expect((await list("")).rows.map((r) => r.id)).not.toContain(target.id);
    const byEmail = await list(`?q=${encodeURIComponent(target.email.toUpperCase())}`);
    expect(byEmail.rows.map((r) => r.id)).toEqual([target.id]);
    expect(byEmail).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    const byName = await list(`?q=${encodeURIComponent(`person ${target.name.slice(-2)}`)}`);
    expect(byName.rows.map((r) => r.id)).toEqual([target.id]);
  });

  it("filters by kind, status and search together, counts right, and keeps the filters across pages", async () => {
    const cases: Record<string, string>[] = [
      { kind: "interviewer" },
      { kind: "interviewer", status: "active" },
      { status: "deactivated" },
      { q: "paging northwind", kind: "hiring_manager" },
      { q: "100%" },
      { q: "under_s" },
      { q: "_" },
    ];
    for (const params of cases) {
      const { first, rows } = await everyPage(params);
      const words = (params.q ?? "").toLowerCase().split(" ").filter(Boolean);
      const expected = recompute(
        (u) =>
          (!params.kind || u.kind === params.kind) &&
          (!params.status || u.active === (params.status === "active")) &&
          words.every((w) => u.name.toLowerCase().includes(w) || u.email.includes(w)),
      );
      expect(first.total, JSON.stringify(params)).toBe(expected.length);
      expect(
        rows.map((r) => r.id),
        JSON.stringify(params),
      ).toEqual(expected);
      expect(first.filter).toMatchObject({ query: params.q ?? "", kind: params.kind ?? "all" });
    }
    const interviewers = await list("?kind=interviewer");
    expect(interviewers.total).toBe(
      interviewers.byKind.interviewer.active + interviewers.byKind.interviewer.deactivated,
    );
    expect((await list("?q=100%25")).rows.map((r) => r.name)).toEqual(["Percent 100% Under_Score"]);
  });

  it("the admin's home counts active users by kind, deactivated ones left out", async () => {
    const out = await invoke(home.loader, get("/", await cookieFor("morgan@northwind.test")));
    const people = (out.data as { people: { kind: string; count: number }[] }).people;
    const rows = getDb().select().from(schema.users).all();
    expect(people).toEqual(
      userKinds.map((kind) => ({ kind, count: rows.filter((u) => u.kind === kind && u.active).length })),
    );
    expect(rows.some((u) => !u.active)).toBe(true);
  });

  it("a page past the end shows the last; an unknown kind or status shows everyone", async () => {
    const last = await list("?page=999");
    expect(last.page).toBe(last.pageCount);
    expect(last.firstShown + last.rows.length - 1).toBe(last.total);
    const odd = await list("?kind=owner&status=gone&page=-3");
    expect(odd).toMatchObject({ filter: { kind: "all", status: "all" }, page: 1, total: userCount() });
    expect((await list("?q=nobody-by-this-name")).rows).toEqual([]);
  });
});
