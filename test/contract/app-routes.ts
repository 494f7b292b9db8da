import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { ACCESS_METADATA, type AccessPolicy } from '@craftcert/platform';

/** The metadata key @ApiExcludeController() sets (swagger's DECORATORS.API_EXCLUDE_CONTROLLER). */
const API_EXCLUDE_CONTROLLER = 'swagger/apiExcludeController';

function isExcludedFromApiDocument(controller: Function): boolean {
  const flag = Reflect.getMetadata(API_EXCLUDE_CONTROLLER, controller) as boolean[] | undefined;
  return flag?.[0] === true;
}

/** One route as the application registered it, read from its controller's metadata. */
export interface AppRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Fastify's spelling: /api/editions/:editionId */
  url: string;
  /** OpenAPI's spelling: /api/editions/{editionId} */
  openApiPath: string;
  pathParams: string[];
  handler: string;
  access: AccessPolicy;
  /** The DTO classes of @Body(), @Query() and @Param() (Object when the handler takes raw input). */
  body?: Function;
  query?: Function;
  params?: Function;
}

export interface DtoField {
  name: string;
  required: boolean;
  /** The class of a nested object (or of each item of a nested array), from @Type(). */
  nested?: Function;
  /** Validated with @Matches: a client needs the pattern. */
  matches: boolean;
}

// class-transformer keeps @Type() metadata in a storage it does not export from its index.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformerStorage = (
  require('class-transformer/cjs/storage') as {
    defaultMetadataStorage: {
      findTypeMetadata(
        target: Function,
        property: string,
      ): { typeFunction: () => Function } | undefined;
    };
  }
).defaultMetadataStorage;

/** The fields a class-validator DTO validates, and whether each is required (no IsOptional/ValidateIf). */
export function dtoFields(dto: Function): DtoField[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const names = [...new Set(metadata.map((m) => m.propertyName))];
  return names.map((name) => ({
    name,
    required: !metadata.some(
      (m) => m.propertyName === name && m.type === ValidationTypes.CONDITIONAL_VALIDATION,
    ),
    matches: metadata.some((m) => m.propertyName === name && m.name === 'matches'),
    nested: metadata.some(
      (m) => m.propertyName === name && m.type === ValidationTypes.NESTED_VALIDATION,
    )
      ? transformerStorage.findTypeMetadata(dto, name)?.typeFunction()
      : undefined,
  }));
}

const METHODS: Partial<Record<RequestMethod, AppRoute['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

function join(...parts: string[]): string {
  const path = parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');
  return `/${path}`;
}

/** Every route of every controller the application loaded, checked against Fastify's table. */
export function appRoutes(app: NestFastifyApplication): AppRoute[] {
  const fastify = app.getHttpAdapter().getInstance();
  const routes: AppRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Function | null;
      if (!controller) continue;
      // HTML pages (@ApiExcludeController) are not part of the API document.
      if (isExcludedFromApiDocument(controller)) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat();
      const prototype = controller.prototype as Record<string, unknown>;
      for (const handler of Object.getOwnPropertyNames(prototype)) {
        const fn = prototype[handler];
        if (handler === 'constructor' || typeof fn !== 'function') continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
        if (requestMethod === undefined) continue;
        const method = METHODS[requestMethod];
        if (!method) throw new Error(`${controller.name}.${handler}: unexpected method`);
        const own = [Reflect.getMetadata(PATH_METADATA, fn) as string | string[]].flat();
        const access = (Reflect.getMetadata(ACCESS_METADATA, fn) ??
          Reflect.getMetadata(ACCESS_METADATA, controller)) as AccessPolicy;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ??
          {}) as Record<string, { index: number }>;
        const types = (Reflect.getMetadata('design:paramtypes', prototype, handler) ??
          []) as Function[];
        const argType = (kind: RouteParamtypes) => {
          const entry = Object.entries(args).find(([key]) => key.split(':')[0] === String(kind));
          return entry ? types[entry[1].index] : undefined;
        };
        for (const b of base) {
          for (const o of own) {
            const url = join(b, o);
            if (!fastify.hasRoute({ method: method.toUpperCase() as 'GET', url })) {
              throw new Error(`${method} ${url} is in a controller but not served`);
            }
            routes.push({
              method,
              url,
              openApiPath: url.replace(/:(\w+)/g, '{$1}'),
              pathParams: [...url.matchAll(/:(\w+)/g)].map((m) => m[1]),
              handler: `${controller.name}.${handler}`,
              access,
              body: argType(RouteParamtypes.BODY),
              query: argType(RouteParamtypes.QUERY),
              params: argType(RouteParamtypes.PARAM),
            });
          }
        }
      }
    }
  }
  return routes;
}
