// The digest's unsubscribe link: a token naming one user, signed with an HMAC
// of the session secret, so the link works without signing in and cannot be
// made for another user. It only turns the daily digest off (and only after a
// click on the page it opens); it never signs anyone in.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv, mailLinkOrigin } from "./env.server";

const PURPOSE = "digest-unsubscribe:v1";

function signature(userId: number, secret: string): string {
  return createHmac("sha256", `${PURPOSE}:${secret}`).update(String(userId)).digest("base64url");
}

/** "<user id>.<signature>": what the link carries. */
export function unsubscribeToken(userId: number, secret = getEnv().sessionSecret): string {
  return `${userId}.${signature(userId, secret)}`;
}

/** The user a token names, or null when it is malformed or its signature is not ours. */
export function readUnsubscribeToken(token: string | null | undefined, secret = getEnv().sessionSecret): number | null {
  const match = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!match) return null;
  const userId = Number(match[1]);
  const expected = Buffer.from(signature(userId, secret));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}

/** The unsubscribe page for a user, on the origin mail links use. */
export function unsubscribeUrl(userId: number): string {
  return `${mailLinkOrigin(getEnv())}/unsubscribe?token=${unsubscribeToken(userId)}`;
}
