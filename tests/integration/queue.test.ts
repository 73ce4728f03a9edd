// The home page's interview queue computes scorecardState's windows in SQL;
// it must sort every owed seat exactly as the domain rule does.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { OVERDUE_AFTER_MS, scorecardState } from "~/domain/scorecard";
import { interviewerQueue } from "~/models/scorecard.server";
import { getDb, schema } from "~/utils/db.server";
import { roleIdByTitle, userIdByEmail } from "../support/http";

function expected(userId: number, now: Date) {
  const db = getDb();
  const seats = db
    .select({ interviewId: schema.interviews.id, endsAt: schema.interviews.endsAt, status: schema.scorecards.status })
    .from(schema.interviewPanel)
    .innerJoin(schema.interviews, eq(schema.interviews.id, schema.interviewPanel.interviewId))
    .leftJoin(schema.scorecards, and(eq(schema.scorecards.interviewId, schema.interviews.id), eq(schema.scorecards.interviewerId, userId)))
    .where(eq(schema.interviewPanel.userId, userId))
    .all();
  const byState: Record<string, number[]> = { upcoming: [], due: [], overdue: [], submitted: [] };
  for (const s of seats) byState[scorecardState({ status: s.status, interviewEndsAt: s.endsAt, now })].push(s.interviewId);
  return byState;
}

describe("interviewer queue", () => {
  it("agrees with scorecardState for every demo interviewer, including the window edges", () => {
    const now = new Date();
    // Interviews ending exactly on each edge, for Riley on the Copilot role.
    const riley = userIdByEmail("riley@northwind.test");
    const app = getDb().select().from(schema.applications).where(eq(schema.applications.roleId, roleIdByTitle("Senior AI Engineer, Support Copilot"))).get()!;
    for (const endsAt of [now.getTime(), now.getTime() + 1, now.getTime() - OVERDUE_AFTER_MS, now.getTime() - OVERDUE_AFTER_MS - 1]) {
      const iv = getDb().insert(schema.interviews).values({ applicationId: app.id, kind: "screen", startsAt: new Date(endsAt - 3_600_000), endsAt: new Date(endsAt), focusAreas: ["evals"] }).returning().get();
      getDb().insert(schema.interviewPanel).values({ interviewId: iv.id, userId: riley }).run();
    }
    for (const email of ["sam@northwind.test", "riley@northwind.test", "jordan@northwind.test", "dana@northwind.test"]) {
      const userId = userIdByEmail(email);
      const want = expected(userId, now);
      const got = interviewerQueue(userId, now, 1000);
      for (const state of ["upcoming", "due", "overdue"] as const) {
        expect(got[state].total, `${email} ${state}`).toBe(want[state].length);
        expect(got[state].items.map((i) => i.interviewId).sort((a, b) => a - b), `${email} ${state}`).toEqual([...want[state]].sort((a, b) => a - b));
      }
    }
  });

  it("lists at most `shown` per state, earliest first, and still counts them all", () => {
    const now = new Date();
    const sam = userIdByEmail("sam@northwind.test");
    const full = interviewerQueue(sam, now, 1000);
    const short = interviewerQueue(sam, now, 1);
    for (const state of ["upcoming", "due", "overdue"] as const) {
      expect(short[state].total).toBe(full[state].total);
      expect(short[state].items).toEqual(full[state].items.slice(0, 1));
      const starts = full[state].items.map((i) => i.startsAt.getTime());
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});
