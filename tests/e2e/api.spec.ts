import { demo, expect, test } from "./fixtures";

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
