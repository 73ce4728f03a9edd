import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as editRole from "~/routes/roles.$roleId.edit";
import * as rolePage from "~/routes/roles.$roleId._index";
import * as rolesList from "~/routes/roles._index";
import * as rollupRoute from "~/routes/roles.$roleId.rollup";
import * as newRole from "~/routes/roles.new";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, post, roleIdByTitle, totalChanges, userIdByEmail, latestAudit } from "../support/http";

type Failure = { fieldErrors: Record<string, string[]>; formError: string | null };

function validRole(overrides: Record<string, string | string[]> = {}) {
  return {
    title: "LLM Evals Engineer",
    team: "AI Platform",
    location: "Remote (EU)",
    headcount: "2",
    status: "open",
    targetStart: "2027-02-01",
    engagementModels: ["contractor", "agency"],
    budgetKind: "hourly",
    budgetMin: "110",
    budgetMax: "180",
    currency: "EUR",
    hiringManagerIds: [String(userIdByEmail("dana@northwind.test"))],
    interviewerIds: [String(userIdByEmail("sam@northwind.test"))],
    briefSystemDoes: "grades support answers against a rubric",
    briefUsingData: "labelled ticket",
    briefInsideWorkflow: "release review",
    briefThreshold: "95% agreement with human graders",
    briefOwnedBy: "AI Platform",
    briefWorkflow: "An eval gate in CI",
    briefSourceSystems: "Ticket warehouse, owned by Support Ops",
    briefApprovalPath: "Platform lead approves",
    briefSuccessMetric: "95% agreement on 500 graded answers",
    briefSecurity: "No PII leaves the VPC",
    briefLaunchDate: "2027-01-10",
    briefPostLaunchOwner: "AI Platform",
    qCustomModels: "no",
    qHostedApis: "yes",
    qDataBlocker: "no",
    qLongTermOwnership: "no",
    qBoundedFeature: "yes",
    qInfraAdvantage: "",
    ...overrides,
  };
}

const roleCount = () => getDb().select().from(schema.roles).all().length;

// Runs first: later tests change teams and titles of the demo roles.
describe("role lists are scoped", () => {
  it("shows interviewers only the roles they are on, and recruiters every role", async () => {
    const sam = await invoke(rolesList.loader, get("/roles?status=all", await cookieFor("sam@northwind.test")));
    const titles = (sam.data as { roles: { title: string }[] }).roles.map((r) => r.title).sort();
    expect(titles).toEqual(
      [
        "AI Developer, Internal Knowledge Search",
        "RAG Contractor, Contract Review Pilot",
        "Senior AI Engineer, Support Copilot",
      ].sort(),
    );

    const priya = await invoke(rolesList.loader, get("/roles?status=all", await cookieFor("priya@northwind.test")));
    expect((priya.data as { roles: unknown[] }).roles).toHaveLength(7);
    const mine = await invoke(
      rolesList.loader,
      get("/roles?status=all&mine=1", await cookieFor("priya@northwind.test")),
    );
    expect((mine.data as { roles: unknown[] }).roles).toHaveLength(0);
    const open = await invoke(rolesList.loader, get("/roles?status=open", await cookieFor("priya@northwind.test")));
    expect((open.data as { roles: { status: string }[] }).roles.every((r) => r.status === "open")).toBe(true);
  });
});

