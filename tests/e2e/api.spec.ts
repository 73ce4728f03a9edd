// The API and webhooks as another system meets them. An admin creates an API key in the browser; a client with
// nothing but that key reads roles and applications; once revoked, the key is refused.
//
// Webhooks from the browser to a receiver this spec starts (node:http on
// E2E_WEBHOOK_PORT): an admin registers the endpoint for stage moves and copies
// the secret the page shows once; the ping arrives; a stage moved in the
// browser arrives as a thin event whose signature verifies with that secret.
import { verifyWebhookSignature } from "../../app/domain/webhook-signature";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { E2E_WEBHOOK_PORT } from "./playwright.config";
import { demo, expect, openDb, test } from "./fixtures";

test("an admin creates an API key, a client reads roles and applications with it, and once revoked it is refused", async ({
  page,
  signInAs,
  playwright,
  baseURL,
}) => {
  await signInAs(demo.admin);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  // A key with no scope is refused next to the scopes, in the browser.
  await page.getByLabel("Name").fill("HRIS sync");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Choose at least one scope")).toBeVisible();
  await page.getByLabel("Roles", { exact: true }).check();
  await page.getByLabel("Applications (stage and decision)").check();
  await page.getByRole("button", { name: "Create key" }).click();

  // The key, shown once, with a plain warning.
  const field = page.getByLabel("API key", { exact: true });
  await expect(field).toHaveValue(/^ats_[0-9a-f]{12}_[0-9a-f]{64}$/);
  await expect(page.getByText("this is the only time it is shown")).toBeVisible();
  const key = await field.inputValue();

  // A client with nothing but the key.
  const client = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${key}` },
  });
  const roles = await client.get("/api/v1/roles?limit=100");
  expect(roles.status()).toBe(200);
  const roleTitles = ((await roles.json()) as { data: { title: string }[] }).data.map((r) => r.title);
  expect(roleTitles).toContain("Senior AI Engineer, Support Copilot");
  expect(JSON.stringify(await roles.json())).not.toContain("budget");

  const apps = await client.get("/api/v1/applications?limit=5");
  expect(apps.status()).toBe(200);
  const page1 = (await apps.json()) as { data: { id: number; stage: string }[]; next: string };
  expect(page1.data).toHaveLength(5);
  const page2 = (await (await client.get(page1.next)).json()) as { data: { id: number }[] };
  expect(page2.data[0].id).toBeGreaterThan(page1.data[4].id);
  // Outside its scopes: refused.
  expect((await client.get(`/api/v1/applications/${page1.data[0].id}/scorecards`)).status()).toBe(403);

  // The page no longer shows the key; the list shows it used, and its calls.
  await page.goto("/admin/api-keys");
  await expect(page.getByLabel("API key", { exact: true })).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: "HRIS sync" });
  await expect(row).toContainText("Roles, Applications (stage and decision)");
  await expect(row).not.toContainText("Never");
  await row.getByRole("link", { name: "Recent calls" }).click();
  const calls = page.getByRole("region", { name: /Recent calls with/ });
  await expect(calls.getByRole("row").filter({ hasText: "GET /api/v1/roles?limit=100" })).toContainText("200");
  await expect(calls.getByRole("row").filter({ hasText: "/scorecards" })).toContainText("403");

  // Revoked in the browser, after a confirmation; refused at once.
  const revokeRow = page.getByRole("row").filter({ hasText: "HRIS sync" });
  await revokeRow.getByText("Revoke…").click();
  await revokeRow.getByRole("button", { name: "Revoke “HRIS sync”" }).click();
  await expect(page.getByText("The key was revoked.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "HRIS sync" })).toContainText("Revoked");
  const refused = await client.get("/api/v1/roles");
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect(((await refused.json()) as { message: string }).message).toBe("This API key was revoked.");

  // The admin's own session never opens the API.
  expect((await page.request.get("/api/v1/roles")).status()).toBe(401);
  // The description is public.
  const description = await page.request.get("/api/v1/openapi.json");
  expect(((await description.json()) as { openapi: string }).openapi).toBe("3.1.0");
  await client.dispose();
});

test.describe("webhooks", () => {
  const ROLE = "Senior AI Engineer, Support Copilot";
  const NAME = "Ottoline Webhookspec";
  let receiver: WebhookReceiver;
  let applicationId: number;
  let roleId: number;

  test.beforeAll(async () => {
    // Every address (IPv4 and IPv6), as "localhost" may resolve to either for the server.
    receiver = await startWebhookReceiver({ port: E2E_WEBHOOK_PORT, listenHost: "::", urlHost: "localhost" });
    const db = openDb();
    try {
      roleId = (db.prepare("select id from roles where title = ?").get(ROLE) as { id: number }).id;
      // A candidate of this spec's own at Sourced, so no demo candidate another spec counts on moves.
      const now = Date.now();
      const person = db
        .prepare(
          "insert into candidates (name, email, engagement_type, source, skills, created_at, updated_at) values (?, ?, 'full_time', 'referral', '[]', ?, ?) returning id",
        )
        .get(NAME, `ottoline.${now}@example.test`, now, now) as { id: number };
      applicationId = (
        db
          .prepare(
            "insert into applications (role_id, candidate_id, stage, stage_changed_at, created_at, updated_at) values (?, ?, 'sourced', ?, ?, ?) returning id",
          )
          .get(roleId, person.id, now, now, now) as { id: number }
      ).id;
    } finally {
      db.close();
    }
  });

  test.afterAll(async () => {
    await receiver?.close();
  });

  test("an admin registers an endpoint, the ping arrives, and a stage moved in the browser arrives signed", async ({
    page,
    signInAs,
  }) => {
    await signInAs(demo.admin);
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    // The browser refuses plain http elsewhere than this machine, by the field, before anything is sent.
    await page.getByLabel("URL", { exact: true }).fill("http://hooks.example.com/in");
    await page.getByRole("checkbox", { name: /An application moved stage/ }).check();
    await page.getByRole("button", { name: "Register endpoint" }).click();
    await expect(page.getByText("The URL must start with https://")).toBeVisible();
    expect(receiver.received).toHaveLength(0);

    await page.getByLabel("URL", { exact: true }).fill(receiver.url("/hiring-events"));
    await page.getByLabel("Description").fill("Warehouse loader");
    await page.getByRole("button", { name: "Register endpoint" }).click();
    await expect(page.getByRole("heading", { name: "Endpoint registered" })).toBeVisible();
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);

    // The ping, within seconds of the registration (the worker is woken by the commit).
    const [ping] = await receiver.waitFor(1, 20_000);
    expect(ping.path).toBe("/hiring-events");
    expect(ping.json.type).toBe("ping");
    expect(verifyWebhookSignature(secret, ping.headers, ping.body)).toMatchObject({ ok: true });

    // A stage moved on the application's page.
    await page.goto(`/applications/${applicationId}`);
    await page.getByLabel("Move to", { exact: true }).selectOption("screening");
    await page.getByRole("button", { name: "Move", exact: true }).click();
    await expect(page.getByText("Moved to Screening.")).toBeVisible();

    const [, moved] = await receiver.waitFor(2, 20_000);
    expect(verifyWebhookSignature(secret, moved.headers, moved.body)).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(secret, moved.headers, moved.body.replace("screening", "final")).ok).toBe(false);
    expect(moved.json).toMatchObject({
      type: "application.stage_moved",
      data: { application_id: applicationId, role_id: roleId, from_stage: "sourced", stage: "screening" },
    });
    expect(moved.body).not.toContain("Ottoline");

    // The endpoint's page lists both deliveries as delivered.
    await page.goto("/admin/webhooks");
    await page.getByRole("link", { name: receiver.url("/hiring-events") }).click();
    const log = page.getByRole("region", { name: "Deliveries" });
    await expect(log.getByRole("row", { name: /An application moved stage.*Delivered/ })).toBeVisible();
    await expect(log.getByRole("row", { name: /Test ping.*Delivered/ })).toBeVisible();
  });
});
