// The door every loader and action walks through first: same-origin check for
// writes, then the route's rule from the policy table (app/domain/policy.ts).
import { redirect, type AppLoadContext, type LoaderFunctionArgs } from "@remix-run/node";
import { decide, routePolicies, scopesFor, type RouteId, type Rule } from "~/domain/policy";
import type { TeamRole } from "~/domain/reference";
import { getTeamRole } from "~/models/role.server";
import type { SessionUser } from "~/models/session.server";
import { getEnv } from "./env.server";
import { getCurrentSession } from "./session.server";

type Args = { request: Request; params: LoaderFunctionArgs["params"]; context: Partial<AppLoadContext> };

export function forbidden(message: string): Response {
  return new Response(message, { status: 403, statusText: "Forbidden", headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A write must come from our own pages: Origin must match, or Sec-Fetch-Site must say same-origin. */
export function isSameOrigin(request: Request): boolean {
  const expected = getEnv().APP_ORIGIN ?? new URL(request.url).origin;
  const origin = request.headers.get("Origin");
  if (origin !== null) return origin === expected;
  return request.headers.get("Sec-Fetch-Site") === "same-origin";
}

export type Access = {
  user: SessionUser | null;
  sessionId: string | null;
  /** The user's place on the hiring team of the role in the URL, when the rule names one. */
  teamRole: TeamRole | null;
};

function describe(rule: Rule): string {
  return rule.access === "permission" ? rule.need : rule.access;
}

export async function authorize(args: Args, routeId: RouteId, handler: "loader" | "action"): Promise<Access> {
  const { request, params, context } = args;
  const policy = routePolicies[routeId] as { loader?: Rule; action?: Rule };
  const rule = policy[handler];
  if (!rule) throw new Error(`No ${handler} policy for ${routeId} in app/domain/policy.ts`);

  const isWrite = !["GET", "HEAD"].includes(request.method.toUpperCase());
  if (isWrite && !isSameOrigin(request)) throw forbidden("Cross-origin request refused.");

  const current = await getCurrentSession(request, context);
  const user = current?.user ?? null;

  let teamRole: TeamRole | null = null;
  if (user && rule.access === "permission" && rule.roleParam) {
    const roleId = Number(params[rule.roleParam]);
    if (!Number.isInteger(roleId) || roleId <= 0) throw new Response("Not found", { status: 404 });
    teamRole = getTeamRole(roleId, user.id);
  }

  const decision = decide(rule, user ? { kind: user.kind, teamRole } : null);
  if (decision === "sign-in") {
    const url = new URL(request.url);
    const back = isWrite ? url.pathname : `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (decision === "deny") {
    const need = describe(rule);
    const held = user && rule.access === "permission" ? scopesFor(user.kind, rule.need) : [];
    throw forbidden(
      held.length
        ? `You need ${need} on this role's hiring team to do this.`
        : `Your account does not have the ${need} permission.`,
    );
  }
  return { user, sessionId: current?.sessionId ?? null, teamRole };
}

/** authorize() for rules that always need a signed-in user. */
export async function authorizeUser(args: Args, routeId: RouteId, handler: "loader" | "action") {
  const access = await authorize(args, routeId, handler);
  if (!access.user || !access.sessionId) throw new Error(`${routeId} ${handler} must not be public`);
  return access as Access & { user: SessionUser; sessionId: string };
}
