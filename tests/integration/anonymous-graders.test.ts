// Anonymous grading holds across roles and never locks anyone out of a role
// they manage: who may grade blind is decided (and said) at assignment; a
// candidate graded anonymously shows under the alias on every board the grader
// sees, with one refusal wording for every record that would name them; a
// manager of a role the candidate applied to is never masked.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as applicationPage from "~/routes/applications.$applicationId._index";
import * as assignRoute from "~/routes/applications.$applicationId.take-homes.new";
import * as candidatePage from "~/routes/candidates.$candidateId._index";
import * as gradePage from "~/routes/take-homes.$takeHomeId.grade";
import * as rolePage from "~/routes/roles.$roleId._index";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, post, roleIdByTitle, totalChanges, userIdByEmail } from "../support/http";

const db = () => getDb();
const NAME = "Xiomara Blindtest-Marker";
let candidateId: number;
let onCopilot: number; // role A: Dana manages, Sam interviews
let onSearch: number; // role B: Tomás manages, Sam interviews
const copilot = () => roleIdByTitle("Senior AI Engineer, Support Copilot");
const search = () =>
  db()
    .select()
    .from(schema.roles)
    .all()
    .find((r) => r.title.includes("Knowledge Search"))!.id;

beforeAll(() => {
  const now = new Date();
  db().transaction((tx) => {
    candidateId = tx
      .insert(schema.candidates)
      .values({
        name: NAME,
        email: "xiomara.blind@example.test",
        engagementType: "full_time",
        source: "referral",
        skills: [],
      })
      .returning()
      .get().id;
    onCopilot = tx
      .insert(schema.applications)
      .values({ roleId: copilot(), candidateId, stage: "take_home", stageChangedAt: now })
      .returning()
      .get().id;
    onSearch = tx
      .insert(schema.applications)
      .values({ roleId: search(), candidateId, stage: "screening", stageChangedAt: now })
      .returning()
      .get().id;
  });
});

describe("assigning an anonymous take-home", () => {
  it("says before submitting who cannot grade blind and why, and refuses them with that reason, writing nothing", async () => {
    const dana = await cookieFor("dana@northwind.test");
    const page = await invoke(assignRoute.loader, get(`/applications/${onCopilot}/take-homes/new`, dana), {
      applicationId: String(onCopilot),
    });
    const team = (page.data as { team: { userId: number; name: string; cannotGradeBlind: string | null }[] }).team;
    const danaRow = team.find((t) => t.userId === userIdByEmail("dana@northwind.test"))!;
    expect(danaRow.cannotGradeBlind).toBe("manages a role this candidate applied to");
    expect(team.find((t) => t.userId === userIdByEmail("sam@northwind.test"))!.cannotGradeBlind).toBeNull();

    const before = totalChanges();
    const fields = {
      title: "Fix a failing RAG workflow",
      instructions: "Six deliverables",
      timeBoxHours: "4",
      dueOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      currency: "USD",
      amount: "",
    };
    const refused = await invoke(
      assignRoute.action,
      post(
        `/applications/${onCopilot}/take-homes/new`,
        { ...fields, anonymous: "on", graderIds: [String(danaRow.userId)] },
        { cookie: dana },
      ),
      { applicationId: String(onCopilot) },
    );
    expect(refused.status).toBe(400);
    expect((refused.data as { fieldErrors: Record<string, string[]> }).fieldErrors.graderIds[0]).toMatch(
      /^Dana Whitfield manages a role this candidate applied to, so cannot grade anonymously/,
    );
    expect(totalChanges()).toBe(before);
    // With names, she may grade.
    const named = await invoke(
      assignRoute.action,
      post(
        `/applications/${onCopilot}/take-homes/new`,
        { ...fields, graderIds: [String(danaRow.userId)] },
        { cookie: dana },
      ),
      { applicationId: String(onCopilot) },
    );
    expect(named.status).toBe(302);
    db().delete(schema.takeHomes).where(eq(schema.takeHomes.applicationId, onCopilot)).run();
  });
});

describe("while the candidate is graded anonymously", () => {
  let takeHomeId: number;
  beforeAll(() => {
    takeHomeId = db().transaction((tx) => {
      const th = tx
        .insert(schema.takeHomes)
        .values({
          applicationId: onCopilot,
          title: "Blind",
          instructions: "x",
          timeBoxHours: 4,
          dueOn: "2026-12-30",
          status: "submitted",
          submittedAt: new Date(),
          alias: "Candidate QQ-42",
          anonymous: true,
        })
        .returning()
        .get();
      // Sam grades blind. Dana and Tomás were made graders before the rule: each manages a role the candidate is on.
      for (const email of ["sam@northwind.test", "dana@northwind.test", "tomas@northwind.test"]) {
        tx.insert(schema.takeHomeGraders)
          .values({ takeHomeId: th.id, userId: userIdByEmail(email) })
          .run();
      }
      return th.id;
    });
  });

  it("shows the grader the alias on every board the candidate is on, and refuses their records with one wording", async () => {
    const sam = await cookieFor("sam@northwind.test");
    for (const roleId of [copilot(), search()]) {
      const board = await invoke(rolePage.loader, get(`/roles/${roleId}`, sam), { roleId: String(roleId) });
      const body = JSON.stringify(board.data);
      expect(body).not.toContain(NAME);
      expect(body).toContain("Candidate QQ-42");
    }
    const refusals = [
      await invoke(applicationPage.loader, get(`/applications/${onCopilot}`, sam), {
        applicationId: String(onCopilot),
      }),
      await invoke(applicationPage.loader, get(`/applications/${onSearch}`, sam), { applicationId: String(onSearch) }),
      await invoke(candidatePage.loader, get(`/candidates/${candidateId}`, sam), { candidateId: String(candidateId) }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(new Set(refusals.map((r) => r.data)).size).toBe(1);
    const grading = await invoke(gradePage.loader, get(`/take-homes/${takeHomeId}/grade`, sam), {
      takeHomeId: String(takeHomeId),
    });
    expect(JSON.stringify(grading.data)).not.toContain(NAME);
  });

  it("never locks a manager out of her own role: a manager of a role the candidate is on sees them by name everywhere", async () => {
    for (const [email, own] of [
      ["dana@northwind.test", onCopilot],
      ["tomas@northwind.test", onSearch],
    ] as const) {
      const cookie = await cookieFor(email);
      const app = await invoke(applicationPage.loader, get(`/applications/${own}`, cookie), {
        applicationId: String(own),
      });
      expect(app.status, email).toBe(200);
      expect(JSON.stringify(app.data)).toContain(NAME);
      const person = await invoke(candidatePage.loader, get(`/candidates/${candidateId}`, cookie), {
        candidateId: String(candidateId),
      });
      expect(person.status, email).toBe(200);
      const grading = await invoke(gradePage.loader, get(`/take-homes/${takeHomeId}/grade`, cookie), {
        takeHomeId: String(takeHomeId),
      });
      expect(grading.status).toBe(200);
      expect((grading.data as { who: { name: string; knownToYou: boolean } }).who).toMatchObject({
        name: NAME,
        knownToYou: true,
      });
    }
  });
});
