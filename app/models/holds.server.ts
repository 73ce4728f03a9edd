// Legal holds on a candidate: listed, added and ended by HR. A hold keeps the
// candidate's data past erasure and the retention rule until its end date
// (app/domain/retention.ts). Audited with the end date only: the reason is
// the hold's own record, never the log's.
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb, schema as s } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export function listCandidateHolds(candidateId: number) {
  return getDb()
    .select({
      id: s.candidateHolds.id,
      reason: s.candidateHolds.reason,
      until: s.candidateHolds.until,
      createdAt: s.candidateHolds.createdAt,
      createdBy: s.users.name,
      endedAt: s.candidateHolds.endedAt,
    })
    .from(s.candidateHolds)
    .leftJoin(s.users, eq(s.users.id, s.candidateHolds.createdById))
    .where(eq(s.candidateHolds.candidateId, candidateId))
    .orderBy(desc(s.candidateHolds.until), desc(s.candidateHolds.id))
    .all();
}

export type HoldRecord = ReturnType<typeof listCandidateHolds>[number];

/** Add a hold; its id. One transaction with its audit entry. */
export function addCandidateHold(input: {
  candidateId: number;
  reason: string;
  until: string;
  actorId: number | null;
  now: Date;
}): number {
  return getDb().transaction((tx) => {
    const { id } = tx
      .insert(s.candidateHolds)
      .values({
        candidateId: input.candidateId,
        reason: input.reason,
        until: input.until,
        createdById: input.actorId,
        createdAt: input.now,
      })
      .returning({ id: s.candidateHolds.id })
      .get();
    recordAudit({
      actorId: input.actorId,
      action: "candidate.hold",
      subject: { type: "candidate", id: input.candidateId },
      detail: { until: input.until },
    });
    return id;
  });
}

/** End a hold of this candidate that is still on; false when there is none (unknown, another's, already ended). */
export function endCandidateHold(input: { candidateId: number; holdId: number; actorId: number | null; now: Date }) {
  return getDb().transaction((tx) => {
    const changed = tx
      .update(s.candidateHolds)
      .set({ endedAt: input.now, endedById: input.actorId })
      .where(
        and(
          eq(s.candidateHolds.id, input.holdId),
          eq(s.candidateHolds.candidateId, input.candidateId),
          isNull(s.candidateHolds.endedAt),
        ),
      )
      .run().changes;
    if (changed === 0) return false;
    recordAudit({
      actorId: input.actorId,
      action: "candidate.hold_end",
      subject: { type: "candidate", id: input.candidateId },
    });
    return true;
  });
}
