import type { LocalizedText } from '../definition/definition.types';
import type { CandidateOutcome, Explanation } from './workflow.types';

export interface Settlement {
  status: 'passed' | 'failed';
  reason: string;
}

export type SettlementResult =
  { ok: true; outcome: CandidateOutcome } | { ok: false; explanation: Explanation };

/**
 * The secretariat settles one candidate the join rule referred to it when the time ran out:
 * passed or failed, with its reason, the departments' standing kept in the explanation. Only an
 * escalated candidate can be settled: an open one waits for its departments, a decided one stays.
 */
export function settleEscalation(
  stage: { label: LocalizedText },
  current: CandidateOutcome,
  settlement: Settlement,
): SettlementResult {
  if (!current.escalated) {
    return {
      ok: false,
      explanation: {
        code: 'settlement.notEscalated',
        zh: `${stage.label.zh}未将该候选人提交秘书处裁定（${current.explanation.zh}）`,
        en: `${stage.label.en} has not referred this candidate to the secretariat (${current.explanation.en})`,
      },
    };
  }
  const passed = settlement.status === 'passed';
  return {
    ok: true,
    outcome: {
      status: settlement.status,
      explanation: {
        code: 'settlement.bySecretariat',
        zh: `逾期提交秘书处裁定：${passed ? '通过' : '不通过'}（理由：${settlement.reason}）；${current.explanation.zh}`,
        en: `referred to the secretariat when time ran out, which ${passed ? 'passed' : 'failed'} the candidate (reason: ${settlement.reason}); ${current.explanation.en}`,
      },
      escalated: false,
    },
  };
}
