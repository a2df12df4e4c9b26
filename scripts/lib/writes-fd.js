/** The environment variable that names the file descriptor Astro's process tells each file it has written on (replacing-writes.js). */
export const WRITES_FD = 'BUILD_WRITES_FD';
