/** Reason colours: the same reason keeps its colour across charts (by its rank in the team totals). */
export const PALETTE = ['#2f6fed', '#e8590c', '#2b8a3e', '#c2255c', '#7048e8', '#0c8599', '#e67700', '#5c940d', '#862e9c'];
export const OTHERS_COLOR = '#adb5bd';
export const JUNK_COLOR = '#868e96';
export const LOSS_COLOR = '#2f6fed';

export function colorOf(rank: number): string {
  return rank >= 0 && rank < PALETTE.length ? PALETTE[rank]! : OTHERS_COLOR;
}
