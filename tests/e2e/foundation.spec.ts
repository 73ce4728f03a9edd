import { DEMO_PASSWORD, demo, expect, openDb, signIn, test } from "./fixtures";

const homes = [
  { email: demo.admin, heading: "Administration" },
  { email: demo.recruiter, heading: "Hiring overview" },
  { email: demo.dana, heading: "Your roles" },
  { email: demo.sam, heading: "Your interview loops" },
];

test.describe("signing in", () => {
  for (const { email, heading } of homes) {
    test(`${email} signs in through the form and lands on "${heading}"`, async ({ page }) => {
      const cspErrors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
      });
      await page.goto("/");
      await expect(page).toHaveURL(/\/login\?redirectTo=%2F$/);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page).toHaveURL(/\/$/);
      expect(cspErrors).toEqual([]);
    });
  }

  test("a wrong password shows an error and signing out ends the session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(demo.tomas);
    await page.getByLabel("Password").fill("not-my-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("That email and password do not match an active account.");

    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your roles" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/roles");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Froles$/);
  });

  test("pages carry the security headers, a nonce on scripts, and no-store when signed in", async ({
    page,
    signInAs,
  }) => {
    await signInAs(demo.recruiter);
    const response = await page.goto("/roles");
    const headers = response!.headers();
    const csp = headers["content-security-policy"];
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["cache-control"]).toBe("no-store");
    const html = await response!.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/<script(?![^>]*nonce=)[^>]*>/);
  });
});

test("a hiring manager creates a role with its brief, answers the routing questions and sees the suggestion", async ({
  page,
  signInAs,
}) => {
  await signInAs(demo.dana);
  await page.goto("/");
  await page.getByRole("link", { name: "New role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New role" })).toBeVisible();

  await page.getByLabel("Title").fill("Applied AI Engineer, Underwriting Assistant");
  await page.getByLabel("Team", { exact: true }).fill("Commercial Underwriting");
  await page.getByLabel("Location").fill("Remote (US)");
  await page.getByLabel("Headcount").fill("1");
  await page.getByLabel("Status").selectOption("open");
  await page.getByLabel("Senior contractor").check();
  await page.getByLabel("Agency / delivery pod").check();
  await page.getByLabel("Budget type").selectOption("hourly");
  await page.getByLabel("Minimum").fill("120");
  await page.getByLabel("Maximum").fill("180");
  // Dana is pre-selected as hiring manager; add an interviewer.
  await expect(page.getByRole("group", { name: "Hiring managers" }).getByLabel(/Dana Whitfield/)).toBeChecked();
  await page
    .getByRole("group", { name: "Interviewers" })
    .getByLabel(/Sam Chen/)
    .check();

  await page.getByLabel("What the system does").fill("summarises submission packs for underwriters");
  await page.getByLabel("Data it uses").fill("broker submission and loss-run");
  await page.getByLabel("Workflow it runs in").fill("new-business triage");
  await page.getByLabel("Accuracy or review threshold").fill("every summary reviewed, 90% rated accurate");
  await page.getByLabel("Owner after launch").fill("Underwriting Tools");
  await page.getByLabel("Workflow or feature to ship").fill("A summary panel in the underwriting workbench");
  await page
    .getByLabel("Source systems and data owner")
    .fill("Submission inbox and Guidewire PolicyCenter (owner: UW Ops)");
  await page.getByLabel("Users and approval path").fill("Underwriters use it; the UW director approves prompt changes");
  await page.getByLabel("Success metric and eval threshold").fill("90% accurate on 100 graded submissions");
  await page.getByLabel("Security and retention requirements").fill("Broker PII stays in our tenant; 90-day logs");
  const launch = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Expected launch date").fill(launch);
  await page.getByLabel("Post-launch owner").fill("Underwriting Tools");

  const answer = async (question: RegExp, value: "Yes" | "No") =>
    page.getByRole("group", { name: question }).getByLabel(value, { exact: true }).check();
  await answer(/custom-trained models/, "No");
  await answer(/hosted model APIs/, "Yes");
  await answer(/data access, cleaning or lineage/, "No");
  await answer(/own monitoring, drift/, "No");
  await answer(/bounded feature/, "Yes");
  await answer(/core product advantage/, "No");

  await page.getByRole("button", { name: "Create role" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: /Applied AI Engineer, Underwriting Assistant/ }),
  ).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Role created.");
  await expect(page.getByText("Ready to staff")).toBeVisible();
  const advice = page.getByRole("region", { name: "Suggested engagement" });
  await expect(advice.locator(".suggestion")).toHaveText("Senior contractor");
  await expect(advice.getByText(/Launch is 40 days away/).first()).toBeVisible();
  await expect(advice.getByText(/bounded feature with a clear outcome suits a senior contractor/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Staffing" })).toContainText("Sam Chen");
  await page.screenshot({ path: "test-results/screens/role-created.png", fullPage: true });
});

