// The role rollup: aggregate SQL over indexed columns, scoped to one role, so
// its cost follows that role's data, not the database's. One query per kind
// of figure, never one per candidate.
import { and, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import {
  defaultCostAssumptions,
  costSubjectFor,
  firstYearCost,
  quoteSubjectFor,
  type CostAssumptions,
} from "~/domain/cost";
import { isOpenStage, roleAge, type Stage } from "~/domain/pipeline";
import {
  areaAverage,
  areasFilledAgainst,
  mustPassFlags,
  weightedTotal,
  type Recommendation,
  type TemplateArea,
} from "~/domain/scorecard";
import { isoDay } from "~/domain/dates";
import { roleFunnel } from "~/domain/funnel";
import { cachedDerived } from "~/utils/cache.server";
import { getDb, schema } from "~/utils/db.server";
import { brokenConstraintsText, takeHomeResult, type Grade, type TakeHomeStatus } from "~/domain/take-home";
import { getMissingChecksByApplication } from "./compliance.server";
import { getCurrentTemplate } from "./template.server";
import { getRoleAgreement } from "./agreement.server";
import { listLatestDecisionsOnRole } from "./decision.server";
import { agenciesVersion, listAgencyGlances, type AgencyGlance } from "./agency.server";

const {
  applications,
  candidates,
  agencies,
  scorecards,
  scorecardRatings,
  scorecardTemplates,
  interviews,
  interviewPanel,
  takeHomes,
  takeHomeGrades,
  stageHistory,
  roles,
} = schema;

export function getCostAssumptions(stored: Record<string, number> | null | undefined): CostAssumptions {
  return { ...defaultCostAssumptions, ...(stored ?? {}) };
}

/** How long a computed rollup may serve while nothing is written: its clock-driven figures (days open, scorecards due) move by the minute. */
export const ROLLUP_MAX_AGE_MS = 60_000;

/**
 * The role's rollup, recomputed when the database changes or after ROLLUP_MAX_AGE_MS. Read-only: it is shared
 * between requests. An agency's markup and vetting reach the rows of people it placed, which the role's counter
 * does not follow: the agencies' own version is part of the key.
 */
export function getRoleRollup(roleId: number) {
  return cachedDerived(`rollup:${roleId}:${agenciesVersion()}`, { maxAgeMs: ROLLUP_MAX_AGE_MS, roleId }, () =>
    computeRoleRollup(roleId, new Date()),
  );
}

export function computeRoleRollup(roleId: number, now: Date) {
  const role = selectRole(roleId);
  if (!role) return null;
  const template = getCurrentTemplate(roleId);
  const assumptions = getCostAssumptions(role.costAssumptions);
  const apps = selectApplications(roleId);
  const seats = countScorecardSeats([roleId], now).get(roleId);
  const funnel = roleFunnel(
    apps.map((a) => ({ id: a.id, stage: a.stage as Stage })),
    selectStageHistory(roleId),
    now,
  );
  const agencies = listAgencyGlances([
    ...new Set(apps.flatMap((a) => [a.agencyId, a.submittedByAgencyId]).filter((id): id is number => id !== null)),
  ]);
  const rowOf = rollupRowBuilder({ roleId, currency: role.currency, template, assumptions, now, agencies });
  return {
    role: { id: role.id, title: role.title, currency: role.currency },
    template,
    assumptions,
    age: roleAge(role, now),
    funnel,
    scorecardsDue: seats?.due ?? 0,
    scorecardsSubmitted: seats?.submitted ?? 0,
    // The role panel's agreement over every submitted rating (anonymous candidates' included: no name goes with it).
    agreement: getRoleAgreement(roleId),
    rows: apps.map(rowOf),
    // The agencies bidding or placing people on the role, with their vetting at a glance, by id.
    agencies: Object.fromEntries(agencies.map((a) => [a.id, a])),
  };
}

type RollupApplication = ReturnType<typeof selectApplications>[number];

/**
 * What each application's row needs from the rest of the role (its ratings, recommendations, take-homes, checks
 * and decisions), read once for the whole role; the returned function assembles one row.
 */
function rollupRowBuilder(input: {
  roleId: number;
  currency: string;
  template: { areas: TemplateArea[] };
  assumptions: CostAssumptions;
  now: Date;
  agencies: AgencyGlance[];
}) {
  const { roleId, template, assumptions } = input;
  const agencyById = new Map(input.agencies.map((a) => [a.id, a]));
  const areasByApp = groupByApplication(selectAreaRatings(roleId));
  const tallyByApp = groupByApplication(selectRecommendationTallies(roleId));
  const appAreas = areasFilledAgainstFor(selectTemplateVersions(roleId), template.areas);
  const takeHomeOf = latestTakeHomeFigures(roleId);
  const missing = getMissingChecksByApplication(roleId, isoDay(input.now));
  const decided = listLatestDecisionsOnRole(roleId);
  return (a: RollupApplication) => {
    const mine = areasByApp.get(a.id) ?? [];
    const averages = Object.fromEntries(mine.map((r) => [r.areaKey, areaAverage(r.sum ?? 0, r.n)]));
    const cards = tallyByApp.get(a.id) ?? [];
    const filledAgainst = appAreas(cards.map((t) => t.templateId));
    const tally = recommendationTally(cards);
    const scorecards = Object.values(tally).reduce((n, x) => n + (x ?? 0), 0);
    return {
      id: a.id,
      name: a.name,
      stage: a.stage as Stage,
      engagement: a.agencyId !== null ? "agency_bid" : (a.engagementType ?? "full_time"),
      // Which agency bids (the application's subject) or placed the person (its counted submission).
      agency: agencyOf(a, agencyById),
      availableFrom: a.availableFrom,
      weightedTotal: weightedTotal(filledAgainst, averages).total,
      areas: areaFigures(template.areas, mine, averages),
      // Null when no area has two ratings to differ: a blank, not a spread of 0.
      maxSpread: maxOrNull(mine.map(spreadOf)),
      scorecards,
      // Judged on the areas the scorecards were filled against, as the application page judges them.
      mustPass: mustPassFlags(filledAgainst, averages, scorecards),
      tally,
      takeHome: takeHomeOf(a.id),
      // Compliance matters while the application is open; closed ones show nothing.
      missingChecks: isOpenStage(a.stage as Stage) ? (missing.get(a.id) ?? []) : null,
      decision: decided.get(a.id) ?? null,
      cost: applicationCost(a, input.currency, assumptions, agencyById),
    };
  };
}

function selectRole(roleId: number) {
  return getDb()
    .select({
      id: roles.id,
      title: roles.title,
      status: roles.status,
      createdAt: roles.createdAt,
      closedAt: roles.closedAt,
      engagementModels: roles.engagementModels,
      costAssumptions: roles.costAssumptions,
      currency: roles.currency,
    })
    .from(roles)
    .where(eq(roles.id, roleId))
    .get();
}

function selectApplications(roleId: number) {
  return getDb()
    .select({
      id: applications.id,
      stage: applications.stage,
      candidateId: applications.candidateId,
      agencyId: applications.agencyId,
      submittedByAgencyId: applications.submittedByAgencyId,
      quoteAmount: applications.quoteAmount,
      quoteCurrency: applications.quoteCurrency,
      quoteTeamSize: applications.quoteTeamSize,
      quoteWeeks: applications.quoteWeeks,
      name: sql<string>`coalesce(${candidates.name}, ${agencies.name})`,
      engagementType: candidates.engagementType,
      payKind: candidates.payKind,
      payAmount: candidates.payAmount,
      payCurrency: candidates.payCurrency,
      availableFrom: candidates.availableFrom,
    })
    .from(applications)
    .leftJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(eq(applications.roleId, roleId))
    .all();
}

/** Per application and area: sum, count, min, max of submitted ratings. */
function selectAreaRatings(roleId: number) {
  return getDb()
    .select({
      applicationId: interviews.applicationId,
      areaKey: scorecardRatings.areaKey,
      sum: sql<number>`sum(${scorecardRatings.rating})`,
      n: sql<number>`count(${scorecardRatings.rating})`,
      min: sql<number | null>`min(${scorecardRatings.rating})`,
      max: sql<number | null>`max(${scorecardRatings.rating})`,
      notAssessed: sql<number>`sum(case when ${scorecardRatings.rating} is null then 1 else 0 end)`,
    })
    .from(scorecardRatings)
    .innerJoin(scorecards, eq(scorecards.id, scorecardRatings.scorecardId))
    .innerJoin(interviews, eq(interviews.id, scorecards.interviewId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(and(eq(applications.roleId, roleId), eq(scorecards.status, "submitted")))
    .groupBy(interviews.applicationId, scorecardRatings.areaKey)
    .all();
}

type AreaRating = ReturnType<typeof selectAreaRatings>[number];

/** Recommendations per application, and (in the same pass) which template versions its scorecards were filled with. */
function selectRecommendationTallies(roleId: number) {
  return getDb()
    .select({
      applicationId: interviews.applicationId,
      recommendation: scorecards.recommendation,
      templateId: scorecards.templateId,
      n: count(),
    })
    .from(scorecards)
    .innerJoin(interviews, eq(interviews.id, scorecards.interviewId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(and(eq(applications.roleId, roleId), eq(scorecards.status, "submitted")))
    .groupBy(interviews.applicationId, scorecards.recommendation, scorecards.templateId)
    .all();
}

function selectTemplateVersions(roleId: number) {
  return new Map(
    getDb()
      .select({ id: scorecardTemplates.id, version: scorecardTemplates.version, areas: scorecardTemplates.areas })
      .from(scorecardTemplates)
      .where(eq(scorecardTemplates.roleId, roleId))
      .all()
      .map((t) => [t.id, { version: t.version, areas: t.areas as TemplateArea[] }]),
  );
}

/** Take-homes oldest first per application, so that keying by application keeps each one's latest. */
function selectTakeHomes(roleId: number) {
  return getDb()
    .select({ id: takeHomes.id, applicationId: takeHomes.applicationId, status: takeHomes.status })
    .from(takeHomes)
    .innerJoin(applications, eq(applications.id, takeHomes.applicationId))
    .where(eq(applications.roleId, roleId))
    .orderBy(takeHomes.applicationId, takeHomes.createdAt, takeHomes.id)
    .all();
}

function selectSubmittedGrades(roleId: number) {
  return getDb()
    .select({
      takeHomeId: takeHomeGrades.takeHomeId,
      diagnosis: takeHomeGrades.diagnosis,
      evalPlan: takeHomeGrades.evalPlan,
      architecture: takeHomeGrades.architecture,
      monitoring: takeHomeGrades.monitoring,
      costControl: takeHomeGrades.costControl,
      notBuilding: takeHomeGrades.notBuilding,
      outcomesReached: takeHomeGrades.outcomesReached,
      costCeilingRespected: takeHomeGrades.costCeilingRespected,
      securityRespected: takeHomeGrades.securityRespected,
      hoursReported: takeHomeGrades.hoursReported,
    })
    .from(takeHomeGrades)
    .innerJoin(takeHomes, eq(takeHomes.id, takeHomeGrades.takeHomeId))
    .innerJoin(applications, eq(applications.id, takeHomes.applicationId))
    .where(and(eq(applications.roleId, roleId), eq(takeHomeGrades.status, "submitted")))
    .all();
}

/** The role's stage history, by application, oldest move first. */
function selectStageHistory(roleId: number) {
  return getDb()
    .select({ applicationId: stageHistory.applicationId, toStage: stageHistory.toStage, movedAt: stageHistory.movedAt })
    .from(stageHistory)
    .innerJoin(applications, eq(applications.id, stageHistory.applicationId))
    .where(eq(applications.roleId, roleId))
    .orderBy(stageHistory.applicationId, stageHistory.movedAt, stageHistory.id)
    .all();
}

function groupByApplication<T extends { applicationId: number }>(rows: T[]) {
  const m = new Map<number, T[]>();
  for (const r of rows) (m.get(r.applicationId) ?? m.set(r.applicationId, []).get(r.applicationId)!).push(r);
  return m;
}

/** The areas an application's scorecards were filled against. Most applications share one set of versions: each set is worked out once. */
function areasFilledAgainstFor(
  versions: Map<number, { version: number; areas: TemplateArea[] }>,
  current: TemplateArea[],
) {
  const areasFor = new Map<string, TemplateArea[]>();
  return (templateIds: number[]) => {
    const key = [...new Set(templateIds)].sort((a, b) => a - b).join(",");
    let areas = areasFor.get(key);
    if (!areas) {
      areas = areasFilledAgainst(key ? key.split(",").flatMap((id) => versions.get(Number(id)) ?? []) : [], current);
      areasFor.set(key, areas);
    }
    return areas;
  };
}

/**
 * The take-home that counts is each application's latest; its result is takeHomeResult of its submitted grades,
 * the rule the comparison and the take-home page use.
 */
function latestTakeHomeFigures(roleId: number) {
  const takeHomeByApp = new Map(selectTakeHomes(roleId).map((t) => [t.applicationId, t]));
  const gradesByTakeHome = new Map<number, Grade[]>();
  for (const g of selectSubmittedGrades(roleId))
    (gradesByTakeHome.get(g.takeHomeId) ?? gradesByTakeHome.set(g.takeHomeId, []).get(g.takeHomeId)!).push(g);
  return (applicationId: number) => {
    const th = takeHomeByApp.get(applicationId);
    return th ? takeHomeFigures(th.status, gradesByTakeHome.get(th.id) ?? []) : null;
  };
}

function recommendationTally(cards: { recommendation: Recommendation; n: number }[]) {
  const tally: Partial<Record<Recommendation, number>> = {};
  for (const t of cards) tally[t.recommendation] = (tally[t.recommendation] ?? 0) + t.n;
  return tally;
}

/** Each current template area's average, spread and not-assessed count for one application. */
function areaFigures(areas: TemplateArea[], mine: AreaRating[], averages: Record<string, number | null>) {
  return Object.fromEntries(
    areas.map((t) => {
      const r = mine.find((m) => m.areaKey === t.key);
      return [
        t.key,
        { average: averages[t.key] ?? null, spread: r ? spreadOf(r) : null, notAssessed: r?.notAssessed ?? 0 },
      ];
    }),
  );
}

/**
 * First-year cost: an agency's quote (in its currency, for its team and weeks), or the candidate's pay under the
 * role's assumptions, with the markup of the agency that placed them.
 */
function applicationCost(
  a: RollupApplication,
  roleCurrency: string,
  assumptions: CostAssumptions,
  agencyById: Map<number, AgencyGlance>,
) {
  const placer = a.submittedByAgencyId !== null ? agencyById.get(a.submittedByAgencyId) : undefined;
  return firstYearCost(
    a.agencyId !== null
      ? quoteSubjectFor({
          amount: a.quoteAmount,
          currency: a.quoteCurrency,
          teamSize: a.quoteTeamSize,
          weeks: a.quoteWeeks,
          roleCurrency,
        })
      : costSubjectFor({
          engagementType: a.engagementType ?? "full_time",
          payKind: a.payKind,
          payAmount: a.payAmount,
          payCurrency: a.payCurrency ?? roleCurrency,
          roleCurrency,
          placedBy: placer ? { agency: placer.name, markupPercent: placer.markupPercent } : null,
        }),
    assumptions,
  );
}

function agencyOf(a: RollupApplication, agencyById: Map<number, AgencyGlance>) {
  const id = a.agencyId ?? a.submittedByAgencyId;
  const found = id !== null ? agencyById.get(id) : undefined;
  return found
    ? { id: found.id, name: found.name, relation: a.agencyId !== null ? ("bid" as const) : ("placed" as const) }
    : null;
}

const maxOrNull = (xs: (number | null)[]) =>
  xs.reduce<number | null>((m, x) => (x === null ? m : m === null ? x : Math.max(m, x)), null);

/** As the summary has it: one rating has no spread, it needs two to disagree. */
function spreadOf(r: { n: number; min: number | null; max: number | null }): number | null {
  return r.n >= 2 && r.min !== null && r.max !== null ? r.max - r.min : null;
}

function takeHomeFigures(status: TakeHomeStatus, grades: Grade[]) {
  const result = takeHomeResult(grades);
  return { status, overall: result.overall, outcomes: result.outcomesReached, broken: brokenConstraintsText(result) };
}

export type RoleRollup = NonNullable<ReturnType<typeof computeRoleRollup>>;

/**
 * Per role, scorecards due (panel seats of interviews that have ended) and
 * submitted (those seats with a submitted scorecard): one grouped query.
 */
export function countScorecardSeats(roleIds: number[], now: Date): Map<number, { due: number; submitted: number }> {
  if (roleIds.length === 0) return new Map();
  const rows = getDb()
    .select({
      roleId: applications.roleId,
      due: sql<number>`count(*)`,
      submitted: sql<number>`coalesce(sum(case when ${scorecards.status} = 'submitted' then 1 else 0 end), 0)`,
    })
    .from(interviewPanel)
    .innerJoin(interviews, eq(interviews.id, interviewPanel.interviewId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .leftJoin(
      scorecards,
      and(eq(scorecards.interviewId, interviews.id), eq(scorecards.interviewerId, interviewPanel.userId)),
    )
    .where(and(inArray(applications.roleId, roleIds), sql`${interviews.endsAt} <= ${now.getTime()}`))
    .groupBy(applications.roleId)
    .all();
  return new Map(rows.map((r) => [r.roleId, { due: r.due, submitted: r.submitted }]));
}

/** Key figures for a hiring manager's home: one grouped query for all their roles. */
/** Per role, how many applications reached hired: one grouped query. */
export function countHires(roleIds: number[]): Map<number, number> {
  if (roleIds.length === 0) return new Map();
  const rows = getDb()
    .select({ roleId: applications.roleId, n: count() })
    .from(applications)
    .where(and(inArray(applications.roleId, roleIds), eq(applications.stage, "hired")))
    .groupBy(applications.roleId)
    .all();
  return new Map(rows.map((r) => [r.roleId, r.n]));
}

export function listRoleHeadlines(roleIds: number[]) {
  if (roleIds.length === 0) return [];
  return getDb()
    .select({ roleId: applications.roleId, stage: applications.stage, n: count() })
    .from(applications)
    .where(
      and(
        sql`${applications.roleId} in (${sql.join(
          roleIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
        isNotNull(applications.stage),
      ),
    )
    .groupBy(applications.roleId, applications.stage)
    .all();
}
