// Demo data for a new database: a small AI hiring team with roles at every
// status and briefs at every stage of readiness. Dates are relative to `today`
// so the demo never goes stale. Loaded only when a new database is seeded
// (`prepareDatabase` imports it on demand), so the server build leaves it in a
// chunk of its own (docs/decisions/065-the-demo-seed-is-loaded-only-to-seed.md).
import { eq } from "drizzle-orm";
import { checkSnapshot } from "../app/domain/compliance";
import { engagementFits } from "../app/domain/engagement";
import type { ApplicationEngagement } from "../app/domain/reference";
import { defaultAreas } from "../app/domain/scorecard";
import type { AppDatabase } from "./client";
import { demoUsers } from "./demo-logins";
import {
  agencies,
  agencyContacts,
  agencySubmissions,
  agencyVetting,
  applications,
  candidateHolds,
  candidates,
  complianceChecks,
  complianceHistory,
  interviewPanel,
  interviews,
  offerApprovals,
  offers,
  roleOfferApprovers,
  roleOfferRules,
  scorecardRatings,
  scorecards,
  scorecardTemplates,
  takeHomeGraders,
  takeHomeGrades,
  takeHomes,
  roles,
  roleTeam,
  stageHistory,
  users,
} from "./schema";
import { DAY_MS, isoDay } from "../app/domain/dates";
import { seededRandom } from "../app/domain/random";

type DemoKey = (typeof demoUsers)[number]["key"];

function isoToDate(today: Date, plusDays: number): Date {
  return new Date(today.getTime() + plusDays * DAY_MS);
}

function isoDate(today: Date, plusDays: number): string {
  return isoDay(new Date(today.getTime() + plusDays * DAY_MS));
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
          // A hire, or a senior contractor while the search runs: the comparison weighs both.
          engagementModels: ["full_time_ai_engineer", "ai_developer", "contractor"],
          budgetKind: "salary",
          budgetMin: 185_000,
          budgetMax: 240_000,
          currency: "USD",
          briefSystemDoes: "drafts first replies to support tickets and cites the help-centre articles it used",
          briefUsingData: "Zendesk ticket history and help-centre",
          briefInsideWorkflow: "tier-1 support triage",
          briefThreshold:
            "90% of drafts accepted without edits by agents on the eval set, every draft reviewed by an agent",
          briefOwnedBy: "the Support Platform team",
          briefWorkflow: "Suggested replies inside the agent console, with citations and a one-click insert.",
          briefSourceSystems: "Zendesk (owner: Support Ops, Lena Ortiz); Guru help centre (owner: Knowledge team).",
          briefApprovalPath: "Tier-1 agents use it; the Support Ops lead approves each prompt or retrieval change.",
          briefSuccessMetric: "Draft acceptance >= 90% on a 300-ticket holdout; median handle time down 20%.",
          briefSecurity:
            "Customer PII must be redacted before model calls; no vendor training on our data; logs kept 30 days.",
          briefLaunchDate: day(150),
          briefPostLaunchOwner: "Support Platform team (on-call rotation of three engineers)",
          qCustomModels: false,
          qHostedApis: true,
          qDataBlocker: false,
          qLongTermOwnership: true,
          qBoundedFeature: false,
          qInfraAdvantage: false,
          qExpectedWeeks: null,
          qInternalOwner: true,
          touchesSensitiveData: true,
          requiredChecks: [
            "nda",
            "ip_assignment",
            "worker_classification",
            "background_check",
            "data_access_clearance",
          ],
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
          briefUsingData: "our clause library and signed-contract",
          briefInsideWorkflow: "legal intake",
          briefThreshold: "recall of 95% on flagged clauses, lawyer reviews every flag",
          briefOwnedBy: "Legal Ops engineering",
          briefWorkflow: "A review panel in the contract intake tool listing risky clauses with the playbook position.",
          briefSourceSystems: "Ironclad repository (owner: Legal Ops, Amir Haddad).",
          briefApprovalPath: "Paralegals triage; the deputy GC approves playbook changes.",
          briefSuccessMetric: "95% recall and 80% precision on 150 annotated contracts.",
          briefSecurity:
            "Privileged documents: EU data residency, no retention at the model vendor, audit log of every query.",
          briefLaunchDate: day(45),
          briefPostLaunchOwner: "Legal Ops engineering (two engineers)",
          qCustomModels: false,
          qHostedApis: true,
          qDataBlocker: false,
          qLongTermOwnership: false,
          qBoundedFeature: true,
          qInfraAdvantage: false,
          qExpectedWeeks: 16,
          qInternalOwner: true,
          touchesSensitiveData: true,
          requiredChecks: [
            "nda",
            "ip_assignment",
            "worker_classification",
            "background_check",
            "data_access_clearance",
          ],
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
          qExpectedWeeks: 26,
          qInternalOwner: true,
          touchesSensitiveData: true,
          requiredChecks: [
            "nda",
            "ip_assignment",
            "worker_classification",
            "background_check",
            "data_access_clearance",
            "privacy_training",
          ],
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
          qExpectedWeeks: null,
          qInternalOwner: true,
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
          qExpectedWeeks: 10,
          qInternalOwner: false,
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
          qExpectedWeeks: null,
          qInternalOwner: true,
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
          qExpectedWeeks: 6,
          qInternalOwner: true,
        },
        managers: ["dana", "tomas"],
        interviewers: ["jordan"],
      },
    ];

    const roleIds: number[] = [];
    for (const { role, managers, interviewers } of demoRoles) {
      const { id } = tx
        .insert(roles)
        // Opened ten weeks ago, like the pipelines below, so "days open" means something in the demo.
        // A filled or closed one was settled a week ago.
        .values({
          ...role,
          createdById: ids[managers[0]],
          createdAt: isoToDate(today, -70 + roleIds.length * 3),
          updatedAt: today,
          closedAt: role.status === "filled" || role.status === "closed" ? isoToDate(today, -7) : null,
        })
        .returning({ id: roles.id })
        .get();
      const team = [
        ...managers.map((k) => ({ roleId: id, userId: ids[k], teamRole: "hiring_manager" as const })),
        ...interviewers.map((k) => ({ roleId: id, userId: ids[k], teamRole: "interviewer" as const })),
      ];
      if (team.length) tx.insert(roleTeam).values(team).run();
      roleIds.push(id);
    }

    const apps = seedPeople(tx as unknown as AppDatabase, {
      today,
      userIds: ids,
      roleIds,
      requiredChecks: demoRoles.map(
        (r) => (r.role.requiredChecks as string[] | undefined) ?? ["nda", "ip_assignment", "worker_classification"],
      ),
      engagementModels: demoRoles.map((r) => (r.role.engagementModels as string[] | undefined) ?? []),
    });
    seedInterviews(tx as unknown as AppDatabase, {
      today,
      roleIds,
      apps,
      teams: demoRoles.map((r) => ({
        managers: r.managers.map((k) => ids[k]),
        interviewers: r.interviewers.map((k) => ids[k]),
      })),
      userIds: ids,
    });
    seedOffers(tx as unknown as AppDatabase, {
      today,
      roleIds,
      apps,
      managers: demoRoles.map((r) => r.managers.map((k) => ids[k])),
      userIds: ids,
    });
    seedConsentAndRetention(tx as unknown as AppDatabase, { today, recruiter: ids.recruiter });
  });
}

