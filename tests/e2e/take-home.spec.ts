import { demo, expect, openDb, signIn, test } from "./fixtures";

test("a grader grades an anonymous submission; the name appears only after the last grader submits", async ({
  browser,
}) => {
  const db = openDb();
  const th = db
    .prepare(
      "select t.id, t.alias, c.name from take_homes t join applications a on a.id = t.application_id join candidates c on c.id = a.candidate_id where t.status = 'submitted' and t.anonymous = 1 limit 1",
    )
    .get() as { id: number; alias: string; name: string };
  db.close();

  const grade = async (email: string) => {
    const page = await browser.newPage();
    await signIn(page, email);
    await page.goto("/");
    await page
      .locator(".queue")
      .filter({ hasText: "Take-homes to grade" })
      .getByRole("link", { name: new RegExp(th.alias) })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Grade: ${th.alias}`);
    expect(await page.content()).not.toContain(th.name);
    const form = page.getByRole("form", { name: "Grade" });
    for (const [label, value] of [
      ["Diagnosis of the failure", "3"],
      ["Eval plan with pass/fail thresholds", "4"],
      ["Revised architecture or workflow", "3"],
      ["Production monitoring plan", "2"],
      ["Cost-control plan", "3"],
      ["What they would not build yet", "4"],
    ] as const) {
      await form.getByRole("radiogroup", { name: label }).getByRole("radio", { name: value, exact: true }).check();
    }
    await form.getByLabel(/Expected outcomes reached/).fill("8");
    await form.getByLabel("Hours the candidate reported").fill("5");
    await form.getByRole("radiogroup", { name: "Cost ceiling respected" }).getByRole("radio", { name: "Yes" }).check();
    await form
      .getByRole("radiogroup", { name: "Security constraint respected" })
      .getByRole("radio", { name: "Yes" })
      .check();
    await form.getByRole("button", { name: "Submit grade" }).click();
    return page;
  };

  const first = await grade(demo.sam);
  await expect(first.getByRole("status")).toHaveText("Grade submitted.");
  await expect(first.getByRole("heading", { level: 1 })).toContainText(`Grade: ${th.alias}`);
  expect(await first.content()).not.toContain(th.name);
  // Nothing else Sam can open names them either.
  await first.goto("/candidates");
  expect(await first.content()).not.toContain(th.name);

  const last = await grade(demo.jordan);
  await expect(last.getByRole("status")).toHaveText("Every grader has submitted: identity revealed.");
  await expect(last.getByRole("heading", { level: 1 })).toContainText(`Grade: ${th.name}`);
  await expect(last.getByRole("region", { name: "Combined result" })).toContainText("from 2 graders");
  await last.screenshot({ path: "test-results/screens/take-home-revealed.png", fullPage: true });

  await first.goto(`/take-homes/${th.id}/grade`);
  await expect(first.getByRole("heading", { level: 1 })).toContainText(`Grade: ${th.name}`);
  const check = openDb();
  const row = check.prepare("select status, revealed_at as revealed from take_homes where id = ?").get(th.id) as {
    status: string;
    revealed: number | null;
  };
  check.close();
  expect(row.status).toBe("graded");
  expect(row.revealed).not.toBeNull();

  // HR sees who revealed the candidate and when: the last grader to submit.
  const hr = await browser.newPage();
  await signIn(hr, demo.recruiter);
  await hr.goto(`/take-homes/${th.id}`);
  const grading = hr.getByRole("region", { name: "The exercise" }).locator(".reveal");
  await expect(grading).toHaveText(
    /^Revealed by Jordan Alvarez on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M UTC$/,
  );
  for (const width of [1280, 375]) {
    await hr.setViewportSize({ width, height: 900 });
    await grading.scrollIntoViewIfNeeded();
    await hr.screenshot({ path: `test-results/screens/take-home-reveal-${width}.png` });
  }
});

test("a grader's home counts only take-homes handed in; one still out is listed as not submitted, with no link to an empty grading page", async ({
  page,
}) => {
  const db = openDb();
  const sam = db.prepare("select id from users where email = ?").get(demo.sam) as { id: number };
  const mine = db
    .prepare(
      "select t.id, t.status, t.alias, t.anonymous, t.revealed_at as revealed, t.title from take_homes t join take_home_graders g on g.take_home_id = t.id where g.user_id = ? and t.status = 'assigned'",
    )
    .all(sam.id) as {
    id: number;
    status: string;
    alias: string;
    anonymous: number;
    revealed: number | null;
    title: string;
  }[];
  db.close();
  const out = mine.find((t) => t.status === "assigned");
  expect(out, "the demo gives Sam a take-home still out").toBeTruthy();
  await signIn(page, demo.sam);
  await page.goto("/");
  const queue = page.locator(".queue").filter({ hasText: "Take-homes to grade" });
  // The count is what can be graded now: the links, each to a handed-in take-home.
  const links = await queue.getByRole("link").count();
  await expect(queue.getByRole("heading")).toHaveText(new RegExp(`Take-homes to grade\\s*${links}$`));
  await expect(queue.locator(`a[href="/take-homes/${out!.id}/grade"]`)).toHaveCount(0);
  await expect(queue.getByText(/^Not submitted yet, so nothing to grade:/)).toContainText(
    out!.anonymous && !out!.revealed ? out!.alias : out!.title,
  );
});
