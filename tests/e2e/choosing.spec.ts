import { demo, expect, openDb, test } from "./fixtures";

test("a hiring manager compares a direct contractor and an agency-placed one, with the markup and the agency's vetting in view", async ({
  page,
  signInAs,
}) => {
  const db = openDb();
  const role = db.prepare("select id from roles where title = ?").get("RAG Contractor, Contract Review Pilot") as {
    id: number;
  };
  const people = db
    .prepare(
      `select a.id, c.name, a.submitted_by_agency_id as agencyId, g.name as agency, g.markup_percent as markup
       from applications a join candidates c on c.id = a.candidate_id left join agencies g on g.id = a.submitted_by_agency_id
       where a.role_id = ? and c.pay_kind = 'hourly' and c.engagement_type in ('contractor', 'agency_placed')
         and a.stage not in ('rejected', 'withdrawn') order by a.id`,
    )
    .all(role.id) as { id: number; name: string; agencyId: number | null; agency: string | null; markup: number }[];
  db.close();
  const placed = people.find((p) => p.agencyId !== null && p.markup !== null)!;
  const direct = people.find((p) => p.agencyId === null)!;
  expect(placed).toBeTruthy();
  expect(direct).toBeTruthy();

  await signInAs(demo.dana);
  await page.goto(`/roles/${role.id}/rollup`);
  await expect(page.getByRole("heading", { level: 1, name: /rollup/ })).toBeVisible();
  // On the rollup, the placed contractor's row names the agency and its vetting; the cost says it carries the markup.
  const placedRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox", { name: `Compare ${placed.name}` }) });
  await expect(placedRow.getByRole("link", { name: placed.agency! })).toBeVisible();
  await expect(placedRow).toContainText(/\d good · \d weak · \d bad/);
  await expect(placedRow.getByRole("cell").last()).toContainText(`rate + ${placed.markup}% agency markup`);
  const directRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox", { name: `Compare ${direct.name}` }) });
  await expect(directRow.getByRole("cell").last()).not.toContainText("markup");

  await page.getByRole("checkbox", { name: `Compare ${direct.name}` }).check();
  await page.getByRole("checkbox", { name: `Compare ${placed.name}` }).check();
  await page.getByRole("button", { name: "Compare selected" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Compare:/ })).toBeVisible();

  const columns = (await page.locator("table.compare thead th").allTextContents()).slice(1);
  const cell = (rowName: RegExp | string, who: string) =>
    page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: rowName }) })
      .getByRole("cell")
      .nth(columns.indexOf(who));
  // Who placed whom, with the agency's vetting at a glance, linking to the agency.
  const agencyCell = cell("Agency", placed.name);
  await expect(agencyCell).toContainText(`Placed by ${placed.agency}`);
  await expect(agencyCell).toContainText(/\d good · \d weak · \d bad/);
  await expect(agencyCell).toContainText(/Handover package: (yes|no)/);
  await expect(agencyCell).toContainText(/Written acceptance criteria: (yes|no)/);
  await expect(cell("Agency", direct.name)).toHaveText("Direct");
  // The placed contractor's cost is their rate plus the agency's markup, said in words and as a line.
  const placedCost = cell(/Estimated first-year cost/, placed.name);
  await expect(placedCost).toContainText(`Rate + ${placed.markup}% agency markup`);
  await expect(placedCost).toContainText(new RegExp(`Agency markup: \\$[\\d,]+ \\(${placed.markup}% on the rate`));
  await expect(cell(/Estimated first-year cost/, direct.name)).not.toContainText("markup");

  await agencyCell.getByRole("link", { name: placed.agency! }).click();
  await expect(page.getByRole("heading", { level: 1, name: placed.agency! })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vetting" })).toBeVisible();
});

test("a hiring manager answers the routing questions and watches the advice turn to a freelancer for a short, owned spike", async ({
  page,
  signInAs,
}) => {
  await signInAs(demo.dana);
  await page.goto("/roles/new");
  await expect(page.getByRole("heading", { level: 1, name: "New role" })).toBeVisible();
  await page.getByLabel("Title").fill("Retrieval Spike, Claims Search");
  await page.getByLabel("Team", { exact: true }).fill("Claims Platform");
  await page.getByLabel("Location").fill("Remote (EU)");
  await page.getByLabel("Senior contractor").check();
  await page.getByLabel("Freelancer").check();

  const advice = page.getByRole("region", { name: "Suggested engagement" });
  await expect(advice).toContainText("Answer the routing questions");

  const answer = async (question: RegExp, value: "Yes" | "No") =>
    page.getByRole("group", { name: question }).getByLabel(value, { exact: true }).check();
  // A bounded piece of LLM work with nothing to own afterwards: an AI developer, before the scope is known.
  await answer(/custom-trained models/, "No");
  await answer(/hosted model APIs/, "Yes");
  await answer(/data access, cleaning or lineage/, "No");
  await answer(/own monitoring, drift/, "No");
  await answer(/bounded feature/, "Yes");
  await answer(/core product advantage/, "No");
  await expect(advice.locator(".suggestion")).toHaveText("AI developer / senior product engineer");
  await expect(advice).toContainText("These decide whether a freelancer fits");

  // Six weeks, but nobody inside to review the code: still not a freelancer, and it says why.
  await page.getByLabel("How many weeks do you expect the work to run?").fill("6");
  await answer(/own the architecture and review the code/, "No");
  await expect(advice.locator(".suggestion")).not.toHaveText("Freelancer");
  await expect(advice).toContainText("a freelancer would work unreviewed");

  // Someone inside owns the architecture: a short, owned spike goes to a freelancer.
  await answer(/own the architecture and review the code/, "Yes");
  await expect(advice.locator(".suggestion")).toHaveText("Freelancer");
  await expect(advice).toContainText("Narrow, short work with an owner inside");
  await expect(advice).toContainText("overruns by about 30%");
  const reasons = await advice.locator("ul.reasons").first().locator("li").allInnerTexts();
  expect(reasons[0]).toMatch(/^Narrow, short work with an owner inside/);
  await page.screenshot({ path: "test-results/screens/role-form-advice.png", fullPage: true });

  // Drop freelancers from the models considered: the advice says it lies outside them.
  await page.getByLabel("Freelancer").uncheck();
  await expect(advice).toContainText("Freelancer is not among the models this role considers (senior contractor)");
  await page.getByLabel("Freelancer").check();
  await expect(advice).not.toContainText("not among the models this role considers");

  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Retrieval Spike, Claims Search" })).toBeVisible();
  const saved = page.getByRole("region", { name: "Suggested engagement" });
  await expect(saved.locator(".suggestion")).toHaveText("Freelancer");
  await expect(saved.locator("ul.reasons").first().locator("li")).toHaveText(reasons);
  await expect(saved).toContainText("About 6 weeks");

  // The saved page shows the same advice without JavaScript.
  const url = page.url();
  const html = await (await page.context().request.get(url)).text();
  expect(html).toContain('class="suggestion"');
  expect(html).toMatch(/<p class="suggestion">(<span>)?Freelancer/);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/role-page-advice-${width}.png`, fullPage: true });
  }
});
