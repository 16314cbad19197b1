import { describe, expect, it } from 'vitest';
import { ExpressionError } from './errors.js';
import { resolveField } from './fields.js';
import { parse } from './parser.js';

function resolve(text: string): ReturnType<typeof resolveField> {
  const n = parse(text);
  if (n.k !== 'path') throw new Error(`not a path: ${text}`);
  return resolveField(text, n.segs, ['len', 'exists']);
}

function error(text: string): [number, string] {
  try {
    resolve(text);
  } catch (e) {
    if (e instanceof ExpressionError) return [e.column, e.reason];
    throw e;
  }
  throw new Error(`resolved without error: ${text}`);
}

describe('resolveField', () => {
  it('resolves every field kind with its type', () => {
    expect(resolve('msg.type')).toEqual({ ref: { f: 'msg-type' }, ty: 'string' });
    expect(resolve('msg.xid')).toEqual({ ref: { f: 'msg-xid' }, ty: 'int' });
    expect(resolve('msg.option[16]')).toEqual({ ref: { f: 'msg-option', code: 16 }, ty: 'bytes' });
    expect(resolve('relay.count')).toEqual({ ref: { f: 'relay-count' }, ty: 'int' });
    expect(resolve('relay[2].remote_id')).toEqual({ ref: { f: 'relay', hop: 2, name: 'remote_id' }, ty: 'bytes' });
    expect(resolve('relay[0].link_address')).toEqual({ ref: { f: 'relay', hop: 0, name: 'link_address' }, ty: 'address' });
    expect(resolve('relay[31].option[65535]')).toEqual({ ref: { f: 'relay-option', hop: 31, code: 65535 }, ty: 'bytes' });
    expect(resolve('source')).toEqual({ ref: { f: 'top', name: 'source' }, ty: 'address' });
    expect(resolve('vendor_class_enterprise')).toEqual({ ref: { f: 'top', name: 'vendor_class_enterprise' }, ty: 'int' });
  });

  it.each([
    ['relay[0].remot_id', 10, 'unknown field "remot_id" (did you mean "remote_id"?)'],
    ['relay[1].banana', 10, 'unknown field "banana" (a relay hop has link_address, peer_address, hop_count, interface_id, remote_id, remote_id_enterprise, subscriber_id, client_linklayer, client_linklayer_type, option[N])'],
    ['remote_id', 1, 'unknown field "remote_id" (did you mean "relay[0].remote_id"?)'],
    ['duidd', 1, 'unknown field "duidd" (did you mean "duid"?)'],
    ['zebra', 1, 'unknown field "zebra"'],
    ['len', 1, 'len is a function: write len(...)'],
    ['msg', 1, 'msg needs a field: msg.type, msg.xid, msg.option[N]'],
    ['msg[0]', 5, 'msg takes no index here; fields are msg.type, msg.xid, msg.option[N]'],
    ['msg.tpye', 5, 'unknown field "tpye" (did you mean "type"?)'],
    ['msg.flags', 5, 'unknown field "flags" (msg has msg.type, msg.xid, msg.option[N])'],
    ['msg.option', 1, 'msg.option needs an option code: msg.option[N]'],
    ['msg.option.x', 12, 'msg.option needs an option code: msg.option[N], found ".x"'],
    ['msg.option[0]', 12, 'option code 0 is out of range 1..65535'],
    ['msg.option[65536]', 12, 'option code 65536 is out of range 1..65535'],
    ['msg.xid.low', 9, 'msg.xid is a value of type int and has no field "low"'],
    ['duid[0]', 6, 'duid is a value of type bytes and has no index'],
    ['relay', 1, 'relay needs an index or .count: relay[0].remote_id, relay.count'],
    ['relay.cout', 7, 'unknown field "cout" (did you mean "count"?)'],
    ['relay.remote_id', 7, 'relay fields belong to one hop: write relay[0].remote_id (0 is the relay closest to the server)'],
    ['relay[32].hop_count', 7, 'relay index 32 is out of range 0..31 (relay chains are at most 32 deep)'],
    ['relay[0]', 1, 'relay[0] needs a field: link_address, peer_address, hop_count, interface_id, remote_id, remote_id_enterprise, subscriber_id, client_linklayer, client_linklayer_type, option[N]'],
    ['relay[0][1]', 10, 'relay[0] takes no index here; fields are link_address, peer_address, hop_count, interface_id, remote_id, remote_id_enterprise, subscriber_id, client_linklayer, client_linklayer_type, option[N]'],
  ])('rejects %j at column %i', (text, column, reason) => {
    expect(error(text)).toEqual([column, reason]);
  });
});
