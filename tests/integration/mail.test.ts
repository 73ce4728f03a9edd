// Outgoing mail end to end: an interview scheduled through the real action
// queues each panelist's invitation in the same transaction; the worker sends
// it through nodemailer to a real SMTP server started here (smtp-server), and
// what arrives is parsed with mailparser and its .ics with ical.js. A crash
// between claim and send sends once after the claim times out; two processes
// claiming at once never share a message; a refusing server leaves the
// message queued for a retry, its error on the admins' page.
import { eq, inArray } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAIL_CLAIM_TIMEOUT_MS } from "~/domain/mail";
import { eraseCandidate } from "~/models/erasure.server";
import { enqueueInterviewInvitations } from "~/models/interview-mail.server";
import { claimDueMail, enqueueMail } from "~/models/mail.server";
import * as mailPage from "~/routes/admin.mail";
import * as scheduleRoute from "~/routes/applications.$applicationId.interviews.new";
import * as scorecardRoute from "~/routes/interviews.$interviewId.scorecard";
import { getDb, schema } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { createMailTransport, deliverDueMail, type MailTransport } from "~/utils/mail-worker.server";
import { claimRace } from "../support/claim-race";
import { cookieFor, get, invoke, ORIGIN, post, roleIdByTitle, userIdByEmail } from "../support/http";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

const db = () => getDb();
const { mailMessages } = schema;
const FROM = "Hiring at Northwind <hiring@northwind.test>";
const REAL_NAME = "Quillon Mailtest-Realname";
const PAY = 987654;

let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startSmtpServer();
  transport = createMailTransport(smtp.url);
});

afterAll(async () => {
  transport.close();
  await smtp.close();
});

const deliver = (workerId: string, now?: () => Date) => deliverDueMail({ transport, from: FROM, workerId, now });

function addCandidate(email: string) {
  return db()
    .insert(schema.candidates)
    .values({
      name: REAL_NAME,
      email,
      engagementType: "full_time",
      source: "referral",
      payKind: "annual",
      payAmount: PAY,
      skills: [],
    })
    .returning()
    .get().id;
}

function addApplication(roleId: number, candidateId: number, stage: "interviewing" | "take_home") {
  return db()
    .insert(schema.applications)
    .values({ roleId, candidateId, stage, stageChangedAt: new Date(), quoteAmount: PAY })
    .returning()
    .get().id;
}

/** Dana schedules a screen on 20 November 2026 at 10:00 UTC through the real action; returns the interview's id. */
async function schedule(applicationId: number, panelEmail: string): Promise<number> {
  const scheduled = await invoke(
    scheduleRoute.action,
    post(
      `/applications/${applicationId}/interviews/new`,
      {
        kind: "screen",
        startsAt: "2026-11-20T10:00",
        confirmPast: "on",
        durationMinutes: "30",
        panelIds: [String(userIdByEmail(panelEmail))],
        focusAreas: ["evals"],
        tzOffset: "0",
      },
      { cookie: await cookieFor("dana@northwind.test") },
    ),
    { applicationId: String(applicationId) },
  );
  expect(scheduled.status).toBe(302);
  return Number(scheduled.location!.match(/\/interviews\/(\d+)/)![1]);
}

const copilot = () => roleIdByTitle("Senior AI Engineer, Support Copilot");
const messagesFor = (key: string) => db().select().from(mailMessages).where(eq(mailMessages.idempotencyKey, key)).all();

