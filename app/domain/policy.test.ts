import { describe, expect, it } from "vitest";
import { expectedMatrix, personas, type Expectation, type Persona } from "../../tests/support/route-matrix";
import { decide, grants, holds, routePolicies, scopesFor, type Rule, type Subject } from "./policy";

const subjects: Record<Persona, Subject> = {
  anonymous: null,
  interviewerOnTeam: { kind: "interviewer", teamRole: "interviewer" },
  interviewerOffTeam: { kind: "interviewer", teamRole: null },
  managerOfRole: { kind: "hiring_manager", teamRole: "hiring_manager" },
  managerOfOther: { kind: "hiring_manager", teamRole: null },
  recruiter: { kind: "recruiter", teamRole: null },
  admin: { kind: "admin", teamRole: null },
};
const code = { allow: "A", "sign-in": "S", deny: "D", "key-required": "K" } as const;

describe("the route policy table", () => {
  it("covers exactly the routes of the expected matrix, handler by handler", () => {
    expect(Object.keys(routePolicies).sort()).toEqual(Object.keys(expectedMatrix).sort());
    for (const [routeId, policy] of Object.entries(routePolicies)) {
      expect(Object.keys(policy).sort(), routeId).toEqual(Object.keys(expectedMatrix[routeId]).sort());
    }
  });

  for (const [routeId, handlers] of Object.entries(expectedMatrix)) {
    for (const [handler, row] of Object.entries(handlers) as [string, Expectation[]][]) {
      it(`${routeId} ${handler} decides as written`, () => {
        const rule = (routePolicies as Record<string, Record<string, Rule>>)[routeId][handler];
        const actual = personas.map((p) => code[decide(rule, subjects[p])]);
        expect(actual).toEqual(row);
      });
    }
  }
});

describe("grants", () => {
  it("gives interviewers read access to their teams' roles, candidates and applications only", () => {
    expect([...grants.interviewer].sort()).toEqual([
      "create:scorecard:team",
      "grade:takehome:team",
      "read:application:team",
      "read:candidate:team",
      "read:interview:team",
      "read:role:team",
    ]);
    expect(holds("interviewer", "read:pay", "interviewer")).toBe(false);
    expect(holds("interviewer", "read:compliance", "interviewer")).toBe(false);
    expect(holds("interviewer", "update:role", "interviewer")).toBe(false);
  });

  it("lets a hiring manager edit only roles they manage", () => {
    expect(scopesFor("hiring_manager", "update:role")).toEqual(["managed"]);
    expect(holds("hiring_manager", "update:role", "hiring_manager")).toBe(true);
    expect(holds("hiring_manager", "update:role", "interviewer")).toBe(false);
    expect(holds("hiring_manager", "update:role", null)).toBe(false);
  });

  it("keeps user administration to admins", () => {
    for (const kind of ["recruiter", "hiring_manager", "interviewer"] as const) {
      expect(holds(kind, "read:user")).toBe(false);
      expect(holds(kind, "update:user")).toBe(false);
    }
    expect(holds("admin", "update:user")).toBe(true);
  });
});
