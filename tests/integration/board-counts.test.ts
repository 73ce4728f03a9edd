// The HR board's counters (board_states, board_counts; db/board-summaries.ts) must always equal a recount from the
// applications and checks: on the demo, after random writes through this connection and another one (as a CLI
// would write), and after a day they follow has come. The board read from them is compared with the former
// implementation in compliance-board.test.ts.
import { afterEach, describe, expect, it } from "vitest";
import { rebuildStatements, triggerNames, triggerStatements } from "../../db/board-summaries";
import * as totals from "../../db/board-totals";
import { checkScope, checkStatuses, checkTypes, STALE_REQUEST_DAYS } from "~/domain/compliance";
import { addDays, isoDay } from "~/domain/dates";
import { stages } from "~/domain/pipeline";
import { BOARD_ROLE_OPTIONS, getComplianceBoard } from "~/models/compliance.server";
import * as boardRoute from "~/routes/compliance._index";
import { clearDerivedCache } from "~/utils/cache.server";
import { getDb, recountLapsedBoardStates, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, userIdByEmail } from "../support/http";
import { expectMigrationHolds, randomWritesFromTwoConnections, readRebuilt } from "../support/summary-migration";

afterEach(() => clearDerivedCache());

/** Every counter row and state, in a stable order (the keys of a state as a sorted list). */
function counterRows() {
  const client = getDb().$client;
  return {
    states: client
      .prepare("select * from board_states order by application_id")
      .all()
      .map((row) => {
        const r = row as { keys: string };
        return { ...r, keys: (JSON.parse(r.keys) as string[]).sort() };
      }),
    counts: client.prepare("select * from board_counts order by key, role_id, stage").all(),
    roleTotals: client.prepare("select * from board_role_totals order by role_id").all(),
    keyTotals: client.prepare("select * from board_key_totals order by key, stage").all(),
  };
}

/** The counters recomputed from nothing (the migration's backfill), read, and the recomputation rolled back. */
function recountedRows() {
  return readRebuilt([...rebuildStatements, ...totals.totalsRebuildStatements], counterRows);
}

/** Random writes to what the board reads, half through this connection and half through another. */
function randomWrites(seed: number) {
  const today = isoDay(new Date());
  randomWritesFromTwoConnections(seed, 120, ({ db, rand, pick, ids, app }) => {
    const day = () => (rand() < 0.3 ? null : isoDay(addDays(new Date(), Math.floor(rand() * 80) - 40)));
    const roleIds = ids("roles");
    const move = rand();
    if (move < 0.25) db.prepare("update applications set stage = ? where id = ?").run(pick(stages), app.id);
    else if (move < 0.55 || move < 0.7) {
      const type = pick(checkTypes);
      const owner =
        checkScope[type] === "application"
          ? ["application_id", app.id]
          : app.candidate_id !== null
            ? ["candidate_id", app.candidate_id]
            : ["agency_id", app.agency_id ?? pick(ids("agencies"))];
      const existing = db
        .prepare(`select id from compliance_checks where ${owner[0]} = ? and type = ?`)
        .get(owner[1], type) as { id: number } | undefined;
      if (existing && move >= 0.55) db.prepare("delete from compliance_checks where id = ?").run(existing.id);
      else if (existing)
        db.prepare("update compliance_checks set status = ?, requested_at = ?, expires_at = ? where id = ?").run(
          pick(checkStatuses),
          day(),
          day(),
          existing.id,
        );
      else
        db.prepare(
          `insert into compliance_checks (type, ${owner[0]}, status, requested_at, expires_at) values (?, ?, ?, ?, ?)`,
        ).run(type, owner[1], pick(checkStatuses), day(), day());
    } else if (move < 0.8)
      db.prepare("update roles set required_checks = ? where id = ?").run(
        JSON.stringify(checkTypes.filter(() => rand() < 0.5)),
        pick(roleIds),
      );
    else if (move < 0.9 && app.candidate_id !== null) {
      const roleId = pick(roleIds);
      db.prepare(
        "insert or ignore into applications (role_id, candidate_id, stage, stage_changed_at) values (?, ?, ?, ?)",
      ).run(roleId, app.candidate_id, pick(stages), Date.now());
    } else if (move < 0.95)
      db.prepare("update or ignore applications set role_id = ? where id = ?").run(pick(roleIds), app.id);
    else db.prepare("delete from applications where id = ?").run(app.id);
  });
  return today;
}

