// Every route module, and a real URL for each (ids from the seeded demo).
import { and, eq, isNotNull } from "drizzle-orm";
import * as root from "~/root";
import { getDb, schema } from "~/utils/db.server";
import { unsubscribeToken } from "~/utils/unsubscribe.server";
import { invoke, roleIdByTitle, userIdByEmail } from "./http";
import { matrixRoleTitle } from "./route-matrix";

type Handler = Parameters<typeof invoke>[0];
export type RouteModule = { loader?: Handler; action?: Handler };

// Every route module in app/routes, by Remix route id.
const modules = import.meta.glob<RouteModule>("/app/routes/*.{ts,tsx}", { eager: true });
export const routes: Record<string, RouteModule> = { root: root as RouteModule };
for (const [file, mod] of Object.entries(modules)) {
  routes[`routes/${file.replace("/app/routes/", "").replace(/\.tsx?$/, "")}`] = mod;
}

/** A webhook endpoint to open (the demo has none): made once, directly, so it queues and logs nothing. */
function endpointId(): string {
  const found = getDb().select({ id: schema.webhookEndpoints.id }).from(schema.webhookEndpoints).get();
  if (found) return String(found.id);
  const values = { url: "https://hooks.example.com/matrix", secret: "whsec_bWF0cml4", events: [] };
  return String(getDb().insert(schema.webhookEndpoints).values(values).returning().get().id);
}

