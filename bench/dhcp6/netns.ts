import { execFileSync } from 'node:child_process';
import { onCleanup } from './cleanup.js';
import { NET } from './params.js';

/**
 * Two throwaway namespaces joined by a veth pair: the server's (srv0) and
 * the client's (cli0, where perfdhcp runs). Nothing leaves them, and they
 * are deleted on every way out.
 */

export function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8' });
}

/** Run a command in a namespace and return its stdout. */
export function inNs(ns: string, cmd: string[]): string {
  return ip('netns', 'exec', ns, ...cmd);
}

function existingNamespaces(): string[] {
  return ip('netns', 'list')
    .split('\n')
    .map((l) => l.split(' ')[0]!)
    .filter(Boolean);
}

export function createNetwork(): void {
  const namespaces = [NET.serverNs, NET.clientNs];
  const clash = namespaces.filter((ns) => existingNamespaces().includes(ns));
  // Never adopt (and later delete) a namespace someone else made.
  if (clash.length) throw new Error(`namespace ${clash.join(', ')} already exists; not touching it`);
  for (const ns of namespaces) {
    ip('netns', 'add', ns);
    onCleanup(() => deleteNamespace(ns));
    // No DAD, so link-local addresses work at once; no router solicitations to muddy the link.
    inNs(ns, ['sysctl', '-qw', 'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0', 'net.ipv6.conf.default.router_solicitations=0']);
    ip('-n', ns, 'link', 'set', 'lo', 'up');
  }
  ip('link', 'add', NET.clientIf, 'netns', NET.clientNs, 'address', NET.clientMac, 'type', 'veth', 'peer', 'name', NET.serverIf, 'netns', NET.serverNs, 'address', NET.serverMac);
  ip('-n', NET.clientNs, 'link', 'set', NET.clientIf, 'up');
  ip('-n', NET.serverNs, 'link', 'set', NET.serverIf, 'up');
  ip('-n', NET.serverNs, 'addr', 'add', NET.serverAddress, 'dev', NET.serverIf);
  waitForLinkLocal(NET.serverNs, NET.serverIf);
  waitForLinkLocal(NET.clientNs, NET.clientIf);
}

function waitForLinkLocal(ns: string, dev: string): void {
  for (let i = 0; i < 100; i++) {
    if (ip('-n', ns, '-6', 'addr', 'show', 'dev', dev, 'scope', 'link').includes('fe80')) return;
    execFileSync('sleep', ['0.05']);
  }
  throw new Error(`${ns}/${dev}: no link-local address after 5 s`);
}

/** Kill what is left in a namespace (all of it ours), then delete it. */
function deleteNamespace(ns: string): void {
  let pids: string[] = [];
  try {
    pids = ip('netns', 'pids', ns).split('\n').filter(Boolean);
  } catch {
    return; // already gone
  }
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
  ip('netns', 'del', ns);
}
