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

/** The engagement models that are permanent hires (the rest: contractors, freelancers, agencies). */
export const PERMANENT_HIRE_MODELS: ReadonlySet<string> = new Set<EngagementModel>([
  "full_time_ai_engineer",
  "ml_engineer",
  "ai_developer",
  "data_engineer",
]);

export const budgetKinds = ["salary", "hourly", "fixed"] as const;
export type BudgetKind = (typeof budgetKinds)[number];
export const budgetKindLabels: Record<BudgetKind, string> = {
  salary: "Annual salary band",
  hourly: "Hourly rate cap",
  fixed: "Fixed budget",
};

export const currencies = ["USD", "EUR", "GBP", "CAD", "AUD", "INR", "CHF", "SGD"] as const;

export const teamRoles = ["hiring_manager", "interviewer"] as const;
/** Account kinds that may sit on a hiring team as its hiring manager. */
export const HIRING_MANAGER_KINDS: UserKind[] = ["hiring_manager", "recruiter", "admin"];
export type TeamRole = (typeof teamRoles)[number];

// People, agencies and the pipeline.

export const candidateEngagementTypes = ["full_time", "contractor", "freelancer", "agency_placed"] as const;
export type CandidateEngagementType = (typeof candidateEngagementTypes)[number];
export const candidateEngagementTypeLabels: Record<CandidateEngagementType, string> = {
  full_time: "Full-time",
  contractor: "Contractor",
  freelancer: "Freelancer",
  agency_placed: "Placed by an agency",
};

/** How an application would be engaged: the person's engagement type, or an agency bidding as a team. */
export type ApplicationEngagement = CandidateEngagementType | "agency_bid";
export const applicationEngagementLabels: Record<ApplicationEngagement, string> = {
  full_time: "Full-time hire",
  contractor: "Contractor",
  freelancer: "Freelancer",
  agency_placed: "Contractor via agency",
  agency_bid: "Agency bid (team)",
};

export const payKinds = ["annual", "hourly", "fixed"] as const;
export type PayKind = (typeof payKinds)[number];
export const payKindLabels: Record<PayKind, string> = {
  annual: "Annual salary",
  hourly: "Hourly rate",
  fixed: "Fixed-price quote",
};

export const candidateSources = ["referral", "agency", "marketplace", "inbound", "sourced"] as const;
export type CandidateSource = (typeof candidateSources)[number];
export const candidateSourceLabels: Record<CandidateSource, string> = {
  referral: "Referral",
  agency: "Agency",
  marketplace: "Marketplace",
  inbound: "Inbound application",
  sourced: "Sourced by us",
};

/** Hard skills worth checking for AI roles; offered as suggestions, others allowed. */
export const suggestedSkills = [
  "Python",
  "PyTorch",
  "TensorFlow",
  "AWS",
  "GCP",
  "Azure",
  "Docker",
  "Kubernetes",
  "MLflow",
  "Airflow",
  "LangChain",
  "Hugging Face",
  "ONNX",
  "RAG",
  "Evals",
  "SQL",
  "TypeScript",
  "GDPR",
  "SOC 2",
  "CCPA",
] as const;

export const agencyKinds = ["staffing_agency", "delivery_pod", "fixed_price_shop", "marketplace"] as const;
export type AgencyKind = (typeof agencyKinds)[number];
export const agencyKindLabels: Record<AgencyKind, string> = {
  staffing_agency: "Staffing agency",
  delivery_pod: "Delivery pod",
  fixed_price_shop: "Fixed-price shop",
  marketplace: "Marketplace",
};

export const assessments = ["good", "weak", "bad"] as const;
export type Assessment = (typeof assessments)[number];
export const assessmentLabels: Record<Assessment, string> = { good: "Good", weak: "Weak", bad: "Bad" };

/** The four questions an agency or dev shop is vetted on, with what good and bad answers sound like. */
export const vettingQuestions = [
  {
    key: "accuracy_miss",
    question: "What happens when model accuracy misses the acceptance criteria at delivery?",
    good: "A QA process, holdout validation and a defined remediation path.",
    bad: "\u201cThat has never happened.\u201d",
  },
  {
    key: "shipped_in_production",
    question: "Who on the proposed team has shipped AI in production?",
    good: "Named people, a specific model type, the context and the result.",
    bad: "Generic claims about the firm's experience.",
  },
  {
    key: "handover_package",
    question: "What does the handover package contain?",
    good: "Architecture doc, runbook, monitoring setup and a 30-day support window, with an example.",
    bad: "\u201cWe'll document everything.\u201d",
  },
  {
    key: "scope_changes",
    question: "How are scope changes handled?",
    good: "A change-request process stating price and timeline impact.",
    bad: "\u201cWe're flexible.\u201d",
  },
] as const;
export type VettingKey = (typeof vettingQuestions)[number]["key"];
export const vettingKeys = vettingQuestions.map((q) => q.key) as [VettingKey, ...VettingKey[]];

export const rejectionReasons = [
  "skills_gap",
  "production_experience",
  "communication",
  "compensation",
  "availability",
  "compliance",
  "role_closed",
  "hired_someone_else",
  "other",
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];
export const rejectionReasonLabels: Record<RejectionReason, string> = {
  skills_gap: "Skills gap against the scorecard",
  production_experience: "No production AI experience",
  communication: "Communication",
  compensation: "Compensation or rate mismatch",
  availability: "Availability or start date",
  compliance: "Compliance check failed",
  role_closed: "Role closed or on hold",
  hired_someone_else: "Hired someone else",
  other: "Other",
};

export const interviewKinds = [
  "screen",
  "technical_deep_dive",
  "system_design",
  "take_home_review",
  "agency_vetting_call",
  "final",
] as const;
export type InterviewKind = (typeof interviewKinds)[number];

/** A scorecard or a take-home grade: saved as a draft while typing, then submitted. */
export const draftStatuses = ["draft", "submitted"] as const;

/** An offer's own state: open (in approval; approved or not follows from its approvals), accepted, withdrawn. */
export const offerRecordStatuses = ["open", "accepted", "withdrawn"] as const;

/** An approver's answer to an offer's terms. */
export const approvalDecisions = ["approve", "decline"] as const;

/** Whose earlier submission of the same person to the same role a duplicate repeats. */
export const duplicateKinds = ["same-agency", "other-agency", "direct"] as const;
