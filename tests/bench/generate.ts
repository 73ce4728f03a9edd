// Synthetic database for the benchmark: many roles, one of them big, with
// interviews, submitted scorecards and their ratings. Raw prepared statements
// in one transaction: about a million rows a few seconds.
import Database from "better-sqlite3";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { migrateDatabase } from "../../db/migrate";
import { defaultAreas } from "../../app/domain/scorecard";
import { seededRandom } from "../../app/domain/random";

export type GenerateOptions = {
  scorecards: number;
  roles: number;
  bigRoleApplications: number;
  writeInterviews: number;
};
export type Generated = {
  bigRoleId: number;
  smallRoleId: number;
  adminId: number;
  writeInterviewIds: number[];
  scorecards: number;
  seconds: number;
};

export function generate(path: string, o: GenerateOptions): Generated {
  const started = Date.now();
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(path + suffix)) rmSync(path + suffix);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  migrateDatabase(db);
  db.pragma("synchronous = OFF");
  const rand = seededRandom(7);
  const now = Date.now();
  const day = 86_400_000;
  const areas = defaultAreas;
  const stmt = {
    user: db.prepare(
      "insert into users (email, name, kind, password_hash) values (?, ?, ?, 'scrypt$1$8$1$x$x') returning id",
    ),
    role: db.prepare(
      "insert into roles (title, team, location, status, created_at, updated_at) values (?, 'Bench', 'Remote', 'open', ?, ?) returning id",
    ),
    team: db.prepare("insert into role_team (role_id, user_id, team_role) values (?, ?, ?)"),
    template: db.prepare(
      "insert into scorecard_templates (role_id, version, areas, created_at) values (?, 1, ?, ?) returning id",
    ),
    candidate: db.prepare(
      "insert into candidates (name, email, engagement_type, pay_kind, pay_amount, source, skills) values (?, ?, ?, ?, ?, 'sourced', '[\"Python\"]') returning id",
    ),
    application: db.prepare(
      "insert into applications (role_id, candidate_id, stage, stage_changed_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?) returning id",
    ),
    history: db.prepare(
      "insert into stage_history (application_id, from_stage, to_stage, moved_at) values (?, ?, ?, ?)",
    ),
    interview: db.prepare(
      "insert into interviews (application_id, kind, starts_at, ends_at, focus_areas, template_id) values (?, 'technical_deep_dive', ?, ?, ?, ?) returning id",
    ),
    panel: db.prepare("insert into interview_panel (interview_id, user_id) values (?, ?)"),
    scorecard: db.prepare(
      "insert into scorecards (interview_id, interviewer_id, template_id, status, recommendation, submitted_at, created_at, updated_at) values (?, ?, ?, 'submitted', ?, ?, ?, ?) returning id",
    ),
    rating: db.prepare("insert into scorecard_ratings (scorecard_id, area_key, rating) values (?, ?, ?)"),
  };
  const stages = ["sourced", "screening", "interviewing", "take_home", "final", "offer", "hired", "rejected"];
  const recs = ["strong_no", "no", "yes", "strong_yes", "no_decision"];
  const focus = JSON.stringify(areas.map((a) => a.key));
  let result!: Generated;
  db.transaction(() => {
    const adminId = (stmt.user.get("bench-admin@bench.test", "Bench Admin", "admin") as { id: number }).id;
    const interviewers = Array.from(
      { length: 40 },
      (_, i) => (stmt.user.get(`iv${i}@bench.test`, `Interviewer ${i}`, "interviewer") as { id: number }).id,
    );
    const perCard = 3; // interviews of 3 scorecards each (two interviews of 3 on average per application)
    const perApp = 6;
    const totalApps = Math.ceil(o.scorecards / perApp);
    const smallApps = Math.max(1, Math.floor((totalApps - o.bigRoleApplications) / (o.roles - 1)));
    let made = 0;
    let candidateN = 0;
    const roleIds: number[] = [];
    const writeInterviewIds: number[] = [];
    for (let r = 0; r < o.roles; r++) {
      const roleId = (stmt.role.get(`Bench role ${r}`, now - 100 * day, now) as { id: number }).id;
      roleIds.push(roleId);
      const team = [interviewers[r % 40], interviewers[(r + 1) % 40], interviewers[(r + 2) % 40]];
      for (const u of team) stmt.team.run(roleId, u, "interviewer");
      const templateId = (stmt.template.get(roleId, JSON.stringify(areas), now) as { id: number }).id;
      const apps = r === 0 ? o.bigRoleApplications : smallApps;
      for (let a = 0; a < apps && made < o.scorecards; a++) {
        const candidateId = (
          stmt.candidate.get(
            `Candidate ${candidateN}`,
            `c${candidateN}@bench.test`,
            "full_time",
            "annual",
            150_000 + Math.floor(rand() * 100_000),
          ) as { id: number }
        ).id;
        candidateN++;
        const stage = stages[Math.floor(rand() * stages.length)];
        const created = now - Math.floor(rand() * 90) * day;
        const appId = (
          stmt.application.get(roleId, candidateId, stage, created + day, created, created) as { id: number }
        ).id;
        stmt.history.run(appId, null, "sourced", created);
        if (stage !== "sourced") stmt.history.run(appId, "sourced", stage, created + day);
        for (let k = 0; k < perApp / perCard; k++) {
          const ends = created + (k + 1) * 3600_000;
          const interviewId = (stmt.interview.get(appId, ends - 3600_000, ends, focus, templateId) as { id: number })
            .id;
          for (const u of team) {
            stmt.panel.run(interviewId, u);
            const cardId = (
              stmt.scorecard.get(
                interviewId,
                u,
                templateId,
                recs[Math.floor(rand() * 5)],
                ends + 7200_000,
                ends,
                ends,
              ) as { id: number }
            ).id;
            for (const area of areas)
              stmt.rating.run(cardId, area.key, rand() < 0.1 ? null : 1 + Math.floor(rand() * 4));
            made++;
          }
        }
      }
    }
    // Interviews the bench admin sits on and has not scored: the write load submits scorecards to them.
    const smallRoleId = roleIds[1];
    const templateId = (
      db.prepare("select id from scorecard_templates where role_id = ?").get(smallRoleId) as { id: number }
    ).id;
    const appId = (
      db.prepare("select id from applications where role_id = ? limit 1").get(smallRoleId) as { id: number }
    ).id;
    for (let i = 0; i < o.writeInterviews; i++) {
      const id = (stmt.interview.get(appId, now - 7200_000, now - 3600_000, focus, templateId) as { id: number }).id;
      stmt.panel.run(id, adminId);
      writeInterviewIds.push(id);
    }
    result = { bigRoleId: roleIds[0], smallRoleId, adminId, writeInterviewIds, scorecards: made, seconds: 0 };
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("analyze");
  db.close();
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