// ---------------------------------------------------------------------------
// Consent and retention: a third of the candidates gave consent to be considered, some also to be kept on file (one
// of those has lapsed); three on no role have been quiet for over two years, so the retention page has someone due
// (the first), someone kept by a legal hold and someone kept by their consent.

function seedConsentAndRetention(db: AppDatabase, input: { today: Date; recruiter: number }) {
  const { today } = input;
  const all = db.select({ id: candidates.id, source: candidates.source }).from(candidates).orderBy(candidates.id).all();
  const onARole = new Set(
    db
      .select({ id: applications.candidateId })
      .from(applications)
      .all()
      .map((a) => a.id),
  );
  for (const [i, c] of all.entries()) {
    if (i % 3 !== 0) continue;
    const given = isoDate(today, -30 - i);
    const how =
      c.source === "agency" ? ("agency" as const) : i % 2 ? ("email" as const) : ("application_form" as const);
    db.update(candidates)
      .set({
        consentProcessAt: given,
        consentProcessSource: how,
        ...(i % 6 === 0
          ? {
              consentRetainAt: given,
              consentRetainSource: how,
              // One consent to be kept on file has lapsed; the others run two years.
              consentRetainExpiresAt: i === 12 ? isoDate(today, -5) : isoDate(today, 700 - i),
            }
          : {}),
      })
      .where(eq(candidates.id, c.id))
      .run();
  }
  const quiet = all.filter((c) => !onARole.has(c.id)).slice(-3);
  const monthsAgo = (months: number) => isoToDate(today, -Math.round(months * 30.5));
  for (const [i, c] of quiet.entries()) {
    const at = monthsAgo(30 - i);
    db.update(candidates).set({ createdAt: at, updatedAt: at }).where(eq(candidates.id, c.id)).run();
  }
  if (quiet[1])
    db.insert(candidateHolds)
      .values({
        candidateId: quiet[1].id,
        reason: "Pending discrimination claim (ref. ET-2291): keep all hiring records.",
        until: isoDate(today, 180),
        createdById: input.recruiter,
        createdAt: isoToDate(today, -20),
      })
      .run();
  if (quiet[2])
    db.update(candidates)
      .set({
        consentRetainAt: isoDate(today, -40),
        consentRetainSource: "email",
        consentRetainExpiresAt: isoDate(today, 365),
      })
      .where(eq(candidates.id, quiet[2].id))
      .run();
}

// ---------------------------------------------------------------------------
// Offer approvers and offers: every application at Offer has an approved offer, every hire an accepted one, so the
// demo passes its own stage gate; one finalist's offer waits for approval.

