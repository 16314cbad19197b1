import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileBool, compileValue, ExpressionError } from './index.js';

/** docs/expressions.md stays true: its examples compile and its error samples are what we say. */
const doc = readFileSync(new URL('../../../docs/expressions.md', import.meta.url), 'utf8');

/** Lines of the code blocks in one section, without comments and blank lines. */
function examples(section: string): string[] {
  const start = doc.indexOf(`## ${section}\n`);
  const body = doc.slice(start, doc.indexOf('\n## ', start + 1));
  const lines: string[] = [];
  for (const block of body.split('```').filter((_, i) => i % 2 === 1)) {
    for (const line of block.split('\n')) {
      const code = line.replace(/#.*$/, '').trim();
      if (code) lines.push(code);
    }
  }
  return lines;
}

describe('docs/expressions.md', () => {
  it.each(examples('Examples'))('condition compiles: %s', (text) => {
    expect(() => compileBool(text)).not.toThrow();
  });

  it.each(examples('Values (flex-id)'))('value compiles: %s', (text) => {
    expect(() => compileValue(text)).not.toThrow();
  });

  it.each(examples('Option bodies'))('option example compiles: %s', (text) => {
    expect(() => compileBool(text)).not.toThrow();
  });

  it.each<[string, (t: string) => unknown]>([
    ['relay[0].remot_id == 0x01', compileBool],
    ['remote_id == 0x01', compileBool],
    ["msg.type == 'solicitt'", compileBool],
    ['msg.xid == 0x01', compileBool],
    ['relay[32].hop_count == 1', compileBool],
    ['msg.xid = 1', compileBool],
    ['concat(duid, 0x01)', compileBool],
  ])('lists the error of %s', (text, compile) => {
    let message = '';
    try {
      compile(text);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      message = e.message;
    }
    expect(examples('Errors')).toContain(message);
  });
});
