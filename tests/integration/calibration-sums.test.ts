// Calibration summed in SQL per interviewer must give exactly what the former implementation gave: it read one
// row per submitted scorecard and summed them in code. That code is kept here as the reference; both run on the
// demo and on random seeded data, for every scope (all roles, a hiring manager's, one role).
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
import { getCalibration } from "~/models/calibration.server";
import type { Viewer } from "~/models/role.server";
import { clearDerivedCache } from "~/utils/cache.server";
import { getDb, schema } from "~/utils/db.server";
import { userIdByEmail } from "../support/http";

afterEach(() => clearDerivedCache());

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
    const role = db
      .insert(schema.roles)
      .values({ title: `Calibration role ${seed}-${r}`, team: "T", location: "L" })
      .returning()
      .get();
    roleIds.push(role.id);
    if (r === 0)
      db.insert(schema.roleTeam)
        .values({ roleId: role.id, userId: userIdByEmail("dana@northwind.test"), teamRole: "hiring_manager" })
        .run();
    const template = db
      .insert(schema.scorecardTemplates)
      .values({ roleId: role.id, version: 1, areas: defaultAreas, createdAt: new Date() })
      .returning()
      .get();
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
        const endsAt = new Date(Date.UTC(2026, 9, 1) + Math.floor(rand() * 1e9));
        const iv = db
          .insert(schema.interviews)
          .values({
            applicationId: app.id,
            kind: "screen",
            startsAt: endsAt,
            endsAt,
            focusAreas: defaultAreas.map((a) => a.key),
          })
          .returning()
          .get();
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

const admin: Viewer = { kind: "admin", id: 0 };
const figures = (rows: { panelAgreement?: unknown; name?: string }[]) =>
  rows.map(({ panelAgreement: _a, name: _n, ...r }) => r);

describe("calibration summed in SQL", () => {
  it("gives the demo's figures as before, for every scope", () => {
    const dana: Viewer = { kind: "hiring_manager", id: userIdByEmail("dana@northwind.test") };
    expect(figures(getCalibration({ ...admin, id: userIdByEmail("morgan@northwind.test") }, null).rows)).toEqual(
      referenceCalibration(null, null),
    );
    expect(figures(getCalibration(dana, null).rows)).toEqual(referenceCalibration(dana.id, null));
    const roles = getDb().select({ id: schema.roles.id }).from(schema.roles).all();
    for (const { id } of roles)
      expect(figures(getCalibration(admin, id).rows), `role ${id}`).toEqual(referenceCalibration(null, id));
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`matches the former implementation on random panels (seed ${seed})`, () => {
      const roleIds = randomPanels(seed);
      const dana: Viewer = { kind: "hiring_manager", id: userIdByEmail("dana@northwind.test") };
      expect(figures(getCalibration(admin, null).rows)).toEqual(referenceCalibration(null, null));
      expect(figures(getCalibration(dana, null).rows)).toEqual(referenceCalibration(dana.id, null));
      for (const roleId of roleIds)
        expect(figures(getCalibration(admin, roleId).rows)).toEqual(referenceCalibration(null, roleId));
    }, 60_000);
  }
});
