import { execFileSync } from 'node:child_process';

/** Thin synchronous wrappers over `ip` for building and tearing down a lab. */

export function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
}

/** Run a short command inside a namespace and return its stdout. */
export function inNamespace(ns: string, argv: string[]): string {
  return ip('netns', 'exec', ns, ...argv);
}

export function namespaceExists(name: string): boolean {
  return ip('netns', 'list')
    .split('\n')
    .some((line) => line.split(' ')[0] === name);
}

/**
 * A namespace with loopback up, no duplicate address detection (addresses
 * are usable at once) and no router solicitations (there is no router).
 */
export function createNamespace(name: string): void {
  ip('netns', 'add', name);
  inNamespace(name, ['sysctl', '-qw', 'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0', 'net.ipv6.conf.default.router_solicitations=0']);
  ip('-n', name, 'link', 'set', 'lo', 'up');
}

export interface End {
  ns: string;
  iface: string;
  mac: string;
}

/** A veth pair from one namespace to another (or within one), both ends up. */
export function addVeth(a: End, b: End): void {
  ip('link', 'add', a.iface, 'netns', a.ns, 'address', a.mac, 'type', 'veth', 'peer', 'name', b.iface, 'netns', b.ns, 'address', b.mac);
  ip('-n', a.ns, 'link', 'set', a.iface, 'up');
  ip('-n', b.ns, 'link', 'set', b.iface, 'up');
}

export function addAddress(ns: string, iface: string, cidr: string): void {
  ip('-n', ns, 'addr', 'add', cidr, 'dev', iface);
}

/** Global IPv6 addresses on an interface, as "address/len". */
export function globalAddresses(ns: string, iface: string): string[] {
  const out = ip('-n', ns, '-6', '-o', 'addr', 'show', 'dev', iface, 'scope', 'global');
  return [...out.matchAll(/inet6 (\S+)/g)].map((m) => m[1]!);
}

export function hasLinkLocal(ns: string, iface: string): boolean {
  return ip('-n', ns, '-6', '-o', 'addr', 'show', 'dev', iface, 'scope', 'link').includes('fe80::');
}

/** Every process living in a namespace (all of them ours: the lab made it). */
export function pidsIn(ns: string): number[] {
  try {
    return ip('netns', 'pids', ns).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function deleteNamespace(name: string): void {
  try {
    ip('netns', 'del', name);
  } catch {
    // already gone
  }
}

/** Something bound to this UDP port inside the namespace? */
export function udpPortBound(ns: string, port: number): boolean {
  return inNamespace(ns, ['ss', '-Hlun', `sport = :${port}`]).trim() !== '';
}
