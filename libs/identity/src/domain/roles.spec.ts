import { ORGANISATION_KINDS as ROUTABLE_KINDS } from '@craftcert/pipeline';
import { ALLOWED_PARENTS, ORGANISATION_KINDS } from './roles';

describe('organisation kinds', () => {
  it('are exactly the kinds definitions may name in routing hops', () => {
    expect([...ORGANISATION_KINDS].toSorted()).toEqual([...ROUTABLE_KINDS].toSorted());
  });

  it('form the real chains: federation → district → street → enterprise', () => {
    expect(ALLOWED_PARENTS.streetUnion).toContain('districtUnion');
    expect(ALLOWED_PARENTS.enterprise).toContain('streetUnion');
    expect(ALLOWED_PARENTS.districtUnion).toContain('secretariat');
  });
});
