// A role's cached figures follow that role's data: a write on another role
// leaves them cached (the same object is served), a write on their own role,
// through the app or from another connection, refreshes them; drafts feed no
// figure; a change that reaches every role (who is on a team) refreshes all.
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getCalibration } from "~/models/calibration.server";
import { getRoleRollup } from "~/models/rollup.server";
import { getRollupPage, parseRollupQuery } from "~/models/rollup-view.server";
import * as scorecardRoute from "~/routes/interviews.$interviewId.scorecard";
import { clearDerivedCache } from "~/utils/cache.server";
import { getDb } from "~/utils/db.server";
import { cookieFor, invoke, post, roleIdByTitle, userIdByEmail } from "../support/http";
import { scheduleFreshInterview, submitScorecard } from "../support/journeys";

const copilot = () => roleIdByTitle("Senior AI Engineer, Support Copilot");
const contract = () => roleIdByTitle("RAG Contractor, Contract Review Pilot");

function pageFor(roleId: number) {
  const dana = { id: userIdByEmail("dana@northwind.test"), kind: "hiring_manager" as const };
  return getRollupPage(roleId, dana, "hiring_manager", parseRollupQuery(new URL("http://x/?sort=name")));
}

function otherConnection(run: (db: Database.Database) => void): void {
  const other = new Database(process.env.DATABASE_PATH!);
  try {
    run(other);
  } finally {
    other.close();
  }
}

beforeEach(() => clearDerivedCache());
afterEach(() => clearDerivedCache());

describe("a role's cached figures", () => {
  it("stay cached through a write on another role, and refresh after a write on their own", async () => {
    const { interviewId } = await scheduleFreshInterview(contract(), "sam@northwind.test");
    const copilotRollup = getRoleRollup(copilot());
    const copilotPage = pageFor(copilot());
    const contractRollup = getRoleRollup(contract())!;
    expect(getRoleRollup(copilot())).toBe(copilotRollup);

    expect(
      await submitScorecard(interviewId, "sam@northwind.test", {
        rating_evals: "3",
        evidence_evals: "Walked through an eval harness",
        recommendation: "yes",
        keyTakeaways: "Solid",
      }),
    ).toBe(302);

    expect(getRoleRollup(copilot())).toBe(copilotRollup);
    expect(pageFor(copilot())).toBe(copilotPage);
    const refreshed = getRoleRollup(contract())!;
    expect(refreshed).not.toBe(contractRollup);
    expect(refreshed.scorecardsSubmitted).toBe(contractRollup.scorecardsSubmitted + 1);
  });

  it("stay cached while an interviewer saves drafts on their role", async () => {
    const { interviewId } = await scheduleFreshInterview(copilot(), "sam@northwind.test");
    const before = getRoleRollup(copilot());
    const saved = await invoke(
      scorecardRoute.action,
      post(
        `/interviews/${interviewId}/scorecard`,
        { intent: "draft", rating_evals: "2", evidence_evals: "Half a thought" },
        { cookie: await cookieFor("sam@northwind.test") },
      ),
      { interviewId },
    );
    expect(saved.status).toBe(302);
    expect(getRoleRollup(copilot())).toBe(before);
  });

  it("refresh after another connection writes on their role (a CLI, a second server), and only theirs", () => {
    const copilotRollup = getRoleRollup(copilot())!;
    const contractRollup = getRoleRollup(contract());
    const open = copilotRollup.rows.find((r) => r.stage === "screening")!;
    otherConnection((db) =>
      db
        .prepare("update applications set stage = 'rejected', stage_changed_at = ? where id = ?")
        .run(Date.now(), open.id),
    );
    const refreshed = getRoleRollup(copilot())!;
    expect(refreshed).not.toBe(copilotRollup);
    expect(refreshed.rows.find((r) => r.id === open.id)!.stage).toBe("rejected");
    expect(getRoleRollup(contract())).toBe(contractRollup);
  });

  it("refresh when a candidate on the role is edited from another connection", () => {
    const before = getRoleRollup(copilot())!;
    const row = before.rows.find((r) => r.engagement !== "agency_bid")!;
    otherConnection((db) =>
      db
        .prepare(
          "update candidates set name = 'Renamed Person' where id = (select candidate_id from applications where id = ?)",
        )
        .run(row.id),
    );
    expect(getRoleRollup(copilot())!.rows.find((r) => r.id === row.id)!.name).toBe("Renamed Person");
  });

  it("all refresh when someone joins a team: what they see masked on one role depends on the others", () => {
    const copilotRollup = getRoleRollup(copilot());
    const contractRollup = getRoleRollup(contract());
    const jordan = userIdByEmail("jordan@northwind.test");
    otherConnection((db) =>
      db
        .prepare("insert or ignore into role_team (role_id, user_id, team_role) values (?, ?, 'interviewer')")
        .run(contract(), jordan),
    );
    expect(getRoleRollup(copilot())).not.toBe(copilotRollup);
    expect(getRoleRollup(contract())).not.toBe(contractRollup);
  });

  it("figures over every role (calibration) refresh after a write on any role, from any connection", () => {
    const priya = { id: userIdByEmail("priya@northwind.test"), kind: "recruiter" as const };
    const before = getCalibration(priya, null);
    expect(getCalibration(priya, null)).toBe(before);
    getDb().$client.prepare("update roles set team = 'Platform' where id = ?").run(contract());
    const afterOwn = getCalibration(priya, null);
    expect(afterOwn).not.toBe(before);
    otherConnection((db) => db.prepare("update roles set team = 'Data' where id = ?").run(copilot()));
    expect(getCalibration(priya, null)).not.toBe(afterOwn);
  });

  it("figures over every role stay cached through writes no figure reads: drafts, sign-ins, the audit log", async () => {
    const priya = { id: userIdByEmail("priya@northwind.test"), kind: "recruiter" as const };
    const { interviewId } = await scheduleFreshInterview(copilot(), "sam@northwind.test");
    const before = getCalibration(priya, null);
    const cookie = await cookieFor("sam@northwind.test");
    const saved = await invoke(
      scorecardRoute.action,
      post(`/interviews/${interviewId}/scorecard`, { intent: "draft", rating_evals: "2" }, { cookie }),
      { interviewId },
    );
    expect(saved.status).toBe(302);
    getDb().$client.prepare("update users set updated_at = updated_at + 1 where id = ?").run(priya.id);
    expect(getCalibration(priya, null)).toBe(before);
  });
});
