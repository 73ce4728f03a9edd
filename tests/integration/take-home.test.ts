import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as assignRoute from "~/routes/applications.$applicationId.take-homes.new";
import * as manageRoute from "~/routes/take-homes.$takeHomeId._index";
import * as gradeRoute from "~/routes/take-homes.$takeHomeId.grade";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, post, roleIdByTitle, totalChanges, userIdByEmail } from "../support/http";
import { expectedMatrix } from "../support/route-matrix";
import { routes, sample } from "../support/routes";

const db = () => getDb();
/** A date relative to today (YYYY-MM-DD), so the tests do not expire. */
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const markers = {
  name: "Zyxwvut Markerson",
  email: "zyx.markerson@example.com",
  profile: "linkedin.com/in/zyx-markerson",
  code: "github.com/zyxmarkerson",
  pay: 913_579,
  agency: "Markeragency Talent",
};
const markerPatterns = [/Zyxwvut/, /markerson/i, /913,?579/, /Markeragency/];
let applicationId = 0;
let candidateId = 0;
let takeHomeId = 0;
const cookies = new Map<string, string>();
const cookie = async (email: string) =>
  cookies.get(email) ?? (cookies.set(email, await cookieFor(email)), cookies.get(email)!);

beforeAll(async () => {
  const roleId = roleIdByTitle("Senior AI Engineer, Support Copilot");
  const agency = db()
    .insert(schema.agencies)
    .values({ name: markers.agency, kind: "staffing_agency" })
    .returning()
    .get();
  const candidate = db()
    .insert(schema.candidates)
    .values({
      name: markers.name,
      email: markers.email,
      profileUrl: `https://${markers.profile}`,
      codeUrl: `https://${markers.code}`,
      engagementType: "contractor",
      payKind: "hourly",
      payAmount: markers.pay,
      source: "agency",
      skills: ["RAG"],
    })
    .returning()
    .get();
  candidateId = candidate.id;
  applicationId = db()
    .insert(schema.applications)
    .values({ roleId, candidateId, stage: "take_home", stageChangedAt: new Date(), submittedByAgencyId: agency.id })
    .returning()
    .get().id;
  db()
    .insert(schema.agencySubmissions)
    .values({ roleId, candidateId, agencyId: agency.id, submittedAt: new Date(), counts: true })
    .run();
});

describe("assigning and tracking a take-home", () => {
  it("refuses bad input with no write, then assigns with an alias and graders", async () => {
    const hm = await cookie("dana@northwind.test");
    const changes = totalChanges();
    const bad = await invoke(
      assignRoute.action,
      post(
        `/applications/${applicationId}/take-homes/new`,
        { title: "", instructions: "x", timeBoxHours: "0", dueOn: "2026-02-30", paid: "on", currency: "USD" },
        { cookie: hm },
      ),
      { applicationId: String(applicationId) },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.data as { fieldErrors: object }).fieldErrors).sort()).toEqual([
      "amount",
      "dueOn",
      "graderIds",
      "timeBoxHours",
      "title",
    ]);
    expect(totalChanges()).toBe(changes);
    const out = await invoke(
      assignRoute.action,
      post(
        `/applications/${applicationId}/take-homes/new`,
        {
          title: "Fix a failing RAG workflow",
          instructions: "Six deliverables",
          timeBoxHours: "4",
          dueOn: daysFromNow(0),
          paid: "on",
          amount: "400",
          currency: "USD",
          anonymous: "on",
          graderIds: [String(userIdByEmail("sam@northwind.test")), String(userIdByEmail("jordan@northwind.test"))],
        },
        { cookie: hm },
      ),
      { applicationId: String(applicationId) },
    );
    takeHomeId = Number(out.location!.match(/\/take-homes\/(\d+)/)![1]);
    const th = db().select().from(schema.takeHomes).where(eq(schema.takeHomes.id, takeHomeId)).get()!;
    expect(th).toMatchObject({ status: "assigned", anonymous: true, paid: true, amount: 400, revealedAt: null });
    expect(th.alias).toMatch(/^Candidate [A-Z]{2}-\d{2}$/);

    // Grading cannot start before a submission.
    const early = await invoke(
      gradeRoute.action,
      post(
        `/take-homes/${takeHomeId}/grade`,
        { intent: "draft", diagnosis: "3" },
        { cookie: await cookie("sam@northwind.test") },
      ),
      { takeHomeId: String(takeHomeId) },
    );
    expect(early.status).toBe(409);

    // No submission dated in the future, no extension into the past.
    const ahead = await invoke(
      manageRoute.action,
      post(
        `/take-homes/${takeHomeId}`,
        { intent: "submitted", submittedOn: daysFromNow(30), version: String(th.version) },
        { cookie: hm },
      ),
      { takeHomeId: String(takeHomeId) },
    );
    expect((ahead.data as { fieldErrors: Record<string, string[]> }).fieldErrors.submittedOn).toEqual([
      "A submission date cannot be in the future",
    ]);
    const behind = await invoke(
      manageRoute.action,
      post(
        `/take-homes/${takeHomeId}`,
        { intent: "extend", extendedTo: daysFromNow(-30), extensionReason: "Late", version: String(th.version) },
        { cookie: hm },
      ),
      { takeHomeId: String(takeHomeId) },
    );
    expect((behind.data as { fieldErrors: Record<string, string[]> }).fieldErrors.extendedTo).toEqual([
      "The new due date has already passed",
    ]);
    const ext = await invoke(
      manageRoute.action,
      post(
        `/take-homes/${takeHomeId}`,
        {
          intent: "extend",
          extendedTo: daysFromNow(2),
          extensionReason: "Family emergency",
          version: String(th.version),
        },
        { cookie: hm },
      ),
      { takeHomeId: String(takeHomeId) },
    );
    expect(ext.status).toBe(302);
    const sub = await invoke(
      manageRoute.action,
      post(
        `/take-homes/${takeHomeId}`,
        {
          intent: "submitted",
          submissionUrl: "https://files.example/sub/991",
          submittedOn: daysFromNow(1),
          version: String(th.version + 1),
        },
        { cookie: hm },
      ),
      { takeHomeId: String(takeHomeId) },
    );
    expect(sub.status).toBe(302);
    const after = db().select().from(schema.takeHomes).where(eq(schema.takeHomes.id, takeHomeId)).get()!;
    expect(after).toMatchObject({
      status: "submitted",
      extendedTo: daysFromNow(2),
      extensionReason: "Family emergency",
    });
    const page = await invoke(manageRoute.loader, get(`/take-homes/${takeHomeId}`, hm), {
      takeHomeId: String(takeHomeId),
    });
    expect((page.data as { late: boolean }).late).toBe(false);
  });
});

