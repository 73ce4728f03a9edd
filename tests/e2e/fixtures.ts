// Playwright fixtures. `signInAs` skips the form by inserting a session row
// and signing its cookie with the server's secret, the way the app does; the
// sign-in journey itself is tested through the real form.
import { test as base, expect, type Page } from "@playwright/test";
import { createCookie } from "@remix-run/node";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { E2E_DB, E2E_PORT, E2E_SECRET } from "./playwright.config";

export const DEMO_PASSWORD = "interview-loop-2026";
export const demo = {
  admin: "morgan@northwind.test",
  recruiter: "priya@northwind.test",
  dana: "dana@northwind.test",
  tomas: "tomas@northwind.test",
  sam: "sam@northwind.test",
  riley: "riley@northwind.test",
  jordan: "jordan@northwind.test",
} as const;

export function openDb() {
  const db = new Database(resolve(E2E_DB));
  db.pragma("busy_timeout = 5000");
  return db;
}

export async function signIn(page: Page, email: string) {
  const db = openDb();
  try {
    const user = db.prepare("select id from users where email = ?").get(email) as { id: number } | undefined;
    if (!user) throw new Error(`No demo user ${email}`);
    const sid = randomBytes(32).toString("base64url");
    const now = Date.now();
    db.prepare("insert into sessions (id, user_id, created_at, expires_at, user_agent) values (?, ?, ?, ?, ?)").run(
      sid,
      user.id,
      now,
      now + 12 * 3_600_000,
      "playwright",
    );
    const cookie = createCookie("hiring_session", {
      secrets: [E2E_SECRET],
      httpOnly: true,
      sameSite: "lax",
      path: "/",
    });
    const header = await cookie.serialize({ sid, seen: now });
    const value = header.split(";")[0].slice("hiring_session=".length);
    await page
      .context()
      .addCookies([{ name: "hiring_session", value, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);
  } finally {
    db.close();
  }
}

/** Errors a page raises in the browser: uncaught ones, and React's (a hydration mismatch is one). */
const browserError = /Minified React error|Hydration|did not match|error while hydrating/i;

export const test = base.extend<{ signInAs: (email: string) => Promise<void>; pageErrors: void }>({
  signInAs: async ({ page }, use) => {
    await use((email) => signIn(page, email));
  },
  // Every journey also checks that each page the server rendered hydrated cleanly in the browser.
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error" && browserError.test(message.text())) errors.push(message.text());
      });
      await use();
      expect(errors, "errors raised in the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect, E2E_PORT };
