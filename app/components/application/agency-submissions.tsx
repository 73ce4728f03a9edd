import type { ApplicationData } from "./types";
import { Moment } from "~/components/moment";

/** Which agencies submitted this person, when, and which submission counts. */
export function AgencySubmissions({ submissions }: { submissions: ApplicationData["submissions"] }) {
  return (
    <section className="card" aria-labelledby="subs">
      <h2 id="subs">Agency submissions</h2>
      <ul className="plain">
        {submissions.map((s) => (
          <li key={s.id} className="row-between">
            <span>
              {s.agency}
              {s.contact ? <span className="muted small"> · {s.contact}</span> : null}
              <span className="muted small">
                {" "}
                · <Moment at={s.submittedAt} dateOnly />
              </span>
            </span>
            {s.counts ? (
              <span className="badge badge-open">Counts</span>
            ) : (
              <span className="badge badge-bad">Duplicate</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
