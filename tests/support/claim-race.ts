// Two workers claiming one queue at once: a second process (tests/support/claimer.ts) and this one, each taking
// one row at a time and yielding between claims, until the queue is empty. Returns the ids each side claimed.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { expect } from "vitest";

export async function claimRace(
  queue: "mail" | "webhooks",
  databasePath: string,
  claimHere: () => number | undefined,
): Promise<{ mine: number[]; theirs: number[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/claimer.ts", databasePath, queue], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  try {
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe("ready");
    child.stdin!.write("go\n");
    expect((await lines.next()).value).toBe("claiming");
    const mine: number[] = [];
    for (let id = claimHere(); id !== undefined; id = claimHere()) {
      mine.push(id);
      // Let the other process's claims interleave with ours.
      await new Promise((r) => setImmediate(r));
    }
    const theirs = JSON.parse((await lines.next()).value as string) as number[];
    return { mine, theirs };
  } finally {
    child.kill();
  }
}
