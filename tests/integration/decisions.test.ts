// Recording decisions through the real route handlers against the seeded demo:
// refusals write nothing, a change needs a reason and keeps the history,
// reject and advance move the application (or the gate refuses the whole
// write), the Needs decision list is what a plain recomputation says, the
// rationale never reaches a panelist who still owes a scorecard, and a hire
// is undone only with a reason and a confirmation.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { needsDecision } from "~/domain/decision";
import { isOpenStage } from "~/domain/pipeline";
import { listDecisions, getNeedsDecisionQueue } from "~/models/decision.server";
import { listInterviews, listPanelSeats } from "~/models/interview.server";
import { listScorecardsForApplication } from "~/models/scorecard.server";
import { listTakeHomesForApplication } from "~/models/take-home.server";
import * as appPage from "~/routes/applications.$applicationId._index";
import * as decide from "~/routes/applications.$applicationId.decision";
import * as csv from "~/routes/roles.$roleId.compare[.csv]";
import * as list from "~/routes/decisions._index";
import * as home from "~/routes/_index";
import * as rollup from "~/routes/roles.$roleId.rollup";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, post, roleIdByTitle, totalChanges, userIdByEmail, latestAudit } from "../support/http";

const db = () => getDb();
const SUPPORT = "Senior AI Engineer, Support Copilot";
const appByName = (name: string) => {
  const c = db().select().from(schema.candidates).where(eq(schema.candidates.name, name)).get()!;
  return db()
    .select()
    .from(schema.applications)
    .where(and(eq(schema.applications.candidateId, c.id), eq(schema.applications.roleId, roleIdByTitle(SUPPORT))))
    .get()!;
};
const app = (id: number) => db().select().from(schema.applications).where(eq(schema.applications.id, id)).get()!;
const rationale = "Strong evals design and a production rollback story; security answers were thin but fixable.";

function decisionForm(id: number, fields: Record<string, string | string[]>) {
  return { version: String(app(id).version), outcome: "hold", rationale, citedAreas: ["evals"], ...fields };
}
// Signing in writes a session: every cookie is made before any test counts writes.
const cookies = new Map<string, string>();
beforeAll(async () => {
  for (const email of ["dana@northwind.test", "priya@northwind.test", "morgan@northwind.test", "sam@northwind.test"])
    cookies.set(email, await cookieFor(email));
});
async function send(id: number, fields: Record<string, string | string[]>, email = "dana@northwind.test") {
  return invoke(decide.action, post(`/applications/${id}/decision`, fields, { cookie: cookies.get(email)! }), {
    applicationId: String(id),
  });
}

