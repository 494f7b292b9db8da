// The notifications context's tables, for the migrations catalogue only: other code reaches
// notifications through the use cases its index exports.
export { NOTIFICATION_ENTITIES } from './persistence/notification.entities';
