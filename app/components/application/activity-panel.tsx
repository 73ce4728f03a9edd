import { Link } from "@remix-run/react";
import type { ApplicationData } from "./types";
import { Moment } from "~/components/moment";

/**
 * Who did what to this application, newest first, from the audit log: the kinds of entry the viewer may read
 * (the loader decides), by whom and when. Field names only, never values.
 */
export function ActivityPanel(props: { applicationId: number; activity: NonNullable<ApplicationData["activity"]> }) {
  const { applicationId, activity } = props;
  return (
    <section className="card" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      {activity.entries.length === 0 ? (
        <p className="muted small">Nothing recorded since the audit log began.</p>
      ) : (
        <ol className="history">
          {activity.entries.map((e) => (
            <li key={e.id}>
              <strong>{e.text}</strong>{" "}
              <span className="muted small">
                <Moment at={e.at} /> by {e.actorName ?? "the system"}
              </span>
            </li>
          ))}
        </ol>
      )}
      {activity.total > activity.entries.length ? (
        <p className="small muted">
          Showing the latest {activity.entries.length} of {activity.total}.
        </p>
      ) : null}
      {activity.canReadLog ? (
        <p className="small">
          <Link to={`/admin/audit?record=application&recordId=${applicationId}`}>Open in the audit log</Link>
        </p>
      ) : null}
    </section>
  );
}
