// Synthetic databases for the benchmark: many roles, one of them big, people,
// applications with interviews, submitted scorecards and their ratings,
// compliance checks, agencies, and the four kinds of user the bench signs in as.
// Raw prepared statements in one transaction with the journal and syncing off:
// the large database's ten million rows take about 80 s of CPU.
//
// What one user sees stays the same size in both databases: the bench hiring
// manager manages ten roles, the bench interviewer sits on seven roles'
// panels, and a hundred people carry the non-ASCII names the search is
// measured with. The rest grows with the database: more roles, people,
// applications, interviewers and hiring managers.
//
// Generated files are cached under .cache/bench, keyed by the
// generator's version, its options and the migrations, and copied to a working
// file for each run (the runs write to it).
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { migrateDatabase, migrationsFolder } from "../../db/migrate";
import * as calibration from "../../db/calibration-summaries";
import * as board from "../../db/board-summaries";
import * as totals from "../../db/calibration-totals";
import * as boardTotals from "../../db/board-totals";
import * as homeCounts from "../../db/home-counts";
import { defaultAreas } from "../../app/domain/scorecard";
import { seededRandom } from "../../app/domain/random";

/** Bump when the generated data changes shape, so cached files are not reused. */
export const GENERATOR_VERSION = 4;

export type GenerateOptions = {
  /** Candidates in all; those without an application wait in the pool. */
  people: number;
  scorecards: number;
  roles: number;
  bigRoleApplications: number;
  /** Interviews the bench admin sits on and has not scored: the write loads submit to them. */
  writeInterviews: number;
};
export type Generated = {
  bigRoleId: number;
  smallRoleId: number;
  adminId: number;
  recruiterId: number;
  hiringManagerId: number;
  interviewerId: number;
  /** A user no page shows in detail: the bench writes to its row to change the database between requests. */
  spareUserId: number;
  /** An application on the big role (with interviews and scorecards) and its candidate. */
  applicationId: number;
  candidateId: number;
  writeInterviewIds: number[];
  people: number;
  applications: number;
  scorecards: number;
  checks: number;
  seconds: number;
  /** CPU time the generation took (the wall-clock seconds depend on what else the machine runs). */
  cpuSeconds: number;
};

/** Names the search is measured with: a hundred people carry one of these in each database. */
export const specialNames = ["Ólafur Ñúñez", "Søren Øster", "Иван Петров", "Zoë Müller", "José Łukasiewicz"];
const firstNames = [
  "Ada",
  "Alan",
  "Grace",
  "Linus",
  "Margaret",
  "Dennis",
  "Barbara",
  "Ken",
  "Frances",
  "John",
  "Radia",
  "Tim",
  "Anita",
  "Guido",
  "Hedy",
  "Edsger",
  "Karen",
  "Niklaus",
  "Shafi",
  "Leslie",
];
const lastNames = [
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Johnson",
  "Davies",
  "Robinson",
  "Wright",
  "Thompson",
  "Evans",
  "Walker",
  "White",
  "Roberts",
  "Green",
  "Hall",
  "Wood",
  "Jackson",
  "Clarke",
];

function cacheKey(o: GenerateOptions): string {
  const journal = readFileSync(resolve(migrationsFolder, "meta/_journal.json"), "utf8");
  return createHash("sha256")
    .update(JSON.stringify({ v: GENERATOR_VERSION, o, journal }))
    .digest("hex")
    .slice(0, 12);
}

function removeDb(path: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) if (existsSync(path + suffix)) rmSync(path + suffix);
}

/**
 * The database at `path`, fresh: copied from the cache when a file for these
 * options and this generator exists, generated (and cached) otherwise.
 */
