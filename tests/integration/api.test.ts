// The read-only API end to end against the real loaders and a real SQLite file: keys made on the admin page, read
// with, refused when revoked, unknown or out of scope, rate-limited, logged; pay only with the pay scope; paging that
// serves every row once; answers that match the OpenAPI description's schemas.
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { z } from "zod/v4";
import { routePolicies, type Rule } from "~/domain/policy";
import { apiOperations, openApiDocument } from "~/domain/api-openapi";
import * as resources from "~/domain/api-resources";
import { eraseCandidate } from "~/models/erasure.server";
import { computeRoleRollup } from "~/models/rollup.server";
import * as keysPage from "~/routes/admin.api-keys";
import * as openapi from "~/routes/api.v1.openapi[.json]";
import * as roleList from "~/routes/api.v1.roles._index";
import * as roleOne from "~/routes/api.v1.roles.$roleId";
import * as applicationList from "~/routes/api.v1.applications._index";
import * as applicationOne from "~/routes/api.v1.applications.$applicationId._index";
import * as scorecards from "~/routes/api.v1.applications.$applicationId.scorecards";
import * as checks from "~/routes/api.v1.applications.$applicationId.checks";
import * as checkList from "~/routes/api.v1.checks";
import { getDb, schema } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { cookieFor, get, invoke, latestAudit, ORIGIN, post, roleIdByTitle } from "../support/http";
import { matrixRoleTitle } from "../support/route-matrix";

const admin = "morgan@northwind.test";
type Handler = Parameters<typeof invoke>[0];

/** A key made the way an admin makes one: through the page's action. */
async function createKey(name: string, scopes: string[]): Promise<{ id: number; token: string }> {
  const outcome = await invoke(
    keysPage.action,
    post("/admin/api-keys", { intent: "create", name, scopes }, { cookie: await cookieFor(admin) }),
  );
  expect(outcome.status).toBe(200);
  const created = (outcome.data as { created: { id: number; token: string } }).created;
  return created;
}

