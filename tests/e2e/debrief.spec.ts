import { demo, expect, openDb, test } from "./fixtures";

type Card = { interviewer: string; takeaways: string; evidence: string };

/** A Support Copilot finalist with two or more submitted scorecards, and what two of its interviewers wrote. */
function finalistWithTwoScorecards() {
  const db = openDb();
  try {
    const role = db.prepare("select id from roles where title = ?").get("Senior AI Engineer, Support Copilot") as {
      id: number;
    };
    const apps = db
      .prepare(
        `select a.id, c.name from applications a join candidates c on c.id = a.candidate_id
         where a.role_id = ? and a.stage = 'final' order by a.id`,
      )
      .all(role.id) as { id: number; name: string }[];
    for (const app of apps) {
      const cards = db
        .prepare(
          `select u.name as interviewer, s.key_takeaways as takeaways,
             (select r.evidence from scorecard_ratings r
               where r.scorecard_id = s.id and r.evidence is not null limit 1) as evidence
           from scorecards s join interviews i on i.id = s.interview_id join users u on u.id = s.interviewer_id
           where i.application_id = ? and s.status = 'submitted' order by s.id`,
        )
        .all(app.id) as Card[];
      const distinct = cards.filter(
        (c, i) => c.evidence && cards.findIndex((x) => x.interviewer === c.interviewer) === i,
      );
      if (distinct.length >= 2)
        return { roleId: role.id, app, cards: distinct.slice(0, 2), other: apps.find((a) => a.id !== app.id)! };
    }
    throw new Error("No finalist with two submitted scorecards in the demo");
  } finally {
    db.close();
  }
}

test("the hiring manager reads and prints the debrief, then opens the comparison's evidence with the keyboard", async ({
  page,
  signInAs,
}) => {
  const { roleId, app, cards, other } = finalistWithTwoScorecards();
  await signInAs(demo.dana);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/applications/${app.id}`);
  await page.getByRole("link", { name: "Read the debrief" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Debrief: ${app.name}` })).toBeVisible();

  await expect(page.getByRole("heading", { name: "At a glance" })).toBeVisible();
  await expect(page.getByText(/weighted total from \d+ submitted scorecards/)).toBeVisible();
  const areas = page.getByRole("region", { name: "Evidence by area" });
  const takeaways = page.getByRole("region", { name: "Takeaways and recommendations" });
  for (const c of cards) {
    await expect(areas.getByText(c.interviewer, { exact: true }).first()).toBeVisible();
    await expect(areas.getByText(c.evidence).first()).toBeVisible();
    await expect(takeaways.getByRole("heading", { name: new RegExp(`^${c.interviewer}`) }).first()).toBeVisible();
    await expect(takeaways.getByText(c.takeaways).first()).toBeVisible();
  }
  // The finalists' take-home was graded by two graders, with their notes.
  await expect(
    page.getByRole("region", { name: "Take-home graders" }).getByRole("rowheader", { name: "Notes" }),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/screens/debrief-1280.png", fullPage: true });
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".topbar")).toBeHidden();
  await page.screenshot({ path: "test-results/screens/debrief-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "test-results/screens/debrief-375.png", fullPage: true });
  // Nothing wider than the screen: long evidence wraps.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/roles/${roleId}/compare?ids=${app.id}&ids=${other.id}`);
  await expect(page.getByRole("heading", { level: 1, name: /^Compare:/ })).toBeVisible();
  const disclosure = page.locator("details.evidence").first();
  const summary = disclosure.locator("summary");
  await expect(summary).toHaveAccessibleName(/^Evidence \(\d+ notes?\) for .+/);
  await expect(disclosure.locator(".evidence-list")).toBeHidden();
  // A native disclosure: focusable, and Enter opens and closes it.
  await summary.focus();
  await expect(summary).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(disclosure).toHaveAttribute("open", "");
  await expect(disclosure.locator(".evidence-list li").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/compare-evidence-1280.png", fullPage: true });
  await page.keyboard.press("Enter");
  await expect(disclosure.locator(".evidence-list")).toBeHidden();
  await expect(page.getByRole("link", { name: "CSV with evidence" })).toHaveAttribute(
    "href",
    new RegExp(`compare\\.csv\\?ids=${app.id}&ids=${other.id}&evidence=1$`),
  );
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "test-results/screens/compare-evidence-375.png", fullPage: true });
});
