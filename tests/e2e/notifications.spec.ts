// Mail from the browser's actions to an SMTP server: the server under test
// sends to E2E_SMTP_PORT (playwright.config.ts), where this spec runs a real
// SMTP server (smtp-server). A hiring manager schedules an interview; the
// panelist's invitation arrives with the scorecard link and the time in the
// panelist's own zone; following the link, signed in as the panelist, opens
// the scorecard; a reschedule in the browser sends the panelist an update.
import ICAL from "ical.js";
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from "../support/smtp";
import { E2E_SMTP_PORT } from "./playwright.config";
import { demo, E2E_PORT, expect, openDb, test } from "./fixtures";

const ROLE = "Senior AI Engineer, Support Copilot";
let smtp: TestSmtpServer;
let applicationId: number;

test.use({ timezoneId: "UTC" });

test.beforeAll(async () => {
  smtp = await startSmtpServer(E2E_SMTP_PORT);
  const db = openDb();
  try {
    // Jordan reads New York time (set here; the account page is where a user sets it).
    db.prepare("update users set time_zone = 'America/New_York' where email = ?").run(demo.jordan);
    const role = db.prepare("select id from roles where title = ?").get(ROLE) as { id: number };
    // A candidate of this spec's own, so no demo candidate another spec counts on (retention's quiet ones) gains a role.
    const now = Date.now();
    const person = db
      .prepare(
        "insert into candidates (name, email, engagement_type, source, skills, created_at, updated_at) values (?, ?, 'full_time', 'referral', '[]', ?, ?) returning id",
      )
      .get("Noor Haddad", `noor.haddad.${now}@example.test`, now, now) as { id: number };
    applicationId = (
      db
        .prepare(
          "insert into applications (role_id, candidate_id, stage, stage_changed_at, created_at, updated_at) values (?, ?, 'interviewing', ?, ?, ?) returning id",
        )
        .get(role.id, person.id, now, now, now) as { id: number }
    ).id;
  } finally {
    db.close();
  }
});

test.afterAll(async () => {
  await smtp?.close();
});

/** The first message to `email` whose subject starts with `prefix`, once the app's mail worker has sent it. */
async function waitForMail(email: string, prefix: string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      () => {
        found = smtp.received.find((m) => m.envelopeTo.includes(email) && m.parsed.subject?.startsWith(prefix));
        return Boolean(found);
      },
      { timeout: 45_000, intervals: [500] },
    )
    .toBe(true);
  return found!;
}

function calendarOf(mail: ReceivedMail) {
  const part = mail.parsed.attachments.find((a) => a.contentType === "text/calendar")!;
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString("utf8")));
  return {
    method: calendar.getFirstPropertyValue("method"),
    event: new ICAL.Event(calendar.getFirstSubcomponent("vevent")!),
  };
}

test("a panelist's invitation arrives in their zone with the scorecard link, which opens their scorecard; a reschedule sends an update", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(150_000);
  await signInAs(demo.dana);
  await page.goto(`/applications/${applicationId}/interviews/new`);
  const form = page.getByRole("form", { name: "Schedule interview" });
  await form.getByLabel("Starts").fill("2027-03-10T15:00");
  await form.getByLabel("Length in minutes").fill("45");
  await form.getByRole("checkbox", { name: /Jordan Alvarez/ }).check();
  await form.getByRole("button", { name: "Schedule interview" }).click();
  await expect(page.getByText("Interview scheduled.")).toBeVisible();
  const interviewId = Number(page.url().match(/\/interviews\/(\d+)/)![1]);

  const invitation = await waitForMail(demo.jordan, "Interview:");
  const scorecardUrl = `http://localhost:${E2E_PORT}/interviews/${interviewId}/scorecard`;
  expect(invitation.parsed.text).toContain(`Your scorecard: ${scorecardUrl}`);
  // 15:00 UTC is 10:00 in New York (before its summer time starts on 14 March).
  expect(invitation.parsed.text).toContain("Wednesday, March 10, 2027, 10:00 AM – 10:45 AM EST");
  const first = calendarOf(invitation);
  expect(first.method).toBe("REQUEST");
  expect(first.event.sequence).toBe(0);

  await page.context().clearCookies();
  await signInAs(demo.jordan);
  await page.goto(scorecardUrl);
  await expect(page.getByRole("heading", { level: 1, name: /^Scorecard:/ })).toBeVisible();

  // Dana moves it a day later, an hour later, from the interview page.
  await page.context().clearCookies();
  await signInAs(demo.dana);
  await page.goto(`/interviews/${interviewId}`);
  await page.getByText("Reschedule", { exact: true }).click();
  const reschedule = page.getByRole("form", { name: "Reschedule" });
  await reschedule.getByLabel("Starts").fill("2027-03-11T16:00");
  await reschedule.getByRole("button", { name: "Reschedule and notify the panel" }).click();
  await expect(page.getByText("Interview rescheduled. The panel is being notified.")).toBeVisible();

  const update = await waitForMail(demo.jordan, "Interview moved:");
  expect(update.parsed.text).toContain("Thursday, March 11, 2027, 11:00 AM – 11:45 AM EST");
  const second = calendarOf(update);
  expect(second.method).toBe("REQUEST");
  expect(second.event.uid).toBe(first.event.uid);
  expect(second.event.sequence).toBe(1);
});
