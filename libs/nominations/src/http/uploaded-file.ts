import { RequestValidationError } from '@craftcert/platform';

/**
 * The bytes of an upload route's body: the file itself, sent with its own content type. Any
 * other body (JSON, a form) is refused with the message given, on the `file` field.
 */
export function uploadedFile(body: unknown, message: string): Buffer {
  if (!Buffer.isBuffer(body)) throw new RequestValidationError([{ path: 'file', message }]);
  return body;
}
