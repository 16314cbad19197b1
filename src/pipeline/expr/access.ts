import type { Option, RelayMessage6 } from '../../protocol/index.js';
import type { Value } from './check.js';
import type { Eval } from './compile.js';
import type { FieldRef, RelayField } from './fields.js';
import { bodyReader } from './option-body.js';

/**
 * One closure per field, chosen at load time. Hop options are found by a
 * direct scan of the hop's options array; nothing is looked up by name.
 */
type V = Eval<Value | undefined>;

/** First option with this code: a plain scan, as messages carry few options. */
function find(options: readonly Option[], code: number): Option | undefined {
  for (let i = 0; i < options.length; i++) if (options[i]!.code === code) return options[i];
  return undefined;
}

function member(o: Option | undefined, key: string): unknown {
  const v = o?.value;
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function relayField(name: RelayField): (hop: RelayMessage6) => Value | undefined {
  switch (name) {
    case 'link_address':
      return (h) => h.linkAddress;
    case 'peer_address':
      return (h) => h.peerAddress;
    case 'hop_count':
      return (h) => h.hopCount;
    case 'interface_id': {
      const body = bodyReader(18);
      return (h) => {
        const o = find(h.options, 18);
        return o && body(o);
      };
    }
    case 'subscriber_id': {
      const body = bodyReader(38);
      return (h) => {
        const o = find(h.options, 38);
        return o && body(o);
      };
    }
    case 'remote_id':
      return (h) => str(member(find(h.options, 37), 'remoteId'));
    case 'remote_id_enterprise':
      return (h) => num(member(find(h.options, 37), 'enterprise'));
    case 'client_linklayer':
      return (h) => str(member(find(h.options, 79), 'address'));
    case 'client_linklayer_type':
      return (h) => num(member(find(h.options, 79), 'linkType'));
  }
}

export function field(ref: FieldRef): V {
  switch (ref.f) {
    case 'top':
      switch (ref.name) {
        case 'duid':
          return (q) => q.ids.duid;
        case 'hwaddr':
          return (q) => q.ids['hw-address'];
        case 'iface':
          return (q) => q.iface;
        case 'source':
          return (q) => q.source;
        case 'subnet':
          return (q) => q.subnetId;
        case 'elapsed':
          return (q) => q.elapsedSeconds;
        case 'vendor_class_enterprise':
          return (q) => num(member(find(q.msg.options, 16), 'enterprise'));
      }
      break;
    case 'msg-type':
      return (q) => q.type;
    case 'msg-xid':
      return (q) => q.msg.xid;
    case 'msg-option': {
      const { code } = ref;
      const body = bodyReader(code);
      return (q) => {
        const o = find(q.msg.options, code);
        return o && body(o);
      };
    }
    case 'relay-count':
      return (q) => q.relays.length;
    case 'relay': {
      const { hop } = ref;
      const get = relayField(ref.name);
      return (q) => {
        const h = q.relays[hop];
        return h && get(h);
      };
    }
    case 'relay-option': {
      const { hop, code } = ref;
      const body = bodyReader(code);
      return (q) => {
        const h = q.relays[hop];
        const o = h && find(h.options, code);
        return o && body(o);
      };
    }
  }
}

export function present(ref: FieldRef & { f: 'msg-option' | 'relay-option' }): Eval<boolean> {
  const { code } = ref;
  if (ref.f === 'msg-option') return (q) => find(q.msg.options, code) !== undefined;
  const { hop } = ref;
  return (q) => {
    const h = q.relays[hop];
    return h !== undefined && find(h.options, code) !== undefined;
  };
}
