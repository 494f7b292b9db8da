import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsInt, IsString, Length, Min, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { AllExceptionsFilter } from './exception.filter';
import { createValidationPipe } from './validation';

class ContestRequest {
  @IsString()
  name: string;

  @IsInt()
  @Min(1)
  rank: number;
}

class NomineeRequest {
  @IsString()
  @Length(1, 20)
  fullName: string;

  @ValidateNested({ each: true })
  @Type(() => ContestRequest)
  @ArrayMinSize(1)
  contests: ContestRequest[];
}

class ItemParams {
  @Type(() => Number)
  @IsInt({ message: 'n must be a positive integer' })
  @Min(1, { message: 'n must be a positive integer' })
  n: number;
}

@Controller('probe')
class ProbeController {
  @Get('items/:n')
  item(@Param() params: ItemParams) {
    const seen = { ...params };
    // A handler may change its parameters; the next request must not see that.
    params.n = -1;
    return { n: seen.n, type: typeof seen.n, isParams: params instanceof ItemParams };
  }

  @Post()
  create(@Body() body: NomineeRequest) {
    return { received: body.fullName, rankType: typeof body.contests[0].rank };
  }

  @Get('conflict')
  conflict() {
    throw new DomainError('CONFLICT', 'already nominated');
  }

  @Get('crash')
  crash() {
    throw new Error('database password is hunter2');
  }
}

@Module({
  controllers: [ProbeController],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
class ProbeModule {}

describe('validation pipe and exception filter', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      logger: false,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  const post = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/probe', payload: payload as object });

  it('accepts a valid body and transforms it to typed values', async () => {
    const res = await post({ fullName: '张三', contests: [{ name: 'city', rank: 1 }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ received: '张三', rankType: 'number' });
  });

  it('answers 400 listing each failing field by its path', async () => {
    const res = await post({ fullName: '', contests: [{ name: 'city', rank: 0 }, { rank: 'x' }] });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'fullName',
        'contests[0].rank',
        'contests[1].name',
        'contests[1].rank',
      ]),
    );
    expect(body.errors.find((e: { path: string }) => e.path === 'fullName').message).toMatch(
      /fullName must be longer than or equal to 1 characters/,
    );
  });

  it('refuses unknown fields by name', async () => {
    const res = await post({ fullName: 'a', contests: [{ name: 'c', rank: 1 }], isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'isAdmin', message: 'isAdmin should not exist' }]);
  });

  it('validates path parameters on every request, valid ones from memory as their own copy', async () => {
    const get = (n: string) => app.inject({ method: 'GET', url: `/probe/items/${n}` });
    for (let i = 0; i < 2; i++) {
      const res = await get('7');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ n: 7, type: 'number', isParams: true });
    }
    for (const bad of ['0', 'x', '7.5']) {
      const res = await get(bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ path: 'n', message: 'n must be a positive integer' }]);
    }
  });

  it('maps a domain error code to its status', async () => {
    const res = await app.inject({ method: 'GET', url: '/probe/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', message: 'already nominated' });
  });

  it('hides the cause of an unexpected error behind a bare 500 with a request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/probe/crash' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json()).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Internal server error',
      requestId: expect.any(String),
    });
  });
});
