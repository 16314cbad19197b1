import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import type { CliIo } from '../io.js';

/** Answers are bounded too: lease6-get-all is capped server-side well below this. */
const MAX_ANSWER = 512 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

interface CtlOptions {
  url: string;
  token?: string;
  user?: string;
  password?: string;
  insecure?: boolean;
}

function parseArguments(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch (e) {
    throw new CliError(`arguments: not valid JSON: ${(e as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new CliError('arguments: must be a JSON object');
  return v;
}

function authorization(o: CtlOptions): string | undefined {
  if (o.user !== undefined || o.password !== undefined) {
    if (o.user === undefined || o.password === undefined) throw new CliError('--user and --password go together');
    return `Basic ${Buffer.from(`${o.user}:${o.password}`).toString('base64')}`;
  }
  const token = o.token ?? process.env.FULMAR_TOKEN;
  return token ? `Bearer ${token}` : undefined;
}

/** POST the command; resolves to the HTTP status and the body text. */
function post(o: CtlOptions, body: string, auth: string | undefined): Promise<{ status: number; text: string }> {
  let url: URL;
  try {
    url = new URL(o.url);
  } catch {
    throw new CliError(`--url: not a URL: ${o.url}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--url: must be http:// or https://, not ${url.protocol}`);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  if (auth) headers.authorization = auth;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers, timeout: TIMEOUT_MS, ...(o.insecure ? { rejectUnauthorized: false } : {}) }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_ANSWER) req.destroy(new Error(`answer larger than ${MAX_ANSWER} bytes`));
        else chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (e) => reject(new CliError(`cannot reach ${o.url}: ${e.message}`)));
    req.end(body);
  });
}

/**
 * `fulmar ctl COMMAND [json-arguments]`: one management command, the answer
 * printed as JSON. Exit status 0 on result 0, 3 on result 3 (nothing
 * matched), 1 on anything else.
 */
export function registerCtl(program: Command, io: CliIo): void {
  program
    .command('ctl')
    .description('send one command to the management API and print the answer')
    .argument('<command>', 'command name, e.g. lease6-get (list-commands lists them)')
    .argument('[arguments]', 'the command\'s arguments as a JSON object, e.g. \'{"ip-address": "2001:db8::1"}\'')
    .option('--url <url>', 'where the API listens', 'http://127.0.0.1:8547')
    .option('--token <token>', 'bearer token (default: $FULMAR_TOKEN)')
    .option('--user <name>', 'HTTP Basic user (with --password)')
    .option('--password <password>', 'HTTP Basic password')
    .option('--insecure', 'accept any TLS certificate (self-signed test setups)')
    .action(async (command: string, json: string | undefined, opts: CtlOptions) => {
      const args = parseArguments(json);
      const body = JSON.stringify(args === undefined ? { command } : { command, arguments: args });
      const { status, text } = await post(opts, body, authorization(opts));
      let answer: { result?: unknown };
      try {
        answer = JSON.parse(text) as { result?: unknown };
      } catch {
        throw new CliError(`HTTP ${status} from ${opts.url}, not a JSON answer: ${text.slice(0, 200)}`);
      }
      io.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
      io.exitCode = answer.result === 0 ? 0 : answer.result === 3 ? 3 : 1;
    });
}
