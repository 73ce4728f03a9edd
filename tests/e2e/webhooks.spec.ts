// Webhooks from the browser to a receiver this spec starts (node:http on
// E2E_WEBHOOK_PORT): an admin registers the endpoint for stage moves and copies
// the secret the page shows once; the ping arrives; a stage moved in the
// browser arrives as a thin event whose signature verifies with that secret.
import { verifyWebhookSignature } from "../../app/domain/webhook-signature";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { E2E_WEBHOOK_PORT } from "./playwright.config";
import { demo, expect, openDb, test } from "./fixtures";

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
