// Signing and verifying a webhook delivery, the Standard Webhooks way
// (standardwebhooks.com): the secret is "whsec_" and base64 key bytes; the
// signature is "v1," and the base64 HMAC-SHA256, under that key, of
// "{Webhook-Id}.{Webhook-Timestamp}.{body}". The worker signs with it; integrators
// verify with the same steps (the README shows them in Node). Pure: no I/O, no
// clock (the caller passes the time); server-side only (node:crypto).
import { createHmac, timingSafeEqual } from "node:crypto";

export const WEBHOOK_SECRET_PREFIX = "whsec_";
/** How far a delivery's timestamp may be from the receiver's clock before it is refused as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

function keyOf(secret: string): Buffer {
  return Buffer.from(
    secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret,
    "base64",
  );
}

/** A secret from 32 random bytes the caller drew (randomBytes(32)). */
export function webhookSecretFrom(bytes: Uint8Array): string {
  return `${WEBHOOK_SECRET_PREFIX}${Buffer.from(bytes).toString("base64")}`;
}

/** "v1,<base64 HMAC-SHA256 of id.timestamp.body>". */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export type WebhookHeaders = { "Webhook-Id": string; "Webhook-Timestamp": string; "Webhook-Signature": string };

/** The three headers of one attempt: the event's id (the same on every retry), the attempt's time, its signature. */
export function webhookHeaders(secret: string, id: string, body: string, now: Date): WebhookHeaders {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "Webhook-Id": id,
    "Webhook-Timestamp": String(timestamp),
    "Webhook-Signature": signWebhook(secret, id, timestamp, body),
  };
}

export type WebhookVerification =
  | { ok: true; id: string; timestamp: number }
  | { ok: false; reason: "missing-headers" | "stale-timestamp" | "bad-signature" };

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * Whether a delivery is genuine: its headers are there, its timestamp is within `toleranceSeconds` of `now`,
 * and one of the signatures in Webhook-Signature (space-separated; more than one while a secret is replaced)
 * is ours for exactly this body. `body` must be the raw text received, before any JSON parsing.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: HeaderSource,
  body: string,
  now: Date = new Date(),
  toleranceSeconds: number = WEBHOOK_TOLERANCE_SECONDS,
): WebhookVerification {
  const id = header(headers, "webhook-id");
  const stamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !stamp || !signatures || !/^\d{1,12}$/.test(stamp)) return { ok: false, reason: "missing-headers" };
  const timestamp = Number(stamp);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: "stale-timestamp" };
  const expected = Buffer.from(signWebhook(secret, id, timestamp, body).slice("v1,".length), "base64");
  const matches = signatures.split(" ").some((entry) => {
    const [version, value] = entry.split(",", 2);
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, id, timestamp } : { ok: false, reason: "bad-signature" };
}
