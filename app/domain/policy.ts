// Who may do what. Two tables: the permissions each user kind holds, and the
// rule every route's loader and action must pass. The server door
// (app/utils/authorize.server.ts) evaluates these; a test walks every route
// for every kind of user against them.
import type { ApiScope } from "./api";
import type { TeamRole, UserKind } from "./reference";

export type Action = "create" | "read" | "update" | "import" | "grade" | "accept" | "erase" | "export";
/** pay: salaries, rates, quotes and background-check findings, never shown to interviewers. */
export type Entity =
  | "role"
  | "user"
  | "candidate"
  | "agency"
  | "application"
  | "compliance"
  | "pay"
  | "interview"
  | "scorecard"
  | "takehome"
  | "calibration"
  | "decision"
  | "offer"
  | "audit"
  | "hold"
  | "retention"
  | "mail"
  | "apikey"
  | "webhook";
/** offer: an offer's terms are pay; approving one needs a place on the role's chain (app/domain/offer.ts) besides read:offer. */
/**
 * any: every record. team: records whose hiring team the user is on.
 * managed: records where the user is a hiring manager on the team.
 */
export type Scope = "any" | "team" | "managed";
export type Permission = `${Action}:${Entity}:${Scope}`;
export type PermissionNeed = `${Action}:${Entity}`;

const hrPermissions: Permission[] = [
  "create:role:any",
  "read:role:any",
  "update:role:any",
  "create:candidate:any",
  "read:candidate:any",
  "update:candidate:any",
  "import:candidate:any",
  // The right to be forgotten: HR and admins erase a candidate's identifying data.
  "erase:candidate:any",
  // Subject access: everything held about one candidate, as one file.
  "export:candidate:any",
  // Legal holds keep a candidate's data past erasure and retention until their end date.
  "read:hold:any",
  "update:hold:any",
  "create:agency:any",
  "read:agency:any",
  "update:agency:any",
  "create:application:any",
  "read:application:any",
  "update:application:any",
  "read:compliance:any",
  "update:compliance:any",
  "read:pay:any",
  "create:interview:any",
  "read:interview:any",
  "update:takehome:any",
  "read:calibration:any",
  "read:decision:any",
  "read:offer:any",
  "update:offer:any",
  "accept:offer:any",
];

/** Filling a scorecard and grading a take-home belong to the panel and the assigned graders, whoever they are. */
const panelPermissions: Permission[] = ["create:scorecard:team", "grade:takehome:team"];

export const grants: Record<UserKind, readonly Permission[]> = {
  /**
   * Decisions belong to the role's hiring managers (whatever their account
   * kind); admins may record one on any role. Recruiters read every list but
   * decide only where they are the hiring manager.
   */
  admin: [
    ...hrPermissions,
    ...panelPermissions,
    "create:user:any",
    "read:user:any",
    "update:user:any",
    "create:decision:any",
    // The audit log names who did what: admins only.
    "read:audit:any",
    // The retention rule and its run erase people: admins only.
    "read:retention:any",
    "update:retention:any",
    // Outgoing mail names candidates and people: admins only.
    "read:mail:any",
    // API keys read the whole company's hiring data: admins only create, list and revoke them.
    "read:apikey:any",
    "update:apikey:any",
    // Webhook endpoints and their signing secrets: admins only.
    "read:webhook:any",
    "create:webhook:any",
    "update:webhook:any",
  ],
  recruiter: [...hrPermissions, ...panelPermissions, "create:decision:managed"],
  hiring_manager: [
    "create:role:any",
    "read:role:team",
    "update:role:managed",
    "create:candidate:any",
    "read:candidate:team",
    "update:candidate:managed",
    "read:agency:any",
    "create:application:managed",
    "read:application:team",
    "update:application:managed",
    "read:compliance:managed",
    "read:pay:managed",
    "create:interview:managed",
    "read:interview:team",
    "update:takehome:managed",
    "read:calibration:managed",
    "read:decision:managed",
    "create:decision:managed",
    "read:offer:managed",
    "update:offer:managed",
    ...panelPermissions,
  ],
  interviewer: [
    "read:role:team",
    "read:candidate:team",
    "read:application:team",
    "read:interview:team",
    ...panelPermissions,
  ],
};