function seedOffers(
  db: AppDatabase,
  input: { today: Date; roleIds: number[]; apps: SeededApp[]; managers: number[][]; userIds: Record<DemoKey, number> },
) {
  const { today, roleIds, apps, managers, userIds } = input;
  // The Support Copilot role: any one of HR and the admin. The others: their first hiring manager and HR, both.
  const chains = roleIds.map((_, i) =>
    i === 0
      ? { ids: [userIds.recruiter, userIds.admin], required: 1 }
      : { ids: [...new Set([managers[i][0] ?? userIds.admin, userIds.recruiter])], required: null },
  );
  chains.forEach((c, i) => {
    db.insert(roleOfferApprovers)
      .values(c.ids.map((userId) => ({ roleId: roleIds[i], userId })))
      .run();
    db.insert(roleOfferRules)
      .values({ roleId: roleIds[i], required: c.required, updatedById: userIds.recruiter, updatedAt: today })
      .run();
  });
  const day = (n: number) => isoDay(new Date(today.getTime() + n * DAY_MS));
  const pendingPick = apps.find((a) => a.roleIndex === 0 && a.stage === "final" && a.candidateId !== null);
  for (const app of apps) {
    const pending = app === pendingPick;
    if (app.candidateId === null || !(pending || app.stage === "offer" || app.stage === "hired")) continue;
    const person = db.select().from(candidates).where(eq(candidates.id, app.candidateId)).get()!;
    const moved = db
      .select({ at: applications.stageChangedAt })
      .from(applications)
      .where(eq(applications.id, app.id))
      .get()!.at;
    const author = managers[app.roleIndex][0] ?? userIds.recruiter;
    const hired = app.stage === "hired";
    const offerAt = new Date(moved.getTime() - 3 * DAY_MS);
    const { id } = db
      .insert(offers)
      .values({
        applicationId: app.id,
        payKind: person.payKind ?? "annual",
        amount: person.payAmount ?? 180_000,
        currency: person.payCurrency,
        startDate: hired ? isoDay(new Date(moved.getTime() + 21 * DAY_MS)) : day(30),
        termsNote:
          person.payKind === "annual"
            ? "Standard equity grant; 4-year vest, 1-year cliff."
            : "Three-month initial term, renewable.",
        status: hired ? "accepted" : "open",
        acceptedOn: hired ? isoDay(moved) : null,
        acceptedById: hired ? userIds.recruiter : null,
        createdById: author,
        updatedById: author,
        createdAt: offerAt,
        updatedAt: offerAt,
      })
      .returning({ id: offers.id })
      .get();
    if (pending) continue;
    const chain = chains[app.roleIndex];
    for (const approverId of chain.ids.slice(0, chain.required ?? chain.ids.length)) {
      db.insert(offerApprovals)
        .values({
          offerId: id,
          termsVersion: 1,
          approverId,
          decision: "approve",
          comment: null,
          decidedAt: new Date(offerAt.getTime() + DAY_MS),
        })
        .run();
    }
  }
}

// ---------------------------------------------------------------------------
// Candidates, agencies, pipelines and paperwork.

const firstNames = [
  "Aisha",
  "Mateo",
  "Hannah",
  "Kenji",
  "Olivia",
  "Ravi",
  "Sofia",
  "Lukas",
  "Amara",
  "Diego",
  "Mei",
  "Jonas",
  "Fatima",
  "Ethan",
  "Ingrid",
  "Kwame",
  "Lucia",
  "Noah",
  "Priyanka",
  "Samuel",
  "Yara",
  "Tomasz",
  "Chloe",
  "Arjun",
  "Zanele",
  "Felix",
  "Leila",
  "Marcus",
  "Nadia",
  "Oscar",
];
const lastNames = [
  "Okonkwo",
  "Fernández",
  "Schmidt",
  "Tanaka",
  "Bennett",
  "Iyer",
  "Rossi",
  "Weber",
  "Mensah",
  "Castillo",
  "Zhang",
  "Larsen",
  "Haddad",
  "Brooks",
  "Nilsson",
  "Asante",
  "Moreno",
  "Fischer",
  "Kapoor",
  "Adeyemi",
];
const places: [string, string][] = [
  ["Austin, TX", "America/Chicago"],
  ["Toronto, ON", "America/Toronto"],
  ["Berlin", "Europe/Berlin"],
  ["London", "Europe/London"],
  ["Bengaluru", "Asia/Kolkata"],
  ["Lisbon", "Europe/Lisbon"],
  ["New York, NY", "America/New_York"],
  ["Remote (US)", "America/Denver"],
  ["São Paulo", "America/Sao_Paulo"],
  ["Warsaw", "Europe/Warsaw"],
];
const skillPool = [
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
  "dbt",
  "Spark",
  "vLLM",
];

type Stage =
  "sourced" | "screening" | "interviewing" | "take_home" | "final" | "offer" | "hired" | "rejected" | "withdrawn";
type SeededApp = { id: number; roleIndex: number; stage: Stage; candidateId: number | null; agencyId: number | null };
const ladder: Stage[] = ["sourced", "screening", "interviewing", "take_home", "final", "offer", "hired"];

