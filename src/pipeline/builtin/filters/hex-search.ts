/**
 * Whether `needle` occurs in `hay` on a byte boundary (both lowercase hex):
 * a hit at an odd offset would straddle two bytes.
 */
export function hexIncludes(hay: string, needle: string): boolean {
  let at = hay.indexOf(needle);
  while (at >= 0) {
    if ((at & 1) === 0) return true;
    at = hay.indexOf(needle, at + 1);
  }
  return false;
}
