// `npm run dev`: the same server with Vite's dev middleware (HMR) serving the
// sources instead of the build. Runs through tsx; never compiled.
process.env.NODE_ENV ??= "development";

// Modules are imported only once NODE_ENV is set (in main); this keeps the file a module.
export {};

async function main() {
  const { createServer } = await import("vite");
  const { serve } = await import("./serve");
  await serve({ vite: await createServer({ server: { middlewareMode: true } }) });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
