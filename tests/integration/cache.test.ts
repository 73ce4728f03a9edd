// The derived-figures cache: a hit only while the database is unchanged (by
// this connection or any other) and younger than its age limit; bounded; and
// the rollup page shows a write at once.
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as rollupRoute from "~/routes/roles.$roleId.rollup";
import { cachedDerived, clearDerivedCache, MAX_CACHE_ENTRIES } from "~/utils/cache.server";
import { databaseVersion, getDb, schema } from "~/utils/db.server";
import { cookieFor, get, invoke, roleIdByTitle } from "../support/http";
import { scheduleFreshInterview, submitScorecard } from "../support/journeys";

function counter() {
  let calls = 0;
  return { compute: () => ({ n: ++calls }), calls: () => calls };
}

afterEach(() => {
  vi.useRealTimers();
  clearDerivedCache();
});

describe("cachedDerived", () => {
  it("computes once while nothing is written", () => {
    const c = counter();
    expect(cachedDerived("k", { maxAgeMs: 60_000 }, c.compute)).toEqual({ n: 1 });
    expect(cachedDerived("k", { maxAgeMs: 60_000 }, c.compute)).toEqual({ n: 1 });
    expect(c.calls()).toBe(1);
  });

  it("recomputes after a write through the app's connection", () => {
    const c = counter();
    cachedDerived("k", { maxAgeMs: 60_000 }, c.compute);
    const before = databaseVersion();
    getDb()
      .update(schema.roles)
      .set({ team: "Platform" })
      .where(eq(schema.roles.id, roleIdByTitle("Senior AI Engineer, Support Copilot")))
      .run();
    expect(databaseVersion()).not.toBe(before);
    expect(cachedDerived("k", { maxAgeMs: 60_000 }, c.compute)).toEqual({ n: 2 });
  });

  it("recomputes after another connection commits (a CLI, a second server)", () => {
    const c = counter();
    cachedDerived("k", { maxAgeMs: 60_000 }, c.compute);
    const other = new Database(process.env.DATABASE_PATH!);
    other
      .prepare("update roles set team = 'Applied AI' where id = ?")
      .run(roleIdByTitle("Senior AI Engineer, Support Copilot"));
    other.close();
    expect(cachedDerived("k", { maxAgeMs: 60_000 }, c.compute)).toEqual({ n: 2 });
  });

  it("recomputes once the entry is older than its age limit", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-22T09:00:00Z"));
    const c = counter();
    cachedDerived("k", { maxAgeMs: 60_000 }, c.compute);
    vi.setSystemTime(new Date("2026-11-22T09:00:59Z"));
    expect(cachedDerived("k", { maxAgeMs: 60_000 }, c.compute)).toEqual({ n: 1 });
    vi.setSystemTime(new Date("2026-11-22T09:01:00Z"));
    expect(cachedDerived("k", { maxAgeMs: 60_000 }, c.compute)).toEqual({ n: 2 });
  });

  it("keeps at most MAX_CACHE_ENTRIES, dropping the least recently used", () => {
    const c = counter();
    cachedDerived("first", { maxAgeMs: 60_000 }, c.compute);
    for (let i = 0; i < MAX_CACHE_ENTRIES - 1; i++) cachedDerived(`other-${i}`, { maxAgeMs: 60_000 }, () => i);
    cachedDerived("first", { maxAgeMs: 60_000 }, c.compute); // used again: now the most recent
    cachedDerived("one-more", { maxAgeMs: 60_000 }, () => 0); // evicts other-0, not first
    expect(c.calls()).toBe(1);
    const evicted = counter();
    cachedDerived("other-0", { maxAgeMs: 60_000 }, evicted.compute);
    expect(evicted.calls()).toBe(1);
  });

  it("freezes shared values outside production, so a caller cannot change them for the next request", () => {
    const value = cachedDerived("frozen", { maxAgeMs: 60_000 }, () => ({ rows: [{ total: 3 }] }));
    expect(() => {
      value.rows[0].total = 4;
    }).toThrow(TypeError);
  });
});

describe("the rollup page after a write", () => {
  it("shows a newly submitted scorecard on the next load", async () => {
    const roleId = roleIdByTitle("Senior AI Engineer, Support Copilot");
    const dana = await cookieFor("dana@northwind.test");
    const { applicationId, interviewId } = await scheduleFreshInterview(roleId, "sam@northwind.test");

    const rowOf = async () => {
      const page = await invoke(
        rollupRoute.loader,
        get(`/roles/${roleId}/rollup?sort=name&dir=asc&stage=interviewing`, dana),
        { roleId: String(roleId) },
      );
      const rows = (page.data as { rows: { id: number; scorecards: number; weightedTotal: number | null }[] }).rows;
      return rows.find((r) => r.id === applicationId)!;
    };
    expect(await rowOf()).toMatchObject({ scorecards: 0, weightedTotal: null });

    expect(
      await submitScorecard(interviewId, "sam@northwind.test", {
        rating_evals: "4",
        evidence_evals: "Built an eval set from support tickets",
        recommendation: "strong_yes",
        keyTakeaways: "Evals first",
      }),
    ).toBe(302);
    expect(await rowOf()).toMatchObject({ scorecards: 1, weightedTotal: 4 });
  });
});
