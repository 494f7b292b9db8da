import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@craftcert/identity';
import {
  AppConfig,
  CredentialRoute,
  type FieldError,
  NotFoundError,
  RequestValidationError,
} from '@craftcert/platform';
import { ObjectionPeriodClosedError } from '../domain/publication.errors';
import { atomFeed } from '../site/atom-feed';
import { renderPage } from '../site/site-views';
import { ListPublishedListsUseCase } from '../use-cases/list-published-lists.use-case';
import { ReadPublishedListUseCase } from '../use-cases/read-published-list.use-case';
import { SubmitObjectionUseCase } from '../use-cases/submit-objection.use-case';
import { RenderCertificatePdfUseCase } from '../use-cases/render-certificate-pdf.use-case';
import { VerifyCertificateUseCase } from '../use-cases/verify-certificate.use-case';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public site's HTML pages (server-rendered, no JavaScript needed). Not part of the API
 * document: they answer HTML, and an unknown edition or certificate answers a 404 page.
 */
@ApiExcludeController()
@Public()
@Controller()
export class PublicSiteController {
  constructor(
    private readonly listLists: ListPublishedListsUseCase,
    private readonly readList: ReadPublishedListUseCase,
    private readonly verifyCertificate: VerifyCertificateUseCase,
    private readonly renderPdf: RenderCertificatePdfUseCase,
    private readonly submitObjection: SubmitObjectionUseCase,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const lists = await this.listLists.execute();
    return renderPage(request, reply, 'home', { ...lists, pageTitle: '' });
  }

  @Get('feed.atom')
  async feed(@Res({ passthrough: true }) reply: FastifyReply) {
    const { notices, announcements } = await this.listLists.execute();
    const entries = [...notices, ...announcements].toSorted(
      (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime(),
    );
    void reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=60');
    return atomFeed(this.config.PUBLIC_URL.replace(/\/+$/, ''), entries);
  }

  @Get('editions/:editionId')
  async edition(
    @Param('editionId') editionId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.orNotFound(request, reply, async () => {
      if (!UUID.test(editionId)) throw new NotFoundError(`Edition ${editionId}`);
      return this.listPage(request, reply, editionId);
    });
  }

  /**
   * The notice's objection form (a plain form post): accepted → redirect to the notice showing
   * the receipt number; refused → the notice again with each message next to its field.
   */
  @Post('editions/:editionId/objections')
  @HttpCode(303)
  @CredentialRoute()
  async object(
    @Param('editionId') editionId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.orNotFound(request, reply, async () => {
      if (!UUID.test(editionId)) throw new NotFoundError(`Edition ${editionId}`);
      const form = formFields(request.body);
      try {
        const { receiptNo } = await this.submitObjection.execute({
          editionId,
          nominationId: form.nominationId ?? '',
          objectorKind: form.objectorKind === 'organisation' ? 'organisation' : 'individual',
          name: form.name ?? '',
          contact: form.contact ?? '',
          facts: form.facts ?? '',
          channel: 'web',
          recordedBy: null,
        });
        void reply
          .status(303)
          .header('location', `/editions/${editionId}?receipt=${receiptNo}#objection`);
        return '';
      } catch (error) {
        if (error instanceof RequestValidationError) {
          const errors = Object.fromEntries(
            (error.errors ?? []).map((e: FieldError) => [e.path, e.message]),
          );
          return this.listPage(request, reply, editionId, { errors, form }, 400);
        }
        if (error instanceof ObjectionPeriodClosedError) {
          return this.listPage(request, reply, editionId, { closed: error }, 409);
        }
        throw error;
      }
    });
  }

  private async listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    editionId: string,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const view = await this.readList.execute(editionId);
    const query = request.query as Record<string, unknown>;
    const receipt = typeof query.receipt === 'string' ? query.receipt.slice(0, 20) : null;
    return renderPage(
      request,
      reply,
      'list',
      {
        errors: {},
        form: {},
        closed: null,
        ...view,
        ...extra,
        receipt,
        pageTitle: view.list.title.zh,
      },
      status,
    );
  }

  @Get('verify/:certificateNo')
  async verify(
    @Param('certificateNo') certificateNo: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.orNotFound(request, reply, async () => {
      const c = await this.verifyCertificate.execute(certificateNo);
      // Status changes (revocation) must show at once: revalidated on every request.
      return renderPage(request, reply, 'verify', { c, pageTitle: c.certificateNo });
    });
  }

  @Get('verify/:certificateNo/certificate.pdf')
  async pdf(
    @Param('certificateNo') certificateNo: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.orNotFound(request, reply, async () => {
      const pdf = await this.renderPdf.execute(certificateNo);
      void reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${certificateNo}.pdf"`)
        .header('cache-control', 'no-cache');
      return pdf;
    });
  }

  private async orNotFound(
    request: FastifyRequest,
    reply: FastifyReply,
    page: () => Promise<string | Buffer>,
  ): Promise<string | Buffer> {
    try {
      return await page();
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return renderPage(request, reply, 'not-found', { pageTitle: '404' }, 404);
    }
  }
}

/** A urlencoded form body, as the adapter's form parser hands it over: text fields only. */
function formFields(body: unknown): Record<string, string | undefined> {
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body)) return {};
  const fields: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
  }
  return fields;
}
