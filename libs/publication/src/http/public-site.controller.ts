import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@craftcert/identity';
import { NotFoundError } from '@craftcert/platform';
import { renderPage } from '../site/site-views';
import { ListPublishedListsUseCase } from '../use-cases/list-published-lists.use-case';
import { ReadPublishedListUseCase } from '../use-cases/read-published-list.use-case';
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
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const lists = await this.listLists.execute();
    return renderPage(request, reply, 'home', { ...lists, pageTitle: '' });
  }

  @Get('editions/:editionId')
  async edition(
    @Param('editionId') editionId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.orNotFound(request, reply, async () => {
      if (!UUID.test(editionId)) throw new NotFoundError(`Edition ${editionId}`);
      const view = await this.readList.execute(editionId);
      return renderPage(request, reply, 'list', { ...view, pageTitle: view.list.title.zh });
    });
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
