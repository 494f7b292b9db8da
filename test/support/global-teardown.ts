/** Closing the host's stdin makes it drop the template and stop an embedded server. */
export default async function globalTeardown(): Promise<void> {
  const host = globalThis.craftcertTestDatabaseHost;
  if (!host || host.exitCode !== null) return;
  const exited = new Promise((resolve) => host.once('exit', resolve));
  host.stdin?.end();
  await exited;
}
