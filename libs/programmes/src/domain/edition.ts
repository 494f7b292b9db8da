/** One cycle of a programme (e.g. the 2026 edition), as other contexts see it. */
export interface Edition {
  id: string;
  programmeId: string;
  code: string;
  titleZh: string;
  titleEn: string;
  /** The published definition version the edition runs under. */
  definitionId: string;
  /** The date derived values (age, years in skill) are computed at. */
  referenceDate: string;
  nominationOpensAt: Date;
  nominationClosesAt: Date;
}

/** Nominations are accepted from the window's opening until its close, both included. */
export function isNominationWindowOpen(
  edition: Pick<Edition, 'nominationOpensAt' | 'nominationClosesAt'>,
  at = new Date(),
): boolean {
  return at >= edition.nominationOpensAt && at <= edition.nominationClosesAt;
}
