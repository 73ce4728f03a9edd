import { describe, expect, it } from "vitest";
import {
  signWebhook,
  verifyWebhookSignature,
  webhookHeaders,
  webhookSecretFrom,
  WEBHOOK_TOLERANCE_SECONDS,
} from "./webhook-signature";

const secret = webhookSecretFrom(new Uint8Array(32).map((_, i) => i * 7));
const body = JSON.stringify({ id: "evt_1", type: "application.stage_moved", data: { application_id: 12 } });
const at = new Date("2026-12-07T17:00:00Z");

describe("signing a delivery", () => {
  it("matches the Standard Webhooks reference example", () => {
    // The example in the Standard Webhooks specification's reference libraries.
    expect(
      signWebhook(
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("makes headers that verify with the same secret", () => {
    const headers = webhookHeaders(secret, "evt_1", body, at);
    expect(headers["Webhook-Id"]).toBe("evt_1");
    expect(headers["Webhook-Timestamp"]).toBe(String(at.getTime() / 1000));
    expect(headers["Webhook-Signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verifyWebhookSignature(secret, headers, body, at)).toEqual({
      ok: true,
      id: "evt_1",
      timestamp: at.getTime() / 1000,
    });
  });

  it("reads Node's lower-case header record and the Fetch Headers alike", () => {
    const headers = webhookHeaders(secret, "evt_1", body, at);
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(verifyWebhookSignature(secret, lower, body, at).ok).toBe(true);
    expect(verifyWebhookSignature(secret, new Headers(headers), body, at).ok).toBe(true);
  });
});

describe("refusing what was not signed by us", () => {
  const headers = webhookHeaders(secret, "evt_1", body, at);

  it("refuses a tampered body", () => {
    expect(verifyWebhookSignature(secret, headers, body.replace("12", "13"), at)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("refuses another secret", () => {
    const other = webhookSecretFrom(new Uint8Array(32).fill(1));
    expect(verifyWebhookSignature(other, headers, body, at)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("refuses another event id or timestamp under the same signature", () => {
    expect(verifyWebhookSignature(secret, { ...headers, "Webhook-Id": "evt_2" }, body, at).ok).toBe(false);
    const later = String(Number(headers["Webhook-Timestamp"]) + 1);
    expect(verifyWebhookSignature(secret, { ...headers, "Webhook-Timestamp": later }, body, at).ok).toBe(false);
  });

  it("refuses an old or future timestamp (a replay), within the tolerance it accepts", () => {
    const late = new Date(at.getTime() + (WEBHOOK_TOLERANCE_SECONDS + 1) * 1000);
    expect(verifyWebhookSignature(secret, headers, body, late)).toEqual({ ok: false, reason: "stale-timestamp" });
    const early = new Date(at.getTime() - (WEBHOOK_TOLERANCE_SECONDS + 1) * 1000);
    expect(verifyWebhookSignature(secret, headers, body, early)).toEqual({ ok: false, reason: "stale-timestamp" });
    const inTime = new Date(at.getTime() + WEBHOOK_TOLERANCE_SECONDS * 1000);
    expect(verifyWebhookSignature(secret, headers, body, inTime).ok).toBe(true);
  });

  it("refuses missing or malformed headers", () => {
    expect(verifyWebhookSignature(secret, {}, body, at)).toEqual({ ok: false, reason: "missing-headers" });
    expect(verifyWebhookSignature(secret, { ...headers, "Webhook-Timestamp": "soon" }, body, at)).toEqual({
      ok: false,
      reason: "missing-headers",
    });
    expect(verifyWebhookSignature(secret, { ...headers, "Webhook-Signature": "v2,abc" }, body, at).ok).toBe(false);
  });

  it("accepts any one of several signatures (a secret being replaced)", () => {
    const other = webhookSecretFrom(new Uint8Array(32).fill(1));
    const theirs = webhookHeaders(other, "evt_1", body, at)["Webhook-Signature"];
    const both = { ...headers, "Webhook-Signature": `${theirs} ${headers["Webhook-Signature"]}` };
    expect(verifyWebhookSignature(secret, both, body, at).ok).toBe(true);
  });
});
