// The publication context's tables, for the migrations catalogue only: other code reaches
// publication through the use cases its index exports.
export { PUBLICATION_ENTITIES } from './persistence/publication.entities';
