// Admission in arrival order. Every page here is synchronous work on the one
// JavaScript thread (SQLite reads, then a React render), so letting fifty
// requests in at once does not finish any of them sooner: they take turns on
// the thread, the cheap ones overtake the expensive ones, each half-done page
// holds its memory, and Node accepts one new connection per event-loop turn,
// which grows as long as the pile of work in it. A few requests run at a time;
// the rest wait, untouched, in the order they came, and a request whose client
// went away is dropped from the line without running.
//
// Requests start only from the line, on a turn of their own (setImmediate). A
// page goes from request to response without yielding to the event loop, so a
// request started where it was read would run inside Node's read of the
// sockets, and the next socket read in that same pass would find the slot free
// again: one pass would serve every client with a request ready, for as long as
// that takes, while clients still connecting wait for the pass to end.
import type { EventEmitter } from "node:events";

type Waiter = { state: "waiting" | "running" | "done"; start: () => void };

/** The ends of one request: its response (finish, close) and its connection (close). */
export type RequestEnds = { response: EventEmitter; connection: EventEmitter & { destroyed: boolean } };

export type Admission = {
  /** `run` is called when the request's turn comes; never if its connection has closed by then. */
  admit(ends: RequestEnds, run: () => void): "queued" | "refused" | "gone";
  readonly running: number;
  readonly waiting: number;
};

/**
 * At most `concurrency` requests run at once; up to `maxWaiting` more wait in
 * order. Beyond that the request is refused (the caller answers 503), so a
 * flood cannot queue without bound. A request gives up its place when its
 * response finishes or closes, or its connection closes: a response written
 * to a connection that is already gone never finishes, so the connection's
 * own close is what frees the slot then.
 */
export function createAdmission(options: { concurrency: number; maxWaiting: number }): Admission {
  let running = 0;
  const line: Waiter[] = [];
  let turn: NodeJS.Immediate | null = null;

  function startWaiting() {
    turn = null;
    while (running < options.concurrency && line.length > 0) {
      const waiter = line.shift()!;
      waiter.state = "running";
      running++;
      waiter.start();
    }
  }

  /** Start whoever is first in line, on the event loop's next turn, once a slot is free. */
  function schedule() {
    if (turn === null && running < options.concurrency && line.length > 0) turn = setImmediate(startWaiting);
  }

  return {
    admit({ response, connection }, run) {
      // Closed while earlier middleware was busy (a file lookup is asynchronous): nobody to answer.
      if (connection.destroyed) return "gone";
      if (line.length >= options.maxWaiting) return "refused";
      const waiter: Waiter = { state: "waiting", start: run };
      const leave = () => {
        if (waiter.state === "done") return;
        response.off("finish", leave);
        response.off("close", leave);
        connection.off("close", leave);
        if (waiter.state === "running") running--;
        // Its client gave up while it waited: it leaves the line without running.
        else line.splice(line.indexOf(waiter), 1);
        waiter.state = "done";
        schedule();
      };
      response.once("finish", leave);
      response.once("close", leave);
      connection.once("close", leave);
      line.push(waiter);
      schedule();
      return "queued";
    },
    get running() {
      return running;
    },
    get waiting() {
      return line.length;
    },
  };
}
