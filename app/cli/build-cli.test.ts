// The compiled command-line entries (npm run build's second half), built in memory.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { relative } from "node:path";
import type { Rollup } from "vite";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, cliEntries } from "./build-cli";

const dependencies = Object.keys(
  JSON.parse(readFileSync("package.json", "utf8")).dependencies as Record<string, string>,
);

let chunks: Map<string, Rollup.OutputChunk>;

beforeAll(async () => {
  const output = await buildCli({ write: false });
  chunks = new Map(
    output.output.filter((o): o is Rollup.OutputChunk => o.type === "chunk").map((c) => [c.fileName, c]),
  );
}, 60_000);

/** An entry's chunk and every chunk it loads, statically or dynamically. */
function loadedBy(fileName: string): Rollup.OutputChunk[] {
  const seen = new Map<string, Rollup.OutputChunk>();
  const visit = (name: string) => {
    const chunk = chunks.get(name);
    if (!chunk || seen.has(name)) return;
    seen.set(name, chunk);
    for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
  };
  visit(fileName);
  return [...seen.values()];
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

describe("compiled entries", () => {
  it("compiles each listed entry to build/cli/<name>.js", () => {
    for (const name of cliEntries) expect(chunks.get(`${name}.js`)?.isEntry, name).toBe(true);
  });

  it("the start entry bundles no database or configuration module: the serving process takes them from the server build", () => {
    const modules = loadedBy("start.js").flatMap((c) => c.moduleIds.map((id) => relative(process.cwd(), id)));
    expect(modules).toContain("app/cli/http-server.ts");
    expect(modules.filter((m) => m.startsWith("db/") || /^app\/(utils|models)\/.*\.server\.tsx?$/.test(m))).toEqual([]);
  });

  it("imports only Node's built-in modules and production dependencies at run time", () => {
    const outside = [...chunks.values()]
      .flatMap((c) => [...c.imports, ...c.dynamicImports])
      .filter((s) => !chunks.has(s));
    expect(outside.length).toBeGreaterThan(0);
    const allowed = (s: string) =>
      s.startsWith("node:") || builtinModules.includes(s) || dependencies.includes(packageName(s));
    expect(outside.filter((s) => !allowed(s))).toEqual([]);
  });
});
