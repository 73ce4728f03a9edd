// Agency submissions: the first submission of a person to a role is the one
// that counts (by arrival: it is already on record); anything later is
// flagged. A person who reached the role directly (agencyId null) was first.

export type Submission = { agencyId: number | null; submittedAt: Date };

export type SubmissionVerdict =
  { counts: true } | { counts: false; duplicateOf: "same-agency" | "other-agency" | "direct"; first: Submission };

export function judgeSubmission(existing: Submission[], incoming: Submission): SubmissionVerdict {
  const first = [...existing].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())[0];
  if (!first) return { counts: true };
  const duplicateOf =
    first.agencyId === null ? "direct" : first.agencyId === incoming.agencyId ? "same-agency" : "other-agency";
  return { counts: false, duplicateOf, first };
}
