import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { demo, expect, openDb, signIn, test } from "./fixtures";

/** An application at Final on a role needing the three default checks, with classification already verified. */
function prepareFinalist() {
  const db = openDb();
  try {
    const role = db.prepare("select id from roles where title = ?").get("Agency Pod, Sales Email Assistant") as {
      id: number;
    };
    db.prepare("update roles set required_checks = ? where id = ?").run(
      JSON.stringify(["nda", "ip_assignment", "worker_classification"]),
      role.id,
    );
    const person = db
      .prepare(
        "select id, name from candidates where id not in (select candidate_id from applications where candidate_id is not null) order by id limit 1",
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
    db.prepare(
      "insert into compliance_checks (type, application_id, status, classification, rationale, verified_at, created_at, updated_at) values ('worker_classification', ?, 'verified', '1099', 'Independent contractor on a fixed scope', ?, ?, ?)",
    ).run(app.id, now, now, now);
    // An approved offer (every approver of the role approved it), so only the paperwork stands in the way.
    const offer = db
      .prepare(
        "insert into offers (application_id, pay_kind, amount, currency, start_date, created_at, updated_at) values (?, 'fixed', 90000, 'USD', '2030-01-01', ?, ?) returning id",
      )
      .get(app.id, now, now) as { id: number };
    for (const { user_id } of db.prepare("select user_id from role_offer_approvers where role_id = ?").all(role.id) as {
      user_id: number;
    }[]) {
      db.prepare(
        "insert into offer_approvals (offer_id, terms_version, approver_id, decision, decided_at) values (?, 1, ?, 'approve', ?)",
      ).run(offer.id, user_id, now);
    }
    return { applicationId: app.id, name: person.name, roleId: role.id };
  } finally {
    db.close();
  }
}

test("HR opens the board, verifies the NDA and IP assignment, and the blocked move to offer then succeeds", async ({
  page,
  signInAs,
}) => {
  const { applicationId, name, roleId } = prepareFinalist();
  await signInAs(demo.recruiter);

  await page.goto(`/applications/${applicationId}`);
  await page.getByLabel("Move to").selectOption("offer");
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Cannot move to Offer" })).toHaveText(
    "Cannot move to Offer until these required checks are verified or waived: NDA and IP assignment.",
  );

  await page.getByRole("link", { name: "Compliance" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compliance" })).toBeVisible();
  // The per-role summary: this finalist is the role's one, missing NDA and IP assignment but not classification.
  const summaryRow = () =>
    page
      .getByRole("region", { name: "By role" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "Agency Pod, Sales Email Assistant" }) });
  await expect(summaryRow().getByRole("cell")).toContainText(["1", "1 not cleared", "1 not cleared", "all clear"]);
  // Pick "Any status", then follow the role's summary link: the board narrows to its finalists, and the
  // pickers show the filters the page was loaded with, not what was picked before.
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("all");
  await expect(page).toHaveURL(/status=all/);
  await summaryRow().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`role=${roleId}&stage=finalists`));
  await expect(page.getByRole("combobox", { name: "Role", exact: true })).toHaveValue(String(roleId));
  await expect(page.getByRole("combobox", { name: "Stage", exact: true })).toHaveValue("finalists");
  await expect(page.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("missing");
  const board = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Who" }) });
  await expect(board.locator("tbody tr")).toHaveCount(1);
  const row = board.getByRole("row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.locator("ul.chips li")).toHaveText(["NDA Not requested", "IP assignment Not requested"]);
  await page.screenshot({ path: "test-results/screens/hr-board.png", fullPage: true });
  await row.getByRole("link", { name }).click();

  await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
  for (const [check, evidence] of [
    ["NDA", "DocuSign 880101"],
    ["IP assignment", "DocuSign 880102"],
  ] as const) {
    await page.locator("details.check-row summary").filter({ hasText: check }).click();
    const form = page.getByRole("form", { name: `Update ${check}` });
    await form.getByLabel(`${check} status`).selectOption("verified");
    await form.getByLabel(`${check} evidence reference`).fill(evidence);
    await form.getByRole("button", { name: `Save ${check}` }).click();
    // Said beside the checks, where HR carries on, and the page stays there.
    const saved = page.locator("#checks").getByRole("status");
    await expect(saved).toHaveText(`${check} saved.`);
    await expect(saved).toBeInViewport();
    await expect(page.locator("details.check-row summary").filter({ hasText: check })).toBeInViewport();
    await expect(
      page.locator("details.check-row summary").filter({ hasText: check }).getByText("Verified"),
    ).toBeVisible();
  }
  await expect(page.getByText("All required checks are verified or waived")).toBeVisible();

  await page.getByLabel("Move to").selectOption("offer");
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByText("Moved to Offer.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Offer");
  await page.goto("/compliance");
  await expect(summaryRow().getByRole("cell")).toContainText(["1", "all clear", "all clear", "all clear"]);

  const db = openDb();
  const stage = db.prepare("select stage from applications where id = ?").get(applicationId) as { stage: string };
  const nda = db
    .prepare(
      "select c.status, c.evidence_ref as ref, c.verified_by_id as by from compliance_checks c join applications a on a.candidate_id = c.candidate_id where a.id = ? and c.type = 'nda'",
    )
    .get(applicationId);
  db.close();
  expect(stage.stage).toBe("offer");
  expect(nda).toMatchObject({ status: "verified", ref: "DocuSign 880101" });
});