describe("recording a decision", () => {
  it("refuses a decision without a rationale or without cited areas, writing nothing", async () => {
    const id = appByName("Mei Zhang").id;
    const before = totalChanges();
    const noWhy = await send(id, decisionForm(id, { rationale: "" }));
    expect(noWhy.status).toBe(400);
    expect((noWhy.data as { fieldErrors: Record<string, string[]> }).fieldErrors.rationale).toBeTruthy();
    const noAreas = await send(id, decisionForm(id, { citedAreas: [] }));
    expect(noAreas.status).toBe(400);
    expect((noAreas.data as { fieldErrors: Record<string, string[]> }).fieldErrors.citedAreas).toEqual([
      "Cite at least one area the decision rests on",
    ]);
    const foreignArea = await send(id, decisionForm(id, { citedAreas: ["vibes"] }));
    expect(foreignArea.status).toBe(400);
    const otherCard = listScorecardsForApplication(appByName("Diego Tanaka").id).find((c) => c.status === "submitted")!;
    const foreignCard = await send(id, decisionForm(id, { citedScorecards: [String(otherCard.id)] }));
    expect((foreignCard.data as { fieldErrors: Record<string, string[]> }).fieldErrors.citedScorecards).toBeTruthy();
    const noReason = await send(id, decisionForm(id, { outcome: "reject" }));
    expect((noReason.data as { fieldErrors: Record<string, string[]> }).fieldErrors.rejectionReason).toBeTruthy();
    expect(totalChanges()).toBe(before);
    expect(listDecisions(id)).toEqual([]);
  });

  it("records who, when, what it cites and whether it goes against the total; a change needs a reason and keeps the history", async () => {
    const id = appByName("Mei Zhang").id;
    const card = listScorecardsForApplication(id).find((c) => c.status === "submitted")!;
    const first = await send(
      id,
      decisionForm(id, { outcome: "hire", citedAreas: ["evals", "security"], citedScorecards: [String(card.id)] }),
    );
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/applications/${id}?decided=hire#decision`);
    expect(latestAudit().find((e) => e.action === "decision.record")).toMatchObject({
      applicationId: id,
      detail: { outcome: "hire", from: "final" },
    });
    expect(JSON.stringify(latestAudit(3))).not.toContain("production rollback");
    const [recorded] = listDecisions(id);
    // Mei has must-pass areas under the bar: a hire goes against the total, and is allowed.
    expect(recorded).toMatchObject({
      outcome: "hire",
      stage: "final",
      citedAreas: ["evals", "security"],
      citedScorecards: [card.id],
      decidedBy: "Dana Whitfield",
      againstTotal: true,
    });
    expect(recorded.againstNote).toMatch(/must-pass/);
    expect(app(id).stage).toBe("final");

    const before = totalChanges();
    const unexplained = await send(id, decisionForm(id, { outcome: "hold", currentDecisionId: String(recorded.id) }));
    expect(unexplained.status).toBe(400);
    expect((unexplained.data as { fieldErrors: Record<string, string[]> }).fieldErrors.changeReason).toBeTruthy();
    // A form opened before the first decision cannot silently replace it.
    const stale = await send(id, decisionForm(id, { outcome: "hold", changeReason: "Waiting on references" }));
    expect(stale.status).toBe(409);
    expect(totalChanges()).toBe(before);

    const changed = await send(
      id,
      decisionForm(id, {
        outcome: "hold",
        currentDecisionId: String(recorded.id),
        changeReason: "Waiting on references",
      }),
    );
    expect(changed.status).toBe(302);
    const history = listDecisions(id);
    expect(history.map((d) => [d.outcome, d.supersedesId, d.changeReason])).toEqual([
      ["hold", recorded.id, "Waiting on references"],
      ["hire", null, null],
    ]);
    const page = await invoke(appPage.loader, get(`/applications/${id}`, await cookieFor("dana@northwind.test")), {
      applicationId: String(id),
    });
    const section = (
      page.data as {
        decision: { decisions: { outcome: string; reasoning: { rationale: string; citedAreas: string[] } | null }[] };
      }
    ).decision;
    expect(section.decisions.map((d) => d.outcome)).toEqual(["hold", "hire"]);
    expect(section.decisions[1].reasoning?.citedAreas).toEqual(["Evals", "Security"]);
  });

  it("moves a rejected application to Rejected with the reason, in the same write", async () => {
    const id = appByName("Jonas Fischer").id;
    const res = await send(id, decisionForm(id, { outcome: "reject", rejectionReason: "communication" }));
    expect(res.status).toBe(302);
    expect(app(id)).toMatchObject({ stage: "rejected", rejectionReason: "communication" });
    const moves = db().select().from(schema.stageHistory).where(eq(schema.stageHistory.applicationId, id)).all();
    expect(moves.at(-1)).toMatchObject({ fromStage: "final", toStage: "rejected", note: "Decision: reject" });
    // A total of 3 or more: the rejection goes against it, and says so.
    expect(listDecisions(id)[0]).toMatchObject({
      outcome: "reject",
      rejectionReason: "communication",
      stage: "final",
      againstTotal: true,
    });
    const closed = await send(id, decisionForm(id, { outcome: "hold" }));
    expect(closed.status).toBe(400);
  });

  it("refuses an advance into Offer the compliance gate blocks, writing nothing", async () => {
    const id = appByName("Diego Tanaka").id;
    const before = totalChanges();
    const res = await send(id, decisionForm(id, { outcome: "advance" }));
    expect(res.status).toBe(400);
    expect((res.data as { formError: string }).formError).toMatch(/Cannot move to Offer.*Nothing was recorded/);
    expect(totalChanges()).toBe(before);
    expect(app(id).stage).toBe("final");
  });

  it("advances through an open gate, and shows the decision on the rollup and the comparison CSV", async () => {
    const id = appByName("Fatima Bennett").id;
    // At Offer, the move to Hired needs the offer marked accepted (the stage gate): HR has recorded her yes.
    getDb()
      .update(schema.offers)
      .set({ status: "accepted", acceptedOn: new Date().toISOString().slice(0, 10) })
      .where(eq(schema.offers.applicationId, id))
      .run();
    const res = await send(id, decisionForm(id, { outcome: "advance" }));
    expect(res.status).toBe(302);
    expect(app(id).stage).toBe("hired");
    const roleId = String(roleIdByTitle(SUPPORT));
    const cookie = await cookieFor("dana@northwind.test");
    const page = await invoke(rollup.loader, get(`/roles/${roleId}/rollup?stage=hired`, cookie), { roleId });
    const row = (page.data as { rows: { id: number; decision: { outcome: string } | null }[] }).rows.find(
      (r) => r.id === id,
    );
    expect(row?.decision?.outcome).toBe("advance");
    const file = await invoke(
      csv.loader,
      get(`/roles/${roleId}/compare.csv?ids=${id},${appByName("Diego Tanaka").id}`, cookie),
      { roleId },
    );
    expect(String(file.data)).toMatch(/Decision,Advance · \d{4}-\d\d-\d\d,none yet/);
  });
});

