// Demo data for a new database: a small AI hiring team with roles at every
// status and briefs at every stage of readiness. Dates are relative to `today`
// so the demo never goes stale.
import type { AppDatabase } from "./client";
import { roles, roleTeam, users } from "./schema";

export const DEMO_PASSWORD = "interview-loop-2026";

export const demoUsers = [
  { key: "admin", email: "morgan@northwind.test", name: "Morgan Patel", kind: "admin" },
  { key: "recruiter", email: "priya@northwind.test", name: "Priya Raman", kind: "recruiter" },
  { key: "dana", email: "dana@northwind.test", name: "Dana Whitfield", kind: "hiring_manager" },
  { key: "tomas", email: "tomas@northwind.test", name: "Tomás Okafor", kind: "hiring_manager" },
  { key: "sam", email: "sam@northwind.test", name: "Sam Chen", kind: "interviewer" },
  { key: "riley", email: "riley@northwind.test", name: "Riley Novak", kind: "interviewer" },
  { key: "jordan", email: "jordan@northwind.test", name: "Jordan Alvarez", kind: "interviewer" },
] as const;

type DemoKey = (typeof demoUsers)[number]["key"];

function isoDate(today: Date, plusDays: number): string {
  return new Date(today.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
}

export function seedDemoData(db: AppDatabase, input: { passwordHash: string; today: Date }) {
  const { passwordHash, today } = input;
  const day = (n: number) => isoDate(today, n);

  db.transaction((tx) => {
    const ids = {} as Record<DemoKey, number>;
    for (const u of demoUsers) {
      ids[u.key] = tx
        .insert(users)
        .values({ email: u.email, name: u.name, kind: u.kind, passwordHash })
        .returning({ id: users.id })
        .get().id;
    }

    const demoRoles: {
      role: typeof roles.$inferInsert;
      managers: DemoKey[];
      interviewers: DemoKey[];
    }[] = [
      {
        role: {
          title: "Senior AI Engineer, Support Copilot",
          team: "Customer Experience Platform",
          location: "Remote (US time zones)",
          headcount: 1,
          status: "open",
          targetStart: day(75),
          engagementModels: ["full_time_ai_engineer", "ai_developer"],
          budgetKind: "salary",
          budgetMin: 185_000,
          budgetMax: 240_000,
          currency: "USD",
          briefSystemDoes: "drafts first replies to support tickets and cites the help-centre articles it used",
          briefUsingData: "Zendesk ticket history and help-centre",
          briefInsideWorkflow: "tier-1 support triage",
          briefThreshold: "90% of drafts accepted without edits by agents on the eval set, every draft reviewed by an agent",
          briefOwnedBy: "the Support Platform team",
          briefWorkflow: "Suggested replies inside the agent console, with citations and a one-click insert.",
          briefSourceSystems: "Zendesk (owner: Support Ops, Lena Ortiz); Guru help centre (owner: Knowledge team).",
          briefApprovalPath: "Tier-1 agents use it; the Support Ops lead approves each prompt or retrieval change.",
          briefSuccessMetric: "Draft acceptance >= 90% on a 300-ticket holdout; median handle time down 20%.",
          briefSecurity: "Customer PII must be redacted before model calls; no vendor training on our data; logs kept 30 days.",
          briefLaunchDate: day(150),
          briefPostLaunchOwner: "Support Platform team (on-call rotation of three engineers)",
          qCustomModels: false,
          qHostedApis: true,
          qDataBlocker: false,
          qLongTermOwnership: true,
          qBoundedFeature: false,
          qInfraAdvantage: false,
        },
        managers: ["dana"],
        interviewers: ["sam", "jordan"],
      },
      {
        role: {
          title: "RAG Contractor, Contract Review Pilot",
          team: "Legal Operations",
          location: "Remote",
          headcount: 1,
          status: "open",
          targetStart: day(10),
          engagementModels: ["contractor", "agency", "freelancer"],
          budgetKind: "hourly",
          budgetMin: 120,
          budgetMax: 190,
          currency: "USD",
          briefSystemDoes: "flags non-standard clauses in inbound vendor contracts",
          briefUsingData: "our clause library and 2,000 signed",
          briefInsideWorkflow: "legal intake",
          briefThreshold: "recall of 95% on flagged clauses, lawyer reviews every flag",
          briefOwnedBy: "Legal Ops engineering",
          briefWorkflow: "A review panel in the contract intake tool listing risky clauses with the playbook position.",
          briefSourceSystems: "Ironclad repository (owner: Legal Ops, Amir Haddad).",
          briefApprovalPath: "Paralegals triage; the deputy GC approves playbook changes.",
          briefSuccessMetric: "95% recall and 80% precision on 150 annotated contracts.",
          briefSecurity: "Privileged documents: EU data residency, no retention at the model vendor, audit log of every query.",
          briefLaunchDate: day(45),
          briefPostLaunchOwner: "Legal Ops engineering (two engineers)",
          qCustomModels: false,
          qHostedApis: true,
          qDataBlocker: false,
          qLongTermOwnership: false,
          qBoundedFeature: true,
          qInfraAdvantage: false,
        },
        managers: ["dana"],
        interviewers: ["sam"],
      },
      {
        role: {
          title: "Data Engineer, Claims Data Readiness",
          team: "Claims Automation",
          location: "Chicago, hybrid",
          headcount: 2,
          status: "open",
          targetStart: day(60),
          engagementModels: ["data_engineer", "contractor"],
          budgetKind: "salary",
          budgetMin: 150_000,
          budgetMax: 195_000,
          currency: "USD",
          briefSystemDoes: "classifies incoming claims by complexity and routes them to the right adjuster queue",
          briefUsingData: "claims, policy and adjuster-notes",
          briefInsideWorkflow: "first notice of loss",
          briefThreshold: "85% routing accuracy with adjuster override on every claim",
          briefOwnedBy: "the Claims Data team",
          briefWorkflow: "Automatic queue assignment at first notice of loss.",
          briefSourceSystems: "Guidewire ClaimCenter (owner: Claims IT); adjuster notes in S3, lineage unknown.",
          briefApprovalPath: "Adjusters see the suggested queue; claims supervisors approve threshold changes.",
          briefSuccessMetric: "85% routing accuracy on last quarter's claims; reassignment rate under 10%.",
          briefSecurity: "PHI and PII: HIPAA controls, access by role, seven-year retention of decisions.",
          briefLaunchDate: day(200),
          briefPostLaunchOwner: "Claims Data team",
          qCustomModels: false,
          qHostedApis: true,
          qDataBlocker: true,
          qLongTermOwnership: true,
          qBoundedFeature: false,
          qInfraAdvantage: false,
        },
        managers: ["tomas"],
        interviewers: ["riley"],
      },
      {
        role: {
          title: "ML Engineer, Fraud Scoring Models",
          team: "Risk Engineering",
          location: "New York, on site",
          headcount: 1,
          status: "on_hold",
          targetStart: day(120),
          engagementModels: ["ml_engineer", "full_time_ai_engineer"],
          budgetKind: "salary",
          budgetMin: 200_000,
          budgetMax: 280_000,
          currency: "USD",
          briefSystemDoes: "scores card transactions for fraud in under 50 ms",
          briefUsingData: "transaction and device-fingerprint",
          briefInsideWorkflow: "payment authorisation",
          briefThreshold: "chargebacks down 15% at a false-positive rate under 0.5%",
          briefOwnedBy: "Risk Engineering",
          briefWorkflow: "A gradient-boosted scoring service called from the authorisation path.",
          briefSourceSystems: "Kafka transaction stream and the device-signal warehouse (owner: Risk Data).",
          briefApprovalPath: "Fraud analysts review declines; the risk committee approves model releases.",
          briefSuccessMetric: null,
          briefSecurity: "PCI scope: no card numbers leave the cardholder environment.",
          briefLaunchDate: day(240),
          briefPostLaunchOwner: "Risk Engineering",
          qCustomModels: true,
          qHostedApis: false,
          qDataBlocker: false,
          qLongTermOwnership: true,
          qBoundedFeature: false,
          qInfraAdvantage: true,
        },
        managers: ["tomas"],
        interviewers: ["riley", "jordan"],
      },
      {
        role: {
          title: "Agency Pod, Sales Email Assistant",
          team: "Revenue Operations",
          location: "Remote",
          headcount: 1,
          status: "draft",
          targetStart: null,
          engagementModels: ["agency"],
          budgetKind: "fixed",
          budgetMin: 60_000,
          budgetMax: 90_000,
          currency: "USD",
          briefSystemDoes: "writes personalised follow-up emails after discovery calls",
          briefUsingData: "Gong call transcripts and Salesforce",
          briefInsideWorkflow: null,
          briefThreshold: null,
          briefOwnedBy: null,
          briefWorkflow: "Follow-up drafts in Salesforce after each discovery call.",
          briefSourceSystems: null,
          briefApprovalPath: null,
          briefSuccessMetric: null,
          briefSecurity: null,
          briefLaunchDate: day(40),
          briefPostLaunchOwner: null,
          qCustomModels: false,
          qHostedApis: true,
          qDataBlocker: null,
          qLongTermOwnership: null,
          qBoundedFeature: true,
          qInfraAdvantage: null,
        },
        managers: ["dana"],
        interviewers: [],
      },
      {
        role: {
          title: "AI Developer, Internal Knowledge Search",
          team: "Internal Tools",
          location: "Austin, hybrid",
          headcount: 1,
          status: "filled",
          targetStart: day(-30),
          engagementModels: ["ai_developer", "contractor"],
          budgetKind: "salary",
          budgetMin: 150_000,
          budgetMax: 190_000,
          currency: "USD",
          briefSystemDoes: "answers employee questions from policies and runbooks with sources",
          briefUsingData: "Confluence and Google Drive",
          briefInsideWorkflow: "IT and HR help-desk",
          briefThreshold: "80% answer acceptance with a 'talk to a person' fallback",
          briefOwnedBy: "Internal Tools",
          briefWorkflow: "A Slack assistant answering policy and runbook questions.",
          briefSourceSystems: "Confluence and Drive (owners: IT and People Ops).",
          briefApprovalPath: "Employees use it; IT approves source additions.",
          briefSuccessMetric: "80% thumbs-up on 200 sampled answers; help-desk tickets down 25%.",
          briefSecurity: "Respect document permissions per user; 14-day log retention.",
          briefLaunchDate: day(-10),
          briefPostLaunchOwner: "Internal Tools",
          qCustomModels: false,
          qHostedApis: true,
          qDataBlocker: false,
          qLongTermOwnership: true,
          qBoundedFeature: true,
          qInfraAdvantage: false,
        },
        managers: ["tomas"],
        interviewers: ["sam"],
      },
      {
        role: {
          title: "Freelance Eval Harness Builder",
          team: "AI Platform",
          location: "Remote (any time zone)",
          headcount: 1,
          status: "closed",
          targetStart: day(-60),
          engagementModels: ["freelancer"],
          budgetKind: "hourly",
          budgetMin: 60,
          budgetMax: 100,
          currency: "USD",
          briefSystemDoes: "runs regression evals on every prompt change",
          briefUsingData: "golden question-answer",
          briefInsideWorkflow: "prompt release",
          briefThreshold: "no regression above 2 points on any suite",
          briefOwnedBy: "AI Platform",
          briefWorkflow: "CI job that blocks prompt releases that regress.",
          briefSourceSystems: "Golden sets in the evals repo (owner: AI Platform).",
          briefApprovalPath: "Prompt authors see results; platform lead approves overrides.",
          briefSuccessMetric: "Every prompt change evaluated within 15 minutes.",
          briefSecurity: "Synthetic data only.",
          briefLaunchDate: day(-20),
          briefPostLaunchOwner: "AI Platform",
          qCustomModels: false,
          qHostedApis: true,
          qDataBlocker: false,
          qLongTermOwnership: false,
          qBoundedFeature: true,
          qInfraAdvantage: false,
        },
        managers: ["dana", "tomas"],
        interviewers: ["jordan"],
      },
    ];

    for (const { role, managers, interviewers } of demoRoles) {
      const { id } = tx
        .insert(roles)
        .values({ ...role, createdById: ids[managers[0]] })
        .returning({ id: roles.id })
        .get();
      const team = [
        ...managers.map((k) => ({ roleId: id, userId: ids[k], teamRole: "hiring_manager" as const })),
        ...interviewers.map((k) => ({ roleId: id, userId: ids[k], teamRole: "interviewer" as const })),
      ];
      if (team.length) tx.insert(roleTeam).values(team).run();
    }
  });
}
