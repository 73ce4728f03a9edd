import { demo, expect, openDb, test } from "./fixtures";

// Sixty deactivated interviewers more than the demo's users: two pages. Deactivated, they are on no picker and in
// no count of active people, so other journeys see the demo as it is; they are removed afterwards.
const EXTRA = Array.from({ length: 60 }, (_, i) => ({
  name: `Paging Person ${String(i).padStart(2, "0")}`,
  email: `paging-${String(i).padStart(2, "0")}@northwind.test`,
}));

test.beforeAll(() => {
  const db = openDb();
  const insert = db.prepare(
    "insert into users (name, email, kind, password_hash, active) values (?, ?, 'interviewer', 'not-a-hash', 0)",
  );
  db.transaction(() => EXTRA.forEach((u) => insert.run(u.name, u.email)))();
  db.close();
});

test.afterAll(() => {
  const db = openDb();
  db.prepare("delete from users where email like 'paging-%@northwind.test'").run();
  db.close();
});

test("an admin pages through the users, finds one from page 2 by searching, and narrows by kind and status", async ({
  page,
  signInAs,
}) => {
  const db = openDb();
  const total = (db.prepare("select count(*) from users").pluck().get() as number).toLocaleString("en-US");
  db.close();
  await signInAs(demo.admin);
  await page.goto("/admin/users");
  const table = page.getByRole("table");
  await expect(table.getByText(`${total} users, 1-50 shown`)).toBeVisible();
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await expect(table.getByRole("link", { name: "Tomás Okafor" })).toHaveCount(0);

  // Page 2 holds the names after the first fifty.
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  await expect(table.getByRole("link", { name: "Tomás Okafor" })).toBeVisible();

  // Searched by email, the one user is on the first and only page, with the total they were found among.
  await page.getByLabel("Name or email").fill("TOMAS@northwind");
  await page.getByLabel("Name or email").press("Enter");
  await expect(table.getByText(`1 user of ${total}`)).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("link", { name: "Tomás Okafor" })).toBeVisible();
  await expect(page.getByText(/Page \d of/)).toHaveCount(0);

  // A kind applies at once and keeps the search; by name too.
  await page.getByLabel("Name or email").fill("okafor");
  await page.getByLabel("Name or email").press("Enter");
  await page.getByLabel("Kind of user").selectOption("interviewer");
  await expect(page).toHaveURL(/kind=interviewer/);
  await expect(page.getByText("No users match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear the filters" }).click();

  // Deactivated interviewers: the sixty added, on two pages, and the pager keeps the filters.
  await page.getByLabel("Kind of user").selectOption("interviewer");
  await page.getByLabel("Status").selectOption("deactivated");
  await expect(table.getByText(`60 users of ${total}, 1-50 shown`)).toBeVisible();
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/kind=interviewer&status=deactivated&page=2/);
  await expect(table.getByText(`60 users of ${total}, 51-60 shown`)).toBeVisible();
  await expect(table.getByRole("link", { name: "Paging Person 59" })).toBeVisible();
  await expect(table.getByText("Active", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Status")).toHaveValue("deactivated");
});
