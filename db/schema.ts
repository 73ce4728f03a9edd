// Tables only. Reference lists (user kinds, statuses, engagement models) live in
// app/domain so the UI, the validators and the database agree on one spelling;
// the columns' enums are those lists (relative imports: drizzle-kit reads this file).
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { auditActions, auditSubjects, type AuditDetail } from "../app/domain/audit";
import { consentSources } from "../app/domain/consent";
import {
  checkStatuses,
  checkTypes,
  classifications,
  type CheckSnapshot,
  type CheckType,
} from "../app/domain/compliance";
import { decisionOutcomes } from "../app/domain/decision";
import { mailKinds, mailStatuses } from "../app/domain/mail";
import { stages } from "../app/domain/pipeline";
import type { ScorecardSnapshot, TemplateArea } from "../app/domain/scorecard";
import {
  agencyKinds,
  approvalDecisions,
  draftStatuses,
  duplicateKinds,
  interviewKinds,
  offerRecordStatuses,
  assessments,
  budgetKinds,
  candidateEngagementTypes,
  candidateSources,
  payKinds,
  roleStatuses,
  teamRoles,
  userKinds,
  type EngagementModel,
} from "../app/domain/reference";
import { recommendations } from "../app/domain/scorecard";
import { takeHomeStatuses } from "../app/domain/take-home";
import type { ApiScope } from "../app/domain/api";
import { webhookDeliveryStatuses, type WebhookEventType } from "../app/domain/webhooks";

const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
};

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: userKinds }).notNull(),
    passwordHash: text("password_hash").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    // The IANA time zone every time is shown in; null until the first sign-in sets it from the browser (UTC meanwhile).
    timeZone: text("time_zone"),
    // The local hour (0-23) the daily digest is sent at; null = no digest.
    digestHour: integer("digest_hour").default(8),
    // The identity provider's issuer and subject once the user has signed in through single sign-on: later sign-ins
    // find the account by these, whatever the email at the provider becomes.
    ssoIssuer: text("sso_issuer"),
    ssoSubject: text("sso_subject"),
    // Optimistic concurrency: every editable record carries a version that an
    // update must match, so a second writer gets a conflict instead of a silent overwrite.
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_sso_uq").on(t.ssoIssuer, t.ssoSubject)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    // Opaque random id; the cookie carries only this (signed).
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const roles = sqliteTable(
  "roles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    team: text("team").notNull(),
    location: text("location").notNull(),
    headcount: integer("headcount").notNull().default(1),
    status: text("status", { enum: roleStatuses }).notNull().default("draft"),
    targetStart: text("target_start"), // ISO date (YYYY-MM-DD)
    // When the role was last filled or closed; null while draft, open or on hold. Days open stop here.
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    engagementModels: text("engagement_models", { mode: "json" })
      .$type<EngagementModel[]>()
      .notNull()
      .default(sql`'[]'`),
    budgetKind: text("budget_kind", { enum: budgetKinds }),
    budgetMin: integer("budget_min"),
    budgetMax: integer("budget_max"),
    currency: text("currency").notNull().default("USD"),

    // The one-sentence system brief, blank by blank.
    briefSystemDoes: text("brief_system_does"),
    briefUsingData: text("brief_using_data"),
    briefInsideWorkflow: text("brief_inside_workflow"),
    briefThreshold: text("brief_threshold"),
    briefOwnedBy: text("brief_owned_by"),
    // The seven brief fields.
    briefWorkflow: text("brief_workflow"),
    briefSourceSystems: text("brief_source_systems"),
    briefApprovalPath: text("brief_approval_path"),
    briefSuccessMetric: text("brief_success_metric"),
    briefSecurity: text("brief_security"),
    briefLaunchDate: text("brief_launch_date"), // ISO date
    briefPostLaunchOwner: text("brief_post_launch_owner"),

    // The six routing questions: null = not answered yet.
    qCustomModels: integer("q_custom_models", { mode: "boolean" }),
    qHostedApis: integer("q_hosted_apis", { mode: "boolean" }),
    qDataBlocker: integer("q_data_blocker", { mode: "boolean" }),
    qLongTermOwnership: integer("q_long_term_ownership", { mode: "boolean" }),
    qBoundedFeature: integer("q_bounded_feature", { mode: "boolean" }),
    qInfraAdvantage: integer("q_infra_advantage", { mode: "boolean" }),
    // Two more for the freelancer route: how long the work runs, and whether someone inside owns the architecture.
    qExpectedWeeks: integer("q_expected_weeks"),
    qInternalOwner: integer("q_internal_owner", { mode: "boolean" }),

    // Compliance: which checks must be verified or waived before an offer.
    touchesSensitiveData: integer("touches_sensitive_data", { mode: "boolean" }).notNull().default(false),
    // Interviewers see the panel's scorecards only after submitting their own.
    blindFeedback: integer("blind_feedback", { mode: "boolean" }).notNull().default(true),
    // Cost-of-hire assumptions (app/domain/cost.ts); null means the defaults.
    costAssumptions: text("cost_assumptions", { mode: "json" }).$type<Record<string, number>>(),
    requiredChecks: text("required_checks", { mode: "json" })
      .$type<CheckType[]>()
      .notNull()
      .default(sql`'["nda","ip_assignment","worker_classification"]'`),

    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  // Also roles_home_figures_idx, on an expression drizzle-kit cannot write (db/home-counts.ts, migration 0024).
  (t) => [index("roles_status_idx").on(t.status)],
);

