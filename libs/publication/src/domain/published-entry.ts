import type { LocalizedText } from '@craftcert/pipeline';

/** One public field of a named person: its label and the value as shown. */
export interface PublicField {
  id: string;
  label: LocalizedText;
  value: string;
}

/** One line of a published list: only what the definition marks public. */
export interface PublishedEntry {
  position: number;
  nominationId: string;
  name: string;
  fields: PublicField[];
  /** Set on an announcement: the holder's certificate number. */
  certificateNo?: string;
}

/** A change to a published list, as the page shows it. */
export interface ListChange {
  at: string;
  zh: string;
  en: string;
}
