import { startTestApp, TestApp } from '@craftcert/testing';
import { AppRoute, appRoutes, dtoFields } from './app-routes';

type Schema = {
  $ref?: string;
  pattern?: string;
  type?: string;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: Record<string, string[]>[];
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    securitySchemes?: Record<string, { type: string; scheme?: string }>;
  };
};

/**
 * The OpenAPI document partner systems generate clients from, checked against the routes the
 * application really serves: every path parameter, query field, body and response is described.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  let routes: AppRoute[];

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.request({ url: '/api/docs-json' });
    if (res.statusCode !== 200) throw new Error(`GET /api/docs-json: ${res.statusCode}`);
    doc = res.json<Document>();
    routes = appRoutes(t.app);
  });
  afterAll(() => t.close());

  /** Follows a $ref (also one wrapped in allOf to carry a description) to its component. */
  function resolve(schema: Schema | undefined): Schema | undefined {
    if (schema?.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema;
  }

  /** A schema that says something: an object with properties, an array of such, text, binary. */
  function describes(schema: Schema | undefined): boolean {
    const s = resolve(schema);
    if (!s) return false;
    if (s.type === 'array') return describes(s.items);
    if (s.type === 'object' || (!s.type && s.properties))
      return Object.keys(s.properties ?? {}).length > 0 || s.additionalProperties !== undefined;
    return typeof s.type === 'string';
  }

  /** Each validated field of the DTO (and of the DTOs nested in it) is a property, required alike. */
  function fieldProblems(dto: Function, documented: Schema | undefined, at = 'body'): string[] {
    const schema = resolve(documented);
    if (!describes(schema)) return [`${at} schema`];
    return dtoFields(dto).flatMap((field) => {
      const property = schema!.properties?.[field.name];
      const path = `${at}.${field.name}`;
      if (!property) return [`${path} missing`];
      const required = (schema!.required ?? []).includes(field.name);
      const found = required === field.required ? [] : [`${path} required: ${field.required}`];
      if (field.matches && !resolve(property)?.pattern) found.push(`${path} pattern`);
      if (field.nested) {
        const inner = resolve(property)?.type === 'array' ? resolve(property)!.items : property;
        found.push(...fieldProblems(field.nested, inner, path));
      }
      return found;
    });
  }

  function problems(route: AppRoute): string[] {
    const op = doc.paths[route.openApiPath]?.[route.method];
    if (!op) return ['missing from the document'];
    const found: string[] = [];
    const params = op.parameters ?? [];
    for (const name of route.pathParams) {
      const p = params.find((x) => x.in === 'path' && x.name === name);
      if (!p?.required || !p.schema?.type) found.push(`path parameter ${name}`);
    }
    if (route.query && route.query !== Object) {
      for (const field of dtoFields(route.query)) {
        const p = params.find((x) => x.in === 'query' && x.name === field.name);
        if (!p) found.push(`query parameter ${field.name}`);
        else if (Boolean(p.required) !== field.required)
          found.push(`query parameter ${field.name} required: ${field.required}`);
        else if (field.matches && !p.schema?.pattern)
          found.push(`query parameter ${field.name} pattern`);
      }
    }
    if (route.body) {
      const content = Object.values(op.requestBody?.content ?? {});
      if (content.length === 0 || !content.every((c) => describes(c.schema)))
        found.push('request body schema');
      else if (route.body !== Object) found.push(...fieldProblems(route.body, content[0].schema));
    }
    const success = Object.entries(op.responses).filter(([code]) => /^2\d\d$/.test(code));
    if (success.length === 0) found.push('success response');
    for (const [code, response] of success) {
      if (code === '204') continue;
      const content = Object.values(response.content ?? {});
      if (content.length === 0 || !content.every((c) => describes(c.schema)))
        found.push(`response ${code} schema`);
    }
    const bearer = (op.security ?? []).some((s) => 'bearer' in s);
    if (route.access.kind === 'public' && bearer) found.push('bearer security on a public route');
    if (route.access.kind !== 'public' && !bearer) found.push('bearer security');
    return found;
  }

  it('lists exactly the routes the application serves', () => {
    const served = routes.map((r) => `${r.method} ${r.openApiPath}`).toSorted();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .toSorted();
    expect(documented).toEqual(served);
    expect(served.length).toBeGreaterThan(50);
  });

  it("describes every route's path parameters, query, body, responses and security", () => {
    const missing = Object.fromEntries(
      routes
        .map((r) => [`${r.method.toUpperCase()} ${r.url} (${r.handler})`, problems(r)] as const)
        .filter(([, p]) => p.length > 0),
    );
    expect(missing).toEqual({});
  });

  it('gives every property of every schema a type a client generator can use', () => {
    const vague = Object.entries(doc.components.schemas).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(([, property]) => {
          const p = resolve(property)!;
          if (p.type === 'array') return !describes(p.items);
          return !describes(p) && !p.oneOf && p.type !== undefined;
        })
        .map(([property]) => `${name}.${property}`),
    );
    expect(vague).toEqual([]);
  });

  it('offers bearer sign-in that a token from POST /api/auth/login satisfies', async () => {
    expect(doc.components.securitySchemes?.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    // What Swagger UI's Authorize sends: the access token as "Authorization: Bearer …".
    const token = await t.adminToken();
    const me = await t.request({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    const anonymous = await t.request({ url: '/api/me' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('marks an edition’s definitionVersion as required', () => {
    const openEdition = doc.paths['/api/programmes/{programmeId}/editions'].post;
    const schema = resolve(Object.values(openEdition.requestBody!.content)[0].schema)!;
    expect(schema.required).toContain('definitionVersion');
  });
});
