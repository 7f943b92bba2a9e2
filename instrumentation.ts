// Runs once when a server instance starts: bring the schema up to date before serving, and
// for the demo launcher (`npm start`, which sets VIGIL_SEED_DEMO=1) seed an empty database.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./lib/db/prepare");
  await prepareDatabase({ seedDemo: process.env.VIGIL_SEED_DEMO === "1" });
}
