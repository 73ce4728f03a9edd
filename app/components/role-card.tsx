import { Link } from "@remix-run/react";
import type { BriefReadiness } from "~/domain/brief";
import { modelInSentence, type Advice } from "~/domain/engagement";
import { engagementModelLabels, type RoleStatus } from "~/domain/reference";
import { roleAgeText, type RoleAge } from "~/domain/pipeline";
import { formatDate, ReadinessBadge, StatusBadge } from "./ui";

export type RoleCardData = {
  id: number;
  title: string;
  team: string;
  location: string;
  headcount: number;
  status: RoleStatus;
  targetStart: string | null;
  hiringManagers: string[];
  myTeamRole: "hiring_manager" | "interviewer" | null;
  readiness: BriefReadiness;
  advice: Advice;
};

/** Where the suggestion (or the next step) lies outside the models the role considers, a short flag after it. */
export function OutsideFlag({ advice }: { advice: Advice }) {
  if (advice.status === "unanswered") return null;
  const outside = [advice.suggested, advice.then].some((m) => m !== null && advice.outsideConsidered.includes(m));
  return outside ? <span className="flag"> (outside the models considered)</span> : null;
}

export function AdviceLine({ advice }: { advice: Advice }) {
  if (advice.status === "unanswered") return <span className="muted">Routing questions not answered</span>;
  return (
    <span>
      {engagementModelLabels[advice.suggested]}
      {advice.then ? <>, then {modelInSentence(advice.then)}</> : null}
    </span>
  );
}

export type RolePipeline = {
  active: number;
  late: number;
  hired: number;
  age: RoleAge;
  scorecardsDue: number;
  scorecardsSubmitted: number;
};

export function RoleCard({ role, pipeline }: { role: RoleCardData; pipeline?: RolePipeline }) {
  return (
    <article className="card role-card" aria-labelledby={`role-${role.id}-title`}>
      <h3 id={`role-${role.id}-title`}>
        <Link to={`/roles/${role.id}`}>{role.title}</Link>
      </h3>
      <p className="meta">
        {role.team} · {role.location} · {role.headcount} {role.headcount === 1 ? "hire" : "hires"} · start{" "}
        {formatDate(role.targetStart)}
      </p>
      <p>
        <StatusBadge status={role.status} /> <ReadinessBadge readiness={role.readiness} />
        {role.myTeamRole ? (
          <span className="badge">{role.myTeamRole === "hiring_manager" ? "You manage" : "You interview"}</span>
        ) : null}
      </p>
      {role.readiness.sentence ? (
        <p className="small">{role.readiness.sentence}</p>
      ) : (
        <p className="small missing">
          Brief missing:{" "}
          {role.readiness.missing
            .slice(0, 3)
            .map((m) => m.label.replace("Brief sentence: ", ""))
            .join(", ")}
          {role.readiness.missing.length > 3 ? ` and ${role.readiness.missing.length - 3} more` : ""}
        </p>
      )}
      <p className="small">
        <strong>Suggested:</strong> <AdviceLine advice={role.advice} />
        <OutsideFlag advice={role.advice} />
      </p>
      {pipeline ? (
        <>
          <p className="small">
            <strong>{pipeline.active}</strong> in the pipeline · <strong>{pipeline.late}</strong> at final or offer ·{" "}
            {pipeline.hired} hired ·{" "}
            <Link to={`/roles/${role.id}/rollup`}>
              Rollup<span className="visually-hidden"> of {role.title}</span>
            </Link>
          </p>
          <p className="small">
            <span className={pipeline.age.phase === "open" && pipeline.age.norm === "past" ? "flag" : undefined}>
              {roleAgeText(pipeline.age)}
            </span>{" "}
            ·{" "}
            {pipeline.scorecardsDue === 0
              ? "no scorecards due yet"
              : `${pipeline.scorecardsSubmitted} of ${pipeline.scorecardsDue} scorecards due are in`}
          </p>
        </>
      ) : null}
    </article>
  );
}
