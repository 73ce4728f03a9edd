// The HR board's SQL (filtering, ordering, paging, counting, the per-role summary) must give what the former
// implementation gave: it loaded every open application and check and built the board in code. That code is
// kept here as the reference, and both run on random seeded data, for every filter, several pages, and three
// viewers (HR, a hiring manager, and HR grading someone anonymously).
import { describe, expect, it } from "vitest";
import {
  checkFlags,
  checkScope,
  checkStatuses,
  checkTypes,
  effectiveStatus,
  isSatisfied,
  needsAttention,
  BOARD_PAGE_SIZE,
  type CheckStatus,
  type CheckType,
} from "~/domain/compliance";
import { isoDay } from "~/domain/dates";
import { activeStages, isFinalist, isOpenStage, type Stage } from "~/domain/pipeline";
import { seededRandom } from "~/domain/random";
import { scopesFor } from "~/domain/policy";
import {
  getComplianceBoard,
  getComplianceSummaries,
  getMissingChecksByApplication,
  type BoardFilter,
} from "~/models/compliance.server";
import { getMask, getShownName, type Mask } from "~/models/masking.server";
import type { Viewer } from "~/models/role.server";
import * as boardRoute from "~/routes/compliance._index";
import * as home from "~/routes/_index";
import { clearDerivedCache } from "~/utils/cache.server";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, userIdByEmail } from "../support/http";

const fixedToday = "2026-11-21";
const today = fixedToday;
const byText = new Intl.Collator("en", { numeric: true });

type App = {
  id: number;
  stage: Stage;
  roleId: number;
  candidateId: number | null;
  agencyId: number | null;
  name: string;
};
type Check = {
  type: CheckType;
  candidateId: number | null;
  agencyId: number | null;
  applicationId: number | null;
  status: CheckStatus;
  requestedAt: string | null;
  expiresAt: string | null;
};

