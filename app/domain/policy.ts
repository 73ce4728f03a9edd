// Who may do what. Two tables: the permissions each user kind holds, and the
// rule every route's loader and action must pass. The server door
// (app/utils/authorize.server.ts) evaluates these; a test walks every route
// for every kind of user against them.
import type { TeamRole, UserKind } from "./reference";

export type Action = "create" | "read" | "update";
export type Entity = "role" | "user";
/**
 * any: every record. team: records whose hiring team the user is on.
 * managed: records where the user is a hiring manager on the team.
 */
export type Scope = "any" | "team" | "managed";
export type Permission = `${Action}:${Entity}:${Scope}`;
export type PermissionNeed = `${Action}:${Entity}`;

export const grants: Record<UserKind, readonly Permission[]> = {
  admin: ["create:role:any", "read:role:any", "update:role:any", "create:user:any", "read:user:any", "update:user:any"],
  recruiter: ["create:role:any", "read:role:any", "update:role:any"],
  hiring_manager: ["create:role:any", "read:role:team", "update:role:managed"],
  interviewer: ["read:role:team"],
};

export type Rule =
  | { access: "public" }
  | { access: "signed-in" }
  /** roleParam: the route param naming the role whose hiring team decides team/managed scopes. */
  | { access: "permission"; need: PermissionNeed; roleParam?: string };

export type RoutePolicy = { loader?: Rule; action?: Rule };

const publicAccess: Rule = { access: "public" };
const signedIn: Rule = { access: "signed-in" };
const can = (need: PermissionNeed, roleParam?: string): Rule => ({ access: "permission", need, roleParam });

/** Every route module in app/routes, by Remix route id. A route missing here cannot serve anything. */
export const routePolicies = {
  root: { loader: publicAccess },
  "routes/_index": { loader: signedIn },
  "routes/login": { loader: publicAccess, action: publicAccess },
  "routes/logout": { loader: publicAccess, action: signedIn },
  "routes/healthz": { loader: publicAccess },
  "routes/account": { loader: signedIn, action: signedIn },
  "routes/roles._index": { loader: can("read:role") },
  "routes/roles.new": { loader: can("create:role"), action: can("create:role") },
  "routes/roles.$roleId._index": { loader: can("read:role", "roleId") },
  "routes/roles.$roleId.edit": { loader: can("update:role", "roleId"), action: can("update:role", "roleId") },
  "routes/admin.users._index": { loader: can("read:user"), action: can("create:user") },
  "routes/admin.users.$userId": { loader: can("read:user"), action: can("update:user") },
} satisfies Record<string, RoutePolicy>;

export type RouteId = keyof typeof routePolicies;

export type Subject = { kind: UserKind; teamRole: TeamRole | null } | null;
export type Decision = "allow" | "sign-in" | "deny";

/** Scopes of `need` that a user kind holds, e.g. read:role -> ["team"]. */
export function scopesFor(kind: UserKind, need: PermissionNeed): Scope[] {
  return grants[kind]
    .filter((p) => p.startsWith(`${need}:`))
    .map((p) => p.slice(need.length + 1) as Scope);
}

/**
 * Decide a rule for a subject. `teamRole` is the subject's place on the hiring
 * team of the role named by the route (null when not on it or no role involved).
 */
export function decide(rule: Rule, subject: Subject): Decision {
  if (rule.access === "public") return "allow";
  if (!subject) return "sign-in";
  if (rule.access === "signed-in") return "allow";
  const scopes = scopesFor(subject.kind, rule.need);
  if (scopes.length === 0) return "deny";
  if (scopes.includes("any")) return "allow";
  // Without a role in the URL (lists, create) the query itself does the scoping.
  if (!rule.roleParam) return "allow";
  if (scopes.includes("team") && subject.teamRole !== null) return "allow";
  if (scopes.includes("managed") && subject.teamRole === "hiring_manager") return "allow";
  return "deny";
}

export function holds(kind: UserKind, need: PermissionNeed, teamRole: TeamRole | null = null): boolean {
  return decide({ access: "permission", need, roleParam: "x" }, { kind, teamRole }) === "allow";
}
