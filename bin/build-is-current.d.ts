/** True when `<root>/dist` is at least as new as everything it is built from (see build-is-current.js). */
export function buildIsCurrent(root: string): boolean;
