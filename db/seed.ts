// Demo data for a new database: a small AI hiring team with roles at every
// status and briefs at every stage of readiness. Dates are relative to `today`
// so the demo never goes stale.
import { eq } from "drizzle-orm";
import type { AppDatabase } from "./client";
import {
  agencies,
  agencyContacts,
  agencySubmissions,
  agencyVetting,
  applications,
  candidates,
  complianceChecks,
  complianceHistory,
  roles,
  roleTeam,
  stageHistory,
  users,
} from "./schema";

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
          touchesSensitiveData: true,
          requiredChecks: ["nda", "ip_assignment", "worker_classification", "background_check", "data_access_clearance"],
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
          touchesSensitiveData: true,
          requiredChecks: ["nda", "ip_assignment", "worker_classification", "background_check", "data_access_clearance"],
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
          touchesSensitiveData: true,
          requiredChecks: ["nda", "ip_assignment", "worker_classification", "background_check", "data_access_clearance", "privacy_training"],
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

    const roleIds: number[] = [];
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
      roleIds.push(id);
    }

    seedPeople(tx as unknown as AppDatabase, { today, userIds: ids, roleIds, requiredChecks: demoRoles.map((r) => (r.role.requiredChecks as string[] | undefined) ?? ["nda", "ip_assignment", "worker_classification"]) });
  });
}

// ---------------------------------------------------------------------------
// Candidates, agencies, pipelines and paperwork.

