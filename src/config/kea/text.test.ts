import { describe, expect, it } from 'vitest';
import { normalizeKeaText, parseKeaText } from './text.js';

describe('Kea config text', () => {
  it('accepts #, // and /* */ comments, but not inside strings', () => {
    const text = `# a shell-style comment
{ "Dhcp6": { // a C++ comment with a "quote
  /* a block with # inside */ "a": "x # not a comment", # trailing
  "b": "http://example.com/#frag"
} }`;
    expect(parseKeaText(text)).toEqual({ ok: true, value: { Dhcp6: { a: 'x # not a comment', b: 'http://example.com/#frag' } } });
  });

  it('keeps columns, so errors point into the file', () => {
    expect(normalizeKeaText('a # b\nc')).toBe('a    \nc');
    const r = parseKeaText('{\n  # comment\n  "a": 1 "b" }');
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^line 3 column 10: not valid JSON/) });
  });

  it('reads numbers without their leading zero, as Kea does', () => {
    expect(parseKeaText('{ "t1-percent": .5, "x": [-.25], "s": ".5" }')).toEqual({ ok: true, value: { 't1-percent': 0.5, x: [-0.25], s: '.5' } });
  });

  it('says that includes are not supported', () => {
    expect(parseKeaText('{ "Dhcp6": { <?include "subnets.json"?> } }')).toEqual({
      ok: false,
      message: 'the <?include ?> directive is not supported: inline the included file first',
    });
  });
});
