import { formatDate, formatMoney } from "~/components/ui";
import type { TakeHomeData } from "./types";
import { useReaderZone } from "~/components/moment";
import { formatMoment } from "~/domain/dates";

/** "Revealed by Sam Lee on Mar 3, 2026, 10:00 AM PST": who revealed the candidate to the graders, and when. */
function revealText(at: string | Date, by: string | null, zone: string | null): string {
  const when = formatMoment(at, zone);
  return by ? `Revealed by ${by} on ${when}` : `Revealed on ${when}`;
}

/** The exercise as assigned and where it stands: due date and extension, time box, pay, grading, submission. */
export function ExerciseFacts({ takeHome: t }: { takeHome: TakeHomeData["takeHome"] }) {
  const zone = useReaderZone();
  return (
    <section className="card" aria-labelledby="brief">
      <h2 id="brief">The exercise</h2>
      <dl className="facts small">
        <dt>Due</dt>
        <dd>
          {formatDate(t.dueOn)}
          {t.extendedTo ? `, extended to ${formatDate(t.extendedTo)} (${t.extensionReason})` : ""}
        </dd>
        <dt>Time box</dt>
        <dd>{t.timeBoxHours} hours</dd>
        <dt>Pay</dt>
        <dd>{t.paid && t.amount ? formatMoney(t.amount, t.currency) : "Unpaid"}</dd>
        <dt>Grading</dt>
        <dd>
          {t.anonymous ? `Anonymous, as “${t.alias}”` : "Named"}
          {t.revealedAt ? (
            <>
              <br />
              <span className="reveal">{revealText(t.revealedAt, t.revealedBy, zone)}</span>
            </>
          ) : null}
        </dd>
        <dt>Submission</dt>
        <dd>
          {t.submissionUrl ? (
            <a href={t.submissionUrl} rel="noopener noreferrer nofollow" target="_blank">
              {t.submissionUrl}
            </a>
          ) : t.submittedAt ? (
            "Recorded"
          ) : (
            "Not yet"
          )}
        </dd>
        {t.waiverReason ? (
          <>
            <dt>Waived</dt>
            <dd>{t.waiverReason}</dd>
          </>
        ) : null}
      </dl>
      <p className="prewrap small">{t.instructions}</p>
    </section>
  );
}

/** Each grader and how far they are: not started, draft, submitted. */
export function GraderProgress({ graders }: { graders: TakeHomeData["graders"] }) {
  return (
    <section className="card" aria-labelledby="graders">
      <h2 id="graders">Graders</h2>
      <ul className="plain">
        {graders.map((g) => (
          <li key={g.userId} className="row-between">
            {g.name}{" "}
            <span
              className={`badge ${g.status === "submitted" ? "badge-open" : g.status ? "badge-on_hold" : "badge-closed"}`}
            >
              {g.status === "submitted" ? "Submitted" : g.status ? "Draft" : "Not started"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
