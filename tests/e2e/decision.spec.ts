// From evidence to a recorded decision, end to end: two interviewers submit
// their scorecards; the hiring manager reads their words in the debrief,
// records a decision citing areas and makes an offer; an approver approves; a
// pay edit voids the approval and it is approved again; HR marks it accepted;
// the candidate is hired.
import type { Page } from "@playwright/test";
import { demo, expect, openDb, test } from "./fixtures";

const ROLE = "Senior AI Engineer, Support Copilot";
const FOCUS = ["production_systems", "evals", "security", "cost_management"];

/** A new finalist on the Support Copilot role, checks cleared, with a finished interview whose panel is Sam and Jordan. */
function finalistWithInterview() {
  const db = openDb();
  try {
    const role = db.prepare("select id, required_checks as required from roles where title = ?").get(ROLE) as {
      id: number;
      required: string;
    };
    const person = db
      .prepare(
        "select id, name from candidates where id not in (select candidate_id from applications where candidate_id is not null) order by id limit 1",
      )
      .get() as { id: number; name: string };
    const template = db
      .prepare("select id from scorecard_templates where role_id = ? order by version desc limit 1")
      .get(role.id) as { id: number };
    const now = Date.now();
    const app = db
      .prepare(
        "insert into applications (role_id, candidate_id, stage, stage_changed_at, created_at, updated_at) values (?, ?, 'final', ?, ?, ?) returning id",
      )
      .get(role.id, person.id, now, now, now) as { id: number };
    db.prepare(
      "insert into stage_history (application_id, from_stage, to_stage, moved_at) values (?, null, 'final', ?)",
    ).run(app.id, now);
    const personScoped = new Set(["nda", "background_check", "privacy_training", "right_to_work"]);
    db.prepare("delete from compliance_checks where candidate_id = ?").run(person.id);
    for (const type of JSON.parse(role.required) as string[]) {
      const owner = personScoped.has(type) ? "candidate_id" : "application_id";
      db.prepare(
        `insert into compliance_checks (type, ${owner}, status, classification, rationale, evidence_ref, verified_at, created_at, updated_at)
         values (?, ?, 'verified', ?, ?, 'E2E-7', ?, ?, ?)`,
      ).run(
        type,
        owner === "candidate_id" ? person.id : app.id,
        type === "worker_classification" ? "w2" : null,
        type === "worker_classification" ? "On our payroll" : null,
        now,
        now,
        now,
      );
    }
    const start = now - 3 * 3_600_000;
    const interview = db
      .prepare(
        "insert into interviews (application_id, kind, starts_at, ends_at, focus_areas, template_id) values (?, 'system_design', ?, ?, ?, ?) returning id",
      )
      .get(app.id, start, start + 3_600_000, JSON.stringify(FOCUS), template.id) as { id: number };
    for (const email of [demo.sam, demo.jordan]) {
      const user = db.prepare("select id from users where email = ?").get(email) as { id: number };
      db.prepare("insert into interview_panel (interview_id, user_id) values (?, ?)").run(interview.id, user.id);
    }
    return { applicationId: app.id, interviewId: interview.id, name: person.name };
  } finally {
    db.close();
  }
}

async function submitScorecard(
  page: Page,
  interviewId: number,
  words: { evidence: string; takeaways: string; rating: string },
) {
  await page.goto(`/interviews/${interviewId}/scorecard`);
  const form = page.getByRole("form", { name: "Scorecard" });
  const groups = form.getByRole("radiogroup");
  for (let i = 0; i < FOCUS.length; i++)
    await groups.nth(i).getByRole("radio", { name: words.rating, exact: true }).check();
  await form.getByLabel("Evals evidence").fill(words.evidence);
  await form.getByLabel("Key takeaways").fill(words.takeaways);
  await form
    .getByRole("radiogroup", { name: "Recommendation" })
    .getByRole("radio", { name: "Yes", exact: true })
    .check();
  await form.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(page.getByText("Scorecard submitted and locked.")).toBeVisible();
}

async function moveTo(page: Page, applicationId: number, stage: string, label: string) {
  await page.goto(`/applications/${applicationId}`);
  await page.getByLabel("Move to", { exact: true }).selectOption(stage);
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByText(`Moved to ${label}.`)).toBeVisible();
}

