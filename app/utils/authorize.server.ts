// The door every loader and action walks through first: same-origin check for
// writes, then the route's rule from the policy table (app/domain/policy.ts).
import { redirect, type AppLoadContext, type LoaderFunctionArgs } from "@remix-run/node";
import { decide, routePolicies, scopeParams, scopesFor, type RouteId, type Rule } from "~/domain/policy";
import type { TeamRole } from "~/domain/reference";
import { isMaskedRecord } from "~/models/masking.server";
import { getTeamRoleVia } from "~/models/team.server";
import type { SessionUser } from "~/models/session.server";
import { getEnv } from "./env.server";
import { isSameOriginWrite } from "./origin";
import { getCurrentSession, type CurrentSession } from "./session.server";

type Args = { request: Request; params: LoaderFunctionArgs["params"]; context: Partial<AppLoadContext> };

export function forbidden(message: string): Response {
  return new Response(message, {
    status: 403,
    statusText: "Forbidden",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** A write must come from our own pages: Origin must match, or Sec-Fetch-Site must say same-origin. */
export function isSameOrigin(request: Request): boolean {
  const expected = getEnv().APP_ORIGIN ?? new URL(request.url).origin;
  return isSameOriginWrite(
    { origin: request.headers.get("Origin"), secFetchSite: request.headers.get("Sec-Fetch-Site") },
    expected,
  );
}

export type Access = {
  user: SessionUser | null;
  sessionId: string | null;
  /** The user's place on the hiring team of the role in the URL, when the rule names one. */
  teamRole: TeamRole | null;
};

const verbs: Record<string, string> = {
  read: "view",
  create: "add",
  update: "change",
  import: "import",
  grade: "grade",
  accept: "mark accepted",
  erase: "erase",
  export: "export",
};
const nouns: Record<string, string> = {
  role: "roles",
  user: "user accounts",
  candidate: "candidates",
  agency: "agencies",
  application: "applications",
  compliance: "compliance checks",
  pay: "pay details",
  interview: "interviews",
  scorecard: "scorecards",
  takehome: "take-homes",
  calibration: "calibration",
  offer: "offers",
  audit: "the audit log",
  apikey: "API keys",
};

/** "change roles", from "update:role". */
function describe(rule: Rule): string {
  if (rule.access !== "permission") return "do this";
  const [action, entity] = rule.need.split(":");
  return `${verbs[action]} ${nouns[entity]}`;
}

/**
 * One session lookup per page load: a GET's root and route loaders share the
 * request's load context. Writes always look again (an action may end the session).
 */
const sessionsByContext = new WeakMap<object, { cookie: string | null; session: Promise<CurrentSession | null> }>();
function sessionOnce(request: Request, context: Partial<AppLoadContext>): Promise<CurrentSession | null> {
  if (!["GET", "HEAD"].includes(request.method.toUpperCase())) return getCurrentSession(request, context);
  const cookie = request.headers.get("Cookie");
  const known = sessionsByContext.get(context);
  if (known && known.cookie === cookie) return known.session;
  const session = getCurrentSession(request, context);
  sessionsByContext.set(context, { cookie, session });
  return session;
}

export async function authorize(args: Args, routeId: RouteId, handler: "loader" | "action"): Promise<Access> {
  const { request, params, context } = args;
  const policy = routePolicies[routeId] as { loader?: Rule; action?: Rule };
  const rule = policy[handler];
  if (!rule) throw new Error(`No ${handler} policy for ${routeId} in app/domain/policy.ts`);

  const isWrite = !["GET", "HEAD"].includes(request.method.toUpperCase());
  if (isWrite && !isSameOrigin(request)) throw forbidden("Cross-origin request refused.");

  const current = await sessionOnce(request, context);
  const user = current?.user ?? null;

  let teamRole: TeamRole | null = null;
  if (user && rule.access === "permission" && rule.via) {
    const id = Number(params[scopeParams[rule.via]]);
    if (!Number.isInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
    teamRole = getTeamRoleVia(rule.via, id, user.id);
    if (isMaskedRecord(rule.via, id, user.id)) {
      // Worded like any other refusal, so the refusal itself does not point at the candidate being graded.
      throw forbidden("You cannot open this record right now. If you think you should, ask the role's hiring manager.");
    }
  }

  const decision = decide(rule, user ? { kind: user.kind, teamRole } : null);
  // API routes take a key, not a session (app/utils/api-auth.server.ts); no page reaches this.
  if (decision === "key-required") throw new Response("An API key is required.", { status: 401 });
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
        ? `Only this role's hiring team can ${need} here, and you are not on it (or not as a hiring manager).`
        : `Your account cannot ${need}. Ask an admin if you need this permission.`,
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
