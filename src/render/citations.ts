// Citations as people read them: [2,6–11] rather than [6][2][7][8][9][10][11].

/** The source numbers, in order, with runs of three or more as ranges: `[2,6–11]`. */
export function citeNumbers(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return parts.length > 0 ? `[${parts.join(',')}]` : '';
}