/** Small deterministic PRNG so the demo is the same on every machine. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const firstNames = ["Aisha", "Mateo", "Hannah", "Kenji", "Olivia", "Ravi", "Sofia", "Lukas", "Amara", "Diego", "Mei", "Jonas", "Fatima", "Ethan", "Ingrid", "Kwame", "Lucia", "Noah", "Priyanka", "Samuel", "Yara", "Tomasz", "Chloe", "Arjun", "Zanele", "Felix", "Leila", "Marcus", "Nadia", "Oscar"];
const lastNames = ["Okonkwo", "Fernández", "Schmidt", "Tanaka", "Bennett", "Iyer", "Rossi", "Weber", "Mensah", "Castillo", "Zhang", "Larsen", "Haddad", "Brooks", "Nilsson", "Asante", "Moreno", "Fischer", "Kapoor", "Adeyemi"];
const places: [string, string][] = [["Austin, TX", "America/Chicago"], ["Toronto, ON", "America/Toronto"], ["Berlin", "Europe/Berlin"], ["London", "Europe/London"], ["Bengaluru", "Asia/Kolkata"], ["Lisbon", "Europe/Lisbon"], ["New York, NY", "America/New_York"], ["Remote (US)", "America/Denver"], ["São Paulo", "America/Sao_Paulo"], ["Warsaw", "Europe/Warsaw"]];
const skillPool = ["Python", "PyTorch", "TensorFlow", "AWS", "GCP", "Azure", "Docker", "Kubernetes", "MLflow", "Airflow", "LangChain", "Hugging Face", "ONNX", "RAG", "Evals", "SQL", "TypeScript", "GDPR", "SOC 2", "dbt", "Spark", "vLLM"];

type Stage = "sourced" | "screening" | "interviewing" | "take_home" | "final" | "offer" | "hired" | "rejected" | "withdrawn";
const ladder: Stage[] = ["sourced", "screening", "interviewing", "take_home", "final", "offer", "hired"];

function seedPeople(
  db: AppDatabase,
  input: { today: Date; userIds: Record<DemoKey, number>; roleIds: number[]; requiredChecks: string[][] },
) {
  const { today, userIds, roleIds } = input;
  const rand = prng(20261121);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const recruiter = userIds.recruiter;

  // Agencies: a solid staffing agency, a delivery pod that bids as a team, a thin marketplace.
  const agencyRows = [
    {
      agency: { name: "Meridian Talent Partners", kind: "staffing_agency" as const, website: "https://meridian-talent.example", rateMin: 95, rateMax: 175, markupPercent: 22, offersHandover: false, writtenAcceptanceCriteria: false, notes: "Strong on data engineering; slower on LLM specialists." },
      contacts: [{ name: "Grace Liu", email: "grace@meridian-talent.example", phone: "+1 512 555 0141", title: "Account lead" }, { name: "Owen Park", email: "owen@meridian-talent.example", phone: null, title: "Technical recruiter" }],
      vetting: [["accuracy_miss", "Not applicable for staffing; their contractors follow our QA.", "weak"], ["shipped_in_production", "Named two placements who shipped RAG search at a fintech, with references.", "good"], ["handover_package", "Contractor writes docs as part of the SOW.", "weak"], ["scope_changes", "Rate changes need two weeks' notice; scope is ours.", "good"]],
    },
    {
      agency: { name: "Forge AI Delivery", kind: "delivery_pod" as const, website: "https://forge-ai.example", rateMin: 140, rateMax: 210, markupPercent: null, offersHandover: true, writtenAcceptanceCriteria: true, notes: "Three-person pod: lead engineer, ML engineer, QA. Fixed-price pilots available." },
      contacts: [{ name: "Ines Duarte", email: "ines@forge-ai.example", phone: "+351 21 555 0199", title: "Delivery director" }],
      vetting: [["accuracy_miss", "Holdout set agreed at kickoff; below threshold they fix at their cost within 3 weeks.", "good"], ["shipped_in_production", "Lead shipped a claims-triage classifier (XGBoost + LLM summaries) at an insurer; 40% faster routing.", "good"], ["handover_package", "Architecture doc, runbook, Grafana dashboards, 30-day support; showed an example.", "good"], ["scope_changes", "Written change requests with price and date impact.", "good"]],
    },
    {
      agency: { name: "QuickBench Marketplace", kind: "marketplace" as const, website: "https://quickbench.example", rateMin: 35, rateMax: 110, markupPercent: 15, offersHandover: false, writtenAcceptanceCriteria: false, notes: "Fast to start; freelancer quality varies widely." },
      contacts: [{ name: "Support desk", email: "clients@quickbench.example", phone: null, title: null }],
      vetting: [["accuracy_miss", "\"That has never happened with our talent.\"", "bad"], ["shipped_in_production", "Pointed to profile badges, no specifics.", "bad"], ["handover_package", "\"We'll document everything.\"", "bad"], ["scope_changes", "\"We're flexible.\"", "weak"]],
    },
  ];
  const agencyIds: number[] = [];
  const contactIds: number[][] = [];
  for (const a of agencyRows) {
    const { id } = db.insert(agencies).values({ ...a.agency, currency: "USD" }).returning({ id: agencies.id }).get();
    agencyIds.push(id);
    contactIds.push(a.contacts.map((c) => db.insert(agencyContacts).values({ ...c, agencyId: id }).returning({ id: agencyContacts.id }).get().id));
    for (const [question, answer, assessment] of a.vetting) {
      db.insert(agencyVetting).values({ agencyId: id, question, answer, assessment: assessment as "good" | "weak" | "bad", notes: null }).run();
    }
  }

  // Sixty candidates.
  const candidateIds: number[] = [];
  const candidateTypes: string[] = [];
  for (let i = 0; i < 60; i++) {
    const first = firstNames[i % firstNames.length];
    const last = lastNames[(i * 7 + Math.floor(i / firstNames.length)) % lastNames.length];
    const [location, timezone] = pick(places);
    const type = i % 5 === 0 ? "contractor" : i % 7 === 0 ? "freelancer" : i % 11 === 0 ? "agency_placed" : "full_time";
    const pay =
      type === "full_time" ? { payKind: "annual" as const, payAmount: 150_000 + Math.round(rand() * 22) * 5_000 }
      : type === "freelancer" ? { payKind: "hourly" as const, payAmount: 40 + Math.round(rand() * 70) }
      : { payKind: "hourly" as const, payAmount: 100 + Math.round(rand() * 20) * 5 };
    const skills = [...new Set(Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(skillPool)))];
    const source = type === "agency_placed" ? "agency" : pick(["referral", "inbound", "sourced", "sourced", "marketplace"] as const);
    const handle = `${first}.${last}`.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    const { id } = db
      .insert(candidates)
      .values({
        name: `${first} ${last}`,
        email: `${handle}${i >= 30 ? i : ""}@mail.example`,
        phone: rand() < 0.6 ? `+1 555 01${String(10 + i).padStart(2, "0")}` : null,
        location,
        timezone,
        profileUrl: `https://www.linkedin.com/in/${handle.replace(".", "-")}`,
        codeUrl: rand() < 0.7 ? `https://github.com/${handle.replace(".", "")}` : null,
        portfolioUrl: rand() < 0.2 ? `https://${handle.replace(".", "")}.dev` : null,
        engagementType: type as "full_time",
        ...pay,
        payCurrency: "USD",
        availableFrom: iso(new Date(today.getTime() + Math.floor(rand() * 90) * 86_400_000)),
        skills,
        source,
        notes: rand() < 0.3 ? "Met at the applied-LLM meetup; strong on evals." : null,
        createdById: recruiter,
        createdAt: daysAgo(40 + Math.floor(rand() * 40)),
      })
      .returning({ id: candidates.id })
      .get();
    candidateIds.push(id);
    candidateTypes.push(type);
  }

  // Pipelines: [role index, stages of its applications]. Every stage appears; roles 0-2 are open.
  const plans: [number, Stage[]][] = [
    [0, ["sourced", "sourced", "screening", "screening", "interviewing", "interviewing", "interviewing", "take_home", "take_home", "final", "final", "final", "offer", "rejected", "rejected", "withdrawn"]],
    [1, ["sourced", "screening", "screening", "interviewing", "take_home", "final", "final", "rejected", "withdrawn"]],
    [2, ["sourced", "sourced", "screening", "interviewing", "interviewing", "take_home", "final", "final", "offer", "rejected"]],
    [3, ["screening", "interviewing", "interviewing", "rejected"]],
    [5, ["hired", "rejected", "rejected", "withdrawn"]],
    [6, ["hired", "rejected", "withdrawn"]],
  ];
  let next = 0;
  const apps: { id: number; roleIndex: number; stage: Stage; candidateId: number | null; agencyId: number | null }[] = [];
  const addApp = (roleIndex: number, stage: Stage, subject: { candidateId: number } | { agencyId: number }, via: { agency: number; contact: number } | null) => {
    const reached = stage === "rejected" || stage === "withdrawn" ? 1 + Math.floor(rand() * 4) : ladder.indexOf(stage);
    const path = ladder.slice(0, reached + 1);
    if (stage === "rejected" || stage === "withdrawn") path.push(stage);
    const start = 20 + Math.floor(rand() * 50);
    const moves = path.map((s, k) => ({ stage: s, at: daysAgo(start - Math.round((k * start) / (path.length + 1))) }));
    const last = moves[moves.length - 1];
    const { id } = db
      .insert(applications)
      .values({
        roleId: roleIds[roleIndex],
        ...("candidateId" in subject ? { candidateId: subject.candidateId } : { agencyId: subject.agencyId }),
        stage,
        rejectionReason: stage === "rejected" ? pick(["skills_gap", "production_experience", "compensation", "communication"]) : null,
        exitNote: stage === "withdrawn" ? "Accepted another offer." : null,
        stageChangedAt: last.at,
        submittedByAgencyId: via ? agencyIds[via.agency] : null,
        createdById: recruiter,
        createdAt: moves[0].at,
        updatedAt: last.at,
      })
      .returning({ id: applications.id })
      .get();
    moves.forEach((m, k) =>
      db.insert(stageHistory).values({ applicationId: id, fromStage: k === 0 ? null : moves[k - 1].stage, toStage: m.stage, movedById: k === 0 ? recruiter : userIds.dana, movedAt: m.at }).run(),
    );
    if (via && "candidateId" in subject) {
      db.insert(agencySubmissions).values({ roleId: roleIds[roleIndex], candidateId: subject.candidateId, agencyId: agencyIds[via.agency], contactId: contactIds[via.agency][via.contact], submittedAt: moves[0].at, counts: true, recordedById: recruiter }).run();
    }
    apps.push({ id, roleIndex, stage, candidateId: "candidateId" in subject ? subject.candidateId : null, agencyId: "agencyId" in subject ? subject.agencyId : null });
    return { id, submittedAt: moves[0].at };
  };

  for (const [roleIndex, stageList] of plans) {
    for (const stage of stageList) {
      const c = next++;
      // Individuals come through the staffing agency, some through the marketplace; the pod bids as a team.
      const viaAgency = candidateTypes[c] === "agency_placed" || c % 6 === 1 ? { agency: c % 4 === 3 ? 2 : 0, contact: 0 } : null;
      addApp(roleIndex, stage, { candidateId: candidateIds[c] }, viaAgency);
    }
  }
  // Forge bids as a team for the contract-review pilot and the sales assistant.
  addApp(1, "interviewing", { agencyId: agencyIds[1] }, null);
  addApp(4, "sourced", { agencyId: agencyIds[1] }, null);
  // A duplicate: QuickBench submits someone Meridian already submitted to the Support Copilot role.
  const meridianPick = apps.find((a) => a.roleIndex === 0 && a.candidateId !== null && a.stage === "interviewing")!;
  const firstSub = db.select().from(agencySubmissions).all().find((s) => s.candidateId === meridianPick.candidateId);
  if (!firstSub) {
    db.insert(agencySubmissions).values({ roleId: roleIds[0], candidateId: meridianPick.candidateId!, agencyId: agencyIds[0], contactId: contactIds[0][1], submittedAt: daysAgo(30), counts: true, recordedById: recruiter }).run();
    db.update(applications).set({ submittedByAgencyId: agencyIds[0] }).where(eq(applications.id, meridianPick.id)).run();
  }
  db.insert(agencySubmissions).values({ roleId: roleIds[0], candidateId: meridianPick.candidateId!, agencyId: agencyIds[2], contactId: contactIds[2][0], submittedAt: daysAgo(12), counts: false, duplicateOf: "other-agency", recordedById: recruiter }).run();

  // Paperwork. Offers and hires are fully cleared; finalists are partway; a few early ones have started.
  const statusesForProgress: Record<string, string[]> = {
    early: ["not_requested", "requested"],
    final: ["verified", "received", "requested", "failed", "waived", "expired", "verified"],
  };
  const record = (check: typeof complianceChecks.$inferInsert) => {
    const row = db.insert(complianceChecks).values(check).returning().get();
    const { detail, ...rest } = row;
    db.insert(complianceHistory).values({ checkId: row.id, status: row.status, changedById: recruiter, changedAt: row.updatedAt, snapshot: { ...rest, detail: detail ? "(recorded)" : null } }).run();
  };
  const personScoped = new Set(["nda", "background_check", "privacy_training", "right_to_work"]);
  const donePerson = new Set<string>();
  let k = 0;
  for (const app of apps) {
    const required = input.requiredChecks[app.roleIndex];
    const cleared = app.stage === "offer" || app.stage === "hired";
    const finalist = app.stage === "final";
    const early = app.stage === "interviewing" || app.stage === "take_home";
    if (!cleared && !finalist && !(early && k++ % 2 === 0)) continue;
    for (const type of required) {
      let status: string;
      if (cleared) status = type === "background_check" && app.roleIndex === 2 ? "waived" : "verified";
      else if (finalist) status = statusesForProgress.final[(app.id + type.length) % statusesForProgress.final.length];
      else status = statusesForProgress.early[(app.id + type.length) % 2];
      if (type === "worker_classification" && status === "waived") status = "received"; // never waivable
      const owner = personScoped.has(type)
        ? app.candidateId !== null ? { candidateId: app.candidateId } : { agencyId: app.agencyId! }
        : { applicationId: app.id };
      const ownerKey = `${JSON.stringify(owner)}:${type}`;
      if (donePerson.has(ownerKey)) continue;
      donePerson.add(ownerKey);
      const verified = status === "verified";
      record({
        type: type as "nda",
        ...owner,
        status: status as "verified",
        classification: type === "worker_classification" && (verified || status === "received") ? (candidateTypes[candidateIds.indexOf(app.candidateId ?? -1)] === "full_time" ? "w2" : app.agencyId ? "agency" : "1099") : null,
        rationale: type === "worker_classification" && (verified || status === "received") ? "Role is directed by our team with our tools; classification follows engagement type." : null,
        waiverReason: status === "waived" ? "Cleared by an equivalent check at the candidate's previous employer within 6 months; legal signed off." : null,
        requestedAt: status === "requested" ? iso(daysAgo(app.id % 3 === 0 ? 12 : 3)) : iso(daysAgo(15)),
        expiresAt: status === "expired" ? iso(daysAgo(5)) : type === "nda" && verified && app.id % 4 === 0 ? iso(new Date(today.getTime() + 20 * 86_400_000)) : null,
        evidenceRef: verified || status === "received" ? `DocuSign ${String(400000 + app.id * 7 + type.length)}` : null,
        detail: type === "background_check" && verified ? "Clear: identity, employment (5 years) and criminal record checks." : type === "background_check" && status === "failed" ? "Employment dates did not match for 2021-2022." : null,
        verifiedById: verified ? recruiter : null,
        verifiedAt: verified ? daysAgo(4) : null,
      });
    }
  }
}
