import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface GitHttpServer {
  /** e.g. `https://127.0.0.1:40123` */
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export interface TestCertificate {
  caFile: string;
  key: string;
  cert: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made with openssl. */
export function createTestCertificate(): TestCertificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carvel-test-tls-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return {
    caFile: certFile,
    key: fs.readFileSync(keyFile, 'utf8'),
    cert: fs.readFileSync(certFile, 'utf8'),
  };
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Serves git's smart HTTP for the bare repositories below `projectRoot` through `git http-backend`. */
export function gitHttpBackend(projectRoot: string): Handler {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://test');
    const header = (name: string) => String(req.headers[name] ?? '');
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: 'tester',
        REMOTE_ADDR: '127.0.0.1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: header('content-type'),
        GIT_PROTOCOL: header('git-protocol'),
        HTTP_CONTENT_ENCODING: header('content-encoding'),
        ...(req.headers['content-length']
          ? { CONTENT_LENGTH: header('content-length') }
          : {}),
      },
    });
    req.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let headersSent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      let status = 200;
      for (const line of head.subarray(0, end).toString().split('\r\n')) {
        const [name, ...rest] = line.split(':');
        const value = rest.join(':').trim();
        if (name.toLowerCase() === 'status') status = parseInt(value, 10);
        else res.setHeader(name, value);
      }
      res.writeHead(status);
      headersSent = true;
      res.write(head.subarray(end + 4));
    });
    child.on('close', () => {
      if (!headersSent) res.writeHead(500);
      res.end();
    });
  };
}

/** An http or https server that records every request's headers before `handler` answers it. */
export async function startRecordingServer(options: {
  handler: Handler;
  tls?: TestCertificate;
  hostname?: string;
}): Promise<GitHttpServer> {
  const requests: RecordedRequest[] = [];
  const listener: Handler = (req, res) => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
    });
    options.handler(req, res);
  };
  const server = options.tls
    ? https.createServer(
        { key: options.tls.key, cert: options.tls.cert },
        listener,
      )
    : http.createServer(listener);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.tls ? 'https' : 'http'}://${
      options.hostname ?? '127.0.0.1'
    }:${port}`,
    requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
