// Single sign-on in Chromium against a real OpenID Connect provider, started here on E2E_PORT + 20000 (the
// server's OIDC_* variables point there; see playwright.config.ts).
import { startProvider, type TestProvider } from "../support/oidc";
import { demo, expect, test } from "./fixtures";
import { E2E_OIDC_PORT, E2E_PORT } from "./playwright.config";

let provider: TestProvider;

test.beforeAll(async () => {
  provider = await startProvider({
    port: E2E_OIDC_PORT,
    redirectUris: [`http://localhost:${E2E_PORT}/auth/sso/callback`],
    accounts: {
      "priya.raman": { email: demo.recruiter, email_verified: true, name: "Priya Raman", groups: ["hr"] },
      stranger: { email: "stranger@elsewhere.test", email_verified: true },
    },
  });
});

test.afterAll(async () => {
  await provider?.close();
});

test("signs in through the provider and lands signed in as the right person", async ({ page }) => {
  await page.goto("/roles");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Froles$/);
  await page.getByRole("link", { name: "Sign in with Northwind SSO" }).click();

  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  expect(new URL(page.url()).port).toBe(String(E2E_OIDC_PORT));
  await page.getByLabel("Username").fill("priya.raman");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(new RegExp(`^http://localhost:${E2E_PORT}/roles$`));
  await expect(page.locator(".whoami")).toContainText("Priya Raman · Recruiter (HR)");
  // The flow cookie is gone; the app's own session remains.
  const cookies = await page.context().cookies(`http://localhost:${E2E_PORT}/auth/sso/callback`);
  expect(cookies.map((c) => c.name)).toContain("hiring_session");
  expect(cookies.map((c) => c.name)).not.toContain("hiring_sso_flow");
});

test("an unknown person and a cancelled sign-in come back to the login page with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign in with Northwind SSO" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/login\?sso_error=access_denied$/);
  await expect(page.getByRole("alert")).toHaveText("Sign-in was cancelled or refused at the provider.");

  await page.getByRole("link", { name: "Sign in with Northwind SSO" }).click();
  await page.getByLabel("Username").fill("stranger");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/login\?sso_error=unknown_user$/);
  await expect(page.getByRole("alert")).toHaveText("There is no account here for you. Ask your admin to add you.");
  // The password form is still there (SSO-only mode is off).
  await expect(page.getByLabel("Password")).toBeVisible();
});