async function approveAsPriya(page: Page, name: string, comment: string) {
  await page.goto("/approvals");
  const item = page.getByRole("listitem", { name });
  await item.getByLabel("Comment").fill(comment);
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved.")).toBeVisible();
}

test("two scorecards, the debrief, a decision citing areas, an approved offer voided by a pay edit and approved again, accepted, hired", async ({
  page,
  signInAs,
}) => {
  const { applicationId, interviewId, name } = finalistWithInterview();
  const sam = {
    evidence: "Sam-marker: built a 300-case regression suite with a 92% gate",
    takeaways: "Sam-marker takeaway: owns evals end to end",
    rating: "Strong yes",
  };
  const jordan = {
    evidence: "Jordan-marker: thresholds tied to support ticket outcomes",
    takeaways: "Jordan-marker takeaway: weak on cost levers",
    rating: "Yes",
  };
  await signInAs(demo.sam);
  await submitScorecard(page, interviewId, sam);
  await signInAs(demo.jordan);
  await submitScorecard(page, interviewId, jordan);

  // The hiring manager reads both interviewers' words in the debrief.
  await signInAs(demo.dana);
  await page.goto(`/applications/${applicationId}`);
  await page
    .getByRole("link", { name: /debrief/i })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}/debrief$`));
  for (const text of [sam.evidence, sam.takeaways, jordan.evidence, jordan.takeaways])
    await expect(page.getByText(text)).toBeVisible();

  // She records a decision citing the areas it rests on.
  await page.goto(`/applications/${applicationId}`);
  const section = page.getByRole("region", { name: "Decision" });
  const form = section.getByRole("form", { name: "Record decision" });
  await form.getByRole("radio", { name: /^Hire/ }).check();
  await form.getByLabel("Rationale").fill("Both interviewers saw eval ownership; cost levers can be taught.");
  await form.getByRole("checkbox", { name: /^Evals/ }).check();
  await form.getByRole("checkbox", { name: /^Cost management/ }).check();
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText("Decision recorded: Hire.")).toBeVisible();

  // She makes the offer; HR approves it.
  await page.getByRole("region", { name: "Offer", exact: true }).getByRole("link", { name: "Draft an offer" }).click();
  await page.getByLabel("Amount").fill("210000");
  await page.getByLabel("Start date").fill(new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Create offer and ask for approval" }).click();
  await expect(page.getByText("Offer created: the approvers have been asked.")).toBeVisible();
  await signInAs(demo.recruiter);
  await approveAsPriya(page, name, "Within band");

  // Approved: the move to Offer goes through. A pay edit then voids the approval.
  await signInAs(demo.dana);
  await moveTo(page, applicationId, "offer", "Offer");
  await page.goto(`/applications/${applicationId}/offer`);
  await page.getByLabel("Amount").fill("220000");
  await page.getByRole("button", { name: "Save offer" }).click();
  await expect(page.getByText("Offer saved with new terms: the approvers are asked again.")).toBeVisible();
  await expect(page.getByText("0 of 1 approval")).toBeVisible();

  // Approved again; HR marks it accepted; the candidate is hired.
  await signInAs(demo.recruiter);
  await approveAsPriya(page, name, "Still within band");
  await page.goto(`/applications/${applicationId}/offer`);
  await page.getByLabel("Date accepted").fill(new Date().toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Mark accepted" }).click();
  await expect(page.getByText("Offer marked accepted: the candidate can now be moved to Hired.")).toBeVisible();
  await moveTo(page, applicationId, "hired", "Hired");

  const db = openDb();
  try {
    expect(db.prepare("select stage from applications where id = ?").get(applicationId)).toEqual({ stage: "hired" });
    expect(
      db.prepare("select outcome, cited_areas as areas from decisions where application_id = ?").all(applicationId),
    ).toEqual([{ outcome: "hire", areas: JSON.stringify(["evals", "cost_management"]) }]);
    expect(
      db
        .prepare("select status, amount, terms_version as terms from offers where application_id = ?")
        .get(applicationId),
    ).toEqual({
      status: "accepted",
      amount: 220_000,
      terms: 2,
    });
  } finally {
    db.close();
  }
});
