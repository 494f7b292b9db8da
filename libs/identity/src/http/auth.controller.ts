import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CredentialRoute, RequestValidationError } from '@craftcert/platform';
import { AllowedBeforePasswordChange, Authenticated, Public } from '../access/access.decorators';
import type { AuthenticatedRequest } from '../access/access.guard';
import { CurrentActor } from '../access/current-actor.decorator';
import type { SignedInActor } from '../auth/access-tokens';
import { clearSessionCookies, REFRESH_COOKIE, setSessionCookies } from '../auth/cookies';
import { DEVICE_COOKIE, setDeviceCookie } from '../auth/device-cookie';
import type { IssuedTokens } from '../auth/session-tokens';
import { AcceptInvitationUseCase } from '../use-cases/accept-invitation.use-case';
import { ConfirmPasswordResetUseCase } from '../use-cases/confirm-password-reset.use-case';
import { LoginUseCase } from '../use-cases/login.use-case';
import { LogoutUseCase } from '../use-cases/logout.use-case';
import { RefreshSessionUseCase } from '../use-cases/refresh-session.use-case';
import { RequestPasswordResetUseCase } from '../use-cases/request-password-reset.use-case';
import {
  AcceptInvitationRequest,
  LoginRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  RefreshRequest,
} from './identity.request.dto';
import { PasswordResetRequestedResponse, TokensResponse } from './identity.response.dto';

/** Sessions and the single-use links that open one: sign-in, refresh, sign-out, invitations, resets. */
@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly loginUseCase: LoginUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly logoutUseCase: LogoutUseCase,
    private readonly acceptInvitationUseCase: AcceptInvitationUseCase,
    private readonly requestPasswordResetUseCase: RequestPasswordResetUseCase,
    private readonly confirmPasswordResetUseCase: ConfirmPasswordResetUseCase,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @CredentialRoute()
  @ApiOkResponse({ type: TokensResponse })
  async login(
    @Body() body: LoginRequest,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokensResponse> {
    const signedIn = await this.loginUseCase.execute(body.email, body.password, {
      address: request.ip,
      deviceCookie: (request.cookies as Record<string, string | undefined>)[DEVICE_COOKIE],
    });
    setDeviceCookie(reply, signedIn.deviceCookie);
    return respond(reply, signedIn.tokens);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @CredentialRoute()
  @ApiOkResponse({ type: TokensResponse })
  async refresh(
    @Body() body: RefreshRequest,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokensResponse> {
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
    return respond(reply, await this.refreshSession.execute(token));
  }

  @Post('logout')
  @Authenticated()
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  async logout(
    @CurrentActor() actor: SignedInActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.logoutUseCase.execute(actor.sessionId);
    clearSessionCookies(reply);
  }

  @Post('invitations/accept')
  @Public()
  @HttpCode(200)
  @CredentialRoute()
  @ApiOkResponse({ type: TokensResponse })
  async acceptInvitation(
    @Body() body: AcceptInvitationRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokensResponse> {
    const tokens = await this.acceptInvitationUseCase.execute(
      body.token,
      body.displayName,
      body.password,
    );
    return respond(reply, tokens);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @CredentialRoute()
  @ApiOkResponse({ type: PasswordResetRequestedResponse })
  requestPasswordReset(@Body() body: PasswordResetRequest): PasswordResetRequestedResponse {
    this.requestPasswordResetUseCase.execute(body.email);
    return PasswordResetRequestedResponse.create();
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(204)
  @CredentialRoute()
  async confirmPasswordReset(@Body() body: PasswordResetConfirmRequest): Promise<void> {
    await this.confirmPasswordResetUseCase.execute(body.token, body.password);
  }
}

function respond(reply: FastifyReply, tokens: IssuedTokens): TokensResponse {
  setSessionCookies(reply, tokens);
  return TokensResponse.from(tokens);
}
