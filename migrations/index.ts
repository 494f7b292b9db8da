import type { PersistenceCatalogue } from '@craftcert/platform';
import { SystemPingEntity } from '@craftcert/platform';
import { PROGRAMME_ENTITIES } from '@craftcert/programmes';
import { Foundation1795601469900 } from './1795601469900-Foundation';
import { Programmes1795602237810 } from './1795602237810-Programmes';

/**
 * Every entity and every migration, in order. The app, the CLI and the tests build their data
 * source from this one list, so a new migration only has to be added here.
 */
export const catalogue: PersistenceCatalogue = {
  entities: [SystemPingEntity, ...PROGRAMME_ENTITIES],
  migrations: [Foundation1795601469900, Programmes1795602237810],
};
