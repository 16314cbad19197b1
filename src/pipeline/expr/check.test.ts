import { describe, expect, it } from 'vitest';
import { Checker, type IR } from './check.js';
import { ExpressionError } from './errors.js';
import { parse } from './parser.js';

const check = (text: string): IR => new Checker(text).check(parse(text));

function error(text: string): [number, string] {
  try {
    check(text);
  } catch (e) {
    if (e instanceof ExpressionError) return [e.column, e.reason];
    throw e;
  }
  throw new Error(`checked without error: ${text}`);
}

describe('Checker', () => {
  it('types fields, functions and operators', () => {
    expect(check('len(duid)').ty).toBe('int');
    expect(check('hex(relay[0].remote_id)').ty).toBe('string');
    expect(check("lower(iface) == 'eth0'").ty).toBe('bool');
    expect(check('substring(duid, 0, 2)').ty).toBe('bytes');
    expect(check("substring(iface, 0, 2)").ty).toBe('string');
    expect(check('concat(duid, 0x00)').ty).toBe('bytes');
    expect(check('starts_with(duid, 0x0003)').ty).toBe('bool');
    expect(check('(msg.xid == 1) == true').ty).toBe('bool');
  });

  it('turns a string compared with an address into its canonical form', () => {
    expect(check("relay[0].link_address == '2001:DB8:0:0::1'")).toMatchObject({ right: { k: 'lit', ty: 'address', value: '2001:db8::1' } });
    expect(check("'FE80::1' != source")).toMatchObject({ left: { k: 'lit', ty: 'address', value: 'fe80::1' } });
    expect(check("source in ['fe80::1', 'FE80::0:1', 'fe80::2']")).toMatchObject({ k: 'in', values: ['fe80::1', 'fe80::2'] });
  });

  it('makes exists() of an option test presence', () => {
    expect(check('exists(relay[1].option[37])')).toEqual({ k: 'present', ty: 'bool', ref: { f: 'relay-option', hop: 1, code: 37 } });
    expect(check('exists(hwaddr)')).toMatchObject({ k: 'exists', arg: { k: 'field' } });
  });

  it('accepts known message types and numbers for msg.type', () => {
    expect(() => check("msg.type in ['solicit', 'information-request', '99']")).not.toThrow();
  });

  it.each([
    ['msg.xid == 0x01', 9, '"==" needs the same type on both sides, got int and bytes'],
    ["duid != 'abc'", 6, '"!=" needs the same type on both sides, got bytes and string'],
    ['iface == source', 7, '"==" needs the same type on both sides, got string and address'],
    ["msg.xid < 'a'", 11, '"<" compares integers, got string'],
    ['duid >= 1', 1, '">=" compares integers, got bytes'],
    ['msg.xid and true', 1, '"and" needs boolean operands, got int'],
    ['true or len(duid)', 9, '"or" needs boolean operands, got int'],
    ['not iface', 5, '"not" needs a boolean, got string'],
    ['msg.xid in [1, 0x02]', 16, 'list element is bytes but the left side of "in" is int'],
    ['(msg.xid == 1) in [true]', 16, '"in" needs a value on its left, got bool'],
    ["relay[0].peer_address == 'fe80::zz'", 26, '"fe80::zz" is not an IPv6 address'],
    ["source in ['fe80::1', 'nope']", 23, '"nope" is not an IPv6 address'],
    ["msg.type == 'solicitt'", 13, 'unknown message type "solicitt" (did you mean "solicit"?)'],
    ["msg.type in ['request', 'renw']", 25, 'unknown message type "renw" (did you mean "renew"?)'],
    ['lenght(duid) > 1', 1, 'unknown function "lenght" (did you mean "len"?)'],
    ['length(duid) > 1', 1, 'unknown function "length" (did you mean "len"?)'],
    ["member('gold')", 1, 'unknown function "member" (did you mean "marked"?)'],
    ['frobnicate(duid)', 1, 'unknown function "frobnicate"'],
    ['len(duid, 1)', 1, 'len() takes 1 argument, got 2'],
    ['substring(duid, 1)', 1, 'substring() takes 3 arguments, got 2'],
    ['exists()', 1, 'exists() takes 1 argument, got 0'],
    ['lower(duid)', 7, 'argument 1 of lower() must be string, got bytes'],
    ['hex(iface)', 5, 'argument 1 of hex() must be bytes, got string'],
    ["substring(duid, '1', 2)", 17, 'argument 2 of substring() must be int, got string'],
    ['len(msg.xid)', 5, 'argument 1 of len() must be bytes or string, got int'],
    ["concat(duid, 'x')", 14, 'arguments of concat() must have the same type, got bytes and string'],
    ['starts_with(iface, 0x00)', 20, 'arguments of starts_with() must have the same type, got string and bytes'],
    ['marked(iface)', 8, "marked() takes a quoted name, e.g. marked('gold')"],
    ["exists(marked('x'))", 8, 'exists() needs a field or value, got bool'],
  ])('rejects %j at column %i', (text, column, reason) => {
    expect(error(text)).toEqual([column, reason]);
  });
});
