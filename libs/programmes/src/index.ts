// The programmes context's public surface: its module, the use cases other contexts call,
// types and errors. Its tables are listed for the migrations catalogue in
// `@craftcert/programmes/entities`.
export * from './programmes.module';
export * from './domain/edition';
export * from './domain/programme.errors';
export * from './use-cases/load-edition-definition.use-case';
export * from './use-cases/open-cycle-edition.use-case';
export * from './use-cases/repin-edition-definition.use-case';
// The explained eligibility as the API documents it, for other contexts' responses.
export { EligibilityResponse } from './http/programme.response.dto';
