import { useActionData, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { BriefReadiness } from "~/domain/brief";
import { roleStatusLabels, type RoleStatus } from "~/domain/reference";

export function PageHeader(props: { title: string; subtitle?: ReactNode; actions?: ReactNode; badge?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>
          {props.title} {props.badge}
        </h1>
        {props.subtitle ? <p className="subtitle">{props.subtitle}</p> : null}
      </div>
      {props.actions ? <div className="actions">{props.actions}</div> : null}
    </div>
  );
}

export function StatusBadge({ status }: { status: RoleStatus }) {
  return <span className={`badge badge-${status}`}>{roleStatusLabels[status]}</span>;
}

export function ReadinessBadge({ readiness }: { readiness: Pick<BriefReadiness, "ready" | "filled" | "total"> }) {
  return readiness.ready ? (
    <span className="badge badge-ready">Brief ready</span>
  ) : (
    <span className="badge badge-not-ready">
      Brief {readiness.filled}/{readiness.total}
    </span>
  );
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** A whole count with thousands separators, the same on the server and in the browser. */
export const formatCount = (n: number) => n.toLocaleString("en-US");

export function formatMoney(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format)
    moneyFormats.set(
      currency,
      (format = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 })),
    );
  return format.format(amount);
}

export function formatDate(iso: string | null): string {
  if (!iso) return "not set";
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}

/**
 * A confirmation after a save, move or upload. It takes focus when it appears,
 * so a screen reader reads it and the keyboard carries on from the top of the
 * page it belongs to, instead of from nowhere after the page was replaced.
 */
export function Notice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Again after each navigation that keeps it (a second move on the same board).
  const { key } = useLocation();
  // A form on the page was just refused: the earlier confirmation still in the address is stale.
  // (An action that answers a success with data, like the password change, is not a refusal.)
  const answer = useActionData() as { fieldErrors?: Record<string, unknown>; formError?: string | null } | undefined;
  const refused = Boolean(answer && (answer.formError || Object.keys(answer.fieldErrors ?? {}).length));
  // Once the user sends another form from this page the confirmation is old news, whatever comes back:
  // a refusal in the browser or in the background says so in its own place, and a success brings its own.
  const [sentAt, setSentAt] = useState<string | null>(null);
  useEffect(() => {
    const hide = () => setSentAt(key);
    document.addEventListener("submit", hide, true);
    return () => document.removeEventListener("submit", hide, true);
  }, [key]);
  const superseded = sentAt === key;
  useEffect(() => {
    if (!refused) ref.current?.focus();
  }, [key, refused]);
  if (refused || superseded) return null;
  return (
    <div ref={ref} className="alert alert-ok" role="status" tabIndex={-1}>
      {children}
    </div>
  );
}