describe("anonymous grading", () => {
  it("sends a grader none of the candidate's name, email, links, agency or pay on any page they can open", async () => {
    const sam = await cookie("sam@northwind.test");
    const bodies: { where: string; status: number; body: string }[] = [];
    const overrides: Record<string, Record<string, string>> = {
      "routes/applications.$applicationId._index": { applicationId: String(applicationId) },
      "routes/applications.$applicationId.checks": { applicationId: String(applicationId) },
      "routes/candidates.$candidateId._index": { candidateId: String(candidateId) },
      "routes/take-homes.$takeHomeId.grade": { takeHomeId: String(takeHomeId) },
    };
    for (const routeId of Object.keys(expectedMatrix)) {
      const loader = routes[routeId].loader;
      if (!loader) continue;
      const base = sample(routeId);
      const params = { ...base.params, ...(overrides[routeId] ?? {}) };
      for (const p of [base.params, params]) {
        const out = await invoke(loader, get(base.path, sam), p);
        bodies.push({
          where: `${routeId} ${JSON.stringify(p)}`,
          status: out.status,
          body: typeof out.data === "string" ? out.data : JSON.stringify(out.data),
        });
      }
    }
    const search = await invoke(routes["routes/candidates._index"].loader!, get("/candidates?q=zyx", sam), {});
    bodies.push({ where: "candidate search", status: search.status, body: JSON.stringify(search.data) });
    for (const b of bodies) for (const m of markerPatterns) expect(b.body, `${b.where} leaked ${m}`).not.toMatch(m);

    // The grading page itself works, under the alias, and the candidate's own pages are closed.
    const grade = bodies.find(
      (b) =>
        b.where.startsWith("routes/take-homes.$takeHomeId.grade") && b.where.includes(`"takeHomeId":"${takeHomeId}"`),
    )!;
    expect(grade.status).toBe(200);
    expect(grade.body).toMatch(/Candidate [A-Z]{2}-\d{2}/);
    expect(
      bodies.find(
        (b) =>
          b.where.includes(`"applicationId":"${applicationId}"`) &&
          b.where.startsWith("routes/applications.$applicationId._index"),
      )!.status,
    ).toBe(403);
    expect(bodies.find((b) => b.where.includes(`"candidateId":"${candidateId}"`))!.status).toBe(403);
    // The role page lists them under the alias, without a link.
    const rolePage = bodies.find((b) => b.where.startsWith("routes/roles.$roleId._index"))!;
    expect(rolePage.body).toMatch(/Candidate [A-Z]{2}-\d{2}/);
  });

  it("reveals identity only after every assigned grader submits, and records the reveal", async () => {
    const grade = (email: string, intent: "draft" | "submit", version?: string) =>
      cookie(email).then((c) =>
        invoke(
          gradeRoute.action,
          post(
            `/take-homes/${takeHomeId}/grade`,
            {
              intent,
              ...(version ? { version } : {}),
              diagnosis: "3",
              evalPlan: "4",
              architecture: "3",
              monitoring: "2",
              costControl: "3",
              notBuilding: "4",
              outcomesReached: "8",
              costCeilingRespected: "yes",
              securityRespected: "yes",
              hoursReported: "5",
            },
            { cookie: c },
          ),
          { takeHomeId: String(takeHomeId) },
        ),
      );
    const invalid = await invoke(
      gradeRoute.action,
      post(
        `/take-homes/${takeHomeId}/grade`,
        { intent: "submit", diagnosis: "5" },
        { cookie: await cookie("sam@northwind.test") },
      ),
      { takeHomeId: String(takeHomeId) },
    );
    expect(invalid.status).toBe(400);
    expect((await grade("sam@northwind.test", "submit")).location).toMatch(/saved=submit$/);
    let th = db().select().from(schema.takeHomes).where(eq(schema.takeHomes.id, takeHomeId)).get()!;
    expect(th).toMatchObject({ status: "grading", revealedAt: null });
    const stillHidden = await invoke(
      gradeRoute.loader,
      get(`/take-homes/${takeHomeId}/grade`, await cookie("sam@northwind.test")),
      { takeHomeId: String(takeHomeId) },
    );
    expect(JSON.stringify(stillHidden.data)).not.toMatch(/Zyxwvut/);

    expect((await grade("jordan@northwind.test", "submit")).location).toMatch(/saved=revealed$/);
    th = db().select().from(schema.takeHomes).where(eq(schema.takeHomes.id, takeHomeId)).get()!;
    expect(th.status).toBe("graded");
    expect(th.revealedAt).toBeInstanceOf(Date);
    const revealed = await invoke(
      gradeRoute.loader,
      get(`/take-homes/${takeHomeId}/grade`, await cookie("sam@northwind.test")),
      { takeHomeId: String(takeHomeId) },
    );
    expect((revealed.data as { who: { name: string } }).who.name).toBe(markers.name);
    expect((revealed.data as { result: { overall: number; outcomesReached: number } }).result).toMatchObject({
      overall: 3.17,
      outcomesReached: 8,
    });
    // And the candidate's application opens again.
    const app = await invoke(
      routes["routes/applications.$applicationId._index"].loader!,
      get(`/applications/${applicationId}`, await cookie("sam@northwind.test")),
      { applicationId: String(applicationId) },
    );
    expect(app.status).toBe(200);
  });
});

