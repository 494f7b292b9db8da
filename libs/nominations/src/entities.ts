// The nominations context's tables, for the migrations catalogue only: other code reaches
// nominations through the use cases its index exports.
import { EvidenceFileEntity, RefereeEntity, TipOffEntity } from './persistence/evidence.entity';
import {
  AwardEntity,
  NominationEndorsementEntity,
  NominationEntity,
  NominationEventEntity,
  NominationQuotaUsageEntity,
} from './persistence/nomination.entity';

export const NOMINATION_ENTITIES = [
  NominationEntity,
  NominationEventEntity,
  NominationQuotaUsageEntity,
  NominationEndorsementEntity,
  AwardEntity,
  EvidenceFileEntity,
  RefereeEntity,
  TipOffEntity,
];
