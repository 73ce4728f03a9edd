import { Link } from "@remix-run/react";
import { interviewKindLabels } from "~/schemas/interview";
import type { ApplicationData } from "./types";
import { Moment } from "~/components/moment";

type Interview = ApplicationData["interviews"][number];

/** The application's interviews with their panels; the viewer's own scorecard one click away. */
export function InterviewsSection(props: { applicationId: number; interviews: Interview[]; canSchedule: boolean }) {
  const { applicationId, interviews, canSchedule } = props;
  return (
    <section className="card" aria-labelledby="interviews-heading">
      <div className="row-between no-border">
        <h2 id="interviews-heading">Interviews</h2>
        {canSchedule ? (
          <Link to={`/applications/${applicationId}/interviews/new`} className="btn">
            Schedule
          </Link>
        ) : null}
      </div>
      {interviews.length === 0 ? (
        <p className="muted">None scheduled.</p>
      ) : (
        <ul className="plain">
          {interviews.map((i) => (
            <InterviewItem key={i.id} interview={i} />
          ))}
        </ul>
      )}
    </section>
  );
}

function InterviewItem({ interview: i }: { interview: Interview }) {
  return (
    <li className="row-between">
      <span>
        <Link to={`/interviews/${i.id}`}>{interviewKindLabels[i.kind]}</Link>{" "}
        <span className="muted small">
          <Moment at={i.startsAt} />
        </span>
        <div className="small">
          {i.panel
            .map((p) => `${p.name}${p.status === "submitted" ? " ✔" : p.status === "draft" ? " (draft)" : ""}`)
            .join(", ")}
        </div>
      </span>
      {i.onPanel ? (
        <Link to={`/interviews/${i.id}/scorecard`} className="btn btn-small">
          Your scorecard
        </Link>
      ) : null}
    </li>
  );
}
