import { Link, useFetcher } from "@remix-run/react";
import { useValidatedForm } from "~/components/form";
import { activeStages, exitStages, stageLabels, stages, type Stage } from "~/domain/pipeline";
import { moveSchema } from "~/schemas/application";
import type { FieldErrors } from "~/utils/forms";

export type PipelineItem = {
  id: number;
  stage: Stage;
  version: number;
  name: string;
  isAgencyBid: boolean;
  submittedBy: string | null;
  daysInStage: number;
  /** Graded anonymously by the viewer: shown under an alias, not linked. */
  masked?: boolean;
  /** Not the kind of engagement the role seeks (engagementFits). */
  offModel?: boolean;
};

function nextStage(stage: Stage): Stage {
  const i = activeStages.indexOf(stage as (typeof activeStages)[number]);
  return i >= 0 && i < activeStages.length - 1 ? activeStages[i + 1] : "rejected";
}

function QuickMove({ item, roleId }: { item: PipelineItem; roleId: number }) {
  const fetcher = useFetcher<{ fieldErrors: FieldErrors; formError: string | null }>();
  const action = `/applications/${item.id}`;
  const { formRef, register, onSubmit, errorFor } = useValidatedForm(moveSchema, {
    serverErrors: fetcher.data?.fieldErrors,
    submit: (target) => fetcher.submit(target, { method: "post", action }),
  });
  const error = fetcher.data?.formError ?? errorFor("toStage") ?? errorFor("rejectionReason");
  return (
    <fetcher.Form method="post" action={action} ref={formRef} onSubmit={onSubmit} className="quick-move" noValidate>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="version" value={item.version} />
      <input type="hidden" name="returnTo" value={`/roles/${roleId}`} />
      <label className="visually-hidden" htmlFor={`move-${item.id}`}>
        Move {item.name} to
      </label>
      <select id={`move-${item.id}`} defaultValue={nextStage(item.stage)} {...register("toStage")}>
        {stages
          .filter((s) => s !== item.stage && s !== "rejected")
          .map((s) => (
            <option key={s} value={s}>
              {stageLabels[s]}
            </option>
          ))}
      </select>
      <button type="submit" className="btn btn-small" disabled={fetcher.state !== "idle"}>
        Move<span className="visually-hidden"> {item.name}</span>
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

/** "See all 120 in the rollup" when a stage holds more than the board shows. */
function More({ stage, shown, total, roleId }: { stage: Stage; shown: number; total: number; roleId: number }) {
  if (total <= shown) return null;
  return (
    <Link className="small" to={`/roles/${roleId}/rollup?stage=${stage}`}>
      {total - shown} more: see all {total} in the rollup
    </Link>
  );
}

export function Pipeline({
  items,
  counts,
  roleId,
  canMove,
}: {
  items: PipelineItem[];
  counts: Partial<Record<Stage, number>>;
  roleId: number;
  canMove: boolean;
}) {
  const exits = items.filter((i) => (exitStages as readonly string[]).includes(i.stage));
  const count = (stage: Stage) => counts[stage] ?? 0;
  return (
    <>
      <div className="pipeline" role="list" aria-label="Pipeline by stage">
        {activeStages.map((stage) => {
          const inStage = items.filter((i) => i.stage === stage);
          return (
            <section key={stage} className="stage-col" role="listitem" aria-labelledby={`stage-${stage}`}>
              <h3 id={`stage-${stage}`}>
                {stageLabels[stage]} <span className="count">{count(stage)}</span>
              </h3>
              {inStage.map((item) => (
                <article key={item.id} className="app-card" aria-label={item.name}>
                  {item.masked ? <span>{item.name}</span> : <Link to={`/applications/${item.id}`}>{item.name}</Link>}
                  <div className="muted small">
                    {item.masked
                      ? "You are grading their take-home anonymously"
                      : `${item.isAgencyBid ? "Agency bid" : item.submittedBy ? `via ${item.submittedBy}` : "Direct"} · ${item.daysInStage} d in stage`}
                  </div>
                  {item.offModel ? <div className="flag small">Not what the role seeks</div> : null}
                  {canMove && item.stage !== "hired" && !item.masked ? <QuickMove item={item} roleId={roleId} /> : null}
                </article>
              ))}
              <More stage={stage} shown={inStage.length} total={count(stage)} roleId={roleId} />
            </section>
          );
        })}
      </div>
      {exits.length ? (
        <details className="exits">
          <summary>
            {count("rejected")} rejected, {count("withdrawn")} withdrawn
          </summary>
          <ul className="plain">
            {exits.map((e) => (
              <li key={e.id} className="row-between">
                {e.masked ? <span>{e.name}</span> : <Link to={`/applications/${e.id}`}>{e.name}</Link>}{" "}
                <span className="small muted">{stageLabels[e.stage]}</span>
              </li>
            ))}
          </ul>
          <More
            stage="rejected"
            shown={exits.filter((e) => e.stage === "rejected").length}
            total={count("rejected")}
            roleId={roleId}
          />{" "}
          <More
            stage="withdrawn"
            shown={exits.filter((e) => e.stage === "withdrawn").length}
            total={count("withdrawn")}
            roleId={roleId}
          />
        </details>
      ) : null}
    </>
  );
}