export type Rule =
  | { access: "public" }
  | { access: "signed-in" }
  /**
   * via: the record in the URL whose hiring team decides team/managed scopes:
   * a role (params.roleId), an application (params.applicationId, its role) or
   * a candidate (params.candidateId, the roles they applied to).
   */
  | { access: "permission"; need: PermissionNeed; via?: ScopeVia }
  /**
   * The read-only API (/api/v1): only an API key holding `scope` passes, checked by app/utils/api-auth.server.ts
   * (decideApiKey). A session, whoever's, never does.
   */
  | { access: "api-key"; scope: ApiScope };

/** panel / grader: the user's team role counts only if they sit on that interview's panel / grade that take-home. */
export type ScopeVia = "role" | "application" | "candidate" | "interview" | "takehome" | "panel" | "grader";
export const scopeParams: Record<ScopeVia, string> = {
  role: "roleId",
  application: "applicationId",
  candidate: "candidateId",
  interview: "interviewId",
  takehome: "takeHomeId",
  panel: "interviewId",
  grader: "takeHomeId",
};

export type RoutePolicy = { loader?: Rule; action?: Rule };

const publicAccess: Rule = { access: "public" };
const signedIn: Rule = { access: "signed-in" };
const can = (need: PermissionNeed, via?: ScopeVia): Rule => ({ access: "permission", need, via });
const apiKey = (scope: ApiScope): Rule => ({ access: "api-key", scope });

