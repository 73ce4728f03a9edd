// Walks every route module in app/routes for every kind of user and checks the
// real loader and action answer as the hand-written matrix says: no
// unauthorized success, no wrong denial, no route missing from the table, and
// no write from any refused request.
import { and, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "~/utils/db.server";
import { routePolicies } from "~/domain/policy";
import * as root from "~/root";
import { expectedMatrix, matrixRoleTitle, personaEmails, personas, type Expectation, type Persona } from "../support/route-matrix";
import { cookieFor, get, invoke, post, roleIdByTitle, totalChanges, userIdByEmail, type Outcome } from "../support/http";

type Handler = Parameters<typeof invoke>[0];
type RouteModule = { loader?: Handler; action?: Handler };

const modules = import.meta.glob<RouteModule>("/app/routes/*.{ts,tsx}", { eager: true });
const routes: Record<string, RouteModule> = { root: root as RouteModule };
for (const [file, mod] of Object.entries(modules)) {
  routes[`routes/${file.replace("/app/routes/", "").replace(/\.tsx?$/, "")}`] = mod;
}

/** Where each route is reached, with real ids from the seeded demo. */
function sample(routeId: string): { path: string; params: Record<string, string> } {
  const roleId = String(roleIdByTitle(matrixRoleTitle));
  const userId = String(userIdByEmail("sam@northwind.test"));
  const application = getDb()
    .select({ id: schema.applications.id, candidateId: schema.applications.candidateId })
    .from(schema.applications)
    .where(and(eq(schema.applications.roleId, Number(roleId)), isNotNull(schema.applications.candidateId)))
    .get()!;
  const applicationId = String(application.id);
  const candidateId = String(application.candidateId);
  const agencyId = String(getDb().select({ id: schema.agencies.id }).from(schema.agencies).get()!.id);
  const samples: Record<string, { path: string; params: Record<string, string> }> = {
    root: { path: "/", params: {} },
    "routes/_index": { path: "/", params: {} },
    "routes/login": { path: "/login", params: {} },
    "routes/logout": { path: "/logout", params: {} },
    "routes/healthz": { path: "/healthz", params: {} },
    "routes/account": { path: "/account", params: {} },
    "routes/roles._index": { path: "/roles", params: {} },
    "routes/roles.new": { path: "/roles/new", params: {} },
    "routes/roles.$roleId._index": { path: `/roles/${roleId}`, params: { roleId } },
    "routes/roles.$roleId.edit": { path: `/roles/${roleId}/edit`, params: { roleId } },
    "routes/admin.users._index": { path: "/admin/users", params: {} },
    "routes/admin.users.$userId": { path: `/admin/users/${userId}`, params: { userId } },
    "routes/candidates._index": { path: "/candidates", params: {} },
    "routes/candidates.new": { path: "/candidates/new", params: {} },
    "routes/candidates.import": { path: "/candidates/import", params: {} },
    "routes/candidates.$candidateId._index": { path: `/candidates/${candidateId}`, params: { candidateId } },
    "routes/candidates.$candidateId.edit": { path: `/candidates/${candidateId}/edit`, params: { candidateId } },
    "routes/agencies._index": { path: "/agencies", params: {} },
    "routes/agencies.new": { path: "/agencies/new", params: {} },
    "routes/agencies.$agencyId._index": { path: `/agencies/${agencyId}`, params: { agencyId } },
    "routes/agencies.$agencyId.edit": { path: `/agencies/${agencyId}/edit`, params: { agencyId } },
    "routes/roles.$roleId.applications.new": { path: `/roles/${roleId}/applications/new`, params: { roleId } },
    "routes/applications.$applicationId._index": { path: `/applications/${applicationId}`, params: { applicationId } },
    "routes/applications.$applicationId.checks": { path: `/applications/${applicationId}/checks`, params: { applicationId } },
    "routes/compliance._index": { path: "/compliance", params: {} },
  };
  const found = samples[routeId];
  if (!found) throw new Error(`Add a sample URL for ${routeId} to tests/integration/route-matrix.test.ts`);
  return found;
}

function classify(outcome: Outcome): Expectation {
  if (outcome.status === 403) return "D";
  if (outcome.location?.startsWith("/login?redirectTo=")) return "S";
  return "A";
}

async function cookieForPersona(persona: Persona): Promise<string | undefined> {
  return persona === "anonymous" ? undefined : cookieFor(personaEmails[persona]);
}

describe("every route module is in the policy table and the matrix", () => {
  it("has no route file missing from the table, and no table entry without a file", () => {
    expect(Object.keys(routes).sort()).toEqual(Object.keys(routePolicies).sort());
    expect(Object.keys(routes).sort()).toEqual(Object.keys(expectedMatrix).sort());
  });

  it("exports exactly the handlers the table declares", () => {
    for (const [routeId, mod] of Object.entries(routes)) {
      const exported = (["loader", "action"] as const).filter((h) => typeof mod[h] === "function");
      const declared = (["loader", "action"] as const).filter((h) => h in expectedMatrix[routeId]);
      expect(exported, routeId).toEqual(declared);
    }
  });
});

describe("route x user-kind matrix against the real handlers", () => {
  for (const [routeId, handlers] of Object.entries(expectedMatrix)) {
    for (const [handler, row] of Object.entries(handlers) as ["loader" | "action", Expectation[]][]) {
      it(`${routeId} ${handler}`, async () => {
        const { path, params } = sample(routeId);
        const fn = routes[routeId][handler];
        if (!fn) throw new Error(`${routeId} has no ${handler}`);
        const actual: Record<string, Expectation> = {};
        const expected: Record<string, Expectation> = {};
        for (const [i, persona] of personas.entries()) {
          const cookie = await cookieForPersona(persona);
          const before = totalChanges();
          // Actions get an empty same-origin form: allowed users reach validation (400), nothing is saved.
          const request = handler === "loader" ? get(path, cookie) : post(path, {}, { cookie });
          const outcome = await invoke(fn, request, params);
          actual[persona] = classify(outcome);
          expected[persona] = row[i];
          // No GET writes anything; refused or invalid actions write nothing either (sign-out deletes its session).
          if (routeId !== "routes/logout" || handler === "loader") {
            expect(totalChanges(), `${routeId} ${handler} as ${persona} wrote to the database`).toBe(before);
          }
          if (outcome.status === 403) expect(String(outcome.data)).toMatch(/permission|hiring team/);
          expect(String(outcome.data)).not.toMatch(/[a-z]+:[a-z]+/);
        }
        expect(actual).toEqual(expected);
      });
    }
  }
});
