/** Names longer than this get no suggestion: the distance table stays small. */
const MAX_NAME = 40;

/** Edit distance (insert, delete, substitute, swap neighbours), two rows. */
function distance(a: string, b: string): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate within two edits (and closer than its own length), if any. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > MAX_NAME) return undefined;
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = distance(lower, c);
    if (d < bestD && d < c.length) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` for the closest candidate, else ''. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const best = closest(name, candidates);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}
