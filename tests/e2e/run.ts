// `npm run test:e2e`: the Playwright suite against the production build in
// Debian's Chromium. Fails, never skips, when Chromium is missing.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `\nChromium was not found at ${chromium}; the end-to-end tests need it.\n` +
      "Install Debian's package:  sudo apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at another Chromium binary.\n",
  );
  process.exit(1);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The production build, as a deploy makes it (`npm run build`: the Remix build and the compiled server).
run("npm", ["run", "build"], { ...process.env, NODE_ENV: "production" });
rmSync("tests/.tmp/e2e", { recursive: true, force: true });
run("npx", ["playwright", "test", "-c", "tests/e2e/playwright.config.ts", ...process.argv.slice(2)]);
