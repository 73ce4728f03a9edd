// Times on a page, in the reader's zone. The zone comes from the signed-in
// user (the root loader), so the server and the browser render the same text.
import { useRouteLoaderData } from "@remix-run/react";
import { formatMoment } from "~/domain/dates";

type RootData = { user: { timeZone: string | null } | null };

/** The signed-in reader's time zone, or null (times then read UTC). */
export function useReaderZone(): string | null {
  return useRouteLoaderData<RootData>("root")?.user?.timeZone ?? null;
}

/** A moment as the reader sees it: "Dec 7, 2026, 10:00 AM PST", in a <time> element. */
export function Moment({ at, dateOnly = false }: { at: Date | string | number; dateOnly?: boolean }) {
  const zone = useReaderZone();
  const moment = at instanceof Date ? at : new Date(at);
  return <time dateTime={moment.toISOString()}>{formatMoment(moment, zone, { dateOnly })}</time>;
}
