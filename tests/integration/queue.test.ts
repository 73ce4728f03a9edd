// The home page's interview queue computes scorecardState's windows in SQL;
// it must sort every owed seat exactly as the domain rule does.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { OVERDUE_AFTER_MS, scorecardState } from "~/domain/scorecard";
import { getInterviewerQueue } from "~/models/queue.server";
import * as interviewsRoute from "~/routes/interviews._index";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, roleIdByTitle, userIdByEmail } from "../support/http";

function expected(userId: number, now: Date) {
  const db = getDb();
  const seats = db
    .select({
      interviewId: schema.interviews.id,
      startsAt: schema.interviews.startsAt,
      endsAt: schema.interviews.endsAt,
      status: schema.scorecards.status,
    })
    .from(schema.interviewPanel)
    .innerJoin(schema.interviews, eq(schema.interviews.id, schema.interviewPanel.interviewId))
    .leftJoin(
      schema.scorecards,
      and(eq(schema.scorecards.interviewId, schema.interviews.id), eq(schema.scorecards.interviewerId, userId)),
    )
    .where(eq(schema.interviewPanel.userId, userId))
    .all()
    // Earliest first, as the queue lists them.
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.interviewId - b.interviewId);
  const byState: Record<string, number[]> = { upcoming: [], due: [], overdue: [], submitted: [] };
  for (const s of seats)
    byState[scorecardState({ status: s.status, interviewEndsAt: s.endsAt, now })].push(s.interviewId);
  return byState;
}

