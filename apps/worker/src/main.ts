// A worker-only process: the same bootstrap as the server, with no HTTP listener.
// The stop handler comes first: loading the framework takes seconds on a busy machine, and a
// SIGTERM arriving meanwhile must still end the process with status 0, not kill it.
const stopBeforeStart = (): void => process.exit(0);
process.once('SIGTERM', stopBeforeStart);
process.once('SIGINT', stopBeforeStart);

process.env.ROLE = 'worker';
void import('@craftcert/bootstrap').then(({ main }) => main({ stopBeforeStart }));
