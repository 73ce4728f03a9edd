// The rollup's aggregate SQL must agree with a plain recomputation in code
// (the domain's summarize) on random data: a property test over seeds.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { defaultAreas, scorecardState, summarize, type Rating, type ScoreInput } from "~/domain/scorecard";
import { getRoleRollup } from "~/models/rollup.server";
import * as home from "~/routes/_index";
import * as rollupRoute from "~/routes/roles.$roleId.rollup";
import * as compareRoute from "~/routes/roles.$roleId.compare";
import * as csvRoute from "~/routes/roles.$roleId.compare[.csv]";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, roleIdByTitle, userIdByEmail } from "../support/http";
import { seededRandom } from "../../app/domain/random";

function randomRole(seed: number) {
  const rand = seededRandom(seed);
  const db = getDb();
  const userIds = ["sam@northwind.test", "jordan@northwind.test", "dana@northwind.test", "riley@northwind.test"].map(
    userIdByEmail,
  );
  const role = db
    .insert(schema.roles)
    .values({ title: `Property role ${seed}`, team: "T", location: "L" })
    .returning()
    .get();
  // Random weights, some zero, some areas dropped.
  const areas = defaultAreas.filter(() => rand() > 0.15).map((a) => ({ ...a, weight: Math.floor(rand() * 4) }));
  const template = db
    .insert(schema.scorecardTemplates)
    .values({ roleId: role.id, version: 1, areas, createdAt: new Date() })
    .returning()
    .get();
  const people = db.select({ id: schema.candidates.id }).from(schema.candidates).all();
  const cards: Record<number, ScoreInput[]> = {};
  for (let i = 0; i < 6 + Math.floor(rand() * 8); i++) {
    const app = db
      .insert(schema.applications)
      .values({
        roleId: role.id,
        candidateId: people[(seed * 7 + i) % people.length].id,
        stage: "interviewing",
        stageChangedAt: new Date(),
      })
      .returning()
      .get();
    cards[app.id] = [];
    for (let k = 0; k < Math.floor(rand() * 3); k++) {
      const iv = db
        .insert(schema.interviews)
        .values({
          applicationId: app.id,
          kind: "screen",
          startsAt: new Date(),
          endsAt: new Date(),
          focusAreas: areas.map((a) => a.key),
        })
        .returning()
        .get();
      for (const userId of userIds.filter(() => rand() > 0.4)) {
        const submitted = rand() > 0.2;
        const recommendation = (["strong_no", "no", "yes", "strong_yes", "no_decision"] as const)[
          Math.floor(rand() * 5)
        ];
        const card = db
          .insert(schema.scorecards)
          .values({
            interviewId: iv.id,
            interviewerId: userId,
            templateId: template.id,
            status: submitted ? "submitted" : "draft",
            recommendation,
          })
          .returning()
          .get();
        const ratings: Record<string, Rating | null> = {};
        for (const a of areas) {
          if (rand() < 0.1) continue; // area skipped on this card
          const rating = rand() < 0.2 ? null : ((1 + Math.floor(rand() * 4)) as Rating);
          ratings[a.key] = rating;
          db.insert(schema.scorecardRatings).values({ scorecardId: card.id, areaKey: a.key, rating }).run();
        }
        if (submitted)
          cards[app.id].push({
            id: card.id,
            interviewerName: String(userId),
            templateVersion: 1,
            ratings,
            recommendation,
          });
      }
    }
  }
  return { roleId: role.id, areas, cards };
}