describe("the roles list at scale", () => {
  type List = {
    roles: { id: number; title: string; status: string }[];
    total: number;
    page: number;
    pageCount: number;
  };
  const list = async (email: string, query: string) =>
    (await invoke(rolesList.loader, get(`/roles${query}`, await cookieFor(email)))).data as List;

  it("finds roles by words in the title or team, any order, with % and _ taken literally", async () => {
    const found = await list("priya@northwind.test", "?status=all&q=copilot%20senior");
    expect(found.roles.map((r) => r.title)).toEqual(["Senior AI Engineer, Support Copilot"]);
    expect(found.total).toBe(1);
    expect((await list("priya@northwind.test", "?status=all&q=%25")).total).toBe(0);
    expect((await list("priya@northwind.test", "?status=all&q=_")).total).toBe(0);
    // The search stays inside the viewer's scope.
    const everyone = await list("priya@northwind.test", "?status=all&q=engineer");
    const sams = await list("sam@northwind.test", "?status=all&q=engineer");
    expect(everyone.total).toBeGreaterThan(sams.total);
    expect(sams.roles.map((r) => r.title)).toEqual(["Senior AI Engineer, Support Copilot"]);
  });

  it("pages 50 roles at a time, each role on exactly one page, open ones first", async () => {
    const db = getDb();
    const morgan = userIdByEmail("morgan@northwind.test");
    for (let i = 0; i < 60; i++) {
      db.insert(schema.roles)
        .values({
          title: `Bulk role ${i}`,
          team: "Bulk",
          location: "Remote",
          headcount: 1,
          status: i % 3 === 0 ? "open" : "draft",
          engagementModels: ["full_time_ai_engineer"],
          currency: "USD",
          createdById: morgan,
        })
        .run();
    }
    const total = db
      .select()
      .from(schema.roles)
      .all()
      .filter((r) => ["draft", "open", "on_hold"].includes(r.status)).length;
    const one = await list("priya@northwind.test", "");
    const two = await list("priya@northwind.test", "?page=2");
    expect(one.total).toBe(total);
    expect(one.pageCount).toBe(Math.ceil(total / 50));
    expect(one.roles).toHaveLength(50);
    const ids = [...one.roles, ...two.roles].map((r) => r.id);
    expect(new Set(ids).size).toBe(total);
    const order = { open: 0, on_hold: 1, draft: 2 } as Record<string, number>;
    const ranks = [...one.roles, ...two.roles].map((r) => order[r.status]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect((await list("priya@northwind.test", "?page=99")).page).toBe(one.pageCount);
  });
});

describe("creating a role", () => {
  it("saves the role, its brief, routing answers and hiring team, then shows the suggestion", async () => {
    const cookie = await cookieFor("dana@northwind.test");
    const out = await invoke(newRole.action, post("/roles/new", validRole(), { cookie }));
    expect(out.status).toBe(302);
    const id = Number(out.location?.match(/^\/roles\/(\d+)\?saved=created$/)?.[1]);
    expect(latestAudit()[0]).toMatchObject({
      action: "role.create",
      subjectType: "role",
      subjectId: id,
      actorId: userIdByEmail("dana@northwind.test"),
    });
    const role = getDb().select().from(schema.roles).where(eq(schema.roles.id, id)).get()!;
    expect(role).toMatchObject({
      title: "LLM Evals Engineer",
      headcount: 2,
      engagementModels: ["contractor", "agency"],
      budgetKind: "hourly",
      budgetMin: 110,
      budgetMax: 180,
      currency: "EUR",
      qHostedApis: true,
      qCustomModels: false,
      qInfraAdvantage: null,
      briefLaunchDate: "2027-01-10",
    });
    const team = getDb().select().from(schema.roleTeam).where(eq(schema.roleTeam.roleId, id)).all();
    expect(team.map((t) => [t.userId, t.teamRole]).sort()).toEqual(
      [
        [userIdByEmail("dana@northwind.test"), "hiring_manager"],
        [userIdByEmail("sam@northwind.test"), "interviewer"],
      ].sort(),
    );

    const page = await invoke(rolePage.loader, get(`/roles/${id}`, cookie), { roleId: String(id) });
    const data = page.data as {
      readiness: { ready: boolean };
      advice: { status: string; suggested: string };
      canEdit: boolean;
    };
    expect(data.readiness.ready).toBe(true);
    expect(data.advice).toMatchObject({ status: "advised", suggested: "contractor" });
    expect(data.canEdit).toBe(true);
  });

  it("answers invalid input with field errors, status 400, and no row written", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const before = roleCount();
    const changes = totalChanges();
    const out = await invoke(
      newRole.action,
      post(
        "/roles/new",
        validRole({ title: "  ", headcount: "0", targetStart: "next week", hiringManagerIds: [], status: "hiring" }),
        { cookie },
      ),
    );
    expect(out.status).toBe(400);
    const { fieldErrors } = out.data as Failure;
    expect(fieldErrors.title).toEqual(["Title is required"]);
    expect(fieldErrors.headcount).toEqual(["Headcount must be between 1 and 100"]);
    expect(fieldErrors.targetStart).toEqual(["Target start must be a real date (YYYY-MM-DD)"]);
    expect(fieldErrors.hiringManagerIds).toEqual(["Name at least one hiring manager"]);
    expect(fieldErrors.status).toEqual(["Choose a status"]);
    expect(roleCount()).toBe(before);
    expect(totalChanges()).toBe(changes);
  });

  it("checks cross-field rules: budget range, type, and one place per person on the team", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const sam = String(userIdByEmail("sam@northwind.test"));
    const before = roleCount();
    const out = await invoke(
      newRole.action,
      post(
        "/roles/new",
        validRole({ budgetMin: "200", budgetMax: "150", hiringManagerIds: [sam], interviewerIds: [sam] }),
        { cookie },
      ),
    );
    expect(out.status).toBe(400);
    const { fieldErrors } = out.data as Failure;
    expect(fieldErrors.budgetMax).toEqual(["The maximum must be at least the minimum"]);
    expect(fieldErrors.interviewerIds[0]).toMatch(/both hiring manager and interviewer/);

    const noKind = await invoke(newRole.action, post("/roles/new", validRole({ budgetKind: "" }), { cookie }));
    expect((noKind.data as Failure).fieldErrors.budgetKind[0]).toMatch(/salary, an hourly rate or a fixed budget/);
    expect(roleCount()).toBe(before);
  });

  it("refuses team members who are not active users, and a hiring manager dropping themselves", async () => {
    const cookie = await cookieFor("dana@northwind.test");
    const before = roleCount();
    const ghost = await invoke(
      newRole.action,
      post("/roles/new", validRole({ interviewerIds: ["99999"] }), { cookie }),
    );
    expect((ghost.data as Failure).fieldErrors.interviewerIds).toEqual([
      "Pick interviewers from the list of active users",
    ]);
    const self = await invoke(
      newRole.action,
      post("/roles/new", validRole({ hiringManagerIds: [String(userIdByEmail("tomas@northwind.test"))] }), { cookie }),
    );
    expect((self.data as Failure).fieldErrors.hiringManagerIds[0]).toMatch(/Keep yourself as a hiring manager/);
    const admin = await cookieFor("morgan@northwind.test");
    const interviewerAsManager = await invoke(
      newRole.action,
      post(
        "/roles/new",
        validRole({ hiringManagerIds: [String(userIdByEmail("sam@northwind.test"))], interviewerIds: [] }),
        { cookie: admin },
      ),
    );
    expect((interviewerAsManager.data as Failure).fieldErrors.hiringManagerIds).toEqual([
      "Hiring managers must be active hiring managers, recruiters or admins",
    ]);
    expect(roleCount()).toBe(before);
  });
});