export const roleTeam = sqliteTable(
  "role_team",
  {
    roleId: integer("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    teamRole: text("team_role", { enum: teamRoles }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.userId] }), index("role_team_user_idx").on(t.userId)],
);

export const candidates = sqliteTable(
  "candidates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    email: text("email").notNull().unique(), // normalised: trimmed, lower case
    phone: text("phone"),
    location: text("location"),
    timezone: text("timezone"),
    profileUrl: text("profile_url"),
    codeUrl: text("code_url"),
    portfolioUrl: text("portfolio_url"),
    engagementType: text("engagement_type", {
      enum: candidateEngagementTypes,
    }).notNull(),
    // Pay is private: admins, recruiters and the role's hiring managers only.
    payKind: text("pay_kind", { enum: payKinds }),
    payAmount: integer("pay_amount"),
    payCurrency: text("pay_currency").notNull().default("USD"),
    availableFrom: text("available_from"),
    skills: text("skills", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    source: text("source", { enum: candidateSources }).notNull(),
    notes: text("notes"),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    // Set when the candidate was erased (app/domain/erasure.ts): their identifying data is gone, and only a keyed
    // hash of their email is kept, so a re-application can be recognised as one.
    erasedAt: integer("erased_at", { mode: "timestamp_ms" }),
    erasureReason: text("erasure_reason"), // as given, with any mention of the person taken out
    emailHash: text("email_hash"),
    // Consent (app/domain/consent.ts): to process their data, and to keep it past the retention period. Each with
    // the day it was given, how it was given, and the day it ends (none: until withdrawn).
    consentProcessAt: text("consent_process_at"), // ISO date
    consentProcessSource: text("consent_process_source", { enum: consentSources }),
    consentProcessExpiresAt: text("consent_process_expires_at"), // ISO date, inclusive
    consentRetainAt: text("consent_retain_at"),
    consentRetainSource: text("consent_retain_source", { enum: consentSources }),
    consentRetainExpiresAt: text("consent_retain_expires_at"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("candidates_name_idx").on(t.name),
    // A hiring manager also sees the people they added who are on no role yet.
    index("candidates_created_by_idx").on(t.createdById),
    index("candidates_email_hash_idx").on(t.emailHash),
  ],
);

/** A legal hold keeps a candidate's data past any erasure or retention rule until its end date. */
export const candidateHolds = sqliteTable(
  "candidate_holds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    until: text("until").notNull(), // ISO date, inclusive
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    // Set when HR ended the hold before its end date; it no longer keeps anything from then on.
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    endedById: integer("ended_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("candidate_holds_candidate_idx").on(t.candidateId, t.until)],
);

export const agencies = sqliteTable("agencies", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: agencyKinds }).notNull(),
  website: text("website"),
  // Rate card: private like pay.
  rateMin: integer("rate_min"),
  rateMax: integer("rate_max"),
  markupPercent: integer("markup_percent"),
  currency: text("currency").notNull().default("USD"),
  offersHandover: integer("offers_handover", { mode: "boolean" }),
  writtenAcceptanceCriteria: integer("written_acceptance_criteria", { mode: "boolean" }),
  notes: text("notes"),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

export const agencyContacts = sqliteTable(
  "agency_contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    title: text("title"),
  },
  (t) => [index("agency_contacts_agency_idx").on(t.agencyId)],
);

export const agencyVetting = sqliteTable(
  "agency_vetting",
  {
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    answer: text("answer"),
    assessment: text("assessment", { enum: assessments }),
    notes: text("notes"),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.question] })],
);

export const applications = sqliteTable(
  "applications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roleId: integer("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "restrict" }),
    // The subject: a person, or an agency bidding for the role as a team.
    candidateId: integer("candidate_id").references(() => candidates.id, { onDelete: "restrict" }),
    agencyId: integer("agency_id").references(() => agencies.id, { onDelete: "restrict" }),
    stage: text("stage", {
      enum: stages,
    })
      .notNull()
      .default("sourced"),
    rejectionReason: text("rejection_reason"),
    exitNote: text("exit_note"),
    stageChangedAt: integer("stage_changed_at", { mode: "timestamp_ms" }).notNull(),
    // An agency bidding as a team: its quoted price for the work.
    quoteAmount: integer("quote_amount"),
    // The quote's currency (the role's when null), the team it covers (people) and how long it runs (weeks).
    quoteCurrency: text("quote_currency"),
    quoteTeamSize: integer("quote_team_size"),
    quoteWeeks: integer("quote_weeks"),
    // The agency whose submission counts for this person on this role, if any.
    submittedByAgencyId: integer("submitted_by_agency_id").references(() => agencies.id, { onDelete: "set null" }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check("applications_one_subject", sql`(${t.candidateId} is null) <> (${t.agencyId} is null)`),
    uniqueIndex("applications_role_candidate_uq")
      .on(t.roleId, t.candidateId)
      .where(sql`${t.candidateId} is not null`),
    uniqueIndex("applications_role_agency_uq")
      .on(t.roleId, t.agencyId)
      .where(sql`${t.agencyId} is not null`),
    index("applications_role_stage_idx").on(t.roleId, t.stage),
    index("applications_candidate_idx").on(t.candidateId),
    // An agency's applications (a change to the agency or its checks reaches the roles they are on).
    index("applications_agency_idx")
      .on(t.agencyId)
      .where(sql`${t.agencyId} is not null`),
    // Open applications by how long they have sat in their stage (the stale-stage list); the condition matches the query's.
    index("applications_open_stage_changed_idx")
      .on(t.stageChangedAt)
      .where(sql`${t.stage} in ('sourced','screening','interviewing','take_home','final','offer')`),
  ],
);

