import { demo, expect, openDb, signIn, test } from "./fixtures";

test("an interviewer opens their due scorecard, fills it with the keyboard, submits, and only then sees the panel's scorecards", async ({
  page,
  signInAs,
}) => {
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

  // A weak signal ticked on the area marked not assessed is refused next to that area, the first thing wrong.
  const security = form.getByRole("group", { name: /weak signals spotted/ }).nth(4);
  await security.getByRole("checkbox").first().check();
  await form.getByRole("button", { name: "Submit scorecard" }).click();
  const securityRating = groups.nth(4);
  await expect(securityRating).toHaveAccessibleDescription(
    "Weak signals are ticked for this area: rate it, or untick them",
  );
  await expect(securityRating.getByRole("radio").first()).toBeFocused();
  await security.getByRole("checkbox").first().uncheck();

  // Submitting without a recommendation keeps everything typed and says what is missing.
  await form.getByRole("button", { name: "Submit scorecard" }).focus();
  await page.keyboard.press("Enter");
  await expect(form.getByText("Choose a recommendation (or no decision)")).toBeVisible();
  await expect(form.getByText("Weak signals are ticked for this area")).toHaveCount(0);
  await expect(form.getByLabel("Key takeaways")).toHaveValue("Would trust with on-call.");
  // Focus went to the first missing answer: the recommendation's first choice. Arrow keys move to "Yes".
  const recommendation = form.getByRole("radiogroup", { name: "Recommendation" });
  // The group is marked invalid and described by its message, so a screen reader says which question is missing.
  await expect(recommendation).toHaveAttribute("aria-invalid", "true");
  await expect(recommendation).toHaveAccessibleDescription("Choose a recommendation (or no decision)");
  await expect(recommendation.getByRole("radio", { name: "Strong no", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(recommendation.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  await form.getByRole("button", { name: "Submit scorecard" }).focus();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status")).toHaveText("Scorecard submitted and locked.");
  // The confirmation takes focus, so a screen reader reads it and the keyboard carries on from it.
  await expect(page.getByRole("status")).toBeFocused();
  await expect(page.getByRole("heading", { name: "Your submitted scorecard" })).toBeVisible();
  await expect(panel).toContainText("Jordan Alvarez");
  await expect(panel).not.toContainText("hidden until you submit");
  await page.screenshot({ path: "test-results/screens/scorecard-submitted.png", fullPage: true });
  // What they wrote stays readable: the rating as a number and word, the evidence, and the takeaways.
  const mine = page.getByRole("region", { name: "Your submitted scorecard" });
  await expect(mine.getByRole("listitem").first()).toContainText("4 · Strong yes");
  await expect(mine).toContainText("Ran retrieval in production at 2k rps; rolled back a bad prompt in ten minutes.");
  await expect(mine).toContainText("Would trust with on-call.");
  const who = (await page.getByRole("heading", { level: 1 }).innerText())
    .replace(/^Scorecard: /, "")
    .replace(/\s*Submitted$/, "");

  // The interviews page lists it under Submitted, latest first, and leads back to it.
  await page.goto("/interviews");
  await page.getByRole("link", { name: /^Submitted/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Your submitted scorecards" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Scorecard" })).toBeVisible();
  const first = page.getByRole("row").nth(1);
  await expect(first.getByRole("rowheader")).toHaveText(who);
  await first.getByRole("link", { name: `Your scorecard for ${who}` }).click();
  await expect(page.getByRole("heading", { name: "Your submitted scorecard" })).toBeVisible();

  const db = openDb();
  const row = db
    .prepare(
      "select s.status, s.recommendation, (select count(*) from scorecard_ratings r where r.scorecard_id = s.id and r.rating is null) as na from scorecards s join users u on u.id = s.interviewer_id where u.email = ? order by s.id desc limit 1",
    )
    .get(demo.sam);
  db.close();
  expect(row).toEqual({ status: "submitted", recommendation: "yes", na: 1 });
});

test("a hiring manager reads the application summary with its arithmetic", async ({ page, signInAs }) => {
  await signInAs(demo.dana);
  const db = openDb();
  const { id } = db
    .prepare(
      "select a.id from applications a join roles r on r.id = a.role_id where r.title = ? and a.stage = 'final' order by a.id limit 1",
    )
    .get("Senior AI Engineer, Support Copilot") as { id: number };
  db.close();
  await page.goto(`/applications/${id}`);
  const scorecards = page.getByRole("region", { name: "Scorecards" });
  await expect(scorecards.getByText(/weighted total from \d+ submitted scorecards/)).toBeVisible();
  await scorecards.getByText("How the weighted total is computed").click();
  await expect(scorecards.locator(".mono")).toContainText(" / ");
  await expect(scorecards.getByRole("columnheader", { name: "Spread" })).toBeVisible();
  // Each interviewer's rating reads as the number the average is taken over, then its word; the averages check out.
  const rows = scorecards.locator("table tbody tr");
  expect(await rows.count()).toBe(7);
  for (let i = 0; i < 7; i++) {
    const cells = await rows.nth(i).getByRole("cell").allInnerTexts();
    const [ratings, average] = [cells.slice(0, -2), cells.at(-2)!];
    for (const r of ratings) expect(r).toMatch(/^([1-4] · (Strong no|No|Yes|Strong yes)|not assessed)$/);
    const given = ratings.filter((r) => r !== "not assessed").map((r) => Number(r[0]));
    if (given.length)
      expect(Number(average)).toBe(Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 100) / 100);
  }
  await page.screenshot({ path: "test-results/screens/application-summary.png", fullPage: true });
});

test("an interviewer with a long queue goes from the home page to all their overdue scorecards, pages through them, and opens one", async ({
  page,
  signInAs,
}) => {
  // 27 more overdue seats for Riley on a Copilot application, a day apart.
  const db = openDb();
  const riley = (db.prepare("select id from users where email = ?").get(demo.riley) as { id: number }).id;
  const app = db
    .prepare(
      "select a.id from applications a join roles r on r.id = a.role_id where r.title = 'Senior AI Engineer, Support Copilot' and a.candidate_id is not null limit 1",
    )
    .get() as { id: number };
  const day = 86_400_000;
  const base = Date.now() - 3 * day;
  for (let i = 0; i < 27; i++) {
    const id = Number(
      db
        .prepare(
          "insert into interviews (application_id, kind, starts_at, ends_at, focus_areas) values (?, 'system_design', ?, ?, '[\"evals\"]')",
        )
        .run(app.id, base - i * day - 3_600_000, base - i * day).lastInsertRowid,
    );
    db.prepare("insert into interview_panel (interview_id, user_id) values (?, ?)").run(id, riley);
  }
  db.close();

  await signInAs(demo.riley);
  await page.goto("/");
  const overdue = page.locator(".queue").filter({ has: page.getByRole("heading", { name: /Overdue scorecards/ }) });
  const total = Number(await overdue.locator(".count").innerText());
  expect(total).toBeGreaterThanOrEqual(27);
  await expect(overdue.getByRole("listitem")).toHaveCount(8);
  const upcoming = await page
    .locator(".queue")
    .filter({ has: page.getByRole("heading", { name: /Upcoming interviews/ }) })
    .locator(".count")
    .innerText();
  await overdue.getByRole("link", { name: `See all ${total}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Your interviews" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Interview states" });
  await expect(tabs.getByRole("link", { name: /Overdue/ })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: /Overdue/ })).toContainText(String(total));
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(total, 25));
  await expect(page.getByRole("table")).toContainText(`${total} in all, 1-25 shown`);
  await page.screenshot({ path: "test-results/screens/interviews-overdue.png", fullPage: true });

  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next →" }).click();
  await expect(page.getByText(/Page 2 of/)).toBeVisible();
  await expect(rows).toHaveCount(Math.min(total - 25, 25));
  const link = rows.first().getByRole("link", { name: /the scorecard for/ });
  const name = (await rows.first().locator("th").innerText()).trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: /^Scorecard:/ })).toContainText(name);

  // The upcoming tab holds as many as the home page counted.
  await page.goBack();
  await tabs.getByRole("link", { name: /Upcoming/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Upcoming interviews" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: /Upcoming/ })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: /Upcoming/ }).locator(".count")).toHaveText(upcoming);
  await expect(page.locator("tbody tr")).toHaveCount(Math.min(Number(upcoming), 25));
});

test("an interviewer with a second interview still to score sees that the total on the application is only their own scorecards'", async ({
  page,
  signInAs,
}) => {
  const db = openDb();
  const jordan = db.prepare("select id from users where email = ?").get(demo.jordan) as { id: number };
  // An application Jordan has scored where someone else on the panel has too.
  const app = db
    .prepare(
      `select i.application_id id from scorecards s join interviews i on i.id = s.interview_id
       where s.interviewer_id = ? and s.status = 'submitted'
       and exists (select 1 from scorecards o join interviews oi on oi.id = o.interview_id where oi.application_id = i.application_id and o.interviewer_id <> ? and o.status = 'submitted')
       order by i.application_id limit 1`,
    )
    .get(jordan.id, jordan.id) as { id: number };
  // A second interview with Jordan on the panel, ended yesterday, no scorecard yet.
  const ended = Date.now() - 86_400_000;
  const interviewId = Number(
    db
      .prepare(
        "insert into interviews (application_id, kind, starts_at, ends_at, focus_areas, created_at) values (?, 'system_design', ?, ?, '[]', ?)",
      )
      .run(app.id, ended - 3_600_000, ended, ended).lastInsertRowid,
  );
  db.prepare("insert into interview_panel (interview_id, user_id) values (?, ?)").run(interviewId, jordan.id);
  db.close();
  try {
    await signInAs(demo.jordan);
    await page.goto(`/applications/${app.id}`);
    const scorecards = page.getByRole("region", { name: "Scorecards" });
    await expect(
      scorecards.getByText(/weighted total of the \d+ scorecards? you can see only, not the panel’s/),
    ).toBeVisible();
    await expect(scorecards.getByText(/submitted scorecards? (is|are) hidden until you submit your own/)).toBeVisible();
  } finally {
    const cleanup = openDb();
    cleanup.prepare("delete from interview_panel where interview_id = ?").run(interviewId);
    cleanup.prepare("delete from interviews where id = ?").run(interviewId);
    cleanup.close();
  }
});

test("without JavaScript, a refused scorecard comes back with everything typed and the message next to what is missing, and nothing is saved", async ({
  browser,
}) => {
  const db = openDb();
  const open = db
    .prepare(
      `select i.id from interviews i join interview_panel p on p.interview_id = i.id join users u on u.id = p.user_id
       where u.email = ? and not exists (select 1 from scorecards s where s.interview_id = i.id and s.interviewer_id = u.id) order by i.id limit 1`,
    )
    .get(demo.dana) as { id: number } | undefined;
  db.close();
  expect(open).toBeDefined();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, demo.dana);
  await page.goto(`/interviews/${open!.id}/scorecard`);
  const form = page.getByRole("form", { name: "Scorecard" });
  const groups = form.getByRole("radiogroup");
  const areaCount = await form.locator("fieldset.area").count();
  for (let i = 0; i < areaCount; i++) await groups.nth(i).getByRole("radio", { name: "Yes", exact: true }).check();
  const firstArea = (await form.locator("fieldset.area legend").first().innerText())
    .split(/\s+(must pass|weight)/)[0]
    .trim();
  await form.getByLabel(`${firstArea} evidence`).fill("Walked through a rollback runbook from memory.");
  await form.getByLabel("Key takeaways").fill("Solid, slightly light on evals.");
  // No recommendation: the browser posts the form as it is, and the server refuses it.
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await form.getByRole("button", { name: "Submit scorecard" }).click();
  expect((await response).status()).toBe(400);

  const refused = page.getByRole("form", { name: "Scorecard" });
  await expect(refused.getByRole("radiogroup", { name: "Recommendation" })).toHaveAccessibleDescription(
    "Choose a recommendation (or no decision)",
  );
  await expect(refused.getByLabel(`${firstArea} evidence`)).toHaveValue(
    "Walked through a rollback runbook from memory.",
  );
  await expect(refused.getByLabel("Key takeaways")).toHaveValue("Solid, slightly light on evals.");
  for (let i = 0; i < areaCount; i++)
    await expect(refused.getByRole("radiogroup").nth(i).getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  await page.screenshot({ path: "test-results/screens/scorecard-refused-no-js.png", fullPage: true });

  const after = openDb();
  const saved = after
    .prepare(
      "select count(*) n from scorecards s join users u on u.id = s.interviewer_id where s.interview_id = ? and u.email = ?",
    )
    .get(open!.id, demo.dana) as { n: number };
  after.close();
  expect(saved.n).toBe(0);
  await context.close();
});

test("an interviewer who follows a link with a scorecard half filled is asked first, keeps what they typed, and is not asked once it is saved", async ({
  page,
  signInAs,
}) => {
  // A fresh seat for Jordan on an interview that ended an hour ago.
  const db = openDb();
  const jordan = (db.prepare("select id from users where email = ?").get(demo.jordan) as { id: number }).id;
  const app = db
    .prepare(
      "select a.id from applications a join roles r on r.id = a.role_id where r.title = 'Senior AI Engineer, Support Copilot' and a.candidate_id is not null limit 1",
    )
    .get() as { id: number };
  const interviewId = Number(
    db
      .prepare(
        "insert into interviews (application_id, kind, starts_at, ends_at, focus_areas) values (?, 'screen', ?, ?, '[\"evals\",\"security\"]')",
      )
      .run(app.id, Date.now() - 2 * 3_600_000, Date.now() - 3_600_000).lastInsertRowid,
  );
  db.prepare("insert into interview_panel (interview_id, user_id) values (?, ?)").run(interviewId, jordan);
  db.close();
  await signInAs(demo.jordan);
  await page.goto(`/interviews/${interviewId}/scorecard`);
  // The kit opens beside the scorecard, never in its place.
  await expect(page.getByRole("link", { name: "Interview kit (opens in a new tab)" })).toHaveAttribute(
    "target",
    "_blank",
  );

  const form = page.getByRole("form", { name: "Scorecard" });
  await form.getByRole("radiogroup").first().getByRole("radio", { name: "Yes", exact: true }).check();
  await form.getByLabel("Evals evidence").fill("Set pass/fail thresholds before building.");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  const prompt = page.getByRole("alertdialog");
  await expect(prompt).toContainText("Leave without saving?");
  await expect(prompt.getByRole("button", { name: "Stay and keep editing" })).toBeFocused();
  await page.screenshot({ path: "test-results/screens/leave-prompt.png" });
  await page.keyboard.press("Enter");
  await expect(prompt).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/interviews/${interviewId}/scorecard$`));
  await expect(form.getByLabel("Evals evidence")).toHaveValue("Set pass/fail thresholds before building.");

  // Saved, it lets them go; the draft holds what they typed.
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toContainText("Draft saved");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("Scorecard");
  await page.goto(`/interviews/${interviewId}/scorecard`);
  await expect(form.getByLabel("Evals evidence")).toHaveValue("Set pass/fail thresholds before building.");

  // Changed again and left on purpose: the change is gone, the draft stays.
  await form.getByLabel("Evals evidence").fill("Second thoughts");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await prompt.getByRole("button", { name: "Leave and lose the changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("Scorecard");
  await page.goto(`/interviews/${interviewId}/scorecard`);
  await expect(form.getByLabel("Evals evidence")).toHaveValue("Set pass/fail thresholds before building.");

  // A save the server refuses (someone saved this draft meanwhile) keeps the edits unsaved, so leaving still asks.
  const bump = openDb();
  bump
    .prepare("update scorecards set version = version + 1 where interview_id = ? and interviewer_id = ?")
    .run(interviewId, jordan);
  bump.close();
  await form.getByLabel("Evals evidence").fill("Third thoughts");
  const refused = page.waitForResponse((r) => r.request().method() === "POST");
  await form.getByRole("button", { name: "Save draft" }).click();
  expect((await refused).status()).toBe(409);
  await expect(form.getByLabel("Evals evidence")).toHaveValue("Third thoughts");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await expect(prompt).toContainText("Leave without saving?");
});
