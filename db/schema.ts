// Tables only. Reference lists (user kinds, statuses, engagement models) live in
// app/domain so the UI, the validators and the database agree on one spelling.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
};

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["admin", "recruiter", "hiring_manager", "interviewer"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  // Optimistic concurrency: every editable record carries a version that an
  // update must match, so a second writer gets a conflict instead of a silent overwrite.
  version: integer("version").notNull().default(1),
  ...timestamps,
});

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
    status: text("status", { enum: ["draft", "open", "on_hold", "filled", "closed"] })
      .notNull()
      .default("draft"),
    targetStart: text("target_start"), // ISO date (YYYY-MM-DD)
    engagementModels: text("engagement_models", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    budgetKind: text("budget_kind", { enum: ["salary", "hourly", "fixed"] }),
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

    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
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
    teamRole: text("team_role", { enum: ["hiring_manager", "interviewer"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.userId] }), index("role_team_user_idx").on(t.userId)],
);