/** Where each route is reached, with real ids from the seeded demo. */
export function sample(routeId: string): { path: string; params: Record<string, string> } {
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
  const sam = userIdByEmail("sam@northwind.test");
  const dana = userIdByEmail("dana@northwind.test");
  const panels = getDb().select().from(schema.interviewPanel).all();
  // An interview on the matrix role whose panel is exactly the on-team interviewer and the hiring manager.
  const interviewId = String(
    getDb()
      .select({ id: schema.interviews.id, roleId: schema.applications.roleId })
      .from(schema.interviews)
      .innerJoin(schema.applications, eq(schema.applications.id, schema.interviews.applicationId))
      .all()
      .find(
        (i) =>
          i.roleId === Number(roleId) &&
          [sam, dana].every((u) => panels.some((p) => p.interviewId === i.id && p.userId === u)),
      )!.id,
  );
  const graders = getDb().select().from(schema.takeHomeGraders).all();
  const takeHomeApplicationId = String(
    getDb()
      .select({ id: schema.applications.id })
      .from(schema.applications)
      .where(eq(schema.applications.roleId, Number(roleId)))
      .all()
      .find((a) => String(a.id) !== applicationId)!.id,
  );
  const takeHomeId = String(
    getDb()
      .select({ id: schema.takeHomes.id, roleId: schema.applications.roleId })
      .from(schema.takeHomes)
      .innerJoin(schema.applications, eq(schema.applications.id, schema.takeHomes.applicationId))
      .all()
      .find(
        (t) =>
          t.roleId === Number(roleId) &&
          [sam, dana].every((u) => graders.some((g) => g.takeHomeId === t.id && g.userId === u)),
      )!.id,
  );
  const samples: Record<string, { path: string; params: Record<string, string> }> = {
    root: { path: "/", params: {} },
    "routes/_index": { path: "/", params: {} },
    "routes/login": { path: "/login", params: {} },
    "routes/logout": { path: "/logout", params: {} },
    "routes/auth.sso": { path: "/auth/sso", params: {} },
    "routes/auth.sso.callback": { path: "/auth/sso/callback?code=x&state=y", params: {} },
    "routes/healthz": { path: "/healthz", params: {} },
    "routes/account": { path: "/account", params: {} },
    "routes/unsubscribe": { path: `/unsubscribe?token=${unsubscribeToken(sam)}`, params: {} },
    "routes/roles._index": { path: "/roles", params: {} },
    "routes/roles.new": { path: "/roles/new", params: {} },
    "routes/roles.$roleId._index": { path: `/roles/${roleId}`, params: { roleId } },
    "routes/roles.$roleId.edit": { path: `/roles/${roleId}/edit`, params: { roleId } },
    "routes/admin.users._index": { path: "/admin/users", params: {} },
    "routes/admin.users.$userId": { path: `/admin/users/${userId}`, params: { userId } },
    "routes/admin.audit._index": { path: "/admin/audit", params: {} },
    "routes/admin.audit[.csv]": { path: "/admin/audit.csv", params: {} },
    "routes/admin.retention": { path: "/admin/retention", params: {} },
    "routes/admin.mail": { path: "/admin/mail", params: {} },
    "routes/admin.webhooks._index": { path: "/admin/webhooks", params: {} },
    "routes/admin.webhooks.$endpointId": {
      path: `/admin/webhooks/${endpointId()}`,
      params: { endpointId: endpointId() },
    },
    "routes/candidates._index": { path: "/candidates", params: {} },
    "routes/candidates.new": { path: "/candidates/new", params: {} },
    "routes/candidates.import": { path: "/candidates/import", params: {} },
    "routes/candidates.import[.csv]": { path: "/candidates/import.csv", params: {} },
    "routes/candidates.$candidateId._index": { path: `/candidates/${candidateId}`, params: { candidateId } },
    "routes/candidates.$candidateId.erase": { path: `/candidates/${candidateId}/erase`, params: { candidateId } },
    "routes/candidates.$candidateId.holds": { path: `/candidates/${candidateId}/holds`, params: { candidateId } },
    "routes/candidates.$candidateId.export": { path: `/candidates/${candidateId}/export`, params: { candidateId } },
    "routes/candidates.$candidateId.export[.json]": {
      path: `/candidates/${candidateId}/export.json`,
      params: { candidateId },
    },
    "routes/candidates.$candidateId.edit": { path: `/candidates/${candidateId}/edit`, params: { candidateId } },
    "routes/agencies._index": { path: "/agencies", params: {} },
    "routes/agencies.new": { path: "/agencies/new", params: {} },
    "routes/agencies.$agencyId._index": { path: `/agencies/${agencyId}`, params: { agencyId } },
    "routes/agencies.$agencyId.edit": { path: `/agencies/${agencyId}/edit`, params: { agencyId } },
    "routes/roles.$roleId.applications.new": { path: `/roles/${roleId}/applications/new`, params: { roleId } },
    "routes/applications.$applicationId._index": { path: `/applications/${applicationId}`, params: { applicationId } },
    "routes/applications.$applicationId.debrief": {
      path: `/applications/${applicationId}/debrief`,
      params: { applicationId },
    },
    "routes/applications.$applicationId.checks": {
      path: `/applications/${applicationId}/checks`,
      params: { applicationId },
    },
    "routes/compliance._index": { path: "/compliance", params: {} },
    "routes/compliance[.csv]": { path: "/compliance.csv?check=nda&check=ip_assignment", params: {} },
    "routes/roles.$roleId.template": { path: `/roles/${roleId}/template`, params: { roleId } },
    "routes/applications.$applicationId.interviews.new": {
      path: `/applications/${applicationId}/interviews/new`,
      params: { applicationId },
    },
    "routes/interviews.$interviewId._index": { path: `/interviews/${interviewId}`, params: { interviewId } },
    "routes/interviews.$interviewId.scorecard": {
      path: `/interviews/${interviewId}/scorecard`,
      params: { interviewId },
    },
    "routes/interviews.$interviewId.scorecard.autosave": {
      path: `/interviews/${interviewId}/scorecard/autosave`,
      params: { interviewId },
    },
    "routes/applications.$applicationId.take-homes.new": {
      path: `/applications/${applicationId}/take-homes/new`,
      params: { applicationId },
    },
    "routes/take-homes.$takeHomeId._index": { path: `/take-homes/${takeHomeId}`, params: { takeHomeId } },
    "routes/take-homes.$takeHomeId.grade": { path: `/take-homes/${takeHomeId}/grade`, params: { takeHomeId } },
    "routes/take-homes.$takeHomeId.grade.autosave": {
      path: `/take-homes/${takeHomeId}/grade/autosave`,
      params: { takeHomeId },
    },
    "routes/roles.$roleId.rollup": { path: `/roles/${roleId}/rollup`, params: { roleId } },
    "routes/roles.$roleId.compare": {
      path: `/roles/${roleId}/compare?ids=${applicationId}&ids=${takeHomeApplicationId}`,
      params: { roleId },
    },
    "routes/roles.$roleId.compare[.csv]": {
      path: `/roles/${roleId}/compare.csv?ids=${applicationId}&ids=${takeHomeApplicationId}`,
      params: { roleId },
    },
    "routes/roles.$roleId.costs": { path: `/roles/${roleId}/costs`, params: { roleId } },
    "routes/calibration": { path: "/calibration", params: {} },
    "routes/interviews._index": { path: "/interviews", params: {} },
    "routes/decisions._index": { path: "/decisions", params: {} },
    "routes/applications.$applicationId.decision": {
      path: `/applications/${applicationId}/decision`,
      params: { applicationId },
    },
    "routes/applications.$applicationId.offer": {
      path: `/applications/${applicationId}/offer`,
      params: { applicationId },
    },
    "routes/approvals": { path: "/approvals", params: {} },
    "routes/roles.$roleId.approvals": { path: `/roles/${roleId}/approvals`, params: { roleId } },
    "routes/admin.api-keys": { path: "/admin/api-keys", params: {} },
    "routes/api.v1.openapi[.json]": { path: "/api/v1/openapi.json", params: {} },
    "routes/api.v1.roles._index": { path: "/api/v1/roles", params: {} },
    "routes/api.v1.roles.$roleId": { path: `/api/v1/roles/${roleId}`, params: { roleId } },
    "routes/api.v1.applications._index": { path: "/api/v1/applications", params: {} },
    "routes/api.v1.applications.$applicationId._index": {
      path: `/api/v1/applications/${applicationId}`,
      params: { applicationId },
    },
    "routes/api.v1.applications.$applicationId.scorecards": {
      path: `/api/v1/applications/${applicationId}/scorecards`,
      params: { applicationId },
    },
    "routes/api.v1.applications.$applicationId.checks": {
      path: `/api/v1/applications/${applicationId}/checks`,
      params: { applicationId },
    },
    "routes/api.v1.checks": { path: "/api/v1/checks", params: {} },
  };
  const found = samples[routeId];
  if (!found) throw new Error(`Add a sample URL for ${routeId} to tests/integration/route-matrix.test.ts`);
  return found;
}
