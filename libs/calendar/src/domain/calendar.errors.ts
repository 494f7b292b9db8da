import { DomainError } from '@craftcert/platform';

/**
 * Working-day arithmetic reached a year for which no holiday schedule is known. Refused rather
 * than guessed: counting Monday to Friday would put deadlines inside the Spring Festival.
 */
export class CalendarDataMissingError extends DomainError {
  constructor(readonly year: number) {
    super(
      'CALENDAR_DATA_MISSING',
      `No working-day calendar data for ${year}: the holiday package does not cover it and the ` +
        `secretariat has not declared it complete. Enter ${year}'s holidays and make-up working ` +
        `days as overrides and declare the year (PUT /api/calendar/years/${year}/declaration).`,
    );
  }
}