describe("role rollup", () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`matches a plain recomputation (seed ${seed})`, () => {
      const { roleId, areas, cards } = randomRole(seed);
      const rollup = getRoleRollup(roleId)!;
      expect(rollup.rows).toHaveLength(Object.keys(cards).length);
      for (const row of rollup.rows) {
        const expected = summarize(areas, cards[row.id]);
        expect(row.scorecards, `scorecards of ${row.id}`).toBe(expected.scorecards);
        expect(row.weightedTotal, `total of ${row.id}`).toBe(cards[row.id].length ? expected.weightedTotal : null);
        for (const area of expected.areas) {
          expect(row.areas[area.key].average, `${row.id} ${area.key}`).toBe(area.average);
          expect(row.areas[area.key].spread, `${row.id} ${area.key} spread`).toBe(area.spread);
        }
        for (const [rec, n] of Object.entries(expected.tally))
          expect(row.tally[rec as keyof typeof row.tally] ?? 0).toBe(n);
        // Must-pass areas under the bar, as the application's summary flags them.
        expect(
          row.mustPass.below.map((k) => areas.find((a) => a.key === k)!.name),
          `${row.id} must-pass`,
        ).toEqual(expected.knockouts);
      }
    });
  }

  it("computes the funnel from the stage history", () => {
    const rollup = getRoleRollup(
      getDb().select().from(schema.roles).where(eq(schema.roles.title, "Senior AI Engineer, Support Copilot")).get()!
        .id,
    )!;
    const byStage = Object.fromEntries(rollup.funnel.map((f) => [f.stage, f]));
    expect(byStage.sourced.reached).toBeGreaterThanOrEqual(byStage.screening.reached);
    expect(byStage.screening.reached).toBeGreaterThanOrEqual(byStage.final.reached);
    expect(byStage.offer.current).toBe(1);
    expect(byStage.screening.passThrough).toBeGreaterThan(0);
    expect(rollup.scorecardsDue).toBeGreaterThanOrEqual(rollup.scorecardsSubmitted);
  });

  it("refuses the hiring manager of another role, and gives interviewers no cost figures", async () => {
    const roleId = String(
      getDb().select().from(schema.roles).where(eq(schema.roles.title, "Senior AI Engineer, Support Copilot")).get()!
        .id,
    );
    expect(
      (
        await invoke(rollupRoute.loader, get(`/roles/${roleId}/rollup`, await cookieFor("tomas@northwind.test")), {
          roleId,
        })
      ).status,
    ).toBe(403);
    const sam = await invoke(
      rollupRoute.loader,
      get(`/roles/${roleId}/rollup`, await cookieFor("sam@northwind.test")),
      { roleId },
    );
    expect(sam.status).toBe(200);
    const body = JSON.stringify(sam.data);
    expect(body).not.toMatch(/"cost":\{|"total":\d|Base salary|Rate × expected hours|"expectedHours"/);
    const dana = await invoke(
      rollupRoute.loader,
      get(`/roles/${roleId}/rollup`, await cookieFor("dana@northwind.test")),
      { roleId },
    );
    expect(JSON.stringify(dana.data)).toMatch(/"cost":\{"total":\d+/);
    expect(JSON.stringify(dana.data)).toMatch(/"recruitingCost":\d+/);
  });
});

describe("the rollup's stage filter", () => {
  it("narrows to every open stage at once, leaving out hired, rejected and withdrawn", async () => {
    const roleId = String(
      getDb().select().from(schema.roles).where(eq(schema.roles.title, "Senior AI Engineer, Support Copilot")).get()!
        .id,
    );
    const out = await invoke(
      rollupRoute.loader,
      get(`/roles/${roleId}/rollup?stage=open`, await cookieFor("dana@northwind.test")),
      { roleId },
    );
    const data = out.data as { rowCount: number; rows: { stage: string }[] };
    const open = getDb()
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.roleId, Number(roleId)))
      .all()
      .filter((a) => !["hired", "rejected", "withdrawn"].includes(a.stage));
    const closed =
      getDb()
        .select()
        .from(schema.applications)
        .where(eq(schema.applications.roleId, Number(roleId)))
        .all().length - open.length;
    expect(closed).toBeGreaterThan(0);
    expect(data.rowCount).toBe(open.length);
    expect(data.rows.every((r) => !["hired", "rejected", "withdrawn"].includes(r.stage))).toBe(true);
  });
});

describe("the rollup's sorting", () => {
  it("puts blanks (no score, no cost figure, no spread) last whichever way a column is sorted", async () => {
    const roleId = String(roleIdByTitle("Senior AI Engineer, Support Copilot"));
    const cookie = await cookieFor("dana@northwind.test");
    type Row = { weightedTotal: number | null; maxSpread: number | null; cost: { total: number | null } | null };
    const pick = {
      total: (r: Row) => r.weightedTotal,
      spread: (r: Row) => r.maxSpread,
      cost: (r: Row) => r.cost?.total ?? null,
    };
    for (const [sort, value] of Object.entries(pick)) {
      for (const dir of ["asc", "desc"]) {
        const out = await invoke(
          rollupRoute.loader,
          get(`/roles/${roleId}/rollup?sort=${sort}&dir=${dir}&page=1`, cookie),
          { roleId },
        );
        const data = out.data as { rows: Row[]; rowCount: number; perPage: number };
        const values = data.rows.map(value);
        const firstBlank = values.indexOf(null);
        // Once a blank shows, only blanks follow; before it the figures run in order.
        if (firstBlank >= 0)
          expect(
            values.slice(firstBlank).every((v) => v === null),
            `${sort} ${dir}`,
          ).toBe(true);
        const figures = values.filter((v): v is number => v !== null);
        expect(figures, `${sort} ${dir}`).toEqual([...figures].sort((a, b) => (dir === "asc" ? a - b : b - a)));
      }
    }
  });
});