function seedPeople(
  db: AppDatabase,
  input: {
    today: Date;
    userIds: Record<DemoKey, number>;
    roleIds: number[];
    requiredChecks: string[][];
    engagementModels: string[][];
  },
) {
  const { today, userIds, roleIds } = input;
  const rand = seededRandom(20261121);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const daysAgo = (n: number) => new Date(today.getTime() - n * DAY_MS);
  const iso = (d: Date) => isoDay(d);
  const recruiter = userIds.recruiter;

  // Agencies: a solid staffing agency, a delivery pod that bids as a team, a thin marketplace.
  const agencyRows = [
    {
      agency: {
        name: "Meridian Talent Partners",
        kind: "staffing_agency" as const,
        website: "https://meridian-talent.example",
        rateMin: 95,
        rateMax: 175,
        markupPercent: 22,
        offersHandover: false,
        writtenAcceptanceCriteria: false,
        notes: "Strong on data engineering; slower on LLM specialists.",
      },
      contacts: [
        { name: "Grace Liu", email: "grace@meridian-talent.example", phone: "+1 512 555 0141", title: "Account lead" },
        { name: "Owen Park", email: "owen@meridian-talent.example", phone: null, title: "Technical recruiter" },
      ],
      vetting: [
        ["accuracy_miss", "Not applicable for staffing; their contractors follow our QA.", "weak"],
        ["shipped_in_production", "Named two placements who shipped RAG search at a fintech, with references.", "good"],
        ["handover_package", "Contractor writes docs as part of the SOW.", "weak"],
        ["scope_changes", "Rate changes need two weeks' notice; scope is ours.", "good"],
      ],
    },
    {
      agency: {
        name: "Forge AI Delivery",
        kind: "delivery_pod" as const,
        website: "https://forge-ai.example",
        rateMin: 140,
        rateMax: 210,
        markupPercent: null,
        offersHandover: true,
        writtenAcceptanceCriteria: true,
        notes: "Three-person pod: lead engineer, ML engineer, QA. Fixed-price pilots available.",
      },
      contacts: [
        { name: "Ines Duarte", email: "ines@forge-ai.example", phone: "+351 21 555 0199", title: "Delivery director" },
      ],
      vetting: [
        [
          "accuracy_miss",
          "Holdout set agreed at kickoff; below threshold they fix at their cost within 3 weeks.",
          "good",
        ],
        [
          "shipped_in_production",
          "Lead shipped a claims-triage classifier (XGBoost + LLM summaries) at an insurer; 40% faster routing.",
          "good",
        ],
        [
          "handover_package",
          "Architecture doc, runbook, Grafana dashboards, 30-day support; showed an example.",
          "good",
        ],
        ["scope_changes", "Written change requests with price and date impact.", "good"],
      ],
    },
    {
      agency: {
        name: "QuickBench Marketplace",
        kind: "marketplace" as const,
        website: "https://quickbench.example",
        rateMin: 35,
        rateMax: 110,
        markupPercent: 15,
        offersHandover: false,
        writtenAcceptanceCriteria: false,
        notes: "Fast to start; freelancer quality varies widely.",
      },
      contacts: [{ name: "Support desk", email: "clients@quickbench.example", phone: null, title: null }],
      vetting: [
        ["accuracy_miss", '"That has never happened with our talent."', "bad"],
        ["shipped_in_production", "Pointed to profile badges, no specifics.", "bad"],
        ["handover_package", '"We\'ll document everything."', "bad"],
        ["scope_changes", '"We\'re flexible."', "weak"],
      ],
    },
  ];
  const agencyIds: number[] = [];
  const contactIds: number[][] = [];
  for (const a of agencyRows) {
    const { id } = db
      .insert(agencies)
      .values({ ...a.agency, currency: "USD" })
      .returning({ id: agencies.id })
      .get();
    agencyIds.push(id);
    contactIds.push(
      a.contacts.map(
        (c) =>
          db
            .insert(agencyContacts)
            .values({ ...c, agencyId: id })
            .returning({ id: agencyContacts.id })
            .get().id,
      ),
    );
    for (const [question, answer, assessment] of a.vetting) {
      db.insert(agencyVetting)
        .values({ agencyId: id, question, answer, assessment: assessment as "good" | "weak" | "bad", notes: null })
        .run();
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
      type === "full_time"
        ? { payKind: "annual" as const, payAmount: 150_000 + Math.round(rand() * 22) * 5_000 }
        : type === "freelancer"
          ? { payKind: "hourly" as const, payAmount: 40 + Math.round(rand() * 70) }
          : { payKind: "hourly" as const, payAmount: 100 + Math.round(rand() * 20) * 5 };
    const skills = [...new Set(Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(skillPool)))];
    const source =
      type === "agency_placed" ? "agency" : pick(["referral", "inbound", "sourced", "sourced", "marketplace"] as const);
    const handle = `${first}.${last}`
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
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
        availableFrom: iso(new Date(today.getTime() + Math.floor(rand() * 90) * DAY_MS)),
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
    [
      0,
      [
        "sourced",
        "sourced",
        "screening",
        "screening",
        "interviewing",
        "interviewing",
        "interviewing",
        "take_home",
        "take_home",
        "final",
        "final",
        "final",
        "offer",
        "rejected",
        "rejected",
        "withdrawn",
      ],
    ],
    [1, ["sourced", "screening", "screening", "interviewing", "take_home", "final", "final", "rejected", "withdrawn"]],
    [
      2,
      [
        "sourced",
        "sourced",
        "screening",
        "interviewing",
        "interviewing",
        "take_home",
        "final",
        "final",
        "offer",
        "rejected",
      ],
    ],
    [3, ["screening", "interviewing", "interviewing", "rejected"]],
    [5, ["hired", "rejected", "rejected", "withdrawn"]],
    [6, ["hired", "rejected", "withdrawn"]],
  ];
  // Each role draws the next person on file who would work the way it seeks (the app flags the others), so the
  // demo's pipelines look like a team's, not a shuffle.
  const used = new Set<number>();
  const nextFor = (roleIndex: number) => {
    const free = candidateIds.map((_, i) => i).filter((i) => !used.has(i));
    const c =
      free.find((i) => engagementFits(input.engagementModels[roleIndex], candidateTypes[i] as ApplicationEngagement)) ??
      free[0];
    used.add(c);
    return c;
  };
  const apps: SeededApp[] = [];
  const addApp = (
    roleIndex: number,
    stage: Stage,
    subject: { candidateId: number } | { agencyId: number },
    via: { agency: number; contact: number } | null,
  ) => {
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
        rejectionReason:
          stage === "rejected" ? pick(["skills_gap", "production_experience", "compensation", "communication"]) : null,
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
      db
        .insert(stageHistory)
        .values({
          applicationId: id,
          fromStage: k === 0 ? null : moves[k - 1].stage,
          toStage: m.stage,
          movedById: k === 0 ? recruiter : userIds.dana,
          movedAt: m.at,
        })
        .run(),
    );
    if (via && "candidateId" in subject) {
      db.insert(agencySubmissions)
        .values({
          roleId: roleIds[roleIndex],
          candidateId: subject.candidateId,
          agencyId: agencyIds[via.agency],
          contactId: contactIds[via.agency][via.contact],
          submittedAt: moves[0].at,
          counts: true,
          recordedById: recruiter,
        })
        .run();
    }
    apps.push({
      id,
      roleIndex,
      stage,
      candidateId: "candidateId" in subject ? subject.candidateId : null,
      agencyId: "agencyId" in subject ? subject.agencyId : null,
    });
    return { id, submittedAt: moves[0].at };
  };

  for (const [roleIndex, stageList] of plans) {
    for (const stage of stageList) {
      const c = nextFor(roleIndex);
      // Individuals come through the staffing agency, some through the marketplace; the pod bids as a team.
      const viaAgency =
        candidateTypes[c] === "agency_placed" || c % 6 === 1 ? { agency: c % 4 === 3 ? 2 : 0, contact: 0 } : null;
      addApp(roleIndex, stage, { candidateId: candidateIds[c] }, viaAgency);
    }
  }
  // Forge bids as a team for the contract-review pilot and the sales assistant.
  // The pilot bid has its written quote (a team of three for twelve weeks); the sales-assistant bid is still
  // waiting for one. Beside it on the pilot, Meridian's placed contractors are costed with its 22% markup.
  const pilotBid = addApp(1, "interviewing", { agencyId: agencyIds[1] }, null);
  db.update(applications)
    .set({ quoteAmount: 168_000, quoteCurrency: "USD", quoteTeamSize: 3, quoteWeeks: 12 })
    .where(eq(applications.id, pilotBid.id))
    .run();
  addApp(4, "sourced", { agencyId: agencyIds[1] }, null);
  // A duplicate: QuickBench submits someone Meridian already submitted to the Support Copilot role.
  const meridianPick = apps.find((a) => a.roleIndex === 0 && a.candidateId !== null && a.stage === "interviewing")!;
  const firstSub = db
    .select()
    .from(agencySubmissions)
    .all()
    .find((s) => s.candidateId === meridianPick.candidateId);
  if (!firstSub) {
    db.insert(agencySubmissions)
      .values({
        roleId: roleIds[0],
        candidateId: meridianPick.candidateId!,
        agencyId: agencyIds[0],
        contactId: contactIds[0][1],
        submittedAt: daysAgo(30),
        counts: true,
        recordedById: recruiter,
      })
      .run();
    db.update(applications)
      .set({ submittedByAgencyId: agencyIds[0] })
      .where(eq(applications.id, meridianPick.id))
      .run();
  }
  db.insert(agencySubmissions)
    .values({
      roleId: roleIds[0],
      candidateId: meridianPick.candidateId!,
      agencyId: agencyIds[2],
      contactId: contactIds[2][0],
      submittedAt: daysAgo(12),
      counts: false,
      duplicateOf: "other-agency",
      recordedById: recruiter,
    })
    .run();

  // Paperwork. Offers and hires are fully cleared; finalists are partway; a few early ones have started.
  const statusesForProgress: Record<string, string[]> = {
    early: ["not_requested", "requested"],
    final: ["verified", "received", "requested", "failed", "waived", "expired", "verified"],
  };
  const record = (check: typeof complianceChecks.$inferInsert) => {
    const row = db.insert(complianceChecks).values(check).returning().get();
    db.insert(complianceHistory)
      .values({
        checkId: row.id,
        status: row.status,
        changedById: recruiter,
        changedAt: row.updatedAt,
        snapshot: checkSnapshot(row),
      })
      .run();
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
        ? app.candidateId !== null
          ? { candidateId: app.candidateId }
          : { agencyId: app.agencyId! }
        : { applicationId: app.id };
      const ownerKey = `${JSON.stringify(owner)}:${type}`;
      if (donePerson.has(ownerKey)) continue;
      donePerson.add(ownerKey);
      const verified = status === "verified";
      record({
        type: type as "nda",
        ...owner,
        status: status as "verified",
        classification:
          type === "worker_classification" && (verified || status === "received")
            ? candidateTypes[candidateIds.indexOf(app.candidateId ?? -1)] === "full_time"
              ? "w2"
              : app.agencyId
                ? "agency"
                : "1099"
            : null,
        rationale:
          type === "worker_classification" && (verified || status === "received")
            ? "Role is directed by our team with our tools; classification follows engagement type."
            : null,
        waiverReason:
          status === "waived"
            ? "Cleared by an equivalent check at the candidate's previous employer within 6 months; legal signed off."
            : null,
        requestedAt: status === "requested" ? iso(daysAgo(app.id % 3 === 0 ? 12 : 3)) : iso(daysAgo(15)),
        expiresAt:
          status === "expired"
            ? iso(daysAgo(5))
            : type === "nda" && verified && app.id % 4 === 0
              ? iso(new Date(today.getTime() + 20 * DAY_MS))
              : null,
        evidenceRef: verified || status === "received" ? `DocuSign ${String(400000 + app.id * 7 + type.length)}` : null,
        detail:
          type === "background_check" && verified
            ? "Clear: identity, employment (5 years) and criminal record checks."
            : type === "background_check" && status === "failed"
              ? "Employment dates did not match for 2021-2022."
              : null,
        verifiedById: verified ? recruiter : null,
        verifiedAt: verified ? daysAgo(4) : null,
      });
    }
  }
  return apps;
}

