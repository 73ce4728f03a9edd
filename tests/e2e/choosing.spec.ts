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