describe("the HR board's counters", () => {
  it("are kept by the triggers and backfill migration 0021 holds, as db/board-summaries.ts writes them", () => {
    expectMigrationHolds("0021_board_counts.sql", { triggerStatements, rebuildStatements, triggerNames });
  });

  it("have totals per role and per key kept by the triggers and backfill migration 0023 holds, as db/board-totals.ts writes them", () => {
    expectMigrationHolds("0023_board_totals.sql", {
      triggerStatements: totals.totalsTriggerStatements,
      rebuildStatements: totals.totalsRebuildStatements,
      triggerNames: totals.totalsTriggerNames,
    });
  });

  it("equal a recount on the demo", () => {
    const rows = counterRows();
    expect(rows.states.length).toBeGreaterThan(0);
    expect(rows.counts.length).toBeGreaterThan(0);
    expect(rows).toEqual(recountedRows());
  });

  for (const seed of [21, 22, 23])
    it(`equal a recount after random writes from two connections (seed ${seed})`, () => {
      randomWrites(seed);
      const rows = counterRows();
      expect(rows.states.length).toBeGreaterThan(0);
      expect(rows).toEqual(recountedRows());
    });

  it("hold until a request goes stale, are corrected on that day, and are recounted once it has come", () => {
    const db = getDb();
    const today = new Date();
    const app = db
      .select()
      .from(schema.applications)
      .all()
      .find((a) => a.candidateId !== null && ["screening", "interviewing"].includes(a.stage))!;
    const role = db
      .select()
      .from(schema.roles)
      .all()
      .find((r) => r.id === app.roleId)!;
    db.$client.prepare("update roles set required_checks = ? where id = ?").run(JSON.stringify(["nda"]), role.id);
    db.$client.prepare("delete from compliance_checks where candidate_id = ? and type = 'nda'").run(app.candidateId);
    // Requested STALE_REQUEST_DAYS ago: not stale today, stale tomorrow.
    db.insert(schema.complianceChecks)
      .values({
        type: "nda",
        candidateId: app.candidateId,
        status: "requested",
        requestedAt: isoDay(addDays(today, -STALE_REQUEST_DAYS)),
      })
      .run();
    const state = db.$client
      .prepare("select valid_from, valid_until, keys from board_states where application_id = ?")
      .get(app.id) as { valid_from: string; valid_until: string; keys: string };
    expect(state.valid_from).toBe(isoDay(today));
    expect(state.valid_until).toBe(isoDay(addDays(today, 1)));
    expect(JSON.parse(state.keys)).toContain("nda:requested");

    const hr = { id: userIdByEmail("priya@northwind.test"), kind: "recruiter" as const };
    const filter = { roleId: role.id, types: ["nda" as const], status: "requested" as const, finalists: false };
    const flaggedOn = (day: Date) => {
      clearDerivedCache();
      return getComplianceBoard(hr, filter, isoDay(day), 1).groups.find((g) => g.applicationId === app.id)?.flagged;
    };
    expect(flaggedOn(today)).toBe(false);
    expect(flaggedOn(addDays(today, 1))).toBe(true);

    // As if the keys had been computed two weeks ago and lapsed today: the daily recount takes them up again.
    db.$client
      .prepare("update board_states set valid_from = ?, valid_until = ? where application_id = ?")
      .run(isoDay(addDays(today, -14)), isoDay(today), app.id);
    expect(recountLapsedBoardStates()).toBeGreaterThanOrEqual(1);
    expect(db.$client.prepare("select valid_from from board_states where application_id = ?").get(app.id)).toEqual({
      valid_from: isoDay(today),
    });
    expect(counterRows()).toEqual(recountedRows());
  });
});

describe("the HR board page with many roles", () => {
  /** 60 open roles, each with one screening application and one finalist missing the NDA. */
  function manyRoles() {
    const db = getDb();
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      const roleId = db
        .insert(schema.roles)
        .values({
          title: `Bulk role ${String(i).padStart(2, "0")}`,
          team: i === 7 ? "Lucky team" : "Bulk",
          location: "L",
          requiredChecks: ["nda"],
        })
        .returning()
        .get().id;
      for (const stage of ["screening", "final"] as const) {
        const candidateId = db
          .insert(schema.candidates)
          .values({
            name: `Bulk ${i} ${stage}`,
            email: `bulk-${i}-${stage}@example.test`,
            engagementType: "full_time",
            source: "sourced",
          })
          .returning()
          .get().id;
        db.insert(schema.applications).values({ roleId, candidateId, stage, stageChangedAt: new Date() }).run();
      }
      ids.push(roleId);
    }
    return ids;
  }

  it("offers the first 50 roles in the picker, finds the others by title or team, and keeps the role picked", async () => {
    const ids = manyRoles();
    const cookie = await cookieFor("priya@northwind.test");
    type Page = {
      roles: { roles: { id: number; title: string }[]; matching: number };
      summaries: unknown[];
      summaryCount: number;
    };
    const load = async (query: string) =>
      (await invoke(boardRoute.loader, get(`/compliance${query}`, cookie))).data as Page;

    const first = await load("");
    expect(first.roles.roles).toHaveLength(BOARD_ROLE_OPTIONS);
    expect(first.roles.matching).toBeGreaterThanOrEqual(60);
    // The summary: the ten roles with most missing, of every role with finalists; all of them when asked.
    expect(first.summaries).toHaveLength(10);
    expect(first.summaryCount).toBeGreaterThanOrEqual(60);
    expect((await load("?roles=all")).summaries).toHaveLength(first.summaryCount);

    const found = await load("?roleq=bulk%20role%2005");
    expect(found.roles.roles.map((r) => r.title)).toEqual(["Bulk role 05"]);
    expect(found.roles.matching).toBe(1);
    expect((await load("?roleq=lucky")).roles.roles.map((r) => r.id)).toEqual([ids[7]]);

    // A role picked stays offered whatever is typed; one the picker would not list at first is offered too.
    const oldest = ids[0];
    expect(first.roles.roles.some((r) => r.id === oldest)).toBe(false);
    const picked = await load(`?role=${oldest}&roleq=lucky`);
    expect(picked.roles.roles.map((r) => r.id).sort()).toEqual([oldest, ids[7]].sort());
  });
});
