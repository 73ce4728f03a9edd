// Drafts saved while typing: the autosave endpoints save a draft and answer the
// new version; a save from an older version is refused (409) without a write; a
// post without a version writes nothing; a draft never submits.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as scheduleRoute from "~/routes/applications.$applicationId.interviews.new";
import * as scorecardAutosave from "~/routes/interviews.$interviewId.scorecard.autosave";
import * as scorecardRoute from "~/routes/interviews.$interviewId.scorecard";
import * as gradeAutosave from "~/routes/take-homes.$takeHomeId.grade.autosave";
import { getDb, schema } from "~/utils/db.server";
import {
  cookieFor,
  firstUnplacedCandidate,
  invoke,
  post,
  roleIdByTitle,
  totalChanges,
  userIdByEmail,
} from "../support/http";

const db = () => getDb();
let sam: string;
let interviewId: number;
let takeHomeId: number;

beforeAll(async () => {
  sam = await cookieFor("sam@northwind.test");
  const dana = await cookieFor("dana@northwind.test");
  const roleId = roleIdByTitle("Senior AI Engineer, Support Copilot");
  const candidate = firstUnplacedCandidate();
  const now = new Date();
  const app = db().transaction((tx) =>
    tx
      .insert(schema.applications)
      .values({ roleId, candidateId: candidate.id, stage: "interviewing", stageChangedAt: now })
      .returning()
      .get(),
  );
  const panelIds = [String(userIdByEmail("sam@northwind.test")), String(userIdByEmail("jordan@northwind.test"))];
  const scheduled = await invoke(
    scheduleRoute.action,
    post(
      `/applications/${app.id}/interviews/new`,
      {
        kind: "system_design",
        startsAt: "2026-11-20T10:00",
        confirmPast: "on",
        durationMinutes: "60",
        panelIds,
        focusAreas: ["evals", "security"],
        tzOffset: "0",
      },
      { cookie: dana },
    ),
    { applicationId: String(app.id) },
  );
  interviewId = Number(scheduled.location!.match(/\/interviews\/(\d+)/)![1]);
  takeHomeId = db().transaction((tx) => {
    const th = tx
      .insert(schema.takeHomes)
      .values({
        applicationId: app.id,
        title: "Fix a failing RAG workflow",
        instructions: "Six deliverables",
        timeBoxHours: 4,
        dueOn: "2026-11-30",
        status: "submitted",
        submittedAt: now,
        alias: "Candidate ZZ-01",
        anonymous: false,
      })
      .returning()
      .get();
    tx.insert(schema.takeHomeGraders)
      .values([{ takeHomeId: th.id, userId: userIdByEmail("sam@northwind.test") }])
      .run();
    return th.id;
  });
});

const card = () =>
  db()
    .select()
    .from(schema.scorecards)
    .where(
      and(
        eq(schema.scorecards.interviewId, interviewId),
        eq(schema.scorecards.interviewerId, userIdByEmail("sam@northwind.test")),
      ),
    )
    .get();

function autosaveCard(fields: Record<string, string>) {
  return invoke(
    scorecardAutosave.action as never,
    post(`/interviews/${interviewId}/scorecard/autosave`, fields, { cookie: sam }),
    { interviewId: String(interviewId) },
  );
}

describe("the scorecard's autosave", () => {
  it("saves a first draft and each later one, answering the version to build on", async () => {
    const first = await autosaveCard({ version: "", evidence_evals: "Designed a 200-case regression set" });
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ ok: true, version: 1 });
    expect(first.headers.get("Cache-Control")).toBe("no-store");
    const second = await autosaveCard({
      version: "1",
      intent: "submit",
      rating_evals: "4",
      evidence_evals: "Designed a 200-case regression set with thresholds",
    });
    expect(second.data).toMatchObject({ ok: true, version: 2 });
    // Saved as a draft even though the form said submit: submitting is a deliberate click.
    expect(card()).toMatchObject({ status: "draft", version: 2 });
    const ratings = db()
      .select()
      .from(schema.scorecardRatings)
      .where(eq(schema.scorecardRatings.scorecardId, card()!.id))
      .all();
    expect(ratings).toEqual([
      expect.objectContaining({
        areaKey: "evals",
        rating: 4,
        evidence: "Designed a 200-case regression set with thresholds",
      }),
    ]);
  });

  it("never overwrites a newer save: 409 and nothing written", async () => {
    const before = totalChanges();
    const stale = await autosaveCard({ version: "1", evidence_evals: "typed in an older tab" });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ ok: false, reason: "conflict" });
    expect(totalChanges()).toBe(before);
  });

  it("writes nothing for a post that names no version, or a value the form refuses", async () => {
    const before = totalChanges();
    expect((await autosaveCard({ evidence_evals: "no version" })).status).toBe(400);
    const tooLong = await autosaveCard({ version: "2", evidence_evals: "x".repeat(5001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.data).toMatchObject({
      ok: false,
      reason: "invalid",
      message: "Evidence notes must be at most 5000 characters",
    });
    expect(totalChanges()).toBe(before);
  });

  it("refuses once the scorecard is submitted (locked)", async () => {
    const submitted = await invoke(
      scorecardRoute.action,
      post(
        `/interviews/${interviewId}/scorecard`,
        { intent: "submit", version: "2", rating_evals: "4", rating_security: "na", recommendation: "yes" },
        { cookie: sam },
      ),
      { interviewId: String(interviewId) },
    );
    expect(submitted.status).toBe(302);
    const before = totalChanges();
    const late = await autosaveCard({ version: "3", evidence_evals: "after submitting" });
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({ reason: "locked" });
    expect(totalChanges()).toBe(before);
  });
});

describe("the take-home grade's autosave", () => {
  const autosaveGrade = (fields: Record<string, string>) =>
    invoke(gradeAutosave.action as never, post(`/take-homes/${takeHomeId}/grade/autosave`, fields, { cookie: sam }), {
      takeHomeId: String(takeHomeId),
    });
  const grade = () =>
    db().select().from(schema.takeHomeGrades).where(eq(schema.takeHomeGrades.takeHomeId, takeHomeId)).get();

  it("saves drafts with versions, refuses a stale one, never submits", async () => {
    expect((await autosaveGrade({ version: "", diagnosis: "3", notes: "Found the chunking bug" })).data).toMatchObject({
      ok: true,
      version: 1,
    });
    expect(
      (await autosaveGrade({ version: "1", intent: "submit", diagnosis: "4", notes: "Found the chunking bug fast" }))
        .data,
    ).toMatchObject({ ok: true, version: 2 });
    expect(grade()).toMatchObject({ status: "draft", diagnosis: 4, notes: "Found the chunking bug fast", version: 2 });
    const before = totalChanges();
    const stale = await autosaveGrade({ version: "1", notes: "older tab" });
    expect(stale.status).toBe(409);
    expect(totalChanges()).toBe(before);
  });
});
