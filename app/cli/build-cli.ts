// The second half of `npm run build` (after Remix's): compile the command-line
// entries to JavaScript in build/cli/, so production runs them with `node`
// alone (no TypeScript runtime, no devDependencies). Packages stay imports
// (resolved from node_modules at run time); our own modules are bundled in.
// Shared code goes to build/cli/chunks/.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Rollup } from "vite";

/** Each `app/cli/<name>.ts` listed here becomes `build/cli/<name>.js`. */
export const cliEntries = [
  "start",
  "migrate",
  "user-create",
  "backup",
  "candidate-export",
  "candidate-erase",
  "retention",
  "notify-digest",
];

export const cliOutDir = "build/cli";

/** Bundle the entries with Vite (Rollup) as a Node build; `write: false` returns the output without writing it. */
export async function buildCli(options: { write?: boolean } = {}): Promise<Rollup.RollupOutput> {
  const { build } = await import("vite");
  const output = await build({
    configFile: false,
    envFile: false,
    publicDir: false,
    logLevel: "warn",
    mode: "production",
    resolve: { alias: { "~": resolve("app") } },
    ssr: { target: "node" },
    build: {
      ssr: true,
      target: "node20",
      outDir: cliOutDir,
      emptyOutDir: true,
      minify: false,
      write: options.write ?? true,
      rollupOptions: {
        input: Object.fromEntries(cliEntries.map((name) => [name, resolve(`app/cli/${name}.ts`)])),
        output: { format: "es", entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
      },
    },
  });
  return (Array.isArray(output) ? output[0] : output) as Rollup.RollupOutput;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? "")).href) {
  await buildCli();
  console.log(`Compiled ${cliEntries.map((name) => `app/cli/${name}.ts`).join(", ")} into ${cliOutDir}/.`);
}
