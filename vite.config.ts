/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// The Remix plugin does not work under Vitest; load it only for dev and build.
const underVitest = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: [
    !underVitest &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          // Off on purpose: with three dozen routes the whole manifest is a few KB in each page,
          // which saves a manifest request before client navigations and about a sixth of the
          // server's time per document (finding each page's partial manifest). See README, Decisions.
          v3_lazyRouteDiscovery: false,
        },
      }),
    tsconfigPaths(),
  ],
  esbuild: { jsx: "automatic" },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts", "tests/unit/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup-db.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