test("the check form says a verified check needs a future expiry and its evidence, and the history names what changed", async ({
  page,
  signInAs,
}) => {
  const { applicationId } = prepareFinalist();
  await signInAs(demo.recruiter);
  await page.goto(`/applications/${applicationId}`);
  await page.locator("details.check-row summary").filter({ hasText: "NDA" }).click();
  const form = page.getByRole("form", { name: "Update NDA" });
  // Said before saving, next to the fields.
  await expect(form.getByLabel("NDA expiry date")).toHaveAccessibleDescription(
    "If verified or received: a future date, or none",
  );
  await form.getByLabel("NDA status").selectOption("verified");
  await form.getByLabel("NDA expiry date").fill("2025-01-03");
  await form.getByRole("button", { name: "Save NDA" }).click();
  await expect(form.getByLabel("NDA expiry date")).toHaveAccessibleDescription(
    "If verified or received: a future date, or none This date has passed: a verified or received check needs an expiry date in the future, or none",
  );
  await expect(form.getByLabel("NDA evidence reference")).toHaveAccessibleDescription(
    /Give the evidence reference, or say in the note why a verified check has none$/,
  );
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/check-editor-refused-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  const db = openDb();
  const none = db
    .prepare(
      "select count(*) n from compliance_checks c join applications a on a.candidate_id = c.candidate_id where a.id = ? and c.type = 'nda'",
    )
    .get(applicationId) as { n: number };
  db.close();
  expect(none.n).toBe(0);

  await form.getByLabel("NDA expiry date").fill("2099-12-31");
  await form.getByLabel("NDA evidence reference").fill("DocuSign 990001");
  await form.getByRole("button", { name: "Save NDA" }).click();
  await expect(page.locator("#checks").getByRole("status")).toHaveText("NDA saved.");

  // Only the evidence changes: the history on the checks page says so.
  await page.goto(`/applications/${applicationId}/checks`);
  await page.locator("details.check-row summary").filter({ hasText: "NDA" }).click();
  const again = page.getByRole("form", { name: "Update NDA" });
  await again.getByLabel("NDA evidence reference").fill("DocuSign 990002");
  await again.getByRole("button", { name: "Save NDA" }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}\\?saved=nda`));
  await page.goto(`/applications/${applicationId}/checks`);
  await page.locator("details.check-row summary").filter({ hasText: "NDA" }).click();
  const history = page.locator("details.check-row[open]").getByRole("list", { name: "History" }).getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText("Priya Raman changed evidence reference");
  await expect(history.nth(1)).toContainText("Priya Raman set verified; changed expiry date and evidence reference");
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator("details.check-row[open]").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/check-history-${width}.png` });
  }
});

