/**
 * Node module hooks that run this repository's TypeScript sources directly,
 * for child processes in tests and for bench scripts (Node 20 cannot strip
 * types itself). Each file is transpiled alone: no type checking. Output is
 * cached in the OS temp dir by content hash, so only a changed file pays for
 * loading the TypeScript compiler (about a second on these machines).
 * Use: node --import ./src/store/testing/register-ts.mjs file.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';
import process from 'node:process';

const CACHE = join(tmpdir(), `fulmar-ts-cache-${userInfo().uid}`);
mkdirSync(CACHE, { recursive: true });

/** Our sources import siblings as `./x.js`; serve `./x.ts` when that is what exists. */
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
    const url = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
    if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const fileName = fileURLToPath(url);
  const source = await readFile(fileName, 'utf8');
  const cached = join(CACHE, createHash('sha256').update(fileName).update('\0').update(source).digest('hex') + '.js');
  const hit = await readFile(cached, 'utf8').catch(() => undefined);
  return { format: 'module', source: hit ?? (await transpile(fileName, source, cached)), shortCircuit: true };
}

async function transpile(fileName, source, cached) {
  const { default: ts } = await import('typescript');
  const { outputText } = ts.transpileModule(source, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
  });
  // Write then rename, so a concurrent reader never sees half a file.
  const partial = `${cached}.${process.pid}`;
  await writeFile(partial, outputText);
  await rename(partial, cached);
  return outputText;
}
