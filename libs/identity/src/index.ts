// The identity context's public surface: access policies and the current actor, the one
// organisation-scope rule, types and errors. Its tables are listed for the migrations
// catalogue in `@craftcert/identity/entities`.
export * from './access/access.decorators';
export * from './access/access.guard';
export * from './access/current-actor.decorator';
export * from './access/route-policy.check';
export * from './auth/access-tokens';
export * from './domain/identity.errors';
export * from './domain/organisation';
export * from './domain/organisation-scope';
export * from './domain/roles';
export * from './identity.module';
export { RequestPasswordResetUseCase } from './use-cases/request-password-reset.use-case';
export * from './persistence/organisation-members';
export * from './persistence/organisation-scope';
export { type LinkMessage, ReadLinkMessageUseCase } from './use-cases/read-link-message.use-case';
export {
  type Recipient,
  type RecipientQuery,
  ResolveRecipientsUseCase,
} from './use-cases/resolve-recipients.use-case';
export * from './persistence/organisation-members';