test("an interviewer sees candidates on their roles without pay, budget or compliance", async ({ page, signInAs }) => {
  const db = openDb();
  const row = db
    .prepare(
      "select c.id, c.name, c.pay_amount as pay, r.id as roleId, r.budget_max as budget, a.id as appId from applications a join candidates c on c.id = a.candidate_id join roles r on r.id = a.role_id where r.title = ? and c.pay_amount is not null limit 1",
    )
    .get("Senior AI Engineer, Support Copilot") as {
    id: number;
    name: string;
    pay: number;
    roleId: number;
    budget: number;
    appId: number;
  };
  db.close();
  // Formatted as the app would show them, and the field names loader data would carry.
  const money = (n: number) => [`$${n.toLocaleString("en-US")}`, `"payAmount"`, `"budgetMax"`];

  await signInAs(demo.sam);
  for (const path of [`/candidates/${row.id}`, `/roles/${row.roleId}`, `/applications/${row.appId}`]) {
    const response = await page.goto(path);
    expect(response!.status()).toBe(200);
    const html = await page.content();
    for (const figure of [...money(row.pay), ...money(row.budget)])
      expect(html, `${path} shows ${figure}`).not.toContain(figure);
  }
  await page.goto(`/candidates/${row.id}`);
  await expect(page.getByRole("heading", { level: 1, name: row.name })).toBeVisible();
  await expect(page.getByText("Expected pay")).toHaveCount(0);
  await page.goto(`/applications/${row.appId}`);
  await expect(page.getByRole("heading", { name: "Compliance" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Compliance" })).toHaveCount(0);
  expect((await page.goto("/compliance"))!.status()).toBe(403);

  // The same pages do show pay to HR.
  await signInAs(demo.recruiter);
  await page.goto(`/candidates/${row.id}`);
  await expect(page.getByText("Expected pay")).toBeVisible();
});

test("a check saved by someone else meanwhile shows a conflict in place and keeps theirs", async ({
  page,
  signInAs,
}) => {
  const { applicationId } = prepareFinalist();
  await signInAs(demo.recruiter);
  await page.goto(`/applications/${applicationId}`);
  await page.locator("details.check-row summary").filter({ hasText: "Worker classification" }).click();
  const form = page.getByRole("form", { name: "Update Worker classification" });
  // Someone else records the classification while this page is open.
  const db = openDb();
  db.prepare(
    "update compliance_checks set classification = 'w2', version = version + 1 where application_id = ? and type = 'worker_classification'",
  ).run(applicationId);
  db.close();
  await form.getByLabel("Rationale").fill("Changed my mind");
  await form.getByRole("button", { name: "Save Worker classification" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Someone else updated this check after you opened the page; nothing was saved. Reload to see it.",
  );
  const check = openDb();
  const row = check
    .prepare(
      "select classification, rationale from compliance_checks where application_id = ? and type = 'worker_classification'",
    )
    .get(applicationId);
  check.close();
  expect(row).toEqual({ classification: "w2", rationale: "Independent contractor on a fixed scope" });
});

test("without JavaScript, HR's refused check lands on the checks page with what was typed and why, and the corrected save returns to the application", async ({
  browser,
}) => {
  const { applicationId } = prepareFinalist();
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, demo.recruiter);
  await page.goto(`/applications/${applicationId}`);
  await page.locator("details.check-row summary").filter({ hasText: "NDA" }).click();
  const form = page.getByRole("form", { name: "Update NDA" });
  await form.getByLabel("NDA status").selectOption("waived");
  await form.getByLabel("NDA evidence reference").fill("DS-ENV-4471");
  // No waiver reason: the server refuses it.
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await form.getByRole("button", { name: "Save NDA" }).click();
  expect((await response).status()).toBe(400);

  await expect(page.getByRole("heading", { level: 1, name: /^Compliance checks: / })).toBeVisible();
  const refused = page.getByRole("form", { name: "Update NDA" });
  await expect(refused.getByLabel("NDA waiver reason")).toHaveAccessibleDescription(
    "Required when waived Say why this check is waived",
  );
  await expect(refused.getByLabel("NDA status")).toHaveValue("waived");
  await expect(refused.getByLabel("NDA evidence reference")).toHaveValue("DS-ENV-4471");
  await page.screenshot({ path: "test-results/screens/check-refused-no-js.png", fullPage: true });

  await refused.getByLabel("NDA waiver reason").fill("Covered by the agency's master NDA");
  await refused.getByRole("button", { name: "Save NDA" }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}\\?saved=nda`));
  await expect(page.getByRole("status")).toHaveText("NDA saved.");
  const db = openDb();
  const row = db
    .prepare(
      "select c.status, c.waiver_reason as reason, c.evidence_ref as ref from compliance_checks c join applications a on a.candidate_id = c.candidate_id where a.id = ? and c.type = 'nda'",
    )
    .get(applicationId);
  db.close();
  expect(row).toEqual({ status: "waived", reason: "Covered by the agency's master NDA", ref: "DS-ENV-4471" });
});

test("HR's board filters on the checks roles require and says how long a request has waited", async ({ page }) => {
  const db = openDb();
  const required = new Set(
    (db.prepare("select required_checks as r from roles").all() as { r: string }[]).flatMap(
      (row) => JSON.parse(row.r) as string[],
    ),
  );
  db.close();
  expect(required.has("right_to_work"), "no demo role requires right to work").toBe(false);
  await signIn(page, demo.recruiter);
  await page.goto("/compliance");
  // Several checks can be ticked at once; each is offered as a checkbox.
  const checkFilter = page.getByRole("group", { name: "Checks" });
  await expect(checkFilter.getByRole("checkbox", { name: "NDA" })).toHaveCount(1);
  // The board lists required checks only, so a check no role requires would always filter to nothing.
  await expect(checkFilter.getByRole("checkbox", { name: "Right to work" })).toHaveCount(0);
  const board = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Not cleared" }) });
  await expect(
    board
      .locator(".chips li")
      .filter({ hasText: /Requested \d+ days ago$/ })
      .first(),
  ).toBeVisible();
  await expect(board).not.toContainText(/requested\s+requested/i);
  // A request inside the week shows its age too, quietly; only a stale one is flagged.
  const recent = board
    .locator(".chips li")
    .filter({ has: page.locator("span.muted", { hasText: /^\s*(today|1 day ago|[2-7] days ago)$/ }) });
  await expect(recent.first()).toContainText("Requested");
  await expect(recent.locator(".flag")).toHaveCount(0);

  // The home page's list of applications stuck in a stage says how many there are in all.
  const count = openDb();
  const stuck = (
    count
      .prepare(
        "select count(*) n from applications where stage in ('sourced','screening','interviewing','take_home','final','offer') and stage_changed_at < ?",
      )
      .get(Date.now() - 14 * 86_400_000) as { n: number }
  ).n;
  count.close();
  expect(stuck, "the demo has more stuck applications than the home page lists").toBeGreaterThan(10);
  await page.goto("/");
  const stale = page.getByRole("region", { name: "In one stage for over 14 days" });
  await expect(stale.getByRole("listitem")).toHaveCount(10);
  await expect(stale).toContainText(`The 10 longest waits of ${stuck}`);
});

test("HR ticks NDA and IP assignment together, downloads what the board shows as CSV, and reads the board at 375 px", async ({
  page,
  signInAs,
}) => {
  const { name } = prepareFinalist();
  await signInAs(demo.recruiter);
  await page.goto("/compliance");
  const checks = page.getByRole("group", { name: "Checks" });
  await checks.getByRole("checkbox", { name: "NDA" }).check();
  await expect(page).toHaveURL(/check=nda/);
  await checks.getByRole("checkbox", { name: "IP assignment" }).check();
  await expect(page).toHaveURL(/check=nda&check=ip_assignment/);
  await expect(checks.getByRole("checkbox", { name: "NDA" })).toBeChecked();
  const board = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Who" }) });
  // Only the two checks ticked, on every row; the finalist lacks both.
  const chips = board.locator("ul.chips li .chip-name");
  expect(new Set(await chips.allTextContents())).toEqual(new Set(["NDA", "IP assignment"]));
  await expect(board.getByRole("row").filter({ hasText: name }).locator("ul.chips li")).toHaveText([
    "NDA Not requested",
    "IP assignment Not requested",
  ]);

  const caption = await board.locator("caption").textContent();
  const count = Number(/^(\d+) of/.exec(caption ?? "")![1]);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Download CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^compliance-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = Papa.parse<string[]>(readFileSync((await file.path())!, "utf8").replace(/^\uFEFF/, ""), {
    skipEmptyLines: true,
  }).data;
  expect(rows[0].slice(0, 8)).toEqual(["application id", "who", "kind", "role", "stage", "flagged", "check", "status"]);
  // Every application the board counts, across its pages, and only the two checks.
  expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(count);
  expect(new Set(rows.slice(1).map((r) => r[6]))).toEqual(new Set(["NDA", "IP assignment"]));
  expect(rows.filter((r) => r[1] === name).map((r) => [r[6], r[7]])).toEqual([
    ["NDA", "Not requested"],
    ["IP assignment", "Not requested"],
  ]);

  // At 375 px what is not cleared stays in view: no sideways scrolling to reach it.
  await page.setViewportSize({ width: 375, height: 800 });
  const row = board.getByRole("row").filter({ hasText: name });
  await row.scrollIntoViewIfNeeded();
  const status = row.locator("ul.chips li").first();
  await expect(status).toBeInViewport({ ratio: 1 });
  const box = (await status.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  const wrap = await board.evaluate((t) => {
    const parent = t.parentElement!;
    return { scroll: parent.scrollWidth, client: parent.clientWidth };
  });
  expect(wrap.scroll).toBeLessThanOrEqual(wrap.client);
  await page.screenshot({ path: "test-results/screens/hr-board-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/screens/hr-board-1280.png", fullPage: true });
});

test("HR finds a role on the board by title: the picker lists the roles that match and the board narrows to the one picked", async ({
  page,
}) => {
  const db = openDb();
  const role = db
    .prepare(
      "select r.id, r.title from roles r where exists (select 1 from applications a where a.role_id = r.id and a.stage in ('sourced','screening','interviewing','take_home','final','offer')) order by r.id limit 1",
    )
    .get() as { id: number; title: string };
  db.close();
  await signIn(page, demo.recruiter);
  await page.goto(`/compliance?roleq=${encodeURIComponent("no such role anywhere")}`);
  const find = page.getByRole("searchbox", { name: "Find a role" });
  await expect(find).toHaveValue("no such role anywhere");
  await expect(page.getByText("No role with open applications matches.")).toBeVisible();
  const picker = page.getByRole("combobox", { name: "Role", exact: true });
  await expect(picker.locator("option")).toHaveCount(1);

  // Typing part of the title and pressing Enter lists that role; picking it narrows the board.
  await find.fill(role.title.split(/\s+/).slice(0, 2).join(" "));
  await find.press("Enter");
  await expect(page).toHaveURL(/roleq=/);
  await expect(picker.locator("option", { hasText: role.title })).toHaveCount(1);
  await picker.selectOption(String(role.id));
  await expect(page).toHaveURL(new RegExp(`role=${role.id}`));
  // Every application the board now lists is on that role (the status "any" so the role's every one shows).
  await page.getByRole("combobox", { name: "Status" }).selectOption("all");
  await expect(page).toHaveURL(/status=all/);
  const rows = page
    .getByRole("table")
    .filter({ has: page.getByRole("columnheader", { name: "Checks" }) })
    .locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText(role.title);
});
