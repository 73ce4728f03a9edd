// Walks every route module in app/routes for every kind of user and checks the
// real loader and action answer as the hand-written matrix says: no
// unauthorized success, no wrong denial, no route missing from the table, and
// no write from any refused request.
import { describe, expect, it } from "vitest";
import { routePolicies } from "~/domain/policy";
import { expectedMatrix, personaEmails, personas, type Expectation, type Persona } from "../support/route-matrix";
import { cookieFor, get, invoke, post, totalChanges, type Outcome } from "../support/http";
import { routes, sample } from "../support/routes";

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