test("an invalid role shows errors next to the fields and saves nothing", async ({ page, signInAs }) => {
  await signInAs(demo.dana);
  const db = openDb();
  const before = (db.prepare("select count(*) as n from roles").get() as { n: number }).n;
  await page.goto("/roles/new");
  await page.getByLabel("Title").fill("Half-finished role");
  await page.getByLabel("Headcount").fill("0");
  await page.getByLabel("Budget type").selectOption("salary");
  await page.getByLabel("Minimum").fill("200000");
  await page.getByLabel("Maximum").fill("150000");
  await page
    .getByRole("group", { name: "Hiring managers" })
    .getByLabel(/Dana Whitfield/)
    .uncheck();
  await page.getByRole("button", { name: "Create role" }).click();

  await expect(page.getByLabel("Team", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Team is required")).toBeVisible();
  await expect(page.getByText("Location is required")).toBeVisible();
  await expect(page.getByText("Headcount must be between 1 and 100")).toBeVisible();
  await expect(page.getByText("Name at least one hiring manager")).toBeVisible();
  // What was typed is still there.
  await expect(page.getByLabel("Title")).toHaveValue("Half-finished role");
  await expect(page).toHaveURL(/\/roles\/new$/);
  await page.screenshot({ path: "test-results/screens/role-invalid.png", fullPage: true });

  // Fix the basics; the cross-field budget rule is reported next.
  await page.getByLabel("Team", { exact: true }).fill("Growth");
  await page.getByLabel("Location").fill("Berlin");
  await page.getByLabel("Headcount").fill("1");
  await page
    .getByRole("group", { name: "Hiring managers" })
    .getByLabel(/Dana Whitfield/)
    .check();
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByText("The maximum must be at least the minimum")).toBeVisible();
  await expect(page).toHaveURL(/\/roles\/new$/);

  expect((db.prepare("select count(*) as n from roles").get() as { n: number }).n).toBe(before);
  db.close();
});

test("an interviewer cannot open a role they are not on", async ({ page, signInAs }) => {
  await signInAs(demo.sam);
  const db = openDb();
  const { id } = db.prepare("select id from roles where title = ?").get("Data Engineer, Claims Data Readiness") as {
    id: number;
  };
  db.close();
  await page.goto("/roles");
  await expect(page.getByRole("link", { name: "Data Engineer, Claims Data Readiness" })).toHaveCount(0);
  const response = await page.goto(`/roles/${id}`);
  expect(response!.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
  const edit = await page.goto(`/roles/${id}/edit`);
  expect(edit!.status()).toBe(403);
});

test("a recruiter finds a role by words from its title and team, and the status picker keeps the search", async ({
  page,
  signInAs,
}) => {
  await signInAs(demo.recruiter);
  await page.goto("/roles");
  const rows = page.getByRole("table").locator("tbody tr");
  const everyActive = await rows.count();
  expect(everyActive).toBeGreaterThan(1);
  await page.getByLabel("Title or team").fill("copilot senior");
  await page.getByLabel("Title or team").press("Enter");
  await expect(page).toHaveURL(/q=copilot\+senior/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole("link")).toHaveText("Senior AI Engineer, Support Copilot");
  await page.getByLabel("Status").selectOption("all");
  await expect(page).toHaveURL(/status=all/);
  await expect(page.getByLabel("Title or team")).toHaveValue("copilot senior");
  await expect(rows).toHaveCount(1);
  await page.getByLabel("Title or team").fill("no such role");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No roles match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(rows).toHaveCount(everyActive);
  await expect(page.getByLabel("Title or team")).toHaveValue("");

  // The top bar's link drops the filters, and the fields say so.
  await page.getByLabel("Title or team").fill("copilot");
  await page.getByLabel("Title or team").press("Enter");
  await expect(rows).toHaveCount(1);
  await page.getByLabel("Status").selectOption("open");
  await expect(page).toHaveURL(/status=open/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" }).click();
  await expect(page).toHaveURL(/\/roles$/);
  await expect(rows).toHaveCount(everyActive);
  await expect(page.getByLabel("Title or team")).toHaveValue("");
  await expect(page.getByLabel("Status")).toHaveValue("active");
});

test("a hiring manager edits a role; a second editor with a stale copy gets a conflict, not an overwrite", async ({
  browser,
}) => {
  const db = openDb();
  const { id } = db.prepare("select id from roles where title = ?").get("Agency Pod, Sales Email Assistant") as {
    id: number;
  };
  db.close();

  const dana = await browser.newPage();
  const priya = await browser.newPage();
  // Morgan's browser runs no JavaScript: the form posts as plain HTML.
  const morgan = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(dana, demo.dana);
  await signIn(priya, demo.recruiter);
  await signIn(morgan, demo.admin);
  await dana.goto(`/roles/${id}`);
  await dana.getByRole("link", { name: "Edit role" }).click();
  await expect(dana.getByRole("heading", { level: 1, name: "Edit Agency Pod, Sales Email Assistant" })).toBeVisible();
  await priya.goto(`/roles/${id}/edit`);
  await morgan.goto(`/roles/${id}/edit`);

  await dana.getByLabel("Workflow it runs in").fill("post-call follow-up");
  await dana.getByLabel("Status").selectOption("open");
  await dana
    .getByRole("group", { name: /own monitoring, drift/ })
    .getByLabel("No", { exact: true })
    .check();
  await dana.getByRole("button", { name: "Save changes" }).click();
  await expect(dana.getByRole("status")).toHaveText("Changes saved.");
  await expect(dana.locator(".sentence-view")).toContainText("inside the post-call follow-up workflow");
  await expect(dana.getByRole("heading", { level: 1 })).toContainText("Open");

  await priya.getByLabel("Title").fill("Agency Pod, Sales Email Assistant (EMEA)");
  await priya.getByRole("button", { name: "Save changes" }).click();
  await expect(priya.getByRole("alert").first()).toContainText("Someone else saved this role after you opened it");
  await expect(priya.getByLabel("Title")).toHaveValue("Agency Pod, Sales Email Assistant (EMEA)");

  // Without JavaScript the refused page keeps Morgan's edit, and saving it again is refused again rather than overwriting Dana's.
  await morgan.getByLabel("Title").fill("Agency Pod, Sales Email (APAC)");
  for (let attempt = 0; attempt < 2; attempt++) {
    const response = morgan.waitForResponse((r) => r.request().method() === "POST");
    await morgan.getByRole("button", { name: "Save changes" }).click();
    expect((await response).status()).toBe(409);
    await expect(morgan.getByRole("alert").first()).toContainText("Someone else saved this role after you opened it");
    await expect(morgan.getByLabel("Title")).toHaveValue("Agency Pod, Sales Email (APAC)");
  }

  const check = openDb();
  const row = check.prepare("select title, status, brief_inside_workflow as w from roles where id = ?").get(id);
  check.close();
  expect(row).toEqual({ title: "Agency Pod, Sales Email Assistant", status: "open", w: "post-call follow-up" });
});

test("writes that are not our own forms are refused before the app reads them", async ({ request, baseURL }) => {
  const form = { email: demo.dana, password: "whatever-it-is" };
  const foreign = await request.post("/login", { form, headers: { Origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toBe("Cross-origin request refused.");
  const json = await request.post("/login", { data: { email: demo.dana }, headers: { Origin: baseURL! } });
  expect(json.status()).toBe(415);
  const huge = await request.post("/login", {
    form: { email: demo.dana, password: "x".repeat(2 * 1024 * 1024) },
    headers: { Origin: baseURL! },
  });
  expect(huge.status()).toBe(413);
});

test("an interviewer changes their password and is told so, with the confirmation focused", async ({
  page,
  signInAs,
}) => {
  await signInAs(demo.riley);
  await page.goto("/account");
  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("harbour-lantern-quartz-58");
  await page.getByLabel("New password again").fill("harbour-lantern-quartz-58");
  await page.getByRole("button", { name: /password/i }).click();
  await expect(page.getByRole("status")).toHaveText("Password changed. Your other sessions have been signed out.");
  await expect(page.getByRole("status")).toBeFocused();
});
