/** The command line's exit codes, the same for every command (a contract: scripts test them). */

/** Done: no error findings. */
export const EXIT_OK = 0;
/** Done, with error findings. */
export const EXIT_FINDINGS = 1;
/** An input could not be read or holds no table, an output could not be written, or the options are wrong. */
export const EXIT_UNREADABLE = 2;
/** Stopped by Ctrl+C (128 + SIGINT), nothing written. */
export const EXIT_INTERRUPTED = 130;
