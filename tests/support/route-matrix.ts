// The expected outcome of every route handler for every kind of user, written
// out by hand. The policy unit test checks the policy table says exactly this;
// the integration test checks the real loaders and actions do exactly this.
//
// A: allowed.  S: sent to sign in.  D: denied (403).  K: an API route: no session opens it (401, a key is needed;
// what keys with and without the scope get is walked in route-matrix.test.ts too).
export const personas = [
  "anonymous",
  "interviewerOnTeam",
  "interviewerOffTeam",
  "managerOfRole",
  "managerOfOther",
  "recruiter",
  "admin",
] as const;
export type Persona = (typeof personas)[number];
export type Expectation = "A" | "S" | "D" | "K";

// Columns in the order of `personas`.
type Row = [Expectation, Expectation, Expectation, Expectation, Expectation, Expectation, Expectation];

export const expectedMatrix: Record<string, { loader?: Row; action?: Row }> = {
  root: { loader: ["A", "A", "A", "A", "A", "A", "A"] },
  "routes/_index": { loader: ["S", "A", "A", "A", "A", "A", "A"] },
  "routes/login": { loader: ["A", "A", "A", "A", "A", "A", "A"], action: ["A", "A", "A", "A", "A", "A", "A"] },
  "routes/logout": { loader: ["A", "A", "A", "A", "A", "A", "A"], action: ["S", "A", "A", "A", "A", "A", "A"] },
  "routes/auth.sso": { loader: ["A", "A", "A", "A", "A", "A", "A"] },
  "routes/auth.sso.callback": { loader: ["A", "A", "A", "A", "A", "A", "A"] },
  "routes/healthz": { loader: ["A", "A", "A", "A", "A", "A", "A"] },
  "routes/account": { loader: ["S", "A", "A", "A", "A", "A", "A"], action: ["S", "A", "A", "A", "A", "A", "A"] },
  // The token in the link decides, not the session: an empty form is refused (400) for everyone alike.
  "routes/unsubscribe": {
    loader: ["A", "A", "A", "A", "A", "A", "A"],
    action: ["A", "A", "A", "A", "A", "A", "A"],
  },
  "routes/roles._index": { loader: ["S", "A", "A", "A", "A", "A", "A"] },
  "routes/roles.new": { loader: ["S", "D", "D", "A", "A", "A", "A"], action: ["S", "D", "D", "A", "A", "A", "A"] },
  "routes/roles.$roleId._index": { loader: ["S", "A", "D", "A", "D", "A", "A"] },
  "routes/roles.$roleId.edit": {
    loader: ["S", "D", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  "routes/admin.users._index": {
    loader: ["S", "D", "D", "D", "D", "D", "A"],
    action: ["S", "D", "D", "D", "D", "D", "A"],
  },
  "routes/admin.users.$userId": {
    loader: ["S", "D", "D", "D", "D", "D", "A"],
    action: ["S", "D", "D", "D", "D", "D", "A"],
  },
  "routes/admin.audit._index": { loader: ["S", "D", "D", "D", "D", "D", "A"] },
  "routes/admin.audit[.csv]": { loader: ["S", "D", "D", "D", "D", "D", "A"] },
  "routes/admin.retention": {
    loader: ["S", "D", "D", "D", "D", "D", "A"],
    action: ["S", "D", "D", "D", "D", "D", "A"],
  },
  "routes/admin.mail": { loader: ["S", "D", "D", "D", "D", "D", "A"] },
  "routes/admin.webhooks._index": {
    loader: ["S", "D", "D", "D", "D", "D", "A"],
    action: ["S", "D", "D", "D", "D", "D", "A"],
  },
  "routes/admin.webhooks.$endpointId": {
    loader: ["S", "D", "D", "D", "D", "D", "A"],
    action: ["S", "D", "D", "D", "D", "D", "A"],
  },
  "routes/candidates._index": { loader: ["S", "A", "A", "A", "A", "A", "A"] },
  "routes/candidates.new": { loader: ["S", "D", "D", "A", "A", "A", "A"], action: ["S", "D", "D", "A", "A", "A", "A"] },
  "routes/candidates.import": {
    loader: ["S", "D", "D", "D", "D", "A", "A"],
    action: ["S", "D", "D", "D", "D", "A", "A"],
  },
  "routes/candidates.import[.csv]": {
    loader: ["S", "D", "D", "D", "D", "A", "A"],
    action: ["S", "D", "D", "D", "D", "A", "A"],
  },
  // The sample candidate's only application is on the matrix role.
  "routes/candidates.$candidateId._index": { loader: ["S", "A", "D", "A", "D", "A", "A"] },
  "routes/candidates.$candidateId.erase": {
    loader: ["S", "D", "D", "D", "D", "A", "A"],
    action: ["S", "D", "D", "D", "D", "A", "A"],
  },
  "routes/candidates.$candidateId.export": { loader: ["S", "D", "D", "D", "D", "A", "A"] },
  "routes/candidates.$candidateId.holds": {
    loader: ["S", "D", "D", "D", "D", "A", "A"],
    action: ["S", "D", "D", "D", "D", "A", "A"],
  },
  "routes/candidates.$candidateId.export[.json]": { loader: ["S", "D", "D", "D", "D", "A", "A"] },
  "routes/candidates.$candidateId.edit": {
    loader: ["S", "D", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  "routes/agencies._index": { loader: ["S", "D", "D", "A", "A", "A", "A"] },
  "routes/agencies.new": { loader: ["S", "D", "D", "D", "D", "A", "A"], action: ["S", "D", "D", "D", "D", "A", "A"] },
  "routes/agencies.$agencyId._index": { loader: ["S", "D", "D", "A", "A", "A", "A"] },
  "routes/agencies.$agencyId.edit": {
    loader: ["S", "D", "D", "D", "D", "A", "A"],
    action: ["S", "D", "D", "D", "D", "A", "A"],
  },
  "routes/roles.$roleId.applications.new": {
    loader: ["S", "D", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  // The sample application is on the matrix role.
  "routes/applications.$applicationId._index": {
    loader: ["S", "A", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  // The door lets the team in; an interviewer who owes a scorecard (or is off the panel) gets no panel words.
  "routes/applications.$applicationId.debrief": { loader: ["S", "A", "D", "A", "D", "A", "A"] },
  "routes/applications.$applicationId.checks": {
    loader: ["S", "D", "D", "D", "D", "A", "A"],
    action: ["S", "D", "D", "D", "D", "A", "A"],
  },
  // Hiring managers see the board for the roles they manage; the query does the scoping.
  "routes/compliance._index": { loader: ["S", "D", "D", "A", "A", "A", "A"] },
  "routes/compliance[.csv]": { loader: ["S", "D", "D", "A", "A", "A", "A"] },
  "routes/roles.$roleId.template": {
    loader: ["S", "D", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  "routes/applications.$applicationId.interviews.new": {
    loader: ["S", "D", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  // The team reads the kit; those who may schedule on the role reschedule or cancel.
  "routes/interviews.$interviewId._index": {
    loader: ["S", "A", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  // Only the interview's panel fills scorecards; the sample panel is the on-team interviewer and the hiring manager.
  "routes/interviews.$interviewId.scorecard": {
    loader: ["S", "A", "D", "A", "D", "D", "D"],
    action: ["S", "A", "D", "A", "D", "D", "D"],
  },
  "routes/interviews.$interviewId.scorecard.autosave": { action: ["S", "A", "D", "A", "D", "D", "D"] },
  "routes/applications.$applicationId.take-homes.new": {
    loader: ["S", "D", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  "routes/take-homes.$takeHomeId._index": {
    loader: ["S", "D", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  // Only assigned graders grade; the sample's graders are the on-team interviewer and the hiring manager.
  "routes/take-homes.$takeHomeId.grade": {
    loader: ["S", "A", "D", "A", "D", "D", "D"],
    action: ["S", "A", "D", "A", "D", "D", "D"],
  },
  "routes/take-homes.$takeHomeId.grade.autosave": { action: ["S", "A", "D", "A", "D", "D", "D"] },
  // The team may read the rollup and comparison; costs inside are limited to those who may see pay.
  "routes/roles.$roleId.rollup": { loader: ["S", "A", "D", "A", "D", "A", "A"] },
  "routes/roles.$roleId.compare": { loader: ["S", "A", "D", "A", "D", "A", "A"] },
  "routes/roles.$roleId.compare[.csv]": { loader: ["S", "A", "D", "A", "D", "A", "A"] },
  "routes/roles.$roleId.costs": {
    loader: ["S", "D", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  // Hiring managers see calibration for the roles they manage; the query scopes it.
  "routes/calibration": { loader: ["S", "D", "D", "A", "A", "A", "A"] },
  // Everyone sees their own interview seats and nobody else's; the query scopes it.
  "routes/interviews._index": { loader: ["S", "A", "A", "A", "A", "A", "A"] },
  // Hiring managers see what waits on them for the roles they manage; the query scopes it.
  "routes/decisions._index": { loader: ["S", "D", "D", "A", "A", "A", "A"] },
  // The role's hiring manager decides, and admins; a recruiter only where they are the hiring manager.
  "routes/applications.$applicationId.decision": {
    loader: ["S", "D", "D", "A", "D", "D", "A"],
    action: ["S", "D", "D", "A", "D", "D", "A"],
  },
  // Offers are pay: the role's hiring managers, HR and admins; never interviewers.
  "routes/applications.$applicationId.offer": {
    loader: ["S", "D", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  // Everyone who may see some pay has a list (theirs may be empty); the query finds what waits for them.
  "routes/approvals": { loader: ["S", "D", "D", "A", "A", "A", "A"], action: ["S", "D", "D", "A", "A", "A", "A"] },
  "routes/roles.$roleId.approvals": {
    loader: ["S", "D", "D", "A", "D", "A", "A"],
    action: ["S", "D", "D", "A", "D", "A", "A"],
  },
  // API keys read the whole company's data: admins only.
  "routes/admin.api-keys": {
    loader: ["S", "D", "D", "D", "D", "D", "A"],
    action: ["S", "D", "D", "D", "D", "D", "A"],
  },
  // The API's description holds no data; the API itself takes a key, never a session, an admin's included.
  "routes/api.v1.openapi[.json]": { loader: ["A", "A", "A", "A", "A", "A", "A"] },
  "routes/api.v1.roles._index": { loader: ["K", "K", "K", "K", "K", "K", "K"] },
  "routes/api.v1.roles.$roleId": { loader: ["K", "K", "K", "K", "K", "K", "K"] },
  "routes/api.v1.applications._index": { loader: ["K", "K", "K", "K", "K", "K", "K"] },
  "routes/api.v1.applications.$applicationId._index": { loader: ["K", "K", "K", "K", "K", "K", "K"] },
  "routes/api.v1.applications.$applicationId.scorecards": { loader: ["K", "K", "K", "K", "K", "K", "K"] },
  "routes/api.v1.applications.$applicationId.checks": { loader: ["K", "K", "K", "K", "K", "K", "K"] },
  "routes/api.v1.checks": { loader: ["K", "K", "K", "K", "K", "K", "K"] },
};

/** Demo users standing in for each persona, relative to the demo role "Senior AI Engineer, Support Copilot". */
export const personaEmails: Record<Exclude<Persona, "anonymous">, string> = {
  interviewerOnTeam: "sam@northwind.test",
  interviewerOffTeam: "riley@northwind.test",
  managerOfRole: "dana@northwind.test",
  managerOfOther: "tomas@northwind.test",
  recruiter: "priya@northwind.test",
  admin: "morgan@northwind.test",
};
export const matrixRoleTitle = "Senior AI Engineer, Support Copilot";
