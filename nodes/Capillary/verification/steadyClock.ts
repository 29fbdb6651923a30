/**
 * Milliseconds since the epoch on a clock that is never set: the process's start on the wall clock,
 * plus the monotonic time since. Verification compares when a request left with when its lookup
 * came back (Capillary's Date header relates the two to Capillary's clock): measured on this clock,
 * n8n's wall clock being set in between (NTP, an operator) changes nothing. Both ends must use it.
 */
export function steadyNow(): number {
	return performance.timeOrigin + performance.now();
}
