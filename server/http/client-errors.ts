// A request Node's HTTP parser refuses before Express sees it — a URL or header block over Node's limit (431), a
// request line that is not HTTP (400), one that took too long to arrive (408) — is answered with the error body
// every other refusal has, instead of Node's bare status line. No header was read, so it is in Korean (the default).
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '../../shared/errors.ts';
import { message } from '../../shared/i18n.ts';
import { httpMessages } from './messages.ts';
import { errorBody } from './render.ts';

export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A client that went away, or a socket already answered: nothing to say.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const refusal =
      status === 431
        ? new AppError('invalid_data', 'headers_too_large', message(httpMessages.headers_too_large, { limit: `${http.maxHeaderSize / 1024} KB` }))
        : new AppError('invalid_data', 'bad_request', message(httpMessages.bad_request, { status }));
    const body = JSON.stringify(errorBody(refusal, 'ko', randomUUID()));
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
