// Configuration, parsed once from environment variables with zod. Fails fast
// with a message naming each bad variable. A first run with no .env works: the
// session secret is generated into .data/session-secret (git-ignored).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { API_DEFAULT_REQUESTS_PER_MINUTE } from "~/domain/api";
import { AUDIT_DEFAULT_RETENTION_DAYS, AUDIT_MIN_RETENTION_DAYS } from "~/domain/audit";
import { userKinds } from "~/domain/reference";
import { parseGroupKinds } from "~/domain/sso";
import { RETENTION_DEFAULT_MIN_MONTHS, RETENTION_FLOOR_MONTHS, RETENTION_MAX_MONTHS } from "~/domain/retention";

const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

/** Single sign-on through an OpenID Connect provider (docs/decisions/095-single-sign-on.md). */
const oidcFields = {
  /** The provider's issuer URL (discovery at <issuer>/.well-known/openid-configuration). Unset: no single sign-on. */
  OIDC_ISSUER: z
    .string()
    .url()
    .refine((u) => {
      const url = new URL(u);
      return url.protocol === "https:" || (url.protocol === "http:" && loopbackHosts.includes(url.hostname));
    }, "must be an https:// URL (http:// only for localhost)")
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button: "Sign in with <name>". */
  OIDC_NAME: z.string().min(1).max(40).default("single sign-on"),
  OIDC_SCOPES: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, "must include openid")
    .default("openid email profile"),
  /** The claim carrying the person's groups (an array of names). */
  OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  /** group=kind pairs, comma-separated: e.g. talent-admins=admin,hr=recruiter. */
  OIDC_GROUP_KINDS: z
    .string()
    .default("")
    .superRefine((text, ctx) => {
      const parsed = parseGroupKinds(text);
      if (!parsed.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.problem });
    })
    .transform((text) => {
      const parsed = parseGroupKinds(text);
      return parsed.ok ? parsed.rules : [];
    }),
  /** Create an account at the first sign-in of someone unknown (off: only people an admin added may sign in). */
  OIDC_JIT: boolish.default("false"),
  /** The kind a just-in-time account gets when none of the person's groups is mapped; unset refuses them. */
  OIDC_JIT_KIND: z
    .enum(userKinds)
    .refine((k) => k !== "admin", "cannot be admin (map an admin group instead)")
    .optional(),
  /** Passwords off for everyone but the break-glass admin. */
  OIDC_ONLY: boolish.default("false"),
  /** The one account that may still sign in with a password in OIDC_ONLY mode. */
  OIDC_BREAK_GLASS_EMAIL: z.string().trim().toLowerCase().email().optional(),
};

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
  /** Calls per minute each API key may make (/api/v1), counted across server processes; past it, 429. */
  API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(API_DEFAULT_REQUESTS_PER_MINUTE),
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
  ...oidcFields,
});

/** Single sign-on's variables go together: all three of issuer, client id and secret, or none. */
const checkedEnvSchema = envSchema.superRefine((env, ctx) => {
  const trio = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (trio.some(Boolean) && !trio.every(Boolean))
    for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const)
      if (!env[key])
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [key],
          message: "must be set with the other OIDC_ variables",
        });
  if (env.OIDC_ONLY && !env.OIDC_ISSUER)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["OIDC_ONLY"], message: "needs OIDC_ISSUER" });
  if (env.OIDC_ONLY && !env.OIDC_BREAK_GLASS_EMAIL)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["OIDC_BREAK_GLASS_EMAIL"],
      message: "must name the admin who may still use a password when OIDC_ONLY is on",
    });
});

export type Env = z.infer<typeof envSchema> & { sessionSecret: string };

let cached: Env | null = null;

export function parseEnv(source: NodeJS.ProcessEnv): z.infer<typeof envSchema> {
  const result = checkedEnvSchema.safeParse(source);
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

/** Read the environment again at the next getEnv(): for tests that change a variable. */
export function reloadEnv(): void {
  cached = null;
}