describe("compliance status in the rollup and the comparison", () => {
  it("reaches only those who may read compliance: not interviewers, on the page, the comparison or the CSV", async () => {
    const roleId = String(
      getDb().select().from(schema.roles).where(eq(schema.roles.title, "Senior AI Engineer, Support Copilot")).get()!
        .id,
    );
    const open = getDb()
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.roleId, Number(roleId)))
      .all()
      .filter((a) => !["hired", "rejected", "withdrawn"].includes(a.stage))
      .slice(0, 3);
    expect(open.length).toBe(3);
    const ids = open.map((a) => a.id).join(",");
    const views = async (email: string) => {
      const cookie = await cookieFor(email);
      const rollup = (await invoke(rollupRoute.loader, get(`/roles/${roleId}/rollup`, cookie), { roleId })).data as {
        seesCompliance: boolean;
        rows: { missingChecks: string[] | null }[];
      };
      const compare = (
        await invoke(compareRoute.loader, get(`/roles/${roleId}/compare?ids=${ids}`, cookie), { roleId })
      ).data as { seesCompliance: boolean; candidates: { missingChecks: string[] | null }[] };
      const csv = await csvRoute.loader({
        request: get(`/roles/${roleId}/compare.csv?ids=${ids}`, cookie),
        params: { roleId },
        context: {} as never,
      });
      return { rollup, compare, csv: await csv.text() };
    };
    const dana = await views("dana@northwind.test");
    expect(dana.rollup.seesCompliance).toBe(true);
    expect(dana.rollup.rows.some((r) => Array.isArray(r.missingChecks))).toBe(true);
    expect(dana.compare.candidates.every((c) => Array.isArray(c.missingChecks))).toBe(true);
    expect(dana.csv).toMatch(/^Compliance,/m);

    const sam = await views("sam@northwind.test");
    expect(sam.rollup.seesCompliance).toBe(false);
    expect(sam.rollup.rows.every((r) => r.missingChecks === null)).toBe(true);
    expect(sam.compare.seesCompliance).toBe(false);
    expect(sam.compare.candidates.length).toBe(3);
    expect(sam.compare.candidates.every((c) => c.missingChecks === null)).toBe(true);
    expect(sam.csv).not.toMatch(/Compliance|NDA|IP assignment|Worker classification/);
  });

  it("says where each missing check stands, a failure first, alike on the rollup, the comparison and the CSV", async () => {
    const db = getDb();
    const roleId = db
      .select()
      .from(schema.roles)
      .where(eq(schema.roles.title, "Senior AI Engineer, Support Copilot"))
      .get()!.id;
    const app = db
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.roleId, roleId))
      .all()
      .find((a) => a.stage === "interviewing" && a.candidateId !== null)!;
    // This engagement's IP assignment came back refused.
    db.delete(schema.complianceChecks)
      .where(and(eq(schema.complianceChecks.applicationId, app.id), eq(schema.complianceChecks.type, "ip_assignment")))
      .run();
    db.insert(schema.complianceChecks).values({ type: "ip_assignment", applicationId: app.id, status: "failed" }).run();
    const cookie = await cookieFor("dana@northwind.test");
    const params = { roleId: String(roleId) };
    type Missing = { type: string; status: string }[];
    const rollup = (await invoke(rollupRoute.loader, get(`/roles/${roleId}/rollup?stage=interviewing`, cookie), params))
      .data as { rows: { id: number; missingChecks: Missing }[] };
    const row = rollup.rows.find((r) => r.id === app.id)!;
    expect(row.missingChecks[0]).toEqual({ type: "ip_assignment", status: "failed" });
    expect(row.missingChecks.every((m) => m.status !== "verified" && m.status !== "waived")).toBe(true);
    const compare = (
      await invoke(
        compareRoute.loader,
        get(
          `/roles/${roleId}/compare?ids=${app.id},${rollup.rows.find((r) => r.id !== app.id && r.id > 0)!.id}`,
          cookie,
        ),
        params,
      )
    ).data as { candidates: { id: number; missingChecks: Missing }[] };
    expect(compare.candidates.find((c) => c.id === app.id)!.missingChecks).toEqual(row.missingChecks);
    const csv = await (
      await csvRoute.loader({
        request: get(`/roles/${roleId}/compare.csv?ids=${app.id}`, cookie),
        params,
        context: {} as never,
      })
    ).text();
    expect(csv).toMatch(/^Compliance,not cleared: IP assignment \(failed\)/m);
  });
});