// ---------------------------------------------------------------------------
// Scorecard templates, interviews, scorecards and take-homes.

const demoAreas = () => defaultAreas.map((a) => ({ ...a }));

function seedInterviews(
  db: AppDatabase,
  input: {
    today: Date;
    roleIds: number[];
    apps: SeededApp[];
    teams: { managers: number[]; interviewers: number[] }[];
    userIds: Record<DemoKey, number>;
  },
) {
  const { today, roleIds, apps, teams, userIds } = input;
  const rand = seededRandom(4242);
  const hoursAgo = (h: number) => new Date(today.getTime() - h * 3_600_000);
  const templateIds = roleIds.map((roleId, i) => {
    const areas = demoAreas();
    // The Support Copilot role reweighted its scorecard after the first interviews: version 2.
    return db
      .insert(scorecardTemplates)
      .values({ roleId, version: 1, areas, createdById: teams[i].managers[0], createdAt: hoursAgo(24 * 60) })
      .returning({ id: scorecardTemplates.id })
      .get().id;
  });
  const v2Areas = demoAreas().map((a) =>
    a.key === "llm_rag" ? { ...a, weight: 3 } : a.key === "business_communication" ? { ...a, weight: 2 } : a,
  );
  const copilotV2 = db
    .insert(scorecardTemplates)
    .values({
      roleId: roleIds[0],
      version: 2,
      areas: v2Areas,
      createdById: teams[0].managers[0],
      createdAt: hoursAgo(24 * 12),
    })
    .returning({ id: scorecardTemplates.id })
    .get().id;
  const templateFor = (roleIndex: number, at: Date) =>
    roleIndex === 0 && at.getTime() > hoursAgo(24 * 12).getTime() ? copilotV2 : templateIds[roleIndex];

  const keys = defaultAreas.map((a) => a.key);
  const interview = (
    app: SeededApp,
    kind: "screen" | "technical_deep_dive" | "system_design" | "final",
    endsHoursAgo: number,
    panel: number[],
    focus = keys,
  ) => {
    const endsAt = hoursAgo(endsHoursAgo);
    const startsAt = new Date(endsAt.getTime() - 60 * 60_000);
    const id = db
      .insert(interviews)
      .values({
        applicationId: app.id,
        templateId: templateFor(app.roleIndex, endsAt),
        kind,
        startsAt,
        endsAt,
        focusAreas: focus,
        prompts: [],
        customQuestions: [],
        includeGovernance: kind !== "screen",
        createdById: userIds.recruiter,
        createdAt: hoursAgo(endsHoursAgo + 72),
      })
      .returning({ id: interviews.id })
      .get().id;
    db.insert(interviewPanel)
      .values(panel.map((userId) => ({ interviewId: id, userId })))
      .run();
    return { id, endsAt, focus, app };
  };
  // Ratings lean on how far the application got; some areas are honestly not assessed.
  const lean: Partial<Record<Stage, number>> = {
    hired: 3.4,
    offer: 3.3,
    final: 3,
    take_home: 2.8,
    interviewing: 2.6,
    rejected: 1.9,
    withdrawn: 2.7,
  };
  const card = (
    iv: { id: number; endsAt: Date; focus: string[]; app: SeededApp },
    interviewerId: number,
    status: "submitted" | "draft",
  ) => {
    const base = lean[iv.app.stage] ?? 2.5;
    const ratings = iv.focus.map((areaKey) => {
      const assessed = rand() > 0.15;
      const r = Math.max(1, Math.min(4, Math.round(base + (rand() - 0.5) * 1.8)));
      return { areaKey, rating: assessed ? r : null, evidence: assessed ? evidenceFor(areaKey, r) : null };
    });
    const given = ratings.map((r) => r.rating).filter((r): r is number => r !== null);
    const avg = given.reduce((a, b) => a + b, 0) / Math.max(1, given.length);
    const recommendation =
      status === "draft"
        ? "no_decision"
        : avg >= 3.4
          ? "strong_yes"
          : avg >= 2.6
            ? "yes"
            : avg >= 1.8
              ? "no"
              : "strong_no";
    const submittedAt = new Date(
      Math.min(today.getTime() - 60_000, iv.endsAt.getTime() + (2 + rand() * 30) * 3_600_000),
    );
    const id = db
      .insert(scorecards)
      .values({
        interviewId: iv.id,
        interviewerId,
        templateId: templateFor(iv.app.roleIndex, iv.endsAt),
        status,
        recommendation: recommendation as "yes",
        recommendationChosen: status === "submitted",
        keyTakeaways: status === "submitted" ? takeaway(recommendation) : null,
        // A weak signal goes with a rating: only on an evals area the interviewer rated.
        weakSignals:
          avg < 2.5 && ratings.some((r) => r.areaKey === "evals" && r.rating !== null)
            ? ["evals:Eyeballs outputs"]
            : [],
        submittedAt: status === "submitted" ? submittedAt : null,
        createdAt: iv.endsAt,
        updatedAt: status === "submitted" ? submittedAt : iv.endsAt,
      })
      .returning({ id: scorecards.id })
      .get().id;
    db.insert(scorecardRatings)
      .values(ratings.map((r) => ({ ...r, scorecardId: id })))
      .run();
  };

  const sam = userIds.sam;
  const jordan = userIds.jordan;
  const later = apps.filter(
    (a) =>
      ["interviewing", "take_home", "final", "offer", "hired", "rejected", "withdrawn"].includes(a.stage) &&
      a.candidateId !== null,
  );
  let n = 0;
  for (const app of later) {
    const team = teams[app.roleIndex];
    const ivs = team.interviewers.length ? team.interviewers : team.managers;
    const screen = interview(app, "screen", 24 * (30 + (n % 10)), [ivs[n % ivs.length]]);
    card(screen, ivs[n % ivs.length], "submitted");
    if (["final", "offer", "hired"].includes(app.stage) || (app.stage === "rejected" && n % 2 === 0)) {
      const panel = [...new Set([ivs[(n + 1) % ivs.length], team.managers[0]])];
      const deep = interview(app, "technical_deep_dive", 24 * (8 + (n % 10)), panel);
      for (const u of panel) card(deep, u, "submitted");
    }
    n++;
  }

  // Sam's queue on the Support Copilot role: one overdue, one due now, one upcoming, and a draft.
  const copilot = apps.filter((a) => a.roleIndex === 0 && a.candidateId !== null);
  const interviewing = copilot.filter((a) => a.stage === "interviewing");
  const takeHomeStage = copilot.filter((a) => a.stage === "take_home");
  const overdue = interview(interviewing[0], "system_design", 72, [sam, jordan]);
  card(overdue, jordan, "submitted");
  // Not on an application Sam grades anonymously: graders must not meet the candidate's record.
  const screeningApps = copilot.filter((a) => a.stage === "screening");
  const due = interview(screeningApps[1] ?? screeningApps[0], "system_design", 2, [sam, jordan]);
  card(due, jordan, "submitted");
  const drafted = interview(interviewing[1], "technical_deep_dive", 30, [sam]);
  card(drafted, sam, "draft");
  interview(screeningApps[0], "technical_deep_dive", -26, [sam, userIds.dana]);

  // Take-homes in every status.
  const takeHome = (
    app: SeededApp,
    status: "assigned" | "submitted" | "grading" | "graded" | "waived",
    graders: number[],
    extra: Partial<typeof takeHomes.$inferInsert> = {},
  ) => {
    const id = db
      .insert(takeHomes)
      .values({
        applicationId: app.id,
        title: "Fix a failing RAG workflow",
        instructions:
          "Diagnose why the support copilot drafts replies that cite the wrong help-centre articles, then send: diagnosis, eval plan with thresholds, revised architecture, monitoring plan, cost-control plan, and what you would not build yet.",
        materialsUrl: "https://files.northwind.test/take-home/support-copilot-rag.zip",
        timeBoxHours: 4,
        dueOn: hoursAgo(24 * 3)
          .toISOString()
          .slice(0, 10),
        paid: true,
        amount: 400,
        currency: "USD",
        status,
        anonymous: true,
        alias: `Candidate ${String.fromCharCode(65 + (app.id % 26))}${String.fromCharCode(75 + (app.id % 13))}-${10 + (app.id % 89)}`,
        submissionUrl:
          status === "assigned" || status === "waived"
            ? null
            : `https://files.northwind.test/submissions/${1000 + app.id}`,
        submittedAt: status === "assigned" || status === "waived" ? null : hoursAgo(24 * 3 + (app.id % 2 ? -20 : 6)),
        ...extra,
      })
      .returning({ id: takeHomes.id })
      .get().id;
    db.insert(takeHomeGraders)
      .values(graders.map((userId) => ({ takeHomeId: id, userId })))
      .run();
    return id;
  };
  const grade = (takeHomeId: number, graderId: number, status: "draft" | "submitted", lean = 3) => {
    const r = () => Math.max(1, Math.min(4, Math.round(lean + (rand() - 0.5) * 1.6)));
    db.insert(takeHomeGrades)
      .values({
        takeHomeId,
        graderId,
        diagnosis: r(),
        evalPlan: r(),
        architecture: r(),
        monitoring: r(),
        costControl: r(),
        notBuilding: status === "draft" ? null : r(),
        outcomesReached: status === "draft" ? null : 5 + Math.round(rand() * 5),
        costCeilingRespected: status === "draft" ? null : rand() > 0.2,
        securityRespected: status === "draft" ? null : rand() > 0.1,
        hoursReported: 3 + Math.round(rand() * 3),
        notes: status === "submitted" ? "Clear diagnosis; eval plan has real thresholds." : null,
        status,
        submittedAt: status === "submitted" ? hoursAgo(30) : null,
      })
      .run();
  };
  const copilotFinals = copilot.filter((a) => a.stage === "final");
  takeHome(takeHomeStage[1], "assigned", [sam, jordan], {
    dueOn: isoDay(new Date(today.getTime() + 3 * DAY_MS)),
  });
  takeHome(takeHomeStage[0], "submitted", [sam, jordan]);
  const grading = takeHome(interviewing[2] ?? interviewing[0], "grading", [jordan, userIds.dana]);
  grade(grading, jordan, "submitted");
  for (const [i, app] of copilotFinals.entries()) {
    const graded = takeHome(app, "graded", [sam, userIds.dana], { revealedAt: hoursAgo(20 + i) });
    grade(graded, sam, "submitted", 3 - i * 0.4);
    grade(graded, userIds.dana, "submitted", 3.2 - i * 0.4);
  }
  const claimsFinal = apps.find((a) => a.roleIndex === 2 && a.stage === "final");
  if (claimsFinal) {
    takeHome(claimsFinal, "waived", [userIds.riley], {
      title: "Profile and clean a claims extract",
      instructions:
        "Profile the sample claims extract, list the fields that block an AI pilot and why, and send a cleaning and access plan with owners.",
      materialsUrl: "https://files.northwind.test/take-home/claims-readiness.zip",
      waiverReason: "Shipped an equivalent pipeline in a paid pilot with us last quarter.",
    });
  }
}

