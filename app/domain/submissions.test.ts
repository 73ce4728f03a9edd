import { describe, expect, it } from "vitest";
import { judgeSubmission } from "./submissions";

const at = (iso: string) => new Date(iso);

describe("judgeSubmission", () => {
  it("counts the first submission of a person to a role", () => {
    expect(judgeSubmission([], { agencyId: 1, submittedAt: at("2026-11-01") })).toEqual({ counts: true });
  });

  it("flags a later submission from another agency as a duplicate of the first", () => {
    const verdict = judgeSubmission([{ agencyId: 1, submittedAt: at("2026-11-01") }], {
      agencyId: 2,
      submittedAt: at("2026-11-05"),
    });
    expect(verdict).toEqual({
      counts: false,
      duplicateOf: "other-agency",
      first: { agencyId: 1, submittedAt: at("2026-11-01") },
    });
  });

  it("keeps the first on record even if a later arrival claims an earlier date", () => {
    const verdict = judgeSubmission([{ agencyId: 1, submittedAt: at("2026-11-05") }], {
      agencyId: 2,
      submittedAt: at("2026-10-01"),
    });
    expect(verdict).toMatchObject({ counts: false, duplicateOf: "other-agency", first: { agencyId: 1 } });
  });

  it("gives no credit to an agency for someone who applied directly first", () => {
    expect(
      judgeSubmission([{ agencyId: null, submittedAt: at("2026-10-01") }], {
        agencyId: 3,
        submittedAt: at("2026-11-01"),
      }),
    ).toMatchObject({
      counts: false,
      duplicateOf: "direct",
    });
  });

  it("recognises the same agency submitting twice", () => {
    expect(
      judgeSubmission([{ agencyId: 3, submittedAt: at("2026-10-01") }], { agencyId: 3, submittedAt: at("2026-11-01") }),
    ).toMatchObject({ duplicateOf: "same-agency" });
  });
});
