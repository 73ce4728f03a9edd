// Configuration, parsed once from environment variables with zod. Fails fast
// with a message naming each bad variable. A first run with no .env works: the
// session secret is generated into .data/session-secret (git-ignored).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { AUDIT_DEFAULT_RETENTION_DAYS, AUDIT_MIN_RETENTION_DAYS } from "~/domain/audit";
import { RETENTION_DEFAULT_MIN_MONTHS, RETENTION_FLOOR_MONTHS, RETENTION_MAX_MONTHS } from "~/domain/retention";

const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("localhost"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default(".data/app.db"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SESSION_SECRET_FILE: z.string().min(1).default(".data/session-secret"),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Public origin when behind a proxy, e.g. https://hiring.example.com. Defaults to the request's own. */
  APP_ORIGIN: z.string().url().optional(),
  TRUST_PROXY: boolish.default("false"),
  SEED_DEMO: boolish.default("true"),
  /** FULL survives power loss; NORMAL only for measuring (npm run bench compares the two). */
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
  /** One line per request (time, request id, method, path, status, ms; no query string, no personal data). */
  LOG_REQUESTS: boolish.default("true"),
  /** /healthz answers 503 when the database's filesystem has less free space than this. */
  HEALTH_MIN_FREE_MB: z.coerce.number().min(0).default(64),
  /** Mark the session cookie Secure (production only). Turn off only for plain-http hosts other than localhost. */
  COOKIE_SECURE: boolish.default("true"),
  /** The floor under the admin's retention period, in months (US hiring records: EEOC one year, OFCCP two). */
  RETENTION_MIN_MONTHS: z.coerce
    .number()
    .int()
    .min(RETENTION_FLOOR_MONTHS, `must be at least ${RETENTION_FLOOR_MONTHS} (a year of hiring records)`)
    .max(RETENTION_MAX_MONTHS)
    .default(RETENTION_DEFAULT_MIN_MONTHS),
  /** The daily run (retention rule, audit-log pruning): the hour of day, server time, or off. */
  RETENTION_SCHEDULE: z.enum(["on", "off"]).default("on"),
  RETENTION_RUN_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  /** Audit entries are kept this many days, never fewer than a year. */
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(AUDIT_MIN_RETENTION_DAYS, `must be at least ${AUDIT_MIN_RETENTION_DAYS} (a year)`)
    .max(36_500)
    .default(AUDIT_DEFAULT_RETENTION_DAYS),
  /** The SMTP server mail goes through, e.g. smtps://user:pass@smtp.example.com. Unset: mail stays in the outbox. */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), "must start with smtp:// or smtps://")
    .optional(),
  /** The sender of every message, an address or "Name <address>". */
  MAIL_FROM: z
    .string()
    .regex(/^[^\r\n]*\S+@\S+[^\r\n]*$/, "must be an address or Name <address>")
    .default("AI Talent Scorecards <no-reply@localhost>"),
  /** Let webhook endpoints be plain http on this machine (localhost, 127.0.0.1, [::1]): for tests and development only. */
  WEBHOOKS_ALLOW_HTTP_LOCALHOST: boolish.default("false"),
});

export type Env = z.infer<typeof envSchema> & { sessionSecret: string };

let cached: Env | null = null;

export function parseEnv(source: NodeJS.ProcessEnv): z.infer<typeof envSchema> {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

function loadOrCreateSecret(file: string): string {
  const path = resolve(file);
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  console.log(`No SESSION_SECRET set: generated one into ${file} (git-ignored). Set SESSION_SECRET in production.`);
  return secret;
}

/** The origin links in mail point to: APP_ORIGIN, or this server on localhost when it is unset (the demo). */
export function mailLinkOrigin(env: Pick<Env, "APP_ORIGIN" | "PORT">): string {
  return env.APP_ORIGIN?.replace(/\/+$/, "") ?? `http://localhost:${env.PORT}`;
}

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  cached = { ...parsed, sessionSecret: parsed.SESSION_SECRET ?? loadOrCreateSecret(parsed.SESSION_SECRET_FILE) };
  return cached;
}