/** Every route module in app/routes, by Remix route id. A route missing here cannot serve anything. */
export const routePolicies = {
  root: { loader: publicAccess },
  "routes/_index": { loader: signedIn },
  "routes/login": { loader: publicAccess, action: publicAccess },
  "routes/logout": { loader: publicAccess, action: signedIn },
  // Single sign-on: the start (a redirect to the identity provider) and its answer back.
  "routes/auth.sso": { loader: publicAccess },
  "routes/auth.sso.callback": { loader: publicAccess },
  "routes/healthz": { loader: publicAccess },
  "routes/account": { loader: signedIn, action: signedIn },
  // The digest's unsubscribe link works without signing in: a signed token in the link names the user.
  "routes/unsubscribe": { loader: publicAccess, action: publicAccess },
  "routes/roles._index": { loader: can("read:role") },
  "routes/roles.new": { loader: can("create:role"), action: can("create:role") },
  "routes/roles.$roleId._index": { loader: can("read:role", "role") },
  "routes/roles.$roleId.edit": { loader: can("update:role", "role"), action: can("update:role", "role") },
  "routes/admin.users._index": { loader: can("read:user"), action: can("create:user") },
  "routes/admin.users.$userId": { loader: can("read:user"), action: can("update:user") },
  "routes/admin.audit._index": { loader: can("read:audit") },
  "routes/admin.audit[.csv]": { loader: can("read:audit") },
  "routes/admin.retention": { loader: can("read:retention"), action: can("update:retention") },
  "routes/admin.mail": { loader: can("read:mail") },
  "routes/admin.webhooks._index": { loader: can("read:webhook"), action: can("create:webhook") },
  "routes/admin.webhooks.$endpointId": { loader: can("read:webhook"), action: can("update:webhook") },
  "routes/candidates._index": { loader: can("read:candidate") },
  "routes/candidates.new": { loader: can("create:candidate"), action: can("create:candidate") },
  "routes/candidates.import": { loader: can("import:candidate"), action: can("import:candidate") },
  // The import's template (GET) and a file's rejected rows (POST).
  "routes/candidates.import[.csv]": { loader: can("import:candidate"), action: can("import:candidate") },
  "routes/candidates.$candidateId._index": { loader: can("read:candidate", "candidate") },
  "routes/candidates.$candidateId.erase": {
    loader: can("erase:candidate", "candidate"),
    action: can("erase:candidate", "candidate"),
  },
  "routes/candidates.$candidateId.export": { loader: can("export:candidate", "candidate") },
  "routes/candidates.$candidateId.holds": {
    loader: can("read:hold", "candidate"),
    action: can("update:hold", "candidate"),
  },
  "routes/candidates.$candidateId.export[.json]": { loader: can("export:candidate", "candidate") },
  "routes/candidates.$candidateId.edit": {
    loader: can("update:candidate", "candidate"),
    action: can("update:candidate", "candidate"),
  },
  "routes/agencies._index": { loader: can("read:agency") },
  "routes/agencies.new": { loader: can("create:agency"), action: can("create:agency") },
  "routes/agencies.$agencyId._index": { loader: can("read:agency") },
  "routes/agencies.$agencyId.edit": { loader: can("update:agency"), action: can("update:agency") },
  "routes/roles.$roleId.applications.new": {
    loader: can("create:application", "role"),
    action: can("create:application", "role"),
  },
  "routes/applications.$applicationId._index": {
    loader: can("read:application", "application"),
    action: can("update:application", "application"),
  },
  // The panel's words: who reads them past the door is the blind rule's call (app/models/debrief.server.ts).
  "routes/applications.$applicationId.debrief": { loader: can("read:application", "application") },
  "routes/applications.$applicationId.checks": {
    loader: can("update:compliance", "application"),
    action: can("update:compliance", "application"),
  },
  "routes/compliance._index": { loader: can("read:compliance") },
  // What the board shows, as CSV: the same rule and the same scoping in the query.
  "routes/compliance[.csv]": { loader: can("read:compliance") },
  "routes/roles.$roleId.template": { loader: can("update:role", "role"), action: can("update:role", "role") },
  "routes/applications.$applicationId.interviews.new": {
    loader: can("create:interview", "application"),
    action: can("create:interview", "application"),
  },
  // Rescheduling and cancelling belong to those who may schedule interviews on the application.
  "routes/interviews.$interviewId._index": {
    loader: can("read:interview", "interview"),
    action: can("create:interview", "interview"),
  },
  "routes/interviews.$interviewId.scorecard": {
    loader: can("create:scorecard", "panel"),
    action: can("create:scorecard", "panel"),
  },
  "routes/interviews.$interviewId.scorecard.autosave": { action: can("create:scorecard", "panel") },
  "routes/applications.$applicationId.take-homes.new": {
    loader: can("update:takehome", "application"),
    action: can("update:takehome", "application"),
  },
  "routes/take-homes.$takeHomeId._index": {
    loader: can("update:takehome", "takehome"),
    action: can("update:takehome", "takehome"),
  },
  "routes/take-homes.$takeHomeId.grade": {
    loader: can("grade:takehome", "grader"),
    action: can("grade:takehome", "grader"),
  },
  "routes/take-homes.$takeHomeId.grade.autosave": { action: can("grade:takehome", "grader") },
  "routes/roles.$roleId.rollup": { loader: can("read:role", "role") },
  "routes/roles.$roleId.compare": { loader: can("read:role", "role") },
  "routes/roles.$roleId.compare[.csv]": { loader: can("read:role", "role") },
  "routes/roles.$roleId.costs": { loader: can("update:role", "role"), action: can("update:role", "role") },
  "routes/calibration": { loader: can("read:calibration") },
  "routes/interviews._index": { loader: signedIn },
  "routes/decisions._index": { loader: can("read:decision") },
  "routes/applications.$applicationId.decision": {
    loader: can("create:decision", "application"),
    action: can("create:decision", "application"),
  },
  "routes/applications.$applicationId.offer": {
    loader: can("read:offer", "application"),
    action: can("update:offer", "application"),
  },
  "routes/approvals": { loader: can("read:offer"), action: can("read:offer") },
  "routes/roles.$roleId.approvals": { loader: can("update:role", "role"), action: can("update:role", "role") },
  "routes/admin.api-keys": { loader: can("read:apikey"), action: can("update:apikey") },
  // The read-only API: a key with the scope, never a session. Its description holds no data: public.
  "routes/api.v1.openapi[.json]": { loader: publicAccess },
  "routes/api.v1.roles._index": { loader: apiKey("roles") },
  "routes/api.v1.roles.$roleId": { loader: apiKey("roles") },
  "routes/api.v1.applications._index": { loader: apiKey("applications") },
  "routes/api.v1.applications.$applicationId._index": { loader: apiKey("applications") },
  "routes/api.v1.applications.$applicationId.scorecards": { loader: apiKey("scorecards") },
  "routes/api.v1.applications.$applicationId.checks": { loader: apiKey("checks") },
  "routes/api.v1.checks": { loader: apiKey("checks") },
} satisfies Record<string, RoutePolicy>;

