import { demo, expect, openDb, test } from "./fixtures";

test("an interviewer opens their due scorecard, fills it with the keyboard, submits, and only then sees the panel's scorecards", async ({ page, signInAs }) => {
  await signInAs(demo.sam);
  await page.goto("/");
  const due = page.locator(".queue").filter({ has: page.getByRole("heading", { name: /Scorecards due/ }) });
  await expect(due.getByRole("listitem")).toHaveCount(1);
  await due.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Scorecard:/ })).toBeVisible();
  const panel = page.getByRole("region", { name: "The panel’s scorecards" });
  await expect(panel).toContainText("1 scorecard is hidden until you submit yours");
  await expect(panel).not.toContainText("Jordan");

  const form = page.getByRole("form", { name: "Scorecard" });
  const areas = await form.locator("fieldset.area legend").allInnerTexts();
  expect(areas.length).toBe(7);
  // Keyboard only: focus a control, then keys. Strong yes on the first area, Yes on the rest, security not assessed.
  const groups = form.getByRole("radiogroup");
  for (let i = 0; i < areas.length; i++) {
    const group = groups.nth(i);
    const choice = i === 0 ? "Strong yes" : i === 4 ? "Not assessed" : "Yes";
    await group.getByRole("radio", { name: choice, exact: true }).focus();
    await page.keyboard.press("Space");
    await expect(group.getByRole("radio", { name: choice, exact: true })).toBeChecked();
    await page.keyboard.press("Tab");
  }
  await form.getByLabel("Production systems evidence").focus();
  await page.keyboard.type("Ran retrieval in production at 2k rps; rolled back a bad prompt in ten minutes.");
  await form.getByLabel("Key takeaways").focus();
  await page.keyboard.type("Would trust with on-call.");

  // Submitting without a recommendation keeps everything typed and says what is missing.
  await form.getByRole("button", { name: "Submit scorecard" }).focus();
  await page.keyboard.press("Enter");
  await expect(form.getByText("Choose a recommendation (or no decision)")).toBeVisible();
  await expect(form.getByLabel("Key takeaways")).toHaveValue("Would trust with on-call.");
  // Focus went to the first missing answer: the recommendation's first choice. Arrow keys move to "Yes".
  const recommendation = form.getByRole("radiogroup", { name: "Recommendation" });
  await expect(recommendation.getByRole("radio", { name: "Strong no", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(recommendation.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  await form.getByRole("button", { name: "Submit scorecard" }).focus();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status")).toHaveText("Scorecard submitted and locked.");
  await expect(page.getByRole("heading", { name: "Your submitted scorecard" })).toBeVisible();
  await expect(panel).toContainText("Jordan Alvarez");
  await expect(panel).not.toContainText("hidden until you submit");
  await page.screenshot({ path: "test-results/screens/scorecard-submitted.png", fullPage: true });

  const db = openDb();
  const row = db.prepare("select s.status, s.recommendation, (select count(*) from scorecard_ratings r where r.scorecard_id = s.id and r.rating is null) as na from scorecards s join users u on u.id = s.interviewer_id where u.email = ? order by s.id desc limit 1").get(demo.sam);
  db.close();
  expect(row).toEqual({ status: "submitted", recommendation: "yes", na: 1 });
});

test("a hiring manager reads the application summary with its arithmetic", async ({ page, signInAs }) => {
  await signInAs(demo.dana);
  const db = openDb();
  const { id } = db.prepare("select a.id from applications a join roles r on r.id = a.role_id where r.title = ? and a.stage = 'final' order by a.id limit 1").get("Senior AI Engineer, Support Copilot") as { id: number };
  db.close();
  await page.goto(`/applications/${id}`);
  const scorecards = page.getByRole("region", { name: "Scorecards" });
  await expect(scorecards.getByText(/weighted total from \d+ submitted scorecards/)).toBeVisible();
  await scorecards.getByText("How the weighted total is computed").click();
  await expect(scorecards.locator(".mono")).toContainText(" / ");
  await expect(scorecards.getByRole("columnheader", { name: "Spread" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/application-summary.png", fullPage: true });
});
