import { stageLabels } from "~/domain/pipeline";
import { rejectionReasonLabels } from "~/domain/reference";
import type { ApplicationData } from "./types";
import { Moment } from "~/components/moment";

/** Every move between stages, oldest first, and why the application was rejected if it was. */
export function StageHistory(props: {
  history: ApplicationData["history"];
  application: Pick<ApplicationData["application"], "rejectionReason" | "exitNote">;
}) {
  const { history, application } = props;
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Stage history</h2>
      <ol className="history">
        {history.map((h) => (
          <li key={h.id}>
            <strong>
              {h.fromStage ? `${stageLabels[h.fromStage as keyof typeof stageLabels]} → ` : "Added at "}
              {stageLabels[h.toStage as keyof typeof stageLabels]}
            </strong>{" "}
            <span className="muted small">
              <Moment at={h.movedAt} /> by {h.movedBy ?? "someone"}
            </span>
            {h.note ? <div className="small">{h.note}</div> : null}
          </li>
        ))}
      </ol>
      {application.rejectionReason ? (
        <p className="small">
          Rejected: {rejectionReasonLabels[application.rejectionReason]}
          {application.exitNote ? ` · ${application.exitNote}` : ""}
        </p>
      ) : null}
    </section>
  );
}
