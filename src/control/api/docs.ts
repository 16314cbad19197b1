import { z } from 'zod';
import type { CommandDef } from './command.js';
import { COMMAND_GROUPS } from './commands/index.js';

/** docs/api.md, generated from the command declarations so the reference cannot drift from the code. */

const INTRO = `# Management API

Generated from the command declarations in \`src/control/api/commands/\`; do not edit by hand
(\`UPDATE_DOCS=1 npx vitest run src/control/api/docs.test.ts\` rewrites it).

Fulmar speaks Kea's control protocol: \`POST /\` with a JSON body

\`\`\`json
{"command": "lease6-get", "service": ["dhcp6"], "arguments": {"ip-address": "2001:db8:1::10"}}
\`\`\`

and answers \`{"result": R, "text": "...", "arguments": ...}\`. \`service\` is accepted and ignored.
Where Kea has a command, Fulmar uses its name, arguments and answer shape.

| result | meaning |
|---|---|
| 0 | success |
| 1 | error; \`text\` says what is wrong, naming the field (\`arguments.ip-address: not an IPv6 address\`) |
| 2 | unknown command |
| 3 | success, but nothing matched (no such lease, empty page) |

HTTP status: 200 for every answer a command gave; 400 when the body is not JSON or has no
\`command\`; 401 without valid credentials (with \`WWW-Authenticate\`); 403 when a read-only user
calls a write command; 413 when the body is larger than \`control.body-limit\`; 429 when the
client IP is over \`control.rate-limit\` (with \`Retry-After\`). Refused calls change nothing and
are logged (\`FULMAR_API_UNAUTHENTICATED\`, \`FULMAR_API_FORBIDDEN\`, \`FULMAR_API_RATE_LIMITED\`).

## Authentication

Every call needs credentials from the users file named by \`control.auth-file\`:

\`\`\`json
{"users": [{"name": "ops", "role": "read-write", "hash": "sha256$..."}]}
\`\`\`

\`fulmar auth add NAME --role read-only|read-write --file FILE\` adds a user with a generated
secret (32 random bytes, printed once; the file keeps only its SHA-256). With
\`--password-stdin\` it stores a chosen password as \`scrypt$N$r$p$salt$key\` instead. Send either as

- \`Authorization: Bearer SECRET\` (generated secrets only),
- \`Authorization: Bearer NAME:SECRET\`, or
- HTTP Basic with NAME and SECRET.

\`read-only\` users may run the commands marked *read*; \`read-write\` users may run all. The file
is read at start (an unusable file stops the API from starting, naming the file and the entry)
and again after \`config-reload\` and \`config-set\`. From the command line:
\`fulmar ctl lease6-get '{"ip-address": "2001:db8:1::10"}'\` (see \`fulmar ctl --help\`).
`;

function schemaText(c: CommandDef): string {
  const s = z.toJSONSchema(c.args, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete s.$schema;
  const props = s.properties as Record<string, unknown> | undefined;
  if (s.type === 'object' && props && Object.keys(props).length === 0) return 'No arguments.\n';
  return `Arguments (JSON Schema):\n\n\`\`\`json\n${JSON.stringify(s, null, 2)}\n\`\`\`\n`;
}

export function apiReference(groups = COMMAND_GROUPS): string {
  const parts = [INTRO];
  for (const g of groups) {
    parts.push(`\n## ${g.title}\n`);
    for (const c of g.commands) parts.push(`\n### \`${c.name}\` (${c.access})\n\n${c.description}\n\n${schemaText(c)}`);
  }
  return parts.join('');
}
