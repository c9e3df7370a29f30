/** Calendar arithmetic on 'YYYY-MM-DD' strings (UTC, no time zones involved). */
const DAY = 86_400_000;
const toMs = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
export const addDays = (d: string, n: number) => new Date(toMs(d) + n * DAY).toISOString().slice(0, 10);
export const daysBetween = (a: string, b: string) => Math.round((toMs(b) - toMs(a)) / DAY);
export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/** The months an activity touches, with the number of its days in each: the weights of the split rule. */
export function activityMonths(start: string, end: string): { period: string; days: number }[] {
  const out: { period: string; days: number }[] = [];
  let cur = start;
  while (cur <= end) {
    const period = cur.slice(0, 7);
    const y = Number(cur.slice(0, 4));
    const m = Number(cur.slice(5, 7));
    const monthEnd = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const last = monthEnd < end ? monthEnd : end;
    out.push({ period, days: daysBetween(cur, last) + 1 });
    cur = addDays(last, 1);
  }
  return out;
}
