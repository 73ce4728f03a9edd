// What the read-only API serves, shaped as its resources (app/domain/api-resources.ts). An API key is the company's
// integration, not a person: it reads every role and application its scopes open (decision 099). Pay only when
// `withPay`; background-check findings, documents, notes and the panel's words never.
import { and, asc, desc, eq, gt, gte, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { ApiApplication, ApiCheck, ApiCheckRecord, ApiRole, ApiScorecardSummary } from "~/domain/api-resources";
import type { CheckStatus, CheckType } from "~/domain/compliance";
import type { Stage } from "~/domain/pipeline";
import type { RoleStatus } from "~/domain/reference";
import { getDb, schema } from "~/utils/db.server";
import { summarizeSubmitted } from "./feedback.server";
import { listScorecardsForApplication } from "./scorecard.server";
import { getCurrentTemplate } from "./template.server";

const { roles, applications, candidates, agencies, decisions, offers, complianceChecks } = schema;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

const roleColumns = {
  id: roles.id,
  title: roles.title,
  team: roles.team,
  location: roles.location,
  headcount: roles.headcount,
  status: roles.status,
  engagementModels: roles.engagementModels,
  targetStart: roles.targetStart,
  closedAt: roles.closedAt,
  createdAt: roles.createdAt,
  updatedAt: roles.updatedAt,
  budgetKind: roles.budgetKind,
  budgetMin: roles.budgetMin,
  budgetMax: roles.budgetMax,
  currency: roles.currency,
};
type RoleRow = Pick<typeof roles.$inferSelect, keyof typeof roleColumns>;

function toApiRole(r: RoleRow, withPay: boolean): ApiRole {
  const role: ApiRole = {
    id: r.id,
    title: r.title,
    team: r.team,
    location: r.location,
    headcount: r.headcount,
    status: r.status,
    engagement_models: r.engagementModels,
    target_start: r.targetStart,
    closed_at: isoOrNull(r.closedAt),
    created_at: iso(r.createdAt),
    updated_at: iso(r.updatedAt),
  };
  if (withPay) role.budget = { kind: r.budgetKind, min: r.budgetMin, max: r.budgetMax, currency: r.currency };
  return role;
}

/** Roles after `afterId`, in id order, `limit` of them (the caller asks one more to know a next page exists). */
export function listApiRoles(input: { afterId: number; limit: number; status: RoleStatus | null; withPay: boolean }) {
  const where = [gt(roles.id, input.afterId)];
  if (input.status) where.push(eq(roles.status, input.status));
  return getDb()
    .select(roleColumns)
    .from(roles)
    .where(and(...where))
    .orderBy(asc(roles.id))
    .limit(input.limit)
    .all()
    .map((r) => toApiRole(r, input.withPay));
}

export function getApiRole(id: number, withPay: boolean): ApiRole | null {
  const row = getDb().select(roleColumns).from(roles).where(eq(roles.id, id)).get();
  return row ? toApiRole(row, withPay) : null;
}

export type ApplicationFilter = { roleId: number | null; stage: Stage | null; updatedSince: Date | null };

function applicationRows(where: SQL | undefined, limit: number) {
  return getDb()
    .select({
      id: applications.id,
      roleId: applications.roleId,
      roleTitle: roles.title,
      candidateId: applications.candidateId,
      candidateName: candidates.name,
      erasedAt: candidates.erasedAt,
      payKind: candidates.payKind,
      payAmount: candidates.payAmount,
      payCurrency: candidates.payCurrency,
      agencyId: applications.agencyId,
      agencyName: agencies.name,
      stage: applications.stage,
      stageChangedAt: applications.stageChangedAt,
      quoteAmount: applications.quoteAmount,
      quoteCurrency: applications.quoteCurrency,
      roleCurrency: roles.currency,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(roles, eq(roles.id, applications.roleId))
    .leftJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(where)
    .orderBy(asc(applications.id))
    .limit(limit)
    .all();
}

/** The latest decision per application, and the offer in play, for a page of applications. */
function decisionsAndOffers(ids: number[]) {
  if (ids.length === 0) return { latest: new Map(), offerOf: new Map() };
  const db = getDb();
  const latest = new Map<number, { outcome: (typeof decisions.$inferSelect)["outcome"]; stage: string; at: Date }>();
  for (const d of db
    .select({
      applicationId: decisions.applicationId,
      outcome: decisions.outcome,
      stage: decisions.stage,
      at: decisions.decidedAt,
    })
    .from(decisions)
    .where(inArray(decisions.applicationId, ids))
    .orderBy(asc(decisions.decidedAt), asc(decisions.id))
    .all())
    latest.set(d.applicationId, d);
  const offerOf = new Map(
    db
      .select()
      .from(offers)
      .where(and(inArray(offers.applicationId, ids), ne(offers.status, "withdrawn")))
      .all()
      .map((o) => [o.applicationId, o]),
  );
  return { latest, offerOf };
}

function toApiApplications(rows: ReturnType<typeof applicationRows>, withPay: boolean): ApiApplication[] {
  const { latest, offerOf } = decisionsAndOffers(rows.map((r) => r.id));
  return rows.map((r) => {
    const decision = latest.get(r.id);
    const app: ApiApplication = {
      id: r.id,
      role_id: r.roleId,
      role_title: r.roleTitle,
      candidate:
        r.candidateId === null
          ? null
          : { id: r.candidateId, name: r.erasedAt ? null : (r.candidateName ?? null), erased: r.erasedAt !== null },
      agency: r.candidateId === null && r.agencyId !== null ? { id: r.agencyId, name: r.agencyName ?? "" } : null,
      stage: r.stage,
      stage_changed_at: iso(r.stageChangedAt),
      decision: decision ? { outcome: decision.outcome, stage: decision.stage, decided_at: iso(decision.at) } : null,
      created_at: iso(r.createdAt),
      updated_at: iso(r.updatedAt),
    };
    if (withPay) {
      const offer = offerOf.get(r.id);
      app.pay = {
        candidate_expected_pay:
          r.payKind && r.payAmount !== null && !r.erasedAt
            ? { kind: r.payKind, amount: r.payAmount, currency: r.payCurrency ?? "USD" }
            : null,
        offer: offer
          ? {
              kind: offer.payKind,
              amount: offer.amount,
              currency: offer.currency,
              status: offer.status,
              start_date: offer.startDate,
            }
          : null,
        quote: r.quoteAmount !== null ? { amount: r.quoteAmount, currency: r.quoteCurrency ?? r.roleCurrency } : null,
      };
    }
    return app;
  });
}

/** Applications after `afterId` in id order, filtered by role, stage, and changed (or decided) since a time. */
export function listApiApplications(input: {
  afterId: number;
  limit: number;
  filter: ApplicationFilter;
  withPay: boolean;
}): ApiApplication[] {
  const where: (SQL | undefined)[] = [gt(applications.id, input.afterId)];
  const { roleId, stage, updatedSince } = input.filter;
  if (roleId !== null) where.push(eq(applications.roleId, roleId));
  if (stage !== null) where.push(eq(applications.stage, stage));
  if (updatedSince !== null)
    where.push(
      or(
        gte(applications.updatedAt, updatedSince),
        sql`exists (select 1 from ${decisions} where ${decisions.applicationId} = ${applications.id} and ${decisions.decidedAt} >= ${updatedSince.getTime()})`,
      ),
    );
  return toApiApplications(applicationRows(and(...where), input.limit), input.withPay);
}

export function getApiApplication(id: number, withPay: boolean): ApiApplication | null {
  const rows = applicationRows(eq(applications.id, id), 1);
  return rows.length ? toApiApplications(rows, withPay)[0] : null;
}

function applicationRole(id: number) {
  return getDb()
    .select({
      id: applications.id,
      roleId: applications.roleId,
      candidateId: applications.candidateId,
      agencyId: applications.agencyId,
    })
    .from(applications)
    .where(eq(applications.id, id))
    .get();
}

/**
 * An application's submitted scorecards summed up the way its page, the comparison and the rollup do
 * (summarizeSubmitted against the role's current template): counts, recommendations, area averages and the
 * weighted total. Never the panel's words or who wrote what.
 */
export function getApiScorecardSummary(id: number): ApiScorecardSummary | null {
  const app = applicationRole(id);
  if (!app) return null;
  const submitted = listScorecardsForApplication(id).filter((c) => c.status === "submitted");
  const summary = summarizeSubmitted(submitted, getCurrentTemplate(app.roleId).areas);
  return {
    application_id: id,
    submitted_scorecards: summary.scorecards,
    recommendations: summary.tally,
    weighted_total: summary.weightedTotal,
    areas: summary.areas.map((a) => ({ key: a.key, name: a.name, weight: a.weight, average: a.average })),
    template_versions: summary.versions,
  };
}

const checkColumns = {
  id: complianceChecks.id,
  type: complianceChecks.type,
  candidateId: complianceChecks.candidateId,
  agencyId: complianceChecks.agencyId,
  applicationId: complianceChecks.applicationId,
  status: complianceChecks.status,
  requestedAt: complianceChecks.requestedAt,
  expiresAt: complianceChecks.expiresAt,
  verifiedAt: complianceChecks.verifiedAt,
  updatedAt: complianceChecks.updatedAt,
};
type CheckRow = Pick<typeof complianceChecks.$inferSelect, keyof typeof checkColumns>;

/** A check as the API shows it: whose it is, its status and dates; never findings, notes or documents. */
function toApiCheck(c: CheckRow): Omit<ApiCheck, "required"> {
  return {
    id: c.id,
    type: c.type,
    level: c.applicationId !== null ? "application" : c.candidateId !== null ? "candidate" : "agency",
    status: c.status,
    requested_at: c.requestedAt,
    expires_at: c.expiresAt,
    verified_at: isoOrNull(c.verifiedAt),
    updated_at: iso(c.updatedAt),
  };
}

/** The checks that bear on an application: its own, and its candidate's or agency's. Statuses and dates only. */
export function getApiChecks(id: number): { application_id: number; checks: ApiCheck[] } | null {
  const app = applicationRole(id);
  if (!app) return null;
  const required = new Set(
    getDb().select({ checks: roles.requiredChecks }).from(roles).where(eq(roles.id, app.roleId)).get()?.checks ?? [],
  );
  const owners = [eq(complianceChecks.applicationId, id)];
  if (app.candidateId !== null) owners.push(eq(complianceChecks.candidateId, app.candidateId));
  if (app.agencyId !== null) owners.push(eq(complianceChecks.agencyId, app.agencyId));
  const rows = getDb()
    .select(checkColumns)
    .from(complianceChecks)
    .where(or(...owners))
    .orderBy(asc(complianceChecks.type), desc(complianceChecks.id))
    .all();
  return { application_id: id, checks: rows.map((c) => ({ ...toApiCheck(c), required: required.has(c.type) })) };
}

export type CheckFilter = { type: CheckType | null; status: CheckStatus | null; updatedSince: Date | null };

/** Every check after `afterId` in id order, whoever it belongs to, filtered by type, status and changed since. */
export function listApiChecks(input: { afterId: number; limit: number; filter: CheckFilter }): ApiCheckRecord[] {
  const where: SQL[] = [gt(complianceChecks.id, input.afterId)];
  const { type, status, updatedSince } = input.filter;
  if (type !== null) where.push(eq(complianceChecks.type, type));
  if (status !== null) where.push(eq(complianceChecks.status, status));
  if (updatedSince !== null) where.push(gte(complianceChecks.updatedAt, updatedSince));
  return getDb()
    .select(checkColumns)
    .from(complianceChecks)
    .where(and(...where))
    .orderBy(asc(complianceChecks.id))
    .limit(input.limit)
    .all()
    .map((c) => ({
      ...toApiCheck(c),
      candidate_id: c.candidateId,
      agency_id: c.agencyId,
      application_id: c.applicationId,
    }));
}
