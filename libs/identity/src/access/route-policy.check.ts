import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA, AccessPolicy } from './access.decorators';

export interface RouteDescriptor {
  method: string;
  path: string;
  controller: string;
  handler: string;
  policy: AccessPolicy | undefined;
}

/** Every HTTP route the application serves, with its declared access policy. */
@Injectable()
export class RouteCatalogue {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): RouteDescriptor[] {
    return this.discovery.getControllers().flatMap((wrapper) => {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) return [];
      const prefix = normalise(
        Reflect.getMetadata(PATH_METADATA, controller) as string | undefined,
      );
      const prototype = controller.prototype as Record<string, (...args: unknown[]) => unknown>;
      return this.scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = prototype[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (path === undefined) return [];
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        return [path].flat().map((p) => ({
          method,
          path: `/${[prefix, normalise(p)].filter(Boolean).join('/')}`,
          controller: controller.name,
          handler: name,
          policy: this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_METADATA, [
            handler,
            controller,
          ]),
        }));
      });
    });
  }
}

const normalise = (path: string | undefined) => (path ?? '').replace(/^\/+|\/+$/g, '');

/** Refuses to start when a route has no declared access policy. */
@Injectable()
export class RoutePolicyCheck implements OnApplicationBootstrap {
  constructor(private readonly catalogue: RouteCatalogue) {}

  onApplicationBootstrap(): void {
    const missing = this.catalogue.routes().filter((r) => !r.policy);
    if (missing.length > 0) {
      const list = missing.map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
      throw new Error(`Routes without an access policy:\n  ${list.join('\n  ')}`);
    }
  }
}
