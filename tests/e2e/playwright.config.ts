import { defineConfig } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DB = "tests/.tmp/e2e/app.db";
/**
 * The app sends mail to an SMTP server here; notifications.spec.ts starts one while it runs. With none
 * listening (every other spec) each attempt is refused at once and the message waits for a retry.
 */
export const E2E_SMTP_PORT = E2E_PORT + 10_000;
/** sso.spec.ts starts an OpenID Connect provider here (tests/support/oidc.ts, its client id and secret below). */
export const E2E_OIDC_PORT = E2E_PORT + 20_000;
/** Where a spec's webhook receiver listens (plain http on localhost, which the server is set to allow). */
export const E2E_WEBHOOK_PORT = E2E_PORT + 30_000;
export const E2E_SECRET = "e2e-secret-e2e-secret-e2e-secret-012345";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "../../test-results",
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The production server as a deploy runs it (the compiled entry of `npm run build`; run.ts builds
    // first), on a fresh database.
    command: "node --max-old-space-size=192 build/cli/start.js",
    cwd: "../..",
    url: `http://localhost:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(E2E_PORT),
      HOST: "localhost",
      DATABASE_PATH: E2E_DB,
      SESSION_SECRET: E2E_SECRET,
      SEED_DEMO: "true",
      // The server's request log would bury the test output.
      LOG_REQUESTS: "false",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: "Hiring at Northwind <hiring@northwind.test>",
      OIDC_ISSUER: `http://localhost:${E2E_OIDC_PORT}`,
      OIDC_CLIENT_ID: "hiring-app",
      OIDC_CLIENT_SECRET: "a-client-secret-for-tests-only-0123456789",
      OIDC_NAME: "Northwind SSO",
      // Webhook receivers started by the specs listen on plain http on localhost (E2E_WEBHOOK_PORT).
      WEBHOOKS_ALLOW_HTTP_LOCALHOST: "true",
    },
  },
});
