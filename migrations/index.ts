import type { PersistenceCatalogue } from '@craftcert/platform';
import { OutboxEventEntity, SystemPingEntity } from '@craftcert/platform';
import { AUDIT_ENTITIES } from '@craftcert/audit/entities';
import { CALENDAR_ENTITIES } from '@craftcert/calendar/entities';
import { IDENTITY_ENTITIES } from '@craftcert/identity/entities';
import { NOMINATION_ENTITIES } from '@craftcert/nominations/entities';
import { NOTIFICATION_ENTITIES } from '@craftcert/notifications/entities';
import { PROGRAMME_ENTITIES } from '@craftcert/programmes/entities';
import { SCHEDULE_ENTITIES, WORKFLOW_ENTITIES } from '@craftcert/workflow/entities';
import { PUBLICATION_ENTITIES } from '@craftcert/publication/entities';
import { Foundation1795601469900 } from './1795601469900-Foundation';
import { Programmes1795602237810 } from './1795602237810-Programmes';
import { AuditTrail1795602618119 } from './1795602618119-AuditTrail';
import { IdentityAndOutbox1795602769702 } from './1795602769702-IdentityAndOutbox';
import { Nominations1795603951298 } from './1795603951298-Nominations';
import { RefreshRotationTime1795607408959 } from './1795607408959-RefreshRotationTime';
import { WorkingCalendar1796187791615 } from './1796187791615-WorkingCalendar';
import { SignInThrottle1796200000000 } from './1796200000000-SignInThrottle';
import { AuditChainLinking1796218671049 } from './1796218671049-AuditChainLinking';
import { SigningKeyOutsideDatabase1796219323148 } from './1796219323148-SigningKeyOutsideDatabase';
import { Workflow1796219487509 } from './1796219487509-Workflow';
import { PasswordChangeRequired1796222378814 } from './1796222378814-PasswordChangeRequired';
import { ConflictDeclarations1796224000000 } from './1796224000000-ConflictDeclarations';
import { SelectionResults1796238000000 } from './1796238000000-SelectionResults';
import { SelectionResultFixed1796238100000 } from './1796238100000-SelectionResultFixed';
import { AnnualCycle1796237000000 } from './1796237000000-AnnualCycle';
import { Notifications1796231000000 } from './1796231000000-Notifications';
import { ExpertScoring1796232000000 } from './1796232000000-ExpertScoring';
import { SchemesAsConfiguration1796233000000 } from './1796233000000-SchemesAsConfiguration';
import { ConflictDetection1796234000000 } from './1796234000000-ConflictDetection';
import { CandidateSettlement1796234000001 } from './1796234000001-CandidateSettlement';
import { AnswerEvidence1796234000002 } from './1796234000002-AnswerEvidence';
import { TaskDeadlineNotices1796234000003 } from './1796234000003-TaskDeadlineNotices';
import { Publication1796236000000 } from './1796236000000-Publication';
import { ScoreArbitration1796232000001 } from './1796232000001-ScoreArbitration';

/**
 * Every entity and every migration, in order. The app, the CLI and the tests build their data
 * source from this one list, so a new migration only has to be added here.
 */
export const catalogue: PersistenceCatalogue = {
  entities: [
    SystemPingEntity,
    OutboxEventEntity,
    ...PROGRAMME_ENTITIES,
    ...AUDIT_ENTITIES,
    ...IDENTITY_ENTITIES,
    ...NOMINATION_ENTITIES,
    ...CALENDAR_ENTITIES,
    ...WORKFLOW_ENTITIES,
    ...SCHEDULE_ENTITIES,
    ...NOTIFICATION_ENTITIES,
    ...PUBLICATION_ENTITIES,
  ],
  migrations: [
    Foundation1795601469900,
    Programmes1795602237810,
    AuditTrail1795602618119,
    IdentityAndOutbox1795602769702,
    Nominations1795603951298,
    RefreshRotationTime1795607408959,
    WorkingCalendar1796187791615,
    SignInThrottle1796200000000,
    AuditChainLinking1796218671049,
    SigningKeyOutsideDatabase1796219323148,
    Workflow1796219487509,
    PasswordChangeRequired1796222378814,
    ConflictDeclarations1796224000000,
    Notifications1796231000000,
    ExpertScoring1796232000000,
    ScoreArbitration1796232000001,
    SchemesAsConfiguration1796233000000,
    ConflictDetection1796234000000,
    CandidateSettlement1796234000001,
    AnswerEvidence1796234000002,
    TaskDeadlineNotices1796234000003,
    Publication1796236000000,
    AnnualCycle1796237000000,
    SelectionResults1796238000000,
    SelectionResultFixed1796238100000,
  ],
};
