// A user's daily digest setting as the unsubscribe link changes it: off (no
// hour), with the user's version raised so a form opened before it cannot
// silently turn it back on.
import { eq, sql } from "drizzle-orm";
import { getDb, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

const { users } = schema;

/** Who an unsubscribe link names, for its confirm page: their first name and whether the digest is on. */
export function getDigestSubscriber(userId: number): { firstName: string; digestOn: boolean } | null {
  const row = getDb()
    .select({ name: users.name, digestHour: users.digestHour, active: users.active })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row || !row.active) return null;
  return { firstName: row.name.split(" ")[0] ?? row.name, digestOn: row.digestHour !== null };
}

/** Turn the user's digest off (idempotent: already off changes nothing). Returns whether it was on. */
export function turnOffDigest(userId: number, now = new Date()): boolean {
  return getDb().transaction(() => {
    const changed =
      getDb()
        .update(users)
        .set({ digestHour: null, version: sql`${users.version} + 1`, updatedAt: now })
        .where(sql`${users.id} = ${userId} and ${users.digestHour} is not null`)
        .run().changes > 0;
    if (changed)
      recordAudit({
        actorId: userId,
        action: "user.digest_off",
        subject: { type: "user", id: userId },
        fields: ["digestHour"],
        detail: { trigger: "unsubscribe" },
      });
    return changed;
  });
}
