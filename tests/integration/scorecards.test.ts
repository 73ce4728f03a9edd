import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as appPage from "~/routes/applications.$applicationId._index";
import * as scheduleRoute from "~/routes/applications.$applicationId.interviews.new";
import * as scorecardRoute from "~/routes/interviews.$interviewId.scorecard";
import * as templateRoute from "~/routes/roles.$roleId.template";
import { getDb, schema } from "~/utils/db.server";
import {
  cookieFor,
  firstUnplacedCandidate,
  get,
  invoke,
  latestAudit,
  post,
  roleIdByTitle,
  totalChanges,
  userIdByEmail,
} from "../support/http";

const db = () => getDb();
const copilot = () => roleIdByTitle("Senior AI Engineer, Support Copilot");
const templateAreas = (roleId: number) =>
  db()
    .select()
    .from(schema.scorecardTemplates)
    .where(eq(schema.scorecardTemplates.roleId, roleId))
    .all()
    .sort((a, b) => b.version - a.version)[0];

/** A fresh application on the Copilot role with an interview whose panel is Sam and Jordan. */
async function freshInterview(focus = ["production_systems", "evals", "security"]) {
  const dana = await cookieFor("dana@northwind.test");
  const candidate = firstUnplacedCandidate();
  const now = new Date();
  const app = db()
    .insert(schema.applications)
    .values({ roleId: copilot(), candidateId: candidate.id, stage: "interviewing", stageChangedAt: now })
    .returning()
    .get();
  const out = await invoke(
    scheduleRoute.action,
    post(
      `/applications/${app.id}/interviews/new`,
      {
        kind: "system_design",
        startsAt: "2026-11-20T10:00",
        confirmPast: "on",
        durationMinutes: "60",
        panelIds: [String(userIdByEmail("sam@northwind.test")), String(userIdByEmail("jordan@northwind.test"))],
        focusAreas: focus,
        includeGovernance: "on",
        tzOffset: "0",
      },
      { cookie: dana },
    ),
    { applicationId: String(app.id) },
  );
  expect(out.status).toBe(302);
  const interviewId = Number(out.location!.match(/\/interviews\/(\d+)/)![1]);
  return { applicationId: app.id, interviewId };
}

const fill = (overrides: Record<string, string> = {}) => ({
  rating_production_systems: "4",
  evidence_production_systems: "Rolled back a bad prompt release within 10 minutes",
  rating_evals: "3",
  rating_security: "na",
  keyTakeaways: "Strong on production",
  recommendation: "yes",
  ...overrides,
});

const cookies = new Map<string, string>();
async function save(interviewId: number, email: string, fields: Record<string, string | string[]>) {
  if (!cookies.has(email)) cookies.set(email, await cookieFor(email));
  return invoke(
    scorecardRoute.action,
    post(`/interviews/${interviewId}/scorecard`, fields, { cookie: cookies.get(email) }),
    { interviewId: String(interviewId) },
  );
}
const cardOf = (interviewId: number, email: string) =>
  db()
    .select()
    .from(schema.scorecards)
    .where(
      and(eq(schema.scorecards.interviewId, interviewId), eq(schema.scorecards.interviewerId, userIdByEmail(email))),
    )
    .get();

