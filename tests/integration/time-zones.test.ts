// Time zones end to end through the real actions: the browser's zone kept at the
// first sign-in, the account page's zone and digest form, and an interview's start
// read in the scheduler's zone, with a start in the past confirmed before it is saved.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, utcToZonedLocal } from "~/domain/dates";
import * as account from "~/routes/account";
import * as scheduleRoute from "~/routes/applications.$applicationId.interviews.new";
import * as login from "~/routes/login";
import { PAST_START_MESSAGE } from "~/schemas/interview";
import { getDb, schema } from "~/utils/db.server";
import { resetThrottle } from "~/utils/throttle.server";
import {
  cookieFor,
  firstUnplacedCandidate,
  get,
  invoke,
  post,
  roleIdByTitle,
  totalChanges,
  userIdByEmail,
} from "../support/http";

const PASSWORD = "interview-loop-2026";
const db = () => getDb();

function preferencesOf(email: string) {
  return db()
    .select({ timeZone: schema.users.timeZone, digestHour: schema.users.digestHour })
    .from(schema.users)
    .where(eq(schema.users.id, userIdByEmail(email)))
    .get()!;
}

function setZone(email: string, timeZone: string | null) {
  db()
    .update(schema.users)
    .set({ timeZone })
    .where(eq(schema.users.id, userIdByEmail(email)))
    .run();
}

const signIn = (email: string, timeZone?: string) =>
  invoke(login.action, post("/login", { email, password: PASSWORD, ...(timeZone === undefined ? {} : { timeZone }) }));

beforeEach(() => resetThrottle());

describe("the browser's zone at the first sign-in", () => {
  it("is stored when the user has none, and not over one they have", async () => {
    setZone("riley@northwind.test", null);
    expect((await signIn("riley@northwind.test", "America/Los_Angeles")).status).toBe(302);
    expect(preferencesOf("riley@northwind.test").timeZone).toBe("America/Los_Angeles");

    expect((await signIn("riley@northwind.test", "Europe/Berlin")).status).toBe(302);
    expect(preferencesOf("riley@northwind.test").timeZone).toBe("America/Los_Angeles");
  });

  it("is not stored when it is not a real zone, or not sent (no JavaScript)", async () => {
    setZone("jordan@northwind.test", null);
    expect((await signIn("jordan@northwind.test", "Mars/Olympus_Mons")).status).toBe(302);
    expect(preferencesOf("jordan@northwind.test").timeZone).toBeNull();
    expect((await signIn("jordan@northwind.test")).status).toBe(302);
    expect(preferencesOf("jordan@northwind.test").timeZone).toBeNull();
  });

  it("is not stored by a failed sign-in", async () => {
    setZone("sam@northwind.test", null);
    const out = await invoke(
      login.action,
      post("/login", { email: "sam@northwind.test", password: "not-the-password-at-all", timeZone: "Asia/Tokyo" }),
    );
    expect(out.status).toBe(400);
    expect(preferencesOf("sam@northwind.test").timeZone).toBeNull();
  });
});

describe("the account page's time zone and digest form", () => {
  let tomas = "";
  beforeEach(async () => {
    tomas = await cookieFor("tomas@northwind.test");
  });
  const send = (fields: Record<string, string>) =>
    invoke(account.action, post("/account", { intent: "time-preferences", ...fields }, { cookie: tomas }));

  it("shows the current zone selected, or UTC with a note when none is set", async () => {
    setZone("tomas@northwind.test", null);
    const cookie = await cookieFor("tomas@northwind.test");
    const unset = (await invoke(account.loader, get("/account", cookie))).data as {
      preferences: { timeZone: string | null; digestHour: number | null };
      timeZones: string[];
    };
    expect(unset.preferences.timeZone).toBeNull();
    expect(unset.timeZones[0]).toBe("UTC");
    expect(unset.timeZones).toContain("America/Los_Angeles");
  });

  it("saves a zone and a digest hour, and turns the digest off", async () => {
    const saved = await send({ timeZone: "Europe/Berlin", digestHour: "7" });
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject({ intent: "time-preferences", ok: true });
    expect(preferencesOf("tomas@northwind.test")).toEqual({ timeZone: "Europe/Berlin", digestHour: 7 });

    await send({ timeZone: "UTC", digestHour: "off" });
    expect(preferencesOf("tomas@northwind.test")).toEqual({ timeZone: "UTC", digestHour: null });
  });

  it("refuses an unknown zone or an hour out of range with 400, messages by the fields, and nothing written", async () => {
    await send({ timeZone: "Asia/Tokyo", digestHour: "9" });
    const before = totalChanges();
    for (const [fields, field] of [
      [{ timeZone: "Mars/Olympus_Mons", digestHour: "9" }, "timeZone"],
      [{ timeZone: "", digestHour: "9" }, "timeZone"],
      [{ timeZone: "Europe/Paris", digestHour: "24" }, "digestHour"],
      [{ timeZone: "Europe/Paris", digestHour: "-1" }, "digestHour"],
      [{ timeZone: "Europe/Paris" }, "digestHour"],
    ] as const) {
      const out = await send(fields);
      expect(out.status, JSON.stringify(fields)).toBe(400);
      const { fieldErrors } = out.data as { fieldErrors: Record<string, string[]> };
      expect(Object.keys(fieldErrors)).toEqual([field]);
    }
    expect(totalChanges()).toBe(before);
    expect(preferencesOf("tomas@northwind.test")).toEqual({ timeZone: "Asia/Tokyo", digestHour: 9 });
  });

  it("still changes a password when the form has no intent", async () => {
    const out = await invoke(
      account.action,
      post("/account", { currentPassword: "wrong-password-here" }, { cookie: await cookieFor("tomas@northwind.test") }),
    );
    expect(out.status).toBe(400);
    expect(out.data).toMatchObject({ intent: "password", ok: false });
  });
});

