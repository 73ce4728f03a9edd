// The read-only API's vocabulary: what an API key may be granted. Each scope
// opens one kind of resource under /api/v1; "pay" adds pay figures to what the
// other scopes already show and opens nothing by itself.

export const apiScopes = ["roles", "applications", "scorecards", "checks", "pay"] as const;
export type ApiScope = (typeof apiScopes)[number];

export const apiScopeLabels: Record<ApiScope, string> = {
  roles: "Roles",
  applications: "Applications (stage and decision)",
  scorecards: "Scorecard summaries",
  checks: "Compliance checks' statuses",
  pay: "Pay (budgets, offers' and candidates' pay)",
};
