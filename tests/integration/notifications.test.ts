// Notifications end to end, through a real SMTP server started here
// (smtp-server), parsed with mailparser and ical.js: a reschedule's update and
// a cancellation carry the interview's UID with a higher SEQUENCE; reminders
// when an interview ends and when its scorecard is overdue, once each; the
// daily digest per kind of user, none when nothing waits, the --all command;
// offer approvals asked and their outcome; times in the recipient's zone; no
// pay figure and no anonymous candidate's real name in any interviewer's mail;
// the unsubscribe link and header; two workers never send one message twice.
import { spawnSync } from "node:child_process";
import { eq, inArray, like } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueDigests } from "~/models/digest.server";
import { scheduleInterview } from "~/models/interview.server";
import { recordDecision } from "~/models/decision.server";
import { decideOffer, saveOffer } from "~/models/offer.server";
import { getInterviewerQueue } from "~/models/queue.server";
import { enqueueScorecardReminders } from "~/models/reminders.server";
import * as interviewPage from "~/routes/interviews.$interviewId._index";
import * as scorecardPage from "~/routes/interviews.$interviewId.scorecard";
import * as scheduleRoute from "~/routes/applications.$applicationId.interviews.new";
import * as unsubscribePage from "~/routes/unsubscribe";
import { getDb, schema } from "~/utils/db.server";
import { createMailTransport, deliverDueMail, type MailTransport } from "~/utils/mail-worker.server";
import { unsubscribeToken } from "~/utils/unsubscribe.server";
import { cookieFor, get, invoke, ORIGIN, post, roleIdByTitle, userIdByEmail } from "../support/http";
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from "../support/smtp";

const db = () => getDb();
const { mailMessages, users } = schema;
const FROM = "Hiring at Northwind <hiring@northwind.test>";
const PAY = 876543;
const HOUR = 3_600_000;

let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startSmtpServer();
  transport = createMailTransport(smtp.url);
  // Sam reads Los Angeles time, Dana Berlin time; Jordan has no zone yet (UTC).
  setZone("sam@northwind.test", "America/Los_Angeles");
  setZone("dana@northwind.test", "Europe/Berlin");
});

afterAll(async () => {
  transport.close();
  await smtp.close();
});

function setZone(email: string, zone: string | null) {
  db().update(users).set({ timeZone: zone }).where(eq(users.email, email)).run();
}

/** Send everything due and return what arrived in this run. */
async function deliverAll(now?: () => Date): Promise<ReceivedMail[]> {
  const before = smtp.received.length;
  await deliverDueMail({ transport, from: FROM, workerId: "test-worker", now, limit: 500 });
  return smtp.received.slice(before);
}

