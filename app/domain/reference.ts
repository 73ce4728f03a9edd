// Reference vocabulary shared by the database schema, the validators and the UI.

export const userKinds = ["admin", "recruiter", "hiring_manager", "interviewer"] as const;
export type UserKind = (typeof userKinds)[number];
export const userKindLabels: Record<UserKind, string> = {
  admin: "Admin",
  recruiter: "Recruiter (HR)",
  hiring_manager: "Hiring manager",
  interviewer: "Interviewer",
};

export const roleStatuses = ["draft", "open", "on_hold", "filled", "closed"] as const;
export type RoleStatus = (typeof roleStatuses)[number];
export const roleStatusLabels: Record<RoleStatus, string> = {
  draft: "Draft",
  open: "Open",
  on_hold: "On hold",
  filled: "Filled",
  closed: "Closed",
};

export const engagementModels = [
  "full_time_ai_engineer",
  "ml_engineer",
  "ai_developer",
  "data_engineer",
  "contractor",
  "freelancer",
  "agency",
] as const;
export type EngagementModel = (typeof engagementModels)[number];
export const engagementModelLabels: Record<EngagementModel, string> = {
  full_time_ai_engineer: "Full-time AI engineer",
  ml_engineer: "ML engineer",
  ai_developer: "AI developer / senior product engineer",
  data_engineer: "Data engineer",
  contractor: "Senior contractor",
  freelancer: "Freelancer",
  agency: "Agency / delivery pod",
};

export const budgetKinds = ["salary", "hourly", "fixed"] as const;
export type BudgetKind = (typeof budgetKinds)[number];
export const budgetKindLabels: Record<BudgetKind, string> = {
  salary: "Annual salary band",
  hourly: "Hourly rate cap",
  fixed: "Fixed budget",
};

export const currencies = ["USD", "EUR", "GBP", "CAD", "AUD", "INR", "CHF", "SGD"] as const;

export const teamRoles = ["hiring_manager", "interviewer"] as const;
export type TeamRole = (typeof teamRoles)[number];
