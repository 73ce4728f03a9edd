// Drafts are never lost: a half-filled scorecard is saved as a draft while the
// interviewer types, and what was typed comes back after a reload, a crashed
// tab and an expired session.
import { demo, expect, openDb, test } from "./fixtures";

/** A new interview on one of Jordan's candidates, with only Jordan on its panel and nothing filled yet. */
function freshInterviewForJordan(): number {
  const db = openDb();
  try {
    const jordan = (db.prepare("select id from users where email = ?").get(demo.jordan) as { id: number }).id;
    const source = db
      .prepare(
        "select i.* from interviews i join interview_panel p on p.interview_id = i.id where p.user_id = ? order by i.id limit 1",
      )
      .get(jordan) as { application_id: number; template_id: number | null; focus_areas: string };
    const start = Date.now() - 2 * 3_600_000;
    const { lastInsertRowid } = db
      .prepare(
        "insert into interviews (application_id, kind, starts_at, ends_at, focus_areas, template_id) values (?, 'technical', ?, ?, ?, ?)",
      )
      .run(source.application_id, start, start + 3_600_000, source.focus_areas, source.template_id);
    db.prepare("insert into interview_panel (interview_id, user_id) values (?, ?)").run(lastInsertRowid, jordan);
    return Number(lastInsertRowid);
  } finally {
    db.close();
  }
}

/** The autosave's line beside the buttons (a polite live region). */
const status = (page: import("@playwright/test").Page) =>
  page.getByRole("form", { name: "Scorecard" }).locator(".autosave-settled");

test("a half-filled scorecard is saved while typing and is there after a reload", async ({ page, signInAs }) => {
  const interviewId = freshInterviewForJordan();
  await signInAs(demo.jordan);
  await page.goto(`/interviews/${interviewId}/scorecard`);
  const form = page.getByRole("form", { name: "Scorecard" });
  await form.getByRole("radiogroup").first().getByRole("radio", { name: "Yes", exact: true }).check();
  await form.getByRole("textbox").first().fill("Walked through a rollback of a bad retrieval index");
  await expect(status(page)).toContainText(/Draft saved at/);
  await page.screenshot({ path: "test-results/screens/scorecard-autosaved.png", fullPage: false });
  await page.reload();
  await expect(form.getByRole("textbox").first()).toHaveValue("Walked through a rollback of a bad retrieval index");
  await expect(form.getByRole("radiogroup").first().getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();

  // Submitting right after typing waits for the background save instead of tripping over its version.
  await form.getByLabel("Key takeaways").fill("Solid; would pair well with the platform team.");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved. Only you can see it.")).toBeVisible();
  await expect(form.getByLabel("Key takeaways")).toHaveValue("Solid; would pair well with the platform team.");
});

test("what was typed survives a crashed tab and an expired session", async ({ page, context, signInAs }) => {
  const interviewId = freshInterviewForJordan();
  await signInAs(demo.jordan);
  await page.goto(`/interviews/${interviewId}/scorecard`);
  const evidence = page.getByRole("form", { name: "Scorecard" }).getByRole("textbox").first();
  // The tab dies before the background save: only this device's copy holds the text.
  await evidence.fill("Designed the eval set before choosing a model");
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await again.goto(`/interviews/${interviewId}/scorecard`);
  const form = again.getByRole("form", { name: "Scorecard" });
  await expect(form.getByRole("textbox").first()).toHaveValue("Designed the eval set before choosing a model");
  await expect(status(again)).toContainText(/Draft saved at|Brought back what you typed/);
  await expect(status(again)).toContainText(/Draft saved at/);

  // The session ends while typing: the save is refused, the text is kept on the device.
  await context.clearCookies();
  await form.getByLabel("Key takeaways").fill("Asks about data owners first");
  await expect(status(again)).toContainText("You were signed out");
  await again.screenshot({ path: "test-results/screens/scorecard-signed-out.png", fullPage: false });

  // After signing in again the page brings the text back and saves it.
  await signInAs(demo.jordan);
  await again.goto(`/interviews/${interviewId}/scorecard`);
  await expect(form.getByLabel("Key takeaways")).toHaveValue("Asks about data owners first");
  await expect(status(again)).toContainText(/Draft saved at/);
  await again.reload();
  await expect(form.getByLabel("Key takeaways")).toHaveValue("Asks about data owners first");
  await expect(form.getByRole("textbox").first()).toHaveValue("Designed the eval set before choosing a model");
});
