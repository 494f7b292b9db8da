import { randomBytes } from 'node:crypto';

export const OBJECTOR_KINDS = ['individual', 'organisation'] as const;
export type ObjectorKind = (typeof OBJECTOR_KINDS)[number];

/** `web`: the notice's form; the others are recorded by staff. */
export const OBJECTION_CHANNELS = ['web', 'letter', 'phone', 'visit'] as const;
export type ObjectionChannel = (typeof OBJECTION_CHANNELS)[number];

export const OBJECTION_STATUSES = ['received', 'investigating', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** Triage: received → investigating → upheld or dismissed; a finding is final. */
const NEXT: Record<ObjectionStatus, readonly ObjectionStatus[]> = {
  received: ['investigating'],
  investigating: ['upheld', 'dismissed'],
  upheld: [],
  dismissed: [],
};

export function mayMoveObjection(from: ObjectionStatus, to: ObjectionStatus): boolean {
  return NEXT[from].includes(to);
}

/** SQL list of literals for a CHECK constraint, from the constants that name them. */
export const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A receipt number nobody can guess from another: `YB` and 16 random base32 characters (80 bits). */
export function newReceiptNumber(): string {
  return `YB${[...randomBytes(16)].map((b) => ALPHABET[b & 31]).join('')}`;
}
