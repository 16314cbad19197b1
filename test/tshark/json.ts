/**
 * tshark's `-T json` repeats keys inside one object (every option is another
 * "dhcpv6.option.type_str_tree"), which JSON.parse would collapse. This reads
 * objects as ordered [key, value] lists so repeats and their order survive.
 */

export type Node = string | number | boolean | null | Tree | Node[];

export class Tree {
  constructor(readonly entries: readonly [string, Node][]) {}

  /** Values of `key` directly in this object, in order. */
  all(key: string): Node[] {
    return this.entries.filter(([k]) => k === key).map(([, v]) => v);
  }

  first(key: string): Node | undefined {
    return this.entries.find(([k]) => k === key)?.[1];
  }

  /** Every [key, value] in this object and all objects below it, depth first. */
  *walk(): Generator<[string, Node]> {
    for (const e of this.entries) {
      yield e;
      yield* walkNode(e[1]);
    }
  }
}

function* walkNode(n: Node): Generator<[string, Node]> {
  if (n instanceof Tree) yield* n.walk();
  else if (Array.isArray(n)) for (const x of n) yield* walkNode(x);
}

const STRING = /"(?:[^"\\]|\\.)*"/sy;
const SCALAR = /-?[0-9][0-9.eE+-]*|true|false|null/y;

export function parseJsonKeepingKeys(text: string): Node {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`tshark JSON: ${what} at offset ${i}: ${JSON.stringify(text.slice(i, i + 40))}`);
  };
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const expect = (c: string) => {
    space();
    if (text[i] !== c) fail(`expected "${c}"`);
    i++;
  };
  const token = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) i = re.lastIndex;
    return m?.[0];
  };
  const string = (): string => JSON.parse(token(STRING) ?? fail('bad string')) as string;
  const value = (): Node => {
    space();
    const c = text[i];
    if (c === '"') return string();
    if (c === '{') {
      i++;
      const entries: [string, Node][] = [];
      space();
      if (text[i] === '}') return i++, new Tree(entries);
      for (;;) {
        space();
        const k = string();
        expect(':');
        entries.push([k, value()]);
        space();
        if (text[i++] === '}') return new Tree(entries);
        if (text[i - 1] !== ',') fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: Node[] = [];
      space();
      if (text[i] === ']') return i++, items;
      for (;;) {
        items.push(value());
        space();
        if (text[i++] === ']') return items;
        if (text[i - 1] !== ',') fail('expected "," or "]"');
      }
    }
    return JSON.parse(token(SCALAR) ?? fail('unexpected character')) as Node;
  };
  const v = value();
  space();
  if (i !== text.length) fail('trailing text');
  return v;
}
