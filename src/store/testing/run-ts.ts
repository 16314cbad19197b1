/** Spawn `node` on a TypeScript file of this repository, through ts-hooks.mjs. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REGISTER = pathToFileURL(fileURLToPath(new URL('./register-ts.mjs', import.meta.url))).href;

export function spawnTs(file: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', REGISTER, file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}
