import type { LocalizedText } from '@craftcert/pipeline';

/** An organisation as the detection sees it: `path` holds the ids from the root down ("/a/b/"). */
export interface OrganisationNode {
  id: string;
  kind: string;
  name: string;
  path: string;
}

export type TieKind = 'member' | 'employer' | 'formerEmployer' | 'relativeEmployer' | 'mentoring';

/** One of a reviewer's ties: their own organisation, or a relation declared in their profile. */
export interface ReviewerTie {
  kind: TieKind;
  organisation?: OrganisationNode;
  identityHash?: string;
}

export interface CandidateTies {
  /** The nominating unit (the candidate's enterprise for a unit nomination). */
  nominatingUnit: OrganisationNode | null;
  identityHash: string | null;
}

export interface DetectedConflict {
  tie: TieKind;
  /** How the tied organisation stands to the nominating unit. */
  position: 'same' | 'above' | 'below' | 'person';
  organisationId: string | null;
  explanation: LocalizedText;
}

const TIE_TEXT: Record<TieKind, LocalizedText> = {
  member: { zh: '所在单位', en: 'own organisation' },
  employer: { zh: '工作单位', en: 'employer' },
  formerEmployer: { zh: '原工作单位', en: 'former employer' },
  relativeEmployer: { zh: '亲属工作单位', en: "a relative's employer" },
  mentoring: { zh: '师徒关系', en: 'mentoring relation' },
};

const POSITION_TEXT = {
  same: { zh: '即推荐单位', en: 'is the nominating unit' },
  above: { zh: '是推荐单位的上级', en: 'is above the nominating unit' },
  below: { zh: '是推荐单位的下级', en: 'is below the nominating unit' },
} as const;

/** The root (the secretariat) is above every unit and ties nobody to anyone. */
const NEUTRAL_KINDS = ['secretariat'];

/**
 * The conflicts of interest a reviewer has with a candidate, from the organisation hierarchy and
 * the relations the reviewer declared: a tie to the nominating unit itself, to a union above it
 * (an ancestor), or to a unit below it; a mentoring relation with the candidate in person.
 */
export function detectConflicts(
  ties: readonly ReviewerTie[],
  candidate: CandidateTies,
): DetectedConflict[] {
  const found: DetectedConflict[] = [];
  for (const tie of ties) {
    if (tie.identityHash !== undefined) {
      if (candidate.identityHash !== null && tie.identityHash === candidate.identityHash) {
        found.push({
          tie: tie.kind,
          position: 'person',
          organisationId: null,
          explanation: {
            zh: `${TIE_TEXT[tie.kind].zh}：与候选人本人有师徒关系`,
            en: `${TIE_TEXT[tie.kind].en}: mentor or mentee of the candidate`,
          },
        });
      }
      continue;
    }
    const unit = candidate.nominatingUnit;
    const org = tie.organisation;
    if (!unit || !org || NEUTRAL_KINDS.includes(org.kind)) continue;
    const position =
      org.id === unit.id
        ? 'same'
        : unit.path.startsWith(org.path)
          ? 'above'
          : org.path.startsWith(unit.path)
            ? 'below'
            : null;
    if (!position) continue;
    found.push({
      tie: tie.kind,
      position,
      organisationId: org.id,
      explanation: {
        zh: `${TIE_TEXT[tie.kind].zh}${org.name}${POSITION_TEXT[position].zh}`,
        en: `${TIE_TEXT[tie.kind].en} ${org.name} ${POSITION_TEXT[position].en}`,
      },
    });
  }
  return found;
}