const to = (mails: ReceivedMail[], email: string) => mails.filter((m) => m.envelopeTo.includes(email));
const icsOf = (mail: ReceivedMail) => {
  const part = mail.parsed.attachments.find((a) => a.contentType === "text/calendar");
  if (!part) throw new Error(`No calendar in "${mail.parsed.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString("utf8")));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return { method: calendar.getFirstPropertyValue("method"), event };
};

let nextCandidate = 0;
function freshApplication(roleTitle: string, stage: "interviewing" | "final" = "interviewing", name?: string) {
  nextCandidate += 1;
  const candidate = db()
    .insert(schema.candidates)
    .values({
      name: name ?? `Notifytest Person${nextCandidate}`,
      email: `notify.${nextCandidate}.${Date.now()}@example.test`,
      engagementType: "full_time",
      source: "referral",
      payKind: "annual",
      payAmount: PAY,
      skills: [],
    })
    .returning()
    .get();
  return db()
    .insert(schema.applications)
    .values({ roleId: roleIdByTitle(roleTitle), candidateId: candidate.id, stage, stageChangedAt: new Date() })
    .returning()
    .get().id;
}

const COPILOT = "Senior AI Engineer, Support Copilot";
const sam = () => userIdByEmail("sam@northwind.test");
const jordan = () => userIdByEmail("jordan@northwind.test");
const dana = () => userIdByEmail("dana@northwind.test");

const versionOf = (interviewId: number) =>
  db().select().from(schema.interviews).where(eq(schema.interviews.id, interviewId)).get()!;

const changeInterview = async (
  interviewId: number,
  fields: Record<string, string | string[]>,
  email = "dana@northwind.test",
) =>
  invoke(interviewPage.action, post(`/interviews/${interviewId}`, fields, { cookie: await cookieFor(email) }), {
    interviewId: String(interviewId),
  });

describe("the demo seed", () => {
  it("queues no mail by itself", () => {
    expect(db().select().from(mailMessages).all()).toEqual([]);
  });
});

describe("rescheduling an interview", () => {
  let interviewId: number;
  let invitationUid: string;

  beforeAll(async () => {
    const applicationId = freshApplication(COPILOT);
    const scheduled = await invoke(
      scheduleRoute.action,
      post(
        `/applications/${applicationId}/interviews/new`,
        {
          kind: "screen",
          // Dana schedules in her zone: 11:00 in Berlin is 10:00 UTC.
          startsAt: "2027-01-14T11:00",
          durationMinutes: "45",
          panelIds: [String(sam()), String(jordan())],
          focusAreas: ["evals"],
          tzOffset: "0",
        },
        { cookie: await cookieFor("dana@northwind.test") },
      ),
      { applicationId: String(applicationId) },
    );
    interviewId = Number(scheduled.location!.match(/\/interviews\/(\d+)/)![1]);
    const invites = await deliverAll();
    const samInvite = to(invites, "sam@northwind.test")[0];
    invitationUid = icsOf(samInvite).event.uid;
    // 10:00 UTC is 2:00 AM in Los Angeles: the invitation is in Sam's zone.
    expect(samInvite.parsed.text).toContain("Thursday, January 14, 2027, 2:00 AM – 2:45 AM PST");
    expect(to(invites, "jordan@northwind.test")[0].parsed.text).toContain("10:00 AM – 10:45 AM UTC");
  });

  it("refuses a start in the past unless confirmed, and a stale version, writing nothing", async () => {
    const { version } = versionOf(interviewId);
    const past = await changeInterview(interviewId, {
      intent: "reschedule",
      version: String(version),
      startsAt: "2026-01-05T09:00",
      durationMinutes: "45",
      panelIds: [String(sam())],
    });
    expect(past.status).toBe(400);
    expect((past.data as { fieldErrors: Record<string, string[]> }).fieldErrors.startsAt[0]).toMatch(/past/);
    const stale = await changeInterview(interviewId, {
      intent: "reschedule",
      version: String(version - 1 || 99),
      startsAt: "2027-01-15T09:00",
      durationMinutes: "45",
      panelIds: [String(sam())],
    });
    expect(stale.status).toBe(409);
    expect(versionOf(interviewId)).toMatchObject({ version, sequence: 0 });
  });

  it("sends the panelist who stays an update, the one removed a CANCEL, the one added an invitation: one UID, SEQUENCE 1", async () => {
    // Dana (Berlin) moves it to 9:00 her time on 15 January, 60 minutes, and swaps Jordan for herself.
    const moved = await changeInterview(interviewId, {
      intent: "reschedule",
      version: String(versionOf(interviewId).version),
      startsAt: "2027-01-15T09:00",
      durationMinutes: "60",
      panelIds: [String(sam()), String(dana())],
    });
    expect(moved.status).toBe(302);
    expect(moved.location).toBe(`/interviews/${interviewId}?saved=rescheduled`);
    const row = versionOf(interviewId);
    expect(row.sequence).toBe(1);
    expect(row.startsAt.toISOString()).toBe("2027-01-15T08:00:00.000Z");

    const mails = await deliverAll();
    const samUpdate = icsOf(to(mails, "sam@northwind.test")[0]);
    expect(samUpdate.method).toBe("REQUEST");
    expect(samUpdate.event.uid).toBe(invitationUid);
    expect(samUpdate.event.sequence).toBe(1);
    expect(samUpdate.event.startDate.toJSDate().toISOString()).toBe("2027-01-15T08:00:00.000Z");
    expect(samUpdate.event.endDate.toJSDate().toISOString()).toBe("2027-01-15T09:00:00.000Z");
    const samMail = to(mails, "sam@northwind.test")[0].parsed;
    expect(samMail.subject).toMatch(/^Interview moved: Screen with Notifytest/);
    // 08:00 UTC is midnight in Los Angeles.
    expect(samMail.text).toContain("When (new): Friday, January 15, 2027, 12:00 AM – 1:00 AM PST");

    const jordanCancel = icsOf(to(mails, "jordan@northwind.test")[0]);
    expect(jordanCancel.method).toBe("CANCEL");
    expect(jordanCancel.event.uid).toBe(invitationUid);
    expect(jordanCancel.event.sequence).toBe(1);
    expect(to(mails, "jordan@northwind.test")[0].parsed.subject).toMatch(/^No longer on the panel/);

    const danaInvite = icsOf(to(mails, "dana@northwind.test")[0]);
    expect(danaInvite.method).toBe("REQUEST");
    expect(danaInvite.event.sequence).toBe(1);
    expect(to(mails, "dana@northwind.test")[0].parsed.text).toContain("9:00 AM – 10:00 AM GMT+1");
    expect(mails).toHaveLength(3);
  });

  it("records the reschedule in the audit log, without the times", () => {
    const entry = db()
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, "interview.reschedule"))
      .all()
      .at(-1)!;
    expect(entry).toMatchObject({ subjectType: "interview", subjectId: interviewId, actorId: dana() });
    expect(entry.fields).toEqual(["startsAt", "endsAt", "panel"]);
  });

  it("lets an interviewer read the page but not reschedule", async () => {
    const refused = await changeInterview(
      interviewId,
      { intent: "cancel", version: String(versionOf(interviewId).version) },
      "sam@northwind.test",
    );
    expect(refused.status).toBe(403);
    expect(versionOf(interviewId).cancelledAt).toBeNull();
  });

  it("cancels: a CANCEL to every panelist with the reason, SEQUENCE 2, out of the queue, and no more changes", async () => {
    const cancelled = await changeInterview(interviewId, {
      intent: "cancel",
      version: String(versionOf(interviewId).version),
      reason: "Candidate withdrew",
    });
    expect(cancelled.location).toBe(`/interviews/${interviewId}?saved=cancelled`);
    const row = versionOf(interviewId);
    expect(row).toMatchObject({ sequence: 2, cancelledById: dana() });
    expect(row.cancelledAt).toBeInstanceOf(Date);

    const mails = await deliverAll();
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(["dana@northwind.test", "sam@northwind.test"]);
    for (const mail of mails) {
      const { method, event } = icsOf(mail);
      expect(method).toBe("CANCEL");
      expect(event.uid).toBe(invitationUid);
      expect(event.sequence).toBe(2);
      expect(mail.parsed.text).toContain("Reason: Candidate withdrew");
    }

    const queue = getInterviewerQueue(sam(), new Date("2027-01-16T12:00:00Z"), 50);
    const everywhere = [...queue.due.items, ...queue.overdue.items, ...queue.upcoming.items];
    expect(everywhere.map((i) => i.interviewId)).not.toContain(interviewId);
    expect(enqueueScorecardReminders(new Date("2027-01-15T10:00:00Z"))).toEqual({ due: 0, overdue: 0 });

    const again = await changeInterview(interviewId, {
      intent: "reschedule",
      version: String(row.version),
      startsAt: "2027-02-01T09:00",
      durationMinutes: "60",
      panelIds: [String(sam())],
    });
    expect(again.status).toBe(409);
    const page = await invoke(
      interviewPage.loader,
      get(`/interviews/${interviewId}`, await cookieFor("dana@northwind.test")),
      {
        interviewId: String(interviewId),
      },
    );
    const data = page.data as { interview: { cancelledAt: Date | null }; change: unknown };
    expect(data.interview.cancelledAt).not.toBeNull();
    expect(data.change).toBeNull();

    // The panelist's scorecard for it takes nothing new.
    const draft = await invoke(
      scorecardPage.action,
      post(
        `/interviews/${interviewId}/scorecard`,
        { intent: "draft", version: "", keyTakeaways: "Typed after the cancellation" },
        { cookie: await cookieFor("sam@northwind.test") },
      ),
      { interviewId: String(interviewId) },
    );
    expect(draft.status).toBe(409);
    expect(JSON.stringify(draft.data)).toContain("cancelled");
    const written = db().select().from(schema.scorecards).where(eq(schema.scorecards.interviewId, interviewId)).all();
    expect(written).toEqual([]);
  });
});

/** An interview that ended at `endsAt`, with these panelists, made through the model (no invitation sent here). */
function endedInterview(endsAt: Date, panelIds: number[], applicationId = freshApplication(COPILOT)) {
  const id = db().transaction(() =>
    scheduleInterview({
      applicationId,
      kind: "technical_deep_dive",
      startsAt: new Date(endsAt.getTime() - HOUR),
      endsAt,
      panelIds,
      focusAreas: ["evals"],
      prompts: [],
      customQuestions: [],
      includeGovernance: false,
      actorId: dana(),
    }),
  );
  // The invitations are not what these tests are about.
  db()
    .delete(mailMessages)
    .where(like(mailMessages.idempotencyKey, `interview-invitation:${id}:%`))
    .run();
  return id;
}

describe("scorecard reminders", () => {
  const ended = new Date(Date.now() - 10 * 60_000);
  let interviewId: number;

  beforeAll(() => {
    interviewId = endedInterview(ended, [sam(), jordan()]);
    // Jordan has submitted; only Sam owes a scorecard.
    const templateId = versionOf(interviewId).templateId!;
    db()
      .insert(schema.scorecards)
      .values({ interviewId, interviewerId: jordan(), templateId, status: "submitted", submittedAt: new Date() })
      .run();
  });

  it("sends 'due' when the interview has ended, once, to those who have not submitted", async () => {
    const now = new Date(ended.getTime() + 60_000);
    expect(enqueueScorecardReminders(now).due).toBeGreaterThanOrEqual(1);
    expect(enqueueScorecardReminders(now)).toEqual({ due: 0, overdue: 0 });
    const mails = (await deliverAll()).filter((m) => m.parsed.subject?.startsWith("Scorecard due:"));
    const mine = mails.filter((m) => m.parsed.text?.includes(`/interviews/${interviewId}/scorecard`));
    expect(mine.map((m) => m.envelopeTo[0])).toEqual(["sam@northwind.test"]);
    expect(mine[0].parsed.text).toMatch(/ended [A-Z][a-z]{2} \d+, \d{4}, \d+:\d{2} [AP]M P[SD]T\./);
  });

  it("sends 'overdue' 24 hours after the end, once, and nothing for an interview that ended over a week ago", async () => {
    const old = endedInterview(new Date(Date.now() - 8 * 24 * HOUR), [sam()]);
    const later = new Date(ended.getTime() + 25 * HOUR);
    enqueueScorecardReminders(later);
    expect(enqueueScorecardReminders(later)).toEqual({ due: 0, overdue: 0 });
    const keys = db()
      .select({ key: mailMessages.idempotencyKey })
      .from(mailMessages)
      .where(like(mailMessages.idempotencyKey, "scorecard-%"))
      .all()
      .map((r) => r.key);
    expect(keys.filter((k) => k.endsWith(`:${interviewId}:${sam()}`)).sort()).toEqual([
      `scorecard-due:${interviewId}:${sam()}`,
      `scorecard-overdue:${interviewId}:${sam()}`,
    ]);
    expect(keys.some((k) => k.includes(`:${old}:`))).toBe(false);
    expect(keys.some((k) => k.includes(`:${interviewId}:${jordan()}`))).toBe(false);
    const overdue = (await deliverAll(() => later)).filter((m) =>
      m.parsed.text?.includes(`/interviews/${interviewId}/scorecard`),
    );
    expect(overdue.map((m) => m.parsed.subject)).toEqual([expect.stringMatching(/^Scorecard overdue:/)]);
  });
});

describe("the daily digest", () => {
  const digestsFor = (ids: number[]) =>
    db()
      .select()
      .from(mailMessages)
      .where(inArray(mailMessages.recipientId, ids))
      .all()
      .filter((m) => m.kind === "digest");

  it("goes to a user only at their hour in their zone, once per local day", () => {
    // 16:00 UTC on 7 December is 8:00 in Los Angeles: Sam's hour (the default, 8), not Dana's (17:00 in Berlin).
    const at = new Date("2026-12-07T16:00:00Z");
    db().delete(mailMessages).where(eq(mailMessages.kind, "digest")).run();
    enqueueDigests(at);
    expect(digestsFor([sam()]).map((m) => m.idempotencyKey)).toEqual([`digest:${sam()}:2026-12-07`]);
    expect(digestsFor([dana()])).toEqual([]);
    expect(enqueueDigests(at).queued).toBe(0);
  });

  it("lists what waits for each kind of user, and none for a user with nothing waiting or the digest off", () => {
    db().delete(mailMessages).where(eq(mailMessages.kind, "digest")).run();
    const idle = db()
      .insert(users)
      .values({ email: "idle@northwind.test", name: "Idle Person", kind: "interviewer", passwordHash: "x" })
      .returning()
      .get().id;
    const off = db()
      .insert(users)
      .values({
        email: "off@northwind.test",
        name: "Off Person",
        kind: "recruiter",
        passwordHash: "x",
        digestHour: null,
      })
      .returning()
      .get().id;
    const run = enqueueDigests(new Date(), { all: true });
    expect(run.queued).toBeGreaterThan(0);
    expect(run.nothingWaiting).toBeGreaterThanOrEqual(1);
    expect(digestsFor([idle, off])).toEqual([]);

    const text = (email: string) => digestsFor([userIdByEmail(email)])[0]?.textBody ?? "";
    // Sam owes the overdue scorecard above.
    expect(text("sam@northwind.test")).toMatch(/Scorecards overdue \(\d+\)/);
    // Dana decides on her roles; Priya (HR) approves offers and sees stale compliance requests.
    expect(text("dana@northwind.test")).toMatch(/Decisions waiting for you \(\d+\)/);
    expect(text("priya@northwind.test")).toMatch(/Stale compliance requests \(\d+\)/);
    expect(text("sam@northwind.test")).not.toContain("Stale compliance requests");
    for (const email of ["sam@northwind.test", "dana@northwind.test", "priya@northwind.test"]) {
      expect(text(email)).toContain(`Stop the daily digest: ${ORIGIN}/unsubscribe?token=`);
    }
  });

  it("npm run notify:digest -- --all queues every user's digest from the command line", () => {
    db().delete(mailMessages).where(eq(mailMessages.kind, "digest")).run();
    db().$client.pragma("wal_checkpoint(TRUNCATE)");
    const cli = spawnSync(process.execPath, ["--import", "tsx", "app/cli/notify-digest.ts", "--all"], {
      env: { ...process.env, DATABASE_PATH: db().$client.name },
      encoding: "utf8",
    });
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    const queued = Number(cli.stdout.match(/Digests queued: (\d+)/)![1]);
    expect(queued).toBeGreaterThan(0);
    expect(
      digestsFor(
        db()
          .select({ id: users.id })
          .from(users)
          .all()
          .map((u) => u.id),
      ),
    ).toHaveLength(queued);
  });
});

describe("a decision recorded", () => {
  it("tells the role's hiring managers, not the one who recorded it, with no pay", async () => {
    await deliverAll();
    const applicationId = freshApplication(COPILOT);
    const app = db().select().from(schema.applications).where(eq(schema.applications.id, applicationId)).get()!;
    const morgan = userIdByEmail("morgan@northwind.test");
    const recorded = recordDecision({
      applicationId,
      version: app.version,
      currentDecisionId: null,
      outcome: "reject",
      rejectionReason: "skills_gap",
      rationale: "Evals answers stayed at the demo level.",
      citedAreas: ["evals"],
      citedScorecards: [],
      changeReason: null,
      actorId: morgan,
    });
    expect(recorded.ok).toBe(true);
    const mails = (await deliverAll()).filter((m) => m.parsed.subject?.startsWith("Decision:"));
    expect(mails.map((m) => m.envelopeTo[0])).toEqual(["dana@northwind.test"]);
    expect(mails[0].parsed.subject).toContain("Notifytest Person");
    expect(mails[0].parsed.text).toContain(`/applications/${applicationId}`);
    expect(mails[0].parsed.text).not.toContain("876");
    expect(mails[0].parsed.text).not.toContain("Evals answers stayed");
  });
});

describe("offer approvals by mail", () => {
  it("asks each approver, tells the hiring managers the outcome, and names no pay", async () => {
    const applicationId = freshApplication(COPILOT, "final");
    const saved = saveOffer({
      applicationId,
      values: {
        payKind: "annual",
        amount: PAY,
        currency: "USD",
        startDate: "2030-03-02",
        termsNote: null,
      } as Parameters<typeof saveOffer>[0]["values"],
      version: null,
      actorId: dana(),
    });
    expect(saved.ok).toBe(true);
    const asked = await deliverAll();
    const approvalAsks = asked.filter((m) => m.parsed.subject?.startsWith("Offer approval:"));
    // The Support Copilot chain in the demo: any one of Priya (HR) and Morgan (admin).
    expect(approvalAsks.map((m) => m.envelopeTo[0]).sort()).toEqual(["morgan@northwind.test", "priya@northwind.test"]);
    const offerId = (saved as { offerId: number }).offerId;
    const decided = decideOffer({
      offerId,
      termsVersion: 1,
      decision: "approve",
      comment: null,
      actorId: userIdByEmail("priya@northwind.test"),
    });
    expect(decided.ok).toBe(true);
    const outcome = (await deliverAll()).filter((m) => m.parsed.subject?.startsWith("Offer approved:"));
    expect(outcome.map((m) => m.envelopeTo[0])).toEqual(["dana@northwind.test"]);
    for (const mail of [...approvalAsks, ...outcome])
      for (const figure of [String(PAY), "876,543", "876.543"]) expect(mail.raw).not.toContain(figure);
  });
});

describe("privacy in every interviewer's mail", () => {
  it("carries no pay figure and no anonymous candidate's real name", async () => {
    // Sam grades this candidate's take-home blind, and is put on an interview with them that has ended.
    const applicationId = freshApplication("Senior AI Engineer, Support Copilot", "interviewing", "Zebulon Hiddenname");
    const takeHome = db()
      .insert(schema.takeHomes)
      .values({
        applicationId,
        title: "Fix a failing eval",
        instructions: "Four deliverables",
        timeBoxHours: 4,
        dueOn: "2026-12-20",
        anonymous: true,
        alias: "Candidate Quietfox",
      })
      .returning()
      .get();
    db().insert(schema.takeHomeGraders).values({ takeHomeId: takeHome.id, userId: sam() }).run();
    endedInterview(new Date(Date.now() - 5 * 60_000), [sam()], applicationId);
    enqueueScorecardReminders(new Date());
    enqueueDigests(new Date(Date.now() + 24 * HOUR), { all: true });
    await deliverAll();
    const interviewers = db()
      .select({ email: users.email })
      .from(users)
      .where(eq(users.kind, "interviewer"))
      .all()
      .map((u) => u.email);
    const theirs = smtp.received.filter((m) => m.envelopeTo.some((e) => interviewers.includes(e)));
    expect(theirs.length).toBeGreaterThan(3);
    expect(theirs.some((m) => m.raw.includes("Candidate Quietfox"))).toBe(true);
    for (const mail of theirs) {
      for (const text of [mail.raw, mail.parsed.text ?? "", String(mail.parsed.html)]) {
        expect(text).not.toContain("Zebulon");
        expect(text).not.toContain("Hiddenname");
        for (const figure of [String(PAY), "876,543", "876.543"]) expect(text).not.toContain(figure);
      }
    }
  });
});

describe("the unsubscribe link", () => {
  it("is in the text, the HTML and the List-Unsubscribe header of a message", () => {
    const mail = to(smtp.received, "sam@northwind.test").at(-1)!;
    const link = `${ORIGIN}/unsubscribe?token=${unsubscribeToken(sam())}`;
    expect(mail.parsed.text).toContain(link);
    expect(String(mail.parsed.html)).toContain(`href="${link}"`);
    const headers = mail.raw.split("\r\n\r\n")[0].replace(/\r\n[ \t]+/g, " ");
    expect(headers).toContain(`List-Unsubscribe: <${link}>`);
  });

  it("opens a confirm page without signing in, and its button turns the digest off", async () => {
    const token = unsubscribeToken(jordan());
    const page = await invoke(unsubscribePage.loader, get(`/unsubscribe?token=${token}`));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ ok: true, firstName: "Jordan", digestOn: true });
    expect(db().select().from(users).where(eq(users.id, jordan())).get()!.digestHour).toBe(8);
    const done = await invoke(unsubscribePage.action, post("/unsubscribe", { token }));
    expect(done.status).toBe(200);
    expect(db().select().from(users).where(eq(users.id, jordan())).get()!.digestHour).toBeNull();
    expect(digestRunFor(jordan())).toBe(0);
  });

  it("answers a bad or altered token with a 400 page and changes nothing", async () => {
    const token = unsubscribeToken(sam());
    const altered = `${jordan()}${token.slice(String(sam()).length)}`;
    for (const bad of ["", "nonsense", altered, `${token}x`]) {
      const page = await invoke(unsubscribePage.loader, get(`/unsubscribe?token=${encodeURIComponent(bad)}`));
      expect(page.status).toBe(400);
      const sent = await invoke(unsubscribePage.action, post("/unsubscribe", { token: bad }));
      expect(sent.status).toBe(400);
    }
    expect(db().select().from(users).where(eq(users.id, sam())).get()!.digestHour).toBe(8);
  });
});

function digestRunFor(userId: number): number {
  db().delete(mailMessages).where(eq(mailMessages.kind, "digest")).run();
  enqueueDigests(new Date(), { all: true });
  return db()
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.recipientId, userId))
    .all()
    .filter((m) => m.kind === "digest").length;
}

describe("two workers at once", () => {
  it("send each message exactly once", async () => {
    const interviewId = endedInterview(new Date(Date.now() - 30 * 60_000), [sam(), jordan(), dana()]);
    const queued = enqueueScorecardReminders(new Date()).due;
    expect(queued).toBeGreaterThanOrEqual(3);
    const before = smtp.received.length;
    const second = createMailTransport(smtp.url);
    try {
      await Promise.all([
        deliverDueMail({ transport, from: FROM, workerId: "worker-one" }),
        deliverDueMail({ transport: second, from: FROM, workerId: "worker-two" }),
      ]);
    } finally {
      second.close();
    }
    const arrived = smtp.received.slice(before).filter((m) => m.parsed.text?.includes(`/interviews/${interviewId}/`));
    expect(arrived.map((m) => m.envelopeTo[0]).sort()).toEqual(
      ["dana@northwind.test", "jordan@northwind.test", "sam@northwind.test"].sort(),
    );
  });
});
