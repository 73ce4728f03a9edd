import { CALIBRATION_ROLES_PAGE_SIZE } from "../../app/domain/calibration";
import { demo, expect, openDb, test } from "./fixtures";

test("HR finds a role's panel by title on calibration, narrows the interviewers to that role, and goes back to all", async ({
  page,
  signInAs,
}) => {
  const db = openDb();
  const { n: interviewers } = db
    .prepare("select count(distinct interviewer_id) as n from scorecards where status = 'submitted'")
    .get() as { n: number };
  const { n: roles } = db.prepare("select count(*) as n from roles").get() as { n: number };
  const listed = Math.min(roles, CALIBRATION_ROLES_PAGE_SIZE);
  db.close();

  await signInAs(demo.recruiter);
  await page.goto("/calibration");
  const people = page.getByRole("region", { name: "Interviewers" });
  await expect(people.getByText(new RegExp(`^${interviewers} interviewers`))).toBeVisible();
  const panels = page.getByRole("region", { name: "Panel agreement per role" });
  await expect(panels.getByRole("paragraph").filter({ hasText: new RegExp(`^${roles} roles`) })).toBeVisible();
  // The pooled line covers every role, whichever are listed.
  await expect(panels.getByRole("rowheader", { name: "Every role" })).toBeVisible();

  // The title search narrows the list of roles (and says how many it found).
  await panels.getByLabel("Role title").fill("support copilot");
  await panels.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(/\?q=support\+copilot$/);
  await expect(panels.getByRole("paragraph").filter({ hasText: /^1 role matching “support copilot”/ })).toBeVisible();
  await expect(panels.getByRole("link", { name: "Senior AI Engineer, Support Copilot", exact: true })).toBeVisible();
  await expect(panels.locator("tbody tr")).toHaveCount(1);

  // From the list to that role's interviewers: its panel alone, fewer interviewers, and the way back.
  await panels.getByRole("link", { name: "Interviewers on Senior AI Engineer, Support Copilot" }).click();
  await expect(page.getByText("Interviewers on Senior AI Engineer, Support Copilot only.")).toBeVisible();
  await expect(panels.locator("tbody tr")).toHaveCount(1);
  await expect(panels.getByRole("rowheader", { name: "Every role" })).toHaveCount(0);
  const shown = Number((await people.getByText(/^\d+ interviewers?/).innerText()).split(" ")[0]);
  expect(shown).toBeLessThan(interviewers);
  await expect(people.locator("tbody tr")).toHaveCount(shown);

  await page.getByRole("link", { name: "All roles", exact: true }).click();
  await expect(page).toHaveURL(/\/calibration$/);
  await expect(people.getByText(new RegExp(`^${interviewers} interviewers`))).toBeVisible();
  await expect(panels.locator("tbody tr")).toHaveCount(listed);

  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/calibration-${width}.png`, fullPage: true });
  }
});