describe("the interview invitation", () => {
  let interviewId: number;
  let received: TestSmtpServer["received"][number];
  const sam = () => userIdByEmail("sam@northwind.test");

  beforeAll(async () => {
    const candidateId = addCandidate("quillon.invite@example.test");
    interviewId = await schedule(addApplication(copilot(), candidateId, "interviewing"), "sam@northwind.test");
  });

  it("is queued with the interview, one per panelist, and a second enqueue of it does nothing", () => {
    const [queued] = messagesFor(`interview-invitation:${interviewId}:${sam()}:0`);
    expect(queued).toMatchObject({ status: "queued", attempts: 0, recipientAddress: "sam@northwind.test" });
    expect(queued.calendarMethod).toBe("REQUEST");
    expect(db().transaction(() => enqueueInterviewInvitations(interviewId))).toBe(0);
    expect(messagesFor(`interview-invitation:${interviewId}:${sam()}:0`)).toHaveLength(1);
  });

  it("arrives at the SMTP server with both parts, the kit and scorecard links, and a valid .ics", async () => {
    const before = smtp.received.length;
    expect(await deliver("worker-a")).toEqual({ sent: 1, failed: 0, outbox: 0 });
    expect(smtp.received).toHaveLength(before + 1);
    received = smtp.received[before];
    const mail = received.parsed;
    expect(received.envelopeTo).toEqual(["sam@northwind.test"]);
    expect(mail.from?.text).toContain("hiring@northwind.test");
    expect(mail.subject).toBe(`Interview: Screen with ${REAL_NAME} (Senior AI Engineer, Support Copilot)`);
    const scorecardUrl = `${ORIGIN}/interviews/${interviewId}/scorecard`;
    expect(mail.text).toContain(`Your scorecard: ${scorecardUrl}`);
    expect(mail.text).toContain(`Interview kit: ${ORIGIN}/interviews/${interviewId}`);
    expect(mail.text).toContain("Friday, November 20, 2026, 10:00 AM – 10:30 AM UTC");
    expect(mail.html).toContain(`href="${scorecardUrl}"`);

    const ics = mail.attachments.find((a) => a.contentType === "text/calendar");
    expect(ics).toBeDefined();
    const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString("utf8")));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe(`interview-${interviewId}@localhost`);
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-11-20T10:30:00.000Z");
    expect(event.attendees[0].getFirstValue()).toBe("mailto:sam@northwind.test");

    const [row] = messagesFor(`interview-invitation:${interviewId}:${sam()}:0`);
    expect(row).toMatchObject({ status: "sent", attempts: 1, claimedBy: null, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("is not sent again by a later run", async () => {
    const before = smtp.received.length;
    expect(await deliver("worker-b")).toEqual({ sent: 0, failed: 0, outbox: 0 });
    expect(smtp.received).toHaveLength(before);
  });

  it("links to the scorecard the panelist can open", async () => {
    const path = new URL(`${ORIGIN}/interviews/${interviewId}/scorecard`).pathname;
    const opened = await invoke(scorecardRoute.loader, get(path, await cookieFor("sam@northwind.test")), {
      interviewId: String(interviewId),
    });
    expect(opened.status).toBe(200);
  });

  it("carries no pay figure", () => {
    for (const figure of [String(PAY), "987,654", "987.654", "987 654"]) expect(received.raw).not.toContain(figure);
  });
});

describe("an anonymous candidate in a panelist's invitation", () => {
  it("appears by the take-home's alias, never by name", async () => {
    // Sam grades this candidate's take-home blind on Knowledge Search; Dana then schedules Sam for the
    // same candidate on Support Copilot. The mail must say what Sam's pages say: the alias.
    const candidateId = addCandidate("quillon.blind@example.test");
    const search = db()
      .select()
      .from(schema.roles)
      .all()
      .find((r) => r.title.includes("Knowledge Search"))!.id;
    const graded = addApplication(search, candidateId, "take_home");
    const takeHome = db()
      .insert(schema.takeHomes)
      .values({
        applicationId: graded,
        title: "Fix a failing RAG workflow",
        instructions: "Six deliverables",
        timeBoxHours: 4,
        dueOn: "2026-12-01",
        anonymous: true,
        alias: "Candidate Mailbird",
      })
      .returning()
      .get();
    db()
      .insert(schema.takeHomeGraders)
      .values({ takeHomeId: takeHome.id, userId: userIdByEmail("sam@northwind.test") })
      .run();
    const interviewId = await schedule(addApplication(copilot(), candidateId, "interviewing"), "sam@northwind.test");

    const before = smtp.received.length;
    expect((await deliver("worker-c")).sent).toBe(1);
    const { raw, parsed } = smtp.received[before];
    expect(parsed.subject).toBe("Interview: Screen with Candidate Mailbird (Senior AI Engineer, Support Copilot)");
    const ics = parsed.attachments.find((a) => a.contentType === "text/calendar")!.content.toString("utf8");
    for (const text of [raw, parsed.text ?? "", String(parsed.html), ics, parsed.subject ?? ""]) {
      expect(text).not.toContain("Quillon");
      expect(text).not.toContain("Mailtest-Realname");
      expect(text).not.toContain(String(PAY));
    }
    expect(ics).toContain(`UID:interview-${interviewId}@localhost`);
  });
});

function queueProbe(key: string) {
  enqueueMail({
    idempotencyKey: key,
    kind: "interview_invitation",
    recipientId: null,
    recipientAddress: "probe@northwind.test",
    subject: `Probe ${key}`,
    text: "Probe",
    html: "<p>Probe</p>",
  });
  return messagesFor(key)[0];
}

describe("a crash between claiming and sending", () => {
  it("sends the message once, after the claim times out", async () => {
    const message = queueProbe("probe:crash");
    const [claimed] = claimDueMail("crashed-worker", new Date(), 10);
    expect(claimed).toMatchObject({ id: message.id, status: "sending", claimedBy: "crashed-worker", attempts: 1 });
    // The worker dies here: the claim stays, nothing is sent.

    const before = smtp.received.length;
    expect(await deliver("restarted-worker")).toEqual({ sent: 0, failed: 0, outbox: 0 });
    const later = () => new Date(Date.now() + MAIL_CLAIM_TIMEOUT_MS + 1000);
    expect(await deliver("restarted-worker", later)).toEqual({ sent: 1, failed: 0, outbox: 0 });
    expect(await deliver("restarted-worker", later)).toEqual({ sent: 0, failed: 0, outbox: 0 });
    const arrived = smtp.received.slice(before).filter((m) => m.parsed.subject === "Probe probe:crash");
    expect(arrived).toHaveLength(1);
    expect(messagesFor("probe:crash")[0]).toMatchObject({ status: "sent", attempts: 2 });
  });
});

describe("two workers claiming at once", { timeout: 60_000 }, () => {
  it("never claim the same message, and between them claim every one", async () => {
    const keys = Array.from({ length: 300 }, (_, i) => `probe:race:${i}`);
    db().transaction(() => keys.forEach(queueProbe));
    const { mine, theirs } = await claimRace(
      "mail",
      db().$client.name,
      () => claimDueMail("this-process", new Date(), 1)[0]?.id,
    );
    const ids = db()
      .select({ id: mailMessages.id })
      .from(mailMessages)
      .where(inArray(mailMessages.idempotencyKey, keys))
      .all()
      .map((r) => r.id);
    expect(mine.filter((id) => theirs.includes(id))).toEqual([]);
    expect([...mine, ...theirs].sort((a, b) => a - b)).toEqual(ids.sort((a, b) => a - b));
    // Leave nothing claimed for the tests after this one.
    db().delete(mailMessages).where(inArray(mailMessages.idempotencyKey, keys)).run();
  });
});

describe("an SMTP server that refuses", () => {
  it("leaves the message queued for a later attempt, its error on the admins' page", async () => {
    const message = queueProbe("probe:refused");
    smtp.refuse = { message: "Mailbox busy, try again later", responseCode: 451 };
    const now = new Date();
    try {
      expect(await deliver("worker-d", () => now)).toEqual({ sent: 0, failed: 1, outbox: 0 });
    } finally {
      smtp.refuse = null;
    }
    const [row] = messagesFor("probe:refused");
    expect(row).toMatchObject({ status: "queued", attempts: 1, claimedBy: null });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(row.lastError).toContain("451");
    expect(row.lastError).toContain("Mailbox busy, try again later");
    // Not due yet: a run now sends nothing.
    expect(await deliver("worker-d", () => now)).toEqual({ sent: 0, failed: 0, outbox: 0 });

    const page = await invoke(mailPage.loader, get("/admin/mail", await cookieFor("morgan@northwind.test")));
    expect(page.status).toBe(200);
    const shown = (page.data as { messages: { id: number; status: string; attempts: number; lastError: string }[] })
      .messages;
    expect(shown.find((m) => m.id === message.id)).toMatchObject({ status: "Queued", attempts: 1 });
    expect(shown.find((m) => m.id === message.id)!.lastError).toContain("Mailbox busy");

    // Once due, the next attempt goes through.
    const later = () => new Date(row.nextAttemptAt.getTime() + 1);
    expect(await deliver("worker-d", later)).toEqual({ sent: 1, failed: 0, outbox: 0 });
    expect(messagesFor("probe:refused")[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });
});

describe("with no SMTP server configured", () => {
  it("keeps messages in the outbox, where admins read the subject and text", async () => {
    const message = queueProbe("probe:outbox");
    expect(await deliverDueMail({ transport: null, from: FROM, workerId: "demo" })).toEqual({
      sent: 0,
      failed: 0,
      outbox: 1,
    });
    expect(messagesFor("probe:outbox")[0].status).toBe("outbox");
    const page = await invoke(mailPage.loader, get("/admin/mail", await cookieFor("morgan@northwind.test")));
    const shown = (page.data as { messages: { id: number; status: string; subject: string; text: string | null }[] })
      .messages;
    expect(shown[0]).toMatchObject({ id: message.id, status: "Outbox (not sent)", subject: "Probe probe:outbox" });
    expect(shown[0].text).toBe("Probe");
  });
});

describe("erasing a candidate", () => {
  it("deletes the mail about them, which names them in forms redaction could miss", async () => {
    const candidateId = addCandidate("quillon.erase@example.test");
    const applicationId = addApplication(copilot(), candidateId, "interviewing");
    const interviewId = await schedule(applicationId, "sam@northwind.test");
    const key = `interview-invitation:${interviewId}:${userIdByEmail("sam@northwind.test")}:0`;
    expect(messagesFor(key)[0].subject).toContain(REAL_NAME);
    db().update(schema.applications).set({ stage: "rejected" }).where(eq(schema.applications.id, applicationId)).run();
    expect(eraseCandidate({ candidateId, actorId: null, reason: "Asked to be forgotten", now: new Date() })).toEqual({
      ok: true,
    });
    expect(messagesFor(key)).toEqual([]);
    // Other mail stays.
    expect(messagesFor("probe:outbox")).toHaveLength(1);
  });
});

describe("configuration", () => {
  it("takes an smtp:// URL and refuses another scheme", () => {
    expect(parseEnv({ NODE_ENV: "test", SMTP_URL: smtp.url }).SMTP_URL).toBe(smtp.url);
    expect(() => parseEnv({ NODE_ENV: "test", SMTP_URL: "http://mail.example.com" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ NODE_ENV: "test", MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM/);
  });
});