describe("an interview's start, read in the scheduler's zone", () => {
  function freshApplication(): number {
    const candidate = firstUnplacedCandidate();
    return db()
      .insert(schema.applications)
      .values({
        roleId: roleIdByTitle("Senior AI Engineer, Support Copilot"),
        candidateId: candidate.id,
        stage: "interviewing",
        stageChangedAt: new Date(),
      })
      .returning()
      .get().id;
  }

  let dana = "";
  beforeEach(async () => {
    dana = await cookieFor("dana@northwind.test");
  });
  function schedule(applicationId: number, fields: Record<string, string>) {
    return invoke(
      scheduleRoute.action,
      post(
        `/applications/${applicationId}/interviews/new`,
        {
          kind: "screen",
          durationMinutes: "45",
          panelIds: [String(userIdByEmail("sam@northwind.test"))],
          focusAreas: ["evals"],
          tzOffset: "0",
          ...fields,
        },
        { cookie: dana },
      ),
      { applicationId: String(applicationId) },
    );
  }

  const interviewsOf = (applicationId: number) =>
    db().select().from(schema.interviews).where(eq(schema.interviews.applicationId, applicationId)).all();

  it("stores 10:00 in December in Los Angeles as 18:00 UTC, whatever the browser's offset", async () => {
    setZone("dana@northwind.test", "America/Los_Angeles");
    const applicationId = freshApplication();
    const year = new Date().getUTCFullYear() + 1;
    const out = await schedule(applicationId, { startsAt: `${year}-12-14T10:00`, tzOffset: "120" });
    expect(out.status).toBe(302);
    const [interview] = interviewsOf(applicationId);
    expect(interview.startsAt.toISOString()).toBe(`${year}-12-14T18:00:00.000Z`);
    expect(interview.endsAt.toISOString()).toBe(`${year}-12-14T18:45:00.000Z`);

    const page = await invoke(
      scheduleRoute.loader,
      get(`/applications/${applicationId}/interviews/new`, await cookieFor("dana@northwind.test")),
      { applicationId: String(applicationId) },
    );
    expect((page.data as { zoneLabel: string }).zoneLabel).toMatch(/^America\/Los_Angeles \(P[SD]T\)$/);
  });

  it("reads the browser's offset only when the scheduler has no zone", async () => {
    setZone("dana@northwind.test", null);
    const applicationId = freshApplication();
    const year = new Date().getUTCFullYear() + 1;
    expect((await schedule(applicationId, { startsAt: `${year}-12-14T10:00`, tzOffset: "60" })).status).toBe(302);
    expect(interviewsOf(applicationId)[0].startsAt.toISOString()).toBe(`${year}-12-14T09:00:00.000Z`);
  });

  it("refuses a start in the past (in the scheduler's zone) until it is confirmed", async () => {
    // An hour ago in Tokyo: read as UTC, the same wall-clock time would still be hours ahead.
    setZone("dana@northwind.test", "Asia/Tokyo");
    const applicationId = freshApplication();
    const anHourAgo = new Date(Date.now() - 3_600_000);
    const startsAt = utcToZonedLocal(anHourAgo, "Asia/Tokyo");
    const before = totalChanges();
    const refused = await schedule(applicationId, { startsAt });
    expect(refused.status).toBe(400);
    expect((refused.data as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      startsAt: [PAST_START_MESSAGE],
    });
    expect(totalChanges()).toBe(before);
    expect(interviewsOf(applicationId)).toHaveLength(0);

    const confirmed = await schedule(applicationId, { startsAt, confirmPast: "on" });
    expect(confirmed.status).toBe(302);
    const [interview] = interviewsOf(applicationId);
    expect(Math.abs(interview.startsAt.getTime() - anHourAgo.getTime())).toBeLessThan(60_000);
  });

  it("takes a start two days ahead without asking", async () => {
    setZone("dana@northwind.test", "America/Los_Angeles");
    const applicationId = freshApplication();
    const startsAt = utcToZonedLocal(new Date(Date.now() + 2 * DAY_MS), "America/Los_Angeles");
    expect((await schedule(applicationId, { startsAt })).status).toBe(302);
  });
});