function apiGet(path: string, token?: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}`, ...headers } : headers,
  });
}

async function call(handler: Handler, path: string, token?: string, params: Record<string, string> = {}) {
  return invoke(handler, apiGet(path, token), params);
}

const lastCall = () => getDb().select().from(schema.apiRequests).orderBy(schema.apiRequests.id).all().at(-1)!;

/** The answer parses with the described schema and nothing is dropped: no field the description does not name. */
function matches(described: z.ZodType, data: unknown) {
  expect(described.parse(data)).toEqual(data);
}

describe("API keys on the admin page", () => {
  it("creates a key shown once, stores only its secret's SHA-256, and audits it without the secret", async () => {
    const { id, token } = await createKey("HRIS sync", ["roles", "applications"]);
    expect(token).toMatch(/^ats_[0-9a-f]{12}_[0-9a-f]{64}$/);
    const row = getDb().select().from(schema.apiKeys).where(eq(schema.apiKeys.id, id)).get()!;
    const [, prefix, secret] = token.split("_");
    expect(row).toMatchObject({ name: "HRIS sync", prefix, scopes: ["roles", "applications"], revokedAt: null });
    expect(row.secretHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret);
    const [entry] = latestAudit();
    expect(entry).toMatchObject({ action: "api_key.create", subjectType: "api_key", subjectId: id });
    expect(entry.detail).toEqual({ scopes: "roles:applications" });
    expect(JSON.stringify(entry)).not.toContain(secret);
    // The list never carries the secret or its hash.
    const page = await invoke(keysPage.loader, get("/admin/api-keys", await cookieFor(admin)));
    expect(JSON.stringify(page.data)).not.toContain(secret);
    expect(JSON.stringify(page.data)).not.toContain(row.secretHash);
  });

  it("refuses a key without a name or a scope, or with pay alone, and writes nothing", async () => {
    const before = getDb().select().from(schema.apiKeys).all().length;
    const cookie = await cookieFor(admin);
    const forms: Record<string, string | string[]>[] = [
      { intent: "create", name: "", scopes: ["roles"] },
      { intent: "create", name: "No scopes" },
      { intent: "create", name: "Pay only", scopes: ["pay"] },
      { intent: "create", name: "Unknown", scopes: ["everything"] },
    ];
    for (const fields of forms) {
      const outcome = await invoke(keysPage.action, post("/admin/api-keys", fields, { cookie }));
      expect(outcome.status, JSON.stringify(fields)).toBe(400);
    }
    expect(getDb().select().from(schema.apiKeys).all().length).toBe(before);
  });
});

describe("reading with a key", () => {
  it("reads roles and applications, in the described shapes, and logs each call with its status", async () => {
    const { id, token } = await createKey("Reader", ["roles", "applications", "scorecards", "checks"]);
    const roles = await call(roleList.loader, "/api/v1/roles?limit=100", token);
    expect(roles.status).toBe(200);
    expect(roles.headers.get("Content-Type")).toContain("application/json");
    matches(resources.apiRoleList, roles.data);
    const roleCount = getDb().select().from(schema.roles).all().length;
    expect((roles.data as { data: unknown[] }).data).toHaveLength(roleCount);
    expect(lastCall()).toMatchObject({ keyId: id, method: "GET", path: "/api/v1/roles?limit=100", status: 200 });

    const apps = await call(applicationList.loader, "/api/v1/applications", token);
    expect(apps.status).toBe(200);
    matches(resources.apiApplicationList, apps.data);
    const first = (apps.data as { data: { id: number; role_id: number }[] }).data[0];
    const one = await call(applicationOne.loader, `/api/v1/applications/${first.id}`, token, {
      applicationId: String(first.id),
    });
    matches(resources.apiApplication, one.data);
    const role = await call(roleOne.loader, `/api/v1/roles/${first.role_id}`, token, { roleId: String(first.role_id) });
    matches(resources.apiRole, role.data);
    const summary = await call(scorecards.loader, `/api/v1/applications/${first.id}/scorecards`, token, {
      applicationId: String(first.id),
    });
    matches(resources.apiScorecardSummary, summary.data);
    const held = await call(checks.loader, `/api/v1/applications/${first.id}/checks`, token, {
      applicationId: String(first.id),
    });
    matches(resources.apiChecks, held.data);
    expect(getDb().select().from(schema.apiKeys).where(eq(schema.apiKeys.id, id)).get()!.lastUsedAt).not.toBeNull();

    const missing = await call(roleOne.loader, "/api/v1/roles/999999", token, { roleId: "999999" });
    expect(missing.status).toBe(404);
    matches(resources.apiError, missing.data);
    expect(lastCall()).toMatchObject({ keyId: id, status: 404 });
    const bad = await call(applicationList.loader, "/api/v1/applications?limit=1000", token);
    expect(bad.status).toBe(400);
    expect(lastCall()).toMatchObject({ keyId: id, status: 400 });
  });

  it("refuses a key without the resource's scope (403), and logs the refusal against the key", async () => {
    const { id, token } = await createKey("Roles only", ["roles"]);
    const refused = await call(applicationList.loader, "/api/v1/applications", token);
    expect(refused.status).toBe(403);
    expect(refused.data).toMatchObject({ error: "insufficient_scope" });
    expect(refused.headers.get("WWW-Authenticate")).toContain('scope="applications"');
    expect(lastCall()).toMatchObject({ keyId: id, status: 403 });
  });

  it("refuses no key, an unknown key, a malformed one and a session cookie alone (401 with WWW-Authenticate)", async () => {
    const cookie = await cookieFor(admin);
    const attempts = [
      apiGet("/api/v1/roles"),
      apiGet("/api/v1/roles", `ats_${"a".repeat(12)}_${"b".repeat(64)}`),
      apiGet("/api/v1/roles", "not-a-key"),
      apiGet("/api/v1/roles", undefined, { Cookie: cookie }),
    ];
    for (const request of attempts) {
      const outcome = await invoke(roleList.loader, request);
      expect(outcome.status).toBe(401);
      expect(outcome.headers.get("WWW-Authenticate")).toMatch(/^Bearer realm="api"/);
      matches(resources.apiError, outcome.data);
      expect(lastCall()).toMatchObject({ keyId: null, status: 401, path: "/api/v1/roles" });
    }
    // A real key's prefix with the wrong secret is refused too.
    const { token } = await createKey("Prefix", ["roles"]);
    const wrong = `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`;
    expect((await call(roleList.loader, "/api/v1/roles", wrong)).status).toBe(401);
  });

  it("refuses a revoked key at once, and audits the revoke", async () => {
    const { id, token } = await createKey("To revoke", ["roles"]);
    expect((await call(roleList.loader, "/api/v1/roles", token)).status).toBe(200);
    const revoked = await invoke(
      keysPage.action,
      post("/admin/api-keys", { intent: "revoke", keyId: String(id) }, { cookie: await cookieFor(admin) }),
    );
    expect(revoked.status).toBe(302);
    expect(latestAudit()[0]).toMatchObject({ action: "api_key.revoke", subjectType: "api_key", subjectId: id });
    const refused = await call(roleList.loader, "/api/v1/roles", token);
    expect(refused.status).toBe(401);
    expect(refused.data).toMatchObject({ message: "This API key was revoked." });
    expect(lastCall()).toMatchObject({ keyId: id, status: 401 });
    // The admin page shows the key's calls, refused ones included.
    const page = await invoke(keysPage.loader, get(`/admin/api-keys?calls=${id}`, await cookieFor(admin)));
    const rows = (page.data as { calls: { rows: { status: number }[] } }).calls.rows;
    expect(rows.map((r) => r.status)).toEqual([401, 200]);
  });

  it("refuses calls past the limit per minute with 429 and Retry-After, and logs them", async () => {
    const env = getEnv();
    const limit = env.API_REQUESTS_PER_MINUTE;
    env.API_REQUESTS_PER_MINUTE = 3;
    try {
      const { id, token } = await createKey("Busy", ["roles"]);
      const other = await createKey("Quiet", ["roles"]);
      for (let i = 0; i < 3; i++)
        expect((await call(roleList.loader, "/api/v1/roles?limit=1", token)).status).toBe(200);
      const refused = await call(roleList.loader, "/api/v1/roles?limit=1", token);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
      expect(lastCall()).toMatchObject({ keyId: id, status: 429 });
      // The limit is per key.
      expect((await call(roleList.loader, "/api/v1/roles?limit=1", other.token)).status).toBe(200);
      const statuses = getDb()
        .select({ status: schema.apiRequests.status })
        .from(schema.apiRequests)
        .where(eq(schema.apiRequests.keyId, id))
        .all()
        .map((r) => r.status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      env.API_REQUESTS_PER_MINUTE = limit;
    }
  });
});

describe("pay and privacy", () => {
  it("shows budgets, expected pay, offers and quotes only to a key with the pay scope", async () => {
    const roleId = roleIdByTitle(matrixRoleTitle);
    getDb()
      .update(schema.roles)
      .set({ budgetMin: 187_111, budgetMax: 197_222 })
      .where(eq(schema.roles.id, roleId))
      .run();
    const app = getDb()
      .select()
      .from(schema.applications)
      .where(and(eq(schema.applications.roleId, roleId)))
      .all()
      .find((a) => a.candidateId !== null)!;
    getDb()
      .update(schema.candidates)
      .set({ payKind: "annual", payAmount: 176_333 })
      .where(eq(schema.candidates.id, app.candidateId!))
      .run();
    const markers = ["187111", "197222", "176333"];
    const without = await createKey("No pay", ["roles", "applications"]);
    const withPay = await createKey("With pay", ["roles", "applications", "pay"]);
    const read = async (token: string) => [
      await call(roleOne.loader, `/api/v1/roles/${roleId}`, token, { roleId: String(roleId) }),
      await call(applicationOne.loader, `/api/v1/applications/${app.id}`, token, { applicationId: String(app.id) }),
      await call(applicationList.loader, `/api/v1/applications?role_id=${roleId}&limit=100`, token),
      await call(roleList.loader, "/api/v1/roles?limit=100", token),
    ];
    const hidden = await read(without.token);
    const text = JSON.stringify(hidden.map((o) => o.data));
    for (const m of markers) expect(text).not.toContain(m);
    expect(hidden[0].data).not.toHaveProperty("budget");
    expect(hidden[1].data).not.toHaveProperty("pay");
    const shown = await read(withPay.token);
    expect(shown[0].data).toMatchObject({ budget: { min: 187_111, max: 197_222 } });
    expect(shown[1].data).toMatchObject({ pay: { candidate_expected_pay: { kind: "annual", amount: 176_333 } } });
    for (const o of shown)
      matches(
        o === shown[0]
          ? resources.apiRole
          : o === shown[1]
            ? resources.apiApplication
            : o === shown[2]
              ? resources.apiApplicationList
              : resources.apiRoleList,
        o.data,
      );
  });

  it("never serves background-check findings, and an erased candidate has no name", async () => {
    const check = getDb()
      .select()
      .from(schema.complianceChecks)
      .where(inArray(schema.complianceChecks.type, ["background_check"]))
      .all()
      .find((c) => c.candidateId !== null)!;
    getDb()
      .update(schema.complianceChecks)
      .set({ detail: "FINDINGS-MARKER-9931", rationale: "RATIONALE-MARKER-9932", evidenceRef: "EVIDENCE-MARKER-9933" })
      .where(eq(schema.complianceChecks.id, check.id))
      .run();
    const app = getDb()
      .select()
      .from(schema.applications)
      .where(eq(schema.applications.candidateId, check.candidateId!))
      .get()!;
    const { token } = await createKey("Checks", ["checks", "applications", "pay"]);
    const held = await call(checks.loader, `/api/v1/applications/${app.id}/checks`, token, {
      applicationId: String(app.id),
    });
    expect(held.status).toBe(200);
    expect((held.data as { checks: { type: string }[] }).checks.map((c) => c.type)).toContain("background_check");
    expect(JSON.stringify(held.data)).not.toMatch(/MARKER-993/);

    // Someone with no open application, erased on request: the API keeps the record, without the name.
    const erasable = getDb()
      .select()
      .from(schema.applications)
      .where(inArray(schema.applications.stage, ["rejected", "withdrawn"]))
      .all()
      .find(
        (a) =>
          a.candidateId !== null &&
          eraseCandidate({ candidateId: a.candidateId, actorId: null, reason: "asked", now: new Date() }).ok,
      )!;
    const erased = await call(applicationOne.loader, `/api/v1/applications/${erasable.id}`, token, {
      applicationId: String(erasable.id),
    });
    expect(erased.data).toMatchObject({ candidate: { id: erasable.candidateId, name: null, erased: true } });
    expect((erased.data as { pay: { candidate_expected_pay: unknown } }).pay.candidate_expected_pay).toBeNull();
  });

  it("sums scorecards as the role's rollup does, with no words from the panel", async () => {
    const roleId = roleIdByTitle(matrixRoleTitle);
    const { token } = await createKey("Scores", ["scorecards"]);
    const rollup = computeRoleRollup(roleId, new Date())!;
    const scored = rollup.rows.filter((r) => r.scorecards > 0);
    expect(scored.length).toBeGreaterThan(0);
    for (const row of scored) {
      const outcome = await call(scorecards.loader, `/api/v1/applications/${row.id}/scorecards`, token, {
        applicationId: String(row.id),
      });
      const summary = outcome.data as z.infer<typeof resources.apiScorecardSummary>;
      expect(summary.submitted_scorecards).toBe(row.scorecards);
      expect(summary.weighted_total).toBeCloseTo(row.weightedTotal!, 9);
      expect(summary.recommendations).toMatchObject(row.tally);
    }
    const words = getDb().select({ t: schema.scorecards.keyTakeaways }).from(schema.scorecards).all();
    const outcome = await call(scorecards.loader, `/api/v1/applications/${scored[0].id}/scorecards`, token, {
      applicationId: String(scored[0].id),
    });
    for (const w of words) if (w.t && w.t.length > 12) expect(JSON.stringify(outcome.data)).not.toContain(w.t);
  });
});

describe("paging", () => {
  it("serves every application exactly once across pages, with filters kept in the next link", async () => {
    const { token } = await createKey("Pager", ["applications", "roles"]);
    const seen: number[] = [];
    let path: string | null = "/api/v1/applications?limit=7";
    let pages = 0;
    while (path) {
      const outcome = await call(applicationList.loader, path, token);
      expect(outcome.status).toBe(200);
      const body = outcome.data as { data: { id: number }[]; next: string | null };
      expect(body.data.length).toBeLessThanOrEqual(7);
      seen.push(...body.data.map((a) => a.id));
      path = body.next;
      pages += 1;
      expect(pages).toBeLessThan(1000);
    }
    const all = getDb()
      .select({ id: schema.applications.id })
      .from(schema.applications)
      .all()
      .map((a) => a.id);
    expect(seen).toEqual([...all].sort((a, b) => a - b));
    expect(pages).toBeGreaterThan(1);

    const roleId = roleIdByTitle(matrixRoleTitle);
    const filtered: number[] = [];
    let next: string | null = `/api/v1/applications?role_id=${roleId}&limit=2`;
    while (next) {
      const body = (await call(applicationList.loader, next, token)).data as {
        data: { id: number; role_id: number }[];
        next: string | null;
      };
      expect(body.data.every((a) => a.role_id === roleId)).toBe(true);
      filtered.push(...body.data.map((a) => a.id));
      next = body.next;
    }
    const onRole = getDb()
      .select({ id: schema.applications.id })
      .from(schema.applications)
      .where(eq(schema.applications.roleId, roleId))
      .all();
    expect(filtered).toEqual(onRole.map((a) => a.id).sort((a, b) => a - b));

    const roleIds: number[] = [];
    let rolesNext: string | null = "/api/v1/roles?limit=2";
    while (rolesNext) {
      const body = (await call(roleList.loader, rolesNext, token)).data as {
        data: { id: number }[];
        next: string | null;
      };
      roleIds.push(...body.data.map((r) => r.id));
      rolesNext = body.next;
    }
    expect(roleIds).toEqual(
      getDb()
        .select({ id: schema.roles.id })
        .from(schema.roles)
        .all()
        .map((r) => r.id)
        .sort((a, b) => a - b),
    );
  });

  it("filters applications by stage and by changes since a time", async () => {
    const { token } = await createKey("Filters", ["applications"]);
    const offers = (await call(applicationList.loader, "/api/v1/applications?stage=offer&limit=100", token)).data as {
      data: { stage: string }[];
    };
    expect(offers.data.length).toBeGreaterThan(0);
    expect(offers.data.every((a) => a.stage === "offer")).toBe(true);
    const future = (
      await call(applicationList.loader, "/api/v1/applications?updated_since=2999-01-01T00:00:00Z", token)
    ).data as { data: unknown[] };
    expect(future.data).toEqual([]);
    const bad = await call(applicationList.loader, "/api/v1/applications?updated_since=yesterday", token);
    expect(bad.status).toBe(400);
  });
});

describe("every check, company-wide", () => {
  it("serves each check once across pages, by type and status, in the described shape, never findings", async () => {
    const { token } = await createKey("HR system", ["checks"]);
    const one = getDb().select().from(schema.complianceChecks).orderBy(schema.complianceChecks.id).get()!;
    getDb()
      .update(schema.complianceChecks)
      .set({ detail: "FINDINGS-MARKER-7741", rationale: "RATIONALE-MARKER-7742" })
      .where(eq(schema.complianceChecks.id, one.id))
      .run();
    const walk = async (first: string) => {
      const seen: resources.ApiCheckRecord[] = [];
      for (let path: string | null = first; path;) {
        const outcome = await call(checkList.loader, path, token);
        expect(outcome.status).toBe(200);
        matches(resources.apiCheckList, outcome.data);
        const body = outcome.data as { data: resources.ApiCheckRecord[]; next: string | null };
        expect(JSON.stringify(body)).not.toMatch(/MARKER-774/);
        seen.push(...body.data);
        path = body.next;
      }
      return seen;
    };
    const all = getDb().select().from(schema.complianceChecks).orderBy(schema.complianceChecks.id).all();
    const everything = await walk("/api/v1/checks?limit=9");
    expect(everything.map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(everything[0]).toMatchObject({
      id: one.id,
      type: one.type,
      status: one.status,
      candidate_id: one.candidateId,
      agency_id: one.agencyId,
      application_id: one.applicationId,
    });

    const ndaRequested = await walk("/api/v1/checks?type=nda&status=requested&limit=3");
    const expected = all.filter((c) => c.type === "nda" && c.status === "requested").map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ndaRequested.map((c) => c.id)).toEqual(expected);
    expect(await walk("/api/v1/checks?updated_since=2999-01-01T00:00:00Z")).toEqual([]);

    expect((await call(checkList.loader, "/api/v1/checks?type=passport", token)).status).toBe(400);
    const { token: rolesOnly } = await createKey("Roles only", ["roles"]);
    expect((await call(checkList.loader, "/api/v1/checks", rolesOnly)).status).toBe(403);
  });
});

describe("the OpenAPI description", () => {
  it("is served, public, and describes every /api/v1 route with the schemas its answers were checked against", async () => {
    const outcome = await invoke(openapi.loader, get("/api/v1/openapi.json"));
    expect(outcome.status).toBe(200);
    const doc = outcome.data as ReturnType<typeof openApiDocument>;
    expect(doc.openapi).toBe("3.1.0");
    const apiRoutes = Object.entries(routePolicies as Record<string, { loader?: Rule }>)
      .filter(([, p]) => p.loader?.access === "api-key")
      .map(([id]) => id)
      .sort();
    expect(apiOperations.map((o) => o.routeId).sort()).toEqual(apiRoutes);
    for (const op of apiOperations) {
      const rule = (routePolicies as Record<string, { loader?: Rule }>)[op.routeId].loader;
      expect(rule, op.routeId).toEqual({ access: "api-key", scope: op.scope });
      expect(doc.paths[op.path].get.responses[200].content["application/json"].schema).toBeTruthy();
    }
    expect(Object.keys(doc.paths).sort()).toEqual(apiOperations.map((o) => o.path).sort());
  });
});
