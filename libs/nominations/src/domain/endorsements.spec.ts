import type { NominationChannel } from '@craftcert/pipeline';
import { endorsementBlock, type RecordedEndorsement } from './endorsements';

const channel: NominationChannel = {
  id: 'unit-nomination',
  kind: 'unit',
  label: { zh: '单位推荐', en: 'unit nomination' },
  endorsements: [
    {
      id: 'unit-notice',
      kind: 'notice',
      label: { zh: '单位内部公示', en: 'in-unit notice' },
      duration: { days: 5, dayKind: 'working' },
    },
    {
      id: 'unit-seal',
      kind: 'seal',
      label: { zh: '单位盖章', en: 'unit seal' },
      evidence: 'approvalForm',
    },
  ],
};
const notice: RecordedEndorsement = {
  endorsementId: 'unit-notice',
  kind: 'notice',
  startsOn: '2025-09-26',
  endsOn: '2025-10-09',
  body: null,
  meetingOn: null,
  evidenceId: null,
};
const seal: RecordedEndorsement = {
  ...notice,
  endorsementId: 'unit-seal',
  kind: 'seal',
  startsOn: null,
  endsOn: null,
};
const withForm = new Map([['approvalForm', 1]]);

describe('endorsements before nominating', () => {
  it('names the endorsement that is missing', () => {
    expect(endorsementBlock(channel, [notice], withForm, '2025-10-10')).toContain('"unit-seal"');
  });

  it('names the file a seal needs', () => {
    expect(endorsementBlock(channel, [notice, seal], new Map(), '2025-10-10')).toContain(
      'needs its approvalForm file',
    );
  });

  it('blocks until the notice has ended and names the day it can proceed from', () => {
    expect(endorsementBlock(channel, [notice, seal], withForm, '2025-10-09')).toContain(
      'can proceed from 2025-10-10',
    );
    expect(endorsementBlock(channel, [notice, seal], withForm, '2025-10-10')).toBeUndefined();
  });
});