describe("a hiring manager's home", () => {
  it("counts the hires still to make as open roles' headcount less those already hired", async () => {
    const db = getDb();
    // One open role of Dana's gets a hire, so the figure must subtract it.
    const role = db
      .select()
      .from(schema.roles)
      .where(eq(schema.roles.title, "Senior AI Engineer, Support Copilot"))
      .get()!;
    db.update(schema.roles).set({ headcount: 2 }).where(eq(schema.roles.id, role.id)).run();
    const offer = db
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.roleId, role.id))
      .all()
      .find((a) => a.stage === "offer")!;
    db.update(schema.applications).set({ stage: "hired" }).where(eq(schema.applications.id, offer.id)).run();
    const out = await invoke(home.loader, get("/", await cookieFor("dana@northwind.test")));
    const data = out.data as {
      roles: { id: number; status: string; headcount: number }[];
      roleCount: number;
      stats: { openings: number };
    };
    expect(data.roleCount).toBe(data.roles.length);
    const hired = (id: number) =>
      db
        .select()
        .from(schema.applications)
        .where(eq(schema.applications.roleId, id))
        .all()
        .filter((a) => a.stage === "hired").length;
    const expected = data.roles
      .filter((r) => r.status === "open")
      .reduce((n, r) => n + Math.max(0, r.headcount - hired(r.id)), 0);
    expect(hired(role.id)).toBeGreaterThan(0);
    expect(data.stats.openings).toBe(expected);
  });

  it("shows each role's days open and scorecards in against due, as the interviewer's queue rule counts them", async () => {
    const out = await invoke(home.loader, get("/", await cookieFor("dana@northwind.test")));
    expect(out.status).toBe(200);
    const data = out.data as {
      roles: { id: number }[];
      pipelineByRole: Record<number, { age: { days: number }; scorecardsDue: number; scorecardsSubmitted: number }>;
    };
    expect(data.roles.length).toBeGreaterThan(0);
    const now = new Date();
    const sqlite = getDb().$client;
    let anyDue = false;
    for (const role of data.roles) {
      // Every panel seat on the role, read plainly, then sorted by the domain's scorecardState: a seat is due once its interview has ended.
      const seats = sqlite
        .prepare(
          `select i.ends_at endsAt, s.status from interview_panel p join interviews i on i.id = p.interview_id join applications a on a.id = i.application_id
           left join scorecards s on s.interview_id = i.id and s.interviewer_id = p.user_id where a.role_id = ?`,
        )
        .all(role.id) as { endsAt: number; status: "draft" | "submitted" | null }[];
      const states = seats.map((seat) =>
        scorecardState({ status: seat.status, interviewEndsAt: new Date(seat.endsAt), now }),
      );
      const created = (
        sqlite.prepare("select created_at from roles where id = ?").get(role.id) as { created_at: number }
      ).created_at;
      expect(data.pipelineByRole[role.id]).toMatchObject({
        scorecardsDue: states.filter((s) => s !== "upcoming").length,
        scorecardsSubmitted: states.filter((s) => s === "submitted").length,
        age: expect.objectContaining({ days: Math.floor((now.getTime() - created) / 86_400_000) }),
      });
      anyDue ||= states.some((s) => s !== "upcoming");
    }
    expect(anyDue).toBe(true);
  });

  it("holds only roles that seek a permanent hire to the full-time hiring norm", async () => {
    const contract = roleIdByTitle("RAG Contractor, Contract Review Pilot");
    const permanent = roleIdByTitle("Senior AI Engineer, Support Copilot");
    const admin = await cookieFor("morgan@northwind.test");
    const ageOf = async (id: number) =>
      (
        (await invoke(rollupRoute.loader, get(`/roles/${id}/rollup`, admin), { roleId: String(id) })).data as {
          age: { norm: string | null };
        }
      ).age;
    expect((await ageOf(contract)).norm).toBeNull();
    expect((await ageOf(permanent)).norm).not.toBeNull();
  });
});
