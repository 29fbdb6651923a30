/** Arrivals closer than this to the previous one count as bunched (answered together, they land together). */
export const BUNCHED_WITHIN_MS = 1;

/**
 * The share (0..1) of the arrivals after the first that came within `withinMs` of the previous
 * arrival; undefined with fewer than two arrivals. `arrivalsMs` in arrival order.
 */
export function bunchedShare(
	arrivalsMs: readonly number[],
	withinMs = BUNCHED_WITHIN_MS,
): number | undefined {
	if (arrivalsMs.length < 2) return undefined;
	let bunched = 0;
	for (let i = 1; i < arrivalsMs.length; i++)
		if (arrivalsMs[i] - arrivalsMs[i - 1] < withinMs) bunched++;
	return bunched / (arrivalsMs.length - 1);
}
