import type { Page } from "@playwright/test";
import { demo, expect, openDb, test } from "./fixtures";

/** A finalist on the Support Copilot role with every required check verified: only the offer stands in the way. */
function prepareFinalist() {
  const db = openDb();
  try {
    const role = db
      .prepare("select id, required_checks as required from roles where title = ?")
      .get("Senior AI Engineer, Support Copilot") as { id: number; required: string };
    const person = db
      .prepare(
        "select id, name from candidates where id not in (select candidate_id from applications where candidate_id is not null) order by id desc limit 1",
      )
      .get() as { id: number; name: string };
    const now = Date.now();
    const app = db
      .prepare(
        "insert into applications (role_id, candidate_id, stage, stage_changed_at, created_at, updated_at) values (?, ?, 'final', ?, ?, ?) returning id",
      )
      .get(role.id, person.id, now, now, now) as { id: number };
    db.prepare(
      "insert into stage_history (application_id, from_stage, to_stage, moved_at) values (?, null, 'final', ?)",
    ).run(app.id, now);
    db.prepare("delete from compliance_checks where candidate_id = ?").run(person.id);
    const personScoped = new Set(["nda", "background_check", "privacy_training", "right_to_work"]);
    for (const type of JSON.parse(role.required) as string[]) {
      const owner = personScoped.has(type) ? "candidate_id" : "application_id";
      db.prepare(
        `insert into compliance_checks (type, ${owner}, status, classification, rationale, evidence_ref, verified_at, created_at, updated_at) values (?, ?, 'verified', ?, ?, 'E2E-1', ?, ?, ?)`,
      ).run(
        type,
        owner === "candidate_id" ? person.id : app.id,
        type === "worker_classification" ? "w2" : null,
        type === "worker_classification" ? "Employee on our payroll" : null,
        now,
        now,
        now,
      );
    }
    return { applicationId: app.id, name: person.name };
  } finally {
    db.close();
  }
}

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function shoot(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function moveTo(page: Page, stage: string) {
  await page.getByLabel("Move to", { exact: true }).selectOption(stage);
  await page.getByRole("button", { name: "Move", exact: true }).click();
}

async function approve(page: Page, name: string, comment: string) {
  await page.goto("/approvals");
  const item = page.getByRole("listitem", { name });
  await expect(item).toBeVisible();
  await item.getByLabel("Comment").fill(comment);
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved.")).toBeVisible();
  await expect(page.getByRole("listitem", { name })).toHaveCount(0);
}

test("a hiring manager's offer is approved, re-approved after a pay edit, accepted by HR, and the candidate is hired", async ({
  page,
  signInAs,
}) => {
  const { applicationId, name } = prepareFinalist();

  await signInAs(demo.dana);
  await page.goto(`/applications/${applicationId}`);
  const panel = page.getByRole("region", { name: "Offer", exact: true });
  await expect(panel).toContainText("No offer yet");
  await panel.getByRole("link", { name: "Draft an offer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Offer: ${name}` })).toBeVisible();
  // Refused in the browser first: nothing typed yet.
  await page.getByRole("button", { name: "Create offer and ask for approval" }).click();
  await expect(page.getByText("Amount is required")).toBeVisible();
  await page.getByLabel("Amount").fill("205,000");
  await page.getByLabel("Start date").fill(isoIn(40));
  await page.getByLabel("Terms note").fill("Standard equity grant; 4-year vest.");
  await page.getByRole("button", { name: "Create offer and ask for approval" }).click();
  await expect(page.getByText("Offer created: the approvers have been asked.")).toBeVisible();
  await expect(page.getByText("0 of 1 approval")).toBeVisible();
  await shoot(page, "offer-page");

  // Not approved yet: the gate says exactly that.
  await page.getByRole("link", { name: "Application" }).click();
  await moveTo(page, "offer");
  await expect(page.getByRole("alert").filter({ hasText: "Cannot move" })).toHaveText(
    "Cannot move to Offer until it has an approved offer (0 of 1 approval).",
  );

  // HR approves it from the approvals list.
  await signInAs(demo.recruiter);
  await page.goto("/");
  await page.getByRole("link", { name: /^Approvals waiting \(\d+\)$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  const item = page.getByRole("listitem", { name });
  await expect(item).toContainText("$205,000 a year");
  await expect(item).toContainText("Dana Whitfield");
  await expect(item.getByRole("link", { name: "Debrief" })).toHaveAttribute(
    "href",
    `/applications/${applicationId}/debrief`,
  );
  // A decline needs a reason.
  await item.getByRole("button", { name: "Decline" }).click();
  await expect(item.getByText("Say why you decline, so the author knows what to change")).toBeVisible();
  await shoot(page, "approvals");
  await approve(page, name, "Within the band");

  await signInAs(demo.dana);
  await page.goto(`/applications/${applicationId}`);
  await moveTo(page, "offer");
  await expect(page.getByText("Moved to Offer.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Offer", exact: true })).toContainText("1 of 1 approval");
  await shoot(page, "application-offer-panel");

  // A pay edit makes new terms: the approval no longer counts.
  await page.getByRole("region", { name: "Offer", exact: true }).getByRole("link", { name: "Open offer" }).click();
  await page.getByLabel("Amount").fill("215000");
  await page.getByRole("button", { name: "Save offer" }).click();
  await expect(page.getByText("Offer saved with new terms: the approvers are asked again.")).toBeVisible();
  await expect(page.getByText("0 of 1 approval")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).getByText("Waiting for approval")).toBeVisible();

  await signInAs(demo.recruiter);
  await page.goto("/approvals");
  await expect(page.getByRole("listitem", { name })).toContainText("the terms changed since you approved: asked again");
  await expect(page.getByRole("listitem", { name })).toContainText("$215,000 a year");
  await approve(page, name, "New figure is fine");

  // HR records the candidate's yes, then the move to hired goes through.
  await page.goto(`/applications/${applicationId}/offer`);
  await page.getByLabel("Date accepted").fill(isoIn(0));
  await page.getByRole("button", { name: "Mark accepted" }).click();
  await expect(page.getByText("Offer marked accepted: the candidate can now be moved to Hired.")).toBeVisible();
  await page.getByRole("link", { name: "Application" }).click();
  await moveTo(page, "hired");
  await expect(page.getByText("Moved to Hired.")).toBeVisible();

  const db = openDb();
  const stage = db.prepare("select stage from applications where id = ?").get(applicationId) as { stage: string };
  const offer = db
    .prepare("select status, amount, terms_version as terms from offers where application_id = ?")
    .get(applicationId);
  const approvals = db
    .prepare(
      "select a.terms_version as terms, a.decision from offer_approvals a join offers o on o.id = a.offer_id where o.application_id = ? order by a.id",
    )
    .all(applicationId);
  db.close();
  expect(stage.stage).toBe("hired");
  expect(offer).toEqual({ status: "accepted", amount: 215_000, terms: 2 });
  expect(approvals).toEqual([
    { terms: 1, decision: "approve" },
    { terms: 2, decision: "approve" },
  ]);
});