function evidenceFor(area: string, rating: number): string {
  const good: Record<string, string> = {
    production_systems:
      "Ran a RAG service at 2k rps; described a rollback after a bad prompt release and the alert that caught it.",
    data_readiness: "First questions were about who owns the ticket data and how PII is redacted before indexing.",
    evals: "Proposed a 300-case golden set with per-intent thresholds and a regression gate in CI.",
    llm_rag: "Measures recall@5 on retrieval separately from answer quality; versions prompts with the code.",
    security: "Raised vendor data retention and asked for per-tenant keys unprompted.",
    cost_management: "Routes easy tickets to a small model and caches embeddings; had a cost-per-ticket budget.",
    business_communication: "Framed the launch as two options with dates and a cost each.",
  };
  const weak: Record<string, string> = {
    production_systems: "Examples were notebooks and a hackathon demo; no incident stories.",
    data_readiness: "Went straight to model choice.",
    evals: "Would check a few outputs by hand before launch.",
    llm_rag: "Described RAG as adding a vector database.",
    security: "Did not ask about sensitive data.",
    cost_management: "No plan for cost as usage grows.",
    business_communication: "Lots of jargon; no recommendation at the end.",
  };
  return rating >= 3 ? (good[area] ?? "Solid, specific examples.") : (weak[area] ?? "Thin evidence.");
}

function takeaway(recommendation: string): string {
  return recommendation === "strong_yes" || recommendation === "yes"
    ? "Has run AI in production and thinks in evals and cost. Would trust with the on-call rotation."
    : "Good instincts but little production evidence; would need a senior pairing for the first quarter.";
}
