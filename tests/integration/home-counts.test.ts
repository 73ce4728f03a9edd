// The home page's kept counts (role_stage_counts, open_stage_days, row_counts; db/home-counts.ts) must always
// equal a recount from the rows: on the demo and after random writes through this connection and another one (as
// a CLI would write). The figures read from them must equal a plain computation, and the roles' figures must be
// read from their index alone (an expression that drifts from the index's would silently read every role again).
import { afterEach, describe, expect, it } from "vitest";
import * as counts from "../../db/home-counts";
import { briefReadiness, type RoleBrief } from "~/domain/brief";
import { openStages, stages } from "~/domain/pipeline";
import { listAgencies } from "~/models/agency.server";
import { countStaleApplications } from "~/models/application.server";
import { searchCandidates } from "~/models/candidate.server";
import { getNeedsDecisionPage, getNeedsDecisionQueue } from "~/models/decision.server";
import { getHomeRoleFigures } from "~/models/home.server";
import { clearDerivedCache } from "~/utils/cache.server";
import { getDb, schema } from "~/utils/db.server";
import { userIdByEmail } from "../support/http";
import { expectMigrationHolds, randomWritesFromTwoConnections, readRebuilt } from "../support/summary-migration";

afterEach(() => clearDerivedCache());

const DAY = 86_400_000;

function countRows() {
  const client = getDb().$client;
  return {
    roleStages: client.prepare("select * from role_stage_counts order by role_id, stage").all(),
    openDays: client.prepare("select * from open_stage_days order by day").all(),
    rows: client.prepare("select * from row_counts order by name, key").all(),
  };
}

/** The counts recomputed from nothing (the migration's backfill), read, and the recomputation rolled back. */
function recountedRows() {
  return readRebuilt(counts.countRebuildStatements, countRows);
}

/** Random writes to applications (stage, role, stage date, added, removed), people and agency submissions, half through another connection. */
function randomWrites(seed: number) {
  randomWritesFromTwoConnections(seed, 150, ({ db, rand, pick, ids, i, app }) => {
    const roleIds = ids("roles");
    const agencyIds = ids("agencies");
    const move = rand();
    const when = Date.now() - Math.floor(rand() * 60) * DAY - Math.floor(rand() * DAY);
    if (move < 0.35) db.prepare("update applications set stage = ? where id = ?").run(pick(stages), app.id);
    else if (move < 0.6) db.prepare("update applications set stage_changed_at = ? where id = ?").run(when, app.id);
    else if (move < 0.75)
      db.prepare("update or ignore applications set role_id = ? where id = ?").run(pick(roleIds), app.id);
    else if (move < 0.9 && app.candidate_id !== null)
      db.prepare(
        "insert or ignore into applications (role_id, candidate_id, stage, stage_changed_at) values (?, ?, ?, ?)",
      ).run(pick(roleIds), app.candidate_id, pick(stages), when);
    else if (move < 0.93) db.prepare("delete from applications where id = ?").run(app.id);
    else if (move < 0.96) {
      // A person added, and one who applied to nothing removed; an agency's submission added or its counting moved.
      db.prepare(
        "insert into candidates (name, email, engagement_type, source, created_at, updated_at) values (?, ?, 'full_time', 'sourced', ?, ?)",
      ).run(`Random ${seed}-${i}`, `random-${seed}-${i}@example.test`, when, when);
      db.prepare(
        "delete from candidates where id = (select max(id) from candidates c where not exists (select 1 from applications a where a.candidate_id = c.id))",
      ).run();
    } else {
      const submission = db.prepare("select id from agency_submissions order by random() limit 1").get() as
        { id: number } | undefined;
      if (submission && rand() < 0.5)
        db.prepare("update agency_submissions set counts = not counts, agency_id = ? where id = ?").run(
          pick(agencyIds),
          submission.id,
        );
      else if (app.candidate_id !== null)
        db.prepare(
          "insert into agency_submissions (role_id, candidate_id, agency_id, submitted_at, counts) values (?, ?, ?, ?, ?)",
        ).run(pick(roleIds), app.candidate_id, pick(agencyIds), when, rand() < 0.7 ? 1 : 0);
    }
  });
}

/** The home figures as the page would compute them from the rows, without the counts or the index. */
function plainFigures() {
  const db = getDb();
  const roles = db.select().from(schema.roles).all();
  const apps = db.select().from(schema.applications).all();
  const active = roles.filter((r) => ["open", "on_hold", "draft"].includes(r.status));
  const hires = (roleId: number) => apps.filter((a) => a.roleId === roleId && a.stage === "hired").length;
  return {
    active: active.length,
    open: active.filter((r) => r.status === "open").length,
    openings: active.filter((r) => r.status === "open").reduce((n, r) => n + Math.max(0, r.headcount - hires(r.id)), 0),
    briefsIncomplete: active.filter((r) => !briefReadiness(r as RoleBrief).ready).length,
  };
}

