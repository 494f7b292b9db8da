// The calendar context's tables, for the migrations catalogue only: other code reaches the
// calendar through WorkingCalendar and the use cases its index exports.
export { CALENDAR_ENTITIES } from './persistence/calendar.entities';