/** The reference: the board as it was built before, in code, from every open application and check in scope. */
function referenceBoard(viewer: Viewer, filter: BoardFilter, requestedPage: number, mask: Mask, today = fixedToday) {
  const sqlite = getDb().$client;
  const managed = scopesFor(viewer.kind, "read:compliance").includes("any")
    ? null
    : new Set(
        (
          sqlite
            .prepare("select role_id id from role_team where user_id = ? and team_role = 'hiring_manager'")
            .all(viewer.id) as { id: number }[]
        ).map((r) => r.id),
      );
  const apps = (
    sqlite
      .prepare(
        `select a.id, a.stage, a.role_id roleId, a.candidate_id candidateId, a.agency_id agencyId,
           coalesce(c.name, g.name, 'Unknown') name
         from applications a left join candidates c on c.id = a.candidate_id left join agencies g on g.id = a.agency_id order by a.id`,
      )
      .all() as App[]
  ).filter(
    (a) =>
      isOpenStage(a.stage) &&
      (!filter.finalists || isFinalist(a.stage)) &&
      (!filter.roleId || a.roleId === filter.roleId) &&
      (!managed || managed.has(a.roleId)),
  );
  const roleInfo = new Map(
    (
      sqlite.prepare("select id, title, required_checks r from roles").all() as {
        id: number;
        title: string;
        r: string;
      }[]
    ).map((r) => [r.id, { title: r.title, required: JSON.parse(r.r) as CheckType[] }]),
  );
  const checks = sqlite
    .prepare(
      "select type, candidate_id candidateId, agency_id agencyId, application_id applicationId, status, requested_at requestedAt, expires_at expiresAt from compliance_checks",
    )
    .all() as Check[];
  const keyOf = (type: CheckType, scope: string, id: number | null) => `${type}:${scope}:${id}`;
  const byKey = new Map<string, Check>();
  for (const c of checks) {
    const key =
      checkScope[c.type] === "application"
        ? keyOf(c.type, "application", c.applicationId)
        : c.candidateId !== null
          ? keyOf(c.type, "candidate", c.candidateId)
          : keyOf(c.type, "agency", c.agencyId);
    if (!byKey.has(key)) byKey.set(key, c);
  }
  const find = (app: App, type: CheckType) =>
    byKey.get(
      checkScope[type] === "application"
        ? keyOf(type, "application", app.id)
        : app.candidateId !== null
          ? keyOf(type, "candidate", app.candidateId)
          : keyOf(type, "agency", app.agencyId),
    );
  const perRole = new Map<number, { finalists: number; missing: Map<CheckType, number> }>();
  for (const app of apps) {
    if (!perRole.has(app.roleId)) perRole.set(app.roleId, { finalists: 0, missing: new Map() });
    if (!isFinalist(app.stage)) continue;
    const role = perRole.get(app.roleId)!;
    role.finalists++;
    for (const type of roleInfo.get(app.roleId)!.required)
      if (!isSatisfied(find(app, type), today)) role.missing.set(type, (role.missing.get(type) ?? 0) + 1);
  }
  const summaries = [...perRole]
    .map(([roleId, role]) => ({
      roleId,
      roleTitle: roleInfo.get(roleId)!.title,
      finalists: role.finalists,
      required: roleInfo.get(roleId)!.required,
      gaps: roleInfo
        .get(roleId)!
        .required.map((type) => ({ type, missing: role.missing.get(type) ?? 0 }))
        .filter((g) => g.missing > 0),
    }))
    .map((s) => ({ ...s, missingTotal: s.gaps.reduce((n, g) => n + g.missing, 0) }))
    .sort(
      (a, b) =>
        b.missingTotal - a.missingTotal || b.finalists - a.finalists || byText.compare(a.roleTitle, b.roleTitle),
    );
  const rows = apps.flatMap((app) =>
    roleInfo.get(app.roleId)!.required.map((type) => {
      const check = find(app, type);
      return {
        applicationId: app.id,
        roleTitle: roleInfo.get(app.roleId)!.title,
        subject: getShownName(mask, app.id, app.name),
        subjectKind: app.candidateId !== null ? ("candidate" as const) : ("agency" as const),
        masked: mask.applicationIds.has(app.id),
        stage: app.stage,
        type,
        status: effectiveStatus(check, today),
        satisfied: isSatisfied(check, today),
        requestedAt: check?.requestedAt ?? null,
        expiresAt: check?.expiresAt ?? null,
        ...checkFlags(
          {
            status: check?.status ?? "not_requested",
            requestedAt: check?.requestedAt ?? null,
            expiresAt: check?.expiresAt ?? null,
          },
          today,
        ),
      };
    }),
  );
  const shown = rows.filter(
    (r) =>
      (filter.types.length === 0 || filter.types.includes(r.type)) &&
      (filter.status === "all" ? true : filter.status === "missing" ? !r.satisfied : r.status === filter.status),
  );
  type Row = (typeof shown)[number];
  const groupsById = new Map<number, { first: Row; flagged: boolean; items: Row[] }>();
  for (const r of shown) {
    const g =
      groupsById.get(r.applicationId) ??
      groupsById.set(r.applicationId, { first: r, flagged: false, items: [] }).get(r.applicationId)!;
    g.items.push(r);
    g.flagged ||= needsAttention(r);
  }
  const reached = (stage: Stage) => activeStages.indexOf(stage as (typeof activeStages)[number]);
  const groups = [...groupsById.values()].sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      reached(b.first.stage) - reached(a.first.stage) ||
      byText.compare(a.first.roleTitle, b.first.roleTitle) ||
      byText.compare(a.first.subject, b.first.subject),
  );
  const pageCount = Math.max(1, Math.ceil(groups.length / BOARD_PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Math.floor(requestedPage) || 1));
  return {
    summaries,
    summaryCount: summaries.length,
    totalOpenApplications: apps.length,
    groupCount: groups.length,
    page,
    pageCount,
    firstShown: (page - 1) * BOARD_PAGE_SIZE + 1,
    groups: groups.slice((page - 1) * BOARD_PAGE_SIZE, page * BOARD_PAGE_SIZE).map(({ first, flagged, items }) => ({
      applicationId: first.applicationId,
      subject: first.subject,
      subjectKind: first.subjectKind,
      masked: first.masked,
      roleTitle: first.roleTitle,
      stage: first.stage,
      flagged,
      items: items.map((i) => ({
        type: i.type,
        status: i.status,
        satisfied: i.satisfied,
        requestedAt: i.requestedAt,
        expiresAt: i.expiresAt,
        stale: i.stale,
        expiringSoon: i.expiringSoon,
      })),
    })),
  };
}

// Names and titles that sort alike or close: accents, case, numbers, a composed and a decomposed "é", duplicates.
const names = [
  "Ana Núñez",
  "ana nunez",
  "Ñúñez",
  "Øster",
  "Ólafur",
  "Петров",
  "Zoë",
  "Bob 2",
  "Bob 10",
  "O'Brien",
  "Émile",
  "E\u0301mile",
  "van Dijk",
  "Ana Nunez",
];
const titles = [
  "Data Engineer",
  "data engineer",
  "Éval lead",
  "E\u0301val lead",
  "ML Engineer 2",
  "ML Engineer 10",
  "Zeta",
];