export type RouteId = keyof typeof routePolicies;

export type Subject = { kind: UserKind; teamRole: TeamRole | null } | null;
/** key-required: an API route, which no session opens (401 with WWW-Authenticate: Bearer). */
export type Decision = "allow" | "sign-in" | "deny" | "key-required";

/** Scopes of `need` that a user kind holds, e.g. read:role -> ["team"]. */
export function scopesFor(kind: UserKind, need: PermissionNeed): Scope[] {
  return grants[kind].filter((p) => p.startsWith(`${need}:`)).map((p) => p.slice(need.length + 1) as Scope);
}

/**
 * Decide a rule for a subject. `teamRole` is the subject's place on the hiring
 * team of the role named by the route (null when not on it or no role involved).
 */
export function decide(rule: Rule, subject: Subject): Decision {
  if (rule.access === "api-key") return "key-required";
  if (rule.access === "public") return "allow";
  if (!subject) return "sign-in";
  if (rule.access === "signed-in") return "allow";
  const scopes = scopesFor(subject.kind, rule.need);
  if (scopes.length === 0) return "deny";
  if (scopes.includes("any")) return "allow";
  // Without a record in the URL (lists, create) the query itself does the scoping.
  if (!rule.via) return "allow";
  if (scopes.includes("team") && subject.teamRole !== null) return "allow";
  if (scopes.includes("managed") && subject.teamRole === "hiring_manager") return "allow";
  return "deny";
}

/** Whether a kind holds a permission at any scope (for navigation: the page itself scopes what it shows). */
export function holdsAny(kind: UserKind, need: PermissionNeed): boolean {
  return scopesFor(kind, need).length > 0;
}

export function holds(kind: UserKind, need: PermissionNeed, teamRole: TeamRole | null = null): boolean {
  return decide({ access: "permission", need, via: "role" }, { kind, teamRole }) === "allow";
}

/** An API key as the door sees it: its scopes, and whether it was revoked. Null: no key, or not one of ours. */
export type KeySubject = { scopes: readonly ApiScope[]; revoked: boolean } | null;
/** unauthorized: 401 (no key, unknown, revoked, or a route keys do not open); forbidden: 403 (scope missing). */
export type ApiDecision = "allow" | "unauthorized" | "forbidden";

/** Decide an API route's rule for the key a call presented. Keys open API rules only; public ones need none. */
export function decideApiKey(rule: Rule, key: KeySubject): ApiDecision {
  if (rule.access === "public") return "allow";
  if (rule.access !== "api-key" || !key || key.revoked) return "unauthorized";
  return key.scopes.includes(rule.scope) ? "allow" : "forbidden";
}
