import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CredentialRoute, RequestValidationError } from '@craftcert/platform';
import { Authenticated, Public } from '../access/access.decorators';
import type { AuthenticatedRequest } from '../access/access.guard';
import { clearSessionCookies, REFRESH_COOKIE, setSessionCookies } from '../auth/cookies';
import { InvitationsUseCase } from '../use-cases/invitations.use-case';
import { PasswordResetUseCase } from '../use-cases/password-reset.use-case';
import { IssuedTokens, SessionsUseCase } from '../use-cases/sessions.use-case';
import {
  AcceptInvitationRequest,
  LoginRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  RefreshRequest,
} from './identity.request.dto';
import { TokensResponse } from './identity.response.dto';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsUseCase,
    private readonly invitations: InvitationsUseCase,
    private readonly passwordReset: PasswordResetUseCase,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @CredentialRoute()
  async login(@Body() body: LoginRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return respond(reply, await this.sessions.login(body.email, body.password));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @CredentialRoute()
  async refresh(
    @Body() body: RefreshRequest,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const token =
      body.refreshToken ?? (request.cookies as Record<string, string | undefined>)[REFRESH_COOKIE];
    if (!token) {
      throw new RequestValidationError([
        {
          path: 'refreshToken',
          message: 'refreshToken is required unless the refresh cookie is sent',
        },
      ]);
    }
    return respond(reply, await this.sessions.refresh(token));
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  async logout(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.sessions.logout(request.actor!.sessionId);
    clearSessionCookies(reply);
  }

  @Post('invitations/accept')
  @Public()
  @HttpCode(200)
  @CredentialRoute()
  async accept(
    @Body() body: AcceptInvitationRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return respond(
      reply,
      await this.invitations.accept(body.token, body.displayName, body.password),
    );
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @CredentialRoute()
  async requestReset(@Body() body: PasswordResetRequest): Promise<{ status: string }> {
    await this.passwordReset.request(body.email);
    return { status: 'If the address belongs to an account, a reset link is on its way.' };
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(204)
  @CredentialRoute()
  async confirmReset(@Body() body: PasswordResetConfirmRequest): Promise<void> {
    await this.passwordReset.reset(body.token, body.password);
  }
}

function respond(reply: FastifyReply, tokens: IssuedTokens): TokensResponse {
  setSessionCookies(reply, tokens);
  return TokensResponse.from(tokens);
}
