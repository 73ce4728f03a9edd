import { readFile } from "node:fs/promises";
import { DEMO_PASSWORD, demo, expect, test } from "./fixtures";

test("an admin reads who signed in and who failed to, filters the audit log, and downloads it as CSV", async ({
  page,
  signInAs,
}) => {
  // The real sign-in form: a wrong password, then the right one.
  await page.goto("/login");
  await page.getByLabel("Email").fill(demo.admin);
  await page.getByLabel("Password").fill("not-the-password-42");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();

  await nav.getByRole("link", { name: "Users" }).click();
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: "Signed in" }).filter({ hasText: "Morgan" }).first()).toBeVisible();
  const failed = rows.filter({ hasText: "Failed sign-in" }).filter({ hasText: "reason: wrong_password" }).first();
  await expect(failed).toBeVisible();
  // The account tried is the record; the password typed is nowhere.
  await expect(failed.getByRole("link", { name: /^User #\d+$/ })).toBeVisible();
  await expect(page.getByText("not-the-password-42")).toHaveCount(0);

  // Filtering by action keeps only those entries.
  await page.getByLabel("Action").selectOption({ label: "Failed sign-in" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=auth.sign_in_failed/);
  await expect(rows.filter({ hasText: "Signed in" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "Failed sign-in" }).first()).toBeVisible();

  // A bad date range is refused next to the field.
  await page.getByLabel("From", { exact: true }).fill("2026-12-07");
  await page.getByLabel("To", { exact: true }).fill("2026-12-01");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("To must be on or after From")).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill("");
  await page.getByLabel("To", { exact: true }).fill("");
  await page.getByRole("button", { name: "Filter" }).click();

  // The CSV holds what the page shows, and the export is itself logged.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const csv = await readFile((await (await download).path())!, "utf8");
  expect(csv).toContain("Failed sign-in");
  expect(csv).not.toContain("Signed in,");
  await page.getByLabel("Action").selectOption({ label: "Exported the audit log" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows.filter({ hasText: "Exported the audit log" }).first()).toBeVisible();

  // Recruiters may not read it.
  await page.context().clearCookies();
  await signInAs(demo.recruiter);
  const refused = await page.goto("/admin/audit");
  expect(refused?.status()).toBe(403);
});
