import { describe, expect, it } from "vitest";
import { briefReadiness, type RoleBrief } from "./brief";

const complete: RoleBrief = {
  briefSystemDoes: "drafts replies to support tickets",
  briefUsingData: "ticket history",
  briefInsideWorkflow: "tier-1 triage",
  briefThreshold: "90% acceptance",
  briefOwnedBy: "Support Platform",
  briefWorkflow: "Suggested replies",
  briefSourceSystems: "Zendesk",
  briefApprovalPath: "Agents approve",
  briefSuccessMetric: "90% on holdout",
  briefSecurity: "PII redacted",
  briefLaunchDate: "2027-03-01",
  briefPostLaunchOwner: "Support Platform",
};

describe("briefReadiness", () => {
  it("is ready when the sentence and all seven fields are filled", () => {
    const r = briefReadiness(complete);
    expect(r.ready).toBe(true);
    expect(r.filled).toBe(12);
    expect(r.missing).toEqual([]);
    expect(r.sentence).toBe(
      "The system drafts replies to support tickets, using ticket history data, inside the tier-1 triage workflow, with 90% acceptance, owned by Support Platform after launch.",
    );
  });

  it("names each missing piece and treats whitespace as missing", () => {
    const r = briefReadiness({ ...complete, briefThreshold: "   ", briefSecurity: null, briefLaunchDate: "" });
    expect(r.ready).toBe(false);
    expect(r.filled).toBe(9);
    expect(r.missing.map((m) => m.field)).toEqual(["briefThreshold", "briefSecurity", "briefLaunchDate"]);
    expect(r.missing[0].label).toBe("Brief sentence: accuracy or review threshold");
    expect(r.sentence).toBeNull();
  });

  it("reports an empty brief as 0 of 12", () => {
    const empty = Object.fromEntries(Object.keys(complete).map((k) => [k, null])) as RoleBrief;
    const r = briefReadiness(empty);
    expect(r).toMatchObject({ ready: false, filled: 0, total: 12 });
    expect(r.missing).toHaveLength(12);
  });
});
