// Hostile requests against the production server: refused with a plain 4xx,
// never cached, and the server keeps serving everyone else.
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "./playwright.config";

const origin = `http://localhost:${E2E_PORT}`;

test("40,000 form fields to the sign-in are refused with 413, and others are served meanwhile", async ({ request }) => {
  const body = Array.from({ length: 40_000 }, (_, i) => `f${i}=x`).join("&");
  const [refused, health] = await Promise.all([
    request.post("/login", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      data: body,
    }),
    request.get("/healthz"),
  ]);
  expect(refused.status()).toBe(413);
  expect(refused.headers()["cache-control"]).toBe("no-store");
  expect(await refused.text()).toContain("more than 1,000 fields");
  expect(health.status()).toBe(200);
});

test("a multipart body with no boundary, or cut short, is a 400", async ({ request }) => {
  const noBoundary = await request.post("/login", {
    headers: { "Content-Type": "multipart/form-data", Origin: origin },
    data: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--x--\r\n',
  });
  expect(noBoundary.status()).toBe(400);
  const truncated = await request.post("/login", {
    headers: { "Content-Type": "multipart/form-data; boundary=XyZ", Origin: origin },
    data: '--XyZ\r\nContent-Disposition: form-data; name="email"\r\n\r\nhalf a val',
  });
  expect(truncated.status()).toBe(400);
  expect(truncated.headers()["cache-control"]).toBe("no-store");
});

test("a path that does not decode is a 400", async ({ request }) => {
  for (const path of ["/%E0%A4%A", "/%", "/roles/%zz"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.text()).toBe("That address is not valid.");
    expect(response.headers()["cache-control"]).toBe("no-store");
  }
});

test("the server's own refusals are never cached", async ({ request }) => {
  const crossOrigin = await request.post("/login", {
    headers: { Origin: "https://evil.example" },
    form: { email: "a" },
  });
  expect(crossOrigin.status()).toBe(403);
  expect(crossOrigin.headers()["cache-control"]).toBe("no-store");
  const notAForm = await request.post("/login", {
    headers: { Origin: origin, "Content-Type": "application/json" },
    data: "{}",
  });
  expect(notAForm.status()).toBe(415);
  expect(notAForm.headers()["cache-control"]).toBe("no-store");
  const tooLarge = await request.post("/login", {
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    data: `a=${"x".repeat(1024 * 1024 + 10)}`,
  });
  expect(tooLarge.status()).toBe(413);
  expect(tooLarge.headers()["cache-control"]).toBe("no-store");
});
