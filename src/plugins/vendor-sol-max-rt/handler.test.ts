import { describe, expect, it } from 'vitest';
import { Codec, extendSpace, type ClientServerMessage6, type Option } from '../../protocol/index.js';
import { standardSpaces } from '../../protocol/spaces.js';
import { privateOptionDef, type Settings } from './config.js';
import { createHandler } from './handler.js';
import { contextFor } from './testing.js';

const CPE = 4491;
const PRIVATE = 65001;
const settings: Settings = { enterprise: CPE, code: PRIVATE };

const vendorClass = (enterprise: number): Option => ({ code: 16, name: 'vendor-class', value: { enterprise, data: ['6370652d78'] } });
const solMaxRt = (seconds: number): Option => ({ code: 82, name: 'solmax-rt', value: seconds });
const reply = (...options: Option[]): ClientServerMessage6 => ({ type: 'reply', xid: 0x123456, options });

function post(s: Settings, requestOptions: Option[], response?: ClientServerMessage6): ClientServerMessage6 | undefined {
  const ctx = contextFor(requestOptions, response);
  void createHandler(s).post!(ctx);
  return ctx.response;
}

const privateOf = (m: ClientServerMessage6 | undefined) => m?.options.filter((o) => o.code === PRIVATE);

describe('vendor-sol-max-rt handler', () => {
  it('copies the standard SOL_MAX_RT of the response under the private code for the CPE family', () => {
    const out = post(settings, [vendorClass(CPE)], reply(solMaxRt(3600)));
    expect(privateOf(out)).toEqual([{ code: PRIVATE, name: `vendor-sol-max-rt-${PRIVATE}`, value: 3600, raw: '00000e10' }]);
    expect(out!.options.filter((o) => o.code === 82)).toEqual([solMaxRt(3600)]);
  });

  it('sends the configured value, even when the response has no option 82', () => {
    expect(privateOf(post({ ...settings, 'sol-max-rt': 120 }, [vendorClass(CPE)], reply()))).toEqual([expect.objectContaining({ value: 120, raw: '00000078' })]);
    expect(privateOf(post({ ...settings, 'sol-max-rt': 120 }, [vendorClass(CPE)], reply(solMaxRt(3600))))).toEqual([expect.objectContaining({ value: 120 })]);
  });

  it('adds nothing when neither the response nor the config has a SOL_MAX_RT', () => {
    expect(privateOf(post(settings, [vendorClass(CPE)], reply()))).toEqual([]);
  });

  it('leaves other vendors and clients without a Vendor Class alone', () => {
    expect(privateOf(post(settings, [vendorClass(9)], reply(solMaxRt(3600))))).toEqual([]);
    expect(privateOf(post(settings, [], reply(solMaxRt(3600))))).toEqual([]);
  });

  it('matches any of several Vendor Class options, and one kept raw (undecodable)', () => {
    expect(privateOf(post(settings, [vendorClass(9), vendorClass(CPE)], reply(solMaxRt(600))))).toHaveLength(1);
    const raw: Option = { code: 16, name: 'vendor-class', raw: '0000118bff', error: 'short tuple at offset 4' };
    expect(privateOf(post(settings, [raw], reply(solMaxRt(600))))).toHaveLength(1);
  });

  it('reads a standard SOL_MAX_RT given as raw hex', () => {
    expect(privateOf(post(settings, [vendorClass(CPE)], reply({ code: 82, raw: '00000258' })))).toEqual([expect.objectContaining({ value: 600 })]);
  });

  it('keeps an option of the private code that option-data already put there', () => {
    const mine: Option = { code: PRIVATE, raw: '0000003c' };
    expect(privateOf(post(settings, [vendorClass(CPE)], reply(solMaxRt(3600), mine)))).toEqual([mine]);
  });

  it('touches only Advertise and Reply, and does nothing in pre-stage contexts without a response', () => {
    const advertise: ClientServerMessage6 = { type: 'advertise', xid: 1, options: [solMaxRt(3600)] };
    expect(privateOf(post(settings, [vendorClass(CPE)], advertise))).toHaveLength(1);
    const other: ClientServerMessage6 = { type: 'reconfigure', xid: 1, options: [solMaxRt(3600)] };
    expect(privateOf(post(settings, [vendorClass(CPE)], other))).toEqual([]);
    expect(post(settings, [vendorClass(CPE)])).toBeUndefined();
  });

  it('encodes with the standard codec and decodes by name with the plugin definition', () => {
    const out = post(settings, [vendorClass(CPE)], reply(solMaxRt(3600)))!;
    const bytes = new Codec().encode6(out);
    expect(bytes.toString('hex')).toContain('fde9000400000e10');
    const withDef = new Codec(standardSpaces().map((s) => (s.name === 'dhcp6' ? extendSpace(s, [privateOptionDef(PRIVATE)]) : s)));
    const back = withDef.decode6(bytes) as ClientServerMessage6;
    expect(back.options.find((o) => o.code === PRIVATE)).toEqual({ code: PRIVATE, name: `vendor-sol-max-rt-${PRIVATE}`, value: 3600 });
  });
});
