import { readFile } from "node:fs/promises";
import { demo, expect, openDb, test } from "./fixtures";

const ROLE = "Senior AI Engineer, Support Copilot";
const NAME = "Ingrid Kapoor";

/**
 * The cells of one rollup row after the name: stage, total, areas, spread, scorecards, recommendations, take-home,
 * checks, and last the first-year cost (HR sees cost).
 */
async function rowFigures(page: import("@playwright/test").Page, who: string) {
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(who) }) });
  await expect(row).toHaveCount(1);
  const cells = await row.getByRole("cell").allInnerTexts();
  // The first cell is the compare tick box, which names the person.
  return cells.slice(1);
}

test("HR exports a candidate, erases them, the rollup keeps its figures; the admin previews retention and reads it all in the audit log", async ({
  page,
  signInAs,
}) => {
  const db = openDb();
  const { id } = db.prepare("select id from candidates where name = ?").get(NAME) as { id: number };
  const role = db.prepare("select id from roles where title = ?").get(ROLE) as { id: number };
  const email = (db.prepare("select email from candidates where id = ?").get(id) as { email: string }).email;
  db.close();

  await signInAs(demo.recruiter);
  await page.goto(`/roles/${role.id}/rollup?sort=name&dir=asc`);
  const before = await rowFigures(page, NAME);
  expect(before.join(" ")).toMatch(/\d/);

  // Subject access: the readable page and the JSON download.
  await page.goto(`/candidates/${id}`);
  await page.getByRole("link", { name: "Export data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Data held on ${NAME}` })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSON" }).click();
  const download = await downloading;
  const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(exported.person.name).toBe(NAME);
  expect(exported.person.email).toBe(email);
  expect(exported.applications.length).toBeGreaterThan(0);

  // Erasure: a wrong name is refused next to the field; the right one erases.
  await page.goto(`/candidates/${id}`);
  await page.getByRole("link", { name: "Erase" }).click();
  // Typed before the page's script has run, a textarea's text can be reset by hydration: let it load first.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Reason").fill("Asked by email on 2026-12-01");
  await page.getByLabel(`Type “${NAME}” to confirm`).fill("Someone Else");
  await page.getByRole("button", { name: "Erase this candidate" }).click();
  await expect(page.getByText(/Type the candidate's name/)).toBeVisible();
  await page.getByLabel(`Type “${NAME}” to confirm`).fill(NAME);
  await page.getByRole("button", { name: "Erase this candidate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Erased candidate #${id}` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Candidate erased." })).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);

  // The rollup: the same figures under the new name; the old name is nowhere.
  await page.goto(`/roles/${role.id}/rollup?sort=name&dir=asc`);
  // Every figure stays but the cost: pay is personal data and goes with the rest, so the cost built on it goes too.
  const after = await rowFigures(page, `Erased candidate #${id}`);
  expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
  expect(before.at(-1)).toMatch(/\$/);
  expect(after.at(-1)).not.toMatch(/\$/);
  await expect(page.getByText(NAME)).toHaveCount(0);

  // The admin reads who exported and who erased, with a masked name and no personal data.
  await signInAs(demo.admin);
  // The retention rule's preview: nobody is erased by it until an admin sets a period (retention.spec sets one).
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Retention" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Retention" })).toBeVisible();
  await expect(page.getByText("No period set yet: the rule erases no one until one is.")).toBeVisible();

  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Audit log" }).click();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: "Erased a candidate" }).filter({ hasText: "Priya" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Erased a candidate" })).toContainText("maskedName: I***");
  await expect(
    rows.filter({ hasText: "Exported a candidate's data" }).filter({ hasText: "Priya" }).first(),
  ).toBeVisible();
  await expect(page.getByText(NAME)).toHaveCount(0);
  await expect(page.getByText(email)).toHaveCount(0);
});
