/** Marks WhyLost's bridge messages; kept apart so main-world scripts import no schema library. */
export const BRIDGE_TAG = 'whylost-bridge/1';
