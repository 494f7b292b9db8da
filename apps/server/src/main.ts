// The API (and, with ROLE=all, the workers) in one process; ROLE decides which.
// The stop handler comes first: loading the framework takes seconds on a busy machine, and a
// SIGTERM or Ctrl-C arriving meanwhile must still end the process with status 0, not kill it.
const stopBeforeStart = (): void => process.exit(0);
process.once('SIGTERM', stopBeforeStart);
process.once('SIGINT', stopBeforeStart);

void import('@craftcert/bootstrap').then(({ main }) => main({ stopBeforeStart }));