describe("editing a role", () => {
  it("saves changes and bumps the version", async () => {
    const cookie = await cookieFor("dana@northwind.test");
    const id = roleIdByTitle("Senior AI Engineer, Support Copilot");
    const { version } = getDb().select().from(schema.roles).where(eq(schema.roles.id, id)).get()!;
    const out = await invoke(
      editRole.action,
      post(
        `/roles/${id}/edit`,
        { ...validRole({ title: "Staff AI Engineer, Support Copilot", status: "on_hold" }), version: String(version) },
        { cookie },
      ),
      { roleId: String(id) },
    );
    expect(out.status).toBe(302);
    const role = getDb().select().from(schema.roles).where(eq(schema.roles.id, id)).get()!;
    expect(role).toMatchObject({
      title: "Staff AI Engineer, Support Copilot",
      status: "on_hold",
      version: version + 1,
    });
  });

  it("gives the second of two editors a conflict and keeps the first one's changes", async () => {
    const dana = await cookieFor("dana@northwind.test");
    const priya = await cookieFor("priya@northwind.test");
    const id = roleIdByTitle("RAG Contractor, Contract Review Pilot");
    const { version } = getDb().select().from(schema.roles).where(eq(schema.roles.id, id)).get()!;
    const first = await invoke(
      editRole.action,
      post(`/roles/${id}/edit`, { ...validRole({ title: "First edit" }), version: String(version) }, { cookie: dana }),
      { roleId: String(id) },
    );
    expect(first.status).toBe(302);
    const edited = latestAudit()[0];
    expect(edited).toMatchObject({ action: "role.update", subjectId: id });
    expect(edited.fields).toContain("title");
    expect(JSON.stringify(edited)).not.toContain("First edit");
    const changes = totalChanges();
    const second = await invoke(
      editRole.action,
      post(
        `/roles/${id}/edit`,
        { ...validRole({ title: "Second edit" }), version: String(version) },
        { cookie: priya },
      ),
      { roleId: String(id) },
    );
    expect(second.status).toBe(409);
    expect((second.data as Failure).formError).toMatch(/Someone else saved this role/);
    // "Your edits are still in the form": they come back with the conflict, the hiring team's ticks included.
    expect((second.data as { values: Record<string, unknown> }).values).toMatchObject({
      title: "Second edit",
      hiringManagerIds: validRole().hiringManagerIds,
    });
    expect(getDb().select().from(schema.roles).where(eq(schema.roles.id, id)).get()!.title).toBe("First edit");
    expect(totalChanges()).toBe(changes);
  });

  it("answers invalid edits with 400 and leaves the role as it was", async () => {
    const cookie = await cookieFor("tomas@northwind.test");
    const id = roleIdByTitle("Data Engineer, Claims Data Readiness");
    const before = getDb().select().from(schema.roles).where(eq(schema.roles.id, id)).get()!;
    const out = await invoke(
      editRole.action,
      post(
        `/roles/${id}/edit`,
        {
          ...validRole({
            hiringManagerIds: [String(userIdByEmail("tomas@northwind.test"))],
            location: "",
            budgetMax: "lots",
          }),
          version: String(before.version),
        },
        { cookie },
      ),
      { roleId: String(id) },
    );
    expect(out.status).toBe(400);
    expect((out.data as Failure).fieldErrors).toMatchObject({
      location: ["Location is required"],
      budgetMax: ["Budget maximum must be a whole number"],
    });
    expect(getDb().select().from(schema.roles).where(eq(schema.roles.id, id)).get()).toEqual(before);
  });
});