export function prepareDatabase(path: string, o: GenerateOptions): Generated & { cached: boolean } {
  // Outside tests/.tmp, which the unit tests' setup empties.
  const cacheDir = resolve(".cache/bench");
  const name = `${path.split("/").pop()!.replace(/\.db$/, "")}-${cacheKey(o)}`;
  const cachedDb = resolve(cacheDir, `${name}.db`);
  const cachedMeta = resolve(cacheDir, `${name}.json`);
  mkdirSync(cacheDir, { recursive: true });
  let generated: Generated;
  let cached = true;
  if (existsSync(cachedDb) && existsSync(cachedMeta)) {
    generated = JSON.parse(readFileSync(cachedMeta, "utf8")) as Generated;
  } else {
    // Older files of the same database go: they are large.
    const prefix = `${path.split("/").pop()!.replace(/\.db$/, "")}-`;
    for (const f of readdirSync(cacheDir)) if (f.startsWith(prefix)) rmSync(resolve(cacheDir, f));
    generated = generate(cachedDb, o);
    writeFileSync(cachedMeta, JSON.stringify(generated));
    cached = false;
  }
  removeDb(path);
  // The working directory may not exist yet (a fresh clone, or the unit tests' setup emptied tests/.tmp).
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(cachedDb, path);
  return { ...generated, cached };
}

type Statements = Record<string, Database.Statement>;

function statements(db: Database.Database): Statements {
  return {
    user: db.prepare(
      "insert into users (email, name, kind, password_hash) values (?, ?, ?, 'scrypt$1$8$1$x$x') returning id",
    ),
    role: db.prepare(
      "insert into roles (title, team, location, status, created_by_id, created_at, updated_at) values (?, 'Bench', 'Remote', 'open', ?, ?, ?) returning id",
    ),
    team: db.prepare("insert into role_team (role_id, user_id, team_role) values (?, ?, ?)"),
    template: db.prepare(
      "insert into scorecard_templates (role_id, version, areas, created_at) values (?, 1, ?, ?) returning id",
    ),
    agency: db.prepare("insert into agencies (name, kind) values (?, 'staffing_agency') returning id"),
    candidate: db.prepare(
      "insert into candidates (name, email, engagement_type, pay_kind, pay_amount, source, skills, created_by_id, created_at, updated_at) values (?, ?, 'full_time', 'annual', ?, ?, ?, ?, ?, ?) returning id",
    ),
    application: db.prepare(
      "insert into applications (role_id, candidate_id, stage, stage_changed_at, submitted_by_agency_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?) returning id",
    ),
    submission: db.prepare(
      "insert into agency_submissions (role_id, candidate_id, agency_id, submitted_at, counts) values (?, ?, ?, ?, 1)",
    ),
    history: db.prepare(
      "insert into stage_history (application_id, from_stage, to_stage, moved_at) values (?, ?, ?, ?)",
    ),
    personCheck: db.prepare(
      "insert into compliance_checks (type, candidate_id, status, requested_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
    ),
    applicationCheck: db.prepare(
      "insert into compliance_checks (type, application_id, status, requested_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
    ),
    interview: db.prepare(
      "insert into interviews (application_id, kind, starts_at, ends_at, focus_areas, template_id) values (?, 'technical_deep_dive', ?, ?, ?, ?) returning id",
    ),
    panel: db.prepare("insert into interview_panel (interview_id, user_id) values (?, ?)"),
    scorecard: db.prepare(
      "insert into scorecards (interview_id, interviewer_id, template_id, status, recommendation, submitted_at, created_at, updated_at) values (?, ?, ?, 'submitted', ?, ?, ?, ?)",
    ),
    // All of a scorecard's ratings in one statement: a call per row costs more than the row.
    ratings: db.prepare(
      `insert into scorecard_ratings (scorecard_id, area_key, rating) values ${defaultAreas.map(() => "(?, ?, ?)").join(", ")}`,
    ),
  };
}

const id = (row: unknown) => (row as { id: number }).id;

