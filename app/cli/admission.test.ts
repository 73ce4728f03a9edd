import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createAdmission } from "./admission";

function request(
  admission: ReturnType<typeof createAdmission>,
  started: string[],
  name: string,
  connection = Object.assign(new EventEmitter(), { destroyed: false }),
) {
  const response = new EventEmitter();
  const outcome = admission.admit({ response, connection }, () => started.push(name));
  return { response, connection, outcome };
}

/** One turn of the event loop: requests start on a turn of their own. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("admission in arrival order", () => {
  it("runs up to the limit at once and starts the rest in the order they came", async () => {
    const admission = createAdmission({ concurrency: 2, maxWaiting: 10 });
    const started: string[] = [];
    const [a, b, c, d] = ["a", "b", "c", "d"].map((name) => request(admission, started, name));
    expect([a.outcome, b.outcome, c.outcome, d.outcome]).toEqual(["queued", "queued", "queued", "queued"]);
    await turn();
    expect(started).toEqual(["a", "b"]);
    expect(admission.running).toBe(2);
    expect(admission.waiting).toBe(2);

    b.response.emit("finish");
    await turn();
    expect(started).toEqual(["a", "b", "c"]);
    a.response.emit("finish");
    await turn();
    expect(started).toEqual(["a", "b", "c", "d"]);
    expect(admission.waiting).toBe(0);
  });

  it("starts nobody inside the event that freed a slot, only on the next turn", async () => {
    const admission = createAdmission({ concurrency: 1, maxWaiting: 10 });
    const started: string[] = [];
    const a = request(admission, started, "a");
    request(admission, started, "b");
    expect(started).toEqual([]);
    await turn();
    a.response.emit("finish");
    expect(started).toEqual(["a"]);
    expect(admission.running).toBe(0);
    await turn();
    expect(started).toEqual(["a", "b"]);
  });

  it("frees a slot once, though a response both finishes and closes", async () => {
    const admission = createAdmission({ concurrency: 1, maxWaiting: 10 });
    const started: string[] = [];
    const a = request(admission, started, "a");
    request(admission, started, "b");
    request(admission, started, "c");
    await turn();
    a.response.emit("finish");
    a.response.emit("close");
    await turn();
    expect(started).toEqual(["a", "b"]);
    expect(admission.running).toBe(1);
  });

  it("drops a waiting request whose client went away, without running it", async () => {
    const admission = createAdmission({ concurrency: 1, maxWaiting: 10 });
    const started: string[] = [];
    const a = request(admission, started, "a");
    const b = request(admission, started, "b");
    request(admission, started, "c");
    await turn();
    b.response.emit("close");
    expect(admission.waiting).toBe(1);
    a.response.emit("close");
    await turn();
    expect(started).toEqual(["a", "c"]);
    expect(admission.running).toBe(1);
  });

  it("refuses beyond the waiting limit and does not count the refused request", async () => {
    const admission = createAdmission({ concurrency: 1, maxWaiting: 1 });
    const started: string[] = [];
    const a = request(admission, started, "a");
    await turn();
    request(admission, started, "b");
    const c = request(admission, started, "c");
    expect(c.outcome).toBe("refused");
    a.response.emit("finish");
    await turn();
    expect(started).toEqual(["a", "b"]);
    expect(admission.running).toBe(1);
    expect(admission.waiting).toBe(0);
  });

  it("lets a newcomer in on the next turn when a slot is free and nobody waits", async () => {
    const admission = createAdmission({ concurrency: 1, maxWaiting: 1 });
    const started: string[] = [];
    const a = request(admission, started, "a");
    await turn();
    a.response.emit("finish");
    expect(request(admission, started, "b").outcome).toBe("queued");
    await turn();
    expect(started).toEqual(["a", "b"]);
  });

  it("frees the slot of a running request whose connection closed under it (its response never finishes)", async () => {
    const admission = createAdmission({ concurrency: 1, maxWaiting: 10 });
    const started: string[] = [];
    const a = request(admission, started, "a");
    request(admission, started, "b");
    await turn();
    a.connection.destroyed = true;
    a.connection.emit("close");
    await turn();
    expect(started).toEqual(["a", "b"]);
    expect(admission.running).toBe(1);
    // The late events of the closed request change nothing.
    a.response.emit("close");
    expect(admission.running).toBe(1);
  });

  it("never runs a request whose connection closed before it reached the line", async () => {
    const admission = createAdmission({ concurrency: 1, maxWaiting: 10 });
    const started: string[] = [];
    const gone = request(admission, started, "gone", Object.assign(new EventEmitter(), { destroyed: true }));
    expect(gone.outcome).toBe("gone");
    await turn();
    expect(started).toEqual([]);
    expect(admission.running).toBe(0);
  });

  it("keeps no listeners on a kept-alive connection once its requests are done", async () => {
    const admission = createAdmission({ concurrency: 1, maxWaiting: 10 });
    const connection = Object.assign(new EventEmitter(), { destroyed: false });
    for (let i = 0; i < 20; i++) {
      const r = request(admission, [], `r${i}`, connection);
      await turn();
      r.response.emit("finish");
    }
    expect(connection.listenerCount("close")).toBe(0);
  });
});
