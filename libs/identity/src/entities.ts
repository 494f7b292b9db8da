// The identity context's tables, for the migrations catalogue only: other code reaches
// identity through its index (use cases, the scope rule, types and errors).
import { AuthSessionEntity } from './persistence/auth-session.entity';
import { OneTimeTokenEntity } from './persistence/one-time-token.entity';
import { OrganisationEntity } from './persistence/organisation.entity';
import { SignInAttemptEntity } from './persistence/sign-in-attempt.entity';
import { UserEntity } from './persistence/user.entity';

export const IDENTITY_ENTITIES = [
  OrganisationEntity,
  UserEntity,
  AuthSessionEntity,
  OneTimeTokenEntity,
  SignInAttemptEntity,
];
