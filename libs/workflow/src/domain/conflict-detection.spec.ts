import { detectConflicts, type OrganisationNode } from './conflict-detection';

const org = (id: string, kind: string, path: string): OrganisationNode => ({
  id,
  kind,
  name: id,
  path,
});
const secretariat = org('sec', 'secretariat', '/sec/');
const district = org('district', 'districtUnion', '/sec/district/');
const enterprise = org('firm', 'enterprise', '/sec/district/firm/');
const otherDistrict = org('other', 'districtUnion', '/sec/other/');
const otherFirm = org('other-firm', 'enterprise', '/sec/other/other-firm/');
const department = org('hrss', 'department', '/sec/hrss/');

describe('conflicts of interest detected from the hierarchy and declared relations', () => {
  const firmCandidate = { nominatingUnit: enterprise, identityHash: 'h-candidate' };

  it('a tie to the candidate’s own enterprise or to its union above is a conflict', () => {
    expect(
      detectConflicts([{ kind: 'employer', organisation: enterprise }], firmCandidate),
    ).toMatchObject([{ tie: 'employer', position: 'same', organisationId: 'firm' }]);
    expect(
      detectConflicts([{ kind: 'formerEmployer', organisation: district }], firmCandidate),
    ).toMatchObject([{ tie: 'formerEmployer', position: 'above' }]);
  });

  it('a union nominating is conflicted with reviewers tied to an enterprise below it', () => {
    expect(
      detectConflicts([{ kind: 'relativeEmployer', organisation: enterprise }], {
        nominatingUnit: district,
        identityHash: null,
      }),
    ).toMatchObject([{ tie: 'relativeEmployer', position: 'below' }]);
  });

  it('the secretariat above everyone, a department and other branches tie nobody', () => {
    expect(
      detectConflicts(
        [
          { kind: 'member', organisation: secretariat },
          { kind: 'member', organisation: department },
          { kind: 'employer', organisation: otherDistrict },
          { kind: 'formerEmployer', organisation: otherFirm },
        ],
        firmCandidate,
      ),
    ).toEqual([]);
  });

  it('mentoring is a conflict with that person only, whoever nominated them', () => {
    expect(
      detectConflicts([{ kind: 'mentoring', identityHash: 'h-candidate' }], firmCandidate),
    ).toMatchObject([{ tie: 'mentoring', position: 'person', organisationId: null }]);
    expect(
      detectConflicts([{ kind: 'mentoring', identityHash: 'h-other' }], firmCandidate),
    ).toEqual([]);
    expect(
      detectConflicts([{ kind: 'mentoring', identityHash: 'h-candidate' }], {
        nominatingUnit: null,
        identityHash: null,
      }),
    ).toEqual([]);
  });

  it('explains each conflict in Chinese and English', () => {
    const [found] = detectConflicts([{ kind: 'employer', organisation: district }], firmCandidate);
    expect(found.explanation).toEqual({
      zh: '工作单位district是推荐单位的上级',
      en: 'employer district is above the nominating unit',
    });
  });
});
