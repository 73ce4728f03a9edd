import { Link } from "@remix-run/react";
import { TakeHomeResult } from "~/components/take-home-result";
import { takeHomeStatusLabels } from "~/domain/take-home";
import type { ApplicationData } from "./types";

type TakeHome = ApplicationData["takeHomes"][number];

/** The take-homes assigned on this application, each with its graders and combined result. */
export function TakeHomesSection(props: { applicationId: number; takeHomes: TakeHome[]; canAssign: boolean }) {
  const { applicationId, takeHomes, canAssign } = props;
  return (
    <section className="card" aria-labelledby="take-home-heading">
      <div className="row-between no-border">
        <h2 id="take-home-heading">Take-home</h2>
        {canAssign ? (
          <Link to={`/applications/${applicationId}/take-homes/new`} className="btn">
            Assign
          </Link>
        ) : null}
      </div>
      {takeHomes.length === 0 ? (
        <p className="muted">None assigned.</p>
      ) : (
        takeHomes.map((t) => <TakeHomeItem key={t.id} takeHome={t} canOpen={canAssign} />)
      )}
    </section>
  );
}

function TakeHomeItem({ takeHome: t, canOpen }: { takeHome: TakeHome; canOpen: boolean }) {
  return (
    <div className="vet-answer">
      <h3>
        {canOpen ? <Link to={`/take-homes/${t.id}`}>{t.title}</Link> : t.title}{" "}
        <span className="badge">
          {takeHomeStatusLabels[t.status]}
          {t.late ? " · late" : ""}
        </span>
      </h3>
      <p className="small muted">
        Due {t.dueOn} · graders {t.graders.join(", ")}
        {t.anonymous ? " · anonymous" : ""}
      </p>
      {t.amGrader ? (
        <p>
          <Link to={`/take-homes/${t.id}/grade`}>Your grade</Link>
        </p>
      ) : null}
      <TakeHomeResult result={t.result} />
    </div>
  );
}