describe("scheduling", () => {
  it("stores the panel, focus areas, kit and times; refuses people off the team", async () => {
    const { interviewId, applicationId } = await freshInterview();
    const iv = db().select().from(schema.interviews).where(eq(schema.interviews.id, interviewId)).get()!;
    expect(iv).toMatchObject({
      kind: "system_design",
      focusAreas: ["production_systems", "evals", "security"],
      includeGovernance: true,
    });
    expect(iv.startsAt.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(iv.endsAt.toISOString()).toBe("2026-11-20T11:00:00.000Z");
    const bad = await invoke(
      scheduleRoute.action,
      post(
        `/applications/${applicationId}/interviews/new`,
        {
          kind: "screen",
          startsAt: "2026-11-20T10:00",
          confirmPast: "on",
          durationMinutes: "30",
          panelIds: [String(userIdByEmail("riley@northwind.test"))],
          focusAreas: ["evals"],
        },
        { cookie: await cookieFor("dana@northwind.test") },
      ),
      { applicationId: String(applicationId) },
    );
    expect((bad.data as { fieldErrors: Record<string, string[]> }).fieldErrors.panelIds).toEqual([
      "Interviewers must be on this role's hiring team",
    ]);
  });
});

describe("filling a scorecard", () => {
  it("refuses an incomplete submission with field errors, 400 and no write", async () => {
    const { interviewId } = await freshInterview();
    await save(interviewId, "sam@northwind.test", { intent: "nothing" });
    const changes = totalChanges();
    const out = await save(interviewId, "sam@northwind.test", {
      intent: "submit",
      rating_production_systems: "4",
      rating_evals: "7",
    });
    expect(out.status).toBe(400);
    const { fieldErrors } = out.data as { fieldErrors: Record<string, string[]> };
    expect(fieldErrors.rating_evals).toEqual(["Choose a rating"]);
    const missing = await save(interviewId, "sam@northwind.test", { intent: "submit", rating_production_systems: "4" });
    expect((missing.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toMatchObject({
      rating_evals: ["Rate this area, or mark it not assessed"],
      rating_security: ["Rate this area, or mark it not assessed"],
      recommendation: ["Choose a recommendation (or no decision)"],
    });
    expect(totalChanges()).toBe(changes);
    expect(cardOf(interviewId, "sam@northwind.test")).toBeUndefined();
  });

  it("refuses a weak signal on an area marked not assessed, and takes it as a draft", async () => {
    const { interviewId } = await freshInterview();
    const changes = totalChanges();
    const out = await save(interviewId, "sam@northwind.test", {
      intent: "submit",
      ...fill(),
      weakSignals: ["security:Secrets in code or prompts", "evals:No thresholds"],
    });
    expect(out.status).toBe(400);
    // Only the not-assessed area is refused; a weak signal beside a rating is what the list is for.
    expect((out.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      rating_security: ["Weak signals are ticked for this area: rate it, or untick them"],
    });
    expect(totalChanges()).toBe(changes);
    expect(cardOf(interviewId, "sam@northwind.test")).toBeUndefined();
    // A draft may be half-decided.
    expect(
      (
        await save(interviewId, "sam@northwind.test", {
          intent: "draft",
          ...fill(),
          weakSignals: ["security:Secrets in code or prompts"],
        })
      ).status,
    ).toBe(302);
    const draft = cardOf(interviewId, "sam@northwind.test")!;
    const ok = await save(interviewId, "sam@northwind.test", {
      intent: "submit",
      version: String(draft.version),
      ...fill({ rating_security: "2" }),
      weakSignals: ["security:Secrets in code or prompts"],
    });
    expect(ok.status).toBe(302);
    expect(cardOf(interviewId, "sam@northwind.test")).toMatchObject({
      status: "submitted",
      weakSignals: ["security:Secrets in code or prompts"],
    });
  });

  it("sends what was typed back with a refusal, so a page without JavaScript shows it again", async () => {
    const { interviewId } = await freshInterview();
    const changes = totalChanges();
    const out = await save(interviewId, "sam@northwind.test", {
      intent: "submit",
      ...fill({ recommendation: "" }),
      weakSignals: ["evals:No held-out set"],
    });
    expect(out.status).toBe(400);
    const body = out.data as { fieldErrors: Record<string, string[]>; values: Record<string, string | string[]> };
    expect(body.fieldErrors.recommendation).toEqual(["Choose a recommendation (or no decision)"]);
    expect(body.values).toMatchObject({
      rating_production_systems: "4",
      evidence_production_systems: "Rolled back a bad prompt release within 10 minutes",
      keyTakeaways: "Strong on production",
      weakSignals: ["evals:No held-out set"],
    });
    expect(totalChanges()).toBe(changes);
    // A conflict sends the edits back too: "copy what you need" needs them on the page.
    expect((await save(interviewId, "sam@northwind.test", { intent: "draft", ...fill() })).status).toBe(302);
    const stale = await save(interviewId, "sam@northwind.test", {
      intent: "draft",
      version: "0",
      ...fill({ keyTakeaways: "Second thoughts" }),
    });
    expect(stale.status).toBe(409);
    expect((stale.data as { values: Record<string, string> }).values.keyTakeaways).toBe("Second thoughts");
  });

  it("saves a partial draft, submits it (locked), and amends with a reason keeping the original", async () => {
    const { interviewId } = await freshInterview();
    expect(
      (await save(interviewId, "sam@northwind.test", { intent: "draft", rating_production_systems: "2" })).status,
    ).toBe(302);
    const draft = cardOf(interviewId, "sam@northwind.test")!;
    expect(draft.status).toBe("draft");
    expect(
      (await save(interviewId, "sam@northwind.test", { intent: "submit", version: String(draft.version), ...fill() }))
        .status,
    ).toBe(302);
    const submitted = cardOf(interviewId, "sam@northwind.test")!;
    expect(submitted).toMatchObject({ status: "submitted", recommendation: "yes" });
    const ratings = db()
      .select()
      .from(schema.scorecardRatings)
      .where(eq(schema.scorecardRatings.scorecardId, submitted.id))
      .all();
    expect(Object.fromEntries(ratings.map((r) => [r.areaKey, r.rating]))).toEqual({
      production_systems: 4,
      evals: 3,
      security: null,
    });

    // Locked: a plain save is refused.
    const locked = await save(interviewId, "sam@northwind.test", {
      intent: "submit",
      version: String(submitted.version),
      ...fill({ rating_evals: "1" }),
    });
    expect(locked.status).toBe(409);
    expect((locked.data as { formError: string }).formError).toMatch(/submitted and locked/);
    // Amending needs a reason.
    const noReason = await save(interviewId, "sam@northwind.test", {
      intent: "amend",
      version: String(submitted.version),
      ...fill({ rating_evals: "2" }),
    });
    expect((noReason.data as { fieldErrors: Record<string, string[]> }).fieldErrors.amendReason).toEqual([
      "Say why you are amending a submitted scorecard",
    ]);
    const amended = await save(interviewId, "sam@northwind.test", {
      intent: "amend",
      version: String(submitted.version),
      ...fill({ rating_evals: "2" }),
      amendReason: "Re-read my notes: the eval plan had no thresholds",
    });
    expect(amended.status).toBe(302);
    const amendEntry = latestAudit()[0];
    expect(amendEntry).toMatchObject({ action: "scorecard.amend", subjectType: "scorecard" });
    expect(amendEntry.fields).toContain("evals");
    expect(JSON.stringify(amendEntry)).not.toContain("thresholds");
    const after = cardOf(interviewId, "sam@northwind.test")!;
    expect(after.status).toBe("submitted");
    const evals = db()
      .select()
      .from(schema.scorecardRatings)
      .where(and(eq(schema.scorecardRatings.scorecardId, after.id), eq(schema.scorecardRatings.areaKey, "evals")))
      .get()!;
    expect(evals.rating).toBe(2);
    const history = db()
      .select()
      .from(schema.scorecardAmendments)
      .where(eq(schema.scorecardAmendments.scorecardId, after.id))
      .all();
    expect(history).toHaveLength(1);
    expect(history[0].reason).toMatch(/no thresholds/);
    expect(
      (history[0].before as { ratings: { areaKey: string; rating: number }[] }).ratings.find(
        (r) => r.areaKey === "evals",
      )!.rating,
    ).toBe(3);
  });

  it("gives the second of two saves from a stale copy a conflict and keeps the first", async () => {
    const { interviewId } = await freshInterview();
    expect((await save(interviewId, "sam@northwind.test", { intent: "draft", rating_evals: "3" })).status).toBe(302);
    const v = String(cardOf(interviewId, "sam@northwind.test")!.version);
    expect(
      (await save(interviewId, "sam@northwind.test", { intent: "draft", version: v, rating_evals: "4" })).status,
    ).toBe(302);
    const stale = await save(interviewId, "sam@northwind.test", { intent: "draft", version: v, rating_evals: "1" });
    expect(stale.status).toBe(409);
    const card = cardOf(interviewId, "sam@northwind.test")!;
    expect(
      db()
        .select()
        .from(schema.scorecardRatings)
        .where(and(eq(schema.scorecardRatings.scorecardId, card.id), eq(schema.scorecardRatings.areaKey, "evals")))
        .get()!.rating,
    ).toBe(4);
  });
});

describe("drafts and the template an interview was scheduled on", () => {
  it("keeps unanswered areas unanswered in a draft (not 'not assessed'), and no recommendation until one is chosen", async () => {
    const { interviewId } = await freshInterview();
    await save(interviewId, "sam@northwind.test", {
      intent: "draft",
      rating_evals: "3",
      evidence_security: "Asked about retention",
    });
    const page = await invoke(
      scorecardRoute.loader,
      get(`/interviews/${interviewId}/scorecard`, cookies.get("sam@northwind.test")!),
      { interviewId: String(interviewId) },
    );
    const defaults = (
      page.data as {
        defaults: { ratings: Record<string, { rating: number | null; assessed: boolean }>; recommendation: string };
      }
    ).defaults;
    expect(defaults.ratings.evals).toMatchObject({ rating: 3, assessed: true });
    expect(defaults.ratings.security).toMatchObject({ rating: null, assessed: false });
    expect(defaults.ratings.production_systems).toBeUndefined();
    expect(defaults.recommendation).toBe("");
  });

  it("keeps scorecards on the interview's template version after the template changes", async () => {
    const { interviewId } = await freshInterview(["production_systems"]);
    const iv = db().select().from(schema.interviews).where(eq(schema.interviews.id, interviewId)).get()!;
    expect(iv.templateId).toBe(templateAreas(copilot()).id);
    db()
      .insert(schema.scorecardTemplates)
      .values({
        roleId: copilot(),
        version: 99,
        areas: [{ key: "other", name: "Other", strong: "", weak: "", signals: [], weight: 1, knockout: false }],
        createdAt: new Date(),
      })
      .run();
    const page = await invoke(
      scorecardRoute.loader,
      get(`/interviews/${interviewId}/scorecard`, await cookieFor("sam@northwind.test")),
      { interviewId: String(interviewId) },
    );
    expect((page.data as { areas: { key: string }[] }).areas.map((a) => a.key)).toEqual(["production_systems"]);
    db()
      .delete(schema.scorecardTemplates)
      .where(and(eq(schema.scorecardTemplates.roleId, copilot()), eq(schema.scorecardTemplates.version, 99)))
      .run();
  });

  it("refuses impossible times with a field error", async () => {
    const { applicationId } = await freshInterview();
    const out = await invoke(
      scheduleRoute.action,
      post(
        `/applications/${applicationId}/interviews/new`,
        {
          kind: "screen",
          startsAt: "2026-12-01T25:00",
          durationMinutes: "30",
          panelIds: [String(userIdByEmail("sam@northwind.test"))],
          focusAreas: ["evals"],
        },
        { cookie: await cookieFor("dana@northwind.test") },
      ),
      { applicationId: String(applicationId) },
    );
    expect(out.status).toBe(400);
    expect((out.data as { fieldErrors: Record<string, string[]> }).fieldErrors.startsAt).toEqual([
      "Start must be a real date and time",
    ]);
  });
});

describe("blind feedback for each kind of user", () => {
  it("keeps the panel hidden while the interviewer still owes a scorecard for another interview of the same candidate", async () => {
    const { interviewId, applicationId } = await freshInterview();
    await save(interviewId, "sam@northwind.test", { intent: "submit", ...fill() });
    await save(interviewId, "jordan@northwind.test", { intent: "submit", ...fill() });
    // A second interview: Jordan submits, Sam has not yet.
    const second = db()
      .insert(schema.interviews)
      .values({ applicationId, kind: "final", startsAt: new Date(), endsAt: new Date(), focusAreas: ["evals"] })
      .returning()
      .get();
    db()
      .insert(schema.interviewPanel)
      .values([
        { interviewId: second.id, userId: userIdByEmail("sam@northwind.test") },
        { interviewId: second.id, userId: userIdByEmail("jordan@northwind.test") },
      ])
      .run();
    await save(second.id, "jordan@northwind.test", {
      intent: "submit",
      rating_evals: "1",
      recommendation: "strong_no",
    });
    const page = await invoke(
      scorecardRoute.loader,
      get(`/interviews/${second.id}/scorecard`, cookies.get("sam@northwind.test")!),
      { interviewId: String(second.id) },
    );
    expect(page.data).toMatchObject({ panel: [] });
    expect(JSON.stringify(page.data)).not.toMatch(/strong_no/);
    // Sam's page for the interview already submitted says the other one is why the panel stays hidden.
    const first = await invoke(
      scorecardRoute.loader,
      get(`/interviews/${interviewId}/scorecard`, cookies.get("sam@northwind.test")!),
      { interviewId: String(interviewId) },
    );
    expect(first.data).toMatchObject({ status: "submitted", panel: [], otherSeatsOwed: 1 });
    expect(page.data).toMatchObject({ otherSeatsOwed: 0 });
  });

  it("hides Jordan's scorecard from Sam until Sam submits; HR, admin and the hiring manager see it at once", async () => {
    const { interviewId, applicationId } = await freshInterview();
    expect(
      (
        await save(interviewId, "jordan@northwind.test", {
          intent: "submit",
          ...fill({ rating_production_systems: "1", recommendation: "strong_no" }),
        })
      ).status,
    ).toBe(302);
    const view = async (email: string) => {
      const out = await invoke(appPage.loader, get(`/applications/${applicationId}`, await cookieFor(email)), {
        applicationId: String(applicationId),
      });
      return (out.data as { feedback: { summary: { scorecards: number } | null; hiddenCount: number } }).feedback;
    };
    expect(await view("sam@northwind.test")).toMatchObject({ summary: null, hiddenCount: 1 });
    for (const email of ["dana@northwind.test", "priya@northwind.test", "morgan@northwind.test"]) {
      expect(await view(email), email).toMatchObject({ summary: { scorecards: 1 }, hiddenCount: 0 });
    }
    // Sam's own scorecard page also hides it, then shows it once Sam submits.
    const before = await invoke(
      scorecardRoute.loader,
      get(`/interviews/${interviewId}/scorecard`, await cookieFor("sam@northwind.test")),
      { interviewId: String(interviewId) },
    );
    expect(before.data).toMatchObject({ panel: [], hiddenCount: 1 });
    expect(JSON.stringify(before.data)).not.toMatch(/strong_no/);
    expect((await save(interviewId, "sam@northwind.test", { intent: "submit", ...fill() })).status).toBe(302);
    const afterSubmit = await view("sam@northwind.test");
    expect(afterSubmit).toMatchObject({ summary: { scorecards: 2 }, hiddenCount: 0 });
    // Riley (off the team) and Tomás (another role) cannot open it at all.
    for (const email of ["riley@northwind.test", "tomas@northwind.test"]) {
      expect(
        (
          await invoke(appPage.loader, get(`/applications/${applicationId}`, await cookieFor(email)), {
            applicationId: String(applicationId),
          })
        ).status,
      ).toBe(403);
    }
  });

  it("shows everything to interviewers when the role turns blindness off", async () => {
    const { interviewId, applicationId } = await freshInterview();
    await save(interviewId, "jordan@northwind.test", { intent: "submit", ...fill() });
    db().update(schema.roles).set({ blindFeedback: false }).where(eq(schema.roles.id, copilot())).run();
    const out = await invoke(
      appPage.loader,
      get(`/applications/${applicationId}`, await cookieFor("sam@northwind.test")),
      { applicationId: String(applicationId) },
    );
    expect((out.data as { feedback: { summary: { scorecards: number } } }).feedback.summary.scorecards).toBe(1);
    db().update(schema.roles).set({ blindFeedback: true }).where(eq(schema.roles.id, copilot())).run();
  });

  it("shows the weighted total with its arithmetic and the knock-out flag", async () => {
    const { interviewId, applicationId } = await freshInterview();
    await save(interviewId, "jordan@northwind.test", {
      intent: "submit",
      ...fill({ rating_production_systems: "2", rating_evals: "4", rating_security: "na" }),
    });
    await save(interviewId, "sam@northwind.test", {
      intent: "submit",
      ...fill({ rating_production_systems: "2", rating_evals: "2", rating_security: "na" }),
    });
    const out = await invoke(
      appPage.loader,
      get(`/applications/${applicationId}`, await cookieFor("dana@northwind.test")),
      { applicationId: String(applicationId) },
    );
    const summary = (
      out.data as {
        feedback: {
          summary: {
            weightedTotal: number;
            knockouts: string[];
            arithmetic: { leftOut: { name: string }[] };
            areas: { key: string; spread: number | null; disagreement: boolean }[];
          };
        };
      }
    ).feedback.summary;
    // Current template (v2): production 3×2, evals 3×3 over weights 6 = 2.5; security and unasked areas left out.
    expect(summary.weightedTotal).toBe(2.5);
    expect(summary.knockouts).toEqual(["Production systems"]);
    expect(summary.areas.find((a) => a.key === "evals")).toMatchObject({ spread: 2, disagreement: true });
    expect(summary.arithmetic.leftOut.map((l) => l.name)).toContain("Security");
  });
});

describe("templates", () => {
  it("edits an unused template in place and versions a used one", async () => {
    const dana = await cookieFor("dana@northwind.test");
    const roleId = roleIdByTitle("Agency Pod, Sales Email Assistant");
    // The fingerprint of what the editor page showed, as the page sends it.
    const stamp = async () =>
      (
        (await invoke(templateRoute.loader, get(`/roles/${roleId}/template`, dana), { roleId: String(roleId) }))
          .data as { stamp: string }
      ).stamp;
    const fields = (
      version: number,
      areas: { key: string; name: string; weight: number; knockout: boolean; strong: string; weak: string }[],
      extra: Record<string, string> = {},
    ) => {
      const out: Record<string, string> = { blindFeedback: "on", templateVersion: String(version), ...extra };
      for (const a of areas)
        Object.assign(
          out,
          {
            [`name_${a.key}`]: a.name,
            [`weight_${a.key}`]: String(a.weight),
            [`strong_${a.key}`]: a.strong,
            [`weak_${a.key}`]: a.weak,
          },
          a.knockout ? { [`knockout_${a.key}`]: "on" } : {},
        );
      return out;
    };
    const v1 = templateAreas(roleId);
    const areas = v1.areas as {
      key: string;
      name: string;
      weight: number;
      knockout: boolean;
      strong: string;
      weak: string;
    }[];
    const opened = await stamp();
    const edited = await invoke(
      templateRoute.action,
      post(
        `/roles/${roleId}/template`,
        fields(
          v1.version,
          areas.map((a, i) => (i === 0 ? { ...a, weight: 5 } : a)),
          { drop_business_communication: "on", newName: "Sales domain", newWeight: "2", templateStamp: opened },
        ),
        { cookie: dana },
      ),
      { roleId: String(roleId) },
    );
    expect(edited.location).toBe(`/roles/${roleId}/template?saved=updated`);
    expect(latestAudit()[0]).toMatchObject({ action: "template.update", roleId });
    // A second editor who opened the same unused version before that save is refused: the version number did not move, the template did.
    const priya = await cookieFor("priya@northwind.test");
    const changes = totalChanges();
    const second = await invoke(
      templateRoute.action,
      post(`/roles/${roleId}/template`, fields(v1.version, areas, { templateStamp: opened }), { cookie: priya }),
      { roleId: String(roleId) },
    );
    expect(second.status).toBe(409);
    expect(totalChanges()).toBe(changes);
    const same = templateAreas(roleId);
    expect(same.version).toBe(v1.version);
    const names = (same.areas as { name: string; weight: number; key: string }[]).map((a) => [a.name, a.weight]);
    expect(names[0]).toEqual(["Production systems", 5]);
    expect(names.map((n) => n[0])).not.toContain("Business communication");
    expect((same.areas as { key: string }[]).at(-1)!.key).toBe("sales_domain");

    // Use it, then change it: a new version, and the old scorecard keeps its version.
    const candidate = firstUnplacedCandidate();
    const app = db()
      .insert(schema.applications)
      .values({ roleId, candidateId: candidate.id, stage: "interviewing", stageChangedAt: new Date() })
      .returning()
      .get();
    const iv = db()
      .insert(schema.interviews)
      .values({
        applicationId: app.id,
        kind: "screen",
        startsAt: new Date(),
        endsAt: new Date(),
        focusAreas: ["production_systems"],
      })
      .returning()
      .get();
    db()
      .insert(schema.interviewPanel)
      .values({ interviewId: iv.id, userId: userIdByEmail("dana@northwind.test") })
      .run();
    expect(
      (
        await save(iv.id, "dana@northwind.test", {
          intent: "submit",
          rating_production_systems: "3",
          recommendation: "yes",
        })
      ).status,
    ).toBe(302);
    const before = await stamp();
    const again = await invoke(
      templateRoute.action,
      post(`/roles/${roleId}/template`, fields(same.version, same.areas as never[], { templateStamp: before }), {
        cookie: dana,
      }),
      { roleId: String(roleId) },
    );
    expect(again.location).toBe(`/roles/${roleId}/template?saved=v${same.version + 1}`);
    const card = db().select().from(schema.scorecards).where(eq(schema.scorecards.interviewId, iv.id)).get()!;
    expect(card.templateId).toBe(same.id);
    expect(templateAreas(roleId).version).toBe(same.version + 1);

    // A form opened on the old version is refused, not applied to the new one.
    const stale = await invoke(
      templateRoute.action,
      post(`/roles/${roleId}/template`, fields(same.version, same.areas as never[], { templateStamp: before }), {
        cookie: dana,
      }),
      { roleId: String(roleId) },
    );
    expect(stale.status).toBe(409);
    expect(templateAreas(roleId).version).toBe(same.version + 1);
  });
});
