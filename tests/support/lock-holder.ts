// Stands in for a server in tests/integration/server-lock.test.ts: claims the
// database given as argument the way app/cli/start.ts does, prints "claimed",
// then idles until a signal ends it.
import { claimServerLock } from "~/utils/server-lock.server";

claimServerLock(process.argv[2]);
console.log("claimed");
setInterval(() => {}, 60_000);
