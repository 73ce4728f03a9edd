// Times in the reader's zone: the browser's zone kept at the first sign-in, a zone
// chosen on the account page, interview times shown in it with its abbreviation,
// and a start in the past confirmed before it is saved.
import { DAY_MS, formatMoment, utcToZonedLocal } from "../../app/domain/dates";
import { DEMO_PASSWORD, demo, expect, openDb, test } from "./fixtures";

const LA = "America/Los_Angeles";

function setZone(email: string, zone: string | null) {
  const db = openDb();
  try {
    db.prepare("update users set time_zone = ? where email = ?").run(zone, email);
  } finally {
    db.close();
  }
}

/** An application on a role Dana manages, with an interview, and an open one to schedule on. */
function danasApplications() {
  const db = openDb();
  try {
    const onDanasRoles =
      "from applications a join role_team t on t.role_id = a.role_id join users u on u.id = t.user_id " +
      "where u.email = ? and t.team_role = 'hiring_manager'";
    const withInterview = db
      .prepare(
        `select a.id as applicationId, i.starts_at as startsAt ${onDanasRoles.replace("from applications a", "from applications a join interviews i on i.application_id = a.id")} order by i.id limit 1`,
      )
      .get(demo.dana) as { applicationId: number; startsAt: number };
    const open = db
      .prepare(`select a.id ${onDanasRoles} and a.stage = 'interviewing' order by a.id limit 1`)
      .get(demo.dana) as { id: number };
    return { withInterview, openId: open.id };
  } finally {
    db.close();
  }
}

test.afterAll(() => {
  setZone(demo.dana, null);
});

test("a user sets their zone on the account page; interview times then read in it with its abbreviation", async ({
  page,
  signInAs,
}) => {
  setZone(demo.dana, null);
  await signInAs(demo.dana);
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Time zone and digest" });
  await expect(form.getByText("Not set yet: times read UTC until you choose your zone.")).toBeVisible();
  await expect(form.getByLabel("Time zone")).toHaveValue("UTC");
  await form.getByLabel("Time zone").selectOption(LA);
  await form.getByLabel("Daily digest").selectOption("7");
  await form.getByRole("button", { name: "Save time zone and digest" }).click();
  await expect(page.getByRole("status")).toHaveText("Time zone and digest saved.");
  await expect(form.getByLabel("Time zone")).toHaveValue(LA);
  await expect(form.getByLabel("Daily digest")).toHaveValue("7");

  const { withInterview } = danasApplications();
  const shown = formatMoment(withInterview.startsAt, LA);
  expect(shown).toMatch(/ P[SD]T$/);
  await page.goto(`/applications/${withInterview.applicationId}`);
  await expect(page.locator(`time[datetime="${new Date(withInterview.startsAt).toISOString()}"]`).first()).toHaveText(
    shown,
  );
});

test("a start in the past is refused until confirmed, then saved and shown in the scheduler's zone", async ({
  page,
  signInAs,
}) => {
  setZone(demo.dana, LA);
  await signInAs(demo.dana);
  const { openId } = danasApplications();
  await page.goto(`/applications/${openId}/interviews/new`);
  const form = page.getByRole("form", { name: "Schedule interview" });
  await expect(form.getByText(/^Times are in America\/Los_Angeles \(P[SD]T\)$/)).toBeVisible();
  const yesterday = new Date(Date.now() - DAY_MS);
  yesterday.setUTCSeconds(0, 0);
  await form.getByLabel("Starts").fill(utcToZonedLocal(yesterday, LA));
  await form.locator('input[name="panelIds"]').first().check();

  const confirm = form.getByLabel("Yes, schedule it in the past (for recording an interview that already happened)");
  await expect(confirm).toHaveCount(0);
  await form.getByRole("button", { name: "Schedule interview" }).click();
  await expect(form.getByText("That start is in the past.", { exact: false })).toBeVisible();
  await expect(form.getByLabel("Starts")).toBeFocused();
  await confirm.check();
  await expect(form.getByText("That start is in the past.", { exact: false })).toHaveCount(0);
  await form.getByRole("button", { name: "Schedule interview" }).click();

  await expect(page).toHaveURL(/\/interviews\/\d+\?saved=scheduled/);
  await expect(page.locator(`time[datetime="${yesterday.toISOString()}"]`)).toHaveText(formatMoment(yesterday, LA));
});

test("the browser's zone at the first sign-in is the one the account page shows", async ({ browser }) => {
  setZone(demo.sam, null);
  const context = await browser.newContext({ timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  try {
    await page.goto("/login");
    await page.getByLabel("Email").fill(demo.sam);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto("/account");
    await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Tokyo");
    await expect(page.getByText(/^Every time in the app is shown in Asia\/Tokyo\. Now: .* GMT\+9\.$/)).toBeVisible();
  } finally {
    await context.close();
    setZone(demo.sam, null);
  }
});
