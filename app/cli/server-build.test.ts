// The server build keeps the demo seed (db/seed.ts, large) out of what the
// serving process loads: it is a chunk of its own, imported only when a new
// database is seeded (docs/decisions/065-the-demo-seed-is-loaded-only-to-seed.md).
// Built in memory as Remix's server build bundles our modules: the server entry
// and every route, packages left as imports.
import { readdirSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { Rollup } from "vite";
import { beforeAll, describe, expect, it } from "vitest";

const SEED = "db/seed.ts";
/** A name only the demo data holds (one of its agencies). */
const DEMO_ONLY = "Meridian Talent Partners";

let chunks: Map<string, Rollup.OutputChunk>;

beforeAll(async () => {
  const { build } = await import("vite");
  const routes = readdirSync("app/routes").filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  const input = ["app/entry.server.tsx", "app/root.tsx", ...routes.map((f) => `app/routes/${f}`)].map((f) =>
    resolve(f),
  );
  const output = await build({
    configFile: false,
    envFile: false,
    publicDir: false,
    logLevel: "warn",
    mode: "production",
    resolve: { alias: { "~": resolve("app") } },
    esbuild: { jsx: "automatic" },
    ssr: { target: "node" },
    build: { ssr: true, target: "node20", minify: false, write: false, rollupOptions: { input } },
  });
  const result = (Array.isArray(output) ? output[0] : output) as Rollup.RollupOutput;
  chunks = new Map(
    result.output.filter((o): o is Rollup.OutputChunk => o.type === "chunk").map((c) => [c.fileName, c]),
  );
}, 120_000);

/** Every chunk the entries load when the server starts: the entries and their static imports. */
function loadedAtStart(): Rollup.OutputChunk[] {
  const seen = new Map<string, Rollup.OutputChunk>();
  const visit = (name: string) => {
    const chunk = chunks.get(name);
    if (!chunk || seen.has(name)) return;
    seen.set(name, chunk);
    for (const next of chunk.imports) visit(next);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  return [...seen.values()];
}

const modulesOf = (chunk: Rollup.OutputChunk) => chunk.moduleIds.map((id) => relative(process.cwd(), id));

describe("the server build", () => {
  it("loads neither the demo seed nor its data at start", () => {
    const atStart = loadedAtStart();
    expect(atStart.flatMap(modulesOf)).toContain("app/utils/db.server.ts");
    expect(atStart.flatMap(modulesOf)).not.toContain(SEED);
    expect(atStart.filter((c) => c.code.includes(DEMO_ONLY)).map((c) => c.fileName)).toEqual([]);
  });

  it("holds the seed in a chunk of its own, imported on demand", () => {
    const seedChunks = [...chunks.values()].filter((c) => modulesOf(c).includes(SEED));
    expect(seedChunks).toHaveLength(1);
    expect(seedChunks[0].isEntry).toBe(false);
    expect(seedChunks[0].code).toContain(DEMO_ONLY);
    const importers = [...chunks.values()].filter((c) => c.dynamicImports.includes(seedChunks[0].fileName));
    expect(importers.flatMap(modulesOf)).toContain("app/utils/db.server.ts");
  });
});
