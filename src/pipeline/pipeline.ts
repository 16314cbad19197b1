import type { Filter, Handler, MaybePromise, PipelineContext, PipelineRequest } from './types.js';

/** One compiled filter with its handlers and nested filters. */
export interface PipelineNode {
  /** Config path, for logs and docs. */
  path: string;
  filter: Filter;
  handlers: Handler[];
  children: PipelineNode[];
}

/** The handlers whose `post` runs once the response is built, in the order they matched. */
export type PostHandlers = Handler[];

function isPromise<T>(v: MaybePromise<T>): v is Promise<T> {
  return typeof (v as Promise<T> | undefined)?.then === 'function';
}

export function newContext(request: PipelineRequest): PipelineContext {
  return { request, marks: new Set(), assigned: { addresses: [], prefixes: [], lineBound: false }, options: [], timers: {}, dynamic: false, dump: false, leaseContext: {} };
}

/**
 * The request walks the filters in order; a matching filter runs its
 * handlers' `pre`, then its nested filters. Stays synchronous until a filter
 * or handler returns a promise (a database lookup), as hono's compose does,
 * so the common all-in-memory path pays no promise per step. Stops early
 * once a handler decided to ignore the request.
 */
export class Pipeline {
  constructor(
    readonly roots: readonly PipelineNode[],
    /** False when the config has no pipeline: the server then uses its pools as before. */
    readonly configured: boolean,
  ) {}

  /** Run every `pre`; returns the handlers whose `post` must run later. */
  pre(ctx: PipelineContext): MaybePromise<PostHandlers> {
    const posts: Handler[] = [];
    const done = walk(this.roots, 0, ctx, posts);
    return isPromise(done) ? done.then(() => posts) : posts;
  }

  post(ctx: PipelineContext, posts: PostHandlers): MaybePromise<void> {
    return each(posts, 0, (h) => h.post!(ctx));
  }
}

function walk(nodes: readonly PipelineNode[], from: number, ctx: PipelineContext, posts: Handler[]): MaybePromise<void> {
  for (let i = from; i < nodes.length; i++) {
    if (ctx.ignore !== undefined) return;
    const node = nodes[i]!;
    const matched = node.filter.match(ctx);
    if (isPromise(matched)) return matched.then((m) => (m ? enter(node, ctx, posts) : undefined)).then(() => walk(nodes, i + 1, ctx, posts));
    if (!matched) continue;
    const entered = enter(node, ctx, posts);
    if (isPromise(entered)) return entered.then(() => walk(nodes, i + 1, ctx, posts));
  }
}

function enter(node: PipelineNode, ctx: PipelineContext, posts: Handler[]): MaybePromise<void> {
  for (const h of node.handlers) if (h.post) posts.push(h);
  const ran = each(node.handlers, 0, (h) => (h.pre && ctx.ignore === undefined ? h.pre(ctx) : undefined));
  return isPromise(ran) ? ran.then(() => walk(node.children, 0, ctx, posts)) : walk(node.children, 0, ctx, posts);
}

function each(handlers: readonly Handler[], from: number, call: (h: Handler) => MaybePromise<void>): MaybePromise<void> {
  for (let i = from; i < handlers.length; i++) {
    const r = call(handlers[i]!);
    if (isPromise(r)) return r.then(() => each(handlers, i + 1, call));
  }
}
