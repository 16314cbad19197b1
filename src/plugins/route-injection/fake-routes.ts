import type { Route, RouteTable } from './routes.js';

/** A RouteTable in memory, for tests: the routes it holds and every change, in order. */
export class FakeRouteTable implements RouteTable {
  readonly routes = new Map<string, Route>();
  readonly changes: string[] = [];
  /** Prefixes whose changes fail, as a broken `ip` would. */
  readonly failing = new Set<string>();

  async replace(prefix: string, via: string, dev?: string): Promise<boolean> {
    this.changes.push(`replace ${prefix} via ${via}${dev ? ` dev ${dev}` : ''}`);
    if (this.failing.has(prefix)) return false;
    this.routes.set(prefix, { prefix, via, ...(dev ? { dev } : {}) });
    return true;
  }

  async remove(prefix: string): Promise<boolean> {
    this.changes.push(`remove ${prefix}`);
    if (this.failing.has(prefix)) return false;
    this.routes.delete(prefix);
    return true;
  }

  async replaceMany(routes: Iterable<Route>): Promise<number> {
    let n = 0;
    for (const r of routes) if (await this.replace(r.prefix, r.via, r.dev)) n++;
    return n;
  }

  async drain(): Promise<void> {}
}