export const agencySubmissions = sqliteTable(
  "agency_submissions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roleId: integer("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    contactId: integer("contact_id").references(() => agencyContacts.id, { onDelete: "set null" }),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }).notNull(),
    counts: integer("counts", { mode: "boolean" }).notNull(),
    duplicateOf: text("duplicate_of", { enum: duplicateKinds }),
    recordedById: integer("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("agency_submissions_role_candidate_idx").on(t.roleId, t.candidateId)],
);

export const stageHistory = sqliteTable(
  "stage_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    movedById: integer("moved_by_id").references(() => users.id, { onDelete: "set null" }),
    movedAt: integer("moved_at", { mode: "timestamp_ms" }).notNull(),
    note: text("note"),
  },
  (t) => [index("stage_history_application_idx").on(t.applicationId, t.movedAt)],
);

export const complianceChecks = sqliteTable(
  "compliance_checks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type", { enum: checkTypes }).notNull(),
    // Person-level checks name the candidate or agency; application-level checks name the application.
    candidateId: integer("candidate_id").references(() => candidates.id, { onDelete: "cascade" }),
    agencyId: integer("agency_id").references(() => agencies.id, { onDelete: "cascade" }),
    applicationId: integer("application_id").references(() => applications.id, { onDelete: "cascade" }),
    status: text("status", {
      enum: checkStatuses,
    })
      .notNull()
      .default("not_requested"),
    classification: text("classification", { enum: classifications }),
    rationale: text("rationale"),
    waiverReason: text("waiver_reason"),
    expiresAt: text("expires_at"),
    requestedAt: text("requested_at"),
    evidenceRef: text("evidence_ref"),
    // Background-check findings and similar: private like pay.
    detail: text("detail"),
    verifiedById: integer("verified_by_id").references(() => users.id, { onDelete: "set null" }),
    verifiedAt: integer("verified_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check(
      "compliance_one_owner",
      sql`(${t.candidateId} is not null) + (${t.agencyId} is not null) + (${t.applicationId} is not null) = 1`,
    ),
    uniqueIndex("compliance_candidate_type_uq")
      .on(t.candidateId, t.type)
      .where(sql`${t.candidateId} is not null`),
    uniqueIndex("compliance_agency_type_uq")
      .on(t.agencyId, t.type)
      .where(sql`${t.agencyId} is not null`),
    uniqueIndex("compliance_application_type_uq")
      .on(t.applicationId, t.type)
      .where(sql`${t.applicationId} is not null`),
  ],
);

export const complianceHistory = sqliteTable(
  "compliance_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    checkId: integer("check_id")
      .notNull()
      .references(() => complianceChecks.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    changedById: integer("changed_by_id").references(() => users.id, { onDelete: "set null" }),
    changedAt: integer("changed_at", { mode: "timestamp_ms" }).notNull(),
    // The check as saved (minus private detail), so every change can be read back.
    snapshot: text("snapshot", { mode: "json" }).$type<CheckSnapshot>().notNull(),
    // The names of the fields this save changed (never their values); null on entries saved before it was kept.
    fields: text("fields", { mode: "json" }).$type<string[]>(),
  },
  (t) => [index("compliance_history_check_idx").on(t.checkId, t.changedAt)],
);

/** A role's scorecard, as an immutable version once any scorecard uses it. */
export const scorecardTemplates = sqliteTable(
  "scorecard_templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roleId: integer("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    // TemplateArea[] (app/domain/scorecard.ts): key, name, guidance, weak signals, weight, knock-out.
    areas: text("areas", { mode: "json" }).$type<TemplateArea[]>().notNull(),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("scorecard_templates_role_version_uq").on(t.roleId, t.version)],
);

