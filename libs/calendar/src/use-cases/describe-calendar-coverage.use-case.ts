import { Injectable } from '@nestjs/common';
import { PACKAGE_CALENDAR } from '../package-calendar';
import { CalendarRepository, DeclarationRow } from '../persistence/calendar.repository';

export interface CalendarCoverageView {
  packageSource: string;
  packageYears: number[];
  declarations: DeclarationRow[];
}

/** Which years the calendar can answer for, and from where: the first thing to check each autumn. */
@Injectable()
export class DescribeCalendarCoverageUseCase {
  constructor(private readonly repository: CalendarRepository) {}

  async execute(): Promise<CalendarCoverageView> {
    return {
      packageSource: PACKAGE_CALENDAR.source,
      packageYears: [...PACKAGE_CALENDAR.years].toSorted((a, b) => a - b),
      declarations: await this.repository.declarations(),
    };
  }
}