describe("who decides", () => {
  it("refuses a recruiter who is not the role's hiring manager, writing nothing", async () => {
    const id = appByName("Mei Zhang").id;
    const before = totalChanges();
    const res = await send(id, decisionForm(id, { outcome: "hold" }), "priya@northwind.test");
    expect(res.status).toBe(403);
    expect(totalChanges()).toBe(before);
  });
});

describe("the Needs decision list", () => {
  /** The predicate worked out application by application from the plain per-application reads. */
  function recompute(roleIds: Set<number> | null, now: Date) {
    const apps = db()
      .select()
      .from(schema.applications)
      .all()
      .filter((a) => isOpenStage(a.stage) && (roleIds === null || roleIds.has(a.roleId)));
    return apps
      .map((a) => {
        const seats = listInterviews(a.id).flatMap((i) =>
          i.panel.map((p) => {
            const card = listScorecardsForApplication(a.id).find(
              (c) => c.interviewId === i.id && c.interviewerId === p.userId,
            );
            return { status: p.status, endsAt: i.endsAt, submittedAt: card?.submittedAt ?? null };
          }),
        );
        const takeHomes = listTakeHomesForApplication(a.id).map((t) => {
          const times = t.grades.flatMap((g) => (g.submittedAt ? [g.submittedAt.getTime()] : []));
          return { status: t.status, gradedAt: times.length ? new Date(Math.max(...times)) : null };
        });
        const readyAt = needsDecision(
          { stage: a.stage, seats, takeHomes, decidedStages: listDecisions(a.id).map((d) => d.stage) },
          now,
        );
        return { id: a.id, readyAt };
      })
      .filter((a) => a.readyAt !== null)
      .sort((x, y) => x.readyAt!.getTime() - y.readyAt!.getTime() || x.id - y.id)
      .map((a) => a.id);
  }

  it("lists exactly what a plain recomputation finds, oldest evidence first, for a hiring manager and for HR", async () => {
    const now = new Date();
    const dana = userIdByEmail("dana@northwind.test");
    const managed = new Set(
      db()
        .select()
        .from(schema.roleTeam)
        .where(and(eq(schema.roleTeam.userId, dana), eq(schema.roleTeam.teamRole, "hiring_manager")))
        .all()
        .map((t) => t.roleId),
    );
    const mine = getNeedsDecisionQueue({ id: dana, kind: "hiring_manager" }, now).map((a) => a.id);
    expect(mine.length).toBeGreaterThan(2);
    expect(mine).toEqual(recompute(managed, now));
    const everyone = getNeedsDecisionQueue({ id: userIdByEmail("priya@northwind.test"), kind: "recruiter" }, now).map(
      (a) => a.id,
    );
    expect(everyone).toEqual(recompute(null, now));

    const cookie = await cookieFor("dana@northwind.test");
    const page = await invoke(list.loader, get("/decisions", cookie));
    expect((page.data as { items: { id: number }[] }).items.map((i) => i.id)).toEqual(mine.slice(0, 25));
    const start = await invoke(home.loader, get("/", cookie));
    const section = (start.data as { needsDecision: { total: number; items: { id: number }[] } }).needsDecision;
    expect(section.total).toBe(mine.length);
    expect(section.items.map((i) => i.id)).toEqual(mine.slice(0, 5));
  });

  it("drops an application once it is decided at its stage", async () => {
    const dana = { id: userIdByEmail("dana@northwind.test"), kind: "hiring_manager" as const };
    const [first] = getNeedsDecisionQueue(dana, new Date());
    const res = await send(first.id, decisionForm(first.id, { outcome: "hold" }));
    expect(res.status).toBe(302);
    expect(getNeedsDecisionQueue(dana, new Date()).map((a) => a.id)).not.toContain(first.id);
  });
});

