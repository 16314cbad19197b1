import type { ClientServerMessage6, Option } from '../../protocol/index.js';
import type { Handler, PipelineContext } from '../../pipeline/types.js';
import { privateOptionDef, type Settings } from './config.js';

/**
 * The quirk itself: a reply or advertise to a client of the configured CPE
 * family also carries SOL_MAX_RT under the family's private option code.
 */

const VENDOR_CLASS = 16;
const SOL_MAX_RT = 82;
const ANSWERS = new Set(['advertise', 'reply']);

export function createHandler(settings: Settings): Handler {
  const def = privateOptionDef(settings.code);
  return {
    post(ctx) {
      const response = ctx.response;
      if (!response || !ANSWERS.has(String(response.type))) return;
      if (!fromFamily(ctx, settings.enterprise)) return;
      // An option of that code already there came from option-data: the operator's choice wins.
      if (response.options.some((o) => o.code === settings.code)) return;
      const seconds = settings['sol-max-rt'] ?? standardSolMaxRt(response);
      if (seconds === undefined) return;
      // raw as well as value: it encodes even where the codec lacks the plugin's definition.
      response.options.push({ code: def.code, name: def.name, value: seconds, raw: u32Hex(seconds) });
    },
  };
}

/** Does any Vendor Class option of the request carry this enterprise number? */
function fromFamily(ctx: PipelineContext, enterprise: number): boolean {
  return ctx.request.msg.options.some((o) => o.code === VENDOR_CLASS && enterpriseOf(o) === enterprise);
}

function enterpriseOf(o: Option): number | undefined {
  const v = o.value as { enterprise?: unknown } | undefined;
  if (typeof v?.enterprise === 'number') return v.enterprise;
  // Undecodable (kept raw): the enterprise number is still its first 4 bytes.
  return o.raw !== undefined && o.raw.length >= 8 ? parseInt(o.raw.slice(0, 8), 16) : undefined;
}

/** The response's standard SOL_MAX_RT, in decoded or raw form. */
function standardSolMaxRt(response: ClientServerMessage6): number | undefined {
  const o = response.options.find((x) => x.code === SOL_MAX_RT);
  if (!o) return undefined;
  if (typeof o.value === 'number') return o.value;
  return o.raw !== undefined && /^[0-9a-fA-F]{8}$/.test(o.raw) ? parseInt(o.raw, 16) : undefined;
}

function u32Hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
