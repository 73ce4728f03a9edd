// A server like ours in a process of its own, for tests/integration/admission.test.ts:
// the admission line in front of a route that, like a page, is synchronous work from
// request to response. Prints its port, then answers until killed.
import express from "express";
import type { AddressInfo } from "node:net";
import { admitInOrder } from "~/cli/http-server";

const app = express();
let served = 0;
app.use(admitInOrder({ concurrency: 2, maxWaiting: 512 }));
app.get("/page/:name", (req, res) => {
  served++;
  const until = performance.now() + 3;
  while (performance.now() < until);
  // How many requests this server had started when it started this one.
  res.type("text/plain").send(String(served));
});
const server = app.listen(0, "127.0.0.1", () => console.log((server.address() as AddressInfo).port));
