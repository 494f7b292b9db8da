import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { TEMPLATES } from '../domain/templates';
import { checkTopicRules, TOPIC_RULES } from '../domain/topic-rules';

/** Refuses to start a worker when a topic of the catalogue has no rule or template. */
@Injectable()
export class TopicRuleCheck implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    const problems = checkTopicRules(TOPIC_RULES, TEMPLATES);
    if (problems.length > 0) {
      throw new Error(`Notification wiring is incomplete:\n  ${problems.join('\n  ')}`);
    }
  }
}