describe("take-home rules that protect anonymity", () => {
  it("refuses to re-open a graded take-home, and records a reveal when waiving mid-grading", async () => {
    const hm = await cookie("dana@northwind.test");
    const graded = db().select().from(schema.takeHomes).where(eq(schema.takeHomes.status, "graded")).get()!;
    const reopen = await invoke(
      manageRoute.action,
      post(
        `/take-homes/${graded.id}`,
        { intent: "submitted", submittedOn: "2026-11-01", version: String(graded.version) },
        { cookie: await cookie("priya@northwind.test") },
      ),
      { takeHomeId: String(graded.id) },
    );
    expect(reopen.status).toBe(409);
    expect(db().select().from(schema.takeHomes).where(eq(schema.takeHomes.id, graded.id)).get()!.status).toBe("graded");

    const grading = db().select().from(schema.takeHomes).where(eq(schema.takeHomes.status, "grading")).get()!;
    expect(grading.revealedAt).toBeNull();
    const waive = await invoke(
      manageRoute.action,
      post(
        `/take-homes/${grading.id}`,
        { intent: "waive", waiverReason: "Candidate withdrew from the take-home", version: String(grading.version) },
        { cookie: await cookie("priya@northwind.test") },
      ),
      { takeHomeId: String(grading.id) },
    );
    expect(waive.status).toBe(302);
    const after = db().select().from(schema.takeHomes).where(eq(schema.takeHomes.id, grading.id)).get()!;
    expect(after.status).toBe("waived");
    expect(after.revealedAt).toBeInstanceOf(Date);
    void hm;
  });

  it("refuses anonymous graders who have met the candidate, and panelists who are grading them", async () => {
    const hm = await cookie("dana@northwind.test");
    const iv = db()
      .select()
      .from(schema.interviewPanel)
      .innerJoin(schema.interviews, eq(schema.interviews.id, schema.interviewPanel.interviewId))
      .innerJoin(schema.applications, eq(schema.applications.id, schema.interviews.applicationId))
      .all()
      .find(
        (r) =>
          r.applications.roleId === roleIdByTitle("Senior AI Engineer, Support Copilot") &&
          r.applications.stage === "interviewing",
      )!;
    const out = await invoke(
      assignRoute.action,
      post(
        `/applications/${iv.applications.id}/take-homes/new`,
        {
          title: "T",
          instructions: "I",
          timeBoxHours: "2",
          dueOn: daysFromNow(18),
          currency: "USD",
          anonymous: "on",
          graderIds: [String(iv.interview_panel.userId)],
        },
        { cookie: hm },
      ),
      { applicationId: String(iv.applications.id) },
    );
    expect(out.status).toBe(400);
    expect((out.data as { fieldErrors: Record<string, string[]> }).fieldErrors.graderIds[0]).toMatch(
      /interviewed this candidate/,
    );
  });

  it("does not offer a candidate being graded anonymously in the pipeline picker", async () => {
    const roleId = String(roleIdByTitle("Senior AI Engineer, Support Copilot"));
    const masked = db()
      .select()
      .from(schema.takeHomes)
      .innerJoin(schema.takeHomeGraders, eq(schema.takeHomeGraders.takeHomeId, schema.takeHomes.id))
      .all()
      .find(
        (r) =>
          r.take_homes.anonymous &&
          !r.take_homes.revealedAt &&
          ["assigned", "submitted", "grading"].includes(r.take_homes.status),
      )!;
    const graderEmail = db()
      .select()
      .from(schema.users)
      .where(eq(schema.users.id, masked.take_home_graders.userId))
      .get()!.email;
    const app = db()
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.id, masked.take_homes.applicationId))
      .get()!;
    const person = db().select().from(schema.candidates).where(eq(schema.candidates.id, app.candidateId!)).get()!;
    const addRoute = await import("~/routes/roles.$roleId.applications.new");
    // Only hiring managers and HR reach the picker, and a manager of the role is never masked (she handles the
    // candidate): HR grading anonymously is the view to test.
    if (graderEmail !== "priya@northwind.test") {
      db()
        .insert(schema.takeHomeGraders)
        .values({ takeHomeId: masked.take_homes.id, userId: userIdByEmail("priya@northwind.test") })
        .run();
    }
    const page = await invoke(
      addRoute.loader,
      get(
        `/roles/${roleId}/applications/new?candidateId=${person.id}&q=${encodeURIComponent(person.name.split(" ")[0])}`,
        await cookie("priya@northwind.test"),
      ),
      { roleId },
    );
    expect(JSON.stringify(page.data)).not.toContain(person.name);
    expect((page.data as { chosenId: number | null }).chosenId).toBeNull();

    // Typing their email into a new or another candidate's record says it is taken, not whose it is.
    const newRoute = await import("~/routes/candidates.new");
    const editRoute = await import("~/routes/candidates.$candidateId.edit");
    const fields = {
      name: "Someone Else",
      email: person.email,
      engagementType: "full_time",
      source: "sourced",
      payCurrency: "USD",
    };
    const created = await invoke(
      newRoute.action,
      post("/candidates/new", fields, { cookie: await cookie("priya@northwind.test") }),
    );
    expect(created.status).toBe(400);
    expect((created.data as { fieldErrors: Record<string, string[]> }).fieldErrors.email).toEqual([
      "A candidate with this email is already on file",
    ]);
    expect((created.data as { existing: unknown }).existing).toBeNull();
    const other = db()
      .select()
      .from(schema.candidates)
      .all()
      .find((c) => c.id !== person.id)!;
    const edited = await invoke(
      editRoute.action,
      post(
        `/candidates/${other.id}/edit`,
        { ...fields, name: other.name, version: String(other.version) },
        { cookie: await cookie("priya@northwind.test") },
      ),
      { candidateId: String(other.id) },
    );
    expect(edited.status).toBe(400);
    expect((edited.data as { fieldErrors: Record<string, string[]> }).fieldErrors.email).toEqual([
      "Another candidate already has this email",
    ]);
    for (const out of [created, edited])
      expect(JSON.stringify(out.data).replace(person.email, "")).not.toContain(person.name);
  });
});