function randomData(seed: number) {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const day = (offset: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const db = getDb();
  const manager = userIdByEmail("tomas@northwind.test");
  const hr = userIdByEmail("priya@northwind.test");
  const roleIds = titles.map((title, i) => {
    const required = checkTypes.filter(() => rand() < 0.5);
    const id = db
      .insert(schema.roles)
      .values({
        title: `${title}`,
        team: "T",
        location: "L",
        requiredChecks: rand() < 0.3 ? [...required].reverse() : required,
      })
      .returning()
      .get().id;
    if (i % 2 === 0)
      db.insert(schema.roleTeam).values({ roleId: id, userId: manager, teamRole: "hiring_manager" }).run();
    return id;
  });
  const agencyIds = [0, 1].map(
    (i) =>
      db
        .insert(schema.agencies)
        .values({ name: `${pick(names)} agency ${seed}-${i}`, kind: "delivery_pod" })
        .returning()
        .get().id,
  );
  const stages = ["sourced", "screening", "interviewing", "take_home", "final", "offer", "hired", "rejected"] as const;
  const status = () => pick(checkStatuses);
  const maybeDate = () => (rand() < 0.5 ? null : rand() < 0.1 ? "" : day(Math.floor(rand() * 100) - 50));
  const appIds: number[] = [];
  for (let i = 0; i < 140; i++) {
    const roleId = pick(roleIds);
    const agency = rand() < 0.05;
    const candidateId = agency
      ? null
      : db
          .insert(schema.candidates)
          .values({
            name: pick(names),
            email: `board-${seed}-${i}@example.test`,
            engagementType: "full_time",
            source: "sourced",
          })
          .returning()
          .get().id;
    const app = db
      .insert(schema.applications)
      .values({
        roleId,
        candidateId,
        agencyId: agency ? pick(agencyIds) : null,
        stage: pick(stages),
        stageChangedAt: new Date(),
      })
      .onConflictDoNothing()
      .returning()
      .get();
    if (!app) continue;
    appIds.push(app.id);
    for (const type of checkTypes) {
      if (rand() < 0.45) continue;
      const owner =
        checkScope[type] === "application"
          ? { applicationId: app.id }
          : candidateId !== null
            ? { candidateId }
            : { agencyId: app.agencyId };
      db.insert(schema.complianceChecks)
        .values({ type, ...owner, status: status(), requestedAt: maybeDate(), expiresAt: maybeDate() })
        .onConflictDoNothing()
        .run();
    }
  }
  // HR grades two of these candidates anonymously: the board shows the take-homes' aliases and orders by them.
  for (const applicationId of [appIds[3], appIds[11]]) {
    const th = db
      .insert(schema.takeHomes)
      .values({
        applicationId,
        title: "T",
        instructions: "I",
        timeBoxHours: 2,
        dueOn: today,
        alias: pick(["Candidate Zulu", "Candidate Alpha"]),
        anonymous: true,
      })
      .returning()
      .get();
    db.insert(schema.takeHomeGraders).values({ takeHomeId: th.id, userId: hr }).run();
  }
  return { roleIds, hr, manager };
}

describe("the HR board page on the demo", () => {
  it("shows the demo's figures as before: the summary, the counts and the first page", async () => {
    const cookie = await cookieFor("priya@northwind.test");
    const viewer: Viewer = { id: userIdByEmail("priya@northwind.test"), kind: "recruiter" };
    for (const query of [
      "",
      "?status=all",
      "?check=nda&status=requested",
      "?stage=finalists&status=all",
      "?check=nda&check=ip_assignment&status=all",
      "?check=ip_assignment&check=nda",
    ]) {
      const page = (await invoke(boardRoute.loader, get(`/compliance${query}`, cookie))).data as ReturnType<
        typeof referenceBoard
      >;
      const params = new URL(`http://x/compliance${query}`).searchParams;
      const filter: BoardFilter = {
        roleId: null,
        types: checkTypes.filter((t) => params.getAll("check").includes(t)),
        status: (params.get("status") as BoardFilter["status"]) ?? "missing",
        finalists: params.get("stage") === "finalists",
      };
      const expected = referenceBoard(viewer, filter, 1, getMask(viewer.id), isoDay(new Date()));
      expect(page).toMatchObject(expected);
    }
    const homePage = (await invoke(home.loader, get("/", cookie))).data as { hr: { compliance: unknown[] } };
    expect(homePage.hr.compliance.length).toBeGreaterThan(0);
  });
});

describe("the HR board against the former implementation, on random data", () => {
  // The board's counters hold for the day they were computed (the real today); on any other day (the fixed one, in
  // the past) every application's keys are read again. Both paths must give the reference's board.
  for (const [seed, day] of [
    [1, fixedToday],
    [2, fixedToday],
    [3, fixedToday],
    [6, isoDay(new Date())],
    [7, isoDay(new Date())],
  ] as const) {
    it(`gives the same summaries, counts and pages for every filter (seed ${seed}, on ${day === fixedToday ? "a past day" : "the day the counters hold for"})`, () => {
      const { roleIds, hr, manager } = randomData(seed);
      const rand = seededRandom(seed * 101);
      const viewers: Viewer[] = [
        { id: hr, kind: "recruiter" },
        { id: manager, kind: "hiring_manager" },
        { id: userIdByEmail("morgan@northwind.test"), kind: "admin" },
      ];
      const filters: BoardFilter[] = [];
      for (const roleId of [null, roleIds[0], roleIds[3]])
        for (const types of [
          [],
          ...checkTypes.map((t) => [t]),
          // Several checks at once: any of them.
          [checkTypes[0], checkTypes[1]],
          [checkTypes[1], checkTypes[3], checkTypes[4]],
        ])
          for (const status of ["missing", "all", ...checkStatuses] as const)
            for (const finalists of [false, true]) filters.push({ roleId, types, status, finalists });
      let compared = 0;
      for (const filter of filters) {
        // A random eighth of them, with every status and role at least once per seed.
        if (rand() > 0.125) continue;
        const viewer = viewers[compared % viewers.length];
        const mask = getMask(viewer.id);
        const first = getComplianceBoard(viewer, filter, day, 1);
        const expected = referenceBoard(viewer, filter, 1, mask, day);
        expect(first, JSON.stringify(filter)).toEqual(expected);
        // The summary's first few roles, found in SQL, are the first few of the whole list, with its count.
        clearDerivedCache();
        expect(getComplianceBoard(viewer, filter, day, 1, 3), `${JSON.stringify(filter)} top 3`).toEqual({
          ...expected,
          summaries: expected.summaries.slice(0, 3),
        });
        for (const page of [2, first.pageCount + 4])
          expect(getComplianceBoard(viewer, filter, day, page), `${JSON.stringify(filter)} page ${page}`).toEqual(
            referenceBoard(viewer, filter, page, mask, day),
          );
        compared++;
      }
      expect(compared).toBeGreaterThan(25);
      expect(getMask(hr).applicationIds.size).toBeGreaterThan(0);
    }, 120_000);
  }

  it("lists, for the home page, the roles with paperwork missing as the summary counts them", () => {
    randomData(4);
    const viewer: Viewer = { id: userIdByEmail("priya@northwind.test"), kind: "recruiter" };
    for (const day of [today, isoDay(new Date())]) {
      const expected = referenceBoard(
        viewer,
        { roleId: null, types: [], status: "missing", finalists: true },
        1,
        getMask(viewer.id),
        day,
      ).summaries.filter((s) => s.gaps.length > 0);
      clearDerivedCache();
      expect(getComplianceSummaries(viewer, day)).toEqual(expected);
      // The home's first few, found in SQL: the same as the first few of the whole list, ties included.
      for (const top of [1, 3, 6]) expect(getComplianceSummaries(viewer, day, top)).toEqual(expected.slice(0, top));
    }
  });

  it("gives the rollup each open application's missing checks, worst first", () => {
    const { roleIds } = randomData(5);
    for (const roleId of roleIds) {
      const board = referenceBoard({ id: 0, kind: "admin" }, { roleId, types: [], status: "missing" }, 1, getMask(0));
      const missing = getMissingChecksByApplication(roleId, today);
      expect([...missing.keys()].sort()).toEqual(board.groups.map((g) => g.applicationId).sort());
      for (const g of board.groups)
        expect(new Set(missing.get(g.applicationId)!.map((m) => `${m.type}:${m.status}`))).toEqual(
          new Set(g.items.map((i) => `${i.type}:${i.status}`)),
        );
    }
  });
});