export const interviews = sqliteTable(
  "interviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: interviewKinds }).notNull(),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    focusAreas: text("focus_areas", { mode: "json" }).$type<string[]>().notNull(),
    prompts: text("prompts", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    customQuestions: text("custom_questions", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    includeGovernance: integer("include_governance", { mode: "boolean" }).notNull().default(false),
    // The template version the interview was scheduled against; its scorecards use it even if the role's template changes.
    templateId: integer("template_id").references(() => scorecardTemplates.id, { onDelete: "restrict" }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    // The calendar SEQUENCE: 0 when scheduled, +1 on each reschedule or the cancellation.
    sequence: integer("sequence").notNull().default(0),
    // A cancelled interview stays on record (its invitations went out); it needs no scorecards.
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
    cancelledById: integer("cancelled_by_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("interviews_application_idx").on(t.applicationId), index("interviews_starts_idx").on(t.startsAt)],
);

export const interviewPanel = sqliteTable(
  "interview_panel",
  {
    interviewId: integer("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.userId] }), index("interview_panel_user_idx").on(t.userId)],
);

export const scorecards = sqliteTable(
  "scorecards",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    interviewId: integer("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    interviewerId: integer("interviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    templateId: integer("template_id")
      .notNull()
      .references(() => scorecardTemplates.id, { onDelete: "restrict" }),
    status: text("status", { enum: draftStatuses }).notNull().default("draft"),
    recommendation: text("recommendation", { enum: recommendations }).notNull().default("no_decision"),
    // False while a draft has no recommendation chosen yet (so "no decision" is never assumed).
    recommendationChosen: integer("recommendation_chosen", { mode: "boolean" }).notNull().default(true),
    keyTakeaways: text("key_takeaways"),
    weakSignals: text("weak_signals", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("scorecards_interview_interviewer_uq").on(t.interviewId, t.interviewerId),
    index("scorecards_interviewer_idx").on(t.interviewerId, t.status),
    // Covering index for rollups: submitted scorecards of an interview and their recommendations.
    index("scorecards_interview_status_idx").on(t.interviewId, t.status, t.recommendation),
  ],
);

export const scorecardRatings = sqliteTable(
  "scorecard_ratings",
  {
    scorecardId: integer("scorecard_id")
      .notNull()
      .references(() => scorecards.id, { onDelete: "cascade" }),
    areaKey: text("area_key").notNull(),
    // 1 strong no .. 4 strong yes; null = not assessed (never a low score).
    rating: integer("rating"),
    evidence: text("evidence"),
  },
  (t) => [
    primaryKey({ columns: [t.scorecardId, t.areaKey] }),
    // Covering index: rollups aggregate ratings without touching the table.
    index("scorecard_ratings_cover_idx").on(t.scorecardId, t.areaKey, t.rating),
  ],
);

export const scorecardAmendments = sqliteTable(
  "scorecard_amendments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    scorecardId: integer("scorecard_id")
      .notNull()
      .references(() => scorecards.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    // The scorecard as it stood before this amendment.
    before: text("before", { mode: "json" }).$type<ScorecardSnapshot>().notNull(),
    amendedById: integer("amended_by_id").references(() => users.id, { onDelete: "set null" }),
    amendedAt: integer("amended_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("scorecard_amendments_scorecard_idx").on(t.scorecardId)],
);

export const takeHomes = sqliteTable(
  "take_homes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    instructions: text("instructions").notNull(),
    materialsUrl: text("materials_url"),
    timeBoxHours: integer("time_box_hours").notNull(),
    dueOn: text("due_on").notNull(),
    paid: integer("paid", { mode: "boolean" }).notNull().default(false),
    amount: integer("amount"),
    currency: text("currency").notNull().default("USD"),
    status: text("status", { enum: takeHomeStatuses }).notNull().default("assigned"),
    submissionUrl: text("submission_url"),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    extendedTo: text("extended_to"),
    extensionReason: text("extension_reason"),
    waiverReason: text("waiver_reason"),
    anonymous: integer("anonymous", { mode: "boolean" }).notNull().default(true),
    alias: text("alias").notNull(),
    revealedAt: integer("revealed_at", { mode: "timestamp_ms" }),
    // Who revealed the candidate to the graders: the last grader to submit, or whoever waived the take-home.
    revealedById: integer("revealed_by_id").references(() => users.id, { onDelete: "set null" }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("take_homes_application_idx").on(t.applicationId)],
);

export const takeHomeGraders = sqliteTable(
  "take_home_graders",
  {
    takeHomeId: integer("take_home_id")
      .notNull()
      .references(() => takeHomes.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.takeHomeId, t.userId] }), index("take_home_graders_user_idx").on(t.userId)],
);

export const takeHomeGrades = sqliteTable(
  "take_home_grades",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    takeHomeId: integer("take_home_id")
      .notNull()
      .references(() => takeHomes.id, { onDelete: "cascade" }),
    graderId: integer("grader_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    // The six deliverables, each 1-4.
    diagnosis: integer("diagnosis"),
    evalPlan: integer("eval_plan"),
    architecture: integer("architecture"),
    monitoring: integer("monitoring"),
    costControl: integer("cost_control"),
    notBuilding: integer("not_building"),
    outcomesReached: integer("outcomes_reached"),
    costCeilingRespected: integer("cost_ceiling_respected", { mode: "boolean" }),
    securityRespected: integer("security_respected", { mode: "boolean" }),
    hoursReported: integer("hours_reported"),
    notes: text("notes"),
    status: text("status", { enum: draftStatuses }).notNull().default("draft"),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("take_home_grades_uq").on(t.takeHomeId, t.graderId)],
);

/**
 * Hiring decisions, append-only: a change is a new row naming the one it
 * supersedes and why; nothing is updated or deleted, so the history reads back whole.
 */
export const decisions = sqliteTable(
  "decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    // The stage the application was in when decided: a decision belongs to that stage.
    stage: text("stage").notNull(),
    outcome: text("outcome", { enum: decisionOutcomes }).notNull(),
    rejectionReason: text("rejection_reason"),
    rationale: text("rationale").notNull(),
    citedAreas: text("cited_areas", { mode: "json" }).$type<string[]>().notNull(),
    citedScorecards: text("cited_scorecards", { mode: "json" })
      .$type<number[]>()
      .notNull()
      .default(sql`'[]'`),
    // The advisory figure as it stood when decided, and whether the decision went against it (app/domain/decision.ts).
    weightedTotal: real("weighted_total"),
    againstTotal: integer("against_total", { mode: "boolean" }).notNull().default(false),
    againstNote: text("against_note"),
    decidedById: integer("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }).notNull(),
    supersedesId: integer("supersedes_id"),
    changeReason: text("change_reason"),
  },
  (t) => [
    index("decisions_application_idx").on(t.applicationId, t.decidedAt),
    // One successor per decision: two people changing the same decision at once cannot both win.
    uniqueIndex("decisions_supersedes_uq")
      .on(t.supersedesId)
      .where(sql`${t.supersedesId} is not null`),
  ],
);

/**
 * Who signs off a role's offers: users who may see the role's pay, chosen per role. With nobody chosen, one
 * approval from anyone who may see the role's pay other than the offer's author is needed (app/domain/offer.ts).
 */
export const roleOfferApprovers = sqliteTable(
  "role_offer_approvers",
  {
    roleId: integer("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.userId] }), index("role_offer_approvers_user_idx").on(t.userId)],
);

/** A role's approval rule, kept apart from `roles` so the role form's version is not bumped by it. */
export const roleOfferRules = sqliteTable("role_offer_rules", {
  roleId: integer("role_id")
    .primaryKey()
    .references(() => roles.id, { onDelete: "cascade" }),
  // null: every chosen approver; N: any N of them.
  required: integer("required"),
  version: integer("version").notNull().default(1),
  updatedById: integer("updated_by_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/** An offer on an application. Pay is private like candidates' pay. */
export const offers = sqliteTable(
  "offers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    // The terms' version: bumped when pay kind, amount, currency or start date change, so approvals given for
    // earlier terms stop counting. `version` below is the record's, for conflicting saves.
    termsVersion: integer("terms_version").notNull().default(1),
    payKind: text("pay_kind", { enum: payKinds }).notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    startDate: text("start_date").notNull(), // ISO date
    termsNote: text("terms_note"),
    // open: in approval (approved or not is derived from the approvals); accepted by the candidate; withdrawn.
    status: text("status", { enum: offerRecordStatuses }).notNull().default("open"),
    acceptedOn: text("accepted_on"), // ISO date
    acceptedById: integer("accepted_by_id").references(() => users.id, { onDelete: "set null" }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedById: integer("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // One offer in play per application; withdrawn ones stay as history.
    uniqueIndex("offers_active_application_uq")
      .on(t.applicationId)
      .where(sql`${t.status} <> 'withdrawn'`),
    index("offers_status_idx").on(t.status),
  ],
);

/** Every approve or decline, kept: the latest one per approver for the offer's current terms is the one that counts. */
export const offerApprovals = sqliteTable(
  "offer_approvals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    offerId: integer("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    termsVersion: integer("terms_version").notNull(),
    approverId: integer("approver_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    decision: text("decision", { enum: approvalDecisions }).notNull(),
    comment: text("comment"),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("offer_approvals_offer_idx").on(t.offerId, t.termsVersion)],
);

/**
 * A counter per role, raised by triggers (migration 0011) on every table whose rows feed that role's derived
 * figures, from any connection: the cache of a role's rollup is valid while its counter is unchanged.
 * No foreign key: the triggers keep it, and a deleted role's row goes with the role.
 */
export const roleVersions = sqliteTable("role_versions", {
  roleId: integer("role_id").primaryKey(),
  version: integer("version").notNull().default(0),
});

/**
 * The audit log: who did what to which record, when, from which client. Append-only: triggers refuse any update,
 * and any delete of an entry younger than a year (see its append-only migration). It holds ids, field names and labels, never a
 * person's data (app/domain/audit.ts), so nothing here needs rewriting when a candidate is erased. No foreign keys:
 * an entry outlives what it names.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    // Null for the system (a scheduled run, a CLI) and for a failed sign-in to an unknown account.
    actorId: integer("actor_id"),
    action: text("action", { enum: auditActions }).notNull(),
    subjectType: text("subject_type", { enum: auditSubjects }),
    subjectId: integer("subject_id"),
    // The role and application the record belongs to, for the per-record activity panel and filters.
    roleId: integer("role_id"),
    applicationId: integer("application_id"),
    fields: text("fields", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    detail: text("detail", { mode: "json" })
      .$type<AuditDetail>()
      .notNull()
      .default(sql`'{}'`),
    clientIp: text("client_ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_actor_idx").on(t.actorId, t.at),
    index("audit_events_subject_idx").on(t.subjectType, t.subjectId, t.at),
    index("audit_events_application_idx").on(t.applicationId, t.at),
    index("audit_events_action_idx").on(t.action, t.at),
  ],
);

/**
 * The retention rule an admin sets (app/domain/retention.ts): one row, id 1. No row: the rule is not set and the
 * retention run erases no one.
 */
export const retentionSettings = sqliteTable(
  "retention_settings",
  {
    id: integer("id").primaryKey(),
    months: integer("months").notNull(),
    updatedById: integer("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [check("retention_settings_single_row", sql`${t.id} = 1`)],
);

/**
 * The daily jobs' claims: one row per job and UTC day, inserted in a transaction before the job runs, so a second
 * server process on the same database finds the day taken and does not run it again.
 */
export const scheduledRuns = sqliteTable(
  "scheduled_runs",
  {
    job: text("job").notNull(),
    day: text("day").notNull(), // ISO date (UTC)
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    outcome: text("outcome", { mode: "json" }).$type<Record<string, number | string>>(),
  },
  (t) => [primaryKey({ columns: [t.job, t.day] })],
);

/**
 * Outgoing mail, queued in the same transaction as the change that causes it
 * and sent by the mail worker (app/utils/mail-worker.server.ts). The
 * idempotency key makes a second enqueue of the same message a no-op; a claim
 * (claimed_at, claimed_by) keeps two workers from sending one message.
 */
export const mailMessages = sqliteTable(
  "mail_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: text("kind", { enum: mailKinds }).notNull(),
    // Null once the account is deleted; the address is what the message was sent to.
    recipientId: integer("recipient_id").references(() => users.id, { onDelete: "set null" }),
    recipientAddress: text("recipient_address").notNull(),
    // The application the message is about, if any: what erasing a candidate finds to redact.
    applicationId: integer("application_id"),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    // An .ics attachment (an interview invitation), with its METHOD.
    calendar: text("calendar"),
    calendarMethod: text("calendar_method", { enum: ["REQUEST", "CANCEL"] }),
    status: text("status", { enum: mailStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }),
    claimedBy: text("claimed_by"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    index("mail_messages_due_idx").on(t.status, t.nextAttemptAt),
    index("mail_messages_created_idx").on(t.createdAt),
    index("mail_messages_recipient_idx").on(t.recipientId),
    index("mail_messages_application_idx").on(t.applicationId),
  ],
);

/**
 * API keys an admin creates for the read-only API (/api/v1). The secret is shown once and only its SHA-256 is kept;
 * the prefix, which is not secret, finds the row. Revoked keys stay as history.
 */
export const apiKeys = sqliteTable("api_keys", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  prefix: text("prefix").notNull().unique(),
  secretHash: text("secret_hash").notNull(),
  scopes: text("scopes", { mode: "json" }).$type<ApiScope[]>().notNull(),
  createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
  lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  revokedById: integer("revoked_by_id").references(() => users.id, { onDelete: "set null" }),
});

/** Every call to the API, refused ones included: what the rate limit counts and what an admin reads. */
export const apiRequests = sqliteTable(
  "api_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Null when the call named no key or an unknown one.
    keyId: integer("key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    status: integer("status").notNull(),
    clientIp: text("client_ip"),
  },
  (t) => [index("api_requests_key_idx").on(t.keyId, t.at), index("api_requests_at_idx").on(t.at)],
);

/** An HTTPS endpoint an admin registered for webhooks, with the events it wants and the secret that signs them. */
export const webhookEndpoints = sqliteTable("webhook_endpoints", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  url: text("url").notNull(),
  description: text("description"),
  // The signing secret: kept, because every delivery is signed with it.
  secret: text("secret").notNull(),
  events: text("events", { mode: "json" }).$type<WebhookEventType[]>().notNull(),
  createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
  disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/**
 * One event to one endpoint, queued in the transaction that caused the event and sent by the webhook worker with
 * retries. The payload is the thin event as sent (type, id, time, record ids).
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: webhookDeliveryStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }),
    claimedBy: text("claimed_by"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_uq").on(t.endpointId, t.eventId),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
  ],
);

// Calibration and panel agreement kept as summary rows (decision record 104): what the calibration page reads,
// per role and interviewer, so its cost follows the interviewers, not the scorecards. Triggers on scorecards, their
// ratings, interviews, panels, applications, take-homes, grades and decisions recompute the application whose
// evidence changed and move the sums by the difference, in the writing transaction, whichever connection writes;
// a write that changes many rows of one application (a scorecard's submit) defers them to its end
// (db/calibration-summaries.ts). Derived only: no foreign keys, built by the migration.

/** While a row is here (inside one writing transaction), the triggers queue applications instead of recomputing. */
export const calibrationDefer = sqliteTable("calibration_defer", {
  deferred: integer("deferred").notNull(),
});

/** Applications queued while deferred, each once; empty outside a writing transaction. */
export const calibrationDirty = sqliteTable("calibration_dirty", {
  applicationId: integer("application_id").primaryKey(),
});

/** An application being recomputed: inserting one runs the recomputation (a trigger), which removes it again. */
export const calibrationRefresh = sqliteTable("calibration_refresh", {
  applicationId: integer("application_id").notNull(),
});

/** Per application and interviewer: their submitted scorecards there, summed as calibration needs them. */
export const calibrationPairs = sqliteTable(
  "calibration_pairs",
  {
    applicationId: integer("application_id").notNull(),
    interviewerId: integer("interviewer_id").notNull(),
    roleId: integer("role_id").notNull(),
    scorecards: integer("scorecards").notNull(),
    firstCard: integer("first_card").notNull(),
    ratingSum: integer("rating_sum").notNull(),
    ratingCount: integer("rating_count").notNull(),
    notAssessed: integer("not_assessed").notNull(),
    noDecision: integer("no_decision").notNull(),
    decided: integer("decided").notNull(),
    agreed: integer("agreed").notNull(),
    /** 1 when both they and someone else on the panel rated the application (its ratings count as shared). */
    shared: integer("shared").notNull(),
    sharedSum: integer("shared_sum").notNull(),
    sharedCount: integer("shared_count").notNull(),
    coPanelSum: integer("co_panel_sum").notNull(),
    coPanelCount: integer("co_panel_count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.interviewerId] }),
    index("calibration_pairs_role_idx").on(t.roleId, t.interviewerId, t.firstCard),
  ],
);

/** Per role and interviewer: the sum of their calibration_pairs rows (first_card the least). */
export const calibrationSums = sqliteTable(
  "calibration_sums",
  {
    roleId: integer("role_id").notNull(),
    interviewerId: integer("interviewer_id").notNull(),
    scorecards: integer("scorecards").notNull(),
    /** Null only inside a recomputation, when the least may have gone. */
    firstCard: integer("first_card"),
    ratingSum: integer("rating_sum").notNull(),
    ratingCount: integer("rating_count").notNull(),
    notAssessed: integer("not_assessed").notNull(),
    noDecision: integer("no_decision").notNull(),
    decided: integer("decided").notNull(),
    agreed: integer("agreed").notNull(),
    sharedApplications: integer("shared_applications").notNull(),
    sharedSum: integer("shared_sum").notNull(),
    sharedCount: integer("shared_count").notNull(),
    coPanelSum: integer("co_panel_sum").notNull(),
    coPanelCount: integer("co_panel_count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roleId, t.interviewerId] }),
    index("calibration_sums_first_card_idx").on(t.firstCard),
    index("calibration_sums_interviewer_idx").on(t.interviewerId, t.firstCard),
  ],
);

/**
 * calibration_sums over every role: per interviewer, their rows summed (first_card the least), kept by triggers on
 * calibration_sums (db/calibration-totals.ts), so HR's page of interviewers reads one row per interviewer shown.
 */
export const calibrationTotals = sqliteTable(
  "calibration_totals",
  {
    interviewerId: integer("interviewer_id").primaryKey(),
    scorecards: integer("scorecards").notNull(),
    /** Null only inside a recomputation, when the least may have gone. */
    firstCard: integer("first_card"),
    ratingSum: integer("rating_sum").notNull(),
    ratingCount: integer("rating_count").notNull(),
    notAssessed: integer("not_assessed").notNull(),
    noDecision: integer("no_decision").notNull(),
    decided: integer("decided").notNull(),
    agreed: integer("agreed").notNull(),
    sharedApplications: integer("shared_applications").notNull(),
    sharedSum: integer("shared_sum").notNull(),
    sharedCount: integer("shared_count").notNull(),
    coPanelSum: integer("co_panel_sum").notNull(),
    coPanelCount: integer("co_panel_count").notNull(),
  },
  (t) => [index("calibration_totals_order_idx").on(t.scorecards, t.firstCard)],
);

/** Per submitted scorecard: the hours from the interview's end to submission (never below 0), for medians. */
export const calibrationCards = sqliteTable(
  "calibration_cards",
  {
    scorecardId: integer("scorecard_id").primaryKey(),
    applicationId: integer("application_id").notNull(),
    roleId: integer("role_id").notNull(),
    interviewerId: integer("interviewer_id").notNull(),
    hours: real("hours").notNull(),
  },
  (t) => [
    index("calibration_cards_application_idx").on(t.applicationId),
    index("calibration_cards_interviewer_idx").on(t.interviewerId, t.hours),
    index("calibration_cards_role_idx").on(t.roleId, t.interviewerId, t.hours),
  ],
);

/** Per application, area and interviewer: the rating that counts for agreement (their latest of 1-4). */
export const agreementRatings = sqliteTable(
  "agreement_ratings",
  {
    applicationId: integer("application_id").notNull(),
    areaKey: text("area_key").notNull(),
    interviewerId: integer("interviewer_id").notNull(),
    roleId: integer("role_id").notNull(),
    rating: integer("rating").notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.areaKey, t.interviewerId] })],
);

/**
 * Per role, interviewer, their rating and the make-up of the unit it falls in (how many 1s to 4s the panel gave that
 * application's area, pairable units only): in how many such units. What Krippendorff's alpha needs, summed.
 */
export const agreementObservers = sqliteTable(
  "agreement_observers",
  {
    roleId: integer("role_id").notNull(),
    interviewerId: integer("interviewer_id").notNull(),
    own: integer("own").notNull(),
    c1: integer("c1").notNull(),
    c2: integer("c2").notNull(),
    c3: integer("c3").notNull(),
    c4: integer("c4").notNull(),
    times: integer("times").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.interviewerId, t.own, t.c1, t.c2, t.c3, t.c4] })],
);

/** agreement_observers over every role: per interviewer, their rating and its unit's make-up, in how many units. */
export const agreementInterviewers = sqliteTable(
  "agreement_interviewers",
  {
    interviewerId: integer("interviewer_id").notNull(),
    own: integer("own").notNull(),
    c1: integer("c1").notNull(),
    c2: integer("c2").notNull(),
    c3: integer("c3").notNull(),
    c4: integer("c4").notNull(),
    times: integer("times").notNull(),
  },
  (t) => [primaryKey({ columns: [t.interviewerId, t.own, t.c1, t.c2, t.c3, t.c4] })],
);

/** Per role, the make-ups of its pairable units (how many 1s to 4s the panel gave an application's area): how many. */
export const agreementUnits = sqliteTable(
  "agreement_units",
  {
    roleId: integer("role_id").notNull(),
    c1: integer("c1").notNull(),
    c2: integer("c2").notNull(),
    c3: integer("c3").notNull(),
    c4: integer("c4").notNull(),
    times: integer("times").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.c1, t.c2, t.c3, t.c4] })],
);

/** agreement_units over every role: per make-up, how many units (kept by triggers on agreement_units). */
export const agreementUnitTotals = sqliteTable(
  "agreement_unit_totals",
  {
    c1: integer("c1").notNull(),
    c2: integer("c2").notNull(),
    c3: integer("c3").notNull(),
    c4: integer("c4").notNull(),
    times: integer("times").notNull(),
  },
  (t) => [primaryKey({ columns: [t.c1, t.c2, t.c3, t.c4] })],
);

/**
 * The applications waiting for a decision (the rule of needsDecision in app/domain/decision.ts), kept by the same
 * queue as calibration's rows: open, undecided at their stage, every panel seat's scorecard and every take-home in.
 * `readyAt` is when the last piece of evidence came in. The homes read a page of it and count it.
 */
export const decisionReady = sqliteTable(
  "decision_ready",
  {
    applicationId: integer("application_id").primaryKey(),
    roleId: integer("role_id").notNull(),
    readyAt: integer("ready_at").notNull(),
    scorecards: integer("scorecards").notNull(),
    takeHome: integer("take_home").notNull(),
  },
  (t) => [
    index("decision_ready_order_idx").on(t.readyAt, t.applicationId),
    index("decision_ready_role_idx").on(t.roleId, t.readyAt, t.applicationId),
  ],
);

/** An application queued for the HR board's recount: inserting one runs it (a trigger), which removes it again. */
export const boardRefresh = sqliteTable("board_refresh", {
  applicationId: integer("application_id").notNull(),
});

/**
 * Each open application's HR board counter keys (db/board-summaries.ts), as computed on `validFrom` and holding
 * until `validUntil` (a request going stale, a check nearing or passing its expiry; null: no such day).
 */
export const boardStates = sqliteTable(
  "board_states",
  {
    applicationId: integer("application_id").primaryKey(),
    roleId: integer("role_id").notNull(),
    stage: text("stage").notNull(),
    keys: text("keys").notNull(),
    validFrom: text("valid_from").notNull(),
    validUntil: text("valid_until"),
  },
  (t) => [index("board_states_valid_until_idx").on(t.validUntil), index("board_states_valid_from_idx").on(t.validFrom)],
);

/** Per board counter key, role and stage: the open applications with that key, and how many of them are flagged. */
export const boardCounts = sqliteTable(
  "board_counts",
  {
    key: text("key").notNull(),
    roleId: integer("role_id").notNull(),
    stage: text("stage").notNull(),
    n: integer("n").notNull(),
    flagged: integer("flagged").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.roleId, t.stage] }),
    // One key's counters at one stage, every role, read without the rows (the board's part it reaches).
    index("board_counts_stage_idx").on(t.key, t.stage, t.roleId, t.n, t.flagged),
  ],
);

/**
 * board_counts per role (db/board-totals.ts): its open applications, its finalists and their required checks not
 * cleared (as counted on the day each state was computed), kept by triggers on board_counts; a role with no open
 * application has no row. The board's summary and the home's paperwork list rank roles along its index.
 */
export const boardRoleTotals = sqliteTable(
  "board_role_totals",
  {
    roleId: integer("role_id").primaryKey(),
    open: integer("open").notNull(),
    finalists: integer("finalists").notNull(),
    missing: integer("missing").notNull(),
  },
  (t) => [index("board_role_totals_rank_idx").on(t.missing, t.finalists)],
);

/** board_counts over every role: per key and stage, the company's count (db/board-totals.ts). */
export const boardKeyTotals = sqliteTable(
  "board_key_totals",
  {
    key: text("key").notNull(),
    stage: text("stage").notNull(),
    n: integer("n").notNull(),
    flagged: integer("flagged").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.stage] })],
);

/** Per role and stage, its applications (db/home-counts.ts): hires per role without reading the applications. */
export const roleStageCounts = sqliteTable(
  "role_stage_counts",
  {
    roleId: integer("role_id").notNull(),
    stage: text("stage").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.stage] })],
);

/**
 * Open applications per day (UTC) their stage last changed (db/home-counts.ts): how many have sat in their stage
 * since before a day, summed over days rather than counted over the applications.
 */
export const openStageDays = sqliteTable("open_stage_days", {
  day: integer("day").primaryKey(),
  n: integer("n").notNull(),
});

/**
 * Rows of a table kept counted by triggers (db/home-counts.ts), by the table's name and a key (0, or the id the
 * rows are counted per): the decision queue, the people, each agency's submissions that count.
 */
export const rowCounts = sqliteTable(
  "row_counts",
  {
    name: text("name").notNull(),
    key: integer("key").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.key] })],
);
