// Role-brief readiness: a role is ready to staff when the one-sentence system
// brief can be completed and the seven brief fields are filled. A brief that
// cannot be filled means discovery or a pilot, not a hire.

export type RoleBrief = {
  briefSystemDoes: string | null;
  briefUsingData: string | null;
  briefInsideWorkflow: string | null;
  briefThreshold: string | null;
  briefOwnedBy: string | null;
  briefWorkflow: string | null;
  briefSourceSystems: string | null;
  briefApprovalPath: string | null;
  briefSuccessMetric: string | null;
  briefSecurity: string | null;
  briefLaunchDate: string | null;
  briefPostLaunchOwner: string | null;
};

export type BriefField = keyof RoleBrief;

export const sentenceBlanks: { field: BriefField; label: string; before: string; after: string }[] = [
  { field: "briefSystemDoes", label: "What the system does", before: "The system", after: "," },
  { field: "briefUsingData", label: "Data it uses", before: "using", after: "data," },
  { field: "briefInsideWorkflow", label: "Workflow it runs in", before: "inside the", after: "workflow," },
  { field: "briefThreshold", label: "Accuracy or review threshold", before: "with", after: "," },
  { field: "briefOwnedBy", label: "Owner after launch", before: "owned by", after: "after launch." },
];

export const briefFields: { field: BriefField; label: string; hint: string }[] = [
  {
    field: "briefWorkflow",
    label: "Workflow or feature to ship",
    hint: "The concrete feature or workflow, not a technology.",
  },
  {
    field: "briefSourceSystems",
    label: "Source systems and data owner",
    hint: "Where the data lives and who can grant access to it.",
  },
  {
    field: "briefApprovalPath",
    label: "Users and approval path",
    hint: "Who uses the output, and who signs off on it.",
  },
  {
    field: "briefSuccessMetric",
    label: "Success metric and eval threshold",
    hint: "How you will know it works, as a number.",
  },
  {
    field: "briefSecurity",
    label: "Security and retention requirements",
    hint: "Sensitive data, retention limits, vendor rules.",
  },
  { field: "briefLaunchDate", label: "Expected launch date", hint: "When it has to be in users' hands." },
  { field: "briefPostLaunchOwner", label: "Post-launch owner", hint: "The person or team who runs it after launch." },
];

export type BriefReadiness = {
  ready: boolean;
  filled: number;
  total: number;
  missing: { field: BriefField; label: string }[];
  sentence: string | null;
};

function isFilled(value: string | null | undefined): boolean {
  return typeof value === "string" && value.trim().length > 0;
}

export function briefReadiness(brief: RoleBrief): BriefReadiness {
  const all = [
    ...sentenceBlanks.map(({ field, label }) => ({ field, label: `Brief sentence: ${label.toLowerCase()}` })),
    ...briefFields.map(({ field, label }) => ({ field, label })),
  ];
  const missing = all.filter(({ field }) => !isFilled(brief[field]));
  const sentenceComplete = sentenceBlanks.every(({ field }) => isFilled(brief[field]));
  return {
    ready: missing.length === 0,
    filled: all.length - missing.length,
    total: all.length,
    missing,
    sentence: sentenceComplete ? briefSentence(brief) : null,
  };
}

export function briefSentence(brief: RoleBrief): string {
  return sentenceBlanks
    .map(({ field, before, after }) => {
      const value = (brief[field] ?? "___").trim() || "___";
      return `${before} ${value}${after === "," ? "," : ` ${after}`}`;
    })
    .join(" ")
    .replace(/ ,/g, ",");
}

/** The characters JavaScript's String.prototype.trim removes: a brief field of only these is blank. */
export const JS_WHITESPACE =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/**
 * SQL that is true when a role's brief is incomplete (a field briefReadiness requires is blank, as isFilled
 * reads it), over the roles table's columns. One text, so an index on it (roles_home_figures_idx, db/home-counts.ts)
 * serves the home page's count: SQLite uses an expression index only for the same expression, with no bound values.
 */
export function briefIncompleteSql(): string {
  const column = (field: BriefField) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return [...sentenceBlanks, ...briefFields]
    .map(({ field }) => `trim(coalesce(${column(field)}, ''), '${JS_WHITESPACE}') = ''`)
    .join(" or ");
}