export function generate(path: string, o: GenerateOptions): Generated {
  const started = Date.now();
  const cpu = process.cpuUsage();
  removeDb(path);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  // Statement journals (every insert that fires a trigger or may hit a conflict keeps one) stay in memory: on
  // disk they were two write calls per page, most of the load's time.
  db.pragma("temp_store = memory");
  migrateDatabase(db);
  db.pragma("foreign_keys = OFF");
  // The summary rows (calibration's and the HR board's, and their company-wide totals) are rebuilt once after the load: kept up per row, every rating
  // or check would recompute its application's rows.
  const summaries = [
    calibration,
    {
      triggerNames: totals.totalsTriggerNames,
      rebuildStatements: totals.totalsRebuildStatements,
      triggerStatements: totals.totalsTriggerStatements,
    },
    board,
    {
      triggerNames: boardTotals.totalsTriggerNames,
      rebuildStatements: boardTotals.totalsRebuildStatements,
      triggerStatements: boardTotals.totalsTriggerStatements,
    },
    {
      triggerNames: homeCounts.countTriggerNames,
      rebuildStatements: homeCounts.countRebuildStatements,
      triggerStatements: homeCounts.countTriggerStatements,
    },
  ];
  for (const { triggerNames } of summaries) for (const name of triggerNames) db.exec(`drop trigger ${name}`);
  const rand = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const now = Date.now();
  const day = 86_400_000;
  const stmt = statements(db);
  const stages = ["sourced", "screening", "interviewing", "take_home", "final", "offer", "hired", "rejected"];
  const recs = ["strong_no", "no", "yes", "strong_yes", "no_decision"];
  const checkStatuses = ["not_requested", "requested", "received", "verified", "waived"];
  const focus = JSON.stringify(defaultAreas.map((a) => a.key));
  const areasJson = JSON.stringify(defaultAreas);
  const perApp = 6; // two interviews of a panel of three
  const totalApps = Math.ceil(o.scorecards / perApp);
  const ivPool = Math.max(40, Math.round(o.roles * 0.4));
  const hmPool = Math.max(10, Math.round(o.roles / 10));
  const specialEvery = Math.floor(o.people / 100);
  let checks = 0;
  let result!: Generated;

  db.transaction(() => {
    const user = (email: string, name: string, kind: string) => id(stmt.user.get(email, name, kind));
    const adminId = user("bench-admin@bench.test", "Bench Admin", "admin");
    const recruiterId = user("bench-recruiter@bench.test", "Bench Recruiter", "recruiter");
    const spareUserId = user("bench-spare@bench.test", "Bench Spare", "recruiter");
    const hms = Array.from({ length: hmPool }, (_, i) => user(`hm${i}@bench.test`, `Manager ${i}`, "hiring_manager"));
    const ivs = Array.from({ length: ivPool }, (_, i) => user(`iv${i}@bench.test`, `Interviewer ${i}`, "interviewer"));
    const agencies = Array.from({ length: 30 }, (_, i) => id(stmt.agency.get(`Bench agency ${i}`)));

    const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
    let candidateN = 0;
    const candidate = (created: number, applying: boolean) => {
      const n = candidateN++;
      const name =
        n % specialEvery === 0 && n / specialEvery < 100
          ? specialNames[(n / specialEvery) % specialNames.length]
          : `${pick(firstNames)} ${pick(lastNames)}`;
      // The bench hiring manager added fifty people; recruiters the rest.
      const createdBy = n < 50 ? hms[0] : recruiterId;
      const skills = JSON.stringify(rand() < 0.5 ? ["Python", "PyTorch"] : ["TypeScript", "RAG"]);
      const cid = id(
        stmt.candidate.get(
          name,
          `c${n}@bench.test`,
          150_000 + Math.floor(rand() * 100_000),
          "sourced",
          skills,
          createdBy,
          created,
          created,
        ),
      );
      if (applying) {
        const status = pick(checkStatuses);
        stmt.personCheck.run("nda", cid, status, status === "requested" ? isoDay(created) : null, created, created);
        checks++;
      }
      return cid;
    };

    const smallApps = Math.max(1, Math.floor((totalApps - o.bigRoleApplications) / (o.roles - 1)));
    let made = 0;
    let apps = 0;
    const roleIds: number[] = [];
    for (let r = 0; r < o.roles; r++) {
      const hm = hms[r % hmPool];
      const roleId = id(stmt.role.get(`Bench role ${r}`, hm, now - 100 * day, now));
      roleIds.push(roleId);
      stmt.team.run(roleId, hm, "hiring_manager");
      const panel = [ivs[r % ivPool], ivs[(r + 1) % ivPool], ivs[(r + 2) % ivPool]];
      for (const u of panel) stmt.team.run(roleId, u, "interviewer");
      const templateId = id(stmt.template.get(roleId, areasJson, now));
      const roleApps = r === 0 ? o.bigRoleApplications : smallApps;
      for (let a = 0; a < roleApps && made < o.scorecards; a++) {
        const created = now - Math.floor(rand() * 90) * day;
        const candidateId = candidate(created, true);
        const stage = pick(stages);
        const agency = rand() < 0.05 ? pick(agencies) : null;
        const appId = id(stmt.application.get(roleId, candidateId, stage, created + day, agency, created, created));
        apps++;
        if (agency !== null) stmt.submission.run(roleId, candidateId, agency, created);
        stmt.history.run(appId, null, "sourced", created);
        if (stage !== "sourced") stmt.history.run(appId, "sourced", stage, created + day);
        const status = pick(checkStatuses);
        stmt.applicationCheck.run(
          apps % 2 ? "ip_assignment" : "worker_classification",
          appId,
          status,
          status === "requested" ? isoDay(created + day) : null,
          created,
          created,
        );
        checks++;
        for (let k = 0; k < perApp / panel.length; k++) {
          const ends = created + (k + 1) * 3_600_000;
          const interviewId = id(stmt.interview.get(appId, ends - 3_600_000, ends, focus, templateId));
          for (const u of panel) {
            stmt.panel.run(interviewId, u);
            const cardId = stmt.scorecard.run(
              interviewId,
              u,
              templateId,
              pick(recs),
              ends + 7_200_000,
              ends,
              ends,
            ).lastInsertRowid;
            const values: unknown[] = [];
            for (const area of defaultAreas)
              values.push(cardId, area.key, rand() < 0.1 ? null : 1 + Math.floor(rand() * 4));
            stmt.ratings.run(...values);
            made++;
          }
        }
      }
    }
    // People in the pool, not (yet) applied to any role.
    while (candidateN < o.people) candidate(now - Math.floor(rand() * 365) * day, false);

    const smallRoleId = roleIds[1];
    const templateId = id(db.prepare("select id from scorecard_templates where role_id = ?").get(smallRoleId));
    const writeAppId = id(db.prepare("select id from applications where role_id = ? limit 1").get(smallRoleId));
    const writeInterviewIds: number[] = [];
    for (let i = 0; i < o.writeInterviews; i++) {
      const interviewId = id(stmt.interview.get(writeAppId, now - 7_200_000, now - 3_600_000, focus, templateId));
      stmt.panel.run(interviewId, adminId);
      writeInterviewIds.push(interviewId);
    }
    const application = db
      .prepare(
        "select id, candidate_id as candidateId from applications where role_id = ? order by id limit 1 offset 10",
      )
      .get(roleIds[0]) as { id: number; candidateId: number };
    result = {
      bigRoleId: roleIds[0],
      smallRoleId,
      adminId,
      recruiterId,
      hiringManagerId: hms[0],
      interviewerId: ivs[0],
      spareUserId,
      applicationId: application.id,
      candidateId: application.candidateId,
      writeInterviewIds,
      people: candidateN,
      applications: apps,
      scorecards: made,
      checks,
      seconds: 0,
      cpuSeconds: 0,
    };
  })();
  db.transaction(() => {
    for (const { rebuildStatements, triggerStatements } of summaries)
      for (const statement of [...rebuildStatements, ...triggerStatements]) db.exec(statement);
  })();
  db.pragma("foreign_keys = ON");
  db.exec("analyze");
  db.pragma("journal_mode = WAL");
  db.close();
  result.seconds = (Date.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  result.cpuSeconds = Math.round((used.user + used.system) / 100_000) / 10;
  return result;
}
