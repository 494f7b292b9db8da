// People read dates in Asia/Shanghai, whatever the server's zone.
const DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const DATE_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-09-26` in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  return DATE.format(at);
}

/** `2026-09-26 09:30` in Asia/Shanghai. */
export function shanghaiDateTime(at: Date): string {
  return DATE_TIME.format(at).replace(',', '');
}
