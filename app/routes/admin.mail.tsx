// Outgoing mail for admins: every message newest first, paged, with where it
// is (queued, sent, failed, in the outbox), its attempts and last error; for
// messages kept in the outbox (no SMTP server configured) the text that would
// have been sent.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { formatCount, PageHeader } from "~/components/ui";
import { MAIL_PAGE_SIZE, mailKindLabels, mailStatusLabels } from "~/domain/mail";
import { listMailMessages } from "~/models/mail.server";
import { authorizeUser } from "~/utils/authorize.server";
import { Moment } from "~/components/moment";

export const meta: MetaFunction = () => [{ title: "Outgoing mail · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  await authorizeUser(args, "routes/admin.mail", "loader");
  const asked = Math.floor(Number(new URL(args.request.url).searchParams.get("page")));
  const page = Math.min(Math.max(asked || 1, 1), 100_000);
  const { messages, total } = listMailMessages(page);
  return {
    messages: messages.map((m) => ({
      id: m.id,
      createdAt: m.createdAt.toISOString(),
      kind: mailKindLabels[m.kind],
      recipient: m.recipientName ? `${m.recipientName} <${m.recipientAddress}>` : m.recipientAddress,
      subject: m.subject,
      status: mailStatusLabels[m.status],
      outbox: m.status === "outbox",
      attempts: m.attempts,
      nextAttemptAt: m.status === "queued" ? m.nextAttemptAt.toISOString() : null,
      sentAt: m.sentAt?.toISOString() ?? null,
      lastError: m.lastError ?? "",
      hasCalendar: m.hasCalendar,
      // The body only of what was never sent: the outbox is there to show what would have been.
      text: m.status === "outbox" ? m.textBody : null,
    })),
    total,
    page,
    pageCount: Math.ceil(total / MAIL_PAGE_SIZE),
  };
}

const when = (iso: string) => <Moment at={iso} />;

type Message = ReturnType<typeof useLoaderData<typeof loader>>["messages"][number];

function MessageRow({ m }: { m: Message }) {
  return (
    <tr>
      <td className="small">{when(m.createdAt)}</td>
      <td>{m.recipient}</td>
      <th scope="row">
        {m.subject}
        <div className="muted small">
          {m.kind}
          {m.hasCalendar ? ", with a calendar invitation" : ""}
        </div>
        {m.text !== null ? (
          <details>
            <summary className="small">Text that would be sent</summary>
            <pre className="mail-text">{m.text}</pre>
          </details>
        ) : null}
      </th>
      <td>
        {m.status}
        {m.sentAt ? <div className="muted small">{when(m.sentAt)}</div> : null}
        {m.nextAttemptAt ? <div className="muted small">next try {when(m.nextAttemptAt)}</div> : null}
      </td>
      <td>{m.attempts}</td>
      <td className="small">{m.lastError}</td>
    </tr>
  );
}

export default function OutgoingMail() {
  const { messages, total, page, pageCount } = useLoaderData<typeof loader>();
  const first = (page - 1) * MAIL_PAGE_SIZE + 1;
  return (
    <>
      <PageHeader
        title="Outgoing mail"
        subtitle="Every message the app has queued, newest first. Messages are retried with growing waits and given up after eight attempts. With no SMTP server configured they stay here in the outbox, so you can read what would have been sent."
      />
      <section className="card" aria-labelledby="messages-heading">
        <h2 id="messages-heading">Messages</h2>
        {messages.length === 0 ? (
          <p className="muted">No mail yet. Scheduling an interview sends each panelist an invitation.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="muted small">
                {formatCount(total)} in all, newest first
                {pageCount > 1 ? `; ${first}-${first + messages.length - 1} shown` : ""}.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Queued</th>
                  <th scope="col">To</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <MessageRow key={m.id} m={m} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Pager page={page} pageCount={pageCount} params={{}} />
    </>
  );
}
