import type { PersistenceCatalogue } from '@craftcert/platform';
import { SystemPingEntity } from '@craftcert/platform';
import { Foundation1795601469900 } from './1795601469900-Foundation';

/**
 * Every entity and every migration, in order. The app, the CLI and the tests build their data
 * source from this one list, so a new migration only has to be added here.
 */
export const catalogue: PersistenceCatalogue = {
  entities: [SystemPingEntity],
  migrations: [Foundation1795601469900],
};
