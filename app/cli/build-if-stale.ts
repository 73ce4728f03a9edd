// The first half of `npm start`: run `npm run build` when there is no build or a
// source is newer than any part of it. Production does not need this: it builds
// once (`npm run build`) and runs `node build/cli/start.js`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { cliEntries, cliOutDir } from "./build-cli";

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const outputs = ["build/server/index.js", ...cliEntries.map((name) => `${cliOutDir}/${name}.js`)];
const sources = Math.max(
  ...["app", "db", "public", "vite.config.ts", "tsconfig.json", "package.json"].map(newestMtime),
);
const missing = outputs.some((file) => !existsSync(file));
if (missing || Math.min(...outputs.map((file) => statSync(file).mtimeMs)) < sources) {
  console.log(missing ? "No build yet: building…" : "Sources changed since the last build: rebuilding…");
  const result = spawnSync("npm", ["run", "build", "--silent"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    console.error("Build failed.");
    process.exit(result.status ?? 1);
  }
}
