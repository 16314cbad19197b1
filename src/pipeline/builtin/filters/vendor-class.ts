import { z } from 'zod';
import type { Option } from '../../../protocol/index.js';
import { defineFilter } from '../define.js';
import { hexBytes } from '../values.js';
import { hexIncludes } from './hex-search.js';

const VENDOR_CLASS = 16; // RFC 8415 §21.16
const MAX_DATA = 1024;

interface VendorClassValue {
  enterprise?: unknown;
  data?: unknown;
}

export const vendorClassFilter = defineFilter({
  description:
    "Matches the client's vendor class option (RFC 8415 §21.16): its enterprise number and, if given, a piece of its vendor-class-data.",
  schema: z
    .strictObject({
      enterprise: z.number().int().min(0).max(0xffffffff).describe('Enterprise number (IANA), e.g. 4491 for CableLabs'),
      data: z.string().min(1).max(MAX_DATA).optional().describe('Text that one vendor-class-data item must contain (its UTF-8 bytes), e.g. "docsis3.0"'),
      'data-hex': hexBytes(MAX_DATA).optional().describe('Bytes, as hex, that one vendor-class-data item must contain; instead of data'),
    })
    .superRefine((c, ctx) => {
      if (c.data !== undefined && c['data-hex'] !== undefined) ctx.addIssue({ code: 'custom', path: ['data-hex'], message: 'give "data" or "data-hex", not both' });
    }),
  create(config) {
    const enterprise = config.enterprise;
    const needle = config.data !== undefined ? Buffer.from(config.data, 'utf8').toString('hex') : config['data-hex'];
    const fits = (o: Option): boolean => {
      const v = o.value as VendorClassValue | undefined;
      if (o.code !== VENDOR_CLASS || v?.enterprise !== enterprise) return false;
      if (needle === undefined) return true;
      return Array.isArray(v.data) && v.data.some((item) => typeof item === 'string' && hexIncludes(item, needle));
    };
    return { match: (ctx) => ctx.request.msg.options.some(fits) };
  },
});