describe("the home page's kept counts", () => {
  it("are kept by the triggers and backfill migration 0024 holds, with the figures' index, as db/home-counts.ts writes them", () => {
    expectMigrationHolds("0024_home_counts.sql", {
      triggerStatements: [counts.homeFiguresIndex, ...counts.countTriggerStatements],
      rebuildStatements: counts.countRebuildStatements,
      triggerNames: counts.countTriggerNames,
    });
  });

  it("equal a recount on the demo", () => {
    const rows = countRows();
    expect(rows.roleStages.length).toBeGreaterThan(0);
    expect(rows.openDays.length).toBeGreaterThan(0);
    expect(new Set(rows.rows.map((r) => (r as { name: string }).name))).toEqual(
      new Set(["decision_ready", "candidates", "agency_submissions"]),
    );
    expect(rows).toEqual(recountedRows());
  });

  for (const seed of [31, 32])
    it(`equal a recount after random writes from two connections (seed ${seed})`, () => {
      const before = countRows();
      randomWrites(seed);
      const rows = countRows();
      expect(rows).not.toEqual(before);
      expect(rows).toEqual(recountedRows());
    });
});

describe("the home page's figures", () => {
  const admin = () => ({ id: userIdByEmail("morgan@northwind.test"), kind: "admin" as const });

  it("equal a plain computation, on the demo and after random writes and brief edits", () => {
    expect(getHomeRoleFigures(admin(), false)).toEqual(plainFigures());
    randomWrites(33);
    const client = getDb().$client;
    // Blank some briefs, with whitespace JavaScript trims (a no-break space, an ideographic space) and without.
    client
      .prepare("update roles set brief_threshold = ? where id in (select id from roles limit 2)")
      .run("\u00a0\u3000");
    client
      .prepare("update roles set brief_workflow = null where id in (select id from roles order by id desc limit 1)")
      .run();
    client
      .prepare("update roles set headcount = 9 where id in (select id from roles where status = 'open' limit 1)")
      .run();
    const plain = plainFigures();
    expect(plain.briefsIncomplete).toBeGreaterThan(0);
    expect(getHomeRoleFigures(admin(), false)).toEqual(plain);
  });

  it("are read from the roles' figures index alone", () => {
    const client = getDb().$client;
    let seen = "";
    const prepare = client.prepare.bind(client);
    client.prepare = ((text: string) => {
      if (text.includes("role_stage_counts")) seen = text;
      return prepare(text);
    }) as typeof client.prepare;
    try {
      getHomeRoleFigures(admin(), false);
    } finally {
      client.prepare = prepare;
    }
    expect(seen).not.toBe("");
    const plan = (client.prepare(`explain query plan ${seen}`).all("draft", "open", "on_hold") as { detail: string }[])
      .map((r) => r.detail)
      .join("\n");
    expect(plan).toContain("COVERING INDEX roles_home_figures_idx");
  });

  it("count the stale applications as the applications say, whatever the time of day of the cutoff", () => {
    randomWrites(34);
    const client = getDb().$client;
    const open = openStages.map((s) => `'${s}'`).join(", ");
    for (const hours of [0, 5, 13, 23]) {
      const now = new Date(Math.floor(Date.now() / DAY) * DAY + hours * 3_600_000 + 1234);
      for (const days of [0, 14, 30]) {
        const cutoff = now.getTime() - days * DAY;
        const plain = client
          .prepare(`select count(*) as n from applications where stage in (${open}) and stage_changed_at < ?`)
          .get(cutoff) as { n: number };
        expect(countStaleApplications(days, now)).toBe(plain.n);
      }
    }
  });

  it("count the applications waiting for a decision as the queue lists them, for each kind of viewer", () => {
    const now = new Date();
    for (const email of ["morgan@northwind.test", "priya@northwind.test", "dana@northwind.test"]) {
      const user = getDb()
        .select()
        .from(schema.users)
        .all()
        .find((u) => u.email === email)!;
      const viewer = { id: user.id, kind: user.kind };
      const listed = getNeedsDecisionQueue(viewer, now);
      clearDerivedCache();
      expect(getNeedsDecisionPage(viewer, now, 1, 5).total).toBe(listed.length);
    }
  });

  it("count the people and each agency's submissions that count as the rows say, after random writes", () => {
    randomWrites(35);
    const client = getDb().$client;
    const people = (client.prepare("select count(*) as n from candidates").get() as { n: number }).n;
    expect(searchCandidates(admin(), { query: "", page: 1 }).total).toBe(people);
    const submitted = new Map(
      (
        client
          .prepare("select agency_id as id, count(*) as n from agency_submissions where counts group by agency_id")
          .all() as { id: number; n: number }[]
      ).map((r) => [r.id, r.n]),
    );
    expect([...submitted.values()].some((n) => n > 0)).toBe(true);
    for (const agency of listAgencies({ query: "" }))
      expect(agency.candidatesSubmitted).toBe(submitted.get(agency.id) ?? 0);
  });
});
