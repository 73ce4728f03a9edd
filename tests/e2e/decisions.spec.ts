import { demo, expect, openDb, test } from "./fixtures";

test("a hiring manager opens Needs decision, records a decision citing areas, sees it on the application and the rollup, then changes it with a reason", async ({
  page,
  signInAs,
}) => {
  await signInAs(demo.dana);
  await page.goto("/");
  const home = page.getByRole("region", { name: /Needs decision/ });
  // The first few, with the count; the list has them all.
  await expect(home.getByRole("heading", { name: /Needs decision \d+/ })).toBeVisible();
  await expect(home.getByRole("listitem")).toHaveCount(5);
  await home.getByRole("link", { name: /See all|Open the list/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Needs decision" })).toBeVisible();
  await page.getByRole("link", { name: "Decide on Mei Zhang" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mei Zhang" })).toBeVisible();

  const section = page.getByRole("region", { name: "Decision" });
  await expect(section.getByText("No decision recorded yet.")).toBeVisible();
  const form = section.getByRole("form", { name: "Record decision" });
  // Nothing cited: the form says so beside the areas and sends nothing.
  await form.getByRole("radio", { name: /^Hire/ }).check();
  await form.getByLabel("Rationale").fill("Evals design was the strongest we have seen; security gaps are coachable.");
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(form.getByText("Cite at least one area the decision rests on")).toBeVisible();
  await form.getByRole("checkbox", { name: /^Evals/ }).check();
  await form.getByRole("checkbox", { name: /^Security/ }).check();
  await form.getByRole("button", { name: "Record decision" }).click();

  await expect(page.getByText("Decision recorded: Hire.")).toBeVisible();
  const current = section.locator(".decision-current");
  await expect(current.getByText("Hire", { exact: true })).toBeVisible();
  // Mei has must-pass areas under the bar: the hire is allowed, and says it goes against the total.
  await expect(current.getByText("Against the weighted total")).toBeVisible();
  await expect(current.getByText("Evals design was the strongest we have seen")).toBeVisible();
  await expect(current.getByText("Evals, Security")).toBeVisible();
  await expect(current.getByText(/Dana Whitfield/)).toBeVisible();

  const db = openDb();
  const role = db.prepare("select id from roles where title = ?").get("Senior AI Engineer, Support Copilot") as {
    id: number;
  };
  db.close();
  await page.goto(`/roles/${role.id}/rollup?stage=final`);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Mei Zhang/ }) });
  await expect(row.getByText("Hire", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: "Mei Zhang" }).click();

  // Changing it: the form asks why, and both decisions stay in the history.
  await section.locator("summary", { hasText: "Change decision" }).click();
  const change = section.getByRole("form", { name: "Record decision" });
  await change.getByRole("radio", { name: /^Hold/ }).check();
  await change.getByLabel("Rationale").fill("Holding until the reference on incident handling comes back.");
  await change.getByRole("checkbox", { name: /^Production systems/ }).check();
  await change.getByRole("button", { name: "Change decision" }).click();
  await expect(change.getByText("Say why the decision already recorded at this stage is changed")).toBeVisible();
  await change.getByLabel("Why is the decision changed?").fill("A reference raised doubts about incident ownership.");
  await change.getByRole("button", { name: "Change decision" }).click();

  await expect(page.getByText("Decision recorded: Hold.")).toBeVisible();
  await expect(current.getByText("Hold", { exact: true })).toBeVisible();
  await expect(current.getByText("A reference raised doubts about incident ownership.")).toBeVisible();
  const earlier = section.locator("ol.history");
  await expect(earlier.getByText("Hire", { exact: true })).toBeVisible();
  await expect(earlier.getByText("Evals design was the strongest we have seen")).toBeVisible();
});

test("undoing a hire asks for a reason and a confirmation", async ({ page, signInAs }) => {
  const db = openDb();
  const hired = db
    .prepare(
      "select a.id, coalesce(c.name, g.name) as name from applications a left join candidates c on c.id = a.candidate_id left join agencies g on g.id = a.agency_id where a.stage = 'hired' order by a.id limit 1",
    )
    .get() as { id: number; name: string };
  db.close();
  await signInAs(demo.admin);
  await page.goto(`/applications/${hired.id}`);
  const move = page.getByRole("form", { name: "Move application" });
  await move.getByLabel("Move to").selectOption("sourced");
  await move.getByRole("button", { name: "Undo hire and move" }).click();
  await expect(move.getByText("Say why this hire is undone")).toBeVisible();
  await move.getByLabel("Why is this hire undone?").fill("The start date fell through");
  await move.getByRole("button", { name: "Undo hire and move" }).click();
  await expect(move.getByText("Confirm that this undoes a hire")).toBeVisible();
  await expect(page.getByText("Moved to Sourced.")).toHaveCount(0);
  await move.getByRole("checkbox", { name: "I understand this undoes a recorded hire" }).check();
  await move.getByRole("button", { name: "Undo hire and move" }).click();
  await expect(page.getByText("Moved to Sourced.")).toBeVisible();
  await expect(page.getByText("The start date fell through")).toBeVisible();
});