describe("interviewer queue", () => {
  it("agrees with scorecardState for every demo interviewer, including the window edges", () => {
    const now = new Date();
    // Interviews ending exactly on each edge, for Riley on the Copilot role.
    const riley = userIdByEmail("riley@northwind.test");
    const app = getDb()
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.roleId, roleIdByTitle("Senior AI Engineer, Support Copilot")))
      .get()!;
    for (const endsAt of [
      now.getTime(),
      now.getTime() + 1,
      now.getTime() - OVERDUE_AFTER_MS,
      now.getTime() - OVERDUE_AFTER_MS - 1,
    ]) {
      const iv = getDb()
        .insert(schema.interviews)
        .values({
          applicationId: app.id,
          kind: "screen",
          startsAt: new Date(endsAt - 3_600_000),
          endsAt: new Date(endsAt),
          focusAreas: ["evals"],
        })
        .returning()
        .get();
      getDb().insert(schema.interviewPanel).values({ interviewId: iv.id, userId: riley }).run();
    }
    for (const email of [
      "sam@northwind.test",
      "riley@northwind.test",
      "jordan@northwind.test",
      "dana@northwind.test",
    ]) {
      const userId = userIdByEmail(email);
      const want = expected(userId, now);
      const got = getInterviewerQueue(userId, now, 1000);
      for (const state of ["upcoming", "due", "overdue"] as const) {
        expect(got[state].total, `${email} ${state}`).toBe(want[state].length);
        expect(
          got[state].items.map((i) => i.interviewId).sort((a, b) => a - b),
          `${email} ${state}`,
        ).toEqual([...want[state]].sort((a, b) => a - b));
      }
    }
  });

  it("lists at most `shown` per state, earliest first, and still counts them all", () => {
    const now = new Date();
    const sam = userIdByEmail("sam@northwind.test");
    const full = getInterviewerQueue(sam, now, 1000);
    const short = getInterviewerQueue(sam, now, 1);
    for (const state of ["upcoming", "due", "overdue"] as const) {
      expect(short[state].total).toBe(full[state].total);
      expect(short[state].items).toEqual(full[state].items.slice(0, 1));
      const starts = full[state].items.map((i) => i.startsAt.getTime());
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});

describe("the interviews page", () => {
  type Page = {
    state: string;
    totals: Record<string, number>;
    page: number;
    pageCount: number;
    items: { interviewId: number; who: string; masked: boolean }[];
  };
  const page = async (email: string, query = "") => {
    const out = await invoke(interviewsRoute.loader, get(`/interviews${query}`, await cookieFor(email)));
    expect(out.status).toBe(200);
    return out.data as Page;
  };
  const copilotApp = () =>
    getDb()
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.roleId, roleIdByTitle("Senior AI Engineer, Support Copilot")))
      .get()!;
  const seat = (userId: number, applicationId: number, endsAt: number) => {
    const iv = getDb()
      .insert(schema.interviews)
      .values({
        applicationId,
        kind: "technical_deep_dive",
        startsAt: new Date(endsAt - 3_600_000),
        endsAt: new Date(endsAt),
        focusAreas: ["evals"],
      })
      .returning()
      .get();
    getDb().insert(schema.interviewPanel).values({ interviewId: iv.id, userId }).run();
    return iv.id;
  };

  it("lists the viewer's own owed seats, in every state, and nobody else's", async () => {
    for (const email of ["sam@northwind.test", "dana@northwind.test", "morgan@northwind.test"]) {
      const want = expected(userIdByEmail(email), new Date());
      for (const state of ["overdue", "due", "upcoming"] as const) {
        const got = await page(email, `?state=${state}`);
        expect(got.state).toBe(state);
        expect(got.totals[state], `${email} ${state}`).toBe(want[state].length);
        expect(
          got.items.map((i) => i.interviewId),
          `${email} ${state}`,
        ).toEqual(want[state].slice(0, 25));
      }
    }
  });

  it("lists the viewer's own submitted scorecards, latest submitted first, and no draft or anyone else's", async () => {
    for (const email of ["sam@northwind.test", "jordan@northwind.test", "dana@northwind.test"]) {
      const userId = userIdByEmail(email);
      const want = expected(userId, new Date()).submitted;
      expect(want.length, `${email} has submitted scorecards in the demo`).toBeGreaterThan(0);
      expect(want.length).toBeLessThanOrEqual(25);
      const got = await page(email, "?state=submitted");
      expect(got.state).toBe("submitted");
      expect(got.totals.submitted, email).toBe(want.length);
      expect(
        got.items.map((i) => i.interviewId).sort((a, b) => a - b),
        email,
      ).toEqual([...want].sort((a, b) => a - b));
      const submittedAt = new Map(
        getDb()
          .select({ interviewId: schema.scorecards.interviewId, at: schema.scorecards.submittedAt })
          .from(schema.scorecards)
          .where(eq(schema.scorecards.interviewerId, userId))
          .all()
          .map((r) => [r.interviewId, r.at?.getTime() ?? null]),
      );
      const times = got.items.map((i) => submittedAt.get(i.interviewId)!);
      expect(times, email).toEqual([...times].sort((a, b) => b - a));
    }
  });

  it("opens on the most pressing state that has anything in it, whatever an unknown state says", async () => {
    const sam = userIdByEmail("sam@northwind.test");
    const want = expected(sam, new Date());
    const first = (["overdue", "due", "upcoming"] as const).find((s) => want[s].length > 0) ?? "overdue";
    expect((await page("sam@northwind.test")).state).toBe(first);
    expect((await page("sam@northwind.test", "?state=everything")).state).toBe(first);
    // Someone with nothing overdue or due opens on their upcoming interviews.
    const dana = expected(userIdByEmail("dana@northwind.test"), new Date());
    expect([dana.overdue.length, dana.due.length]).toEqual([0, 0]);
    expect(dana.upcoming.length).toBeGreaterThan(0);
    const danas = await page("dana@northwind.test");
    expect(danas.state).toBe("upcoming");
    expect(danas.items.map((i) => i.interviewId)).toEqual(dana.upcoming.slice(0, 25));
  });

  it("pages a long state 25 at a time, each seat on exactly one page, earliest first", async () => {
    const jordan = userIdByEmail("jordan@northwind.test");
    const app = copilotApp();
    const now = Date.now();
    for (let i = 0; i < 30; i++) seat(jordan, app.id, now - OVERDUE_AFTER_MS - (i + 1) * 86_400_000);
    const total = expected(jordan, new Date()).overdue.length;
    expect(total).toBeGreaterThanOrEqual(30);
    const one = await page("jordan@northwind.test", "?state=overdue");
    const two = await page("jordan@northwind.test", "?state=overdue&page=2");
    expect(one.pageCount).toBe(Math.ceil(total / 25));
    expect(one.items).toHaveLength(25);
    expect(two.page).toBe(2);
    const ids = [...one.items, ...two.items].map((i) => i.interviewId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(Math.min(total, 50));
    const starts = getDb()
      .select({ id: schema.interviews.id, startsAt: schema.interviews.startsAt })
      .from(schema.interviews)
      .all();
    const at = new Map(starts.map((s) => [s.id, s.startsAt.getTime()]));
    expect(ids.map((id) => at.get(id)!)).toEqual(ids.map((id) => at.get(id)!).sort((a, b) => a - b));
    // Past the end: the last page.
    expect((await page("jordan@northwind.test", "?state=overdue&page=99")).page).toBe(one.pageCount);
  });

  it("shows someone the viewer grades anonymously under the take-home's alias only", async () => {
    const db = getDb();
    const blind = db
      .select()
      .from(schema.takeHomes)
      .innerJoin(schema.takeHomeGraders, eq(schema.takeHomeGraders.takeHomeId, schema.takeHomes.id))
      .all()
      .find(
        (r) =>
          r.take_homes.anonymous &&
          !r.take_homes.revealedAt &&
          ["assigned", "submitted", "grading"].includes(r.take_homes.status),
      )!;
    expect(blind).toBeTruthy();
    const grader = db.select().from(schema.users).where(eq(schema.users.id, blind.take_home_graders.userId)).get()!;
    const app = db
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.id, blind.take_homes.applicationId))
      .get()!;
    const person = db.select().from(schema.candidates).where(eq(schema.candidates.id, app.candidateId!)).get()!;
    const id = seat(grader.id, app.id, Date.now() - 60_000);
    const got = await page(grader.email, "?state=due");
    const row = got.items.find((i) => i.interviewId === id)!;
    expect(row).toMatchObject({ who: blind.take_homes.alias, masked: true });
    expect(JSON.stringify(got)).not.toContain(person.name);
  });
});