describe("blind feedback and the rationale", () => {
  it("never sends the rationale, cited evidence or total to a panelist who still owes a scorecard", async () => {
    const roleId = roleIdByTitle(SUPPORT);
    const sam = userIdByEmail("sam@northwind.test");
    const owed = db()
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.roleId, roleId))
      .all()
      .find((a) => isOpenStage(a.stage) && listPanelSeats(a.id, sam).some((s) => s.status !== "submitted"))!;
    const marker = "MARKER-RATIONALE-7f3a evals were the deciding area";
    const res = await send(
      owed.id,
      decisionForm(owed.id, { outcome: "hold", rationale: marker, citedAreas: ["evals"] }),
    );
    expect(res.status).toBe(302);

    const samCookie = await cookieFor("sam@northwind.test");
    const page = await invoke(appPage.loader, get(`/applications/${owed.id}`, samCookie), {
      applicationId: String(owed.id),
    });
    const text = JSON.stringify(page.data);
    expect(text).not.toContain("MARKER-RATIONALE");
    const section = (
      page.data as {
        decision: { decisions: { outcome: string; reasoning: unknown }[]; seesRationale: boolean; form: unknown };
      }
    ).decision;
    expect(section.seesRationale).toBe(false);
    expect(section.form).toBeNull();
    expect(section.decisions[0]).toMatchObject({ outcome: "hold", reasoning: null });
    for (const path of [`/roles/${roleId}/rollup`, `/roles/${roleId}/compare?ids=${owed.id}`]) {
      const mod = path.includes("rollup") ? rollup : await import("~/routes/roles.$roleId.compare");
      const other = await invoke(mod.loader, get(path, samCookie), { roleId: String(roleId) });
      expect(JSON.stringify(other.data)).not.toContain("MARKER-RATIONALE");
    }
    const file = await invoke(csv.loader, get(`/roles/${roleId}/compare.csv?ids=${owed.id}`, samCookie), {
      roleId: String(roleId),
    });
    expect(String(file.data)).not.toContain("MARKER-RATIONALE");
    const form = await invoke(decide.loader, get(`/applications/${owed.id}/decision`, samCookie), {
      applicationId: String(owed.id),
    });
    expect(form.status).toBe(403);

    // The hiring manager reads it.
    const dana = await invoke(appPage.loader, get(`/applications/${owed.id}`, await cookieFor("dana@northwind.test")), {
      applicationId: String(owed.id),
    });
    expect(JSON.stringify(dana.data)).toContain("MARKER-RATIONALE");
  });
});

describe("undoing a hire", () => {
  it("is refused without a reason or without the confirmation, and recorded with both", async () => {
    const hired = db().select().from(schema.applications).where(eq(schema.applications.stage, "hired")).get()!;
    const cookie = cookies.get("morgan@northwind.test")!;
    const move = (fields: Record<string, string>) =>
      invoke(
        appPage.action,
        post(
          `/applications/${hired.id}`,
          { intent: "move", toStage: "sourced", version: String(app(hired.id).version), ...fields },
          { cookie },
        ),
        { applicationId: String(hired.id) },
      );
    const before = totalChanges();
    const bare = await move({});
    expect(bare.status).toBe(400);
    expect((bare.data as { fieldErrors: Record<string, string[]> }).fieldErrors.note).toEqual([
      "Say why this hire is undone",
    ]);
    const unconfirmed = await move({ note: "Start date fell through" });
    expect(unconfirmed.status).toBe(400);
    expect((unconfirmed.data as { fieldErrors: Record<string, string[]> }).fieldErrors.confirmUndoHire).toBeTruthy();
    expect(totalChanges()).toBe(before);
    expect(app(hired.id).stage).toBe("hired");

    const done = await move({ note: "Start date fell through", confirmUndoHire: "on" });
    expect(done.status).toBe(302);
    expect(app(hired.id).stage).toBe("sourced");
    const last = db()
      .select()
      .from(schema.stageHistory)
      .where(eq(schema.stageHistory.applicationId, hired.id))
      .all()
      .at(-1);
    expect(last).toMatchObject({ fromStage: "hired", toStage: "sourced", note: "Start date fell through" });
  });
});
