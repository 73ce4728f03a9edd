// Retention and legal holds in the browser: an admin sets the period, reads
// who the rule erases and why, runs it, and finds the candidate erased; HR
// places a legal hold from the candidate page and ends it. Screenshots of the
// retention page and the candidate's consent and holds at 1280 and 375 px go
// to tests/.tmp/screenshots-retention/ for a person to look at.
import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { demo, expect, openDb, test } from "./fixtures";

const SHOTS = "tests/.tmp/screenshots-retention";

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an admin sets the retention period, previews who is due, runs it, and the candidate is erased", async ({
  page,
  signInAs,
}) => {
  await signInAs(demo.admin);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Retention" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Retention" })).toBeVisible();
  await expect(page.getByText("No period set yet: the rule erases no one until one is.")).toBeVisible();

  // Under the minimum is refused next to the field.
  await page.getByLabel("Keep for (months)").fill("6");
  await page.getByRole("button", { name: "Save period" }).click();
  await expect(page.getByText(/At least 24 months/).first()).toBeVisible();
  await page.getByLabel("Keep for (months)").fill("24");
  await page.getByRole("button", { name: "Save period" }).click();
  await expect(page.getByText("Retention period saved.")).toBeVisible();

  // The demo's candidate quiet for 30 months with no application is due; the reason says why.
  const preview = page.getByRole("region", { name: "Who the rule erases today" });
  const row = preview.getByRole("row").filter({ hasText: "No active application" }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText("kept by the 24-month retention period until");
  await expect(preview.getByText(/1 kept by a hold or consent|2 kept by a hold or consent/)).toBeVisible();
  const href = await row.getByRole("link").getAttribute("href");
  const id = Number(href!.split("/").pop());
  await shoot(page, "retention");

  await preview.getByRole("button", { name: /Run now: erase/ }).click();
  await expect(page.getByText(/Retention run: \d+ erased\./)).toBeVisible();
  await expect(page.getByText("No one is due.")).toBeVisible();

  await page.goto(`/candidates/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Erased candidate #${id}` })).toBeVisible();
});

test("HR places a legal hold on a candidate from their page and ends it", async ({ page, signInAs }) => {
  const db = openDb();
  // A candidate with consent recorded in the demo, no hold yet and no open application.
  const { id } = db
    .prepare(
      `select id from candidates where consent_retain_at is not null and erased_at is null
         and id not in (select candidate_id from candidate_holds)
         and id not in (select candidate_id from applications
                        where candidate_id is not null and stage not in ('hired', 'rejected', 'withdrawn'))
       order by id limit 1`,
    )
    .get() as { id: number };
  db.close();
  await signInAs(demo.recruiter);
  await page.goto(`/candidates/${id}`);
  const consent = page.getByRole("region", { name: "Consent" });
  await expect(consent.getByText("To process their data")).toBeVisible();
  await expect(consent.getByText("To keep them on file")).toBeVisible();

  const holds = page.getByRole("region", { name: "Legal holds" });
  await expect(holds.getByText("No holds.")).toBeVisible();
  // Refused without a reason, next to the field.
  await holds.getByRole("button", { name: "Add hold" }).click();
  await expect(holds.getByText("Reason is required")).toBeVisible();
  await holds.getByLabel("Hold reason").fill("Records request from counsel, matter 4471");
  await holds.getByLabel("Hold until").fill("2031-06-30");
  await holds.getByRole("button", { name: "Add hold" }).click();
  await expect(page.getByText("Legal hold added.")).toBeVisible();
  await expect(holds.getByText("Records request from counsel, matter 4471")).toBeVisible();
  await expect(holds.getByText("On hold")).toBeVisible();
  await shoot(page, "candidate-consent-holds");

  // Erasure is refused while the hold applies.
  await page.goto(`/candidates/${id}/erase`);
  await expect(page.getByText(/A legal hold keeps their data until 2031-06-30/)).toBeVisible();

  await page.goto(`/candidates/${id}`);
  await holds.getByRole("button", { name: "End hold" }).click();
  await expect(page.getByText("Legal hold ended.")).toBeVisible();
  await expect(holds.getByText("Ended")).toBeVisible();

  // The edit form carries the consent as recorded, and saves a change to it.
  await page.getByRole("link", { name: "Edit" }).click();
  const lastDay = page.getByLabel("To keep them on file: last day");
  await expect(page.getByLabel("To process their data: given on")).not.toHaveValue("");
  await page.getByRole("group", { name: "Consent" }).scrollIntoViewIfNeeded();
  await shoot(page, "candidate-consent-form");
  await lastDay.fill("2030-01-31");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await expect(consent.getByText(/until Jan 31, 2030/)).toBeVisible();
});