describe("days open", () => {
  it("stop counting when a role is filled, keep the first date while it stays settled, and restart the clock's end when it reopens", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const id = roleIdByTitle("Data Engineer, Claims Data Readiness");
    const row = () => getDb().select().from(schema.roles).where(eq(schema.roles.id, id)).get()!;
    // Opened 200 days ago.
    const createdAt = new Date(Date.now() - 200 * 86_400_000);
    getDb().update(schema.roles).set({ createdAt }).where(eq(schema.roles.id, id)).run();
    // A role that seeks a permanent hire (a data engineer), so the full-time norm applies.
    const edit = (status: string) =>
      invoke(
        editRole.action,
        post(
          `/roles/${id}/edit`,
          {
            ...validRole({ title: "Data Engineer, Claims Data Readiness", status }),
            engagementModels: ["data_engineer", "contractor"],
            version: String(row().version),
          },
          { cookie },
        ),
        { roleId: String(id) },
      );
    const age = async () =>
      (
        (await invoke(rollupRoute.loader, get(`/roles/${id}/rollup`, cookie), { roleId: String(id) })).data as {
          age: { days: number; phase: string; norm: string };
        }
      ).age;

    expect(await age()).toEqual({ days: 200, phase: "open", norm: "past" });
    expect((await edit("filled")).status).toBe(302);
    const filledAt = row().closedAt!;
    expect(Math.abs(filledAt.getTime() - Date.now())).toBeLessThan(5_000);
    // Filled 90 days after opening: the clock stopped there.
    getDb()
      .update(schema.roles)
      .set({ closedAt: new Date(createdAt.getTime() + 90 * 86_400_000) })
      .where(eq(schema.roles.id, id))
      .run();
    expect(await age()).toEqual({ days: 90, phase: "filled", norm: "within" });
    // Closing a filled role keeps the date it was settled.
    expect((await edit("closed")).status).toBe(302);
    expect(row().closedAt!.getTime()).toBe(createdAt.getTime() + 90 * 86_400_000);
    expect((await age()).phase).toBe("closed");
    // Reopened: counting again to today.
    expect((await edit("open")).status).toBe(302);
    expect(row().closedAt).toBeNull();
    expect(await age()).toEqual({ days: 200, phase: "open", norm: "past" });
  });
});
