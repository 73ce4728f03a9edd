// Calibration summed in SQL per interviewer must give exactly what the former implementation gave: it read one
// row per submitted scorecard and summed them in code. That code is kept here as the reference; both run on the
// demo and on random seeded data, for every scope (all roles, a hiring manager's, one role). The page shows 50
// interviewers at a time: its rows are followed through every page.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import {
  median,
  outcomeOf,
  type CalibrationCard,
  type InterviewerCalibration,
  type Outcome,
} from "~/domain/calibration";
import { seededRandom } from "~/domain/random";
import { defaultAreas } from "~/domain/scorecard";
import Database from "better-sqlite3";
import { rebuildStatements, triggerNames, triggerStatements } from "../../db/calibration-summaries";
import { totalsRebuildStatements, totalsTriggerNames, totalsTriggerStatements } from "../../db/calibration-totals";
import { getCalibration } from "~/models/calibration.server";
import { getPanelAgreement } from "~/models/agreement.server";
import { CALIBRATION_PAGE_SIZE } from "~/domain/calibration";
import { eraseCandidate } from "~/models/erasure.server";
import { saveScorecard } from "~/models/scorecard.server";
import type { Viewer } from "~/models/role.server";
import { clearDerivedCache } from "~/utils/cache.server";
import { getDb, schema, withSummariesDeferred } from "~/utils/db.server";
import { userIdByEmail } from "../support/http";
import { expectMigrationHolds, readRebuilt } from "../support/summary-migration";

// Each test here runs for seconds without yielding; between them the worker's event loop gets a turn, so that its
// messages to the test runner are answered before their timeout.
afterEach(async () => {
  clearDerivedCache();
  await new Promise((turn) => setImmediate(turn));
});

const { scorecards, scorecardRatings, interviews, applications, roleTeam } = schema;

type Tally = { sum: number; n: number };
const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
const ratio = (t: Tally) => (t.n ? t.sum / t.n : null);
const entry = <K, V>(map: Map<K, V>, key: K, make: () => V): V => map.get(key) ?? map.set(key, make()).get(key)!;
const tally = (): Tally => ({ sum: 0, n: 0 });

/** The former `calibrate` (app/domain/calibration.ts), word for word. */
function referenceCalibrate(cards: CalibrationCard[], outcomes: Map<number, Outcome>): InterviewerCalibration[] {
  const byInterviewer = new Map<number, { cards: CalibrationCard[]; perApplication: Map<number, Tally> }>();
  const perApplication = new Map<number, Tally>();
  for (const c of cards) {
    const mine = entry(byInterviewer, c.interviewerId, () => ({
      cards: [] as CalibrationCard[],
      perApplication: new Map<number, Tally>(),
    }));
    mine.cards.push(c);
    for (const t of [
      entry(mine.perApplication, c.applicationId, tally),
      entry(perApplication, c.applicationId, tally),
    ]) {
      t.sum += c.ratingSum;
      t.n += c.ratingCount;
    }
  }
  return [...byInterviewer].map(([id, { cards: mine, perApplication: myApps }]) => {
    const [given, others, overall] = [tally(), tally(), tally()];
    let shared = 0;
    for (const [appId, my] of myApps) {
      overall.sum += my.sum;
      overall.n += my.n;
      const all = perApplication.get(appId)!;
      const theirs = { sum: all.sum - my.sum, n: all.n - my.n };
      if (my.n && theirs.n) {
        shared += 1;
        given.sum += my.sum;
        given.n += my.n;
        others.sum += theirs.sum;
        others.n += theirs.n;
      }
    }
    const averageGiven = ratio(overall);
    const onShared = round2(ratio(given));
    const coPanel = round2(ratio(others));
    const decided = mine.filter((c) => c.recommendation !== "no_decision" && outcomes.get(c.applicationId));
    const agreed = decided.filter(
      (c) =>
        (c.recommendation === "yes" || c.recommendation === "strong_yes") ===
        (outcomes.get(c.applicationId) === "positive"),
    );
    const areas = mine.reduce((n, c) => n + c.ratingCount + c.notAssessed, 0);
    return {
      interviewerId: id,
      scorecards: mine.length,
      averageGiven: round2(averageGiven),
      sharedAverage: onShared,
      coPanelAverage: coPanel,
      leniency: onShared !== null && coPanel !== null ? round2(onShared - coPanel) : null,
      sharedApplications: shared,
      agreement: decided.length ? round2(agreed.length / decided.length) : null,
      judged: decided.length,
      notAssessedShare: areas ? round2(mine.reduce((n, c) => n + c.notAssessed, 0) / areas) : null,
      noDecisionShare: round2(mine.filter((c) => c.recommendation === "no_decision").length / mine.length) ?? 0,
      medianHoursToSubmit: round2(median(mine.map((c) => c.hoursToSubmit))),
    };
  });
}

