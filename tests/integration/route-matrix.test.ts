// Walks every route module in app/routes for every kind of user and checks the
// real loader and action answer as the hand-written matrix says: no
// unauthorized success, no wrong denial, no route missing from the table, and
// no write from any refused request.
import { describe, expect, it } from "vitest";
import { apiScopes } from "~/domain/api";
import { routePolicies, type Rule } from "~/domain/policy";
import { createApiKey, revokeApiKey } from "~/models/api-key.server";
import { expectedMatrix, personaEmails, personas, type Expectation, type Persona } from "../support/route-matrix";
import { cookieFor, get, invoke, post, totalChanges, userIdByEmail, type Outcome } from "../support/http";
import { routes, sample } from "../support/routes";
import { getDb } from "~/utils/db.server";

const auditEntries = () => (getDb().$client.prepare("select count(*) as n from audit_events").get() as { n: number }).n;
const apiCallsLogged = () =>
  (getDb().$client.prepare("select count(*) as n from api_requests").get() as { n: number }).n;

function classify(outcome: Outcome): Expectation {
  if (outcome.status === 401) return "K";
  if (outcome.status === 403) return "D";
  if (outcome.location?.startsWith("/login?redirectTo=")) return "S";
  return "A";
}

/**
 * What an allowed request may answer: a page or data (200), a redirect that is not
 * to sign in, or, for an action sent an empty form, a refusal of the form itself
 * (400, or 409 for a form that must name the version it was opened at). Anything
 * else (a 404 for the sample, a 500) is a failure, not "allowed and fine".
 */
const allowedStatuses = { loader: [200, 302], action: [200, 302, 400, 409] } as const;

/** The answer's body as text, objects included (String({}) would read "[object Object]" and hide everything). */
function bodyText(data: unknown): string {
  return typeof data === "string" ? data : JSON.stringify(data ?? null);
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
          const auditBefore = auditEntries();
          const apiBefore = apiCallsLogged();
          // Actions get an empty same-origin form: allowed users reach validation (400), nothing is saved.
          const request = handler === "loader" ? get(path, cookie) : post(path, {}, { cookie });
          const outcome = await invoke(fn, request, params);
          actual[persona] = classify(outcome);
          expected[persona] = row[i];
          if (actual[persona] === "A") {
            expect(
              allowedStatuses[handler] as readonly number[],
              `${routeId} ${handler} as ${persona}: ${outcome.status}`,
            ).toContain(outcome.status);
          }
          // No GET writes anything but audit entries (an export, a view of pay); refused or invalid actions write
          // nothing either (sign-out deletes its session).
          // Every call to the API is logged, refused ones too; nothing else is.
          const apiLogged = apiCallsLogged() - apiBefore;
          expect(apiLogged, `${routeId} ${handler} as ${persona}: calls logged`).toBe(path.startsWith("/api/") ? 1 : 0);
          if (routeId !== "routes/logout" || handler === "loader") {
            expect(totalChanges() - before, `${routeId} ${handler} as ${persona} wrote to the database`).toBe(
              auditEntries() - auditBefore + apiLogged,
            );
            if (actual[persona] !== "A") expect(auditEntries(), "a refusal writes no audit entry").toBe(auditBefore);
          }
          if (outcome.status === 403) expect(bodyText(outcome.data)).toMatch(/permission|hiring team|right now/);
          // Refusals never name the permission tables' entries (read:role, update:application...).
          if (actual[persona] !== "A") {
            expect(bodyText(outcome.data)).not.toMatch(
              /\b(create|read|update|import|grade|accept|erase|export):[a-z]+\b/,
            );
          }
        }
        expect(actual).toEqual(expected);
      });
    }
  }
});

/** Bearer headers for keys an admin made: one per scope, one with every scope but one, and a revoked one. */
function keyHeaders(scopes: (typeof apiScopes)[number][], revoked = false): Record<string, string> {
  const admin = userIdByEmail(personaEmails.admin);
  const { id, token } = createApiKey({ name: `matrix ${scopes.join(" ")}`, scopes, actorId: admin });
  if (revoked) revokeApiKey({ id, actorId: admin });
  return { Authorization: `Bearer ${token}` };
}

describe("API routes x keys against the real handlers", () => {
  const apiRoutes = Object.entries(routePolicies as Record<string, { loader?: Rule }>).filter(
    ([, p]) => p.loader?.access === "api-key",
  );

  it("has API routes, each taking one resource scope", () => {
    expect(apiRoutes.length).toBeGreaterThanOrEqual(6);
  });

  for (const [routeId, policy] of apiRoutes) {
    it(`${routeId}: a key with the scope reads, without it 403, revoked or none 401; no session cookie helps`, async () => {
      const rule = policy.loader as Extract<Rule, { access: "api-key" }>;
      const { path, params } = sample(routeId);
      const fn = routes[routeId].loader!;
      const call = async (headers: Record<string, string>) => {
        const before = totalChanges();
        const logged = apiCallsLogged();
        const outcome = await invoke(fn, new Request(`http://localhost:3000${path}`, { headers }), params);
        expect(apiCallsLogged() - logged, `${routeId}: the call is logged`).toBe(1);
        // The log row, and the key's last use when a key was recognised: nothing else is written.
        expect(totalChanges() - before).toBeLessThanOrEqual(2);
        return outcome.status;
      };
      const others = apiScopes.filter((s) => s !== rule.scope);
      const admin = await cookieFor(personaEmails.admin);
      expect(await call(keyHeaders([rule.scope]))).toBe(200);
      expect(await call(keyHeaders(others))).toBe(403);
      expect(await call(keyHeaders([rule.scope], true))).toBe(401);
      expect(await call({})).toBe(401);
      expect(await call({ Cookie: admin })).toBe(401);
      expect(await call({ Authorization: "Bearer ats_000000000000_" + "0".repeat(64) })).toBe(401);
    });
  }
});
