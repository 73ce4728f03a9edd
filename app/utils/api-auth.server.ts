// The API's door: every /api/v1 loader is `serveApi(args, routeId, handler)`. It reads the Bearer key (never a
// session cookie), decides the route's rule from the policy table (decideApiKey), applies the per-key rate limit,
// runs the handler, and logs the call with its final status, refused calls included.
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { bearerToken, rateLimitDecision } from "~/domain/api";
import { decideApiKey, routePolicies, type RouteId, type Rule } from "~/domain/policy";
import { findPresentedKey, listRecentCallTimes, logApiCall, type PresentedKey } from "~/models/api-key.server";
import { getEnv } from "./env.server";

type Args = { request: Request; params: LoaderFunctionArgs["params"]; context: Partial<AppLoadContext> };

/** What a handler gets: the key (null on the public description), the URL, and whether pay may be shown. */
export type ApiAccess = { key: PresentedKey | null; url: URL; withPay: boolean; params: Args["params"] };

const jsonHeaders = { "Content-Type": "application/json; charset=utf-8" };

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...jsonHeaders, ...headers } });
}

export function apiError(status: number, error: string, message: string, headers: Record<string, string> = {}) {
  return apiJson({ error, message }, status, headers);
}

export const apiNotFound = (what: string) => apiError(404, "not_found", `No ${what} with this id.`);

/** The longest path (with its query) kept in the log. */
const LOGGED_PATH_MAX = 500;

function refusal(rule: Rule, token: string | null, key: PresentedKey | null): Response {
  if (!key || key.revoked || rule.access !== "api-key") {
    const message = !token
      ? "Send an API key as 'Authorization: Bearer <key>'. An admin creates keys under Admin, API keys."
      : key?.revoked
        ? "This API key was revoked."
        : "This API key is not valid.";
    return apiError(401, "unauthorized", message, {
      "WWW-Authenticate": token ? 'Bearer realm="api", error="invalid_token"' : 'Bearer realm="api"',
    });
  }
  return apiError(403, "insufficient_scope", `This API key lacks the "${rule.scope}" scope.`, {
    "WWW-Authenticate": `Bearer realm="api", error="insufficient_scope", scope="${rule.scope}"`,
  });
}

async function answer(
  args: Args,
  rule: Rule,
  handler: (access: ApiAccess) => Response | Promise<Response>,
  now: number,
  seen: { keyId: number | null },
): Promise<{ response: Response; keyId: number | null }> {
  const token = bearerToken(args.request.headers.get("Authorization"));
  const key = token ? findPresentedKey(token) : null;
  const keyId = key?.id ?? null;
  seen.keyId = keyId;
  const decision = decideApiKey(rule, key);
  if (decision !== "allow") return { response: refusal(rule, token, key), keyId };
  if (key) {
    const limit = getEnv().API_REQUESTS_PER_MINUTE;
    const rate = rateLimitDecision(listRecentCallTimes(key.id, now), limit, now);
    if (!rate.ok)
      return {
        response: apiError(429, "rate_limited", `At most ${limit} calls a minute per key. Try again shortly.`, {
          "Retry-After": String(rate.retryAfterSeconds),
        }),
        keyId,
      };
  }
  const url = new URL(args.request.url);
  try {
    return {
      response: await handler({ key, url, withPay: key?.scopes.includes("pay") ?? false, params: args.params }),
      keyId,
    };
  } catch (thrown) {
    if (thrown instanceof Response) return { response: thrown, keyId };
    throw thrown;
  }
}

export async function serveApi(
  args: Args,
  routeId: RouteId,
  handler: (access: ApiAccess) => Response | Promise<Response>,
): Promise<Response> {
  const rule = (routePolicies[routeId] as { loader?: Rule }).loader;
  if (!rule || (rule.access !== "api-key" && rule.access !== "public"))
    throw new Error(`${routeId} has no API rule in app/domain/policy.ts`);
  const now = Date.now();
  const url = new URL(args.request.url);
  const log = (status: number, keyId: number | null) =>
    logApiCall({
      keyId,
      method: args.request.method.toUpperCase(),
      path: `${url.pathname}${url.search}`.slice(0, LOGGED_PATH_MAX),
      status,
      clientIp: args.context.clientIp ?? null,
      at: new Date(now),
    });
  let outcome: { response: Response; keyId: number | null };
  // The key, once recognised, so a call that fails on our side is still logged against it.
  const seen = { keyId: null as number | null };
  try {
    outcome = await answer(args, rule, handler, now, seen);
  } catch (error) {
    log(500, seen.keyId);
    throw error;
  }
  log(outcome.response.status, outcome.keyId);
  return outcome.response;
}