/** The former query: one row per submitted scorecard in scope, then the reference in code, most scorecards first. */
function referenceCalibration(managerId: number | null, roleId: number | null) {
  const db = getDb();
  const conditions: SQL[] = [eq(scorecards.status, "submitted")];
  if (managerId !== null) {
    const managed = db
      .select({ id: roleTeam.roleId })
      .from(roleTeam)
      .where(and(eq(roleTeam.userId, managerId), eq(roleTeam.teamRole, "hiring_manager")));
    conditions.push(inArray(applications.roleId, managed));
  }
  if (roleId) conditions.push(eq(applications.roleId, roleId));
  const rows = db
    .select({
      interviewerId: scorecards.interviewerId,
      applicationId: applications.id,
      stage: applications.stage,
      recommendation: scorecards.recommendation,
      msToSubmit: sql<number | null>`${scorecards.submittedAt} - ${interviews.endsAt}`,
      ratingSum: sql<number>`coalesce(sum(${scorecardRatings.rating}), 0)`,
      ratingCount: sql<number>`count(${scorecardRatings.rating})`,
      notAssessed: sql<number>`count(${scorecardRatings.scorecardId}) - count(${scorecardRatings.rating})`,
    })
    .from(scorecards)
    .innerJoin(interviews, eq(interviews.id, scorecards.interviewId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .leftJoin(scorecardRatings, eq(scorecardRatings.scorecardId, scorecards.id))
    .where(and(...conditions))
    .groupBy(scorecards.id)
    .all();
  const cards: CalibrationCard[] = rows.map((r) => ({
    interviewerId: r.interviewerId,
    applicationId: r.applicationId,
    ratingSum: r.ratingSum,
    ratingCount: r.ratingCount,
    notAssessed: r.notAssessed,
    recommendation: r.recommendation,
    hoursToSubmit: r.msToSubmit === null ? 0 : Math.max(0, r.msToSubmit / 3_600_000),
  }));
  const outcomes = new Map(rows.map((r) => [r.applicationId, outcomeOf(r.stage)]));
  return referenceCalibrate(cards, outcomes).sort((a, b) => b.scorecards - a.scorecards);
}

/** A new role and its first scorecard template. */
function roleWithTemplate(title: string) {
  const db = getDb();
  const role = db.insert(schema.roles).values({ title, team: "T", location: "L" }).returning().get();
  const template = db
    .insert(schema.scorecardTemplates)
    .values({ roleId: role.id, version: 1, areas: defaultAreas, createdAt: new Date() })
    .returning()
    .get();
  return { role, template };
}

/** A screen on an application, ending at a random moment from October 2026 on, over every area. */
function screen(applicationId: number, rand: () => number) {
  const endsAt = new Date(Date.UTC(2026, 9, 1) + Math.floor(rand() * 1e9));
  const iv = getDb()
    .insert(schema.interviews)
    .values({ applicationId, kind: "screen", startsAt: endsAt, endsAt, focusAreas: defaultAreas.map((a) => a.key) })
    .returning()
    .get();
  return { iv, endsAt };
}

/** Random panels on new roles: ratings (some not assessed), calls, outcomes, and times to submit (some before the end). */
function randomPanels(seed: number) {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const db = getDb();
  const panel = [
    "sam@northwind.test",
    "jordan@northwind.test",
    "dana@northwind.test",
    "riley@northwind.test",
    "tomas@northwind.test",
  ].map(userIdByEmail);
  const people = db.select({ id: schema.candidates.id }).from(schema.candidates).all();
  const roleIds: number[] = [];
  for (let r = 0; r < 3; r++) {
    const { role, template } = roleWithTemplate(`Calibration role ${seed}-${r}`);
    roleIds.push(role.id);
    if (r === 0)
      db.insert(schema.roleTeam)
        .values({ roleId: role.id, userId: userIdByEmail("dana@northwind.test"), teamRole: "hiring_manager" })
        .run();
    for (let i = 0; i < 8 + Math.floor(rand() * 8); i++) {
      const app = db
        .insert(schema.applications)
        .values({
          roleId: role.id,
          candidateId: people[(seed * 31 + r * 17 + i) % people.length].id,
          stage: pick(["interviewing", "final", "offer", "hired", "rejected", "withdrawn"] as const),
          stageChangedAt: new Date(),
        })
        .onConflictDoNothing()
        .returning()
        .get();
      if (!app) continue;
      for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) {
        const { iv, endsAt } = screen(app.id, rand);
        for (const userId of panel.filter(() => rand() < 0.5)) {
          const submitted = rand() < 0.85;
          const card = db
            .insert(schema.scorecards)
            .values({
              interviewId: iv.id,
              interviewerId: userId,
              templateId: template.id,
              status: submitted ? "submitted" : "draft",
              recommendation: pick(["strong_no", "no", "yes", "strong_yes", "no_decision"] as const),
              submittedAt:
                !submitted || rand() < 0.1 ? null : new Date(endsAt.getTime() + Math.floor((rand() - 0.1) * 3e8)),
            })
            .returning()
            .get();
          for (const area of defaultAreas) {
            if (rand() < 0.15) continue;
            db.insert(schema.scorecardRatings)
              .values({
                scorecardId: card.id,
                areaKey: area.key,
                rating: rand() < 0.15 ? null : 1 + Math.floor(rand() * 4),
              })
              .run();
          }
        }
      }
    }
  }
  return roleIds;
}

/**
 * A role whose panels are drawn from `people` new interviewers (more than a page of them), each interview's panel
 * a random few of them submitting scorecards, loaded in one deferred write as a submit would be.
 */
function crowdedRole(seed: number, people: number) {
  const rand = seededRandom(seed);
  const db = getDb();
  const candidates = db.select({ id: schema.candidates.id }).from(schema.candidates).all();
  return withSummariesDeferred(() => {
    const crowd = Array.from(
      { length: people },
      (_, k) =>
        db
          .insert(schema.users)
          .values({
            email: `crowd-${seed}-${k}@northwind.test`,
            name: `Crowd ${seed}-${k}`,
            kind: "interviewer",
            passwordHash: "x",
          })
          .returning()
          .get().id,
    );
    const { role, template } = roleWithTemplate(`Crowded role ${seed}`);
    for (let i = 0; i < 14; i++) {
      const app = db
        .insert(schema.applications)
        .values({
          roleId: role.id,
          candidateId: candidates[(seed * 7 + i * 13) % candidates.length].id,
          stage: (["interviewing", "offer", "hired", "rejected"] as const)[i % 4],
          stageChangedAt: new Date(),
        })
        .onConflictDoNothing()
        .returning()
        .get();
      if (!app) continue;
      for (let k = 0; k < 2; k++) {
        const { iv, endsAt } = screen(app.id, rand);
        for (const userId of crowd.filter(() => rand() < 0.2)) {
          const card = db
            .insert(schema.scorecards)
            .values({
              interviewId: iv.id,
              interviewerId: userId,
              templateId: template.id,
              status: "submitted",
              recommendation: (["strong_no", "no", "yes", "strong_yes", "no_decision"] as const)[
                Math.floor(rand() * 5)
              ],
              submittedAt: new Date(endsAt.getTime() + Math.floor(rand() * 3e8)),
            })
            .returning()
            .get();
          for (const area of defaultAreas)
            db.insert(schema.scorecardRatings)
              .values({
                scorecardId: card.id,
                areaKey: area.key,
                rating: rand() < 0.1 ? null : 1 + Math.floor(rand() * 4),
              })
              .run();
        }
      }
    }
    return role.id;
  });
}

/** Every page of calibration in turn, following the pager's count; the pages' rows, total and page count. */
function everyPage(viewer: Viewer, roleId: number | null) {
  const first = getCalibration(viewer, roleId, 1);
  const rows = [...first.rows];
  for (let page = 2; page <= first.pageCount; page++) {
    const next = getCalibration(viewer, roleId, page);
    expect(next.page).toBe(page);
    expect(next.total).toBe(first.total);
    rows.push(...next.rows);
  }
  return { rows, total: first.total, pageCount: first.pageCount };
}

const admin: Viewer = { kind: "admin", id: 0 };
const figures = (rows: { panelAgreement?: unknown; name?: string }[]) =>
  rows.map(({ panelAgreement: _a, name: _n, ...r }) => r);

describe("calibration summed in SQL", () => {
  it("gives the demo's figures as before, for every scope", () => {
    const dana: Viewer = { kind: "hiring_manager", id: userIdByEmail("dana@northwind.test") };
    expect(figures(everyPage({ ...admin, id: userIdByEmail("morgan@northwind.test") }, null).rows)).toEqual(
      referenceCalibration(null, null),
    );
    expect(figures(everyPage(dana, null).rows)).toEqual(referenceCalibration(dana.id, null));
    const roles = getDb().select({ id: schema.roles.id }).from(schema.roles).all();
    for (const { id } of roles)
      expect(figures(everyPage(admin, id).rows), `role ${id}`).toEqual(referenceCalibration(null, id));
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`matches the former implementation on random panels (seed ${seed})`, () => {
      const roleIds = randomPanels(seed);
      const dana: Viewer = { kind: "hiring_manager", id: userIdByEmail("dana@northwind.test") };
      expect(figures(everyPage(admin, null).rows)).toEqual(referenceCalibration(null, null));
      expect(figures(everyPage(dana, null).rows)).toEqual(referenceCalibration(dana.id, null));
      for (const roleId of roleIds)
        expect(figures(everyPage(admin, roleId).rows)).toEqual(referenceCalibration(null, roleId));
    }, 60_000);
  }
});

describe("calibration a page at a time", () => {
  it("has every interviewer on exactly one page, in the former order, with the figures of the whole scope", () => {
    const roleId = crowdedRole(21, CALIBRATION_PAGE_SIZE + 20);
    randomPanels(22);
    const dana: Viewer = { kind: "hiring_manager", id: userIdByEmail("dana@northwind.test") };
    getDb().insert(schema.roleTeam).values({ roleId, userId: dana.id, teamRole: "hiring_manager" }).run();
    for (const [viewer, scope, label] of [
      [admin, null, "every role"],
      [admin, roleId, "the crowded role"],
      [dana, null, "a hiring manager's roles"],
    ] as const) {
      const managerId = viewer === dana ? dana.id : null;
      const reference = referenceCalibration(managerId, scope);
      expect(reference.length, label).toBeGreaterThan(CALIBRATION_PAGE_SIZE);
      const paged = everyPage(viewer, scope);
      expect(paged.pageCount, label).toBe(Math.ceil(reference.length / CALIBRATION_PAGE_SIZE));
      expect(paged.total, label).toBe(reference.length);
      expect(figures(paged.rows), label).toEqual(reference);
      // Each interviewer's alpha and the overall one are those of the whole scope, whichever page shows them.
      const whole = getPanelAgreement({ managerId, roleId: scope });
      expect(getCalibration(viewer, scope, 2).overall.units, label).toBe(whole.overall.units);
      expect(getCalibration(viewer, scope, 2).overall.alpha!, label).toBeCloseTo(whole.overall.alpha!, 12);
      for (const row of paged.rows) {
        const expected = whole.byInterviewer.get(row.interviewerId);
        expect(row.panelAgreement.units, `${label}: ${row.interviewerId}`).toBe(expected?.units ?? 0);
        if (expected?.alpha != null) expect(row.panelAgreement.alpha!).toBeCloseTo(expected.alpha, 12);
      }
      // A page past the last shows the last.
      const last = getCalibration(viewer, scope, paged.pageCount + 3);
      expect(last.page, label).toBe(paged.pageCount);
      expect(last.rows, label).toEqual(getCalibration(viewer, scope, paged.pageCount).rows);
    }
  }, 120_000);
});

/** Every summary row calibration and the decision queue read, in a fixed order (nothing is left queued). */
function summaryRows() {
  const client = getDb().$client;
  return Object.fromEntries(
    summaryTables.map((t) => {
      const columns = (client.prepare(`select * from ${t} limit 0`).columns() as { name: string }[]).length;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(", ");
      return [t, client.prepare(`select * from ${t} order by ${order}`).all()];
    }),
  );
}
const summaryTables = [
  "calibration_defer",
  "decision_ready",
  "calibration_dirty",
  "calibration_pairs",
  "calibration_sums",
  "calibration_cards",
  "agreement_ratings",
  "agreement_observers",
  "agreement_interviewers",
  "agreement_units",
  "calibration_totals",
  "agreement_unit_totals",
];

/** The summary rows recomputed from nothing (the migration's backfill), read, and the recomputation rolled back. */
function recomputedRows() {
  return readRebuilt([...rebuildStatements, ...totalsRebuildStatements], summaryRows);
}

/** Random writes on the random panels' roles, through the app and, as a CLI would, through another connection. */
function randomWrites(seed: number, roleIds: number[]) {
  const rand = seededRandom(seed * 101);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const db = getDb();
  const other = new Database(db.$client.name);
  other.pragma("foreign_keys = ON");
  other.pragma("busy_timeout = 5000");
  const apps = () => db.select().from(applications).where(inArray(applications.roleId, roleIds)).all();
  const interviewsOf = () =>
    db
      .select({ id: interviews.id, roleId: applications.roleId, applicationId: interviews.applicationId })
      .from(interviews)
      .innerJoin(applications, eq(applications.id, interviews.applicationId))
      .where(and(inArray(applications.roleId, roleIds), sql`${interviews.cancelledAt} is null`))
      .all();
  const panel = ["sam@northwind.test", "jordan@northwind.test", "dana@northwind.test", "riley@northwind.test"].map(
    userIdByEmail,
  );
  const done = { saved: 0, amended: 0, erased: 0 };
  try {
    for (let step = 0; step < 60; step++) {
      const what = rand();
      if (what < 0.45) {
        const interview = pick(interviewsOf());
        if (!interview) continue;
        const interviewerId = pick(panel);
        const existing = db
          .select()
          .from(scorecards)
          .where(and(eq(scorecards.interviewId, interview.id), eq(scorecards.interviewerId, interviewerId)))
          .get();
        const mode = existing?.status === "submitted" ? "amend" : rand() < 0.8 ? "submit" : "draft";
        const ratings = Object.fromEntries(
          defaultAreas
            .filter(() => rand() < 0.85)
            .map((a) => [
              a.key,
              { rating: rand() < 0.15 ? null : ((1 + Math.floor(rand() * 4)) as 1), evidence: null },
            ]),
        );
        const result = saveScorecard({
          interviewId: interview.id,
          interviewerId,
          roleId: interview.roleId,
          templateId: null,
          mode,
          version: existing?.version ?? null,
          values: {
            ratings,
            weakSignals: [],
            keyTakeaways: null,
            recommendation: pick(["strong_no", "no", "yes", "strong_yes", "no_decision"] as const),
            recommendationChosen: true,
          },
          amendReason: mode === "amend" ? "Second thoughts" : undefined,
          now: new Date(Date.UTC(2026, 10, 1) + Math.floor(rand() * 1e9)),
        });
        expect(result.ok, `${mode} on interview ${interview.id}`).toBe(true);
        // A submit or an amend brings the summary rows up to date in its own transaction: nothing stays queued.
        if (mode !== "draft")
          expect(db.$client.prepare("select count(*) as n from calibration_dirty").get()).toEqual({ n: 0 });
        done[mode === "amend" ? "amended" : "saved"]++;
      } else if (what < 0.6) {
        const app = pick(apps());
        if (app)
          db.update(applications)
            .set({ stage: pick(["interviewing", "final", "offer", "hired", "rejected"] as const) })
            .where(eq(applications.id, app.id))
            .run();
      } else if (what < 0.68) {
        const interview = pick(interviewsOf());
        if (interview)
          other
            .prepare("update interviews set ends_at = ends_at + ? where id = ?")
            .run(Math.floor((rand() - 0.5) * 4e8), interview.id);
      } else if (what < 0.76) {
        const card = other
          .prepare(
            "select r.scorecard_id as id, r.area_key as area from scorecard_ratings r join scorecards s on s.id = r.scorecard_id join interviews i on i.id = s.interview_id join applications a on a.id = i.application_id where s.status = 'submitted' and a.role_id in (select value from json_each(?)) order by random() limit 1",
          )
          .get(JSON.stringify(roleIds)) as { id: number; area: string } | undefined;
        if (card)
          other
            .prepare("update scorecard_ratings set rating = ? where scorecard_id = ? and area_key = ?")
            .run(rand() < 0.2 ? null : 1 + Math.floor(rand() * 4), card.id, card.area);
      } else if (what < 0.82) {
        const interview = pick(interviewsOf());
        if (interview) {
          const card = other.prepare("select id from scorecards where interview_id = ? limit 1").get(interview.id) as
            { id: number } | undefined;
          if (card) other.prepare("delete from scorecards where id = ?").run(card.id);
        }
      } else if (what < 0.86) {
        const interview = pick(interviewsOf());
        if (interview) other.prepare("delete from interviews where id = ?").run(interview.id);
      } else if (what < 0.88) {
        const app = pick(apps());
        if (app) other.prepare("delete from applications where id = ?").run(app.id);
      } else if (what < 0.9) {
        // What the decision queue also follows: a decision at the stage, a cancellation, a seat added or removed.
        const app = pick(apps());
        const interview = pick(interviewsOf());
        const kind = pick(["decision", "cancel", "seat", "unseat"] as const);
        if (kind === "decision" && app)
          other
            .prepare(
              "insert into decisions (application_id, stage, outcome, rationale, cited_areas, decided_at) values (?, ?, 'hold', 'Waiting', '[]', ?)",
            )
            .run(app.id, app.stage, Date.now());
        else if (kind === "cancel" && interview)
          db.update(interviews).set({ cancelledAt: new Date() }).where(eq(interviews.id, interview.id)).run();
        else if (kind === "seat" && interview)
          other
            .prepare("insert or ignore into interview_panel (interview_id, user_id) values (?, ?)")
            .run(interview.id, pick(panel));
        else if (kind === "unseat" && interview)
          other.prepare("delete from interview_panel where interview_id = ?").run(interview.id);
      } else {
        // Erasure: the person's applications closed first (an open one refuses it); ratings and stages stay.
        const app = pick(apps());
        if (!app?.candidateId) continue;
        db.update(applications)
          .set({ stage: "withdrawn" })
          .where(
            and(
              eq(applications.candidateId, app.candidateId),
              sql`${applications.stage} not in ('hired', 'rejected', 'withdrawn')`,
            ),
          )
          .run();
        const erased = eraseCandidate({
          candidateId: app.candidateId,
          actorId: null,
          reason: "Asked to",
          now: new Date(),
        });
        if (erased.ok) done.erased++;
      }
    }
  } finally {
    other.close();
  }
  return done;
}

describe("calibration's summary rows", () => {
  it("are kept by the triggers and backfill the migration holds, as db/calibration-summaries.ts writes them", () => {
    expectMigrationHolds("0020_calibration_summaries.sql", { triggerStatements, rebuildStatements, triggerNames });
  });

  it("and their company-wide totals are kept by the triggers and backfill migration 0022 holds, as db/calibration-totals.ts writes them", () => {
    expectMigrationHolds("0022_calibration_totals.sql", {
      triggerStatements: totalsTriggerStatements,
      rebuildStatements: totalsRebuildStatements,
      triggerNames: totalsTriggerNames,
    });
  });

  it("equal a recomputation from the scorecards on the demo", () => {
    const rows = summaryRows();
    expect(rows.decision_ready.length).toBeGreaterThan(0);
    expect(rows.agreement_units.length).toBeGreaterThan(0);
    expect(rows.calibration_totals.length).toBeGreaterThan(0);
    expect(rows.agreement_unit_totals.length).toBeGreaterThan(0);
    expect(rows).toEqual(recomputedRows());
  });

  for (const seed of [11, 12, 13]) {
    it(`equal a recomputation after random submits, amends, erasures, moves and deletes (seed ${seed})`, () => {
      const roleIds = randomPanels(seed);
      const done = randomWrites(seed, roleIds);
      expect(done.saved).toBeGreaterThan(0);
      expect(done.amended).toBeGreaterThan(0);
      const rows = summaryRows();
      expect(rows.calibration_pairs.length).toBeGreaterThan(0);
      expect(rows.calibration_totals.length).toBeGreaterThan(0);
      expect(rows).toEqual(recomputedRows());
      const dana: Viewer = { kind: "hiring_manager", id: userIdByEmail("dana@northwind.test") };
      expect(figures(everyPage(admin, null).rows)).toEqual(referenceCalibration(null, null));
      expect(figures(everyPage(dana, null).rows)).toEqual(referenceCalibration(dana.id, null));
      for (const roleId of roleIds)
        expect(figures(everyPage(admin, roleId).rows)).toEqual(referenceCalibration(null, roleId));
    }, 120_000);
  }
});
